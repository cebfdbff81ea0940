"""Open data: the data set as JSON and CSV with a Frictionless `datapackage.json`, from the same models."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from dossier.model.dataset import Dataset
from dossier.model.entities import Figure
from dossier.model.schemas import SINGULAR, schemas
from dossier.model.site import Documentary
from dossier.render.values import figure_value

JSON_KINDS = ("events", "people", "agreements", "figures", "quotes", "sources")
FIGURE_FIELDS: list[tuple[str, str, str]] = [
    ("id", "string", "identifier of the figure"),
    ("label", "string", "what is counted"),
    ("value", "number", "the number, empty when the source gives none"),
    ("unit", "string", "what the number counts: people, percent or times"),
    ("approximation", "string", "the source's hedge on the number, e.g. 'up to', 'almost'"),
    ("as_stated", "string", "the value in the source's own words, verbatim"),
    ("display", "string", "the value as the site writes it, e.g. 'approximately 17%'"),
    ("period_start", "string", "start of the period covered (YYYY, YYYY-MM or YYYY-MM-DD)"),
    ("period_end", "string", "end of the period covered"),
    ("period_label", "string", "the source's wording of the period"),
    ("kind", "string", "official statistic, government claim, government projection, or NGO or media report"),
    ("stated_by", "string", "who states it, as kind/id (people/..., organisations/..., agreements/...)"),
    ("sources", "string", "ids of the sources, separated by ';'"),
    ("caveats", "string", "caveats, separated by ' | '"),
]


def _dump(kind: str, ds: Dataset) -> str:
    entries = [e.model_dump(mode="json") for e in getattr(ds, kind).values()]
    return json.dumps(entries, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _figure_row(f: Figure) -> list[str]:
    kind, sid = f.stated_by.key
    return [f.id, str(f.label), "" if f.value is None else str(f.value), f.unit or "", f.approximation or "",
            f.as_stated or "", figure_value(f),
            f.period.start.iso if f.period else "", f.period.end.iso if f.period else "",
            (f.period.label or "") if f.period else "", f.kind, f"{kind}/{sid}", ";".join(f.sources),
            " | ".join(str(c) for c in f.caveats)]


def figures_csv(ds: Dataset) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([name for name, _, _ in FIGURE_FIELDS])
    writer.writerows(_figure_row(f) for f in ds.figures.values())
    return out.getvalue()


def datapackage(ds: Dataset, site: Documentary) -> dict[str, Any]:
    resources: list[dict[str, Any]] = [
        {"name": kind, "path": f"{kind}.json", "format": "json", "mediatype": "application/json",
         "encoding": "utf-8", "title": f"All {kind}", "jsonschema": f"schemas/{kind}.schema.json",
         "description": f"Every entry of data/{kind} as validated, one object per entry; fields are described "
                        f"in schemas/{SINGULAR[kind]}.schema.json."}
        for kind in JSON_KINDS
    ]
    resources.append({
        "name": "figures-table", "path": "figures.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
        "profile": "tabular-data-resource", "title": "Figures as a table",
        "schema": {"fields": [{"name": n, "type": t, "description": d} for n, t, d in FIGURE_FIELDS],
                   "primaryKey": ["id"], "missingValues": [""]},
    })
    return {
        "profile": "data-package", "name": site.data_package.name,
        "title": str(site.data_package.title), "description": str(site.data_package.description),
        "licenses": [{"name": site.licence.id, "title": site.licence.title, "path": site.licence.url}],
        "resources": resources,
    }


def files(ds: Dataset, site: Documentary) -> dict[str, str]:
    """Site path -> content of every download."""
    out = {f"data/{kind}.json": _dump(kind, ds) for kind in JSON_KINDS}
    out["data/figures.csv"] = figures_csv(ds)
    out["data/datapackage.json"] = json.dumps(datapackage(ds, site), ensure_ascii=False, indent=1) + "\n"
    for name, schema in schemas().items():
        out[f"data/schemas/{name}"] = json.dumps(schema, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    return out
