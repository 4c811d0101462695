"""Source overlap: no run of eight or more words may match the source article.

Words are compared lower-case with punctuation removed and apostrophes dropped (straight or curly,
"you're" becomes "youre"), so a changed comma or capital letter does not hide a copy. Checked over
every built page's whole text and over every text field in data/.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from macros.errors import ContentError
from macros.proof.locate import locate
from macros.proof.pagetext import html_pages, page_name

# A copy of the source article the guide was written from, kept in the project so a clone checks
# itself.
SOURCE = Path("tests/fixtures/source/handling-mistakes-at-work.md")
RUN = 8
_APOSTROPHES = re.compile("['`\u2018\u2019]")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def words(text: str) -> list[str]:
    """Lower-case words, apostrophes dropped, every other mark a word break."""
    return _NON_WORD.sub(" ", _APOSTROPHES.sub("", text.lower())).split()


def runs(text: str) -> set[tuple[str, ...]]:
    """Every run of RUN consecutive words in `text`."""
    found = words(text)
    return {tuple(found[i : i + RUN]) for i in range(len(found) - RUN + 1)}


def copied_runs(text: str, source_runs: set[tuple[str, ...]]) -> list[str]:
    """The runs of `text` that also appear in the source, as readable strings."""
    return sorted(" ".join(run) for run in runs(text) & source_runs)


def data_texts(data_dir: Path) -> Iterator[tuple[str, str]]:
    """(where, text) for every string in every YAML file under data/."""

    def walk(value: object, where: str) -> Iterator[tuple[str, str]]:
        if isinstance(value, str):
            yield where, value
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from walk(item, f"{where}.{key}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from walk(item, f"{where}[{index}]")

    for path in sorted(data_dir.rglob("*.yml")):
        where = path.relative_to(data_dir.parent).as_posix()
        yield from walk(yaml.safe_load(path.read_text(encoding="utf-8")), where)


def page_texts(site: Path) -> dict[str, str]:
    """Every built page's whole text (scripts and styles aside), by page name."""
    texts = {}
    for path in html_pages(site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for element in soup.select("script, style"):
            element.decompose()
        texts[page_name(site, path)] = soup.get_text(" ")
    return texts


def overlap_problems(root: Path, site: Path) -> list[ContentError]:
    """One problem per copied passage, at the place it is written, pages and data fields alike."""
    source_runs = runs((root / SOURCE).read_text(encoding="utf-8"))
    copies: dict[str, str | None] = {}
    for page, text in page_texts(site).items():
        for run in copied_runs(text, source_runs):
            copies.setdefault(run, page)
    for _, text in data_texts(root / "data"):
        for run in copied_runs(text, source_runs):
            copies.setdefault(run, None)
    problems, reported = [], set()
    for run, page in sorted(copies.items()):
        file, line = locate(root, run.split(), page)
        if (file, line) in reported:
            continue  # overlapping runs of one copied passage: one line is enough
        reported.add((file, line))
        problems.append(
            ContentError(
                file=file,
                line=line,
                message=f'"{run}" is copied word for word from the source article',
                fix="say it in your own words (any 8 words in a row that match count as a copy)",
            )
        )
    return problems
