"""model/site.py and validate/check.py's reading of documentary.yml: the same file:line:col errors as data."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import TINY, TINY_DOCUMENTARY, errors_after
from dossier.errors import DataInvalid
from dossier.validate.check import validate_project


def errors_with(tiny: Path, documentary: str | None) -> list[str]:
    path = tiny / "documentary.yml"
    if documentary is None:
        path.unlink()
    else:
        path.write_text(documentary, encoding="utf-8")
    with pytest.raises(DataInvalid) as info:
        validate_project(tiny)
    return [str(e) for e in info.value.errors]


def test_the_fixture_configuration_is_valid(tiny: Path) -> None:
    site, _ = validate_project(tiny)
    assert (site.title, site.key, site.locale, site.context_path) == ("A tiny record", "tiny", "en", "human-rights")
    assert site.pages["timeline"].description == "{count} events."


def test_a_misspelt_field_names_file_line_and_column(tiny: Path) -> None:
    text = TINY_DOCUMENTARY.replace("author:", "autor:")
    assert errors_with(tiny, text) == [
        "documentary.yml:1:1: author: required field 'author' is missing",
        "documentary.yml:2:1: autor: unknown field 'autor' (hint: did you mean 'author'?)",
    ]


def test_an_unknown_placeholder_in_a_description(tiny: Path) -> None:
    text = TINY_DOCUMENTARY.replace('"{count} events."', '"{total} events."')
    assert errors_with(tiny, text) == [
        "documentary.yml:15:44: pages.timeline.description: unknown placeholder {total}; use one of: {count}"]


def test_an_unknown_context_tag_is_a_data_error_with_a_hint(tiny: Path) -> None:
    text = TINY_DOCUMENTARY.replace("context_tag: human-rights", "context_tag: human-right")
    assert errors_with(tiny, text) == [
        "documentary.yml:11:14: context_tag: no tag with id 'human-right' (hint: did you mean 'human-rights'?)"]


def test_an_unknown_page_key(tiny: Path) -> None:
    text = TINY_DOCUMENTARY.replace("  sources: {title: Sources", "  source: {title: Sources")
    assert errors_with(tiny, text) == [
        "documentary.yml:20:3: pages.source: unknown page 'source' (hint: did you mean 'sources'?)"]


def test_a_missing_configuration_says_what_to_do(tiny: Path) -> None:
    assert errors_with(tiny, None) == [
        "documentary.yml:1:1: file: missing (hint: copy documentary.yml from an existing documentary "
        "(see README: Start your own documentary))"]


def test_configuration_and_data_errors_come_together(tiny: Path) -> None:
    (tiny / "data" / "events" / "call-2024.yml").write_text("id: call-2024\n", encoding="utf-8")
    errors = errors_with(tiny, TINY_DOCUMENTARY.replace("key: tiny", "key: Not A Slug"))
    assert "documentary.yml:3:6: key: 'Not A Slug' is not a valid id (hint: use lower-case ASCII letters, digits " \
           "and hyphens)" in errors
    assert any(e.startswith("data/events/call-2024.yml") for e in errors)


def test_a_misspelt_key_of_documentary_yml_gets_a_did_you_mean_from_its_own_fields(tiny: Path) -> None:
    text = TINY_DOCUMENTARY.replace("context_path: human-rights", "context_path: human-rights\nfeatured_serie: x")
    assert errors_with(tiny, text) == [
        "documentary.yml:13:1: featured_serie: unknown field 'featured_serie' (hint: did you mean 'featured_series'?)"]


def test_an_unknown_id_of_a_kind_kept_in_one_file_names_that_file(tiny: Path) -> None:
    event = TINY["events/call-2024.yml"].replace("tags: [returns]", "tags: [supply]")
    assert errors_after(tiny, {"events/call-2024.yml": event}) == [
        "data/events/call-2024.yml:8:8: tags.0: no tag with id 'supply' (hint: add it to data/tags.yml or fix the id)"]
    quote = TINY["quotes/q-2024.yml"].replace("event: call-2024", "event: zzz")
    assert errors_after(tiny, {"events/call-2024.yml": TINY["events/call-2024.yml"], "quotes/q-2024.yml": quote}) == [
        "data/quotes/q-2024.yml:5:8: event: no event with id 'zzz' (hint: add data/events/zzz.yml or fix the id)"]
