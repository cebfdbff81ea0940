"""Pull-request check: a published quotation or figure value may change only with a corrections entry.

Usage: python scripts/check_corrections.py BASE_REF   (e.g. origin/main)

Each side is read by its own code: the base commit's data by the base commit's
``scripts/validate.py --export-published`` and package, the working tree's by its own. So a pull
request that tightens a model still compares against what was published. Every quotation whose
text changed, and every figure whose value, unit, hedge or wording changed, needs a new entry in
data/corrections.yml (or data/corrections/) naming it as 'quotes/ID' or 'figures/ID'.

Exit 0 when every change is logged; 1 when one is not (one line per missing entry) or when either
side's data does not validate under its own code; 2 when the base cannot be read at all.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


class CannotCompare(Exception):
    """The comparison cannot be made; the message says why and what to do."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def export(tree: Path, label: str) -> dict[str, Any]:
    """The published values of ``tree``, read by ``tree``'s own code (its package first on the path)."""
    if not (tree / "scripts" / "validate.py").is_file():
        raise CannotCompare(f"{label} has no scripts/validate.py: nothing to read its data with", 2)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "published.json"
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(str(tree / d) for d in ("hooks", "src"))}
        run = subprocess.run([sys.executable, "scripts/validate.py", "data", "--export-published", str(out)],
                             cwd=tree, env=env, capture_output=True, text=True, check=False)
        if run.returncode == 2 and "--export-published" in run.stderr:
            raise CannotCompare(f"{label}'s scripts/validate.py predates --export-published, so its published "
                                "values cannot be read with its own code; compare by hand this once", 2)
        if run.returncode != 0:
            raise CannotCompare(f"{label}'s data does not validate under {label}'s own code:\n"
                                + run.stderr.strip(), 1)
        result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
        return result


def base_tree(ref: str, repo: Path, dest: Path) -> Path:
    """The whole tree of ``ref``, extracted into ``dest``."""
    archive = subprocess.run(["git", "-C", str(repo), "archive", ref], capture_output=True, check=False)
    if archive.returncode != 0:
        raise CannotCompare(f"cannot read {ref}: {archive.stderr.decode(errors='replace').strip()}", 2)
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True)
    return dest


def missing_corrections(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    logged = {c["item"] for cid, c in after["corrections"].items() if cid not in before["corrections"]}
    problems = []
    for qid, quote in before["quotes"].items():
        now = after["quotes"].get(qid)
        if now is not None and now["text"] != quote["text"] and f"quotes/{qid}" not in logged:
            problems.append(f"{now['file']}: quotation '{qid}' changed; add a corrections entry with "
                            f"item: quotes/{qid}")
    fields = ("value", "unit", "approximation", "as_stated")
    for fid, figure in before["figures"].items():
        now = after["figures"].get(fid)
        if now is not None and any(now.get(k) != figure.get(k) for k in fields) and f"figures/{fid}" not in logged:
            problems.append(f"{now['file']}: value of figure '{fid}' changed; add a corrections entry with "
                            f"item: figures/{fid}")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        with tempfile.TemporaryDirectory() as tmp:
            before = export(base_tree(argv[0], ROOT, Path(tmp)), argv[0])
        after = export(ROOT, "the working tree")
    except CannotCompare as exc:
        print(f"check_corrections: {exc}", file=sys.stderr)
        return exc.code
    problems = missing_corrections(before, after)
    for line in problems:
        print(line, file=sys.stderr)
    if not problems:
        print(f"every change to a published quotation or figure since {argv[0]} is in the corrections log")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
