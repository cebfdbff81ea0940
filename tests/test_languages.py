"""Any language with no code: fixture documentaries in three languages and in one, each built from its own
configuration (tests/fixtures/<name>/: mkdocs.yml, documentary.yml, docs/) and the generator's catalogues."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, TINY, broken_links, errors_after, run_build, soup_of, write_data
from dossier.errors import DataInvalid
from dossier.validate.check import validate_project

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TRANSLATED_EVENT = TINY["events/call-2024.yml"].replace(
    "title: A call\n", "title: {en: A call, vi: Một cuộc gọi, fr: Un appel}\n")


def build_fixture(tmp: Path, name: str) -> Path:
    """Copy the fixture documentary ``name`` with the tiny data set and the hook file, build it strictly."""
    project = tmp / name
    shutil.copytree(FIXTURES / name, project)
    shutil.copytree(ROOT / "hooks", project / "hooks")
    write_data(project, {**TINY, "events/call-2024.yml": TRANSLATED_EVENT if name == "trilingual" else
                         TINY["events/call-2024.yml"]})
    result = run_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def trilingual(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture(tmp_path_factory.mktemp("languages"), "trilingual")


@pytest.fixture(scope="module")
def monolingual(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture(tmp_path_factory.mktemp("languages"), "monolingual")


EDITIONS = [("en", "", "A call", "15 April 2024"), ("vi", "vi/", "Một cuộc gọi", "ngày 15/4/2024"),
            ("fr", "fr/", "Un appel", "15 avril 2024")]


@pytest.mark.parametrize(("lang", "prefix", "title", "day"), EDITIONS, ids=[e[0] for e in EDITIONS])
def test_three_editions_each_in_its_language(trilingual: Path, lang: str, prefix: str, title: str, day: str) -> None:
    page = soup_of(trilingual / prefix if prefix else trilingual, "events/call-2024/")
    assert page.html["lang"] == lang
    assert page.find("h1").get_text() == title
    assert day in page.get_text()  # the catalogue's date pattern and CLDR's month names


def test_the_french_interface_comes_from_the_french_catalogue(trilingual: Path) -> None:
    text = soup_of(trilingual / "fr", "events/call-2024/").get_text()
    assert "Citer cette page" in text
    assert "Cite this page" not in text
    assert soup_of(trilingual / "fr", "about/").find("h1").get_text() == "À propos"  # about/index.fr.md


@pytest.mark.parametrize(("lang", "prefix"), [(e[0], e[1]) for e in EDITIONS], ids=[e[0] for e in EDITIONS])
def test_each_edition_has_a_switcher_to_the_same_page_in_the_three_languages(trilingual: Path, lang: str,
                                                                             prefix: str) -> None:
    page = soup_of(trilingual / prefix if prefix else trilingual, "people/to-lam/")
    links = {a["hreflang"]: a["href"] for a in page.select(".md-select__link")}
    assert set(links) == {"en", "vi", "fr"}
    here = trilingual / prefix / "people" / "to-lam"
    for other, target in links.items():
        other_prefix = {e[0]: e[1] for e in EDITIONS}[other]
        expected = trilingual / other_prefix / "people" / "to-lam" / "index.html"
        assert (here / target / "index.html").resolve() == expected.resolve()
    assert page.select_one(".md-select__link[aria-current=page]")["hreflang"] == lang


def test_the_sitemap_lists_every_edition_as_an_alternate(trilingual: Path) -> None:
    sitemap = (trilingual / "sitemap.xml").read_text(encoding="utf-8")
    for lang, prefix in (("en", ""), ("vi", "vi/"), ("fr", "fr/")):
        assert f'hreflang="{lang}" href="https://tiny.example.org/record/{prefix}people/to-lam/"' in sitemap


@pytest.mark.parametrize(("lang", "prefix"), [(e[0], e[1]) for e in EDITIONS], ids=[e[0] for e in EDITIONS])
def test_each_edition_searches_in_its_own_language(trilingual: Path, lang: str, prefix: str) -> None:
    index = json.loads((trilingual / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [lang]


def test_the_published_schemas_list_the_documentarys_three_languages(trilingual: Path) -> None:
    schema = json.loads((trilingual / "data" / "schemas" / "event.schema.json").read_text(encoding="utf-8"))
    title = json.dumps(schema["properties"]["title"])
    for lang in ("en", "vi", "fr"):
        assert f'"{lang}"' in title


def test_one_language_has_no_switcher_and_no_trace_of_another(monolingual: Path) -> None:
    assert sorted(p.name for p in monolingual.iterdir() if p.is_dir() and len(p.name) == 2) == []  # no vi/, fr/
    pages = list(monolingual.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert "md-select__link" not in html, path
        assert "hreflang" not in html, path
        assert 'lang="vi"' not in html, path
        assert 'lang="fr"' not in html, path
    assert "hreflang" not in (monolingual / "sitemap.xml").read_text(encoding="utf-8")
    for path in (monolingual / "data" / "schemas").glob("*.json"):
        assert '"vi"' not in path.read_text(encoding="utf-8"), path
    index = json.loads((monolingual / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["en"]


def test_every_internal_link_and_anchor_resolves_in_every_edition(trilingual: Path, monolingual: Path) -> None:
    assert broken_links(trilingual, root="/record/") == []  # its site_url's path
    assert broken_links(monolingual) == []


def test_a_text_in_a_language_the_documentary_does_not_have_is_refused_at_its_line(tiny: Path) -> None:
    event = TINY["events/call-2024.yml"].replace("title: A call\n", "title: {en: A call, fr: Un appel}\n")
    assert errors_after(tiny, {"events/call-2024.yml": event}) == [
        "data/events/call-2024.yml:3:8: title: unknown language 'fr'; use one of: en"]
    (tiny / "documentary.yml").write_text((tiny / "documentary.yml").read_text(encoding="utf-8")
                                          + "editions:\n  - {language: fr}\n", encoding="utf-8")
    site, ds = validate_project(tiny)
    assert site.languages == ("en", "fr")
    assert ds.events["call-2024"].title.get("fr") == "Un appel"


def test_an_edition_in_a_language_cldr_does_not_know_is_refused(tiny: Path) -> None:
    (tiny / "documentary.yml").write_text((tiny / "documentary.yml").read_text(encoding="utf-8")
                                          + "editions:\n  - {language: xx}\n", encoding="utf-8")
    with pytest.raises(DataInvalid) as info:
        validate_project(tiny)
    assert [str(e) for e in info.value.errors] == [
        "documentary.yml:38:16: editions.0.language: 'xx' is not a language CLDR knows (write an ISO 639-1 code "
        "such as 'en', 'vi' or 'fr')"]


def test_each_editions_downloads_are_described_in_its_language(trilingual: Path) -> None:
    assert "Files:" in (trilingual / "data" / "README.txt").read_text(encoding="utf-8")
    french = (trilingual / "fr" / "data" / "README.txt").read_text(encoding="utf-8")
    assert "Fichiers\u00a0:" in french  # French typography: a no-break space before the colon
    assert "Files:" not in french
    assert (trilingual / "fr" / "data" / "events.json").read_bytes() == (trilingual / "data" / "events.json").read_bytes()
