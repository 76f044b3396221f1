"""``goodpractice serve`` rebuilds when a case study under practices/ changes."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            body: bytes = response.read()
            return body.decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = _fetch(url)
        if body is not None and text in body:
            return True
        time.sleep(0.3)
    return False


def test_serve_reloads_edits_under_practices(project: Callable[..., Path]) -> None:
    root = project()
    port = _free_port()
    command = [sys.executable, "-m", "goodpractice", "serve", "--root", str(root)]
    server = subprocess.Popen(
        [*command, "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        url = f"http://127.0.0.1:{port}/en/practices/alpha/"
        assert _wait_for(url, "The Alpha workshop in Bucharest", 60), "serve never came up"
        text = root / "practices" / "alpha" / "en.md"
        text.write_text(text.read_text().replace("The Alpha workshop", "The renamed workshop"))
        assert _wait_for(url, "The renamed workshop in Bucharest", 60), "no rebuild after edit"
        # A quick preview: the pages it rendered again say what they leave as before.
        assert "Quick preview: the last save remade only the edited case studies and the pages" in (
            _fetch(url) or ""
        )
        catalogue = _fetch(f"http://127.0.0.1:{port}/en/practices/") or ""
        assert "The renamed workshop" in catalogue and "Quick preview" in catalogue
        facts = root / "practices" / "alpha" / "practice.yml"
        facts.write_text(facts.read_text().replace("value: 1234", "value: 4321"))
        assert _wait_for(url, ">4,321<", 60), "no rebuild after editing practice.yml"
        romanian = _fetch(f"http://127.0.0.1:{port}/practices/alpha/") or ""
        assert "4.321" in romanian and "Previzualizare rapidă" in romanian  # both languages
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_serve_rebuilds_only_the_pages_an_edit_changes(project: Callable[..., Path]) -> None:
    """After an edit to one case study, only its pages and the listings that show it differ
    (serve renders those); after an edit anywhere else, everything is built again."""
    import os

    from goodpractice.core.pipeline import site_output
    from goodpractice.core.readers.project import Project

    root = project()
    first = site_output(Project.at(root))
    assert first.changed is None
    text = root / "practices" / "alpha" / "en.md"
    text.write_text(text.read_text().replace("The Alpha workshop", "The renamed workshop"))
    changed = site_output(Project.at(root)).changed
    assert changed is not None
    assert "practices/alpha/index.en.md" in changed
    assert "practices/index.en.md" in changed  # the catalogue shows its title
    assert "practices/alpha/index.ro.md" not in changed
    assert "about.ro.md" not in changed and "practices/index.ro.md" not in changed
    labels = root / "i18n" / "interface.yml"
    labels.write_text(labels.read_text() + "\n")
    os.utime(labels, ns=(1, 1))
    assert site_output(Project.at(root)).changed is None


def _fetch_any(url: str) -> tuple[int, str]:
    """Status and body, 404s included; the address is printed just before the server listens."""
    for _attempt in range(20):
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return int(response.status), response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return int(error.code), error.read().decode("utf-8")
        except urllib.error.URLError:
            time.sleep(0.5)
    raise AssertionError(f"nothing answers at {url}")


def test_serve_prints_its_address_and_shows_content_errors_without_hanging(
    project: Callable[..., Path],
) -> None:
    root = project()
    text = root / "practices" / "alpha" / "ro.md"
    good = text.read_text(encoding="utf-8")
    text.write_text(good.replace("summary: Un atelier", "summary: Atelier: un atelier"), "utf-8")
    port = _free_port()
    command = [sys.executable, "-m", "goodpractice", "serve", "--root", str(root), "--lang", "en"]
    server = subprocess.Popen(
        [*command, "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stderr is not None
        address = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 90
        said = ""
        while address not in said and time.monotonic() < deadline:
            said += server.stderr.readline()
        assert f"The preview is at {address} (Romanian) and {address}en/ (English)" in said
        assert "practices/alpha/ro.md:3: (header): the value of 'summary' holds another colon" in (
            said
        )
        for page in ("practices/alpha/", "en/", "en/practices/beta/"):
            _fetch_any(address)  # the server is up
            started = time.monotonic()
            _status, body = _fetch_any(address + page)
            assert time.monotonic() - started < 5, "the page must never hang"
            # In the language of messages first (--lang en), then the others.
            assert '<h1 id="gp-errors-en">The content has errors</h1>' in body, page
            assert '<h2 id="gp-errors-ro">Conținutul are erori</h2>' in body, page
            assert "practices/alpha/ro.md:3: (antet): valoarea lui" in body
            assert "/livereload/" in body  # reloads itself once a build succeeds
        text.write_text(good, encoding="utf-8")
        url = address + "en/practices/alpha/"
        assert _wait_for(url, "The Alpha workshop in Bucharest", 60), "no page after the fix"
        # serve builds dirty: after errors every page is rendered again, hand-written ones too.
        for page in ("en/", "practices/beta/", "about/"):
            assert "gp-errors-en" not in (_fetch(address + page) or ""), page
        assert "search, the PDF handouts, the open data (/data/) and the news feeds exist only" in (
            _fetch(url) or ""
        )
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_serve_shows_errors_on_every_page_then_every_page_again(
    project: Callable[..., Path],
) -> None:
    """serve builds dirty: an error made after a good build replaces pages it did not render,
    and the fix renders them all again (none keeps the error page, none the old content)."""
    root = project()
    port = _free_port()
    command = [sys.executable, "-m", "goodpractice", "serve", "--root", str(root), "--lang", "en"]
    server = subprocess.Popen(
        [*command, "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    address = f"http://127.0.0.1:{port}/"
    pages = ("en/practices/beta/", "about/", "en/")
    try:
        assert _wait_for(address + "en/practices/alpha/", "The Alpha workshop", 60), "no serve"
        text = root / "practices" / "alpha" / "ro.md"
        good = text.read_text(encoding="utf-8")
        text.write_text(
            good.replace("summary: Un atelier", "summary: Atelier: un atelier"), "utf-8"
        )
        for page in pages:
            assert _wait_for(address + page, "gp-errors-en", 60), page
        text.write_text(good, encoding="utf-8")
        assert _wait_for(address + "en/practices/alpha/", "The Alpha workshop", 60), "no fix"
        for page in pages:
            assert "gp-errors-en" not in (_fetch(address + page) or "gp-errors-en"), page
    finally:
        server.terminate()
        server.wait(timeout=20)
