"""Text helpers shared by checks, search and slugs: diacritic folding and near matches."""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache

# Cedilla forms are still common in older Romanian texts; they fold like comma-below.
_CEDILLA_TO_COMMA = str.maketrans({"ş": "ș", "ţ": "ț", "Ş": "Ș", "Ţ": "Ț"})


def fold(text: str) -> str:
    """Lowercase ASCII-like form: 'Iaşi', 'Iași' and 'iasi' all give 'iasi'."""
    # Titles and names are folded again for every listing they are sorted in.
    return _fold_short(text) if len(text) <= _SHORT else _fold(text)


_SHORT = 200


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_CEDILLA_TO_COMMA))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


_fold_short = lru_cache(maxsize=16384)(_fold)


def nearest(value: str, candidates: list[str], limit: int = 3) -> list[str]:
    """The closest candidates to a misspelt value, best first."""
    folded = {fold(c): c for c in candidates}
    matches = difflib.get_close_matches(fold(value), list(folded), n=limit, cutoff=0.5)
    return [folded[m] for m in matches]


def quote_list(values: list[str]) -> str:
    return ", ".join(f"'{v}'" for v in values)


def shorten(value: str, limit: int = 60) -> str:
    """A value fit for a message: control characters made visible, long ones cut."""
    value = "".join(c if c.isprintable() else repr(c)[1:-1] for c in value)
    return value if len(value) <= limit else value[: limit - 1] + "…"


@lru_cache(maxsize=16384)  # organisation and term names come back on every card
def slug(text: str, empty: str = "x") -> str:
    """'Asociația „Alfa”' and 'Asociatia Alfa' both give 'asociatia-alfa'; ``empty`` if nothing
    is left of the text (an address needs some name)."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or empty
