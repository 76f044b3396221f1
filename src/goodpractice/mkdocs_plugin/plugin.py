"""MkDocs plugin: adds the generated pages of the core to the build.

The handlers below are in the order MkDocs calls them; each delegates to the core or to a
small helper. mkdocs-static-i18n localises only files that live under docs_dir and re-creates
every File, dropping in-memory content. So pages are added in two steps: placeholders under
docs_dir before i18n sorts them per language, then their content once i18n re-created them.
"""

from __future__ import annotations

import functools
import logging
import re
import sys
from collections.abc import Callable
from html import unescape
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import jinja2
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from goodpractice.build.pagebuild import refusal
from goodpractice.build.preview import KeptBytecode
from goodpractice.core.base import pagemeta
from goodpractice.core.base.languages import language_prefix, suffix_language
from goodpractice.core.base.links import neutral
from goodpractice.core.base.messages import msg
from goodpractice.core.base.plaintext import published_meta
from goodpractice.core.base.problems import ContentError, Problem
from goodpractice.core.checks.files import SvgVerdicts, docs_file_problem, unsafe_svg_files
from goodpractice.core.checks.sanitize import sanitize_html
from goodpractice.core.pages.preview import error_page, preview_notices
from goodpractice.core.pages.templates import Page as GeneratedContent
from goodpractice.core.pages.templates import join_blocks
from goodpractice.core.pages.translations import ReaderNotice
from goodpractice.core.pipeline import SiteOutput, release_page, site_output
from goodpractice.core.readers.labels import load_labels
from goodpractice.core.readers.messages import load_catalogue, message_language
from goodpractice.core.readers.project import Project
from goodpractice.core.readers.rendering import PublishedRender

from .config import GoodPracticeConfig

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

log = get_plugin_logger(__name__)


class GoodPracticePlugin(BasePlugin[GoodPracticeConfig]):
    def __init__(self) -> None:
        self._output: SiteOutput | None = None
        self._serving = False
        # Under `serve`, content errors become a page instead of a failed build (see preview.py).
        self._errors: list[Problem] = []
        # The first content after errors: every page on disk is the error page, so serve's
        # dirty build must render them all again (both languages), not only what changed.
        self._recovered: SiteOutput | None = None
        # serve: SVG files of the preview read once, until they change (on_post_build).
        self._svg_verdicts: SvgVerdicts | None = None
        # Case-study pages (src_uri): their text as MkDocs read it, until the last handler of
        # on_page_markdown; then those it was given empty, to publish check's render instead.
        self._given: dict[str, str] = {}
        self._prerendered: dict[str, _LinkTools] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._serving = command == "serve"
        self._svg_verdicts = {} if self._serving else None

    # --- once per build (i18n runs one build per language) ---------------------------------

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.enabled:
            project = self._project(config)
            if self._serving:
                self._output = self._load_for_preview(project, config)
            else:
                self._output = self._load(project)
        return config

    @event_priority(0)  # before i18n (-100), which must see these files to localise them
    def _add_placeholders(self, files: Files, config: MkDocsConfig) -> Files:
        if self._output is None:
            return files
        self._leave_out_unpublishable(files, config, self._output)
        for src_uri in self._output.contents:
            files.append(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))
        for uri, path in self._output.assets.items():
            files.append(File.generated(config, uri, abs_src_path=str(path)))
        return files

    @event_priority(-200)  # after i18n has re-created the files for the current language
    def _fill_placeholders(self, files: Files, config: MkDocsConfig) -> Files:
        if self._output is None:
            return files
        changed = self._output.changed
        everything = self._output is self._recovered
        for file in files.documentation_pages():
            if everything:
                _mark_changed(file)
                if file.src_uri in self._output.contents:
                    file.content_string = ""
            elif file.src_uri in self._output.contents:
                file.content_string = ""  # read through on_page_read_source, never from disk
                if changed is not None and file.src_uri not in changed:
                    _mark_unchanged(file)
            elif changed is not None and file.src_uri in changed:
                _mark_changed(file)  # a hand-written page whose trusted HTML moved (home)
        self._add_generated_files(files, config, self._output)
        return files

    on_files = CombinedEvent(_add_placeholders, _fill_placeholders)

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment:
        if self._serving:
            env.bytecode_cache = _KEPT_BYTECODE
        return env

    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        # overrides/sitemap.xml leaves out fallback pages and adds x-default.
        if template_name == "sitemap.xml" and self._output is not None:
            languages = self._output.languages
            extra: dict[str, Any] = {
                pagemeta.SITEMAP_FALLBACK_PATHS: languages.fallback_paths,
                pagemeta.SITEMAP_X_DEFAULT: languages.x_default,
                pagemeta.SITEMAP_DEFAULT_LANGUAGE: self._output.site.project.default_language,
            }
            context.update(extra)  # type: ignore[typeddict-item]
        return context

    # --- once per page -----------------------------------------------------------------------

    def on_page_read_source(self, /, *, page: Page, config: MkDocsConfig) -> str | None:
        # A generated page's metadata is set as a mapping (below), never dumped and re-parsed
        # as YAML; MkDocs gets empty front matter (so no line of the text is read as metadata)
        # and the Markdown text only: our HTML around it is added after Markdown ran.
        generated = self._generated(page)
        return None if generated is None else _EMPTY_FRONT_MATTER + generated.markdown

    @event_priority(100)  # first: other handlers may read the page's metadata
    def _set_generated_meta(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        generated = self._generated(page)
        if generated is not None:
            page.meta = dict(generated.meta)  # a copy: handlers add keys, serve builds again
            if generated.rendered is not None:
                self._given[page.file.src_uri] = markdown  # as MkDocs read it, before handlers
        return markdown

    def _set_text_language(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        # Which language the text is in, and the notice of a missing or outdated translation.
        if self._output is None:
            return markdown
        self._keep_hand_written_keys(page)
        language = str(config.theme["language"])
        uri = neutral(page.file.src_uri)
        text_language = suffix_language(page.file.src_uri) or language
        page.meta.setdefault(pagemeta.TEXT_LANGUAGE, text_language)
        originals = self._output.languages.originals
        if uri in originals:
            page.meta[pagemeta.ORIGINAL_LANGUAGE] = originals[uri]
        notice = self._output.notices.get((uri, language))
        if notice is not None:
            _apply_notice(page, notice, config)
        return markdown

    @event_priority(-200)  # last: what other plugins and hooks do to the text comes first
    def _skip_second_render(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        # A case study's text that no other handler changed was rendered by check: MkDocs gets
        # nothing to render, and on_page_content publishes check's render with its links set.
        given = self._given.pop(page.file.src_uri, None)
        tools = _link_tools(page)
        if given is None or tools is None:
            return markdown
        # mkdocs-static-i18n gives every text back joined from its lines (without the last
        # newline): the same text to Markdown, unless a line break of another kind was split.
        if markdown.splitlines() != given.splitlines() or _OTHER_LINE_BREAK.search(given):
            return markdown  # changed by another handler: MkDocs renders the text as changed
        self._prerendered[page.file.src_uri] = tools
        return ""

    on_page_markdown = CombinedEvent(_set_generated_meta, _set_text_language, _skip_second_render)

    @event_priority(-100)  # after other plugins changed the HTML, so nothing comes in after
    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        # Contributed text (case studies, hand-written pages) is untrusted: only the allow-list
        # passes, even if check was bypassed. What our templates draw around a generated page's
        # text (summary, fact box) and listings made only of them are not sanitised: Jinja
        # escapes every value, and links from content are web addresses only (base/links).
        # Sanitised on its own, the text cannot close the elements it sits in either.
        # Page metadata is escaped here, the last step before templates: MkDocs renders every
        # page's content before any template, and navigation prints other pages' titles.
        generated = self._generated(page)
        if generated is not None:
            tools = self._prerendered.pop(page.file.src_uri, None)
            if tools is not None and generated.rendered is not None:
                html = _published_text(page, generated.rendered, tools, files, config)
            if self._output is not None and not self._is_listing(page):
                html = sanitize_html(html)
            html = _with_generated_html(page, generated, html)
        if self._output is None:
            return html
        page.meta = self._published_meta(page, str(config.theme["language"]))
        return html if generated is not None else sanitize_html(html)

    def _drop_alternates(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        # The head names no fallback page as a language version (as in sitemap.xml): its text
        # is in another language. The language switcher still leads there, with a notice.
        if self._errors:
            return self._error_page(config)
        if self._output is None:
            return output
        missing = self._output.fallback_languages.get(neutral(page.file.src_uri))
        if not missing:
            return output
        return _ALTERNATE_LINK.sub(
            lambda link: "" if link.group("lang") in missing else link.group(0), output
        )

    @event_priority(-200)  # last: the page is rendered, and only writing it is left
    def _release_content(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        # MkDocs keeps every page's HTML until the build ends, and the second language is
        # built inside the first one's on_post_build: both would be in memory at once.
        if self._output is not None:
            page.content = None
            if release_page(self._output, page.file.src_uri):  # only in a one-off build
                for key in pagemeta.DRAWN_ONCE_KEYS:
                    page.meta.pop(key, None)
        return output

    on_post_page = CombinedEvent(_drop_alternates, _release_content)

    # --- once per build, at its end ---------------------------------------------------------

    def on_post_build(self, config: MkDocsConfig) -> None:
        # The second wall for images: an SVG with a script must not be served, whatever put it
        # there (check covers the content folders; themes and other plugins add files too).
        if self._errors:
            _write_error_pages(Path(config.site_dir), self._error_page(config))
            return
        if self._output is None:
            return
        unsafe = unsafe_svg_files(Path(config.site_dir), self._svg_verdicts)
        if unsafe:
            raise PluginError(
                "refusing to publish SVG files with scripts or external references: "
                + ", ".join(unsafe)
            )

    # --- once, when `serve` starts (after the first build) ----------------------------------

    def on_serve(
        self, server: LiveReloadServer, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        if not self.config.enabled:
            return server
        project = self._project(config)
        for folder in ("practices", "vocabularies", "i18n", "schema", "curriculum", "guides"):
            if (project.root / folder).exists():
                server.watch(str(project.root / folder))
        _say_where(project, str(config.site_url or "http://127.0.0.1:8000/"))
        return server

    # --- helpers ------------------------------------------------------------------------------

    def _generated(self, page: Page) -> GeneratedContent | None:
        return None if self._output is None else self._output.contents.get(page.file.src_uri)

    def _keep_hand_written_keys(self, page: Page) -> None:
        """A hand-written page keeps only the front-matter keys it may set (check refuses the
        others: Material's template, redirect, icon... and the platform's gp_* keys)."""
        assert self._output is not None
        if page.file.src_uri in self._output.contents:
            return
        dropped = sorted(set(page.meta) - pagemeta.HAND_WRITTEN_KEYS)
        if dropped:
            log.warning(f"{page.file.src_uri}: front matter left out: {', '.join(dropped)}")
        page.meta = {k: v for k, v in page.meta.items() if k in pagemeta.HAND_WRITTEN_KEYS}

    def _published_meta(self, page: Page, language: str) -> dict[str, Any]:
        """The page's metadata as templates may print it: every plain-text value escaped once;
        HTML only from our own templates (never from a hand-written page's metadata)."""
        assert self._output is not None
        generated = page.file.src_uri in self._output.contents
        allowed = pagemeta.GENERATED_KEYS if generated else pagemeta.HAND_WRITTEN_KEYS | _OWN_KEYS
        meta = {k: v for k, v in page.meta.items() if k in allowed}
        if "title" not in meta and page.title:
            # Material prints `page.title | striptags` raw, and striptags decodes entities: a
            # title taken from the first heading is kept as text, escaped like every other.
            meta["title"] = unescape(str(page.title))
        published = published_meta(meta, data=pagemeta.DATA_KEYS if generated else ())
        # HTML only from our own templates, through the core's records.
        packed = self._output.trusted_html.get(page.file.src_uri, {})
        trusted = {key: html.text for key, html in packed.items()}
        notice = self._output.notices.get((neutral(page.file.src_uri), language))
        if notice is not None:
            trusted[pagemeta.TRANSLATION_NOTICE] = notice.html
        published.update({key: Markup(html) for key, html in trusted.items()})
        return published

    @staticmethod
    def _leave_out_unpublishable(files: Files, config: MkDocsConfig, output: SiteOutput) -> None:
        # The files' wall: check refuses these; a file it never saw is left out here, and the
        # theme's own file put back where a docs file had taken its place.
        docs_dir = Path(config.docs_dir)
        layout = output.layout
        languages = output.site.project.language_codes[1:]
        for file in list(files):
            if (
                not file.abs_src_path
                or Path(file.abs_src_path).parent.is_relative_to(docs_dir) is False
            ):
                continue
            reason = docs_file_problem(
                docs_dir,
                file.src_uri,
                layout.owned_folders,
                frozenset(layout.owned_pages),
                languages,
            )
            if reason:
                project = output.site.project
                words = load_catalogue(project).text(reason, message_language(project))
                log.warning(f"left out docs/{file.src_uri}: {words}")
                files.remove(file)
                _restore_theme_file(files, config, file.src_uri)

    def _is_listing(self, page: Page) -> bool:
        # Safe by default: only generated pages that declare themselves listings skip it.
        generated = self._generated(page)
        return generated is not None and generated.meta.get(pagemeta.LISTING) is True

    def _project(self, config: MkDocsConfig) -> Project:
        root = self.config.project_dir or str(Path(config.config_file_path).parent)
        return Project.at(Path(root))

    def _load(self, project: Project) -> SiteOutput:
        try:
            return self._loaded(project)
        except ContentError as exc:
            raise PluginError(refusal(project, exc.problems)) from None

    def _loaded(self, project: Project) -> SiteOutput:
        previous = self._output
        output = site_output(project, quick=self._serving)
        # Content warnings (an outdated translation) must not stop a strict build: the page is
        # published with a notice. `goodpractice check` lists them, once per state of the content.
        if previous is None or previous.site is not output.site:
            catalogue, language = load_catalogue(project), message_language(project)
            for warning in output.site.warnings:
                log.info(catalogue.problem(warning, language))
        return output

    def _load_for_preview(self, project: Project, config: MkDocsConfig) -> SiteOutput | None:
        """Under serve: a content error lists the problems on every page (the browser would
        otherwise wait on a failed build), and every page names what is full-build only."""
        labels, _problems = load_labels(
            project.i18n_dir / "interface.yml", project.root, project.language_codes
        )
        previous = self._output
        try:
            output = self._loaded(project)
        except ContentError as exc:
            if exc.problems != self._errors:  # i18n builds once per language: say it once
                _tell_the_terminal(project, exc.problems)
            self._errors = exc.problems
            return None
        finally:
            _QUIET_WHILE_BROKEN.broken = bool(self._errors)
        if self._errors:
            self._recovered = output
        self._errors = []
        _QUIET_WHILE_BROKEN.broken = False
        # The pages rendered again after a quick load say what they do not show.
        config.extra[pagemeta.PREVIEW_NOTICE] = preview_notices(labels, quick=bool(output.edited))
        if output.edited and output is not previous:  # i18n builds once per language
            _say_quick(project, output.edited)
        return output

    def _error_page(self, config: MkDocsConfig) -> str:
        project = self._project(config)
        labels, _problems = load_labels(
            project.i18n_dir / "interface.yml", project.root, project.language_codes
        )
        catalogue, language = load_catalogue(project), message_language(project)
        return error_page(project, catalogue, labels, self._errors, language)

    @staticmethod
    def _add_generated_files(files: Files, config: MkDocsConfig, output: SiteOutput) -> None:
        # Generated files (QR codes) differ per language: each build serves its own. Added
        # after i18n, which cannot handle files without a source path (nor needs to).
        # i18n serves a language under /<code>/ by rewriting destinations, not site_dir.
        language = str(config.theme["language"])
        prefix = language_prefix(language, output.site.project.default_language)
        moved = output.changed_files
        for uri, by_language in output.generated_files.items():
            if language in by_language:
                file = File.generated(config, prefix + uri, content=by_language[language])
                if moved is not None and (uri, language) not in moved:
                    _mark_unchanged(file)  # serve: written by an earlier build, as it is
                files.append(file)


_EMPTY_FRONT_MATTER = "---\n{}\n---\n"
# Line breaks str.splitlines() knows and Markdown does not (it reads only \n and \r\n).
_OTHER_LINE_BREAK = re.compile("[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
# serve: theme templates compiled once for the whole session (build/preview.py).
_KEPT_BYTECODE = KeptBytecode()


def _unchanged() -> bool:
    return False


def _changed() -> bool:
    return True


def _mark_changed(file: File) -> None:
    file.is_modified = _changed  # type: ignore[method-assign]


def _mark_unchanged(file: File) -> None:
    # `serve` builds "dirty": MkDocs renders only the files that say they changed. A generated
    # page has no file to compare dates with, so it says what the pipeline found.
    file.is_modified = _unchanged  # type: ignore[method-assign]


# What MkDocs' scan of raw HTML collects as link targets: id attributes and <a name>.
_ANCHOR = re.compile(r'<[a-zA-Z][^>]*?\sid="([^"]*)"|<a\s[^>]*?\bname="([^"]*)"')


class _LinkTools(NamedTuple):
    """What the site generator running now would use to render a page (MkDocs or ProperDocs):
    its link processor and its table of contents."""

    processor: Any  # structure.pages._RelativePathTreeprocessor
    get_toc: Callable[[list[Any]], Any]


@functools.cache
def _tools_of(module_name: str) -> _LinkTools | None:
    pages = sys.modules.get(module_name)
    toc = sys.modules.get(module_name.rsplit(".", 1)[0] + ".toc")
    processor = getattr(pages, "_RelativePathTreeprocessor", None)
    get_toc = getattr(toc, "get_toc", None)
    if processor is None or get_toc is None or not hasattr(processor, "path_to_url"):
        return None  # another generator: it renders the text itself
    return _LinkTools(processor, get_toc)


def _link_tools(page: Page) -> _LinkTools | None:
    return _tools_of(type(page).__module__)


def _published_text(
    page: Page, rendered: PublishedRender, tools: _LinkTools, files: Files, config: MkDocsConfig
) -> str:
    """A case study's text as check rendered it, each link target set by the generator's own
    processor, exactly as its render would have (MkDocs 1.6, Page.render): the text is not
    rendered a second time (5 s of CPU at 1,000 case studies)."""
    links = tools.processor(page.file, files, config)
    html = rendered.fill(links.path_to_url)
    page.toc = tools.get_toc(list(rendered.toc_tokens))
    page.present_anchor_ids = set(rendered.anchor_ids)
    if logging.getLogger("mkdocs.structure.pages").getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = links.links_to_anchors
    return html


def _with_generated_html(page: Page, generated: GeneratedContent, rendered: str) -> str:
    """The page's HTML: our parts around its rendered Markdown, and their anchors known."""
    before, after = generated.before, generated.after  # each unpacked once
    text = rendered if generated.has_markdown else ""
    html = join_blocks(before, text, after)
    ours = before + after
    page.present_anchor_ids = (page.present_anchor_ids or set()) | {
        a or b for a, b in _ANCHOR.findall(ours)
    }
    return html


class _QuietWhileBroken(logging.Filter):
    """While the content has errors, MkDocs' warnings about the pages it then lacks (nav
    entries, links) only hide the real messages: they are left out until the content is fixed."""

    broken = False

    def filter(self, record: logging.LogRecord) -> bool:
        return not self.broken


_QUIET_WHILE_BROKEN = _QuietWhileBroken()
for _name in (
    "mkdocs.structure.nav",
    "mkdocs.structure.pages",
    "mkdocs.structure.files",
    "mkdocs.commands.build",
):
    logging.getLogger(_name).addFilter(_QUIET_WHILE_BROKEN)


def _tell_the_terminal(project: Project, problems: list[Problem]) -> None:
    catalogue, language = load_catalogue(project), message_language(project)
    lines = [catalogue.problem(problem, language) for problem in problems]
    lines.append(catalogue.text(msg("serve.errors-shown"), language))
    print("\n".join(lines), file=sys.stderr)


def _say_quick(project: Project, edited: frozenset[str]) -> None:
    catalogue, language = load_catalogue(project), message_language(project)
    said = msg("serve.quick", cases=", ".join(sorted(edited)))
    print(catalogue.text(said, language), file=sys.stderr, flush=True)


def _say_where(project: Project, address: str) -> None:
    """The preview's address, once the first build is done (MkDocs' own log is not shown)."""
    catalogue, language = load_catalogue(project), message_language(project)
    english = address + language_prefix("en", project.default_language)
    print(
        catalogue.text(msg("serve.address", address=address, english=english), language),
        file=sys.stderr,
        flush=True,
    )


def _write_error_pages(site_dir: Path, html: str) -> None:
    """The pages rendered in this build were replaced in on_post_page; serve builds dirty, so
    the pages it did not render (and the generated ones it could not make) are replaced here:
    no page shows content from before the errors. 404.html answers the addresses of pages that
    could not be made (MkDocs' serve sends it for a missing file)."""
    for page in site_dir.rglob("*.html"):
        page.write_text(html, encoding="utf-8")
    for name in ("404.html", "index.html"):
        (site_dir / name).write_text(html, encoding="utf-8")


# The keys this adapter sets on a hand-written page (on_page_markdown, _apply_notice).
_OWN_KEYS = frozenset(
    {pagemeta.TEXT_LANGUAGE, pagemeta.ORIGINAL_LANGUAGE, pagemeta.FALLBACK, "search"}
)

# Material's <link rel="alternate" href="..." hreflang="xx"> in the head (base.html).
_ALTERNATE_LINK = re.compile(
    r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="(?P<lang>[\w-]+)">\n?'
)


def _restore_theme_file(files: Files, config: MkDocsConfig, src_uri: str) -> None:
    """Add the theme's file at ``src_uri``, which MkDocs skipped for a docs file there."""
    for folder in config.theme.dirs:
        if (Path(folder) / src_uri).is_file():
            files.append(File(src_uri, folder, config.site_dir, config.use_directory_urls))
            return


def _apply_notice(page: Page, notice: ReaderNotice, config: MkDocsConfig) -> None:
    page.meta[pagemeta.TEXT_LANGUAGE] = notice.text_language
    if notice.fallback:
        # The original, shown in place of a missing translation, is not indexed as this
        # language: Material's search skips it and search engines are sent to the original.
        page.meta[pagemeta.FALLBACK] = True
        page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
        if config.site_url:
            page.canonical_url = config.site_url.rstrip("/") + "/" + notice.original_page
