"""The home page: the record's lead, its headline chart, featured figures and the latest events."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dossier.render.pages.base import PageType

if TYPE_CHECKING:
    from dossier.render.renderer import Renderer

EXPLORE = ("timeline", "people", "agreements", "context", "figures", "sources")
"""The pages the home page's 'where to go next' list offers, in its order (those the documentary has)."""


class Home(PageType):
    key = "home"
    required = True
    template = "home.html"
    path = ""

    def view(self, r: Renderer) -> dict[str, Any]:
        ds, site = r.ds, r.site
        headline = [c for c in r.charts() if c.series.id == site.featured_series]
        return {"headline": headline[0] if headline else None,
                "featured": [f for f in ds.figures.values() if not f.series][: site.featured_figures],
                "latest": list(ds.events.values())[-3:][::-1],
                "explore": [(k, site.pages[k]) for k in EXPLORE if k in site.pages and site.pages[k].summary]}
