"""Read a text the way the build publishes it: Markdown rendered with the build's own
extensions, then HTML parsed the way browsers parse it.

``check`` judges this, not the Markdown source: comment forms, indented fences, escaped
backticks, reference definitions in lists, attribute lists and heading ids all come out as the
build makes them. Each text is rendered once; every rule reads the same result.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import markdown
from selectolax.lexbor import LexborHTMLParser, LexborNode

from goodpractice.core.readers.project import Project


@dataclass(frozen=True)
class Element:
    """One element of the rendered text, with its attributes as a browser reads them."""

    tag: str  # lowercase; a namespaced name keeps its prefix ("s:script")
    attrs: tuple[tuple[str, str], ...]
    text: str  # the element's own text (before its first child), for the line of a finding

    def get(self, name: str) -> str | None:
        return next((value for key, value in self.attrs if key == name), None)


@dataclass(frozen=True)
class Rendered:
    html: str
    elements: tuple[Element, ...]
    text: str  # what a reader sees: every text node, entities decoded


def render_text(project: Project, body: str) -> Rendered:
    """The HTML the build makes of ``body``, and its elements as a browser sees them."""
    names, options = project.markdown_extensions
    converter = _converter(names, options)
    converter.reset()
    html = converter.convert(body)
    return parse_html(html)


def parse_html(html: str) -> Rendered:
    """Elements and text of an HTML fragment, parsed by an HTML5 parser (lexbor)."""
    elements: list[Element] = []
    texts: list[str] = []
    root = LexborHTMLParser(html, is_fragment=True).root
    # From the fragment's first node, lexbor walks every node of the fragment, in order.
    for item in root.traverse(include_text=True) if root is not None else ():
        _collect(item, elements, texts)
    return Rendered(html, tuple(elements), "".join(texts))


def _collect(node: LexborNode, elements: list[Element], texts: list[str]) -> None:
    if node.is_text_node:
        texts.append(node.text_content or "")
    elif node.is_element_node:
        attrs = tuple((str(k), str(v or "")) for k, v in node.attributes.items())
        child = node.first_child
        own = child.text_content if child is not None and child.is_text_node else ""
        elements.append(Element(str(node.tag).lower(), attrs, own or ""))


# One converter per configuration: building one loads every extension (~10 ms).
_converters: dict[str, markdown.Markdown] = {}


def _converter(names: tuple[str, ...], options: dict[str, dict[str, Any]]) -> markdown.Markdown:
    key = json.dumps([names, options], sort_keys=True, default=str)
    if key not in _converters:
        _converters[key] = markdown.Markdown(extensions=list(names), extension_configs=options)
    return _converters[key]


__all__ = ["Element", "Rendered", "parse_html", "render_text"]
