"""Contacts in a real browser: hidden from the HTML, joined into a link on a click."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from conftest import make_project, run_cli

from .conftest import SiteServer, serious_violations


@pytest.fixture(scope="module")
def contacts_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    root = make_project(tmp_path_factory.mktemp("contacts") / "project", "hostile/borderline-ok")
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 0, result.output
    with SiteServer(root / "site") as server:
        yield server


def test_a_click_turns_the_spelled_out_address_into_a_link(
    page: Any, contacts_server: SiteServer
) -> None:
    page.goto(contacts_server.url + "/practices/alpha/", wait_until="networkidle")
    button = page.get_by_role("button", name="maria [dot] popescu [at] asociatia-alfa [dot] ro")
    assert page.locator("a[href^='mailto:']").count() == 0
    button.click()
    link = page.get_by_role("link", name="maria.popescu@asociatia-alfa.ro")
    assert link.get_attribute("href") == "mailto:maria.popescu@asociatia-alfa.ro"
    assert page.evaluate("document.activeElement.textContent") == "maria.popescu@asociatia-alfa.ro"
    page.get_by_role("button", name="+40 21 312 4567").click()
    assert page.get_by_role("link", name="+40 21 312 4567").get_attribute("href") == (
        "tel:+40213124567"
    )


def test_without_javascript_the_address_stays_readable(
    browser: Any, contacts_server: SiteServer
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(contacts_server.url + "/en/practices/alpha/")
    contacts = page.locator(".gp-contacts").inner_text()
    assert "maria [dot] popescu [at] asociatia-alfa [dot] ro" in contacts
    assert "+40 21 312 4567" in contacts
    context.close()


def test_contacts_have_no_serious_accessibility_violation(
    page: Any, contacts_server: SiteServer
) -> None:
    page.goto(contacts_server.url + "/practices/alpha/", wait_until="networkidle")
    assert serious_violations(page, context=".gp-contacts") == []
