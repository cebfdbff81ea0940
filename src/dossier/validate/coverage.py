"""Translation coverage: for each edition language, how many of the texts readers see are translated.

Every translatable text (``LocalText``) of the data and of documentary.yml counts, and so does every
quotation in another language than the edition's (it needs the project's translation beside it).
Source titles and quotation texts are not translatable: they stay as published.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from dossier.model.dataset import Dataset
from dossier.model.entities import Quote
from dossier.model.kinds import KINDS
from dossier.model.site import Documentary
from dossier.model.types import LocalText


@dataclass
class Coverage:
    """One kind's texts in one language: how many there are, and where the missing ones are."""

    kind: str
    total: int = 0
    missing: list[str] = field(default_factory=list)
    """``path: field`` of each text without a translation."""

    @property
    def translated(self) -> int:
        return self.total - len(self.missing)

    @property
    def percent(self) -> float:
        return 100.0 * self.translated / self.total if self.total else 100.0


def _walk(value: Any, loc: str, found: list[tuple[str, LocalText]]) -> None:
    if isinstance(value, LocalText):
        found.append((loc, value))
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            _walk(getattr(value, name), f"{loc}.{name}" if loc else name, found)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            _walk(item, f"{loc}.{i}", found)
    elif isinstance(value, dict):
        for key, item in value.items():
            _walk(item, f"{loc}.{key}" if loc else str(key), found)


def coverage(ds: Dataset, site: Documentary, language: str) -> list[Coverage]:
    """Coverage of ``language`` per kind of data, and for documentary.yml, in the order of ``KINDS``."""
    out = []
    for kind in KINDS:
        cov = Coverage(kind)
        for eid, entry in getattr(ds, kind).items():
            where = ds.origin.get((kind, eid), f"data/{kind}")
            texts: list[tuple[str, LocalText]] = []
            _walk(entry, "", texts)
            for loc, text in texts:
                cov.total += 1
                if language not in text.translations:
                    cov.missing.append(f"{where}: {eid}.{loc}" if not where.endswith(f"{eid}.yml") else
                                       f"{where}: {loc}")
            if isinstance(entry, Quote) and entry.lang != language:
                cov.total += 1
                if language not in entry.translations:
                    cov.missing.append(f"{where}: translations.{language}")
        if cov.total:
            out.append(cov)
    config = Coverage("documentary.yml")
    texts = []
    _walk(site, "", texts)
    for loc, text in texts:
        config.total += 1
        if language not in text.translations:
            config.missing.append(f"documentary.yml: {loc}")
    out.append(config)
    return out


def report(covs: list[Coverage], language: str, limit: int = 50) -> list[str]:
    """Lines for `make validate`: one per kind, then the missing translations (at most ``limit``)."""
    total = sum(c.total for c in covs)
    done = sum(c.translated for c in covs)
    lines = [f"translation coverage ({language}): {100.0 * done / total if total else 100.0:.1f}% "
             f"({done} of {total} texts)"]
    lines += [f"  {c.kind}: {c.percent:.1f}% ({c.translated}/{c.total})" for c in covs]
    missing = [m for c in covs for m in c.missing]
    if missing:
        lines.append(f"missing translations into {language} ({len(missing)}):")
        lines += [f"  {m}" for m in missing[:limit]]
        if len(missing) > limit:
            lines.append(f"  ... and {len(missing) - limit} more")
    return lines
