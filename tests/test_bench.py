"""The benchmark's S size as a smoke test: it runs end to end and the site it builds is valid."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import PYTHON, ROOT
from dossier.devtools.synthetic import SIZES


def test_bench_small_size_builds_a_valid_site(tmp_path: Path) -> None:
    run = subprocess.run([PYTHON, str(ROOT / "scripts" / "bench.py"), "--sizes", "S", "--no-page", "--no-serve",
                          "--out", str(tmp_path)], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    table = run.stdout
    assert "| S (100 events, 50 people) | 152 |" in table
    results = json.loads((tmp_path / "results.json").read_text())
    row = results["rows"]["S"]
    assert (row["events"], row["people"]) == SIZES["S"]
    assert 0 < row["own"] < row["build"]
    heaviest, kb = row["heaviest"]  # measured on the two-edition build (the English-only one replaces it)
    assert heaviest.split("/")[0] in {"", "vi", "timeline", "people", "sources", "figures", "agreements"}
    assert 1 < kb < 1000
    assert f"S: {heaviest} {kb:.1f} KB" in table
    site = tmp_path / "S" / "project" / "site"
    timeline = BeautifulSoup((site / "timeline/index.html").read_text(encoding="utf-8"), "html.parser")
    assert len(timeline.select("li.dossier-event")) == 100
    assert len(list((site / "events").glob("*/index.html"))) == 100
    assert len(list((site / "people").glob("*/index.html"))) == 50
    baseline = tmp_path / "S" / "baseline" / "site"
    assert len(list((baseline / "events").glob("*/index.html"))) == 100
    # the stock site in two languages: the same pages again, the theme in Vietnamese
    second = tmp_path / "S" / "baseline-vi"
    assert "language: vi" in (second / "mkdocs.yml").read_text(encoding="utf-8")
    assert len(list((second / "site" / "events").glob("*/index.html"))) == 100
    assert row["base2_build"] > row["base_build"] > 0
    assert row["base2_site"] > row["base_site"]
    assert 0 < row["floor"] < row["build"]
    assert "| target (issue 23) | this run | met |" in table
    assert "| the same at L ≤ 3 s | – | not measured |" in table  # no serve run here: said, not guessed

