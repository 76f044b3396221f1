"""Generated pages from Jinja templates: HTML fragments, page metadata, plural labels.

The HTML parts come from templates in ``overrides/goodpractice/``; the generators only prepare
what they show, already translated and formatted for the page's language. Jinja escapes every
value (autoescape), so text from content is text.

A generated page is a :class:`Page`: its metadata as a mapping (never YAML text: dumping and
re-parsing front matter cost more than rendering the pages), and its content as our HTML
around at most one Markdown text, which the site generator renders with the site's Markdown
configuration. A page made only of our HTML (a listing) is never run through Markdown.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path

import yaml
from babel.core import Locale
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from goodpractice.core.base import formatting
from goodpractice.core.base.packed import PackedText
from goodpractice.core.model.site import Site
from goodpractice.core.readers.rendering import PublishedRender


class Page:
    """One generated page in one language: metadata, then HTML around a Markdown text. The
    texts are kept packed (base/packed.py) until the site generator asks for them."""

    __slots__ = ("_after", "_before", "_markdown", "meta", "rendered")

    def __init__(
        self,
        meta: Mapping[str, object],
        markdown: str = "",
        before: str = "",
        after: str = "",
        rendered: PublishedRender | None = None,
    ) -> None:
        self.meta = meta  # what front matter would hold: title, description, gp_* keys
        self._markdown = PackedText(markdown)  # rendered by the site generator (links, toc)
        self._before = PackedText(before)  # HTML from our templates, before the Markdown
        self._after = PackedText(after)  # and after it
        # The Markdown as check rendered it: the site generator only sets its link targets.
        self.rendered = rendered

    @property
    def markdown(self) -> str:
        return self._markdown.text

    @property
    def has_markdown(self) -> bool:
        return bool(self._markdown)

    @property
    def before(self) -> str:
        return self._before.text

    @property
    def after(self) -> str:
        return self._after.text

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Page):
            return NotImplemented
        return (self._markdown, self._before, self._after, self.meta) == (
            other._markdown,
            other._before,
            other._after,
            other.meta,
        )

    __hash__ = None  # type: ignore[assignment]  # meta is a mapping

    def __repr__(self) -> str:
        return f"Page(title={self.meta.get('title')!r})"

    def content(self, rendered_markdown: str) -> str:
        """The page's HTML, given its Markdown rendered (joined as Markdown joins blocks)."""
        return join_blocks(self.before, rendered_markdown, self.after)

    def as_markdown(self) -> str:
        """The page as a Markdown file with YAML front matter, for generators that need files
        (a plain MkDocs or Zensical project; scripts/bench.py's baseline)."""
        body = "\n\n".join(part for part in (self.before, self.markdown, self.after) if part)
        dumped = yaml.safe_dump(dict(self.meta), allow_unicode=True, sort_keys=False, width=1000)
        return f"---\n{dumped}---\n\n{body}\n"


def join_blocks(*parts: str) -> str:
    """HTML parts joined as Markdown joins blocks; empty ones left out."""
    return "\n\n".join(part for part in parts if part)


# docs-tree uri -> {language: page}; a language left out falls back to the default one.
Pages = dict[str, dict[str, Page]]


@cache
def _environment(templates: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        # Not a stat of the template file at every page (tens of thousands a build): each
        # load of the content starts from fresh templates instead (forget_templates).
        auto_reload=False,
    )
    return env


def forget_templates() -> None:
    """Read the templates again at their next use: ``goodpractice serve`` may have seen them
    edited. Called at every load of the content (core/pipeline.py)."""
    _environment.cache_clear()


def render_template(site: Site, name: str, **context: object) -> str:
    html = render_from(site.project.overrides_dir, name, **context)
    # A blank line would end Python-Markdown's raw HTML block early.
    return "\n".join(line for line in html.splitlines() if line.strip())


def markdown_page(meta: Mapping[str, object], markdown: str) -> Page:
    """A page whose whole content is Markdown (long documents, pages of contributed text)."""
    return Page(meta, markdown=markdown)


def html_page(meta: Mapping[str, object], html: str) -> Page:
    """A page made only of our HTML: the site generator adds it as it is, without Markdown."""
    return Page(meta, before=html)


def render_from(overrides: Path, name: str, **context: object) -> str:
    """A template of ``overrides/goodpractice/``, for pages made without a Site (serve's error
    page, when the content cannot be loaded)."""
    return _environment(overrides / "goodpractice").get_template(name).render(**context)


def plural_label(site: Site, key: str, count: int, language: str) -> str:
    """'{count} studii de caz' with the CLDR plural category of the language."""
    category = Locale.parse(site.project.language(language).locale).plural_form(count)
    strings = site.labels.strings
    chosen = f"{key}.{category}" if f"{key}.{category}" in strings else f"{key}.other"
    locale = site.project.language(language).locale
    return strings[chosen][language].format(count=formatting.number(count, locale))
