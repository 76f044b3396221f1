"""Gaps found while writing real cases: roles of contacts per language, a figure kind for
jobs for people with disabilities (the cedilla rule everywhere is in test_check_rules)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml

from conftest import REPO
from goodpractice.core.base import pagemeta
from goodpractice.core.pipeline import site_output
from goodpractice.core.readers.project import Project


def test_a_contact_role_is_shown_in_the_language_of_the_page(
    project: Callable[..., Path],
) -> None:
    trusted = site_output(Project.at(project("contacts-per-language"))).trusted_html
    romanian = trusted["practices/alpha/index.ro.md"][pagemeta.CONTACTS].text
    english = trusted["practices/alpha/index.en.md"][pagemeta.CONTACTS].text
    assert "Maria Popescu</strong>, coordonatoare de proiect" in romanian
    assert "Maria Popescu</strong>, project coordinator" in english
    # One text for every language stays one text.
    assert "Ion Ionescu</strong>, mentor" in romanian and "Ion Ionescu</strong>, mentor" in english


def test_jobs_for_people_with_disabilities_are_a_part_of_jobs_created() -> None:
    kinds = yaml.safe_load((REPO / "vocabularies/figure-kinds.yml").read_text("utf-8"))["terms"]
    term = kinds["jobs-for-people-with-disabilities"]
    assert term["part_of"] == "jobs-created" and term["unit"] == "jobs"
    assert term["ro"] == "Locuri de muncă pentru persoane cu dizabilități"
