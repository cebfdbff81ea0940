"""Write a correctly shaped new data file with placeholders that fail validation until filled.

Usage: python scripts/new.py event|person|quote|source ID
       python scripts/new.py figure ID      (prints an entry to paste into data/figures.yml)
Also: make new KIND=event ID=my-event-id
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TODO = "TODO"  # not a valid id, date or URL: validation fails until every TODO is replaced

TEMPLATES = {
    "event": ("events", """\
# yaml-language-server: $schema=../../schemas/event.schema.json
id: {id}
date: TODO  # YYYY, YYYY-MM or YYYY-MM-DD, only as precise as the source
title: TODO
summary: TODO  # neutral; say only what the sources say, attribute claims
place: TODO
participants:
  - person: TODO  # id of a file in data/people/
    part: TODO  # co-chair, signatory, participant, speaker, host or announcer
tags: [TODO]  # ids from data/tags.yml
sources: [TODO]  # ids of files in data/sources/
"""),
    "person": ("people", """\
# yaml-language-server: $schema=../../schemas/person.schema.json
id: {id}
name: TODO  # with Vietnamese diacritics where a source gives them
country: TODO  # GB, VN, ...
roles:
  - title: TODO
    organisation: TODO  # id from data/organisations.yml
    attested: [TODO]  # dates on which a source shows the person in this post
    sources: [TODO]
sources: [TODO]
"""),
    "quote": ("quotes", """\
# yaml-language-server: $schema=../../schemas/quote.schema.json
id: {id}
text: TODO  # verbatim; mark omissions with …
speaker: {{person: TODO}}  # or {{organisation: ...}}
date: TODO
event: TODO  # optional: id of the event
sources: [TODO]
"""),
    "source": ("sources", """\
# yaml-language-server: $schema=../../schemas/source.schema.json
id: {id}
title: TODO  # the document's own title
publisher: TODO
kind: TODO  # news report, government press release, NGO report, ...
published: TODO
url: TODO  # https:// only
language: en
"""),
}
FIGURE = """\
- id: {id}
  label: TODO
  value: TODO  # a plain number; leave out value and unit when the source gives none ("halved")
  unit: TODO  # people, percent or times
  approximation: TODO  # remove, or the source's hedge: approximately, roughly, up to, almost, at least, ...
  as_stated: TODO  # the value in the source's own words, verbatim, e.g. "up to 75%"
  kind: TODO  # official statistic, government claim, government projection, NGO or media report
  stated_by: {{organisation: TODO}}
  sources: [TODO]
  caveats: [TODO]
"""


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in (*TEMPLATES, "figure") or not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", argv[1]):
        print(__doc__, file=sys.stderr)
        return 2
    kind, eid = argv
    if kind == "figure":
        print(FIGURE.format(id=eid), end="")
        return 0
    folder, template = TEMPLATES[kind]
    path = ROOT / "data" / folder / f"{eid}.yml"
    if path.exists():
        print(f"{path.relative_to(ROOT)} already exists", file=sys.stderr)
        return 1
    path.write_text(template.format(id=eid), encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)}: replace every TODO, then run `make validate`")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
