"""JSON Schema for every data kind, generated from the models, for contributors' editors."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from dossier.model.kinds import KINDS
from dossier.model.site import Documentary


def list_schema(kind: str) -> str:
    """File name of the schema of a list of entries of ``kind`` ('series' is its own singular)."""
    return f"{kind}-list.schema.json" if KINDS[kind].singular == kind else f"{kind}.schema.json"


def schemas(pages: Sequence[str] = ()) -> dict[str, dict[str, Any]]:
    """file name -> schema: ``<singular>.schema.json`` for one entry, ``<kind>.schema.json`` for a list.
    ``pages``: the generator's page types (``render.pages.PAGE_KEYS``), the keys documentary.yml's ``pages`` may
    have (the model layer does not know the page types)."""
    out: dict[str, dict[str, Any]] = {}
    for kind, declared in KINDS.items():
        entry = declared.model.model_json_schema(mode="validation")
        entry["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        entry["$id"] = f"{declared.singular}.schema.json"
        out[f"{declared.singular}.schema.json"] = entry
        many = list_schema(kind)
        out[many] = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": many,
            "title": f"data/{kind}.yml: a list of {kind}",
            "type": "array",
            "items": {"$ref": f"{declared.singular}.schema.json"},
        }
    config = Documentary.model_json_schema(mode="validation")
    config["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    config["$id"] = "documentary.schema.json"
    if pages:
        config["properties"]["pages"]["propertyNames"] = {"enum": list(pages)}
    out["documentary.schema.json"] = config
    return out


def dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
