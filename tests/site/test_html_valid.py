"""Valid HTML: html-validate (pinned in node_modules) passes every built page, go/ pages included.

The rules are html-validate's "standard" preset (conformance, no style opinions) as configured in
.htmlvalidate.json. A rule waived there must be for the theme's markup, carry its reason, appear in
the README, and be backed by a check here that our own markup does not rely on the waiver.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.browser.pages import built_pages
from tests.support import ROOT

HTML_VALIDATE = ROOT / "node_modules" / ".bin" / "html-validate"
CONFIG = ROOT / ".htmlvalidate.json"
# Material's own state checkboxes in base.html, the only ones allowed autocomplete (waived rule).
THEME_AUTOCOMPLETE_CHECKBOXES = {"__drawer", "__search"}


def waived_rules() -> dict[str, str]:
    """Rules .htmlvalidate.json turns off, with the reason written beside each."""
    rules = json.loads(CONFIG.read_text("utf-8")).get("rules", {})
    waived = {}
    for rule, setting in rules.items():
        severity, options = (setting[0], setting[1]) if isinstance(setting, list) else (setting, {})
        if severity in ("off", 0):
            waived[rule] = options.get("reason", "")
    return waived


def test_every_built_page_is_valid_html(built_site: Path, tmp_path: Path) -> None:
    if not HTML_VALIDATE.exists() or shutil.which("node") is None:
        pytest.fail("html-validate needs Node.js and node_modules: run 'make test' (npm ci)")
    pages = built_pages(built_site)
    report = tmp_path / "html-validate.json"
    subprocess.run(
        [str(HTML_VALIDATE), "--config", str(CONFIG), "--formatter", f"json={report}"]
        + [page.path for page in pages],
        cwd=built_site,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    results = json.loads(report.read_text("utf-8"))
    errors = [
        f"{Path(result['filePath']).as_posix()}:{m['line']}:{m['column']} {m['ruleId']}: "
        f"{m['message']} ({m.get('selector')})"
        for result in results
        for m in result["messages"]
        if m["severity"] == 2
    ]
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(errors[:50])
    assert len(pages) >= 10


def test_waived_rules_have_reasons_and_are_listed_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    for rule, reason in waived_rules().items():
        assert len(reason) > 40, f".htmlvalidate.json: give the reason for waiving {rule}"
        assert f"`{rule}`" in readme, f"README.md: list the waived html-validate rule `{rule}`"


def test_only_the_themes_own_checkboxes_carry_autocomplete(built_site: Path) -> None:
    """Backs the valid-autocomplete waiver: our markup never puts autocomplete on a checkbox."""
    assert "valid-autocomplete" in waived_rules()
    offenders = []
    for page in built_pages(built_site):
        soup = BeautifulSoup(page.file.read_text("utf-8"), "lxml")
        for box in soup.select("input[type=checkbox][autocomplete]"):
            if box.get("id") not in THEME_AUTOCOMPLETE_CHECKBOXES:
                offenders.append(f"{page.path}: {box}")
    assert not offenders, "autocomplete is not allowed on checkboxes:\n" + "\n".join(offenders)
