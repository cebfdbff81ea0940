"""The shipped data against its evidence: per source, the short excerpts that support our data.

``tests/evidence/<source-id>.yml`` holds, for every source the data cites, its address, publisher
and date (the same as in ``data/sources``) and only the short verbatim excerpts our entries rest on;
never a whole document. Quotations, verbatim agreement items and every figure's wording and number
must appear in the excerpts of one of their sources, character for character apart from quote marks
and whitespace, with '…' allowed for omissions.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import pytest

from conftest import ROOT
from dossier.load.yamlstrict import load_text
from dossier.model.dataset import Dataset
from dossier.validate.check import validate

EVIDENCE = ROOT / "tests" / "evidence"
MAX_EXCERPT = 600
"""Characters per excerpt: a sentence or two, never a page."""
MAX_PER_SOURCE = 4000

MIRRORS = {
    # Scrapers, aggregators and rewrites of other outlets' articles seen in the stored pages: never cited.
    "ukpol.co.uk", "wired-gov.net", "cronullanews.sydney", "einpresswire.com", "inkl.com", "yahoo.com",
    "uk.news.yahoo.com", "londonvoice.co.uk", "newslego.com", "inview.org.uk", "miragenews.com",
    "government-world.com", "londonnewsnetwork.com", "londontvnews.com", "asianlite.com", "marimbapop.com",
    "talkvietnam.org", "vietnam.vn", "baomoi.net.vn", "baomoi.com", "parallelparliament.co.uk",
    "theyworkforyou.com", "travelwiseway.com", "squidsite02.com", "singaporeinsight.com", "theindependent.sg",
    "yes8877.cc", "ufabetindo.in", "hoicodo.top", "worldnewsam.com", "pressreader.com", "londondaily.com",
    "exbulletin.com", "magzter.com", "dailytuesday.co.uk", "policy-wire.co.uk", "world-today-news.com",
    "digestomovil.com", "britbrief.co.uk", "capitalpost.uk", "thelondonweekly.net", "briefly.co", "ground.news",
    "newsio.com", "thedailytelegraphnewstoday.com", "securykid.com", "timemotion.in", "mestios.com",
    "vietexplorer.com", "xe.today", "wikimili.com", "howlingpixel.com", "translate.google.com",
}
NUMBER_WORDS = {"twice": 2, "two-fold": 2, "twofold": 2, "doubled": 2, "three times": 3, "threefold": 3,
                "fourfold": 4, "four-fold": 4, "four times": 4, "ten-fold": 10, "tenfold": 10, "ten times": 10}
"""Values sources write in words (the number is then checked through the words)."""


@cache
def data() -> Dataset:
    return validate(ROOT / "data", root=ROOT)


@cache
def evidence(sid: str) -> dict[str, Any]:
    path = EVIDENCE / f"{sid}.yml"
    loaded, errors = load_text(path.relative_to(ROOT).as_posix(), path.read_bytes())
    assert not errors, errors
    assert loaded is not None
    value = loaded.value
    assert isinstance(value, dict)
    return value


def normalise(text: str) -> str:
    text = re.sub(r"[\u2018\u2019\u201c\u201d\u00ab\u00bb\"']", "'", text)
    return " ".join(text.split())


SEPARATOR = " \u00b6 "
"""Between excerpts: a segment of a quotation can never run from one excerpt into the next."""


def excerpts_of(sources: list[str]) -> list[str]:
    return [SEPARATOR.join(str(e) for e in evidence(sid)["excerpts"]) for sid in sources]


def compact(text: str) -> str:
    """For matching: quote marks unified and whitespace removed (a stored page may run words together)."""
    return "".join(normalise(text).split())


def appears_in(quote: str, source_text: str) -> bool:
    """All segments of the quote (split at ellipses) appear in the source, in order, character for
    character apart from quote marks and whitespace."""
    position = 0
    haystack = compact(source_text)
    for segment in map(compact, re.split(r"\s*(?:…|\.\.\.|\[…\]|\[\.\.\.\])\s*", normalise(quote))):
        if not segment:
            continue
        found = haystack.find(segment, position)
        if found < 0:
            return False
        position = found + len(segment)
    return True


def in_any(text: str, sources: list[str]) -> bool:
    return any(appears_in(text, excerpt) for excerpt in excerpts_of(sources))


def number_forms(value: float) -> set[str]:
    """How a source may write the number: 3356 as '3356', '3,356', '3 356' or '3.356'; 17.5 as '17.5'."""
    if float(value).is_integer():
        n = int(value)
        grouped = f"{n:,}"
        return {str(n), grouped, grouped.replace(",", " "), grouped.replace(",", "\u00a0"), grouped.replace(",", ".")}
    return {str(value), str(value).replace(".", ",")}


def test_every_cited_source_has_its_evidence_and_nothing_else_is_kept() -> None:
    kept = {p.stem for p in EVIDENCE.glob("*.yml")}
    assert set(data().sources) - kept == set(), "sources without tests/evidence/<id>.yml"
    assert kept - set(data().sources) == set(), "evidence for sources the data no longer cites"
    assert [p.name for p in EVIDENCE.iterdir() if p.suffix != ".yml" and p.name != "README.md"] == [], \
        "tests/evidence keeps short excerpts only, never whole documents"


@pytest.mark.parametrize("sid", sorted(data().sources))
def test_evidence_names_the_source_as_the_data_does(sid: str) -> None:
    source, kept = data().sources[sid], evidence(sid)
    assert kept["url"] == source.url
    assert kept["publisher"] == source.publisher
    assert str(kept["published"]) == source.published.iso.removeprefix("c.").strip() or \
        str(kept["published"]) == str(source.published)
    excerpts = kept["excerpts"]
    assert excerpts, "at least one excerpt supports each source's use"
    assert all(len(normalise(str(e))) <= MAX_EXCERPT for e in excerpts), f"an excerpt over {MAX_EXCERPT} characters"
    assert sum(len(str(e)) for e in excerpts) <= MAX_PER_SOURCE, "evidence is excerpts, not a copy"


@pytest.mark.parametrize("sid", sorted(data().sources))
def test_source_is_cited_at_its_original_publisher_not_a_mirror(sid: str) -> None:
    host = (urlsplit(data().sources[sid].url).hostname or "").removeprefix("www.")
    assert host not in MIRRORS, f"{sid}: {host} is a mirror"
    assert not any(host.endswith("." + m) for m in MIRRORS), f"{sid}: {host} is a mirror"


def test_tabloids_carry_only_their_own_attributed_quotations() -> None:
    tabloids = {sid for sid, s in data().sources.items() if s.kind == "tabloid"}
    for sid in tabloids:
        kinds = {kind for kind, _ in data().cited_by.get(sid, [])}
        assert kinds <= {"quotes"}, f"{sid} (a tabloid) is cited for {kinds - {'quotes'}}"


@pytest.mark.parametrize("qid", sorted(data().quotes))
def test_quotation_is_verbatim_in_its_source(qid: str) -> None:
    quote = data().quotes[qid]
    assert in_any(quote.text, quote.sources), f"{qid} is not verbatim in the evidence of {quote.sources}"


def test_verbatim_agreement_items_appear_in_their_source() -> None:
    for agreement in data().agreements.values():
        for item in agreement.items:
            if item.wording == "verbatim":
                assert in_any(item.text, item.sources), f"{agreement.id}/{item.id}"


@pytest.mark.parametrize("fid", sorted(f for f, fig in data().figures.items() if fig.as_stated))
def test_figure_wording_is_verbatim_in_its_source(fid: str) -> None:
    figure = data().figures[fid]
    assert figure.as_stated
    assert in_any(figure.as_stated, figure.sources), f"{fid}: {figure.as_stated!r} is not in its evidence"


@pytest.mark.parametrize("fid", sorted(f for f, fig in data().figures.items() if fig.value is not None))
def test_figure_number_is_in_its_source(fid: str) -> None:
    figure = data().figures[fid]
    assert figure.value is not None
    words = normalise(figure.as_stated or "").casefold()
    if words in NUMBER_WORDS:
        assert NUMBER_WORDS[words] == figure.value, f"{fid}: {figure.as_stated!r} is not {figure.value}"
        return
    texts = [normalise(t) for t in excerpts_of(figure.sources)]
    pattern = "|".join(re.escape(form) for form in sorted(number_forms(figure.value), key=len, reverse=True))
    found = any(re.search(rf"(?<![\d.,])(?:{pattern})(?![\d]|[.,]\d)", t) for t in texts)
    assert found, f"{fid}: {figure.value} is not written in the evidence of {figure.sources}"


def test_verbatim_check_catches_a_changed_word() -> None:
    source = "Illegal migration is a global problem that requires global solutions."
    assert appears_in("Illegal migration is a global problem", source)
    assert appears_in("Illegal migration … requires global solutions.", source)
    assert not appears_in("Illegal migration is a global crisis", source)
    assert not appears_in("global solutions. Illegal", "A global solutions." + SEPARATOR + "Illegal b")
    assert appears_in("to strengthen collaboration", "committed to strengthencollaboration on")  # spacing only


def test_number_check_tells_a_number_from_part_of_another() -> None:
    pattern = "|".join(re.escape(f) for f in number_forms(1306))
    assert re.search(rf"(?<![\d.,])(?:{pattern})(?![\d]|[.,]\d)", "up from 1,306 in the whole of 2023")
    assert not re.search(rf"(?<![\d.,])(?:{pattern})(?![\d]|[.,]\d)", "up from 11,306 in 2023")
    assert not re.search(rf"(?<![\d.,])(?:{pattern})(?![\d]|[.,]\d)", "1,3060")


def test_government_statements_are_claims_or_projections_not_statistics() -> None:
    for figure in data().figures.values():
        words = (figure.as_stated or "").casefold()
        if any(w in words for w in ("halved", "cut by half", "ten-fold", "tenfold", "up to 75%", "almost 90%",
                                    "fourfold", "four times")):
            assert figure.kind in {"government claim", "government projection"}, figure.id


def test_disagreeing_sources_for_a_period_are_both_kept_with_a_caveat() -> None:
    by_period: dict[tuple[str, str, str], list[Any]] = {}
    for f in data().figures.values():
        if f.series and f.period:
            by_period.setdefault((f.series, f.period.start.iso, f.period.end.iso), []).append(f)
    for group in by_period.values():
        if len({f.value if f.value is not None else f.as_stated for f in group}) > 1:
            for f in group:
                assert f.caveats, f"{f.id}: sources differ for its period, and no caveat says so"
