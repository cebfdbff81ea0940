"""The time spent in the generator's own code during one build (all editions), for ``scripts/bench.py``."""

from __future__ import annotations

import functools
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


class Timings:
    """Seconds by hook (``hooks``) and by stage of ours (``stages``), summed over the editions of one build."""

    def __init__(self) -> None:
        self.hooks: dict[str, float] = {}
        self.stages: dict[str, float] = {}

    def add(self, hooks: dict[str, float], stages: dict[str, float]) -> None:
        for total, part in ((self.hooks, hooks), (self.stages, stages)):
            for key, value in part.items():
                total[key] = total.get(key, 0.0) + value

    def write(self, path: str | None) -> None:
        """Write the totals as JSON to ``path`` (DOSSIER_TIMINGS), if one is given."""
        if path:
            Path(path).write_text(json.dumps({"hooks": self.hooks, "stages": self.stages}), encoding="utf-8")


def timed(method: Callable[..., Any]) -> Callable[..., Any]:
    """Adds the time spent in a method to ``self.spent`` (by method name)."""

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        t0 = time.perf_counter()
        try:
            return method(self, *args, **kwargs)
        finally:
            self.spent[method.__name__] = self.spent.get(method.__name__, 0.0) + time.perf_counter() - t0

    return wrapper
