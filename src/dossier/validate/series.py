"""What the record's time series cover, and how many official statistics rest on a primary source:
printed by `make validate` (scripts/validate.py) so that gaps are seen, never filled by interpolation."""

from __future__ import annotations

from dataclasses import dataclass

from dossier.model.dataset import Dataset
from dossier.model.site import Documentary


def primary_kinds(site: Documentary) -> frozenset[str]:
    """Source kinds that publish a figure themselves (documentary.yml: ``source_kinds.<kind>.primary``)."""
    return frozenset(k for k, term in site.vocabularies.source_kinds.items() if term.primary)


@dataclass(frozen=True)
class SeriesCoverage:
    series: str
    points: int
    years: tuple[int, ...]
    """The years that have at least one point (a point counts for the year its period starts)."""
    missing: tuple[int, ...]
    """Years with no point: within the years the series covers (``covers``), or else between its first
    and last point. Each covered one has a stated gap (validation checks it)."""
    primary: int
    """Points with at least one source of a primary kind."""


def series_coverage(ds: Dataset, primary: frozenset[str]) -> list[SeriesCoverage]:
    out = []
    for sid in ds.series:
        points = ds.figures_by_series.get(sid, [])
        years = sorted({f.period.start.year for f in points if f.period})
        covers = ds.series[sid].covers
        first, last = (covers.start, covers.end) if covers else (years[0], years[-1]) if years else (0, -1)
        missing = tuple(y for y in range(first, last + 1) if y not in years)
        with_primary = sum(any(ds.sources[s].kind in primary for s in f.sources) for f in points)
        out.append(SeriesCoverage(sid, len(points), tuple(years), missing, with_primary))
    return out


def primary_share(ds: Dataset, primary: frozenset[str], kind: str = "official statistic") -> tuple[int, int]:
    """(figures of ``kind`` with a primary source, figures of ``kind``)."""
    figures = [f for f in ds.figures.values() if f.kind == kind]
    return sum(any(ds.sources[s].kind in primary for s in f.sources) for f in figures), len(figures)


def _years(years: tuple[int, ...]) -> str:
    """1, 2, 3, 5 -> '1–3, 5'."""
    runs: list[list[int]] = []
    for y in years:
        if runs and y == runs[-1][-1] + 1:
            runs[-1].append(y)
        else:
            runs.append([y])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs) or "none"


def _span(ds: Dataset, sid: str) -> str:
    covers = ds.series[sid].covers
    return f" (covers {covers.start}–{covers.end})" if covers else ""


def report(ds: Dataset, site: Documentary) -> list[str]:
    primary = primary_kinds(site)
    lines = ["series coverage (years with a point; years missing in the years it covers, or else between the first "
             "and the last point):"]
    for c in series_coverage(ds, primary):
        lines.append(f"  {c.series}{_span(ds, c.series)}: {c.points} points; years {_years(c.years)}; "
                     f"missing {_years(c.missing)}; {c.primary} of {c.points} with a primary source")
    with_primary, total = primary_share(ds, primary)
    share = f"{100 * with_primary / total:.0f}%" if total else "n/a"
    kinds = ", ".join(sorted(primary)) or "none (documentary.yml: source_kinds.<kind>.primary)"
    lines.append(f"official statistics with a primary source: {with_primary} of {total} ({share}); "
                 f"primary kinds: {kinds}")
    return lines
