"""The timeline's overview rail: how many events each month holds, across the whole record, so that
gaps and bursts show at a glance. Its size depends on the number of months, not of events.

Events dated only to a year (or approximately) are not put in a month: they are counted apart, as
a band across their year, so an imprecise date never looks exact.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from dossier.i18n import Messages

WIDTH, HEIGHT = 720, 120
LEFT, RIGHT, TOP, BOTTOM = 8, 8, 18, 26


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    month: str = ""
    """'2019-10': the timeline's filters redraw the bar with the events of that month they show."""
    count: int = 0


@dataclass(frozen=True)
class YearMark:
    year: int
    x: float
    width: float
    vague: int
    """Events of that year dated to the year only, or approximately."""
    label: str


@dataclass(frozen=True)
class Rail:
    bars: list[Bar]
    years: list[YearMark]
    title: str
    summary: str
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def baseline(self) -> int:
        return HEIGHT - BOTTOM


def months_between(a: Any, b: Any) -> int:
    """Whole months between two dates (0 when they share a month; a year-only date counts as January)."""
    return (b.year - a.year) * 12 + ((b.month or 1) - (a.month or 1))


def rail(events: list[Any], t: Messages) -> Rail | None:
    """The view model of the rail for ``events`` (sorted by date); None without events."""
    if not events:
        return None
    first, last = events[0].date.year, events[-1].date.year
    years = list(range(first, last + 1))
    months: Counter[tuple[int, int]] = Counter()
    vague: Counter[int] = Counter()
    for e in events:
        d = e.date
        if d.month and not d.qualifier:
            months[(d.year, d.month)] += 1
        else:
            vague[d.year] += 1
    per_year = (WIDTH - LEFT - RIGHT) / len(years)
    per_month = per_year / 12
    top = max(months.values(), default=1)
    plot = HEIGHT - TOP - BOTTOM
    bars = []
    for (year, month), n in sorted(months.items()):
        h = max(2.0, plot * n / top)
        x = LEFT + (year - first) * per_year + (month - 1) * per_month
        label = t.ngettext("%(num)s event, %(month)s", "%(num)s events, %(month)s", n, month=t.month(year, month))
        bars.append(Bar(round(x + 0.5, 1), round(HEIGHT - BOTTOM - h, 1), round(max(per_month - 1, 1), 1),
                        round(h, 1), label, f"{year:04d}-{month:02d}", n))
    marks = [YearMark(y, round(LEFT + (y - first) * per_year, 1), round(per_year, 1), vague[y],
                      t.ngettext("%(num)s event dated only to %(year)s or approximately",
                                 "%(num)s events dated only to %(year)s or approximately", vague[y], year=y)
                      if vague[y] else t.gettext("No event dated only to %(year)s or approximately", year=y))
             for y in years]
    busiest = max(months.items(), key=lambda kv: (kv[1], kv[0]))[0] if months else None
    title = t.ngettext("%(num)s event, %(first)s to %(last)s", "%(num)s events, %(first)s to %(last)s",
                       len(events), first=first, last=last)
    parts = [title + "."]
    if busiest:
        parts.append(t.gettext("Busiest month: %(month)s (%(count)s).", month=t.month(*busiest),
                               count=t.ngettext("%(num)s event", "%(num)s events", months[busiest])))
    precise = [e for e in events if e.date.month and not e.date.qualifier]  # a vague date anchors no gap
    gaps = [(a, b) for a, b in itertools.pairwise(precise) if months_between(a.date, b.date) > 1]
    if gaps:
        a, b = max(gaps, key=lambda ab: months_between(ab[0].date, ab[1].date))
        parts.append(t.gettext("Longest gap: %(months)s, from %(start)s to %(end)s.",
                               months=t.ngettext("%(num)s month", "%(num)s months", months_between(a.date, b.date)),
                               start=t.date(a.date), end=t.date(b.date)))
    return Rail(bars, marks, title, " ".join(parts))


@dataclass(frozen=True)
class Span:
    """A role on a person's timeline: a bar from its start to its end, or dots on its attested dates."""

    label: str
    y: float
    x0: float | None
    x1: float | None
    dots: list[float]
    open_end: bool


@dataclass(frozen=True)
class Profile:
    spans: list[Span]
    events: list[tuple[float, str, str]]
    """(x, event id, label) of each event the person took part in."""
    ticks: list[tuple[float, str]]
    title: str
    summary: str
    height: int
    width: int = WIDTH
    events_y: float = 0.0


def profile(name: str, roles: list[Any], events: list[Any], t: Messages) -> Profile | None:
    """A person's roles (bars or dots) and appearances (marks) on one time axis; None without dates."""
    days = [d for r in roles for d in (r.start, r.end, *r.attested) if d] + [e.date for e in events]
    if not days:
        return None
    first = min(d.earliest for d in days).year
    last = max(d.latest for d in days).year + 1
    lo, hi = date(first, 1, 1).toordinal(), date(last, 1, 1).toordinal()

    def x(day: date) -> float:
        return round(LEFT + (WIDTH - LEFT - RIGHT) * (day.toordinal() - lo) / max(hi - lo, 1), 1)

    row = 16
    spans = []
    for i, r in enumerate(roles):
        y = TOP + i * row
        if r.start or r.end:
            start = x(r.start.earliest) if r.start else LEFT
            end = x(r.end.latest) if r.end else x(max(d.latest for d in days))
            spans.append(Span(str(r.title), y, start, max(end, start + 3), [x(d.earliest) for d in r.attested],
                              r.end is None))
        else:
            spans.append(Span(str(r.title), y, None, None, [x(d.earliest) for d in r.attested], False))
    events_y = TOP + len(roles) * row + 6
    marks = [(x(e.date.earliest), e.id, f"{t.date(e.date)}: {e.title}") for e in events]
    ticks = [(x(date(y, 1, 1)), str(y)) for y in range(first, last, 1 if last - first <= 10 else 2)]
    title = t.gettext("%(name)s: roles and events over time", name=name)
    summary = " ".join([
        t.ngettext("%(num)s role", "%(num)s roles", len(roles)) + ";",
        t.ngettext("%(num)s event in the record", "%(num)s events in the record", len(events)),
        t.gettext("from %(first)s to %(last)s.", first=first, last=last - 1) if last - 1 > first
        else t.gettext("in %(year)s.", year=first),
    ])
    return Profile(spans, marks, ticks, title, summary, int(events_y + 30), events_y=events_y)
