"""render/environment.py: the template environment's finalize, which marks languages inside texts."""

from __future__ import annotations

from dossier.render.environment import mark_languages


def test_an_english_phrase_quoted_in_a_vietnamese_text_is_marked_english() -> None:
    text = "Bộ Nội vụ gọi đó là “a ten-fold year-on-year increase” (tăng gấp mười lần)."
    assert mark_languages(text, "vi", ("en", "vi")) == ('Bộ Nội vụ gọi đó là <span lang="en">“a ten-fold year-on-year '
                                          'increase”</span> (tăng gấp mười lần).')


def test_a_bracketed_english_title_is_marked_but_not_a_bracket_holding_a_quotation() -> None:
    text = "Thứ trưởng (Parliamentary Under Secretary of State); (xem “the first of the series”, tức là)"
    marked = mark_languages(text, "vi", ("en", "vi"))
    assert marked is not None
    assert '<span lang="en">(Parliamentary Under Secretary of State)</span>' in marked
    assert '(xem <span lang="en">“the first of the series”</span>, tức là)' in marked


def test_vietnamese_words_in_an_english_text_are_marked_vietnamese_and_text_is_escaped() -> None:
    assert mark_languages("He said “Thượng tướng” <b>", "en", ("en", "vi")) == 'He said <span lang="vi">“Thượng tướng”</span> &lt;b&gt;'
    assert mark_languages("Tô Lâm met “Dominic Raab”", "vi", ("en", "vi")) is None  # a name: no English words
    assert mark_languages("plain text", "en", ("en", "vi")) is None


def test_a_third_language_is_told_by_its_own_letters_and_words() -> None:
    three = ("en", "vi", "fr")
    assert mark_languages("Le ministère a dit “Thượng tướng”", "fr", three) == \
        'Le ministère a dit <span lang="vi">“Thượng tướng”</span>'
    assert mark_languages("Il a parlé de “the small boats”", "fr", three) == \
        'Il a parlé de <span lang="en">“the small boats”</span>'
    assert mark_languages("Il a cité “la réponse du ministère”", "fr", three) is None  # its own language
    assert mark_languages("He called it “une réponse ferme”", "en", three) == \
        'He called it <span lang="fr">“une réponse ferme”</span>'
