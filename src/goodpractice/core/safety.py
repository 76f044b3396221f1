"""Rules for untrusted content: HTML, links, images, personal data and unfilled templates.

Case studies arrive as pull requests from people outside the project. Each ``_validate_*``
yields the problems of one rule; :func:`check_practice_safety` and :func:`check_page_safety`
run them. The build's sanitiser (``sanitize.py``) enforces the same allow-list on the output.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .content import PracticeSource, TextSource
from .htmlscan import AttrListKey, Tag, attr_list_keys, html_tags, reference_targets
from .markdowndoc import MarkdownDocument
from .problems import Problem
from .sanitize import html_policy, is_external_resource, unsafe_url_scheme
from .schema import field_name
from .yamlsafe import YamlDocument

# What `goodpractice new` writes where the contributor must fill in a value.
PLACEHOLDER = "TODO"
_PLACEHOLDER_WORD = re.compile(rf"\b{PLACEHOLDER}\b")
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# A run of digits with the separators people type in phone numbers.
_PHONE = re.compile(r"(?<![\w/.,-])(?:\+|\(?00)?\(?\d[\d \u00a0().\-/]{6,}\d(?![\w])")
_SVG_DANGER = re.compile(
    rb"<\s*script|<\s*foreignobject|\bon[a-z]+\s*=|javascript:|(?:xlink:)?href\s*=\s*[\"']?\s*(?:https?:)?//",
    re.IGNORECASE,
)


def _shorten(value: str, limit: int = 60) -> str:
    """A value fit for a message: control characters made visible, long ones cut."""
    value = "".join(c if c.isprintable() else repr(c)[1:-1] for c in value)
    return value if len(value) <= limit else value[: limit - 1] + "…"


# -- HTML in Markdown ---------------------------------------------------------------------------


def _validate_html_elements(path: str, tags: Iterable[Tag]) -> Iterator[Problem]:
    """Raw HTML uses only the elements of the allow-list."""
    policy = html_policy()
    for tag in tags:
        if tag.name in policy.tags:
            continue
        if tag.name in policy.remove_with_content:
            reason = "it could run code, load another site or collect readers' input"
            yield Problem(
                path,
                tag.line,
                "html",
                f"the HTML element <{tag.name}> is not allowed ({reason}); remove it",
            )
        else:
            yield Problem(
                path,
                tag.line,
                "html",
                f"the HTML element <{tag.name}> is not in the allowed list; write the text in "
                "Markdown instead",
            )


def _validate_event_handlers(
    path: str, tags: Iterable[Tag], keys: Iterable[AttrListKey]
) -> Iterator[Problem]:
    """No attribute that runs a script (onclick, onerror, ...)."""
    for tag in tags:
        for name, _value in tag.attrs:
            if name.startswith("on"):
                yield Problem(
                    path,
                    tag.line,
                    "html",
                    f"the attribute '{name}' on <{tag.name}> would run a script; remove it",
                )
    for key in keys:
        if key.name.startswith("on"):
            yield Problem(
                path,
                key.line,
                "html",
                f"the attribute list sets '{key.name}', which would run a script; remove it",
            )


def _validate_html_attributes(
    path: str, tags: Iterable[Tag], keys: Iterable[AttrListKey]
) -> Iterator[Problem]:
    """Raw HTML and attribute lists use only the attributes of the allow-list."""
    policy = html_policy()
    for tag in tags:
        for name, _value in tag.attrs:
            known = tag.name in policy.tags and not name.startswith("on")
            if known and not policy.allows_attribute(tag.name, name):
                yield Problem(
                    path,
                    tag.line,
                    "html",
                    f"the attribute '{name}' is not allowed on <{tag.name}>; remove it",
                )
    for key in keys:
        if not key.name.startswith("on") and not policy.allows_attribute("*", key.name):
            yield Problem(
                path,
                key.line,
                "html",
                f"the attribute list sets '{key.name}', which is not allowed; use only "
                "#id, .class and title",
            )


def _validate_reserved_ids(path: str, tags: Iterable[Tag]) -> Iterator[Problem]:
    """Contributed HTML does not reuse the ids of the theme or of our templates."""
    reserved = html_policy().reserved_id_prefixes
    for tag in tags:
        for name, value in tag.attrs:
            if name == "id" and value.startswith(reserved):
                yield Problem(
                    path,
                    tag.line,
                    "html",
                    f"the id '{value}' is reserved for the site (ids starting with "
                    + " or ".join(f"'{prefix}'" for prefix in reserved)
                    + "); choose another id",
                )


def _urls(doc: MarkdownDocument, tags: Iterable[Tag]) -> Iterator[tuple[str, int, bool]]:
    """(url, line, is_image) of every link, image and URL attribute in a text."""
    for link in doc.links:
        yield html.unescape(link.target), link.line, link.is_image
    for target, line in reference_targets(doc.body, doc.body_line):
        yield html.unescape(target), line, False
    url_attributes = html_policy().url_attributes
    for tag in tags:
        for name, value in tag.attrs:
            if name in url_attributes:
                yield value, tag.line, tag.name == "img" and name == "src"


def _validate_url_schemes(path: str, urls: Iterable[tuple[str, int, bool]]) -> Iterator[Problem]:
    """Links and images use http(s), mailto, tel or a relative path: no javascript: or data:."""
    for url, line, _is_image in urls:
        scheme = unsafe_url_scheme(url)
        if scheme:
            yield Problem(
                path,
                line,
                "links",
                f"'{_shorten(url)}' is a {scheme}: link, which is not allowed; link to a web "
                "page (https://…) or to a file beside the text",
            )


def _validate_external_images(
    path: str, urls: Iterable[tuple[str, int, bool]]
) -> Iterator[Problem]:
    """Images are files of the site: one from another host would tell it who reads the page."""
    for url, line, is_image in urls:
        if is_image and is_external_resource(url):
            yield Problem(
                path,
                line,
                "images",
                f"image '{_shorten(url)}' is on another website and readers' browsers would "
                "contact it; save the image beside the text and write ![description](file.png)",
            )


# -- Files beside a case study ------------------------------------------------------------------


def svg_danger(data: bytes) -> tuple[int, str] | None:
    """(line, what) of the first script, event handler or external reference in an SVG."""
    match = _SVG_DANGER.search(data)
    if match is None:
        return None
    return data[: match.start()].count(b"\n") + 1, match.group(0).decode("utf-8", "replace")


def unsafe_svg_files(folder: Path) -> list[str]:
    """SVG files under ``folder`` (a built site) that hold a script or an external reference."""
    return sorted(
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*.svg")
        if path.is_file() and svg_danger(path.read_bytes())
    )


def _validate_svg_assets(assets: Iterable[str], root: Path) -> Iterator[Problem]:
    """An SVG image holds no script, event handler or external reference.

    Opened on its own (the address of the image), an SVG runs its scripts on the site's origin.
    """
    for asset in assets:
        if not asset.lower().endswith(".svg"):
            continue
        danger = svg_danger((root / asset).read_bytes())
        if danger:
            line, found = danger
            yield Problem(
                asset,
                line,
                "(file)",
                f"the SVG image contains '{_shorten(found.strip(), 30)}' (a script or a "
                "reference to another site), which is not allowed; export the image as PNG",
            )


# -- Personal data ------------------------------------------------------------------------------


def _validate_contact_consent(doc: YamlDocument, path: str) -> Iterator[Problem]:
    """A contact is published only with the person's consent, recorded in practice.yml."""
    contacts = doc.data.get("contacts") if isinstance(doc.data, dict) else None
    for index, contact in enumerate(contacts if isinstance(contacts, list) else []):
        if not isinstance(contact, dict):
            continue
        name = contact.get("name") or f"contact {index + 1}"
        consent = contact.get("consent")
        where = field_name(("contacts", index, "consent"))
        if consent is None:
            yield Problem(
                path,
                doc.line_of(("contacts", index)),
                where,
                f"{name} has no consent record; the site shows a contact only with the "
                "person's consent: add consent with given: true, the date (YYYY-MM-DD) and "
                "the source (for example: signed form), or remove the contact",
            )
        elif isinstance(consent, dict) and consent.get("given") not in (True, PLACEHOLDER):
            yield Problem(
                path,
                doc.line_of(("contacts", index, "consent", "given")),
                where,
                f"{name} has not given consent (given is not true); remove the contact",
            )


def _validate_personal_data_in_prose(text: TextSource) -> Iterator[Problem]:
    """No e-mail address or phone number in the prose: contacts need consent in practice.yml."""
    for offset, line in enumerate(text.doc.body.split("\n")):
        number = text.doc.body_line + offset
        for match in _EMAIL.finditer(line):
            yield Problem(
                text.path,
                number,
                "personal data",
                f"the e-mail address '{match.group(0)}' is written in the text; move it to "
                "contacts in practice.yml with the person's consent (the site then shows it "
                "hidden from address harvesters)",
            )
        for match in _PHONE.finditer(line):
            if _looks_like_phone(match.group(0)):
                yield Problem(
                    text.path,
                    number,
                    "personal data",
                    f"the phone number '{match.group(0).strip()}' is written in the text; move "
                    "it to contacts in practice.yml with the person's consent",
                )


def _looks_like_phone(candidate: str) -> bool:
    """International (+40 …, 0040 …) or Romanian (07xx…, 02x…, 03x…) numbers; not amounts."""
    digits = re.sub(r"\D", "", candidate)
    stripped = candidate.lstrip("( ")
    if stripped.startswith("+") or stripped.startswith("00"):
        return 9 <= len(digits) <= 15
    return len(digits) == 10 and digits[0] == "0" and digits[1] in "237"


# -- Templates left unfilled --------------------------------------------------------------------


def placeholder_fields(doc: YamlDocument) -> dict[tuple[str | int, ...], str]:
    """Paths of the values that still hold the placeholder, with their text."""
    found: dict[tuple[str | int, ...], str] = {}

    def walk(value: Any, where: tuple[str | int, ...]) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*where, str(key)))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, (*where, index))
        elif isinstance(value, str) and _PLACEHOLDER_WORD.search(value):
            found[where] = value

    walk(doc.data, ())
    return found


def covered_by_placeholder(problem: Problem, fields: Iterable[str]) -> bool:
    """True when a schema problem is only about a value still to be filled in."""
    return any(
        problem.field == name or problem.field.startswith((f"{name}.", f"{name}["))
        for name in fields
    )


def _validate_placeholders_filled(doc: YamlDocument, path: str) -> Iterator[Problem]:
    """Every value that 'goodpractice new' left as TODO has been filled in."""
    for where, value in placeholder_fields(doc).items():
        yield Problem(
            path,
            doc.line_of(where),
            field_name(where),
            f"still '{_shorten(value)}' from the template; fill it in (the comment above it "
            "says what to write) or delete the line if it is optional",
        )


def _validate_text_placeholders(text: TextSource) -> Iterator[Problem]:
    """The text no longer holds the template's TODO notes."""
    doc = text.doc
    for key, value in doc.meta.items():
        if isinstance(value, str) and _PLACEHOLDER_WORD.search(value):
            yield Problem(
                text.path,
                doc.front_matter.line_of((key,)),
                str(key),
                "still the template's text; write it",
            )
    for offset, line in enumerate(doc.body.split("\n")):
        if _PLACEHOLDER_WORD.search(line):
            yield Problem(
                text.path,
                doc.body_line + offset,
                "sections",
                "still the template's TODO note; write this part of the text and remove the note",
            )


# -- Runners ------------------------------------------------------------------------------------


def check_markdown_safety(path: str, doc: MarkdownDocument) -> Iterator[Problem]:
    """The HTML and link rules for one Markdown file (a case-study text or a page)."""
    tags = html_tags(doc.body, doc.body_line)
    keys = attr_list_keys(doc.body, doc.body_line)
    urls = list(_urls(doc, tags))
    yield from _validate_html_elements(path, tags)
    yield from _validate_event_handlers(path, tags, keys)
    yield from _validate_html_attributes(path, tags, keys)
    yield from _validate_reserved_ids(path, tags)
    yield from _validate_url_schemes(path, urls)
    yield from _validate_external_images(path, urls)


def check_practice_safety(source: PracticeSource, root: Path) -> Iterator[Problem]:
    """Every rule of this module for one case study."""
    if source.facts is not None:
        yield from _validate_contact_consent(source.facts, source.facts_path)
        yield from _validate_placeholders_filled(source.facts, source.facts_path)
    for text in source.texts.values():
        yield from check_markdown_safety(text.path, text.doc)
        yield from _validate_personal_data_in_prose(text)
        yield from _validate_text_placeholders(text)
    yield from _validate_svg_assets(source.assets, root)


def check_docs_assets_safety(doc_assets: Iterable[str], root: Path) -> Iterator[Problem]:
    """The rules for files under docs/ (paths relative to docs/)."""
    yield from _validate_svg_assets((f"docs/{asset}" for asset in doc_assets), root)


__all__ = [
    "PLACEHOLDER",
    "check_docs_assets_safety",
    "check_markdown_safety",
    "check_practice_safety",
    "covered_by_placeholder",
    "placeholder_fields",
    "svg_danger",
    "unsafe_svg_files",
]
