"""validate/series.py: what each series covers and which official statistics rest on a primary source."""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import run_validate, write_data
from dossier.validate.check import validate_project
from dossier.validate.series import primary_kinds, primary_share, series_coverage


def _point(year: int, source: str) -> dict[str, object]:
    return {"id": f"arrivals-{year}", "label": f"Arrivals {year}", "value": 10 + year % 10, "unit": "people",
            "kind": "official statistic", "stated_by": {"organisation": "home-office"}, "sources": [source],
            "series": "arrivals", "period": {"start": str(year), "end": str(year)}}


def test_gaps_and_primary_sources_are_counted(tiny: Path) -> None:
    release = ("id: release-2024\ntitle: Irregular migration to the UK\npublisher: Home Office\n"
               "kind: official statistics\npublished: 2024-04-18\nurl: https://example.org/release\nlanguage: en\n")
    tiny_docs = (tiny / "documentary.yml").read_text(encoding="utf-8").replace(
        "  source_kinds: {government press release: {label: press release}}",
        "  source_kinds: {government press release: {label: press release}, official statistics: {label: statistics, primary: true}}")
    (tiny / "documentary.yml").write_text(tiny_docs, encoding="utf-8")
    write_data(tiny, {
        "sources/release-2024.yml": release,
        "series.yml": yaml.safe_dump([{"id": "arrivals", "title": "Arrivals", "unit": "people"}]),
        "figures.yml": yaml.safe_dump([_point(2018, "release-2024"), _point(2019, "ho-2024"),
                                       _point(2022, "release-2024")]),
    })
    site, ds = validate_project(tiny)
    (c,) = series_coverage(ds, primary_kinds(site))
    assert c.years == (2018, 2019, 2022)
    assert c.missing == (2020, 2021)
    assert c.primary == 2  # the press release is not the release that published the figure
    assert primary_share(ds, primary_kinds(site)) == (2, 3)
    out = run_validate(tiny).stdout
    assert "arrivals: 3 points; years 2018–2019, 2022; missing 2020–2021; 2 of 3 with a primary source" in out
    assert "official statistics with a primary source: 2 of 3 (67%)" in out


# --- revisions and stated gaps (issue 21: "first published as X"; a missing year shown with its reason) ----

RELEASES = {
    "sources/release-2023.yml": ("id: release-2023\ntitle: Arrivals 2022, first release\npublisher: Home Office\n"
                                 "kind: government press release\npublished: 2023-03-02\nurl: https://example.org/r23\n"
                                 "language: en\n"),
    "sources/release-2024.yml": ("id: release-2024\ntitle: Arrivals 2023, with 2022 revised\npublisher: Home Office\n"
                                 "kind: government press release\npublished: 2024-03-07\nurl: https://example.org/r24\n"
                                 "language: en\n"),
}


def _series(**extra: object) -> str:
    return yaml.safe_dump([{"id": "arrivals", "title": "Arrivals", "unit": "people", **extra}])


def _revised(value: int = 988, earlier: int = 991, earlier_source: str = "release-2023") -> dict[str, object]:
    point = _point(2022, "release-2024")
    point.update(value=value, revisions=[{"value": earlier, "sources": [earlier_source]}])
    return point


def test_a_revision_is_an_earlier_different_value(tiny: Path) -> None:
    from conftest import errors_after

    ok = errors_after(tiny, {**RELEASES, "series.yml": _series(), "figures.yml": yaml.safe_dump([_revised()]),
                             "events/extra.yml": "not: [valid"})  # one unrelated error so that errors_after returns
    assert not any("revision" in e for e in ok)
    later = errors_after(tiny, {"figures.yml": yaml.safe_dump([_revised(earlier_source="ho-2024")
                                                               | {"sources": ["release-2023"]}])})
    assert any("revisions.0.sources.0: source 'ho-2024' was published after the figure's own sources" in e
               for e in later), later
    same = errors_after(tiny, {"figures.yml": yaml.safe_dump([_revised(value=991)])})
    assert any("revisions.0.value: a revision gives the same value as the figure" in e for e in same), same
    both = errors_after(tiny, {"figures.yml": yaml.safe_dump([_revised(earlier_source="release-2024")])})
    assert any("gives both the figure's value and this earlier one" in e for e in both), both


def test_every_covered_year_has_a_point_or_a_stated_gap(tiny: Path) -> None:
    from conftest import errors_after

    points = yaml.safe_dump([_point(2019, "ho-2024"), _point(2021, "ho-2024")])
    unstated = errors_after(tiny, {"figures.yml": points, "series.yml": _series(covers={"start": 2018, "end": 2021})})
    assert any("covers: no point and no stated gap for 2018, 2020" in e for e in unstated), unstated
    wrong = errors_after(tiny, {"series.yml": _series(covers={"start": 2018, "end": 2021}, gaps=[
        {"years": [2018, 2019, 2020], "reason": "not published"}, {"years": [2024], "reason": "later"}])})
    assert any("gaps.0.years.1: 2019 has a point: it is not missing" in e for e in wrong), wrong
    assert any("gaps.1.years.0: 2024 is outside the years the series covers" in e for e in wrong), wrong
    assert not any("no point and no stated gap" in e for e in wrong)


def test_the_table_shows_the_latest_value_its_first_publication_and_the_gaps(tmp_path: Path) -> None:
    from conftest import TINY, TINY_DOCUMENTARY, make_site_project, run_build, soup_of

    project = make_site_project(tmp_path)
    write_data(project, {**TINY, **RELEASES,
                         "series.yml": _series(covers={"start": 2020, "end": 2022},
                                               gaps=[{"years": [2020, 2021], "reason": "release not available"}]),
                         "figures.yml": yaml.safe_dump([_revised()])})
    (project / "documentary.yml").write_text(TINY_DOCUMENTARY, encoding="utf-8")
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    table = soup_of(project / "site", "figures").select_one("table.dossier-series-table")
    rows = [r.get_text(" ", strip=True) for r in table.select("tbody tr")]
    assert rows[0].startswith("2020–2021 No point : release not available")
    latest = table.select_one("tr#arrivals-2022")
    assert latest.select_one(".dossier-value").get_text() == "988 people"
    revision = latest.select_one(".dossier-revision").get_text(" ", strip=True)
    assert revision.startswith("First published as 991 people ( Arrivals 2022, first release , 2 March 2023 )")
    assert "the value shown is the latest release's" in revision
    # a measurement cited only to a press release says the release itself was not seen
    assert latest.select_one(".dossier-secondary-only") is not None
