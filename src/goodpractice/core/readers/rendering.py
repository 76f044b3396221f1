"""Read a text the way the build publishes it: Markdown rendered with the build's own
extensions, then HTML parsed the way browsers parse it.

``check`` judges this, not the Markdown source: comment forms, indented fences, escaped
backticks, reference definitions in lists, attribute lists and heading ids all come out as the
build makes them. Each text is rendered once; every rule reads the same result, and the site
publishes it (:func:`published_render`): MkDocs would render it again, only to set the targets
of its links, which it does at the places this render marks.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import Element as TreeElement

import markdown
import markdown.serializers
from markdown.treeprocessors import Treeprocessor
from selectolax.lexbor import LexborHTMLParser, LexborNode

from goodpractice.core.base.packed import PackedText
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


@dataclass(frozen=True)
class PublishedRender:
    """A text's HTML as the site publishes it, but for the targets of its Markdown links: each
    is a slot (``fill``) where MkDocs, which alone knows every page's address, puts its own."""

    template: PackedText  # the HTML, a slot in place of each link's target
    targets: tuple[str, ...]  # each slot's target as the text gives it, in order
    toc_tokens: tuple[dict[str, Any], ...]  # the table of contents, as Markdown's toc makes it
    anchor_ids: frozenset[str]  # every id (and <a name>) of the text, for links to its parts

    def fill(self, url_of: Callable[[str], str]) -> str:
        """The HTML with ``url_of(target)`` in each slot (escaped as Markdown escapes it)."""
        return _filled(self.template.text, self.targets, url_of)


def render_text(project: Project, body: str, *, keep: bool = False) -> Rendered:
    """The HTML the build makes of ``body``, and its elements as a browser sees them.

    ``keep``: the text is published as a page of its own (a case study's), which then takes
    this render (``published_render``) instead of rendering the text again."""
    names, options = project.markdown_extensions
    converter = _converter(names, options)
    converter.reset()
    slots = _slots(converter)
    template = converter.convert(body)
    targets = tuple(slots.targets)
    rendered = parse_html(_filled(template, targets, lambda target: target))
    if keep:
        _published[_key(body)] = PublishedRender(
            PackedText(template),
            targets,
            tuple(getattr(converter, "toc_tokens", ())),
            frozenset(_anchor_ids(rendered.elements)),
        )
    return rendered


def published_render(project: Project, body: str) -> PublishedRender:
    """``body`` as the site publishes it: the render check made of it, else a new one."""
    key = _key(body)
    if key not in _published:
        render_text(project, body, keep=True)
    return _published[key]


def forget_renders() -> None:
    """A whole load starts: renders of texts as they were before are no longer asked for."""
    _published.clear()


# The renders of the texts loaded last, by text: check makes them, the pages publish them.
# Keyed by a digest, not by the text: as keys the texts would stay in memory, unpacked (two
# bytes a character with one Romanian letter), to the end of the build.
_published: dict[bytes, PublishedRender] = {}


def _key(body: str) -> bytes:
    return hashlib.blake2b(body.encode("utf-8"), digest_size=16).digest()


def _anchor_ids(elements: tuple[Element, ...]) -> set[str]:
    # What MkDocs counts as a place a link may point to: any id, and the name of an <a>.
    found = {value for element in elements if (value := element.get("id"))}
    return found | {value for e in elements if e.tag == "a" and (value := e.get("name"))}


# A slot holds a number between two marks made for this process, which no text can guess.
_MARK = secrets.token_hex(8)
_SLOT = re.compile(f"gp{_MARK}:(\\d+):")


class _LinkSlots(Treeprocessor):  # type: ignore[misc]  # markdown has no type hints
    """Where MkDocs' own (_RelativePathTreeprocessor, priority 0) sets link targets: the href
    of every <a> and the src of every <img> of the tree, after the inline patterns."""

    targets: list[str]

    def run(self, root: TreeElement) -> None:
        for element in root.iter():
            key = "href" if element.tag == "a" else "src" if element.tag == "img" else None
            value = element.get(key) if key else None
            if key and value is not None:
                element.set(key, f"gp{_MARK}:{len(self.targets)}:")
                self.targets.append(value)


def _slots(converter: markdown.Markdown) -> _LinkSlots:
    slots = converter.treeprocessors["gp-link-slots"]
    assert isinstance(slots, _LinkSlots)
    slots.targets = []
    return slots


def _filled(template: str, targets: tuple[str, ...], url_of: Callable[[str], str]) -> str:
    urls = [_escape_attribute(url_of(target)) for target in targets]
    return _SLOT.sub(lambda found: urls[int(found.group(1))], template)


def _escape_attribute(value: str) -> str:
    # Python-Markdown's own escaping of an attribute value in HTML output.
    return str(markdown.serializers._escape_attrib_html(value))


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
        converter = markdown.Markdown(extensions=list(names), extension_configs=options)
        converter.treeprocessors.register(_LinkSlots(converter), "gp-link-slots", 0)
        _converters[key] = converter
    return _converters[key]


__all__ = [
    "Element",
    "PublishedRender",
    "Rendered",
    "forget_renders",
    "parse_html",
    "published_render",
    "render_text",
]
