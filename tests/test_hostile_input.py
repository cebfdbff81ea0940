"""Hostile and odd input, class by class: each refused at its line and column with a hint, never a crash.

Every class holds several variants, and runs through the same entry points a contributor meets:
the validation (``validate_project``, what ``make validate`` prints), ``mkdocs build`` (exit 1, no
traceback, ``site/`` untouched) and ``mkdocs serve`` (the browser's error page).
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, TINY, ServedProject, errors_after, make_site_project, run_build, run_validate, write_data
from dossier.load.yamlstrict import _BIDI, INVISIBLE, load_text

SOURCE = TINY["sources/ho-2024.yml"]
PERSON = TINY["people/to-lam.yml"]
FIGURES = TINY["figures.yml"]


# --- numbers --------------------------------------------------------------------------------

@pytest.mark.parametrize(("number", "digits"), [("9" * 5000, 5000), ("9" * 400 + ".5", 401), ("-" + "1" * 16, 16),
                                                ("0." + "1" * 20, 21)])
def test_numbers_with_more_digits_than_any_count_are_refused_at_their_line(tiny: Path, number: str,
                                                                          digits: int) -> None:
    errors = errors_after(tiny, {"figures.yml": FIGURES.replace("value: 3356", f"value: {number}")})
    assert errors == [f"data/figures.yml:3:10: 0.value: number of {digits} digits is out of range (hint: numbers "
                      "have at most 15 digits; quote it if it is text)"]


@pytest.mark.parametrize(("unit", "value", "words"), [
    ("people", "8300000001", "8,300,000,001 is beyond the largest plausible value in people (8,300,000,000)"),
    ("people", "-1", "-1 is below the smallest plausible value in people (0)"),
    ("percent", "100.5", "100.5 is beyond the largest plausible value in percent (100)"),
])
def test_values_outside_their_units_range_are_refused(tiny: Path, unit: str, value: str, words: str) -> None:
    text = FIGURES.replace("value: 3356\n  unit: people", f"value: {value}\n  unit: {unit}")
    [error] = errors_after(tiny, {"figures.yml": text})
    assert error.startswith(f"data/figures.yml:3:10: 0.value: {words} (hint: ")


def test_the_range_is_the_documentarys_own(tiny: Path) -> None:
    config = (tiny / "documentary.yml").read_text().replace("maximum: 8300000000", "maximum: 1000")
    (tiny / "documentary.yml").write_text(config)
    [error] = errors_after(tiny, {})
    assert error.startswith("data/figures.yml:3:10: 0.value: 3,356 is beyond the largest plausible value in "
                            "people (1,000)")


def test_a_unit_the_vocabulary_lacks_is_refused_with_a_hint(tiny: Path) -> None:
    [error] = errors_after(tiny, {"figures.yml": FIGURES.replace("unit: people", "unit: peple")})
    assert error == ("data/figures.yml:4:9: 0.unit: 'peple' is not in vocabularies.units of documentary.yml "
                     "(hint: did you mean 'people'?)")


# --- Unicode --------------------------------------------------------------------------------

def test_the_invisible_class_is_every_format_character_of_this_python() -> None:
    format_chars = {chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"}
    refused = {chr(c) for c in range(sys.maxunicode + 1) if __import__("re").match(f"[{INVISIBLE}]", chr(c))}
    assert format_chars - set(_BIDI) - {"\ufeff"} <= refused


@pytest.mark.parametrize(("file", "old", "new", "where"), [
    ("people/to-lam.yml", "name: Tô Lâm", "name: Tô\u200b Lâm", "2:9: name"),  # zero-width space
    ("people/to-lam.yml", "ascii_name: To Lam", "ascii_name: To\u200dLam", "3:15: ascii_name"),  # ZWJ
    ("people/to-lam.yml", "id: to-lam", "id: to-\u2060lam", "1:8: id"),  # word joiner
    ("sources/ho-2024.yml", "url: https://example.org/ho-2024", "url: https://exa\u200bmple.org/ho-2024", "6:17: url"),
    ("sources/ho-2024.yml", "published: 2024-04-18", "published: '2024-04\u00ad-18'", "5:20: published"),  # soft hyphen
    ("sources/ho-2024.yml", "title: UK signs agreement", 'title: "UK signs\\u200b agreement"', "2:8: title"),  # escaped
    ("sources/ho-2024.yml", "publisher: Home Office", "publ\u200bisher: Home Office", "3:5: publ\u200bisher"),  # a key
])
def test_invisible_characters_are_refused_at_their_column(tiny: Path, file: str, old: str, new: str,
                                                         where: str) -> None:
    text = TINY[file].replace(old, new)
    assert text != TINY[file]
    errors = errors_after(tiny, {file: text})
    assert any(e.startswith(f"data/{file}:{where}: invisible character U+") for e in errors), errors


@pytest.mark.parametrize(("old", "new", "where"), [
    ("name: Tô Lâm", "name: " + unicodedata.normalize("NFD", "Tô Lâm"), "2:8: name"),
    ("title: Minister of Public Security", "title: " + unicodedata.normalize("NFD", "Bộ trưởng Bộ Công an"),
     "6:13: roles.0.title"),
])
def test_decomposed_vietnamese_is_refused_where_it_starts(tiny: Path, old: str, new: str, where: str) -> None:
    [error] = errors_after(tiny, {"people/to-lam.yml": PERSON.replace(old, new)})
    assert error.startswith(f"data/people/to-lam.yml:{where}: decomposed letters (not Unicode NFC)")
    assert "scripts/nfc.py" in error


def test_the_nfc_script_fixes_what_the_loader_refuses(tiny: Path) -> None:
    import subprocess

    path = write_data(tiny, {"people/to-lam.yml": PERSON.replace("Tô Lâm", unicodedata.normalize("NFD", "Tô Lâm"))})
    subprocess.run([sys.executable, str(ROOT / "scripts/nfc.py"), str(path / "people/to-lam.yml")], check=True)
    assert (path / "people/to-lam.yml").read_text() == PERSON


@pytest.mark.parametrize("ch", ["\u202e", "\u2066", "\x07", "\x85", "\ufeff"])
def test_controls_bidi_and_inner_bom_are_refused_with_their_column(tiny: Path, ch: str) -> None:
    errors = errors_after(tiny, {"people/to-lam.yml": PERSON.replace("To Lam", f"To{ch}Lam")})
    assert errors[0].startswith("data/people/to-lam.yml:3:15: text: ")
    assert f"U+{ord(ch):04X}" in errors[0]
    assert errors[1:] == [UNREAD_PEOPLE]  # the references into the unread file: one line, not a cascade


UNREAD_PEOPLE = ("data/people/to-lam.yml:1:1: references: 3 references to people not checked: this file could "
                 "not be read (hint: fix this file's own error first)")


# --- duplicates compare normalised values ---------------------------------------------------------

@pytest.mark.parametrize("twin", [
    "https://EXAMPLE.org/ho-2024", "HTTPS://example.org/ho-2024".lower().replace("https", "http"),
    "https://example.org:443/ho-2024", "https://example.org/ho-2024/", "https://example.org/ho-2024#top",
    "https://www.example.org/ho-2024", "https://example.org/ho%2D2024", "https://example.org/h%6F-2024",
])
def test_two_spellings_of_one_address_are_one_source(tiny: Path, twin: str) -> None:
    text = SOURCE.replace("id: ho-2024", "id: ho-twin").replace("https://example.org/ho-2024", twin)
    errors = errors_after(tiny, {"sources/ho-twin.yml": text})
    assert errors == ["data/sources/ho-twin.yml:6:6: url: same url as 'ho-2024' (data/sources/ho-2024.yml) "
                      "(hint: cite the existing source's id instead)"]


def test_names_are_compared_after_whitespace_folding_and_case(tiny: Path) -> None:
    twin = PERSON.replace("id: to-lam", "id: to-lam-2").replace("name: Tô Lâm", "name: tô   LÂM")
    assert errors_after(tiny, {"people/to-lam-2.yml": twin}) == [
        "data/people/to-lam.yml:2:7: name: same name as 'to-lam-2' (data/people/to-lam-2.yml) "
        "(hint: one person, one entry: merge the two)"]


# --- files ----------------------------------------------------------------------------------------

def test_a_symlink_out_of_the_repository_is_refused_and_never_read(tiny: Path, tmp_path_factory: Any) -> None:
    secret = tmp_path_factory.mktemp("outside") / "passwd"
    secret.write_text("root:x:0:0:SECRET-CONTENT:/root:/bin/bash\n")
    (tiny / "data/events/leak.yml").symlink_to(secret)
    (tiny / "data/sources/dangling.yml").symlink_to(tiny / "nowhere.yml")
    result = run_validate(tiny)
    assert result.returncode == 1
    out = result.stdout + result.stderr
    assert "SECRET" not in out
    assert "root:x" not in out
    assert "Traceback" not in out
    assert ("data/events/leak.yml:1:1: file: symbolic link to a file outside the repository (or to nothing): not "
            "read (hint: data files are real files in data/; copy the data in)") in out.splitlines()
    assert any(line.startswith("data/sources/dangling.yml:1:1: file: symbolic link") for line in out.splitlines())


def test_a_symlink_inside_the_repository_is_read_like_a_file(tiny: Path) -> None:
    (tiny / "shared.yml").write_text(TINY["events/call-2024.yml"])
    (tiny / "data/events/call-2024.yml").unlink()
    (tiny / "data/events/call-2024.yml").symlink_to(tiny / "shared.yml")
    assert run_validate(tiny).returncode == 0


def test_a_file_that_is_not_data_is_refused_without_echoing_it(tiny: Path) -> None:
    errors = errors_after(tiny, {"events/notes.yml": "SECRET-CONTENT of some other file\n"})
    assert errors == ["data/events/notes.yml:1:1: file: data/events/ files hold one entry, a mapping of fields "
                      "(hint: start the file with 'id: ...' (see the other files there))"]


@pytest.mark.parametrize("name", ["con.yml", "AUX.yml", "nul.yml", "com1.yml", "lpt9.yml"])
def test_names_reserved_on_windows_are_refused(tiny: Path, name: str) -> None:
    text = TINY["events/call-2024.yml"].replace("id: call-2024", f"id: {name[:-4].lower()}")
    errors = errors_after(tiny, {f"events/{name}": text})
    assert errors == [f"data/events/{name}:1:1: file: '{name}' is a reserved file name on Windows (hint: rename "
                      "the file and its id (e.g. 'con-2024'): Windows cannot check it out)"]


def test_bom_and_crlf_are_accepted_with_the_same_positions(tiny: Path) -> None:
    broken = TINY["events/call-2024.yml"].replace("date: 2024-04-15", "date: 2024-02-30")
    plain = errors_after(tiny, {"events/call-2024.yml": broken})
    bom = errors_after(tiny, {"events/call-2024.yml": b"\xef\xbb\xbf" + broken.encode()})
    crlf = errors_after(tiny, {"events/call-2024.yml": broken.replace("\n", "\r\n").encode()})
    assert plain == bom == crlf == ["data/events/call-2024.yml:2:7: date: impossible date '2024-02-30': "
                                    "February 2024 has 29 days"]


def test_non_utf8_bytes_and_lone_cr_are_one_line_each(tiny: Path) -> None:
    errors = errors_after(tiny, {"events/call-2024.yml": TINY["events/call-2024.yml"].encode().replace(b"A call", b"A \xe9 call"),
                                 "people/to-lam.yml": PERSON.replace("\n", "\r").encode()})
    assert errors == ["data/events/call-2024.yml:3:10: file: not valid UTF-8 (byte 0xE9) (hint: save the file as UTF-8)",
                      "data/events/call-2024.yml:1:1: references: 1 reference to events not checked: this file "
                      "could not be read (hint: fix this file's own error first)",
                      "data/people/to-lam.yml:1:11: text: control character U+000D is not allowed (hint: delete it "
                      "(often pasted from a PDF or word processor))",
                      "data/people/to-lam.yml:1:1: references: 2 references to people not checked: this file could "
                      "not be read (hint: fix this file's own error first)"]


# --- URLs -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("url", "reason"), [
    ("https://127.0.0.1/a", "bare IP address ('127.0.0.1', loopback)"),
    ("https://[::1]/a", "bare IP address ('::1', loopback)"),
    ("https://10.1.2.3/a", "bare IP address ('10.1.2.3', private)"),
    ("https://169.254.169.254/latest", "bare IP address ('169.254.169.254', link-local)"),
    ("https://93.184.216.34/a", "bare IP address ('93.184.216.34')"),
    ("https://2130706433/a", "bare IP address ('2130706433')"),
    ("https://0x7f.0.0.1/a", "bare IP address ('0x7f.0.0.1')"),
    ("https://localhost/a", "host 'localhost' is not public"),
    ("https://printer.local/a", "host 'printer.local' is not public"),
    ("https://wiki.corp.internal/a", "host 'wiki.corp.internal' is not public"),
    ("https://router.home.arpa/a", "host 'router.home.arpa' is not public"),
    ("https://user:pw@example.org/a", "URL carries a user name or password"),
    ("gopher://example.org/a", "URL must start with https:// or http://"),
])
def test_urls_must_be_public_web_addresses(tiny: Path, url: str, reason: str) -> None:
    for field in ("url", "archive_url"):
        text = SOURCE.replace("url: https://example.org/ho-2024", f"{field}: '{url}'")
        if field == "archive_url":
            text = SOURCE + f"archive_url: '{url}'\n"
        [error] = errors_after(tiny, {"sources/ho-2024.yml": text})
        assert error.split(": ", 2)[1:2] == [field], error
        assert reason in error, error
        assert "(hint: " in error, error
        assert "pw" not in error


def test_http_and_https_of_public_hosts_are_accepted(tiny: Path) -> None:
    text = SOURCE.replace("https://example.org/ho-2024", "http://example.org/ho-2024")
    assert run_validate(write_data(tiny, {"sources/ho-2024.yml": text}).parent).returncode == 0


# --- references -----------------------------------------------------------------------------------

CORRECTION = """\
- id: {id}
  date: 2024-05-01
  item: corrections/{target}
  change: Fixed.
  reason: A typo.
"""


def test_an_entry_referring_to_itself_is_refused(tiny: Path) -> None:
    assert errors_after(tiny, {"corrections.yml": CORRECTION.format(id="c1", target="c1")}) == [
        "data/corrections.yml:3:9: 0.item: corrections/c1 refers to itself (hint: an entry cannot be its own "
        "correction, successor or source: point at another entry)"]


def test_a_cycle_of_references_is_refused_once(tiny: Path) -> None:
    text = "".join(CORRECTION.format(id=a, target=b) for a, b in (("c1", "c2"), ("c2", "c3"), ("c3", "c1")))
    assert errors_after(tiny, {"corrections.yml": text}) == [
        "data/corrections.yml:13:9: 2.item: corrections/c3 closes a cycle of references: corrections/c1 -> "
        "corrections/c2 -> corrections/c3 -> corrections/c1 (hint: an entry cannot be its own correction, "
        "successor or source: point at another entry)"]


# --- error positions, on every field of every kind --------------------------------------------------

def _leaves(value: Any, loc: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(value, dict):
        return [leaf for k, v in value.items() for leaf in _leaves(v, (*loc, k))]
    if isinstance(value, list):
        return [leaf for i, v in enumerate(value) for leaf in _leaves(v, (*loc, i))]
    return [loc]


def _replace(value: Any, loc: tuple[Any, ...], new: Any) -> Any:
    if not loc:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[loc[0]] = _replace(value[loc[0]], loc[1:], new)
    return copy


SAMPLE_FILES = sorted(p for p in (ROOT / "examples/sample/data").rglob("*.yml"))


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.relative_to(ROOT / "examples/sample/data").as_posix())
def test_every_field_of_every_kind_is_reported_at_its_own_line_and_column(tmp_path: Path, path: Path) -> None:
    """Each scalar of the sample's files, in turn replaced by a mapping (wrong for every scalar field): the
    error names that field as the file does and points at that value, not at the top of the entry."""
    import shutil

    from dossier.errors import DataInvalid
    from dossier.validate.check import validate_project

    shutil.copytree(ROOT / "examples/sample", tmp_path / "doc", ignore=shutil.ignore_patterns("site"))
    rel = path.relative_to(ROOT / "examples/sample")
    target = tmp_path / "doc" / rel
    loaded, _ = load_text(str(rel), path.read_bytes())
    assert loaded is not None
    checked = 0
    for loc in _leaves(loaded.value):
        if loc[-1] == "id" or (len(loc) > 1 and loc[-2] in ("sources", "tags")):
            continue  # ids and references are reported by the reference check (tested apart)
        text = yaml.safe_dump(_replace(loaded.value, loc, {"zz": 1}), allow_unicode=True, sort_keys=False)
        target.write_text(text, encoding="utf-8")
        again, _ = load_text(str(rel), text.encode())
        assert again is not None
        mark = again.mark_for(loc)
        with pytest.raises(DataInvalid) as info:
            validate_project(tmp_path / "doc")
        field = ".".join(str(p) for p in loc)
        hits = [e for e in info.value.errors if e.path == rel.as_posix()]
        assert any(e.field == field and (e.line, e.col) == (mark.line, mark.col) for e in hits), (field, hits)
        checked += 1
    target.write_bytes(path.read_bytes())
    assert checked > 0


# --- the three entry points: validate, build, serve -------------------------------------------------

HOSTILE = {
    "number": ("figures.yml", FIGURES.replace("value: 3356", "value: " + "9" * 5000),
               "data/figures.yml:3:10: 0.value: number of 5000 digits is out of range"),
    "nfd": ("people/to-lam.yml", PERSON.replace("Tô Lâm", unicodedata.normalize("NFD", "Tô Lâm")),
            "data/people/to-lam.yml:2:8: name: decomposed letters"),
    "url": ("sources/ho-2024.yml", SOURCE.replace("example.org", "127.0.0.1"),
            "data/sources/ho-2024.yml:6:6: url: URL names a bare IP address"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_build_refuses_and_leaves_the_site_untouched(tiny: Path, case: str) -> None:
    make_site_project(tiny)
    assert run_build(tiny).returncode == 0
    before = (tiny / "site/index.html").read_bytes()
    file, text, line = HOSTILE[case]
    write_data(tiny, {file: text})
    result = run_build(tiny)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert any(e.startswith(line) and "(hint: " in e for e in result.stderr.splitlines()), result.stderr
    assert (tiny / "site/index.html").read_bytes() == before
    validated = run_validate(tiny)
    assert validated.returncode == 1
    assert "Traceback" not in validated.stdout + validated.stderr
    assert any(e.startswith(line) for e in (validated.stdout + validated.stderr).splitlines())


def test_serve_shows_each_class_on_the_error_page(tiny: Path) -> None:
    served = ServedProject(make_site_project(tiny))
    try:
        for file, text, line in HOSTILE.values():
            served.rebuilt(lambda file=file, text=text: write_data(served.project, {file: text}))
            _, html = served.get("")
            shown = [c.get_text() for c in BeautifulSoup(html, "html.parser").select(".dossier-data-errors li code")]
            assert any(e.startswith(line) and "(hint: " in e for e in shown), shown
            served.rebuilt(lambda file=file: write_data(served.project, {file: TINY[file]}))
        assert "Traceback" not in "\n".join(served.log)
    finally:
        served.stop()


# --- the publisher register (issue 21): with data/publishers.yml, every source names one of it ------

REGISTER = ("- id: home-office\n  name: Home Office\n  country: GB\n  languages: [en]\n"
            "  kind: government\n  hosts: [gov.uk]\n")


def test_a_source_whose_publisher_is_not_in_the_register_is_an_error_with_a_hint(tiny: Path) -> None:
    from conftest import errors_after

    docs = (tiny / "documentary.yml").read_text(encoding="utf-8")
    (tiny / "documentary.yml").write_text(docs.replace(
        "  source_kinds:", "  publisher_kinds: {government: {label: government}}\n  source_kinds:", 1), encoding="utf-8")
    unknown = ("id: unknown-2024\ntitle: A report\npublisher: Home Ofice\nkind: government press release\n"
               "published: 2024-04-18\nurl: https://www.gov.uk/r\nlanguage: en\n")
    elsewhere = ("id: copy-2024\ntitle: A copy\npublisher: Home Office\nkind: government press release\n"
                 "published: 2024-04-18\nurl: https://mirror.example.org/r\nlanguage: en\n")
    errors = errors_after(tiny, {"publishers.yml": REGISTER, "sources/unknown-2024.yml": unknown,
                                 "sources/copy-2024.yml": elsewhere})
    assert any(e.startswith("data/sources/unknown-2024.yml:3:12: publisher: 'Home Ofice' is not in the publisher "
                            "register (hint: did you mean 'Home Office'?)") for e in errors), errors
    assert any("data/sources/copy-2024.yml:6:6: url: mirror.example.org is not a site of Home Office (gov.uk)" in e
               for e in errors), errors
    unsourced = errors_after(tiny, {"publishers.yml": REGISTER + "  ownership: {en: a ministry}\n"})
    assert any("'ownership' needs 'sources' that state it" in e for e in unsourced), unsourced
