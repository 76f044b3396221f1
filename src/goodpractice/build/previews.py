"""Previews of a pull request that open without tools: pictures of each changed case page and a
copy of the built site that works when unzipped and opened from the disk.

The site is built with directory addresses (``practices/alpha/``); a browser opening files
from the disk shows a folder listing for those. The copy points every such link at its
``index.html``, so a double click on ``index.html`` after unzipping is enough. Search needs a
web server and says it is unavailable there; everything else works.
"""

from __future__ import annotations

import functools
import html
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from goodpractice.build.chromium import CHROMIUM, CHROMIUM_ARGS, outside_event_loop, serve_folder
from goodpractice.core.base.languages import language_prefix
from goodpractice.core.readers.history import changed_since
from goodpractice.core.readers.project import Project

# href, src and action values in generated HTML: always double-quoted by Material and Jinja.
_URL_ATTRIBUTE = re.compile(r'(\s(?:href|src|action)=")([^"]*)(")')
_SKIP = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.IGNORECASE)
# Phone and desktop, as the browser tests (320 px is tested there; 360 px is a common phone).
WIDTHS = {"phone": (360, 760), "desktop": (1280, 800)}


def file_url(url: str, depth: int = 0) -> str:
    """'../beta/' -> '../beta/index.html'; '/about/' on a page ``depth`` folders deep ->
    '../about/index.html' (from the disk, '/' is the disk's root); others stay as they are."""
    if not url or _SKIP.match(url):
        return url
    if url.startswith("/"):
        url = ("../" * depth or "./") + url[1:]
    path, mark, rest = _split(url)
    if path == "" or path.endswith("/"):
        path += "index.html"
    elif path.rsplit("/", 1)[-1] in (".", ".."):
        path += "/index.html"
    return path + mark + rest


def _split(url: str) -> tuple[str, str, str]:
    match = re.search(r"[?#]", url)
    if match is None:
        return url, "", ""
    return url[: match.start()], url[match.start()], url[match.end() :]


def offline_copy(site: Path, out: Path) -> int:
    """Copy ``site`` to ``out`` with links that open from the disk; return the pages changed."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(site, out)
    pages = 0
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        fixed = _URL_ATTRIBUTE.sub(
            functools.partial(_fix, len(page.relative_to(out).parts) - 1), html
        )
        if fixed != html:
            page.write_text(fixed, encoding="utf-8")
            pages += 1
    return pages


def _fix(depth: int, match: re.Match[str]) -> str:
    return match[1] + file_url(match[2], depth) + match[3]


# -- Pictures of the changed pages -------------------------------------------------------------


@dataclass(frozen=True)
class Shot:
    case_id: str
    language: str
    width: str  # phone | desktop
    file: str  # relative to the pictures' folder


def changed_cases(project: Project, since: str) -> list[str]:
    """The case studies whose files differ from ``since`` (a pull request's base)."""
    folders = [path for path in sorted(project.practices_dir.iterdir()) if path.is_dir()]
    files = [project.relative(file) for folder in folders for file in folder.rglob("*")]
    changed = changed_since(project.root, since, files)
    return sorted({Path(rel).parts[1] for rel in changed if len(Path(rel).parts) > 2})


def take_pictures(project: Project, site: Path, case_ids: Iterable[str], out: Path) -> list[Shot]:
    """A picture of each case page in each language at each width, and one sheet of them all
    (``sheet.png``) that a browser shows directly."""
    wanted = [
        Shot(case_id, language, width, f"{case_id}-{language}-{width}.png")
        for case_id in case_ids
        for language in project.language_codes
        for width in WIDTHS
    ]
    if not wanted:
        return []
    out.mkdir(parents=True, exist_ok=True)
    default = project.default_language
    outside_event_loop(lambda: _photograph(site, out, wanted, default), "previews")
    return wanted


def _photograph(site: Path, out: Path, shots: list[Shot], default: str) -> None:
    from playwright.sync_api import sync_playwright

    with serve_folder(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        for width, (x, y) in WIDTHS.items():
            page = browser.new_page(viewport={"width": x, "height": y})
            # Nothing leaves the machine, as on the site itself.
            page.route(
                "**/*",
                lambda route: (
                    route.continue_() if route.request.url.startswith(base) else route.abort()
                ),
            )
            for shot in (s for s in shots if s.width == width):
                address = (
                    f"{base}/{language_prefix(shot.language, default)}practices/{shot.case_id}/"
                )
                page.goto(address, wait_until="load")
                page.screenshot(path=str(out / shot.file), full_page=True)
            page.close()
        sheet = out / "sheet.html"
        sheet.write_text(_sheet_html(shots), encoding="utf-8")
        page = browser.new_page(viewport={"width": 1400, "height": 800})
        page.goto(sheet.as_uri(), wait_until="load")
        page.screenshot(path=str(out / "sheet.png"), full_page=True)
        sheet.unlink()
        browser.close()


_SHEET_WIDTHS = {"phone": 180, "desktop": 480}


def _sheet_html(shots: list[Shot]) -> str:
    """All pictures on one page: per case study a row, phone beside desktop, per language."""
    rows = []
    for case_id in dict.fromkeys(shot.case_id for shot in shots):
        cells = "".join(
            f'<figure><img src="{shot.file}" alt="" style="width:{_SHEET_WIDTHS[shot.width]}px">'
            f"<figcaption>{shot.language} · {shot.width}</figcaption></figure>"
            for shot in shots
            if shot.case_id == case_id
        )
        rows.append(f"<h2>{html.escape(case_id)}</h2><div class=row>{cells}</div>")
    style = (
        "body{font:14px sans-serif;margin:16px}.row{display:flex;gap:12px;align-items:flex-start}"
        "figure{margin:0}img{border:1px solid #999;max-height:1400px;object-fit:cover;"
        "object-position:top}"
    )
    return f"<!doctype html><meta charset=utf-8><style>{style}</style>{''.join(rows)}"


__all__ = ["WIDTHS", "Shot", "changed_cases", "file_url", "offline_copy", "take_pictures"]
