"""Validation of a whole data folder: models and cross-file checks, with exact messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import errors_after
from dossier.validate.check import validate


def test_tiny_data_set_is_valid(tiny: Path) -> None:
    ds = validate(tiny / "data", root=tiny)
    assert list(ds.events) == ["call-2024"]
    assert ds.origin[("events", "call-2024")] == "data/events/call-2024.yml"
    assert [r.title for r in ds.roles_on("to-lam", ds.events["call-2024"].date)] == ["Minister of Public Security"]


def test_unknown_field_suggests_the_right_one(tiny: Path) -> None:
    text = (tiny / "data/events/call-2024.yml").read_text().replace("title:", "titel:")
    assert errors_after(tiny, {"events/call-2024.yml": text}) == [
        "data/events/call-2024.yml:1:1: title: required field 'title' is missing",
        "data/events/call-2024.yml:3:1: titel: unknown field 'titel' (hint: did you mean 'title'?)",
    ]


def test_missing_source_is_an_error_with_hint(tiny: Path) -> None:
    text = (tiny / "data/events/call-2024.yml").read_text().replace("sources: [ho-2024]\n", "")
    assert errors_after(tiny, {"events/call-2024.yml": text}) == [
        "data/events/call-2024.yml:1:1: sources: required field 'sources' is missing "
        "(hint: every fact needs a source: list the id of an entry in data/sources/)"
    ]


def test_empty_source_list_is_an_error(tiny: Path) -> None:
    text = (tiny / "data/quotes/q-2024.yml").read_text().replace("sources: [ho-2024]", "sources: []")
    assert errors_after(tiny, {"quotes/q-2024.yml": text}) == [
        "data/quotes/q-2024.yml:6:10: sources: 'sources' is empty (hint: every fact needs at least one source)"
    ]


def test_role_without_source_is_an_error(tiny: Path) -> None:
    text = (tiny / "data/people/to-lam.yml").read_text().replace("    sources: [ho-2024]\n", "")
    assert errors_after(tiny, {"people/to-lam.yml": text}) == [
        "data/people/to-lam.yml:6:5: roles.0.sources: required field 'sources' is missing "
        "(hint: every fact needs a source: list the id of an entry in data/sources/)"
    ]


def test_wrong_type_says_what_was_expected(tiny: Path) -> None:
    text = (tiny / "data/events/call-2024.yml").read_text().replace("title: A call", "title: 2024")
    assert errors_after(tiny, {"events/call-2024.yml": text}) == [
        "data/events/call-2024.yml:3:8: title: expected text, got a number 2024 (hint: quote it: \"2024\")"
    ]


def test_number_given_as_text_is_not_coerced(tiny: Path) -> None:
    text = (tiny / "data/figures.yml").read_text().replace("value: 3356", 'value: "3356"')
    assert errors_after(tiny, {"figures.yml": text}) == [
        "data/figures.yml:3:10: 0.value: expected a number, got text '3356'"
    ]


def test_malformed_and_impossible_dates(tiny: Path) -> None:
    text = (tiny / "data/events/call-2024.yml").read_text().replace("date: 2024-04-15", "date: 2024-02-30")
    assert errors_after(tiny, {"events/call-2024.yml": text}) == [
        "data/events/call-2024.yml:2:7: date: impossible date '2024-02-30': February 2024 has 29 days"
    ]


def test_end_before_start(tiny: Path) -> None:
    text = (tiny / "data/events/call-2024.yml").read_text().replace("date: 2024-04-15", "date: 2024-04-15\nend: 2024-04-01")
    assert errors_after(tiny, {"events/call-2024.yml": text}) == [
        "data/events/call-2024.yml:3:6: end: end 2024-04-01 is before date 2024-04-15"
    ]


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        ("events/call-2024.yml", "person: to-lam", "person: to-lamm",
         "data/events/call-2024.yml:6:13: participants.0.person: no person with id 'to-lamm' (hint: did you mean 'to-lam'?)"),
        ("organisations.yml", "sources: [ho-2024]", "sources: [ho-2025]",
         "data/organisations.yml:4:13: 0.sources.0: no source with id 'ho-2025' (hint: did you mean 'ho-2024'?)"),
        ("people/to-lam.yml", "organisation: home-office", "organisation: home-offices",
         "data/people/to-lam.yml:7:19: roles.0.organisation: no organisation with id 'home-offices' "
         "(hint: did you mean 'home-office'?)"),
        ("quotes/q-2024.yml", "event: call-2024", "event: summit-1999",
         "data/quotes/q-2024.yml:5:8: event: no event with id 'summit-1999' (hint: add data/events/summit-1999.yml or fix the id)"),
        ("events/call-2024.yml", "agreements: [statement-2024]", "agreements: [statement-2023]",
         "data/events/call-2024.yml:9:14: agreements.0: no agreement with id 'statement-2023' (hint: did you mean 'statement-2024'?)"),
    ],
)
def test_references_to_missing_entries(tiny: Path, file: str, old: str, new: str, expected: str) -> None:
    text = (tiny / "data" / file).read_text().replace(old, new)
    assert errors_after(tiny, {file: text}) == [expected]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
                                 "ftp://example.org/a", "file:///etc/passwd", "HTTPS://example.org/a", "//example.org/a"])
def test_urls_must_be_web_addresses(tiny: Path, url: str) -> None:
    text = (tiny / "data/sources/ho-2024.yml").read_text().replace("https://example.org/ho-2024", f"'{url}'")
    assert errors_after(tiny, {"sources/ho-2024.yml": text}) == [
        f"data/sources/ho-2024.yml:6:6: url: URL must start with https:// or http:// (got '{url[:60]}') (hint: copy "
        "the address from the browser's address bar; only https:// and http:// addresses are accepted)"
    ]


@pytest.mark.parametrize("field", ["url", "archive_url"])
@pytest.mark.parametrize("userinfo", ["user:s3cret@", "user@", ":s3cret@", "a@b@"])
def test_urls_with_credentials_are_refused_without_echoing_them(tiny: Path, field: str, userinfo: str) -> None:
    text = (tiny / "data/sources/ho-2024.yml").read_text() + "archive_url: https://example.org/archived\n"
    text = text.replace(f"{field}: https://", f"{field}: https://{userinfo}", 1)
    [error] = errors_after(tiny, {"sources/ho-2024.yml": text})
    line = 6 if field == "url" else 8
    assert error == (
        f"data/sources/ho-2024.yml:{line}:{len(field) + 3}: {field}: URL carries a user name or password "
        "('https://example.org' preceded by '...@') (hint: remove the 'user:password@' part: a published address "
        "must not carry credentials)")
    assert "s3cret" not in error


@pytest.mark.parametrize("url", ["https://exa_mple.org/a", "https://.org/a", "https://org/a"])
def test_urls_need_a_real_host_name(tiny: Path, url: str) -> None:
    text = (tiny / "data/sources/ho-2024.yml").read_text().replace("https://example.org/ho-2024", url)
    [error] = errors_after(tiny, {"sources/ho-2024.yml": text})
    assert error.startswith(f"data/sources/ho-2024.yml:6:6: url: URL has no valid host name (got '{url}')")


def test_duplicate_ids_across_files(tiny: Path) -> None:
    text = (tiny / "data/events/call-2024.yml").read_text()
    errors = errors_after(tiny, {"events/call-2024-copy.yml": text})
    assert errors == [
        "data/events/call-2024-copy.yml:1:5: id: id 'call-2024' does not match the file name 'call-2024-copy.yml' "
        "(hint: rename the file to call-2024.yml or change the id)",
        "data/events/call-2024.yml:1:5: id: duplicate id 'call-2024' (also in data/events/call-2024-copy.yml) "
        "(hint: ids must be unique within data/events)",
    ]


def test_five_mistakes_in_one_file_give_five_errors(tiny: Path) -> None:
    bad = """\
id: call-2024
date: 2024-13-01
titel: A call
summary: NO
participants:
  - person: to-lamm
    part: cochair
sources: [ho-2024]
"""
    assert errors_after(tiny, {"events/call-2024.yml": bad}) == [
        "data/events/call-2024.yml:1:1: title: required field 'title' is missing",
        "data/events/call-2024.yml:2:7: date: impossible date '2024-13-01': no month 13",
        "data/events/call-2024.yml:3:1: titel: unknown field 'titel' (hint: did you mean 'title'?)",
        "data/events/call-2024.yml:4:10: summary: ambiguous value 'NO': YAML 1.1 tools read it as a boolean "
        "(hint: write true/false, or quote it (\"NO\") if you mean the text)",
        "data/events/call-2024.yml:6:13: participants.0.person: no person with id 'to-lamm' (hint: did you mean 'to-lam'?)",
        "data/events/call-2024.yml:7:11: participants.0.part: 'cochair' is not in vocabularies.parts of "
        "documentary.yml (hint: use one of: participant, or add it there)",
    ]


def test_errors_in_several_files_are_all_reported(tiny: Path) -> None:
    errors = errors_after(tiny, {"events/empty.yml": "", "people/x.yml": "id: x\n  bad: [\n"})
    assert [e.split(":")[0] for e in errors] == ["data/events/empty.yml", "data/people/x.yml"]


def test_unexpected_files_and_folders_are_reported(tiny: Path) -> None:
    errors = errors_after(tiny, {"event/a.yml": "id: a\n", "events/b.yaml": "id: b\n"})
    assert errors[0].startswith("data/event: file: unexpected folder") is False
    assert errors[0].startswith("data/event:1:1: file: unexpected folder")
    assert errors[1] == "data/events/b.yaml:1:1: file: unexpected file (hint: data files end in .yml)"


def test_a_term_missing_from_the_vocabulary_names_file_line_and_a_close_term(tiny: Path) -> None:
    text = (tiny / "data/sources/ho-2024.yml").read_text().replace("kind: government press release",
                                                                   "kind: government press-release")
    assert errors_after(tiny, {"sources/ho-2024.yml": text}) == [
        "data/sources/ho-2024.yml:4:7: kind: 'government press-release' is not in vocabularies.source_kinds of "
        "documentary.yml (hint: did you mean 'government press release'?)"]
