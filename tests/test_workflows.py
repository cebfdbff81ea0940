"""The GitHub workflows lint clean (zizmor) and keep the rules the project set for them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
ZIZMOR = Path(sys.executable).parent / "zizmor"


def test_zizmor_finds_nothing() -> None:
    result = subprocess.run([str(ZIZMOR), "--offline", "--no-progress", *map(str, WORKFLOWS)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_follow_the_project_rules() -> None:
    assert {w.name for w in WORKFLOWS} == {"pull-request.yml", "deploy.yml"}
    for path in WORKFLOWS:
        text = path.read_text(encoding="utf-8")
        flow = yaml.safe_load(text)
        triggers = flow[True]  # PyYAML 1.1 reads the key `on` as True
        assert "pull_request_target" not in triggers
        assert flow["permissions"] == {"contents": "read"}
        for uses in re.findall(r"uses: (\S+)", text):
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", uses), f"{path.name}: {uses} not pinned to a SHA"
        for job in flow["jobs"].values():
            for step in job.get("steps", []):
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False
    deploy = yaml.safe_load((ROOT / ".github/workflows/deploy.yml").read_text(encoding="utf-8"))
    assert "permissions" not in deploy["jobs"]["build"]
    assert deploy["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
