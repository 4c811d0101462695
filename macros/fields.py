"""Typed reading of one YAML record: each getter checks one field and says where it went wrong.

A `Record` wraps a mapping from `yamlsource`; the getters return plain Python values and raise
`ContentError` with the file, line, record id and field. `finish()` refuses fields nobody read,
which catches typos such as `titel:` that would otherwise vanish silently. Every text field is
refused if it holds raw HTML or a script address, with a message showing the Markdown way.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from macros import inline
from macros.addresses import WEB_LINK, is_page_link
from macros.errors import ContentError
from macros.yamlsource import Located

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_RAW_HTML = re.compile(r"<(/?[A-Za-z][A-Za-z0-9-]*|!--|![A-Za-z]|\?)")
_SCRIPT_URL = re.compile(r"\b(?:java|vb)script\s*:", re.IGNORECASE)
_MARKDOWN_LINK = re.compile(r"!?\[[^\]]*\]\([^)]*\)")
_DIGITS = re.compile(r"^[0-9]+$")

MARKDOWN_HELP = (
    "use Markdown instead: *italic*, **bold**, [link text](https://example.org) or "
    "[link text](steps/tell-your-manager.md) for a page of this guide"
)
LINK_HELP = (
    "link to a full web address (https://...), an email (mailto:name@example.org), a phone "
    "number (tel:+15551234567) or a page of this guide written from docs/, such as "
    "steps/tell-your-manager.md or steps/own-it.md#what-to-do"
)
_HTML_FIXES = {
    ("b", "strong"): "write **bold text** instead of <b> or <strong>",
    ("i", "em"): "write *italic text* instead of <i> or <em>",
    ("a", "http", "https", "mailto"): "write a link as [link text](https://example.org)",
    ("br", "p"): "write one sentence after another; the text is shown as one paragraph",
    ("code",): "put code between backticks: `like this`",
    ("img",): "images cannot go in a data field; put them on a page in docs/",
}


def article(kind: str) -> str:
    """`kind` with "a" or "an" in front, for messages."""
    return f"an {kind}" if kind[:1] in "aeiou" else f"a {kind}"


def html_fix(tag: str) -> str:
    """The Markdown way to get what the raw HTML `tag` was meant to do."""
    name = tag.lstrip("/").lower()
    for tags, fix in _HTML_FIXES.items():
        if name in tags:
            return fix
    return MARKDOWN_HELP


class Record:
    """One mapping in a data file, read field by field.

    `label` names the record in errors until its id is known ("checklist 2"); `docs_dir`, when
    given, is where links to pages of the guide must exist; `prefix` names a nested block's
    fields in errors as `hr_contact.name`.
    """

    def __init__(
        self,
        located: Located,
        kind: str,
        record_id: str | None = None,
        *,
        label: str | None = None,
        docs_dir: Path | None = None,
        prefix: str = "",
    ) -> None:
        self.located = located
        self.prefix = prefix
        self.kind = kind
        self.record_id = record_id
        self.label = label
        self.docs_dir = docs_dir
        if not isinstance(located.value, dict):
            raise self.error(
                None,
                f"expected {article(kind)} written as 'key: value' lines",
                f"write the {kind} as indented 'key: value' lines",
            )
        self.fields: dict[str, Located] = located.value
        self._read: set[str] = set()

    @property
    def file(self) -> str:
        """The data file this record came from."""
        return self.located.file

    def error(
        self, field: str | None, message: str, fix: str, line: int | None = None
    ) -> ContentError:
        """Build an error about this record, defaulting to the field's own line."""
        if line is None:
            fields = self.located.value if isinstance(self.located.value, dict) else {}
            line = fields[field].line if field in fields else self.located.line
        return ContentError(
            file=self.file,
            line=line,
            record=self.record_id or self.label,
            field=f"{self.prefix}{field}" if field else None,
            message=message,
            fix=fix,
        )

    def _get(self, name: str, required: bool) -> Located | None:
        self._read.add(name)
        value = self.fields.get(name)
        if value is None or (isinstance(value.value, str) and not value.value.strip()):
            typo = difflib.get_close_matches(name, [k for k in self.fields if k != name], 1, 0.75)
            if required and typo:
                raise self.error(
                    typo[0],
                    f"the {self.kind} has no '{name}'; '{typo[0]}' looks like a misspelling of it",
                    f"rename '{typo[0]}' to '{name}'",
                )
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
        text = self._string(name, required)
        if _MARKDOWN_LINK.search(text):
            raise self.error(
                name,
                f"'{name}' is shown as plain text, so a link here would show as brackets",
                "remove the link, or put it in a field that allows links (why, detail, "
                "situation, the steps of an example, outcome, lesson)",
            )
        return text

    def markdown(self, name: str, *, required: bool = True) -> str:
        """A text field that allows inline Markdown (emphasis, code, links), never raw HTML."""
        text = self._string(name, required)
        if "![" in text:
            raise self.error(
                name,
                f"'{name}' contains an image (![...](...)); images cannot go in a data field",
                "remove it; put images on a page in docs/",
            )
        for target in inline.links(text):
            self._check_link(name, target)
        return text

    def _string(self, name: str, required: bool) -> str:
        value = self._get(name, required)
        if value is None:
            return ""
        if not isinstance(value.value, str):
            raise self.error(
                name,
                f"'{name}' must be text, not a list or a block",
                f"write '{name}: your text' on one line",
            )
        text = " ".join(value.value.split())
        html = _RAW_HTML.search(text)
        if html:
            raise self.error(
                name,
                f"'{name}' contains HTML ('<{html.group(1)}'), which is not allowed in data",
                html_fix(html.group(1)),
            )
        if _SCRIPT_URL.search(text):
            raise self.error(name, f"'{name}' contains a javascript: address", LINK_HELP)
        return text

    def _check_link(self, name: str, target: str) -> None:
        if WEB_LINK.match(target):
            return
        if not is_page_link(target):
            raise self.error(
                name, f"the link target '{target}' is not allowed here", f"{LINK_HELP}"
            )
        path = target.partition("#")[0]
        if self.docs_dir is not None and not (self.docs_dir / path).is_file():
            raise self.error(
                name,
                f"the link '{target}' points to a page that does not exist in docs/",
                "check the spelling; write the page's path from docs/, "
                "such as steps/tell-your-manager.md",
            )

    def identifier(self, name: str = "id") -> str:
        """A stable id: lower-case words joined by hyphens."""
        value = self.text(name)
        if not ID_PATTERN.match(value):
            raise self.error(
                name,
                f"'{value}' is not a valid id",
                "use lower-case letters, digits and single hyphens, "
                "for example 'tell-your-manager'",
            )
        return value

    def integer(self, name: str) -> int:
        """A whole number written as digits."""
        value = self.text(name)
        if not _DIGITS.match(value):
            raise self.error(
                name, f"'{name}' must be a whole number, not '{value}'", "write digits only"
            )
        return int(value)

    def choice(self, name: str, options: tuple[str, ...]) -> str:
        """One of a fixed set of words."""
        value = self.text(name)
        if value not in options:
            raise self.error(
                name,
                f"'{value}' is not one of {', '.join(options)}",
                f"use one of: {', '.join(options)}",
            )
        return value

    def records(self, name: str, kind: str, *, required: bool = True) -> list[Located]:
        """A non-empty list of nested mappings."""
        value = self._get(name, required)
        if value is None:
            return []
        if not isinstance(value.value, list):
            raise self.error(
                name, f"'{name}' must be a list", f"start each entry with '- ' under '{name}:'"
            )
        if not value.value:
            raise self.error(name, f"'{name}' is empty", f"add at least one {kind}")
        return value.value

    def words(self, name: str) -> list[tuple[str, int]]:
        """An optional list of plain one-line values (paths, ids), each with its line."""
        value = self._get(name, required=False)
        if value is None:
            return []
        entries = value.value if isinstance(value.value, list) else None
        if entries is None or not all(isinstance(e.value, str) and e.value for e in entries):
            raise self.error(
                name,
                f"'{name}' must be a list of plain values",
                f"write '{name}: [first, second]' or one '- value' line each under '{name}:'",
            )
        return [(entry.value.strip(), entry.line) for entry in entries]

    def mapping(self, name: str, kind: str, *, required: bool = True) -> Record | None:
        """A nested mapping read as its own record (same record id, same link rules)."""
        value = self._get(name, required)
        if value is None:
            return None
        return Record(
            value, kind, self.record_id, label=self.label, docs_dir=self.docs_dir, prefix=f"{name}."
        )

    def finish(self) -> None:
        """Refuse fields that no getter asked for: usually a typo of a real field name."""
        for name, value in self.fields.items():
            if name not in self._read:
                known = ", ".join(sorted(self._read))
                raise self.error(
                    name,
                    f"'{name}' is not a field of {article(self.kind)}",
                    f"check the spelling; the fields are: {known}",
                    line=value.line,
                )
