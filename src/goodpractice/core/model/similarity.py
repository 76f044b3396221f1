"""Similar case studies: the ones sharing most of a case's themes, target groups, regions and
programme, each with the terms it shares (the case page says why in words; the export lists
the ids).

The work grows linearly with the number of case studies. An inverted index gives, for every
term, the case studies that have it; each case examines at most ``MAX_CANDIDATES`` others,
taken from its rarest terms first (a shared county-level region says more than the theme that
every case has), then scores each candidate on every term. Comparing every pair would be
12.5 million comparisons at 5,000 case studies.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Collection, Mapping
from dataclasses import dataclass

from goodpractice.core.model.practice import Practice

# What two case studies can share, in the order a reason names them.
DIMENSIONS = ("themes", "target_groups", "regions", "programme")
# A similar case shares at least one term of these: what the practice is about and for whom.
# A region or a programme alone makes a neighbour, not a similar practice.
ESSENTIAL = frozenset({"themes", "target_groups"})
MAX_SIMILAR = 5
# Case studies examined for each one, at most: bounds the work whatever the size of the site.
MAX_CANDIDATES = 200

Key = tuple[str, str]  # (dimension, term id)


@dataclass(frozen=True)
class Similar:
    """A similar case study and the terms it shares, by dimension in ``DIMENSIONS`` order."""

    id: str
    shared: tuple[tuple[str, tuple[str, ...]], ...]
    score: float


def practice_keys(practice: Practice) -> frozenset[Key]:
    """The terms of a case study that similarity compares."""
    programme = (practice.funding_programme,) if practice.funding_programme else ()
    terms = {
        "themes": practice.themes,
        "target_groups": practice.target_groups,
        "regions": practice.regions,
        "programme": programme,
    }
    return frozenset((dimension, term) for dimension in DIMENSIONS for term in terms[dimension])


def similar_practices(
    practices: Mapping[str, Practice], only: Collection[str] | None = None
) -> dict[str, tuple[Similar, ...]]:
    """Up to MAX_SIMILAR similar case studies for each (or for those in ``only``), most similar
    first. The index is always over all of them: a row is the same whoever asks for it."""
    keys = {pid: practice_keys(practice) for pid, practice in practices.items()}
    index: dict[Key, list[str]] = {}
    for pid in sorted(keys):
        for key in keys[pid]:
            index.setdefault(key, []).append(pid)
    total = len(keys)
    # Rarer terms weigh more (inverse document frequency).
    weights = {key: math.log(1 + total / len(ids)) for key, ids in index.items()}
    chosen = sorted(keys) if only is None else sorted(set(only) & keys.keys())
    return {pid: _most_similar(pid, keys, index, weights) for pid in chosen}


def _most_similar(
    pid: str,
    keys: Mapping[str, frozenset[Key]],
    index: Mapping[Key, list[str]],
    weights: Mapping[Key, float],
) -> tuple[Similar, ...]:
    mine = keys[pid]
    found: list[tuple[float, str, frozenset[Key]]] = []
    for other in _candidates(pid, mine, index):
        shared = mine & keys[other]
        if not any(dimension in ESSENTIAL for dimension, _ in shared):
            continue
        # fsum: exact, so the score (and the order of ties) never depends on set order.
        found.append((-math.fsum(weights[key] for key in shared), other, shared))
    found.sort(key=lambda f: (f[0], f[1]))
    # The reasons in words only for the cases kept (a case has up to MAX_CANDIDATES candidates).
    return tuple(
        Similar(other, _by_dimension(shared), -score)
        for score, other, shared in found[:MAX_SIMILAR]
    )


def _candidates(pid: str, mine: frozenset[Key], index: Mapping[Key, list[str]]) -> set[str]:
    """At most MAX_CANDIDATES case studies sharing a term, from the rarest terms first. A long
    list is entered at a place that depends on the case (not always at its first ids), so the
    cases examined are spread over the whole list."""
    chosen: set[str] = set()
    start = zlib.crc32(pid.encode("utf-8"))
    for key in sorted(mine, key=lambda k: (len(index[k]), k)):
        ids = index[key]
        offset = start % len(ids)
        for step in range(min(len(ids), MAX_CANDIDATES + 1)):
            other = ids[(offset + step) % len(ids)]
            if other != pid:
                chosen.add(other)
            if len(chosen) >= MAX_CANDIDATES:
                return chosen
    return chosen


def _by_dimension(shared: frozenset[Key]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple(
        (dimension, tuple(sorted(term for d, term in shared if d == dimension)))
        for dimension in DIMENSIONS
        if any(d == dimension for d, _ in shared)
    )
