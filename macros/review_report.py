"""`make review-report`: every page and data record with its owner and review dates, overdue first.

For a scheduled CI job: it exits 1 when any review is overdue, so the HR team hears about it,
while an ordinary build only warns (an overdue review must never stop an urgent fix).

    python -m macros.review_report [--today YYYY-MM-DD] [PROJECT_DIR]
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from macros.content import load_content
from macros.errors import ContentError
from macros.review import Review, data_reviews, overdue_first, page_review, today


def all_reviews(root: Path) -> list[Review]:
    """The guide's default, every published page and every checklist and worked example."""
    docs = root / "docs"
    content = load_content(root / "data", docs)
    default = content.settings.review
    pages = [
        page_review(path.read_text(encoding="utf-8"), f"docs/{path.relative_to(docs)}", default)
        for path in sorted(docs.rglob("*.md"))
        if not any(part.startswith(".") for part in path.relative_to(docs).parts)
    ]
    return [*data_reviews(content), *pages]


def report(reviews: list[Review], on: date) -> tuple[list[str], int]:
    """The report's lines and how many reviews are overdue."""
    rows = overdue_first(reviews, on)
    lines = [f"Review report for {on.isoformat()}:"]
    for review in rows:
        status = "OVERDUE" if review.overdue(on) else "ok     "
        lines.append(
            f"{status}  next due {review.next_due}  last reviewed {review.last_reviewed}  "
            f"{review.where}  (owner: {review.owner})"
        )
    overdue = sum(review.overdue(on) for review in rows)
    lines.append(f"{overdue} overdue of {len(rows)}.")
    return lines, overdue


def main(arguments: list[str]) -> int:
    """Print the report; exit 1 when something is overdue, 2 when the data is wrong."""
    parser = argparse.ArgumentParser(prog="python -m macros.review_report")
    parser.add_argument("root", nargs="?", default=".", type=Path)
    parser.add_argument("--today", type=date.fromisoformat, default=None)
    options = parser.parse_args(arguments)
    try:
        reviews = all_reviews(options.root)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 2
    lines, overdue = report(reviews, options.today or today())
    print("\n".join(lines))
    return 1 if overdue else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
