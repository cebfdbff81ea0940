"""Atom feeds of the timeline (newest first) and of the corrections log, built with ElementTree: the newest
``feeds.limit`` entries of each (documentary.yml, 50 by default), so a feed does not grow with the record."""

from __future__ import annotations

import heapq
import uuid
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

from dossier.i18n import messages
from dossier.model.dataset import Dataset
from dossier.model.dates import PartialDate
from dossier.model.site import Documentary
from dossier.render.registry import SiteMap

ATOM = "http://www.w3.org/2005/Atom"
NAMESPACE = uuid.UUID("6f7d1c1e-3a55-4d2b-9a64-8d8a7f0e2b11")
"""Fixed namespace for the entries' urn:uuid ids (stable across builds)."""


def _stamp(d: PartialDate) -> str:
    return datetime(d.earliest.year, d.earliest.month, d.earliest.day, tzinfo=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _feed(title: str, author: str, feed_path: str, site_url: str, entries: list[tuple[str, str, str, str, str]],
          language: str, edition_key: str = "") -> str:
    """entries: (key, title, updated, summary, link relative to the site root). ``edition_key``: '' for the
    base edition, else its folder, so each edition's feed and entries have their own ids."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": language})
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}id").text = f"urn:uuid:{uuid.uuid5(NAMESPACE, edition_key + feed_path)}"
    updated = max((e[2] for e in entries), default="1970-01-01T00:00:00Z")
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = updated
    author_el = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author_el, f"{{{ATOM}}}name").text = author
    base = site_url.rstrip("/") + "/" if site_url else "../"
    self_href = (base + feed_path) if site_url else feed_path.split("/")[-1]
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=self_href)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=base)
    for key, etitle, eupdated, summary, link in entries:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}title").text = etitle
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"urn:uuid:{uuid.uuid5(NAMESPACE, edition_key + key)}"
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = eupdated
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", href=base + link)
        ET.SubElement(entry, f"{{{ATOM}}}summary").text = summary
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def events_feed(ds: Dataset, site: Documentary, site_url: str = "", language: str | None = None) -> str:
    events = heapq.nlargest(site.feeds.limit, ds.events.values(), key=lambda e: (e.date.sort_key, e.id))
    ed = site.edition(language or site.language)
    url, t = SiteMap.of(site).url, messages(ed.locale, site.catalogues)
    return _feed(str(site.feeds.events), str(site.author), "feed/events.xml", site_url, language=ed.language,
                 edition_key=ed.prefix, entries=[
        (f"events/{e.id}", t.gettext("%(date)s: %(title)s", date=t.date(e.date), title=e.title), _stamp(e.date),
         str(e.summary), url("events", e.id))
        for e in events])


def corrections_feed(ds: Dataset, site: Documentary, site_url: str = "", language: str | None = None) -> str:
    corrections = heapq.nlargest(site.feeds.limit, ds.corrections.values(), key=lambda c: (c.date.sort_key, c.id))
    ed = site.edition(language or site.language)
    url, t = SiteMap.of(site).url, messages(ed.locale, site.catalogues)
    return _feed(str(site.feeds.corrections), str(site.author), "feed/corrections.xml", site_url,
                 language=ed.language, edition_key=ed.prefix, entries=[
        (f"corrections/{c.id}", t.gettext("Correction, %(date)s: %(item)s", date=t.date(c.date), item=c.item),
         _stamp(c.date), t.gettext("%(change)s Why: %(reason)s", change=c.change, reason=c.reason),
         url("corrections", c.id)) for c in corrections])


def files(ds: Dataset, site: Documentary, site_url: str = "", language: str | None = None) -> dict[str, str]:
    """The edition's feeds (render inside ``types.edition(language)``); ``site_url``: the edition's root."""
    return {"feed/events.xml": events_feed(ds, site, site_url, language),
            "feed/corrections.xml": corrections_feed(ds, site, site_url, language)}
