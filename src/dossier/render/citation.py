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
