"""What the record's time series cover, and how many official statistics rest on a primary source:
printed by `make validate` (scripts/validate.py) so that gaps are seen, never filled by interpolation."""

from __future__ import annotations

from dataclasses import dataclass

from dossier.model.dataset import Dataset

PRIMARY_KINDS = frozenset({"official statistics", "government report", "parliamentary record", "court judgment"})
"""Source kinds that publish a figure themselves (a release, a report, Hansard, a judgment), as opposed to a
newsroom's or a press office's retelling of it."""


@dataclass(frozen=True)
class SeriesCoverage:
    series: str
    points: int
    years: tuple[int, ...]
    """The years that have at least one point (a point counts for the year its period starts)."""
    missing: tuple[int, ...]
    """Years between the first and the last with no point."""
    primary: int
    """Points with at least one source of a primary kind."""


def series_coverage(ds: Dataset) -> list[SeriesCoverage]:
    out = []
    for sid in ds.series:
        points = ds.figures_by_series.get(sid, [])
        years = sorted({f.period.start.year for f in points if f.period})
        missing = tuple(y for y in range(years[0], years[-1] + 1) if y not in years) if years else ()
        primary = sum(any(ds.sources[s].kind in PRIMARY_KINDS for s in f.sources) for f in points)
        out.append(SeriesCoverage(sid, len(points), tuple(years), missing, primary))
    return out


def primary_share(ds: Dataset, kind: str = "official statistic") -> tuple[int, int]:
    """(figures of ``kind`` with a primary source, figures of ``kind``)."""
    figures = [f for f in ds.figures.values() if f.kind == kind]
    return sum(any(ds.sources[s].kind in PRIMARY_KINDS for s in f.sources) for f in figures), len(figures)


def _years(years: tuple[int, ...]) -> str:
    """1, 2, 3, 5 -> '1–3, 5'."""
    runs: list[list[int]] = []
    for y in years:
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs) or "none"


def report(ds: Dataset) -> list[str]:
    lines = ["series coverage (years with a point; years missing between the first and the last):"]
    for c in series_coverage(ds):
        lines.append(f"  {c.series}: {c.points} points; years {_years(c.years)}; missing {_years(c.missing)}; "
                     f"{c.primary} of {c.points} with a primary source")
    with_primary, total = primary_share(ds)
    share = f"{100 * with_primary / total:.0f}%" if total else "n/a"
    lines.append(f"official statistics with a primary source: {with_primary} of {total} ({share}); "
                 f"primary kinds: {', '.join(sorted(PRIMARY_KINDS))}")
    return lines
