"""render/environment.py: the template environment's finalize, which marks languages inside texts."""

from __future__ import annotations

from dossier.render.environment import mark_languages


def test_an_english_phrase_quoted_in_a_vietnamese_text_is_marked_english() -> None:
    text = "Bộ Nội vụ gọi đó là “a ten-fold year-on-year increase” (tăng gấp mười lần)."
    assert mark_languages(text, "vi") == ('Bộ Nội vụ gọi đó là <span lang="en">“a ten-fold year-on-year '
                                          'increase”</span> (tăng gấp mười lần).')


def test_a_bracketed_english_title_is_marked_but_not_a_bracket_holding_a_quotation() -> None:
    text = "Thứ trưởng (Parliamentary Under Secretary of State); (xem “the first of the series”, tức là)"
    marked = mark_languages(text, "vi")
    assert marked is not None
    assert '<span lang="en">(Parliamentary Under Secretary of State)</span>' in marked
    assert '(xem <span lang="en">“the first of the series”</span>, tức là)' in marked


def test_vietnamese_words_in_an_english_text_are_marked_vietnamese_and_text_is_escaped() -> None:
    assert mark_languages("He said “Thượng tướng” <b>", "en") == 'He said <span lang="vi">“Thượng tướng”</span> &lt;b&gt;'
    assert mark_languages("Tô Lâm met “Dominic Raab”", "vi") is None  # a name: no English words
    assert mark_languages("plain text", "en") is None
