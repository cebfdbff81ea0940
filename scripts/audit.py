"""Audit every page type of the built site: first-load weight, Lighthouse scores and Nu Html Checker
errors, as a table.

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
        rows.append(row)
    server.shutdown()
    header = ["page type", "first load, KB gzip (HTML+CSS+JS)"]
    if have_lh:
        header += ["Lighthouse mobile: perf / a11y / best practices / SEO", "Lighthouse desktop: same"]
    if have_vnu:
        header += ["Nu Html Checker errors: ours / Material's"]
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
