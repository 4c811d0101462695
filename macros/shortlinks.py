"""Short links (`go/<id>/`) and redirects from moved pages: tiny pages that forward the reader.

Onboarding decks and e-mails keep an address for years. Every step, checklist and worked example
gets a short address in one shared namespace, and a page that moves leaves a forwarding page at its
old address (data/redirects.yml). Both are plain HTML written after the build; the link check then
holds their visible links to the same promise as every other link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from macros.content import Content
from macros.errors import ContentError
from macros.fields import ID_PATTERN
from macros.render import ENVIRONMENT
from macros.urls import folder_url, page_url, relative_url
from macros.yamlsource import load_yaml

GO = "go"
RESERVED_IDS = frozenset({"", "index"})
EXAMPLES_PAGE = "examples/index.md"
FORWARD_SCRIPT = "assets/javascripts/go.js"
REDIRECTS_FILE = "redirects.yml"
_PAGE_PATH = re.compile(r"^(?!/)(?!.*(?:^|/)\.\.?/)[A-Za-z0-9_./-]+\.md$")
_TARGET = re.compile(r"^(?P<page>[A-Za-z0-9_./-]+\.md)(?:#(?P<fragment>[A-Za-z][\w-]*))?$")


@dataclass(frozen=True)
class Forward:
    """A static page at `path` (root-relative URL) that sends the reader on to `target`."""

    path: str
    target: str
    title: str

    @property
    def file(self) -> str:
        """The HTML file to write, relative to the site root."""
        return self.path if self.path.endswith(".html") else f"{self.path}index.html"


def short_url(link_id: str, directory_urls: bool = True) -> str:
    """The root-relative short address of a step, checklist or worked example, as links name it."""
    return folder_url(f"{GO}/{link_id}/", directory_urls)


def _id_line(path: Path, value: str) -> int | None:
    """The line of the least indented `id: value` in a data file (records, not their items)."""
    pattern = re.compile(rf"^(\s*)(?:-\s*)?id:\s*['\"]?{re.escape(value)}['\"]?\s*(?:#.*)?$")
    found = [
        (len(match.group(1)), number)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if (match := pattern.match(line))
    ]
    return min(found)[1] if found else None


def _display(data_dir: Path, path: Path) -> str:
    return f"data/{path.relative_to(data_dir).as_posix()}"


def short_links(content: Content, data_dir: Path, directory_urls: bool = True) -> list[Forward]:
    """One forwarding page per step, checklist and example; ids must not collide or be reserved.

    Without directory URLs (the offline copy) the pages are named `go/<id>/index.html` and
    forward to file-style page addresses.
    """
    owners: list[tuple[str, Path, str, str]] = [
        (
            step.id,
            data_dir / "steps.yml",
            f"Step {step.number}: {step.title}",
            page_url(step.page, directory_urls),
        )
        for step in content.steps
    ]
    examples = page_url(EXAMPLES_PAGE, directory_urls)
    for checklist in content.checklists.values():
        page = page_url(content.step(checklist.step).page, directory_urls)
        owners.append(
            (
                checklist.id,
                data_dir / "checklists.yml",
                checklist.title,
                f"{page}#checklist-{checklist.id}",
            )
        )
    for example in content.examples.values():
        source = data_dir / Path(example.source).relative_to("data") if example.source else data_dir
        owners.append((example.id, source, example.title, f"{examples}#example-{example.id}"))
    seen: dict[str, Path] = {}
    forwards = []
    for link_id, path, title, target in owners:
        if link_id in RESERVED_IDS or not ID_PATTERN.match(link_id):
            raise ContentError(
                file=_display(data_dir, path),
                line=_id_line(path, link_id) if path.is_file() else None,
                field="id",
                message=f"'{link_id}' cannot be a short link (go/{link_id}/)",
                fix="choose another id; 'index' is reserved",
            )
        if link_id in seen:
            first = seen[link_id]
            raise ContentError(
                file=_display(data_dir, path),
                line=_id_line(path, link_id) if path.is_file() else None,
                record=link_id,
                field="id",
                message=(
                    f"the id '{link_id}' is also used in {_display(data_dir, first)}"
                    f"{f' (line {_id_line(first, link_id)})' if first.is_file() else ''}; steps, "
                    f"checklists and worked examples share one set of short links (go/{link_id}/)"
                ),
                fix="give one of them another id (ids already published must not change)",
            )
        seen[link_id] = path
        forwards.append(
            Forward(path=short_url(link_id, directory_urls), target=target, title=title)
        )
    return forwards


def load_redirects(data_dir: Path, docs_dir: Path, directory_urls: bool = True) -> list[Forward]:
    """Forwarding pages from data/redirects.yml (optional): `old.md: new.md#anchor` lines.

    Each old page is kept at the address the build would have given it (`old/` or `old.html`).
    """
    path = data_dir / REDIRECTS_FILE
    if not path.is_file():
        return []
    name = _display(data_dir, path)
    top = load_yaml(path, name)
    mapping = top.value.get("redirects") if isinstance(top.value, dict) else None
    # `retired:` (published ids taken out of the guide) is read with the content.
    shape = isinstance(top.value, dict) and set(top.value) <= {"redirects", "retired"}
    if not shape or mapping is None:
        raise ContentError(
            file=name,
            line=top.line,
            message="the file must hold a 'redirects:' mapping (and may hold 'retired:')",
            fix="write 'redirects:' then lines such as '  steps/old-name.md: steps/new-name.md'",
        )
    if not isinstance(mapping.value, dict):
        raise ContentError(
            file=name,
            line=mapping.line,
            field="redirects",
            message="'redirects' must be 'old-page.md: new-page.md' lines",
            fix="write each redirect as '  steps/old-name.md: steps/new-name.md#anchor'",
        )
    forwards = []
    for old, located in mapping.value.items():
        target = located.value if isinstance(located.value, str) else ""
        match = _TARGET.match(target)
        problem, fix = "", ""
        if not _PAGE_PATH.match(old):
            problem, fix = (
                f"'{old}' is not a page path",
                "write the old page as it was, e.g. steps/old.md",
            )
        elif (docs_dir / old).is_file():
            problem, fix = f"the page '{old}' still exists", "delete the page or this redirect"
        elif old.startswith(f"{GO}/"):
            problem, fix = f"'{old}' is inside go/, which holds short links", "redirect a page path"
        elif match is None or not _PAGE_PATH.match(match["page"]):
            problem, fix = (
                f"'{target}' is not a page",
                "write the new page as page.md or page.md#anchor",
            )
        elif not (docs_dir / match["page"]).is_file():
            problem, fix = f"the page '{match['page']}' does not exist in docs/", "fix the new path"
        if problem:
            raise ContentError(
                file=name, line=located.line, field=old, message=f"bad redirect: {problem}", fix=fix
            )
        fragment = f"#{match['fragment']}" if match["fragment"] else ""
        url = page_url(match["page"], directory_urls) + fragment
        forwards.append(
            Forward(path=page_url(old, directory_urls), target=url, title=f"moved to {url}")
        )
    return forwards


def render_forward(forward: Forward) -> str:
    """The page: meta refresh, canonical link, a visible link and a fragment-keeping script."""
    return ENVIRONMENT.get_template("go.html").render(
        forward=forward,
        target=relative_url(forward.path, forward.target),
        script=relative_url(forward.path, FORWARD_SCRIPT),
    )


def write_forwards(site_dir: Path, forwards: list[Forward]) -> list[Path]:
    """Write every forwarding page; a page MkDocs already built at that address is a conflict."""
    written = []
    for forward in forwards:
        path = site_dir / forward.file
        if path.exists():
            short = forward.path.startswith(f"{GO}/")
            raise ContentError(
                file="docs/" if short else f"data/{REDIRECTS_FILE}",
                message=f"'{forward.path}' is already a page of the site",
                fix="move that page out of docs/go/" if short else "remove the redirect",
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_forward(forward), encoding="utf-8")
        written.append(path)
    return written
