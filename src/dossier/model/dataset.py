"""The validated data set with the look-ups pages need, computed once in linear time."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from dossier.model.dates import PartialDate
from dossier.model.entities import (
    Agreement,
    Correction,
    Event,
    Figure,
    GlossaryTerm,
    Organisation,
    Person,
    Publisher,
    Quote,
    Report,
    Role,
    Series,
    Source,
    Tag,
)


def cited_sources(obj: BaseModel) -> set[str]:
    """Every source id cited anywhere inside an entry."""
    found: set[str] = set()
    stack: list[Any] = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, BaseModel):
            for name in type(item).model_fields:
                value = getattr(item, name)
                if name == "sources" and isinstance(value, list):
                    found.update(value)
                else:
                    stack.append(value)
        elif isinstance(item, list):
            stack.extend(item)
    return found


def names_of(publisher: Publisher) -> set[str]:
    """Every name a source may give for ``publisher``: its name in each language and its aliases."""
    return {*publisher.name.translations.values(), *publisher.aliases}


@dataclass
class Dataset:
    """All entries by kind and id, where each came from, and the reverse look-ups."""

    tags: dict[str, Tag] = field(default_factory=dict)
    glossary: dict[str, GlossaryTerm] = field(default_factory=dict)
    publishers: dict[str, Publisher] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    agreements: dict[str, Agreement] = field(default_factory=dict)
    reports: dict[str, Report] = field(default_factory=dict)
    series: dict[str, Series] = field(default_factory=dict)
    figures: dict[str, Figure] = field(default_factory=dict)
    quotes: dict[str, Quote] = field(default_factory=dict)
    corrections: dict[str, Correction] = field(default_factory=dict)
    origin: dict[tuple[str, str], str] = field(default_factory=dict)
    """(kind, id) -> data file path, for 'edit this page' links and error messages."""
    raw: dict[tuple[str, str], Any] = field(default_factory=dict)
    """(kind, id) -> the entry as parsed from YAML, before validation: which entries an edit changed
    (``dossier.incremental``)."""

    # reverse look-ups, filled by index()
    events_by_person: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    events_by_agreement: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    quotes_by_event: dict[str, list[Quote]] = field(default_factory=lambda: defaultdict(list))
    quotes_by_speaker: dict[tuple[str, str], list[Quote]] = field(default_factory=lambda: defaultdict(list))
    agreements_signed: dict[str, list[Agreement]] = field(default_factory=lambda: defaultdict(list))
    figures_by_series: dict[str, list[Figure]] = field(default_factory=lambda: defaultdict(list))
    """series id -> its points, in order of period (start, then end), then id."""
    publisher_names: dict[str, Publisher] = field(default_factory=dict)
    """every name or alias of the register -> its publisher."""
    cited_by: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    """source id -> [(kind, id)] of every entry citing it."""

    @classmethod
    def from_entries(cls, entries: list[tuple[str, str, BaseModel]], raw: list[Any] | None = None) -> Dataset:
        """The data set of (kind, path, entry) triples; ``raw``: each entry as parsed, in the same order."""
        ds = cls()
        for i, (kind, path, entry) in enumerate(entries):
            getattr(ds, kind)[entry.id] = entry  # type: ignore[attr-defined]
            ds.origin[(kind, entry.id)] = path  # type: ignore[attr-defined]
            if raw is not None:
                ds.raw[(kind, entry.id)] = raw[i]  # type: ignore[attr-defined]
        ds.index()
        return ds

    def index(self) -> None:
        self.publisher_names = {n: p for p in self.publishers.values() for n in sorted(names_of(p))}
        self.events = dict(sorted(self.events.items(), key=lambda kv: (kv[1].date.sort_key, kv[0])))
        self.people = dict(sorted(self.people.items(), key=lambda kv: (kv[1].ascii_name or kv[1].name, kv[0])))
        self.agreements = dict(sorted(self.agreements.items(), key=lambda kv: (kv[1].date.sort_key, kv[0])))
        self.quotes = dict(sorted(self.quotes.items(), key=lambda kv: (kv[1].date.sort_key, kv[0])))
        for event in self.events.values():
            for p in event.participants:
                self.events_by_person[p.person].append(event)
            for a in event.agreements:
                self.events_by_agreement[a].append(event)
        for quote in self.quotes.values():
            if quote.event:
                self.quotes_by_event[quote.event].append(quote)
            self.quotes_by_speaker[quote.speaker.key].append(quote)
        for figure in self.figures.values():
            if figure.series:
                self.figures_by_series[figure.series].append(figure)
        for points in self.figures_by_series.values():
            points.sort(key=lambda f: (f.period.start.sort_key, f.period.end.sort_key, f.id) if f.period else
                        ((0, 0, 0, 0), (0, 0, 0, 0), f.id))
        for agreement in self.agreements.values():
            for s in agreement.signatories:
                self.agreements_signed[s.person].append(agreement)
        for kind in ("organisations", "people", "events", "agreements", "reports", "figures", "quotes",
                     "corrections"):
            for eid, entry in getattr(self, kind).items():
                for sid in sorted(cited_sources(entry)):
                    self.cited_by[sid].append((kind, eid))

    def publisher_of(self, source: Source) -> Publisher | None:
        """The register's entry for a source's publisher (by name in any edition, or alias)."""
        return self.publisher_names.get(source.publisher)

    def roles_on(self, person_id: str, day: PartialDate) -> list[Role]:
        """The posts the sources place a person in on a given date."""
        return [r for r in self.people[person_id].roles if r.held_on(day)]
