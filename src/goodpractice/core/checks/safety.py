"""Rules for untrusted text: what a text's rendered HTML may hold.

Every Markdown text of every content type (case studies, pages, the curriculum and its
modules, guides and their chapters) arrives as a pull request from someone outside the
project. :func:`check_text` reads it the way the build publishes it: front matter as plain
text, the body inside the bounds of ``limits.py``, then rendered with the build's Markdown
extensions and parsed as a browser parses HTML (``readers/rendering.py``). The rendered
elements are judged against the allow-list the sanitiser enforces on the built pages
(``sanitize.py``, ``data/html-policy.yml``), and each finding is traced back to its source line.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from goodpractice.core.base.messages import joined, msg
from goodpractice.core.base.problems import Problem
from goodpractice.core.base.text import shorten
from goodpractice.core.checks.limits import validate_limits
from goodpractice.core.checks.plaintext import (
    validate_control_characters,
    validate_plain_text,
    validate_yaml_control_characters,
)
from goodpractice.core.checks.privacy import validate_personal_data_in_text
from goodpractice.core.checks.sanitize import (
    HtmlPolicy,
    html_policy,
    is_external_resource,
    unsafe_url_scheme,
)
from goodpractice.core.readers.markdowndoc import MarkdownDocument
from goodpractice.core.readers.project import Project
from goodpractice.core.readers.rendering import Element, Rendered, render_text
from goodpractice.core.readers.sourcelines import SourceLines


def _local_name(tag: str) -> str:
    """``s:script`` is a script to a browser reading SVG or MathML: judge its local name."""
    return tag.rsplit(":", 1)[-1]


def _validate_html_elements(
    path: str, elements: Iterable[Element], lines: SourceLines
) -> Iterator[Problem]:
    """The rendered text uses only the elements of the allow-list."""
    policy = html_policy()
    for element in elements:
        if element.tag in policy.tags:
            continue
        line = lines.line_of(f"<{element.tag}", element.tag, _local_name(element.tag))
        if _local_name(element.tag) in policy.remove_with_content or ":" in element.tag:
            yield Problem(
                path,
                line,
                "html",
                msg("html.dangerous-element", element=element.tag),
            )
        else:
            yield Problem(
                path,
                line,
                "html",
                msg("html.unknown-element", element=element.tag),
            )


def _validate_attributes(
    path: str, elements: Iterable[Element], lines: SourceLines
) -> Iterator[Problem]:
    """No attribute that runs a script, and only the attributes of the allow-list."""
    policy = html_policy()
    for element in elements:
        for name, value in element.attrs:
            if name.startswith("on"):
                yield Problem(
                    path,
                    lines.line_of(name),
                    "html",
                    msg("html.event-attribute", attribute=name, element=element.tag),
                )
            elif element.tag in policy.tags and not policy.allows_attribute(element.tag, name):
                yield Problem(
                    path,
                    lines.line_of(f"{name}=", name),
                    "html",
                    msg("html.attribute-not-allowed", attribute=name, element=element.tag),
                )
            elif name == "style":
                yield from _validate_style(path, element, value, policy, lines)


def _validate_style(
    path: str, element: Element, value: str, policy: HtmlPolicy, lines: SourceLines
) -> Iterator[Problem]:
    """A style attribute (kept only for table alignment) sets only allowed properties."""
    for declaration in value.split(";"):
        prop = declaration.partition(":")[0].strip().lower()
        if prop and prop not in policy.style_properties:
            yield Problem(
                path,
                lines.line_of(prop, "style"),
                "html",
                msg("html.style-property", property=shorten(prop, 30), element=element.tag),
            )


def _validate_reserved_ids(
    path: str, elements: Iterable[Element], lines: SourceLines
) -> Iterator[Problem]:
    """No contributed id (written, or made from a heading) reuses the site's own ids."""
    reserved = html_policy().reserved_id_prefixes
    for element in elements:
        value = element.get("id")
        if value and value.startswith(reserved):
            yield Problem(
                path,
                lines.line_of(value, element.text),
                "html",
                msg(
                    "html.reserved-id",
                    id=shorten(value),
                    prefixes=joined([f"'{prefix}'" for prefix in reserved], "word.or"),
                ),
            )


def _urls(elements: Iterable[Element]) -> Iterator[tuple[str, bool]]:
    """(url, is an image) of every URL attribute of the rendered text."""
    url_attributes = html_policy().url_attributes
    for element in elements:
        for name, value in element.attrs:
            if name in url_attributes or name.endswith(":href"):
                yield value, element.tag == "img" and name in ("src", "srcset")


def _validate_url_schemes(
    path: str, elements: Iterable[Element], lines: SourceLines
) -> Iterator[Problem]:
    """Links and images use http(s), mailto, tel or a relative path: no javascript: or data:."""
    for url, _is_image in _urls(elements):
        scheme = unsafe_url_scheme(url)
        if scheme:
            yield Problem(
                path,
                lines.line_of(url, f"{scheme}:"),
                "links",
                msg("links.unsafe-scheme", url=shorten(url), scheme=scheme),
            )


def _validate_external_images(
    path: str, elements: Iterable[Element], lines: SourceLines
) -> Iterator[Problem]:
    """Images are files of the site: one from another host would tell it who reads the page."""
    for url, is_image in _urls(elements):
        if is_image and is_external_resource(url):
            yield Problem(
                path,
                lines.line_of(url),
                "images",
                msg("images.other-site", url=shorten(url)),
            )


def _validate_image_alt(
    path: str, elements: Iterable[Element], lines: SourceLines
) -> Iterator[Problem]:
    """Every image has alternative text for screen-reader users."""
    for element in elements:
        if element.tag == "img" and not (element.get("alt") or "").strip():
            src = element.get("src") or ""
            yield Problem(
                path,
                lines.line_of(src) if src else lines.line_of("<img", "!["),
                "images",
                msg("images.no-alt", target=shorten(src)),
            )


def check_rendered(path: str, rendered: Rendered, lines: SourceLines) -> Iterator[Problem]:
    """The HTML rules and the personal-data rule for one rendered text."""
    elements = rendered.elements
    yield from _validate_html_elements(path, elements, lines)
    yield from _validate_attributes(path, elements, lines)
    yield from _validate_reserved_ids(path, elements, lines)
    yield from _validate_url_schemes(path, elements, lines)
    yield from _validate_external_images(path, elements, lines)
    yield from _validate_image_alt(path, elements, lines)
    yield from validate_personal_data_in_text(path, rendered, lines)


def check_text(
    project: Project, path: str, doc: MarkdownDocument, published: str | None = None
) -> Iterator[Problem]:
    """Every rule for untrusted content, for one Markdown text of any content type.

    ``published``: the body as its page gives it to Markdown (a case study's links rewritten
    to the site's layout), rendered instead of the body itself: the page publishes that render.
    Only link targets differ, and no message quotes a rewritten one."""
    yield from validate_control_characters(doc.raw, path)
    yield from validate_plain_text(doc.front_matter, path)
    yield from validate_yaml_control_characters(doc.front_matter, path)
    limits = list(validate_limits(path, doc))
    if limits:
        yield from limits  # never rendered: it could take the converter too long
        return
    if published is None:
        rendered = render_text(project, doc.body)
    else:
        rendered = render_text(project, published, keep=True)
    yield from check_rendered(path, rendered, SourceLines(doc.body, doc.body_line))


__all__ = ["check_rendered", "check_text"]
