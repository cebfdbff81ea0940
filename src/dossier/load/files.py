"""Finding and reading the data files: ``data/<kind>/<id>.yml`` (one entry) or ``data/<kind>.yml`` (a list)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier.errors import DataError
from dossier.load.yamlstrict import Loaded, load_text
from dossier.model.kinds import KINDS


@dataclass
class RawEntry:
    """One entry as parsed, before validation, with where it came from."""

    kind: str
    display_path: str
    loaded: Loaded
    prefix: tuple[Any, ...]  # location of the entry inside its file: () or (index,)
    value: Any

    @property
    def one_per_file(self) -> bool:
        return self.prefix == ()

    @property
    def file_stem(self) -> str:
        return Path(self.display_path).stem

    def field_path(self, loc: tuple[Any, ...]) -> str:
        return ".".join(str(p) for p in (*self.prefix, *loc)) or "entry"

    def error(self, loc: tuple[Any, ...], message: str, hint: str | None = None, key: bool = False) -> DataError:
        """An error at ``loc`` inside this entry (at the key itself with ``key``, e.g. an unknown field),
        with its file, line and column: the one way validation reports a problem in a data file."""
        full = (*self.prefix, *loc)
        mark = self.loaded.key_mark_for(full) if key else self.loaded.mark_for(full)
        return DataError(self.display_path, mark.line, mark.col, self.field_path(loc), message, hint)


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def read_data_dir(data_dir: Path, root: Path, errors: list[DataError],
                  unreadable: dict[str, str] | None = None) -> list[RawEntry]:
    """Parse every data file; unknown files and folders are errors too (a misplaced file is a lost edit).

    ``unreadable`` receives, for each kind, the first of its files that could not be read: references
    into that kind cannot be checked, and are not reported one by one."""
    try:
        return _read_all(data_dir, root, errors, {} if unreadable is None else unreadable)
    finally:
        _rotate_cache()


WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$", re.IGNORECASE)
"""File names Windows cannot create (whatever the extension): a contributor on Windows could not check
the repository out."""


def _refused(path: Path, shown: str, root: Path, errors: list[DataError]) -> bool:
    """A symbolic link out of the repository (never followed, its target never read) or a name Windows
    reserves: one line, and the file is left out."""
    if path.is_symlink():
        try:
            inside = path.resolve(strict=True).is_relative_to(root.resolve())
        except (OSError, RuntimeError):
            inside = False
        if not inside:
            errors.append(DataError(shown, 1, 1, "file", "symbolic link to a file outside the repository (or to "
                                    "nothing): not read", "data files are real files in data/; copy the data in"))
            return True
    if WINDOWS_RESERVED.match(path.name.split(".")[0]):
        errors.append(DataError(shown, 1, 1, "file", f"'{path.name}' is a reserved file name on Windows",
                                "rename the file and its id (e.g. 'con-2024'): Windows cannot check it out"))
        return True
    return False


def _read_all(data_dir: Path, root: Path, errors: list[DataError], unreadable: dict[str, str]) -> list[RawEntry]:
    entries: list[RawEntry] = []
    if not data_dir.is_dir():
        errors.append(DataError(_display(data_dir, root), 1, 1, "data", "data folder not found", None))
        return entries
    if _refused(data_dir, _display(data_dir, root), root, errors):
        return entries
    for path in sorted(data_dir.iterdir()):
        shown = _display(path, root)
        if path.name.startswith(".") or path.name == "README.md":
            continue
        kind = path.name.split(".")[0]
        if _refused(path, shown, root, errors):
            unreadable.setdefault(kind, shown)
            continue
        if kind not in KINDS or (path.is_file() and path.suffix != ".yml"):
            errors.append(DataError(shown, 1, 1, "file", f"unexpected {'folder' if path.is_dir() else 'file'}",
                                    "data holds " + ", ".join(f"{k}/ or {k}.yml" for k in KINDS)))
            continue
        if path.is_file():
            loaded = _read(path, shown, errors)
            if loaded is None:
                unreadable.setdefault(kind, shown)
                continue
            if not isinstance(loaded.value, list):
                errors.append(DataError(shown, 1, 1, "file", f"data/{kind}.yml must be a list of entries",
                                        "start each entry with '- id: ...'"))
                continue
            for i, v in enumerate(loaded.value):
                if isinstance(v, dict):
                    entries.append(RawEntry(kind, shown, loaded, (i,), v))
                    continue
                m = loaded.mark_for((i,))
                errors.append(DataError(shown, m.line, m.col, str(i), "an entry is a mapping of fields",
                                        "start each entry with '- id: ...'"))
            continue
        for file in sorted(path.iterdir()):
            fshown = _display(file, root)
            if _refused(file, fshown, root, errors):
                unreadable.setdefault(kind, fshown)
                continue
            if file.suffix != ".yml" or not file.is_file():
                errors.append(DataError(fshown, 1, 1, "file", "unexpected file", "data files end in .yml"))
                continue
            loaded = _read(file, fshown, errors)
            if loaded is None:
                unreadable.setdefault(kind, fshown)
                continue
            if not isinstance(loaded.value, dict):  # never echo what a non-data file holds
                unreadable.setdefault(kind, fshown)
                errors.append(DataError(fshown, 1, 1, "file", f"data/{kind}/ files hold one entry, a mapping of "
                                        "fields", "start the file with 'id: ...' (see the other files there)"))
                continue
            entries.append(RawEntry(kind, fshown, loaded, (), loaded.value))
    return entries


_CACHE: dict[tuple[str, bytes], tuple[Loaded | None, list[DataError]]] = {}
"""Parsed files of the previous read, by (path, exact bytes): `mkdocs serve` re-parses only what changed."""
_SEEN: dict[tuple[str, bytes], tuple[Loaded | None, list[DataError]]] = {}


def _read(path: Path, shown: str, errors: list[DataError]) -> Loaded | None:
    raw = path.read_bytes()
    key = (shown, raw)
    result = _CACHE.get(key)
    if result is None:
        result = load_text(shown, raw)
    _SEEN[key] = result
    errors.extend(result[1])
    return result[0]


def _rotate_cache() -> None:
    """Keep only the files seen by the last read, so the cache never outgrows the data."""
    _CACHE.clear()
    _CACHE.update(_SEEN)
    _SEEN.clear()
