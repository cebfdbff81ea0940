"""What a page read of the data set: the look-ups behind ``mkdocs serve``'s dependency map.

Under `mkdocs serve --dirty` the data set's tables (``Dataset.events``, ``Dataset.events_by_person``, …) are
:class:`Tracked` dicts: inside :func:`reading`, each look-up is noted as ``(table, key)`` and each walk over a
whole table as ``(table, ALL)``, its length as ``(table, COUNT)``. The renderer's by-year tables are tracked the
same way (``by_year.<page>``). ``dossier.incremental`` then renders again only the pages whose reads an edit
changed. Outside `mkdocs serve` the tables stay plain dicts: a build pays nothing for this.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any

ALL = "*"
"""The key of a read that walked a whole table (its keys or values)."""
COUNT = "#"
"""The key of a read of how many entries a table holds."""
COUNTS = "#each"
"""The key of a read of how many items each entry of a table holds (a table of lists: a year's entries)."""

Read = tuple[str, Any]
"""(table, key): one look-up; (table, ALL): a walk over the table."""

_reads: ContextVar[set[Read] | None] = ContextVar("dossier_reads", default=None)


class Tracked(dict[Any, Any]):
    """A table of the data set that notes what is read of it (inside :func:`reading`)."""

    def __init__(self, table: str, values: dict[Any, Any], factory: Callable[[], Any] | None = None) -> None:
        super().__init__(values)
        self.table = table
        self.factory = factory
        """The default of a ``defaultdict`` table (the reverse look-ups): a missing key reads as empty."""

    def _note(self, key: Any) -> None:
        reads = _reads.get()
        if reads is not None:
            reads.add((self.table, key))

    def __getitem__(self, key: Any) -> Any:
        self._note(key)
        return super().__getitem__(key)

    def __missing__(self, key: Any) -> Any:
        if self.factory is None:
            raise KeyError(key)
        value = self[key] = self.factory()
        return value

    def get(self, key: Any, default: Any = None) -> Any:
        self._note(key)
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        self._note(key)
        return super().__contains__(key)

    def __iter__(self) -> Iterator[Any]:
        self._note(ALL)
        return super().__iter__()

    def __len__(self) -> int:
        self._note(COUNT)
        return super().__len__()

    def keys(self) -> Any:
        self._note(ALL)
        return super().keys()

    def values(self) -> Any:
        self._note(ALL)
        return super().values()

    def items(self) -> Any:
        self._note(ALL)
        return super().items()


def note(table: str, key: Any) -> None:
    """Note a read that is not a look-up (e.g. ``COUNTS``) inside :func:`reading`."""
    reads = _reads.get()
    if reads is not None:
        reads.add((table, key))


def track(ds: Any) -> None:
    """Make every table of the data set ``ds`` a :class:`Tracked` dict (once; the data stay the same)."""
    for name, value in list(vars(ds).items()):
        if isinstance(value, dict) and not isinstance(value, Tracked) and name not in ("origin", "raw"):
            setattr(ds, name, Tracked(name, value, getattr(value, "default_factory", None)))


def is_tracked(ds: Any) -> bool:
    """Whether :func:`track` made the data set's tables note their reads."""
    return isinstance(getattr(ds, "events", None), Tracked)


@contextlib.contextmanager
def reading() -> Iterator[set[Read]]:
    """Collect the reads of the data set made inside the block (nested blocks collect into their own set)."""
    reads: set[Read] = set()
    token = _reads.set(reads)
    try:
        yield reads
    finally:
        _reads.reset(token)


REMEMBERED = "remembered"
"""The table of answers a renderer derives once from the whole data set (``remembered``): a page that uses one
depends on the answer, not on everything it was derived from."""


def remembered(cache: dict[str, Any], key: str, compute: Callable[[], Any]) -> Any:
    """``compute()`` once per ``key`` in ``cache``; every call notes the read ``(REMEMBERED, key)``. A page then
    depends on the answer itself: ``dossier.incremental`` compares the last build's answer with this one's, so
    that an edit which leaves the answer as it was (an event's summary, for the tags in use) keeps the page."""
    note(REMEMBERED, key)
    if key not in cache:
        with reading():  # what computing it reads is not the page's: the answer is
            cache[key] = compute()
    return cache[key]


def untracked(table: dict[Any, Any]) -> Iterator[tuple[Any, Any]]:
    """The items of a table without noting a walk over it: an entry page type listing its own entries reads
    only the one entry each page shows (noted by the caller)."""
    return iter(dict.items(table))
