"""Validation: strict loading, the models, then checks across files. Nothing is written here.

Every problem in the whole data set is collected before anything stops, so a contributor sees
all of them in one run (mkdocs' ``load_config`` does the same with configuration errors).
"""

from __future__ import annotations

import difflib
import functools
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from dossier.errors import DataError, DataInvalid
from dossier.load.files import RawEntry, read_data_dir
from dossier.load.yamlstrict import load_text
from dossier.model.dataset import Dataset
from dossier.model.entities import LEVEL, Strict
from dossier.model.kinds import KINDS
from dossier.model.site import Documentary
from dossier.model.types import SLUG, Ref
from dossier.render.pages import PAGE_TYPES, REQUIRED
from dossier.validate.plausible import check_plausibility


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _type_name(value: Any) -> str:
    return {bool: "a boolean", int: "a number", float: "a number", str: "text", list: "a list",
            dict: "a mapping", type(None): "nothing"}.get(type(value), type(value).__name__)


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """Model classes reachable from a field annotation (through Optional, list, Annotated)."""
    found: list[type[BaseModel]] = []
    stack = [annotation]
    while stack:
        a = stack.pop()
        if isinstance(a, type) and issubclass(a, BaseModel):
            found.append(a)
        stack.extend(typing.get_args(a))
    return found


def _refs_in(annotation: Any) -> list[Ref]:
    refs: list[Ref] = []
    stack = [annotation]
    while stack:
        a = stack.pop()
        if typing.get_origin(a) is typing.Annotated:
            refs.extend(m for m in a.__metadata__ if isinstance(m, Ref))
        if not isinstance(a, type) or typing.get_origin(a) is not None or isinstance(a, types.GenericAlias):
            stack.extend(typing.get_args(a))
    return refs


@functools.cache
def field_names(model: type[BaseModel]) -> list[str]:
    """Every field name of ``model`` and of the models inside it: what an unknown key may be a misspelling of."""
    names: set[str] = set()
    stack: list[type[BaseModel]] = [model]
    seen: set[type[BaseModel]] = set()
    while stack:
        model = stack.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            names.add(name)
            stack.extend(_models_in(info.annotation))
    return sorted(names)


def _message(err: dict[str, Any], loc: tuple[Any, ...], model: type[BaseModel]) -> tuple[str, str | None]:
    """Say a pydantic error in the contributor's terms, with a hint where one helps (``model``: the file's)."""
    kind, value = err["type"], err.get("input")
    name = str(loc[-1]) if loc else ""
    if kind == "missing":
        if name in ("sources", "source"):
            return (f"required field '{name}' is missing",
                    "every fact needs a source: list the id of an entry in data/sources/")
        return f"required field '{name}' is missing", None
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(name, field_names(model), n=1)
        return f"unknown field '{name}'", (f"did you mean '{close[0]}'?" if close else "remove it")
    if kind in ("string_type", "int_type", "float_type", "list_type", "model_type", "dict_type",
                "model_attributes_type"):
        expected = {"string_type": "text", "int_type": "a number", "float_type": "a number",
                    "list_type": "a list", "model_type": "a mapping", "dict_type": "a mapping",
                    "model_attributes_type": "a mapping"}[kind]
        hint = f'quote it: "{value}"' if expected == "text" and isinstance(value, (int, float, bool)) else None
        return f"expected {expected}, got {_type_name(value)} {_short(value)}", hint
    if kind == "literal_error":
        allowed = err.get("ctx", {}).get("expected", "")
        options = [o.strip(" '") for o in allowed.replace(" or ", ", ").split(",")]
        close = difflib.get_close_matches(str(value), options, n=1) if isinstance(value, str) else []
        return (f"{_short(value)} is not one of: {allowed}",
                f"did you mean '{close[0]}'?" if close else None)
    if kind == "string_pattern_mismatch":
        if name == "id" or loc[-2:-1] == ("id",) or err.get("ctx", {}).get("pattern") == SLUG:
            return f"{_short(value)} is not a valid id", "use lower-case ASCII letters, digits and hyphens"
        return f"{_short(value)} does not have the expected form ({err['ctx']['pattern']})", None
    if kind == "too_short" and name in ("sources", "roles", "tags"):
        return f"'{name}' is empty", ("every fact needs at least one source" if name == "sources" else None)
    if kind in HINTS:
        return err["msg"], HINTS[kind]
    return err["msg"], None


HINTS = {
    "url_credentials": "remove the 'user:password@' part: a published address must not carry credentials",
    "url_scheme": "copy the address from the browser's address bar; only https:// and http:// addresses are "
                  "accepted",
    "url_host": "copy the full address, e.g. https://www.example.org/...",
    "url_ip": "cite the document at its public address (a host name readers can reach), never an IP address",
    "url_private": "a local or reserved network's page is not a public source: cite its public address",
}
"""Hints for the custom errors of the field types, by error type."""


def _clean_loc(loc: tuple[Any, ...], raw: RawEntry, missing: bool) -> tuple[Any, ...]:
    """Drop pydantic's union-member labels ('int', 'function-plain[...]') from an error location."""
    out: list[Any] = []
    for part in loc:
        candidate = (*out, part)
        if (*raw.prefix, *candidate) in raw.loaded.marks or (missing and part == loc[-1]):
            out.append(part)
    return tuple(out)


def validate_entries(raws: list[RawEntry], errors: list[DataError],
                     languages: tuple[str, ...] | None = None) -> list[tuple[RawEntry, Strict]]:
    """Run each raw entry through its model, turning validation errors into ``DataError``s. ``languages``:
    the documentary's, base first (the keys its translatable texts may have)."""
    good: list[tuple[RawEntry, Strict]] = []
    for raw in raws:
        model = KINDS[raw.kind].model
        known = raw.loaded.validated  # the same bytes as a file validated before: the same (frozen) model
        key = (raw.prefix, model, languages)
        entry = known.get(key)
        if entry is None:
            entry = validate_raw(raw, model, errors, languages)
            if entry is not None:
                known[key] = entry
        if entry is not None:
            good.append((raw, entry))
    return good


M = typing.TypeVar("M", bound=BaseModel)


def validate_raw(raw: RawEntry, model: type[M], errors: list[DataError],
                 languages: tuple[str, ...] | None = None) -> M | None:
    """One raw entry through ``model``; its errors, in the contributor's terms, go to ``errors``."""
    try:
        return model.model_validate(raw.value, context={"languages": languages} if languages else None)
    except ValidationError as exc:
        seen: set[tuple[Any, ...]] = set()
        for err in exc.errors(include_url=False):
            loc = _clean_loc(tuple(err["loc"]), raw, err["type"] == "missing")
            at = (err.get("ctx") or {}).get("field")
            if at and (*raw.prefix, *loc, at) in raw.loaded.marks:
                loc = (*loc, at)  # a rule over several fields points at the one to change
            full = (*raw.prefix, *loc)
            if loc in seen or any(full[:n] in raw.loaded.refused for n in range(len(full) + 1)):
                continue
            seen.add(loc)
            message, hint = _message(dict(err), loc, model)
            errors.append(raw.error(loc, message, hint, key=err["type"] == "extra_forbidden"))
        return None


RefHit = tuple[tuple[Any, ...], str, str]


@functools.cache
def _ref_plan(model: type[BaseModel]) -> list[tuple[str, list[Ref], list[type[BaseModel]]]]:
    """For each field of a model: the references and sub-models it may hold (computed once per model)."""
    plan = []
    for name, info in model.model_fields.items():
        refs = _refs_in(info.annotation) + [m for m in info.metadata if isinstance(m, Ref)]
        models = _models_in(info.annotation)
        if refs or models:
            plan.append((name, refs, models))
    return plan


def _walk_refs(model: type[BaseModel], raw: Any, loc: tuple[Any, ...]) -> typing.Iterator[RefHit]:
    """Yield (location, kind, id) for every reference in a raw entry, guided by its model.

    Works on the raw values so that references are checked even in entries that fail validation.
    """
    if not isinstance(raw, dict):
        return
    for name, refs, models in _ref_plan(model):
        value = raw.get(name)
        if value is None:
            continue
        values = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for i, v in values:
            here = (*loc, name) if i is None else (*loc, name, i)
            if isinstance(v, dict) and models:
                yield from _walk_refs(models[0], v, here)
            elif refs and isinstance(v, str):
                yield here, refs[0].kind, v


def _refs_of(raw: RawEntry) -> list[RefHit]:
    """Every reference the entry makes, found once per parsed file (kept with it, as its models are)."""
    key = ("refs", raw.prefix)
    if key not in raw.loaded.validated:
        raw.loaded.validated[key] = list(_walk_refs(KINDS[raw.kind].model, raw.value, ()))
    refs: list[RefHit] = raw.loaded.validated[key]
    return refs


def check_references(raws: list[RawEntry], errors: list[DataError],
                     unreadable: dict[str, str] | None = None) -> set[int]:
    """Duplicate ids, file names that disagree with ids, and references to missing entries.

    Returns the ``id()`` of every raw entry with a missing reference: plausibility checks skip them,
    so one typo gives one error, not a cascade.
    """
    broken: set[int] = set()
    unreadable = unreadable or {}
    lists = {raw.kind: raw.display_path for raw in raws if not raw.one_per_file}
    """The kinds kept in one list file (data/tags.yml), and that file: where a missing entry is added."""
    unchecked: dict[str, int] = {}
    ids: dict[str, dict[str, RawEntry]] = {kind: {} for kind in KINDS}
    for raw in raws:
        eid = raw.value.get("id") if isinstance(raw.value, dict) else None
        if not isinstance(eid, str):
            continue
        if eid in ids[raw.kind]:
            first = ids[raw.kind][eid]
            errors.append(raw.error(("id",), f"duplicate id '{eid}' (also in {first.display_path})",
                                    "ids must be unique within data/" + raw.kind))
        else:
            ids[raw.kind][eid] = raw
        if raw.one_per_file and raw.file_stem != eid:
            errors.append(raw.error(("id",), f"id '{eid}' does not match the file name '{raw.file_stem}.yml'",
                                    f"rename the file to {eid}.yml or change the id"))
        items = raw.value.get("items")
        item_ids = [i.get("id") for i in items if isinstance(i, dict)] if isinstance(items, list) else []
        for i, item_id in enumerate(item_ids):
            if item_id in item_ids[:i]:
                errors.append(raw.error(("items", i, "id"), f"duplicate item id '{item_id}'"))
    edges: dict[tuple[str, str], list[tuple[tuple[str, str], RawEntry, tuple[Any, ...]]]] = {}
    for raw in raws:
        eid = raw.value.get("id") if isinstance(raw.value, dict) else None
        source = (raw.kind, eid) if isinstance(eid, str) else None
        for loc, kind, target in _refs_of(raw):
            if source:
                edges.setdefault(source, []).append(((kind, target), raw, loc))
            if target in ids[kind]:
                continue
            if kind in unreadable:
                unchecked[kind] = unchecked.get(kind, 0) + 1
                broken.add(id(raw))
                continue
            broken.add(id(raw))
            close = difflib.get_close_matches(target, list(ids[kind]), n=1, cutoff=0.6)
            where = f"add it to {lists[kind]}" if kind in lists else f"add data/{kind}/{target}.yml"
            hint = f"did you mean '{close[0]}'?" if close else f"{where} or fix the id"
            errors.append(raw.error(loc, f"no {KINDS[kind].singular} with id '{target}'", hint))
        item = raw.value.get("item") if raw.kind == "corrections" and isinstance(raw.value, dict) else None
        if isinstance(item, str):
            kind, _, target = item.partition("/")
            if source:
                edges.setdefault(source, []).append(((kind, target), raw, ("item",)))
            if kind in unreadable and target not in ids.get(kind, {}):
                unchecked[kind] = unchecked.get(kind, 0) + 1
                broken.add(id(raw))
            elif kind not in ids or target not in ids[kind]:
                broken.add(id(raw))
                errors.append(raw.error(("item",), f"no entry '{item}'", "write it as kind/id, e.g. 'quotes/some-id'"))
    for kind, n in unchecked.items():
        errors.append(DataError(unreadable[kind], 1, 1, "references",
                                f"{n} reference{'s' if n != 1 else ''} to {kind} not checked: this file could not be "
                                "read", "fix this file's own error first", followup=True))
    broken |= _check_cycles(edges, errors)
    return broken


def _check_cycles(edges: dict[tuple[str, str], list[tuple[tuple[str, str], RawEntry, tuple[Any, ...]]]],
                  errors: list[DataError]) -> set[int]:
    """An entry that refers to itself, or a ring of entries each referring to the next (a correction of a
    correction of the first): each is an error at the reference that closes it."""
    broken: set[int] = set()
    state: dict[tuple[str, str], int] = {}  # 1: on the current path, 2: done
    for start in sorted(edges):
        if state.get(start):
            continue
        path: list[tuple[str, str]] = [start]
        stack = [iter(edges.get(start, []))]
        state[start] = 1
        while stack:
            step = next(stack[-1], None)
            if step is None:
                state[path.pop()] = 2
                stack.pop()
                continue
            target, raw, loc = step
            if state.get(target) == 1:
                ring = path[path.index(target):]
                broken.add(id(raw))
                what = ("refers to itself" if len(ring) == 1 else
                        "closes a cycle of references: " + " -> ".join(f"{k}/{i}" for k, i in [*ring, target]))
                errors.append(raw.error(loc, f"{ring[-1][0]}/{ring[-1][1]} {what}",
                                        "an entry cannot be its own correction, successor or source: point at "
                                        "another entry"))
            elif not state.get(target) and target in edges:
                state[target] = 1
                path.append(target)
                stack.append(iter(edges[target]))
    return broken


CONFIG = "documentary.yml"
"""The documentary's own configuration, beside mkdocs.yml (see ``dossier.model.site``)."""


def read_documentary(root: Path, errors: list[DataError]) -> Documentary | None:
    """Load and validate ``root/documentary.yml``; its errors go to ``errors`` like the data's."""
    raw = _documentary_raw(root, errors)
    site = validate_raw(raw, Documentary, errors, declared_languages(raw)) if raw is not None else None
    if site is not None and raw is not None and not check_pages(site, raw, errors):
        return None
    return site.with_catalogues(root) if site is not None else None


def declared_languages(raw: RawEntry) -> tuple[str, ...] | None:
    """The languages documentary.yml declares (``language``, then each edition's), read before it is
    validated: its own texts may be in those. None when they cannot be read (their errors come from the model)."""
    value = raw.value if isinstance(raw.value, dict) else {}
    editions = value.get("editions") or []
    languages = [value.get("language"), *(e.get("language") for e in editions if isinstance(e, dict))] \
        if isinstance(editions, list) else []
    return tuple(str(lang) for lang in languages) if languages and all(isinstance(lang, str) for lang in languages) \
        else None


def check_pages(site: Documentary, raw: RawEntry, errors: list[DataError]) -> bool:
    """Every key of ``pages`` is a page type of the generator (``render.pages.PAGE_TYPES``), and every
    required one is there. False when one is not."""
    known = [p.key for p in PAGE_TYPES]
    required = " and ".join(f"'{key}'" for key in REQUIRED)
    ok, suggested = True, set()
    for key in site.pages:
        if key not in known:
            close = difflib.get_close_matches(key, known, n=1)
            suggested.update(close)  # a misspelt page is one error, not also a missing one
            errors.append(raw.error(("pages", key), f"unknown page '{key}'",
                                    f"did you mean '{close[0]}'?" if close else "use one of: " + ", ".join(known),
                                    key=True))
            ok = False
    missing = [key for key in REQUIRED if key not in site.pages and key not in suggested]
    if missing:
        errors.append(raw.error(("pages",), f"'{missing[0]}' is missing (every documentary has {required})"))
        ok = False
    return ok


def _documentary_raw(root: Path, errors: list[DataError]) -> RawEntry | None:
    path = root / CONFIG
    if not path.is_file():
        errors.append(DataError(CONFIG, 1, 1, "file", "missing", "copy documentary.yml from an existing "
                                "documentary (see README: Start your own documentary)"))
        return None
    loaded, load_errors = load_text(CONFIG, path.read_bytes())
    errors.extend(load_errors)
    return RawEntry("documentary", CONFIG, loaded, (), loaded.value) if loaded is not None else None


def check_documentary(site: Documentary, raw: RawEntry, dataset: Dataset, errors: list[DataError]) -> None:
    """What the configuration names must exist in the data, and a page left out must have nothing to show."""
    for page in PAGE_TYPES:
        held = [(kind, len(getattr(dataset, kind))) for kind in page.shows if getattr(dataset, kind)]
        if page.key not in site.pages and held:
            kind, n = held[0]
            where = sorted({path for (k, _), path in dataset.origin.items() if k == kind})
            errors.append(raw.error(("pages",), f"'{page.key}' is missing, and {where[0]}"
                                    f"{' and others' if len(where) > 1 else ''} hold{'s' if len(where) == 1 else ''} "
                                    f"{n} {KINDS[kind].singular if n == 1 else kind}",
                                    f"add pages.{page.key} (title and description), or remove those entries"))
    if site.featured_series and not dataset.figures_by_series.get(site.featured_series):
        close = difflib.get_close_matches(site.featured_series, list(dataset.series), n=1)
        errors.append(raw.error(("featured_series",), f"no series with points and id '{site.featured_series}'",
                                f"did you mean '{close[0]}'?" if close else "add it to data/series/"))
    if site.context_tag and site.context_tag not in dataset.tags:
        close = difflib.get_close_matches(site.context_tag, list(dataset.tags), n=1)
        errors.append(raw.error(("context_tag",), f"no tag with id '{site.context_tag}'",
                                f"did you mean '{close[0]}'?" if close else "add it to data/tags.yml"))


def validate_project(root: Path) -> tuple[Documentary, Dataset]:
    """The documentary's configuration and its data, every error of both collected before stopping."""
    errors: list[DataError] = []
    raw = _documentary_raw(root, errors)
    site = validate_raw(raw, Documentary, errors, declared_languages(raw)) if raw is not None else None
    if site is not None and raw is not None and not check_pages(site, raw, errors):
        site = None
    if site is not None:
        site.with_catalogues(root)
    try:
        dataset = validate(root / "data", root=root, site=site)
    except DataInvalid as exc:
        raise DataInvalid(errors + exc.errors) from None
    if site is not None and raw is not None:
        check_documentary(site, raw, dataset, errors)
    if errors or site is None:
        raise DataInvalid(errors)
    return site, dataset


VOCABULARY_FIELDS: list[tuple[str, tuple[str, ...], str]] = [
    ("sources", ("kind",), "source_kinds"), ("figures", ("kind",), "figure_kinds"),
    ("publishers", ("kind",), "publisher_kinds"),
    ("agreements", ("kind",), "agreement_kinds"), ("events", ("participants", "*", "part"), "parts"),
    ("figures", ("unit",), "units"), ("series", ("unit",), "units"),
]
"""(kind, field path, vocabulary) of every field whose value is a term of documentary.yml's vocabularies."""


def check_vocabularies(raws: list[RawEntry], site: Documentary, errors: list[DataError]) -> None:
    """Every vocabulary term the data uses is defined in documentary.yml (with a 'did you mean' hint).

    Works on the raw values, like the reference check, so an entry that fails its model for
    another reason still has its unknown terms reported in the same run.
    """
    for raw in raws:
        for kind, path, vocabulary in VOCABULARY_FIELDS:
            if raw.kind != kind or not isinstance(raw.value, dict):
                continue
            terms = getattr(site.vocabularies, vocabulary)
            holders: list[tuple[tuple[Any, ...], Any]]
            if path[1:2] == ("*",):
                listed = raw.value.get(path[0])
                holders = [((path[0], i), item) for i, item in enumerate(listed)] if isinstance(listed, list) else []
            else:
                holders = [((), raw.value)]
            for prefix, holder in holders:
                value = holder.get(path[-1]) if isinstance(holder, dict) else None
                if not isinstance(value, str) or value in terms or (kind, value) == ("series", LEVEL):
                    continue
                loc = (*prefix, path[-1])
                close = difflib.get_close_matches(value, list(terms), n=1)
                errors.append(raw.error(loc, f"'{value}' is not in vocabularies.{vocabulary} of documentary.yml",
                                        f"did you mean '{close[0]}'?" if close else
                                        f"use one of: {', '.join(terms)}, or add it there"))


def validate(data_dir: Path, root: Path | None = None, site: Documentary | None = None) -> Dataset:
    """Load, validate and cross-check ``data_dir`` (against ``site``'s vocabularies when given);
    raise ``DataInvalid`` with every error found."""
    errors: list[DataError] = []
    unreadable: dict[str, str] = {}
    raws = read_data_dir(data_dir, root or data_dir.parent, errors, unreadable)
    good = validate_entries(raws, errors, site.languages if site else None)
    broken = check_references(raws, errors, unreadable)
    sound = [(raw, entry) for raw, entry in good if id(raw) not in broken]
    measured = {k for k, term in site.vocabularies.figure_kinds.items() if term.measured} if site else set()
    check_plausibility(sound, errors, measured_kinds=measured, units=site.vocabularies.units if site else None)
    if site is not None:
        check_vocabularies(raws, site, errors)
    if errors:
        raise DataInvalid(errors)
    return Dataset.from_entries([(raw.kind, raw.display_path, entry) for raw, entry in good],
                                [raw.value for raw, _ in good])
