"""The strict loader: one test per class of bad input, each asserting the exact message and position."""

from __future__ import annotations

from dossier.errors import DataError
from dossier.load.yamlstrict import MAX_BYTES, MAX_DEPTH, Mark, load_text


def errors_of(text: str | bytes) -> list[str]:
    raw = text if isinstance(text, bytes) else text.encode()
    _, errors = load_text("data/x.yml", raw)
    return [str(e) for e in errors]


def test_plain_scalars_stay_text_unless_unambiguous() -> None:
    loaded, errors = load_text("data/x.yml", b"a: 2024-04-17\nb: 12\nc: 1.5\nd: true\ne: null\nf: To Lam\ng: '010'\n")
    assert errors == []
    assert loaded is not None
    assert loaded.value == {"a": "2024-04-17", "b": 12, "c": 1.5, "d": True, "e": None, "f": "To Lam", "g": "010"}


def test_positions_are_recorded_for_every_node() -> None:
    loaded, _ = load_text("data/x.yml", b"id: a\nroles:\n  - title: T\n")
    assert loaded is not None
    assert loaded.mark_for(("roles", 0, "title")) == Mark(3, 12)


def test_syntax_error_names_line_and_column() -> None:
    assert errors_of("id: x\n  bad: [\n") == [
        "data/x.yml:2:6: syntax: YAML syntax error: mapping values are not allowed in this context "
        "(hint: check indentation and quoting on this line and the one before)"
    ]


def test_duplicate_key_names_both_lines() -> None:
    assert errors_of("id: a\ntitle: T\nid: b\n") == [
        "data/x.yml:3:1: id: duplicate key 'id' (first defined on line 1) (hint: keep one of the two)"
    ]


def test_yaml11_booleans_are_refused() -> None:
    assert errors_of("a: NO\nb: yes\nc: off\n") == [
        "data/x.yml:1:4: a: ambiguous value 'NO': YAML 1.1 tools read it as a boolean "
        "(hint: write true/false, or quote it (\"NO\") if you mean the text)",
        "data/x.yml:2:4: b: ambiguous value 'yes': YAML 1.1 tools read it as a boolean "
        "(hint: write true/false, or quote it (\"yes\") if you mean the text)",
        "data/x.yml:3:4: c: ambiguous value 'off': YAML 1.1 tools read it as a boolean "
        "(hint: write true/false, or quote it (\"off\") if you mean the text)",
    ]


def test_octal_looking_and_sexagesimal_numbers_are_refused() -> None:
    assert errors_of("a: 010\nb: 1:20\nc: 0x1F\n") == [
        "data/x.yml:1:4: a: ambiguous number '010': YAML tools disagree on its value "
        "(hint: quote it (\"010\") if it is text, or write a plain decimal number)",
        "data/x.yml:2:4: b: ambiguous number '1:20': YAML tools disagree on its value "
        "(hint: quote it (\"1:20\") if it is text, or write a plain decimal number)",
        "data/x.yml:3:4: c: ambiguous number '0x1F': YAML tools disagree on its value "
        "(hint: quote it (\"0x1F\") if it is text, or write a plain decimal number)",
    ]


def test_quoted_values_are_always_text() -> None:
    loaded, errors = load_text("data/x.yml", b'a: "NO"\nb: \'010\'\n')
    assert errors == []
    assert loaded is not None
    assert loaded.value == {"a": "NO", "b": "010"}


def test_explicit_tags_are_refused() -> None:
    assert errors_of('a: !!python/object/apply:os.system ["ls"]\nb: !!str 5\n') == [
        "data/x.yml:1:4: a: explicit YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' is not "
        "allowed (hint: remove the tag; values are plain text, numbers, lists and mappings)",
        "data/x.yml:2:4: b: explicit YAML tag 'tag:yaml.org,2002:str' is not allowed "
        "(hint: remove the tag; values are plain text, numbers, lists and mappings)",
    ]


def test_anchors_and_aliases_are_refused_billion_laughs() -> None:
    laughs = 'a: &a ["lol","lol"]\nb: &b [*a,*a,*a]\nc: [*b,*b,*b]\n'
    errors = errors_of(laughs)
    assert errors[0] == ("data/x.yml:1:4: a: anchor '&a' is not allowed "
                         "(hint: write the value out in full; anchors and aliases are refused)")
    assert "data/x.yml:2:8: b.0: alias '*a' is not allowed " \
           "(hint: write the value out in full; anchors and aliases are refused)" in errors
    assert len(errors) == 8  # 2 anchors + 6 aliases, none expanded


def test_oversized_file_is_refused_before_parsing() -> None:
    assert errors_of(b"a: " + b"x" * MAX_BYTES) == [
        f"data/x.yml:1:1: file: file is {MAX_BYTES + 3:,} bytes; the limit is {MAX_BYTES:,} "
        "(hint: split it into several files)"
    ]


def test_deep_nesting_is_refused() -> None:
    deep = "a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n"
    assert errors_of(deep) == [
        f"data/x.yml:1:{3 + MAX_DEPTH}: file: nesting deeper than {MAX_DEPTH} levels (hint: flatten the structure)"
    ]


def test_non_utf8_bytes_are_refused_with_position() -> None:
    assert errors_of(b"id: a\ntitle: caf\xe9\n") == [
        "data/x.yml:2:11: file: not valid UTF-8 (byte 0xE9) (hint: save the file as UTF-8)"
    ]


def test_control_characters_are_refused() -> None:
    assert errors_of("id: a\ntitle: bell\x07\n") == [
        "data/x.yml:2:12: text: control character U+0007 is not allowed "
        "(hint: delete it (often pasted from a PDF or word processor))"
    ]


def test_bidi_override_is_refused() -> None:
    assert errors_of("id: a\ntitle: abc\u202edef\n") == [
        "data/x.yml:2:11: text: bidirectional control character U+202E is not allowed "
        "(hint: it can make text display differently from what it says; delete it)"
    ]


def test_empty_and_comment_only_files_are_refused() -> None:
    expected = ["data/x.yml:1:1: file: file is empty (hint: delete the file or add its entry)"]
    assert errors_of("") == expected
    assert errors_of("# just a comment\n\n") == expected


def test_several_documents_in_one_file_are_refused() -> None:
    assert errors_of("a: 1\n---\nb: 2\n") == [
        "data/x.yml:2:1: file: more than one YAML document in the file "
        "(hint: remove the '---' separator: one file holds one document)"
    ]


def test_error_string_format() -> None:
    assert str(DataError("data/a.yml", 3, 7, "roles.0.start", "bad", "fix it")) == \
        "data/a.yml:3:7: roles.0.start: bad (hint: fix it)"
