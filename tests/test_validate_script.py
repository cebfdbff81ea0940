"""scripts/validate.py: exit status and output as a contributor sees them."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import PYTHON, ROOT, run_validate, write_data


def test_clean_data_exits_zero(tiny: Path) -> None:
    result = run_validate(tiny)
    assert result.returncode == 0
    assert result.stdout == (
        "data is valid: 1 event, 1 person, 1 agreement, 1 figure, 1 quote, 1 source\n"
        "series coverage (years with a point; years missing in the years it covers, or else between the first and "
        "the last point):\n"
        "official statistics with a primary source: 0 of 1 (0%); primary kinds: none (documentary.yml: "
        "source_kinds.<kind>.primary)\n")


def test_errors_exit_one_one_per_line_without_traceback(tiny: Path) -> None:
    write_data(tiny, {"events/bad.yml": "id: bad\ndate: 2024-02-30\n", "people/x.yml": b"\xff"})
    result = run_validate(tiny)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        "data/events/bad.yml:1:1: sources: required field 'sources' is missing "
        "(hint: every fact needs a source: list the id of an entry in data/sources/)",
        "data/events/bad.yml:1:1: summary: required field 'summary' is missing",
        "data/events/bad.yml:1:1: title: required field 'title' is missing",
        "data/events/bad.yml:2:7: date: impossible date '2024-02-30': February 2024 has 29 days",
        "data/people/x.yml:1:1: file: not valid UTF-8 (byte 0xFF) (hint: save the file as UTF-8)",
        "5 data errors: nothing was built.",
    ]


def test_shipped_data_is_valid() -> None:
    result = subprocess.run([PYTHON, str(ROOT / "scripts/validate.py")], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("data is valid: ")
