"""The one registry of entry kinds: each kind declared once, everything else reads it.

A kind is what a contributor writes a file of (``data/<key>/ID.yml`` or ``data/<key>.yml``). Its
declaration says which model validates it, what one entry is called (schemas, readers), which
attribute names an entry, whether it has a page of its own or a place on an index page, whether it
is published as a download, and how a back-link to it reads. Loading, validation, schemas, the data
set's look-ups, downloads, the site map, back-links and the corrections log all read this table
(followthemoney's schema files are the model); adding a kind is one declaration here plus, for a
kind with pages, a template.
"""

from __future__ import annotations

from dataclasses import dataclass

from dossier.i18n import N_, NP_
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
    Series,
    Source,
    Strict,
    Tag,
)

LABEL_CONTEXT = "kind of entry"
"""The message context of every kind's ``label`` (``NP_`` below)."""


@dataclass(frozen=True)
class Kind:
    """One kind of entry."""

    key: str
    """The folder (``data/<key>/ID.yml``) or file (``data/<key>.yml``) holding it, and its name in links."""
    model: type[Strict]
    singular: str
    """One entry, in schema file names (``person.schema.json``)."""
    label: str
    """What one entry is called, for readers (message context ``LABEL_CONTEXT``)."""
    name: str
    """The attribute readers know an entry by (a quotation's is its speaker)."""
    template: str | None = None
    """The template of the entry's own page, at ``<key>/<id>/``; None: no page of its own."""
    shown_on: str | None = None
    """The index page (its key) showing each entry as a section, at ``#<id>`` (or on the page's year)."""
    download: str | None = None
    """The title of its JSON download (``data/<key>.json``); None: not published as a download."""
    backlink: str | None = None
    """How a link back to the page showing an entry reads, with ``%(<name>)s`` for its name."""

    @property
    def has_pages(self) -> bool:
        return self.template is not None


REGISTRY: tuple[Kind, ...] = (
    Kind("events", Event, "event", NP_("kind of entry", "Event"), "title", template="event.html",
         download=N_("All events"), backlink=N_("Event: %(title)s")),
    Kind("people", Person, "person", NP_("kind of entry", "Person"), "name", template="person.html",
         download=N_("All people"), backlink=N_("Person: %(name)s")),
    Kind("agreements", Agreement, "agreement", NP_("kind of entry", "Agreement"), "title",
         template="agreement.html", download=N_("All agreements"), backlink=N_("Agreement: %(title)s")),
    Kind("series", Series, "series", NP_("kind of entry", "Series"), "title", download=N_("All time series")),
    Kind("figures", Figure, "figure", NP_("kind of entry", "Figure"), "label", shown_on="figures",
         download=N_("All figures"), backlink=N_("Figure: %(label)s")),
    Kind("quotes", Quote, "quote", NP_("kind of entry", "Quotation"), "speaker", shown_on="context",
         download=N_("All quotations")),
    Kind("reports", Report, "report", NP_("kind of entry", "Report"), "title", shown_on="context",
         download=N_("All reports"), backlink=N_("Report: %(title)s")),
    Kind("sources", Source, "source", NP_("kind of entry", "Source"), "title", shown_on="sources",
         download=N_("All sources")),
    Kind("tags", Tag, "tag", NP_("kind of entry", "Tag"), "label"),
    Kind("glossary", GlossaryTerm, "term", NP_("kind of entry", "Term"), "term", shown_on="glossary"),
    Kind("publishers", Publisher, "publisher", NP_("kind of entry", "Publisher"), "name"),
    Kind("organisations", Organisation, "organisation", NP_("kind of entry", "Organisation"), "name"),
    Kind("corrections", Correction, "correction", NP_("kind of entry", "Correction"), "item",
         shown_on="corrections"),
)

KINDS: dict[str, Kind] = {k.key: k for k in REGISTRY}
"""Every kind by key, in the order of publication (the data package lists its files in this order)."""

PAGED = {k.key: k for k in REGISTRY if k.has_pages}
"""Kinds with one page per entry."""

DOWNLOADS = tuple(k.key for k in REGISTRY if k.download)
"""Kinds published as ``data/<key>.json``."""
