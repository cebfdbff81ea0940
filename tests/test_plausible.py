"""validate/plausible.py: each Wikidata-style constraint, one by one, on the tiny data set."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import TINY, errors_after, write_data
from dossier.validate.check import validate
from dossier.validate.plausible import check_plausibility


def edit(name: str, old: str, new: str) -> dict[str, str]:
    assert old in TINY[name], old
    return {name: TINY[name].replace(old, new)}


PERSON = """\
id: {id}
name: {name}
country: GB
roles:
{roles}
sources: [ho-2024]
"""


def role(title: str, **dates: str) -> str:
    lines = [f"  - title: {title}", "    organisation: home-office", "    single_holder: true"]
    lines += [f"    {k}: {v}" for k, v in dates.items()]
    return "\n".join([*lines, "    sources: [ho-2024]"])


# -- single value per period ------------------------------------------------------------------


def test_a_single_holder_post_held_by_two_people_at_once_is_refused(tiny: Path) -> None:
    files = {"people/amber.yml": PERSON.format(id="amber", name="Amber", roles=role("Home Secretary", start="2024-01-02", end="2024-07-05")),
             "people/yvette.yml": PERSON.format(id="yvette", name="Yvette", roles=role("Home Secretary", start="2024-07-01"))}
    assert errors_after(tiny, files) == [
        "data/people/yvette.yml:8:12: roles.0.start: 'Home Secretary' has one holder at a time, but Amber "
        "(data/people/amber.yml) holds it then too (hint: check both people's dates: one role must end where the "
        "other starts)"]


def test_a_single_holder_post_may_change_hands_on_a_day(tiny: Path) -> None:
    write_data(tiny, {
        "people/amber.yml": PERSON.format(id="amber", name="Amber", roles=role("Home Secretary", start="2024-01-02", end="2024-07-05")),
        "people/yvette.yml": PERSON.format(id="yvette", name="Yvette", roles=role("Home Secretary", start="2024-07-05"))})
    validate(tiny / "data", root=tiny)


def test_two_people_attested_in_a_single_holder_post_on_the_same_day(tiny: Path) -> None:
    files = {"people/amber.yml": PERSON.format(id="amber", name="Amber", roles=role("Home Secretary", attested="[2024-04-15]")),
             "people/yvette.yml": PERSON.format(id="yvette", name="Yvette", roles=role("Home secretary", attested="[2024-04-15]"))}
    [error] = errors_after(tiny, files)
    assert error.startswith("data/people/yvette.yml:8:16: roles.0.attested.0: 'Home secretary' has one holder at a time")


def test_the_same_post_listed_twice_for_overlapping_periods(tiny: Path) -> None:
    roles = role("Home Secretary", start="2019") + "\n" + role("Home Secretary", start="2020-05", end="2021")
    assert errors_after(tiny, {"people/amber.yml": PERSON.format(id="amber", name="Amber", roles=roles)}) == [
        "data/people/amber.yml:10:5: roles.1: the post 'Home Secretary' is listed twice for overlapping periods "
        "(roles 0 and 1) (hint: merge them into one role that lists both sources)"]


SERIES = "- id: arrivals\n  title: Arrivals per year\n  unit: people\n"


def test_one_source_giving_two_values_for_one_period_of_a_series(tiny: Path) -> None:
    figure = ("  unit: people\n  series: arrivals\n  period: {start: 2023, end: 2023}\n")
    two = TINY["figures.yml"].replace("  unit: people\n", figure)
    two += two.replace("id: arrivals", "id: arrivals-again").replace("value: 3356", "value: 3400")
    assert errors_after(tiny, {"series.yml": SERIES, "figures.yml": two}) == [
        "data/figures.yml:12:10: 1.value: source 'ho-2024' gives two values for this period of series 'arrivals' "
        "(3356 in 'arrivals', 3400 here) (hint: if two sources disagree, give each its own figure citing only "
        "that source)"]


# -- distinct values ---------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("sources/ho-copy.yml", TINY["sources/ho-2024.yml"].replace("id: ho-2024", "id: ho-copy").replace(
        "https://example.org/ho-2024", "https://www.example.org/ho-2024/"),
     "data/sources/ho-copy.yml:6:6: url: same url as 'ho-2024' (data/sources/ho-2024.yml) (hint: cite the existing "
     "source's id instead)"),
    ("quotes/q-copy.yml", TINY["quotes/q-2024.yml"].replace("id: q-2024", "id: q-copy").replace(
        "We are committed.", "We are  committed."),
     "data/quotes/q-copy.yml:2:7: text: same text as 'q-2024' (data/quotes/q-2024.yml) (hint: keep one entry and "
     "list both sources)"),
    ("events/call-copy.yml", TINY["events/call-2024.yml"].replace("id: call-2024", "id: call-copy"),
     "data/events/call-copy.yml:3:8: title: same title as 'call-2024' (data/events/call-2024.yml) (hint: keep one "
     "entry and list both sources)"),
])
def test_the_same_thing_recorded_twice(tiny: Path, name: str, content: str, expected: str) -> None:
    assert errors_after(tiny, {name: content}) == [expected]


# -- allowed ranges ----------------------------------------------------------------------------


def test_dates_in_the_future_are_refused(tiny: Path) -> None:
    assert errors_after(tiny, edit("sources/ho-2024.yml", "published: 2024-04-18", "published: 2999-01")) == [
        "data/sources/ho-2024.yml:5:12: published: 2999-01 is in the future (hint: the record holds what has "
        "happened; a planned date belongs in the text, attributed to whoever announced it)"]


def test_a_date_qualified_after_is_in_the_future_only_when_it_must_be(tiny: Path) -> None:
    write_data(tiny, edit("sources/ho-2024.yml", "published: 2024-04-18", "published: after 2024-04-17"))
    validate(tiny / "data", root=tiny)


def test_today_is_taken_from_the_clock_or_given() -> None:
    errors: list = []
    check_plausibility([], errors, today=date(2000, 1, 1))
    assert errors == []


@pytest.mark.parametrize(("fields", "expected"), [
    ("value: 120\n  unit: percent", "1: 0.value: 120 is beyond the largest plausible value in percent (100) (hint: "
                                    "check the number and the unit; the ranges are documentary.yml's "
                                    "vocabularies.units)"),
    ("value: -5\n  unit: people", "1: 0.value: -5 is below the smallest plausible value in people (0) (hint: give "
                                  "the size of a fall as a positive number and say 'fall' in the label)"),
    ("value: 9000000000\n  unit: people", "1: 0.value: 9,000,000,000 is beyond the largest plausible value in "
                                          "people (8,300,000,000) (hint: check the number and the unit; the ranges are "
                                          "documentary.yml's vocabularies.units)"),
])
def test_figure_values_out_of_range(tiny: Path, fields: str, expected: str) -> None:
    text = TINY["figures.yml"].replace("value: 3356\n  unit: people", fields)
    [error] = errors_after(tiny, {"figures.yml": text})
    assert error == "data/figures.yml:3:10: " + expected.split(": ", 1)[1]


# -- value types -------------------------------------------------------------------------------


def test_a_number_of_people_is_a_whole_number(tiny: Path) -> None:
    [error] = errors_after(tiny, edit("figures.yml", "value: 3356", "value: 3356.5"))
    assert error.startswith("data/figures.yml:3:10: 0.value: a number of people is a whole number, not 3356.5")


def test_a_quotation_tied_to_an_event_is_spoken_by_a_participant(tiny: Path) -> None:
    files = {"people/amber.yml": PERSON.format(id="amber", name="Amber", roles=role("Adviser", attested="[2024-04-15]")),
             **edit("quotes/q-2024.yml", "speaker: {person: to-lam}", "speaker: {person: amber}")}
    assert errors_after(tiny, files) == [
        "data/quotes/q-2024.yml:3:19: speaker.person: 'amber' is not a participant of the event 'call-2024' "
        "(hint: add them to the event's participants, or remove 'event')"]


# -- differences within range ------------------------------------------------------------------


def test_a_source_published_before_the_event_it_reports(tiny: Path) -> None:
    assert errors_after(tiny, edit("events/call-2024.yml", "date: 2024-04-15", "date: 2024-05-01")) == [
        "data/events/call-2024.yml:10:11: sources.0: source 'ho-2024' was published before the event's date "
        "2024-05-01 (hint: check the event's date and the source's 'published' date)"]


def test_a_month_precise_event_may_share_the_source_month(tiny: Path) -> None:
    write_data(tiny, edit("events/call-2024.yml", "date: 2024-04-15", "date: 2024-04"))
    validate(tiny / "data", root=tiny)


def test_a_quotation_said_after_its_source_was_published(tiny: Path) -> None:
    files = {**edit("quotes/q-2024.yml", "date: 2024-04-17", "date: 2024-04-19")}
    assert errors_after(tiny, files) == [
        "data/quotes/q-2024.yml:4:7: date: said on 2024-04-19, after source 'ho-2024' that quotes it was published "
        "(hint: check the quotation's date and the source's 'published' date)"]


def test_a_statistic_for_a_period_after_its_publication(tiny: Path) -> None:
    text = TINY["figures.yml"].replace("  unit: people\n", "  unit: people\n  period: {start: 2024, end: 2025-06}\n")
    [error] = errors_after(tiny, {"figures.yml": text})
    assert error.startswith("data/figures.yml:5:30: 0.period.end: a statistic for a period ending 2025-06 cannot "
                            "come from source 'ho-2024', published earlier")


def test_an_attested_date_outside_the_role(tiny: Path) -> None:
    text = PERSON.format(id="amber", name="Amber", roles=role("Adviser", start="2020", end="2021",
                                                              attested="[2024-04-15]"))
    assert errors_after(tiny, {"people/amber.yml": text}) == [
        "data/people/amber.yml:10:16: roles.0.attested.0: attested on 2024-04-15, outside the role's dates (2020 to "
        "2021) (hint: check the dates)"]


def test_a_page_accessed_before_it_was_published(tiny: Path) -> None:
    text = TINY["sources/ho-2024.yml"] + "accessed: 2024-04-01\n"
    assert errors_after(tiny, {"sources/ho-2024.yml": text}) == [
        "data/sources/ho-2024.yml:8:11: accessed: accessed on 2024-04-01, before it was published (2024-04-18) "
        "(hint: check both dates)"]


# -- consistent qualifiers ---------------------------------------------------------------------


def test_one_series_counts_one_unit(tiny: Path) -> None:
    one = TINY["figures.yml"].replace("  unit: people\n", "  unit: people\n  series: arrivals\n  period: {start: 2023, end: 2023}\n")
    two = one + one.replace("id: arrivals", "id: share").replace("value: 3356\n  unit: people", "value: 5\n  unit: percent").replace("2023", "2024")
    assert errors_after(tiny, {"series.yml": SERIES, "figures.yml": two}) == [
        "data/figures.yml:13:9: 1.unit: series 'arrivals' counts people, this figure percent (hint: one "
        "series, one unit)"]


def test_a_point_of_a_series_needs_its_period(tiny: Path) -> None:
    one = TINY["figures.yml"].replace("  unit: people\n", "  unit: people\n  series: arrivals\n")
    assert errors_after(tiny, {"series.yml": SERIES, "figures.yml": one}) == [
        "data/figures.yml:1:3: 0.period: a point of series 'arrivals' needs a 'period' (hint: give the span the number "
        "covers: period: {start: 2023, end: 2023})"]


def test_a_point_of_a_level_series_names_one_of_its_levels(tiny: Path) -> None:
    levels = "- id: arrivals\n  title: Tier\n  unit: level\n  levels: [Tier 1, Tier 2]\n"
    point = TINY["figures.yml"].replace("  value: 3356\n  unit: people\n",
                                        "  value: null\n  as_stated: Tier 4\n  series: arrivals\n"
                                        "  period: {start: 2023, end: 2023}\n")
    assert errors_after(tiny, {"series.yml": levels, "figures.yml": point}) == [
        "data/figures.yml:4:14: 0.as_stated: series 'arrivals' is a scale: a point has no 'value' and names one of its "
        "levels in 'as_stated' ('Tier 4' is not one) (hint: levels: Tier 1, Tier 2)"]


def test_levels_come_with_the_unit_level_only(tiny: Path) -> None:
    errors = errors_after(tiny, {"series.yml": SERIES + "  levels: [A, B]\n"})
    assert len(errors) == 1
    assert "'levels' is needed with unit 'level', and only then" in errors[0]


def test_a_report_passage_is_stated_by_the_report_author(tiny: Path) -> None:
    files = {
        "organisations.yml": TINY["organisations.yml"] + "- id: ngo\n  name: NGO\n  country: GB\n  sources: [ho-2024]\n",
        "reports.yml": "- id: r\n  title: Annual report\n  author: ngo\n  published: 2024-01\n  sources: [ho-2024]\n",
        "quotes/q-2024.yml": "id: q-2024\ntext: We are committed.\nspeaker: {organisation: home-office}\n"
                             "date: 2024-01\nreport: r\nsources: [ho-2024]\n",
    }
    assert errors_after(tiny, files) == [
        "data/quotes/q-2024.yml:3:25: speaker.organisation: 'home-office' is not the author of report 'r' (ngo) "
        "(hint: a report's passages are stated by its author)"]
