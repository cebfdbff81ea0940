"""JSON Schema for every data kind, generated from the models, for contributors' editors."""

from __future__ import annotations

import json
from typing import Any

from dossier.model.entities import KINDS
from dossier.model.site import Documentary

SINGULAR = {"tags": "tag", "glossary": "term", "publishers": "publisher", "sources": "source",
            "organisations": "organisation", "people": "person",
            "events": "event", "agreements": "agreement", "reports": "report", "figures": "figure", "series": "series",
            "quotes": "quote", "corrections": "correction"}


def list_schema(kind: str) -> str:
    """File name of the schema of a list of entries of ``kind`` ('series' is its own singular)."""
    return f"{kind}-list.schema.json" if SINGULAR[kind] == kind else f"{kind}.schema.json"


def schemas() -> dict[str, dict[str, Any]]:
    """file name -> schema: ``<singular>.schema.json`` for one entry, ``<kind>.schema.json`` for a list."""
    out: dict[str, dict[str, Any]] = {}
    for kind, model in KINDS.items():
        entry = model.model_json_schema(mode="validation")
        entry["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        entry["$id"] = f"{SINGULAR[kind]}.schema.json"
        out[f"{SINGULAR[kind]}.schema.json"] = entry
        many = list_schema(kind)
        out[many] = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": many,
            "title": f"data/{kind}.yml: a list of {kind}",
            "type": "array",
            "items": {"$ref": f"{SINGULAR[kind]}.schema.json"},
        }
    config = Documentary.model_json_schema(mode="validation")
    config["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    config["$id"] = "documentary.schema.json"
    out["documentary.schema.json"] = config
    return out


def dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
