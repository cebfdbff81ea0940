"""scripts/check_corrections.py in a throw-away git repository."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, TINY, write_data


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   check=True, capture_output=True)


def setup_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts/check_corrections.py", repo / "scripts")
    shutil.copytree(ROOT / "hooks", repo / "hooks", ignore=shutil.ignore_patterns("__pycache__"))
    write_data(repo, TINY)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "base")
    return repo


def run(repo: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "scripts/check_corrections.py", "main"], cwd=repo,
                          capture_output=True, text=True, check=False)


def test_changed_quote_without_correction_fails_naming_the_file(tmp_path: Path) -> None:
    repo = setup_repo(tmp_path)
    quote = repo / "data/quotes/q-2024.yml"
    quote.write_text(quote.read_text().replace("We are committed.", "We are fully committed."))
    result = run(repo)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "data/quotes/q-2024.yml: quotation 'q-2024' changed; add a corrections entry with item: quotes/q-2024"]


def test_changed_figure_with_a_correction_passes(tmp_path: Path) -> None:
    repo = setup_repo(tmp_path)
    figures = repo / "data/figures.yml"
    figures.write_text(figures.read_text().replace("value: 3356", "value: 3357").replace('"3,356"', '"3,357"'))
    assert run(repo).returncode == 1
    write_data(repo, {"corrections.yml": "- id: fix\n  date: 2025-11-02\n  item: figures/arrivals\n"
                                         "  change: 3,356 became 3,357.\n  reason: Typo.\n"})
    result = run(repo)
    assert result.returncode == 0, result.stderr


def test_unchanged_data_passes(tmp_path: Path) -> None:
    assert run(setup_repo(tmp_path)).returncode == 0
