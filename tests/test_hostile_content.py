"""Hostile and malformed contributions: check names each problem exactly, build refuses them.

Every case is an overlay in tests/fixtures/hostile/ on the minimal fixture (the alpha case
study), as a partner's pull request would change it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import run_cli

Y = "practices/alpha/practice.yml"
R = "practices/alpha/ro.md"
NOT_ALLOWED = "is not allowed (it could run code, load another site or collect readers' input)"
OTHER_LINK = "link to a web page (https://…) or to a file beside the text"
OTHER_ID = "choose another id (a heading's id is made from its words)"
NO_SVG = (
    "SVG images are not published (an SVG file can hold scripts that would run on the site); "
    "export the image as PNG"
)
OTHER_SITE_IMAGE = (
    "is on another website and readers' browsers would contact it; save the image beside the "
    "text and write ![description](file.png)"
)

CASES = [
    ("script-tag", f"{R}:22: html: the HTML element <script> {NOT_ALLOWED}; remove it"),
    (
        "event-handler",
        f"{R}:22: html: the attribute 'onerror' on <img> would run a script; remove it",
    ),
    (
        "javascript-link",
        f"{R}:22: links: 'javascript:alert(1)' is a javascript: link, which is not allowed; "
        + OTHER_LINK,
    ),
    (
        "javascript-obfuscated",
        f"{R}:22: links: 'jav\\tascript:alert(1)' is a javascript: link, which is not allowed; "
        + OTHER_LINK,
    ),
    (
        "data-url",
        f"{R}:22: links: 'data:image/png;base64,iVBORw0KGgo=' is a data: link, which is not "
        "allowed; " + OTHER_LINK,
    ),
    (
        "vbscript-reference",
        f"{R}:24: links: 'vbscript:msgbox(1)' is a vbscript: link, which is not allowed; "
        + OTHER_LINK,
    ),
    (
        "external-image",
        f"{R}:22: images: image 'https://tracker.example.com/pixel.png' {OTHER_SITE_IMAGE}",
    ),
    (
        "external-image-html",
        f"{R}:22: images: image '//cdn.example.net/logo.png' {OTHER_SITE_IMAGE}",
    ),
    ("embeds", f"{R}:22: html: the HTML element <iframe> {NOT_ALLOWED}; remove it"),
    ("embeds", f"{R}:23: html: the HTML element <style> {NOT_ALLOWED}; remove it"),
    ("embeds", f"{R}:24: html: the HTML element <form> {NOT_ALLOWED}; remove it"),
    ("embeds", f"{R}:25: html: the HTML element <object> {NOT_ALLOWED}; remove it"),
    ("embeds", f"{R}:25: html: the HTML element <embed> {NOT_ALLOWED}; remove it"),
    ("inline-svg", f"{R}:22: html: the HTML element <svg> {NOT_ALLOWED}; remove it"),
    ("inline-svg", f"{R}:22: html: the attribute 'onload' on <svg> would run a script; remove it"),
    (
        "svg-asset-script",
        f"practices/alpha/diagram.svg:1: (file): {NO_SVG}",
    ),
    (
        "reserved-id",
        f"{R}:22: html: the id '__drawer' is reserved for the site (ids starting with '__' or "
        f"'gp-'); {OTHER_ID}",
    ),
    (
        "reserved-id",
        f"{R}:23: html: the id 'gp-factbox-title' is reserved for the site (ids starting with "
        f"'__' or 'gp-'); {OTHER_ID}",
    ),
    (
        "docs-svg-asset",
        f"docs/logo.svg:1: (file): {NO_SVG}",
    ),
    (
        "attr-list-handler",
        f"{R}:23: html: the attribute 'onclick' on <p> would run a script; remove it",
    ),
    ("style-attribute", f"{R}:22: html: the attribute 'style' is not allowed on <p>; remove it"),
    (
        "docs-script",
        "docs/about.ro.md:9: html: the attribute 'onmouseover' on <div> would run a script; "
        "remove it",
    ),
    ("binary-junk", f"{Y}:1: (file): binary data where text was expected"),
    (
        "yaml-bomb",
        f"{Y}:2: (file): references (*name) are not allowed in content files; write the value out",
    ),
    (
        "yaml-deep",
        f"{Y}:35: (file): values are nested more than 32 levels deep; content "
        "files never need that",
    ),
    ("utf16", f"{R}:1: (file): saved as UTF-16; save the file as UTF-8"),
    ("latin2", f"{R}:3: (file): not UTF-8 text; save the file as UTF-8"),
    (
        "contact-without-consent",
        f"{Y}:36: contacts[1].consent: Maria Popescu has no consent record; the site shows a "
        "contact only with the person's consent: add consent with given: true, the date "
        "(YYYY-MM-DD) and the source (for example: signed form), or remove the contact",
    ),
    (
        "contact-consent-refused",
        f"{Y}:40: contacts[1].consent: Maria Popescu has not given consent (given is not true); "
        "remove the contact",
    ),
    (
        "email-in-prose",
        f"{R}:22: personal data: the e-mail address 'ioana.ionescu@exemplu.ro' is written in the "
        "text; move it to contacts in practice.yml with the person's consent (the site then "
        "shows it hidden from address harvesters)",
    ),
    (
        "phone-in-prose",
        f"{R}:22: personal data: the phone number '0721 234 567' is written in the text; move it "
        "to contacts in practice.yml with the person's consent",
    ),
    (
        "phone-international-in-prose",
        f"{R}:22: personal data: the phone number '+40 21 312 45 67' is written in the text; "
        "move it to contacts in practice.yml with the person's consent",
    ),
]


@pytest.mark.parametrize(
    ("case", "expected"), CASES, ids=[f"{c}:{e.split(':')[1]}" for c, e in CASES]
)
def test_check_names_the_problem(project: Callable[..., Path], case: str, expected: str) -> None:
    root = project(f"hostile/{case}")
    result = run_cli("check", "--root", str(root))
    assert result.exit_code == 1, result.output
    assert expected in result.output.splitlines(), result.output


@pytest.mark.parametrize("case", sorted({case for case, _ in CASES}))
def test_build_refuses_and_writes_no_site(project: Callable[..., Path], case: str) -> None:
    root = project(f"hostile/{case}")
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 1, result.output
    assert "nothing was built" in result.output
    assert not (root / "site").exists()
    assert not list(root.glob(".site-*")), "the staging folder must be cleaned up"


def test_huge_file_is_refused_before_it_is_read(project: Callable[..., Path]) -> None:
    root = project()
    text = root / R
    text.write_text(text.read_text(encoding="utf-8") + "x" * 1_100_000, encoding="utf-8")
    size = text.stat().st_size
    result = run_cli("check", "--root", str(root))
    assert result.exit_code == 1
    assert f"{R}:1: (file): file is {size:,} bytes; content files must stay under 1 MB" in (
        result.output.splitlines()
    )


NOT_PERSONAL_DATA = [
    "Bugetul a fost de 12.500.000 lei (2.717.391 euro).",
    "Proiectul POSDRU/92/6.1/S/12345 a rulat în 2007-2013, între 01.09.2014 și 31.08.2015.",
    "Au fost create 1 234 de locuri de muncă; CUI 12345678; cod CAEN 8899.",
    "ISBN 978-973-0-12345-6, la [pagina proiectului](https://example.org/p/0721234567).",
    "Social media: @asociatia_alfa.",
]


def test_figures_dates_and_codes_are_not_taken_for_personal_data(
    project: Callable[..., Path],
) -> None:
    root = project()
    text = root / R
    text.write_text(
        text.read_text(encoding="utf-8") + "\n" + "\n\n".join(NOT_PERSONAL_DATA) + "\n",
        encoding="utf-8",
    )
    result = run_cli("check", "--root", str(root))
    assert result.exit_code == 0, result.output
