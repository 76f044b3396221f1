"""MkDocs plugin: adds the generated pages of the core to the build.

mkdocs-static-i18n localises only files that live under docs_dir and re-creates every File,
dropping in-memory content. So pages are added in two steps: placeholders under docs_dir
before i18n sorts them per language, then their content once i18n has re-created them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from goodpractice.core.generators import generated_assets, generated_pages
from goodpractice.core.links import neutral
from goodpractice.core.problems import ContentError
from goodpractice.core.project import Project
from goodpractice.core.render import LISTING_KEY, practice_assets
from goodpractice.core.safety import unsafe_svg_files
from goodpractice.core.sanitize import sanitize_html
from goodpractice.core.site import Site, load_site
from goodpractice.core.snapshot import Fingerprint, content_fingerprint
from goodpractice.core.translation_pages import (
    ReaderNotice,
    SiteLanguages,
    reader_notices,
    site_languages,
)

from .config import GoodPracticeConfig

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = get_plugin_logger(__name__)


class GoodPracticePlugin(BasePlugin[GoodPracticeConfig]):
    def __init__(self) -> None:
        self._fingerprint: Fingerprint | None = None
        self._site: Site | None = None
        self._contents: dict[str, str] = {}
        self._assets: dict[str, Path] = {}
        self._generated_files: dict[str, dict[str, bytes]] = {}
        self._notices: dict[tuple[str, str], ReaderNotice] = {}
        self._languages = SiteLanguages({}, frozenset(), {})
        self._fallback_languages: dict[str, set[str]] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # i18n runs one build per language; load and render only when content changed.
        project = self._project(config)
        fingerprint = content_fingerprint(project)
        if fingerprint != self._fingerprint or self._site is None:
            self._site = self._load(project)
            self._contents = _localised_contents(self._site)
            self._assets = practice_assets(self._site)
            self._generated_files = generated_assets(self._site)
            self._notices = reader_notices(self._site)
            self._languages = site_languages(self._site)
            self._fallback_languages = _fallback_languages(self._notices)
            self._fingerprint = fingerprint
        return config

    @event_priority(0)  # before i18n (-100), which must see these files to localise them
    def _add_placeholders(self, files: Files, config: MkDocsConfig) -> Files:
        for src_uri in self._contents:
            files.append(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))
        for uri, path in self._assets.items():
            files.append(File.generated(config, uri, abs_src_path=str(path)))
        return files

    @event_priority(-200)  # after i18n has re-created the files for the current language
    def _fill_placeholders(self, files: Files, config: MkDocsConfig) -> Files:
        for file in files:
            content = self._contents.get(file.src_uri)
            if content is not None:
                file.content_string = content
        # Generated files (QR codes) differ per language: each build serves its own. Added
        # after i18n, which cannot handle files without a source path (nor needs to).
        # i18n serves a language under /<code>/ by rewriting destinations, not site_dir.
        language = str(config.theme["language"])
        assert self._site is not None
        prefix = "" if language == self._site.project.default_language else f"{language}/"
        for uri, by_language in self._generated_files.items():
            if language in by_language:
                files.append(File.generated(config, prefix + uri, content=by_language[language]))
        return files

    on_files = CombinedEvent(_add_placeholders, _fill_placeholders)

    @event_priority(-100)  # after other plugins changed the HTML, so nothing comes in after
    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        # Contributed text (case studies, hand-written pages) is untrusted: only the allow-list
        # passes, even if check was bypassed. Listings made only of our templates are left as is.
        if self._is_listing(page):
            return html
        return sanitize_html(html)

    def on_post_build(self, config: MkDocsConfig) -> None:
        # The second wall for images: an SVG with a script must not be served, whatever put it
        # there (check covers the content folders; themes and other plugins add files too).
        unsafe = unsafe_svg_files(Path(config.site_dir))
        if unsafe:
            raise PluginError(
                "refusing to publish SVG files with scripts or external references: "
                + ", ".join(unsafe)
            )

    def _is_listing(self, page: Page) -> bool:
        # Safe by default: only generated pages that declare themselves listings skip it.
        return page.file.src_uri in self._contents and page.meta.get(LISTING_KEY) is True

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        # Which language the text is in, and the notice of a missing or outdated translation.
        language = str(config.theme["language"])
        uri = neutral(page.file.src_uri)
        notice = self._notices.get((uri, language))
        page.meta.setdefault("gp_text_language", _suffix_language(page.file.src_uri) or language)
        if uri in self._languages.originals:
            page.meta["gp_original_language"] = self._languages.originals[uri]
        if notice is not None:
            _apply_notice(page, notice, config)
        return markdown

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        # The head names no fallback page as a language version (as in sitemap.xml): its text
        # is in another language. The language switcher still leads there, with a notice.
        missing = self._fallback_languages.get(neutral(page.file.src_uri))
        if not missing:
            return output
        return _ALTERNATE_LINK.sub(
            lambda link: "" if link.group("lang") in missing else link.group(0), output
        )

    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        # overrides/sitemap.xml leaves out fallback pages and adds x-default.
        if template_name == "sitemap.xml" and self._site is not None:
            extra: dict[str, Any] = {
                "gp_fallback_paths": self._languages.fallback_paths,
                "gp_x_default": self._languages.x_default,
                "gp_default_language": self._site.project.default_language,
            }
            context.update(extra)  # type: ignore[typeddict-item]
        return context

    def on_serve(
        self, server: LiveReloadServer, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        project = self._project(config)
        for folder in ("practices", "vocabularies", "i18n", "schema", "curriculum", "guides"):
            if (project.root / folder).exists():
                server.watch(str(project.root / folder))
        return server

    def _project(self, config: MkDocsConfig) -> Project:
        root = self.config.project_dir or str(Path(config.config_file_path).parent)
        return Project.at(Path(root))

    @staticmethod
    def _load(project: Project) -> Site:
        try:
            site = load_site(project)
        except ContentError as exc:
            raise PluginError(
                f"the content has {len(exc.problems)} error(s); nothing was built:\n{exc}"
            ) from None
        # Content warnings (an outdated translation) must not stop a strict build: the page is
        # published with a notice. `goodpractice check` lists them.
        for warning in site.warnings:
            log.info(warning.format())
        return site


# Material's <link rel="alternate" href="..." hreflang="xx"> in the head (base.html).
_ALTERNATE_LINK = re.compile(
    r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="(?P<lang>[\w-]+)">\n?'
)


def _fallback_languages(notices: dict[tuple[str, str], ReaderNotice]) -> dict[str, set[str]]:
    """Languages in which each page shows its original in place of a translation."""
    found: dict[str, set[str]] = {}
    for (uri, language), notice in notices.items():
        if notice.fallback:
            found.setdefault(uri, set()).add(language)
    return found


def _suffix_language(src_uri: str) -> str | None:
    parts = src_uri.rsplit(".", 2)
    return parts[1] if len(parts) == 3 and parts[2] == "md" else None


def _apply_notice(page: Page, notice: ReaderNotice, config: MkDocsConfig) -> None:
    page.meta["gp_text_language"] = notice.text_language
    page.meta["gp_translation_notice"] = notice.html
    if notice.fallback:
        # The original, shown in place of a missing translation, is not indexed as this
        # language: Material's search skips it and search engines are sent to the original.
        page.meta["gp_fallback"] = True
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        if config.site_url:
            page.canonical_url = config.site_url.rstrip("/") + "/" + notice.original_page


def _localised_contents(site: Site) -> dict[str, str]:
    """Markdown of every generated page by its suffixed source uri (index.ro.md, ...)."""
    contents: dict[str, str] = {}
    for uri, by_language in generated_pages(site).items():
        stem = uri.removesuffix(".md")
        for language, markdown in by_language.items():
            contents[f"{stem}.{language}.md"] = markdown
    return contents
