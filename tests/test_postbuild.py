"""The post-build step (dossier.postbuild), engine-independent: a page's policy, the sitemaps, the 404 words,
and the joining of editions an engine built one by one. On real engine output: tests/test_engines.py."""

from __future__ import annotations

import gzip
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from dossier import postbuild
from dossier.render import csp

THEME_SCRIPT = "__md_scope=new URL('.',location)"
PAGE = f"""<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>t</title>
<script>{THEME_SCRIPT}</script>
</head><body><header class="md-header">h</header>
<article class="md-content__inner"><h1>404 - Not found</h1><script>alert(1)</script></article>
<script>var x=1</script>
</body></html>"""
EDITIONS = [postbuild.Edition("en", ""), postbuild.Edition("vi", "vi/")]
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def _policy(page: str) -> str:
    meta = BeautifulSoup(page, "html.parser").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta is not None
    return str(meta["content"])


def test_a_page_without_a_policy_gets_one_first_in_its_head_hashing_only_the_theme_scripts() -> None:
    out = postbuild.secure(PAGE)
    head = out[out.index("<head>"):out.index("<title>")]
    assert 'http-equiv="Content-Security-Policy"' in head  # before any script: a <meta> policy covers what follows
    assert '<meta name="referrer" content="no-referrer">' in head
    policy = _policy(out)
    assert csp.script_hashes(f"<script>{THEME_SCRIPT}</script><script>var x=1</script>")[0] in policy
    assert csp.script_hashes("<script>var x=1</script>")[0] in policy
    assert csp.script_hashes("<script>alert(1)</script>")[0] not in policy  # the content's script stays blocked
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]


def test_securing_twice_changes_nothing_and_our_theme_placeholder_is_filled() -> None:
    once = postbuild.secure(PAGE)
    assert postbuild.secure(once) == once
    ours = PAGE.replace('<meta charset="utf-8">',
                        f'<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="{csp.PLACEHOLDER}">')
    filled = postbuild.secure(ours, "<h1>404 - Not found</h1><script>alert(1)</script>")
    assert csp.PLACEHOLDER not in filled
    assert filled.count("Content-Security-Policy") == 1
    assert csp.script_hashes("<script>alert(1)</script>")[0] not in _policy(filled)


def test_a_fragment_without_a_head_is_left_alone() -> None:
    assert postbuild.secure("<urlset></urlset>") == "<urlset></urlset>"
    assert postbuild.secure("<p>a header</p><header>x</header>") == "<p>a header</p><header>x</header>"


def _urls(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    root = ET.fromstring(text)
    return [(u.findtext("s:loc", namespaces=NS) or "", [(str(a.get("hreflang")), str(a.get("href")))
                                                         for a in u.findall("x:link", NS)])
            for u in root.findall("s:url", NS)]


def test_each_page_of_the_sitemap_names_its_editions_with_a_default() -> None:
    text = postbuild.sitemap("https://r.example.org/rec/", "vi/", ["", "people/a/"], EDITIONS, lastmod="2026-01-02")
    assert _urls(text) == [
        ("https://r.example.org/rec/vi/", [("en", "https://r.example.org/rec/"), ("x-default", "https://r.example.org/rec/"),
                                           ("vi", "https://r.example.org/rec/vi/")]),
        ("https://r.example.org/rec/vi/people/a/", [
            ("en", "https://r.example.org/rec/people/a/"), ("x-default", "https://r.example.org/rec/people/a/"),
            ("vi", "https://r.example.org/rec/vi/people/a/")])]
    assert "<lastmod>2026-01-02</lastmod>" in text


def test_a_page_missing_from_an_edition_is_not_named_as_its_alternate() -> None:
    text = postbuild.sitemap("https://r.example.org/", "", ["only-en/"], EDITIONS, has=lambda prefix, url: prefix == "")
    assert _urls(text) == [("https://r.example.org/only-en/", [("en", "https://r.example.org/only-en/"),
                                                              ("x-default", "https://r.example.org/only-en/")])]


def test_no_address_no_alternates_in_one_language_and_addresses_are_escaped() -> None:
    assert _urls(postbuild.sitemap("", "", ["a/"], EDITIONS)) == []
    assert _urls(postbuild.sitemap("https://r.example.org/", "", ["a/"], EDITIONS[:1]))[0][1] == []
    assert "&amp;" in postbuild.sitemap("https://r.example.org/?a=1&b=2", "", ["a/"], EDITIONS)


def test_the_sitemap_gzip_copy_is_the_same_text_and_reproducible(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    text = postbuild.sitemap("https://r.example.org/", "", ["a/"], EDITIONS)
    assert "<lastmod>2023-11-14</lastmod>" in text
    postbuild.write_sitemap(tmp_path, text)
    first = (tmp_path / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(first).decode("utf-8") == (tmp_path / "sitemap.xml").read_text(encoding="utf-8") == text
    postbuild.write_sitemap(tmp_path, text)
    assert (tmp_path / "sitemap.xml.gz").read_bytes() == first


HOSTILE = [{"lang": "en", "heading": "<script>x</script>", "text": "a & b", "home": '/"onmouseover="x', "home_label": "h"},
           {"lang": "vi", "heading": "Không tìm thấy", "text": "t", "home": "/vi/", "home_label": "Về"}]


def test_an_engines_404_heading_becomes_our_words_escaped() -> None:
    out = postbuild.localise_not_found(PAGE, HOSTILE)
    article = BeautifulSoup(out, "html.parser").find("article")
    sections = article.select("section.dossier-not-found")
    assert [s["lang"] for s in sections] == ["en", "vi"]
    assert [s.find(re.compile("^h[12]$")).name for s in sections] == ["h1", "h2"]
    assert sections[0].find("h1").get_text() == "<script>x</script>"  # shown as text, not run
    assert sections[0].find("a")["href"] == '/"onmouseover="x'
    assert "404 - Not found" not in out
    assert postbuild.localise_not_found(out, HOSTILE) == out  # once only


def _built(folder: Path, lang: str, pages: list[str]) -> Path:
    for url in pages:
        (folder / url).mkdir(parents=True, exist_ok=True)
        (folder / url / "index.html").write_text(PAGE.replace('lang="en"', f'lang="{lang}"'), encoding="utf-8")
    (folder / "404.html").write_text(PAGE, encoding="utf-8")
    return folder


def test_assemble_joins_the_editions_and_finishes_every_page(tmp_path: Path) -> None:
    en = _built(tmp_path / "en", "en", ["", "a/", "only-en/"])
    vi = _built(tmp_path / "vi", "vi", ["", "a/"])
    editions = [postbuild.Edition("en", "", HOSTILE), postbuild.Edition("vi", "vi/", HOSTILE[1:])]
    out = tmp_path / "site"
    report = postbuild.assemble({"en": en, "vi": vi}, out, "https://r.example.org/", editions)
    assert (report.pages, report.secured) == (7, 7)
    assert report.sitemaps == ["sitemap.xml", "vi/sitemap.xml"]
    pages = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    assert pages == ["404.html", "a/index.html", "index.html", "only-en/index.html",
                     "vi/404.html", "vi/a/index.html", "vi/index.html"]
    assert all("Content-Security-Policy" in p.read_text(encoding="utf-8") for p in out.rglob("*.html"))
    root = dict(_urls((out / "sitemap.xml").read_text(encoding="utf-8")))
    assert sorted(root) == ["https://r.example.org/", "https://r.example.org/a/", "https://r.example.org/only-en/"]
    assert [lang for lang, _ in root["https://r.example.org/only-en/"]] == ["en", "x-default"]
    assert sorted(dict(_urls((out / "vi" / "sitemap.xml").read_text(encoding="utf-8")))) == [
        "https://r.example.org/vi/", "https://r.example.org/vi/a/"]  # the base edition's folder holds vi/: not listed
    vi404 = BeautifulSoup((out / "vi" / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert vi404.find("h1").get_text() == "Không tìm thấy"
    assert "X-Content-Type-Options: nosniff" in (out / "_headers").read_text(encoding="utf-8")
