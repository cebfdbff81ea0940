"""render/urls.py: relative links between pages and text fragments into sources."""

from __future__ import annotations

import posixpath

from dossier.render.urls import relative, text_fragment


def test_relative_link_helper_matches_posix_paths() -> None:
    assert relative("people/to-lam/", "events/x/") == "../../people/to-lam/"
    assert relative("sources/#a", "") == "sources/#a"
    assert relative("", "timeline/") == "../"
    assert posixpath.normpath("events/x/" + relative("timeline/#x", "events/x/").split("#")[0]) == "timeline"


def test_text_fragment_selects_the_start_and_end_of_a_long_quotation() -> None:
    assert text_fragment("We are committed.") == ":~:text=We%20are%20committed."
    long = "one two three four five six seven eight nine ten"
    assert text_fragment(long) == ":~:text=one%20two%20three%20four,seven%20eight%20nine%20ten"
    assert text_fragment("Before the cut … after it") == ":~:text=Before%20the%20cut"
