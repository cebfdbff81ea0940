"""Shared fixtures: a tiny valid data set written into tmp_path, and helpers to validate or build it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

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
  value_text: "3,356"
  unit: people
  kind: official statistic
  stated_by: {organisation: home-office}
  sources: [ho-2024]
""",
}


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


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A project folder with the tiny valid data set; tests add or overwrite files in it."""
    write_data(tmp_path, TINY)
    return tmp_path


def make_site_project(root: Path) -> Path:
    """Copy the real site skeleton (config, hooks, templates, hand-written pages) next to ``root/data``."""
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, root / name)
    for name in ("hooks", "overrides", "docs"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def run_validate(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PYTHON, str(ROOT / "scripts" / "validate.py"), "data"], cwd=project,
                          capture_output=True, text=True, check=False)


def run_build(project: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([PYTHON, "-m", "mkdocs", "build", "--strict", *extra], cwd=project,
                          capture_output=True, text=True, check=False)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session from the shipped data, in strict mode."""
    out = tmp_path_factory.mktemp("real") / "site"
    result = subprocess.run([PYTHON, "-m", "mkdocs", "build", "--strict", "-d", str(out)], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return out


def soup_of(site: Path, url: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
