"""Time series as server-rendered charts: the geometry and the words, computed here; the SVG is drawn
by a small template macro from this view model (no JavaScript, nothing to fetch).

A point is placed at the middle of its period, with its period drawn as a horizontal span, so a
half-year and a calendar year never look alike. Its kind (statistic, claim, projection...) is told
by shape and fill and by text, never by colour alone. Where sources give different values for the
same period, both points are drawn, joined by a dashed line, and the table says so.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from dossier.i18n import Messages
from dossier.model.entities import LEVEL, Figure, Series
from dossier.model.site import UnitTerm
from dossier.render.values import figure_value

WIDTH, HEIGHT = 520, 262
TOP, BOTTOM, RIGHT = 30, 50, 28  # RIGHT: room for half the last year label, centred on its tick
SHAPES = ("circle", "square", "triangle", "diamond", "cross")


@dataclass(frozen=True)
class Mark:
    """One point: where it is drawn, its shape as an SVG path, and what it says in words."""

    figure: Figure
    x: float
    y: float
    x0: float
    x1: float
    d: str
    filled: bool
    label: str
    disputed: bool


@dataclass(frozen=True)
class Row:
    """One line of the chart's data table: ``span`` gives the period's dates when its label does not."""

    figure: Figure
    period: str
    span: str
    value: str
    disputed: bool


@dataclass(frozen=True)
class GapRow:
    """Years the series covers without a point, and why: a row of the table, never a line on the chart."""

    years: str
    reason: str
    first: int


@dataclass(frozen=True)
class LegendEntry:
    kind: str
    d: str
    filled: bool


@dataclass(frozen=True)
class ChartView:
    series: Series
    title: str
    summary: str
    marks: list[Mark]
    line: str
    disputes: list[tuple[float, float, float]]
    x_ticks: list[tuple[float, str]]
    y_ticks: list[tuple[float, str]]
    legend: list[LegendEntry]
    rows: list[Row]
    gaps: list[GapRow]
    sources: list[str]
    left: int
    y_label: str
    x_label: str
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def ids(self) -> dict[str, str]:
        """Element ids of the chart, its SVG title and description (unique on a page)."""
        base = f"chart-{self.series.id}"
        return {"chart": base, "title": f"{base}-title", "desc": f"{base}-desc"}

    @property
    def table(self) -> list[Row | GapRow]:
        """The table's lines in time order: the points, and the stated gaps where they fall."""
        def when(line: Row | GapRow) -> tuple[int, int]:
            if isinstance(line, GapRow):
                return (line.first, 0)
            assert line.figure.period is not None
            return (line.figure.period.start.earliest.year, 1)
        return sorted([*self.rows, *self.gaps], key=when)

    @property
    def bottom(self) -> int:
        return HEIGHT - BOTTOM

    @property
    def right(self) -> int:
        return WIDTH - RIGHT


def _shape(name: str, x: float, y: float, r: float = 5.0) -> str:
    """An SVG path of one marker shape centred on (x, y)."""
    if name == "circle":
        return f"M{x - r:.1f},{y:.1f}a{r},{r} 0 1,0 {2 * r},0a{r},{r} 0 1,0 {-2 * r},0Z"
    if name == "square":
        s = r * 0.9
        return f"M{x - s:.1f},{y - s:.1f}h{2 * s:.1f}v{2 * s:.1f}h{-2 * s:.1f}Z"
    if name == "triangle":
        return f"M{x:.1f},{y - r * 1.2:.1f}L{x + r * 1.1:.1f},{y + r * 0.8:.1f}L{x - r * 1.1:.1f},{y + r * 0.8:.1f}Z"
    if name == "diamond":
        return f"M{x:.1f},{y - r * 1.2:.1f}L{x + r:.1f},{y:.1f}L{x:.1f},{y + r * 1.2:.1f}L{x - r:.1f},{y:.1f}Z"
    return (f"M{x - r:.1f},{y - r:.1f}L{x + r:.1f},{y + r:.1f}M{x - r:.1f},{y + r:.1f}"
            f"L{x + r:.1f},{y - r:.1f}")


def _nice_step(top: float) -> float:
    """A round tick step giving at most five ticks up to ``top``."""
    if top <= 0:
        return 1.0
    raw = top / 4
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if m * power >= raw:
            return m * power
    return 10 * power


def _days(d: date) -> int:
    return d.toordinal()


def _dates(f: Figure, t: Messages) -> str:
    assert f.period is not None
    start, end = f.period.start, f.period.end
    return t.date(start) if start.iso == end.iso else f"{t.date(start)} – {t.date(end)}"


def _whole_year(f: Figure) -> bool:
    """Whether a point's period is exactly one calendar year (1 January to 31 December, no qualifier)."""
    assert f.period is not None
    start, end = f.period.start, f.period.end
    first, last = start.earliest, end.latest
    return (first.year == last.year and (first.month, first.day, last.month, last.day) == (1, 1, 12, 31)
            and not start.qualifier and not end.qualifier)


def period_text(f: Figure, t: Messages) -> str:
    """A point's period as readers see it: the source's label, or its dates ('2023' for a calendar year)."""
    assert f.period is not None
    if f.period.label:
        return str(f.period.label)
    return str(f.period.start.earliest.year) if _whole_year(f) else _dates(f, t)


def _span(f: Figure, t: Messages) -> str:
    """The period's dates, when the label alone does not give them (empty for a plain year)."""
    assert f.period is not None
    dates, text = _dates(f, t), period_text(f, t)
    return "" if text == dates or (_whole_year(f) and str(f.period.start.earliest.year) in text) else dates


def _months(f: Figure) -> int:
    assert f.period is not None
    start, end = f.period.start.earliest, f.period.end.latest
    return round(((end - start).days + 1) / 30.44)


def chart(series: Series, points: list[Figure], t: Messages, kinds: list[str], measured: set[str],
          kind_labels: dict[str, str], units: Mapping[str, UnitTerm],
          term: Callable[[str], str] = str) -> ChartView:
    """The view model of one series' chart and table. ``kinds``: the figure kinds in vocabulary order;
    ``units``: documentary.yml's units vocabulary; ``term``: a level's name in the edition's wording (glossary)."""
    points = [f for f in points if f.period is not None]
    levelled = series.unit == LEVEL

    def value_text(f: Figure) -> str:
        return term(str(f.as_stated)) if levelled else figure_value(f, t, units)
    shape_of = {k: SHAPES[i % len(SHAPES)] for i, k in enumerate(kinds)}

    def value_of(f: Figure) -> float:
        if levelled:
            return float(series.levels.index(str(f.as_stated))) if f.as_stated in series.levels else 0.0
        return float(f.value or 0)

    # time axis: whole years around every period
    first = min(_days(f.period.start.earliest) for f in points if f.period)
    last = max(_days(f.period.end.latest) for f in points if f.period)
    y0, y1 = date.fromordinal(first).year, date.fromordinal(last).year + 1
    if series.covers:  # the axis shows every covered year, so a missing one is seen as missing
        y0, y1 = min(y0, series.covers.start), max(y1, series.covers.end + 1)
    lo, hi = _days(date(y0, 1, 1)), _days(date(y1, 1, 1))

    # value axis
    if levelled:
        tick_labels = [term(str(level)) for level in series.levels]
        span = float(max(len(series.levels) - 1, 1))
        y_values = [(float(i), tick_labels[i]) for i in range(len(tick_labels))]
    else:
        top = max([value_of(f) for f in points] + [0.0])
        step = _nice_step(top)
        ceiling = step * max(math.ceil(top / step), 1)
        span = ceiling
        fmt = t.percent if units[series.unit].style == "percent" else t.number
        y_values = [(i * step, fmt(i * step)) for i in range(round(ceiling / step) + 1)]
    left = 16 + 9 * max(len(label) for _, label in y_values)  # room for the larger type on a phone
    plot_w, plot_h = WIDTH - RIGHT - left, HEIGHT - BOTTOM - TOP

    def sx(day: int) -> float:
        return left + plot_w * (day - lo) / max(hi - lo, 1)

    def sy(v: float) -> float:
        return HEIGHT - BOTTOM - plot_h * v / span

    by_period: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for f in points:
        assert f.period is not None
        by_period[(f.period.start.iso, f.period.end.iso)].append(f)
    disputed_ids = {f.id for group in by_period.values() if len({value_of(g) for g in group}) > 1 for f in group}

    marks: list[Mark] = []
    for f in points:
        assert f.period is not None
        a, b = _days(f.period.start.earliest), _days(f.period.end.latest) + 1
        x, y = sx((a + b) // 2), sy(value_of(f))
        value = value_text(f)
        label = t.gettext("%(value)s, %(period)s (%(kind)s)", value=value, period=period_text(f, t),
                          kind=kind_labels.get(f.kind, f.kind))
        marks.append(Mark(f, round(x, 1), round(y, 1), round(sx(a), 1), round(sx(b), 1),
                          _shape(shape_of.get(f.kind, "circle"), x, y), f.kind in measured, label,
                          f.id in disputed_ids))

    # one line through the first point of each period of the commonest length, oldest first
    common = Counter(_months(f) for f in points).most_common(1)[0][0] if points else 0
    seen: set[tuple[str, str]] = set()
    joined = []
    for mark in marks:
        f = mark.figure
        assert f.period is not None
        key = (f.period.start.iso, f.period.end.iso)
        if _months(f) == common and key not in seen:
            seen.add(key)
            joined.append(mark)
    line = _path(joined, common)

    disputes = []
    for group in by_period.values():
        ys = [m.y for m in marks if m.figure in group]
        if len({round(y, 1) for y in ys}) > 1:
            disputes.append((next(m.x for m in marks if m.figure in group), min(ys), max(ys)))

    every = 1 if y1 - y0 <= 8 else 2
    x_ticks = [(round(sx(_days(date(year, 1, 1))), 1), str(year)) for year in range(y0, y1 + 1, every)]
    y_ticks = [(round(sy(v), 1), label) for v, label in y_values]
    used = [k for k in kinds if any(f.kind == k for f in points)]
    legend = [LegendEntry(k, _shape(shape_of[k], 8, 8), k in measured) for k in used]
    rows = [Row(f, period_text(f, t), _span(f, t), value_text(f), f.id in disputed_ids) for f in points]
    summary = _summary(series, points, joined, t, value_of, value_text, len(disputes))
    sources = list(dict.fromkeys(sid for f in points for sid in f.sources))
    y_label = t.gettext("Level") if levelled else units[series.unit].label.get(t.language)
    x_label = t.gettext("Year (each point at the middle of its period)")
    gaps = [GapRow(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]), str(gap.reason), run[0])
            for gap in series.gaps for run in _year_runs(gap.years)]
    return ChartView(series, str(series.title), summary, marks, line, disputes, x_ticks, y_ticks, legend, rows,
                     gaps, sources, left, y_label, x_label)


def _year_runs(years: list[int]) -> list[list[int]]:
    """2017, 2018, 2019, 2021 -> [[2017, 2018, 2019], [2021]]: one table row per run of missing years."""
    runs: list[list[int]] = []
    for y in sorted(years):
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return runs


def _path(joined: list[Mark], months: int) -> str:
    """The line through consecutive points, broken where a period is missing: a gap is not a trend."""
    parts: list[str] = []
    previous: Mark | None = None
    for mark in joined:
        f = mark.figure
        assert f.period is not None
        gap = previous is not None and previous.figure.period is not None and \
            (f.period.start.earliest - previous.figure.period.end.latest).days > 31 * max(months, 1) * 0.5
        parts.append(("M" if previous is None or gap else "L") + f"{mark.x},{mark.y}")
        previous = mark
    return "".join(parts) if any(p.startswith("L") for p in parts) else ""


def _summary(series: Series, points: list[Figure], joined: list[Mark], t: Messages, value_of: Any,
             value_text: Any, disputes: int) -> str:
    """The trend in words, for the chart's description and for readers who cannot see it."""
    parts = []
    trend = [m.figure for m in joined] or points[:1]
    if series.unit == LEVEL and 1 < len(trend) <= 12:
        steps = [t.gettext("%(value)s in %(period)s", value=value_text(f), period=period_text(f, t))
                 for f in trend]
        parts.append("; ".join(steps) + ".")
        trend = []
    if trend:
        a, b = trend[0], trend[-1]
        va, vb = value_text(a), value_text(b)
        pa, pb = period_text(a, t), period_text(b, t)
        if len(trend) == 1:
            parts.append(t.gettext("%(value)s in %(period)s.", value=va, period=pa))
        elif value_of(b) > value_of(a):
            parts.append(t.gettext("Rose from %(first)s in %(first_period)s to %(last)s in %(last_period)s.",
                                   first=va, first_period=pa, last=vb, last_period=pb))
        elif value_of(b) < value_of(a):
            parts.append(t.gettext("Fell from %(first)s in %(first_period)s to %(last)s in %(last_period)s.",
                                   first=va, first_period=pa, last=vb, last_period=pb))
        else:
            parts.append(t.gettext("%(first)s in %(first_period)s and %(last)s in %(last_period)s.",
                                   first=va, first_period=pa, last=vb, last_period=pb))
        if len(trend) > 2 and series.unit != LEVEL:
            peak = max(trend, key=value_of)
            if peak not in (a, b):
                parts.append(t.gettext("Highest: %(value)s in %(period)s.", value=value_text(peak),
                                       period=period_text(peak, t)))
    others = len(points) - len(joined)
    if others > 0 and joined:
        parts.append(t.ngettext("%(num)s more point covers a period of another length or repeats a period.",
                                "%(num)s more points cover periods of other lengths or repeat a period.", others))
    if disputes:
        parts.append(t.ngettext("Sources give different values for %(num)s period.",
                                "Sources give different values for %(num)s periods.", disputes))
    return " ".join(parts)
