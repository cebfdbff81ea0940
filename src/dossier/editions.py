"""The language editions of one build, with explicit inputs: which editions, where each goes, and what the
theme shows in each (the language switcher, the 404 page's words, the record's author and licence).

No MkDocs here. The adapter drives one engine build per edition from ``plan()``; data is loaded and
validated once, and every edition is rendered from the same validated data set.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from babel import Locale, localedata

from dossier.i18n import N_, translations
from dossier.model.site import Documentary, Edition
from dossier.render.urls import relative

NOT_FOUND = N_("404 - Not found")
NOT_FOUND_TEXT = N_("There is no page at this address. It may have moved, or the link may be mistyped.")
HOME_LINK = N_("Go to the home page")


class MissingEditionConfig(Exception):
    """documentary.yml lists an edition without its ``mkdocs.<language>.yml``."""


@dataclass(frozen=True)
class EditionBuild:
    """What one further edition's build needs: its edition, its configuration, where it writes, its address."""

    edition: Edition
    config: Path
    site_dir: Path
    site_url: str


def wanted(site: Documentary, names: str | None = None) -> list[Edition]:
    """The further editions to build after the base one: all, or those named (comma-separated, e.g. from
    DOSSIER_EDITIONS=en: English only, for a faster `mkdocs serve` or a baseline)."""
    names = os.environ.get("DOSSIER_EDITIONS") if names is None else names
    chosen = {n.strip() for n in names.split(",")} if names else None
    return [e for e in site.editions if chosen is None or e.language in chosen]


def config_path(root: Path, edition: Edition) -> Path:
    """``mkdocs.<lang>.yml`` beside mkdocs.yml; its absence stops the build before anything is written."""
    path = root / f"mkdocs.{edition.language}.yml"
    if not path.is_file():
        raise MissingEditionConfig(
            f"{path.name}: not found; documentary.yml lists the edition '{edition.language}' (hint: add "
            f"{path.name} with 'INHERIT: mkdocs.yml' and 'theme: {{language: {edition.language}}}')")
    return path


def plan(site: Documentary, root: Path, site_dir: Path, root_url: str) -> list[EditionBuild]:
    """Every further edition of one build, each into ``<site_dir>/<path>/`` at ``<root_url>/<path>/``."""
    return [EditionBuild(e, config_path(root, e), site_dir / e.prefix,
                         root_url.rstrip("/") + "/" + e.prefix if root_url else "")
            for e in wanted(site)]


def hand_written(src_uris: Iterable[str], language: str) -> dict[str, str]:
    """The hand-written files of ``docs/`` in the edition in ``language``, address -> file: ``about/index.vi.md``
    is the Vietnamese ``about/index.md``. In each edition the file in its language replaces the base file at the
    same address; the other languages' files go (those of languages the documentary has no edition in, too: a
    language is any code CLDR knows). Every other file keeps its address."""
    out: dict[str, str] = {}
    translated: dict[str, str] = {}
    for uri in src_uris:
        stem, dot, lang = uri.removesuffix(".md").rpartition(".")
        if uri.endswith(".md") and dot and localedata.exists(lang):
            if lang == language:
                translated[f"{stem}.md"] = uri
            continue
        out[uri] = uri
    return out | translated


def root_path(root_url: str) -> str:
    """The site root's path, for links from pages served at any depth (404): '/' or '/record/'."""
    return urlsplit(root_url).path.rstrip("/") + "/" if root_url else "/"


def not_found(site: Documentary, edition: Edition, root_url: str) -> list[dict[str, str]]:
    """The 404 page's words in every edition's language (the root 404 page serves them all), or in the
    edition's own (an edition's 404 page)."""
    editions = site.all_editions if edition.prefix == "" else [edition]
    home = root_path(root_url)
    out = []
    for e in editions:
        words = translations(e.language, site.catalogues)
        out.append({"lang": e.language, "heading": words.gettext(NOT_FOUND), "text": words.gettext(NOT_FOUND_TEXT),
                    "home": home + e.prefix, "home_label": words.gettext(HOME_LINK)})
    return out


def switcher(site: Documentary, edition: Edition, root_url: str) -> list[dict[str, Any]]:
    """The language switcher's entries: each edition, with a link maker to the same page in it
    (``href(page.url)``, relative) and its absolute address (``url(page.url)``, for the sitemap's
    hreflang alternates; empty without a site_url). None for a single-language documentary."""
    if len(site.all_editions) < 2:
        return []
    here, root, home = edition.prefix, root_url.rstrip("/"), root_path(root_url)

    def href(prefix: str) -> Callable[[str], str]:
        def make(url: str) -> str:
            if url and not url.endswith("/"):  # 404.html, served at any depth: root-relative
                return home + prefix
            return relative(prefix + url, here + url)
        return make

    def absolute(prefix: str) -> Callable[[str], str]:
        return lambda url: f"{root}/{prefix}{url}" if root else ""

    return [{"lang": e.language, "locale": e.locale,
             "name": (Locale.parse(e.language).get_display_name(e.language) or e.language),
             "current": e.prefix == here, "href": href(e.prefix), "url": absolute(e.prefix)}
            for e in site.all_editions]


@dataclass(frozen=True)
class Record:
    """What the theme's templates print about the documentary (citation, footer), in one edition's language."""

    author: str
    key: str
    notice: str

    @classmethod
    def of(cls, site: Documentary, language: str) -> Record:
        return cls(site.author.get(language), site.key, site.licence.notice.get(language))
