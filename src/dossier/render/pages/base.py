"""What a page type is: its route, the view its template receives, its structured data and its texts.

Each page type of the site is one object (a module of this package); ``PAGE_TYPES`` in
``__init__`` holds them, and the site map, the page plan, the configuration check and the samples
of browser tests and audits all read it. Material's tags plugin (``structure/`` objects, a thin
renderer) is the model. No MkDocs here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

from dossier.model.dataset import Dataset
from dossier.model.kinds import KINDS
from dossier.model.reads import COUNTS, Read, note, untracked
from dossier.model.site import Documentary
from dossier.render import jsonld
from dossier.render.urls import relative

if TYPE_CHECKING:
    from dossier.render.renderer import Renderer


@dataclass
class Page:
    """A generated page: where it lives, what it is called, and its rendered body."""

    src_uri: str
    url: str
    title: str
    description: str
    template: str
    context: dict[str, Any]
    edit_path: str | None = None
    body: str = ""
    jsonld: str = ""
    structured: dict[str, Any] | None = None
    """The page's schema.org data (made into ``jsonld`` by the renderer)."""

    in_nav: bool = False
    """Index pages are in the navigation; entry pages are reached from them (keeps MkDocs linear)."""
    search_exclude: bool = False
    """The timeline repeats every event page: indexing it would double the search index."""
    reads: frozenset[Read] | None = None
    """An entry page's reads of the data set, under `mkdocs serve --dirty` (``model.reads``); None: not noted (an
    index page, or a plain build)."""
    kept: bool = False
    """The last build's page, reused whole under `mkdocs serve --dirty`: none of its reads changed."""
    digest: str = ""
    """``incremental.page_digest`` of the finished page, once computed."""


def chunks(entries: list[Any], size: int) -> list[list[Any]]:
    """``entries`` in pages of at most ``size`` (one page, however many, when ``size`` is 0)."""
    if not size or len(entries) <= size:
        return [entries]
    return [entries[i:i + size] for i in range(0, len(entries), size)]


def part_path(part: int, prefix: str = "") -> str:
    """Where page ``part`` (from 1) of a split list lives, relative to its first page: '' or '<prefix>2/'."""
    return "" if part == 1 else f"{prefix}{part}/"


def short(text: str, limit: int = 158) -> str:
    """A description cut at a word, for search engines and link previews."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


class PageType:
    """An index page of documentary.yml's ``pages``: one page at its route, in the navigation."""

    key: ClassVar[str]
    """Its key in documentary.yml's ``pages``."""
    path: ClassVar[str | None] = None
    """Its address, when it is not ``<key>/``."""
    template: ClassVar[str]
    lists: ClassVar[str | None] = None
    """The kind of entry it lists: what ``{count}`` in its description stands for."""
    required: ClassVar[bool] = False
    """Whether every documentary has it (the home page and the sources); the others are left out of a
    documentary with nothing to show on them."""
    shows: ClassVar[tuple[str, ...]] = ()
    """The kinds whose entries it shows: a documentary with entries of one of them must have the page."""
    searched: ClassVar[bool] = True
    """Whether the search index includes it (the timeline repeats every event page: it does not)."""
    listing: ClassVar[str | None] = None
    """The list in its view that goes on to further pages (``page/2/``...) past documentary.yml's ``per_page``
    for its key; None: one page, whatever its length."""
    part_prefix: ClassVar[str] = "page/"
    """The folder of its further pages, under its route."""

    def per_page(self, site: Documentary) -> int:
        """How many entries one of its pages lists (0: no limit)."""
        return int(getattr(site.per_page, self.key, 0) or 0)

    def route(self, site: Documentary | None) -> str:
        """Its address, relative to the edition's root."""
        return self.path if self.path is not None else f"{self.key}/"

    def src_uri(self, site: Documentary | None) -> str:
        """The (virtual) Markdown source MkDocs knows the page by."""
        url = self.route(site)
        return f"{url}index.md" if url else "index.md"

    def count(self, ds: Dataset) -> int:
        return len(getattr(ds, self.lists)) if self.lists else 0

    def view(self, r: Renderer) -> dict[str, Any]:
        """What its template receives besides the helpers."""
        return {}

    def structured_data(self, r: Renderer, page: Page) -> dict[str, Any]:
        return jsonld.collection(page.title, page.description)

    def anchors(self, site: Documentary, ds: Dataset, url: str) -> dict[tuple[str, str], str]:
        """(kind, id) -> address of the entries it shows somewhere other than ``<route>#<id>``."""
        return {}

    def pages(self, r: Renderer) -> Iterator[Page]:
        """Its pages: the index page (and, for by-year types, one page per year; for a long ``listing``, its
        further pages, each listing the next ``per_page`` entries)."""
        site, url = r.site, r.sitemap.url(self.key)
        text = site.pages[self.key]
        view = self.view(r)
        parts = chunks(view[self.listing], self.per_page(site)) if self.listing else [None]
        title, description = text.title.get(r.lang), text.description.get(r.lang).format(count=self.count(r.ds))
        for k, part in enumerate(parts, 1):
            here = url + part_path(k, self.part_prefix)
            context = {"text": text, **view, "parts": []}
            if len(parts) > 1:
                context[self.listing or ""] = part
                context["parts"] = part_links(len(parts), k, url, self.part_prefix, here)
            page = Page(self.src_uri(site) if k == 1 else here.rstrip("/") + ".md", here,
                        title if k == 1 else page_of(r, title, k, len(parts)), description, self.template, context,
                        in_nav=k == 1, search_exclude=not self.searched)
            page.structured = self.structured_data(r, page)
            yield page


def part_links(count: int, current: int, first: str, prefix: str, here: str) -> list[tuple[int, str, bool]]:
    """(number, link from ``here``, whether it is this page) for each of ``count`` pages of a split list whose
    first page is at ``first``."""
    return [(k, relative(first + part_path(k, prefix), here), k == current) for k in range(1, count + 1)]


def page_of(r: Renderer, title: str, part: int, parts: int) -> str:
    """The title of a further page of a split list: 'People, page 2 of 5'."""
    return r.t.gettext("%(title)s, page %(page)s of %(pages)s", title=title, page=part, pages=parts)


class ByYear(PageType):
    """An index page split into one page per year at ``<route><year>/``: the index keeps an overview and
    each year's page the entries in full, so no page grows with the whole record. Year pages are not in
    the navigation (reached from the index page and from each other)."""

    year_template: ClassVar[str]
    part_prefix = ""

    def years(self, site: Documentary, ds: Dataset, language: str) -> dict[int, Any]:
        """What each year's page holds, by year, in the order the index lists them (``len()`` of each:
        how many entries it shows), ordered by what readers of the edition in ``language`` see."""
        raise NotImplementedError

    def year_description(self, r: Renderer, year: int, entries: Any) -> str:
        raise NotImplementedError

    def year_view(self, r: Renderer, year: int, entries: Any, url: str) -> dict[str, Any]:
        """What a year's template receives besides the year navigation."""
        raise NotImplementedError

    def back_anchor(self, year: int) -> str:
        """Where a year's page links back to on the index page."""
        return f"#year-{year}"

    def year_structured_data(self, r: Renderer, page: Page) -> dict[str, Any]:
        return jsonld.collection(page.title, page.description)

    def year_links(self, r: Renderer, page_url: str) -> dict[int, str]:
        """year -> link from the page at ``page_url`` to that year's page (the years: in ``incremental.shared``)."""
        return {y: relative(r.sitemap.year_url(self.key, y), page_url) for y, _ in untracked(r.by_year[self.key])}

    def anchors(self, site: Documentary, ds: Dataset, url: str) -> dict[tuple[str, str], str]:
        """Each listed entry (of the kind it ``lists``) at its place: its year's page, or the page of that year
        it falls on past ``per_page`` (``<year>/2/#id``)."""
        size = self.per_page(site)
        if not self.lists:
            return {}
        out = {}
        for year, entries in self.years(site, ds, site.language).items():
            for i, entry in enumerate(entries):
                out[(self.lists, entry.id)] = f"{url}{year}/{part_path(i // size + 1 if size else 1)}#{entry.id}"
        return out

    def pages(self, r: Renderer) -> Iterator[Page]:
        yield from super().pages(r)
        years = r.by_year[self.key]
        counts = {y: len(v) for y, v in untracked(years)}
        ordered = list(counts)
        index = r.site.pages[self.key].title.get(r.lang)
        size = self.per_page(r.site)
        for i, year in enumerate(ordered):
            first = r.sitemap.year_url(self.key, year)
            entries = dict.__getitem__(years, year)
            parts = chunks(entries, size) if size else [entries]
            title = r.t.gettext("%(title)s: %(year)s", title=index, year=year)
            description: str | None = None
            for k, part in enumerate(parts, 1):
                # what every page of the year reads (noted for each: each is planned apart, ``Renderer._noted``)
                note(f"by_year.{self.key}", COUNTS)  # it shows how many entries each year has
                note(f"by_year.{self.key}", year)  # and its year's entries
                url = first + part_path(k)
                last = r.kept(url.rstrip("/") + ".md")
                if last is not None:  # under `mkdocs serve --dirty`, the last build's page if no read of it changed
                    yield last
                    continue
                if description is None:
                    description = self.year_description(r, year, entries)
                context: dict[str, Any] = {
                    "year": year, "index_title": index, "years": counts,
                    "previous": ordered[i - 1] if i else None, "next": ordered[i + 1] if i + 1 < len(ordered) else None,
                    "year_links": self.year_links(r, url),
                    "parts": part_links(len(parts), k, first, "", url) if len(parts) > 1 else [],
                    "back": relative(r.sitemap.url(self.key), url) + self.back_anchor(year),
                    **self.year_view(r, year, part, url)}
                page = Page(url.rstrip("/") + ".md", url, title if k == 1 else page_of(r, title, k, len(parts)),
                            description, self.year_template, context, search_exclude=not self.searched)
                page.structured = self.year_structured_data(r, page)
                yield page


E = TypeVar("E")


class EntryPages(Generic[E]):
    """One page per entry of a kind, at ``<kind>/<id>/``, reached from index pages (not in the navigation)."""

    kind: ClassVar[str]

    @property
    def template(self) -> str:
        """The kind's page template (declared with the kind, ``model.kinds``)."""
        return str(KINDS[self.kind].template)

    def text(self, r: Renderer, entry: E) -> tuple[str, str]:
        """(title, description) of an entry's page: its title, and its date and summary."""
        dated: Any = entry
        return str(dated.title), r.t.gettext("%(date)s: %(summary)s", date=r.t.date(dated.date),
                                             summary=str(dated.summary))

    def view(self, r: Renderer, entry: E) -> dict[str, Any]:
        raise NotImplementedError

    def structured_data(self, r: Renderer, entry: E) -> dict[str, Any]:
        raise NotImplementedError

    def pages(self, r: Renderer) -> Iterator[Page]:
        for eid, entry in untracked(getattr(r.ds, self.kind)):  # each page reads its own entry (noted by the plan)
            last = r.kept(f"{self.kind}/{eid}.md")
            if last is not None:  # under `mkdocs serve --dirty`, the last build's page if no read of it changed
                yield last
                continue
            title, description = self.text(r, entry)
            page = Page(f"{self.kind}/{eid}.md", r.sitemap.url(self.kind, eid), title, short(description),
                        self.template, self.view(r, entry), r.ds.origin.get((self.kind, eid)))
            page.structured = self.structured_data(r, entry)
            yield page
