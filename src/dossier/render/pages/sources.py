"""The sources: the publishers cited, and a page per year of publication listing each source in full."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from dossier.model.dataset import Dataset
from dossier.model.site import Documentary
from dossier.render.pages.base import ByYear

if TYPE_CHECKING:
    from dossier.render.renderer import Renderer


def by_year(ds: Dataset) -> dict[int, list[Any]]:
    """The sources by year of publication, oldest first, each year in order of publication."""
    out: dict[int, list[Any]] = {}
    for source in sorted(ds.sources.values(), key=lambda s: s.published.sort_key):
        out.setdefault(source.published.year, []).append(source)
    return dict(sorted(out.items()))


class Sources(ByYear):
    key = "sources"
    required = True
    template = "sources.html"
    year_template = "sources_year.html"
    lists = "sources"

    def years(self, site: Documentary, ds: Dataset, language: str) -> dict[int, Any]:
        return by_year(ds)

    def view(self, r: Renderer) -> dict[str, Any]:
        years = r.by_year[self.key]
        publishers: dict[str, list[str]] = defaultdict(list)
        for year_sources in years.values():
            for source in year_sources:
                publishers[source.publisher].append(source.id)
        return {"years": {y: len(v) for y, v in years.items()}, "total": len(r.ds.sources),
                "year_links": self.year_links(r, r.sitemap.url(self.key)),
                "publishers": sorted(publishers.items(), key=lambda kv: kv[0].casefold())}

    def back_anchor(self, year: int) -> str:
        return ""

    def year_description(self, r: Renderer, year: int, entries: Any) -> str:
        return r.t.ngettext("%(num)s source published in %(year)s that the record cites, with its address and the "
                            "pages citing it.", "%(num)s sources published in %(year)s that the record cites, with "
                            "their addresses and the pages citing them.", len(entries), year=year)

    def year_view(self, r: Renderer, year: int, entries: Any, url: str) -> dict[str, Any]:
        return {"sources": entries, "cited_by": r.cited_by(url, [s.id for s in entries])}
