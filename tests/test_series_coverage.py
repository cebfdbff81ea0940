"""validate/series.py: what each series covers and which official statistics rest on a primary source."""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import run_validate, write_data
from dossier.validate.check import validate_project
from dossier.validate.series import primary_share, series_coverage


def _point(year: int, source: str) -> dict[str, object]:
    return {"id": f"arrivals-{year}", "label": f"Arrivals {year}", "value": 10 + year % 10, "unit": "people",
            "kind": "official statistic", "stated_by": {"organisation": "home-office"}, "sources": [source],
            "series": "arrivals", "period": {"start": str(year), "end": str(year)}}


def test_gaps_and_primary_sources_are_counted(tiny: Path) -> None:
    release = ("id: release-2024\ntitle: Irregular migration to the UK\npublisher: Home Office\n"
               "kind: official statistics\npublished: 2024-04-18\nurl: https://example.org/release\nlanguage: en\n")
    tiny_docs = (tiny / "documentary.yml").read_text(encoding="utf-8").replace(
        "  source_kinds: {government press release: {label: press release}}",
        "  source_kinds: {government press release: {label: press release}, official statistics: {label: statistics}}")
    (tiny / "documentary.yml").write_text(tiny_docs, encoding="utf-8")
    write_data(tiny, {
        "sources/release-2024.yml": release,
        "series.yml": yaml.safe_dump([{"id": "arrivals", "title": "Arrivals", "unit": "people"}]),
        "figures.yml": yaml.safe_dump([_point(2018, "release-2024"), _point(2019, "ho-2024"),
                                       _point(2022, "release-2024")]),
    })
    _, ds = validate_project(tiny)
    (c,) = series_coverage(ds)
    assert c.years == (2018, 2019, 2022)
    assert c.missing == (2020, 2021)
    assert c.primary == 2  # the press release is not the release that published the figure
    assert primary_share(ds) == (2, 3)
    out = run_validate(tiny).stdout
    assert "arrivals: 3 points; years 2018–2019, 2022; missing 2020–2021; 2 of 3 with a primary source" in out
    assert "official statistics with a primary source: 2 of 3 (67%)" in out
