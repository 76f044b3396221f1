"""Build real sites from fixtures and assert on the output tree."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import yaml

from conftest import REPO, run_cli
from goodpractice.core.readers.yamlsafe import load_yaml

PRACTICE_PAGES = ["practices/alpha/index.html", "practices/beta/index.html"]


def _html(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def _lang(html: str) -> str:
    match = re.search(r"<html lang=\"([^\"]+)\"", html)
    assert match, "no <html lang>"
    return match.group(1)


def test_every_page_exists_in_both_languages_with_the_right_lang(built_minimal: Path) -> None:
    for rel in ["index.html", "about/index.html", "practices/index.html", *PRACTICE_PAGES]:
        assert _lang(_html(built_minimal, rel)) == "ro", rel
        assert _lang(_html(built_minimal, f"en/{rel}")) == "en", rel


def test_fact_box_is_translated_and_numbers_follow_the_language(built_minimal: Path) -> None:
    ro = _html(built_minimal, "practices/alpha/index.html")
    en = _html(built_minimal, "en/practices/alpha/index.html")
    assert "Pe scurt" in ro and "At a glance" in en
    assert "Economie socială" in ro and "Social economy" in en
    assert ">1.234<" in ro and ">1,234<" in en
    assert "septembrie 2014 – august 2015" in ro
    assert "September 2014 – August 2015" in en
    assert "Axa prioritară 6: Promovarea incluziunii sociale" in ro
    assert "Priority axis 6: Promoting social inclusion" in en


def test_practice_page_has_title_summary_factbox_then_prose(built_minimal: Path) -> None:
    html = _html(built_minimal, "en/practices/alpha/index.html")
    order = [
        html.index("<h1"),
        html.index('class="gp-summary"'),
        html.index('class="gp-factbox"'),
        html.index('id="context"'),
    ]
    assert order == sorted(order)
    assert "The Alpha workshop in Bucharest" in html


def test_links_between_case_studies_stay_in_the_language(built_minimal: Path) -> None:
    ro = _html(built_minimal, "practices/alpha/index.html")
    en = _html(built_minimal, "en/practices/alpha/index.html")
    assert 'href="../beta/"' in ro and 'href="../beta/"' in en
    beta_en = _html(built_minimal, "en/practices/beta/index.html")
    assert 'href="../../about/"' in beta_en


def test_practices_are_not_listed_in_the_navigation(built_minimal: Path) -> None:
    for rel in ["index.html", "about/index.html", "practices/alpha/index.html"]:
        nav = _html(built_minimal, rel).split('<nav class="md-nav md-nav--primary"', 1)[1]
        nav = nav.split("</nav>", 1)[0]
        assert "practices/alpha/" not in nav and "practices/beta/" not in nav


def test_catalogue_lists_every_case_study_without_javascript(built_minimal: Path) -> None:
    ro = _html(built_minimal, "practices/index.html")
    en = _html(built_minimal, "en/practices/index.html")
    assert ro.count('class="gp-card"') == 2 and en.count('class="gp-card"') == 2
    assert "2 studii de caz" in ro and "2 case studies" in en
    assert 'href="alpha/"' in ro


def test_failed_build_leaves_the_previous_site_intact(project: Callable[..., Path]) -> None:
    root = project()
    assert run_cli("build", "--root", str(root)).exit_code == 0
    before = {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    practice = root / "practices" / "alpha" / "practice.yml"
    practice.write_text(practice.read_text().replace("status: completed", "status: done"))
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 1
    assert "The previous site, if any, is unchanged." in result.output
    after = {p: p.read_bytes() for p in (root / "site").rglob("*") if p.is_file()}
    assert after == before
    assert not list(root.glob(".site-*")), "the staging folder must be cleaned up"


def test_rebuild_replaces_the_site(project: Callable[..., Path]) -> None:
    root = project()
    assert run_cli("build", "--root", str(root)).exit_code == 0
    (root / "site" / "stale.html").write_text("old")
    assert run_cli("build", "--root", str(root)).exit_code == 0
    assert not (root / "site" / "stale.html").exists()
    assert (root / "site" / "practices" / "alpha" / "index.html").exists()


def test_build_refuses_to_replace_a_folder_that_is_not_a_site(project: Callable[..., Path]) -> None:
    root = project()
    (root / "site").mkdir()
    (root / "site" / "notes.txt").write_text("mine")
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 1
    assert "does not look like a built site; not replacing it" in result.output
    assert (root / "site" / "notes.txt").read_text() == "mine"


def test_mkdocs_yml_has_no_duplicate_key() -> None:
    """YAML keeps the last of two equal keys silently: a merged setting would vanish."""
    load_yaml((REPO / "mkdocs.yml").read_text(encoding="utf-8"))


def test_site_languages_match_the_i18n_plugin() -> None:
    languages = yaml.safe_load((REPO / "i18n" / "languages.yml").read_text())["languages"]
    config = (REPO / "mkdocs.yml").read_text()
    plugin = config.split("- i18n:", 1)[1]
    locales = re.findall(r"- locale: (\S+)", plugin)
    assert locales == list(languages)
    assert re.search(r"locale: ro\s+name: Română\s+default: true", plugin)


def test_repo_site_has_the_three_case_studies_in_both_languages(built_repo: Path) -> None:
    for practice in (
        "modele-bune-practici-incluziune-sociala",
        "economie-sociala-sud-vest-centru-sud-est",
        "socec-net",
    ):
        for prefix, label in (("", "Pe scurt"), ("en/", "At a glance")):
            html = _html(built_repo, f"{prefix}practices/{practice}/index.html")
            assert label in html
            assert _lang(html) == (prefix.rstrip("/") or "ro")


def test_collector_settings_come_back_after_the_pages() -> None:
    """Full collections are rare while MkDocs runs; the caller's settings return afterwards,
    even when the build fails (where there is no fork, it runs in the caller's process)."""
    import gc

    import pytest

    from goodpractice.build import pagebuild

    before, frozen = gc.get_threshold(), gc.get_freeze_count()
    with pytest.raises(RuntimeError), pagebuild._collector_for_a_growing_heap():
        assert gc.get_threshold()[2] == pagebuild._FULL_PASS_AFTER
        raise RuntimeError("stop")
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == frozen
