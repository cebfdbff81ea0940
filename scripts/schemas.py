"""Write schemas/*.json from the models (run `make schemas` after changing a model)."""

from __future__ import annotations

import sys
from pathlib import Path

from dossier.model.schemas import dump, schemas
from dossier.render.pages import PAGE_KEYS

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    out = ROOT / "schemas"
    out.mkdir(exist_ok=True)
    for name, schema in schemas(PAGE_KEYS).items():
        (out / name).write_text(dump(schema), encoding="utf-8")
    print(f"wrote {len(schemas(PAGE_KEYS))} schemas to schemas/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
