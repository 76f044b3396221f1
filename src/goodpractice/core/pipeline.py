"""The top of the core: read the content, check it, model it and list the site's pages.

    readers -> checks -> model -> open data -> pages -> (this module) -> adapters

The adapters (the MkDocs plugin, the command line, the build steps) start here. A site is
loaded once per state of the content: the build checks it before MkDocs starts, and the plugin
then needs the same site once per language.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from goodpractice.core.base import pagemeta
from goodpractice.core.base.languages import with_suffix
from goodpractice.core.base.packed import PackedText
from goodpractice.core.base.problems import ContentError, Problem, errors
from goodpractice.core.base.uris import HOME_URI
from goodpractice.core.checks.runner import SiteLayout, check, check_edited_practices
from goodpractice.core.model.site import Site, site_after_edit, site_from
from goodpractice.core.pages.caseblocks import practice_case_blocks
from goodpractice.core.pages.catalogue_index import catalogue_index_assets
from goodpractice.core.pages.compare import compare_files
from goodpractice.core.pages.edits import edited_pages, kept_pages
from goodpractice.core.pages.home import home_blocks
from goodpractice.core.pages.practice import practice_assets, practice_contacts, practice_qr_files
from goodpractice.core.pages.registry import (
    generated_assets,
    generated_pages,
    generated_uris,
    owned_folders,
    owned_uris,
)
from goodpractice.core.pages.templates import Page, Pages, forget_templates
from goodpractice.core.pages.translations import (
    ReaderNotice,
    SiteLanguages,
    fallback_languages,
    reader_notices,
    site_languages,
)
from goodpractice.core.readers.content import RawContent, load_practice, load_raw
from goodpractice.core.readers.project import Project
from goodpractice.core.readers.rendering import forget_renders
from goodpractice.core.readers.snapshot import Fingerprint, content_fingerprint


@dataclass(frozen=True)
class SiteOutput:
    """Everything a site generator needs to add to its build, in every language."""

    site: Site
    contents: dict[str, Page]  # each generated page by suffixed uri (index.ro.md)
    assets: dict[str, Path]  # files kept beside case studies, by docs-tree uri
    generated_files: dict[str, dict[str, bytes]]  # files made at build time: uri -> language
    notices: dict[tuple[str, str], ReaderNotice]  # (neutral uri, language) -> notice
    languages: SiteLanguages
    fallback_languages: dict[str, set[str]]  # neutral uri -> languages showing the original
    layout: SiteLayout  # what the site generates: no contributed file may take its place
    # HTML of our templates drawn outside the sanitised text, by suffixed uri and meta key:
    # a case study's contacts, the home page's blocks made from the data.
    trusted_html: dict[str, dict[str, PackedText]]
    # Suffixed uris of the generated pages that differ from the previous state of the content
    # (``serve`` rebuilds only those); None: anything may have changed, build everything.
    changed: frozenset[str] | None = None
    # The case studies a quick preview loaded and rendered again (``serve``, see
    # ``site_output``); empty after a whole load.
    edited: frozenset[str] = frozenset()
    # (uri, language) of the generated files that differ from the previous state, as
    # ``changed``; None: write them all.
    changed_files: frozenset[tuple[str, str]] | None = None


def check_project(project: Project) -> list[Problem]:
    """Every problem of the content, errors and warnings (``goodpractice check``)."""
    raw = load_raw(project)
    return check(raw, site_layout(raw))


def site_layout(raw: RawContent) -> SiteLayout:
    """What the site will generate, for the rules that depend on it."""
    return SiteLayout(
        tuple(generated_uris(raw)), tuple(owned_uris(raw)), frozenset(owned_folders(raw))
    )


@dataclass
class _Loaded:
    root: Path
    fingerprint: Fingerprint
    site: Site
    output: SiteOutput | None = None
    previous: SiteOutput | None = None  # of the state before, if only case studies changed
    # A quick load: the case studies loaded again, and the site they were edited in.
    edited: frozenset[str] = frozenset()
    before: Site | None = None


# A save that touches more case studies than this (a git checkout) loads everything again.
_QUICK_FOLDERS = 10


# The one cache of loaded content: the last site, by the fingerprint of its files.
_last: _Loaded | None = None


def load_site(project: Project) -> Site:
    """Load and check everything; raise ContentError listing every error if any."""
    return _load(project).site


def site_output(project: Project, quick: bool = False) -> SiteOutput:
    """The generated pages and files of the site, made once per state of the content.

    ``quick`` (``serve``): after a save that changed files of a few case studies and nothing
    else, only those are read and checked again, and only the pages that show them rendered
    again (pages/edits.py); ``SiteOutput.edited`` names them. The checks find what a whole
    load finds; the pages in ``edits.LEFT_AS_BEFORE`` stay as they were."""
    loaded = _load(project, quick)
    if loaded.output is None:
        if loaded.before is not None and loaded.previous is not None:
            loaded.output = _edited_output(
                loaded.site, loaded.before, loaded.previous, loaded.edited
            )
        else:
            loaded.output = _output(loaded.site, loaded.previous)
        loaded.previous = loaded.before = None
    return loaded.output


# In a one-off build (``goodpractice build``) each page is written once: its HTML can go as
# soon as it is written (half the build's memory at 1,000 cases was the generated pages of both
# languages, held to the end). ``serve`` keeps it all, to compare the next edit with it.
_single_use = False


@contextmanager
def single_use_output() -> Iterator[None]:
    """Within this block, release_page lets written pages go; the output is made afresh after."""
    global _single_use
    _single_use = True
    try:
        yield
    finally:
        _single_use = False
        if _last is not None:
            _last.output = None


def release_page(output: SiteOutput, src_uri: str) -> bool:
    """A page is written: drop its HTML, keeping what other pages may ask of it (its metadata).
    True in a one-off build, where the page is not made again."""
    if not _single_use:
        return False
    page = output.contents.get(src_uri)
    if page is not None:
        output.contents[src_uri] = Page(page.meta)
    output.trusted_html.pop(src_uri, None)
    return True


# Inside content_read_once(), the content is taken to stay as it was first read.
_content_fixed = False


@contextmanager
def content_read_once() -> Iterator[None]:
    """A one-off build: its steps (check, each language's MkDocs build, the handouts, the
    exports) get the site loaded first without walking every file again to see whether it
    changed (five walks: 0.8 s of CPU at 1,000 cases, 6.7 s at 5,000). serve looks each time."""
    global _content_fixed
    _content_fixed = True
    try:
        yield
    finally:
        _content_fixed = False


def _load(project: Project, quick: bool = False) -> _Loaded:
    global _last
    if _content_fixed and _last is not None and _last.root == project.root:
        return _last
    fingerprint = content_fingerprint(project)
    if _last is None or (_last.root, _last.fingerprint) != (project.root, fingerprint):
        folders = _edited_folders(project, _last, fingerprint) if quick and _last else None
        loaded = _quick_load(project, _last, fingerprint, folders) if _last and folders else None
        if loaded is None:
            previous = (
                _last.output
                if _last and _only_practices_changed(project, _last, fingerprint)
                else None
            )
            loaded = _Loaded(
                project.root, fingerprint, _checked_site(project, quick), previous=previous
            )
        _last = loaded
    return _last


def _only_practices_changed(project: Project, last: _Loaded, fingerprint: Fingerprint) -> bool:
    """Whether the edit since ``last`` touched case-study folders only: then every other file
    the site is made of is as it was, and the pages to rebuild are those whose content moved."""
    if last.root != project.root:
        return False
    folder = project.practices_dir.as_posix() + "/"
    touched = set(fingerprint) ^ set(last.fingerprint)
    return all(path.startswith(folder) for path, _, _ in touched)


def _edited_folders(
    project: Project, last: _Loaded, fingerprint: Fingerprint
) -> frozenset[str] | None:
    """The case-study folders (repository-relative) whose files a save changed, if it changed
    nothing else, added, removed or renamed no file, and the state before was rendered."""
    if last.root != project.root or last.output is None:
        return None
    if {path for path, _, _ in fingerprint} != {path for path, _, _ in last.fingerprint}:
        return None
    folder = project.practices_dir.as_posix() + "/"
    names: set[str] = set()
    for path, _, _ in set(fingerprint) - set(last.fingerprint):
        name, slash, _ = path.removeprefix(folder).partition("/")
        if not path.startswith(folder) or not slash:
            return None
        names.add(name)
    folders = frozenset(project.relative(project.practices_dir / name) for name in names)
    return folders if 0 < len(folders) <= _QUICK_FOLDERS else None


def _quick_load(
    project: Project, last: _Loaded, fingerprint: Fingerprint, folders: frozenset[str]
) -> _Loaded | None:
    """The content after an edit to ``folders`` only, reusing the rest of ``last``; None if the
    edit changed what the site generates (a case's id, an organisation's listing)."""
    before = last.site
    loaded: list[Problem] = []
    practices = [
        load_practice(project, project.root / source.folder, loaded)
        if source.folder in folders
        else source
        for source in before.raw.practices
    ]
    inside = tuple(f"{folder}/" for folder in folders)
    kept = [problem for problem in before.raw.problems if not problem.path.startswith(inside)]
    raw = replace(before.raw, practices=practices, problems=kept + loaded)
    layout = site_layout(raw)
    if last.output is None or layout != last.output.layout:
        return None
    problems = check_edited_practices(raw, layout, folders, before.warnings)
    if errors(problems):
        raise ContentError(errors(problems))
    warnings = tuple(p for p in problems if p not in errors(problems))
    site = site_after_edit(before, raw, folders, warnings)
    if site is None:
        return None
    edited = frozenset(p.id for p in site.practices.values() if p.folder in folders)
    return _Loaded(
        project.root, fingerprint, site, previous=last.output, edited=edited, before=before
    )


def _edited_output(
    site: Site, before: Site, previous: SiteOutput, ids: frozenset[str]
) -> SiteOutput:
    """``previous`` with the pages and files that show the edited case studies made again."""
    rendered = _localised(edited_pages(before, site, ids))
    files = practice_qr_files(site, ids) | catalogue_index_assets(site) | compare_files(site, ids)
    return _assembled(
        site,
        contents=kept_pages(previous.contents, rendered) | rendered,
        trusted=dict(previous.trusted_html) | _trusted_html(site, ids),
        files=previous.generated_files | files,
        layout=previous.layout,
        previous=previous,
        edited=ids,
    )


def _checked_site(project: Project, keep_cards: bool = False) -> Site:
    forget_renders()  # check renders every text again; the pages publish those renders
    forget_templates()
    raw = load_raw(project)
    problems = check(raw, site_layout(raw))
    found = errors(problems)
    if found:
        raise ContentError(found)
    # Without errors, every problem is a warning (filtering each against errors() again was
    # quadratic: 4.5 s of CPU at 5,000 cases).
    warnings = tuple(problems)
    return site_from(raw, warnings, keep_cards)


def _output(site: Site, previous: SiteOutput | None) -> SiteOutput:
    return _assembled(
        site,
        contents=_localised(generated_pages(site)),
        trusted=_trusted_html(site),
        files=generated_assets(site),
        layout=site_layout(site.raw),
        previous=previous,
    )


def _assembled(
    site: Site,
    *,
    contents: dict[str, Page],
    trusted: dict[str, dict[str, PackedText]],
    files: dict[str, dict[str, bytes]],
    layout: SiteLayout,
    previous: SiteOutput | None,
    edited: frozenset[str] = frozenset(),
) -> SiteOutput:
    """The output of ``site`` from its pages, trusted HTML and files; what differs from
    ``previous`` (None: everything is new)."""
    notices = reader_notices(site)
    return SiteOutput(
        site=site,
        contents=contents,
        assets=practice_assets(site),
        generated_files=files,
        notices=notices,
        languages=site_languages(site),
        fallback_languages=fallback_languages(notices),
        layout=layout,
        trusted_html=trusted,
        changed=None if previous is None else _changed(previous, contents, notices, trusted),
        edited=edited,
        changed_files=None if previous is None else _changed_files(previous.generated_files, files),
    )


def _changed_files(
    before: dict[str, dict[str, bytes]], after: dict[str, dict[str, bytes]]
) -> frozenset[tuple[str, str]]:
    """The generated files (uri, language) whose bytes differ from ``before``."""
    return frozenset(
        (uri, language)
        for uri, by_language in after.items()
        for language, data in by_language.items()
        if before.get(uri, {}).get(language) != data
    )


def _changed(
    previous: SiteOutput,
    contents: dict[str, Page],
    notices: dict[tuple[str, str], ReaderNotice],
    trusted: dict[str, dict[str, PackedText]],
) -> frozenset[str]:
    """Generated pages whose content, reader notice or trusted HTML differs from ``previous``
    (the home page is hand-written: an edit to a case study it shows rebuilds everything)."""
    moved = {uri for uri, page in contents.items() if previous.contents.get(uri) != page}
    for key in notices.keys() | previous.notices.keys():
        if notices.get(key) != previous.notices.get(key):
            moved.add(with_suffix(*key))
    for uri in trusted.keys() | previous.trusted_html.keys():
        if trusted.get(uri) != previous.trusted_html.get(uri):
            moved.add(uri)
    return frozenset(moved)


def _trusted_html(
    site: Site, ids: Collection[str] | None = None
) -> dict[str, dict[str, PackedText]]:
    """HTML of our own templates drawn on pages outside their Markdown: suffixed source uri ->
    page metadata key -> HTML (a case study's page has its contacts and its blocks; ``ids``:
    only those case studies', and the home page's)."""
    blocks: dict[str, dict[str, PackedText]] = {}
    by_key = (
        (pagemeta.CONTACTS, practice_contacts(site, ids)),
        (pagemeta.CASE_BLOCKS, practice_case_blocks(site, ids)),
        (pagemeta.HOME, {HOME_URI: home_blocks(site)}),
    )
    for key, pages in by_key:
        for uri, by_language in pages.items():
            for language, html in by_language.items():
                blocks.setdefault(with_suffix(uri, language), {})[key] = PackedText(html)
    return blocks


def _localised(pages: Pages) -> dict[str, Page]:
    """Generated pages by their suffixed source uri (index.ro.md, ...)."""
    return {
        with_suffix(uri, language): page
        for uri, by_language in pages.items()
        for language, page in by_language.items()
    }


def plain_markdown_pages(project: Project) -> dict[str, dict[str, str]]:
    """Every generated page as the Markdown file (front matter, body) a plain MkDocs project
    would hold: uri -> language -> text. The baseline of scripts/bench.py."""
    return {
        uri: {language: page.as_markdown() for language, page in by_language.items()}
        for uri, by_language in generated_pages(load_site(project)).items()
    }
