"""Pages of long documents: the first page with contents, one page per part, and the
"print the whole document" pages (per printed variant), as Markdown per language.

Module and chapter pages are served at ``<folder>/<part>/``, the whole document at
``<folder>/print/`` (and ``<folder>/print-trainer/`` for the curriculum's trainer copy).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import escape

from goodpractice.core.base import pagemeta
from goodpractice.core.base.links import Link, is_external, site_link, site_target
from goodpractice.core.base.uris import (
    CURRICULUM_URI,
    GUIDES_URI,
    doc_uri,
    part_uri,
    pdf_name,
    practice_uri,
    print_uri,
    public_url,
    url_between,
)
from goodpractice.core.model.longdocs import Activity, LongDoc, Part
from goodpractice.core.model.site import Site
from goodpractice.core.pages.handout import case_sheet
from goodpractice.core.pages.offline import keep_block
from goodpractice.core.pages.qrcodes import qr_file, qr_src, qr_uri
from goodpractice.core.pages.templates import Pages, render_template, with_front_matter
from goodpractice.core.readers.content import RawContent
from goodpractice.core.readers.longdoc_sources import GUIDE
from goodpractice.core.readers.markdowndoc import rewrite_links
from goodpractice.core.readers.markedblocks import (
    has_trainer_blocks,
    open_collapsed,
    shift_headings,
    strip_trainer_blocks,
)

# --- Which pages exist (known before content is valid, so check can resolve links) ---------


def longdoc_uris(raw: RawContent) -> list[str]:
    uris = [CURRICULUM_URI, GUIDES_URI]
    for doc in raw.longdocs:
        uris.append(doc_uri(doc.folder))
        uris += [part_uri(doc.folder, part_id) for part_id in doc.parts]
        uris += [print_uri(doc.folder, variant) for variant in doc.kind.variants]
    return sorted(set(uris))


# --- Rendering ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActivityRow:
    minutes: str
    text: str
    methods: str


@dataclass(frozen=True)
class PartFacts:
    """What the header of a module or chapter shows, translated."""

    duration: str | None
    audience: list[str]
    prerequisites: list[Link]
    outcomes: list[str]
    activities: list[ActivityRow]
    materials: list[str]
    assessment: str | None
    practices: list[Link]


class _Renderer:
    """Renders the pages of one long document in one language."""

    def __init__(self, site: Site, doc: LongDoc, language: str) -> None:
        self.site = site
        self.doc = doc
        self.language = language
        self.default = site.project.default_language
        self.labels = site.labels.for_language(language)
        self.base_url = site.project.site_url or ""
        self.annex = annex_practices(doc)
        # On the whole-document pages, a link to a part or to a case in the annex is a link
        # inside the page, so it stays inside the PDF too (issue 12).
        self.print_uris = frozenset(print_uri(doc.folder, v) for v in doc.kind.variants)
        self.print_anchors = {
            part_uri(doc.folder, part.id): part_anchor(part.id) for part in doc.parts
        }
        self.print_anchors |= {practice_uri(pid): case_anchor(pid) for pid in self.annex}
        self.print_anchors[doc_uri(doc.folder)] = COVER_ANCHOR

    # helpers

    def duration(self, minutes: int | None) -> str | None:
        if not minutes:
            return None
        hours, rest = divmod(minutes, 60)
        if not hours:
            return self.labels["longdoc.duration.minutes"].format(minutes=rest)
        key = "longdoc.duration.hours_minutes" if rest else "longdoc.duration.hours"
        return self.labels[key].format(hours=hours, minutes=rest)

    def local(self, value: Mapping[str, str] | None) -> str:
        if not value:
            return ""
        return value.get(self.language) or value[self.default]

    def online_url(self, uri: str) -> str:
        return public_url(self.base_url, uri, self.language, self.default)

    def qr(self, uri: str, on_page: str | None = None) -> dict[str, object]:
        """The QR code of page ``uri`` as shown on page ``on_page`` (default: itself)."""
        url = self.online_url(uri)
        return {"url": url, "src": qr_src(url, on_page or uri)}

    def qr_files(self) -> dict[str, bytes]:
        """The QR code files of every page of this document in this language."""
        uris = [doc_uri(self.doc.folder)]
        uris += [part_uri(self.doc.folder, part.id) for part in self.doc.parts]
        return {qr_uri(self.online_url(uri)): qr_file(self.online_url(uri)) for uri in uris}

    def href(self, from_uri: str, to_uri: str) -> str:
        """A link from one page of the site to another, or to its place in a whole-document page."""
        if from_uri in self.print_uris and to_uri in self.print_anchors:
            return f"#{self.print_anchors[to_uri]}"
        return url_between(from_uri, to_uri)

    def position(self, part: Part) -> str:
        key = f"longdoc.{self.doc.kind.parts_field}.position"
        return self.labels[key].format(number=part.number, count=len(self.doc.parts))

    def practice_links(self, ids: tuple[str, ...], from_uri: str) -> list[Link]:
        links = []
        for practice_id in ids:
            practice = self.site.practices[practice_id]
            title = practice.text(self.language, self.default).title
            links.append(Link(title, self.href(from_uri, practice_uri(practice_id))))
        return links

    def facts(self, part: Part, from_uri: str) -> PartFacts:
        vocab = self.site.vocabularies
        methods = vocab.get("training-methods")
        return PartFacts(
            duration=self.duration(part.duration),
            audience=[vocab["target-groups"].label(a, self.language) for a in part.audience],
            prerequisites=[
                Link(
                    self.doc.part(other).text(self.language, self.default).title,
                    self.href(from_uri, part_uri(self.doc.folder, other)),
                )
                for other in part.prerequisites
            ],
            outcomes=[self.local(outcome) for outcome in part.outcomes],
            activities=[self._activity(a, methods) for a in part.activities],
            materials=[self.local(material) for material in part.materials],
            assessment=self.local(part.assessment) or None,
            practices=self.practice_links(part.practices, from_uri),
        )

    def _activity(self, activity: Activity, methods: object) -> ActivityRow:
        vocab = self.site.vocabularies["training-methods"]
        return ActivityRow(
            self.labels["longdoc.duration.minutes"].format(minutes=activity.minutes),
            self.local(activity.text),
            ", ".join(vocab.label(m, self.language) for m in activity.methods),
        )

    def body(self, source_path: str, body: str, uri: str) -> str:
        return rewrite_links(body, lambda target: self._link(source_path, uri, target))

    def _link(self, source_path: str, uri: str, target: str) -> str:
        if uri in self.print_uris and not is_external(target):
            resolved = site_target(source_path, target)
            if resolved in self.print_anchors:
                return f"#{self.print_anchors[resolved]}"
        return site_link(source_path, uri, target)

    def template(self, name: str, **context: object) -> str:
        return render_template(self.site, name, labels=self.labels, **context)

    def contents(self, from_uri: str) -> list[dict[str, object]]:
        """The contents; on a whole-document page each entry also names its anchor, where the
        PDF printer writes the page number (build/pdfhandouts.py)."""
        in_print = from_uri in self.print_uris
        return [
            {
                "position": self.position(part),
                "title": part.text(self.language, self.default).title,
                "summary": part.text(self.language, self.default).summary,
                "href": self.href(from_uri, part_uri(self.doc.folder, part.id)),
                "anchor": part_anchor(part.id) if in_print else None,
                "duration": self.duration(part.duration),
            }
            for part in self.doc.parts
        ]

    def annex_contents(self, from_uri: str) -> list[dict[str, object]]:
        return [
            {
                "title": self.site.practices[pid].text(self.language, self.default).title,
                "href": self.href(from_uri, practice_uri(pid)),
                "anchor": case_anchor(pid),
            }
            for pid in self.annex
        ]

    # pages

    def first_page(self) -> str:
        uri = doc_uri(self.doc.folder)
        text = self.doc.text(self.language, self.default)
        downloads = [
            {
                "label": self.labels[f"longdoc.variant.{variant}"],
                "print_href": url_between(uri, print_uri(self.doc.folder, variant)),
                "pdf_href": pdf_name(self.doc.id, self.language, variant),
            }
            for variant in self.doc.kind.variants
        ]
        header = self.template(
            "longdoc-cover.html",
            summary=text.summary,
            kind=self.doc.kind.name,
            audience=[
                self.site.vocabularies["target-groups"].label(a, self.language)
                for a in self.doc.audience
            ],
            duration=self.duration(self.doc.duration),
            practices=self.practice_links(self.doc.practices, uri),
            downloads=downloads,
            qr=self.qr(uri),
        )
        contents = self.template(
            "longdoc-contents.html", items=self.contents(uri), annex=[], annex_anchor=None
        )
        body = self.body(text.path, text.body, uri)
        front = {
            "title": text.title,
            "description": text.summary,
            pagemeta.OFFLINE: keep_block(self.site, self.language, uri),
        }
        # The navigation names this page "Curriculum"; the heading gives the document's title.
        heading = f"# {_escape_heading(text.title)}"
        return with_front_matter(front, f"{heading}\n\n{header}\n\n{body}\n\n{contents}")

    def part_page(self, part: Part) -> str:
        uri = part_uri(self.doc.folder, part.id)
        text = part.text(self.language, self.default)
        parts = self.doc.parts
        previous = parts[part.number - 2] if part.number > 1 else None
        following = parts[part.number] if part.number < len(parts) else None
        header = self.template(
            "longdoc-part-header.html",
            position=self.position(part),
            doc_title=self.doc.text(self.language, self.default).title,
            doc_href=url_between(uri, doc_uri(self.doc.folder)),
            summary=text.summary,
            facts=self.facts(part, uri),
            qr=self.qr(uri),
        )
        pager = self.template(
            "longdoc-pager.html",
            previous=self._pager_link(uri, previous),
            next=self._pager_link(uri, following),
        )
        body = self.body(text.path, text.body, uri)
        front: dict[str, object] = {"title": text.title, "description": text.summary}
        if has_trainer_blocks(text.body):
            # The toggle is interface, not content: main.html draws it outside the sanitised
            # page body (a contributed text could not add one, nor lose it to the sanitiser).
            front[pagemeta.TRAINER_TOGGLE] = self.labels["longdoc.trainer_toggle"]
        return with_front_matter(front, f"{header}\n\n{body}\n\n{pager}")

    def _pager_link(self, from_uri: str, part: Part | None) -> Link | None:
        if part is None:
            return None
        title = part.text(self.language, self.default).title
        return Link(
            title, url_between(from_uri, part_uri(self.doc.folder, part.id)), self.position(part)
        )

    def print_page(self, variant: str) -> str:
        uri = print_uri(self.doc.folder, variant)
        text = self.doc.text(self.language, self.default)
        cover = self.template(
            "longdoc-print-cover.html",
            anchor=COVER_ANCHOR,
            summary=text.summary,
            variant=self.labels[f"longdoc.variant.{variant}"],
            qr=self.qr(doc_uri(self.doc.folder), uri),
        )
        contents = self.template(
            "longdoc-contents.html",
            items=self.contents(uri),
            annex=self.annex_contents(uri),
            annex_anchor=ANNEX_ANCHOR,
        )
        sections = [cover, contents, self._printable(text.path, text.body, uri, variant)]
        for part in self.doc.parts:
            part_text = part.text(self.language, self.default)
            sections.append(
                self.template(
                    "longdoc-print-part.html",
                    anchor=part_anchor(part.id),
                    position=self.position(part),
                    title=part_text.title,
                    summary=part_text.summary,
                    facts=self.facts(part, uri),
                    qr=self.qr(part_uri(self.doc.folder, part.id), uri),
                )
            )
            sections.append(self._printable(part_text.path, part_text.body, uri, variant))
        if self.annex:
            sections.append(self._annex(uri))
        front = {
            "title": text.title,
            "description": text.summary,
            # The parts are searchable on their own pages; do not index them twice.
            "search": {"exclude": True},
            pagemeta.SEARCHABLE: False,
            "hide": ["navigation", "toc"],
            pagemeta.PRINT_VARIANT: variant,
        }
        return with_front_matter(front, "\n\n".join(sections))

    def _annex(self, uri: str) -> str:
        """Fact sheets of the case studies the parts draw on, at the end of the document."""
        sheets = [
            case_sheet(self.site, self.site.practices[pid], self.language, uri, case_anchor(pid))
            for pid in self.annex
        ]
        return self.template("longdoc-annex.html", anchor=ANNEX_ANCHOR, sheets=sheets)

    def _printable(self, path: str, body: str, uri: str, variant: str) -> str:
        if variant == "participant":
            body = strip_trainer_blocks(body)
        return shift_headings(open_collapsed(self.body(path, body, uri)))


# Anchors of the whole-document pages; "gp-" ids are ours alone (check refuses them in content).
COVER_ANCHOR = "gp-cover"
ANNEX_ANCHOR = "gp-annex"


def part_anchor(part_id: str) -> str:
    return f"gp-part-{part_id}"


def case_anchor(practice_id: str) -> str:
    return f"gp-case-{practice_id}"


def annex_practices(doc: LongDoc) -> list[str]:
    """The case studies a document's parts draw on, in the order they are first used."""
    return list(dict.fromkeys(pid for part in doc.parts for pid in part.practices))


def _escape_heading(title: str) -> str:
    """A title as Markdown heading text: characters Markdown would interpret are escaped."""
    return "".join(f"\\{char}" if char in "\\`*_[]<>#" else char for char in title)


def longdoc_pages(site: Site) -> Pages:
    docs = site.longdocs
    pages: Pages = {}
    languages = site.project.language_codes
    for doc in docs:
        renderers = {language: _Renderer(site, doc, language) for language in languages}
        pages[doc_uri(doc.folder)] = {lang: r.first_page() for lang, r in renderers.items()}
        for part in doc.parts:
            pages[part_uri(doc.folder, part.id)] = {
                lang: r.part_page(part) for lang, r in renderers.items()
            }
        for variant in doc.kind.variants:
            pages[print_uri(doc.folder, variant)] = {
                lang: r.print_page(variant) for lang, r in renderers.items()
            }
    pages.setdefault(CURRICULUM_URI, _empty_page(site, "curriculum"))
    pages[GUIDES_URI] = _guides_index(site, [d for d in docs if d.kind is GUIDE])
    return pages


def longdoc_assets(site: Site) -> dict[str, dict[str, bytes]]:
    """QR code files by site-root uri and language (each language serves its own)."""
    assets: dict[str, dict[str, bytes]] = {}
    for doc in site.longdocs:
        for language in site.project.language_codes:
            for uri, data in _Renderer(site, doc, language).qr_files().items():
                assets.setdefault(uri, {})[language] = data
    return assets


def _empty_page(site: Site, kind: str) -> dict[str, str]:
    """The curriculum's place in the navigation when a project has none yet."""
    pages = {}
    for language in site.project.language_codes:
        labels = site.labels.for_language(language)
        front = {"title": labels[f"{kind}.title"], pagemeta.LISTING: True}
        # A label is text, and this page is not sanitised: escaped here.
        pages[language] = with_front_matter(front, f"<p>{escape(labels[f'{kind}.none'])}</p>")
    return pages


def _guides_index(site: Site, guides: list[LongDoc]) -> dict[str, str]:
    pages = {}
    default = site.project.default_language
    for language in site.project.language_codes:
        labels = site.labels.for_language(language)
        items = [
            {
                "title": guide.text(language, default).title,
                "summary": guide.text(language, default).summary,
                "href": url_between(GUIDES_URI, doc_uri(guide.folder)),
            }
            for guide in guides
        ]
        html = render_template(site, "longdoc-guides.html", labels=labels, items=items)
        front = {
            "title": labels["guides.title"],
            "description": labels["guides.description"],
            pagemeta.LISTING: True,  # a list of links: not sanitised, not indexed
        }
        pages[language] = with_front_matter(front, html)
    return pages


__all__ = ["annex_practices", "longdoc_pages", "longdoc_uris"]
