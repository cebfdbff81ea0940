"""What outlives a code reload during one ``mkdocs serve``, and the reload itself.

MkDocs imports the hook file once per process, and Python keeps the package's modules
imported, so an edit to the generator's code would need a restart. The hook file therefore
wires each MkDocs event through :func:`event`: at the start of every build, :func:`fresh`
forgets the package's modules if one of their files changed since they were imported and
imports them again, so the rebuild runs the new code. This module is never forgotten, so it
also keeps the little state a reload must not lose (whether we are serving, the last good
page list). It imports nothing from MkDocs or from the rest of the package.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

serving = False
"""True under ``mkdocs serve`` (set from MkDocs' ``on_startup``): data errors become an error page."""

last_pages: list[tuple[str, bool]] = []
"""(source path, in navigation) of the pages of the last good build, kept as stubs on error pages."""

dirty = False
"""True under ``mkdocs serve --dirty`` (``make serve``): only the pages that changed are rebuilt."""

previous: dict[str, Any] = {}
"""Edition language -> its last good build in this session (``dossier.incremental.Previous``)."""

_stamps: dict[str, float] = {}
_adapter: Any = None


def _package_files(package: str) -> dict[str, float]:
    """Modification times of the source files of the package's loaded modules (this one excepted)."""
    files: dict[str, float] = {}
    for name, module in list(sys.modules.items()):
        if name == __name__ or not (name == package or name.startswith(package + ".")):
            continue
        path = getattr(module, "__file__", None)
        if path:
            try:
                files[path] = os.stat(path).st_mtime_ns
            except OSError:
                files[path] = -1  # deleted: counts as a change
    return files


def stamps() -> dict[str, float]:
    """The modification times of the package's modules as last imported (a rebuild after a code edit is full)."""
    return dict(_stamps)


def changed(package: str) -> bool:
    """Whether a loaded module of ``package`` changed on disk since :func:`fresh` last imported it."""
    return any(path in _stamps and _stamps[path] != stamp for path, stamp in _package_files(package).items())


def fresh(module_name: str) -> ModuleType:
    """Import ``module_name``, first forgetting its package's modules if any of their files changed."""
    package = module_name.partition(".")[0]
    if changed(package):
        for name in [n for n in sys.modules if (n == package or n.startswith(package + ".")) and n != __name__]:
            del sys.modules[name]
        importlib.invalidate_caches()
    module = importlib.import_module(module_name)
    _stamps.clear()
    _stamps.update(_package_files(package))
    return module


def event(module_name: str, name: str, starts_build: bool = False) -> Callable[..., Any]:
    """A hook function for MkDocs event ``name``, calling the method of ``module_name``'s ``ADAPTER``.

    ``starts_build``: this event begins a build, so the adapter is taken from fresh code first.
    """

    def handler(*args: Any, **kwargs: Any) -> Any:
        global _adapter
        if starts_build or _adapter is None:
            _adapter = fresh(module_name).ADAPTER
        return getattr(_adapter, name)(*args, **kwargs)

    handler.__name__ = handler.__qualname__ = name
    return handler
