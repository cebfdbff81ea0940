"""render/ranks.py: a role's ranks in the order of their sources, a disagreement only when they overlap."""

from __future__ import annotations

import pytest

from dossier.model.dataset import Dataset
from dossier.model.entities import GlossaryTerm, Role, Source
from dossier.render.ranks import rank_history


def dataset(**published: str) -> Dataset:
    sources = {sid: Source.model_validate({"id": sid, "title": sid, "publisher": "P", "kind": "news report",
                                           "published": day, "url": f"https://example.org/{sid}",
                                           "language": "en"}) for sid, day in published.items()}
    glossary = {gid: GlossaryTerm.model_validate({"id": gid, "term": gid}) for gid in ("colonel", "general")}
    return Dataset(sources=sources, glossary=glossary)


def role(*ranks: tuple[str, list[str]]) -> Role:
    return Role.model_validate({"title": "Minister", "organisation": "o", "attested": ["2024-01-01"], "sources": ["a"],
                                "rank": [{"rank": r, "sources": s} for r, s in ranks]})


def test_ranks_in_time_order_are_a_promotion() -> None:
    ds = dataset(a="2020-05-01", b="2018-03", c="2024")
    history = rank_history(role(("general", ["a", "c"]), ("colonel", ["b"])), ds)
    assert history is not None
    assert [s.term.id for s in history.steps] == ["colonel", "general"]
    assert [(str(s.first), str(s.last)) for s in history.steps] == [("2018-03", "2018-03"), ("2020-05-01", "2024")]
    assert not history.disagree


def test_overlapping_ranks_are_a_disagreement() -> None:
    ds = dataset(a="2020-05-01", b="2020-05")  # May 2020 contains 1 May 2020
    history = rank_history(role(("general", ["a"]), ("colonel", ["b"])), ds)
    assert history is not None
    assert history.disagree


def test_a_role_without_rank_has_no_history() -> None:
    assert rank_history(role(), dataset(a="2020")) is None


def test_one_rank_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="rank 'general' is given twice"):
        role(("general", ["a"]), ("general", ["b"]))
