"""Citations: the numbered sources of a page (``Citer``) and the suggested citation of the page itself."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dossier.i18n import Messages
from dossier.model.dataset import Dataset
from dossier.model.entities import Source

_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "#": r"\#",
                   "_": r"\_", "$": r"\$", "^": r"\^{}", "~": r"\~{}"}


def bibtex_escape(text: str) -> str:
    """Escape characters that BibTeX or LaTeX would interpret."""
    return "".join(_BIBTEX_SPECIAL.get(ch, ch) for ch in str(text))


def bibtex_key(url: str, year: int, prefix: str) -> str:
    """A stable citation key from the documentary's key and the page address, e.g. 'myrecord-people-ada-okafor-2026'."""
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
