"""The address of everything on the site, read from the page types and the kinds.

Navigation checks, the page plan, feeds, downloads, back-links, the error stubs of `mkdocs serve`,
browser tests, the audit and the screenshots all read this module instead of listing pages
themselves. Addresses are part of the site's public interface: change them only with redirects.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType

from dossier.model.dataset import Dataset
from dossier.model.kinds import KINDS, PAGED
from dossier.model.site import Documentary
from dossier.render.pages import PAGE_TYPES, ByYear, PageType

HANDWRITTEN = {"about": "about/"}
"""Hand-written pages in docs/ that generated pages link to."""


@dataclass(frozen=True)
class IndexPage:
    """An index page of one documentary: its type and its address there."""

    type: PageType
    url: str
    src_uri: str

    @property
    def key(self) -> str:
        return self.type.key

    @property
    def in_search(self) -> bool:
        return self.type.searched


@dataclass(frozen=True)
class SiteMap:
    """The documentary's pages and the address of every entry."""

    pages: tuple[IndexPage, ...]
    editions: tuple[str, ...] = ()
    """The folders of the further language editions (e.g. 'vi/'), each the whole site again."""
    anchors: Mapping[tuple[str, str], str] = field(default_factory=lambda: MappingProxyType({}))
    """(kind, id) -> address of an entry shown on a year's page (sources; the context's reports and
    quotations): ``sources/2019/#id``."""

    @classmethod
    def of(cls, site: Documentary | None, ds: Dataset | None = None) -> SiteMap:
        """The pages a documentary has (all page types when no configuration is known yet); with the
        data set, entries shown on a year's page are addressed there."""
        pages = tuple(IndexPage(p, p.route(site), p.src_uri(site)) for p in PAGE_TYPES
                      if site is None or p.key in site.pages)
        sitemap = cls(pages, tuple(e.prefix for e in site.editions) if site else ())
        if ds is None or site is None:
            return sitemap
        anchors: dict[tuple[str, str], str] = {}
        for page in pages:
            anchors.update(page.type.anchors(site, ds, page.url))
        return replace(sitemap, anchors=MappingProxyType(anchors))

    def year_url(self, key: str, year: int) -> str:
        """Address of one year's page of a by-year index page: ``timeline/2019/``."""
        return f"{self.page(key).url}{year}/"

    def page(self, key: str) -> IndexPage:
        for p in self.pages:
            if p.key == key:
                return p
        raise KeyError(key)

    def url(self, kind: str, eid: str | None = None) -> str:
        """Site-relative URL of an index page (``kind`` alone) or of an entry."""
        if eid is None:
            return HANDWRITTEN[kind] if kind in HANDWRITTEN else self.page(kind).url
        if kind in PAGED:
            return f"{kind}/{eid}/"
        if (kind, eid) in self.anchors:
            return self.anchors[(kind, eid)]
        return f"{self.page(str(KINDS[kind].shown_on)).url}#{eid}"

    def samples(self, site: Documentary, ds: Dataset) -> dict[str, str]:
        """One page of each type, by name: the pages browser tests, audits and screenshots visit."""
        out: dict[str, str] = {p.key: p.url for p in self.pages}
        for kind, declared in PAGED.items():
            entries = getattr(ds, kind)
            if entries:
                out[str(declared.template).removesuffix(".html")] = f"{kind}/{next(iter(entries))}/"
        for page in self.pages:
            held = page.type.years(site, ds, site.language) if isinstance(page.type, ByYear) else {}
            if held:  # the busiest year: the heaviest page of its type
                out[f"{page.key}-year"] = self.year_url(page.key, max(held, key=lambda y: len(held[y])))
        out["about"] = HANDWRITTEN["about"]
        for prefix in self.editions:  # the same pages in each further edition: 'vi/timeline' -> 'vi/timeline/'
            out.update({f"{prefix}{name}": f"{prefix}{url}" for name, url in list(out.items()) if "/" not in name})
        return out
