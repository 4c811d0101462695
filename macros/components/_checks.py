"""Argument checks shared by the components, so every wrong call is reported the same way."""

from __future__ import annotations

from collections.abc import Iterable

from macros.errors import MacroArgumentError, did_you_mean


def known_id(kind: str, value: object, known: Iterable[str]) -> str:
    """Return `value` when it names a known record, else explain which ids exist."""
    names = sorted(known)
    if not isinstance(value, str) or value not in names:
        raise MacroArgumentError(
            f"there is no {kind} with the id {value!r}",
            f"{did_you_mean(value, names)}use one of: {', '.join(names)} (ids are listed in data/)",
        )
    return value


def check_heading_level(value: object) -> int:
    """Headings inside components sit below the page's own h1 and h2."""
    if not isinstance(value, int) or isinstance(value, bool) or not 2 <= value <= 4:
        raise MacroArgumentError(
            f"heading_level must be 2, 3 or 4, not {value!r}",
            "write heading_level=3, without quotes",
        )
    return value


def plain_words(name: str, value: object) -> str:
    """Link text a page passes to a macro: words on one line, no brackets or HTML."""
    if not isinstance(value, str) or not value.strip() or any(c in value for c in "[]<>\n"):
        raise MacroArgumentError(
            f"{name} must be plain words on one line, not {value!r}",
            f'write {name}="your words", without [ ] < > or line breaks',
        )
    return value.strip()


def check_flag(name: str, value: object) -> bool:
    """A yes/no argument must be a real boolean: the string "false" would read as true."""
    if not isinstance(value, bool):
        raise MacroArgumentError(
            f"{name} must be true or false, not {value!r}", f"write {name}=true, without quotes"
        )
    return value
