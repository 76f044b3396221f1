"""Chromium on this machine, and a built site served to it from 127.0.0.1.

Shared by the PDF handouts, the browser tests and the benchmarks, so all of them start the
browser the same way. Playwright's own browser download does not work on a closed network:
Debian's Chromium is used, with flags that stop it from calling Google's services.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serve_folder(
    folder: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] = _QuietHandler
) -> Iterator[str]:
    """``folder`` on a free port of 127.0.0.1 until the block ends; yields the base URL.
    ``handler_class`` may serve it differently (scripts/bench_journey.py: gzip, as a host)."""
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def outside_event_loop(work: Callable[[], None], name: str) -> None:
    """Run ``work`` in a thread of its own and wait: Playwright refuses to start inside a
    thread that already runs an event loop (a caller that itself drives a browser, such as
    the tests). An exception in ``work`` is raised here."""
    failures: list[BaseException] = []

    def run() -> None:
        try:
            work()
        except BaseException as exc:  # handed to the calling thread
            failures.append(exc)

    worker = threading.Thread(target=run, name=name)
    worker.start()
    worker.join()
    if failures:
        raise failures[0]
