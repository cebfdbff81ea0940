"""The documentary's identity and page texts: ``documentary.yml`` beside ``mkdocs.yml``.

The generator knows no topic. Everything a reader sees that names the subject (the title, the
author of citations and feeds, the licence, each page's title, description and introduction,
the tag of the context page) comes from this file, validated as strictly as the data and
reported with the same ``file:line:col`` errors. Text fields take ``{en: ..., vi: ...}`` like the
data's, so an edition in another language translates them in place.
"""

from __future__ import annotations

import string
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, PrivateAttr, model_validator
from pydantic_core import PydanticCustomError

from dossier.model.entities import Strict
from dossier.model.types import HttpsUrl, Id, LanguageCode, PlainText, Text

PLACEHOLDERS = ("count",)
"""Names a page description may use in braces: ``{count}`` is the number of entries the page lists."""


def _placeholders(value: Text) -> Text:
    for text in value.translations.values():
        try:
            names = {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
        except ValueError:
            raise PydanticCustomError("placeholder", "unbalanced '{' or '}' (write '{{' for a brace)") from None
        unknown = sorted(names - set(PLACEHOLDERS))
        if unknown:
            known = ", ".join(f"{{{p}}}" for p in PLACEHOLDERS)
            raise PydanticCustomError("placeholder", "unknown placeholder {name}; use one of: {known}",
                                      {"name": f"{{{unknown[0]}}}", "known": known})
    return value


Template = Annotated[Text, AfterValidator(_placeholders)]
"""Text that may contain ``{count}``."""


class PageText(Strict):
    """What one generated page says about itself."""

    title: Text = Field(description="the page's title, in the navigation, the tab and citations")
    heading: Text | None = Field(default=None, description="the page's main heading, when it differs from the title")
    description: Template = Field(description="one or two sentences for search engines and link previews; "
                                  "may use {count}")
    intro: Text | None = Field(default=None, description="the paragraph under the title")
    summary: Text | None = Field(default=None, description="one line for the home page's list of where to go next")
    lead: Text | None = Field(default=None, description="what the record is, in two sentences (the home page's lead)")


class Licence(Strict):
    """The licence of the record's text and data (quotations stay their authors')."""

    id: PlainText = Field(description="SPDX identifier, e.g. 'CC-BY-4.0'")
    title: Text = Field(description="full name, e.g. 'Creative Commons Attribution 4.0'")
    url: HttpsUrl
    notice: Text = Field(description="the sentence printed under every page")
    short: PlainText = Field(description="short name in download links, e.g. 'CC BY 4.0'")


class Feeds(Strict):
    """Titles of the Atom feeds, and how many of the newest entries each carries."""

    events: Text
    corrections: Text
    limit: int = Field(default=50, ge=1, le=1000, description=(
        "entries per feed: the most recent ones (a feed reader polls the whole file, so it must not grow "
        "with the record)"))


class DatasetText(Strict):
    """Title and description of a published data set (the figures in JSON-LD)."""

    title: Text
    description: Text


class DataPackage(DatasetText):
    """The open-data package (``datapackage.json``)."""

    name: Id = Field(description="the package's name, lower-case with hyphens")


class Term(Strict):
    """One term of a vocabulary: how readers see it, and what it means."""

    label: Text = Field(description="how the term is shown to readers")
    description: Text | None = Field(default=None, description="what the term means, shown where it is explained")


class SourceKindTerm(Term):
    """A kind of source (document)."""

    primary: bool = Field(default=False, description="true for documents that publish a fact or figure first-hand "
                          "(a statistical release, an official report, Hansard, a judgment), as opposed to a "
                          "newsroom's or a press office's retelling; an official statistic needs one")


class PublisherKindTerm(Term):
    """A kind of publisher (data/publishers.yml)."""

    official: bool = Field(default=False, description="true for official voices (the government and its agencies, "
                           "state-run or Party media): an event whose every source is official says on its "
                           "page that the account is the official one")


class FigureKindTerm(Term):
    """A kind of figure (statement about a number)."""

    measured: bool = Field(default=False, description="true for measurements (e.g. official statistics): their "
                           "period cannot end after their source was published; claims and projections are false")


class AgreementKindTerm(Term):
    """A kind of agreement or meeting."""

    items_heading: Text | None = Field(default=None, description="heading of the items on the agreement's page "
                                       "(by default 'Commitments and measures')")


PluralCategory = Literal["zero", "one", "two", "few", "many", "other"]
"""CLDR plural categories (Babel tells which one a number takes in each language)."""


class UnitTerm(Term):
    """A unit figures and series count in: how a number in it is written, and the range it can take.

    The range is a plausibility rule: a value outside it is refused at its line, so a count of people
    larger than any population, a share above 100 per cent or a number that overflowed is caught."""

    label: Text = Field(description="the unit as an axis title, e.g. 'Number of people'")
    style: Literal["number", "percent"] = Field(
        default="number", description="'percent' writes 17 as '17%' in the edition's format; 'number' uses 'written'")
    written: dict[PluralCategory, Text] = Field(
        default_factory=dict, description="how a number is written, by CLDR plural category, with {num} for the "
        "number, e.g. {one: '{num} person', other: '{num} people'}; 'other' is required for style 'number'")
    minimum: float = Field(default=0, description="the smallest plausible value")
    maximum: float = Field(description="the largest plausible value, e.g. 100 for percent, a world population "
                           "for people")
    whole: bool = Field(default=False, description="true when values are whole numbers (a count of people)")

    @model_validator(mode="after")
    def _forms(self) -> UnitTerm:
        if self.style == "number" and "other" not in self.written:
            raise PydanticCustomError("unit_written", "a unit of style 'number' needs 'written' with an 'other' form, "
                                      "e.g. other: '{num} litres'", {"field": "written"})
        for form in self.written.values():
            if any("{num}" not in text for text in form.translations.values()):
                raise PydanticCustomError("unit_written", "each written form needs {num}, where the number goes",
                                          {"field": "written"})
        if self.maximum <= self.minimum:
            raise PydanticCustomError("unit_range", "maximum is not above minimum", {"field": "maximum"})
        return self


class Vocabularies(Strict):
    """The controlled vocabularies of the data: the keys data files use, with their labels."""

    source_kinds: dict[PlainText, SourceKindTerm] = Field(description="what a source is, e.g. 'news report'")
    publisher_kinds: dict[PlainText, PublisherKindTerm] = Field(
        default_factory=dict,
        description="what a publisher of the register (data/publishers.yml) is, e.g. 'state media'")
    figure_kinds: dict[PlainText, FigureKindTerm] = Field(description="what kind of statement a figure is")
    agreement_kinds: dict[PlainText, AgreementKindTerm] = Field(description="what an agreement or meeting is")
    parts: dict[PlainText, Term] = Field(description="a person's part in an event, e.g. 'co-chair'")
    units: dict[PlainText, UnitTerm] = Field(description="what figures and series count, e.g. 'people', with how a "
                                             "number is written and its plausible range (a series may also be "
                                             "'level', a ranked scale)")


class Edition(Strict):
    """A further language edition of the whole site, at ``/<path>/`` (built from ``mkdocs.<language>.yml``)."""

    language: LanguageCode = Field(description="the edition's language")
    region: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] | None = Field(
        default=None, description="country of the language variant, for og:locale (e.g. 'VN' gives vi_VN)")
    path: Id | None = Field(default=None, description="the edition's folder, by default its language code")

    @property
    def locale(self) -> str:
        return f"{self.language}_{self.region}" if self.region else self.language

    @property
    def prefix(self) -> str:
        """Where the edition lives, relative to the site root: 'vi/' (the base edition: '')."""
        if self.path == "":
            return ""
        return f"{self.path or self.language}/"


class PerPage(Strict):
    """How many entries one page lists, for the index pages that split: past it, the list goes on at
    ``<year>/2/`` (a timeline or sources year) or ``page/2/`` (the people), so no page grows with the record."""

    timeline: Annotated[int, Field(ge=1)] = Field(default=30, description="events on one page of a timeline year")
    sources: Annotated[int, Field(ge=1)] = Field(default=80, description="sources on one page of a sources year")
    people: Annotated[int, Field(ge=1)] = Field(default=60, description="people on one page of the people index")


class Documentary(Strict):
    """A documentary record: who publishes it, under which licence, and what its pages say."""

    title: Text = Field(description="full title, e.g. on the home page and in the data package")
    author: Text = Field(description="author of the record as a whole, in citations and feeds")
    key: Id = Field(description="short ASCII name, the prefix of BibTeX keys (e.g. 'myrecord')")
    language: LanguageCode = Field(description="language of the base edition")
    region: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] | None = Field(
        default=None, description="country of the language variant, for og:locale (e.g. 'GB' gives en_GB)")
    licence: Licence
    context_tag: Id | None = Field(default=None, description="tag whose quotations and figures the context page shows")
    context_path: Id = Field(default="context", description="address of the context page, e.g. 'reviews'")
    context_figures_heading: Text | None = Field(default=None, description="heading of the figures on the context page")
    context_figures_anchor: Id = Field(default="context-figures", description="the id of that heading, for links")
    about_summary: Text | None = Field(
        default=None, description="one line after the About link in the home page's list of where to go next, "
        "e.g. 'editorial standards and how to report an error.'")
    featured_figures: Annotated[int, Field(ge=0, le=24)] = Field(
        default=6, description="how many figures the home page shows")
    featured_series: Id | None = Field(default=None, description="the time series the home page charts (an id in "
                                       "data/series)")
    timeline_lines: Annotated[int, Field(ge=0)] = Field(
        default=400, description="up to this many events, the timeline's overview lists every event as a line, "
        "with filters over the whole record; beyond it (a page that would be too heavy), the overview keeps the "
        "rail and the years, and each year's page carries the filters")
    per_page: PerPage = Field(default_factory=PerPage, description="how many entries one page of an index lists "
                              "(the timeline's and the sources' years, the people) before it goes on to a next page")
    pages: dict[str, PageText] = Field(description="the generated pages this documentary has, and their texts")
    """Keyed by the generator's page types (``render.pages.PAGE_TYPES``; checked in ``validate.check``)."""
    feeds: Feeds
    vocabularies: Vocabularies
    data_package: DataPackage = Field(description="the open-data package (datapackage.json)")
    figures_dataset: DatasetText = Field(description="the figures as a Dataset in the figures page's JSON-LD")
    editions: list[Edition] = Field(
        default_factory=list, description="further language editions, each the whole site at /<path>/ with the "
        "data's translations (text fields written {en: ..., vi: ...})")

    @property
    def locale(self) -> str:
        """The base edition's locale, e.g. 'en_GB'."""
        return f"{self.language}_{self.region}" if self.region else self.language

    _catalogues: tuple[str, ...] = PrivateAttr(default=())

    @property
    def catalogues(self) -> tuple[str, ...]:
        """The documentary's own ``locale/`` folder, when it has one (set by ``validate.check``): its
        ``<lang>/LC_MESSAGES/messages.po`` and ``<lang>/language.yml`` add to or override the generator's."""
        return self._catalogues

    def with_catalogues(self, root: Path) -> Documentary:
        """The documentary at ``root``, with its own catalogues found there."""
        own = root / "locale"
        self._catalogues = (str(own.resolve()),) if own.is_dir() else ()
        return self

    @property
    def languages(self) -> tuple[str, ...]:
        """Every edition's language, the base one first: the keys a translatable text may have."""
        return tuple(e.language for e in self.all_editions)

    @property
    def all_editions(self) -> list[Edition]:
        """Every edition, the base one (at the root) first."""
        return [Edition.model_construct(language=self.language, region=self.region, path=""), *self.editions]

    def edition(self, language: str) -> Edition:
        """The edition in ``language``; the base edition for an unknown one."""
        return next((e for e in self.all_editions if e.language == language), self.all_editions[0])
