"""The Vietnamese edition of the shipped record at /vi/: every page twinned, linked both ways, in
Vietnamese, with quotations kept in their original language beside the project's translations."""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import PYTHON, ROOT, soup_of
from dossier.model.dataset import Dataset
from dossier.model.types import edition
from dossier.validate.check import validate_project
from dossier.validate.coverage import coverage

SITE_URL = "https://example.org/record/"
"""A site address with a sub-path, as on a project's GitHub Pages: alternates must stay absolute and right."""


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return validate_project(ROOT)[1]


@pytest.fixture(scope="module")
def site_with_url(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("url") / "site"
    result = subprocess.run([PYTHON, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=ROOT,
                            capture_output=True, text=True, check=False, env={**_env(), "SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    return out


def _env() -> dict[str, str]:
    import os

    return dict(os.environ)


def pages(site: Path) -> set[str]:
    """Every page of the base edition, by its address (``timeline/``), the editions' folders left out."""
    out = set()
    for html in site.rglob("index.html"):
        rel = html.parent.relative_to(site).as_posix()
        if rel.split("/")[0] in {"vi", "assets", "search"}:
            continue
        out.add("" if rel == "." else rel + "/")
    return out


def test_every_page_has_its_twin_at_the_same_path_and_nothing_else(real_site: Path) -> None:
    english = pages(real_site)
    vietnamese = pages(real_site / "vi")
    assert len(english) > 150
    assert english == vietnamese
    assert (real_site / "404.html").is_file()
    assert (real_site / "vi" / "404.html").is_file()
    for feed in ("feed/events.xml", "feed/corrections.xml"):
        assert (real_site / "vi" / feed).is_file()


@pytest.mark.parametrize("url", ["", "timeline/", "people/to-lam/", "events/first-migration-dialogue-2022/",
                                 "figures/", "human-rights/", "sources/", "about/", "about/corrections/",
                                 "about/performance/"])
def test_both_editions_declare_their_language_and_link_to_each_other(real_site: Path, url: str) -> None:
    en, vi = soup_of(real_site, url), soup_of(real_site / "vi", url)
    assert en.html["lang"] == "en"
    assert vi.html["lang"] == "vi"
    assert en.find("meta", property="og:locale")["content"] == "en_GB"
    assert vi.find("meta", property="og:locale")["content"] == "vi_VN"
    assert vi.select_one("input.md-search__input")["placeholder"] == "Tìm kiếm"  # Material's own UI in vi
    for soup, here, there, other in ((en, real_site / url, real_site / "vi" / url, "vi"),
                                     (vi, real_site / "vi" / url, real_site / url, "en")):
        switch = soup.select_one(f"a.md-select__link[hreflang={other}]")
        assert switch is not None, "a language switcher on every page"
        assert (here / switch["href"]).resolve() == there.resolve(), "it leads to the same page, not the home page"
        current = soup.select_one("a.md-select__link[aria-current=page]")
        assert current["hreflang"] != other
    assert vi.find(id="cite-this-page").get_text() == "Trích dẫn trang này"  # the theme's words, in vi too
    assert "Retrieved" not in vi.select_one(".dossier-apa").get_text()
    nav = [a.get_text(strip=True) for a in vi.select("nav.md-nav--primary > ul > li > a, "
                                                     "nav.md-nav--primary > ul > li > label")]
    assert "Dòng thời gian" in nav


def test_head_has_no_root_hreflang_links_that_would_make_material_fetch_sitemaps(real_site: Path) -> None:
    for soup in (soup_of(real_site, "timeline/"), soup_of(real_site / "vi", "timeline/")):
        assert soup.select("link[rel=alternate][hreflang]") == []


def test_sitemaps_carry_reciprocal_absolute_hreflang_alternates_with_x_default(site_with_url: Path) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    links: dict[str, dict[str, str]] = {}
    for sitemap in (site_with_url / "sitemap.xml", site_with_url / "vi" / "sitemap.xml"):
        for url in ET.parse(sitemap).getroot().findall("s:url", ns):
            loc = url.findtext("s:loc", namespaces=ns)
            links[loc] = {a.get("hreflang"): a.get("href") for a in url.findall("x:link", ns)}
    assert f"{SITE_URL}timeline/" in links
    assert f"{SITE_URL}vi/timeline/" in links
    for loc, alternates in links.items():
        assert set(alternates) == {"en", "vi", "x-default"}, loc
        assert all(href.startswith(SITE_URL) for href in alternates.values())
        assert alternates["x-default"] == alternates["en"]
        assert loc in alternates.values(), "each page names itself"
        for href in alternates.values():
            assert links[href] == alternates, f"{href} does not list the same alternates (not reciprocal)"
    vi_home = soup_of(site_with_url / "vi", "")
    assert vi_home.find("link", rel="canonical")["href"] == f"{SITE_URL}vi/"


def test_shipped_record_is_fully_translated_and_no_page_says_otherwise(real_site: Path, ds: Dataset) -> None:
    site = validate_project(ROOT)[0]
    for cov in coverage(ds, site, "vi"):
        assert cov.missing == [], cov.kind
    for html in (real_site / "vi").rglob("*.html"):
        assert "dossier-untranslated" not in html.read_text(encoding="utf-8"), html


def english_outside_marked(soup: BeautifulSoup) -> str:
    """The text of a page's content with every element marked as another language than Vietnamese removed."""
    main = soup.select_one("article.md-content__inner")
    for el in main.select("[lang]"):
        if el["lang"] != "vi":
            el.decompose()
    return " ".join(main.get_text(" ").split())


def test_vietnamese_pages_show_vietnamese_text_and_english_only_where_marked(real_site: Path, ds: Dataset) -> None:
    for eid, event in ds.events.items():
        soup = soup_of(real_site / "vi", f"events/{eid}/")
        shown = " ".join(soup.select_one("article.md-content__inner").get_text().split())
        assert " ".join(event.title.get("vi").split()) in shown
        assert " ".join(event.summary.get("vi").split())[:40] in shown
        text = english_outside_marked(soup)
        english = " ".join(event.summary.original.split())
        assert english[:60] not in text, f"{eid}: English summary on the Vietnamese page"
    timeline = english_outside_marked(soup_of(real_site / "vi", "timeline/"))
    assert "ngày 23/10/2019" in timeline  # the Vietnamese newsroom form (the catalogue's date pattern)
    assert "23 tháng 10, 2019" not in timeline  # never CLDR's long form with an English-style comma


def test_quotations_stay_original_with_a_labelled_translation_beside_them(real_site: Path, ds: Dataset) -> None:
    label = {"en": "Unofficial translation by this project:", "vi": "Bản dịch không chính thức của dự án:"}
    seen = {"en": 0, "vi": 0}
    for root, lang in ((real_site, "en"), (real_site / "vi", "vi")):
        for html in root.rglob("index.html"):
            if lang == "en" and (real_site / "vi") in html.parents:
                continue
            for fig in BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").select("figure.dossier-quote"):
                quote = ds.quotes[fig["id"]]
                block = fig.find("blockquote")
                assert block["lang"] == quote.lang
                assert " ".join(block.get_text().split()) == " ".join(quote.text.split()), "verbatim, untranslated"
                translation = fig.select_one(".dossier-translation")
                if quote.lang == lang:
                    assert translation is None
                    continue
                seen[lang] += 1
                assert translation.select_one(".dossier-translation__label").get_text() == label[lang]
                shown = translation.select_one(f"[lang={lang}]").get_text()
                assert " ".join(shown.split()) == " ".join(quote.translations[lang].split())
    assert seen["vi"] >= 50  # the English quotations, translated on the Vietnamese pages
    assert seen["en"] >= 3  # the Vietnamese, French and Spanish ones, translated on the English pages


def test_vietnamese_source_titles_stay_vietnamese_in_both_editions(real_site: Path, ds: Dataset) -> None:
    vietnamese = [s for s in ds.sources.values() if s.language == "vi"]
    assert vietnamese
    for root in (real_site, real_site / "vi"):
        for s in vietnamese:
            heading = soup_of(root, f"sources/{s.published.year}/").find("article", id=s.id).find("h2")
            assert heading["lang"] == "vi"
            assert heading.get_text() == s.title


def test_search_index_per_edition(real_site: Path) -> None:
    en = json.loads((real_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    vi = json.loads((real_site / "vi" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert en["config"]["lang"] == ["en", "vi"]  # Vietnamese names found with or without accents
    assert vi["config"]["lang"] == ["vi"]
    assert any("Dòng thời gian" in d["title"] for d in vi["docs"]) or any("Đối thoại" in d["text"] for d in vi["docs"])


def test_root_404_is_bilingual_and_the_vietnamese_one_is_vietnamese(real_site: Path) -> None:
    root = BeautifulSoup((real_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    sections = root.select("section.dossier-not-found")
    assert [s["lang"] for s in sections] == ["en", "vi"]
    assert [s.find("a")["href"] for s in sections] == ["/", "/vi/"]
    vi = BeautifulSoup((real_site / "vi" / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert vi.html["lang"] == "vi"
    assert "Không tìm thấy" in vi.find("h1").get_text()


def test_feeds_and_structured_data_per_edition(real_site: Path, ds: Dataset) -> None:
    atom = "{http://www.w3.org/2005/Atom}"
    en = ET.parse(real_site / "feed" / "events.xml").getroot()
    vi = ET.parse(real_site / "vi" / "feed" / "events.xml").getroot()
    assert vi.get("{http://www.w3.org/XML/1998/namespace}lang") == "vi"
    assert en.findtext(f"{atom}id") != vi.findtext(f"{atom}id")
    newest = list(ds.events.values())[-1]
    assert vi.find(f"{atom}entry").findtext(f"{atom}title").endswith(newest.title.get("vi"))
    for root, lang in ((real_site, "en"), (real_site / "vi", "vi")):
        tag = soup_of(root, "events/first-migration-dialogue-2022/").find("script", type="application/ld+json")
        data = json.loads(tag.string)
        assert data["inLanguage"] == lang
        with edition(lang):
            assert data["name"] == str(ds.events["first-migration-dialogue-2022"].title)


def test_open_data_keeps_both_languages(real_site: Path) -> None:
    events = json.loads((real_site / "data" / "events.json").read_text(encoding="utf-8"))
    assert all(set(e["title"]) == {"en", "vi"} for e in events)
    quotes = json.loads((real_site / "data" / "quotes.json").read_text(encoding="utf-8"))
    assert all(q["lang"] != "en" or "vi" in q["translations"] for q in quotes)
    schema = json.loads((real_site / "data" / "schemas" / "event.schema.json").read_text(encoding="utf-8"))
    assert "vi" in json.dumps(schema)
    assert (real_site / "vi" / "data" / "events.json").read_bytes() == (real_site / "data" / "events.json").read_bytes()


def test_vietnamese_about_page_states_the_translation_rules(real_site: Path) -> None:
    en = soup_of(real_site, "about/").get_text(" ")
    vi = soup_of(real_site / "vi", "about/").get_text(" ")
    assert "unofficial translation" in en
    assert re.search(r"bản dịch[^.]*không chính thức", vi, re.IGNORECASE)


ENGLISH_WORDS = re.compile(r"\b(the|and|of|with|from|was|were|which|this|that|for|said|says)\b")


def test_vietnamese_pages_have_no_english_outside_marked_quotations_and_names(real_site: Path, ds: Dataset) -> None:
    """English words on a Vietnamese page only inside elements marked with another language (a
    quotation, a quoted phrase, a source's title or publisher, a name given in brackets), in names
    (publishers named in running text) or in addresses: checked over every page of the edition."""
    names = sorted({s.publisher for s in ds.sources.values()} | {"Press Trust of India"}, key=len, reverse=True)
    found = []
    for html in (real_site / "vi").rglob("index.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        main = soup.select_one("article.md-content__inner")
        if main is None:
            continue
        for el in main.select("[lang]"):
            if el["lang"] != "vi":
                el.decompose()
        for el in main.select("a.dossier-ext, code, pre, svg title"):  # addresses, the BibTeX entry, and SVG
            el.decompose()  # tooltips, which cannot mark a language inside them (their text is in the page too)
        text = " ".join(main.get_text(" ").split())
        text = re.sub(r"(?:https?://|/)\S+", " ", text)  # a page's own address in its suggested citation
        for name in names:
            text = text.replace(name, " ")
        found += [f"{html.relative_to(real_site)}: …{text[max(0, m.start() - 50):m.end() + 30]}…"
                  for m in ENGLISH_WORDS.finditer(text)]
    assert found == []


# -- Issue 21: the edited Vietnamese edition, as classes over every page of /vi/ ------------------

def _vi_pages(real_site: Path):
    for path in sorted((real_site / "vi").rglob("*.html")):
        yield path.relative_to(real_site).as_posix(), BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_vietnamese_edition_uses_one_term_and_form_per_concept(real_site: Path) -> None:
    """Each wording the review found wrong is absent from every page of /vi/, and its fix is present."""
    wrong = {
        "sau đó là": "', then' on a participants line means 'khi đó là' (who was then), not 'later became'",
        "Cơ chế Giới thiệu Quốc gia": "the NRM is 'Cơ chế Chuyển tuyến Quốc gia'",
        "Initializing search": "the theme's search status is translated",
        "chỉ rõ tháng": "a month-only date is 'chỉ biết tháng'",
        "chỉ rõ năm": "a year-only date is 'chỉ biết năm'",
        "Truy cập ngày ngày": "the date pattern already says 'ngày'",
    }
    seen_participants = 0
    for rel, soup in _vi_pages(real_site):
        for listed in soup.select(".dossier-avoid"):  # the glossary names the wordings not used
            listed.decompose()
        text = soup.get_text(" ")
        for phrase, why in wrong.items():
            assert phrase not in text, f"{rel}: {phrase!r}: {why}"
        for legend in soup.select(".dossier-legend"):
            assert legend["aria-label"] == "Chú giải", rel  # a chart's key, not 'Khóa' (a lock)
        seen_participants += text.count("khi đó là")
        assert not re.search(r"\b\d{1,2} tháng \d{1,2}, \d{4}\b", text), f"{rel}: CLDR's '15 tháng 4, 2024' form"
        # one date style per page: the generator's dates are written as the prose writes them (23/10/2019)
        assert not re.search(r"\bngày \d{1,2} tháng \d{1,2} năm \d{4}", text), f"{rel}: a second date style"
    assert seen_participants > 20


def test_readers_see_country_and_language_names_not_codes(real_site: Path) -> None:
    for prefix, uk, vn, english in (("", "United Kingdom", "Vietnam", "English"),
                                    ("vi/", "Vương quốc Anh", "Việt Nam", "ngôn ngữ: tiếng Anh")):
        table = soup_of(real_site, prefix + "people/").select_one("table.dossier-people")
        cells = [td.get_text() for td in table.select("td:nth-of-type(2)")]  # the country column
        assert uk in cells
        assert vn in cells
        assert not {"GB", "VN", "IE", "FR"} & set(cells)
        year = soup_of(real_site, prefix + "sources/2019/").get_text(" ")
        assert english in year
        assert not re.search(r"(language|ngôn ngữ): [a-z]{2}\b", year)


def test_the_record_holds_vietnam_in_vietnamese(ds: Dataset) -> None:
    vietnamese = [s for s in ds.sources.values() if s.language == "vi"]
    assert len(vietnamese) >= 40
    cited = {sid for e in ds.events.values() for sid in e.sources}
    assert sum(s.id in cited for s in vietnamese) >= 30  # most of them carry an event


def _our_words(soup: BeautifulSoup) -> str:
    """A page's text in the site's own words: without quotations, code, scripts and anything marked
    with its own language (source titles and publishers, originals, translations of quotations)."""
    main = soup.select_one("article") or soup
    for el in main.select("q, blockquote, pre, code, script, style, [lang]"):
        el.decompose()
    return main.get_text(" ")


def test_each_edition_uses_the_glossary_wording(real_site: Path, ds: Dataset) -> None:
    assert len(ds.glossary) >= 10
    texts = {"vi": [(rel, _our_words(soup)) for rel, soup in _vi_pages(real_site)],
             "en": [(p.relative_to(real_site).as_posix(),
                     _our_words(BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")))
                    for p in sorted(real_site.rglob("*.html")) if not p.relative_to(real_site).as_posix().startswith("vi/")]}
    for term in ds.glossary.values():
        for lang, words in term.avoid.items():
            for rel, text in texts[lang]:
                for word in words:
                    assert word not in text, f"{rel}: {word!r} where the glossary says {term.term.get(lang)!r}"
        assert any(term.term.get("vi") in text for _, text in texts["vi"]), f"{term.id}: the Vietnamese term is unused"
    glossary = soup_of(real_site / "vi", "about/glossary/")
    assert len(glossary.select("table.dossier-glossary tbody tr")) == len(ds.glossary)


def test_a_figure_without_a_number_shows_our_labelled_translation_beside_the_source_words(real_site: Path) -> None:
    for prefix, value in (("", "cut by half"), ("vi/", "giảm một nửa (tạm dịch)")):
        fig = soup_of(real_site, prefix + "figures/").find(id="vietnamese-arrivals-halved")
        assert fig.select_one(".dossier-value").get_text() == value
    fig = soup_of(real_site, "vi/figures/").find(id="vietnamese-arrivals-halved")
    assert fig.select_one(".dossier-as-stated").get_text() == "“cut by half”"
