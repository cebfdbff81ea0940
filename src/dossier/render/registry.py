"""The one registry of page types and entry kinds, and the address of everything on the site.

Navigation checks, the page plan, feeds, downloads, back-links, the error stubs of `mkdocs serve`,
browser tests, the audit and the screenshots all read this module instead of listing pages
themselves. Addresses are part of the site's public interface: change them only with redirects.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

from dossier.model.dataset import Dataset
from dossier.model.site import Documentary, PageKey


@dataclass(frozen=True)
class PageType:
    """A generated index page: its key in documentary.yml, its address, template and what it counts."""

    key: PageKey
    url: str
    template: str
    count: Callable[[Dataset], int] | None = None
    """What ``{count}`` in the page's description stands for."""

    @property
    def src_uri(self) -> str:
        """The (virtual) Markdown source MkDocs knows the page by."""
        return f"{self.url}index.md" if self.url else "index.md"


def _page_types(context_path: str) -> tuple[PageType, ...]:
    return (
        PageType("home", "", "home.html"),
        PageType("timeline", "timeline/", "timeline.html", lambda ds: len(ds.events)),
        PageType("people", "people/", "people.html", lambda ds: len(ds.people)),
        PageType("agreements", "agreements/", "agreements.html", lambda ds: len(ds.agreements)),
        PageType("figures", "figures/", "figures.html", lambda ds: len(ds.figures)),
        PageType("context", f"{context_path}/", "context.html"),
        PageType("sources", "sources/", "sources.html", lambda ds: len(ds.sources)),
        PageType("corrections", "about/corrections/", "corrections.html", lambda ds: len(ds.corrections)),
        PageType("glossary", "about/glossary/", "glossary.html", lambda ds: len(ds.glossary)),
    )


ENTRY_PAGES = {"events": ("events", "event.html"), "people": ("people", "person.html"),
               "agreements": ("agreements", "agreement.html")}
"""Kinds with one page per entry, at ``<folder>/<id>/``, and their template."""

ANCHORED = {"sources": "sources", "figures": "figures", "reports": "context", "corrections": "corrections",
            "glossary": "glossary"}
"""Kinds shown as a section of an index page (by its key), at ``<page>#<id>``."""

BY_YEAR = {"timeline": "events", "sources": "sources", "context": "quotes"}
"""Index pages split into one page per year, at ``<page>/<year>/``, by the kind they list: the index keeps
an overview (the timeline's rail and a line per event, the sources' publishers, the context's reports by
year) and each year page the entries in full, so no page grows with the whole record."""


def context_year(ds: Dataset, q: Any) -> int:
    """The year of the context page a quotation is on: its report's year of publication, else its own."""
    return ds.reports[q.report].published.year if q.report else q.date.year


HANDWRITTEN = {"about": "about/"}
"""Hand-written pages in docs/ that generated pages link to."""


@dataclass(frozen=True)
class SiteMap:
    """The documentary's pages and the address of every entry."""

    pages: tuple[PageType, ...]
    editions: tuple[str, ...] = ()
    """The folders of the further language editions (e.g. 'vi/'), each the whole site again."""
    anchors: Mapping[tuple[str, str], str] = field(default_factory=lambda: MappingProxyType({}))
    """(kind, id) -> address of an entry shown on a year's page (sources; the context's reports and
    quotations): ``sources/2019/#id``."""
    context_tag: str | None = None
    """The tag whose quotations the context page shows (besides every report's)."""

    @classmethod
    def of(cls, site: Documentary | None, ds: Dataset | None = None) -> SiteMap:
        """The pages a documentary has (all page types when no configuration is known yet); with the
        data set, entries shown on a year's page are addressed there."""
        every = _page_types(site.context_path if site else "context")
        sitemap = cls(tuple(p for p in every if site is None or p.key in site.pages),
                      tuple(e.prefix for e in site.editions) if site else (),
                      context_tag=site.context_tag if site else None)
        if ds is None or site is None:
            return sitemap
        keys = {p.key for p in sitemap.pages}
        anchors = {("sources", sid): f"{sitemap.year_url('sources', s.published.year)}#{sid}"
                   for sid, s in ds.sources.items()}
        if "context" in keys:
            anchors.update({("reports", rid): f"{sitemap.year_url('context', r.published.year)}#{rid}"
                            for rid, r in ds.reports.items()})
            anchors.update({("quotes", qid): f"{sitemap.year_url('context', context_year(ds, q))}#{qid}"
                            for qid, q in sitemap.context_quotes(ds)})
        return replace(sitemap, anchors=MappingProxyType(anchors))

    def years(self, ds: Dataset, key: str) -> dict[int, list[Any]]:
        """The entries a by-year index page (``BY_YEAR``) lists, by year, oldest year first, in data order
        (events) or by date of publication (sources); the context's years are the renderer's (its
        quotations grouped by report)."""
        out: dict[int, list[Any]] = {}
        if key == "context":
            for _, q in self.context_quotes(ds):
                out.setdefault(context_year(ds, q), []).append(q)
            return dict(sorted(out.items()))
        entries = list(getattr(ds, BY_YEAR[key]).values())
        date = (lambda e: e.date) if key == "timeline" else (lambda s: s.published)
        if key == "sources":
            entries.sort(key=lambda s: s.published.sort_key)
        for entry in entries:
            out.setdefault(date(entry).year, []).append(entry)
        return dict(sorted(out.items()))

    def context_quotes(self, ds: Dataset) -> list[tuple[str, Any]]:
        """The quotations the context page shows: every report's, and those carrying its tag."""
        tag = self.context_tag
        return [(qid, q) for qid, q in ds.quotes.items() if q.report or (tag and tag in q.tags)]

    def year_url(self, key: str, year: int) -> str:
        """Address of one year's page of a by-year index page: ``timeline/2019/``."""
        return f"{self.page(key).url}{year}/"

    def page(self, key: str) -> PageType:
        for p in self.pages:
            if p.key == key:
                return p
        raise KeyError(key)

    def url(self, kind: str, eid: str | None = None) -> str:
        """Site-relative URL of an index page (``kind`` alone) or of an entry."""
        if eid is None:
            return HANDWRITTEN[kind] if kind in HANDWRITTEN else self.page(kind).url
        if kind in ENTRY_PAGES:
            return f"{ENTRY_PAGES[kind][0]}/{eid}/"
        if (kind, eid) in self.anchors:
            return self.anchors[(kind, eid)]
        return f"{self.page(ANCHORED[kind]).url}#{eid}"

    def samples(self, ds: Dataset) -> dict[str, str]:
        """One page of each type, by name: the pages browser tests, audits and screenshots visit."""
        out: dict[str, str] = {p.key: p.url for p in self.pages}
        for kind, (folder, template) in ENTRY_PAGES.items():
            entries = getattr(ds, kind)
            if entries:
                out[template.removesuffix(".html")] = f"{folder}/{next(iter(entries))}/"
        for key in BY_YEAR:
            years = self.years(ds, key) if key in {p.key for p in self.pages} else {}
            if years:  # the busiest year: the heaviest page of its type
                out[f"{key}-year"] = self.year_url(key, max(years, key=lambda y: len(years[y])))
        out["about"] = HANDWRITTEN["about"]
        for prefix in self.editions:  # the same pages in each further edition: 'vi/timeline' -> 'vi/timeline/'
            out.update({f"{prefix}{name}": f"{prefix}{url}" for name, url in list(out.items()) if "/" not in name})
        return out
