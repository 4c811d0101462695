"""Synthetic sites for the bench: plain Material sites and our guide grown to a given page count.

Every site is generated from a fixed seed, so two bench runs build exactly the same work.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from macros.content import load_content
from tests.support import make_fixture_site

VOCABULARY = (
    "after ask before check customer damage day did done every fix first forward found help "
    "honest how job keep learn lesson manager mistake money next note order own plan put record "
    "report right safe shift small soon step still stop supplier team tell thing time told took "
    "trust wait week what when work wrong write"
)
WORDS = VOCABULARY.split()
PAGES_PER_SECTION = 50
WORDS_PER_PARAGRAPH = 60
SCALE_FOLDER = "library"
PAGES_PER_CHECKLIST = 50
PAGES_PER_EXAMPLE = 10


def _prose(rnd: random.Random, words: int) -> str:
    """Paragraphs of `words` words drawn from the guide's everyday vocabulary."""
    paragraphs = []
    while words > 0:
        count = min(words, WORDS_PER_PARAGRAPH)
        chosen = [rnd.choice(WORDS) for _ in range(count)]
        paragraphs.append(" ".join(chosen).capitalize() + ".")
        words -= count
    return "\n\n".join(paragraphs)


def make_plain_site(root: Path, pages: int, words: int, nav_pages: int | None = None) -> Path:
    """A plain Material site (theme and search defaults, no macros) of `pages` pages, `words` words.

    `nav_pages` of them are in the navigation, as many as our built guide lists there: pages sit
    in folders of 50, which Material's automatic navigation lists on every page. The others go
    where our guide keeps its generated pages: a library folder in `not_in_nav`, reached from one
    index page in the navigation that links them all. Both builds then render the same navigation
    on every page, so the ratio compares the same work at every size.
    """
    nav_pages = pages if nav_pages is None else max(1, min(nav_pages, pages))
    library = pages - nav_pages
    if library:
        nav_pages -= 1  # the library's index is one of the pages in the navigation
    docs = root / "docs"
    docs.mkdir(parents=True)
    config = "site_name: Plain Material\ntheme:\n  name: material\n"
    if library:
        config += f"not_in_nav: |\n  /{SCALE_FOLDER}/case-*.md\n"
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    rnd = random.Random(pages)
    per_page, extra = divmod(words, pages)
    links = []
    for number in range(pages):
        count = per_page + (1 if number < extra else 0)
        if number == 0:
            path = docs / "index.md"
        elif number < nav_pages:
            path = docs / f"section-{number // PAGES_PER_SECTION:02d}" / f"page-{number:04d}.md"
        elif number == nav_pages:
            path = docs / SCALE_FOLDER / "index.md"
        else:
            path = docs / SCALE_FOLDER / f"case-{number:04d}.md"
            links.append(f"- [Page {number}]({path.name})")
        path.parent.mkdir(exist_ok=True)
        half = count // 2
        path.write_text(
            f"# Page {number}\n\n## First part\n\n{_prose(rnd, half)}\n\n"
            f"## Second part\n\n{_prose(rnd, count - half)}\n",
            encoding="utf-8",
        )
    if library:
        with (docs / SCALE_FOLDER / "index.md").open("a", encoding="utf-8") as index:
            index.write("\n" + "\n".join(links) + "\n")
    return root


def scale_page_count(total_pages: int, guide_pages: int) -> int:
    """Generated pages that bring a guide of `guide_pages` pages to `total_pages` built pages.

    Besides the generated pages, the build adds the library's index and one card page for each
    generated checklist.
    """
    pages = total_pages - guide_pages - 1
    return pages - max(1, pages // (PAGES_PER_CHECKLIST + 1))


def make_scale_guide(root: Path, scale_pages: int, words_per_page: int) -> Path:
    """Our real guide plus `scale_pages` generated pages that each show a checklist and an example.

    The generated data (one checklist per 50 pages, one worked example per 10) is appended to a copy
    of data/ and shown where the guide's short links expect it: each checklist also on its step's
    page, each example also in the examples index. Only the section index is in `nav`; the pages
    are listed in `not_in_nav`, which keeps the navigation short however many pages the guide has.
    """
    root.mkdir(parents=True)
    guide = make_fixture_site(root).root
    rnd = random.Random(scale_pages)
    checklists = [
        f"scale-checklist-{n:03d}" for n in range(max(1, scale_pages // PAGES_PER_CHECKLIST))
    ]
    examples = [f"scale-example-{n:04d}" for n in range(max(1, scale_pages // PAGES_PER_EXAMPLE))]
    _append_checklists(guide / "data" / "checklists.yml", checklists, rnd)
    for number, example in enumerate(examples):
        (guide / "data" / "examples" / f"{example}.yml").write_text(
            _example_yaml(example, number, rnd), encoding="utf-8"
        )
    docs = guide / "docs"
    steps = load_content(guide / "data", docs).steps
    for number, checklist_id in enumerate(checklists):
        _append_call(docs / steps[number % len(steps)].page, f'checklist("{checklist_id}")')
    for example in examples:
        _append_call(
            docs / "examples" / "index.md", f'worked_example("{example}", heading_level=3)'
        )
    folder = docs / SCALE_FOLDER
    folder.mkdir()
    links = []
    for number in range(scale_pages):
        name = f"case-{number:04d}.md"
        links.append(f"- [Case {number}]({name})")
        half = words_per_page // 2
        (folder / name).write_text(
            f"# Case {number}\n\n{_prose(rnd, half)}\n\n## What to do\n\n"
            f'{{{{ checklist("{checklists[number % len(checklists)]}") }}}}\n\n'
            f"## A worked example\n\n"
            f'{{{{ worked_example("{examples[number % len(examples)]}") }}}}\n\n'
            f"## Notes\n\n{_prose(rnd, words_per_page - half)}\n",
            encoding="utf-8",
        )
    (folder / "index.md").write_text(
        "# Case library\n\n" + "\n".join(links) + "\n", encoding="utf-8"
    )
    _extend_config(guide / "mkdocs.yml")
    return guide


def _append_call(page: Path, call: str) -> None:
    with page.open("a", encoding="utf-8") as stream:
        stream.write(f"\n{{{{ {call} }}}}\n")


def _append_checklists(path: Path, ids: list[str], rnd: random.Random) -> None:
    """Add checklists at the end of the `checklists:` list (it is the file's only top-level key)."""
    text = path.read_text(encoding="utf-8")
    keys = re.findall(r"^[a-z_]+:", text, flags=re.MULTILINE)
    if keys != ["checklists:"]:
        raise SystemExit(f"bench: expected only 'checklists:' at the top of {path}, found {keys}")
    entries = []
    for number, checklist_id in enumerate(ids):
        items = "".join(
            f"      - id: scale-item-{item}\n        text: {_prose(rnd, 10)}\n" for item in range(5)
        )
        entries.append(
            f"  - id: {checklist_id}\n    step: step-{number % 5 + 1}\n"
            f"    title: Scale checklist {number}\n    why: {_prose(rnd, 15)}\n    items:\n{items}"
        )
    path.write_text(text.rstrip("\n") + "\n" + "".join(entries), encoding="utf-8")


def _example_yaml(example_id: str, number: int, rnd: random.Random) -> str:
    steps = "".join(f"  step-{step}: {_prose(rnd, 20)}\n" for step in range(1, 6))
    return (
        f"id: {example_id}\ntitle: Scale example {number}\njob: Clerk\nsetting: An office\n"
        f"severity: minor\nsituation: {_prose(rnd, 25)}\nsteps:\n{steps}"
        f"outcome: {_prose(rnd, 20)}\nlesson: {_prose(rnd, 12)}\n"
    )


def _extend_config(path: Path) -> None:
    """Put the library's index in `nav` and its pages in `not_in_nav`, keeping every other key."""
    lines = path.read_text(encoding="utf-8").splitlines()
    pattern = f"  /{SCALE_FOLDER}/case-*.md"
    existing = next((i for i, line in enumerate(lines) if line.startswith("not_in_nav:")), None)
    if existing is None:
        lines += ["not_in_nav: |", pattern]
    elif lines[existing].rstrip().endswith("|"):
        lines.insert(existing + 1, pattern)
    else:
        raise SystemExit(f"bench: write not_in_nav as a block (not_in_nav: |) in {path}")
    top = [i for i, line in enumerate(lines) if re.match(r"[A-Za-z_]+:", line)]
    nav = next(i for i in top if lines[i].startswith("nav:"))
    end = next((i for i in top if i > nav), len(lines))
    while end > nav + 1 and not lines[end - 1].strip():
        end -= 1
    lines.insert(end, f"  - Case library: {SCALE_FOLDER}/index.md")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
