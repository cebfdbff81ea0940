"""The context page (e.g. human rights): assessments by others, year by year, and a page per year.

Where a report or quotation lands is decided here once (``year_of``): the site map's anchors and the
year pages both read it, so every link to a report or quotation finds it on the page it points at.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from dossier.model.dataset import Dataset
from dossier.model.entities import Quote, Speaker
from dossier.model.kinds import KINDS
from dossier.model.site import Documentary
from dossier.model.types import LocalText
from dossier.render import jsonld
from dossier.render.pages.base import ByYear, Page

if TYPE_CHECKING:
    from dossier.render.renderer import Renderer


def year_of(ds: Dataset, q: Quote) -> int:
    """The year of the context page a quotation is on: its report's year of publication, else its own."""
    return ds.reports[q.report].published.year if q.report else q.date.year


def speaker_sort_name(ds: Dataset, speaker: Speaker, language: str) -> str:
    """Who said it, as the context page orders speakers: the name (or title) readers of the edition in
    ``language`` see, case-folded."""
    kind, sid = speaker.key
    name = getattr(getattr(ds, kind)[sid], KINDS[kind].name)
    return (name.get(language) if isinstance(name, LocalText) else str(name)).casefold()


def shown_quotes(ds: Dataset, tag: str | None) -> list[Quote]:
    """The quotations the context page shows: every report's, and those carrying its tag."""
    return [q for q in ds.quotes.values() if q.report or (tag and tag in q.tags)]


@dataclass
class ReportGroup:
    """The quotations of one report (or, without a report, of one speaker) in one year."""

    speaker: Speaker
    report: Any
    quotes: list[Quote]


@dataclass
class YearView:
    """One year of the context page: its report groups and the points of level series in it."""

    year: int
    groups: list[ReportGroup]
    levels: list[tuple[Any, Any]]


@dataclass
class ContextYear:
    """One year's page of the context page: the year view, then the other reports published that year."""

    view: YearView
    reports: list[ReportGroup]

    def __len__(self) -> int:
        """How many quotations the year holds."""
        return sum(len(g.quotes) for g in self.view.groups) + sum(len(g.quotes) for g in self.reports)


class Context(ByYear):
    key = "context"
    shows = ("reports",)
    template = "context.html"
    year_template = "context_year.html"

    def route(self, site: Documentary | None) -> str:
        return f"{site.context_path if site else 'context'}/"

    def anchors(self, site: Documentary, ds: Dataset, url: str) -> dict[tuple[str, str], str]:
        out = {("reports", rid): f"{url}{r.published.year}/#{rid}" for rid, r in ds.reports.items()}
        out.update({("quotes", q.id): f"{url}{year_of(ds, q)}/#{q.id}" for q in shown_quotes(ds, site.context_tag)})
        return out

    def years(self, site: Documentary, ds: Dataset, language: str) -> dict[int, Any]:
        """The context page's years, newest first: what each year's page holds (the reports and quotations
        of the year view, then the other reports published that year)."""
        views = {y.year: y for y in self.year_views(ds, site.context_tag, language)}
        others: dict[int, list[ReportGroup]] = defaultdict(list)
        for group in self.other_reports(ds, list(views.values())):
            others[group.report.published.year].append(group)
        return {y: ContextYear(views.get(y) or YearView(y, [], []), others.get(y, []))
                for y in sorted(set(views) | set(others), reverse=True)}

    def year_views(self, ds: Dataset, tag: str | None, language: str) -> list[YearView]:
        """The quotations by year (``year_of``), newest first; in each year, one group per report (or
        speaker) in the order of their names in ``language``, and the points of level series (e.g. a ranking)
        in that year."""
        groups: dict[int, dict[tuple[str, str], ReportGroup]] = defaultdict(dict)
        # A report shown here because one of its quotations carries the tag is shown with all of them: the
        # site map addresses every report's quotation on its report's year page (``anchors``).
        shown = {q.report for q in ds.quotes.values() if q.report and tag in q.tags}
        for q in ds.quotes.values():
            if tag not in q.tags and q.report not in shown:
                continue
            report = ds.reports.get(q.report) if q.report else None
            year = year_of(ds, q)
            key = (q.report or "", "/".join(q.speaker.key))
            group = groups[year].get(key)
            if group is None:
                group = groups[year][key] = ReportGroup(q.speaker, report, [])
            group.quotes.append(q)
        levels: dict[int, list[Any]] = defaultdict(list)
        for sid, series in ds.series.items():
            if tag in series.tags and series.unit == "level":
                for f in ds.figures_by_series.get(sid, []):
                    if f.period:
                        levels[f.period.start.year].append((series, f))
        name = functools.partial(speaker_sort_name, ds, language=language)
        return [YearView(year, sorted(groups[year].values(), key=lambda g: (name(g.speaker),
                                                                            g.report.title if g.report else "")),
                         levels.get(year, []))
                for year in sorted(set(groups) | set(levels), reverse=True)]

    def other_reports(self, ds: Dataset, years: list[YearView]) -> list[ReportGroup]:
        """Every report not shown in the year-by-year view (research, NGO and official reports), newest
        first, each with all its quotations: so every report has its place on the context page."""
        shown = {g.report.id for y in years for g in y.groups if g.report}
        quotes: dict[str, list[Quote]] = defaultdict(list)
        for q in ds.quotes.values():
            if q.report:
                quotes[q.report].append(q)
        reports = [rep for rid, rep in ds.reports.items() if rid not in shown]
        reports.sort(key=lambda rep: (rep.published.sort_key, rep.id), reverse=True)
        return [ReportGroup(Speaker(organisation=rep.author), rep, quotes.get(rep.id, [])) for rep in reports]

    def view(self, r: Renderer) -> dict[str, Any]:
        ds, tag, years = r.ds, r.site.context_tag, r.by_year[self.key]
        charts = r.charts(tag)
        # A ranking (a level series) is told year by year above, linked to its chart on the figures page.
        levels = {c.series.id for c in charts if c.series.unit == "level"}
        charts = [c for c in charts if c.series.id not in levels]
        charted = {c.series.id for c in charts} | levels
        return {"overview": list(years.values()), "counts": {y: len(v) for y, v in years.items()},
                "anchors": {y: f"#year-{y}" for y in years},
                "year_links": self.year_links(r, r.sitemap.url(self.key)), "charts": charts,
                "figures": [f for f in ds.figures.values() if tag in f.tags and f.series not in charted]}

    def structured_data(self, r: Renderer, page: Page) -> dict[str, Any]:
        return jsonld.context(r.ds, page.title, r.site.context_tag)

    def year_description(self, r: Renderer, year: int, entries: Any) -> str:
        return r.t.ngettext("%(num)s quotation from reports and statements of %(year)s, each with its source.",
                            "%(num)s quotations from reports and statements of %(year)s, each with its source.",
                            len(entries), year=year)

    def year_view(self, r: Renderer, year: int, entries: Any, url: str) -> dict[str, Any]:
        return {"view": entries.view, "reports": entries.reports, "text": r.site.pages[self.key]}
