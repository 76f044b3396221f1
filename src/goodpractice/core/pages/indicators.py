"""Sums of the key figures, overall and by region, theme, target group, programme and year.

Only like is added to like: one sum per figure kind and basis. Targets and reported results
are never added together, kinds are never added across (even of the same unit), and a part
(``part_of`` in figure-kinds.yml) is shown under its whole as "of which", never added to it.
A case study listed under several terms (two regions, say) counts fully under each, so the
rows of a breakdown are not to be added up either.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from goodpractice.core.model.practice import Practice
from goodpractice.core.model.site import Site, per_site

BASES = ("achieved", "target")


@dataclass
class Sum:
    """One total of one kind and basis, with the case studies it adds up."""

    value: int = 0
    practice_ids: list[str] = field(default_factory=list)

    def add(self, value: int, practice_id: str) -> None:
        """Add a figure; figures come in case-study order, so a repeated id is the last one."""
        self.value += value
        if not self.practice_ids or self.practice_ids[-1] != practice_id:
            self.practice_ids.append(practice_id)


@dataclass
class KindTotal:
    kind: str
    sums: dict[str, Sum]  # by basis
    parts: list[KindTotal] = field(default_factory=list)

    @property
    def practice_ids(self) -> list[str]:
        return sorted({pid for s in self.sums.values() for pid in s.practice_ids})


def kind_sums(practices: Iterable[Practice], kind: str) -> dict[str, Sum]:
    """The sum of ``kind`` per basis over ``practices``; a basis nobody reports is left out."""
    sums: dict[str, Sum] = {}
    for practice in sorted(practices, key=lambda p: p.id):
        for figure in practice.figures:
            if figure.kind == kind:
                sums.setdefault(figure.basis, Sum()).add(figure.value, practice.id)
    return {basis: sums[basis] for basis in BASES if basis in sums}


@per_site  # each kind's page in each language asks for all of them (quadratic otherwise)
def totals(site: Site) -> list[KindTotal]:
    """Every reported kind in vocabulary order, each part listed under its whole."""
    kinds = site.vocabularies["figure-kinds"]
    practices = list(site.practices.values())
    by_kind = {kind: KindTotal(kind, kind_sums(practices, kind)) for kind in kinds.terms}
    roots: list[KindTotal] = []
    for kind, total in by_kind.items():
        whole = kinds[kind].extra.get("part_of")
        if whole in by_kind:
            by_kind[whole].parts.append(total)
        else:
            roots.append(total)
    return [total for total in roots if total.sums or any(p.sums for p in total.parts)]


# A dimension: the terms a case study is listed under, e.g. its regions or its start year.
Dimension = Callable[[Practice], list[str]]


def _regions(practice: Practice) -> list[str]:
    # Cases outside Romania are placed by country (a term of countries.yml).
    return list(practice.regions) + [c for c in practice.countries if c != "ro"]


def _year(practice: Practice) -> list[str]:
    return [practice.period_start[:4]] if practice.period_start else []


def _programme(practice: Practice) -> list[str]:
    return [practice.funding_programme] if practice.funding_programme else []


DIMENSIONS: dict[str, Dimension] = {
    "region": _regions,
    "theme": lambda p: list(p.themes),
    "target_group": lambda p: list(p.target_groups),
    "programme": _programme,
    "year": _year,
}


@dataclass(frozen=True)
class Row:
    term: str
    practice_ids: list[str]
    sums: dict[str, Sum]


@per_site  # asked again for the same dimension and kind by each language's page
def breakdown(site: Site, dimension: str, kind: str | None = None) -> list[Row]:
    """One row per term of ``dimension``: its case studies and, for ``kind``, their sums."""
    terms_of = DIMENSIONS[dimension]
    groups: dict[str, list[Practice]] = {}
    for practice in sorted(site.practices.values(), key=lambda p: p.id):
        for term in terms_of(practice):
            groups.setdefault(term, []).append(practice)
    rows = [
        Row(term, [p.id for p in group], kind_sums(group, kind) if kind else {})
        for term, group in groups.items()
    ]
    if kind:
        rows = [row for row in rows if row.sums]
    if dimension == "year":
        return sorted(rows, key=lambda row: row.term)
    return sorted(rows, key=lambda row: (-_weight(row), row.term))


def _weight(row: Row) -> int:
    return max((s.value for s in row.sums.values()), default=len(row.practice_ids))
