"""Interface strings the project adds (fact-box labels, generated headings), per language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from goodpractice.core.base.messages import msg
from goodpractice.core.base.problems import FILE, Problem
from goodpractice.core.readers.files import MAX_YAML_BYTES, read_text
from goodpractice.core.readers.yamlsafe import YamlDocument, YamlSyntaxError, load_yaml


@dataclass(frozen=True)
class Labels:
    strings: dict[str, dict[str, str]]
    path: str = "i18n/interface.yml"
    lines: dict[str, int] = field(default_factory=dict)
    source: YamlDocument | None = None  # as read, for the rules on every value
    # Every page asks for its language's strings: made once per language, read-only.
    _by_language: dict[str, Mapping[str, str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def get(self, key: str, language: str) -> str:
        return self.strings[key][language]

    def for_language(self, language: str) -> Mapping[str, str]:
        if language not in self._by_language:
            self._by_language[language] = MappingProxyType(
                {
                    key: values[language]
                    for key, values in self.strings.items()
                    if language in values
                }
            )
        return self._by_language[language]


def load_labels(path: Path, root: Path, languages: list[str]) -> tuple[Labels, list[Problem]]:
    rel = path.relative_to(root).as_posix()
    text, problem = (
        read_text(path, rel, MAX_YAML_BYTES)
        if path.is_file() or path.is_symlink()
        else (None, None)
    )
    if problem or text is None:
        return Labels({}), [problem or Problem(rel, 1, FILE, msg("file.missing"))]
    try:
        doc = load_yaml(text)
    except YamlSyntaxError as exc:
        return Labels({}), [Problem(rel, exc.line, "labels", exc.message)]
    data = doc.data if isinstance(doc.data, dict) else {}
    problems = [
        Problem(
            rel, doc.line_of((key,)), f"{key}.{lang}", msg("labels.missing-text", language=lang)
        )
        for key, values in data.items()
        for lang in languages
        if not isinstance(values, dict) or not str(values.get(lang, "")).strip()
    ]
    strings = {
        str(key): {str(k): str(v) for k, v in values.items()}
        for key, values in data.items()
        if isinstance(values, dict)
    }
    lines = {str(key): doc.line_of((key,)) for key in data}
    return Labels(strings, rel, lines, doc), problems
