"""MkDocs plugin: adds the generated pages of the core to the build.

mkdocs-static-i18n localises only files that live under docs_dir and re-creates every File,
dropping in-memory content. So pages are added in two steps: placeholders under docs_dir
before i18n sorts them per language, then their content once i18n has re-created them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from goodpractice.core.generators import generated_pages
from goodpractice.core.problems import ContentError
from goodpractice.core.project import Project
from goodpractice.core.render import practice_assets
from goodpractice.core.site import Site, load_site
from goodpractice.core.snapshot import content_fingerprint

from .config import GoodPracticeConfig

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger(__name__)


class GoodPracticePlugin(BasePlugin[GoodPracticeConfig]):
    def __init__(self) -> None:
        self._fingerprint: tuple[Any, ...] | None = None
        self._site: Site | None = None
        self._contents: dict[str, str] = {}
        self._assets: dict[str, Path] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # i18n runs one build per language; load and render only when content changed.
        project = self._project(config)
        fingerprint = content_fingerprint(project)
        if fingerprint != self._fingerprint or self._site is None:
            self._site = self._load(project)
            self._contents = _localised_contents(self._site)
            self._assets = practice_assets(self._site)
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
        return files

    on_files = CombinedEvent(_add_placeholders, _fill_placeholders)

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
        for warning in site.warnings:
            log.warning(warning.format())
        return site


def _localised_contents(site: Site) -> dict[str, str]:
    """Markdown of every generated page by its suffixed source uri (index.ro.md, ...)."""
    contents: dict[str, str] = {}
    for uri, by_language in generated_pages(site).items():
        stem = uri.removesuffix(".md")
        for language, markdown in by_language.items():
            contents[f"{stem}.{language}.md"] = markdown
    return contents
