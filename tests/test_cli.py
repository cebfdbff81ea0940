"""cli.py: `dossier init DIR` writes a working documentary anywhere on disk, with no path back to this
repository; it builds strictly at once, with every optional kind removed, and with a third language whose
catalogue is the documentary's own."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, soup_of

DOSSIER = [sys.executable, "-m", "dossier.cli"]


def init(tmp: Path) -> Path:
    target = tmp / "my-record"
    result = subprocess.run([*DOSSIER, "init", str(target)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "Next:" in result.stdout
    return target


def build(project: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture
def record(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("outside")
    assert ROOT not in tmp.parents
    return init(tmp)


def test_the_scaffold_builds_at_once_and_lists_the_example_values_to_replace(record: Path) -> None:
    result = build(record)
    assert "warning: documentary.yml:5:8: title: still the example `dossier init` wrote ('A new documentary " \
           "record') (hint: replace it with your record's own)" in result.stderr
    assert "warning: mkdocs.yml:6:12: copyright: still the example" in result.stderr
    site = record / "site"
    for url in ("", "timeline/", "people/ada-example/", "agreements/example-agreement-2024/", "figures/",
                "context/", "sources/", "about/corrections/", "about/glossary/"):
        assert soup_of(site, url).find("h1"), url
    apa = soup_of(site, "timeline/").select_one(".dossier-apa").get_text()
    assert apa.endswith(".")
    assert " from " not in apa


def test_the_scaffold_names_no_path_outside_itself(record: Path) -> None:
    text = (record / "mkdocs.yml").read_text(encoding="utf-8")
    assert "hooks" not in text
    assert "../" not in text
    assert re.search(r"^  - dossier", text, re.M)
    comments = 0
    for path in [record / "documentary.yml", *(record / "data").rglob("*.yml")]:
        for ref in re.findall(r"\$schema=(\S+)", path.read_text(encoding="utf-8")):
            target = (path.parent / ref).resolve()
            assert record in target.parents, (path, ref)
            assert target.is_file(), (path, ref)
            comments += 1
    assert comments == len(list((record / "data").rglob("*.yml"))) + 1


def test_after_deleting_every_optional_kind_it_still_builds(record: Path) -> None:
    data = record / "data"
    for name in ("events", "people", "quotes"):
        shutil.rmtree(data / name)
    for name in ("agreements", "figures", "series", "reports", "corrections", "glossary"):
        (data / f"{name}.yml").unlink()
    config = (record / "documentary.yml").read_text(encoding="utf-8")
    optional = ("timeline", "people", "agreements", "figures", "context", "corrections", "glossary")
    config = "".join(line for line in config.splitlines(keepends=True)
                     if not any(line.startswith(f"  {key}: {{title") for key in optional))
    (record / "documentary.yml").write_text(config.replace("context_tag: assessments\n", ""), encoding="utf-8")
    mkdocs = (record / "mkdocs.yml").read_text(encoding="utf-8")
    for entry in ("  - Timeline: timeline/index.md\n", "  - People: people/index.md\n",
                  "  - Agreements: agreements/index.md\n", "  - Figures: figures/index.md\n",
                  "  - Context: context/index.md\n", "      - about/corrections/index.md\n",
                  "      - about/glossary/index.md\n"):
        mkdocs = mkdocs.replace(entry, "")
    (record / "mkdocs.yml").write_text(mkdocs, encoding="utf-8")
    build(record)
    site = record / "site"
    assert sorted(p.name for p in site.iterdir() if p.is_dir() and (p / "index.html").exists()) == \
        ["about", "sources"]
    home = soup_of(site, "")
    assert home.find("h1")
    assert "corrections" not in str(home.select_one("main"))
    assert not (site / "agreements").exists()


def test_a_third_language_from_the_documentarys_own_catalogue(record: Path) -> None:
    own = record / "locale" / "de" / "LC_MESSAGES"
    own.mkdir(parents=True)
    (own / "messages.po").write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                                     'msgid "Cite this page"\nmsgstr "Diese Seite zitieren"\n', encoding="utf-8")
    (record / "locale" / "de" / "language.yml").write_text('letters: "äöüß"\nstop_words: [der, die, das, und]\n',
                                                          encoding="utf-8")
    english = record / "locale" / "en" / "LC_MESSAGES"
    english.mkdir(parents=True)  # the documentary's own wording of one of the generator's messages
    (english / "messages.po").write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                                         'msgid "Cite this page"\nmsgstr "How to cite this page"\n', encoding="utf-8")
    with (record / "documentary.yml").open("a", encoding="utf-8") as fh:
        fh.write("editions:\n  - {language: vi, region: VN}\n  - {language: de, region: DE}\n")
    for lang in ("vi", "de"):
        (record / f"mkdocs.{lang}.yml").write_text(f"INHERIT: mkdocs.yml\ntheme:\n  language: {lang}\n"
                                                   f"plugins:\n  - search:\n      lang: {lang}\n  - dossier\n",
                                                   encoding="utf-8")
    build(record)
    site = record / "site"
    german = soup_of(site / "de", "timeline/")
    assert german.html["lang"] == "de"
    assert german.select_one("#cite-this-page").get_text() == "Diese Seite zitieren"
    assert soup_of(site / "vi", "timeline/").select_one("#cite-this-page").get_text() == "Trích dẫn trang này"
    assert soup_of(site, "timeline/").select_one("#cite-this-page").get_text() == "How to cite this page"
    assert {a["hreflang"] for a in german.select(".md-select__link")} == {"en", "vi", "de"}


def test_a_unit_of_the_documentarys_own_is_configuration_not_code(record: Path) -> None:
    config = (record / "documentary.yml").read_text(encoding="utf-8")
    (record / "documentary.yml").write_text(config.replace("    percent: {label: Per cent", "    litres:\n"
                                            "      label: Litres\n      written: {one: \"{num} litre\", other: "
                                            "\"{num} litres\"}\n      maximum: 1000000000\n    percent: {label: Per cent"),
                                            encoding="utf-8")
    figures = (record / "data" / "figures.yml").read_text(encoding="utf-8")
    (record / "data" / "figures.yml").write_text(figures + """\
- id: example-water-2024
  label: water used at an example meeting
  value: 2500
  unit: litres
  kind: claim
  stated_by: {organisation: example-council}
  sources: [example-2024-report]
""", encoding="utf-8")
    build(record)
    assert "2,500 litres" in soup_of(record / "site", "figures/").get_text()


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "kept.txt").write_text("mine", encoding="utf-8")
    result = subprocess.run([*DOSSIER, "init", str(tmp_path)], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stderr.startswith(f"error: {tmp_path} exists and is not an empty folder")
    assert [p.name for p in tmp_path.iterdir()] == ["kept.txt"]


def test_render_writes_a_tree_an_engine_builds_from_a_new_documentary(tmp_path: Path) -> None:
    target = init(tmp_path)
    out = tmp_path / "tree"
    result = subprocess.run([*DOSSIER, "render", str(out), "--root", str(target)], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    config = out / "en" / "mkdocs.yml"
    assert config.is_file()
    assert "hooks" not in config.read_text(encoding="utf-8")  # the tree needs nothing of ours to build
    assert (out / "en" / "docs" / "timeline" / "index.md").read_text(encoding="utf-8").startswith("---\ntitle: ")
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config)], capture_output=True,
                           text=True, check=False)
    assert built.returncode == 0, built.stderr
    assert (out / "en" / "site" / "timeline" / "index.html").is_file()


def test_render_stops_on_bad_data_before_writing_anything(tmp_path: Path) -> None:
    target = init(tmp_path)
    events = sorted((target / "data" / "events").glob("*.yml"))
    text = events[0].read_text(encoding="utf-8")
    events[0].write_text(re.sub(r"(?m)^date: .*$", "date: 2024-02-30", text, count=1), encoding="utf-8")
    out = tmp_path / "tree"
    result = subprocess.run([*DOSSIER, "render", str(out), "--root", str(target)], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 1
    assert re.search(r"events/.*\.yml:\d+:\d+", result.stderr), result.stderr
    assert not out.exists()
