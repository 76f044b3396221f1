"""Load YAML the way content needs it: safe, without aliases, with the line of every value.

Aliases are refused because nothing in the content needs them and nested anchors are the
classic "billion laughs" bomb. Timestamps stay strings: the schema checks date formats and
JSON Schema cannot validate ``datetime.date`` objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

Path = tuple[str | int, ...]


# PyYAML composes nested values recursively: [[[[...]]]] a few thousand deep would exhaust
# Python's stack. Content never nests more than a handful of levels.
MAX_DEPTH = 32


class _ContentLoader(yaml.SafeLoader):
    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None,
                None,
                "aliases (*name) are not allowed in content files; write the value out",
                event.start_mark,
            )
        if self._depth >= MAX_DEPTH:
            raise yaml.composer.ComposerError(
                None,
                None,
                f"values are nested more than {MAX_DEPTH} levels deep; content files never "
                "need that",
                self.peek_event().start_mark,
            )
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


# Remove the implicit timestamp resolver so that 2014-09-01 stays the string "2014-09-01".
_ContentLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class YamlDocument:
    data: Any
    lines: dict[Path, int]
    line_offset: int = 0

    def line_of(self, path: Path) -> int:
        """The line of the value at ``path``, or of its nearest ancestor present in the file."""
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1) + self.line_offset


class YamlSyntaxError(ValueError):
    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(f"line {line}: {message}")


def load_yaml(text: str, line_offset: int = 0) -> YamlDocument:
    """Parse one YAML document; raise :class:`YamlSyntaxError` with a 1-based line."""
    loader = _ContentLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDocument(None, {(): 1}, line_offset)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        raise YamlSyntaxError(line, _describe(exc)) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(1 + line_offset, str(exc)) from None
    finally:
        loader.dispose()
    _refuse_duplicate_keys(node, line_offset)
    lines: dict[Path, int] = {}
    _index_lines(node, (), lines)
    return YamlDocument(data, lines, line_offset)


def _describe(exc: yaml.MarkedYAMLError) -> str:
    parts = [p for p in (exc.context, exc.problem) if p]
    return "invalid YAML: " + ("; ".join(parts) if parts else "cannot parse")


def _refuse_duplicate_keys(node: yaml.Node, line_offset: int) -> None:
    """PyYAML keeps the last of two equal keys silently; in content that loses an edit."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1 + line_offset
            if key_node.value in seen:
                raise YamlSyntaxError(
                    line,
                    f"invalid YAML: the key '{key_node.value}' appears twice (first on line "
                    f"{seen[key_node.value]}); keep one",
                )
            seen[key_node.value] = line
            _refuse_duplicate_keys(value_node, line_offset)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _refuse_duplicate_keys(item, line_offset)


def _index_lines(node: yaml.Node, path: Path, lines: dict[Path, int]) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value
            lines[(*path, key)] = key_node.start_mark.line + 1
            _index_lines(value_node, (*path, key), lines)
            # The key's own line is where a reader looks for the field.
            lines[(*path, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index_lines(item, (*path, index), lines)
