"""Where things are in a content repository, and the site's languages."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .yamlsafe import load_yaml


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

    def relative(self, path: Path) -> str:
        return path.resolve().relative_to(self.root).as_posix()
