"""Incremental rebuilds under `mkdocs serve --dirty`: which generated pages changed since the last build.

A page is rebuilt when what the renderer made of it (title, description, body, structured data, data file,
search and navigation flags) differs from the last build of the same edition, or when anything every page
depends on changed (the configuration, documentary.yml, a template or asset of the theme, a hand-written
page, the generator's code): then every page is rebuilt. The site written after any sequence of edits is the
site a clean build writes (``tests/test_incremental.py`` checks it on a random sequence). No MkDocs here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dossier.render.pages import Page


def page_digest(page: Page) -> str:
    """What a generated page's output depends on that is its own (everything else is in ``signature``)."""
    h = hashlib.sha256()
    for part in (page.title, page.description, page.body, page.jsonld, page.edit_path or "",
                 str(page.search_exclude), str(page.in_nav)):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def signature(texts: Iterable[str], folders: Iterable[Path]) -> str:
    """One digest of what every page depends on: configuration texts, and each file (path, size, mtime) under
    ``folders`` (the theme's templates and assets, the hand-written pages)."""
    h = hashlib.sha256()
    for text in texts:
        h.update(text.encode("utf-8"))
        h.update(b"\0")
    for folder in folders:
        if folder.is_dir():
            for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
                stat = path.stat()
                h.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return h.hexdigest()


@dataclass
class Previous:
    """One edition's last successful build in this `mkdocs serve` session."""

    signature: str
    digests: dict[str, str] = field(default_factory=dict)
    """src_uri -> ``page_digest`` of each generated page."""
    outputs: set[str] = field(default_factory=set)
    """The site paths (relative to the edition's folder) its pages were written to."""
    search: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """page url -> its entries in the search index, in order."""


def changed(pages: Iterable[Page], previous: Previous | None, now: str) -> set[str]:
    """The src_uri of each generated page to rebuild: all of them without a comparable previous build."""
    pages = list(pages)
    if previous is None or previous.signature != now:
        return {p.src_uri for p in pages}
    return {p.src_uri for p in pages if p.in_nav or previous.digests.get(p.src_uri) != page_digest(p)}
