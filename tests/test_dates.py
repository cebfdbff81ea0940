"""PartialDate: parsing, refusal of impossible dates, display and sorting."""

from __future__ import annotations

import pytest
from pydantic_core import PydanticCustomError

from dossier.model.dates import PartialDate


@pytest.mark.parametrize(
    ("text", "iso", "shown"),
    [
        ("2024-04-17", "2024-04-17", "17 April 2024"),
        ("2024-03", "2024-03", "March 2024"),
        (2021, "2021", "2021"),
        ("c. 2021", "2021", "c. 2021"),
        ("before 2025-10-30", "2025-10-30", "before 30 October 2025"),
        ("after 2022-08", "2022-08", "after August 2022"),
    ],
)
def test_parse_and_display(text: str | int, iso: str, shown: str) -> None:
    d = PartialDate.parse(text)
    assert d.iso == iso
    assert d.display() == shown


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2024-02-30", "impossible date '2024-02-30': February 2024 has 29 days"),
        ("2023-02-29", "impossible date '2023-02-29': February 2023 has 28 days"),
        ("2024-13", "impossible date '2024-13': no month 13"),
        ("17/04/2024", "malformed date '17/04/2024': write YYYY, YYYY-MM or YYYY-MM-DD, optionally after "
                       "'c.', 'before' or 'after'"),
        ("circa 2021", "malformed date 'circa 2021': write YYYY, YYYY-MM or YYYY-MM-DD, optionally after "
                       "'c.', 'before' or 'after'"),
    ],
)
def test_impossible_and_malformed_dates_are_refused(text: str, message: str) -> None:
    with pytest.raises(PydanticCustomError) as info:
        PartialDate.parse(text)
    assert info.value.message() == message


def test_booleans_are_not_dates() -> None:
    with pytest.raises(PydanticCustomError):
        PartialDate.parse(True)


def test_sorting_puts_coarse_dates_first_and_bounds_around() -> None:
    dates = [PartialDate.parse(t) for t in ["2024-04-17", "after 2024", "2024", "before 2024", "2024-04", "2022"]]
    assert [str(d) for d in sorted(dates)] == ["2022", "before 2024", "2024", "2024-04", "2024-04-17", "after 2024"]


def test_covers_is_true_for_a_day_inside_a_month() -> None:
    assert PartialDate.parse("2024-04").covers(PartialDate.parse("2024-04-17"))
    assert not PartialDate.parse("2024-04-17").covers(PartialDate.parse("2024-04"))
