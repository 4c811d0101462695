"""Read YAML data files so that every value remembers the line it came from.

Authors edit these files by hand, so errors must point at a line. We compose the YAML node graph
with PyYAML's safe loader and convert it ourselves: every scalar stays the text that was written
(so `No`, `8:30` and `010` never turn into a boolean or a number behind the author's back),
duplicate keys are refused, and tags, anchors, aliases and merge keys are refused because nothing
in our data needs them and each hides where a value really comes from.
"""

from __future__ import annotations

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


def parse_yaml(text: str, display_name: str) -> Located:
    """Parse YAML text (a file, or a page's front matter padded to its own lines) into `Located`."""
    loader = _PlainLoader(text)
    loader.display_name = display_name
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise ContentError(
            file=display_name,
            line=mark.line + 1 if mark else None,
            message=f"this is not valid YAML ({exc.problem or exc.context})",
            fix="check the indentation and that every 'key: value' pair has a space after "
            "the colon; put text that contains ': ' or starts with a quote inside quotes",
        ) from None
    finally:
        loader.dispose()
    if node is None:
        raise ContentError(
            file=display_name, line=1, message="the file is empty", fix="add the data or delete it"
        )
    return _convert(node, display_name)


def _record_id(node: MappingNode) -> str | None:
    """The `id:` written in a mapping, to name the record in an error before it is read."""
    for key_node, value_node in node.value:
        if key_node.value == "id" and isinstance(value_node, ScalarNode):
            return value_node.value
    return None


def _convert(node: Node, file: str) -> Located:
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
        return Located([_convert(item, file) for item in node.value], file, line)
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
        value = _convert(value_node, file)
        # Report a field at the line of its key, which is where an author looks.
        mapping[key] = Located(value.value, file, key_line)
    return Located(mapping, file, line)
