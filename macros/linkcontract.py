"""The link contract: every id and address the guide ever published keeps leading somewhere real.

`tests/links.lock.json` records each (id, url, short) the catalogue has published. A locked id must
stay in the catalogue, and its url and short link must still resolve in the built site (file there,
fragment on that page), directly or through a forwarding page. `make links-lock` only adds entries;
an id that leaves the guide is retired in data/redirects.yml, where its old address now leads.

The build reads the lock (retired ids keep their old addresses) and `make check` holds a site to
it; adding entries is a maintainer's step, tools/links_lock.py (`make links-lock`).
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from macros.errors import ContentError
from macros.linkcheck import scan_html

LOCK_FILE = "tests/links.lock.json"
MAX_FORWARDS = 5
_FORWARD = re.compile(r'data-guide-forward="([^"]*)"')


@dataclass(frozen=True, order=True)
class Promise:
    """One published address: the catalogue id, its url and its short link (root-relative)."""

    id: str
    url: str
    short: str | None = None


def read_lock(path: Path) -> list[Promise]:
    """The promises in a lock file (none if the file does not exist yet); a damaged file stops."""
    if not path.is_file():
        return []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return [Promise(entry["id"], entry["url"], entry.get("short")) for entry in data["links"]]
    except json.JSONDecodeError as error:
        line, problem = error.lineno, f"this is not valid JSON ({error.msg})"
    except (KeyError, TypeError, AttributeError):
        line, problem = None, "every entry needs an 'id' and a 'url' under 'links'"
    raise ContentError(
        file=LOCK_FILE,
        line=line,
        message=f"the link lock is damaged: {problem}",
        fix="undo your edit to it (in your Git tool: discard the change to this file); "
        "to retire a link, write it under 'retired:' in data/redirects.yml instead",
    )


def read_catalogue(path: Path) -> list[Promise]:
    """The promises a built site's links.json makes."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return [Promise(entry["id"], entry["url"], entry.get("short")) for entry in data["links"]]


def lock_order(promise: Promise) -> tuple[str, str, str]:
    """The stable order of promises in the lock file and in reports."""
    return promise.id, promise.url, promise.short or ""


@lru_cache(maxsize=64)
def _ids(text: str) -> frozenset[str]:
    """The ids of a page, parsed once however many locked anchors point into it."""
    return frozenset(scan_html(text).ids)


def resolve(site_dir: Path, url: str) -> str | None:
    """Follow `url` (root-relative) through forwarding pages: None when it lands, else why not."""
    path, _, fragment = url.partition("#")
    for _ in range(MAX_FORWARDS):
        file = site_dir / path / "index.html" if path.endswith("/") or not path else site_dir / path
        if not file.resolve().is_relative_to(site_dir.resolve()) or not file.is_file():
            return f"'{path or './'}' is not in the built site"
        if file.suffix != ".html":
            return None if not fragment else f"'{path}' is not a page, so it has no '#{fragment}'"
        text = file.read_text(encoding="utf-8")
        forward = _FORWARD.search(text)
        if forward is None:
            if fragment and fragment not in _ids(text):
                return f"'{path or './'}' has no '#{fragment}'"
            return None
        target = html.unescape(forward.group(1))
        target_path, _, target_fragment = target.partition("#")
        base = posixpath.dirname(file.relative_to(site_dir).as_posix())
        joined = posixpath.normpath(posixpath.join(base, target_path))
        path = "" if joined == "." else joined + ("/" if target_path.endswith("/") else "")
        fragment = fragment or target_fragment
    return f"'{url}' forwards more than {MAX_FORWARDS} times"


def _ways_forward(promise: Promise) -> str:
    return (
        f"put back the id or heading you removed or renamed, or retire it with a line under "
        f"'retired:' in data/redirects.yml, such as '  {promise.id}: <where it leads now>' "
        "(AUTHORING.md, Retire or move a link)"
    )


def broken_promises(
    locked: list[Promise], published: list[Promise], site_dir: Path
) -> list[ContentError]:
    """Every locked promise the built site breaks, each naming the id and the two ways forward."""
    ids = {promise.id for promise in published}
    problems = []
    for promise in sorted(locked, key=lock_order):
        if promise.id not in ids:
            problems.append(
                ContentError(
                    file=LOCK_FILE,
                    record=promise.id,
                    message=f"the published link '{promise.id}' ({promise.url}) is gone",
                    fix=_ways_forward(promise),
                )
            )
            continue  # its addresses fail too: the gone id is the one thing to fix
        for kind, url in (("address", promise.url), ("short link", promise.short)):
            problem = resolve(site_dir, url) if url is not None else None
            if problem:
                problems.append(
                    ContentError(
                        file=LOCK_FILE,
                        record=promise.id,
                        message=f"its published {kind} {url or './'} no longer resolves "
                        f"({problem})",
                        fix=_ways_forward(promise),
                    )
                )
    return problems


def contract_problems(site_dir: Path, lock: Path) -> list[ContentError]:
    """The link lock checked against a built site; a damaged lock is one problem, not a crash."""
    try:
        locked = read_lock(lock)
    except ContentError as error:
        return [error]
    return broken_promises(locked, read_catalogue(site_dir / "links.json"), site_dir)
