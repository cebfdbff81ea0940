"""incremental.py and the adapter under `mkdocs serve --dirty`: after any sequence of edits, the site served
is the site a fresh server builds from the same files (every page, the search index, the downloads), and a
page that is gone is gone."""

from __future__ import annotations

import difflib
import os
import random
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, TINY, ServedProject, write_data

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TRANSLATED_EVENT = TINY["events/call-2024.yml"].replace(
    "title: A call\n", "title: {en: A call, vi: Một cuộc gọi, fr: Un appel}\n")

NEW_EVENT = """\
id: new-2024
date: 2024-04-16
title: A second call
summary: They spoke again.
participants:
  - person: to-lam
    part: participant
tags: [returns]
sources: [ho-2024]
"""


def project(tmp: Path) -> Path:
    root = tmp / "record"
    shutil.copytree(FIXTURES / "trilingual", root)
    shutil.copytree(ROOT / "hooks", root / "hooks")
    shutil.copytree(ROOT / "src", root / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    write_data(root, {**TINY, "events/call-2024.yml": TRANSLATED_EVENT})
    # a hand-written page whose title (from its heading) every rebuilt page's navigation shows
    (root / "docs" / "about" / "notes.md").write_text("# Notes for editors\n\nHow entries are checked.\n",
                                                      encoding="utf-8")
    for config_file in sorted(root.glob("mkdocs*.yml")):
        replace(config_file, "      - about/glossary/index.md\n", "      - about/glossary/index.md\n      - about/notes.md\n")
    with (root / "documentary.yml").open("a", encoding="utf-8") as config:  # each year's page carries the filters,
        config.write("timeline_lines: 0\n")  # which the renderer derives once from the whole record (remembered)
        config.write("per_page: {timeline: 1, sources: 1, people: 1}\n")  # a year of two events is two pages
    return root


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edits(root: Path) -> dict[str, Callable[[], None]]:
    data = root / "data"
    return {
        "event summary": lambda: replace(data / "events" / "call-2024.yml", "Two ministers spoke.",
                                         "Two ministers spoke at length."),
        "new event": lambda: (data / "events" / "new-2024.yml").write_text(NEW_EVENT, encoding="utf-8"),
        "source title": lambda: replace(data / "sources" / "ho-2024.yml", "UK signs agreement",
                                        "UK signs an agreement"),
        "page title": lambda: replace(root / "documentary.yml", "en: Timeline,", "en: Chronology,"),
        "template": lambda: replace(root / "src" / "dossier" / "theme" / "dossier" / "event.html", "{% import",
                                    "<p id=edited-template></p>\n{% import"),
        "about page": lambda: replace(root / "docs" / "about" / "index.md", "A tiny record for tests.",
                                      "A tiny record, for tests."),
        "figure value": lambda: replace(data / "figures.yml", "value: 3356", "value: 3357"),
        # shown on the pages of other entries: what the dependency map (``model.reads``) must follow
        "role title": lambda: replace(data / "people" / "to-lam.yml", "title: Minister of Public Security",
                                      "title: Minister of Public Security (MPS)"),
        "organisation name": lambda: replace(data / "organisations.yml", "name: Home Office", "name: UK Home Office"),
        "quotation text": lambda: replace(data / "quotes" / "q-2024.yml", "We are committed.", "We are all committed."),
        "event tags": lambda: replace(data / "events" / "call-2024.yml", "tags: [returns]",
                                      "tags: [returns, human-rights]"),
        "tag label": lambda: replace(data / "tags.yml", "label: Returns", "label: Returns flights"),
        "translation only": lambda: replace(data / "events" / "call-2024.yml", "vi: Một cuộc gọi",
                                            "vi: Một cuộc điện thoại"),
        "agreement item": lambda: replace(data / "agreements.yml", "text: continue returns",
                                          "text: continue the returns"),
        "publisher of a source": lambda: replace(data / "sources" / "ho-2024.yml", "publisher: Home Office",
                                                 "publisher: UK Home Office"),
    }


def served_files(server: ServedProject, paths: list[str]) -> dict[str, tuple[int, str]]:
    """Every path's status and body, with the server's own port and live-reload clock made neutral."""
    out = {}
    for path in paths:
        status, body = server.get("record/" + path)
        body = re.sub(r"livereload\(\d+, \d+\)", "livereload(EPOCH)", body)  # the server's reload clock
        out[path] = (status, body.replace(str(server.port), "PORT"))
    return out


def fresh_files(root: Path, paths: list[str]) -> dict[str, tuple[int, str]]:
    """``served_files`` of a fresh server (no ``--dirty``, no earlier build) of the same files."""
    fresh = ServedProject(root)
    try:
        return served_files(fresh, paths)
    finally:
        fresh.stop()


def site_paths(root: Path, tmp: Path) -> list[str]:
    """Every file a clean build of ``root`` writes (pages, search index, downloads, feeds)."""
    out = tmp / "clean"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(out)], cwd=root,
                            env={**os.environ, "PYTHONPATH": str(root / "src")}, capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    return sorted(p.relative_to(out).as_posix().removesuffix("index.html") for p in out.rglob("*")
                  if p.is_file() and p.suffix in (".html", ".json", ".xml", ".csv", ".txt")
                  and "assets" not in p.parts)


@pytest.mark.parametrize("edit", ["event summary", "source title", "tag label", "role title", "event tags",
                                  "quotation text", "figure value"])
def test_the_changed_reads_at_once_are_the_reads_told_one_by_one(tmp_path: Path, edit: str) -> None:
    """``Reuse.changed_reads`` (one set, table by table) says of every read of the last build what ``stale``
    (read by read) says, and names every table a page reads."""
    from dossier.build import prepare, template_dirs
    from dossier.incremental import Reuse
    from dossier.render.renderer import Renderer

    root = project(tmp_path)
    first = prepare(root, None, language="en", dependencies=True)
    assert first.rendered is not None
    edits(root)[edit]()
    second = prepare(root, None, language="en", dependencies=True)
    renderer = Renderer(second.dataset, second.site, template_dirs(None), language="en")
    reuse = Reuse(first.rendered, renderer)
    assert reuse.before is not None  # the edit leaves the site map as it was: pages may be kept
    reads = {read for page in first.pages if page.reads for read in page.reads}
    assert {table for table, _ in reads} <= reuse.tables()
    changed = reuse.changed_reads()
    assert changed is not None
    told = {read for read in reads if reuse.stale(read)}
    assert told  # the edit is seen
    assert {read for read in reads if read in changed} == told


def test_a_page_rebuilt_alone_shows_the_hand_written_pages_titles_in_its_navigation(tmp_path: Path) -> None:
    """A data edit rebuilds the entry's page, not the hand-written ones; the navigation it shows still names them."""
    root = project(tmp_path)
    server = ServedProject(root, "--dirty")
    try:
        server.rebuilt(edits(root)["event summary"])
        for prefix in ("", "vi/"):
            status, body = server.get(f"record/{prefix}events/call-2024/")
            assert status == 200
            assert "at length" in body  # rebuilt
            links = BeautifulSoup(body, "html.parser").select("nav.md-nav a.md-nav__link")
            assert "Notes for editors" in [a.get_text(" ", strip=True) for a in links], prefix
    finally:
        server.stop()


def test_a_further_page_of_a_year_shows_another_years_new_count(tmp_path: Path) -> None:
    """2023 spans two pages; an event added to 2024 changes the count every year page shows, the years stay."""
    root = project(tmp_path)
    write_data(root, {f"events/e{n}-2023.yml": NEW_EVENT.replace("new-2024", f"e{n}-2023").replace(
        "2024-04-16", f"2023-0{n}-01") for n in (3, 6)})
    paths = ["timeline/2023/2/"]
    server = ServedProject(root, "--dirty")
    try:
        assert server.get("record/" + paths[0])[0] == 200
        server.rebuilt(lambda: (root / "data" / "events" / "new-2024.yml").write_text(NEW_EVENT, encoding="utf-8"))
        dirty = served_files(server, paths)
    finally:
        server.stop()
    clean = fresh_files(root, paths)
    assert dirty == clean


SEEDS = [int(s) for s in os.environ.get("DOSSIER_EDIT_SEEDS", "20261207,7,2027").split(",")]


@pytest.mark.parametrize("seed", SEEDS)
def test_after_a_random_sequence_of_edits_the_dirty_site_is_the_clean_one(tmp_path: Path, seed: int) -> None:
    root = project(tmp_path)
    server = ServedProject(root, "--dirty")
    try:
        # a data error, then its fix: the error pages, then the whole site again (first: a fix renders every
        # page again, which would hide a page the edits below left stale)
        broken = TRANSLATED_EVENT.replace("date: 2024-04-15", "date: 2024-02-30")
        server.rebuilt(lambda: write_data(root, {"events/call-2024.yml": broken}))
        assert "impossible date" in server.get("record/events/call-2024/")[1]
        server.rebuilt(lambda: write_data(root, {"events/call-2024.yml": TRANSLATED_EVENT}))
        sequence = random.Random(seed).sample(sorted(edits(root)), 7)  # noqa: S311 - a reproducible sequence
        for name in sequence:
            log = server.rebuilt(edits(root)[name])
            assert "Data validation failed" not in log, (name, log)  # each edit is a valid record
        if (root / "data" / "events" / "new-2024.yml").exists():
            server.rebuilt(lambda: (root / "data" / "events" / "new-2024.yml").unlink())
        paths = [*site_paths(root, tmp_path), "events/new-2024/", "fr/events/new-2024/"]
        dirty = served_files(server, paths)
    finally:
        server.stop()
    clean = fresh_files(root, paths)
    assert dirty["events/new-2024/"][0] == 404  # a page that is gone is gone
    different = [p for p in paths if dirty[p] != clean[p]]
    for path in different[:3]:  # what differs, for the failure's report
        print(path, *list(difflib.unified_diff(clean[path][1].splitlines(), dirty[path][1].splitlines(), "clean",
                                               "dirty", lineterm="", n=0))[:12], sep="\n")
    assert different == [], f"seed {seed}, edits {sequence}: {different[:5]}"
    assert re.search(r"Un appel", clean["fr/events/call-2024/"][1])
