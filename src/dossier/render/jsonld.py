"""schema.org JSON-LD for each page type, built from the models (never from rendered HTML)."""

from __future__ import annotations

import json
from typing import Any

from dossier.i18n import Messages
from dossier.model.dataset import Dataset
from dossier.model.entities import Agreement, Event, Person, Role, Source
from dossier.model.site import Documentary
from dossier.render.values import figure_value

CONTEXT = "https://schema.org"


def dumps(data: dict[str, Any]) -> str:
    """JSON safe to place inside <script type="application/ld+json"> (no '<', '>' or '&' left raw)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
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
                           "memberOf": {"@type": "Organization", "name": str(ds.organisations[r.organisation].name)},
                           "citation": [source(ds.sources[s]) for s in r.sources]}
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
    """One year of the timeline: its events, in order."""
    return {"@context": CONTEXT, "@type": "ItemList", "name": name,
            "itemListElement": [{"@type": "ListItem", "position": i + 1,
                                 "item": {"@type": "Event", "name": str(e.title), "startDate": e.date.iso}}
                                for i, e in enumerate(events)]}


def person(ds: Dataset, p: Person, t: Messages) -> dict[str, Any]:
    out = {"@context": CONTEXT, **_person_ref(ds, p.id), "nationality": {"@type": "Country", "name": p.country},
           "memberOf": [_role(ds, r, t) for r in p.roles],
           "subjectOf": [source(ds.sources[s]) for s in p.sources]}
    return out


def agreement(ds: Dataset, a: Agreement, labels: Any) -> dict[str, Any]:
    genre = labels.agreement_kinds[a.kind]
    return {"@context": CONTEXT, "@type": "CreativeWork", "name": str(a.title), "genre": genre,
            "dateCreated": a.date.iso, "abstract": str(a.summary),
            "contributor": [_person_ref(ds, s.person) for s in a.signatories],
            "hasPart": [{"@type": "CreativeWork", "name": str(i.text), "identifier": i.id} for i in a.items],
            "citation": [source(ds.sources[s]) for s in a.sources]}


def figures(ds: Dataset, site: Documentary, t: Messages, labels: Any) -> dict[str, Any]:
    """``labels``: the vocabulary labels of the edition (``Renderer.labels``)."""
    text = site.figures_dataset
    return {"@context": CONTEXT, "@type": "Dataset", "name": str(text.title), "description": str(text.description),
            "license": site.licence.url,
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
