"""The second documentary in examples/sample: the same generator, no code of its own, no word of ours.

Generator tests elsewhere run on fixtures; this one proves that a documentary on another subject
(fictional sample data, labelled so on every page) builds from its own mkdocs.yml,
documentary.yml and data/ alone.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from conftest import ROOT, broken_links
from dossier.model.kinds import DOWNLOADS

EXAMPLE = ROOT / "examples" / "sample"
OURS = re.compile(r"vietnam|việt|uk–|home office|migration|human.rights|ukvn|national referral|small.boat",
                  re.IGNORECASE)
"""Words of the UK–Vietnam documentary that must not reach the sample's pages."""


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sample") / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=EXAMPLE,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return out


def test_the_example_has_no_code_of_its_own() -> None:
    files = [p.relative_to(EXAMPLE).as_posix() for p in EXAMPLE.rglob("*") if p.is_file() and "site" not in p.parts]
    assert not [f for f in files if f.endswith((".py", ".html", ".js", ".css"))]
    assert "mkdocs.yml" in files
    assert "documentary.yml" in files


def test_the_example_pages_carry_none_of_our_words(sample_site: Path) -> None:
    ours = [p for p in sample_site.rglob("*") if p.suffix in (".html", ".xml", ".json", ".csv")
            and "assets" not in p.relative_to(sample_site).parts and OURS.search(p.read_text(encoding="utf-8"))]
    assert ours == []


def test_every_page_of_the_example_says_it_is_fictional(sample_site: Path) -> None:
    pages = sorted(sample_site.rglob("index.html"))
    assert len(pages) >= 15
    for page in pages:
        assert "Fictional sample record" in page.read_text(encoding="utf-8"), page


def test_the_example_has_its_own_pages_and_context_address(sample_site: Path) -> None:
    for url in ("timeline/", "reviews/", "events/footbridge-opens-2023/", "people/ada-okafor/",
                "agreements/footbridge-contract-2022/", "about/corrections/"):
        assert (sample_site / url / "index.html").is_file(), url
    assert not (sample_site / "human-rights").exists()
    feed = (sample_site / "feed" / "events.xml").read_text(encoding="utf-8")
    assert "<title>Fictional sample record: timeline</title>" in feed


def test_the_example_shows_its_own_vocabulary_labels(sample_site: Path) -> None:
    from bs4 import BeautifulSoup

    html = (sample_site / "figures" / "index.html").read_text(encoding="utf-8")
    figures = BeautifulSoup(html, "html.parser").get_text()
    assert "council count" in figures
    assert "official statistic" not in figures
    assert '"measurementTechnique":"council count"' in html
    agreement = (sample_site / "agreements" / "footbridge-contract-2022" / "index.html").read_text(encoding="utf-8")
    assert '<h2 id="items">Terms</h2>' in agreement


def test_every_internal_link_and_anchor_of_the_example_resolves(sample_site: Path) -> None:
    assert broken_links(sample_site) == []


def test_the_example_downloads_validate_against_the_schemas_published_beside_them(sample_site: Path) -> None:
    data = sample_site / "data"
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    registry = Registry().with_resources(
        (p.name, Resource.from_contents(json.loads(p.read_text(encoding="utf-8"))))
        for p in (data / "schemas").glob("*.json"))
    resources = [r for r in package["resources"] if r["format"] == "json"]
    assert {r["name"] for r in resources} == set(DOWNLOADS)
    for resource in resources:
        schema = json.loads((data / resource["jsonschema"]).read_text(encoding="utf-8"))
        entries = json.loads((data / resource["path"]).read_text(encoding="utf-8"))
        errors = list(Draft202012Validator(schema, registry=registry).iter_errors(entries))
        assert errors == [], f"{resource['path']}: {errors[0].message}"
