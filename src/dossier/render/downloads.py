"""Open data: the data set as JSON and CSV with a Frictionless `datapackage.json`, from the same models."""

from __future__ import annotations

import csv
import functools
import io
import json
from collections.abc import Mapping
from typing import Any

from dossier.i18n import N_, Messages, messages
from dossier.model.dataset import Dataset
from dossier.model.entities import Figure
from dossier.model.kinds import DOWNLOADS, KINDS
from dossier.model.schemas import list_schema, schemas
from dossier.model.site import Documentary, UnitTerm
from dossier.render.pages import PAGE_KEYS
from dossier.render.values import figure_value

FIGURE_FIELDS: list[tuple[str, str, str]] = [
    ("id", "string", N_("identifier of the figure")),
    ("label", "string", N_("what is counted")),
    ("value", "number", N_("the number, empty when the source gives none")),
    ("unit", "string", N_("what the number counts: a unit of the documentary's vocabulary (e.g. people, percent)")),
    ("approximation", "string", N_("the source's hedge on the number, e.g. 'up to', 'almost'")),
    ("as_stated", "string", N_("the value in the source's own words, verbatim")),
    ("display", "string", N_("the value as the site writes it, e.g. 'approximately 17%'")),
    ("period_start", "string", N_("start of the period covered (YYYY, YYYY-MM or YYYY-MM-DD)")),
    ("period_end", "string", N_("end of the period covered")),
    ("period_label", "string", N_("the source's wording of the period")),
    ("series", "string", N_("the time series the figure is a point of, if any (see series.json)")),
    ("kind", "string", N_("the kind of statement the figure is (see schemas/figure.schema.json)")),
    ("stated_by", "string", N_("who states it, as kind/id (people/..., organisations/..., agreements/...)")),
    ("sources", "string", N_("ids of the sources, separated by ';'")),
    ("caveats", "string", N_("caveats, separated by ' | '")),
]


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet (Excel, LibreOffice, Google Sheets) run a cell as a formula (OWASP, "CSV Injection")."""


def neutral(cell: str) -> str:
    """A text cell that no spreadsheet runs: one starting like a formula gets a leading apostrophe, as OWASP
    recommends (the apostrophe is not shown by spreadsheets; the data README says how to strip it)."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


TEXT_COLUMNS = [i for i, (_, kind, _) in enumerate(FIGURE_FIELDS) if kind == "string"]
"""The text columns; the number column is a number (a leading '-' is a sign there), never neutralised."""


_DUMPED: dict[str, tuple[tuple[Any, ...], str]] = {}
"""kind -> (the entries dumped, the JSON): the same entries (the very objects: validated models are frozen, and
`mkdocs serve` keeps those of unchanged files) give the same download, in every edition and every rebuild."""


def _dump(kind: str, ds: Dataset) -> str:
    entries = tuple(dict.values(getattr(ds, kind)))
    last = _DUMPED.get(kind)
    if last is not None and len(last[0]) == len(entries) and all(a is b for a, b in zip(last[0], entries, strict=True)):
        return last[1]
    text = json.dumps([e.model_dump(mode="json") for e in entries], ensure_ascii=False, indent=1,
                      sort_keys=True) + "\n"
    _DUMPED[kind] = (entries, text)
    return text


def _figure_row(f: Figure, t: Messages, units: Mapping[str, UnitTerm]) -> list[str]:
    kind, sid = f.stated_by.key
    return [f.id, str(f.label), "" if f.value is None else str(f.value), f.unit or "", f.approximation or "",
            f.as_stated or "", figure_value(f, t, units),
            f.period.start.iso if f.period else "", f.period.end.iso if f.period else "",
            (f.period.label or "") if f.period else "", f.series or "", f.kind, f"{kind}/{sid}", ";".join(f.sources),
            " | ".join(str(c) for c in f.caveats)]


def figures_csv(figures: list[Figure], t: Messages, units: Mapping[str, UnitTerm]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([name for name, _, _ in FIGURE_FIELDS])
    for f in figures:
        row = _figure_row(f, t, units)
        for i in TEXT_COLUMNS:
            row[i] = neutral(row[i])
        writer.writerow(row)
    return out.getvalue()


CSV_NOTE = N_("Text cells that begin with =, +, -, @, a tab or a carriage return start with an added apostrophe (') "
             "so that spreadsheets do not run them as formulas (OWASP's advice on CSV injection); remove that one "
             "apostrophe to get the text as recorded. The JSON files hold every value unchanged.")

def _words(site: Documentary, language: str | None) -> Messages:
    """The catalogue and formats of the edition in ``language`` (the base edition's by default)."""
    return messages(site.edition(language or site.language).locale, site.catalogues)


def datapackage(ds: Dataset, site: Documentary, language: str | None = None) -> dict[str, Any]:
    t = _words(site, language)
    resources: list[dict[str, Any]] = [
        {"name": kind, "path": f"{kind}.json", "format": "json", "mediatype": "application/json",
         "encoding": "utf-8", "title": t.gettext(str(KINDS[kind].download)),
         "jsonschema": f"schemas/{list_schema(kind)}",
         "description": t.gettext("Every entry of data/%(kind)s as validated, one object per entry; fields are "
                                  "described in schemas/%(schema)s.", kind=kind,
                                  schema=f"{KINDS[kind].singular}.schema.json")}
        for kind in DOWNLOADS
    ]
    table = {"fields": [{"name": n, "type": kind, "description": t.gettext(d)} for n, kind, d in FIGURE_FIELDS],
             "primaryKey": ["id"], "missingValues": [""]}
    resources.append({
        "name": "figures-table", "path": "figures.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
        "profile": "tabular-data-resource", "title": t.gettext("Figures as a table"), "schema": table,
        "description": t.gettext(CSV_NOTE),
    })
    for sid, series in ds.series.items():
        if ds.figures_by_series.get(sid):
            resources.append({
                "name": f"series-{sid}", "path": f"series/{sid}.csv", "format": "csv", "mediatype": "text/csv",
                "encoding": "utf-8", "profile": "tabular-data-resource", "schema": table,
                "title": t.gettext("Time series: %(title)s", title=str(series.title)),
                "description": t.gettext(CSV_NOTE),
            })
    return {
        "profile": "data-package", "name": site.data_package.name,
        "title": str(site.data_package.title), "description": str(site.data_package.description),
        "licenses": [{"name": site.licence.id, "title": site.licence.title, "path": site.licence.url}],
        "resources": resources,
    }


def readme(ds: Dataset, site: Documentary, language: str | None = None) -> str:
    """data/README.txt: what the downloads are, their licence, and how the CSV files protect spreadsheets."""
    t = _words(site, language)
    lines = [str(site.data_package.title), "", str(site.data_package.description), "",
             t.gettext("Licence: %(licence)s (%(url)s).", licence=site.licence.title, url=site.licence.url), "",
             t.gettext("Files:")]
    lines += [f"- {kind}.json: {t.gettext(str(KINDS[kind].download))}" for kind in DOWNLOADS]
    described = [("figures.csv", t.gettext("Figures as a table")),
                 ("series/<id>.csv", t.gettext("Time series: %(title)s", title="<id>")),
                 ("datapackage.json", t.gettext("the Frictionless Data Package describing every file, field by field")),
                 ("schemas/", t.gettext("the JSON Schema of each kind of entry"))]
    lines += [f"- {name}: {text}" for name, text in described]
    lines += ["", t.gettext("CSV files:"), t.gettext(CSV_NOTE), ""]
    return "\n".join(lines)


def files(ds: Dataset, site: Documentary, language: str | None = None) -> dict[str, str]:
    """Site path -> content of every download."""
    out = {f"data/{kind}.json": _dump(kind, ds) for kind in DOWNLOADS}
    t = _words(site, language)  # each edition's downloads in its language (render inside types.edition)
    out["data/figures.csv"] = figures_csv(list(ds.figures.values()), t, site.vocabularies.units)
    for sid, points in ds.figures_by_series.items():
        out[f"data/series/{sid}.csv"] = figures_csv(points, t, site.vocabularies.units)
    out["data/README.txt"] = readme(ds, site, language)
    out["data/datapackage.json"] = json.dumps(datapackage(ds, site, language), ensure_ascii=False, indent=1) + "\n"
    out.update(schema_files(tuple(site.languages)))
    return out


@functools.lru_cache(maxsize=8)
def schema_files(languages: tuple[str, ...]) -> dict[str, str]:
    """Site path -> JSON Schema file: they depend only on the models and the languages, so every edition and
    every `mkdocs serve` rebuild shares them (the package's modules are imported again when its code changes)."""
    return {f"data/schemas/{name}": json.dumps(schema, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
            for name, schema in schemas(PAGE_KEYS, languages).items()}
