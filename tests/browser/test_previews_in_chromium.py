"""Previews in a real Chromium: the unzipped copy opens from the disk and its links work; the
pictures of a changed case page exist in each language at phone and desktop width."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from goodpractice.build.previews import offline_copy, take_pictures
from goodpractice.core.readers.project import Project


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_copy_opens_from_the_disk_and_its_links_work(
    browser: Any, built_minimal: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "site-preview"
    offline_copy(built_minimal, copy)
    page = browser.new_page()
    page.goto((copy / "practices" / "alpha" / "index.html").as_uri())
    assert "Atelierul Alfa" in page.title()
    page.locator('a[href="../beta/index.html"]').first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/practices/beta/index.html")
    assert "Index of" not in page.content()  # a folder listing is what users saw before
    switcher = page.locator('a[hreflang="en"]').first.get_attribute("href")  # a hover menu
    page.goto(urljoin(page.url, switcher))
    assert page.url.endswith("/en/practices/beta/index.html")
    assert "Beta" in page.title() and page.locator("html").get_attribute("lang") == "en"
    page.close()


def test_pictures_of_a_case_page_in_both_languages_and_widths(
    built_minimal: Path, tmp_path: Path
) -> None:
    project = Project.at(built_minimal.parent)
    shots = take_pictures(project, built_minimal, ["alpha"], tmp_path)
    assert [(s.language, s.width) for s in shots] == [
        ("ro", "phone"),
        ("ro", "desktop"),
        ("en", "phone"),
        ("en", "desktop"),
    ]
    for shot in shots:
        # A full-page picture is as wide as the viewport, or wider when the page overflows it
        # (which the reviewer then sees).
        width = _png_size(tmp_path / shot.file)[0]
        assert width >= (360 if shot.width == "phone" else 1280), shot
    assert _png_size(tmp_path / "sheet.png")[0] == 1400
