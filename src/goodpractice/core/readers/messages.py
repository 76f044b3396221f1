"""Read the message catalogue (``i18n/messages.yml``) and choose the language to speak.

The catalogue is configuration, like ``i18n/languages.yml``: without it the tool cannot say
anything, so a broken catalogue stops the command with the file and line (in both languages).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from goodpractice.core.base.messages import Catalogue
from goodpractice.core.readers.project import Project, ProjectError
from goodpractice.core.readers.yamlsafe import YamlSyntaxError, load_yaml

MESSAGES_FILE = Path("i18n") / "messages.yml"
# Set by the caller (a workflow, the test harness) to choose the language of messages.
LANGUAGE_VARIABLE = "GOODPRACTICE_LANG"
# The POSIX order in which the locale is looked up (GNU's LANGUAGE list comes first).
_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_cache: dict[Path, tuple[int, Catalogue]] = {}


def load_catalogue(project: Project) -> Catalogue:
    """The project's catalogue, read again only when the file changed."""
    path = project.root / MESSAGES_FILE
    try:
        stamp = path.stat().st_mtime_ns
    except FileNotFoundError:
        raise ProjectError(
            f"{MESSAGES_FILE.as_posix()} is missing: it holds every message of "
            "'goodpractice check' / lipsește: conține toate mesajele verificării"
        ) from None
    cached = _cache.get(path)
    if cached is None or cached[0] != stamp:
        cached = (stamp, _read(path, project))
        _cache[path] = cached
    return cached[1]


def _read(path: Path, project: Project) -> Catalogue:
    name = MESSAGES_FILE.as_posix()
    try:
        doc = load_yaml(path.read_text(encoding="utf-8"))
    except (YamlSyntaxError, UnicodeDecodeError) as exc:
        line = exc.line if isinstance(exc, YamlSyntaxError) else 1
        raise ProjectError(
            f"{name}:{line}: the message catalogue cannot be read / catalogul de mesaje nu "
            "poate fi citit"
        ) from None
    data = doc.data if isinstance(doc.data, dict) else {}
    return Catalogue(
        messages=_texts(data.get("messages")),
        fields=_texts(data.get("fields")),
        locales={language.code: language.locale for language in project.languages},
        path=name,
    )


def _texts(section: object) -> dict[str, dict[str, str]]:
    if not isinstance(section, dict):
        return {}
    return {
        str(key): {str(lang): str(text) for lang, text in values.items()}
        for key, values in section.items()
        if isinstance(values, dict)
    }


def message_language(
    project: Project, requested: str | None = None, environ: Mapping[str, str] | None = None
) -> str:
    """The language messages are printed in: ``--lang``, else $GOODPRACTICE_LANG, else the
    locale when it is a language of the site (ro_RO.UTF-8 is ro), else the site's default."""
    env = os.environ if environ is None else environ
    codes = project.language_codes
    for candidate in (requested, env.get(LANGUAGE_VARIABLE)):
        if candidate:
            if candidate not in codes:
                raise ProjectError(
                    f"'{candidate}' is not a language of the site; use one of {', '.join(codes)}"
                )
            return candidate
    for variable in _LOCALE_VARIABLES:
        value = env.get(variable, "")
        if value:
            # LANGUAGE may list several (ro:en); the first one decides, like gettext.
            code = value.split(":")[0].split("_")[0].split(".")[0].lower()
            if code in codes:
                return code
            if variable != "LANGUAGE":
                break
    return project.default_language


__all__ = ["LANGUAGE_VARIABLE", "MESSAGES_FILE", "load_catalogue", "message_language"]
