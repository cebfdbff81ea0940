"""The Jinja environment of the generated pages: autoescaping, strict, with the catalogue installed."""

from __future__ import annotations

import functools

import jinja2

from dossier.i18n import template_callables


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
    )
    env.install_gettext_callables(**template_callables(language, markup=True), newstyle=False)  # type: ignore[attr-defined]
    return env
