"""One fixture site for the deep-link tests (site and browser layers), built once per session.

It changes the real guide the way years of editing would: a heading is reworded (its explicit id
stays), a page moves with a redirect, a checklist item is removed, and a page holds checklists
inside a closed box and an inactive tab.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import FixtureSite, make_fixture_site

RENAMED_HEADING = "## Traps to steer clear of {#what-to-avoid}"
REMOVED_ITEM = ("own-it", "say-it-was-you")
HIDDEN_PAGE = """# Hidden targets {#hidden-targets}

Lead-in text so the targets sit far down the page.

FILLER

??? note "A closed box"

    {{ checklist("learn-from-it") }}

=== "First tab"

    Nothing to see here.

=== "Second tab"

    {{ checklist("move-forward") }}
"""
_BUILT: dict[str, tuple[FixtureSite, Path, str]] = {}


def edited_guide(tmp_path: Path) -> FixtureSite:
    """Copy the guide and make the edits described above."""
    site = make_fixture_site(tmp_path)
    site.replace("docs/steps/own-it.md", "## What to avoid {#what-to-avoid}", RENAMED_HEADING)
    managers = site.docs / "managers.md"
    managers.rename(site.docs / "for-managers.md")
    for page in site.docs.glob("*.md"):  # every page that links the moved one follows it
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("](managers.md)", "](for-managers.md)"), encoding="utf-8")
    site.replace("mkdocs.yml", "For managers: managers.md", "For managers: for-managers.md")
    site.replace(
        "data/redirects.yml", "redirects: {}", "redirects:\n  managers.md: for-managers.md"
    )
    changes = site.data / "changes.yml"  # the change log names pages by path: it moves too
    changes.write_text(
        changes.read_text("utf-8").replace(" managers.md", " for-managers.md"), "utf-8"
    )
    item = REMOVED_ITEM[1]
    lines = (site.data / "checklists.yml").read_text(encoding="utf-8").split("\n")
    start = lines.index(f"      - id: {item}")
    end = start + 1
    while end < len(lines) and lines[end].startswith("        "):
        end += 1
    (site.data / "checklists.yml").write_text("\n".join(lines[:start] + lines[end:]), "utf-8")
    filler = "\n\n".join(f"Paragraph {n} of the lead-in." for n in range(1, 40))
    site.write("docs/hidden.md", HIDDEN_PAGE.replace("FILLER", filler))
    site.replace(
        "mkdocs.yml",
        "  - Linking to this guide: linking.md\n",
        "  - Linking to this guide: linking.md\n  - Hidden targets: hidden.md\n",
    )
    return site


def built_edited_guide(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[FixtureSite, Path, str]:
    """The edited guide, built once per session: (fixture, site folder, build output)."""
    if "site" not in _BUILT:
        fixture = edited_guide(tmp_path_factory.mktemp("links-fixture"))
        result = fixture.build()
        assert result.returncode == 0, result.stderr[-3000:]
        _BUILT["site"] = (fixture, fixture.root / "site", result.stderr)
    return _BUILT["site"]
