"""The PDF handouts the build prints, read back with pypdf: where their links go, their
structure (tags, bookmarks, language, title, subject), the contents' page numbers, the cover,
page breaks, type size, and the case-study handouts with their annex in the curriculum."""

from __future__ import annotations

import io
import math
import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from conftest import REPO, make_project, run_cli
from goodpractice.core.readers.markdowndoc import parse_markdown
from goodpractice.core.readers.yamlsafe import load_yaml

from .conftest import SiteServer

SITE_URL = "https://goodpractice.example.org/"
PREFIX = {"ro": "", "en": "en/"}
# Words that only make sense on a screen; paper has no buttons to press.
SCREEN_WORDS = re.compile(r"\b(buton\w*|button\w*|click\w*|clic\w*|apăsa\w*|apas\w*|press)\b", re.I)


def _normal(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _reader(path: Path) -> PdfReader:
    return PdfReader(io.BytesIO(path.read_bytes()), strict=True)


def _pdfs(site: Path) -> list[Path]:
    return sorted(site.rglob("*.pdf"))


def _language(site: Path, pdf: Path) -> str:
    return "en" if pdf.relative_to(site).parts[0] == "en" else "ro"


def _meta(folder: Path, language: str) -> dict[str, Any]:
    text = (folder / f"{language}.md").read_text(encoding="utf-8")
    return dict(parse_markdown(text).meta)


def _modules() -> list[str]:
    data = load_yaml((REPO / "curriculum" / "curriculum.yml").read_text(encoding="utf-8")).data
    return list(data["modules"])


def _module_practices() -> list[str]:
    used: dict[str, None] = {}
    for module in _modules():
        data = load_yaml((REPO / "curriculum" / module / "module.yml").read_text("utf-8")).data
        used |= dict.fromkeys(data.get("practices", []))
    return list(used)


def _links(reader: PdfReader) -> list[tuple[int, str]]:
    """(page, address) of every link: ("#name") for a link inside the document."""
    found = []
    for number, page in enumerate(reader.pages, start=1):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            action = annotation.get("/A")
            if action is not None and "/URI" in action:
                found.append((number, str(action["/URI"])))
            else:
                found.append((number, "#" + str(annotation.get("/Dest", "")).lstrip("/")))
    return found


def _outline_titles(reader: PdfReader) -> list[tuple[int, str]]:
    titles: list[tuple[int, str]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                titles.append((depth, _normal(item.title)))

    walk(reader.outline, 0)
    return titles


def test_the_build_printed_a_pdf_per_document_variant_and_case(built_repo: Path) -> None:
    names = {str(p.relative_to(built_repo)) for p in _pdfs(built_repo)}
    for practice in sorted(p.name for p in (REPO / "practices").iterdir() if p.is_dir()):
        assert f"practices/{practice}/{practice}-ro.pdf" in names
        assert f"en/practices/{practice}/{practice}-en.pdf" in names
    assert "curriculum/metode-practice-incluziune-sociala-ro-trainer.pdf" in names
    assert "en/curriculum/metode-practice-incluziune-sociala-en-participant.pdf" in names
    assert len(names) == 4 + 2 * len([p for p in (REPO / "guides").iterdir() if p.is_dir()]) + (
        2 * len([p for p in (REPO / "practices").iterdir() if p.is_dir()])
    )


def test_no_pdf_links_to_the_build_machine(built_repo: Path) -> None:
    for pdf in _pdfs(built_repo):
        reader = _reader(pdf)
        links = _links(reader)
        assert links, pdf
        # Inside the PDF, on the public site, or another site a text cites (a licence).
        local = [(p, uri) for p, uri in links if re.match(r"https?://(127\.|localhost|\[)", uri)]
        assert not local, (pdf, local[:5])
        assert all(uri.startswith(("#", "https://")) for _, uri in links), pdf
        assert any(uri.startswith(SITE_URL) for _, uri in links), pdf
        inside = {uri[1:] for _, uri in links if uri.startswith("#")}
        assert inside <= set(reader.named_destinations) | {
            name.lstrip("/") for name in reader.named_destinations
        }, pdf


def test_every_pdf_is_tagged_with_bookmarks_language_title_and_subject(built_repo: Path) -> None:
    for pdf in _pdfs(built_repo):
        reader = _reader(pdf)
        root = reader.trailer["/Root"]
        assert bool(root["/MarkInfo"]["/Marked"]), pdf
        assert "/StructTreeRoot" in root, pdf
        assert root["/Lang"] == _language(built_repo, pdf), pdf
        assert reader.outline, pdf
        assert reader.metadata is not None and reader.metadata.title, pdf
        assert reader.metadata.subject and len(reader.metadata.subject) > 20, pdf


@pytest.mark.parametrize("language", ["ro", "en"])
def test_curriculum_pdfs_have_a_bookmark_per_module_and_numbered_contents(
    built_repo: Path, language: str
) -> None:
    titles = [_normal(_meta(REPO / "curriculum" / m, language)["title"]) for m in _modules()]
    for variant in ("participant", "trainer"):
        name = f"metode-practice-incluziune-sociala-{language}-{variant}.pdf"
        reader = _reader(built_repo / PREFIX[language] / "curriculum" / name)
        outline = _outline_titles(reader)
        assert [t for d, t in outline if d == 1 and t in titles] == titles
        pages = [_normal(page.extract_text()) for page in reader.pages]
        contents = "Cuprins" if language == "ro" else "Contents"
        assert contents not in pages[0]  # the cover stands alone
        assert pages[1].startswith(contents) or contents in pages[1][:40]
        starts = reader.named_destinations
        lines = [
            _normal(line)
            for line in reader.pages[1].extract_text(extraction_mode="layout").splitlines()
        ]
        for module in _modules():
            landed = reader.get_destination_page_number(starts[f"/gp-part-{module}"]) + 1
            title = _normal(_meta(REPO / "curriculum" / module, language)["title"])
            assert title in pages[landed - 1]
            # The contents give that page number at the end of the title's line.
            line = next(line for line in lines if title[:20] in line)
            assert line.endswith(f" {landed}"), (title, line)
        assert all(page.strip() for page in pages)  # no empty page


def test_a_module_starts_a_page_with_its_title_and_qr_address_together(built_repo: Path) -> None:
    reader = _reader(
        built_repo / "curriculum" / "metode-practice-incluziune-sociala-ro-trainer.pdf"
    )
    for module in _modules():
        landed = reader.get_destination_page_number(reader.named_destinations[f"/gp-part-{module}"])
        text = _normal(reader.pages[landed].extract_text()).replace(" ", "")
        assert f"goodpractice.example.org/curriculum/{module}/".replace("-", "") in text.replace(
            "-", ""
        ), module


def _sizes(reader: PdfReader) -> Counter[float]:
    sizes: Counter[float] = Counter()

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        scale = math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1])
        sizes[round(size * scale, 1)] += len(text.strip())

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return sizes


def test_running_text_is_at_least_11_pt_and_never_mentions_screen_controls(
    built_repo: Path,
) -> None:
    for pdf in _pdfs(built_repo):
        reader = _reader(pdf)
        sizes = _sizes(reader)
        body, _ = sizes.most_common(1)[0]
        assert body >= 11, (pdf, sizes.most_common(4))
        assert min(size for size, count in sizes.items() if count) >= 6.5, pdf
        text = _normal(" ".join(page.extract_text() for page in reader.pages))
        assert not SCREEN_WORDS.findall(text), (pdf, SCREEN_WORDS.findall(text))


@pytest.mark.parametrize("language", ["ro", "en"])
def test_every_case_prints_as_a_handout_of_one_or_two_pages(
    built_repo: Path, language: str
) -> None:
    figures = "Cifre-cheie" if language == "ro" else "Key figures"
    status = "Stadiu" if language == "ro" else "Status"
    for folder in sorted(p for p in (REPO / "practices").iterdir() if p.is_dir()):
        meta = _meta(folder, language)
        pdf = (
            built_repo
            / PREFIX[language]
            / "practices"
            / folder.name
            / f"{folder.name}-{language}.pdf"
        )
        reader = _reader(pdf)
        assert 1 <= len(reader.pages) <= 2, pdf
        text = _normal(" ".join(page.extract_text() for page in reader.pages))
        first = text.find(_normal(meta["title"])[:30])
        order = [
            first,
            text.find(_normal(meta["summary"])[:40]),
            text.find(figures),
            text.find(status),
            text.find("Context"),
        ]
        assert order == sorted(order) and order[0] >= 0, (pdf, order)
        address = f"{SITE_URL}{PREFIX[language]}practices/{folder.name}/"
        assert address.replace("-", "") in text.replace(" ", "").replace("-", ""), pdf


@pytest.mark.parametrize("language", ["ro", "en"])
def test_curriculum_pdfs_end_with_fact_sheets_of_the_cases_their_modules_use(
    built_repo: Path, language: str
) -> None:
    annex = (
        "Anexă: fișele studiilor de caz" if language == "ro" else "Annex: case study fact sheets"
    )
    used = _module_practices()
    for variant in ("participant", "trainer"):
        name = f"metode-practice-incluziune-sociala-{language}-{variant}.pdf"
        reader = _reader(built_repo / PREFIX[language] / "curriculum" / name)
        pages = [_normal(page.extract_text()) for page in reader.pages]
        annex_page = reader.get_destination_page_number(reader.named_destinations["/gp-annex"])
        assert _normal(annex) in pages[annex_page]
        tail = " ".join(pages[annex_page:])
        titles = [_normal(_meta(REPO / "practices" / pid, language)["title"]) for pid in used]
        positions = [tail.find(title[:25]) for title in titles]  # a long title may wrap
        assert all(p >= 0 for p in positions) and positions == sorted(positions), positions
        # Modules link a case to its sheet, inside the PDF.
        assert any(uri.startswith("#gp-case-") for _, uri in _links(reader))


def test_each_case_page_links_its_pdf_in_both_languages(
    page: Any, repo_server: SiteServer, built_repo: Path
) -> None:
    for language in ("ro", "en"):
        for practice in ("socec-net",):
            page.goto(f"{repo_server.url}/{PREFIX[language]}practices/{practice}/")
            link = page.locator("a.gp-pdf-link")
            assert link.count() == 1
            href = link.get_attribute("href")
            assert href == f"{practice}-{language}.pdf"
            response = page.request.get(
                f"{repo_server.url}/{PREFIX[language]}practices/{practice}/{href}"
            )
            assert response.ok and response.headers["content-type"] == "application/pdf"


def test_printing_a_case_page_from_the_browser_gives_its_handout(
    page: Any, repo_server: SiteServer
) -> None:
    page.goto(f"{repo_server.url}/practices/socec-net/")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", prefer_css_page_size=True)))
    assert len(reader.pages) <= 2
    text = _normal(reader.pages[0].extract_text())
    assert "SOCEC.NET" in text and "Cifre-cheie" in text and "Pe scurt" not in text
    assert "Căutare" not in text and "Fișa de tipărit" not in text  # no screen controls


def test_without_a_site_url_the_pdfs_keep_only_their_inside_links(tmp_path: Path) -> None:
    root = make_project(tmp_path / "project", "longdocs")
    config = root / "mkdocs.yml"
    config.write_text(
        re.sub(r"^site_url:.*\n", "", config.read_text(encoding="utf-8"), flags=re.M),
        encoding="utf-8",
    )
    result = run_cli("build", "--root", str(root))
    assert result.exit_code == 0, result.output
    assert "warning: no site_url in mkdocs.yml: the links in the PDFs were left out\n" in (
        result.output
    )
    reader = _reader(root / "site" / "curriculum" / "curs-test-ro-participant.pdf")
    links = _links(reader)
    assert links and all(uri.startswith(("#", "https://example.org")) for _, uri in links), links
    assert reader.metadata is not None and reader.metadata.title
