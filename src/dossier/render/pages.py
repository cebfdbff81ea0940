"""From the validated data set to a list of pages, each rendered by one small template.

No MkDocs here: a page is an address, a title, a description and an HTML body, produced by a
Jinja environment of our own with autoescaping on, so every data value is escaped at output.
The MkDocs adapter only places these bodies into MkDocs pages.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType, SimpleNamespace
from typing import Any

from babel import Locale

from dossier.i18n import messages
from dossier.model.dataset import Dataset
from dossier.model.dates import PartialDate
from dossier.model.entities import KINDS, Figure, Quote, Speaker
from dossier.model.site import Documentary, PageKey
from dossier.render import jsonld, values
from dossier.render.charts import ChartView, chart
from dossier.render.citation import Citer
from dossier.render.downloads import JSON_KINDS
from dossier.render.environment import environment
from dossier.render.rail import months_between, profile, rail
from dossier.render.ranks import rank_history
from dossier.render.registry import BY_YEAR, ENTRY_PAGES, SiteMap, context_year
from dossier.render.urls import relative, text_fragment


def _in_sentence(name: str, lang: str) -> str:
    """A language's name inside a sentence. CLDR gives the form for menus and lists, capitalised in every
    language; Vietnamese writes 'tiếng Anh' mid-sentence (CLDR's contextTransforms, which Babel does not read)."""
    if lang == "vi" and name.startswith("Tiếng "):
        return "tiếng " + name.removeprefix("Tiếng ")
    return name


@dataclass
class Page:
    """A generated page: where it lives, what it is called, and its rendered body."""

    src_uri: str
    url: str
    title: str
    description: str
    template: str
    context: dict[str, Any]
    edit_path: str | None = None
    body: str = ""
    jsonld: str = ""

    in_nav: bool = False
    """Index pages are in the navigation; entry pages are reached from them (keeps MkDocs linear)."""
    search_exclude: bool = False
    """The timeline repeats every event page: indexing it would double the search index."""


def _short(text: str, limit: int = 158) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


class Renderer:
    """Renders every generated page of a data set with the templates found first in ``template_dirs``."""

    def __init__(self, ds: Dataset, site: Documentary, template_dirs: list[Path],
                 extra: dict[str, Any] | None = None, language: str | None = None) -> None:
        self.ds = ds
        self.site = site
        self.sitemap = SiteMap.of(site, ds)
        self.extra = extra or {}
        self.edition = site.edition(language or site.language)
        """The edition rendered: its language, locale and folder (render inside ``types.edition``)."""
        self.lang = lang = self.edition.language
        self.t = messages(self.edition.locale)
        names = Locale.parse(self.edition.locale)
        self.territories = MappingProxyType(dict(names.territories))
        """Country names by ISO code, in the edition's language (CLDR): readers never see 'VN' or 'GB'."""
        self.language_names = MappingProxyType(dict(names.languages))
        """Language names by ISO 639-1 code, in the edition's language (CLDR), as headings and lists write them."""
        self.language_in_text = MappingProxyType({code: _in_sentence(name, lang)
                                                  for code, name in names.languages.items()})
        """The same names as running text writes them ('ngôn ngữ: tiếng Anh')."""
        english = site.language
        self.glossary = MappingProxyType({str(g.term.get(english)): str(g.term.get(lang))
                                          for g in ds.glossary.values()})
        """The record's terms (data/glossary.yml), from the default edition's wording to this edition's: labels
        the data gives in one language only (a scale's levels) are shown in the edition's term."""
        self.by_id = SimpleNamespace(**{kind: MappingProxyType(getattr(ds, kind)) for kind in KINDS})
        """Entries by kind and id, read-only: templates look entries up, they never select or sort them."""
        vocabularies = site.vocabularies
        self.labels = SimpleNamespace(**{
            name: MappingProxyType({key: term.label.get(lang) for key, term in getattr(vocabularies, name).items()})
            for name in type(vocabularies).model_fields})
        """Vocabulary labels in the edition's language, by vocabulary and key."""
        self.env = environment(tuple(str(d) for d in template_dirs), self.t.language)
        self.by_year: dict[str, dict[int, Any]] = {
            key: self.sitemap.years(ds, key) for key in BY_YEAR if key in site.pages and key != "context"}
        """The entries of each by-year index page, by year: the timeline's events and the sources (oldest
        year first), the context page's reports and quotations (newest first, as that page reads)."""
        if "context" in site.pages:
            self.by_year["context"] = self.context_pages()

    # -- what templates may call ----------------------------------------------------------

    def helpers(self, page_url: str) -> dict[str, Any]:
        """The template API: what every generated page's template may use besides its own context.

        - ``by_id.<kind>[id]``: one entry by id, read-only (the data set itself is not passed;
          lists and selections come in each page's context);
        - ``labels.<vocabulary>[key]``: a term of documentary.yml's vocabularies as readers see it;
        - ``site``: the documentary's configuration (``documentary.yml``); ``sitemap``: its pages;
        - ``links.<kind>[id]`` and ``links.page[name]``: relative links to an entry, or to an index or
          hand-written page (look-ups, so cheap in loops);
        - ``file_link(path)``: relative link to a generated file (download, feed);
        - ``year_link(key, year)``: relative link to one year's page of the timeline or the sources;
        - ``citer``: numbers the sources cited on this page (``citer(ids)``, ``citer.cited()``);
        - ``dates[d]``: a partial date in the edition's words;
        - ``figure_value(f)``: a figure's value with its unit, written once; ``revision_value(f, rev)``: an
          earlier value of it; ``release_unseen(f)``: a measurement none of whose sources is primary;
        - ``roles_on(person, day)``, ``speaker_name(speaker)``, ``speaker_link(speaker)``,
          ``quote_url(quote)`` (the source with a text fragment), ``figure_url(figure)`` (its first source at
          the figure's own words), ``attributed(publisher, title)``,
          ``names(title, publisher)``;
        - ``_``, ``gettext``, ``ngettext``: the catalogue (Jinja's i18n extension).
        """
        ds, t = self.ds, self.t
        citer = Citer(ds, t)

        links = Links(self.sitemap, page_url)

        def roles_on(person_id: str, day: PartialDate) -> list[Any]:
            return ds.roles_on(person_id, day)

        speaker_name = self.speaker_name

        def speaker_link(speaker: Speaker) -> str | None:
            kind, sid = speaker.key
            return getattr(links, kind)[sid] if kind in ENTRY_PAGES else None

        def quote_url(q: Quote) -> str:
            return ds.sources[q.sources[0]].url + "#" + text_fragment(q.text)

        def figure_url(f: Figure) -> str:
            url = ds.sources[f.sources[0]].url
            return f"{url}#{text_fragment(str(f.as_stated))}" if f.as_stated else url

        def year_link(key: str, year: int) -> str:
            """Link to one year's page of a by-year index page (``timeline``, ``sources``)."""
            return relative(self.sitemap.year_url(key, year), page_url)

        def file_link(path: str) -> str:
            """Link to a generated file (download, feed) by its site path."""
            return relative(path, page_url).rstrip("/")

        return {
            "by_id": self.by_id, "labels": self.labels, "site": self.site, "sitemap": self.sitemap,
            "links": links, "citer": citer, "roles_on": roles_on,
            "speaker_name": speaker_name, "speaker_link": speaker_link, "quote_url": quote_url,
            "figure_url": figure_url,
            "page_url": page_url, "file_link": file_link, "year_link": year_link, "dates": t.dates,
            "edition_lang": self.lang, "term": self.term, "publisher_of": ds.publisher_of,
            "territories": self.territories, "language_names": self.language_names,
            "language_in_text": self.language_in_text,
            "figure_value": lambda f: values.figure_value(f, t, self.site.vocabularies.units),
            "revision_value": lambda f, rev: values.figure_value(
                f.model_copy(update={"value": rev.value, "as_stated": rev.as_stated}), t, self.site.vocabularies.units),
            "release_unseen": lambda f: self.site.vocabularies.figure_kinds[f.kind].measured and not any(
                self.site.vocabularies.source_kinds[ds.sources[s].kind].primary for s in f.sources),
            "attributed": values.attributed,
            "names": values.names,
        }

    # -- the pages ------------------------------------------------------------------------

    def plan(self) -> Iterator[Page]:
        """Every generated page, with its structured data."""
        ds = self.ds
        for page in self._plan():
            kind, _, eid = page.url.strip("/").partition("/")
            if page.template == "timeline_year.html":
                data = jsonld.timeline(page.title, page.context["events"])
            elif page.template == "figures.html":
                data = jsonld.figures(ds, self.site, self.t, self.labels, url=self._address(page.url, page.url),
                                      downloads=[self._address(p, page.url) for p in self._downloads()])
            elif page.template == "context.html":
                data = jsonld.context(ds, page.title, self.site.context_tag)
            elif eid and kind == "events":
                data = jsonld.event(ds, ds.events[eid])
            elif eid and kind == "people":
                data = jsonld.person(ds, ds.people[eid], self.t, self.lang)
            elif eid and kind == "agreements":
                data = jsonld.agreement(ds, ds.agreements[eid], self.labels)
            else:
                data = jsonld.collection(page.title, page.description)
            page.jsonld = jsonld.dumps(jsonld.page(data, self.lang))
            yield page

    def _address(self, path: str, page_url: str = "figures/") -> str:
        """A site path as an address in structured data: absolute under the edition's site_url, else
        relative to the page (JSON-LD resolves it against the page's own address)."""
        root = str(self.extra.get("site_url") or "")
        return root.rstrip("/") + "/" + path if root else (relative(path, page_url).rstrip("/") or "./")

    def _downloads(self) -> list[str]:
        """The site path of each data file (the same files as ``downloads.files``)."""
        series = [f"data/series/{sid}.csv" for sid in self.ds.figures_by_series]
        return ["data/figures.csv", *series, *(f"data/{kind}.json" for kind in JSON_KINDS)]

    def _plan(self) -> Iterator[Page]:
        ds = self.ds
        edit = ds.origin.get
        lang = self.lang
        for spec in self.sitemap.pages:
            text = self.site.pages[spec.key]
            count = spec.count(ds) if spec.count else 0
            yield Page(spec.src_uri, spec.url, text.title.get(lang), text.description.get(lang).format(count=count),
                       spec.template, self._page_context(spec.key), in_nav=True,
                       search_exclude=spec.key == "timeline")
            for year in self.by_year.get(spec.key, {}):
                yield self._year_page(spec.key, year)
        for kind, (folder, template) in ENTRY_PAGES.items():
            for eid, entry in getattr(ds, kind).items():
                title, description = self._entry_text(kind, entry)
                yield Page(f"{folder}/{eid}.md", self.sitemap.url(kind, eid), title, _short(description), template,
                           self._entry_context(kind, entry), edit((kind, eid)))

    def _year_page(self, key: PageKey, year: int) -> Page:
        """One year of a by-year index page: the timeline's events, or the sources published that year,
        in full. Not in the navigation (reached from the index page and from each other); the timeline's
        years repeat the event pages, so they stay out of the search index too."""
        t, years = self.t, self.by_year[key]
        entries = years[year]
        counts = {y: len(v) for y, v in years.items()}
        index = self.site.pages[key].title.get(self.lang)
        url = self.sitemap.year_url(key, year)
        if key == "timeline":
            description = t.ngettext("%(num)s event of %(year)s in the record, each with its sources.",
                                     "%(num)s events of %(year)s in the record, each with its sources.",
                                     len(entries), year=year)
        elif key == "context":
            description = t.ngettext("%(num)s quotation from reports and statements of %(year)s, each with its "
                                     "source.", "%(num)s quotations from reports and statements of %(year)s, each "
                                     "with its source.", counts[year], year=year)
        else:
            description = t.ngettext("%(num)s source published in %(year)s that the record cites, with its "
                                     "address and the pages citing it.",
                                     "%(num)s sources published in %(year)s that the record cites, with their "
                                     "addresses and the pages citing them.", len(entries), year=year)
        ordered = list(years)
        i = ordered.index(year)
        context: dict[str, Any] = {
            "year": year, "index_title": index, "years": counts,
            "previous": ordered[i - 1] if i else None, "next": ordered[i + 1] if i + 1 < len(ordered) else None,
            "year_links": self.year_links(key, url),
            "back": relative(self.sitemap.url(key), url) + (f"#year-{year}" if key != "sources" else "")}
        if key == "timeline":
            filter_here = len(self.ds.events) > self.site.timeline_lines  # the overview lists no lines
            context.update(events=entries, gaps=self.gaps(entries), filter_here=filter_here)
            if filter_here:
                tags, people = {t for e in entries for t in e.tags}, {p.person for e in entries for p in e.participants}
                context.update(filter_tags=[t for t in self.used_tags() if t.id in tags],
                               filter_people=[p for p in self.participants() if p.id in people])
        elif key == "context":
            context.update(view=entries.view, reports=entries.reports, text=self.site.pages[key])
        else:
            context.update(sources=entries, cited_by=self.cited_by(url, [s.id for s in entries]))
        return Page(url.rstrip("/") + ".md", url, t.gettext("%(title)s: %(year)s", title=index, year=year),
                    description, f"{key}_year.html", context, search_exclude=key == "timeline")

    def year_links(self, key: PageKey, page_url: str) -> dict[int, str]:
        """year -> link from the page at ``page_url`` to that year's page of a by-year index page."""
        return {y: relative(self.sitemap.year_url(key, y), page_url) for y in self.by_year[key]}

    def _entry_context(self, kind: str, entry: Any) -> dict[str, Any]:
        """What an entry page's template receives: the entry and what the data says about it."""
        ds, t = self.ds, self.t
        if kind == "events":
            return {"event": entry, "quotes": ds.quotes_by_event.get(entry.id, []),
                    "official_only": self.official_only(entry.sources)}
        if kind == "people":
            events = [(e, next(p.part for p in e.participants if p.person == entry.id))
                      for e in ds.events_by_person.get(entry.id, [])]
            return {"person": entry, "events": events, "signed": ds.agreements_signed.get(entry.id, []),
                    "profile": profile(entry.name, entry.roles, [e for e, _ in events], t),
                    "ranks": [rank_history(r, ds) for r in entry.roles],
                    "quotes": ds.quotes_by_speaker.get(("people", entry.id), [])}
        term = self.site.vocabularies.agreement_kinds.get(entry.kind)
        heading = term.items_heading.get(self.lang) if term and term.items_heading else \
            t.gettext("Commitments and measures")
        return {"agreement": entry, "events": ds.events_by_agreement.get(entry.id, []), "items_heading": heading,
                "quotes": ds.quotes_by_speaker.get(("agreements", entry.id), [])}

    def _page_context(self, key: PageKey) -> dict[str, Any]:
        """What each index page's template receives besides the helpers: its texts and its selections."""
        ds, tag = self.ds, self.site.context_tag
        context: dict[str, Any] = {"text": self.site.pages[key]}
        if key == "home":
            headline = [c for c in self.charts() if c.series.id == self.site.featured_series]
            context.update(headline=headline[0] if headline else None,
                           featured=[f for f in ds.figures.values() if not f.series][: self.site.featured_figures],
                           latest=list(ds.events.values())[-3:][::-1],
                           explore=[(k, self.site.pages[k]) for k in ("timeline", "people", "agreements", "context",
                                                                      "figures", "sources")
                                    if k in self.site.pages and self.site.pages[k].summary])
        elif key == "people":
            context.update(people=list(ds.people.values()),
                           event_counts={pid: len(events) for pid, events in ds.events_by_person.items()})
        elif key == "corrections":
            context.update(corrections=sorted(ds.corrections.values(), key=lambda c: (c.date.sort_key, c.id),
                                              reverse=True), corrected=self.corrected)
        elif key == "glossary":
            langs = [(e.language, self.language_names.get(e.language, e.language))
                     for e in self.site.all_editions]  # a column per edition, headed in the reader's language
            context.update(terms=sorted(ds.glossary.values(), key=lambda g: (str(g.term).casefold(), g.id)),
                           langs=langs)
        elif key == "timeline":
            events = list(ds.events.values())
            years = self.by_year[key]
            context.update(years=years, filter_tags=self.used_tags(), filter_people=self.participants(),
                           lines=len(events) <= self.site.timeline_lines,
                           rail=rail(events, self.t), gaps=self.gaps(events),
                           counts={y: len(v) for y, v in years.items()}, anchors={y: f"#year-{y}" for y in years},
                           year_links=self.year_links(key, self.sitemap.url(key)))
        elif key == "agreements":
            context.update(agreements=list(ds.agreements.values()), themes=self.themes())
        elif key == "figures":
            context.update(charts=self.charts(), figures=[f for f in ds.figures.values() if not f.series])
        elif key == "sources":
            years = self.by_year[key]
            publishers: dict[str, list[str]] = defaultdict(list)
            for year_sources in years.values():
                for source in year_sources:
                    publishers[source.publisher].append(source.id)
            context.update(years={y: len(v) for y, v in years.items()}, total=len(ds.sources),
                           year_links=self.year_links(key, self.sitemap.url(key)),
                           publishers=sorted(publishers.items(), key=lambda kv: kv[0].casefold()))
        elif key == "context":
            years = self.by_year[key]
            context.update(overview=list(years.values()), counts={y: len(v) for y, v in years.items()},
                           anchors={y: f"#year-{y}" for y in years},
                           year_links=self.year_links(key, self.sitemap.url(key)))
            charts = self.charts(tag)
            # A ranking (a level series) is told year by year above, linked to its chart on the figures page.
            levels = {c.series.id for c in charts if c.series.unit == "level"}
            charts = [c for c in charts if c.series.id not in levels]
            charted = {c.series.id for c in charts} | levels
            context.update(charts=charts,
                           figures=[f for f in ds.figures.values() if tag in f.tags and f.series not in charted])
        return context

    def _entry_text(self, kind: str, entry: Any) -> tuple[str, str]:
        """(title, description) of an entry's own page."""
        t = self.t
        if kind == "people":
            posts = "; ".join(str(r.title) for r in entry.roles)
            return entry.name, t.gettext("%(name)s: %(posts)s. Role history, events and quotations, with sources.",
                                         name=entry.name, posts=posts)
        return str(entry.title), t.gettext("%(date)s: %(summary)s", date=t.date(entry.date), summary=str(entry.summary))

    def render(self, page: Page) -> str:
        context = {**self.helpers(page.url), **page.context, "page_title": page.title}
        page.body = self.env.get_template(page.template).render(context)
        return page.body

    def gaps(self, events: list[Any], months: int = 6) -> dict[str, str]:
        """event id -> a note on the silence before it, where the record has no event for ``months`` or more."""
        out = {}
        precise = [e for e in events if e.date.month and not e.date.qualifier]  # a vague date anchors no gap
        for a, b in itertools.pairwise(precise):
            gap = months_between(a.date, b.date)
            if gap >= months:
                out[b.id] = self.t.ngettext("No event in the record for %(num)s month", "No event in the record for "
                                            "%(num)s months", gap)
        return out

    def used_tags(self) -> list[Any]:
        used = {t for e in self.ds.events.values() for t in e.tags}
        return [tag for tid, tag in self.ds.tags.items() if tid in used]

    def participants(self) -> list[Any]:
        return [p for pid, p in self.ds.people.items() if self.ds.events_by_person.get(pid)]

    def page_of(self, kind: str, eid: str) -> tuple[str, str] | None:
        """The page on which an entry appears, with a label for back-links; None if none shows it."""
        ds, t = self.ds, self.t
        if kind == "events":
            return self.sitemap.url(kind, eid), t.gettext("Event: %(title)s", title=str(ds.events[eid].title))
        if kind == "people":
            return self.sitemap.url(kind, eid), t.gettext("Person: %(name)s", name=ds.people[eid].name)
        if kind == "agreements":
            return self.sitemap.url(kind, eid), t.gettext("Agreement: %(title)s", title=str(ds.agreements[eid].title))
        if kind == "figures":
            return self.sitemap.url(kind, eid), t.gettext("Figure: %(label)s", label=str(ds.figures[eid].label))
        if kind == "reports":
            return self.sitemap.url(kind, eid), t.gettext("Report: %(title)s", title=str(ds.reports[eid].title))
        if kind == "quotes":
            q = ds.quotes[eid]
            if ("quotes", eid) in self.sitemap.anchors:  # on the context page's year of it
                return self.sitemap.anchors[("quotes", eid)], str(self.site.pages["context"].title)
            if q.event:
                event = str(ds.events[q.event].title)
                return f"events/{q.event}/#{eid}", t.gettext("Quotation, %(event)s", event=event)
            skind, sid = q.speaker.key
            if skind in ENTRY_PAGES:
                return f"{self.sitemap.url(skind, sid)}#{eid}", t.gettext("Quotation")
        return None

    def cited_by(self, page_url: str, ids: list[str]) -> dict[str, list[tuple[str, str]]]:
        """source id -> [(link from the page at ``page_url``, label)] of every page citing it, for ``ids``."""
        out: dict[str, list[tuple[str, str]]] = {}
        for sid in ids:
            entries = self.ds.cited_by.get(sid, [])
            seen: dict[str, str] = {}
            for kind, eid in entries:
                target = self.page_of(kind, eid)
                if target and target[0] not in seen:
                    seen[target[0]] = target[1]
            out[sid] = [(relative(u, page_url), label) for u, label in seen.items()]
        return out

    def themes(self) -> list[tuple[Any, list[list[Any]]]]:
        """For each tag used by agreement items: the items carrying it, per agreement (the comparison)."""
        agreements = list(self.ds.agreements.values())
        rows = []
        for tag_id, tag in self.ds.tags.items():
            cells = [[item for item in a.items if tag_id in item.tags] for a in agreements]
            if any(cells):
                rows.append((tag, cells))
        return rows

    def context_years(self, tag: str | None) -> list[YearView]:
        """The context page's quotations by year (a report's year of publication, else the quotation's),
        newest first; in each year, one group per report (or speaker) in the order of their names, and
        the points of level series (e.g. a ranking) that fall in that year."""
        ds = self.ds
        groups: dict[int, dict[tuple[str, str], ReportGroup]] = defaultdict(dict)
        # A report shown here because one of its quotations carries the tag is shown with all of them: the
        # site map addresses every report's quotation on its report's year page (SiteMap.context_quotes).
        shown = {q.report for q in ds.quotes.values() if q.report and tag in q.tags}
        for q in ds.quotes.values():
            if tag not in q.tags and q.report not in shown:
                continue
            report = ds.reports.get(q.report) if q.report else None
            year = context_year(ds, q)
            key = (q.report or "", "/".join(q.speaker.key))
            group = groups[year].get(key)
            if group is None:
                group = groups[year][key] = ReportGroup(q.speaker, report, [])
            group.quotes.append(q)
        levels: dict[int, list[Any]] = defaultdict(list)
        for sid, series in ds.series.items():
            if tag in series.tags and series.unit == "level":
                for f in ds.figures_by_series.get(sid, []):
                    if f.period:
                        levels[f.period.start.year].append((series, f))
        name = self.speaker_sort_name
        return [YearView(year, sorted(groups[year].values(), key=lambda g: (name(g.speaker),
                                                                            g.report.title if g.report else "")),
                         levels.get(year, []))
                for year in sorted(set(groups) | set(levels), reverse=True)]

    def context_pages(self) -> dict[int, ContextYear]:
        """The context page's years, newest first: what each year's page holds (the reports and quotations
        of the year view, then the other reports published that year)."""
        views = {y.year: y for y in self.context_years(self.site.context_tag)}
        others: dict[int, list[ReportGroup]] = defaultdict(list)
        for group in self.other_reports(list(views.values())):
            others[group.report.published.year].append(group)
        return {y: ContextYear(views.get(y) or YearView(y, [], []), others.get(y, []))
                for y in sorted(set(views) | set(others), reverse=True)}

    def other_reports(self, years: list[YearView]) -> list[ReportGroup]:
        """Every report not shown in the year-by-year view (research, NGO and official reports), newest
        first, each with all its quotations: so every report has its place on the context page."""
        shown = {g.report.id for y in years for g in y.groups if g.report}
        quotes: dict[str, list[Quote]] = defaultdict(list)
        for q in self.ds.quotes.values():
            if q.report:
                quotes[q.report].append(q)
        reports = [r for rid, r in self.ds.reports.items() if rid not in shown]
        reports.sort(key=lambda r: (r.published.sort_key, r.id), reverse=True)
        return [ReportGroup(Speaker(organisation=r.author), r, quotes.get(r.id, [])) for r in reports]

    def speaker_sort_name(self, speaker: Speaker) -> str:
        kind, sid = speaker.key
        entry = getattr(self.ds, kind)[sid]
        return str(getattr(entry, "name", None) or getattr(entry, "title", sid)).casefold()

    def corrected(self, item: str) -> tuple[str, str, str | None, Quote | None]:
        """What a correction's 'kind/id' names, for readers: the kind in words, the entry's name or title (for a
        quotation, its speaker), the kind when the entry has a page of its own (the heading links to it), and
        the quotation itself (the heading shows its first words, in their language)."""
        kind, _, eid = item.partition("/")
        entry = getattr(self.ds, kind)[eid]
        if kind == "quotes":
            name = str(self.speaker_name(entry.speaker))
        else:
            name = str(next(getattr(entry, a) for a in ("title", "name", "label") if hasattr(entry, a)))
        t = self.t
        labels = {"events": t.pgettext("kind of entry", "Event"), "people": t.pgettext("kind of entry", "Person"),
                  "agreements": t.pgettext("kind of entry", "Agreement"),
                  "quotes": t.pgettext("kind of entry", "Quotation"), "figures": t.pgettext("kind of entry", "Figure"),
                  "series": t.pgettext("kind of entry", "Series"), "sources": t.pgettext("kind of entry", "Source"),
                  "organisations": t.pgettext("kind of entry", "Organisation"),
                  "reports": t.pgettext("kind of entry", "Report"),
                  "publishers": t.pgettext("kind of entry", "Publisher"),
                  "tags": t.pgettext("kind of entry", "Tag"), "glossary": t.pgettext("kind of entry", "Term")}
        return (labels.get(kind, kind), name, kind if kind in ENTRY_PAGES else None,
                entry if kind == "quotes" else None)

    def speaker_name(self, speaker: Speaker) -> Any:
        """Who said it: a person's or organisation's name, or an agreement's title (one look-up for every page)."""
        kind, sid = speaker.key
        return {"people": lambda: self.ds.people[sid].name, "organisations": lambda: self.ds.organisations[sid].name,
                "agreements": lambda: self.ds.agreements[sid].title}[kind]()

    def official_only(self, source_ids: list[str]) -> bool:
        """Whether every one of these sources is an official voice (publisher kinds marked 'official' in
        documentary.yml: the government, state media): then the page says the account is the official one."""
        kinds = self.site.vocabularies.publisher_kinds
        publishers = [self.ds.publisher_of(self.ds.sources[sid]) for sid in source_ids]
        return bool(publishers) and all(p is not None and p.kind in kinds and kinds[p.kind].official
                                        for p in publishers)

    def term(self, text: str) -> str:
        """``text`` in the edition's wording when the glossary lists it (e.g. 'Tier 2' -> 'Bậc 2'), else as is."""
        return self.glossary.get(str(text), str(text))

    def charts(self, tag: str | None = None) -> list[ChartView]:
        """Every series with points (or those carrying ``tag``), as chart view models, in data order."""
        ds, vocab = self.ds, self.site.vocabularies.figure_kinds
        kinds = list(vocab)
        measured = {k for k, term in vocab.items() if term.measured}
        out = []
        for sid, series in ds.series.items():
            points = ds.figures_by_series.get(sid, [])
            if points and (tag is None or tag in series.tags):
                out.append(chart(series, points, self.t, kinds, measured, dict(self.labels.figure_kinds),
                                 self.site.vocabularies.units, self.term))
        return out


class _KindLinks(dict[str, str]):
    """Relative links from one page to the entries of one kind, computed on first look-up."""

    def __init__(self, sitemap: SiteMap, page_url: str, kind: str | None) -> None:
        super().__init__()
        self.sitemap, self.page_url, self.kind = sitemap, page_url, kind

    def __missing__(self, key: str) -> str:
        target = self.sitemap.url(key) if self.kind is None else self.sitemap.url(self.kind, key)
        href = self[key] = relative(target, self.page_url)
        return href


class Links:
    """``links.people['to-lam']``, ``links.page['timeline']``: the links of one page, by look-up."""

    def __init__(self, sitemap: SiteMap, page_url: str) -> None:
        self._sitemap, self._page_url = sitemap, page_url
        self.page = _KindLinks(sitemap, page_url, None)

    def __getattr__(self, kind: str) -> _KindLinks:
        links = _KindLinks(self._sitemap, self._page_url, kind)
        setattr(self, kind, links)
        return links


@dataclass
class ReportGroup:
    """The quotations of one report (or, without a report, of one speaker) in one year."""

    speaker: Speaker
    report: Any
    quotes: list[Quote]


@dataclass
class YearView:
    """One year of the context page: its report groups and the points of level series in it."""

    year: int
    groups: list[ReportGroup]
    levels: list[tuple[Any, Any]]


@dataclass
class ContextYear:
    """One year's page of the context page: the year view, then the other reports published that year."""

    view: YearView
    reports: list[ReportGroup]

    def __len__(self) -> int:
        """How many quotations the year holds."""
        return sum(len(g.quotes) for g in self.view.groups) + sum(len(g.quotes) for g in self.reports)
