"""What a page reads of the data set (dossier.model.reads): an answer derived once is a read of its own."""

from __future__ import annotations

from typing import Any

from dossier.model.reads import REMEMBERED, Tracked, reading, remembered


def test_a_remembered_answer_is_computed_once_and_each_use_reads_the_answer_not_its_sources() -> None:
    table = Tracked("events", {"a": 1, "b": 2})
    cache: dict[str, Any] = {}
    calls = []

    def total() -> int:
        calls.append(1)
        return sum(table.values())

    with reading() as first:
        assert remembered(cache, "total", total) == 3
    with reading() as second:  # another page: no second computation, the same dependency
        assert remembered(cache, "total", total) == 3
    assert calls == [1]
    assert first == second == {(REMEMBERED, "total")}  # not ("events", ALL): an edit that keeps the answer keeps it
    assert cache == {"total": 3}
    assert remembered(cache, "total", total) == 3  # outside a page: nothing noted, nothing fails
