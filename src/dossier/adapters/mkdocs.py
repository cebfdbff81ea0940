"""The only module that knows MkDocs: it feeds MkDocs events to the core and places its pages.

Moving to a successor of MkDocs 1.x (ProperDocs builds the same config today) means rewriting
this file only; load, validate, model and render never import MkDocs.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup, escape
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from watchdog import events  # MkDocs' own file watcher, and its platform-native observer
from watchdog.observers import Observer

from dossier import editions, incremental, postbuild
from dossier.adapters import session
from dossier.adapters.plugin import DossierPlugin
from dossier.build import THEME, Build, prepare
from dossier.errors import DataError, DataInvalid
from dossier.i18n import LOCALE_DIR, N_, messages, template_callables
from dossier.model.dataset import Dataset
from dossier.model.site import Documentary, Edition
from dossier.model.types import edition as in_edition
from dossier.render import card, citation, theme
from dossier.render.environment import THEME_COMPILED
from dossier.render.registry import SiteMap
from dossier.timing import Timings, timed
from dossier.validate.leftovers import leftovers

PACKAGE = Path(__file__).resolve().parent.parent
STYLESHEET = "assets/dossier/dossier.css"
"""The generator's assets, served from its theme layer (``theme/assets/dossier/``)."""


TOC_LABEL = N_("Table of contents")


class _Generated(File):
    """A generated file that says whether it changed since the last build (``mkdocs serve --dirty`` then
    skips the pages that did not)."""

    dossier_modified = True

    def is_modified(self) -> bool:
        return self.dossier_modified


def _always_modified() -> bool:
    return True


def _never_modified() -> bool:
    return False


def _hand_written_modified(files: Files, again: bool = True) -> None:
    """Whether hand-written pages are rebuilt: when every page is (``incremental.everything``: their text, the
    configuration or the navigation changed), not otherwise (the navigation takes their last titles, ``on_nav``)."""
    for f in files.documentation_pages():
        if not isinstance(f, _Generated):
            f.is_modified = _always_modified if again else _never_modified  # type: ignore[method-assign]


class _DirtyNotice(logging.Filter):
    """MkDocs warns on every dirty build that navigation may be inaccurate; ours rebuilds every page that
    shows the navigation's titles, so the warning (which would stop a strict build) is not logged."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "A 'dirty' build is being performed" not in record.getMessage()


class DataValidationError(PluginError):
    """Data errors, one per line as ``path:line:col: field: message``; nothing is written."""


def _source_date_epoch(root: Path) -> None:
    """Dates in the site come from the last commit, as under `make`, so plain `mkdocs build` is reproducible."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return
    try:
        stamp = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"],  # noqa: S603,S607 - fixed git command
                               capture_output=True, text=True, check=False, timeout=10).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return
    if stamp.isdigit():
        os.environ["SOURCE_DATE_EPOCH"] = stamp


def _no_credentials(urls: dict[str, str | None]) -> None:
    """Addresses from the configuration (often from the environment) must not carry a user name or password."""
    for name, url in urls.items():
        if url and "@" in urlsplit(url).netloc:
            raise PluginError(f"mkdocs.yml: {name}: URL carries a user name or password (hint: remove the "
                              "'user:password@' part; it would be published in every page)")


def _install_theme(config: Any) -> None:
    """Put the generator's theme layer between the documentary's overrides and Material, with its assets.

    A documentary's mkdocs.yml then needs no template, stylesheet or script of its own; its
    ``custom_dir`` (if any) still wins. Under `mkdocs serve`, the data, documentary.yml and the package are
    watched too, so an edit to the data or to the generator rebuilds the site (see ``session``).
    """
    dirs = config.theme.dirs
    if str(THEME) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
    if STYLESHEET not in config.extra_css:
        config.extra_css.append(STYLESHEET)
    if session.serving:
        root = Path(config.config_file_path).parent
        for path in [PACKAGE, root / "documentary.yml", root / "data", *sorted(root.glob("mkdocs.*.yml"))]:
            if path.exists() and str(path) not in config.watch:
                config.watch.append(str(path))


CHANGES: list[type[events.FileSystemEvent]] = [
    events.FileCreatedEvent, events.FileModifiedEvent, events.FileDeletedEvent, events.FileMovedEvent,
    events.FileClosedEvent, events.DirCreatedEvent, events.DirDeletedEvent, events.DirMovedEvent]
"""What counts as a change under `mkdocs serve`: inotify also reports a file opened or closed unwritten, and MkDocs
rebuilds on any event, so each build's reading of the data would start the next one."""


class _ChangesObserver(Observer):  # type: ignore[misc,valid-type]
    """The platform's native observer (inotify on Linux), passing on changes only (``CHANGES``)."""

    def schedule(self, handler: Any, path: Any, **kwargs: Any) -> Any:
        return super().schedule(handler, path, **{**kwargs, "event_filter": kwargs.get("event_filter") or CHANGES})


def _native_watching(server: Any) -> Any:
    """Move a LiveReloadServer's watched paths from its polling observer to ``_ChangesObserver`` (see on_serve).
    MkDocs 1.6 and ProperDocs 1.6 keep them in ``_watched_paths`` (path -> count); an engine without it is left
    as it is."""
    paths = getattr(server, "_watched_paths", None)
    if not isinstance(paths, dict):
        return server
    watched = dict(paths)
    server.observer = _ChangesObserver()
    paths.clear()
    server._watch_refs.clear()
    for path, count in watched.items():
        for _ in range(count):
            server.watch(path)
    return server


_THEME_LISTINGS: dict[tuple[Any, ...], list[str]] = {}
"""(theme folders, signature, extensions) -> the theme's static files as MkDocs lists them, for this serve session."""


def _listed_once(config: Any, signature: str) -> None:
    """MkDocs lists every file of the theme on each build to find its static files: Material's templates and
    icons, about 14,500 names per edition, each matched against a dozen patterns. Under `mkdocs serve` the list
    is kept for as long as the signature (configuration, our theme and overrides) is the same; Material's own
    folder does not change while the server runs."""
    theme = config.theme
    original = type(theme).get_env

    def get_env() -> Any:
        env = original(theme)
        listing = env.list_templates

        def list_templates(extensions: Any = None, filter_func: Any = None) -> list[str]:
            key = (tuple(theme.dirs), signature, tuple(extensions) if extensions else None, filter_func is None)
            if key not in _THEME_LISTINGS:
                if len(_THEME_LISTINGS) >= 8:  # one per edition is what is used: drop the oldest
                    del _THEME_LISTINGS[next(iter(_THEME_LISTINGS))]
                _THEME_LISTINGS[key] = listing(extensions=extensions, filter_func=filter_func)
            return list(_THEME_LISTINGS[key])

        env.list_templates = list_templates
        return env

    theme.get_env = get_env


def _language(config: Any) -> str:
    """The edition a config builds: its theme language (``mkdocs.<lang>.yml`` sets ``theme.language``)."""
    return str(config.theme["language"] or "en")


def _swap_translated_docs(files: Files, config: Any, language: str) -> None:
    """Hand-written pages in the edition's language (``editions.hand_written``): ``about/index.vi.md`` is the
    Vietnamese ``about/index.md``."""
    by_uri = {f.src_uri: f for f in files}
    chosen = editions.hand_written(by_uri, language)
    for f in list(files):
        if chosen.get(f.src_uri) != f.src_uri:
            files.remove(f)
    for address, source in chosen.items():
        path = by_uri[source].abs_src_path
        if address != source and path:
            files.append(File.generated(config, address, abs_src_path=path))


class Adapter:
    """Holds one edition's validated data and rendered pages between the MkDocs events of its build.

    The base edition's adapter is the hook file's (``mkdocs build``/``serve`` start it); it builds each further
    edition with a new adapter of its own, given the validated data and the edition explicitly (``validated``,
    ``language``, ``root_url``), as a plugin of that edition's MkDocs configuration.
    """

    def __init__(self, validated: tuple[Documentary, Dataset] | None = None, language: str | None = None,
                 root_url: str = "") -> None:
        self.validated = validated
        """The (documentary, data set) validated by the base edition's build; None: validate in on_config."""
        self.language = language
        """The edition's language; None: the configuration's theme language (the base edition)."""
        self.build: Build | None = None
        self.by_src: dict[str, Any] = {}
        self.spent: dict[str, float] = {}
        self.errors: list[DataError] = []
        """Data errors of this build under `mkdocs serve`: every page shows them instead of its content."""
        self.edition: Edition | None = None
        self.toc_label = "Table of contents"
        """The name of the theme's table-of-contents toggle, in the edition's language (set in on_env)."""
        self.root_url = root_url
        """The base edition's site_url (further editions live under it)."""
        self.timings = Timings()
        """Our time in every edition of one build (the base one and those built after it), for bench."""
        self.further: list[editions.EditionBuild] = []
        """The further editions the base edition's build goes on to build (``editions.plan``)."""
        self.rebuild: set[str] | None = None
        self.titles: dict[str, str] | None = None
        """The hand-written pages' titles of the last build, when this dirty build does not rebuild them."""
        """Under `mkdocs serve --dirty`: the generated pages that changed since the last build (None: all)."""
        self.signature = ""
        self.files: Files | None = None
        self.search: dict[str, list[dict[str, Any]]] = {}
        """page url -> the search index's entries for it, as this build made them."""
        self._indexed = 0

    def on_startup(self, command: str, dirty: bool) -> None:
        """Remember whether we serve (only `mkdocs serve` turns data errors into an error page) and whether
        only changed pages are rebuilt (``--dirty``)."""
        session.serving = command == "serve"
        session.dirty = session.serving and dirty
        session.previous.clear()
        if session.dirty:
            # the engine's own build module's logger: 'mkdocs.commands.build', or ProperDocs' under its name
            logging.getLogger(mkdocs_build.__module__).addFilter(_DirtyNotice())

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        """Watch files through the operating system's notifications instead of MkDocs' polling.

        MkDocs 1.x (and ProperDocs) scan every watched folder each half second, so a saved file waits
        0–0.5 s before the rebuild starts, and the scan itself grows with the data. ``watchdog.observers
        .Observer`` is inotify on Linux (FSEvents, ReadDirectoryChangesW elsewhere) and falls back to polling
        where there is none. The paths already watched move to it; the rest (``config.watch``) follow.
        """
        return _native_watching(server)

    @timed
    def on_config(self, config: Any) -> None:
        """Validate the whole data set and render every generated page before MkDocs writes anything.

        On a data error, `mkdocs build` stops (exit 1, ``site/`` untouched). `mkdocs serve` instead
        prints the errors and builds error pages, so the contributor's open page shows them and
        live reload brings the site back once the file is fixed.
        """
        self.spent = {}
        self.errors = []
        self.timings = Timings()
        root = Path(config.config_file_path).parent
        _source_date_epoch(root)
        _no_credentials({"site_url": config.site_url, "extra.edit_base_url": config.extra.get("edit_base_url")})
        _install_theme(config)
        language = self.language or _language(config)
        self.signature = incremental.signature(
            [Path(p).read_text(encoding="utf-8") for p in sorted(root.glob("mkdocs*.yml"))]
            + [(root / "documentary.yml").read_text(encoding="utf-8"), repr(config.nav), repr(sorted(
                session.stamps().items())), language],
            [THEME, LOCALE_DIR, root / "locale", Path(config.docs_dir),
             *([Path(config.theme.custom_dir)] if config.theme.custom_dir else [])])
        previous = session.previous.get(language) if session.dirty else None
        if session.dirty:
            _listed_once(config, self.signature)
        try:
            extra = {**dict(config.extra), "site_url": config.site_url or ""}
            overrides = Path(config.theme.custom_dir) if config.theme.custom_dir else None
            before = previous.rendered if previous is not None and previous.signature == self.signature else None
            self.build = prepare(root, overrides, extra=extra, language=language, validated=self.validated,
                                 dependencies=session.dirty, before=before)
        except DataInvalid as exc:
            if not session.serving:
                raise DataValidationError("Data validation failed:\n" + exc.report()) from None
            self._serve_errors(exc, config)
            return
        except card.NoFont as exc:  # this machine lacks a font file: one line, no traceback
            raise PluginError(f"error: {exc}") from None
        site = self.build.site
        self.edition = site.edition(language)
        if self.edition.prefix == "":
            # Printed, not logged (a logged warning would stop a strict build): the scaffold must build at once.
            for warning in leftovers(root):
                print(f"warning: {warning}", file=sys.stderr)
            self.root_url = config.site_url or ""
            try:
                self.further = editions.plan(site, root, Path(config.site_dir), self.root_url)
            except editions.MissingEditionConfig as exc:
                raise PluginError(str(exc)) from None
        if len(site.all_editions) > 1:
            config.extra["alternate"] = True  # Material's header shows our switcher; no root hreflang links
        self.by_src = {p.src_uri: p for p in self.build.pages}
        if self.edition.prefix == "":
            session.last_pages = [(p.src_uri, p.in_nav) for p in self.build.pages]
        self.search, self._indexed = {}, 0
        self.rebuild = incremental.changed(self.build.pages, previous, self.signature) if previous else None
        self.titles = None if previous is None or incremental.everything(self.build.pages, previous, self.signature) \
            else previous.titles

    def _serve_errors(self, exc: DataInvalid, config: Any) -> None:
        """Print the errors and build only error pages, at every address the last good build had."""
        self.errors = exc.errors
        self.build = None
        self.by_src = {}
        self.rebuild = None
        for previous in session.previous.values():  # the next good build rebuilds every page (and still
            previous.signature = ""                   # removes the pages gone meanwhile)
        # Printed, not logged: MkDocs counts logged warnings and would abort a strict build, which
        # leaves `mkdocs serve` stuck on the previous site.
        print("Data validation failed (the browser shows these too):\n" + exc.report(), file=sys.stderr, flush=True)
        quiet = logging.DEBUG  # the missing generated pages are expected: no warnings about them
        for group in (config.validation.nav, config.validation.links):
            for key in group:
                if key != "absolute_links":
                    group[key] = quiet

    def on_env(self, env: Any, config: Any, files: Files) -> Any:
        """Filters the theme templates need for the suggested citation, and the data errors to show."""
        env.bytecode_cache = THEME_COMPILED  # MkDocs makes this environment anew each build: compile once
        env.filters["bibtex"] = citation.bibtex_escape
        env.filters["bibtex_key"] = citation.bibtex_key
        env.globals["bibtex_entry"] = citation.bibtex_entry
        env.globals["data_errors"] = self.errors
        site = self.build.site if self.build else None
        # What the theme prints about the record, already in the edition's language (no ambient state).
        env.globals["documentary"] = editions.Record.of(site, self.build.language) if site and self.build else None
        # The theme's own words (citation block, feed links, error page) from the same catalogue.
        edition = self.edition if site is not None and self.edition is not None else None
        fallback = site.locale if site else str(config.theme["language"] or "en")
        own = site.catalogues if site else ()  # the documentary's own catalogues, over the generator's
        words = messages(edition.locale if edition else fallback, own)  # the edition's catalogue for the theme's words
        env.add_extension("jinja2.ext.i18n")
        env.install_gettext_callables(**template_callables(words.language, markup=False, dirs=own), newstyle=False)
        self.toc_label = words.gettext(TOC_LABEL)
        env.globals["cite_day"] = functools.lru_cache(maxsize=4)(words.day)  # the same build date on every page
        env.globals["dossier_editions"] = editions.switcher(site, edition, self.root_url) if site and edition else []
        env.globals["dossier_locale"] = edition.locale if edition else str(config.theme["language"] or "en")
        env.globals["dossier_prefix"] = edition.prefix if edition else ""
        # The 404 page's words, as `dossier postbuild` puts them into another engine's 404 page.
        env.globals["dossier_not_found"] = postbuild.not_found_html(
            editions.not_found(site, edition, self.root_url) if site and edition else [])
        return env

    @timed
    def on_files(self, files: Files, config: Any) -> Files:
        """Add the generated pages; a collision with a hand-written page in docs/ is an error. Under
        ``--dirty``, only the pages that changed are marked modified; hand-written pages always are."""
        self.files = files
        if self.build is None:  # serving data errors: empty stubs keep every known address alive
            stubs = dict(session.last_pages) or {p.src_uri: True for p in SiteMap.of(None).pages}
            for src, in_nav in stubs.items():
                if files.get_file_from_path(src) is None:
                    f = File.generated(config, src, content="")
                    if not in_nav:
                        f.inclusion = InclusionLevel.NOT_IN_NAV
                    files.append(f)
            _hand_written_modified(files)
            return files
        _swap_translated_docs(files, config, self.build.language)
        _hand_written_modified(files, self.titles is None)
        for page in self.build.pages:
            existing = files.get_file_from_path(page.src_uri)
            if existing is not None and not existing.generated_by:
                raise PluginError(f"docs/{page.src_uri}: this page is generated from data/; "
                                  "remove or rename the hand-written file")
            f = _Generated.generated(config, page.src_uri, content="")
            f.dossier_modified = self.rebuild is None or page.src_uri in self.rebuild  # type: ignore[attr-defined]
            if not page.in_nav:
                f.inclusion = InclusionLevel.NOT_IN_NAV  # reached from index pages: keeps MkDocs linear
            files.append(f)
        for extra in self.build.files:
            files.append(File.generated(config, extra.path, content=extra.content))
        return files

    def on_nav(self, nav: Any, config: Any, files: Files) -> Any:
        """Under ``--dirty``: a listed page that is not rebuilt still has its title in the navigation that the
        rebuilt pages show (MkDocs reads a title only from a page it builds, and has none without its Markdown)."""
        if self.rebuild is not None:
            for f in files.documentation_pages():
                generated = self.by_src.get(f.src_uri)
                if f.page is None or "title" in vars(f.page):  # (a title from the configuration's nav stays)
                    continue
                if generated is not None and f.src_uri not in self.rebuild:
                    f.page.title = Markup(escape(generated.title))  # noqa: S704 - escaped here (a weak property)
                elif generated is None and self.titles is not None:  # a hand-written page not rebuilt
                    if f.src_uri in self.titles:
                        f.page.title = self.titles[f.src_uri]
                    else:  # not in the last build: build it
                        f.is_modified = _always_modified  # type: ignore[method-assign]
        return nav

    @timed
    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Files) -> str:
        generated = self.by_src.get(page.file.src_uri)
        if generated is not None:
            # Material prints these raw in <title>, the header and <meta>: pass them pre-escaped.
            page.meta["title"] = Markup(escape(generated.title))  # noqa: S704 - escaped here
            page.meta["description"] = Markup(escape(generated.description))  # noqa: S704 - escaped here
            page.meta["dossier_jsonld"] = Markup(generated.jsonld)  # noqa: S704 - JSON with <>& escaped
            if generated.search_exclude:
                page.meta["search"] = {"exclude": True}
            if generated.edit_path:
                page.meta["dossier_edit_path"] = generated.edit_path
        return markdown

    @timed
    def on_page_content(self, html: str, page: Any, config: Any, files: Files) -> str:
        generated = self.by_src.get(page.file.src_uri)
        return generated.body if generated is not None else html

    def on_page_context(self, context: Any, page: Any, config: Any, nav: Any) -> Any:
        """Keep the search index's entries for this page (the theme's search plugin has just added them):
        a dirty build writes the whole index again from them and the previous build's."""
        search = config.plugins.get("material/search")
        entries = search.search_index.entries if search is not None and hasattr(search, "search_index") else []
        self.search[page.url] = [dict(e) for e in entries[self._indexed:]]
        self._indexed = len(entries)
        return context

    @timed
    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        """Name the theme's table-of-contents toggle, then write the page's Content-Security-Policy (hashes of
        the theme's inline scripts)."""
        output = theme.name_toc_toggle(output, self.toc_label)
        return postbuild.secure(output, page.content, live_reload=session.serving)

    @timed
    def on_post_template(self, output: str, template_name: str, config: Any) -> str:
        """Static templates (404.html) get their policy too: every script of theirs is the theme's."""
        return postbuild.secure(output, "", live_reload=session.serving)

    def on_post_build(self, config: Any) -> None:
        """After the base edition, build each further edition from ``mkdocs.<lang>.yml`` into ``<site>/<path>/``
        (one `mkdocs build` or `mkdocs serve` gives every edition), each with an adapter of its own given the
        validated data. With DOSSIER_TIMINGS=path set, write the time spent in our code (for scripts/bench.py)."""
        build, edition = self.build, self.edition
        if build is None or edition is None:
            return
        self._keep(config)
        self._sitemap(config)
        self.timings.add(self.spent, build.timings)
        if edition.prefix:
            return
        postbuild.write_headers(Path(config.site_dir))
        for further in self.further:
            sub = load_config(str(further.config), site_dir=str(further.site_dir), hooks=[],
                              **({"site_url": further.site_url} if further.site_url else {}))
            adapter = Adapter((build.site, build.dataset), further.edition.language, self.root_url)
            plugin = sub.plugins.get("dossier")
            if isinstance(plugin, DossierPlugin):  # `plugins: [dossier]`: its events go to this edition's adapter
                plugin.bind(adapter)
            else:  # the hook file (dropped above): the adapter takes its place (MkDocs calls a plugin's on_* methods)
                sub.plugins["dossier"] = adapter  # type: ignore[assignment]
            with in_edition(further.edition.language):
                mkdocs_build(sub, dirty=session.dirty)
            self.timings.add(adapter.timings.hooks, adapter.timings.stages)
        self.timings.write(os.environ.get("DOSSIER_TIMINGS"))


    def _sitemap(self, config: Any) -> None:
        """This edition's sitemap, every page with its editions as alternates (``postbuild``, as for any engine)."""
        if self.build is None or self.edition is None or self.files is None:
            return
        urls = [f.page.url for f in self.files.documentation_pages() if f.page is not None]
        known = [postbuild.Edition(e.language, e.prefix) for e in self.build.site.all_editions]
        text = postbuild.sitemap(self.root_url, self.edition.prefix, urls, known)
        postbuild.write_sitemap(Path(config.site_dir), text)

    def _keep(self, config: Any) -> None:
        """Under `mkdocs serve`: remember this build (what each page was, where it went, its search entries).
        After a dirty build, delete the pages that are gone and write the search index again in the order a
        clean build writes it."""
        if not session.serving or self.files is None or self.edition is None or self.build is None:
            return
        previous = session.previous.get(self.build.language) if session.dirty else None
        pages = [(f.dest_uri, f.page.url) for f in self.files.documentation_pages() if f.page is not None]
        before = previous.search if previous is not None else {}
        search = {url: self.search[url] if url in self.search else before.get(url, []) for _, url in pages}
        outputs = {dest for dest, _ in pages} | {extra.path for extra in self.build.files}
        site = Path(config.site_dir)
        if previous is not None:
            for gone in sorted(previous.outputs - outputs):
                (site / gone).unlink(missing_ok=True)
        if session.dirty:  # the theme merges a dirty build's entries into the last index out of order: rewrite it
            index = site / "search" / "search_index.json"
            plugin = config.plugins.get("material/search")
            if index.is_file() and plugin is not None and hasattr(plugin, "search_index"):
                options = plugin.search_index.config  # what the theme writes as the index's "config"
                data = {"config": {key: options[key] for key in ("lang", "separator", "pipeline", "fields")},
                        "docs": [entry for _, url in pages for entry in search.get(url, [])]}
                index.write_text(json.dumps(data, separators=(",", ":"), default=str), encoding="utf-8")
        titles = {f.src_uri: f.page.title for f in self.files.documentation_pages()
                  if f.page is not None and not isinstance(f, _Generated) and f.page.title is not None}
        session.previous[self.build.language] = incremental.Previous(
            self.signature, {p.src_uri: incremental.page_digest(p) for p in self.build.pages}, outputs, search,
            incremental.navigation(self.build.pages), self.build.rendered, titles)


ADAPTER = Adapter()
