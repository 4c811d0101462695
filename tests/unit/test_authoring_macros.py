"""AUTHORING.md's table of macros agrees with the signatures, so authors copy working calls."""

from __future__ import annotations

import ast
import re

import pytest

from macros.errors import MacroArgumentError
from macros.printing.options import print_options
from macros.registry import check_arguments, macros_for
from tests.support import ROOT

MACROS = macros_for(print_options("Guide", {}), ROOT / "docs")
_CALL = re.compile(r"`\{\{\s*(?P<name>\w+)\((?P<args>[^`]*)\)\s*\}\}`")
_SETTING = re.compile(r"`(?P<name>[a-z_]+)=(?P<value>[^`]+)`")


def table_rows() -> list[tuple[str, str]]:
    """(first cell, second cell) of each row of the table under '## The macros'."""
    text = (ROOT / "AUTHORING.md").read_text(encoding="utf-8")
    section = text.split("## The macros", 1)[1].split("\n## ", 1)[0]
    rows = [line.split(" | ") for line in section.splitlines() if line.startswith("| `{{")]
    return [(cells[0].lstrip("| "), cells[1].rstrip(" |")) for cells in rows]


def jinja_values(arguments: str) -> tuple[tuple, dict]:
    """The positional and keyword values of a call as written in a page (`true`, `"text"`)."""
    call = ast.parse(f"f({arguments})", mode="eval").body
    assert isinstance(call, ast.Call)
    names = {"true": True, "false": False, "none": None}

    def value(node: ast.expr) -> object:
        return names[node.id] if isinstance(node, ast.Name) else ast.literal_eval(node)

    return tuple(value(a) for a in call.args), {k.arg: value(k.value) for k in call.keywords}


ROWS = table_rows()
DOCUMENTED = {m["name"]: m["args"] for first, _ in ROWS for m in _CALL.finditer(first)}


def test_the_table_was_found() -> None:
    assert len(ROWS) >= 10, "AUTHORING.md must keep its '## The macros' table"


@pytest.mark.parametrize("name", sorted(MACROS))
def test_every_macro_is_in_the_table(name: str) -> None:
    assert name in DOCUMENTED, (
        f"{name}() is a macro but AUTHORING.md's table of macros does not show it: add a row "
        f"'| `{{{{ {name}(...) }}}}` | what it shows |'"
    )


@pytest.mark.parametrize(("first", "second"), ROWS, ids=[row[0][:40] for row in ROWS])
def test_every_call_and_setting_in_the_table_fits_the_signature(first: str, second: str) -> None:
    calls = list(_CALL.finditer(first))
    assert calls, f"no macro call in the row {first!r}"
    for match in calls:
        name = match["name"]
        assert name in MACROS, f"AUTHORING.md shows {name}(), which is not a macro"
        args, kwargs = jinja_values(match["args"])
        check_arguments(name, MACROS[name], args, kwargs)
        for setting in _SETTING.finditer(second):
            extra = jinja_values(f"{setting['name']}={setting['value']}")[1]
            try:
                check_arguments(name, MACROS[name], args, {**kwargs, **extra})
            except MacroArgumentError as error:
                pytest.fail(f"AUTHORING.md says {name}() takes `{setting[0]}`: {error}")


def test_the_check_catches_a_setting_a_macro_does_not_take() -> None:
    with pytest.raises(MacroArgumentError):
        check_arguments("steps_overview", MACROS["steps_overview"], (), {"heading_level": 2})
