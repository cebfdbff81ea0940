"""Repairs to the theme's (Material's) markup that its templates offer no block for.

Material writes the current page's table-of-contents toggle as a checkbox whose only label is left out
when the page has no table of contents, so it has no accessible name (pa11y/HTML_CodeSniffer: WCAG 1.3.1,
4.1.2). The checkbox gets the name of what it toggles. A test over every built page fails if Material's
markup changes and this no longer applies.
"""

from __future__ import annotations

from markupsafe import escape

TOC_TOGGLE = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'


def name_toc_toggle(html: str, label: str) -> str:
    """The page with Material's table-of-contents checkbox named ``label`` (escaped here)."""
    return html.replace(TOC_TOGGLE, TOC_TOGGLE[:-1] + f' aria-label="{escape(label)}">', 1)
