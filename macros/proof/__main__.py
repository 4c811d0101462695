"""`python -m macros.proof SITE`: every author check on a built site, one line per problem.

Run by `make check` after the strict build (which has checked the data, the macros and every
link). Exit status 1 when anything is wrong, so a script or CI job can stop on it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from macros.content import load_content
from macros.errors import ContentError
from macros.linkcontract import LOCK_FILE, contract_problems
from macros.proof.grade import grade_problems
from macros.proof.overlap import overlap_problems
from macros.proof.pagetext import page_main_texts
from macros.proof.rules import placement_problems
from macros.proof.spelling import spelling_problems


def checks(root: Path, site: Path) -> list[tuple[str, Callable[[], list[ContentError]]]]:
    """Each check by name, ready to run against the built site."""
    texts = page_main_texts(site)
    content = load_content(root / "data", root / "docs")
    return [
        ("content rules", lambda: placement_problems(root, content)),
        ("spelling", lambda: spelling_problems(root, texts)),
        ("reading grade", lambda: grade_problems(root, texts)),
        ("source overlap", lambda: overlap_problems(root, site)),
        ("link lock", lambda: contract_problems(site, root / LOCK_FILE)),
    ]


def main(arguments: list[str]) -> int:
    """Run every check, print each problem on its own line, and a summary."""
    root = Path.cwd()  # the project: `make check` runs here, and so do tests on a copy
    site = Path(arguments[0]) if arguments else root / "site"
    if not (site / "index.html").is_file():
        print(f"Error: there is no built site in {site}/. Fix: run make check (it builds first).")
        return 2
    names, problems = [], []
    for name, check in checks(root, site):
        names.append(name)
        problems += check()
    for problem in problems:
        print(f"Error: {problem}")
    if problems:
        print(f"{len(problems)} problem(s) found. Fix them and run make check again.")
        return 1
    print(f"Checked: the build, {', '.join(names)}. All good: ready to share.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
