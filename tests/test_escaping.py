"""Hostile text in every text field is rendered as text everywhere: body, <title>, <meta>."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import broken_links, make_site_project, run_build

EVIL = '<script>alert(1)</script> "><img src=x onerror=alert(1)> {{ 7*7 }}'


def strings_in(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [t for v in value.values() for t in strings_in(v)]
    if isinstance(value, list):
        return [t for v in value for t in strings_in(v)]
    return []


def evil_data() -> dict[str, object]:
    src = {"id": "s", "title": EVIL, "publisher": EVIL, "kind": "news report", "published": "2024-04-18",
           "url": "https://example.org/a?b=1&c=<x>", "language": "en", "note": EVIL, "republished_by": EVIL}
    org = {"id": "o", "name": EVIL, "native_name": EVIL, "country": "GB", "sources": ["s"]}
    tag = {"id": "t", "label": EVIL, "description": EVIL}
    person = {"id": "p", "name": EVIL, "ascii_name": EVIL, "country": "VN", "note": EVIL, "sources": ["s"],
              "roles": [{"title": EVIL, "organisation": "o", "attested": ["2024-04-15"], "sources": ["s"],
                         "rank": [{"rank": "r1", "as_stated": [EVIL], "sources": ["s"]},
                                  {"rank": "r2", "sources": ["s"]}]}]}
    event = {"id": "e", "date": "2024-04-15", "title": EVIL, "summary": EVIL, "place": EVIL,
             "participants": [{"person": "p", "part": "signatory"}], "organisations": ["o"], "tags": ["t"],
             "agreements": ["a"], "sources": ["s"]}
    agreement = {"id": "a", "title": EVIL, "kind": "joint statement", "date": "2024-04-17", "place": EVIL,
                 "summary": EVIL, "note": EVIL, "signatories": [{"person": "p", "sources": ["s"]}],
                 "items": [{"id": "i", "text": EVIL, "wording": "verbatim", "tags": ["t"], "sources": ["s"],
                            "note": EVIL}], "sources": ["s"]}
    report = {"id": "r", "title": EVIL, "author": "o", "published": "2025-01", "covers": "2024", "sources": ["s"],
              "note": EVIL}
    quote = {"id": "q", "text": EVIL, "speaker": {"person": "p"}, "date": "2024-04-17", "event": "e",
             "context": EVIL, "sources": ["s"], "report": "r", "tags": ["t"]}
    hr_quote = {**quote, "id": "q2", "text": EVIL + " (2)", "speaker": {"organisation": "o"}, "tags": ["human-rights"]}
    figure = {"id": "f", "label": EVIL, "value": 1, "as_stated": EVIL, "unit": "people", "kind": "government claim",
              "stated_by": {"person": "p"}, "sources": ["s"], "caveats": [EVIL], "series": "x", "tags": ["t"],
              "period": {"start": "2024", "end": "2024", "label": EVIL}}
    figure2 = {**figure, "id": "f2", "value": 2, "period": {"start": "2023", "end": "2023", "label": EVIL}}
    return {
        "sources/s.yml": src, "organisations.yml": [org],
        "tags.yml": [tag, {"id": "human-rights", "label": EVIL}], "people/p.yml": person,
        "glossary.yml": [{"id": "r1", "term": EVIL}, {"id": "r2", "term": EVIL + "2", "avoid": {"en": [EVIL]}}],
        "events/e.yml": event, "agreements.yml": [agreement], "reports.yml": [report],
        "quotes/q.yml": quote, "quotes/q2.yml": hr_quote, "figures.yml": [figure, figure2],
        "series.yml": [{"id": "x", "title": EVIL, "description": EVIL, "note": EVIL, "unit": "people",
                        "tags": ["human-rights"]}],
    }


def test_hostile_text_is_rendered_as_text_everywhere(tmp_path: Path) -> None:
    for rel, value in evil_data().items():
        path = tmp_path / "data" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    page = {"title": EVIL, "description": EVIL, "intro": EVIL, "summary": EVIL}
    documentary = {
        "title": EVIL, "author": EVIL, "key": "evil", "language": "en",
        "licence": {"id": "CC-BY-4.0", "title": EVIL, "url": "https://example.org/licence", "short": EVIL,
                    "notice": EVIL},
        "context_tag": "human-rights", "context_path": "human-rights", "context_figures_heading": EVIL,
        "pages": dict.fromkeys(("home", "timeline", "people", "agreements", "figures", "context", "sources", "corrections",
                                         "glossary"), page),
        "feeds": {"events": EVIL, "corrections": EVIL},
        "vocabularies": {key: {term: {"label": EVIL, "description": EVIL} for term in terms} for key, terms in {
            "source_kinds": ["news report", "government press release", "government statement", "government report",
                             "joint declaration", "state media report", "NGO report"],
            "figure_kinds": ["official statistic", "government claim", "government projection", "NGO or media report"],
            "agreement_kinds": ["dialogue", "joint statement", "joint communiqué", "partnership", "joint declaration"],
            "parts": ["co-chair", "signatory", "participant", "speaker", "host", "announcer"]}.items()}
        | {"units": {"people": {"label": EVIL, "description": EVIL, "maximum": 1e10,
                                "written": {"one": EVIL + "{num}", "other": EVIL + "{num}"}},
                     "percent": {"label": EVIL, "style": "percent", "maximum": 100}}},
        "data_package": {"name": "evil", "title": EVIL, "description": EVIL},
        "figures_dataset": {"title": EVIL, "description": EVIL},
    }
    (tmp_path / "documentary.yml").write_text(json.dumps(documentary, ensure_ascii=False), encoding="utf-8")
    make_site_project(tmp_path)
    result = run_build(tmp_path)
    assert result.returncode == 0, result.stderr
    # report r has a quotation with the context tag (q2) and one without (q): both are linked, both are shown
    assert broken_links(tmp_path / "site") == []
    pages = ["", "timeline/", "events/e/", "people/", "people/p/", "agreements/", "agreements/a/", "figures/",
             "human-rights/", "sources/"]
    for url in pages:
        html = (tmp_path / "site" / url / "index.html").read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        assert not soup.find("img", attrs={"onerror": True}), url
        executable = [s for s in soup.find_all("script") if s.get("type") not in ("application/ld+json",
                                                                                  "application/json")]
        assert all("alert" not in (s.string or "") for s in executable), url
        for data in soup.find_all("script", type="application/ld+json"):
            assert "<" not in data.string, url  # JSON-LD cannot close its script element
            if url not in ("", "people/", "agreements/", "sources/"):  # index pages carry no data in JSON-LD
                assert any(EVIL in text for text in strings_in(json.loads(data.string))), url
        assert "{{ 7*7 }}" in soup.get_text() or url == "", url
        assert EVIL in soup.select_one("article.md-content__inner").get_text(), url
    for url in ("events/e/", "people/p/", "agreements/a/"):
        soup = BeautifulSoup((tmp_path / "site" / url / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert soup.title.get_text() == f"{EVIL} - UK–Vietnam Migration Partnership"
        assert EVIL in soup.find("meta", attrs={"name": "description"})["content"]
        assert EVIL in soup.select_one(".md-header__topic:last-child").get_text()
