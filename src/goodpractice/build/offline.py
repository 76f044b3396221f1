"""Post-build step: the two offline forms of the teaching material (issue 12).

For each language it publishes the list of files a trainer keeps on a device
(``offline/manifest.json``), a Pagefind index of just those pages (``pagefind-offline/``,
which the service worker answers search with when there is no network), the service worker
(``sw.js``, at the root so that it may answer for the whole site) and the zip for a USB stick.
What is kept is decided once, in ``core/pages/offline.py``.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from importlib.resources import files as package_files
from pathlib import Path

from goodpractice.build.offline_bundle import write_bundle
from goodpractice.build.offline_files import copy_files, page_file, page_title, total_bytes
from goodpractice.build.search_index import BUNDLE_DIR, run_pagefind
from goodpractice.core.base.formatting import megabytes
from goodpractice.core.base.languages import language_prefix
from goodpractice.core.base.messages import msg
from goodpractice.core.base.uris import OFFLINE_SEARCH_URI, OFFLINE_URI, SEARCH_URI, site_path
from goodpractice.core.pages.offline import (
    BUNDLE_FOLDER,
    BUNDLE_NAME,
    MANIFEST_NAME,
    OFFLINE_SEARCH_DIR,
    Kept,
    kept,
)
from goodpractice.core.pipeline import load_site
from goodpractice.core.readers.messages import load_catalogue, message_language
from goodpractice.core.readers.project import Project

SERVICE_WORKER = "sw.js"
# The caches gp-offline.js fills and sw.js reads: "<prefix><site path>:<language>:<version>".
CACHE_PREFIX = "gp-offline:"


def publish_offline(project: Project, site_dir: Path) -> list[str]:
    site = load_site(project)
    copies = kept(site)
    default = project.default_language
    search = _index_kept_pages(site_dir, copies)
    files = {copy.language: copy_files(site_dir, copy) for copy in copies}
    for copy in copies:
        files[copy.language] += [p for p in search if _is_for(p, copy.language, copies)]
    bundle_path = site_path(OFFLINE_URI, default, default) + BUNDLE_NAME
    replaced = {
        site_path(SEARCH_URI, lang, default): site_path(OFFLINE_SEARCH_URI, lang, default)
        for lang in project.language_codes
    }
    # On disk, the pages saying that search needs the online site stand in for search.
    on_disk = [
        path
        for copy in copies
        for path in copy_files(site_dir, _with_pages(copy, replaced))
        if path not in replaced
    ]
    bundle_bytes = write_bundle(
        site_dir,
        site_dir / bundle_path,
        list(dict.fromkeys(on_disk)),
        folder=BUNDLE_FOLDER,
        replaced=replaced,
        site_url=project.site_url,
    )
    catalogue = load_catalogue(project)
    language = message_language(project)
    locale = catalogue.locales.get(language, language)
    sizes = []
    for copy in copies:
        kept_bytes = _write_manifest(
            site_dir, copy, files[copy.language], bundle_path, bundle_bytes, default
        )
        size = megabytes(kept_bytes, locale)
        sizes.append(
            msg("offline.copy", language=copy.language, files=len(files[copy.language]), size=size)
        )
    _write_service_worker(site_dir, project)
    copies_text = "; ".join(catalogue.text(size, language) for size in sizes)
    made = msg("offline.made", copies=copies_text, bundle=megabytes(bundle_bytes, locale))
    return [catalogue.text(made, language)]


def _with_pages(copy: Kept, replaced: dict[str, str]) -> Kept:
    extra = [replaced[page] for page in copy.pages if page in replaced]
    return Kept(copy.language, copy.pages + extra, copy.pdfs)


def _index_kept_pages(site_dir: Path, copies: list[Kept]) -> list[str]:
    """Pagefind's index of the kept pages only; returns its files (site paths)."""
    output = site_dir / OFFLINE_SEARCH_DIR
    with tempfile.TemporaryDirectory(prefix="gp-offline-") as temporary:
        pages = Path(temporary)
        for copy in copies:
            for path in copy.pages:
                source = site_dir / page_file(path)
                if source.is_file():
                    (pages / page_file(path)).parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(source, pages / page_file(path))
        run_pagefind(pages, output)
    return sorted(str(path.relative_to(site_dir)) for path in output.rglob("*") if path.is_file())


def _is_for(path: str, language: str, copies: list[Kept]) -> bool:
    """Whether a file of the Pagefind bundle serves ``language`` (``index/en_….pf_index``)."""
    name = path.rsplit("/", 1)[-1]
    others = [copy.language for copy in copies if copy.language != language]
    return not any(
        name.startswith(f"{other}_")
        or name.startswith(f"pagefind.{other}_")
        or name == f"wasm.{other}.pagefind"
        for other in others
    )


def _write_manifest(
    site_dir: Path,
    copy: Kept,
    files: list[str],
    bundle_path: str,
    bundle_bytes: int,
    default: str,
) -> int:
    """The list gp-offline.js keeps, with a version that changes with any kept file."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.encode() + b"\0" + _file_digest(site_dir / page_file(path)))
    kept_bytes = total_bytes(site_dir, files)
    manifest = {
        "language": copy.language,
        "version": digest.hexdigest()[:16],
        "cache": CACHE_PREFIX,
        "bytes": kept_bytes,
        "pages": [{"path": path, "title": page_title(site_dir, path)} for path in copy.pages],
        "files": files,
        "bundle": {"path": bundle_path, "bytes": bundle_bytes},
    }
    target = site_dir / site_path(OFFLINE_URI, copy.language, default) / MANIFEST_NAME
    target.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return kept_bytes


def _file_digest(path: Path) -> bytes:
    return hashlib.sha256(path.read_bytes()).digest()


def _write_service_worker(site_dir: Path, project: Project) -> None:
    default = project.default_language
    config = {
        "cachePrefix": CACHE_PREFIX,
        "prefixes": [language_prefix(lang, default) for lang in project.language_codes],
        "offlinePage": site_path(OFFLINE_URI, default, default),
        "searchDir": f"{BUNDLE_DIR}/",
        "keptSearchDir": f"{OFFLINE_SEARCH_DIR}/",
    }
    source = (
        package_files("goodpractice.build")
        .joinpath("data", "offline-sw.js")
        .read_text(encoding="utf-8")
    )
    script = source.replace("/* CONFIG */ {}", json.dumps(config, sort_keys=True), 1)
    (site_dir / SERVICE_WORKER).write_text(script, encoding="utf-8")
