"""The one registry of page types and entry kinds, and the address of everything on the site.

Navigation checks, the page plan, feeds, downloads, back-links, the error stubs of `mkdocs serve`,
browser tests, the audit and the screenshots all read this module instead of listing pages
themselves. Addresses are part of the site's public interface: change them only with redirects.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

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
    )


ENTRY_PAGES = {"events": ("events", "event.html"), "people": ("people", "person.html"),
               "agreements": ("agreements", "agreement.html")}
"""Kinds with one page per entry, at ``<folder>/<id>/``, and their template."""

ANCHORED = {"sources": "sources", "figures": "figures", "reports": "context", "corrections": "corrections"}
"""Kinds shown as a section of an index page (by its key), at ``<page>#<id>``."""

HANDWRITTEN = {"about": "about/"}
"""Hand-written pages in docs/ that generated pages link to."""


@dataclass(frozen=True)
class SiteMap:
    """The documentary's pages and the address of every entry."""

    pages: tuple[PageType, ...]
    editions: tuple[str, ...] = ()
    """The folders of the further language editions (e.g. 'vi/'), each the whole site again."""

    @classmethod
    def of(cls, site: Documentary | None) -> SiteMap:
        """The pages a documentary has (all page types when no configuration is known yet)."""
        every = _page_types(site.context_path if site else "context")
        return cls(tuple(p for p in every if site is None or p.key in site.pages),
                   tuple(e.prefix for e in site.editions) if site else ())

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
        return f"{self.page(ANCHORED[kind]).url}#{eid}"

    def samples(self, ds: Dataset) -> dict[str, str]:
        """One page of each type, by name: the pages browser tests, audits and screenshots visit."""
        out: dict[str, str] = {p.key: p.url for p in self.pages}
        for kind, (folder, template) in ENTRY_PAGES.items():
            entries = getattr(ds, kind)
            if entries:
                out[template.removesuffix(".html")] = f"{folder}/{next(iter(entries))}/"
        out["about"] = HANDWRITTEN["about"]
        for prefix in self.editions:  # the same pages in each further edition: 'vi/timeline' -> 'vi/timeline/'
            out.update({f"{prefix}{name}": f"{prefix}{url}" for name, url in list(out.items()) if "/" not in name})
        return out
