"""Audit every page type of the built site: first-load weight, Lighthouse scores and Nu Html Checker
errors, as a table; then pa11y on every page type, and what the site exports, each read by its own
tool: the JSON-LD of every page against schema.org's types (schema-dts, through the TypeScript
compiler), every page's BibTeX entry (pybtex), the feeds (feedparser), the data package (Frictionless),
CSV cells a spreadsheet would run, and CITATION.cff (cffconvert). Exits 1 when any of these fails.

Usage: python scripts/audit.py   (after `make build`; `make audit` does both and installs Lighthouse)

The site is served on 127.0.0.1 with gzip, as GitHub Pages serves it. First-load weight is
measured in the Debian chromium: every HTML, CSS and JS response of a fresh load, compressed with
gzip level 6, summed. Lighthouse runs
against the same chromium (CHROME_PATH) with its mobile and desktop presets. Budget: ≤ 100 KB
compressed; 100 for accessibility, best practices and SEO; ≥ 95 for performance.

The Nu Html Checker (vnu, from tools/audit's npm lock file, run by the Debian JDK) checks each
page's HTML; its errors are split into those in our own markup (the generated content and our
partials, marked ``dossier``) and those in Material's, listed apart rather than hidden.
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

from dossier.devtools.browser import CHROMIUM, CHROMIUM_ARGS, page_types, serve

ROOT = Path(__file__).resolve().parent.parent
PAGE_TYPES = page_types(ROOT)

LIGHTHOUSE = ROOT / "tools" / "audit" / "node_modules" / ".bin" / "lighthouse"
VNU = ROOT / "tools" / "audit" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AUDIT = ROOT / "tools" / "audit"
TSC = AUDIT / "node_modules" / ".bin" / "tsc"
CFFCONVERT = ROOT / "tools" / "cff" / ".venv" / "bin" / "cffconvert"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def first_load_kb(base: str) -> dict[str, float]:
    out: dict[str, float] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, path in PAGE_TYPES.items():
            context = browser.new_context()
            page = context.new_page()
            sizes: list[int] = []

            def record(response, sizes=sizes) -> None:
                kind = response.request.resource_type
                if kind in ("document", "stylesheet", "script"):
                    sizes.append(len(gzip.compress(response.body(), 6)))  # body() is decoded

            page.on("response", record)
            page.goto(base + path, wait_until="networkidle")
            out[name] = sum(sizes) / 1024
            context.close()
        browser.close()
    return out


def lighthouse(url: str, preset: str) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
        cmd = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
               f"--chrome-flags={flags}", "--only-categories=" + ",".join(CATEGORIES)]
        if preset == "desktop":
            cmd.append("--preset=desktop")
        subprocess.run(cmd, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True)
        data = json.loads(report.read_text())
    return {c: round(100 * data["categories"][c]["score"]) for c in CATEGORIES}


def _ours(html: str, line: int) -> bool:
    """Whether a line of a built page is our markup: inside the generated article or a dossier element."""
    lines = html.splitlines()
    start = next((i for i, text in enumerate(lines) if "md-content__inner" in text), len(lines))
    end = next((i for i in range(len(lines) - 1, -1, -1) if "dossier-cite-this" in lines[i]), start)
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return start <= line - 1 <= end + 20 or "dossier" in text


def nu_errors(site: Path) -> dict[str, tuple[list[str], list[str]]]:
    """page type -> (errors in our markup, errors in Material's), from the Nu Html Checker."""
    files = {name: site / path / "index.html" for name, path in PAGE_TYPES.items()}
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json",
                             *[str(f) for f in files.values()]], capture_output=True, text=True, check=False)
    messages = json.loads(result.stderr or "{}").get("messages", [])
    out: dict[str, tuple[list[str], list[str]]] = {name: ([], []) for name in files}
    by_file = {str(f.resolve()): name for name, f in files.items()}
    for m in messages:
        name = by_file.get(urlsplit(m.get("url", "")).path)  # vnu writes 'file:/path', not 'file:///path'
        if name is None:
            continue
        html = files[name].read_text(encoding="utf-8")
        line = m.get("lastLine", 0)
        text = f"line {line}: {m.get('message', '')}"
        out[name][0 if _ours(html, line) else 1].append(text)
    return out


def pa11y(base: str) -> dict[str, list[str]]:
    """page type -> pa11y's errors (HTML_CodeSniffer, WCAG 2 AA), in one Debian chromium."""
    result = subprocess.run(["node", str(AUDIT / "pa11y.mjs"), base, *PAGE_TYPES.values()], capture_output=True,
                            text=True, check=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    found = json.loads(result.stdout)
    return {name: [f"{i['code']}: {i['message']} ({i['selector']})" for i in found[path] if i["type"] == "error"]
            for name, path in PAGE_TYPES.items()}


def jsonld_types(site: Path) -> tuple[int, list[str]]:
    """(pages read, errors): every page's JSON-LD, written as a TypeScript constant of schema-dts's
    ``WithContext<Thing>`` and compiled with tsc --strict: a property that the type does not have on
    schema.org, a value of the wrong type or a null is a compile error, reported with its page."""
    from dossier.devtools.exports import jsonld_of

    lines = ['import type { Thing, WithContext } from "schema-dts";']
    where: dict[int, str] = {}
    for i, (rel, data) in enumerate(jsonld_of(site)):
        where[len(lines) + 1] = rel
        lines.append(f"export const page{i}: WithContext<Thing> = {json.dumps(data, ensure_ascii=False)};")
    with tempfile.TemporaryDirectory(dir=AUDIT) as tmp:
        source = Path(tmp) / "pages.ts"
        source.write_text("\n".join(lines) + "\n", encoding="utf-8")
        result = subprocess.run([str(TSC), "--noEmit", "--strict", "--module", "esnext", "--target", "es2022",
                                 "--moduleResolution", "bundler", str(source)],
                                capture_output=True, text=True, check=False)
    errors = []
    for line in result.stdout.splitlines():
        found = re.match(r".*pages\.ts\((\d+),\d+\): (error .*)", line)
        if found:
            errors.append(f"{where.get(int(found.group(1)), '?')}: {found.group(2)}")
    if result.returncode and not errors:
        errors.append(result.stdout.strip() or result.stderr.strip())
    return len(where), errors


def citation_cff() -> tuple[bool, str]:
    result = subprocess.run([str(CFFCONVERT), "--validate", "-i", str(ROOT / "CITATION.cff")],
                            capture_output=True, text=True, check=False)
    return result.returncode == 0, (result.stdout + result.stderr).strip().splitlines()[-1]


def exports(site: Path) -> bool:
    """Print one line per export check (tool, what it read, problems) and each problem; True when all pass."""
    from dossier.devtools import exports as x
    from dossier.validate.check import validate_project

    limit = validate_project(ROOT)[0].feeds.limit
    checks = [("JSON-LD against schema.org (schema-dts, tsc)", "pages", jsonld_types(site)),
              ("BibTeX entries (pybtex)", "pages", x.bibtex_problems(site)),
              (f"Atom feeds (feedparser, at most {limit} entries)", "feeds", x.feed_problems(site, limit)),
              ("data packages (Frictionless)", "packages", x.datapackage_problems(site)),
              ("CSV cells that run as formulas", "CSV files", x.formula_cells(site))]
    ok = True
    for title, unit, (count, problems) in checks:
        print(f"{title}: {count} {unit} read, {len(problems)} problems")
        for p in problems:
            print(f"  {p}")
        ok = ok and not problems and count > 0
    valid, said = citation_cff()
    print(f"CITATION.cff (cffconvert --validate): {said}")
    return ok and valid


def main() -> int:
    site = ROOT / "site"
    if not (site / "index.html").exists():
        print("build the site first: make build", file=sys.stderr)
        return 1
    server = serve(site, compress=True)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    weights = first_load_kb(base)
    have_lh = LIGHTHOUSE.exists()
    have_vnu = VNU.exists() and shutil.which("java") is not None
    nu = nu_errors(site) if have_vnu else {}
    a11y = pa11y(base)
    rows = []
    for name, path in PAGE_TYPES.items():
        row = [name, f"{weights[name]:.1f}"]
        if have_lh:
            for preset in ("mobile", "desktop"):
                scores = lighthouse(base + path, preset)
                row.append(" / ".join(str(scores[c]) for c in CATEGORIES))
        if have_vnu:
            ours, theirs = nu[name]
            row.append(f"{len(ours)} / {len(theirs)}")
        row.append(str(len(a11y[name])))
        rows.append(row)
    server.shutdown()
    header = ["page type", "first load, KB gzip (HTML+CSS+JS)"]
    if have_lh:
        header += ["Lighthouse mobile: perf / a11y / best practices / SEO", "Lighthouse desktop: same"]
    if have_vnu:
        header += ["Nu Html Checker errors: ours / Material's"]
    header += ["pa11y errors (WCAG 2 AA)"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(f"Audit of site/ on {platform.node()} ({platform.machine()}, {os.cpu_count()} cores), {stamp}")
    if not have_lh:
        print("(Lighthouse not installed: run `make audit` to install it from tools/audit/package-lock.json)")
    print("\n".join(lines))
    if have_vnu:
        for name, (ours, theirs) in nu.items():
            for kind, found in (("ours", ours), ("Material's", theirs)):
                for message in sorted(set(found)):
                    print(f"vnu {name} ({kind}): {message}")
    for name, found in a11y.items():
        for message in found:
            print(f"pa11y {name}: {message}")
    valid = exports(site)
    return 0 if valid and not any(a11y.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
