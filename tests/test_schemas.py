"""The committed JSON Schemas match the models, and every data file points at its schema."""

from __future__ import annotations

import json
import re

from conftest import ROOT
from dossier.model.schemas import dump, schemas
from dossier.render.pages import PAGE_KEYS
from dossier.validate.check import validate_project


def test_committed_schemas_are_up_to_date() -> None:
    committed = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "schemas").glob("*.json")}
    expected = {name: dump(schema) for name, schema in schemas(PAGE_KEYS, validate_project(ROOT)[0].languages).items()}
    assert committed.keys() == expected.keys(), "run `make schemas`"
    stale = [name for name in expected if committed[name] != expected[name]]
    assert stale == [], f"stale schemas {stale}: run `make schemas`"


def test_every_data_file_references_an_existing_schema() -> None:
    for path in (ROOT / "data").rglob("*.yml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        m = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert m, f"{path}: first line must reference its schema"
        target = (path.parent / m.group(1)).resolve()
        assert target.is_file(), f"{path}: {m.group(1)} does not exist"
        json.loads(target.read_text(encoding="utf-8"))
