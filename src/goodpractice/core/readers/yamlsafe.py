"""Load YAML the way content needs it: safe, without aliases, with the line of every value.

Aliases are refused because nothing in the content needs them and nested anchors are the
classic "billion laughs" bomb. Timestamps stay strings: the schema checks date formats and
JSON Schema cannot validate ``datetime.date`` objects.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml

from goodpractice.core.base.messages import Message, msg

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
            raise _Refused(msg("yaml.alias"), event.start_mark)
        if self._depth >= MAX_DEPTH:
            raise _Refused(msg("yaml.too-deep", depth=MAX_DEPTH), self.peek_event().start_mark)
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


class _Refused(yaml.composer.ComposerError):
    """Valid YAML that content files refuse (aliases, deep nesting), with its message."""

    def __init__(self, message: Message, mark: yaml.Mark) -> None:
        super().__init__(None, None, message.key, mark)
        self.message = message


class YamlSyntaxError(ValueError):
    def __init__(self, line: int, message: Message) -> None:
        self.line = line
        self.message = message
        super().__init__(f"line {line}: {message.key}")


def value_at(data: Any, *path: str) -> Any:
    """The value at ``path`` in loaded YAML, or None where a step is missing or not a mapping."""
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


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
            raise _syntax_error(exc, text, line_offset) from None
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


def _syntax_error(exc: yaml.YAMLError, text: str, line_offset: int) -> YamlSyntaxError:
    if isinstance(exc, _Refused):
        line = (exc.problem_mark.line + 1 if exc.problem_mark else 1) + line_offset
        return YamlSyntaxError(line, exc.message)
    if isinstance(exc, yaml.MarkedYAMLError):
        index, message = explain_yaml_error(exc, text.splitlines())
        return YamlSyntaxError(index + 1 + line_offset, message)
    return YamlSyntaxError(1 + line_offset, msg("yaml.other", detail=str(exc)))


_SPECIAL_CHARACTER = re.compile(r"found character '(.+?)' that cannot start any token")


def explain_yaml_error(exc: yaml.MarkedYAMLError, lines: list[str]) -> tuple[int, Message]:
    """(0-based line, message) of a parser error, in the words of the likeliest mistake:
    an unquoted colon, a tab, a line out of line, a quote or bracket never closed."""
    problem, context = exc.problem or "", exc.context or ""
    at = exc.problem_mark.line if exc.problem_mark else 0
    opened = exc.context_mark.line if exc.context_mark else at
    text = lines[at] if at < len(lines) else ""
    if "\t" in text or "'\\t'" in problem:
        return at, msg("yaml.tab")
    if problem == "mapping values are not allowed here":
        fix = _quoted_value(text)
        if fix is not None:
            return at, msg("yaml.colon", key=fix[0], fix=fix[1])
        return at, msg("yaml.indentation")
    if "quoted scalar" in context:
        return opened, msg("yaml.unclosed-quote")
    if "flow sequence" in context or "flow mapping" in context:
        return opened, msg("yaml.unclosed-bracket")
    if "could not find expected ':'" in problem:
        return opened, msg("yaml.no-colon")
    special = _SPECIAL_CHARACTER.search(problem)
    if special or "an alias" in context or "an anchor" in context:
        character = special.group(1) if special else ("*" if "alias" in context else "&")
        return at, msg("yaml.special-start", character=character)
    if "found '<scalar>'" in problem:
        # A quote left open runs on over the next lines until some later quote closes it.
        unclosed = next((i for i in range(opened, at) if lines[i].count('"') % 2), None)
        if unclosed is not None:
            return unclosed, msg("yaml.unclosed-quote")
        if any(quote in text for quote in "\"'"):
            return at, msg("yaml.text-after-quote")
    if "expected <block end>" in problem or "not allowed here" in problem:
        return at, msg("yaml.indentation")
    detail = "; ".join(part for part in (context, problem) if part)
    return at, msg("yaml.other", detail=detail or "?")


def _quoted_value(line: str) -> tuple[str, str] | None:
    """('summary', 'summary: "A: b"') for a line whose value holds another ': '."""
    stripped = line.strip()
    item = "- " if stripped.startswith("- ") else ""
    key, separator, value = stripped.removeprefix(item).partition(": ")
    if not separator or not (": " in value or value.rstrip().endswith(":")):
        return None
    escaped = value.strip().replace("\\", "\\\\").replace('"', '\\"')
    return key, f'{item}{key}: "{escaped}"'


def _refuse_duplicate_keys(node: yaml.Node, line_offset: int) -> None:
    """PyYAML keeps the last of two equal keys silently; in content that loses an edit."""
    if isinstance(node, yaml.MappingNode):
        seen: dict[object, int] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1 + line_offset
            if key_node.value in seen:
                raise YamlSyntaxError(
                    line,
                    msg("yaml.duplicate-key", key=key_node.value, first=str(seen[key_node.value])),
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
