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
        facts = root / "practices" / "alpha" / "practice.yml"
        facts.write_text(facts.read_text().replace("value: 1234", "value: 4321"))
        assert _wait_for(url, ">4,321<", 60), "no rebuild after editing practice.yml"
    finally:
        server.terminate()
        server.wait(timeout=20)


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
        assert "search, the PDF handouts, the open data (/data/) and the news feeds exist only" in (
            _fetch(url) or ""
        )
    finally:
        server.terminate()
        server.wait(timeout=20)
