"""The strict models of every data kind. One class per kind; each field says what it is for.

Why strict: contributors edit these files by hand, so a typo in a key, a number where text was
meant or a missing source must stop the build with a precise message rather than pass silently
(``extra="forbid"``, ``strict=True``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

from dossier.model.dates import PartialDate
from dossier.model.types import SLUG, HttpsUrl, Id, PlainText, Ref, Text, languages_of

# References to entries of another kind, checked after loading (written out so type checkers see them).
SourceRef = Annotated[str, Field(pattern=SLUG, description="id of an entry in data/sources"), Ref("sources")]
PersonRef = Annotated[str, Field(pattern=SLUG, description="id of an entry in data/people"), Ref("people")]
OrgRef = Annotated[str, Field(pattern=SLUG, description="id of an entry in data/organisations"), Ref("organisations")]
EventRef = Annotated[str, Field(pattern=SLUG, description="id of an entry in data/events"), Ref("events")]
AgreementRef = Annotated[str, Field(pattern=SLUG, description="id of an entry in data/agreements"), Ref("agreements")]
TagRef = Annotated[str, Field(pattern=SLUG, description="id of an entry in data/tags"), Ref("tags")]
ReportRef = Annotated[str, Field(pattern=SLUG, description="id of an entry in data/reports"), Ref("reports")]
SeriesRef = Annotated[str, Field(pattern=SLUG, description="id of an entry in data/series"), Ref("series")]
TermRef = Annotated[str, Field(pattern=SLUG, description="id of a term in data/glossary.yml"), Ref("glossary")]

Language = Annotated[str, Field(pattern=r"^[a-z]{2}$", description="ISO 639-1 language code")]
Sources = Annotated[list[SourceRef], Field(min_length=1, description="ids of the sources that state this")]


class Strict(BaseModel):
    """Base of every model: unknown fields and type coercions are errors."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, str_strip_whitespace=False)


# --- controlled vocabularies -------------------------------------------------------------


VocabularyKey = Annotated[str, Field(min_length=1, max_length=60, pattern=r"^[^\s].*[^\s]$|^[^\s]$",
                                      description="a key of the matching vocabulary in documentary.yml")]
"""A term of one of documentary.yml's vocabularies (source kinds, figure kinds, agreement kinds, parts);
checked against it after loading, like a reference."""
SourceKind = VocabularyKey
FigureKind = VocabularyKey
Part = VocabularyKey
AgreementKind = VocabularyKey
Wording = Literal["verbatim", "summary"]
FigureUnit = VocabularyKey
"""What a figure's number counts: a key of documentary.yml's ``vocabularies.units`` (e.g. 'people', 'percent')."""
SeriesUnit = VocabularyKey
"""What a series' points count: a unit of the vocabulary, or 'level' for a ranked scale named in ``levels``."""
LEVEL = "level"
"""The series unit of a ranked scale (e.g. tiers): its points name a level instead of giving a number."""
Approximation = Literal["approximately", "roughly", "about", "around", "almost", "nearly", "up to", "at least",
                        "more than", "fewer than"]
"""How the source hedges a number; shown before it."""


def _in_order(start: PartialDate | int, end: PartialDate | int, name: str = "start") -> None:
    """The one rule of every span (a role, an event, a period, a series' years): its end is not before its
    start. Partial dates compare by what they may mean: an end that may be on or after the start is allowed."""
    before = end < start if isinstance(start, int) and isinstance(end, int) else \
        end.latest < start.earliest  # type: ignore[union-attr]
    if before:
        raise PydanticCustomError("end_before_start", "end {end} is before " + name + " {start}",
                                  {"end": str(end), "start": str(start), "field": "end"})


# --- kinds --------------------------------------------------------------------------------


class Tag(Strict):
    """A term of the controlled vocabulary used by events, agreement items, quotes and figures."""

    id: Id
    label: Text = Field(description="how the tag is shown to readers")
    description: Text | None = Field(default=None, description="what the tag covers")


def _editions_only(keys: Iterable[str], field: str, allowed: str, info: ValidationInfo) -> None:
    """Refuse a language key that no edition has (``allowed`` words the list of those that do); the
    documentary's languages come with the validation (``types.languages_of``)."""
    languages = languages_of(info)
    unknown = sorted(set(keys) - set(languages)) if languages else []
    if unknown:
        raise PydanticCustomError("language", "no edition in '{lang}'; " + allowed + ": {langs}",
                                  {"lang": unknown[0], "langs": ", ".join(languages or ()), "field": field})


class GlossaryTerm(Strict):
    """A term of the record in every edition's language: the one wording the site uses for a concept, and the
    wordings it does not use (a test fails when an edition's page shows one outside a quotation or title)."""

    id: Id
    term: Text = Field(description="the term, in each language, as the site writes it")
    abbreviation: PlainText | None = Field(default=None, description="the abbreviation used beside it, e.g. 'NRM'")
    definition: Text | None = Field(default=None, description="what the term means in this record, in a sentence")
    avoid: dict[str, list[PlainText]] = Field(
        default_factory=dict, description="by language code: wordings of the same concept the site does not use "
        "(outside quotations and source titles)")

    @model_validator(mode="after")
    def _languages(self, info: ValidationInfo) -> GlossaryTerm:
        _editions_only(self.avoid, "avoid", "'avoid' may list", info)
        return self


class Source(Strict):
    """A published document the site cites."""

    id: Id
    title: PlainText = Field(description="the document's own title, as published, in its own language (never "
                             "translated)")
    publisher: PlainText = Field(description="who published it (the outlet or institution)")
    kind: SourceKind
    published: PartialDate = Field(description="publication date, at the precision known")
    url: HttpsUrl = Field(description="address of the document (https only)")
    language: Annotated[str, Field(pattern=r"^[a-z]{2}$")] = Field(description="ISO 639-1 language code")
    accessed: PartialDate | None = Field(default=None, description="when the page was last checked")
    archive_url: HttpsUrl | None = Field(default=None, description="an archived copy, e.g. on the Wayback Machine")
    republished_by: PlainText | None = Field(
        default=None, description="outlet whose copy 'url' points to, if not the publisher's"
    )
    note: Text | None = Field(default=None, description="what the reader should know about this source")


PublisherKind = VocabularyKey
"""What a publisher is (documentary.yml's ``publisher_kinds``: government, state media, newsroom, NGO...)."""


class Publisher(Strict):
    """One entry of the publisher register: who stands behind a source, the same way on every citation."""

    id: Id
    name: Text = Field(description="the publisher's name in each edition's language")
    aliases: list[PlainText] = Field(default_factory=list, description="other names sources give in 'publisher' "
                                     "for it (an edition, an abbreviation): each must be unique in the register")
    country: Annotated[str, Field(pattern=r"^([A-Z]{2}|international)$")] = Field(
        description="ISO 3166 alpha-2 code (GB, VN, US) or 'international'")
    languages: Annotated[list[Language], Field(min_length=1)] = Field(description="languages its cited texts are in")
    kind: PublisherKind
    ownership: Text | None = Field(default=None, description="who owns or runs it, where it matters to a reader "
                                   "(e.g. 'newspaper of the Ministry of Public Security'); needs 'sources'")
    hosts: list[PlainText] = Field(default_factory=list, description="the web hosts of its own addresses, e.g. "
                                   "'cand.com.vn': a source's address must be on one (subdomains included)")
    sources: list[SourceRef] = Field(default_factory=list, description="sources for the ownership")

    @model_validator(mode="after")
    def _ownership_sourced(self) -> Publisher:
        if self.ownership is not None and not self.sources:
            raise PydanticCustomError("ownership_unsourced", "'ownership' needs 'sources' that state it",
                                      {"field": "ownership"})
        return self


class Organisation(Strict):
    """A government body, party, NGO or outlet named in the data."""

    id: Id
    name: Text
    native_name: PlainText | None = Field(default=None, description="name in its own language, if a source gives it")
    country: Annotated[str, Field(pattern=r"^([A-Z]{2}|international)$")] = Field(
        description="ISO 3166 alpha-2 code (GB, VN, US) or 'international'"
    )
    sources: Sources


class RankAccount(Strict):
    """A rank as some sources give it: the record's term for it, and the sources' own wording."""

    # Accounts of different ranks are told in the order of their sources' dates (a promotion); the page says
    # the sources disagree only when those dates overlap (render/ranks.py).

    rank: TermRef = Field(description="the rank's term in data/glossary.yml (e.g. 'rank-senior-lieutenant-"
                          "general'): both editions show its wording, so one rank is never shown as two")
    as_stated: list[PlainText] = Field(default_factory=list, description="the sources' own wordings where they "
                                       "differ from the term (e.g. 'Sen. Lt. Gen.', 'Colonel General')")
    sources: Sources


class Role(Strict):
    """A position a person held, with the dates the sources give."""

    title: Text = Field(description="title of the post, as the sources word it")
    organisation: OrgRef
    start: PartialDate | None = Field(default=None, description="when the post began, if a source says")
    end: PartialDate | None = Field(default=None, description="when the post ended, if a source says")
    attested: list[PartialDate] = Field(
        default_factory=list, description="dates on which a cited source shows the person in this post"
    )
    rank: list[RankAccount] = Field(default_factory=list, description="rank while in this post, one entry per rank "
                                    "the sources give")
    single_holder: bool = Field(
        default=False, description="true when one person at a time holds the post (e.g. Home Secretary): "
        "overlapping holders are then an error"
    )
    sources: Sources

    @model_validator(mode="after")
    def _dated(self) -> Role:
        if self.start is None and self.end is None and not self.attested:
            raise PydanticCustomError("undated_role", "a role needs a start, an end or an 'attested' date")
        if self.start and self.end:
            _in_order(self.start, self.end)
        ranks = [a.rank for a in self.rank]
        if len(set(ranks)) < len(ranks):
            twice = next(r for i, r in enumerate(ranks) if r in ranks[:i])
            raise PydanticCustomError("rank_twice", "rank '{rank}' is given twice: list its sources and "
                                      "wordings in one entry", {"rank": twice, "field": "rank"})
        return self

    def held_on(self, day: PartialDate) -> bool:
        """Whether the sources place the person in this post on ``day``."""
        if any(a.covers(day) or day.covers(a) for a in self.attested):
            return True
        if self.start is None:
            return False
        return self.start.earliest <= day.earliest and (self.end is None or day.latest <= self.end.latest)


class Person(Strict):
    """A named official, with the posts the sources give for them."""

    id: Id = Field(description="ASCII slug of the name, e.g. 'ada-okafor'")
    name: PlainText = Field(description="name in its own language, with diacritics where a source gives them")
    ascii_name: PlainText | None = Field(default=None, description="name without diacritics, for search")
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")]
    roles: Annotated[list[Role], Field(min_length=1)]
    note: Text | None = Field(default=None, description="e.g. how sources spell the name")
    sources: Sources


class Participant(Strict):
    """A person's part in an event."""

    person: PersonRef
    part: Part


class Event(Strict):
    """Something that happened on a date, as the sources report it."""

    id: Id
    date: PartialDate
    end: PartialDate | None = None
    title: Text
    summary: Text = Field(description="what happened, neutrally worded, stating only what the sources say")
    place: Text | None = None
    participants: list[Participant] = Field(default_factory=list)
    organisations: list[OrgRef] = Field(default_factory=list)
    tags: list[TagRef] = Field(default_factory=list)
    agreements: list[AgreementRef] = Field(default_factory=list, description="documents signed or discussed")
    sources: Sources

    @model_validator(mode="after")
    def _span(self) -> Event:
        if self.end:
            _in_order(self.date, self.end, "date")
        return self


class Item(Strict):
    """A commitment or measure of an agreement."""

    id: Id
    text: Text = Field(description="the commitment, verbatim where 'wording' says so")
    wording: Wording = Field(description="'verbatim' when copied from the source, 'summary' otherwise")
    tags: Annotated[list[TagRef], Field(min_length=1)]
    sources: Sources
    note: Text | None = None


class Signatory(Strict):
    person: PersonRef
    sources: Sources


class Agreement(Strict):
    """A document or meeting of the partnership, in the register of agreements."""

    id: Id
    title: Text
    kind: AgreementKind
    date: PartialDate
    place: Text | None = None
    summary: Text
    signatories: list[Signatory] = Field(default_factory=list)
    items: list[Item] = Field(default_factory=list, description="commitments or measures, one per item")
    sources: Sources
    note: Text | None = None


class Speaker(Strict):
    """Who is quoted or states a figure: exactly one of a person, an organisation or a joint document."""

    person: PersonRef | None = None
    organisation: OrgRef | None = None
    agreement: AgreementRef | None = Field(default=None, description="a text issued jointly by its signatories")

    @model_validator(mode="after")
    def _one(self) -> Speaker:
        if [self.person, self.organisation, self.agreement].count(None) != 2:
            raise PydanticCustomError("speaker", "give exactly one of 'person', 'organisation' or 'agreement'")
        return self

    @property
    def key(self) -> tuple[str, str]:
        """(kind, id) of whoever speaks."""
        if self.person:
            return ("people", self.person)
        if self.organisation:
            return ("organisations", self.organisation)
        return ("agreements", self.agreement or "")


class Period(Strict):
    """The span a figure covers."""

    start: PartialDate
    end: PartialDate
    label: Text | None = Field(default=None, description="the period in words, e.g. 'year ending June 2025'")

    @model_validator(mode="after")
    def _order(self) -> Period:
        _in_order(self.start, self.end)
        return self


class Revision(Strict):
    """An earlier value of a figure, as an earlier release published it. Official statistics are revised
    between releases: the figure's ``value`` is the latest, each revision is kept and shown ("first
    published as 991"), never silently replaced."""

    value: int | float | None = Field(default=None, description="the number the earlier release gave")
    as_stated: PlainText | None = Field(default=None, description="that release's own words, verbatim")
    table: PlainText | None = Field(default=None, description="the release's table, e.g. 'Irr_D01', if it names one")
    sources: Sources = Field(description="the earlier release(s) that gave this value")

    @model_validator(mode="after")
    def _something(self) -> Revision:
        if self.value is None and self.as_stated is None:
            raise PydanticCustomError("no_value", "a revision needs the earlier 'value' (or 'as_stated')",
                                      {"field": "value"})
        return self


class Figure(Strict):
    """A number as a source states it, with who states it and what kind of statement it is.

    The unit lives in ``unit`` only, and the number in ``value`` only: the page writes them once
    ("approximately 17%"). ``as_stated`` keeps the source's own words, shown apart as a quotation.
    """

    id: Id
    label: Text = Field(description="what is counted, e.g. 'people arriving by boat, by nationality'")
    value: int | float | None = Field(description="the number, or null when the source gives none ('halved')")
    unit: FigureUnit | None = Field(
        default=None, description="what the number counts; left out only when there is no value"
    )
    approximation: Approximation | None = Field(
        default=None, description="the source's hedge on the number, e.g. 'up to', 'almost', 'approximately'"
    )
    as_stated: PlainText | None = Field(
        default=None, description="the value in the source's own words, verbatim, e.g. 'approximately 17 per cent'"
    )
    translations: dict[Language, PlainText] = Field(
        default_factory=dict, description="for a figure without a number: the project's unofficial translations of "
        "'as_stated' by language (e.g. {vi: giảm một nửa} for 'cut by half'), shown as the value, labelled ours")
    period: Period | None = None
    kind: FigureKind
    stated_by: Speaker
    report: ReportRef | None = Field(default=None, description="the report the number comes from, if named")
    sources: Sources
    table: PlainText | None = Field(default=None, description="the table of the release the number is read from, "
                                    "e.g. 'Irr_D01', where the release names one")
    revisions: list[Revision] = Field(default_factory=list, description="earlier values of the same figure, oldest "
                                      "first, each with the release that gave it; 'value' is the latest")
    caveats: list[Text] = Field(default_factory=list)
    series: SeriesRef | None = Field(default=None, description="the time series this figure is a point of "
                                     "(it then needs a 'period'); points of a series are charted together")
    tags: list[TagRef] = Field(default_factory=list)

    @model_validator(mode="after")
    def _value_and_unit(self, info: ValidationInfo) -> Figure:
        if self.value is None and self.as_stated is None:
            raise PydanticCustomError("no_value", "a figure without a number needs 'as_stated', the source's words",
                                      {"field": "value"})
        if self.value is None and (self.unit is not None or self.approximation is not None):
            raise PydanticCustomError("unit_without_value", "'unit' and 'approximation' need a 'value'",
                                      {"field": "unit" if self.unit is not None else "approximation"})
        if self.value is not None and self.unit is None:
            raise PydanticCustomError("value_without_unit", "a 'value' needs a 'unit'", {"field": "value"})
        if self.translations and self.value is not None:
            raise PydanticCustomError("translated_number", "'translations' are for a figure without a number: "
                                      "a number is written in each edition's own style", {"field": "translations"})
        _editions_only(self.translations, "translations", "translations may be in", info)
        return self


class YearSpan(Strict):
    """The calendar years a series sets out to cover, first and last included."""

    start: Annotated[int, Field(ge=1900, le=2100)]
    end: Annotated[int, Field(ge=1900, le=2100)]

    @model_validator(mode="after")
    def _order(self) -> YearSpan:
        _in_order(self.start, self.end)
        return self


class Gap(Strict):
    """Years of a series without a point, and why: shown as missing, never interpolated."""

    years: Annotated[list[Annotated[int, Field(ge=1900, le=2100)]], Field(min_length=1)]
    reason: Text = Field(description="why there is no point, e.g. 'not published by nationality before 2018', "
                         "or 'the release was not available to this record'")


class Series(Strict):
    """A time series: what its points (figures naming it in ``series``) measure, charted over time."""

    id: Id
    title: Text = Field(description="what is counted over time, e.g. 'arrivals by boat, per year'")
    description: Text | None = Field(default=None, description="what readers should know about the series")
    unit: SeriesUnit = Field(description="what every point counts; 'level' for a ranked scale given in 'levels'")
    levels: list[PlainText] = Field(
        default_factory=list, description="for unit 'level': the scale's steps, lowest rank first; each point's "
        "'as_stated' names one of them"
    )
    covers: YearSpan | None = Field(default=None, description="the years the series sets out to cover: every one "
                                    "needs a point or a gap with its reason")
    gaps: list[Gap] = Field(default_factory=list, description="covered years without a point, with the reason")
    tags: list[TagRef] = Field(default_factory=list)
    note: Text | None = None

    @model_validator(mode="after")
    def _levels(self) -> Series:
        if (self.unit == LEVEL) != bool(self.levels):
            raise PydanticCustomError("series_levels", "'levels' is needed with unit 'level', and only then",
                                      {"field": "levels" if self.levels else "unit"})
        if len(set(self.levels)) != len(self.levels):
            raise PydanticCustomError("series_levels", "a level is listed twice", {"field": "levels"})
        return self


class Report(Strict):
    """A report cited or quoted in the record (e.g. one year of an NGO's annual report)."""

    id: Id
    title: Text
    author: OrgRef
    published: PartialDate = Field(description="publication date, as precise as the quoting source allows")
    covers: PartialDate | None = Field(
        default=None, description="the year or period the report describes, when a source says (e.g. 2023 for a "
        "report published in 2024)"
    )
    sources: Sources
    note: Text | None = None




class Quote(Strict):
    """A verbatim quotation. Only quote marks and whitespace may differ from the source.

    The text stays in the language it was published in (``lang``); ``translations`` holds the
    project's own, unofficial translations into the other editions' languages, shown beside it.
    """

    id: Id
    text: PlainText = Field(description="verbatim, in the language published; an omission is marked with an "
                                         "ellipsis (…)")
    lang: Language = Field(default="en", description="the language of 'text' as published (ISO 639-1)")
    translations: dict[Language, PlainText] = Field(
        default_factory=dict, description="the project's unofficial translations of the text, by language, "
        "e.g. {vi: ...} for an English quotation; never the original's own language"
    )
    speaker: Speaker
    date: PartialDate = Field(description="when it was said or published")
    event: EventRef | None = None
    report: ReportRef | None = Field(default=None, description="the report quoted, for report passages")
    context: Text | None = Field(default=None, description="how the source introduces the quotation")
    sources: Sources
    tags: list[TagRef] = Field(default_factory=list)

    @model_validator(mode="after")
    def _translations(self, info: ValidationInfo) -> Quote:
        _editions_only(self.translations, "translations", "translations may be in", info)
        if self.lang in self.translations:
            raise PydanticCustomError("translation_of_original", "a translation into '{lang}', the quotation's own "
                                      "language: the text itself is the original",
                                      {"lang": self.lang, "field": "translations"})
        return self


class Correction(Strict):
    """An entry of the corrections log: what changed on the site, when and why."""

    id: Id
    date: PartialDate
    item: PlainText = Field(description="the affected entry, as kind/id, e.g. 'quotes/tomlinson-2024-04-18'")
    change: Text
    reason: Text
    sources: list[SourceRef] = Field(default_factory=list)
