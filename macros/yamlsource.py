"""Read YAML data files so that every value remembers the line it came from.

Authors edit these files by hand, so errors must point at a line. We compose the YAML node graph
with PyYAML's safe composer and convert it ourselves: every scalar stays a string (so `No`, `8:30`
and `010` never turn into a boolean or a number behind the author's back), duplicate keys are
refused, and tags, anchors and aliases are refused because nothing in our data needs them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from macros.errors import ContentError

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    # Implicit tags PyYAML resolves for plain scalars; we keep the text as it was written.
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}


@dataclass(frozen=True)
class Located:
    """A value read from a data file, with the file and 1-based line it was written on."""

    value: str | list[Located] | dict[str, Located]
    file: str
    line: int


def load_yaml(path: Path, display_name: str) -> Located:
    """Load one YAML file into `Located` values; raise ContentError naming the file and line."""
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise ContentError(
            file=display_name,
            line=line,
            message=f"this is not valid YAML ({exc.problem or exc.context})",
            fix="check the indentation and that every 'key: value' pair has a space after "
            "the colon; put text that contains ': ' or starts with a quote inside quotes",
        ) from None
    if node is None:
        raise ContentError(
            file=display_name, line=1, message="the file is empty", fix="add the data or delete it"
        )
    return _convert(node, display_name, set())


def _convert(node: Node, file: str, seen_anchors: set[int]) -> Located:
    line = node.start_mark.line + 1
    if node.tag not in _PLAIN_TAGS or getattr(node, "anchor", None):
        raise ContentError(
            file=file,
            line=line,
            message=f"YAML tags, anchors and aliases are not used here (found '{node.tag}')",
            fix="write the value out in full as plain text",
        )
    if id(node) in seen_anchors:
        raise ContentError(
            file=file,
            line=line,
            message="YAML aliases (*name) are not used here",
            fix="write the value out in full",
        )
    seen_anchors.add(id(node))
    if isinstance(node, ScalarNode):
        return Located(node.value if node.tag != "tag:yaml.org,2002:null" else "", file, line)
    if isinstance(node, SequenceNode):
        return Located([_convert(item, file, seen_anchors) for item in node.value], file, line)
    assert isinstance(node, MappingNode)
    mapping: dict[str, Located] = {}
    for key_node, value_node in node.value:
        key_line = key_node.start_mark.line + 1
        if not isinstance(key_node, ScalarNode):
            raise ContentError(
                file=file, line=key_line, message="a key must be a plain word", fix="use 'name: value'"
            )
        key = key_node.value
        if key in mapping:
            raise ContentError(
                file=file,
                line=key_line,
                field=key,
                message=f"the key '{key}' appears twice in the same block "
                f"(first on line {mapping[key].line})",
                fix="keep one of them and delete the other",
            )
        value = _convert(value_node, file, seen_anchors)
        # Report a field at the line of its key, which is where an author looks.
        mapping[key] = Located(value.value, file, key_line)
    return Located(mapping, file, line)
