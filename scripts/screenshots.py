"""Screenshot every page type, light and dark (and at phone width), from the built site/.

Usage: python scripts/screenshots.py [out-dir]   (run `make build` first)
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from dossier.devtools.browser import CHROMIUM, CHROMIUM_ARGS, page_types, serve

ROOT = Path(__file__).resolve().parent.parent
PAGE_TYPES = page_types(ROOT)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "bench-out" / "screens")
    out.mkdir(parents=True, exist_ok=True)
    server = serve(ROOT / "site")
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for scheme in ("light", "dark"):
            for width, label in ((1280, "wide"), (360, "phone")):
                ctx = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
                page = ctx.new_page()
                for name, path in PAGE_TYPES.items():
                    page.goto(base + path)
                    shot = f"{name.replace('/', '-')}-{scheme}-{label}.png"  # vi/timeline -> vi-timeline-...
                    page.screenshot(path=str(out / shot), full_page=False)
                ctx.close()
        ctx = browser.new_context()
        page = ctx.new_page()
        page.emulate_media(media="print")
        for name in ("timeline", "timeline-year", "person", "agreement"):
            page.goto(base + PAGE_TYPES[name])
            page.screenshot(path=str(out / f"{name}-print.png"), full_page=True)
        browser.close()
    server.shutdown()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
