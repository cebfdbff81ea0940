"""One build, independent of any site generator: validate, then render every generated page."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ukvn.model.dataset import Dataset
from ukvn.render.pages import Page, Renderer
from ukvn.validate.check import validate


@dataclass
class ExtraFile:
    """A generated non-page file (data download, feed)."""

    path: str
    content: str | bytes


@dataclass
class Build:
    dataset: Dataset
    pages: list[Page]
    files: list[ExtraFile] = field(default_factory=list)


def prepare(root: Path, theme_dir: Path, extra: dict[str, Any] | None = None) -> Build:
    """Validate ``root/data`` and render all generated pages; raise ``DataInvalid`` on any data error."""
    dataset = validate(root / "data", root=root)
    renderer = Renderer(dataset, theme_dir / "ukvn", site=extra or {})
    pages = list(renderer.plan())
    for page in pages:
        renderer.render(page)
    return Build(dataset, pages)
