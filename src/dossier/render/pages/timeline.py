"""The timeline: a rail and a line per event (or the years alone, for a large record), and a page per year."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dossier.model.dataset import Dataset
from dossier.model.site import Documentary
from dossier.render import jsonld
from dossier.render.pages.base import ByYear, Page
from dossier.render.rail import rail

if TYPE_CHECKING:
    from dossier.render.renderer import Renderer


class Timeline(ByYear):
    key = "timeline"
    shows = ("events",)
    template = "timeline.html"
    year_template = "timeline_year.html"
    lists = "events"
    searched = False  # every event has its own page: indexing the timeline would double the index

    def years(self, site: Documentary, ds: Dataset, language: str) -> dict[int, Any]:
        out: dict[int, list[Any]] = {}
        for event in ds.events.values():
            out.setdefault(event.date.year, []).append(event)
        return dict(sorted(out.items()))

    def view(self, r: Renderer) -> dict[str, Any]:
        events = list(r.ds.events.values())
        years = r.by_year[self.key]
        return {"years": years, "filter_tags": r.used_tags(), "filter_people": r.participants(),
                "lines": len(events) <= r.site.timeline_lines, "rail": rail(events, r.t), "gaps": r.gaps(events),
                "counts": {y: len(v) for y, v in years.items()}, "anchors": {y: f"#year-{y}" for y in years},
                "year_links": self.year_links(r, r.sitemap.url(self.key))}

    def year_description(self, r: Renderer, year: int, entries: Any) -> str:
        return r.t.ngettext("%(num)s event of %(year)s in the record, each with its sources.",
                            "%(num)s events of %(year)s in the record, each with its sources.", len(entries), year=year)

    def year_view(self, r: Renderer, year: int, entries: Any, url: str) -> dict[str, Any]:
        filter_here = len(r.ds.events) > r.site.timeline_lines  # the overview lists no lines
        # the silences of the whole year: the first event of a further page of it keeps its note
        context: dict[str, Any] = {"events": entries, "gaps": r.gaps(r.by_year[self.key][year]),
                                   "filter_here": filter_here}
        if filter_here:
            tags, people = {t for e in entries for t in e.tags}, {p.person for e in entries for p in e.participants}
            context.update(filter_tags=[t for t in r.used_tags() if t.id in tags],
                           filter_people=[p for p in r.participants() if p.id in people])
        return context

    def year_structured_data(self, r: Renderer, page: Page) -> dict[str, Any]:
        return jsonld.timeline(page.title, page.context["events"])
