"""Pull-request check: a published quotation or figure value may change only with a corrections entry.

Usage: python scripts/check_corrections.py BASE_REF   (e.g. origin/main)

Compares data/quotes and data/figures at BASE_REF with the working tree. Every quotation whose
text changed, and every figure whose value or wording changed, needs a new entry in
data/corrections.yml (or data/corrections/) naming it as 'quotes/ID' or 'figures/ID'.
Exit 0 when every change is logged, 1 otherwise, with one line per missing entry.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from ukvn.errors import DataInvalid
from ukvn.model.dataset import Dataset
from ukvn.validate.check import validate

ROOT = Path(__file__).resolve().parent.parent


def dataset_at(ref: str, repo: Path) -> Dataset | None:
    """The data set as it was at ``ref`` (None when ``ref`` had no valid data)."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "-C", str(repo), "archive", ref, "data"], capture_output=True, check=False)
        if archive.returncode != 0:
            return None
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        try:
            return validate(Path(tmp) / "data", root=Path(tmp))
        except DataInvalid:
            return None


def missing_corrections(before: Dataset, after: Dataset) -> list[str]:
    logged = {c.item for cid, c in after.corrections.items() if cid not in before.corrections}
    problems = []
    for qid, quote in before.quotes.items():
        now = after.quotes.get(qid)
        if now is not None and " ".join(now.text.split()) != " ".join(quote.text.split()) \
                and f"quotes/{qid}" not in logged:
            problems.append(f"{after.origin[('quotes', qid)]}: quotation '{qid}' changed; add a corrections "
                            f"entry with item: quotes/{qid}")
    for fid, figure in before.figures.items():
        now = after.figures.get(fid)
        if now is not None and (now.value, now.value_text) != (figure.value, figure.value_text) \
                and f"figures/{fid}" not in logged:
            problems.append(f"{after.origin[('figures', fid)]}: value of figure '{fid}' changed; add a corrections "
                            f"entry with item: figures/{fid}")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    before = dataset_at(argv[0], ROOT)
    if before is None:
        print(f"no valid data at {argv[0]}: nothing to compare")
        return 0
    try:
        after = validate(ROOT / "data", root=ROOT)
    except DataInvalid as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    problems = missing_corrections(before, after)
    for line in problems:
        print(line, file=sys.stderr)
    if not problems:
        print("every change to a published quotation or figure is in the corrections log")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
