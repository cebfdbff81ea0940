"""scripts/ensure-packages.sh: install what a make target needs, or stop at once with the command to run.

The system commands it calls (id, sudo, apt-get, dpkg-query) are replaced by small scripts on a
PATH of our own, so each branch runs for real without touching this machine's packages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

SCRIPT = ROOT / "scripts" / "ensure-packages.sh"


@pytest.fixture
def fake_bin(tmp_path: Path) -> Path:
    """A PATH with bash and env, and stand-ins for id, apt-get and dpkg-query that log their calls."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bash", "env"):
        (bin_dir / tool).symlink_to(shutil.which(tool) or f"/usr/bin/{tool}")
    log = tmp_path / "calls.log"
    stubs = {
        "id": 'echo "${FAKE_UID:-0}"',
        "apt-get": f'echo "apt-get $*" >> {log}',
        "dpkg-query": 'echo "1.2.3"',
    }
    for name, body in stubs.items():
        (bin_dir / name).write_text(f"#!{shutil.which('bash')}\n{body}\n")
        (bin_dir / name).chmod(0o755)
    return bin_dir


def run(fake_bin: Path, *pairs: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([shutil.which("bash") or "bash", str(SCRIPT), *pairs], env={"PATH": str(fake_bin), **env},
                          capture_output=True, text=True, check=False)


def test_nothing_happens_when_the_command_is_there(fake_bin: Path) -> None:
    result = run(fake_bin, "env=whatever")
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert not (fake_bin.parent / "calls.log").exists()


def test_as_root_it_installs_with_apt_get_and_says_so(fake_bin: Path) -> None:
    result = run(fake_bin, "chromium=chromium")
    assert result.returncode == 0, result.stderr
    assert (fake_bin.parent / "calls.log").read_text().splitlines() == [
        "apt-get update -qq", "apt-get install -y -qq chromium"]
    assert result.stdout.splitlines() == [
        "Installing the Debian package(s) 'chromium' with apt-get (not found on this machine)...",
        "Installed chromium 1.2.3 with apt-get."]


def test_without_root_or_sudo_it_stops_with_the_exact_command(fake_bin: Path) -> None:
    result = run(fake_bin, "chromium=chromium", "npm=npm", FAKE_UID="1000")
    assert result.returncode == 1
    assert "Run:  sudo apt-get update && sudo apt-get install -y chromium npm" in result.stderr.splitlines()
    assert not (fake_bin.parent / "calls.log").exists()


def test_with_passwordless_sudo_it_installs_through_sudo(fake_bin: Path) -> None:
    (fake_bin / "sudo").write_text(f"#!{shutil.which('bash')}\n[ \"$1\" = -n ] && shift\n\"$@\"\n")
    (fake_bin / "sudo").chmod(0o755)
    result = run(fake_bin, "chromium=chromium", FAKE_UID="1000")
    assert result.returncode == 0, result.stderr
    assert "with sudo -n apt-get" in result.stdout


def test_chromium_path_stands_in_for_the_package(fake_bin: Path) -> None:
    result = run(fake_bin, "chromium=chromium", CHROMIUM_PATH=str(fake_bin / "env"))
    assert (result.returncode, result.stdout) == (0, "")


def test_without_apt_get_it_says_what_is_needed(fake_bin: Path) -> None:
    os.remove(fake_bin / "apt-get")
    result = run(fake_bin, "chromium=chromium")
    assert result.returncode == 1
    assert "needs the package(s) 'chromium', and this machine has no apt-get" in result.stderr
