"""Checks of what the built site exports, each through the tool a re-user would read it with: the
suggested BibTeX entry of every page (pybtex), the Atom feeds (feedparser), the data package and its
CSV files (Frictionless) and CSV cells a spreadsheet would run. Used by the tests and by `make audit`;
each returns a list of problems, empty when the export is valid."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

from bs4 import BeautifulSoup

from dossier.render.downloads import FORMULA_START

JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def pages(site: Path) -> Iterator[tuple[str, str]]:
    """(site path, HTML) of every built page of every edition, 404 pages included."""
    for path in sorted(site.rglob("*.html")):
        yield path.relative_to(site).as_posix(), path.read_text(encoding="utf-8")


def bibtex_problems(site: Path) -> tuple[int, list[str]]:
    """(entries read, problems): each page's suggested entry must parse with pybtex and hold one @misc
    entry whose title field is the title the page shows in its APA line, escaped for BibTeX once (no
    HTML entities, nothing escaped twice)."""
    from pybtex.database import parse_string

    from dossier.render.citation import bibtex_escape

    count, problems = 0, []
    for rel, html in pages(site):
        soup = BeautifulSoup(html, "html.parser")
        block = soup.select_one("pre.dossier-bibtex code")
        if block is None:
            continue
        count += 1
        text = block.get_text()
        try:
            data = parse_string(text, "bibtex")
        except Exception as exc:  # pybtex raises its own and plain errors alike: any is a broken entry
            problems.append(f"{rel}: pybtex cannot read the entry: {exc}")
            continue
        if len(data.entries) != 1:
            problems.append(f"{rel}: {len(data.entries)} entries instead of one")
            continue
        (entry,) = data.entries.values()
        title = entry.fields.get("title", "")
        apa = soup.select_one(".dossier-apa em")
        shown = apa.get_text() if apa else None
        if entry.type != "misc" or shown is None or title != bibtex_escape(shown):
            problems.append(f"{rel}: BibTeX title {title!r} is not the page's title {shown!r}, escaped once")
        if "&amp;" in text or "&#" in text:
            problems.append(f"{rel}: HTML entities inside the BibTeX entry")
    return count, problems


def feed_problems(site: Path, limit: int) -> tuple[int, list[str]]:
    """(feeds read, problems): every Atom feed parses without feedparser's 'bozo' flag, has a title,
    id and updated date, carries at most ``limit`` entries, each with a title, id, link and date."""
    import feedparser

    count, problems = 0, []
    for path in sorted(site.rglob("feed/*.xml")):
        count += 1
        rel = path.relative_to(site).as_posix()
        feed = feedparser.parse(path.read_bytes())
        if feed.bozo:
            problems.append(f"{rel}: not well-formed: {feed.bozo_exception}")
        if feed.version != "atom10":
            problems.append(f"{rel}: read as {feed.version!r}, not Atom 1.0")
        for key in ("title", "id", "updated"):
            if not feed.feed.get(key):
                problems.append(f"{rel}: the feed has no {key}")
        if len(feed.entries) > limit:
            problems.append(f"{rel}: {len(feed.entries)} entries, more than the limit of {limit}")
        for i, entry in enumerate(feed.entries):
            missing = [k for k in ("title", "id", "link", "updated") if not entry.get(k)]
            if missing:
                problems.append(f"{rel}: entry {i + 1} has no {', '.join(missing)}")
    return count, problems


def formula_cells(site: Path) -> tuple[int, list[str]]:
    """(CSV files read, problems): no text cell of any CSV download starts like a spreadsheet formula.
    The types come from the data package: a number column may start with '-' (a sign)."""
    count, problems = 0, []
    for package in sorted(site.rglob("data/datapackage.json")):
        data = json.loads(package.read_text(encoding="utf-8"))
        for resource in data["resources"]:
            if resource.get("format") != "csv":
                continue
            count += 1
            path = package.parent / resource["path"]
            types = [f["type"] for f in resource["schema"]["fields"]]
            rows = csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline=""))
            next(rows)
            for n, row in enumerate(rows, start=2):
                for cell, kind in zip(row, types, strict=True):
                    if kind == "string" and cell.startswith(FORMULA_START):
                        problems.append(f"{path.relative_to(site)}:{n}: cell {cell[:30]!r} runs as a formula")
    return count, problems


def datapackage_problems(site: Path) -> tuple[int, list[str]]:
    """(packages read, problems): Frictionless validates each edition's datapackage.json and every
    resource it describes (CSV rows against their table schema)."""
    from frictionless import validate

    count, problems = 0, []
    for package in sorted(site.rglob("data/datapackage.json")):
        count += 1
        report = validate(str(package))
        if not report.valid:
            for task in report.tasks:
                for error in task.errors:
                    problems.append(f"{package.relative_to(site)}: {task.name}: {error.message}")
            for error in report.errors:
                problems.append(f"{package.relative_to(site)}: {error.message}")
    return count, problems


def jsonld_of(site: Path) -> Iterator[tuple[str, object]]:
    """(site path, parsed JSON-LD) of every page that carries structured data."""
    for rel, html in pages(site):
        for m in JSONLD.finditer(html):
            yield rel, json.loads(m.group(1))


def empty_or_null(value: object, where: str = "") -> Iterator[str]:
    """Where a structured-data value is null, an empty string or an empty list or object."""
    if value is None or value in ("", [], {}):
        yield where or "(top)"
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from empty_or_null(v, f"{where}.{k}" if where else k)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from empty_or_null(v, f"{where}[{i}]")
