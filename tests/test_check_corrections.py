"""scripts/check_corrections.py in a throw-away git repository."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, TINY, TINY_DOCUMENTARY, write_data


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   check=True, capture_output=True)


def setup_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "scripts").mkdir(parents=True)
    for script in ("check_corrections.py", "validate.py"):
        shutil.copy(ROOT / "scripts" / script, repo / "scripts")
    for folder in ("hooks", "src"):
        shutil.copytree(ROOT / folder, repo / folder, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    write_data(repo, TINY)
    (repo / "documentary.yml").write_text(TINY_DOCUMENTARY, encoding="utf-8")
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
    figures.write_text(figures.read_text().replace("value: 3356", "value: 3357"))
    assert run(repo).returncode == 1
    write_data(repo, {"corrections.yml": "- id: fix\n  date: 2025-11-02\n  item: figures/arrivals\n"
                                         "  change: 3,356 became 3,357.\n  reason: Typo.\n"})
    result = run(repo)
    assert result.returncode == 0, result.stderr


def test_unchanged_data_passes(tmp_path: Path) -> None:
    assert run(setup_repo(tmp_path)).returncode == 0


def test_a_tightened_model_still_compares_against_the_base_read_by_its_own_code(tmp_path: Path) -> None:
    """The base's data fails the new model (no 'context'), yet its changed quotation is still caught."""
    repo = setup_repo(tmp_path)
    entities = repo / "src/dossier/model/entities.py"
    old = 'context: Text | None = Field(default=None, description="how the source introduces the quotation")'
    assert old in entities.read_text()
    entities.write_text(entities.read_text().replace(old, 'context: Text = Field(description="now required")'))
    quote = repo / "data/quotes/q-2024.yml"
    quote.write_text(quote.read_text().replace("We are committed.", "We are fully committed.") + "context: Said.\n")
    result = run(repo)
    assert result.returncode == 1, result.stdout
    assert result.stderr.splitlines() == [
        "data/quotes/q-2024.yml: quotation 'q-2024' changed; add a corrections entry with item: quotes/q-2024"]
    git(repo, "stash", "-q")  # the base data really is invalid under the tightened model
    entities.write_text(entities.read_text().replace(old, 'context: Text = Field(description="now required")'))
    assert "required field 'context' is missing" in run(repo).stderr


def test_a_base_that_cannot_export_stops_with_a_clear_message(tmp_path: Path) -> None:
    repo = setup_repo(tmp_path)
    (repo / "scripts/validate.py").write_text(
        "import argparse\nargparse.ArgumentParser().add_argument('data')\n"
        "argparse.ArgumentParser().parse_args(['data', '--export-published', 'x'])\n")
    git(repo, "commit", "-q", "-am", "an old validate.py")
    shutil.copy(ROOT / "scripts/validate.py", repo / "scripts")
    result = run(repo)
    assert result.returncode == 2
    assert result.stderr.strip() == ("check_corrections: main's scripts/validate.py predates --export-published, so "
                                     "its published values cannot be read with its own code; compare by hand this once")


def test_a_base_whose_data_fails_its_own_code_is_an_error_not_a_pass(tmp_path: Path) -> None:
    repo = setup_repo(tmp_path)
    write_data(repo, {"quotes/q-2024.yml": "id: q-2024\n"})
    git(repo, "commit", "-q", "-am", "broken data on main")
    write_data(repo, TINY)
    result = run(repo)
    assert result.returncode == 1
    assert result.stderr.startswith("check_corrections: main's data does not validate under main's own code:\n")
    assert "data/quotes/q-2024.yml" in result.stderr
