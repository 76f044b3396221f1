"""Run a step of the build in a forked child process and get its result back.

What the step allocates is returned to the system when the child ends: Python keeps the
memory it once used, so a build that loaded, checked and rendered thousands of pages would
otherwise carry all of it into the steps that follow. Where ``fork`` is not available the
step runs in this process.
"""

from __future__ import annotations

import io
import multiprocessing
import sys
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any, TypeVar

T = TypeVar("T")


class ChildError(Exception):
    """The child process ended without a result."""


def isolated(step: Callable[..., T], *args: Any) -> T:
    """``step(*args)`` in a child process; its exception is raised here as it was there."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return step(*args)
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(send, step, args), daemon=True)
    child.start()
    send.close()
    try:
        outcome = receive.recv()
    except EOFError:
        outcome = None
    finally:
        child.join()
        receive.close()
    if outcome is None:
        raise ChildError(f"the build process stopped unexpectedly (exit code {child.exitcode})")
    ok, value, out, err = outcome
    sys.stdout.write(out)
    sys.stderr.write(err)
    if ok:
        return value  # type: ignore[no-any-return]
    raise value


def _child(send: Connection, step: Callable[..., Any], args: tuple[Any, ...]) -> None:
    # Output to a terminal goes there as it comes; output to a swapped stream (a test runner's,
    # a caller's buffer) lives in this process's copy of it, so it is sent back with the result.
    out, err = _capture("stdout"), _capture("stderr")
    try:
        outcome: tuple[bool, Any] = (True, step(*args))
    except BaseException as exc:
        outcome = (False, exc)
    message = (*outcome, _text(out), _text(err))
    try:
        send.send(message)
    except Exception as exc:
        send.send((False, ChildError(f"{type(exc).__name__}: {exc}"), _text(out), _text(err)))
    finally:
        send.close()


def _capture(name: str) -> io.StringIO | None:
    stream = getattr(sys, name)
    if stream is getattr(sys, f"__{name}__"):
        return None
    buffer = io.StringIO()
    setattr(sys, name, buffer)
    return buffer


def _text(buffer: io.StringIO | None) -> str:
    return buffer.getvalue() if buffer is not None else ""
