"""schema.org JSON-LD for each page type, built from the models (never from rendered HTML).

Every property is used on a type whose schema.org definition has it (``make audit`` checks each page's
data against schema.org's published types with schema-dts): ``inLanguage`` only on creative works and
events (a person's page is a ProfilePage about the Person, a year of the timeline a CollectionPage whose
main entity is the ItemList), sources of a role are the person's ``subjectOf`` (a Role has no citation),
and no property is null or an empty list.
"""

from __future__ import annotations

import json
from typing import Any

from babel import Locale

from dossier.i18n import Messages
from dossier.model.dataset import Dataset
from dossier.model.entities import Agreement, Event, Person, Role, Source
from dossier.model.site import Documentary
from dossier.render.values import figure_value

CONTEXT = "https://schema.org"


LANGUAGE_TYPES = frozenset({"CollectionPage", "ProfilePage", "WebPage", "Dataset", "CreativeWork", "Report", "Event"})
"""The types of our pages' data that schema.org gives ``inLanguage`` (CreativeWork and Event)."""


def clean(value: Any) -> Any:
    """The data without null values, empty strings and empty lists or objects (schema.org has no use for
    them, and validators reject nulls)."""
    if isinstance(value, dict):
        out = {k: clean(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v not in (None, "", [], {})}
    if isinstance(value, list):
        return [v for v in (clean(v) for v in value) if v not in (None, "", [], {})]
    return value


def page(data: dict[str, Any], language: str) -> dict[str, Any]:
    """A page's data in its edition's language: ``inLanguage`` where the type has it."""
    if data.get("@type") in LANGUAGE_TYPES:
        data = {**data, "inLanguage": language}
    return clean(data)


def dumps(data: dict[str, Any]) -> str:
    """JSON safe to place inside <script type="application/ld+json"> (no '<', '>' or '&' left raw)."""
    text = json.dumps(clean(data), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def source(s: Source) -> dict[str, Any]:
    return {"@type": "CreativeWork", "name": str(s.title), "url": s.url, "datePublished": s.published.iso,
            "publisher": {"@type": "Organization", "name": s.publisher}, "inLanguage": s.language}


def _person_ref(ds: Dataset, pid: str, url: str | None = None) -> dict[str, Any]:
    p = ds.people[pid]
    out: dict[str, Any] = {"@type": "Person", "name": p.name}
    if p.ascii_name:
        out["alternateName"] = p.ascii_name
    if url:
        out["url"] = url
    return out


def _role(ds: Dataset, r: Role, t: Messages) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "OrganizationRole", "roleName": str(r.title),
                           "memberOf": {"@type": "Organization", "name": str(ds.organisations[r.organisation].name)}}
    if r.start:
        out["startDate"] = r.start.iso
    if r.end:
        out["endDate"] = r.end.iso
    if r.attested:
        out["description"] = t.gettext("In this post on %(dates)s (per the sources)",
                                       dates=", ".join(t.date(d) for d in r.attested))
    return out


def event(ds: Dataset, e: Event) -> dict[str, Any]:
    out: dict[str, Any] = {"@context": CONTEXT, "@type": "Event", "name": str(e.title), "startDate": e.date.iso,
                           "description": str(e.summary),
                           "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
                           "attendee": [_person_ref(ds, p.person) for p in e.participants],
                           "subjectOf": [source(ds.sources[s]) for s in e.sources]}
    if e.end:
        out["endDate"] = e.end.iso
    if e.place:
        out["location"] = {"@type": "Place", "name": str(e.place)}
    return out


def timeline(name: str, events: list[Event]) -> dict[str, Any]:
    """One year of the timeline: a collection page whose main entity is the list of its events, in order."""
    return {"@context": CONTEXT, "@type": "CollectionPage", "name": name,
            "mainEntity": {"@type": "ItemList", "name": name, "numberOfItems": len(events),
                           "itemListElement": [{"@type": "ListItem", "position": i + 1,
                                                "item": {"@type": "Event", "name": str(e.title),
                                                         "startDate": e.date.iso}}
                                               for i, e in enumerate(events)]}}


def country(code: str, language: str) -> dict[str, Any]:
    """A Country by its name in the edition's language (CLDR, through Babel) and its ISO 3166 code."""
    name = Locale.parse(language).territories.get(code, code)
    return {"@type": "Country", "name": name, "identifier": code}


def person(ds: Dataset, p: Person, t: Messages, language: str) -> dict[str, Any]:
    """A person's page: a ProfilePage about the Person, with the posts held and every source of them."""
    cited = list(dict.fromkeys([*p.sources, *(s for r in p.roles for s in r.sources)]))
    subject = {**_person_ref(ds, p.id), "nationality": country(p.country, language),
               "memberOf": [_role(ds, r, t) for r in p.roles],
               "subjectOf": [source(ds.sources[s]) for s in cited]}
    return {"@context": CONTEXT, "@type": "ProfilePage", "name": p.name, "mainEntity": subject}


def agreement(ds: Dataset, a: Agreement, labels: Any) -> dict[str, Any]:
    genre = labels.agreement_kinds[a.kind]
    return {"@context": CONTEXT, "@type": "CreativeWork", "name": str(a.title), "genre": genre,
            "dateCreated": a.date.iso, "abstract": str(a.summary),
            "contributor": [_person_ref(ds, s.person) for s in a.signatories],
            "hasPart": [{"@type": "CreativeWork", "name": str(i.text), "identifier": i.id} for i in a.items],
            "citation": [source(ds.sources[s]) for s in a.sources]}


FORMATS = {"csv": "text/csv", "json": "application/json"}


def figures(ds: Dataset, site: Documentary, t: Messages, labels: Any, url: str = "",
            downloads: list[str] | None = None) -> dict[str, Any]:
    """``labels``: the vocabulary labels of the edition (``Renderer.labels``); ``url``: the page's address;
    ``downloads``: the address of each data file, one DataDownload each."""
    text = site.figures_dataset
    return {"@context": CONTEXT, "@type": "Dataset", "name": str(text.title), "description": str(text.description),
            "license": site.licence.url, "url": url,
            "creator": {"@type": "Organization", "name": str(site.author)},
            "distribution": [{"@type": "DataDownload", "contentUrl": d,
                              "encodingFormat": FORMATS[d.rsplit(".", 1)[-1]]} for d in downloads or []],
            "variableMeasured": [{"@type": "PropertyValue", "name": str(f.label), "value": f.value,
                                  "valueReference": figure_value(f, t, site.vocabularies.units), "unitText": f.unit,
                                  "measurementTechnique": labels.figure_kinds[f.kind]}
                                 for f in ds.figures.values()],
            "citation": [source(ds.sources[s]) for s in sorted({s for f in ds.figures.values() for s in f.sources})]}


def context(ds: Dataset, name: str, tag: str | None) -> dict[str, Any]:
    """The context page as the reports it quotes (title, author, date, address); the quotations themselves
    are on the page and in quotes.json, not repeated here, so the page stays light as they grow."""
    reports = {q.report for q in ds.quotes.values() if q.report and tag in q.tags}
    return {"@context": CONTEXT, "@type": "CollectionPage", "name": name,
            "hasPart": [{"@type": "Report", "name": str(r.title), "datePublished": r.published.iso,
                         "author": {"@type": "Organization", "name": str(ds.organisations[r.author].name)},
                         "url": ds.sources[r.sources[0]].url}
                        for rid, r in ds.reports.items() if rid in reports]}


def collection(name: str, description: str) -> dict[str, Any]:
    return {"@context": CONTEXT, "@type": "CollectionPage", "name": name, "description": description}
