"""Load YAML the way content needs it: safe, without aliases, with the line of every value.

Aliases are refused because nothing in the content needs them and nested anchors are the
classic "billion laughs" bomb. Timestamps stay strings: the schema checks date formats and
JSON Schema cannot validate ``datetime.date`` objects.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

Path = tuple[str | int, ...]


# PyYAML composes nested values recursively: [[[[...]]]] a few thousand deep would exhaust
# Python's stack. Content never nests more than a handful of levels.
MAX_DEPTH = 32


class _ContentComposer(yaml.composer.Composer):
    """Composes nodes from parser events, refusing aliases and deep nesting."""

    _depth = 0
    check_event: Callable[..., bool]  # both from the parser it is combined with
    peek_event: Callable[[], Any]

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
_RESOLVERS = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _ContentLoader(_ContentComposer, yaml.SafeLoader):
    """Pure Python: its error messages are the ones content authors read."""

    yaml_implicit_resolvers = _RESOLVERS


if yaml.__with_libyaml__:
    # libyaml scans and parses about seven times faster than PyYAML's Python scanner; nodes
    # are still composed in Python, so every value keeps its line and the checks above hold.
    class _FastContentLoader(
        _ContentComposer,
        yaml._yaml.CParser,
        yaml.constructor.SafeConstructor,
        yaml.resolver.Resolver,
    ):
        yaml_implicit_resolvers = _RESOLVERS

        def __init__(self, stream: str) -> None:
            yaml._yaml.CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

    _LOADERS: tuple[type[Any], ...] = (_FastContentLoader, _ContentLoader)
else:  # pragma: no cover - PyYAML built without libyaml
    _LOADERS = (_ContentLoader,)


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
    try:
        node, data = _parse(_LOADERS[0], text)
    except yaml.YAMLError:
        # Bad input is rare: parse it again with PyYAML, so the message and line are the ones
        # check has always given (and what PyYAML accepts is accepted).
        try:
            node, data = _parse(_ContentLoader, text)
        except yaml.YAMLError as exc:
            raise _syntax_error(exc, line_offset) from None
    if node is None:
        return YamlDocument(None, {(): 1}, line_offset)
    _refuse_duplicate_keys(node, line_offset)
    lines: dict[Path, int] = {}
    _index_lines(node, (), lines)
    return YamlDocument(data, lines, line_offset)


def _parse(loader_class: type[Any], text: str) -> tuple[Any, Any]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def _syntax_error(exc: yaml.YAMLError, line_offset: int) -> YamlSyntaxError:
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        return YamlSyntaxError(line, _describe(exc))
    return YamlSyntaxError(1 + line_offset, str(exc))


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
