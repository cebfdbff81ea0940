"""After the engine: what a finished site needs that no engine writes for us, engine-independent.

- **Security**: every page's Content-Security-Policy (the site's own scripts and the hashes of the theme's inline
  scripts, ``render.csp``) and no-referrer, in the page's ``<head>`` (a static host sends no headers of ours).
- **Headers**: ``_headers`` at the root, read by static hosts that take one (Netlify, Cloudflare Pages): what a
  ``<meta>`` cannot say (no framing, no content sniffing).
- **Sitemaps**: each edition's ``sitemap.xml`` (and ``.gz``), every page with its editions as absolute, reciprocal
  ``hreflang`` alternates and an ``x-default`` (empty without a site address, as MkDocs').
- **404 pages**: the edition's own in its language; the root one in every edition's (static hosts serve only it).

The MkDocs adapter calls these functions as MkDocs writes each page (``secure``) and at the end of each edition's
build (``write_sitemap``, ``write_headers``; its 404 template prints ``not_found_html``). ``dossier postbuild DIR``
(``assemble``) applies the same steps to the sites any engine built from ``dossier render DIR``, one per edition,
and joins them into one site: the base edition at the root, each further one at its prefix. No MkDocs import here.
"""

from __future__ import annotations

import gzip
import html as htmlmod
import json
import os
import re
import shutil
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from dossier.render import csp

MANIFEST = "editions.json"
"""What ``dossier render DIR`` leaves beside the trees for ``dossier postbuild DIR``: the editions and their words."""

_HEAD = re.compile(r"<head(?:\s[^>]*)?>\s*(?:<meta charset=[^>]*>)?", re.IGNORECASE)
_HAS_POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy"', re.IGNORECASE)
_ARTICLE = re.compile(r"<article\b[^>]*>.*</article>", re.DOTALL)
_HEADING = re.compile(r"(<article\b[^>]*>.*?)<h1\b[^>]*>.*?</h1>", re.DOTALL)
_SITEMAP_NS = ('xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml"')


@dataclass(frozen=True)
class Edition:
    """One edition as the finished folder knows it: its language, its prefix ('' or 'vi/'), and its 404 page's
    words (``editions.not_found``: the root's in every language)."""

    language: str
    prefix: str
    not_found: list[dict[str, str]] = field(default_factory=list)


# -- pages ------------------------------------------------------------------------------------------------------


def secure(page: str, content: str | None = None, live_reload: bool = False) -> str:
    """The page with its policy: filled in where our theme left the placeholder, else written at the top of the
    ``<head>`` (before any script, where a policy in a ``<meta>`` takes effect), with no-referrer. ``content``:
    the page's own HTML, whose scripts are never trusted; without it, the page's ``<article>``."""
    if csp.PLACEHOLDER not in page and _HAS_POLICY.search(page):
        return page  # secured already
    if content is None:
        found = _ARTICLE.search(page)
        content = found.group() if found else None
    if csp.PLACEHOLDER in page:
        return csp.apply(page, content, live_reload)
    head = _HEAD.search(page)
    if head is None:
        return page  # not a page (a fragment, a redirect stub without <head>)
    policy = csp.policy(page.replace(content, "") if content else page, live_reload)  # no double quote in it
    meta = (f'\n<meta http-equiv="Content-Security-Policy" content="{htmlmod.escape(policy, quote=False)}">'
            '\n<meta name="referrer" content="no-referrer">')
    return page[:head.end()] + meta + page[head.end():]


def not_found_html(sections: Iterable[dict[str, str]]) -> Markup:
    """The 404 page's words, a section per language (``editions.not_found``), the first with the page's heading."""
    out = []
    for n, nf in enumerate(sections):
        tag = "h1" if n == 0 else "h2"
        out.append(f'<section lang="{escape(nf["lang"])}" class="dossier-not-found">\n'
                   f'  <{tag}>{escape(nf["heading"])}</{tag}>\n'
                   f'  <p>{escape(nf["text"])} <a href="{escape(nf["home"])}">{escape(nf["home_label"])}</a>.</p>\n'
                   "</section>")
    return Markup("\n".join(out))  # noqa: S704 - every value escaped above


def localise_not_found(page: str, sections: list[dict[str, str]]) -> str:
    """An engine's own 404 page with our words in place of its heading (an English "404 - Not found")."""
    if not sections or "dossier-not-found" in page:
        return page
    return _HEADING.sub(lambda m: m.group(1) + str(not_found_html(sections)), page, count=1)


HEADERS = """\
# Security headers for static hosts that read this file (Netlify, Cloudflare Pages). Each page also carries its
# own Content-Security-Policy in a <meta> element; these are what a <meta> cannot set.
/*
  Content-Security-Policy: frame-ancestors 'none'
  X-Frame-Options: DENY
  X-Content-Type-Options: nosniff
  Referrer-Policy: no-referrer
"""


def write_headers(site: Path) -> None:
    """``_headers`` at the site's root."""
    (site / "_headers").write_text(HEADERS, encoding="utf-8")


# -- sitemaps ---------------------------------------------------------------------------------------------------


def build_date() -> str:
    """The sitemap's lastmod: the day of SOURCE_DATE_EPOCH (reproducible builds), else today, in UTC (as MkDocs)."""
    stamp = int(os.environ.get("SOURCE_DATE_EPOCH") or time.time())
    return datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%d")


def sitemap(site_url: str, here: str, urls: Iterable[str], editions: Sequence[Edition],
            has: Any = None, lastmod: str | None = None) -> str:
    """The sitemap of the edition at prefix ``here``: each page ``url`` (relative to the edition) at its absolute
    address, with the same page in every edition that ``has(prefix, url)`` (default: all) as an alternate; the
    first such edition is the ``x-default``. No address without a ``site_url``: then an empty ``urlset``."""
    root = site_url.rstrip("/")
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f"<urlset {_SITEMAP_NS}>"]
    if root:
        day = lastmod or build_date()
        for url in urls:
            lines.append(f"  <url>\n    <loc>{escape(f'{root}/{here}{url}')}</loc>\n    <lastmod>{day}</lastmod>")
            alternates = [e for e in editions if has is None or has(e.prefix, url)] if len(editions) > 1 else []
            for n, e in enumerate(alternates):
                href = escape(f"{root}/{e.prefix}{url}")
                lines.append(f'    <xhtml:link rel="alternate" hreflang="{escape(e.language)}" href="{href}"/>')
                if n == 0:
                    lines.append(f'    <xhtml:link rel="alternate" hreflang="x-default" href="{href}"/>')
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def write_sitemap(folder: Path, text: str) -> None:
    """``sitemap.xml`` and its gzip copy (dated by SOURCE_DATE_EPOCH, so that the bytes are reproducible)."""
    (folder / "sitemap.xml").write_text(text, encoding="utf-8")
    stamp = int(os.environ.get("SOURCE_DATE_EPOCH") or time.time())
    with open(folder / "sitemap.xml.gz", "wb") as raw, gzip.GzipFile("sitemap.xml", "wb", fileobj=raw,
                                                                     mtime=stamp) as gz:
        gz.write(text.encode("utf-8"))


# -- a finished folder, from any engine ---------------------------------------------------------------------------


def manifest(site_url: str, editions: Sequence[Edition]) -> str:
    """``editions.json``: what ``assemble`` needs to know of the documentary, written by ``dossier render``."""
    return json.dumps({"site_url": site_url, "editions": [
        {"language": e.language, "prefix": e.prefix, "not_found": e.not_found} for e in editions]},
        ensure_ascii=False, indent=2) + "\n"


def read_manifest(path: Path) -> tuple[str, list[Edition]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return data["site_url"], [Edition(e["language"], e["prefix"], e["not_found"]) for e in data["editions"]]


def pages_of(site: Path, prefix: str, editions: Sequence[Edition]) -> list[str]:
    """Each page's address (directory URLs) in the edition at ``prefix`` of the joined ``site``, leaving out
    the pages of the editions nested in it (the base edition's folder holds ``vi/``)."""
    folder = site / prefix
    nested = [e.prefix for e in editions if e.prefix != prefix and e.prefix.startswith(prefix)]
    urls = []
    for index in folder.rglob("index.html"):
        url = index.parent.relative_to(folder).as_posix()
        url = "" if url == "." else url + "/"
        if not any(url.startswith(n) for n in nested):
            urls.append(url)
    return sorted(urls)


@dataclass
class Report:
    """What ``assemble`` did, for the command's one line."""

    pages: int = 0
    secured: int = 0
    sitemaps: list[str] = field(default_factory=list)


def assemble(built: dict[str, Path], out: Path, site_url: str, editions: Sequence[Edition]) -> Report:
    """Join each edition's built site (``built[language]``) into ``out`` (replaced), then secure every page, write
    each edition's sitemap and put its words into its 404 page."""
    if out.exists():
        shutil.rmtree(out)
    for e in sorted(editions, key=lambda e: len(e.prefix)):  # the base edition first: the others go inside it
        shutil.copytree(built[e.language], out / e.prefix, dirs_exist_ok=True)
    report = Report()
    for page in sorted(out.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        done = secure(text)
        report.pages += 1
        if done != text:
            report.secured += 1
            page.write_text(done, encoding="utf-8")
    write_headers(out)
    urls = {e.prefix: set(pages_of(out, e.prefix, editions)) for e in editions}
    for e in editions:
        folder = out / e.prefix
        write_sitemap(folder, sitemap(site_url, e.prefix, sorted(urls[e.prefix]), editions,
                                      has=lambda prefix, url: url in urls[prefix]))
        report.sitemaps.append((folder / "sitemap.xml").relative_to(out).as_posix())
        missing = folder / "404.html"
        if missing.is_file():
            missing.write_text(localise_not_found(missing.read_text(encoding="utf-8"), e.not_found), encoding="utf-8")
    return report
