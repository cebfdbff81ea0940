"""Plausibility: data that is well-formed but cannot be true.

The models check shape and the reference check checks that ids exist; a careful editor also
checks that the statements can hold together. These are the constraint types Wikidata runs over
its statements (https://www.wikidata.org/wiki/Help:Property_constraints_portal), applied to our
kinds, one function per type:

- single value per period: one holder of a single-holder post at a time, no post listed twice
  for overlapping periods, one value per period and source in a figure series;
- distinct values: no two sources with one address, no quotation recorded twice, no event twice;
- allowed ranges: no date after today (the date type refuses years before 1900), percentages
  within 0–100, no negative counts;
- value types: a count of people is a whole number; a quotation tied to an event is spoken by
  one of its participants;
- differences within range: a source is not published before what it reports, a quotation not
  after the source quoting it, a statistic not for a period after its publication, an attested
  date inside the role's start and end, a page not accessed before it was published;
- consistent qualifiers: the points of a series have a period and the series' unit (or one of
  its levels); a passage of a report is stated by the report's author.

Dates are compared by their widest meaning (``PartialDate.bounds``): 'before 2025', '2024-03' or
'c. 2019' are refused only when no day they may stand for could make the statement true.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from pydantic import BaseModel

from dossier.errors import DataError
from dossier.load.files import RawEntry
from dossier.model.dates import PartialDate
from dossier.model.entities import LEVEL, Event, Figure, Person, Quote, Role, Source, Strict
from dossier.model.site import UnitTerm
from dossier.model.types import normal_url


@dataclass
class Entries:
    """The entries that passed their model, by kind and id, with their raw form for positions."""

    by_kind: dict[str, dict[str, tuple[RawEntry, Strict]]]
    errors: list[DataError]

    def of(self, kind: str) -> Iterator[tuple[RawEntry, Any]]:
        yield from self.by_kind.get(kind, {}).values()

    def get(self, kind: str, eid: str | None) -> Any:
        hit = self.by_kind.get(kind, {}).get(eid or "")
        return hit[1] if hit else None

    def error(self, raw: RawEntry, loc: tuple[Any, ...], message: str, hint: str | None = None) -> None:
        self.errors.append(raw.error(loc, message, hint))


def _overlap(a: tuple[date, date], b: tuple[date, date]) -> bool:
    """Whether two spans certainly share a day (touching ends do not count: posts change hands on a day)."""
    return a[0] < b[1] and b[0] < a[1]


def _held(role: Role) -> list[tuple[tuple[Any, ...], tuple[date, date]]]:
    """(location, span) for each period a role is certainly held: from start to end, and each attested day."""
    spans: list[tuple[tuple[Any, ...], tuple[date, date]]] = []
    if role.start is not None:
        end = role.end.bounds[0] if role.end is not None else date.max
        spans.append((("start",), (role.start.bounds[1], end)))
    for i, day in enumerate(role.attested):
        if day.qualifier is None:
            spans.append((("attested", i), (day.earliest, day.latest + timedelta(days=1))))
    return spans


def _post(role: Role) -> tuple[str, str]:
    return str(role.title).casefold(), role.organisation


def single_value_per_period(entries: Entries) -> None:
    holders: dict[tuple[str, str], list[tuple[RawEntry, Person, int, Role]]] = defaultdict(list)
    for raw, person in entries.of("people"):
        for i, role in enumerate(person.roles):
            for j, other in enumerate(person.roles[:i]):
                if _post(role) == _post(other) and any(
                        _overlap(a, b) for _, a in _held(role) for _, b in _held(other)) and role.start and other.start:
                    entries.error(raw, ("roles", i), f"the post '{role.title}' is listed twice for overlapping "
                                  f"periods (roles {j} and {i})", "merge them into one role that lists both sources")
            holders[_post(role)].append((raw, person, i, role))
    for posts in holders.values():
        if not any(role.single_holder for *_, role in posts):
            continue
        for n, (raw, person, i, role) in enumerate(posts):
            for other_raw, other, _, other_role in posts[:n]:
                if other.id == person.id:
                    continue
                clash = next(((loc, a) for loc, a in _held(role) for _, b in _held(other_role) if _overlap(a, b)),
                             None)
                if clash:
                    entries.error(raw, ("roles", i, *clash[0]),
                                  f"'{role.title}' has one holder at a time, but {other.name} "
                                  f"({other_raw.display_path}) holds it then too",
                                  "check both people's dates: one role must end where the other starts")
    by_period: dict[tuple[str, str, str, str], tuple[RawEntry, Figure]] = {}
    for raw, figure in entries.of("figures"):
        if not figure.series or not figure.period:
            continue
        for sid in figure.sources:
            key = (figure.series, figure.period.start.iso, figure.period.end.iso, sid)
            first = by_period.setdefault(key, (raw, figure))
            if first[1].id != figure.id and first[1].value != figure.value:
                entries.error(raw, ("value",), f"source '{sid}' gives two values for this period of series "
                              f"'{figure.series}' ({first[1].value} in '{first[1].id}', {figure.value} here)",
                              "if two sources disagree, give each its own figure citing only that source")


def _normal_name(name: str) -> str:
    """A name as duplicate detection compares it: NFC, case and runs of whitespace folded."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def distinct_values(entries: Entries) -> None:
    checks: list[tuple[str, tuple[str, ...], Any, str]] = [
        ("sources", ("url",), lambda s: normal_url(s.url), "cite the existing source's id instead"),
        ("people", ("name",), lambda p: (_normal_name(p.name), p.country), "one person, one entry: merge the two"),
        ("organisations", ("name",), lambda o: (_normal_name(o.name), o.country), "merge the two entries"),
        ("quotes", ("text",), lambda q: _normal_name(q.text), "keep one entry and list both sources"),
        ("events", ("title",), lambda e: (e.date.iso, _normal_name(e.title)), "keep one entry and list both sources"),
    ]
    for kind, loc, key_of, hint in checks:
        seen: dict[Any, RawEntry] = {}
        for raw, entry in entries.of(kind):
            key = key_of(entry)
            if key in seen:
                entries.error(raw, loc, f"same {loc[0]} as '{seen[key].value.get('id')}' "
                              f"({seen[key].display_path})", hint)
            else:
                seen[key] = raw


def _dates(model: BaseModel, loc: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], PartialDate]]:
    """Every date in an entry, with its location."""
    for name in type(model).model_fields:
        value = getattr(model, name)
        values = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for i, v in values:
            here = (*loc, name) if i is None else (*loc, name, i)
            if isinstance(v, PartialDate):
                yield here, v
            elif isinstance(v, BaseModel):
                yield from _dates(v, here)


def _n(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def allowed_ranges(entries: Entries, today: date, units: Mapping[str, UnitTerm]) -> None:
    for kind in entries.by_kind:
        for raw, entry in entries.of(kind):
            for loc, day in _dates(entry):
                low = day.bounds[0]
                if low > today:
                    entries.error(raw, loc, f"{day} is in the future", "the record holds what has happened; "
                                  "a planned date belongs in the text, attributed to whoever announced it")
    for raw, figure in entries.of("figures"):
        unit = units.get(figure.unit or "")
        if figure.value is None or unit is None:
            continue
        if figure.value < unit.minimum:
            entries.error(raw, ("value",), f"{_n(figure.value)} is below the smallest plausible value in "
                          f"{figure.unit} ({_n(unit.minimum)})",
                          "give the size of a fall as a positive number and say 'fall' in the label"
                          if unit.minimum == 0 else "check the number, or the unit's range in documentary.yml")
        elif figure.value > unit.maximum:
            entries.error(raw, ("value",), f"{_n(figure.value)} is beyond the largest plausible value in "
                          f"{figure.unit} ({_n(unit.maximum)})", "check the number and the unit; the ranges are "
                          "documentary.yml's vocabularies.units")


def value_types(entries: Entries, units: Mapping[str, UnitTerm]) -> None:
    for raw, figure in entries.of("figures"):
        unit = units.get(figure.unit or "")
        if unit and unit.whole and isinstance(figure.value, float) and not figure.value.is_integer():
            entries.error(raw, ("value",), f"a number of {figure.unit} is a whole number, not {figure.value}",
                          "if the source gives an average or a rate, choose another unit or give its words "
                          "in 'as_stated'")
    for raw, quote in entries.of("quotes"):
        event: Event | None = entries.get("events", quote.event)
        if event is None or quote.speaker.person is None:
            continue
        if quote.speaker.person not in {p.person for p in event.participants}:
            entries.error(raw, ("speaker", "person"), f"'{quote.speaker.person}' is not a participant of the event "
                          f"'{event.id}'", "add them to the event's participants, or remove 'event'")


def _published(entries: Entries) -> Callable[[str], tuple[date, date] | None]:
    """A source's publication date as (earliest, latest), or None for an unknown source."""
    def published(sid: str) -> tuple[date, date] | None:
        source: Source | None = entries.get("sources", sid)
        return source.published.bounds if source else None
    return published


def differences_within_range(entries: Entries, measured_kinds: set[str]) -> None:
    published = _published(entries)
    for raw, event in entries.of("events"):
        for i, sid in enumerate(event.sources):
            when = published(sid)
            if when and when[1] < event.date.bounds[0]:
                entries.error(raw, ("sources", i), f"source '{sid}' was published before the event's date {event.date}",
                              "check the event's date and the source's 'published' date")
    for raw, quote in entries.of("quotes"):
        for sid in quote.sources:
            when = published(sid)
            if when and quote.date.bounds[0] > when[1]:
                entries.error(raw, ("date",), f"said on {quote.date}, after source '{sid}' that quotes it "
                              "was published", "check the quotation's date and the source's 'published' date")
                break
    for raw, figure in entries.of("figures"):
        if figure.kind not in measured_kinds or figure.period is None:
            continue
        for sid in figure.sources:
            when = published(sid)
            if when and figure.period.end.bounds[0] > when[1]:
                entries.error(raw, ("period", "end"), f"a statistic for a period ending {figure.period.end} cannot "
                              f"come from source '{sid}', published earlier",
                              "a number about the future is a projection, not a measurement")
                break
    for raw, person in entries.of("people"):
        for i, role in enumerate(person.roles):
            for j, day in enumerate(role.attested):
                low, high = day.bounds
                if (role.start and high < role.start.bounds[0]) or (role.end and low > role.end.bounds[1]):
                    entries.error(raw, ("roles", i, "attested", j), f"attested on {day}, outside the role's "
                                  f"dates ({role.start or '…'} to {role.end or '…'})", "check the dates")
    for raw, source in entries.of("sources"):
        if source.accessed and source.accessed.bounds[1] < source.published.bounds[0]:
            entries.error(raw, ("accessed",), f"accessed on {source.accessed}, before it was published "
                          f"({source.published})", "check both dates")


def consistent_qualifiers(entries: Entries) -> None:
    for raw, figure in entries.of("figures"):
        series = entries.get("series", figure.series)
        if series is None:
            continue
        if figure.period is None:
            entries.error(raw, ("period",), f"a point of series '{series.id}' needs a 'period'",
                          "give the span the number covers: period: {start: 2023, end: 2023}")
        if series.unit == LEVEL:
            if figure.value is not None or figure.as_stated not in series.levels:
                entries.error(raw, ("as_stated",), f"series '{series.id}' is a scale: a point has no 'value' and "
                              f"names one of its levels in 'as_stated' ({figure.as_stated!r} is not one)",
                              "levels: " + ", ".join(series.levels))
        elif figure.value is None:
            entries.error(raw, ("value",), f"series '{series.id}' charts numbers: a point needs a 'value'",
                          "a statement without a number is a figure outside the series")
        elif figure.unit != series.unit:
            entries.error(raw, ("unit",), f"series '{series.id}' counts {series.unit}, this figure {figure.unit}",
                          "one series, one unit")
    for kind in ("quotes", "figures"):
        for raw, entry in entries.of(kind):
            speaker = entry.speaker if isinstance(entry, Quote) else entry.stated_by
            report = entries.get("reports", entry.report)
            if report is not None and speaker.organisation and speaker.organisation != report.author:
                where = ("speaker" if isinstance(entry, Quote) else "stated_by", "organisation")
                entries.error(raw, where, f"'{speaker.organisation}' is not the author of report "
                              f"'{report.id}' ({report.author})", "a report's passages are stated by its author")


def revisions_and_gaps(entries: Entries) -> None:
    """A revision is older than the value it gives way to; a series' covered years each have a point or a gap."""
    published = _published(entries)
    years_of: dict[str, set[int]] = defaultdict(set)
    for raw, figure in entries.of("figures"):
        if figure.series and figure.period:
            years_of[figure.series].update(range(figure.period.start.earliest.year,
                                                 figure.period.end.latest.year + 1))
        latest = max((b[1] for b in map(published, figure.sources) if b), default=None)
        for i, rev in enumerate(figure.revisions):
            if rev.value is not None and rev.value == figure.value and rev.as_stated == figure.as_stated:
                entries.error(raw, ("revisions", i, "value"), "a revision gives the same value as the figure",
                              "a release that confirms the value is one more source of the figure")
            for j, sid in enumerate(rev.sources):
                if sid in figure.sources:
                    entries.error(raw, ("revisions", i, "sources", j), f"source '{sid}' gives both the figure's value "
                                  "and this earlier one", "a release gives one value for a period")
                when = published(sid)
                if when and latest and when[0] > latest:
                    entries.error(raw, ("revisions", i, "sources", j), f"source '{sid}' was published after the "
                                  "figure's own sources: a revision is an earlier value",
                                  "put the latest release's value in 'value' and this one in 'revisions'")
    for raw, series in entries.of("series"):
        has = years_of.get(series.id, set())
        gap_years: dict[int, int] = {}
        for i, gap in enumerate(series.gaps):
            for j, year in enumerate(gap.years):
                if series.covers is None or not series.covers.start <= year <= series.covers.end:
                    entries.error(raw, ("gaps", i, "years", j), f"{year} is outside the years the series covers",
                                  "set 'covers: {start: …, end: …}' to include it, or remove the year")
                elif year in has:
                    entries.error(raw, ("gaps", i, "years", j), f"{year} has a point: it is not missing",
                                  "remove the year from the gap")
                elif year in gap_years:
                    entries.error(raw, ("gaps", i, "years", j), f"{year} is in two gaps", "keep one reason")
                gap_years.setdefault(year, i)
        if series.covers:
            missing = [y for y in range(series.covers.start, series.covers.end + 1)
                       if y not in has and y not in gap_years]
            if missing:
                entries.error(raw, ("covers",), f"no point and no stated gap for {', '.join(map(str, missing))}",
                              "add the year's point, or a gap: {years: [...], reason: {en: ..., vi: ...}}")


def known_publishers(entries: Entries) -> None:
    """With a register (data/publishers.yml), every source names a publisher of it and sits on its own site."""
    register = [p for _, p in entries.of("publishers")]
    if not register:
        return
    owner: dict[str, Any] = {}
    for raw, publisher in entries.of("publishers"):
        names = [*publisher.name.translations.values(), *publisher.aliases]
        for n in dict.fromkeys(names):
            if n in owner and owner[n].id != publisher.id:
                entries.error(raw, ("aliases",), f"'{n}' names two publishers ('{owner[n].id}' and '{publisher.id}')",
                              "a name must point to one entry of the register")
            owner.setdefault(n, publisher)
    for raw, source in entries.of("sources"):
        publisher = owner.get(source.publisher)
        if publisher is None:
            close = difflib.get_close_matches(source.publisher, list(owner), n=1)
            entries.error(raw, ("publisher",), f"'{source.publisher}' is not in the publisher register",
                          f"did you mean '{close[0]}'?" if close else
                          "add it to data/publishers.yml (name, country, languages, kind), or use its name there")
            continue
        host = (urlsplit(source.url).hostname or "").removeprefix("www.")
        own = [h.removeprefix("www.") for h in publisher.hosts]
        if own and not source.republished_by and not any(host == h or host.endswith("." + h) for h in own):
            entries.error(raw, ("url",), f"{host} is not a site of {source.publisher} ({', '.join(own)})",
                          "cite the original at the publisher's own address; a republisher's copy needs "
                          "'republished_by', and a new address of the publisher goes in its 'hosts'")


def check_plausibility(good: list[tuple[RawEntry, Strict]], errors: list[DataError], today: date | None = None,
                       measured_kinds: set[str] | None = None, units: Mapping[str, UnitTerm] | None = None) -> None:
    """Run every constraint over the entries that passed their models, adding to ``errors``.

    ``measured_kinds``: the figure kinds that are measurements; ``units``: the units with their ranges
    (both documentary.yml's vocabularies).
    """
    units = units or {}
    by_kind: dict[str, dict[str, tuple[RawEntry, Strict]]] = defaultdict(dict)
    for raw, entry in good:
        by_kind[raw.kind].setdefault(getattr(entry, "id", ""), (raw, entry))
    entries = Entries(dict(by_kind), errors)
    single_value_per_period(entries)
    distinct_values(entries)
    allowed_ranges(entries, today or datetime.now(UTC).date(), units)
    value_types(entries, units)
    differences_within_range(entries, measured_kinds or set())
    consistent_qualifiers(entries)
    revisions_and_gaps(entries)
    known_publishers(entries)
