"""Which PDFs the build prints: every whole-document page of the curriculum and guides, and
the page of every case study, in every language (build/pdfhandouts.py prints them)."""

from __future__ import annotations

from dataclasses import dataclass

from goodpractice.core.base.languages import language_prefix
from goodpractice.core.base.uris import pdf_name, practice_uri, print_uri, site_path
from goodpractice.core.model.site import Site

# A case-study handout is meant to fit on one sheet of A4, printed on both sides.
CASE_MAX_PAGES = 2


@dataclass(frozen=True)
class PrintJob:
    """One PDF: the page to print and where the PDF goes (site paths), and what it says."""

    page: str  # e.g. en/curriculum/print-trainer/
    pdf: str  # e.g. en/curriculum/metode-practice-en-trainer.pdf
    language: str
    title: str
    subject: str
    # The page has a contents list whose page numbers come from a first print.
    numbered: bool = False
    # A handout meant to fit this many pages; a longer one is reported, naming its text.
    max_pages: int | None = None
    source: str = ""


def print_jobs(site: Site) -> list[PrintJob]:
    return _longdoc_jobs(site) + _practice_jobs(site)


def _longdoc_jobs(site: Site) -> list[PrintJob]:
    jobs = []
    default = site.project.default_language
    for doc in site.longdocs:
        for language in site.project.language_codes:
            text = doc.text(language, default)
            labels = site.labels.for_language(language)
            prefix = language_prefix(language, default)
            for variant in doc.kind.variants:
                jobs.append(
                    PrintJob(
                        page=site_path(print_uri(doc.folder, variant), language, default),
                        pdf=f"{prefix}{doc.folder}/{pdf_name(doc.id, language, variant)}",
                        language=language,
                        title=f"{text.title} – {labels[f'longdoc.variant.{variant}']}",
                        subject=text.summary,
                        numbered=True,
                    )
                )
    return jobs


def _practice_jobs(site: Site) -> list[PrintJob]:
    jobs = []
    default = site.project.default_language
    for practice in site.practices.values():
        for language in site.project.language_codes:
            text = practice.text(language, default)
            page = site_path(practice_uri(practice.id), language, default)
            jobs.append(
                PrintJob(
                    page=page,
                    pdf=f"{page}{pdf_name(practice.id, language)}",
                    language=language,
                    title=text.title,
                    subject=text.summary,
                    max_pages=CASE_MAX_PAGES,
                    source=text.path,
                )
            )
    return jobs
