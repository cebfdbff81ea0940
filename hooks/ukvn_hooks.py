"""MkDocs hooks: wire MkDocs events to the ukvn package. No logic lives here."""

from ukvn.adapters.mkdocs import ADAPTER

on_config = ADAPTER.on_config
on_env = ADAPTER.on_env
on_files = ADAPTER.on_files
on_page_markdown = ADAPTER.on_page_markdown
on_page_content = ADAPTER.on_page_content
on_post_page = ADAPTER.on_post_page
on_post_template = ADAPTER.on_post_template
on_post_build = ADAPTER.on_post_build
