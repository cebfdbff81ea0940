"""The MkDocs adapter, through real `mkdocs build` runs on small projects in tmp_path."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from conftest import make_site_project, run_build, write_data


def test_failed_validation_exits_non_zero_and_leaves_site_untouched(tiny: Path) -> None:
    make_site_project(tiny)
    first = run_build(tiny)
    assert first.returncode == 0, first.stderr
    marker = tiny / "site" / "index.html"
    before = marker.read_bytes()
    write_data(tiny, {"events/call-2024.yml": "id: call-2024\ndate: 2024-04-15\ntitle: x\nsummary: y\n"
                                              "participants:\n  - person: nobody\n    part: participant\n"
                                              "sources: [ho-2024]\n"})
    second = run_build(tiny)
    assert second.returncode == 1
    assert "Traceback" not in second.stderr
    assert ("data/events/call-2024.yml:6:13: participants.0.person: no person with id 'nobody' "
            "(hint: add data/people/nobody.yml or fix the id)") in second.stderr.splitlines()
    assert marker.read_bytes() == before
    assert (tiny / "site" / "events" / "call-2024" / "index.html").exists()


def test_generated_page_colliding_with_handwritten_page_is_an_error(tiny: Path) -> None:
    make_site_project(tiny)
    (tiny / "docs" / "timeline").mkdir()
    (tiny / "docs" / "timeline" / "index.md").write_text("# Mine\n")
    result = run_build(tiny)
    assert result.returncode == 1
    assert "docs/timeline/index.md: this page is generated from data/; remove or rename the hand-written file" \
        in result.stderr


def test_entry_pages_are_generated_but_not_in_the_sidebar(tiny: Path) -> None:
    make_site_project(tiny)
    assert run_build(tiny).returncode == 0
    soup = BeautifulSoup((tiny / "site/timeline/index.html").read_text(), "html.parser")
    nav_links = [a["href"] for a in soup.select("nav.md-nav--primary a[href]")]
    assert not any("events/" in href or "2024" in href for href in nav_links)  # nor the years' pages
    assert soup.select_one("li#call-2024 a")["href"] == "../events/call-2024/"
    assert (tiny / "site/timeline/2024/index.html").is_file()


def test_configured_urls_with_credentials_stop_the_build(tiny: Path) -> None:
    import os
    import subprocess
    import sys

    make_site_project(tiny)
    env = {**os.environ, "EDIT_BASE_URL": "https://bot:s3cret@github.com/o/r/edit/main/"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tiny, env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert ("mkdocs.yml: extra.edit_base_url: URL carries a user name or password (hint: remove the "
            "'user:password@' part; it would be published in every page)") in result.stderr
    assert "s3cret" not in result.stderr
    assert not (tiny / "site").exists()
