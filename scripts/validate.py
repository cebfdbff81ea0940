"""Validate a documentary (documentary.yml and data/) without building the site.

Exit 0 when clean, 1 with one line per error. The argument is the data folder (default: data/);
the documentary.yml beside it is checked too.

It then prints what each time series covers (years with a point, years missing, points with a primary
source) and the share of official statistics that cite a primary source. For every further language
edition it prints the translation coverage per kind and lists
what is missing (a missing translation shows the English text, marked, on that edition's pages).

--export-published FILE also writes the published quotations and figure values as JSON, with
this tree's own code (scripts/check_corrections.py runs it in the base commit and in the tree).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from dossier.errors import DataInvalid
from dossier.model.kinds import KINDS
from dossier.model.published import published
from dossier.validate.check import validate_project
from dossier.validate.coverage import coverage, report
from dossier.validate.leftovers import leftovers
from dossier.validate.series import report as series_report

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data", nargs="?", default=str(ROOT / "data"), help="data folder (default: data/)")
    parser.add_argument("--export-published", metavar="FILE", help="write published values as JSON to FILE")
    args = parser.parse_args(argv)
    data = Path(args.data).resolve()
    try:
        site, ds = validate_project(data.parent)
    except DataInvalid as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    if args.export_published:
        Path(args.export_published).write_text(json.dumps(published(ds), ensure_ascii=False, indent=1),
                                               encoding="utf-8")
    sizes = {k: len(getattr(ds, k)) for k in ("events", "people", "agreements", "figures", "quotes", "sources")}
    counts = ", ".join(f"{n} {KINDS[k].singular if n == 1 else k}" for k, n in sizes.items())
    print(f"data is valid: {counts}")
    for warning in leftovers(data.parent):
        print(f"warning: {warning}")
    print("\n".join(series_report(ds, site)))
    for edition in site.editions:
        print("\n".join(report(coverage(ds, site, edition.language), edition.language)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
