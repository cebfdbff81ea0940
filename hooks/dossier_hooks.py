"""MkDocs hooks: wire MkDocs events to the dossier generator package. No logic lives here.

Each event goes to the adapter in ``dossier.adapters.mkdocs``, taken from freshly imported code
at the start of every build, so `mkdocs serve` rebuilds with edited Python without a restart.
"""

from dossier.adapters.session import event

ADAPTER = "dossier.adapters.mkdocs"

on_startup = event(ADAPTER, "on_startup", starts_build=True)
on_config = event(ADAPTER, "on_config", starts_build=True)
on_serve = event(ADAPTER, "on_serve")
on_env = event(ADAPTER, "on_env")
on_files = event(ADAPTER, "on_files")
on_nav = event(ADAPTER, "on_nav")
on_page_markdown = event(ADAPTER, "on_page_markdown")
on_page_content = event(ADAPTER, "on_page_content")
on_page_context = event(ADAPTER, "on_page_context")
on_post_page = event(ADAPTER, "on_post_page")
on_post_template = event(ADAPTER, "on_post_template")
on_post_build = event(ADAPTER, "on_post_build")
