"""The index pages without years: people, agreements, figures, corrections and the glossary."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dossier.render import jsonld
from dossier.render.pages.base import Page, PageType

if TYPE_CHECKING:
    from dossier.render.renderer import Renderer


class People(PageType):
    key = "people"
    shows = ("people",)
    template = "people.html"
    lists = "people"
    listing = "people"

    def view(self, r: Renderer) -> dict[str, Any]:
        return {"people": list(r.ds.people.values()),
                "event_counts": {pid: len(events) for pid, events in r.ds.events_by_person.items()}}


class Agreements(PageType):
    key = "agreements"
    shows = ("agreements",)
    template = "agreements.html"
    lists = "agreements"

    def view(self, r: Renderer) -> dict[str, Any]:
        return {"agreements": list(r.ds.agreements.values()), "themes": r.themes()}


class Figures(PageType):
    key = "figures"
    shows = ("figures", "series")
    template = "figures.html"
    lists = "figures"

    def view(self, r: Renderer) -> dict[str, Any]:
        return {"charts": r.charts(), "figures": [f for f in r.ds.figures.values() if not f.series]}

    def structured_data(self, r: Renderer, page: Page) -> dict[str, Any]:
        return jsonld.figures(r.ds, r.site, r.t, r.labels, url=r.address(page.url, page.url),
                              downloads=[r.address(p, page.url) for p in r.downloads()])


class Corrections(PageType):
    key = "corrections"
    shows = ("corrections",)
    template = "corrections.html"
    lists = "corrections"

    path = "about/corrections/"

    def view(self, r: Renderer) -> dict[str, Any]:
        return {"corrections": sorted(r.ds.corrections.values(), key=lambda c: (c.date.sort_key, c.id), reverse=True),
                "corrected": r.corrected}


class Glossary(PageType):
    key = "glossary"
    shows = ("glossary",)
    template = "glossary.html"
    lists = "glossary"

    path = "about/glossary/"

    def view(self, r: Renderer) -> dict[str, Any]:
        langs = [(e.language, r.language_names.get(e.language, e.language))
                 for e in r.site.all_editions]  # a column per edition, headed in the reader's language
        return {"terms": sorted(r.ds.glossary.values(), key=lambda g: (str(g.term).casefold(), g.id)), "langs": langs}
