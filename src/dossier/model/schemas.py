"""JSON Schema for every data kind, generated from the models, for contributors' editors."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from dossier.model.kinds import KINDS
from dossier.model.site import Documentary
from dossier.model.types import TEXT_OBJECT


def list_schema(kind: str) -> str:
    """File name of the schema of a list of entries of ``kind`` ('series' is its own singular)."""
    return f"{kind}-list.schema.json" if KINDS[kind].singular == kind else f"{kind}.schema.json"


def schemas(pages: Sequence[str] = (), languages: Sequence[str] = ()) -> dict[str, dict[str, Any]]:
    """file name -> schema: ``<singular>.schema.json`` for one entry, ``<kind>.schema.json`` for a list.
    ``pages``: the generator's page types (``render.pages.PAGE_KEYS``), the keys documentary.yml's ``pages`` may
    have (the model layer does not know the page types); ``languages``: a documentary's languages, base first,
    the keys its translatable texts may have (else any language code)."""
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
    return {name: _with_languages(schema, languages) for name, schema in out.items()} if languages else out


def _with_languages(node: Any, languages: Sequence[str]) -> Any:
    """The schema with each translatable text's object form listing exactly ``languages`` (the first required)."""
    if isinstance(node, list):
        return [_with_languages(item, languages) for item in node]
    if not isinstance(node, dict):
        return node
    if node.get("$comment") == TEXT_OBJECT:
        return {"type": "object", "properties": {lang: {"type": "string", "minLength": 1} for lang in languages},
                "required": [languages[0]], "additionalProperties": False}
    return {key: _with_languages(value, languages) for key, value in node.items()}


def dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
