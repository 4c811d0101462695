"""Lighthouse (mobile, Debian Chromium) against the built site, served gzip-compressed on 127.0.0.1.

The server is the few lines a real host does for a static site: files, the right types, gzip when
the browser asks for it, the caching rules of hosting/, 404 for anything else. Lighthouse runs
from bench/node_modules.
"""

from __future__ import annotations

import gzip
import http.server
import json
import os
import statistics
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

from macros.assets import HASHED_NAME

BENCH = Path(__file__).resolve().parent
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


def cache_control(name: str) -> str:
    """What hosting/ sends: a year for files named after their content, else revalidate."""
    return "public, max-age=31536000, immutable" if HASHED_NAME.search(name) else "no-cache"


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-encoded when the browser accepts it, with no logging to the terminal."""

    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".json": "application/json",
        ".svg": "image/svg+xml",
        ".webmanifest": "application/manifest+json",
    }

    def send_head(self):
        """Serve the gzip form of text files when asked for it; everything else as usual."""
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the base class redirects to the address with a slash
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", cache_control(path.name))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(body)

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: the bench prints one table."""


class _Body:
    """The file-like object SimpleHTTPRequestHandler copies to the socket."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, size: int = -1) -> bytes:
        data, self.data = (self.data, b"") if size < 0 else (self.data[:size], self.data[size:])
        return data

    def close(self) -> None:
        self.data = b""


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve `site` on a free port of 127.0.0.1; yields the root address."""
    handler = partial(_GzipHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def run_once(url: str, report: Path) -> dict[str, int]:
    """One Lighthouse mobile run; the four category scores out of 100."""
    env = dict(os.environ, CHROME_PATH=CHROMIUM)
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=180)
    if result.returncode != 0 or not report.is_file():
        raise SystemExit(f"bench: Lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    if data.get("runtimeError"):
        raise SystemExit(f"bench: Lighthouse could not load {url}: {data['runtimeError']}")
    scores = {name: round(data["categories"][name]["score"] * 100) for name in CATEGORIES}
    failing = sorted(
        audit["id"]
        for audit in data["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") in {"binary", "numeric", "metricSavings"}
    )
    return {**scores, "failing_audits": failing}


def medians(site: Path, pages: dict[str, str], runs: int, work: Path) -> dict[str, dict]:
    """Median score per category for each named page, over `runs` runs, alternating pages."""
    results: dict[str, list[dict]] = {name: [] for name in pages}
    with serve(site) as root:
        for number in range(runs):
            for name, page in pages.items():
                report = work / f"lighthouse-{name}-{number}.json"
                results[name].append(run_once(root + page, report))
    summary = {}
    for name, runs_of_page in results.items():
        summary[name] = {
            category: statistics.median(r[category] for r in runs_of_page)
            for category in CATEGORIES
        }
        summary[name]["runs"] = [{c: r[c] for c in CATEGORIES} for r in runs_of_page]
        summary[name]["failing_audits"] = sorted(
            {a for r in runs_of_page for a in r["failing_audits"]}
        )
    return summary
