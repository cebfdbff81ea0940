"""From the validated data set to a list of pages, each rendered by one small template.

No MkDocs here: a page is an address, a title, a description and an HTML body, produced by a
Jinja environment of our own with autoescaping on, so every data value is escaped at output.
The MkDocs adapter only places these bodies into MkDocs pages.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from types import MappingProxyType, SimpleNamespace
from typing import Any

from babel import Locale

from dossier.i18n import language_data, messages
from dossier.model.dataset import Dataset
from dossier.model.dates import PartialDate
from dossier.model.entities import Figure, Quote, Speaker
from dossier.model.kinds import DOWNLOADS, KINDS, LABEL_CONTEXT, PAGED
from dossier.model.reads import Tracked, is_tracked, reading, remembered
from dossier.model.site import Documentary
from dossier.render import jsonld, values
from dossier.render.charts import ChartView, chart
from dossier.render.citation import Citer
from dossier.render.environment import environment
from dossier.render.pages import ENTRY_TYPES, ByYear, Page
from dossier.render.rail import months_between
from dossier.render.registry import SiteMap
from dossier.render.urls import relative, text_fragment


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
        self.t = messages(self.edition.locale, site.catalogues)
        names = Locale.parse(self.edition.locale)
        self.territories = MappingProxyType(dict(names.territories))
        """Country names by ISO code, in the edition's language (CLDR): readers never see 'VN' or 'GB'."""
        self.language_names = MappingProxyType(dict(names.languages))
        """Language names by ISO 639-1 code, in the edition's language (CLDR), as headings and lists write them."""
        in_text = language_data(lang, site.catalogues).name_in_text
        self.language_in_text = MappingProxyType({code: in_text(name) for code, name in names.languages.items()})
        """The same names as running text writes them ('ngôn ngữ: tiếng Anh'; the language's ``language.yml``)."""
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
        self.env = environment(tuple(str(d) for d in template_dirs), self.t.language, site.languages, site.catalogues)
        self.by_year: dict[str, dict[int, Any]] = {
            p.key: p.type.years(site, ds, lang) for p in self.sitemap.pages if isinstance(p.type, ByYear)}
        """The entries of each by-year index page, by year: the timeline's events and the sources (oldest
        year first), the context page's reports and quotations (newest first, as that page reads)."""
        if is_tracked(ds):  # each year page reads its own year (``model.reads``)
            self.by_year = {key: Tracked(f"by_year.{key}", years) for key, years in self.by_year.items()}
        self.kept: Callable[[str], Page | None] = lambda src_uri: None
        """The last build's page at ``src_uri`` if it may be reused whole, else None (``incremental.Reuse.page``,
        under `mkdocs serve --dirty`)."""
        self.remembered: dict[str, Any] = {}
        """Answers derived once from the whole data set, fixed for this renderer (``model.reads.remembered``)."""

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
          ``listed_at(kind, id)``: to the page of its year that lists an entry, at the entry;
        - ``citer``: numbers the sources cited on this page (``citer(ids)``, ``citer.cited()``);
        - ``dates[d]``: a partial date in the edition's words;
        - ``figure_value(f)``: a figure's value with its unit, written once; ``revision_value(f, rev)``: an
          earlier value of it; ``release_unseen(f)``: a measurement none of whose sources is primary;
        - ``roles_on(person, day)``, ``speaker_name(speaker)``, ``speaker_link(speaker)``,
          ``quote_url(quote)`` (the source with a text fragment), ``figure_url(figure)`` (its first source at
          the figure's own words), ``attributed(publisher, title)``,
          ``names(title, publisher)``;
        - ``has_page(key)``: whether the documentary has that index page (only the home page and the sources
          are in every documentary);
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
            return getattr(links, kind)[sid] if kind in PAGED else None

        def quote_url(q: Quote) -> str:
            return ds.sources[q.sources[0]].url + "#" + text_fragment(q.text)

        def figure_url(f: Figure) -> str:
            url = ds.sources[f.sources[0]].url
            return f"{url}#{text_fragment(str(f.as_stated))}" if f.as_stated else url

        def year_link(key: str, year: int) -> str:
            """Link to one year's page of a by-year index page (``timeline``, ``sources``)."""
            return relative(self.sitemap.year_url(key, year), page_url)

        def listed_at(kind: str, eid: str) -> str:
            """Link to where a by-year index page lists an entry (``timeline/2019/2/#id``)."""
            return relative(self.sitemap.anchors[(kind, eid)], page_url)

        def file_link(path: str) -> str:
            """Link to a generated file (download, feed) by its site path."""
            return relative(path, page_url).rstrip("/")

        return {
            "by_id": self.by_id, "labels": self.labels, "site": self.site, "sitemap": self.sitemap,
            "links": links, "citer": citer, "roles_on": roles_on,
            "speaker_name": speaker_name, "speaker_link": speaker_link, "quote_url": quote_url,
            "figure_url": figure_url,
            "page_url": page_url, "file_link": file_link, "year_link": year_link, "listed_at": listed_at,
            "dates": t.dates,
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
            "has_page": self.site.pages.__contains__,
        }

    # -- the pages ------------------------------------------------------------------------

    def plan(self) -> Iterator[Page]:
        """Every generated page, with its structured data: each index page type's pages (in the order of
        ``PAGE_TYPES``), then each entry's page."""
        for index in self.sitemap.pages:
            yield from self._noted(index.type.pages(self))
        for entries in ENTRY_TYPES:
            yield from self._noted(entries.pages(self), entries.kind)

    def _noted(self, pages: Iterator[Page], kind: str | None = None) -> Iterator[Page]:
        """The pages with their structured data and, when the data set is tracked (`mkdocs serve --dirty`), what
        building each read of it (an entry page also reads its own entry, ``kind``)."""
        if not is_tracked(self.ds):  # a plain build: no dependency map
            yield from (self._structured(page) for page in pages)
            return
        while True:
            with reading() as reads:
                planned = next(pages, None)
                if planned is not None and not planned.kept:
                    self._structured(planned)
            if planned is None:
                return
            if planned.kept:  # the last build's page: its reads and structured data stay
                yield planned
                continue
            if kind is not None:
                reads.add((kind, planned.src_uri.rpartition("/")[2].removesuffix(".md")))
            planned.reads = frozenset(reads)
            yield planned

    def _structured(self, page: Page) -> Page:
        page.jsonld = jsonld.dumps(jsonld.page(page.structured or {}, self.lang))
        return page

    def address(self, path: str, page_url: str = "figures/") -> str:
        """A site path as an address in structured data: absolute under the edition's site_url, else
        relative to the page (JSON-LD resolves it against the page's own address)."""
        root = str(self.extra.get("site_url") or "")
        return root.rstrip("/") + "/" + path if root else (relative(path, page_url).rstrip("/") or "./")

    def downloads(self) -> list[str]:
        """The site path of each data file (the same files as ``downloads.files``)."""
        series = [f"data/series/{sid}.csv" for sid in self.ds.figures_by_series]
        return ["data/figures.csv", *series, *(f"data/{kind}.json" for kind in DOWNLOADS)]

    def render(self, page: Page) -> str:
        with reading() as reads:
            context = {**self.helpers(page.url), **page.context, "page_title": page.title}
            page.body = self.env.get_template(page.template).render(context)
        if page.reads is not None:  # an entry page under `mkdocs serve --dirty`
            page.reads |= reads
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
        """The tags some event carries, in the record's order (once per renderer: every year page asks)."""
        def compute() -> list[Any]:
            used = {t for e in self.ds.events.values() for t in e.tags}
            return [tag for tid, tag in self.ds.tags.items() if tid in used]
        return remembered(self.remembered, "used_tags", compute)

    def participants(self) -> list[Any]:
        """The people who take part in some event, in the record's order (once per renderer)."""
        return remembered(self.remembered, "participants", lambda: [
            p for pid, p in self.ds.people.items() if self.ds.events_by_person.get(pid)])

    def page_of(self, kind: str, eid: str) -> tuple[str, str] | None:
        """The page on which an entry appears, with a label for back-links; None if none shows it."""
        ds, declared, t = self.ds, KINDS[kind], self.t
        if declared.backlink:
            return self.sitemap.url(kind, eid), t.gettext(declared.backlink, **{declared.name: self.name(kind, eid)})
        if kind == "quotes":  # shown on another entry's page: the context's year of it, its event, its speaker
            q = ds.quotes[eid]
            if ("quotes", eid) in self.sitemap.anchors:
                return self.sitemap.anchors[("quotes", eid)], str(self.site.pages["context"].title)
            if q.event:
                return f"events/{q.event}/#{eid}", t.gettext("Quotation, %(event)s", event=self.name("events", q.event))
            skind, sid = q.speaker.key
            if skind in PAGED:
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

    def corrected(self, item: str) -> tuple[str, str, str | None, Quote | None]:
        """What a correction's 'kind/id' names, for readers: the kind in words, the entry's name or title (for a
        quotation, its speaker), the kind when the entry has a page of its own (the heading links to it), and
        the quotation itself (the heading shows its first words, in their language)."""
        kind, _, eid = item.partition("/")
        declared = KINDS[kind]
        return (self.t.pgettext(LABEL_CONTEXT, declared.label), self.name(kind, eid),
                kind if declared.has_pages else None, self.ds.quotes[eid] if kind == "quotes" else None)

    def name(self, kind: str, eid: str) -> str:
        """What readers know an entry by, in the edition's language (a quotation: who said it)."""
        value = getattr(getattr(self.ds, kind)[eid], KINDS[kind].name)
        return str(self.speaker_name(value) if isinstance(value, Speaker) else value)

    def speaker_name(self, speaker: Speaker) -> Any:
        """Who said it: a person's or organisation's name, or an agreement's title (one look-up for every page)."""
        kind, sid = speaker.key
        return getattr(getattr(self.ds, kind)[sid], KINDS[kind].name)

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
