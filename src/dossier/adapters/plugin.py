"""The generator as a MkDocs plugin, found by name: ``plugins: [search, dossier]`` in any documentary's mkdocs.yml.

The same wiring as the hook file (``hooks/dossier_hooks.py``), through the ``mkdocs.plugins`` entry point of
the installed package, so a documentary anywhere on disk needs no path to this repository. Each event goes to
the adapter of ``dossier.adapters.mkdocs``, taken from fresh code at the start of every build (``session``),
or to the adapter an edition's build was given (``bind``). No logic lives here.
"""

from __future__ import annotations

from typing import Any

from mkdocs.plugins import BasePlugin

from dossier.adapters.session import event

ADAPTER = "dossier.adapters.mkdocs"
EVENTS = ("on_serve", "on_env", "on_files", "on_nav", "on_page_markdown", "on_page_content", "on_page_context",
          "on_post_page", "on_post_template", "on_post_build")
STARTS = ("on_startup", "on_config")


class DossierPlugin(BasePlugin):  # no options of its own
    """Forwards MkDocs events to the generator's adapter."""

    def __init__(self) -> None:
        super().__init__()
        self.bound: Any = None
        """The adapter of a further edition's build (given by the base edition's), else None."""
        for name in (*STARTS, *EVENTS):
            setattr(self, name, self._forward(name))

    def bind(self, adapter: Any) -> None:
        self.bound = adapter

    def _forward(self, name: str) -> Any:
        shared = event(ADAPTER, name, starts_build=name in STARTS)

        def handler(*args: Any, **kwargs: Any) -> Any:
            return getattr(self.bound, name)(*args, **kwargs) if self.bound is not None else shared(*args, **kwargs)

        handler.__name__ = name
        return handler
