"""render/pages.py: the page plan and the small view models templates receive (no data set)."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT, write_data
from dossier.build import template_dirs
from dossier.render.pages import Renderer
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


def test_series_become_bar_charts_scaled_to_the_largest_value(tiny: Path) -> None:
    write_data(tiny, {"figures.yml": """\
- id: a
  label: A
  value: 50
  unit: people
  kind: official statistic
  stated_by: {organisation: home-office}
  sources: [ho-2024]
  series: s
- id: b
  label: B
  value: 200
  unit: people
  kind: official statistic
  stated_by: {organisation: home-office}
  sources: [ho-2024]
  series: s
"""})
    [chart] = renderer(tiny).series()
    assert chart.name == "s"
    assert [(f.id, width) for f, width in chart.bars] == [("a", 25.0), ("b", 100.0)]
