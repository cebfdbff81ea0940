"""The entry pages: one page per event, person and agreement."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dossier.model.entities import Agreement, Event, Person
from dossier.render import jsonld
from dossier.render.pages.base import EntryPages
from dossier.render.rail import profile
from dossier.render.ranks import rank_history

if TYPE_CHECKING:
    from dossier.render.renderer import Renderer


class EventPages(EntryPages[Event]):
    kind = "events"

    def view(self, r: Renderer, entry: Event) -> dict[str, Any]:
        return {"event": entry, "quotes": r.ds.quotes_by_event.get(entry.id, []),
                "official_only": r.official_only(entry.sources)}

    def structured_data(self, r: Renderer, entry: Event) -> dict[str, Any]:
        return jsonld.event(r.ds, entry)


class PersonPages(EntryPages[Person]):
    kind = "people"

    def text(self, r: Renderer, entry: Person) -> tuple[str, str]:
        posts = "; ".join(str(role.title) for role in entry.roles)
        return entry.name, r.t.gettext("%(name)s: %(posts)s. Role history, events and quotations, with sources.",
                                       name=entry.name, posts=posts)

    def view(self, r: Renderer, entry: Person) -> dict[str, Any]:
        ds = r.ds
        events = [(e, next(p.part for p in e.participants if p.person == entry.id))
                  for e in ds.events_by_person.get(entry.id, [])]
        return {"person": entry, "events": events, "signed": ds.agreements_signed.get(entry.id, []),
                "profile": profile(entry.name, entry.roles, [e for e, _ in events], r.t),
                "ranks": [rank_history(role, ds) for role in entry.roles],
                "quotes": ds.quotes_by_speaker.get(("people", entry.id), [])}

    def structured_data(self, r: Renderer, entry: Person) -> dict[str, Any]:
        return jsonld.person(r.ds, entry, r.t, r.lang)


class AgreementPages(EntryPages[Agreement]):
    kind = "agreements"

    def view(self, r: Renderer, entry: Agreement) -> dict[str, Any]:
        term = r.site.vocabularies.agreement_kinds.get(entry.kind)
        heading = term.items_heading.get(r.lang) if term and term.items_heading else \
            r.t.gettext("Commitments and measures")
        return {"agreement": entry, "events": r.ds.events_by_agreement.get(entry.id, []), "items_heading": heading,
                "quotes": r.ds.quotes_by_speaker.get(("agreements", entry.id), [])}

    def structured_data(self, r: Renderer, entry: Agreement) -> dict[str, Any]:
        return jsonld.agreement(r.ds, entry, r.labels)
