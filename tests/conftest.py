"""Shared fixtures: a tiny valid data set written into tmp_path, and helpers to validate or build it."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

TINY: dict[str, str] = {
    "sources/ho-2024.yml": """\
id: ho-2024
title: UK signs agreement
publisher: Home Office
kind: government press release
published: 2024-04-18
url: https://example.org/ho-2024
language: en
""",
    "tags.yml": """\
- id: returns
  label: Returns
- id: human-rights
  label: Human rights
""",
    "organisations.yml": """\
- id: home-office
  name: Home Office
  country: GB
  sources: [ho-2024]
""",
    "people/to-lam.yml": """\
id: to-lam
name: Tô Lâm
ascii_name: To Lam
country: VN
roles:
  - title: Minister of Public Security
    organisation: home-office
    attested: [2024-04-15]
    sources: [ho-2024]
sources: [ho-2024]
""",
    "events/call-2024.yml": """\
id: call-2024
date: 2024-04-15
title: A call
summary: Two ministers spoke.
participants:
  - person: to-lam
    part: participant
tags: [returns]
agreements: [statement-2024]
sources: [ho-2024]
""",
    "agreements.yml": """\
- id: statement-2024
  title: Joint Statement
  kind: joint statement
  date: 2024-04-17
  summary: A statement.
  signatories:
    - person: to-lam
      sources: [ho-2024]
  items:
    - id: returns
      text: continue returns
      wording: verbatim
      tags: [returns]
      sources: [ho-2024]
  sources: [ho-2024]
""",
    "quotes/q-2024.yml": """\
id: q-2024
text: We are committed.
speaker: {person: to-lam}
date: 2024-04-17
event: call-2024
sources: [ho-2024]
""",
    "figures.yml": """\
- id: arrivals
  label: Arrivals
  value: 3356
  unit: people
  kind: official statistic
  stated_by: {organisation: home-office}
  sources: [ho-2024]
""",
}

BROKEN_DATE = TINY["events/call-2024.yml"].replace("date: 2024-04-15", "date: 2024-02-30")
"""The tiny event with an impossible date, and the error line it gives."""
EXPECTED = "data/events/call-2024.yml:2:7: date: impossible date '2024-02-30': February 2024 has 29 days"


TINY_DOCUMENTARY = """\
title: A tiny record
author: The tiny record's editors
key: tiny
language: en
licence:
  id: CC-BY-4.0
  title: Creative Commons Attribution 4.0
  url: https://creativecommons.org/licenses/by/4.0/
  short: CC BY 4.0
  notice: Text and data CC BY 4.0.
context_tag: human-rights
context_path: human-rights
pages:
  home: {title: A tiny record, description: A record for tests.}
  timeline: {title: Timeline, description: "{count} events.", summary: every event.}
  people: {title: People, description: Who took part.}
  agreements: {title: Agreements, description: What was agreed.}
  figures: {title: Figures, description: The numbers.}
  context: {title: Context, description: What others said., intro: Assessments by others.}
  sources: {title: Sources, description: Every source.}
  corrections: {title: Corrections, description: Every correction.}
  glossary: {title: Glossary, description: The record's terms.}
vocabularies:
  source_kinds: {government press release: {label: press release}}
  figure_kinds:
    official statistic: {label: official statistic, measured: true}
    government claim: {label: claim}
  agreement_kinds: {joint statement: {label: joint statement}}
  parts: {participant: {label: participant}}
  units:
    people: {label: Number of people, written: {one: "{num} person", other: "{num} people"}, maximum: 8300000000,
             whole: true}
    percent: {label: Per cent, style: percent, maximum: 100}
feeds: {events: "A tiny record: timeline", corrections: "A tiny record: corrections"}
data_package: {name: tiny-record, title: A tiny record, description: Events and sources of a tiny record.}
figures_dataset: {title: Figures of the tiny record, description: Numbers as stated.}
"""
"""The documentary configuration of the fixture (documentary.yml)."""


def write_data(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write ``files`` (path under data/ -> content) into ``root/data``; None content deletes."""
    data = root / "data"
    for rel, content in files.items():
        path = data / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return data


def errors_after(tiny: Path, files: dict[str, str | bytes]) -> list[str]:
    """Write ``files`` into the tiny project's data and return the validation errors, one string each."""
    from dossier.errors import DataInvalid
    from dossier.validate.check import validate_project

    write_data(tiny, files)
    with pytest.raises(DataInvalid) as info:
        validate_project(tiny)
    return [str(e) for e in info.value.errors]


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A project folder with the tiny valid data set; tests add or overwrite files in it."""
    write_data(tmp_path, TINY)
    (tmp_path / "documentary.yml").write_text(TINY_DOCUMENTARY, encoding="utf-8")
    return tmp_path


def make_site_project(root: Path) -> Path:
    """Copy the real site skeleton (config, hook file, generator package, hand-written pages) next to ``root/data``."""
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, root / name)
    for name in ("hooks", "src", "docs"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    return root


def run_validate(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PYTHON, str(ROOT / "scripts" / "validate.py"), "data"], cwd=project,
                          capture_output=True, text=True, check=False)


def run_build(project: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PYTHON, "-m", "mkdocs", "build", "--strict", *extra], cwd=project,
                          capture_output=True, text=True, check=False)


def build_shipped(out: Path, engine: str = "mkdocs") -> Path:
    """The real site built from the shipped data into ``out``, in strict mode, by ``engine`` (or ``properdocs``)."""
    result = subprocess.run([PYTHON, "-m", engine, "build", "--strict", "-d", str(out)], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session from the shipped data, in strict mode."""
    return build_shipped(tmp_path_factory.mktemp("real") / "site")


@contextlib.contextmanager
def static_server(site: Path) -> Iterator[str]:
    """A built site served on a free port of 127.0.0.1 while the block runs: its address."""
    from dossier.devtools.browser import serve

    server = serve(site)
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Any) -> Iterator[Any]:
    """The Debian chromium, headless, driven by Playwright."""
    from dossier.devtools.browser import CHROMIUM, CHROMIUM_ARGS

    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


def soup_of(site: Path, url: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


class ServedProject:
    """`mkdocs serve` (or ``engine`` serve: ``properdocs``) running on a project folder, on a free port of
    127.0.0.1, its log collected."""

    def __init__(self, project: Path, *args: str, engine: str = "mkdocs") -> None:
        import socket

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.project = project
        self.log: list[str] = []
        # The project's own copy of the package, before the installed one, so tests may edit it.
        env = {**os.environ, "PYTHONPATH": str(project / "src")}
        self.proc = subprocess.Popen([PYTHON, "-m", engine, "serve", *args, "-a", f"127.0.0.1:{self.port}"],
                                     cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     text=True, bufsize=1)
        import threading

        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.wait_for_log("Serving on", 0)

    def _read(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.log.append(line.rstrip("\n"))

    def wait_for_log(self, text: str, start: int, timeout: float = 60) -> int:
        """Wait until a log line from index ``start`` on contains ``text``; return the index after it."""
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for i in range(start, len(self.log)):
                if text in self.log[i]:
                    return i + 1
            assert self.proc.poll() is None, "mkdocs serve exited:\n" + "\n".join(self.log)
            time.sleep(0.05)
        raise AssertionError(f"no log line with {text!r} within {timeout} s:\n" + "\n".join(self.log))

    def rebuilt(self, change: Callable[[], None]) -> list[str]:
        """Apply ``change`` to the project, wait for the rebuild to finish, return its log lines."""
        start = len(self.log)
        change()
        end = self.wait_for_log("Reloading browsers", start)
        return self.log[start:end]

    def get(self, path: str) -> tuple[int, str]:
        import urllib.error
        import urllib.request

        try:
            with urllib.request.urlopen(self.url + path, timeout=30) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as err:
            return err.code, err.read().decode("utf-8")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=20)
        self._reader.join(timeout=5)
        if self.proc.stderr is not None:
            self.proc.stderr.close()


@pytest.fixture
def served(tiny: Path) -> Iterator[ServedProject]:
    """The tiny project, served by a real `mkdocs serve`."""
    server = ServedProject(make_site_project(tiny))
    try:
        yield server
    finally:
        server.stop()


def broken_links(site: Path, root: str = "/") -> list[tuple[str, str, str]]:
    """(page, href, what is missing) for each link to a page or anchor of ``site`` that the build does not hold.
    ``root``: the path the site is served at (its site_url's), which root-relative links (404 pages) start with."""
    from bs4 import BeautifulSoup

    soups = {p.resolve(): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser") for p in site.rglob("*.html")}
    ids = {p: {str(t["id"]) for t in s.find_all(id=True)} for p, s in soups.items()}
    bad = []
    for page, soup in soups.items():
        for a in soup.find_all("a", href=True):
            href = str(a["href"])
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue
            if parts.path:
                absolute = parts.path.startswith("/")
                if absolute and not parts.path.startswith(root):
                    bad.append((str(page.relative_to(site.resolve())), href, "page"))
                    continue
                path = parts.path.removeprefix(root) if absolute else parts.path
                target = ((site if absolute else page.parent) / unquote(path)).resolve()
                if target.is_dir():
                    target = target / "index.html"
            else:
                target = page
            shown = str(page.relative_to(site.resolve()))
            if not target.exists():
                bad.append((shown, href, "page"))
            elif parts.fragment and target in ids and unquote(parts.fragment) not in ids[target]:
                bad.append((shown, href, "anchor"))
    return bad
