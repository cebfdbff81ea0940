"""Write schemas/*.json from the models (run `make schemas` after changing a model)."""

from __future__ import annotations

import sys
from pathlib import Path

from dossier.errors import DataError
from dossier.model.schemas import dump, schemas
from dossier.render.pages import PAGE_KEYS
from dossier.validate.check import read_documentary

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    errors: list[DataError] = []
    site = read_documentary(ROOT, errors)
    if site is None:
        print("\n".join(str(e) for e in errors), file=sys.stderr)
        return 1
    found = schemas(PAGE_KEYS, site.languages)  # the record's languages are the keys its texts may have
    out = ROOT / "schemas"
    out.mkdir(exist_ok=True)
    for name, schema in found.items():
        (out / name).write_text(dump(schema), encoding="utf-8")
    print(f"wrote {len(found)} schemas to schemas/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
