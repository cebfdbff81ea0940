"""Content-Security-Policy for a rendered page: the site's own scripts and the theme's inline scripts only.

The theme (Material) writes a few small inline scripts whose text depends on the page's depth, so
their hashes are computed per page. Only scripts *outside* the page content are hashed: content
never legitimately contains an executable script, and hashing it would whitelist an injection.
"""

from __future__ import annotations

import base64
import hashlib
import re

PLACEHOLDER = "__DOSSIER_CSP__"
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def script_hashes(theme_html: str) -> list[str]:
    """CSP source expressions for every attribute-less inline script in the theme's part of a page."""
    hashes = []
    for body in _INLINE_SCRIPT.findall(theme_html):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        hashes.append(f"'sha256-{digest}'")
    return sorted(set(hashes))


def policy(theme_html: str, live_reload: bool = False) -> str:
    """The page's policy. ``live_reload``: `mkdocs serve` injects an inline script whose text changes on
    every request, so the development server's pages allow inline scripts (built sites never do)."""
    scripts = "'self' 'unsafe-inline'" if live_reload else " ".join(["'self'", *script_hashes(theme_html)])
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self' 'unsafe-inline'",  # the theme and charts set style attributes
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def apply(html: str, content: str | None, live_reload: bool = False) -> str:
    """Fill the policy placeholder written by overrides/main.html."""
    theme_html = html.replace(content, "") if content else html
    return html.replace(PLACEHOLDER, policy(theme_html, live_reload), 1)
