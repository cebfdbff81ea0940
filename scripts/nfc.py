"""Rewrite data files in Unicode NFC (composed letters), the form the loader requires.

    .venv/bin/python scripts/nfc.py data/people/to-lam.yml [more files...]

Text pasted from some Mac applications and PDFs arrives decomposed ('o' + combining circumflex
instead of 'ô'): it looks the same but fails search, sorting and duplicate checks.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path


def main(paths: list[str]) -> int:
    for name in paths:
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        fixed = unicodedata.normalize("NFC", text)
        if fixed != text:
            path.write_text(fixed, encoding="utf-8")
            print(f"{name}: rewritten in NFC")
        else:
            print(f"{name}: already NFC")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
