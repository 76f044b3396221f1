"""Sanitise the HTML of content pages: only the allow-list in ``data/html-policy.yml`` survives.

``check`` already rejects unsafe HTML in contributed Markdown with a message per line; this is
the second wall. The build passes every content page through :func:`sanitize_html`, so a
script, an event handler or a ``javascript:`` link cannot reach the site even when check was
bypassed or missed a trick. Ammonia (through ``nh3``) parses HTML the way browsers do, which a
regular expression cannot.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import nh3
import yaml

POLICY_FILE = "html-policy.yml"


@dataclass(frozen=True)
class HtmlPolicy:
    tags: frozenset[str]
    remove_with_content: frozenset[str]
    attributes: dict[str, frozenset[str]]
    attribute_prefixes: frozenset[str]
    style_properties: frozenset[str]
    url_schemes: frozenset[str]
    url_attributes: frozenset[str]
    source_only_attributes: frozenset[str]
    reserved_id_prefixes: tuple[str, ...] = ()
    theme_id_prefixes: tuple[str, ...] = ()

    def allows_attribute(self, tag: str, name: str) -> bool:
        allowed = self.attributes.get("*", frozenset()) | self.attributes.get(tag, frozenset())
        allowed |= self.source_only_attributes
        return name in allowed or name.startswith(tuple(self.attribute_prefixes))


@cache
def html_policy() -> HtmlPolicy:
    """The allow-list, read once from the YAML file beside this module."""
    text = resources.files("goodpractice.core").joinpath("data", POLICY_FILE).read_text("utf-8")
    data = yaml.safe_load(text)
    return HtmlPolicy(
        tags=frozenset(data["tags"]),
        remove_with_content=frozenset(data["remove_with_content"]),
        attributes={tag: frozenset(names) for tag, names in data["attributes"].items()},
        attribute_prefixes=frozenset(data["attribute_prefixes"]),
        style_properties=frozenset(data["style_properties"]),
        url_schemes=frozenset(data["url_schemes"]),
        url_attributes=frozenset(data["url_attributes"]),
        source_only_attributes=frozenset(data.get("source_only_attributes", ())),
        reserved_id_prefixes=tuple(data.get("reserved_id_prefixes", ())),
        theme_id_prefixes=tuple(data.get("theme_id_prefixes", ())),
    )


def unsafe_url_scheme(url: str) -> str | None:
    """The scheme of ``url`` if it is not allowed (``javascript``, ``data``...), else None.

    Browsers ignore case, spaces and control characters inside a scheme ('java\\tscript:'),
    so they are removed before comparing.
    """
    compact = "".join(c for c in url if c > " " and c != "\x7f").lower()
    scheme, colon, _rest = compact.partition(":")
    if not colon or "/" in scheme or "?" in scheme or "#" in scheme:
        return None  # relative: no scheme
    return None if scheme in html_policy().url_schemes else scheme


def is_external_resource(url: str) -> bool:
    """True for a URL that makes the reader's browser contact another host."""
    compact = "".join(c for c in url if c > " ").lower()
    return compact.startswith(("http:", "https:", "//", "\\\\", "/\\", "\\/"))


def _attribute_filter(tag: str, name: str, value: str) -> str | None:
    # Images load without a click: one from another host would tell it who reads the page.
    if tag == "img" and name == "src" and is_external_resource(value):
        return None
    if name == "id" and value.startswith(html_policy().theme_id_prefixes):
        return None
    return value


def sanitize_html(html: str) -> str:
    """``html`` with everything outside the allow-list removed."""
    return _cleaner().clean(html)


@cache
def _cleaner() -> nh3.Cleaner:
    # Built once: nh3.clean() converts the allow-list and builds ammonia's cleaner at each call.
    policy = html_policy()
    return nh3.Cleaner(
        tags=set(policy.tags),
        clean_content_tags=set(policy.remove_with_content),
        attributes={tag: set(names) for tag, names in policy.attributes.items()},
        generic_attribute_prefixes=set(policy.attribute_prefixes),
        filter_style_properties=set(policy.style_properties),
        url_schemes=set(policy.url_schemes),
        attribute_filter=_attribute_filter,
        link_rel=None,  # keep our own rel values; nh3 would overwrite them
        strip_comments=True,
    )


__all__ = [
    "HtmlPolicy",
    "html_policy",
    "is_external_resource",
    "sanitize_html",
    "unsafe_url_scheme",
]
