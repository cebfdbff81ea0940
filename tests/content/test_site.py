"""The real site built from the shipped data, asserted on as parsed HTML."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from test_values import DOUBLED_UNIT, EN, labels

from conftest import ROOT, soup_of
from dossier.i18n import Messages
from dossier.model.dataset import Dataset
from dossier.render.values import figure_value
from dossier.validate.check import validate, validate_project

SITE = validate_project(ROOT)[0]
"""The shipped documentary's configuration (its units write the figures)."""

STABLE_URLS = ["", "timeline/", "people/", "agreements/", "figures/", "human-rights/", "sources/", "about/"]


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return validate(ROOT / "data", root=ROOT)


def main(soup: BeautifulSoup) -> BeautifulSoup:
    return soup.select_one("article.md-content__inner")


@pytest.mark.parametrize("url", STABLE_URLS)
def test_stable_urls_exist_with_a_title_and_description(real_site: Path, url: str) -> None:
    soup = soup_of(real_site, url)
    assert soup.title.string.endswith(" - UK–Vietnam Migration Partnership") or url == ""
    assert soup.find("meta", attrs={"name": "description"})["content"]
    assert main(soup).find("h1")


def test_every_event_has_its_own_page_person_and_agreement_too(real_site: Path, ds: Dataset) -> None:
    for kind, ids in (("events", ds.events), ("people", ds.people), ("agreements", ds.agreements)):
        for eid in ids:
            assert (real_site / kind / eid / "index.html").is_file()


def year_pages(site: Path, kind: str, years: set[int]) -> dict[int, BeautifulSoup]:
    return {y: soup_of(site, f"{kind}/{y}/") for y in sorted(years)}


def test_every_event_is_on_the_timeline_with_its_datetime(real_site: Path, ds: Dataset) -> None:
    """A line on the overview, linked to the event's page; in full on its year's page."""
    soup = soup_of(real_site, "timeline/")
    lines = soup.select("li.dossier-event")
    assert [li["id"] for li in lines] == list(ds.events)
    years = year_pages(real_site, "timeline", {e.date.year for e in ds.events.values()})
    for event in ds.events.values():
        line = soup.find("li", id=event.id)
        assert line.find("time")["datetime"] == event.date.iso
        assert line.find("time").get_text() == event.date.display()
        assert line.find("a", string=event.title)["href"] == f"../events/{event.id}/"
        article = years[event.date.year].find("article", id=event.id)
        assert article.find("time")["datetime"] == event.date.iso
        assert event.title in article.get_text()
        assert str(event.summary).split()[0] in article.get_text()
        assert article.select("a.dossier-cite")
    assert [len(page.select("article.dossier-event")) for page in years.values()] == [
        sum(1 for e in ds.events.values() if e.date.year == y) for y in years]
    assert soup.find("li", id="charter-return-flights-2021").find("time")["datetime"] == "2021"
    assert soup.find("li", id="small-boats-campaign-2024-03").find("time")["datetime"] == "2024-03-25"
    assert soup.find("li", id="home-office-ad-hoc-statistics-2024-04").find("time")["datetime"] == "2024-04"


def test_each_year_page_leads_to_the_others_and_back_to_the_overview(real_site: Path, ds: Dataset) -> None:
    years = sorted({e.date.year for e in ds.events.values()})
    overview = soup_of(real_site, "timeline/")
    assert [a["href"] for a in overview.select("p.dossier-year__more a")] == [f"{y}/" for y in years]
    page = soup_of(real_site, "timeline/2019/")
    nav = page.select("nav.dossier-year-nav a")
    assert [a["href"] for a in nav] == [("./" if y == 2019 else f"../{y}/") for y in years]
    assert [a.get_text() for a in nav if a.get("aria-current") == "page"] == ["2019"]
    assert page.select_one("a[rel=prev]")["href"] == "../2018/"
    assert page.select_one("a[rel=next]")["href"] == "../2020/"
    assert page.find("a", href="../#year-2019")
    assert page.select_one("section.dossier-sources ol li")
    event = soup_of(real_site, "events/essex-lorry-deaths-2019-10-23/")
    assert event.find("a", href="../../timeline/2019/#essex-lorry-deaths-2019-10-23")


def test_timeline_is_grouped_by_year_in_order_from_2017_to_2025(real_site: Path, ds: Dataset) -> None:
    years = [h.get_text() for h in soup_of(real_site, "timeline/").select("section.dossier-year > h2")]
    assert years == sorted(years) == sorted({str(e.date.year) for e in ds.events.values()})
    assert {str(y) for y in range(2017, 2026)} <= set(years)


def test_the_timeline_shows_when_things_happened_relative_to_each_other(real_site: Path, ds: Dataset) -> None:
    soup = soup_of(real_site, "timeline/")
    svg = soup.select_one("figure.dossier-rail svg[role=img]")
    assert "Busiest month: October 2019" in svg.find("desc").get_text() or "Busiest month" in svg.find("desc").get_text()
    assert len(svg.select("rect.dossier-rail__bar")) <= 12 * 9  # one bar per month at most: linear in months
    assert [a["href"] for a in soup.select("nav.dossier-year-nav a")] == [
        f"#year-{y}" for y in sorted({e.date.year for e in ds.events.values()})]
    years = year_pages(real_site, "timeline", {e.date.year for e in ds.events.values()})
    for event in ds.events.values():
        for entry in (soup.find("li", id=event.id), years[event.date.year].find("article", id=event.id)):
            precision = entry.select_one(".dossier-precision")
            if event.date.qualifier or event.date.precision != "day":
                assert precision is not None, f"{event.id}: an imprecise date must not look exact"
            else:
                assert precision is None
    assert soup.select("li.dossier-gap"), "long silences in the record are said"
    assert any(page.select("p.dossier-gap") for page in years.values())


def test_the_built_site_holds_the_reference_record(real_site: Path) -> None:
    """The counts the public-record issue asks for, read off the built pages."""
    timeline = soup_of(real_site, "timeline/")
    events = timeline.select("li.dossier-event")
    assert len(events) >= 50
    per_year = {y: len(timeline.select(f'li.dossier-event[data-year="{y}"]')) for y in range(2017, 2026)}
    assert all(per_year.values()), per_year
    assert len(main(soup_of(real_site, "people/")).select("li a[href]")) >= 20
    figures = soup_of(real_site, "figures/")
    series = [s for s in figures.select("section.dossier-series") if len(s.select("tbody tr:not(.dossier-gap)")) >= 3]
    assert len(series) >= 4
    for section in series:
        svg = section.select_one("svg[role=img]")
        assert svg.find("title").get_text()
        assert svg.find("desc").get_text()
        assert section.select_one("a[download][href$='.csv']")
        csv = (real_site / "figures" / section.select_one("a[download][href$='.csv']")["href"]).resolve()
        assert csv.is_file()
        assert len(csv.read_text(encoding="utf-8").splitlines()) == len(section.select("tbody tr:not(.dossier-gap)")) + 1
    years = sorted(p.name for p in (real_site / "sources").iterdir() if p.name.isdigit())
    assert {str(y) for y in range(2017, 2026)} <= set(years)
    publishers = {s.select_one(".dossier-source__publisher").get_text() for y in years for s in
                  soup_of(real_site, f"sources/{y}/").select("article.dossier-source")}
    assert len(publishers) >= 30
    # every citation shows its publisher's kind from the register, the same way (issue 21)
    articles = [s for y in years for s in soup_of(real_site, f"sources/{y}/").select("article.dossier-source")]
    kinds = {a.select_one(".dossier-publisher-kind")["data-kind"] for a in articles}
    assert {"state media", "government", "newsroom"} <= kinds, kinds
    cand = [a for a in articles if a.select_one(".dossier-source__publisher").get_text().startswith("Báo Công an")]
    assert cand
    assert all(a.select_one(".dossier-publisher-kind")["data-kind"] == "state media" for a in cand)
    # ... with who runs it, the same way on every citation, and its sources on the sources page (issue 21)
    mps = "mouthpiece of the Central Public Security Party Committee and the Ministry of Public Security"
    assert all(a.select_one(".dossier-ownership").get_text() == ": " + mps for a in cand)
    cited = main(soup_of(real_site, "events/first-migration-dialogue-2022/")).select(".dossier-sources li")
    assert any(mps in li.get_text() for li in cited if "Công an" in li.get_text())
    listed = [li for li in soup_of(real_site, "sources/").select("ul.dossier-publishers > li")
              if li.get_text().startswith("Báo Công an")]
    assert listed
    assert all(li.select_one(".dossier-publisher-kind .dossier-cite") for li in listed)
    assert len(soup_of(real_site, "sources/").select("ul.dossier-publishers > li")) == len(publishers)


def test_every_number_on_the_figures_page_links_to_its_source_passage(real_site: Path, ds: Dataset) -> None:
    figures = soup_of(real_site, "figures/")
    for fid, figure in ds.figures.items():
        entry = figures.find(id=fid)
        assert entry is not None, fid
        assert entry.select("a.dossier-cite")
        passage = entry.select_one("a.dossier-passage")["href"]
        assert passage.startswith(ds.sources[figure.sources[0]].url)
        if figure.as_stated:
            assert "#:~:text=" in passage


def test_participants_show_the_role_held_on_the_day(real_site: Path) -> None:
    article = soup_of(real_site, "timeline/2024/").find("article", id="cleverly-to-lam-call-2024")
    text = " ".join(article.select_one(".dossier-event__people").get_text().split())
    assert "James Cleverly, then Home Secretary" in text
    assert "Tô Lâm, then Minister of Public Security" in text
    later = soup_of(real_site, "timeline/2025/").find("article", id="enhanced-migration-partnership-2025")
    assert "Tô Lâm, then General Secretary of the Communist Party of Vietnam" in " ".join(later.get_text().split())


def test_profiles_list_every_role_with_its_dates(real_site: Path, ds: Dataset) -> None:
    for pid, person in ds.people.items():
        roles = main(soup_of(real_site, f"people/{pid}/")).select("li.dossier-role")
        assert len(roles) == len(person.roles)
        for li, role in zip(roles, person.roles, strict=True):
            assert role.title in li.get_text()
            shown = [t["datetime"] for t in li.find_all("time")]
            bounds = [d.iso for d in (role.start, role.end) if d]
            assert shown[: len(bounds)] == bounds
            attested = sorted(role.attested, key=lambda d: d.earliest)  # in time order, whatever the data's
            assert shown[len(bounds): len(bounds) + len(role.attested)] == [d.iso for d in attested]


def rank_line(site: Path, url: str, role: int = 0) -> str:
    li = main(soup_of(site, url)).select("li.dossier-role")[role]
    text = " ".join(li.get_text().split())
    return (text.partition("Rank:")[2] or text.partition("Cấp bậc:")[2]).strip()


def test_ranks_are_the_glossary_terms_in_the_order_of_their_sources(real_site: Path) -> None:
    # Tô Lâm: Senior Lieutenant General in the sources of 2018, General from 2021: a promotion, not a disagreement.
    line = rank_line(real_site, "people/to-lam/")
    assert line.index("Senior Lieutenant General") < line.index("General (in sources from June 2021")
    assert "written “Sen. Lt. Gen.”" in line
    assert "disagree" not in line
    vi = rank_line(real_site, "vi/people/to-lam/")
    assert vi.index("Thượng tướng") < vi.index("Đại tướng")
    assert "General" not in vi.replace("Sen. Lt. Gen.", "")  # only the source's own wording, marked as such
    # One rank in two English wordings is one rank.
    assert "disagree" not in rank_line(real_site, "people/vu-van-hung/")
    assert rank_line(real_site, "vi/people/vu-van-hung/").startswith("Đại tá")


def test_no_rank_is_shown_in_english_on_the_vietnamese_edition(real_site: Path, ds: Dataset) -> None:
    english = {str(g.term.get("en")) for gid, g in ds.glossary.items() if gid.startswith("rank-")}
    for pid, person in ds.people.items():
        for i, role in enumerate(person.roles):
            if role.rank:
                shown = rank_line(real_site, f"vi/people/{pid}/", i)
                for words in (w for a in role.rank for w in a.as_stated):
                    shown = shown.replace(f"“{words}”", "")
                assert not [e for e in english if e in shown], (pid, shown)


def normalised(text: str) -> str:
    return " ".join(text.split())


def test_every_quote_appears_verbatim_in_a_blockquote_with_cite(real_site: Path, ds: Dataset) -> None:
    pages = [*(f"human-rights/{y}/" for y in range(2017, 2026)), *(f"events/{e}/" for e in ds.events), *(f"people/{p}/" for p in ds.people),
             *(f"agreements/{a}/" for a in ds.agreements)]
    shown: dict[str, list[str]] = {}
    for url in pages:
        for fig in soup_of(real_site, url).select("figure.dossier-quote"):
            block = fig.find("blockquote")
            assert block["cite"].startswith("https://")
            assert "#:~:text=" in block["cite"]
            shown.setdefault(fig["id"], []).append(normalised(block.get_text()))
    for qid, quote in ds.quotes.items():
        assert qid in shown, f"{qid} is on no page"
        assert all(text == normalised(quote.text) for text in shown[qid])


def test_every_citation_resolves_to_a_source_entry(real_site: Path, ds: Dataset) -> None:
    """Each source is on the page of its year of publication, in both editions, and every [n] leads there."""
    where = {}
    for edition in (real_site, real_site / "vi"):
        for page in (edition / "sources").glob("*/index.html"):
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            for a in soup.select("article.dossier-source"):
                where[(edition, a["id"])] = page.resolve()
                assert page.parent.name == str(ds.sources[a["id"]].published.year)
    assert {sid for _, sid in where} == set(ds.sources)
    assert len(where) == 2 * len(ds.sources)
    count = 0
    for html in real_site.rglob("index.html"):
        edition = real_site / "vi" if (real_site / "vi") in html.parents else real_site
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for a in soup.select("a.dossier-cite"):
            path, _, anchor = a["href"].partition("#")
            target = (html.parent / path / "index.html").resolve()
            assert target == where[(edition, anchor)]  # the sources page of its own edition
            assert a["aria-label"]
            count += 1
    assert count > 50


def test_sources_page_links_back_to_citing_pages(real_site: Path) -> None:
    entry = soup_of(real_site, "sources/2024/").find("article", id="vietnamplus-2024-04-agreement")
    hrefs = [a["href"] for a in entry.select("details a")]
    assert "../../people/vu-van-hung/" in hrefs
    assert "../../agreements/joint-statement-2024/" in hrefs
    index = soup_of(real_site, "sources/")
    assert index.find("a", href="2024/#vietnamplus-2024-04-agreement")


def test_figures_show_kind_source_and_caveats(real_site: Path, ds: Dataset) -> None:
    soup = soup_of(real_site, "figures/")
    for fid, figure in ds.figures.items():
        entry = soup.find(id=fid)  # an article, or a row of its series' table
        assert entry.select_one(".dossier-kind").get_text() == figure.kind
        assert entry.select_one(".dossier-value").get_text() == figure_value(figure, Messages("en_GB"), SITE.vocabularies.units)
        assert entry.select("a.dossier-cite")
        assert len(entry.select(".dossier-caveats li")) == len(figure.caveats)


def test_disputed_periods_show_both_values_and_both_sources(real_site: Path, ds: Dataset) -> None:
    soup = soup_of(real_site, "figures/")
    disputed = soup.select("tr.is-disputed")
    assert disputed, "the record holds periods where sources disagree"
    for row in disputed:
        assert "Sources differ for this period" in row.get_text()
        chart = row.find_parent("section").select_one("figure.dossier-chart")
        assert chart.select("line.dossier-chart__dispute")


def test_human_rights_page_is_a_view_per_year_of_each_organisation(real_site: Path, ds: Dataset) -> None:
    """The overview: each year's reports and rankings, newest first; each year's page: the quotations."""
    soup = main(soup_of(real_site, "human-rights/"))
    years = [int(sec["id"].removeprefix("year-")) for sec in soup.select("section.dossier-context-year")]
    assert years == sorted(years, reverse=True)
    assert len(years) >= 6
    assert [a["href"] for a in soup.select("nav.dossier-year-nav a")] == [f"#year-{y}" for y in years]
    assert soup.find("a", href="#nrm")
    authors = {"Human Rights Watch", "Amnesty International", "US Department of State"}
    headings = []
    for year in years:
        page = main(soup_of(real_site, f"human-rights/{year}/"))
        assert page.find("h1").get_text().endswith(str(year))
        index = soup.find(id=f"year-{year}").select("ul.dossier-context-index a")
        for a in index:  # each entry of the overview leads to its place on the year's page
            path, _, anchor = a["href"].partition("#")
            assert path == f"{year}/"
            assert page.find(id=anchor) is not None, a["href"]
        for entry in page.select("section.dossier-context-entry"):
            report = entry.select_one("p.dossier-report")
            if report is not None:  # a report published that year
                assert report.find("time")["datetime"].startswith(str(year))
            if entry.find_previous("h2", id="reports") is None:
                assert entry.select("figure.dossier-quote blockquote[cite]")
                headings.append(entry.find("h2").get_text())
    assert all(any(a in h for h in headings) for a in authors)
    tiers = {f.period.start.year: f.as_stated for f in ds.figures.values() if f.series == "us-tip-tier-vietnam"}
    assert len(tiers) >= 4
    for year, tier in tiers.items():
        assert tier in soup.find(id=f"year-{year}").select_one("p.dossier-level").get_text()
    assert soup.find(id="year-2022").select_one("p.dossier-level a")["href"] == "../figures/#us-tip-tier-vietnam"
    assert soup.find(id="chart-us-tip-tier-vietnam") is None  # charted on the figures page, told by year here
    assert soup_of(real_site, "figures/").find(id="chart-us-tip-tier-vietnam").select_one("svg[role=img] desc")
    research = {s["id"] for y in years for s in soup_of(real_site, f"human-rights/{y}/").select(
        "h2#reports ~ section.dossier-context-entry")}
    assert research >= {"precarious-journeys-2019", "still-in-harms-way-2018"}
    assert soup_of(real_site, "human-rights/2019/").find(id="precarious-journeys-2019")
    assert "700" in soup.find(id="nrm").find_next(id="fig-nrm-vietnamese-referrals-2025-q1").get_text()


def test_agreements_comparison_shows_recurring_themes(real_site: Path) -> None:
    soup = soup_of(real_site, "agreements/")
    rows = {r.find("th").get_text(): r for r in soup.select("table.dossier-compare tbody tr")}
    returns = rows["Returns"].find_all("td")
    assert sum(1 for td in returns if td.find("p")) >= 4  # 2022, 2024, March 2025 and October 2025


def _internal_targets(html: Path, site: Path) -> list[tuple[str, Path, str]]:
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    out = []
    for tag in soup.find_all(["a", "link", "script", "img"]):
        ref = tag.get("href") or tag.get("src")
        if not ref or ref.startswith(("mailto:", "data:")) or urlsplit(ref).scheme:
            continue
        parts = urlsplit(ref)
        path = unquote(parts.path)
        if path.startswith("/"):  # only 404.html, which MkDocs writes with root-relative links
            target = (site / path.lstrip("/")).resolve()
        else:
            target = (html.parent / path).resolve() if path else html.resolve()
        if target.is_dir():
            target = target / "index.html"
        out.append((ref, target, parts.fragment))
    return out


def test_no_internal_link_is_broken_including_raw_html(real_site: Path) -> None:
    ids_cache: dict[Path, set[str]] = {}
    broken = []
    for html in real_site.rglob("*.html"):
        for ref, target, fragment in _internal_targets(html, real_site):
            if not target.exists():
                broken.append(f"{html.relative_to(real_site)} -> {ref}")
                continue
            if fragment and target.suffix == ".html" and not fragment.startswith(":~:"):
                if target not in ids_cache:
                    ids_cache[target] = set(re.findall(r'\bid="([^"]+)"', target.read_text(encoding="utf-8")))
                if fragment not in ids_cache[target]:
                    broken.append(f"{html.relative_to(real_site)} -> {ref} (no #{fragment})")
    assert broken == []


def test_no_request_to_third_party_hosts_in_markup(real_site: Path) -> None:
    for html in real_site.rglob("*.html"):
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.find_all(["link", "script", "img", "iframe"]):
            ref = tag.get("href") if tag.name == "link" else tag.get("src")
            if ref and tag.get("rel") != ["alternate"]:
                assert not urlsplit(ref).scheme, f"{html}: {tag}"


def test_external_links_carry_noopener_noreferrer(real_site: Path) -> None:
    for url in ("sources/", "human-rights/", "events/second-migration-dialogue-2024/"):
        for a in main(soup_of(real_site, url)).find_all("a", href=re.compile(r"^https?://")):
            assert {"noopener", "noreferrer"} <= set(a.get("rel", [])), a


def jsonld_of(site: Path, url: str) -> dict:
    import json

    tag = soup_of(site, url).find("script", type="application/ld+json")
    return json.loads(tag.string)


def test_structured_data_per_page_type(real_site: Path, ds: Dataset) -> None:
    event = jsonld_of(real_site, "events/enhanced-migration-partnership-2025/")
    assert event["@type"] == "Event"
    assert event["startDate"] == "2025-10-29"
    assert event["location"]["name"] == ds.events["enhanced-migration-partnership-2025"].place
    assert {a["name"] for a in event["attendee"]} == {
        ds.people[p.person].name for p in ds.events["enhanced-migration-partnership-2025"].participants}
    assert {"Keir Starmer", "Tô Lâm"} <= {a["name"] for a in event["attendee"]}
    profile = jsonld_of(real_site, "people/to-lam/")
    assert profile["@type"] == "ProfilePage"
    assert profile["inLanguage"] == "en"
    person = profile["mainEntity"]
    assert person["@type"] == "Person"
    assert "inLanguage" not in person  # schema.org: Person has no inLanguage
    assert person["nationality"] == {"@type": "Country", "name": "Vietnam", "identifier": "VN"}
    assert [r["roleName"] for r in person["memberOf"]] == [str(r.title) for r in ds.people["to-lam"].roles]
    assert "Minister of Public Security" in [r["roleName"] for r in person["memberOf"]]
    assert all("citation" not in r for r in person["memberOf"])  # a Role has no citation: sources are subjectOf
    role_sources = {ds.sources[s].url for r in ds.people["to-lam"].roles for s in r.sources}
    assert role_sources <= {c["url"] for c in person["subjectOf"]}
    assert jsonld_of(real_site, "vi/people/to-lam/")["mainEntity"]["nationality"]["name"] == "Việt Nam"
    dataset = jsonld_of(real_site, "figures/")
    assert dataset["@type"] == "Dataset"
    assert len(dataset["variableMeasured"]) == len(ds.figures)
    assert all("value" not in v for v in dataset["variableMeasured"] if v["name"] == str(
        ds.figures["vietnamese-arrivals-halved"].label))  # no value in the source: no null
    assert dataset["license"]
    assert dataset["creator"]["name"]
    assert dataset["url"]
    downloads = {d["contentUrl"]: d["encodingFormat"] for d in dataset["distribution"]}
    assert downloads["../data/figures.csv"] == "text/csv"
    assert downloads["../data/events.json"] == "application/json"
    for url in downloads:
        assert (real_site / "figures" / url).resolve().is_file(), url  # each DataDownload is a real file
    hr = jsonld_of(real_site, "human-rights/")
    authors = {r["author"]["name"] for r in hr["hasPart"]}
    assert {"Human Rights Watch", "Amnesty International", "US Department of State"} <= authors
    assert all(r["url"].startswith("https://") for r in hr["hasPart"])
    page = jsonld_of(real_site, "timeline/2019/")
    assert page["@type"] == "CollectionPage"
    assert page["inLanguage"] == "en"
    year = page["mainEntity"]
    assert year["@type"] == "ItemList"
    assert "inLanguage" not in year  # an ItemList is not a CreativeWork
    assert [i["item"]["startDate"] for i in year["itemListElement"]] == [
        e.date.iso for e in ds.events.values() if e.date.year == 2019]


@pytest.mark.parametrize("url", ["", "timeline/", "events/joint-communique-2025/", "people/to-lam/", "about/"])
def test_open_graph_and_description_per_page(real_site: Path, url: str) -> None:
    soup = soup_of(real_site, url)
    for prop in ("og:title", "og:description", "og:type", "og:site_name"):
        assert soup.find("meta", property=prop)["content"], prop
    csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "script-src 'self' 'sha256-" in csp
    assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_shipped_site_writes_each_unit_and_publisher_once(real_site: Path) -> None:
    from conftest import ROOT
    from dossier.validate.check import validate

    ds = validate(ROOT / "data", root=ROOT)
    names = [str(o.name) for o in ds.organisations.values()] + [p.name for p in ds.people.values()]
    pages = [str(p.parent.relative_to(real_site)) for p in real_site.rglob("index.html")]
    assert len(pages) > 20
    for url in pages:
        url = "" if url == "." else url + "/"
        for text in labels(real_site, url, bibliography=False):
            assert not DOUBLED_UNIT.search(text), (url, text)
            for name in names:
                    assert text.count(name) <= 1, (url, name, text)
    figures = soup_of(real_site, "figures/")
    for fid, fig in ds.figures.items():
        assert figures.find(id=fid).select_one(".dossier-value").get_text() == figure_value(fig, EN, SITE.vocabularies.units)


def test_home_says_what_the_record_is_and_where_to_start(real_site: Path, ds: Dataset) -> None:
    for root in (real_site, real_site / "vi"):
        home = main(soup_of(root, ""))
        lead = home.select_one("p.dossier-lead").get_text()
        assert lead.count(". ") + lead.endswith(".") <= 3  # two sentences
        starts = [a["href"] for a in home.select("ul.dossier-start a")]
        assert starts[:4] == ["timeline/", "people/", "agreements/", "human-rights/"]
        chart = home.select_one("figure.dossier-chart svg[role=img]")
        assert chart.find("desc").get_text()
        assert home.find(id="reuse").find_next("p").find("a", href="data/datapackage.json")
        assert len(home.select("article.dossier-event")) == 3


def test_each_profile_has_its_roles_and_events_on_a_small_timeline(real_site: Path, ds: Dataset) -> None:
    for pid, person in ds.people.items():
        fig = main(soup_of(real_site, f"people/{pid}/")).select_one("figure.dossier-profile")
        assert fig is not None, pid
        svg = fig.select_one("svg[role=img]")
        assert len(svg.select("g.dossier-profile__role")) == len(person.roles)
        assert len(svg.select("path.dossier-profile__event")) == len(ds.events_by_person.get(pid, []))


def test_an_event_told_only_by_official_sources_says_so(real_site: Path, ds: Dataset) -> None:
    official = {k for k, term in SITE.vocabularies.publisher_kinds.items() if term.official}
    flagged = 0
    for eid, event in ds.events.items():
        kinds = {ds.publisher_of(ds.sources[s]).kind for s in event.sources}  # type: ignore[union-attr]
        note = main(soup_of(real_site, f"events/{eid}/")).select_one(".dossier-official-only")
        assert (note is not None) == (kinds <= official), (eid, kinds)
        flagged += note is not None
    assert 0 < flagged < len(ds.events)
    # an event with an independent report beside the official one carries no such note
    assert not main(soup_of(real_site, "events/essex-ha-tinh-case-opened-2019-10-31/")).select_one(
        ".dossier-official-only")


def test_corrections_name_what_they_correct_in_words(real_site: Path, ds: Dataset) -> None:
    for prefix in ("", "vi/"):
        headings = main(soup_of(real_site, prefix + "about/corrections/")).select("article.dossier-correction h2")
        assert len(headings) == len(ds.corrections)
        for h in headings:
            assert not re.search(r"\b(events|people|quotes|figures|sources)/[a-z0-9-]+", h.get_text()), h
    vu = [h for h in main(soup_of(real_site, "vi/about/corrections/")).select("h2") if "Vũ Văn Hưng" in h.get_text()]
    assert vu
    assert vu[0].find("a")["href"].endswith("people/vu-van-hung/")
