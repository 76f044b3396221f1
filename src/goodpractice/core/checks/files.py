"""Rules for the files of a contribution: which ones the site may publish as they are.

The site publishes the files beside case studies and under ``docs/`` byte for byte, on its own
address. Only the raster images of ``data/file-policy.yml`` may be there (checked by their
first bytes, not only their names); no symbolic link anywhere in the content folders (it could
point at the build machine's secrets); and no file where the theme, the build or a generated
page puts its own (a stylesheet, a script, an export, a case-study page).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path, PurePosixPath
from xml.parsers import expat

import yaml

from goodpractice.core.base.languages import is_text_file, suffix_language
from goodpractice.core.base.messages import Message, msg
from goodpractice.core.base.problems import FILE, Problem
from goodpractice.core.readers.content import RawContent
from goodpractice.core.readers.files import LINK_MESSAGE
from goodpractice.core.readers.longdoc_sources import KINDS
from goodpractice.core.readers.walk import is_real_file

POLICY_FILE = "file-policy.yml"


@dataclass(frozen=True)
class FilePolicy:
    images: dict[str, tuple[bytes, ...]]  # extension -> the bytes a real file starts with
    reserved_folders: frozenset[str]
    reserved_files: frozenset[str]

    @property
    def image_types(self) -> str:
        return ", ".join(f".{ext}" for ext in self.images)


@cache
def file_policy() -> FilePolicy:
    text = resources.files("goodpractice.core").joinpath("data", POLICY_FILE).read_text("utf-8")
    data = yaml.safe_load(text)
    return FilePolicy(
        images={
            str(ext): tuple(bytes.fromhex(sig) for sig in sigs)
            for ext, sigs in data["images"].items()
        },
        reserved_folders=frozenset(data["reserved_folders"]),
        reserved_files=frozenset(data["reserved_files"]),
    )


def unpublishable(path: Path) -> Message | None:
    """Why the file at ``path`` may not be published as it is, or None if it may.

    Shared by ``check`` (a message per file) and the build (which leaves such files out).
    """
    if path.is_symlink():
        return LINK_MESSAGE
    extension = path.suffix.lower().lstrip(".")
    policy = file_policy()
    if extension == "svg":
        return msg("files.svg")
    if extension not in policy.images:
        kind = msg("files.kind", extension=extension) if extension else msg("files.no-extension")
        return msg("files.not-published", kind=kind, images=policy.image_types)
    with path.open("rb") as handle:
        head = handle.read(16)
    if not _has_signature(head, policy.images[extension], extension):
        return msg("files.fake-image", extension=extension, kind=extension.upper())
    return None


def _has_signature(head: bytes, signatures: tuple[bytes, ...], extension: str) -> bool:
    if not head.startswith(signatures):
        return False
    return extension != "webp" or head[8:12] == b"WEBP"


def _validate_links(raw: RawContent) -> Iterator[Problem]:
    """No symbolic link and no special file in the content folders."""
    for rel in raw.links:
        yield Problem(rel, 1, FILE, LINK_MESSAGE)
    for rel in raw.special_files:
        yield Problem(rel, 1, FILE, msg("files.special"))


def _validate_published_types(assets: Iterable[str], root: Path) -> Iterator[Problem]:
    """Files published as they are are raster images, really (by their first bytes)."""
    for asset in assets:
        path = root / asset
        if path.is_symlink():
            continue  # named by _validate_links
        reason = unpublishable(path)
        if reason:
            yield Problem(asset, 1, FILE, reason)


def _validate_longdoc_files(raw: RawContent) -> Iterator[Problem]:
    """A long document's folders hold only its metadata files and texts."""
    known = {kind.meta_file for kind in KINDS} | {kind.part_file for kind in KINDS}
    for rel in raw.longdoc_files:
        name = PurePosixPath(rel).name
        if name in known or is_text_file(name):
            continue
        yield Problem(rel, 1, FILE, msg("files.longdoc-folder"))


def _validate_no_shadowing(
    raw: RawContent, owned_folders: Iterable[str], owned_pages: Iterable[str]
) -> Iterator[Problem]:
    """No file under docs/ takes the place of the theme's, the build's or a generated one."""
    languages = raw.project.language_codes[1:]
    folders, pages = frozenset(owned_folders), frozenset(owned_pages)
    for uri in sorted([page.uri for page in raw.pages] + raw.doc_assets):
        reason = shadowing(uri, folders, pages, languages)
        if reason:
            yield Problem(f"docs/{uri}", 1, FILE, reason)


def shadowing(
    uri: str, owned_folders: frozenset[str], owned_pages: frozenset[str], languages: Iterable[str]
) -> Message | None:
    languages = set(languages)
    """Why the docs file ``uri`` would take the place of one the site makes, or None."""
    policy = file_policy()
    path = PurePosixPath(uri)
    top = path.parts[0] if len(path.parts) > 1 else None
    if top in policy.reserved_folders or top in owned_folders:
        return msg("files.reserved-folder", folder=str(top))
    if top is not None and top in languages:
        return msg("files.language-folder", folder=top)
    if uri in policy.reserved_files:
        return msg("files.reserved-file", name=path.name)
    if suffix_language(path.name) and _neutral(uri) in owned_pages:
        return msg("files.generated-address", page=_neutral(uri))
    return None


def _neutral(uri: str) -> str:
    language = suffix_language(uri)
    return uri.removesuffix(f".{language}.md") + ".md" if language else uri


def docs_file_problem(
    docs_dir: Path,
    uri: str,
    owned_folders: frozenset[str],
    owned_pages: frozenset[str],
    languages: Iterable[str],
) -> Message | None:
    """Why the build must leave out the file ``uri`` of docs/, or None to publish it (the
    build's wall: the same rules as check, for files check never saw)."""
    path = docs_dir / uri
    if not is_real_file(path):
        return LINK_MESSAGE
    if path.suffix != ".md":
        reason = unpublishable(path)
        if reason:
            return reason
    return shadowing(uri, owned_folders, owned_pages, languages)


def check_files(
    raw: RawContent, owned_folders: Iterable[str], generated: Iterable[str]
) -> Iterator[Problem]:
    """Every rule on the files of the content folders."""
    yield from _validate_links(raw)
    assets = [a for source in raw.practices for a in source.assets]
    assets += [f"docs/{a}" for a in raw.doc_assets]
    yield from _validate_published_types(assets, raw.project.root)
    yield from _validate_longdoc_files(raw)
    yield from _validate_no_shadowing(raw, owned_folders, generated)


# --- SVG files of the built site ---------------------------------------------------------------

_SVG_NAMESPACE = "http://www.w3.org/2000/svg"
_XLINK_NAMESPACE = "http://www.w3.org/1999/xlink"
# Drawing elements only: no script, foreignObject, animation (which can set href), style, image.
_SVG_ELEMENTS = frozenset(
    [
        "svg",
        "g",
        "path",
        "rect",
        "circle",
        "ellipse",
        "line",
        "polyline",
        "polygon",
        "text",
        "tspan",
        "title",
        "desc",
        "defs",
        "clipPath",
        "mask",
        "pattern",
        "linearGradient",
        "radialGradient",
        "stop",
        "use",
        "symbol",
        "marker",
    ]
)


class _UnsafeSvg(Exception):
    pass


def svg_problem(data: bytes) -> str | None:
    """What makes an SVG unsafe to serve, read by a real XML parser, or None if it is safe.

    Opened on its own, an SVG runs its scripts on the site's address. Only drawing elements
    in the SVG namespace pass; no DTD (entities), processing instruction, event attribute,
    link outside the file or ``url()`` to another file.
    """
    parser = expat.ParserCreate(namespace_separator=" ")

    def refuse(what: str) -> None:
        raise _UnsafeSvg(what)

    def start(name: str, attrs: dict[str, str]) -> None:
        namespace, _, local = name.rpartition(" ")
        if namespace != _SVG_NAMESPACE or local not in _SVG_ELEMENTS:
            refuse(f"the element <{local}>")
        for key, value in attrs.items():
            attr_namespace, _, attr = key.rpartition(" ")
            if attr_namespace not in ("", _XLINK_NAMESPACE) or attr.lower().startswith("on"):
                refuse(f"the attribute {attr}")
            if attr == "href" and not value.startswith("#"):
                refuse("a link outside the image")
            if "url(" in value.replace(" ", "").lower() and "url(#" not in value.replace(" ", ""):
                refuse("a url() outside the image")

    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = lambda *args: refuse("a DTD")
    parser.EntityDeclHandler = lambda *args: refuse("an entity declaration")
    parser.ProcessingInstructionHandler = lambda *args: refuse("a processing instruction")
    try:
        parser.Parse(data, True)
    except _UnsafeSvg as exc:
        return str(exc)
    except expat.ExpatError as exc:
        return f"XML that does not parse ({exc})"
    return None


# Path -> (modification time in ns, size, whether it is unsafe) of an SVG file already read.
SvgVerdicts = dict[str, tuple[int, int, bool]]


def unsafe_svg_files(folder: Path, known: SvgVerdicts | None = None) -> list[str]:
    """SVG files under ``folder`` (a built site) that are not plain drawings; ``known``
    (``serve``, from one build to the next): a file with the same time and size as when it was
    read is not read again."""
    return sorted(
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*.svg")
        if path.is_symlink() or (path.is_file() and _unsafe(path, known))
    )


def _unsafe(path: Path, known: SvgVerdicts | None) -> bool:
    if known is None:
        return bool(svg_problem(path.read_bytes()))
    stat = path.stat()
    found = known.get(str(path))
    if found is None or found[:2] != (stat.st_mtime_ns, stat.st_size):
        found = (stat.st_mtime_ns, stat.st_size, bool(svg_problem(path.read_bytes())))
        known[str(path)] = found
    return found[2]


__all__ = [
    "FilePolicy",
    "check_files",
    "docs_file_problem",
    "file_policy",
    "svg_problem",
    "unpublishable",
    "unsafe_svg_files",
]
