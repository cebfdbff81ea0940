"""Citations: the numbered sources of a page (``Citer``) and the suggested citation of the page itself."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup

from dossier.i18n import Messages
from dossier.model.dataset import Dataset
from dossier.model.entities import Source

_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "#": r"\#",
                   "_": r"\_", "$": r"\$", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}"}
"""LaTeX for each character it reads specially (a literal tilde and caret, not accents on nothing)."""


def plain(text: object) -> str:
    """The text a reader sees: Markup (a page title MkDocs or the renderer already escaped for HTML) is
    unescaped, so that each target escapes the plain text once, in its own way."""
    return Markup(text).unescape() if hasattr(text, "__html__") else str(text)  # noqa: S704 - unescaped, not output


def bibtex_escape(text: object) -> str:
    """Escape characters that BibTeX or LaTeX would interpret, in the plain text (never in HTML-escaped text:
    that gave `d\\&amp;\\#39;asile` for "d'asile"). The result is plain text too: HTML-escape it once, after."""
    return "".join(_BIBTEX_SPECIAL.get(ch, ch) for ch in plain(text))


def bibtex_key(url: str, year: int, prefix: str) -> str:
    """A stable citation key from the documentary's key and the page address, e.g. 'myrecord-people-ada-okafor-2026'."""
    slug = re.sub(r"[^a-z0-9]+", "-", url.lower()).strip("-") or "home"
    return f"{prefix}-{slug}-{year}"


def bibtex_entry(key: str, title: object, author: object, year: int, url: object, note: object) -> str:
    """The suggested BibTeX entry of a page (the author braced twice: a corporate author), as plain text:
    the template HTML-escapes it once. No ``url`` field when the page's address is unknown (no site_url)."""
    return "\n".join([
        f"@misc{{{key},",
        f"  title = {{{bibtex_escape(title)}}},",
        f"  author = {{{{{bibtex_escape(author)}}}}},",
        f"  year = {{{year}}},",
        *([f"  url = {{{_url(plain(url))}}},"] if plain(url) else []),
        f"  note = {{{bibtex_escape(note)}}}",
        "}",
    ])


def _url(url: str) -> str:
    """An address inside a braced field: braces and backslashes cannot be balanced there, so they are
    percent-encoded (as in any URL); '%' and '#' stay, as biblatex's url field reads them verbatim."""
    return url.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


@dataclass
class Citer:
    """Numbers the sources cited on one page, in order of first citation.

    Each call gives (number, source, label): the label names the source for screen readers
    ('Source 3: Millbrook Gazette, 12 March 2021'), worded by the catalogue once per source and page.
    """

    ds: Dataset
    t: Messages
    order: dict[str, int] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)

    def __call__(self, source_ids: list[str]) -> list[tuple[int, Source, str]]:
        out = []
        for sid in source_ids:
            n = self.order.setdefault(sid, len(self.order) + 1)
            source = self.ds.sources[sid]
            label = self.labels.get(sid)
            if label is None:
                label = self.labels[sid] = self.t.gettext(
                    "Source %(num)s: %(publisher)s, %(date)s", num=n, publisher=source.publisher,
                    date=self.t.date(source.published))
            out.append((n, source, label))
        return out

    def cited(self) -> list[tuple[int, Source]]:
        return [(n, self.ds.sources[sid]) for sid, n in self.order.items()]
