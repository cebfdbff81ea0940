"""Addresses within the site and into sources: relative links between pages, and text fragments."""

from __future__ import annotations

from urllib.parse import quote as urlquote


def relative(target: str, base: str) -> str:
    """Link from the page at ``base`` to ``target`` (both site-relative directory URLs).

    Equivalent to ``posixpath.relpath`` for these URLs, without its file-system normalisation,
    which dominated rendering time on large data sets.
    """
    path, _, anchor = target.partition("#")
    t = [p for p in path.split("/") if p]
    b = [p for p in base.split("/") if p]
    i = 0
    while i < len(t) and i < len(b) and t[i] == b[i]:
        i += 1
    parts = [".."] * (len(b) - i) + t[i:]
    rel = "/".join(parts) + "/" if parts else "./"
    return f"{rel}#{anchor}" if anchor else rel


def text_fragment(text: str, words: int = 4) -> str:
    """A ``#:~:text=`` fragment selecting ``text`` (its first segment before any ellipsis)."""
    segment = text.replace("...", "…").split("…")[0].replace("\u2019", "'")
    tokens = segment.split()

    def enc(ws: list[str]) -> str:
        return urlquote(" ".join(ws), safe="")

    if len(tokens) <= 2 * words:
        return ":~:text=" + enc(tokens)
    return ":~:text=" + enc(tokens[:words]) + "," + enc(tokens[-words:])
