"""Read one content file: UTF-8 text, YAML or Markdown, or a problem saying why not."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from goodpractice.core.base.messages import msg
from goodpractice.core.base.problems import FILE, HEADER, Problem
from goodpractice.core.readers.markdowndoc import FrontMatterError, MarkdownDocument, parse_markdown
from goodpractice.core.readers.yamlsafe import YamlDocument, YamlSyntaxError, load_yaml

# Refuse to read giant files: a content file of this size is a mistake or an attack.
MAX_FILE_BYTES = 1_000_000
# YAML takes PyYAML about 25 µs a value: a quarter of a megabyte stays under a second, and the
# largest YAML file of the project (i18n/interface.yml) is 20 KB.
MAX_YAML_BYTES = 250_000


@dataclass
class TextSource:
    language: str
    path: str
    doc: MarkdownDocument


LINK_MESSAGE = msg("file.symlink")


def read_text(
    path: Path, rel: str, limit: int = MAX_FILE_BYTES
) -> tuple[str | None, Problem | None]:
    """Read a UTF-8 text file, or say in words why it cannot be read."""
    if path.is_symlink():
        return None, Problem(rel, 1, FILE, LINK_MESSAGE)
    size = path.stat().st_size
    if size > limit:
        kind = msg("word.content-files" if limit == MAX_FILE_BYTES else "word.yml-files")
        bound = f"{limit // 1_000_000} MB" if limit >= 1_000_000 else f"{limit // 1000} KB"
        return None, Problem(rel, 1, FILE, msg("file.too-large", size=size, kind=kind, bound=bound))
    data = path.read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Windows Notepad's "Unicode": the commonest wrong encoding after the legacy code pages.
        return None, Problem(rel, 1, FILE, msg("file.utf16"))
    if b"\x00" in data:
        return None, Problem(rel, 1, FILE, msg("file.binary"))
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, Problem(rel, line, FILE, msg("file.not-utf8"))


def parse_yaml_file(path: Path, rel: str, problems: list[Problem]) -> YamlDocument | None:
    text, problem = read_text(path, rel, MAX_YAML_BYTES)
    if problem or text is None:
        problems.extend([problem] if problem else [])
        return None
    try:
        return load_yaml(text)
    except YamlSyntaxError as exc:
        problems.append(Problem(rel, exc.line, FILE, exc.message))
        return None


def parse_markdown_file(path: Path, rel: str, problems: list[Problem]) -> MarkdownDocument | None:
    text, problem = read_text(path, rel)
    if problem or text is None:
        problems.extend([problem] if problem else [])
        return None
    try:
        return parse_markdown(text)
    except (YamlSyntaxError, FrontMatterError) as exc:
        problems.append(Problem(rel, exc.line, HEADER, exc.message))
        return None
