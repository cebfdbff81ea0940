"""The Jinja environment of the generated pages: autoescaping, strict, with the catalogue installed."""

from __future__ import annotations

import functools
from typing import Any

import jinja2
from markupsafe import Markup

from dossier.i18n import template_callables, translations
from dossier.model.types import LocalText

UNTRANSLATED = Markup('<span lang="en">%s</span> <span class="dossier-untranslated">(%s)</span>')
"""A text shown in English because the edition has no translation of it yet: marked, never silent."""


def _finalize(language: str) -> Any:
    label = translations(language).gettext("not yet translated")

    def finalize(value: Any) -> Any:
        if isinstance(value, LocalText) and value.missing:
            return UNTRANSLATED % (value.english, label)
        return value

    return finalize


@functools.cache
def environment(template_dirs: tuple[str, ...], language: str) -> jinja2.Environment:
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
        extensions=["jinja2.ext.i18n"],  # {% trans %}, _() and ngettext() read the catalogue
        finalize=(finalize := _finalize(language)),  # the edition's text, or the English marked as such
    )
    env.filters["plain"] = lambda value: str(value)  # in attributes: the edition's text, never markup
    env.install_gettext_callables(**template_callables(language, markup=True, convert=finalize),  # type: ignore[attr-defined]
                                  newstyle=False)
    return env
