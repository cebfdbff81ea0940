"""Audit every page type of the built site: first-load weight and Lighthouse scores, as a table.

Usage: python scripts/audit.py   (after `make build`; `make audit` does both and installs Lighthouse)

The site is served on 127.0.0.1 with gzip, as GitHub Pages serves it. First-load weight is
measured in the Debian chromium: every HTML, CSS and JS response of a fresh load, compressed with
gzip level 6, summed. Lighthouse runs
against the same chromium (CHROME_PATH) with its mobile and desktop presets. Budget: ≤ 100 KB
compressed; 100 for accessibility, best practices and SEO; ≥ 95 for performance.
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from playwright.sync_api import sync_playwright

from dossier.devtools.browser import CHROMIUM, CHROMIUM_ARGS, page_types, serve

ROOT = Path(__file__).resolve().parent.parent
PAGE_TYPES = page_types(ROOT)

LIGHTHOUSE = ROOT / "tools" / "audit" / "node_modules" / ".bin" / "lighthouse"
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


def main() -> int:
    site = ROOT / "site"
    if not (site / "index.html").exists():
        print("build the site first: make build", file=sys.stderr)
        return 1
    server = serve(site, compress=True)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    weights = first_load_kb(base)
    have_lh = LIGHTHOUSE.exists()
    rows = []
    for name, path in PAGE_TYPES.items():
        row = [name, f"{weights[name]:.1f}"]
        if have_lh:
            for preset in ("mobile", "desktop"):
                scores = lighthouse(base + path, preset)
                row.append(" / ".join(str(scores[c]) for c in CATEGORIES))
        rows.append(row)
    server.shutdown()
    header = ["page type", "first load, KB gzip (HTML+CSS+JS)"]
    if have_lh:
        header += ["Lighthouse mobile: perf / a11y / best practices / SEO", "Lighthouse desktop: same"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(f"Audit of site/ on {platform.node()} ({platform.machine()}, {os.cpu_count()} cores), {stamp}")
    if not have_lh:
        print("(Lighthouse not installed: run `make audit` to install it from tools/audit/package-lock.json)")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
