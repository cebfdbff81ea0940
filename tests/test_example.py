"""The second documentary in examples/sample: the same generator, no code of its own, no word of ours.

Generator tests elsewhere run on fixtures; this one proves that a documentary on another subject
(fictional sample data, labelled so on every page) builds from its own mkdocs.yml,
documentary.yml and data/ alone.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

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
