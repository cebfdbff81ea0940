"""The Jinja environment of the generated pages: autoescaping, strict, with the catalogue installed."""

from __future__ import annotations

import functools
import re
from typing import Any

import jinja2
from markupsafe import Markup, escape

from dossier.i18n import Catalogues, language_data, template_callables, translations
from dossier.model.types import LocalText

UNTRANSLATED = Markup('<span lang="%s">%s</span> <span class="dossier-untranslated">(%s)</span>')
"""A text shown in the base language because the edition has no translation of it yet: marked, never silent."""


_QUOTED = re.compile(r"“[^“”]{2,}”|\"[^\"]{2,}\"")
"""A quoted phrase inside a translated text: often the source's own words."""
_BRACKETED = re.compile(r"\([^()“”\"]{3,}\)")
"""A term in brackets (without a quotation inside), e.g. the original title of a post."""


def _language_of(phrase: str, edition: str, languages: tuple[str, ...], dirs: Catalogues = ()) -> str | None:
    """The language, among the documentary's ``languages``, of a phrase quoted in a text of the ``edition``'s
    language, when it is another one (None: the edition's own, or unknown). A phrase is in another language
    when its letters beyond a-z and the edition's own are all that language's (``language.yml``'s ``letters``;
    where two languages share them, the one whose common words it has), or, with no such letters, when it
    has that language's common words and none of the edition's own letters."""
    letters = {c for c in phrase.lower() if c.isalpha() and not c.isascii()}
    own = set(language_data(edition, dirs).letters)
    extra = letters - own
    others = [lang for lang in languages if lang != edition]

    def has_words(lang: str) -> bool:
        pattern = language_data(lang, dirs).stop_pattern
        return bool(pattern and pattern.search(phrase))

    if extra:
        fits = [lang for lang in others if extra <= set(language_data(lang, dirs).letters)]
        return next((lang for lang in fits if has_words(lang)), fits[0] if fits else None)
    unmixed = [lang for lang in others if not letters & (own - set(language_data(lang, dirs).letters))]
    return next((lang for lang in unmixed if has_words(lang)), None)


def mark_languages(text: str, edition: str, languages: tuple[str, ...], dirs: Catalogues = ()) -> Markup | None:
    """``text`` escaped, with each quoted phrase or bracketed term in another of the documentary's ``languages``
    wrapped in ``<span lang=..>``, so screen readers and search engines read it as what it is; None when none is."""
    spans = sorted((m.start(), m.end(), lang) for pattern in (_QUOTED, _BRACKETED) for m in pattern.finditer(text)
                   if (lang := _language_of(m.group(0), edition, languages, dirs)))
    out: list[str] = []
    last = 0
    for start, end, lang in spans:
        if start < last:
            continue
        out += [escape(text[last:start]), Markup('<span lang="%s">') % lang, escape(text[start:end]), Markup("</span>")]
        last = end
    if not out:
        return None
    return Markup("").join([*out, escape(text[last:])])


def _finalize(language: str, languages: tuple[str, ...], dirs: Catalogues) -> Any:
    label = translations(language, dirs).gettext("not yet translated")

    def finalize(value: Any) -> Any:
        if isinstance(value, LocalText):
            if value.missing:
                return UNTRANSLATED % (value.base, value.original, label)
            return mark_languages(str(value), language, languages, dirs) or value
        return value

    return finalize


class _Compiled(jinja2.BytecodeCache):
    """Compiled templates, shared by the environments of every edition: they differ only in the callables
    installed at run time (the catalogue, ``finalize``), not in their options, so one template compiles once
    per build. A bucket whose template source changed is recompiled (Jinja checks the source's checksum)."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


COMPILED = _Compiled()
THEME_COMPILED = _Compiled()
"""The engine's theme templates, compiled once for every edition and every `mkdocs serve` rebuild (MkDocs makes
their environment anew each build, always with the same options). Apart from ``COMPILED``: other options."""


@functools.cache
def environment(template_dirs: tuple[str, ...], language: str, languages: tuple[str, ...],
                dirs: Catalogues = ()) -> jinja2.Environment:
    """One Jinja environment per template folder, kept across `mkdocs serve` rebuilds.

    Compiled templates are reused; ``auto_reload`` recompiles a template whose file changed.
    """
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(list(template_dirs)),
        autoescape=True,  # every data value is escaped at output
        undefined=jinja2.StrictUndefined,  # a template typo is our bug: fail loudly
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=True,
        bytecode_cache=COMPILED,  # one compilation of each template for all editions
        extensions=["jinja2.ext.i18n"],  # {% trans %}, _() and ngettext() read the catalogue
        finalize=(finalize := _finalize(language, languages, dirs)),  # the edition's text, or the base text, marked
    )
    env.filters["plain"] = lambda value: str(value)  # in attributes: the edition's text, never markup
    env.install_gettext_callables(**template_callables(language, markup=True, convert=finalize, dirs=dirs),  # type: ignore[attr-defined]
                                  newstyle=False)
    return env
