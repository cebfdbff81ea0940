"""Incremental rebuilds under `mkdocs serve --dirty`: which generated pages changed since the last build.

A page is rebuilt when what the renderer made of it (title, description, body, structured data, data file,
search and navigation flags) differs from the last build of the same edition, or when anything every page
depends on changed (the configuration, documentary.yml, a template or asset of the theme, a hand-written
page, the generator's code), or when the navigation changed (which pages it lists, their titles: every page
shows it): then every page is rebuilt. The site written after any sequence of edits is the
site a clean build writes (``tests/test_incremental.py`` checks it on a random sequence). No MkDocs here.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from dossier.model.dataset import Dataset
from dossier.model.kinds import KINDS
from dossier.model.reads import ALL, COUNT, COUNTS, REMEMBERED, Read, reading
from dossier.render.pages import Page
from dossier.render.renderer import Renderer


def page_digest(page: Page) -> str:
    """What a generated page's output depends on that is its own (everything else is in ``signature``); computed
    once per finished page (a page reused whole keeps its digest)."""
    if not page.digest:
        h = hashlib.sha256()
        for part in (page.title, page.description, page.body, page.jsonld, page.edit_path or "",
                     str(page.search_exclude), str(page.in_nav)):
            h.update(part.encode("utf-8"))
            h.update(b"\0")
        page.digest = h.hexdigest()
    return page.digest


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
    nav: dict[str, str] = field(default_factory=dict)
    """src_uri -> title of each generated page the navigation lists (``navigation``)."""
    rendered: Rendered | None = None
    """What the entry pages' bodies were made from, to render again only those an edit changed."""
    titles: dict[str, str] = field(default_factory=dict)
    """src_uri -> title of each hand-written page (MkDocs reads it only from a page it builds)."""


@dataclass
class Rendered:
    """One edition's pages as last rendered, and what every page of it shared: the dependency map."""

    dataset: Dataset
    pages: dict[str, Page]
    """src_uri -> each generated page whose reads were noted (``Page.reads``), as finished."""
    shared: tuple[Any, ...]
    """What the renderer derived from the whole data set and every page may show (``shared``)."""
    by_year: dict[str, dict[int, Any]]
    """The renderer's by-year tables (read as ``by_year.<page>``)."""
    remembered: dict[str, Any] = field(default_factory=dict)
    """The answers the renderer derived from the whole data set (read as ``(REMEMBERED, key)``)."""

    @classmethod
    def of(cls, renderer: Renderer, pages: Iterable[Page]) -> Rendered:
        return cls(renderer.ds, {p.src_uri: p for p in pages if p.reads is not None},
                   shared(renderer), renderer.by_year, dict(renderer.remembered))


def shared(renderer: Renderer) -> tuple[Any, ...]:
    """What every page may show that the renderer derived once from the whole data set: the site map (every
    address and anchor), the glossary's terms, the years of each by-year index."""
    return (renderer.sitemap, dict(renderer.glossary), {key: tuple(years) for key, years in renderer.by_year.items()})


_ENTRY_KINDS: dict[type[BaseModel], str] = {declared.model: kind for kind, declared in KINDS.items()}


class Reuse:
    """Which pages may keep their last body: those none of whose reads of the data set an edit changed.

    A read ``(table, key)`` changed when the entries it gave differ (other ids, or an entry whose YAML changed)
    between the last data set and this one; ``(table, ALL)`` when any of the table did; ``(table, COUNT)`` when
    its length did, ``(table, COUNTS)`` the length of one of its lists; ``(REMEMBERED, key)`` when the renderer's
    answer differs (``Renderer.used_tags``: other tags, or an edited one). A value that is not made of entries,
    lists, tables, plain data or dataclasses of them counts as changed. Everything else a page shows comes from
    the signature (configuration, templates, catalogues, code) or from ``shared``: when either changed, no page
    is kept."""

    def __init__(self, before: Rendered | None, renderer: Renderer) -> None:
        ds = renderer.ds
        self.before = before if before is not None and before.dataset.raw and ds.raw and \
            before.shared == shared(renderer) else None
        self.ds = ds
        self.by_year = renderer.by_year
        self.remembered = renderer.remembered
        self.renderer = renderer
        self.edited: set[tuple[str, str]] = set()
        """(kind, id) of every entry added, removed or changed since the last build."""
        if self.before is not None:
            old = self.before.dataset
            self.edited = {key for key in old.raw.keys() | ds.raw.keys()
                           if old.raw.get(key) != ds.raw.get(key) or old.origin.get(key) != ds.origin.get(key)}
        self._stale: dict[Read, bool] = {}
        self._changed: frozenset[Read] | None = None
        """``changed_reads``, once computed."""
        self._enumerable = True
        """False when a table is missing from one of the two builds: reads are then told one by one."""

    def _fresh(self, reads: frozenset[Read]) -> bool:
        """Whether none of ``reads`` changed: one set operation against every changed read (``changed_reads``),
        or read by read when a table could not be enumerated."""
        changed = self.changed_reads()
        if changed is not None:
            return reads.isdisjoint(changed)
        return not any(self.stale(read) for read in reads)

    def tables(self) -> set[str]:
        """Every table a page can read: the data set's (``model.reads.track``), the by-year tables, the
        remembered answers."""
        assert self.before is not None
        names = {name for name, value in vars(self.ds).items() if isinstance(value, dict)} - {"origin", "raw"}
        return names | {f"by_year.{key}" for key in (*self.by_year, *self.before.by_year)} | {REMEMBERED}

    def changed_reads(self) -> frozenset[Read] | None:
        """Every read that changed since the last build, over every table a page can read (``tables``),
        computed once, table by table; None when a table is missing from one of the two builds."""
        if self._changed is None and self._enumerable:
            changed: set[Read] = set()
            for name in sorted(self.tables()):
                old, new = self._table(name, True), self._table(name, False)
                if not isinstance(old, dict) or not isinstance(new, dict):
                    self._enumerable = False
                    return None
                keys = dict.keys(old) | dict.keys(new)
                differ = {k for k in keys if self._differs(dict.get(old, k), dict.get(new, k))}
                changed.update((name, k) for k in differ)
                if differ or list(dict.keys(old)) != list(dict.keys(new)):
                    changed.add((name, ALL))
                if dict.__len__(old) != dict.__len__(new):
                    changed.add((name, COUNT))
                if _counts(old) != _counts(new):
                    changed.add((name, COUNTS))
            self._changed = frozenset(changed)
        return self._changed

    def _unchanged(self, src_uri: str) -> Page | None:
        """The last build's page at ``src_uri`` if none of its reads changed, else None."""
        last = self.before.pages.get(src_uri) if self.before is not None else None
        return last if last is not None and last.reads is not None and self._fresh(last.reads) else None

    def page(self, src_uri: str) -> Page | None:
        """The last build's page at ``src_uri``, to reuse whole (no plan, no rendering), if none of its reads
        changed; else None."""
        last = self._unchanged(src_uri)
        if last is not None:
            last.kept = True
        return last

    def body(self, page: Page) -> str | None:
        """The page's last body if it may be kept (its reads then carry over), else None: render it."""
        last = self._unchanged(page.src_uri) if page.reads is not None else None
        if last is None or page.reads is None or last.reads is None:
            return None
        page.reads |= last.reads
        return last.body

    def _table(self, name: str, before: bool) -> Any:
        if name == REMEMBERED:
            assert self.before is not None
            if not before:  # every answer the last build used, as this build's data give it (not a page's read)
                with reading():
                    for key in self.before.remembered.keys() - self.remembered.keys():
                        getattr(self.renderer, key)()
            return self.before.remembered if before else self.remembered
        if name.startswith("by_year."):
            assert self.before is not None
            return (self.before.by_year if before else self.by_year).get(name.removeprefix("by_year."))
        return getattr(self.before.dataset if before and self.before else self.ds, name, None)

    def stale(self, read: Read) -> bool:
        if read not in self._stale:
            table, key = read
            old, new = self._table(table, True), self._table(table, False)
            if not isinstance(old, dict) or not isinstance(new, dict):
                self._stale[read] = True
            elif key == ALL:
                self._stale[read] = self._differs(list(dict.items(old)), list(dict.items(new)))
            elif key == COUNT:
                self._stale[read] = dict.__len__(old) != dict.__len__(new)
            elif key == COUNTS:
                self._stale[read] = [(k, len(v)) for k, v in dict.items(old)] != \
                    [(k, len(v)) for k, v in dict.items(new)]
            else:
                self._stale[read] = self._differs(dict.get(old, key), dict.get(new, key))
        return self._stale[read]

    def _differs(self, old: Any, new: Any) -> bool:
        if _same(old, new):
            return False
        old_shape, old_edited = self._shape(old)
        new_shape, new_edited = self._shape(new)
        return old_edited or new_edited or old_shape != new_shape

    def _shape(self, value: Any) -> tuple[Any, bool]:
        """(what the value is made of, by entry ids; whether an entry of it was edited, or it cannot be told)."""
        if isinstance(value, BaseModel):
            kind = _ENTRY_KINDS.get(type(value))
            if kind is None:  # not an entry: cannot tell what it came from
                return ("model", id(value)), True
            key = (kind, getattr(value, "id", None))
            return key, key in self.edited
        if isinstance(value, (list, tuple)):
            parts = [self._shape(v) for v in value]
            return tuple(p for p, _ in parts), any(e for _, e in parts)
        if isinstance(value, dict):
            pairs = [(k, self._shape(v)) for k, v in dict.items(value)]
            return tuple((k, p) for k, (p, _) in pairs), any(e for _, (_, e) in pairs)
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return self._shape([getattr(value, f.name) for f in dataclasses.fields(value)])
        if value is None or type(value) in (str, int, float, bool):
            return value, False
        return ("value", id(value)), True  # e.g. a translatable text: equal base texts say nothing of the rest


def _counts(table: dict[Any, Any]) -> list[tuple[Any, int]] | None:
    """How many items each entry of a table of lists holds (``COUNTS``); None for a table of entries."""
    try:
        return [(k, len(v)) for k, v in dict.items(table)]
    except TypeError:
        return None


def _same(old: Any, new: Any) -> bool:
    """Whether two values are surely made of the same entries, none edited: the very same objects (a data file
    whose bytes did not change keeps its frozen models, ``validate.check``), in lists and tables of the same
    shape, or equal plain values. False says nothing: ``Reuse._shape`` then tells."""
    if old is new:
        return True
    if type(old) is not type(new):
        return False
    if isinstance(old, (list, tuple)):
        return len(old) == len(new) and all(_same(a, b) for a, b in zip(old, new, strict=True))
    if isinstance(old, dict):
        return list(dict.keys(old)) == list(dict.keys(new)) and all(
            _same(dict.__getitem__(old, k), dict.__getitem__(new, k)) for k in dict.keys(old))
    return old is None or (type(old) in (str, int, float, bool) and old == new)


def navigation(pages: Iterable[Page]) -> dict[str, str]:
    """What of the generated pages every page shows: the navigation's entries and their titles."""
    return {p.src_uri: p.title for p in pages if p.in_nav}


def everything(pages: Iterable[Page], previous: Previous | None, now: str) -> bool:
    """Whether every page is rebuilt: no comparable previous build, or what every page shows changed (the
    signature, the navigation). Hand-written pages are rebuilt then only (they show nothing else that changes)."""
    return previous is None or previous.signature != now or previous.nav != navigation(pages)


def changed(pages: Iterable[Page], previous: Previous | None, now: str) -> set[str]:
    """The src_uri of each generated page to rebuild: all of them without a comparable previous build."""
    pages = list(pages)
    if previous is None or everything(pages, previous, now):
        return {p.src_uri for p in pages}
    return {p.src_uri for p in pages if previous.digests.get(p.src_uri) != page_digest(p)}
