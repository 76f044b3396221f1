"""The error every build step raises, in words for people."""

from __future__ import annotations


class BuildError(Exception):
    """The build failed; the message says why in words for people."""
