"""Validate data/ without building the site: exit 0 when clean, 1 with one line per error."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ukvn.errors import DataInvalid
from ukvn.validate.check import validate

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("data", nargs="?", default=str(ROOT / "data"), help="data folder (default: data/)")
    args = parser.parse_args(argv)
    data = Path(args.data).resolve()
    try:
        ds = validate(data, root=Path.cwd() if data.is_relative_to(Path.cwd()) else data.parent)
    except DataInvalid as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(getattr(ds, k))} {k}" for k in ("events", "people", "agreements", "figures",
                                                              "quotes", "sources"))
    print(f"data is valid: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
