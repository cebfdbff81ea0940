"""The only module that knows MkDocs: it feeds MkDocs events to the core and places its pages.

Moving to a successor of MkDocs 1.x (ProperDocs builds the same config today) means rewriting
this file only; load, validate, model and render never import MkDocs.
"""

from __future__ import annotations

import functools
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from ukvn.build import Build, prepare
from ukvn.errors import DataInvalid
from ukvn.render import citation, csp


class DataValidationError(PluginError):
    """Data errors, one per line as ``path:line:col: field: message``; nothing is written."""


def _timed(method: Callable[..., Any]) -> Callable[..., Any]:
    """Adds the time spent in a hook to ``self.spent`` (the project's own share of a build)."""

    @functools.wraps(method)
    def wrapper(self: Adapter, *args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return method(self, *args, **kwargs)
        finally:
            self.spent[method.__name__] = self.spent.get(method.__name__, 0.0) + time.perf_counter() - t0

    return wrapper


class Adapter:
    """Holds one build's validated data and rendered pages between MkDocs events."""

    def __init__(self) -> None:
        self.build: Build | None = None
        self.by_src: dict[str, Any] = {}
        self.spent: dict[str, float] = {}

    @_timed
    def on_config(self, config: Any) -> None:
        """Validate the whole data set and render every generated page before MkDocs writes anything."""
        self.spent = {}
        root = Path(config.config_file_path).parent
        try:
            extra = {**dict(config.extra), "site_url": config.site_url or ""}
            self.build = prepare(root, theme_dir=Path(config.theme.custom_dir), extra=extra)
        except DataInvalid as exc:
            raise DataValidationError("Data validation failed:\n" + exc.report()) from None
        self.by_src = {p.src_uri: p for p in self.build.pages}

    def on_env(self, env: Any, config: Any, files: Files) -> Any:
        """Filters the theme templates need for the suggested citation."""
        env.filters["bibtex"] = citation.bibtex_escape
        env.filters["bibtex_key"] = citation.bibtex_key
        return env

    @_timed
    def on_files(self, files: Files, config: Any) -> Files:
        """Add the generated pages; a collision with a hand-written page in docs/ is an error."""
        assert self.build is not None
        for page in self.build.pages:
            existing = files.get_file_from_path(page.src_uri)
            if existing is not None and not existing.generated_by:
                raise PluginError(f"docs/{page.src_uri}: this page is generated from data/; "
                                  "remove or rename the hand-written file")
            f = File.generated(config, page.src_uri, content="")
            if not page.in_nav:
                f.inclusion = InclusionLevel.NOT_IN_NAV  # reached from index pages: keeps MkDocs linear
            files.append(f)
        for extra in self.build.files:
            files.append(File.generated(config, extra.path, content=extra.content))
        return files

    @_timed
    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Files) -> str:
        generated = self.by_src.get(page.file.src_uri)
        if generated is not None:
            # Material prints these raw in <title>, the header and <meta>: pass them pre-escaped.
            page.meta["title"] = Markup(escape(generated.title))  # noqa: S704 - escaped here
            page.meta["description"] = Markup(escape(generated.description))  # noqa: S704 - escaped here
            page.meta["ukvn_jsonld"] = Markup(generated.jsonld)  # noqa: S704 - JSON with <>& escaped
            if generated.search_exclude:
                page.meta["search"] = {"exclude": True}
            if generated.edit_path:
                page.meta["ukvn_edit_path"] = generated.edit_path
        return markdown

    @_timed
    def on_page_content(self, html: str, page: Any, config: Any, files: Files) -> str:
        generated = self.by_src.get(page.file.src_uri)
        return generated.body if generated is not None else html

    @_timed
    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        """Write the page's Content-Security-Policy (hashes of the theme's inline scripts)."""
        return csp.apply(output, page.content)

    @_timed
    def on_post_template(self, output: str, template_name: str, config: Any) -> str:
        """Static templates (404.html) get their policy too."""
        return csp.apply(output, None)

    def on_post_build(self, config: Any) -> None:
        """With UKVN_TIMINGS=path set, write the time spent in our code (for scripts/bench.py)."""
        target = os.environ.get("UKVN_TIMINGS")
        if target and self.build is not None:
            Path(target).write_text(json.dumps({"hooks": self.spent, "stages": self.build.timings}), encoding="utf-8")


ADAPTER = Adapter()
