"""One build, independent of any site generator: validate, then render every generated page."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dossier import incremental
from dossier.model.dataset import Dataset
from dossier.model.reads import track
from dossier.model.site import Documentary
from dossier.model.types import edition
from dossier.render import card, downloads, feeds
from dossier.render.pages import Page
from dossier.render.renderer import Renderer
from dossier.validate.check import validate_project


@dataclass
class ExtraFile:
    """A generated non-page file (data download, feed)."""

    path: str
    content: str | bytes


@dataclass
class Build:
    site: Documentary
    dataset: Dataset
    pages: list[Page]
    files: list[ExtraFile] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    """Seconds spent in each stage of ours (read by scripts/bench.py)."""
    language: str = "en"
    """The edition's language."""
    rendered: incremental.Rendered | None = None
    """Under `mkdocs serve --dirty`: what the entry pages were rendered from (the next build's ``before``)."""


THEME = Path(__file__).resolve().parent / "theme"
"""The generator's theme layer over Material: base templates, partials, assets, and page templates in ``dossier/``."""


def template_dirs(overrides: Path | None) -> list[Path]:
    """Where page templates are looked up: a documentary's own ``<overrides>/dossier/`` first, then ours."""
    own = overrides / "dossier" if overrides else None
    return [*([own] if own and own.is_dir() else []), THEME / "dossier"]


def prepare(root: Path, overrides: Path | None = None, extra: dict[str, Any] | None = None,
            language: str | None = None, validated: tuple[Documentary, Dataset] | None = None,
            dependencies: bool = False, before: incremental.Rendered | None = None) -> Build:
    """Validate ``root/documentary.yml`` and ``root/data``, then render every generated page of the
    edition in ``language`` (the base edition by default).

    Raises ``DataInvalid`` with every error of both before anything is rendered. ``validated``: the
    result of an earlier validation of the same files (another edition of the same build).
    ``dependencies``: note what each entry page reads of the data set (`mkdocs serve --dirty`); ``before``: the
    last build of the edition with the same configuration, templates and code: a page none of whose reads
    changed keeps its body, and an entry page is reused whole, without planning it (``incremental.Reuse``).
    """
    t0 = time.perf_counter()
    site, dataset = validated or validate_project(root)
    if dependencies:
        track(dataset)
    t1 = time.perf_counter()
    renderer = Renderer(dataset, site, template_dirs(overrides), extra=extra, language=language)
    with edition(renderer.lang):
        reuse = incremental.Reuse(before, renderer)
        renderer.kept = reuse.page  # an entry page none of whose reads changed is the last build's, whole
        pages = list(renderer.plan())
        for page in pages:
            if page.kept:
                continue
            kept = reuse.body(page)
            if kept is None:
                renderer.render(page)
            else:
                page.body = kept
        site_url = str((extra or {}).get("site_url") or "")
        generated: dict[str, str | bytes] = {**downloads.files(dataset, site, renderer.lang),
                                             **feeds.files(dataset, site, site_url, renderer.lang)}
        generated[card.PATH] = card.png(str(site.title), str(site.author))  # og:image, in the edition's language
        extra_files = [ExtraFile(path, content) for path, content in generated.items()]
    t2 = time.perf_counter()
    return Build(site, dataset, pages, extra_files, timings={"load+validate": t1 - t0, "render": t2 - t1},
                 language=renderer.lang, rendered=incremental.Rendered.of(renderer, pages) if dependencies else None)
