"""render/renderer.py and render/pages/: the page plan and the small view models templates receive (no data set)."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

from conftest import ROOT, write_data
from dossier.build import template_dirs
from dossier.render.renderer import Renderer
from dossier.validate.check import validate_project

THEME = ROOT / "src" / "dossier" / "theme"


def renderer(tiny: Path) -> Renderer:
    site, ds = validate_project(tiny)
    return Renderer(ds, site, template_dirs(None))


def test_templates_never_reach_into_the_data_set() -> None:
    for template in THEME.rglob("*.html"):
        assert not re.search(r"\bds\b", template.read_text(encoding="utf-8")), template


def test_helpers_offer_entries_by_id_not_the_data_set(tiny: Path) -> None:
    helpers = renderer(tiny).helpers("events/call-2024/")
    assert "ds" not in helpers
    assert helpers["by_id"].people["to-lam"].name == "Tô Lâm"
    assert helpers["links"].people["to-lam"] == "../../people/to-lam/"
    assert helpers["links"].page["timeline"] == "../../timeline/"
    assert helpers["labels"].parts["participant"] == "participant"


def test_every_page_of_the_plan_has_its_texts_and_view_model(tiny: Path) -> None:
    pages = {p.url: p for p in renderer(tiny).plan()}
    assert pages["timeline/"].description == "1 events."
    assert pages["timeline/"].search_exclude
    assert [p.url for p in pages.values() if p.in_nav][:3] == ["", "timeline/", "people/"]
    person = pages["people/to-lam/"].context
    assert [(e.id, part) for e, part in person["events"]] == [("call-2024", "participant")]
    assert [q.id for q in person["quotes"]] == ["q-2024"]
    home = pages[""].context
    assert [f.id for f in home["featured"]] == ["arrivals"]
    assert [e.id for e in home["latest"]] == ["call-2024"]


SERIES = """\
- id: s
  title: Arrivals per year
  unit: people
  tags: [returns]
"""


def _point(fid: str, value: int, start: str, end: str, kind: str = "official statistic", source: str = "ho-2024",
           caveat: str = "") -> str:
    return (f"- id: {fid}\n  label: {fid}\n  value: {value}\n  unit: people\n  period: {{start: {start}, end: {end}}}\n"
            f"  kind: {kind}\n  stated_by: {{organisation: home-office}}\n  sources: [{source}]\n  series: s\n"
            + (f"  caveats: [{caveat}]\n" if caveat else ""))


def test_a_series_becomes_a_chart_placed_by_period_with_its_trend_in_words(tiny: Path) -> None:
    write_data(tiny, {"series.yml": SERIES, "figures.yml": _point("a", 50, "2021-01", "2021-12")
                      + _point("b", 200, "2022-01", "2022-12") + _point("c", 120, "2023-01", "2023-06")})
    [chart] = renderer(tiny).charts()
    assert [m.figure.id for m in chart.marks] == ["a", "b", "c"]
    a, b, c = chart.marks
    assert a.x < b.x < c.x
    assert a.y > c.y > b.y
    assert c.x1 - c.x0 < (b.x1 - b.x0) * 0.6  # a half-year spans half the width of a year
    assert chart.line.count("L") == 1  # the line joins the two calendar years only
    assert chart.summary.startswith("Rose from 50 people in 2021 to 200 people in 2022.")
    assert "1 more point covers a period of another length" in chart.summary
    assert [label for _, label in chart.x_ticks] == ["2021", "2022", "2023", "2024"]
    assert [label for _, label in chart.y_ticks] == ["0", "50", "100", "150", "200"]
    assert not chart.disputes
    assert not any(r.disputed for r in chart.rows)


def test_two_sources_for_one_period_are_both_drawn_and_flagged(tiny: Path) -> None:
    write_data(tiny, {"sources/itv-2024.yml": "id: itv-2024\ntitle: T\npublisher: ITV News\nkind: government press release\n"
                      "published: 2024-05-23\nurl: https://www.itv.com/news/x\nlanguage: en\n",
                      "series.yml": SERIES, "figures.yml": _point("a", 1323, "2023-01", "2023-12", caveat="one")
                      + _point("b", 1306, "2023-01", "2023-12", source="itv-2024", caveat="other")})
    [chart] = renderer(tiny).charts()
    assert [r.disputed for r in chart.rows] == [True, True]
    [(x, top, bottom)] = chart.disputes
    assert top < bottom
    assert {m.x for m in chart.marks} == {x}
    assert "Sources give different values for 1 period." in chart.summary


def test_kinds_are_told_by_shape_and_fill_not_colour(tiny: Path) -> None:
    write_data(tiny, {"series.yml": SERIES, "figures.yml": _point("a", 50, "2021", "2021")
                      + _point("b", 80, "2022", "2022", kind="government claim")})
    [chart] = renderer(tiny).charts()
    a, b = chart.marks
    assert a.filled
    assert not b.filled
    assert a.d != b.d.replace(str(b.x), str(a.x))  # another shape, not the same one moved
    assert [entry.kind for entry in chart.legend] == ["official statistic", "government claim"]


def test_a_level_series_is_charted_on_its_scale(tiny: Path) -> None:
    write_data(tiny, {"series.yml": """\
- id: s
  title: Tier
  unit: level
  levels: [Tier 1, Tier 2, Tier 3]
""", "figures.yml": """\
- id: t2020
  label: Tier 2020
  value: null
  as_stated: Tier 2
  period: {start: 2020, end: 2020}
  kind: official statistic
  stated_by: {organisation: home-office}
  sources: [ho-2024]
  series: s
- id: t2021
  label: Tier 2021
  value: null
  as_stated: Tier 3
  period: {start: 2021, end: 2021}
  kind: official statistic
  stated_by: {organisation: home-office}
  sources: [ho-2024]
  series: s
"""})
    [chart] = renderer(tiny).charts()
    assert [label for _, label in chart.y_ticks] == ["Tier 1", "Tier 2", "Tier 3"]
    assert chart.marks[1].y < chart.marks[0].y
    assert chart.summary == "Tier 2 in 2020; Tier 3 in 2021."  # a scale's steps are named, not called a rise


def test_the_line_breaks_where_a_period_is_missing(tiny: Path) -> None:
    write_data(tiny, {"series.yml": SERIES, "figures.yml": _point("a", 50, "2019", "2019")
                      + _point("b", 60, "2020", "2020") + _point("c", 90, "2022", "2022")})
    [chart] = renderer(tiny).charts()
    assert chart.line.count("M") == 2
    assert chart.line.count("L") == 1


def test_the_timeline_rail_counts_events_per_month_and_keeps_vague_dates_apart(tiny: Path) -> None:
    from dossier.i18n import Messages
    from dossier.model.dates import PartialDate
    from dossier.render.rail import rail

    def ev(date: str) -> SimpleNamespace:
        return SimpleNamespace(date=PartialDate.parse(date))

    events = [ev("2019-10-23"), ev("2019-10-30"), ev("2019-11"), ev("c. 2020"), ev("2021-06-22")]
    r = rail(events, Messages("en_GB"))
    assert r is not None
    assert [b.label for b in r.bars] == ["2 events, October 2019", "1 event, November 2019", "1 event, June 2021"]
    assert r.bars[0].height > r.bars[1].height  # a burst stands out
    assert [(y.year, y.vague) for y in r.years] == [(2019, 0), (2020, 1), (2021, 0)]  # 'c. 2020' is no month
    assert r.summary == ("5 events, 2019 to 2021. Busiest month: October 2019 (2 events). "
                         "Longest gap: 19 months, from November 2019 to 22 June 2021.")


def test_long_silences_in_the_record_are_noted_on_the_timeline(tiny: Path) -> None:
    from dossier.model.dates import PartialDate

    events = [SimpleNamespace(id="a", date=PartialDate.parse("2019-10-23")),
              SimpleNamespace(id="b", date=PartialDate.parse("2019-12")),
              SimpleNamespace(id="c", date=PartialDate.parse("2021-02-16"))]
    assert renderer(tiny).gaps(events) == {"c": "No event in the record for 14 months"}
