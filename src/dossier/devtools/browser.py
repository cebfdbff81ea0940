"""Serving a built site on 127.0.0.1 and launching the Debian chromium for browser tests."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import os
import shutil
import threading
from pathlib import Path

from dossier.render.registry import SiteMap
from dossier.validate.check import validate_project

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
"""The Debian chromium package by default; CHROMIUM_PATH overrides it (e.g. Chrome on GitHub's runners)."""
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic", "--disable-default-apps",
]


def page_types(root: Path) -> dict[str, str]:
    """One page of each type of the documentary at ``root``, by name, from the page registry:
    the pages browser tests, audits and screenshots visit."""
    site, dataset = validate_project(root)
    return SiteMap.of(site).samples(site, dataset)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return


class _GzipHandler(_QuietHandler):
    """Compresses text responses as a production host (GitHub Pages) does, for realistic audits."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in (
                ".html", ".css", ".js", ".json", ".xml", ".svg") or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(directory: Path, compress: bool = False) -> http.server.ThreadingHTTPServer:
    """Serve ``directory`` on a free port of 127.0.0.1 in a background thread (gzip when ``compress``)."""
    handler = functools.partial(_GzipHandler if compress else _QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
