"""Language codes in file names and in URLs: the one parser of ``.ro.md`` suffixes, the one
rule for the ``/en/`` prefix. Codes are ISO 639 letters: two (ro, en) or three (rom)."""

from __future__ import annotations

import re

LANGUAGE_CODE = r"[a-z]{2,3}"
_SUFFIX = re.compile(rf"\.({LANGUAGE_CODE})\.md$")
_TEXT_FILE = re.compile(rf"{LANGUAGE_CODE}\.md")


def suffix_language(name: str) -> str | None:
    """The language of a suffixed page: ``about.ro.md`` gives ``ro``; ``about.md`` gives None."""
    match = _SUFFIX.search(name)
    return match.group(1) if match else None


def without_suffix(name: str) -> str:
    """``about.ro.md`` gives ``about.md``; a name without a language suffix is returned as is."""
    return _SUFFIX.sub(".md", name)


def with_suffix(uri: str, language: str) -> str:
    """``practices/x/index.md`` in Romanian is the source file ``practices/x/index.ro.md``."""
    return f"{uri.removesuffix('.md')}.{language}.md"


def is_text_file(name: str) -> bool:
    """A text of a content folder, named by its language alone: ``ro.md``, ``en.md``."""
    return _TEXT_FILE.fullmatch(name) is not None


def language_prefix(language: str, default: str) -> str:
    """Where a language's pages live below the site root: ``""`` for the default, ``"en/"``."""
    return "" if language == default else f"{language}/"
