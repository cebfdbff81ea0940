"""What a page reads of the data set (dossier.model.reads): answers computed once still carry their reads."""

from __future__ import annotations

from typing import Any

from dossier.model.reads import ALL, Tracked, reading, remembered


def test_a_remembered_answer_notes_on_every_call_the_reads_it_was_computed_from() -> None:
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
    assert first == second == {("events", ALL)}
    assert remembered(cache, "total", total) == 3  # outside a page: nothing noted, nothing fails
