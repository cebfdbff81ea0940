"""Finding and reading the data files: ``data/<kind>/<id>.yml`` (one entry) or ``data/<kind>.yml`` (a list)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dossier.errors import DataError
from dossier.load.yamlstrict import Loaded, load_text
from dossier.model.entities import KINDS


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


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def read_data_dir(data_dir: Path, root: Path, errors: list[DataError]) -> list[RawEntry]:
    """Parse every data file; unknown files and folders are errors too (a misplaced file is a lost edit)."""
    try:
        return _read_all(data_dir, root, errors)
    finally:
        _rotate_cache()


def _read_all(data_dir: Path, root: Path, errors: list[DataError]) -> list[RawEntry]:
    entries: list[RawEntry] = []
    if not data_dir.is_dir():
        errors.append(DataError(_display(data_dir, root), 1, 1, "data", "data folder not found", None))
        return entries
    for path in sorted(data_dir.iterdir()):
        shown = _display(path, root)
        if path.name.startswith(".") or path.name == "README.md":
            continue
        kind = path.stem if path.is_file() else path.name
        if kind not in KINDS or (path.is_file() and path.suffix != ".yml"):
            errors.append(DataError(shown, 1, 1, "file", f"unexpected {'folder' if path.is_dir() else 'file'}",
                                    "data holds " + ", ".join(f"{k}/ or {k}.yml" for k in KINDS)))
            continue
        if path.is_file():
            loaded = _read(path, shown, errors)
            if loaded is None:
                continue
            if not isinstance(loaded.value, list):
                errors.append(DataError(shown, 1, 1, "file", f"data/{kind}.yml must be a list of entries",
                                        "start each entry with '- id: ...'"))
                continue
            entries.extend(RawEntry(kind, shown, loaded, (i,), v) for i, v in enumerate(loaded.value))
            continue
        for file in sorted(path.iterdir()):
            fshown = _display(file, root)
            if file.suffix != ".yml" or not file.is_file():
                errors.append(DataError(fshown, 1, 1, "file", "unexpected file", "data files end in .yml"))
                continue
            loaded = _read(file, fshown, errors)
            if loaded is not None:
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
