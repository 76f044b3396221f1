"""The offline forms as a build writes them: each language's list of kept files, the service
worker, the kept pages' own search index, and the zip for a USB stick with its links."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path, PurePosixPath

import pytest

from conftest import make_project, run_cli

SITE_URL = "https://goodpractice.example.org/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_project(tmp_path_factory.mktemp("offline") / "project", "longdocs")
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 0, result.output
    assert re.search(r"Offline: kept on a device ro \d+ files, [\d.]+ MB; en ", result.output)
    return root / "site"


def _manifest(site: Path, language: str) -> dict[str, object]:
    folder = "offline" if language == "ro" else f"{language}/offline"
    data: dict[str, object] = json.loads((site / folder / "manifest.json").read_text("utf-8"))
    return data


KEPT_PAGES = [
    "",
    "offline/",
    "search/",
    "curriculum/",
    "guides/",
    "curriculum/primul/",
    "curriculum/al-doilea/",
    "curriculum/print/",
    "curriculum/print-trainer/",
    "guides/ghid/",
    "guides/ghid/unu/",
    "guides/ghid/doi/",
    "guides/ghid/print/",
    "practices/alpha/",
    "practices/beta/",
]


@pytest.mark.parametrize("language", ["ro", "en"])
def test_the_manifest_lists_the_teaching_material_and_what_it_loads(
    built: Path, language: str
) -> None:
    manifest = _manifest(built, language)
    prefix = "" if language == "ro" else "en/"
    pages = [page["path"] for page in manifest["pages"]]  # type: ignore[attr-defined]
    assert pages == [prefix + page for page in KEPT_PAGES]
    files: list[str] = manifest["files"]  # type: ignore[assignment]
    assert files[: len(pages)] == pages
    assert "practices/" not in files and f"{prefix}about/" not in files  # not teaching material
    assert "assets/stylesheets/print.css" in files and "assets/javascripts/gp-offline.js" in files
    assert any(f.startswith("assets/javascripts/bundle.") for f in files)  # Material's script
    assert any(f.startswith(f"{prefix}assets/qr/") for f in files)
    search = [f for f in files if f.startswith("pagefind-offline/")]
    other = "en" if language == "ro" else "ro"
    assert search and not [f for f in search if f"/{other}_" in f or f".{other}_" in f]
    for path in files:
        on_disk = built / (path + "index.html" if path == "" or path.endswith("/") else path)
        assert on_disk.is_file(), path
    assert manifest["bytes"] == sum(
        (built / (p + "index.html" if p == "" or p.endswith("/") else p)).stat().st_size
        for p in files
    )
    assert re.fullmatch(r"[0-9a-f]{16}", str(manifest["version"]))
    assert manifest["bundle"] == {
        "path": "offline/goodpractice-offline.zip",
        "bytes": (built / "offline" / "goodpractice-offline.zip").stat().st_size,
    }


def test_the_service_worker_sits_at_the_root_and_answers_from_the_network_first(
    built: Path,
) -> None:
    script = (built / "sw.js").read_text(encoding="utf-8")
    config = json.loads(re.search(r"const CONFIG = (\{.*?\});", script)[1])  # type: ignore[index]
    assert config == {
        "cachePrefix": "gp-offline:",
        "keptSearchDir": "pagefind-offline/",
        "offlinePage": "offline/",
        "prefixes": ["", "en/"],
        "searchDir": "pagefind/",
    }
    assert "addAll" not in script and "install" in script  # it precaches nothing itself
    assert script.index("await fetch(request") < script.index("fromKept(request.url)")


def test_the_offline_pages_exist_in_both_languages_with_their_control(built: Path) -> None:
    ro = (built / "offline" / "index.html").read_text(encoding="utf-8")
    en = (built / "en" / "offline" / "index.html").read_text(encoding="utf-8")
    assert "Păstrează pentru lucru offline" in ro and "Keep for offline use" in en
    assert 'href="goodpractice-offline.zip"' in ro
    assert 'href="../../offline/goodpractice-offline.zip"' in en
    curriculum = (built / "curriculum" / "index.html").read_text(encoding="utf-8")
    assert "data-gp-offline " in curriculum and 'data-gp-manifest="../offline/manifest.json"' in (
        curriculum
    )
    search = (built / "en" / "offline" / "search" / "index.html").read_text(encoding="utf-8")
    assert "Search needs the online site" in search
    assert 'href="https://goodpractice.example.org/en/search/"' in search


def _zip_pages(built: Path) -> dict[str, str]:
    with zipfile.ZipFile(built / "offline" / "goodpractice-offline.zip") as bundle:
        names = bundle.namelist()
        assert all(name.startswith("goodpractice-offline/") for name in names)
        return {
            name.removeprefix("goodpractice-offline/"): bundle.read(name).decode("utf-8")
            if name.endswith(".html")
            else ""
            for name in names
        }


def test_every_link_of_the_usb_copy_opens_a_file_of_the_copy_or_the_public_site(
    built: Path,
) -> None:
    files = _zip_pages(built)
    assert "index.html" in files and "en/curriculum/primul/index.html" in files
    printed = (built / "curriculum" / "curs-test-ro-trainer.pdf").is_file()
    assert ("curriculum/curs-test-ro-trainer.pdf" in files) is printed  # PDFs when printed
    assert not [name for name in files if name.startswith(("pagefind", "sw.js"))]
    for name, html in files.items():
        if not name.endswith(".html"):
            continue
        for attribute, href in re.findall(r'\b(href|src|action)="([^"]*)"', html):
            if href.startswith(("#", "data:", "mailto:")) or not href:
                continue
            if re.match(r"[a-z]+:", href):
                assert not href.startswith(("http://127.", "http://localhost")), (name, href)
                continue
            path = href.split("#")[0].split("?")[0]
            target = str(PurePosixPath(name).parent / path)
            target = str(PurePosixPath(*_normalise(target)))
            assert target in files, (name, attribute, href)
            assert not target.endswith("/"), (name, href)


def _normalise(path: str) -> list[str]:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return parts


def test_the_usb_copy_sends_search_and_other_pages_where_they_work(built: Path) -> None:
    files = _zip_pages(built)
    home = files["index.html"]
    assert 'action="offline/search/index.html"' in home  # the header's search form
    module = files["curriculum/primul/index.html"]
    assert 'href="../../practices/beta/index.html"' in module  # a kept case study
    assert f'href="{SITE_URL}practices/"' in module  # the catalogue is not in the copy
    assert 'href="../../en/curriculum/primul/index.html"' in module  # the other language
