"""Values a new documentary still shares with the scaffold `dossier init` wrote: warnings, not errors.

A reader must never see the scaffold's example title, author or licence line on a published record, so the
build lists each one still unchanged, at its line. They do not stop the build: the scaffold must build at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dossier.errors import DataError
from dossier.load.yamlstrict import load_text

SCAFFOLD = Path(__file__).resolve().parent.parent / "scaffold"
"""The files `dossier init` copies (``dossier/scaffold/``)."""

IDENTITY = ("title", "author", "key", "licence.notice", "pages.home", "data_package", "figures_dataset.title",
            "feeds", "about_summary")
"""The parts of documentary.yml that say who publishes the record and what it is: never the scaffold's."""
SITE = ("site_name", "site_description", "copyright")
"""The same in mkdocs.yml."""


def _strings(value: Any, loc: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*loc, key))
    elif isinstance(value, str):
        yield loc, value


def _unchanged(name: str, path: Path, parts: tuple[str, ...]) -> list[DataError]:
    ours, _ = load_text(name, (SCAFFOLD / name).read_bytes())
    if not path.is_file() or ours is None:
        return []
    theirs, errors = load_text(name, path.read_bytes())
    if theirs is None or errors or not isinstance(theirs.value, dict):
        return []  # unreadable: its own errors are reported by validation
    found = []
    for loc, text in _strings(ours.value):
        dotted = ".".join(str(p) for p in loc)
        if not any(dotted == p or dotted.startswith(p + ".") for p in parts):
            continue
        value: Any = theirs.value
        for key in loc:
            value = value.get(key) if isinstance(value, dict) else None
        if value == text:
            mark = theirs.mark_for(loc)
            shown = text if len(text) <= 50 else text[:49] + "…"
            found.append(DataError(name, mark.line, mark.col, dotted, f"still the example `dossier init` wrote "
                                   f"('{shown}')", "replace it with your record's own"))
    return found


def leftovers(root: Path) -> list[DataError]:
    """Every identity value of ``root``'s documentary.yml and mkdocs.yml still equal to the scaffold's."""
    return _unchanged("documentary.yml", root / "documentary.yml", IDENTITY) + \
        _unchanged("mkdocs.yml", root / "mkdocs.yml", SITE)
