"""Strict YAML loading: the only place that turns contributor bytes into Python values.

Why a loader of our own on top of PyYAML's *event* parser rather than ``yaml.safe_load``:
safe_load silently turns ``NO`` into ``False``, ``010`` into ``8`` and ``2024-04-17`` into a
``date``, accepts duplicate keys (the last one wins), expands aliases (billion laughs) and
forgets where each value came from. Here every scalar stays text unless it is unambiguous
(YAML 1.2 core ``true``/``false``/``null`` and plain decimal numbers), every node keeps its
``line:col``, and everything suspicious is an error, all of them collected in one pass.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import yaml

from dossier.errors import DataError

# libyaml's C parser when available (much faster on large data sets), pure Python otherwise.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 256 * 1024
"""A data file larger than this is refused: real entries are a few kilobytes."""
MAX_DEPTH = 12
"""Deepest nesting of mappings and sequences accepted in a data file."""
MAX_DIGITS = 15
"""Most digits a plain number may have: beyond it a float loses whole units and an integer is no count of
anything (per-unit ranges are documentary.yml's ``vocabularies.units``)."""

# YAML 1.1 scalars that other tools would read as booleans, nulls or numbers.
_YAML11_BOOL = re.compile(r"^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|True|TRUE|False|FALSE)$")
_NULLISH = re.compile(r"^(~|null|Null|NULL)$")
_INT = re.compile(r"^-?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^-?(0|[1-9][0-9]*)\.[0-9]+$")
# Octal, hex, sexagesimal, leading zeros, underscores, exponents, .inf/.nan: readers disagree.
_AMBIGUOUS_NUMBER = re.compile(
    r"^([-+]?0[0-9_]+|[-+]?0[xXoObB][0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?"
    r"|[-+]?[0-9][0-9_]*_[0-9_]*(\.[0-9_]*)?|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)[eE][-+]?[0-9]+"
    r"|\+[0-9.]+|[-+]?\.(inf|Inf|INF|nan|NaN|NAN))$"
)
# Characters that must never appear in data: C0/C1 controls (except tab and newline) and the
# Unicode bidirectional overrides and isolates used in "Trojan Source" spoofing.
_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


@dataclass(frozen=True)
class Mark:
    """A 1-based position in a data file."""

    line: int
    col: int


@dataclass
class Loaded:
    """A parsed data file: its value and the position of every node, keyed by path."""

    path: str
    value: Any
    marks: dict[tuple[Any, ...], Any] = field(default_factory=dict)
    """location -> the parser's mark of the node (converted to ``Mark`` only when an error needs it)."""
    key_marks: dict[tuple[Any, ...], Any] = field(default_factory=dict)
    refused: set[tuple[Any, ...]] = field(default_factory=set)
    """Locations whose value the loader already reported: the models' errors there would only repeat it."""
    validated: dict[tuple[Any, ...], Any] = field(default_factory=dict, repr=False, compare=False)
    """The valid models made of this file's entries (``validate.check``), kept with the parsed file: `mkdocs serve`
    validates again only the files whose bytes changed (``load.files``)."""

    def mark_for(self, loc: tuple[Any, ...]) -> Mark:
        """Position of the deepest node on ``loc`` that exists (missing fields point at their parent)."""
        loc = tuple(loc)
        while loc:
            if loc in self.marks:
                return _mark(self.marks[loc])
            loc = loc[:-1]
        return _mark(self.marks[()]) if () in self.marks else Mark(1, 1)

    def key_mark_for(self, loc: tuple[Any, ...]) -> Mark:
        """Position of the key that introduces ``loc`` (for unknown-field errors)."""
        key = self.key_marks.get(tuple(loc))
        return _mark(key) if key is not None else self.mark_for(loc)


def _mark(m: Any) -> Mark:
    return Mark(m.line + 1, m.column + 1)


def _where(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc) or "document"


def _pos(text: str, index: int) -> Mark:
    line = text.count("\n", 0, index) + 1
    col = index - (text.rfind("\n", 0, index) + 1) + 1
    return Mark(line, col)


INVISIBLE = ("\u00ad\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200d\u2060-\u2064\u206a-\u206f"
             "\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
             "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f")
"""Invisible format characters (Unicode category Cf, as character-class ranges; the bidirectional ones
and the BOM are refused before parsing, below): zero-width space and joiners, word joiner, soft hyphen,
invisible operators, tags. They look like nothing and make equal-looking names, ids and addresses
differ, so they are refused in every value and key, at their column. A documentary in a script that
needs ZWJ/ZWNJ inside words would relax this for its prose fields."""
_INVISIBLE = re.compile("[" + INVISIBLE + "]")

_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + _BIDI + "]|\r(?!\n)|(?<!^)\ufeff")


def _check_characters(path: str, text: str, errors: list[DataError]) -> bool:
    """Refuse control and bidirectional-override characters (one regular-expression scan)."""
    found = _FORBIDDEN.search(text)
    if found is None:
        return True
    ch, m = found.group(0)[0], _pos(text, found.start())
    if ch in _BIDI:
        errors.append(DataError(path, m.line, m.col, "text",
                                f"bidirectional control character U+{ord(ch):04X} is not allowed",
                                "it can make text display differently from what it says; delete it"))
    else:
        errors.append(DataError(path, m.line, m.col, "text", f"control character U+{ord(ch):04X} is not allowed",
                                "delete it (often pasted from a PDF or word processor)"))
    return False


def _in_file(text: str, ev: yaml.ScalarEvent, value: str, index: int) -> Mark:
    """Where character ``index`` of a scalar's value is in the file: found from the scalar's start (it is
    written literally unless escaped, and then the scalar's own position is the best there is)."""
    start, end = (ev.start_mark.index if ev.start_mark else 0), (ev.end_mark.index if ev.end_mark else len(text))
    found = text.find(value[index:index + 1], start, end) if index < len(value) else -1
    return _pos(text, found) if found >= 0 else _mark(ev.start_mark)


def _text_problem(path: str, text: str, ev: yaml.ScalarEvent, loc: tuple[Any, ...],
                  errors: list[DataError]) -> bool:
    """Invisible characters and decomposed (non-NFC) letters in a value: one error at the character."""
    value = ev.value
    hit = _INVISIBLE.search(value)
    if hit:
        ch = hit.group(0)
        m = _in_file(text, ev, value, hit.start())
        errors.append(DataError(path, m.line, m.col, _where(loc),
                                f"invisible character U+{ord(ch):04X} ({unicodedata.name(ch, 'format character')})"
                                " is not allowed", "it looks like nothing but makes equal-looking text differ; "
                                "delete it (often pasted from a web page or word processor)"))
        return True
    if value.isascii() or unicodedata.is_normalized("NFC", value):
        return False
    first = next(i for i in range(1, len(value) + 1)
                 if unicodedata.normalize("NFC", value[:i]) != value[:i] or i == len(value))
    first -= 1
    while first > 0 and unicodedata.combining(value[first]):
        first -= 1  # point at the letter the mark sits on, where the reader sees it
    m = _in_file(text, ev, value, first)
    errors.append(DataError(path, m.line, m.col, _where(loc),
                            f"decomposed letters (not Unicode NFC) in {value[first:first + 3]!r}: they look the "
                            "same but do not match in search, sorting or duplicate checks",
                            "run: .venv/bin/python scripts/nfc.py " + path))
    return True


def _number(path: str, ev: yaml.ScalarEvent, loc: tuple[Any, ...], errors: list[DataError]) -> Any:
    """A plain decimal number, or an error when it has more digits than any count or rate needs."""
    value = ev.value
    digits = sum(c.isdigit() for c in value)
    number: int | float | None = None
    if digits <= MAX_DIGITS:
        number = int(value) if _INT.match(value) else float(value)
    if number is None or not math.isfinite(number):
        m = _mark(ev.start_mark)
        errors.append(DataError(path, m.line, m.col, _where(loc), f"number of {digits} digits is out of range",
                                f"numbers have at most {MAX_DIGITS} digits; quote it if it is text"))
        return value
    return number


def _scalar(path: str, text: str, ev: yaml.ScalarEvent, loc: tuple[Any, ...], errors: list[DataError]) -> Any:
    """Turn a scalar event into a value without YAML 1.1 guesswork."""
    value = ev.value
    if not value.isascii():
        _text_problem(path, text, ev, loc, errors)
    if ev.style:  # quoted or block scalar: always text (libyaml reports plain as "")
        return value
    if value in ("true", "false"):
        return value == "true"
    if value == "" or _NULLISH.match(value):
        return None
    if _INT.match(value) or _FLOAT.match(value):
        return _number(path, ev, loc, errors)
    m, where = _mark(ev.start_mark), _where(loc)
    if _YAML11_BOOL.match(value):
        errors.append(
            DataError(path, m.line, m.col, where, f"ambiguous value {value!r}: YAML 1.1 tools read it as a boolean",
                      f"write true/false, or quote it (\"{value}\") if you mean the text")
        )
        return value
    if _AMBIGUOUS_NUMBER.match(value):
        errors.append(
            DataError(path, m.line, m.col, where, f"ambiguous number {value!r}: YAML tools disagree on its value",
                      f"quote it (\"{value}\") if it is text, or write a plain decimal number")
        )
        return value
    return value


def load_text(path: str, raw: bytes) -> tuple[Loaded | None, list[DataError]]:
    """Parse one data file strictly; return the value with positions, or the errors found."""
    errors: list[DataError] = []
    if len(raw) > MAX_BYTES:
        errors.append(DataError(path, 1, 1, "file", f"file is {len(raw):,} bytes; the limit is {MAX_BYTES:,}",
                                "split it into several files"))
        return None, errors
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = raw[: exc.start].decode("utf-8")
        m = _pos(prefix, len(prefix))
        errors.append(DataError(path, m.line, m.col, "file", f"not valid UTF-8 (byte 0x{raw[exc.start]:02X})",
                                "save the file as UTF-8"))
        return None, errors
    if text.startswith("\ufeff"):
        text = text[1:]
    if not _check_characters(path, text, errors):
        return None, errors
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        errors.append(DataError(path, 1, 1, "file", "file is empty", "delete the file or add its entry"))
        return None, errors

    loaded = Loaded(path=path, value=None)
    parser = _Loader(text)
    try:
        events = parser.get_event  # the parser's event stream, pulled one event at a time
        _expect(events(), yaml.StreamStartEvent)
        _expect(events(), yaml.DocumentStartEvent)
        loaded.value = _node(path, text, events(), events, (), loaded, errors, 0)
        _expect(events(), yaml.DocumentEndEvent)
        end = events()
        if not isinstance(end, yaml.StreamEndEvent):
            m = _mark(end.start_mark)
            errors.append(DataError(path, m.line, m.col, "file", "more than one YAML document in the file",
                                    "remove the '---' separator: one file holds one document"))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        m = _mark(mark) if mark else Mark(1, 1)
        problem = exc.problem or str(exc)
        msg = f"YAML syntax error: {problem}" + (f" ({exc.context})" if exc.context else "")
        errors.append(DataError(path, m.line, m.col, "syntax", msg,
                                "check indentation and quoting on this line and the one before"))
        return None, errors
    except yaml.YAMLError as exc:  # a reader error without a mark (rare)
        errors.append(DataError(path, 1, 1, "syntax", f"YAML syntax error: {exc}", None))
        return None, errors
    except _TooDeep as exc:
        errors.append(DataError(path, exc.mark.line, exc.mark.col, "file",
                                f"nesting deeper than {MAX_DEPTH} levels", "flatten the structure"))
        return None, errors
    finally:
        parser.dispose()
    return loaded, errors  # value-level problems are reported, and the models still run


class _TooDeep(Exception):
    def __init__(self, mark: Mark) -> None:
        self.mark = mark


def _expect(ev: yaml.Event, kind: type) -> None:
    if not isinstance(ev, kind):  # the parser guarantees the stream shape; this is our bug
        raise AssertionError(f"unexpected YAML event {ev!r}")


def _node(path: str, text: str, ev: Any, events: Any, loc: tuple[Any, ...], loaded: Loaded,
          errors: list[DataError], depth: int) -> Any:
    """Build the value of one node from the event stream, recording its position and any problem."""
    loaded.marks[loc] = ev.start_mark
    if isinstance(ev, yaml.AliasEvent):
        m = _mark(ev.start_mark)
        errors.append(DataError(path, m.line, m.col, _where(loc), f"alias '*{ev.anchor}' is not allowed",
                                "write the value out in full; anchors and aliases are refused"))
        return None
    if ev.anchor is not None:
        m = _mark(ev.start_mark)
        errors.append(DataError(path, m.line, m.col, _where(loc), f"anchor '&{ev.anchor}' is not allowed",
                                "write the value out in full; anchors and aliases are refused"))
    if ev.tag is not None:
        m = _mark(ev.start_mark)
        errors.append(DataError(path, m.line, m.col, _where(loc), f"explicit YAML tag '{ev.tag}' is not allowed",
                                "remove the tag; values are plain text, numbers, lists and mappings"))
    if isinstance(ev, yaml.ScalarEvent):
        before = len(errors)
        value = _scalar(path, text, ev, loc, errors)
        if len(errors) > before:
            loaded.refused.add(loc)
        return value
    if depth >= MAX_DEPTH:
        raise _TooDeep(_mark(ev.start_mark))
    if isinstance(ev, yaml.SequenceStartEvent):
        items: list[Any] = []
        while not isinstance(child := events(), yaml.SequenceEndEvent):
            items.append(_node(path, text, child, events, (*loc, len(items)), loaded, errors, depth + 1))
        return items
    if isinstance(ev, yaml.MappingStartEvent):
        mapping: dict[Any, Any] = {}
        while not isinstance(key_ev := events(), yaml.MappingEndEvent):
            if not isinstance(key_ev, yaml.ScalarEvent) or key_ev.tag is not None or key_ev.anchor is not None:
                km = _mark(key_ev.start_mark)
                errors.append(DataError(path, km.line, km.col, _where(loc), "mapping keys must be plain text",
                                        None))
                _node(path, text, key_ev, events, (*loc, "?"), loaded, errors, depth + 1)
                key = f"?{km.line}:{km.col}"
            else:
                key = key_ev.value
                if not key.isascii():
                    _text_problem(path, text, key_ev, (*loc, key), errors)
            here = (*loc, key)
            if key in mapping:
                km, first = _mark(key_ev.start_mark), _mark(loaded.key_marks[here])
                errors.append(DataError(path, km.line, km.col, _where(here),
                                        f"duplicate key '{key}' (first defined on line {first.line})",
                                        "keep one of the two"))
            else:
                loaded.key_marks[here] = key_ev.start_mark
            value = _node(path, text, events(), events, here, loaded, errors, depth + 1)
            if key not in mapping:
                mapping[key] = value
        return mapping
    raise AssertionError(f"unexpected YAML event {ev!r}")  # pragma: no cover - parser invariant
