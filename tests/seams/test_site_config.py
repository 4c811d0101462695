"""The engine reads mkdocs.yml without MkDocs (macros/siteconfig.py) as MkDocs reads it."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config

from macros.siteconfig import site_config
from tests.support import ROOT


@pytest.mark.parametrize("name", ["mkdocs.yml", "mkdocs.offline.yml"])
def test_the_engine_reads_the_config_as_mkdocs_does(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GUIDE_PUBLIC_URL", "https://intranet.example/hr/guide/")
    ours = site_config(ROOT / name)
    theirs = load_config(str(ROOT / name))
    for plugin in theirs.plugins.values():  # the offline plugin turns directory URLs off here
        if type(plugin).__name__ == "OfflinePlugin":
            plugin.on_config(theirs)
    assert ours.root == ROOT.resolve()
    assert ours.site_name == theirs.site_name
    assert ours.docs_dir == Path(theirs.docs_dir)
    assert ours.directory_urls == theirs.use_directory_urls
    assert ours.language == theirs.theme["language"]
    assert list(ours.extra_css) == list(theirs.extra_css)
    assert ours.extra["public_url"] == theirs.extra["public_url"]
    theirs_scripts = [str(script) for script in theirs.extra_javascript]
    assert [script.path for script in ours.scripts] == theirs_scripts
    assert ours.custom_dir == Path(theirs.theme.custom_dir)
    assert ours.asset_plan.bundles, "our stylesheets and scripts are joined into bundles"
