"""Language editions on a fixture documentary: one build writes both, a missing translation is shown in
English and marked, quotations keep their language, and `make validate` reports the coverage."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from conftest import (
    TINY,
    TINY_DOCUMENTARY,
    ServedProject,
    make_site_project,
    run_build,
    run_validate,
    soup_of,
    write_data,
)

VI_CONFIG = "INHERIT: mkdocs.yml\ntheme:\n  language: vi\n"


def bilingual(tiny: Path, translated_title: bool) -> Path:
    (tiny / "documentary.yml").write_text(TINY_DOCUMENTARY + "editions:\n  - {language: vi, region: VN}\n",
                                          encoding="utf-8")
    title = ("title:\n  en: Telephone call\n  vi: Cuộc điện đàm\n" if translated_title else "title: Telephone call\n")
    event = TINY["events/call-2024.yml"]
    start = event.index("title:")
    end = event.index("\n", start) + 1
    write_data(tiny, {"events/call-2024.yml": event[:start] + title + event[end:],
                      "quotes/q-2024.yml": TINY["quotes/q-2024.yml"].rstrip("\n")
                      + "\nlang: en\ntranslations: {vi: Chúng tôi cam kết.}\n"})
    make_site_project(tiny)
    (tiny / "mkdocs.vi.yml").write_text(VI_CONFIG, encoding="utf-8")
    return tiny


def test_one_build_writes_both_editions_with_their_language(tiny: Path) -> None:
    result = run_build(bilingual(tiny, translated_title=True))
    assert result.returncode == 0, result.stderr
    site = tiny / "site"
    assert soup_of(site, "events/call-2024/").html["lang"] == "en"
    vi = soup_of(site / "vi", "events/call-2024/")
    assert vi.html["lang"] == "vi"
    assert vi.find("h1").get_text() == "Cuộc điện đàm"
    assert "ngày 15/4/2024" in vi.get_text()  # the catalogue's date pattern, not CLDR's "15 tháng 4, 2024"
    quote = vi.find("figure", id="q-2024")
    assert quote.find("blockquote")["lang"] == "en"
    assert quote.select_one(".dossier-translation [lang=vi]").get_text() == "Chúng tôi cam kết."


def test_a_missing_translation_shows_the_english_marked_and_labelled(tiny: Path) -> None:
    result = run_build(bilingual(tiny, translated_title=False))
    assert result.returncode == 0, result.stderr
    page = soup_of(tiny / "site" / "vi", "timeline/2024/")
    article = page.find("article", id="call-2024")
    marked = article.select_one(".dossier-event__title [lang=en]")
    assert marked.get_text() == "Telephone call"
    assert marked.find_next_sibling(class_="dossier-untranslated").get_text() == "(chưa dịch)"
    for html in (tiny / "site").rglob("*.html"):  # never inside an attribute
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(True):
            assert not any("dossier-untranslated" in str(v) for k, v in tag.attrs.items() if k != "class"), html
    english = soup_of(tiny / "site", "timeline/2024/").find("article", id="call-2024")
    assert not english.select(".dossier-untranslated")


def test_validate_reports_coverage_per_kind_and_lists_what_is_missing(tiny: Path) -> None:
    bilingual(tiny, translated_title=False)
    result = run_validate(tiny)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("translation coverage (vi): ") for line in lines)
    assert "  events: 0.0% (0/2)" in lines  # the event's title and summary
    assert "  quotes: 100.0% (1/1)" in lines
    assert "  data/events/call-2024.yml: title" in lines
    assert "  data/events/call-2024.yml: summary" in lines


def test_a_translated_handwritten_page_replaces_the_english_one_in_its_edition(tiny: Path) -> None:
    bilingual(tiny, translated_title=True)
    (tiny / "docs" / "about" / "index.vi.md").write_text("# Giới thiệu\n\nTrang tiếng Việt.\n", encoding="utf-8")
    result = run_build(tiny)
    assert result.returncode == 0, result.stderr
    assert soup_of(tiny / "site" / "vi", "about/").find("h1").get_text() == "Giới thiệu"
    assert soup_of(tiny / "site", "about/").find("h1").get_text() != "Giới thiệu"
    assert not (tiny / "site" / "about" / "index.vi").exists()


def test_an_edition_without_its_config_stops_the_build_before_anything_is_written(tiny: Path) -> None:
    bilingual(tiny, translated_title=True)
    (tiny / "mkdocs.vi.yml").unlink()
    result = run_build(tiny)
    assert result.returncode == 1
    assert "mkdocs.vi.yml: not found; documentary.yml lists the edition 'vi'" in result.stderr
    assert not (tiny / "site").exists()


def test_one_serve_shows_both_editions_and_one_edition_can_be_served_alone(tiny: Path) -> None:
    bilingual(tiny, translated_title=True)
    both = ServedProject(tiny)
    try:
        assert '<html lang="en"' in both.get("events/call-2024/")[1]
        status, body = both.get("vi/events/call-2024/")
        assert status == 200
        assert '<html lang="vi"' in body
        assert "Cuộc điện đàm" in body
        lines = both.rebuilt(lambda: (tiny / "data" / "events" / "call-2024.yml").write_text(
            (tiny / "data" / "events" / "call-2024.yml").read_text(encoding="utf-8").replace(
                "vi: Cuộc điện đàm", "vi: Cuộc điện đàm mới"), encoding="utf-8"))
        assert lines
        assert "Cuộc điện đàm mới" in both.get("vi/events/call-2024/")[1]
    finally:
        both.stop()
    alone = ServedProject(tiny, "-f", "mkdocs.vi.yml")  # `make serve EDITION=vi`: the Vietnamese edition at /
    try:
        status, body = alone.get("events/call-2024/")
        assert status == 200
        assert '<html lang="vi"' in body
    finally:
        alone.stop()
