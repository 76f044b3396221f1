"""Generated pages from Jinja templates: HTML fragments, front matter, plural labels.

The HTML parts come from templates in ``overrides/goodpractice/``; the generators only prepare
what they show, already translated and formatted for the page's language. Jinja escapes every
value (autoescape), so text from content is text.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path

import yaml
from babel.core import Locale
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from goodpractice.core.base import formatting
from goodpractice.core.model.site import Site

# docs-tree uri -> {language: markdown}; a language left out falls back to the default one.
Pages = dict[str, dict[str, str]]


@cache
def _environment(templates: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def render_template(site: Site, name: str, **context: object) -> str:
    html = render_from(site.project.overrides_dir, name, **context)
    # A blank line would end Python-Markdown's raw HTML block early.
    return "\n".join(line for line in html.splitlines() if line.strip())


def render_from(overrides: Path, name: str, **context: object) -> str:
    """A template of ``overrides/goodpractice/``, for pages made without a Site (serve's error
    page, when the content cannot be loaded)."""
    return _environment(overrides / "goodpractice").get_template(name).render(**context)


def with_front_matter(front: Mapping[str, object], body: str) -> str:
    """A generated page: YAML front matter (page metadata for templates), then the body."""
    dumped = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{dumped}---\n\n{body}\n"


def plural_label(site: Site, key: str, count: int, language: str) -> str:
    """'{count} studii de caz' with the CLDR plural category of the language."""
    category = Locale.parse(site.project.language(language).locale).plural_form(count)
    strings = site.labels.strings
    chosen = f"{key}.{category}" if f"{key}.{category}" in strings else f"{key}.other"
    locale = site.project.language(language).locale
    return strings[chosen][language].format(count=formatting.number(count, locale))
