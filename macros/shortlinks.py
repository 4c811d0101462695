"""Short links (`go/<id>/`) and redirects from moved pages: tiny pages that forward the reader.

Onboarding decks and e-mails keep an address for years. Every step, checklist and worked example
gets a short address in one shared namespace (and each section and checklist item one inside its
owner's), and a page that moves leaves a forwarding page at its
old address (data/redirects.yml). Both are plain HTML written after the build; the link check then
holds their visible links to the same promise as every other link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from macros.addresses import EXAMPLES_PAGE as EXAMPLES_PAGE  # kept importable from here
from macros.addresses import (
    FORWARD_SCRIPT,
    GO,
    PAGE_LINK,
    RESERVED_IDS,
    is_page_path,
    item_anchor,
    page_url,
    relative_url,
    short_path,
)
from macros.addresses import short_url as short_url
from macros.catalogue import Link
from macros.content import Content
from macros.errors import ContentError
from macros.fields import ID_PATTERN
from macros.previews import IMAGE_SIZE, Preview
from macros.render import ENVIRONMENT
from macros.yamlsource import load_yaml

REDIRECTS_FILE = "redirects.yml"


@dataclass(frozen=True)
class Forward:
    """A static page at `path` (root-relative URL) that sends the reader on to `target`."""

    path: str
    target: str
    title: str
    # What a link preview shows for this address (macros/previews.py); set before writing.
    preview: Preview | None = field(default=None, compare=False)

    @property
    def file(self) -> str:
        """The HTML file to write, relative to the site root."""
        return self.path if self.path.endswith(".html") else f"{self.path}index.html"


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


def _data_file(content: Content, data_dir: Path, kind: str, link_id: str) -> Path:
    """The data file that defines a short-linked entry, for error messages."""
    if kind == "step":
        return data_dir / "steps.yml"
    if kind == "checklist":
        return data_dir / "checklists.yml"
    source = content.examples[link_id].source
    return data_dir / Path(source).relative_to("data") if source else data_dir


def check_short_ids(content: Content, data_dir: Path) -> None:
    """Steps, checklists and worked examples share one set of short links: ids unique, not reserved.

    Checked from data, before the catalogue, so a clash names both data files and lines.
    """
    seen: dict[str, Path] = {}
    owners = [
        *(("step", step.id) for step in content.steps),
        *(("checklist", checklist_id) for checklist_id in content.checklists),
        *(("example", example_id) for example_id in content.examples),
    ]
    for kind, link_id in owners:
        path = _data_file(content, data_dir, kind, link_id)
        if link_id in RESERVED_IDS or not ID_PATTERN.match(link_id):
            raise ContentError(
                file=_display(data_dir, path),
                line=_id_line(path, link_id) if path.is_file() else None,
                field="id",
                message=f"'{link_id}' cannot be a short link ({short_path(link_id)})",
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
                    "checklists and worked examples share one set of short links "
                    f"({short_path(link_id)})"
                ),
                fix="give one of them another id (ids already published must not change)",
            )
        seen[link_id] = path


def short_links(links: list[Link]) -> list[Forward]:
    """A go/ page per catalogue entry with a short link, forwarding to its address.

    Steps, checklists and examples have `go/<id>/`; sections and items one inside their owner's
    (`go/step-2/why/`), whose "/" keeps them apart. Retired entries forward through the
    retirement plan instead, but for a retired item: its old anchor stays on its step page, so
    its short link leads there. Offline, the pages are `go/<id>/index.html` forwarding to files.
    """
    return [
        Forward(path=link.short, target=link.url, title=link.title)
        for link in links
        if link.short and (link.kind != "retired" or _retired_item(link))
    ]


def _retired_item(link: Link) -> bool:
    """A retired checklist item: its address is its own item anchor (kept on the step page)."""
    checklist_id, _, item_id = link.id.partition("/")
    return bool(item_id) and link.url.endswith(f"#{item_anchor(checklist_id, item_id)}")


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
        match = PAGE_LINK.match(target)
        problem, fix = "", ""
        if not is_page_path(old):
            problem, fix = (
                f"'{old}' is not a page path",
                "write the old page as it was, e.g. steps/old.md",
            )
        elif (docs_dir / old).is_file():
            problem, fix = f"the page '{old}' still exists", "delete the page or this redirect"
        elif old.startswith(f"{GO}/"):
            problem, fix = f"'{old}' is inside go/, which holds short links", "redirect a page path"
        elif match is None:
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
    preview = forward.preview or Preview(
        forward.title, f"This address leads to {forward.title}.", ""
    )
    return ENVIRONMENT.get_template("go.html").render(
        forward=forward,
        preview=preview,
        image_size=IMAGE_SIZE,
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
