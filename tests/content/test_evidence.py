"""The shipped data against its evidence: the five source documents kept in tests/evidence/.

Quotations and items marked 'verbatim' must appear in the stored copy of their source, character
for character apart from quote marks and whitespace, with '…' allowed for omissions.
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from conftest import ROOT
from dossier.model.dataset import Dataset
from dossier.validate.check import validate

EVIDENCE = ROOT / "tests" / "evidence"
COPIES = {
    "vietnamnet-2022-08-first-dialogue": "004_d8397bf97cc89266.txt",
    "home-office-2024-04-18-agreement": "001_e2d810fa5b701e6f.txt",
    "hanoi-times-2024-04-joint-statement": "003_befd8d53cf6ad35b.txt",
    "cronulla-news-2025-10-landmark-agreement": "000_82fc43cefa9a4464.txt",
    "ein-2025-10-migration-partnership": "002_fb85cd76a73c4096.txt",
    # Known to us only through the seeds' README, which quotes or summarises them:
    "downing-street-2025-10-30-fast-tracked": "README.md",
    "lnn-2025-10-29-deportation-deal": "README.md",
    "vietnamplus-2024-04-agreement": "README.md",
    "baochinhphu-2022-08-16-first-dialogue": "README.md",
}


@cache
def data() -> Dataset:
    return validate(ROOT / "data", root=ROOT)


def normalise(text: str) -> str:
    text = re.sub(r"[\u2018\u2019\u201c\u201d\"']", "'", text)
    return " ".join(text.split())


def appears_in(quote: str, source_text: str) -> bool:
    """All segments of the quote (split at ellipses) appear in the source, in order."""
    position = 0
    for segment in re.split(r"\s*(?:…|\.\.\.)\s*", normalise(quote)):
        found = normalise(source_text).find(segment, position)
        if found < 0:
            return False
        position = found + len(segment)
    return True


def test_every_source_with_a_stored_copy_is_mapped_and_the_address_matches() -> None:
    readme = (EVIDENCE / "README.md").read_text()
    assert set(data().sources) == set(COPIES)
    for sid, source in data().sources.items():
        assert source.url in readme, f"{sid}: address not the one given in the seeds' README"


@pytest.mark.parametrize("qid", sorted(data().quotes))
def test_quotation_is_verbatim_in_its_source(qid: str) -> None:
    quote = data().quotes[qid]
    text = (EVIDENCE / COPIES[quote.sources[0]]).read_text(encoding="utf-8")
    assert appears_in(quote.text, text), f"{qid} is not verbatim in {COPIES[quote.sources[0]]}"


def test_verbatim_agreement_items_appear_in_their_source() -> None:
    for agreement in data().agreements.values():
        for item in agreement.items:
            if item.wording == "verbatim":
                text = (EVIDENCE / COPIES[item.sources[0]]).read_text(encoding="utf-8")
                assert appears_in(item.text, text), f"{agreement.id}/{item.id}"


@pytest.mark.parametrize("fid", sorted(f for f, fig in data().figures.items() if fig.as_stated))
def test_figure_wording_is_verbatim_in_its_source(fid: str) -> None:
    figure = data().figures[fid]
    text = (EVIDENCE / COPIES[figure.sources[0]]).read_text(encoding="utf-8")
    assert appears_in(figure.as_stated, text), f"{fid}: {figure.as_stated!r} is not in {COPIES[figure.sources[0]]}"


def test_verbatim_check_catches_a_changed_word() -> None:
    source = "Illegal migration is a global problem that requires global solutions."
    assert appears_in("Illegal migration is a global problem", source)
    assert appears_in("Illegal migration … requires global solutions.", source)
    assert not appears_in("Illegal migration is a global crisis", source)


def test_joint_statement_has_the_six_home_office_commitments() -> None:
    items = data().agreements["joint-statement-2024"].items
    home_office = [i for i in items if i.sources == ["home-office-2024-04-18-agreement"]]
    assert len(home_office) == 6


def test_government_statements_are_claims_or_projections_not_statistics() -> None:
    by_wording = {f.as_stated: f for f in data().figures.values()}
    assert by_wording["halved"].kind == "government claim"
    assert by_wording["halved"].stated_by.person == "keir-starmer"
    for wording in ("up to 75%", "almost 90%", "fourfold"):
        assert by_wording[wording].kind == "government projection"


def test_disagreement_on_the_2024_signatory_rank_keeps_both_versions() -> None:
    role = data().people["vu-van-hung"].roles[0]
    assert {(r.value, tuple(r.sources)) for r in role.rank} == {
        ("Senior Colonel", ("home-office-2024-04-18-agreement", "hanoi-times-2024-04-joint-statement")),
        ("Colonel", ("vietnamplus-2024-04-agreement",)),
    }


@pytest.mark.parametrize(
    ("figure", "value", "evidence"),
    [
        ("vietnamese-small-boat-arrivals-2018-2023", 3356, "3,356 Vietnamese small boat arrivals"),
        ("vietnamese-share-small-boats-2024", 17, "approximately 17 per cent"),
        ("small-boat-arrivals-year-to-june-2025", 43000, "roughly 43,000 of the 48,000"),
        ("irregular-arrivals-year-to-june-2025", 48000, "roughly 43,000 of the 48,000"),
        ("nrm-vietnamese-referrals-2025-q1", 700, "700 Vietnamese suspected victims"),
        ("processing-time-reduction-75", 75, "reduced by up to 75%"),
        ("processing-time-reduction-90", 90, "down by almost 90%"),
    ],
)
def test_figures_match_their_source(figure: str, value: int, evidence: str) -> None:
    f = data().figures[figure]
    assert f.value == value
    assert normalise(evidence) in normalise((EVIDENCE / COPIES[f.sources[0]]).read_text(encoding="utf-8"))


def test_every_person_named_in_the_seeds_has_a_profile() -> None:
    assert set(data().people) == {"matthew-rycroft", "luong-tam-quang", "michael-tomlinson", "vu-van-hung",
                                  "james-cleverly", "to-lam", "keir-starmer", "shabana-mahmood"}
    assert data().people["to-lam"].name == "Tô Lâm"
    assert data().people["luong-tam-quang"].name == "Lương Tam Quang"
