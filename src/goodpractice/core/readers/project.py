"""Where things are in a content repository, and the site's languages."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from goodpractice.core.readers.yamlsafe import load_yaml


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
    def site_url(self) -> str | None:
        """The public address of the site (``site_url`` in mkdocs.yml), ending in ``/``.

        Read here, not through MkDocs: the core never loads MkDocs' configuration.
        """
        config = self.root / "mkdocs.yml"
        if not config.is_file():
            return None
        data = yaml.load(config.read_text(encoding="utf-8"), Loader=_MkDocsConfigLoader)
        value = data.get("site_url") if isinstance(data, dict) else None
        return str(value).rstrip("/") + "/" if value else None

    def relative(self, path: Path) -> str:
        return path.resolve().relative_to(self.root).as_posix()


class _MkDocsConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml while ignoring MkDocs' own tags (!ENV, !!python/name)."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_MkDocsConfigLoader.add_multi_constructor("!", _ignore_tag)
_MkDocsConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)
