"""A role's rank over time, for the person page: one step per rank, in the order of its sources' dates.

Sources that give different ranks for one post are a promotion when their dates follow each other, and a
disagreement only when the dates overlap: the page says so then, and only then.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from dossier.model.dataset import Dataset
from dossier.model.dates import PartialDate
from dossier.model.entities import GlossaryTerm, Role


@dataclass(frozen=True)
class RankStep:
    """One rank a role was held at, as its sources give it."""

    term: GlossaryTerm
    as_stated: tuple[str, ...]
    sources: tuple[str, ...]
    first: PartialDate
    """the earliest of its sources' publication dates"""
    last: PartialDate
    """the latest of them"""


@dataclass(frozen=True)
class RankHistory:
    steps: tuple[RankStep, ...]
    disagree: bool
    """True when sources of different ranks overlap in time: then it is not a promotion but a disagreement."""


def rank_history(role: Role, ds: Dataset) -> RankHistory | None:
    if not role.rank:
        return None
    steps = []
    for account in role.rank:
        days = [ds.sources[s].published for s in account.sources]
        steps.append(RankStep(ds.glossary[account.rank], tuple(account.as_stated), tuple(account.sources),
                              min(days, key=lambda d: d.earliest), max(days, key=lambda d: d.latest)))
    steps.sort(key=lambda s: (s.first.earliest, s.last.latest))
    disagree = any(later.first.earliest <= earlier.last.latest for earlier, later in itertools.pairwise(steps))
    return RankHistory(tuple(steps), disagree)
