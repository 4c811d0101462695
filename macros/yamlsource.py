"""Read YAML data files so that every value remembers the line it came from.

Authors edit these files by hand, so errors must point at a line. We compose the YAML node graph
with PyYAML's safe loader and convert it ourselves: every scalar stays the text that was written
(so `No`, `8:30` and `010` never turn into a boolean or a number behind the author's back),
duplicate keys are refused, and tags, anchors, aliases and merge keys are refused because nothing
in our data needs them and each hides where a value really comes from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from macros.errors import ContentError

# Tags PyYAML's resolver gives plain (untagged) values; an explicit `!tag` is refused separately.
_RESOLVED_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_NULL_TAG = "tag:yaml.org,2002:null"
_MERGE_TAG = "tag:yaml.org,2002:merge"


@dataclass(frozen=True)
class Located:
    """A value read from a data file, with the file and 1-based line it was written on."""

    value: str | list[Located] | dict[str, Located]
    file: str
    line: int


class _PlainLoader(yaml.SafeLoader):
    """The safe loader, refusing the YAML features that make a value's origin unclear."""

    display_name = ""

    def compose_node(self, parent: Node | None, index: object) -> Node | None:
        """Compose one node, refusing aliases, anchors and explicit tags where they are written."""
        event = self.peek_event()
        line = event.start_mark.line + 1
        if isinstance(event, AliasEvent):
            raise self._refuse(line, "YAML aliases (*name) are not used here")
        if isinstance(event, ScalarEvent | CollectionStartEvent):
            if event.anchor is not None:
                raise self._refuse(line, f"YAML anchors (&{event.anchor}) are not used here")
            if event.tag not in (None, "!"):
                tag = event.tag.replace("tag:yaml.org,2002:", "!!")
                raise self._refuse(line, f"YAML tags such as '{tag}' are not used here")
        return super().compose_node(parent, index)

    def _refuse(self, line: int, message: str) -> ContentError:
        return ContentError(
            file=self.display_name,
            line=line,
            message=message,
            fix="write the value out in full as plain text",
        )


def load_yaml(path: Path, display_name: str) -> Located:
    """Load one YAML file into `Located` values; raise ContentError naming the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[: exc.start].count(b"\n") + 1
        raise ContentError(
            file=display_name,
            line=line,
            message="the file is not saved as UTF-8 text",
            fix="save it as UTF-8 in your editor (File, Save with encoding, UTF-8)",
        ) from None
    return parse_yaml(text, display_name)


# Quotes as Word and some editors type them: YAML reads them as letters, not as quotes.
_CURLY_QUOTES = "\u201c\u201d\u2018\u2019"
_KEY = re.compile(r"^\s*(?:-\s+)?([\w-]+):")
# `key: #value`: YAML reads everything after " #" as a note, so the value is silently empty.
_VALUE_AS_NOTE = re.compile(r"^\s*(?:-\s+)?[\w-]+:\s+(#\S+)")


def _tab_in_indent(text: str, display_name: str) -> None:
    """Refuse a tab in a line's indentation by name: YAML's own message does not say "tab"."""
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            raise ContentError(
                file=display_name,
                line=number,
                message="this line is indented with a tab; YAML needs spaces",
                fix="replace the tab with spaces, lined up with the lines above (in your editor, "
                "turn on 'indent using spaces')",
            )


def _yaml_error(exc: yaml.MarkedYAMLError, text: str, display_name: str) -> ContentError:
    """The parser's complaint, naming the trap behind it when there is a known one."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    rows = text.splitlines()
    near = [rows[n - 1] for n in (line, (line or 0) - 1) if n and 0 < n <= len(rows)]
    curly = next((c for row in near for c in row if c in _CURLY_QUOTES), None)
    if curly:
        key = next((m[1] for row in near if (m := _KEY.match(row))), "title")
        return ContentError(
            file=display_name,
            line=line,
            message=f"this line has a curly quote ({curly}), as Word types them; YAML only "
            "understands straight quotes",
            fix=f'put straight double quotes around the value, as in {key}: "Plan: what to say" '
            "(curly quotes inside them are fine)",
        )
    if "'\\t'" in (exc.problem or ""):  # PyYAML writes the tab it found as '\t'
        return ContentError(
            file=display_name,
            line=line,
            message="this line has a tab; YAML needs spaces",
            fix="replace the tab with spaces",
        )
    return ContentError(
        file=display_name,
        line=line,
        message=f"this is not valid YAML ({exc.problem or exc.context})",
        fix="check the indentation and that every 'key: value' pair has a space after "
        "the colon; put text that contains ': ' or starts with a quote inside quotes",
    )


def parse_yaml(text: str, display_name: str) -> Located:
    """Parse YAML text (a file, or a page's front matter padded to its own lines) into `Located`."""
    _tab_in_indent(text, display_name)
    loader = _PlainLoader(text)
    loader.display_name = display_name
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise _yaml_error(exc, text, display_name) from None
    finally:
        loader.dispose()
    if node is None:
        raise ContentError(
            file=display_name, line=1, message="the file is empty", fix="add the data or delete it"
        )
    return _convert(node, display_name, text.splitlines())


def _record_id(node: MappingNode) -> str | None:
    """The `id:` written in a mapping, to name the record in an error before it is read."""
    for key_node, value_node in node.value:
        if key_node.value == "id" and isinstance(value_node, ScalarNode):
            return value_node.value
    return None


def _value_as_note(key: str, value_node: Node, rows: list[str], file: str) -> None:
    """Refuse `key: #1d4f91`, an empty value whose text YAML took for a note."""
    if not (isinstance(value_node, ScalarNode) and value_node.tag == _NULL_TAG):
        return
    line = value_node.start_mark.line
    match = _VALUE_AS_NOTE.match(rows[line]) if line < len(rows) else None
    if match:
        raise ContentError(
            file=file,
            line=line + 1,
            field=key,
            message=f"'{match[1]}' is read as a note, not as the value: YAML ignores "
            "everything from ' #' to the end of the line",
            fix=f'put the value in quotes: {key}: "{match[1]}"',
        )


def _convert(node: Node, file: str, rows: list[str]) -> Located:
    line = node.start_mark.line + 1
    if node.tag not in _RESOLVED_TAGS:
        raise ContentError(
            file=file,
            line=line,
            message=f"unexpected YAML value ({node.tag})",
            fix="write plain text",
        )
    if isinstance(node, ScalarNode):
        return Located("" if node.tag == _NULL_TAG else node.value, file, line)
    if isinstance(node, SequenceNode):
        return Located([_convert(item, file, rows) for item in node.value], file, line)
    assert isinstance(node, MappingNode)
    mapping: dict[str, Located] = {}
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        if key_node.tag == _MERGE_TAG:
            raise ContentError(
                file=file,
                line=key_line,
                message="YAML merge keys (<<) are not used here",
                fix="write every field out in full",
            )
        if not isinstance(key_node, ScalarNode) or key_node.tag not in _RESOLVED_TAGS:
            raise ContentError(
                file=file,
                line=key_line,
                message="a key must be a plain word",
                fix="write 'name: value'",
            )
        key = key_node.value
        if key in mapping:
            raise ContentError(
                file=file,
                line=key_line,
                record=_record_id(node),
                field=key,
                message=f"the key '{key}' appears twice in the same block "
                f"(first on line {mapping[key].line})",
                fix="keep one of them and delete the other",
            )
        _value_as_note(key, value_node, rows, file)
        value = _convert(value_node, file, rows)
        # Report a field at the line of its key, which is where an author looks.
        mapping[key] = Located(value.value, file, key_line)
    return Located(mapping, file, line)
