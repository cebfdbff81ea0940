"""Helpers for the suggested citation shown on every page (APA-style and BibTeX)."""

from __future__ import annotations

import re

_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "#": r"\#",
                   "_": r"\_", "$": r"\$", "^": r"\^{}", "~": r"\~{}"}


def bibtex_escape(text: str) -> str:
    """Escape characters that BibTeX or LaTeX would interpret."""
    return "".join(_BIBTEX_SPECIAL.get(ch, ch) for ch in str(text))


def bibtex_key(url: str, year: int, prefix: str) -> str:
    """A stable citation key from the documentary's key and the page address, e.g. 'ukvn-people-to-lam-2026'."""
    slug = re.sub(r"[^a-z0-9]+", "-", url.lower()).strip("-") or "home"
    return f"{prefix}-{slug}-{year}"


def bibtex_entry(key: str, title: str, author: str, year: int, url: str, note: str) -> str:
    """The suggested BibTeX entry of a page (the author braced twice: a corporate author)."""
    return "\n".join([
        f"@misc{{{key},",
        f"  title = {{{bibtex_escape(title)}}},",
        f"  author = {{{{{bibtex_escape(author)}}}}},",
        f"  year = {{{year}}},",
        f"  url = {{{url}}},",
        f"  note = {{{note}}}",
        "}",
    ])
