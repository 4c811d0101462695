"""A pytest plugin that makes MkDocs, its plugins and Material impossible to import.

`pytest -p tests.seams.no_mkdocs tests/unit` runs the engine's tests as if MkDocs were not
installed: any import of it, however indirect, fails the test that made it.
"""

from __future__ import annotations

import sys
from importlib.abc import MetaPathFinder

BLOCKED = ("mkdocs", "mkdocs_macros", "material")


class NoMkDocs(MetaPathFinder):
    """Refuses the blocked packages as if they were not installed."""

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> None:
        """Refuse a blocked package or any module inside one."""
        if fullname.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named '{fullname}' (blocked: engine test)")


def install() -> None:
    """Block the packages from now on; refuse to start if one is already imported."""
    already = sorted(name for name in sys.modules if name.split(".")[0] in BLOCKED)
    if already:
        raise RuntimeError(f"imported before the blocker could stop them: {already}")
    sys.meta_path.insert(0, NoMkDocs())


def pytest_load_initial_conftests(early_config: object, parser: object, args: list[str]) -> None:
    """Block before any conftest or test module is imported (a `-p` plugin is loaded first)."""
    install()
