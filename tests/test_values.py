"""render/values.py: units written once, publishers named once; checked on a fixture site and in unit tests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import make_site_project, run_build, soup_of, write_data
from dossier.i18n import Messages
from dossier.model.entities import Figure
from dossier.model.site import UnitTerm
from dossier.render.values import attributed, figure_value

EN = Messages("en_GB")
UNITS = {
    "people": UnitTerm.model_validate({"label": "Number of people", "maximum": 1e10, "whole": True,
                                       "written": {"one": "{num} person", "other": "{num} people"}}),
    "percent": UnitTerm.model_validate({"label": "Per cent", "style": "percent", "maximum": 100}),
    "times": UnitTerm.model_validate({"label": "Times", "maximum": 1e4,
                                      "written": {"one": "{num} time", "other": "{num} times"}}),
    "litres": UnitTerm.model_validate({"label": "Litres", "maximum": 1e12,
                                       "written": {"one": "{num} litre", "other": "{num} litres"}}),
}
"""Units as a documentary's vocabulary defines them (the generator knows none)."""

UNIT = r"(?:%|\bper cent\b|\bpeople\b|\btimes\b)"
DOUBLED_UNIT = re.compile(rf"{UNIT}.{{0,3}}{UNIT}", re.IGNORECASE)
"""A unit written twice in a row: 'approximately 17 per cent % of arrivals', 'up to 75% % reduction'."""


def figure(**fields: object) -> Figure:
    base = {"id": "f", "label": "Share", "kind": "official statistic", "stated_by": {"organisation": "o"},
            "sources": ["s"]}
    return Figure.model_validate({**base, **fields})


@pytest.mark.parametrize(("fields", "expected"), [
    ({"value": 17, "unit": "percent", "approximation": "approximately", "as_stated": "approximately 17 per cent"},
     "approximately 17%"),
    ({"value": 75, "unit": "percent", "approximation": "up to", "as_stated": "up to 75%"}, "up to 75%"),
    ({"value": 3356, "unit": "people"}, "3,356 people"),
    ({"value": 1, "unit": "people"}, "1 person"),
    ({"value": 4, "unit": "times", "as_stated": "fourfold"}, "4 times"),
    ({"value": None, "as_stated": "halved"}, "halved"),
    ({"value": 2.5, "unit": "percent"}, "2.5%"),
    ({"value": 1500, "unit": "litres"}, "1,500 litres"),
])
def test_figure_value_writes_hedge_number_and_unit_once(fields: dict[str, object], expected: str) -> None:
    assert figure_value(figure(**fields), EN, UNITS) == expected
    assert not DOUBLED_UNIT.search(expected)


def test_number_drops_needless_decimals() -> None:
    assert (EN.number(43000.0), EN.number(17.5), EN.number(3356)) == ("43,000", "17.5", "3,356")


def test_doubled_unit_pattern_catches_the_old_bug() -> None:
    assert DOUBLED_UNIT.search("approximately 17 per cent % of small-boat arrivals")
    assert DOUBLED_UNIT.search("up to 75% % reduction")
    assert not DOUBLED_UNIT.search("approximately 17% of arrivals; 3,356 people")


@pytest.mark.parametrize(("publisher", "title", "expected"), [
    ("Human Rights Watch", "Human Rights Watch annual rights report", "Human Rights Watch annual rights report"),
    ("The Times", "Article on trafficking", "The Times: Article on trafficking"),
    ("Amnesty International", "Report of amnesty international", "Report of amnesty international"),
])
def test_attributed_names_the_publisher_once(publisher: str, title: str, expected: str) -> None:
    assert attributed(publisher, title) == expected


FIXTURE = {
    "tags.yml": "- id: returns\n  label: Returns\n- id: human-rights\n  label: Human rights\n",
    "organisations.yml": ("- id: home-office\n  name: Home Office\n  country: GB\n  sources: [ho-2024]\n"
                          "- id: watchdog\n  name: Rights Watchdog\n  country: international\n  sources: [ho-2024]\n"),
    "reports.yml": ("- id: watchdog-report\n  title: Rights Watchdog annual report\n  author: watchdog\n"
                    "  published: 2024-01\n  sources: [ho-2024]\n"),
    "quotes/watchdog-2024.yml": ("id: watchdog-2024\ntext: We stand by the report.\nspeaker: {organisation: watchdog}\n"
                                 "date: 2024-01\nreport: watchdog-report\nsources: [ho-2024]\ntags: [human-rights]\n"),
    "figures.yml": ("- id: share\n  label: Share of arrivals\n  value: 17\n  unit: percent\n"
                    "  approximation: approximately\n  as_stated: approximately 17 per cent\n"
                    "  kind: official statistic\n  stated_by: {organisation: watchdog}\n  report: watchdog-report\n"
                    "  sources: [ho-2024]\n  tags: [human-rights]\n"
                    "- id: halved\n  label: Change in arrivals\n  value: null\n  as_stated: halved\n  kind: government claim\n"
                    "  stated_by: {organisation: home-office}\n  sources: [ho-2024]\n"),
    "people/to-lam.yml": ("id: to-lam\nname: Tô Lâm\ncountry: VN\nroles:\n  - title: Head of the Home Office\n"
                          "    organisation: home-office\n    attested: [2024-04-15]\n    sources: [ho-2024]\n"
                          "sources: [ho-2024]\n"),
}


def labels(site: Path, url: str, bibliography: bool = True) -> list[str]:
    """Every heading, value, fact and caption of a page, as a reader sees it; ``bibliography=False``
    leaves out the list of sources cited, whose entries give a document's title and its publisher as
    published (an annual report's title may name its publisher), and the prose that introduces a
    quotation (its ``context``), which is a sentence, not a label."""
    soup = soup_of(site, url)
    if not bibliography:
        for section in soup.select(".dossier-sources, .dossier-context"):
            section.decompose()
    return [" ".join(el.get_text(" ").split()) for el in soup.select(
        "article h1, article h2, article h3, .dossier-value, .dossier-facts dd, figcaption, article p strong, article li")]


def test_fixture_site_writes_each_unit_and_publisher_once(tiny: Path) -> None:
    write_data(tiny, FIXTURE)
    make_site_project(tiny)
    result = run_build(tiny)
    assert result.returncode == 0, result.stderr
    site = tiny / "site"
    figures = soup_of(site, "figures/")
    assert figures.find("article", id="share").select_one(".dossier-value").get_text() == "approximately 17%"
    assert figures.find("article", id="halved").select_one(".dossier-value").get_text() == "halved"
    assert "“approximately 17 per cent”" in figures.find("article", id="share").get_text()
    years = [f"human-rights/{p.parent.name}/" for p in (site / "human-rights").glob("*/index.html")]
    headings = [h.get_text() for url in years for h in soup_of(site, url).select("h2#h-watchdog-2024")]
    assert headings == ["Rights Watchdog annual report"]
    for url in ("", "figures/", "human-rights/", *years, "people/to-lam/"):
        for text in labels(site, url):
            assert not DOUBLED_UNIT.search(text), (url, text)
            assert text.count("Rights Watchdog") <= 1, (url, text)
            assert text.count("Home Office") <= 1, (url, text)
