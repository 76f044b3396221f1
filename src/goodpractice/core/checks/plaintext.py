"""Rules for plain text: every value of a YAML file and of a text's front matter.

Titles, summaries, organisation names, vocabulary and interface labels are shown as text on
every page (``<title>``, headings, navigation, search results, feeds, exports). They are never
HTML: markup in them is an error here, and the build escapes them once more before any
template sees them (``core/base/plaintext.py``). Control characters are an error in any text:
they are invisible, and XML (feeds, sitemaps) cannot even hold them.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator

from goodpractice.core.base.links import web_address
from goodpractice.core.base.messages import Message, msg
from goodpractice.core.base.plaintext import control_characters
from goodpractice.core.base.problems import Problem
from goodpractice.core.base.text import shorten
from goodpractice.core.checks.schema import field_name
from goodpractice.core.readers.labels import Labels
from goodpractice.core.readers.yamlsafe import YamlDocument

# What an HTML parser takes for markup: a tag, an end tag, a comment, a doctype, or a character
# reference (&lt; &#60; &#x3c;), which a reader would see spelt out.
_TAG = re.compile(r"</?[A-Za-z!?/][^<>]{0,40}>?")
_REFERENCE = re.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9A-Fa-f]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});")
# A placeholder of an interface label: {name}, nothing else (no attribute, index or format).
_PLACEHOLDER_NAME = re.compile(r"[a-z_][a-z0-9_]*")

Path = tuple[str | int, ...]


def yaml_strings(data: object, path: Path = ()) -> Iterator[tuple[Path, str]]:
    """Every string value of a YAML document, with where it is."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from yaml_strings(value, (*path, str(key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from yaml_strings(value, (*path, index))


def validate_plain_text(doc: YamlDocument, path: str) -> Iterator[Problem]:
    """Values are plain text: no HTML tags, comments or character references."""
    for where, value in yaml_strings(doc.data):
        tag, reference = _TAG.search(value), _REFERENCE.search(value)
        if tag:
            message = msg("plain-text.html", value=shorten(tag.group(0), 40))
        elif reference:
            message = msg("plain-text.reference", value=reference.group(0))
        else:
            continue
        yield Problem(path, doc.line_of(where), field_name(where), message)


def validate_web_addresses(doc: YamlDocument, path: str) -> Iterator[Problem]:
    """A field named url or website holds a web address (http or https), nothing that runs.

    practice.yml's schema says so for its own fields; vocabularies have no schema for the
    extra fields of a term (a licence's url), which pages link to.
    """
    for where, value in yaml_strings(doc.data):
        name = where[-1] if where else ""
        if name in ("url", "website") and web_address(value) is None:
            yield Problem(
                path,
                doc.line_of(where),
                field_name(where),
                msg("plain-text.web-address", value=shorten(value)),
            )


def validate_control_characters(
    text: str, path: str, first_line: int = 1, field: str = "characters"
) -> Iterator[Problem]:
    """No invisible control character (they often come from copying out of another program)."""
    for offset, line in enumerate(text.split("\n")):
        found = control_characters(line)
        if found:
            names = ", ".join(f"U+{ord(c):04X}" for c in found)
            yield Problem(
                path,
                first_line + offset,
                field,
                msg("plain-text.control-in-text", names=names),
            )


def validate_yaml_control_characters(doc: YamlDocument, path: str) -> Iterator[Problem]:
    """No control character in any value (YAML writes them as escapes such as "\\x07")."""
    for where, value in yaml_strings(doc.data):
        found = control_characters(value)
        if found:
            names = ", ".join(f"U+{ord(c):04X}" for c in found)
            yield Problem(
                path,
                doc.line_of(where),
                field_name(where),
                msg("plain-text.control-in-value", names=names),
            )


def validate_label_placeholders(labels: Labels, languages: list[str]) -> Iterator[Problem]:
    """A label's placeholders are plain {names}, the same in every language."""
    for key, values in labels.strings.items():
        expected: set[str] | None = None
        for language in languages:
            value = values.get(language)
            if value is None:
                continue
            names, problem = _placeholders(value)
            if problem:
                yield Problem(labels.path, labels.lines.get(key, 1), f"{key}.{language}", problem)
                continue
            if expected is None:
                expected = names
            elif names != expected:
                yield Problem(
                    labels.path,
                    labels.lines.get(key, 1),
                    f"{key}.{language}",
                    msg(
                        "labels.placeholders-differ",
                        names=_braced(names),
                        language=languages[0],
                        expected=_braced(expected),
                    ),
                )


def _braced(names: set[str]) -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(names)) or "none"


def _placeholders(value: str) -> tuple[set[str], Message | None]:
    names: set[str] = set()
    try:
        parsed = list(string.Formatter().parse(value))
    except ValueError:
        return names, msg("labels.unmatched-brace")
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if not _PLACEHOLDER_NAME.fullmatch(name) or spec or conversion:
            shown = (
                "{"
                + name
                + (f"!{conversion}" if conversion else "")
                + (f":{spec}" if spec else "")
                + "}"
            )
            return names, msg("labels.bad-placeholder", placeholder=shorten(shown, 30))
        names.add(name)
    return names, None


__all__ = [
    "validate_control_characters",
    "validate_label_placeholders",
    "validate_plain_text",
    "validate_web_addresses",
    "validate_yaml_control_characters",
    "yaml_strings",
]
