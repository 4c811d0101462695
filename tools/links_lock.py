"""Add the links a built site publishes to the link lock (`make links-lock`); never removes one.

`python tools/links_lock.py SITE/links.json tests/links.lock.json`. The contract itself (reading
the lock, checking a built site against it) is macros/linkcontract.py, which the build uses.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros.errors import ContentError  # noqa: E402
from macros.linkcontract import Promise, lock_order, read_catalogue, read_lock  # noqa: E402


def merged(locked: list[Promise], published: list[Promise]) -> list[Promise]:
    """The lock with every new promise added; nothing is ever dropped, even when a url changed.

    A locked address that has since gained a short link is kept as one entry with both: it
    promises everything the old entry did.
    """
    promises = set(locked) | set(published)
    shortened = {(p.id, p.url) for p in promises if p.short is not None}
    kept = {p for p in promises if p.short is not None or (p.id, p.url) not in shortened}
    return sorted(kept, key=lock_order)


def write_lock(path: Path, promises: list[Promise]) -> None:
    """Write the lock file in a stable, reviewable order."""
    entries = [
        {k: v for k, v in asdict(p).items() if v is not None}
        for p in sorted(promises, key=lock_order)
    ]
    text = json.dumps({"version": 1, "links": entries}, indent=2, ensure_ascii=False)
    path.write_text(text + "\n", encoding="utf-8")


def main(arguments: list[str]) -> int:
    """Add the promises of a built links.json to the lock file; print what was added."""
    if len(arguments) != 2:
        print("usage: python tools/links_lock.py SITE/links.json tests/links.lock.json")
        return 2
    catalogue, lock = Path(arguments[0]), Path(arguments[1])
    try:
        locked = read_lock(lock)
    except ContentError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    updated = merged(locked, read_catalogue(catalogue))
    write_lock(lock, updated)
    added = len(set(updated) - set(locked))
    print(f"{lock}: {len(updated)} links locked ({added} new or now with a short link)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
