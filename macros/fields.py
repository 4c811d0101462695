"""Typed reading of one YAML record: each getter checks one field and says where it went wrong.

A `Record` wraps a mapping from `yamlsource`; the getters return plain Python values and raise
`ContentError` with the file, line, record id and field. `finish()` refuses fields nobody read,
which catches typos such as `titel:` that would otherwise vanish silently.
"""

from __future__ import annotations

import re

from macros.errors import ContentError
from macros.yamlsource import Located

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_RAW_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!?][^>]*>|<\s*[a-zA-Z]")
_SCRIPT_URL = re.compile(r"\]\(\s*(?:javascript|vbscript|data):", re.IGNORECASE)
_LINK_TARGET = re.compile(r"\]\(\s*([^)\s]+)")
ALLOWED_LINK = re.compile(r"^(?:https?://|mailto:|tel:|#|[A-Za-z0-9_./-]+\.md(?:#[\w-]+)?$)")

MARKDOWN_HELP = (
    "use Markdown instead: *italic*, **bold**, [link text](https://example.org) or "
    "[link text](steps/inform-your-manager.md) for a page of this guide"
)


class Record:
    """One mapping in a data file, read field by field."""

    def __init__(self, located: Located, kind: str, record_id: str | None = None) -> None:
        if not isinstance(located.value, dict):
            raise ContentError(
                file=located.file,
                line=located.line,
                record=record_id,
                message=f"expected a {kind} written as 'key: value' lines",
                fix=f"write the {kind} as indented 'key: value' lines",
            )
        self.located = located
        self.fields: dict[str, Located] = located.value
        self.kind = kind
        self.record_id = record_id
        self._read: set[str] = set()

    @property
    def file(self) -> str:
        """The data file this record came from."""
        return self.located.file

    def error(self, field: str | None, message: str, fix: str, line: int | None = None) -> ContentError:
        """Build an error about this record, defaulting to the field's own line."""
        if line is None:
            line = self.fields[field].line if field in self.fields else self.located.line
        return ContentError(
            file=self.file, line=line, record=self.record_id, field=field, message=message, fix=fix
        )

    def _get(self, name: str, required: bool) -> Located | None:
        self._read.add(name)
        value = self.fields.get(name)
        if value is None or value.value == "":
            if required:
                raise self.error(
                    name,
                    f"the {self.kind} has no '{name}'",
                    f"add a line '{name}: ...' to this {self.kind}",
                )
            return None
        return value

    def text(self, name: str, *, required: bool = True) -> str:
        """A plain-text field: no markup of any kind; escaped on output."""
        value = self._get(name, required)
        if value is None:
            return ""
        if not isinstance(value.value, str):
            raise self.error(name, f"'{name}' must be text", f"write '{name}: your text' on one line")
        text = " ".join(value.value.split())
        if _RAW_HTML.search(text):
            raise self.error(name, f"'{name}' contains HTML, which is not allowed here", MARKDOWN_HELP)
        return text

    def markdown(self, name: str, *, required: bool = True) -> str:
        """A text field that allows inline Markdown (emphasis, code, links), never raw HTML."""
        text = self.text(name, required=required)
        if _SCRIPT_URL.search(text):
            raise self.error(name, "links must not use javascript:, vbscript: or data:", MARKDOWN_HELP)
        for target in _LINK_TARGET.findall(text):
            if not ALLOWED_LINK.match(target):
                raise self.error(
                    name,
                    f"the link target '{target}' is neither a web address nor a page of this guide",
                    "link to https://..., mailto:..., or a page such as steps/inform-your-manager.md",
                )
        return text

    def identifier(self, name: str = "id") -> str:
        """A stable id: lower-case words joined by hyphens."""
        value = self.text(name)
        if not ID_PATTERN.match(value):
            raise self.error(
                name,
                f"'{value}' is not a valid id",
                "use lower-case letters, digits and single hyphens, for example 'tell-your-manager'",
            )
        return value

    def integer(self, name: str) -> int:
        """A whole number written as digits."""
        value = self.text(name)
        if not value.isdigit():
            raise self.error(name, f"'{name}' must be a whole number, not '{value}'", "write digits only")
        return int(value)

    def choice(self, name: str, options: tuple[str, ...]) -> str:
        """One of a fixed set of words."""
        value = self.text(name)
        if value not in options:
            raise self.error(
                name, f"'{value}' is not one of {', '.join(options)}", f"use one of: {', '.join(options)}"
            )
        return value

    def records(self, name: str, kind: str, *, required: bool = True) -> list[Located]:
        """A non-empty list of nested mappings."""
        value = self._get(name, required)
        if value is None:
            return []
        if not isinstance(value.value, list):
            raise self.error(name, f"'{name}' must be a list", f"start each entry with '- ' under '{name}:'")
        if not value.value:
            raise self.error(name, f"'{name}' is empty", f"add at least one {kind}")
        return value.value

    def mapping(self, name: str, kind: str, *, required: bool = True) -> Record | None:
        """A nested mapping read as its own record."""
        value = self._get(name, required)
        if value is None:
            return None
        return Record(value, kind, self.record_id)

    def finish(self) -> None:
        """Refuse fields that no getter asked for: usually a typo of a real field name."""
        for name, value in self.fields.items():
            if name not in self._read:
                known = ", ".join(sorted(self._read))
                raise self.error(
                    name,
                    f"'{name}' is not a field of a {self.kind}",
                    f"check the spelling; the fields are: {known}",
                    line=value.line,
                )
