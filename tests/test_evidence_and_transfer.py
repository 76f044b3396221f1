"""Issue 13 without a browser: money per language, similar practices and their reasons, the
export's `similar` and `evidence`, the compare page's data, and the self-assessment's facts."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from conftest import REPO
from goodpractice.core.base import formatting
from goodpractice.core.checks.vocabularies import FIT_FACTS
from goodpractice.core.model.practice import Practice
from goodpractice.core.model.similarity import MAX_SIMILAR, similar_practices
from goodpractice.core.pages import transfer
from goodpractice.core.pages.compare import compare_data
from goodpractice.core.pages.similar import similar_links
from goodpractice.core.pipeline import load_site
from goodpractice.core.readers.project import Project


def test_money_is_formatted_per_language() -> None:
    assert formatting.money(2_500_000, "RON", "ro") == "2.500.000\u00a0RON"
    assert formatting.money(2_500_000, "RON", "en") == "RON\u00a02,500,000"
    assert formatting.money(1_200, "EUR", "en") == "€1,200"
    assert formatting.percent(0.85, "ro") == "85\u00a0%"
    assert formatting.percent(0.85, "en") == "85%"


def _practice(pid: str, themes: tuple[str, ...], groups: tuple[str, ...] = ()) -> Practice:
    base = next(iter(load_site(Project.at(REPO)).practices.values()))
    return replace(
        base, id=pid, themes=themes, target_groups=groups, regions=(), funding_programme=None
    )


def test_similar_needs_a_shared_theme_or_group_and_keeps_five() -> None:
    practices = {f"p{n}": _practice(f"p{n}", ("social-economy",)) for n in range(8)}
    practices["alone"] = _practice("alone", ("rural-development",))
    found = similar_practices(practices)
    assert len(found["p0"]) == MAX_SIMILAR
    assert all(s.id != "p0" for s in found["p0"])
    assert found["alone"] == ()
    assert found["p0"][0].shared == (("themes", ("social-economy",)),)


def test_repository_cases_say_why_they_are_similar_in_both_languages() -> None:
    site = load_site(Project.at(REPO))
    practice = site.practices["socec-net"]
    ro = similar_links(site, practice, "ro", "practices/socec-net/index.md")
    en = similar_links(site, practice, "en", "practices/socec-net/index.md")
    assert ro and len(ro) == len(en) <= MAX_SIMILAR
    assert "aceeași" in ro[0].reason or "aceleași" in ro[0].reason
    assert "same" in en[0].reason
    assert ro[0].href.startswith("../")


def test_each_case_has_its_compare_file_in_each_language(built_repo: Path) -> None:
    for prefix, word in (("", "Dovezi"), ("en/", "Evidence")):
        page = (built_repo / f"{prefix}compare/index.html").read_text(encoding="utf-8")
        assert word in page
        case = json.loads(
            (built_repo / f"{prefix}compare/data/socec-net.json").read_text(encoding="utf-8")
        )
        assert case["href"] == "../practices/socec-net/"
        assert case["facts"]["evidence"]


def test_export_lists_similar_ids_and_the_evidence_level(built_repo: Path) -> None:
    data = json.loads((built_repo / "data/practices.json").read_text(encoding="utf-8"))
    ids = {record["id"] for record in data["practices"]}
    for record in data["practices"]:
        assert set(record["similar"]) <= ids - {record["id"]}
        assert record["evidence"]["level"]["id"] in {
            "targets-stated",
            "results-reported",
            "results-evaluated",
        }
    schema = json.loads((built_repo / "data/practices.schema.json").read_text(encoding="utf-8"))
    assert "similar" in schema["$defs"]["record"]["required"]


def test_compare_data_is_plain_text_in_the_page_language() -> None:
    site = load_site(Project.at(REPO))
    data = compare_data(site, "en")
    assert data["rows"][0] == ["evidence", "Evidence"]
    case = data["cases"]["socec-net"]
    assert case["href"] == "../practices/socec-net/"
    assert case["facts"]["evidence"][0].startswith("Targets stated only")
    assert all(isinstance(v, str) for values in case["facts"].values() for v in values)


def test_compare_page_escapes_its_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever a fact holds, it stays inside the JSON (check refuses HTML in titles; this
    closes the class for every fact)."""
    from goodpractice.core.pages import compare

    site = load_site(Project.at(REPO))
    hostile = {"rows": [["x", "</script><script>alert(1)</script>"]], "cases": {}}

    monkeypatch.setattr(compare, "compare_data", lambda site, language: hostile)
    page = compare.compare_page(site, "en")
    html = page.content(page.markdown)
    assert "<script>alert" not in html
    assert "\\u003c/script\\u003e" in html


def test_the_checklist_shows_every_fact_check_allows() -> None:
    site = load_site(Project.at(REPO))
    practice = site.practices["socec-net"]
    assert set(transfer.fact_readers(site, practice, "en")) == set(FIT_FACTS)
    view = transfer.fit_view(site, practice, "en")
    assert view is not None and len(view.criteria) == 6
    assert view.guide is not None and view.guide.href.startswith("../../guides/")
