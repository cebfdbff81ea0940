"""Open data downloads, feeds, corrections, citation: generated from the models and valid."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from conftest import ROOT, make_site_project, run_build, soup_of, write_data
from dossier.validate.check import validate

ATOM = "{http://www.w3.org/2005/Atom}"


def test_json_downloads_validate_against_their_published_schemas(real_site: Path) -> None:
    data = real_site / "data"
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    registry = Registry().with_resources(
        (p.name, Resource.from_contents(json.loads(p.read_text(encoding="utf-8"))))
        for p in (data / "schemas").glob("*.json"))
    json_resources = [r for r in package["resources"] if r["format"] == "json"]
    assert {r["name"] for r in json_resources} == {"events", "people", "agreements", "series", "figures", "quotes",
                                                   "reports", "sources"}
    for resource in json_resources:
        schema = json.loads((data / resource["jsonschema"]).read_text(encoding="utf-8"))
        entries = json.loads((data / resource["path"]).read_text(encoding="utf-8"))
        assert entries, resource["name"]
        errors = list(Draft202012Validator(schema, registry=registry).iter_errors(entries))
        assert errors == [], f"{resource['path']}: {errors[0].message}"
    people = json.loads((data / "people.json").read_text(encoding="utf-8"))
    titles = {p["id"]: [r["title"]["en"] if isinstance(r["title"], dict) else r["title"] for r in p["roles"]]
              for p in people}["to-lam"]
    assert all(isinstance(r["title"], dict) and r["title"]["vi"] for p in people for r in p["roles"]), \
        "the open data keeps the translations"
    assert {"Minister of Public Security", "General Secretary of the Communist Party of Vietnam"} <= set(titles)
    for resource in (r for r in package["resources"] if r["name"].startswith("series-")):
        rows = list(csv.DictReader(io.StringIO((data / resource["path"]).read_text(encoding="utf-8"))))
        assert rows
        assert {row["series"] for row in rows} == {resource["name"].removeprefix("series-")}


def test_csv_matches_its_table_schema(real_site: Path) -> None:
    data = real_site / "data"
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    table = next(r for r in package["resources"] if r["format"] == "csv")
    rows = list(csv.DictReader(io.StringIO((data / table["path"]).read_text(encoding="utf-8"))))
    fields = table["schema"]["fields"]
    assert list(rows[0]) == [f["name"] for f in fields]
    for row in rows:
        for f in fields:
            if f["type"] == "number" and row[f["name"]] not in table["schema"]["missingValues"]:
                float(row[f["name"]])
    by_id = {r["id"]: r for r in rows}
    assert by_id["vietnamese-arrivals-halved"]["value"] == ""
    assert by_id["vietnamese-arrivals-halved"]["kind"] == "government claim"
    assert by_id["vietnamese-small-boat-arrivals-2018-2023"]["value"] == "3356"


def test_events_feed_parses_newest_first_and_is_linked_from_every_page(real_site: Path) -> None:
    root = ET.fromstring((real_site / "feed/events.xml").read_bytes())
    updated = [e.findtext(f"{ATOM}updated") for e in root.findall(f"{ATOM}entry")]
    ds = validate(ROOT / "data", root=ROOT)
    assert len(updated) == min(50, len(ds.events))  # the newest 50 (feeds.limit in documentary.yml)
    assert updated == sorted(updated, reverse=True)
    newest = list(ds.events.values())[-1]
    assert root.findall(f"{ATOM}entry")[0].findtext(f"{ATOM}title").endswith(str(newest.title))
    ET.fromstring((real_site / "feed/corrections.xml").read_bytes())
    for html in real_site.rglob("index.html"):
        edition = real_site / "vi" if (real_site / "vi") in html.parents else real_site
        soup = soup_of(html.parent, "")
        feeds = [link["href"] for link in soup.find_all("link", type="application/atom+xml")]
        assert len(feeds) == 2, html
        assert (html.parent / feeds[0]).resolve() == (edition / "feed/events.xml").resolve()


def test_every_page_offers_a_citation_and_highwire_tags(real_site: Path) -> None:
    for url in ("", "timeline/", "people/to-lam/", "about/", "about/corrections/"):
        soup = soup_of(real_site, url)
        aside = soup.select_one("aside.dossier-cite-this")
        assert "UK–Vietnam Migration Partnership documentary record." in aside.select_one(".dossier-apa").get_text()
        assert aside.select_one(".dossier-bibtex").get_text().startswith("@misc{ukvn-")
        assert soup.find("meta", attrs={"name": "citation_title"})["content"]
        assert soup.find("meta", attrs={"name": "citation_publication_date"})["content"]
    edit = soup_of(real_site, "people/to-lam/").select_one(".dossier-edit").get_text()
    assert "data/people/to-lam.yml" in edit


def test_corrections_are_rendered_and_fed(tiny: Path) -> None:
    write_data(tiny, {"corrections.yml": """\
- id: fix-quote
  date: 2025-11-02
  item: quotes/q-2024
  change: A word of the quotation was corrected to match the source.
  reason: Transcription error.
  sources: [ho-2024]
"""})
    make_site_project(tiny)
    result = run_build(tiny)
    assert result.returncode == 0, result.stderr
    article = soup_of(tiny / "site", "about/corrections/").find("article", id="fix-quote")
    assert "Transcription error." in article.get_text()
    feed = ET.fromstring((tiny / "site/feed/corrections.xml").read_bytes())
    assert feed.find(f"{ATOM}entry").findtext(f"{ATOM}updated") == "2025-11-02T00:00:00Z"


def test_two_builds_of_the_same_commit_are_byte_identical(tmp_path: Path) -> None:
    env = {"SOURCE_DATE_EPOCH": "1761696000", "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"}
    sites = []
    for name in ("one", "two"):
        out = tmp_path / name
        result = subprocess.run([str(Path(__import__("sys").executable)), "-m", "mkdocs", "build", "--strict", "-q",
                                 "-d", str(out)], cwd=ROOT, env=env, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        sites.append(out)
    files = sorted(p.relative_to(sites[0]) for p in sites[0].rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(sites[1]) for p in sites[1].rglob("*") if p.is_file())
    different = [str(f) for f in files if (sites[0] / f).read_bytes() != (sites[1] / f).read_bytes()]
    assert different == []
    assert "2025" in soup_of(sites[0], "").select_one(".dossier-apa").get_text()


@pytest.mark.parametrize("kind", ["event", "person", "quote", "source"])
def test_new_entry_placeholders_fail_validation_until_filled(tiny: Path, kind: str) -> None:
    script = (ROOT / "scripts" / "new.py").read_text(encoding="utf-8")
    (tiny / "scripts").mkdir()
    (tiny / "scripts" / "new.py").write_text(script, encoding="utf-8")
    result = subprocess.run([str(Path(__import__("sys").executable)), "scripts/new.py", kind, "fresh-entry"],
                            cwd=tiny, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    check = subprocess.run([str(Path(__import__("sys").executable)), str(ROOT / "scripts/validate.py"), "data"],
                           cwd=tiny, capture_output=True, text=True, check=False)
    assert check.returncode == 1
    assert "fresh-entry.yml" in check.stderr
    assert "TODO" in check.stderr


def test_plain_mkdocs_build_dates_the_site_by_the_last_commit_as_make_does(tiny: Path) -> None:
    """README: `mkdocs serve` / `mkdocs build` in an activated .venv do what `make serve` / `make build` do."""
    import sys

    activate = Path(sys.prefix) / "bin" / "activate"
    assert "export NO_MKDOCS_2_WARNING=1" in activate.read_text(encoding="utf-8")
    make_site_project(tiny)
    git_env = {"PATH": os.environ["PATH"], "HOME": str(tiny), "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
               "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
               "GIT_AUTHOR_DATE": "2020-03-04T05:06:07Z", "GIT_COMMITTER_DATE": "2020-03-04T05:06:07Z"}
    for cmd in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "data"]):
        subprocess.run(["git", *cmd], cwd=tiny, env=git_env, check=True)
    plain = {"PATH": os.environ["PATH"], "HOME": str(tiny)}  # no SOURCE_DATE_EPOCH, as in a plain shell
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=tiny, env=plain,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    meta = soup_of(tiny / "site", "timeline/").select_one("meta[name=citation_publication_date]")
    assert meta["content"] == "2020/03/04"
