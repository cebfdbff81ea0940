"""Reader behaviour in a real headless Chromium (Debian package) against the built site on 127.0.0.1."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, ConsoleMessage, Page, expect

from conftest import BROKEN_DATE, EXPECTED, ROOT, TINY, ServedProject, static_server, write_data
from dossier.devtools.browser import page_types, serve
from dossier.i18n import translations
from dossier.validate.check import validate

pytestmark = pytest.mark.browser


# Records CSP violations in the page, before any of its own scripts run.
CSP_RECORDER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture(scope="session")
def base_url(real_site: Path) -> Iterator[str]:
    with static_server(real_site) as url:
        yield url


class Recorder:
    """Everything a page did that a reader would not want: errors, foreign requests, CSP reports."""

    def __init__(self, page: Page) -> None:
        self.console_errors: list[str] = []
        self.hosts: set[str] = set()
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.console_errors.append(str(exc)))
        page.on("request", lambda req: self.hosts.add(urlsplit(req.url).hostname or req.url.split(":")[0]))

    def _console(self, msg: ConsoleMessage) -> None:
        if msg.type == "error":
            self.console_errors.append(msg.text)


@pytest.fixture(params=["light", "dark"])
def scheme(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def page(browser: Browser, scheme: str) -> Iterator[tuple[Page, Recorder]]:
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    context.add_init_script(CSP_RECORDER)
    pg = context.new_page()
    yield pg, Recorder(pg)
    context.close()


def wait_until(pg: Page, expression: str, timeout: float = 5.0) -> None:
    """Poll a JavaScript expression from Python until it is true.

    ``Page.wait_for_function`` evaluates its predicate with ``eval`` inside the page, which the
    site's Content-Security-Policy rightly forbids; ``evaluate`` goes through DevTools instead.
    """
    deadline = time.monotonic() + timeout
    while not pg.evaluate(expression):
        assert time.monotonic() < deadline, f"still false after {timeout} s: {expression}"
        pg.wait_for_timeout(50)


def visible_ids(pg: Page) -> list[str]:
    return pg.eval_on_selector_all("li.dossier-event:not([hidden])", "els => els.map(e => e.id)")


PAGE_TYPES = page_types(ROOT)


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_page_has_no_axe_violation_console_error_foreign_request_or_csp_report(
    page: tuple[Page, Recorder], base_url: str, name: str, scheme: str
) -> None:
    pg, rec = page
    pg.goto(base_url + PAGE_TYPES[name])
    pg.wait_for_load_state("networkidle")
    expected = "slate" if scheme == "dark" else "default"
    assert pg.get_attribute("body", "data-md-color-scheme") == expected
    results = Axe().run(pg, options={"resultTypes": ["violations"], "runOnly": ["wcag2a", "wcag2aa", "wcag21a",
                                                                               "wcag21aa", "wcag22aa", "best-practice"]})
    assert results.violations_count == 0, results.generate_report()
    assert rec.console_errors == []
    assert rec.hosts <= {"127.0.0.1"}, rec.hosts
    assert pg.evaluate("window.__csp") == []


EDITIONS = ["", "vi/"]
"""Every behaviour is checked in both editions: the English at the root and its Vietnamese twin."""


def count_text(edition: str, shown: int, total: int) -> str:
    sentence = translations(edition.strip("/") or "en").gettext("%(shown)s of %(total)s events match.")
    return sentence % {"shown": shown, "total": total}


@pytest.mark.parametrize("edition", EDITIONS)
def test_filters_narrow_restore_and_round_trip_through_the_url(page: tuple[Page, Recorder], base_url: str,
                                                               edition: str) -> None:
    pg, rec = page
    pg.goto(base_url + edition + "timeline/")
    everything = visible_ids(pg)
    assert len(everything) >= 7
    expect(pg.locator("#dossier-count")).to_have_text(count_text(edition, len(everything), len(everything)))
    ds = validate(ROOT / "data", root=ROOT)
    with_him = [e.id for e in ds.events.values() if "to-lam" in {p.person for p in e.participants}]
    in_2025 = [eid for eid in with_him if ds.events[eid].date.year == 2025]
    assert len(with_him) > len(in_2025) > 0
    assert pg.locator("li.dossier-gap").first.is_visible()
    pg.select_option("#f-person", "to-lam")
    assert visible_ids(pg) == with_him
    assert pg.locator("li.dossier-gap:visible").count() == 0  # silences of the whole record, not of a selection
    shown_months = Counter(ds.events[e].date.iso[:7] for e in with_him
                           if ds.events[e].date.month and not ds.events[e].date.qualifier)
    bars = pg.eval_on_selector_all(".dossier-rail g[data-month]", """gs => gs.map(g => [g.dataset.month,
        +g.querySelector('.dossier-rail__bar').getAttribute('height'),
        +g.querySelector('.dossier-rail__total').getAttribute('height'), +g.dataset.count])""")
    assert bars
    for month, height, full, count in bars:  # the rail follows the filter: the person's events per month
        assert height == pytest.approx(full * shown_months.get(month, 0) / count), month
    expect(pg.locator("#dossier-count")).to_have_text(count_text(edition, len(with_him), len(everything)))
    assert "person=to-lam" in pg.url
    pg.select_option("#f-year", "2025")
    assert visible_ids(pg) == in_2025
    assert pg.locator("section#year-2019").is_hidden()
    shared = pg.url
    pg.goto(shared)
    assert visible_ids(pg) == in_2025
    assert pg.input_value("#f-person") == "to-lam"
    pg.click("#dossier-filters button[type=reset]")
    wait_until(pg, f"document.querySelectorAll('li.dossier-event:not([hidden])').length === {len(everything)}")
    assert "?" not in pg.url
    assert rec.console_errors == []


@pytest.mark.parametrize("edition", EDITIONS)
def test_filters_work_from_the_keyboard(page: tuple[Page, Recorder], base_url: str, edition: str) -> None:
    pg, _ = page
    pg.goto(base_url + edition + "timeline/")
    pg.focus("#f-tag")
    pg.keyboard.press("ArrowDown")  # first tag after "All tags"
    first_tag = pg.input_value("#f-tag")
    assert first_tag
    for article in pg.query_selector_all("li.dossier-event:not([hidden])"):
        assert first_tag in (article.get_attribute("data-tags") or "").split()
    assert f"tag={first_tag}" in pg.url


@pytest.mark.parametrize("edition", EDITIONS)
def test_without_javascript_the_full_list_shows(browser: Browser, base_url: str, edition: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(base_url + edition + "timeline/?person=to-lam")
    assert pg.locator("#dossier-filters").is_hidden()  # hidden by its <noscript> style
    assert pg.locator("li.dossier-event").count() == len(visible_ids(pg)) >= 7
    context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_deep_link_scrolls_to_and_highlights_the_event(page: tuple[Page, Recorder], base_url: str, edition: str) -> None:
    pg, _ = page
    pg.goto(base_url + edition + "timeline/?year=2021#joint-communique-2025")
    target = pg.locator("li#joint-communique-2025")
    expect(target).to_be_visible()
    expect(target).to_be_in_viewport()
    assert pg.evaluate("document.querySelector(':target').id") == "joint-communique-2025"
    outline = pg.evaluate("getComputedStyle(document.querySelector(':target')).outlineStyle")
    assert outline == "solid"


@pytest.mark.parametrize("edition", EDITIONS)
def test_search_finds_tomlinson(page: tuple[Page, Recorder], base_url: str, edition: str) -> None:
    pg, rec = page
    pg.goto(base_url + edition)
    pg.click("label.md-search__icon, .md-search__input", timeout=5000)
    pg.locator("input.md-search__input").press_sequentially("Tomlinson", delay=30)
    results = pg.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=10000)
    assert "Tomlinson" in pg.locator(".md-search-result").inner_text()
    hrefs = pg.eval_on_selector_all(".md-search-result__link", "els => els.map(a => a.pathname)")
    assert hrefs
    assert all(h.startswith("/vi/") == (edition == "vi/") for h in hrefs)  # one index per edition
    assert pg.evaluate("window.__csp") == []
    assert rec.console_errors == []


def search_results(pg: Page, base_url: str, edition: str, query: str) -> tuple[str, list[str]]:
    """What the theme's search shows for ``query``: its count line and the links of every result."""
    pg.goto(base_url + edition)
    pg.click("label.md-search__icon, .md-search__input", timeout=5000)
    box, first = pg.locator("input.md-search__input"), pg.locator(".md-search-result__item").first
    # Wait for the worker's index: the count line leaves the text it was served with ("Initializing search").
    served = pg.request.get(pg.url).text()
    initial = served.split('class="md-search-result__meta"', 1)[1].split(">", 1)[1].split("<", 1)[0].strip()
    pg.wait_for_function("t => document.querySelector('.md-search-result__meta').textContent.trim() !== t",
                         arg=initial, timeout=30000)
    # The theme reads the box on keyup, on focus and when its worker gets ready, never on 'input': with the
    # worker ready, fill() alone is never seen (the flake CI hit). End releases a key, as typing does.
    box.fill(query)  # the whole query at once: no results of a half-typed query
    box.press("End")
    expect(first).to_be_visible(timeout=10000)
    meta = ""
    for _ in range(50):  # until the worker's answer has settled
        pg.wait_for_timeout(200)
        now = pg.locator(".md-search-result__meta").inner_text()
        if now == meta:
            break
        meta = now
    # The theme renders results as the list scrolls: scroll until the list stops growing.
    for _ in range(50):
        before = pg.locator(".md-search-result__item").count()
        pg.locator(".md-search-result__item").last.scroll_into_view_if_needed()
        pg.wait_for_timeout(100)
        if pg.locator(".md-search-result__item").count() == before:
            break
    hrefs = pg.eval_on_selector_all(".md-search-result__link", "els => els.map(a => a.pathname + a.hash)")
    return meta, hrefs


ACCENTED_QUERIES = {
    "": [("Tô Lâm", "to lam", "people/to-lam/"), ("Bộ Công an", "bo cong an", None)],
    "vi/": [("Tô Lâm", "to lam", "people/to-lam/"), ("Bộ Công an", "bo cong an", None),
            ("người di cư", "nguoi di cu", None)],
}


@pytest.mark.parametrize(("edition", "accented", "plain", "expected"),
                         [(e, *q) for e, queries in ACCENTED_QUERIES.items() for q in queries])
def test_search_without_diacritics_finds_the_same_pages(page: tuple[Page, Recorder], base_url: str, edition: str,
                                                        accented: str, plain: str, expected: str | None) -> None:
    """Readers type Vietnamese without accents: the folded query finds exactly what the accented one finds."""
    pg, rec = page
    meta_accented, accented_hits = search_results(pg, base_url, edition, accented)
    meta_plain, plain_hits = search_results(pg, base_url, edition, plain)
    assert accented_hits, f"{accented!r} found nothing"
    assert plain_hits == accented_hits
    assert meta_plain == meta_accented
    if expected:
        assert "/" + edition + expected in {h.split("#")[0] for h in plain_hits}
    # The highlighted words are the page's own, accented ones.
    marks = pg.eval_on_selector_all(".md-search-result mark", "els => els.map(m => m.textContent.toLowerCase())")
    words = [w for w in accented.lower().split() if not w.isascii()]
    assert any(m.startswith(tuple(words)) for m in marks), marks[:20]
    assert pg.evaluate("window.__csp") == []
    assert rec.console_errors == []


@pytest.mark.parametrize("edition", EDITIONS)
def test_palette_toggle_switches_scheme(page: tuple[Page, Recorder], base_url: str, scheme: str, edition: str) -> None:
    pg, rec = page
    pg.goto(base_url + edition + "figures/")
    before = pg.get_attribute("body", "data-md-color-scheme")
    pg.locator("[data-md-component=palette] label:visible").first.click()
    wait_until(pg, f"document.body.getAttribute('data-md-color-scheme') !== '{before}'")
    after = pg.get_attribute("body", "data-md-color-scheme")
    assert {before, after} == {"default", "slate"}
    assert pg.evaluate("window.__csp") == []
    assert rec.console_errors == []


@pytest.mark.parametrize("edition", EDITIONS)
def test_external_links_carry_noopener_noreferrer(page: tuple[Page, Recorder], base_url: str, edition: str) -> None:
    pg, _ = page
    pg.goto(base_url + edition + "sources/2019/")
    rels: list[Any] = pg.eval_on_selector_all(
        "a[href^='http']", "els => els.filter(a => a.host !== location.host).map(a => a.rel)")
    assert rels
    assert all("noopener" in r and "noreferrer" in r for r in rels)


def test_open_page_shows_data_errors_then_comes_back_through_live_reload(browser: Browser, served: ServedProject) -> None:
    """The contributor's open tab, on a phone-sized screen, during `mkdocs serve`: no reload by hand."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    context.add_init_script(CSP_RECORDER)
    pg = context.new_page()
    rec = Recorder(pg)
    pg.goto(served.url + "events/call-2024/")
    expect(pg.locator("article h1")).to_have_text("A call")
    write_data(served.project, {"events/call-2024.yml": BROKEN_DATE})
    expect(pg.locator(".dossier-data-errors li code")).to_have_text([EXPECTED], timeout=20_000)
    assert pg.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "error page scrolls sideways"
    write_data(served.project, {"events/call-2024.yml": TINY["events/call-2024.yml"]})
    expect(pg.locator("article h1")).to_have_text("A call", timeout=20_000)
    assert pg.evaluate("window.__csp") == []
    assert rec.console_errors == []
    assert rec.hosts == {"127.0.0.1"}
    context.close()


@pytest.mark.parametrize(("start", "other", "expected"), [("people/to-lam/", "vi", "vi/people/to-lam/"),
                                                          ("vi/timeline/", "en", "timeline/"),
                                                          ("vi/events/first-migration-dialogue-2022/", "en",
                                                           "events/first-migration-dialogue-2022/")])
def test_language_switcher_leads_to_the_same_page_from_the_keyboard(page: tuple[Page, Recorder], base_url: str,
                                                                    start: str, other: str, expected: str) -> None:
    pg, rec = page
    pg.goto(base_url + start)
    pg.focus(".md-select button")
    pg.keyboard.press("Tab")  # into the list the focused button reveals
    link = pg.locator(f"a.md-select__link[hreflang={other}]")
    if pg.evaluate("document.activeElement.getAttribute('hreflang')") != other:
        pg.keyboard.press("Tab")
    assert pg.evaluate("document.activeElement.getAttribute('hreflang')") == other
    expect(link).to_be_visible()
    pg.keyboard.press("Enter")
    pg.wait_for_url(base_url + expected)
    assert pg.get_attribute("html", "lang") == other
    assert rec.console_errors == []


def test_vietnamese_diacritics_render_with_the_sites_own_fonts(page: tuple[Page, Recorder], base_url: str,
                                                              tmp_path: Path) -> None:
    import unicodedata

    pg, rec = page
    pg.goto(base_url + "vi/")
    pg.wait_for_load_state("networkidle")
    heading = pg.locator("article h1")
    text = heading.inner_text()
    assert {"ệ", "đ", "ố"} & set(text)
    marked = heading.screenshot(path=str(tmp_path / "vi-heading.png"))
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    bare = bare.replace("đ", "d").replace("Đ", "D")
    pg.evaluate("(t) => { document.querySelector('article h1').textContent = t; }", bare)
    assert heading.screenshot() != marked, "the marks are drawn: the font stack has the glyphs"
    assert pg.evaluate("document.fonts.size") == 0  # no web font: the system stack only
    assert rec.hosts <= {"127.0.0.1"}


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_a_360_px_phone_never_scrolls_sideways(browser: Browser, base_url: str, name: str) -> None:
    """Wide tables and charts scroll inside their own frames; the page itself reflows to the screen."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    pg = context.new_page()
    pg.goto(base_url + PAGE_TYPES[name])
    pg.wait_for_load_state("networkidle")
    assert pg.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_a_years_page_prints_every_event_in_full(browser: Browser, base_url: str, edition: str) -> None:
    ds = validate(ROOT / "data", root=ROOT)
    in_2019 = [e.id for e in ds.events.values() if e.date.year == 2019]
    context = browser.new_context()
    pg = context.new_page()
    pg.emulate_media(media="print")
    pg.goto(base_url + edition + "timeline/2019/")
    assert pg.eval_on_selector_all("article.dossier-event", "els => els.filter(e => e.offsetHeight > 0)"
                                   ".map(e => e.id)") == in_2019
    assert pg.locator("section.dossier-sources").is_visible()  # the numbered sources, on paper too
    assert pg.locator(".dossier-pager").is_hidden()
    context.close()


@pytest.mark.parametrize("edition", EDITIONS)
def test_from_an_event_to_its_place_in_its_year(page: tuple[Page, Recorder], base_url: str, edition: str) -> None:
    pg, rec = page
    pg.goto(base_url + edition + "events/essex-lorry-deaths-2019-10-23/")
    pg.locator("a[href$='timeline/2019/#essex-lorry-deaths-2019-10-23']").click()
    target = pg.locator("article#essex-lorry-deaths-2019-10-23")
    expect(target).to_be_in_viewport()
    assert pg.evaluate("getComputedStyle(document.querySelector(':target')).outlineStyle") == "solid"
    assert rec.console_errors == []


def test_on_a_large_record_each_years_page_carries_the_filters(browser: Browser, tiny: Path) -> None:
    """Beyond ``timeline_lines`` events the overview keeps the rail and the years; a year's page filters."""
    from conftest import make_site_project, run_build, write_data

    write_data(tiny, {"events/call-b.yml": TINY["events/call-2024.yml"].replace("id: call-2024", "id: call-b")
                      .replace("tags: [returns]", "tags: [human-rights]").replace("date: 2024-04-15", "date: 2024-04-16")})
    (tiny / "documentary.yml").write_text((tiny / "documentary.yml").read_text() + "timeline_lines: 1\n")
    make_site_project(tiny)
    assert run_build(tiny).returncode == 0
    server = serve(tiny / "site")
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    pg = browser.new_page()
    pg.goto(base + "timeline/")
    assert pg.locator("li.dossier-event").count() == 0
    assert pg.locator("#dossier-filters").count() == 0
    expect(pg.locator("p.dossier-year__more a")).to_have_attribute("href", "2024/")
    pg.goto(base + "timeline/2024/")
    assert pg.locator("#f-year").count() == 0
    assert pg.eval_on_selector_all("article.dossier-event:not([hidden])", "els => els.map(e => e.id)") == [
        "call-2024", "call-b"]
    pg.select_option("#f-tag", "human-rights")
    assert pg.eval_on_selector_all("article.dossier-event:not([hidden])", "els => els.map(e => e.id)") == ["call-b"]
    assert "tag=human-rights" in pg.url
    pg.close()
    server.shutdown()
    server.server_close()
