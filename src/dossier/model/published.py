"""The values readers rely on, in a plain form that stays comparable across model changes.

``scripts/check_corrections.py`` compares this export of the base commit (made by the base's own
code) with the one of the working tree: a published quotation or figure may change only with a
corrections entry.
"""

from __future__ import annotations

from typing import Any

from dossier.model.dataset import Dataset


def published(ds: Dataset) -> dict[str, Any]:
    """Quotation texts, figure values with their wording, and the corrections log, by id, with their files."""
    return {
        "format": 1,
        "quotes": {qid: {"text": " ".join(q.text.split()), "file": ds.origin[("quotes", qid)]}
                   for qid, q in ds.quotes.items()},
        "figures": {fid: {"value": f.value, "unit": f.unit, "approximation": f.approximation,
                          "as_stated": f.as_stated, "file": ds.origin[("figures", fid)]}
                    for fid, f in ds.figures.items()},
        "corrections": {cid: {"item": c.item} for cid, c in ds.corrections.items()},
    }
