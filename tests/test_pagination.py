"""render/pages/base.py: index pages split past documentary.yml's ``per_page`` (timeline and sources years,
the people). Built for real from the shipped data with small limits, both editions, and read as parsed HTML."""

from __future__ import annotations

import math
import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
import yaml

from conftest import PYTHON, ROOT, broken_links, make_site_project, soup_of

LIMITS = {"timeline": 4, "sources": 9, "people": 7}


@pytest.fixture(scope="module")
def split_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped record built with ``per_page`` limits small enough to split its lists."""
    root = make_site_project(tmp_path_factory.mktemp("split"))
    shutil.copytree(ROOT / "data", root / "data")
    for name in ("mkdocs.vi.yml",):
        shutil.copy(ROOT / name, root / name)
    text = (ROOT / "documentary.yml").read_text(encoding="utf-8")
    assert "per_page" not in text  # the shipped record keeps the defaults
    (root / "documentary.yml").write_text(text + f"per_page: {yaml.safe_dump(LIMITS, default_flow_style=True)}",
                                          encoding="utf-8")
    result = subprocess.run([PYTHON, "-m", "mkdocs", "build", "--strict"], cwd=root, capture_output=True, text=True,
                            check=False, env={**os.environ, "SITE_URL": "https://record.example.org/"})
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def record():
    """The shipped data set, as the build reads it."""
    from dossier.validate.check import validate_project

    return validate_project(ROOT)[1]


def _parts(site: Path, first: str) -> list[str]:
    """The addresses of the pages of a split list, from its first page's page navigation (or the page alone)."""
    nav = soup_of(site, first).find("nav", class_="dossier-part-nav")
    if nav is None:
        return [first]
    return [_resolve(first, str(a["href"])) for a in nav.find_all("a")]


def _resolve(page: str, href: str) -> str:
    parts = [p for p in page.split("/") if p]
    for piece in href.split("/"):
        if piece == "..":
            parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts) + "/"


@pytest.mark.parametrize("prefix", ["", "vi/"])
def test_every_event_is_on_exactly_one_page_of_its_year(split_site: Path, record, prefix: str) -> None:
    years = Counter(e.date.year for e in record.events.values())
    seen: Counter[str] = Counter()
    for year, count in years.items():
        parts = _parts(split_site, f"{prefix}timeline/{year}/")
        assert len(parts) == math.ceil(count / LIMITS["timeline"]), year
        for url in parts:
            articles = soup_of(split_site, url).select("article.dossier-event")
            assert 0 < len(articles) <= LIMITS["timeline"], url
            seen.update(a.find(class_="dossier-event__title").a["href"].rstrip("/").rsplit("/", 1)[-1]
                        for a in articles)
    assert sorted(seen) == sorted(record.events)
    assert set(seen.values()) == {1}


@pytest.mark.parametrize("prefix", ["", "vi/"])
def test_every_source_is_on_exactly_one_page_of_its_year(split_site: Path, record, prefix: str) -> None:
    seen: Counter[str] = Counter()
    for year in sorted({p.name for p in (split_site / prefix / "sources").iterdir() if p.name.isdigit()}):
        for url in _parts(split_site, f"{prefix}sources/{year}/"):
            found = [a["id"] for a in soup_of(split_site, url).select("article.dossier-source")]
            assert 0 < len(found) <= LIMITS["sources"], url
            seen.update(found)
    assert sorted(seen) == sorted(record.sources)
    assert set(seen.values()) == {1}
    split = [y for y in (split_site / prefix / "sources").iterdir() if (y / "2").is_dir()]
    assert split, "the limit splits at least one year"


@pytest.mark.parametrize("prefix", ["", "vi/"])
def test_the_people_go_on_over_numbered_pages(split_site: Path, record, prefix: str) -> None:
    people = sorted(record.people)
    parts = _parts(split_site, f"{prefix}people/")
    assert parts[:2] == [f"{prefix}people/", f"{prefix}people/page/2/"]
    assert len(parts) == math.ceil(len(people) / LIMITS["people"])
    rows = []
    for k, url in enumerate(parts, 1):
        soup = soup_of(split_site, url)
        here = soup.find("nav", class_="dossier-part-nav").find("a", attrs={"aria-current": "page"})
        assert here is not None
        assert str(k) in here.get_text()
        following = soup.find("p", class_="dossier-next-part")
        assert (following is None) == (k == len(parts)), url  # every page but the last links to the next
        if k > 1:
            title = soup.find("title").get_text()
            assert f" {k}" in title
            assert str(len(parts)) in title
        rows += [tr["id"] for tr in soup.select("table.dossier-people tbody tr")]
    assert sorted(rows) == people


def test_an_event_page_links_to_the_page_of_its_year_that_lists_it(split_site: Path) -> None:
    later = None
    for event in sorted((split_site / "events").iterdir()):
        link = soup_of(split_site, f"events/{event.name}/").find("a", string="See this event on the timeline")
        href = str(link["href"])
        assert href.endswith(f"#{event.name}")
        if re.search(r"/timeline/\d{4}/\d+/#", href):
            later = href
        target = _resolve(f"events/{event.name}/", href.split("#")[0])
        assert soup_of(split_site, target).find(id=event.name) is not None, href
    assert later is not None, "some event is on a further page of its year"


def test_nothing_links_to_a_missing_page_or_anchor(split_site: Path) -> None:
    assert broken_links(split_site) == []


def test_further_pages_are_in_the_sitemap_with_their_other_edition(split_site: Path) -> None:
    sitemap = (split_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://record.example.org/people/page/2/</loc>" in sitemap
    assert 'hreflang="vi" href="https://record.example.org/vi/people/page/2/"' in sitemap
    assert "<loc>https://record.example.org/timeline/2019/2/</loc>" in sitemap


def test_the_shipped_record_is_not_split(real_site: Path) -> None:
    assert not list(real_site.rglob("page/2"))
    assert soup_of(real_site, "people/").find("nav", class_="dossier-part-nav") is None
    assert not [y for y in (real_site / "timeline").iterdir() if (y / "2").is_dir()]
