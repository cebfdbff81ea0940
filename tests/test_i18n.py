"""i18n.py and the catalogue: every reader-visible string of the generator goes through it.

The literal tests parse every template (Jinja's own parser) and every rendering module (Python's
``ast``) and fail on text a reader would see that is not wrapped for the catalogue; the staleness
test fails when ``locale/messages.pot`` misses a message (``make messages`` rewrites it).
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import jinja2
import pytest
from babel.messages.pofile import read_po
from jinja2 import nodes

from conftest import ROOT
from dossier.i18n import LOCALE_DIR, Messages
from dossier.model.dates import PartialDate

PACKAGE = ROOT / "src" / "dossier"
TEMPLATES = sorted((PACKAGE / "theme").rglob("*.html"))
TEXT_ATTRIBUTES = re.compile(r'\b(?:aria-label|title|alt|placeholder|label)="([^"{]*)"')
WORD = re.compile(r"[^\W\d_]", re.UNICODE)
GETTEXT = {"_", "gettext", "ngettext", "N_", "NP_", "pgettext"}


def template_literals(source: str) -> list[str]:
    """Reader-visible text in a template that bypasses the catalogue."""
    tree = jinja2.Environment(extensions=["jinja2.ext.i18n"], autoescape=True).parse(source)  # parsed, never rendered
    found: list[str] = []
    for data in tree.find_all(nodes.TemplateData):
        html = re.sub(r"<(style|script)\b.*?</\1>|<!--.*?-->", " ", data.data, flags=re.DOTALL)
        found += [v for v in TEXT_ATTRIBUTES.findall(html) if WORD.search(v)]
        if "<" not in html and ">" not in html and '="' in html:
            continue  # the inside of a tag between two expressions: attribute names and ids
        if html.find(">") != -1 and (html.find("<") == -1 or html.find(">") < html.find("<")):
            html = html[html.find(">") + 1:]  # the fragment starts inside a tag
        if html.rfind("<") > html.rfind(">"):
            html = html[:html.rfind("<")]  # ... or ends inside one
        text = re.sub(r"<[^>]*>|&[a-z]+;|&#\d+;|\b[\w-]+\.(?:json|csv|xml)\b", " ", html)  # file names: not prose
        if WORD.search(text):
            found.append(" ".join(text.split()))

    def consts(node: nodes.Node) -> None:
        for child in node.iter_child_nodes():
            if isinstance(child, (nodes.Call, nodes.Filter, nodes.Getattr, nodes.Getitem, nodes.Test, nodes.Dict)):
                continue  # arguments and keys: names, not prose
            if isinstance(child, nodes.Const) and isinstance(child.value, str) and WORD.search(child.value):
                found.append(child.value)
            consts(child)

    for output in tree.find_all(nodes.Output):
        consts(output)
    return found


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(PACKAGE / "theme")))
def test_templates_have_no_text_outside_the_catalogue(template: Path) -> None:
    assert template_literals(template.read_text(encoding="utf-8")) == []


def test_the_template_check_catches_a_literal() -> None:
    assert template_literals("<h2>Roles</h2>") == ["Roles"]
    assert template_literals('<ul aria-label="Tags"></ul>') == ["Tags"]
    assert template_literals('{{ x or "not stated" }}') == ["not stated"]
    assert template_literals('{{ "s" if n != 1 }}') == ["s"]
    assert template_literals("<h2>{{ _('Roles') }}</h2>{% trans %}Hello{% endtrans %}") == []
    assert template_literals("<style>#a { display: none; }</style>{{ link('timeline') }}") == []
    assert template_literals('<a href="{{ x }}" rel="noopener">{{ y }}</a>') == []


PYTHON_READER_TEXT = ["render/renderer.py", *sorted(str(p.relative_to(PACKAGE)) for p in (PACKAGE / "render" / "pages")
                                                     .glob("*.py")), "model/kinds.py", "render/feeds.py", "render/jsonld.py", "render/downloads.py",
                      "render/values.py", "render/citation.py"]
"""Modules whose strings reach readers (titles, descriptions, feeds, JSON-LD, downloads)."""


def python_literals(source: str) -> list[str]:
    """String constants with words, outside docstrings and catalogue calls."""
    tree = ast.parse(source)
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skip.add(id(first.value))
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skip.add(id(node.value))  # attribute docstrings
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "").endswith("_CONTEXT") for t in node.targets):
            skip.add(id(node.value))  # a message context (pgettext's first argument), not a message
        if isinstance(node, ast.Dict) and all(
                isinstance(v, ast.Call) and getattr(v.func, "id", "") in GETTEXT for v in node.values):
            skip.update(id(k) for k in node.keys)  # vocabulary keys mapped to their catalogue messages
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in GETTEXT:
                skip.update(id(n) for arg in node.args for n in ast.walk(arg))
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and id(n) not in skip and re.search(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}", n.value)]


@pytest.mark.parametrize("module", PYTHON_READER_TEXT)
def test_python_reader_text_goes_through_the_catalogue(module: str) -> None:
    assert python_literals((PACKAGE / module).read_text(encoding="utf-8")) == []


def test_the_python_check_catches_a_literal() -> None:
    assert python_literals('TITLE = "Figures as a table"') == ["Figures as a table"]
    assert python_literals('t.gettext("Figures as a table")\nN_("All of them")') == []


def test_the_catalogue_template_is_up_to_date(tmp_path: Path) -> None:
    out = tmp_path / "messages.pot"
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", "extract", "-F", str(ROOT / "babel.cfg"),
                    "-o", str(out), "--no-location", "--omit-header", "--sort-output", "-k", "N_", "-k", "NP_:1c,2", "src/dossier"],
                   cwd=ROOT, check=True, capture_output=True)
    with out.open("rb") as fresh, (LOCALE_DIR / "messages.pot").open("rb") as shipped:
        assert {m.id for m in read_po(fresh) if m.id} == {m.id for m in read_po(shipped) if m.id}, \
            "run `make messages`"


@pytest.mark.parametrize("po", sorted(LOCALE_DIR.glob("*/LC_MESSAGES/messages.po")), ids=lambda p: p.parts[-3])
def test_each_language_catalogue_translates_every_message_with_its_placeholders(po: Path) -> None:
    with (LOCALE_DIR / "messages.pot").open("rb") as fh:
        template = {m.id for m in read_po(fh) if m.id}
    with po.open("rb") as fh:
        catalogue = {m.id: m.string for m in read_po(fh) if m.id}
    assert set(catalogue) == template, "run `make messages`"
    for msgid, msgstr in catalogue.items():
        ids = msgid if isinstance(msgid, tuple) else (msgid,)
        strs = msgstr if isinstance(msgstr, tuple) else (msgstr,)
        assert all(strs), f"untranslated: {msgid!r}"
        wanted = set(re.findall(r"%\(\w+\)[sd]|<[^>]+>", ids[-1]))
        for text in strs:
            assert set(re.findall(r"%\(\w+\)[sd]|<[^>]+>", text)) == wanted, f"placeholders differ: {msgid!r}"


def test_messages_format_dates_and_numbers_from_cldr() -> None:
    en, vi = Messages("en_GB"), Messages("vi")
    assert en.date(PartialDate.parse("2024-04-17")) == "17 April 2024"
    assert en.date(PartialDate.parse("2024-03")) == "March 2024"
    assert en.date(PartialDate.parse("c. 2019")) == "c. 2019"
    assert en.date(PartialDate.parse("before 2025-10-30")) == "before 30 October 2025"
    assert (en.number(3356), en.percent(17), en.percent(2.5)) == ("3,356", "17%", "2.5%")
    assert vi.day(date(2019, 10, 23)) == "ngày 23/10/2019"  # the catalogue's pattern, as the prose writes dates
    assert vi.date(PartialDate.parse("2019-10")) == "tháng 10/2019"
    assert (vi.number(3356), vi.percent(2.5)) == ("3.356", "2,5%")
    assert en.ngettext("%(num)s person", "%(num)s people", 1) == "1 person"
    assert en.ngettext("%(num)s person", "%(num)s people", 3356) == "3,356 people"
