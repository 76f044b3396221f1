"""Where things are in a content repository, and the site's languages."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from goodpractice.core.readers.yamlsafe import load_yaml

# MkDocs 1.6 always adds these (config_options.MarkdownExtensions(builtins=...)).
MKDOCS_BUILTIN_EXTENSIONS = ("toc", "tables", "fenced_code")


class ProjectError(Exception):
    """The folder is not a content repository."""


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    locale: str  # for number and date formatting (Babel)


@dataclass(frozen=True)
class Project:
    root: Path
    languages: tuple[Language, ...] = field(default=())

    @classmethod
    def at(cls, root: Path) -> Project:
        """The project whose top folder is ``root``; languages come from i18n/languages.yml."""
        root = root.resolve()
        settings = root / "i18n" / "languages.yml"
        if not settings.is_file():
            raise ProjectError(
                f"{root} is not a goodpractice project: i18n/languages.yml is missing"
            )
        doc = load_yaml(settings.read_text(encoding="utf-8"))
        languages = tuple(
            Language(code, str(spec["name"]), str(spec["locale"]))
            for code, spec in doc.data["languages"].items()
        )
        return cls(root, languages)

    @cached_property
    def language_codes(self) -> list[str]:
        return [language.code for language in self.languages]

    @property
    def default_language(self) -> str:
        return self.languages[0].code

    def language(self, code: str) -> Language:
        return next(language for language in self.languages if language.code == code)

    @property
    def practices_dir(self) -> Path:
        return self.root / "practices"

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def vocabularies_dir(self) -> Path:
        return self.root / "vocabularies"

    @property
    def schema_dir(self) -> Path:
        return self.root / "schema"

    @property
    def overrides_dir(self) -> Path:
        return self.root / "overrides"

    @property
    def i18n_dir(self) -> Path:
        return self.root / "i18n"

    @cached_property
    def _mkdocs_config(self) -> dict[str, Any]:
        """mkdocs.yml as data. Read here, not through MkDocs: the core never loads MkDocs."""
        config = self.root / "mkdocs.yml"
        if not config.is_file():
            return {}
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=_MkDocsConfigLoader)
        return data if isinstance(data, dict) else {}

    @cached_property
    def site_url(self) -> str | None:
        """The public address of the site (``site_url`` in mkdocs.yml), ending in ``/``."""
        value = self._mkdocs_config.get("site_url")
        return str(value).rstrip("/") + "/" if value else None

    @cached_property
    def markdown_extensions(self) -> tuple[tuple[str, ...], dict[str, dict[str, Any]]]:
        """The Markdown extensions the build renders with: MkDocs' own, then mkdocs.yml's.

        ``check`` renders every text with them, so it judges what the build will publish.
        """
        names = list(MKDOCS_BUILTIN_EXTENSIONS)
        options: dict[str, dict[str, Any]] = {}
        for entry in self._mkdocs_config.get("markdown_extensions") or []:
            name, settings = (entry, {}) if isinstance(entry, str) else next(iter(entry.items()))
            if name not in names:
                names.append(str(name))
            options[str(name)] = dict(settings or {})
        return tuple(names), options

    def relative(self, path: Path) -> str:
        """``path`` relative to the root, without following links (a link may point outside)."""
        return Path(os.path.abspath(path)).relative_to(self.root).as_posix()


class _MkDocsConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml while ignoring MkDocs' own tags (!ENV, !!python/name)."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_MkDocsConfigLoader.add_multi_constructor("!", _ignore_tag)
_MkDocsConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)
