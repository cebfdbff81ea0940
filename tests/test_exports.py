"""What the site exports, read by the tools re-users read it with (issue 20, part 2): BibTeX (pybtex),
CSV in a spreadsheet (formula cells), the data package (Frictionless), JSON-LD (schema.org's rules for
the properties we use), Open Graph, Atom feeds (feedparser) and CITATION.cff (cffconvert).

Each class is checked on a fixture built to hold its awkward variants, and on the shipped record in both
editions. `make audit` runs the same checks, plus schema-dts's type check of the JSON-LD and pa11y.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from PIL import Image

from conftest import ROOT, TINY, TINY_DOCUMENTARY, make_site_project, run_build, soup_of, write_data
from dossier.devtools import exports
from dossier.render.jsonld import LANGUAGE_TYPES

SPECIAL = "d'asile & 100% $5 #1 snake_case {braced} ~tilde^ back\\slash l’apostrophe"
"""Every character BibTeX or LaTeX reads specially, and both apostrophes."""
FORMULAS = ["=HYPERLINK(\"https://example.org\")", "+1 more", "-2 fewer", "@SUM(A1)"]
"""Text cells that Excel, LibreOffice and Sheets would run as formulas (OWASP, CSV injection). A text
starting with a tab or a carriage return is refused by validation already (surrounding whitespace);
``neutral`` covers those too (test below)."""
LIMIT = 7
EVENTS = 12


def _event(n: int) -> str:
    return yaml.safe_dump({"id": f"event-{n:02d}", "date": f"2023-{n:02d}-01", "title": f"{SPECIAL} ({n})",
                           "summary": f"Summary {n}: {SPECIAL}", "sources": ["ho-2024"]}, allow_unicode=True)


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny record, with awkward titles everywhere, formula-like figure texts, an event with no
    participants, a figure with no value and more events than the feed limit."""
    root = tmp_path_factory.mktemp("exports")
    files: dict[str, str | bytes] = dict(TINY)
    files["sources/ho-2024.yml"] = TINY["sources/ho-2024.yml"].replace("title: UK signs agreement",
                                                                       f"title: {json.dumps(SPECIAL)}")
    files["events/call-2024.yml"] = TINY["events/call-2024.yml"].replace("title: A call",
                                                                         f"title: {json.dumps(SPECIAL)}")
    for n in range(1, EVENTS + 1):
        files[f"events/event-{n:02d}.yml"] = _event(n)
    figures = [{"id": f"formula-{i}", "label": text, "value": i, "unit": "people", "as_stated": text,
                "kind": "official statistic", "stated_by": {"organisation": "home-office"},
                "caveats": [text], "sources": ["ho-2024"], "series": "counts",
                "period": {"start": str(2010 + i), "end": str(2010 + i), "label": text}}
               for i, text in enumerate(FORMULAS)]
    figures.append({"id": "halved", "label": "Arrivals halved", "value": None, "as_stated": "halved",
                    "kind": "government claim", "stated_by": {"organisation": "home-office"}, "sources": ["ho-2024"]})
    files["figures.yml"] = yaml.safe_dump(figures, allow_unicode=True)
    files["series.yml"] = yaml.safe_dump([{"id": "counts", "title": SPECIAL, "description": "Counts.",
                                           "unit": "people"}], allow_unicode=True)
    write_data(root, files)
    documentary = TINY_DOCUMENTARY.replace("title: A tiny record\n", f"title: {json.dumps('A tiny record: ' + SPECIAL)}\n", 1)
    documentary = documentary.replace("feeds: {", f"feeds: {{limit: {LIMIT}, ", 1)
    (root / "documentary.yml").write_text(documentary, encoding="utf-8")
    make_site_project(root)
    result = run_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(params=["fixture", "shipped"])
def site(request: pytest.FixtureRequest, fixture_site: Path) -> Path:
    return fixture_site if request.param == "fixture" else request.getfixturevalue("real_site")


# -- BibTeX -------------------------------------------------------------------------------------

def test_every_pages_bibtex_entry_parses_back_to_its_title(site: Path) -> None:
    count, problems = exports.bibtex_problems(site)
    assert count >= (30 if site.name == "site" and (site / "vi").is_dir() else 10)
    assert problems == []


def test_bibtex_escapes_each_special_character_once(fixture_site: Path) -> None:
    from pybtex.database import parse_string

    soup = soup_of(fixture_site, "events/call-2024/")
    entry = soup.select_one("pre.dossier-bibtex code").get_text()
    escaped = (r"d'asile \& 100\% \$5 \#1 snake\_case \{braced\} \textasciitilde{}tilde\textasciicircum{} "
               r"back\textbackslash{}slash l’apostrophe")
    assert "&amp;" not in entry
    assert "&#39;" not in entry
    (parsed,) = parse_string(entry, "bibtex").entries.values()
    assert parsed.fields["title"] == escaped  # pybtex reads the braced field back whole, escaped once


# -- CSV and the data package -------------------------------------------------------------------

def test_no_csv_cell_runs_as_a_formula(site: Path) -> None:
    count, problems = exports.formula_cells(site)
    assert count >= 2  # figures.csv and at least one series
    assert problems == []


def test_formula_like_text_is_kept_behind_one_apostrophe(fixture_site: Path) -> None:
    import csv
    import io

    for name in ("figures.csv", "series/counts.csv"):
        text = (fixture_site / "data" / name).read_text(encoding="utf-8")
        rows = list(csv.DictReader(io.StringIO(text, newline="")))
        by_id = {r["id"]: r for r in rows}
        for i, text in enumerate(FORMULAS):
            row = by_id[f"formula-{i}"]
            for field in ("label", "as_stated", "caveats", "period_label"):
                assert row[field] == "'" + text, (name, field)
            assert row["value"] == str(i)  # numbers are numbers: never prefixed
    json_figures = json.loads((fixture_site / "data/figures.json").read_text(encoding="utf-8"))
    assert [f["label"] for f in json_figures if f["id"].startswith("formula-")] == FORMULAS  # JSON unchanged
    readme = (fixture_site / "data/README.txt").read_text(encoding="utf-8")
    assert "apostrophe" in readme
    assert "OWASP" in readme


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_each_formula_start_is_neutralised(start: str) -> None:
    from dossier.render.downloads import figures_csv, neutral

    assert neutral(start + "cmd|' /C calc'!A0") == "'" + start + "cmd|' /C calc'!A0"
    assert neutral("plain " + start) == "plain " + start
    assert neutral("") == ""
    assert figures_csv([], None, {}).startswith("id,label,")  # type: ignore[arg-type]


def test_the_data_package_is_valid_to_frictionless(site: Path) -> None:
    count, problems = exports.datapackage_problems(site)
    assert count >= 1
    assert problems == []


# -- JSON-LD and Open Graph ---------------------------------------------------------------------

def _nodes(value: object):
    if isinstance(value, dict):
        yield value
        for v in value.values():
            yield from _nodes(v)
    elif isinstance(value, list):
        for v in value:
            yield from _nodes(v)


def test_structured_data_has_no_nulls_or_empty_lists_and_language_only_on_creative_works(site: Path) -> None:
    pages = list(exports.jsonld_of(site))
    assert len(pages) >= 10
    for rel, data in pages:
        assert list(exports.empty_or_null(data)) == [], rel
        for node in _nodes(data):
            if "inLanguage" in node and node.get("@type") != "CreativeWork":  # sources: CreativeWork
                assert node["@type"] in LANGUAGE_TYPES, (rel, node["@type"])
            if node.get("@type") in ("Person", "ItemList", "OrganizationRole", "Country"):
                assert "inLanguage" not in node, (rel, node["@type"])
            if node.get("@type") == "OrganizationRole":
                assert "citation" not in node, rel
            if "nationality" in node:
                assert node["nationality"]["@type"] == "Country", rel
                assert len(node["nationality"]["name"]) > 2, rel


def test_the_figures_dataset_lists_each_download(fixture_site: Path) -> None:
    (data,) = [d for rel, d in exports.jsonld_of(fixture_site) if rel == "figures/index.html"]
    assert data["creator"] == {"@type": "Organization", "name": "The tiny record's editors"}
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    files = {d["contentUrl"]: d["encodingFormat"] for d in data["distribution"]}
    assert files["../data/series/counts.csv"] == "text/csv"
    assert files["../data/figures.json"] == "application/json"
    assert all((fixture_site / "figures" / url).resolve().is_file() for url in files)
    halved = [v for v in data["variableMeasured"] if v["name"] == "Arrivals halved"]
    assert halved
    assert "value" not in halved[0]  # the source gives no number: no null


def test_open_graph_locales_and_card(real_site: Path) -> None:
    for rel, html in exports.pages(real_site):
        if not rel.endswith("index.html"):
            continue
        soup = BeautifulSoup(html, "html.parser")
        vi = rel.startswith("vi/")
        assert soup.find("meta", property="og:locale")["content"] == ("vi_VN" if vi else "en_GB"), rel
        assert [m["content"] for m in soup.find_all("meta", property="og:locale:alternate")] == [
            "en_GB" if vi else "vi_VN"], rel
        card = (real_site / rel).parent / soup.find("meta", property="og:image")["content"]
        assert card.resolve() == (real_site / ("vi/" if vi else "") / "assets/dossier/card.png").resolve(), rel
    for edition in ("", "vi/"):
        with Image.open(real_site / edition / "assets/dossier/card.png") as image:
            assert image.format == "PNG"
            assert image.size == (1200, 630)
    assert (real_site / "assets/dossier/card.png").read_bytes() != (real_site / "vi/assets/dossier/card.png").read_bytes()


# -- Feeds --------------------------------------------------------------------------------------

def test_feeds_are_valid_and_bounded(site: Path) -> None:
    limit = LIMIT if (site / "events/event-01").is_dir() else 50
    count, problems = exports.feed_problems(site, limit)
    assert count >= 2
    assert problems == []


def test_a_feed_carries_the_newest_entries_only(fixture_site: Path) -> None:
    import feedparser

    feed = feedparser.parse((fixture_site / "feed/events.xml").read_bytes())
    assert len(feed.entries) == LIMIT
    assert feed.entries[0].title.endswith("2024") or "call-2024" in feed.entries[0].link  # the newest first
    assert [e.link.rsplit("/", 2)[-2] for e in feed.entries[1:]] == [f"event-{n:02d}" for n in
                                                                     range(EVENTS, EVENTS - LIMIT + 1, -1)]


# -- Accessibility of the forms and tables (pa11y's findings, as structure) -----------------------

def test_forms_can_be_submitted_and_tables_have_captions(real_site: Path) -> None:
    for rel, html in exports.pages(real_site):
        soup = BeautifulSoup(html, "html.parser")
        for form in soup.find_all("form"):
            assert form.find(["button", "input"], type="submit"), (rel, form.get("class"), form.get("id"))
        for table in soup.select("article table.dossier-table"):  # every generated table
            assert table.find("caption"), rel
            assert table.find("caption").get_text(strip=True), rel
        toggle = soup.find("input", id="__toc")
        if toggle is not None:
            assert toggle.get("aria-label") or soup.find("label", attrs={"for": "__toc"}), rel
    timeline = soup_of(real_site, "timeline/").find("form", id="dossier-filters")
    assert timeline["method"] == "get"
    assert timeline["action"] == "./"


# -- CITATION.cff -------------------------------------------------------------------------------

CFFCONVERT = ROOT / "tools" / "cff" / ".venv" / "bin" / "cffconvert"


def test_citation_cff_is_complete_and_valid_to_cffconvert() -> None:
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    for key in ("authors", "title", "version", "date-released", "abstract", "keywords", "license",
                "preferred-citation"):
        assert cff.get(key), key
    assert set(cff["license"]) == {"CC-BY-4.0", "MIT"}  # text and data, code
    assert CFFCONVERT.exists(), "make test installs cffconvert into tools/cff/.venv"
    result = subprocess.run([str(CFFCONVERT), "--validate", "-i", str(ROOT / "CITATION.cff")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    apa = subprocess.run([str(CFFCONVERT), "-i", str(ROOT / "CITATION.cff"), "-f", "apalike"],
                         capture_output=True, text=True, check=True).stdout
    assert apa.startswith(cff["authors"][0]["name"])
    assert cff["title"] in apa
