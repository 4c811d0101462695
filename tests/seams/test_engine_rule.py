"""The engine imports nothing from MkDocs: only macros/glue/ (and the plugin entry) may.

Material reaches end of life, MkDocs 2 drops plugins and Zensical runs macros but not hooks, so
the content model, components, cards, catalogue and link check must run without MkDocs. Two
checks keep that true: a scan of every engine module's imports, and the engine's own tests run
with MkDocs made impossible to import.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.seams.no_mkdocs import BLOCKED
from tests.support import ROOT

PYTEST = (sys.executable, "-m", "pytest")
ENGINE = ROOT / "macros"
GLUE = ENGINE / "glue"
ENTRY = ENGINE / "__init__.py"  # mkdocs-macros' module_name: hands over to the glue when called


def forbidden_imports(source: str, path: str, entry: bool = False) -> list[str]:
    """Each import of MkDocs, its plugins or Material, or of the glue, as 'path:line: module'."""
    found = []
    tree = ast.parse(source, filename=path)
    top_level = {id(node) for node in tree.body}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        else:
            continue
        for name in names:
            toolchain = name.split(".")[0] in BLOCKED
            # The entry may reach the glue inside define_env, never when the engine is imported.
            glue = name == "macros.glue" or name.startswith("macros.glue.")
            if toolchain or (glue and (not entry or id(node) in top_level)):
                found.append(f"{path}:{node.lineno}: imports {name}")
                break
    return found


def engine_modules() -> list[Path]:
    return sorted(p for p in ENGINE.rglob("*.py") if GLUE not in p.parents)


def test_the_scan_sees_the_engine() -> None:
    names = {p.relative_to(ENGINE).as_posix() for p in engine_modules()}
    assert {"registry.py", "catalogue.py", "printing/pages.py", "content/model.py"} <= names
    assert not any(name.startswith("glue/") for name in names)


@pytest.mark.parametrize(
    "source",
    [
        "import mkdocs\n",
        "from mkdocs.structure.files import File\n",
        "import mkdocs_macros.errors as errors\n",
        "from material.plugins import search\n",
        "def later():\n    from mkdocs.exceptions import PluginError\n",
        "from macros.glue.plugin import define_env\n",
        "from macros import glue\n",
    ],
)
def test_the_scan_catches_every_form_of_import(source: str) -> None:
    assert forbidden_imports(source, "macros/x.py")


def test_the_entry_may_reach_the_glue_only_when_called() -> None:
    inside = "def define_env(env):\n    from macros.glue.plugin import define_env\n"
    assert forbidden_imports(inside, "macros/__init__.py", entry=True) == []
    assert forbidden_imports("from macros.glue.plugin import define_env\n", "x", entry=True)


def test_no_engine_module_imports_mkdocs_or_the_glue() -> None:
    problems = [
        problem
        for path in engine_modules()
        for problem in forbidden_imports(
            path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix(), path == ENTRY
        )
    ]
    assert not problems, (
        "The engine must not import MkDocs, mkdocs-macros, Material or the glue:\n  "
        + "\n  ".join(problems)
        + "\nFix: move the MkDocs part into macros/glue/ and pass the engine plain values."
    )


def test_the_engine_tests_pass_with_mkdocs_impossible_to_import() -> None:
    """tests/unit in a fresh interpreter where importing MkDocs fails, as if uninstalled."""
    result = subprocess.run(
        [
            *PYTEST,
            "tests/unit",
            "-q",
            "-x",
            "-p",
            "no:cacheprovider",
            "-p",
            "tests.seams.no_mkdocs",
            # Ruff's check of the whole repository is style, not the engine; the suite runs it.
            "--ignore=tests/unit/test_lint.py",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout.splitlines()[-1]


def test_the_blocker_really_blocks() -> None:
    code = "from tests.seams.no_mkdocs import install\ninstall()\nimport mkdocs.config"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert "blocked: engine test" in result.stderr
