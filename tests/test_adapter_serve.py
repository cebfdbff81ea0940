"""`mkdocs serve` through the MkDocs adapter: data errors shown in the browser, code reloaded, no restart."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from conftest import BROKEN_DATE, EXPECTED, TINY, ServedProject, write_data


def errors_shown(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    return [code.get_text() for code in soup.select(".dossier-data-errors li code")]


def test_data_error_replaces_every_page_and_fixing_it_brings_the_site_back(served: ServedProject) -> None:
    status, html = served.get("events/call-2024/")
    assert status == 200
    assert errors_shown(html) == []
    log = served.rebuilt(lambda: write_data(served.project, {"events/call-2024.yml": BROKEN_DATE}))
    assert EXPECTED in log  # the terminal shows the same line as the browser
    for path in ("events/call-2024/", "", "timeline/", "about/"):
        status, html = served.get(path)
        assert status == 200, path
        assert errors_shown(html) == [EXPECTED], path
        assert "<title>Data errors: the site was not built</title>" in html
    status, html = served.get("no-such-page/")
    assert status == 404
    assert errors_shown(html) == [EXPECTED]
    served.rebuilt(lambda: write_data(served.project, {"events/call-2024.yml": TINY["events/call-2024.yml"]}))
    status, html = served.get("events/call-2024/")
    assert status == 200
    assert errors_shown(html) == []
    assert BeautifulSoup(html, "html.parser").h1.get_text() == "A call"


def test_error_page_escapes_what_the_data_says(served: ServedProject) -> None:
    evil = TINY["events/call-2024.yml"].replace("tags: [returns]", "tags: ['<img src=x onerror=alert(1)>']")
    served.rebuilt(lambda: write_data(served.project, {"events/call-2024.yml": evil}))
    _, html = served.get("events/call-2024/")
    assert "<img src=x" not in html
    assert "data/events/call-2024.yml:8:8: tags.0: no tag with id '<img src=x onerror=alert(1)>' (hint: add it to data/tags.yml or fix the id)" in errors_shown(html)


def test_edited_python_code_and_templates_are_used_on_the_next_rebuild(served: ServedProject) -> None:
    module = served.project / "src" / "dossier" / "render" / "pages" / "entries.py"
    template = served.project / "src" / "dossier" / "theme" / "dossier" / "event.html"

    def edit(path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    served.rebuilt(lambda: edit(module, "Role history, events", "Role history (edited code), events"))
    description = BeautifulSoup(served.get("people/to-lam/")[1], "html.parser").select_one("meta[name=description]")
    assert "Role history (edited code), events" in description["content"]
    served.rebuilt(lambda: edit(template, "{% import", "<p id=edited-template></p>\n{% import"))
    assert BeautifulSoup(served.get("events/call-2024/")[1], "html.parser").select("#edited-template")


def test_a_saved_file_is_one_rebuild_and_reading_files_starts_none(served: ServedProject) -> None:
    """The adapter watches through the system's notifications (inotify here), which also report a file opened or
    closed unwritten; MkDocs rebuilds on any event it is given, so a build reading the data must not start another.
    The site answers the edit, and then stays quiet for well past MkDocs' half-second poll and 0.1 s debounce."""
    import time

    edited = TINY["events/call-2024.yml"].replace("title: A call", "title: A call, edited")
    assert edited != TINY["events/call-2024.yml"]
    served.rebuilt(lambda: write_data(served.project, {"events/call-2024.yml": edited}))
    assert BeautifulSoup(served.get("events/call-2024/")[1], "html.parser").h1.get_text() == "A call, edited"
    quiet_from = len(served.log)
    served.get("events/call-2024/")  # the server reading its own output is not a change either
    time.sleep(3)
    assert [line for line in served.log[quiet_from:] if "Building documentation" in line] == []
