"""Retired links: a published page, section, checklist or example taken out of the guide.

Its old id, written under `retired:` in data/redirects.yml with the live id its links now lead
to, keeps every address the guide published for it (tests/links.lock.json) resolving:

- an old `#anchor` on a page that is still built becomes an extra anchor on the new target,
  which must be on that same page, so the reader lands right where they are sent;
- an old page that is gone becomes a forwarding page to the new target (its old anchors too);
- an old short link (`go/<id>/`) becomes a forwarding page to the new target.

Items of a live checklist are retired with their checklist (macros.content), on the same terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from macros.errors import ContentError, did_you_mean
from macros.linkcontract import LOCK_FILE, Promise, read_lock

REDIRECTS = "data/redirects.yml"
_NO_RETIREMENT_KINDS = ("card", "pdf")


class Target(Protocol):
    """A live catalogue entry (macros.catalogue.Link)."""

    id: str
    kind: str
    title: str
    url: str
    short: str | None
    step: str | None


@dataclass(frozen=True)
class Retired:
    """A retired id as the catalogue lists it: its old addresses, now leading to `target`."""

    id: str
    target: Target
    url: str
    short: str | None


@dataclass(frozen=True)
class Anchor:
    """An old fragment kept on a built page, inside the element with the id `inside`."""

    page: str
    old: str
    inside: str  # "" for the page's own title (h1)


@dataclass(frozen=True)
class Plan:
    """What the build writes so that every retired id keeps resolving."""

    retired: list[Retired]
    anchors: list[Anchor]
    forwards: list[tuple[str, str]]  # (old address, address it now leads to)
    copies: list[tuple[str, str]]  # (old file, file it is a copy of): a retired card's PDFs


def _page(url: str) -> str:
    return url.partition("#")[0]


def _fragment(url: str) -> str:
    return url.partition("#")[2]


def _offline(url: str, pages: dict[str, str]) -> str:
    """An address from the lock (folder style) as the offline copy names it (a file)."""
    page, _, fragment = url.partition("#")
    if page in pages:
        page = pages[page]
    elif page.startswith("go/") or not page:
        page = f"{page}index.html"
    else:
        page = page.rstrip("/") + ".html"
    return page + (f"#{fragment}" if fragment else "")


def plan(
    retirements: dict[str, tuple[str, int]],
    live: list[Target],
    published: list[Target],
    root: Path,
    directory_urls: bool = True,
) -> Plan:
    """Check each retirement against the lock and the live catalogue, and plan what keeps it.

    `live` is this build's catalogue; `published` is the same catalogue with folder-style
    addresses, as the lock records them.
    """
    if not retirements:
        return Plan([], [], [], [])
    locked = {promise.id: promise for promise in read_lock(root / LOCK_FILE)}
    by_id = {link.id: link for link in live}
    pages = {_page(a.url): _page(by_id[a.id].url) for a in published if a.id in by_id}
    live_pages = {_page(link.url) for link in published if link.kind in ("page", "step")}
    result = Plan([], [], [], [])
    for old, (target_id, line) in retirements.items():
        promise = _check(old, target_id, line, locked, by_id)
        target = by_id[target_id]
        url = promise.url if directory_urls else _offline(promise.url, pages)
        short = (
            promise.short
            if directory_urls or promise.short is None
            else _offline(promise.short, pages)
        )
        old_page, fragment = _page(promise.url), _fragment(promise.url)
        if old_page in live_pages:
            if fragment:
                if _page(target.url) != _page(url):
                    same = sorted(i for i, link in by_id.items() if _page(link.url) == _page(url))
                    raise ContentError(
                        file=REDIRECTS,
                        line=line,
                        field=old,
                        message=f"'{old}' was on the page {old_page or './'}, which is still "
                        f"there, so its old address can only lead to something on that page",
                        fix=f"write one of its ids instead of '{target_id}': "
                        + ", ".join(same[:8]),
                    )
                result.anchors.append(Anchor(_page(url), fragment, _fragment(target.url)))
        else:
            result.forwards.append((_page(url), target.url))
            if fragment:
                result.anchors.append(Anchor(_page(target.url), fragment, _fragment(target.url)))
        if short and short not in {link.short for link in live}:
            result.forwards.append((short, target.url))
        result.retired.append(Retired(old, target, url, short))
        if target.kind == "checklist" or any(i.startswith(f"card/{old}") for i in locked):
            _retire_prints(old, target, locked, by_id, pages, directory_urls, result)
    return result


def _retire_prints(
    old: str,
    target: Target,
    locked: dict[str, Promise],
    live: dict[str, Target],
    pages: dict[str, str],
    directory_urls: bool,
    result: Plan,
) -> None:
    """A retired checklist's card leads to its successor's card (or all cards), its PDFs too."""
    name = target.id if f"card/{target.id}" in live else None
    for promise in (p for i, p in locked.items() if i == f"card/{old}" and i not in live):
        card = live[f"card/{name}" if name else "card/all"]
        url = promise.url if directory_urls else _offline(promise.url, pages)
        result.forwards.append((url, card.url))
        result.retired.append(Retired(promise.id, card, url, None))
    for promise in (p for i, p in locked.items() if i.startswith(f"pdf/{old}-") and i not in live):
        paper = promise.id.removeprefix(f"pdf/{old}-")
        pdf = live.get(f"pdf/{name}-{paper}" if name else f"pdf/all-cards-{paper}")
        if pdf is not None:
            result.copies.append((promise.url, pdf.url))
            result.retired.append(Retired(promise.id, pdf, promise.url, None))


def _check(
    old: str, target_id: str, line: int, locked: dict[str, Promise], live: dict[str, Target]
) -> Promise:
    """The published promise of `old`, once the line retiring it is known to make sense."""
    if old in live:
        raise ContentError(
            file=REDIRECTS,
            line=line,
            field=old,
            message=f"'{old}' is still in the guide, so it cannot be retired",
            fix="remove this line, or take the page, heading, checklist or example out first",
        )
    if old not in locked:
        raise ContentError(
            file=REDIRECTS,
            line=line,
            field=old,
            message=f"'{old}' was never published, so there is nothing to retire",
            fix=f"{did_you_mean(old, sorted(locked))}write the id as site/links.json and "
            f"{LOCK_FILE} list it, or remove this line",
        )
    target = live.get(target_id)
    if target is None or target.kind in _NO_RETIREMENT_KINDS or target.kind == "retired":
        raise ContentError(
            file=REDIRECTS,
            line=line,
            field=old,
            message=f"'{target_id}' is not a page, section, checklist, item or example of the "
            "guide as it is now",
            fix=f"{did_you_mean(target_id, sorted(live))}write where its links should lead now: "
            "an id from the list on the 'Linking to this guide' page",
        )
    return locked[old]


def _element(text: str, element_id: str) -> re.Match[str] | None:
    if not element_id:
        return re.search(r"<h1\b[^>]*>", text)
    return re.search(rf'<(?P<tag>[a-z0-9]+)\b[^>]*\bid="{re.escape(element_id)}"[^>]*>', text)


def write(site_dir: Path, plan: Plan) -> None:
    """Write the plan's anchors and PDF copies into the built site (the forwards go with go/)."""
    for old, source in plan.copies:
        (site_dir / old).parent.mkdir(parents=True, exist_ok=True)
        (site_dir / old).write_bytes((site_dir / source).read_bytes())
    add_anchors(site_dir, plan.anchors)


def add_anchors(site_dir: Path, anchors: list[Anchor]) -> None:
    """Write each old fragment as an empty anchor at the start of its new target's element."""
    for anchor in anchors:
        file = site_dir / (
            anchor.page + "index.html"
            if anchor.page.endswith("/") or not anchor.page
            else anchor.page
        )
        text = file.read_text(encoding="utf-8")
        if f'id="{anchor.old}"' in text:
            continue  # the page already has it: the old address lands anyway
        found = _element(text, anchor.inside)
        if found is None:
            raise ContentError(
                file=REDIRECTS,
                field=anchor.old,
                message=f"the target '#{anchor.inside}' is not on {anchor.page or './'}",
                fix="retire it to another id",
            )
        end = found.end()
        if found.groupdict().get("tag") == "details":  # a details element opens with summary
            summary = re.compile(r"<summary\b[^>]*>").search(text, end)
            end = summary.end() if summary else end
        span = f'<span class="guide-former-anchor" id="{anchor.old}"></span>'
        file.write_text(text[:end] + span + text[end:], encoding="utf-8")
