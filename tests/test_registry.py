"""render/registry.py: one list of page types; the navigation of both documentaries agrees with it."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config

from conftest import ROOT, make_site_project, run_build
from dossier.errors import DataInvalid
from dossier.model.kinds import KINDS, PAGED
from dossier.render.pages import ENTRY_TYPES, PAGE_KEYS, PAGE_TYPES, ByYear
from dossier.render.registry import SiteMap
from dossier.validate.check import validate_project

PACKAGE = ROOT / "src" / "dossier"


def nav_files(nav: object) -> set[str]:
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, list):
        return set().union(*(nav_files(item) for item in nav))
    if isinstance(nav, dict):
        return set().union(*(nav_files(value) for value in nav.values()))
    return set()


@pytest.mark.parametrize("project", [ROOT, ROOT / "examples" / "sample"], ids=["record", "sample"])
def test_the_navigation_lists_every_generated_index_page(project: Path) -> None:
    site, _ = validate_project(project)
    nav = nav_files(load_config(str(project / "mkdocs.yml"))["nav"])
    assert {p.src_uri for p in SiteMap.of(site).pages} <= nav


def test_every_kind_with_pages_has_an_entry_page_type_and_every_page_type_a_template() -> None:
    assert {e.kind for e in ENTRY_TYPES} == set(PAGED)
    templates = {p.name for p in (PACKAGE / "theme" / "dossier").glob("*.html")}
    for page in PAGE_TYPES:
        assert page.template in templates
        if isinstance(page, ByYear):
            assert page.year_template in templates
    assert {str(k.template) for k in PAGED.values()} <= templates
    assert {k.shown_on for k in KINDS.values() if k.shown_on} <= set(PAGE_KEYS)


def test_addresses_of_pages_entries_and_anchored_kinds(tiny: Path) -> None:
    site, ds = validate_project(tiny)
    sitemap = SiteMap.of(site)
    assert [p.key for p in sitemap.pages] == ["home", "timeline", "people", "agreements", "figures", "context",
                                              "sources", "corrections", "glossary"]
    assert sitemap.url("context") == "human-rights/"
    assert sitemap.url("events", "call-2024") == "events/call-2024/"
    assert sitemap.url("reports", "r") == "human-rights/#r"
    assert sitemap.url("corrections", "c") == "about/corrections/#c"
    assert sitemap.url("glossary", "nrm") == "about/glossary/#nrm"
    assert sitemap.url("about") == "about/"
    assert sitemap.samples(site, ds)["event"] == "events/call-2024/"


def test_a_documentary_without_a_context_page_builds_without_it(tiny: Path) -> None:
    config = (tiny / "documentary.yml").read_text(encoding="utf-8")
    (tiny / "documentary.yml").write_text(
        config.replace("  context: {title: Context, description: What others said., intro: Assessments by others.}\n",
                       "").replace("context_path: human-rights\n", ""), encoding="utf-8")
    site, _ = validate_project(tiny)
    assert "context" not in [p.key for p in SiteMap.of(site).pages]
    make_site_project(tiny)
    mkdocs_yml = tiny / "mkdocs.yml"
    mkdocs_yml.write_text(mkdocs_yml.read_text(encoding="utf-8").replace("  - Human rights: human-rights/index.md\n", ""),
                          encoding="utf-8")
    result = run_build(tiny)
    assert result.returncode == 0, result.stderr
    assert not (tiny / "site" / "human-rights").exists()
    assert (tiny / "site" / "figures" / "index.html").is_file()


def test_a_page_may_be_left_out_only_when_it_has_nothing_to_show(tiny: Path) -> None:
    config = (tiny / "documentary.yml").read_text(encoding="utf-8")
    (tiny / "documentary.yml").write_text(config.replace("  figures: {title: Figures, description: The numbers.}\n",
                                                         ""), encoding="utf-8")
    with pytest.raises(DataInvalid) as info:
        validate_project(tiny)
    assert [str(e) for e in info.value.errors] == [
        "documentary.yml:14:3: pages: 'figures' is missing, and data/figures.yml holds 1 figure (hint: add "
        "pages.figures (title and description), or remove those entries)"]
    (tiny / "data" / "figures.yml").unlink()
    site, _ = validate_project(tiny)
    assert "figures" not in [p.key for p in SiteMap.of(site).pages]


def test_the_home_page_and_the_sources_are_in_every_documentary(tiny: Path) -> None:
    config = (tiny / "documentary.yml").read_text(encoding="utf-8")
    (tiny / "documentary.yml").write_text(config.replace("  sources: {title: Sources, description: Every source.}\n",
                                                         ""), encoding="utf-8")
    with pytest.raises(DataInvalid) as info:
        validate_project(tiny)
    assert [str(e) for e in info.value.errors] == [
        "documentary.yml:14:3: pages: 'sources' is missing (every documentary has 'home' and 'sources')"]
