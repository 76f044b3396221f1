"""Reading printed PDFs back, and writing their document information.

pypdf reads (pages, where each anchor landed); the title and subject are added as an
incremental update, appended to Chromium's file: a few hundred bytes, and no rewrite of the
tagged structure, outline and links Chromium made (rewriting with pypdf costs about 40 ms a
file, which a build of thousands of case-study handouts feels).
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

# The end of a file with a classic cross-reference table, as Chromium (Skia) writes it.
_TRAILER = re.compile(
    rb"trailer\s*<<(?P<dict>.*?)>>\s*startxref\s*(?P<xref>\d+)\s*%%EOF\s*$", re.DOTALL
)
_SIZE = re.compile(rb"/Size\s+(\d+)")
_ROOT = re.compile(rb"/Root\s+(\d+\s+\d+\s+R)")


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def destination_pages(pdf: bytes) -> dict[str, int]:
    """The page (from 1) of every named destination: Chromium names one for each element
    id that a link of the same page points to (``#gp-part-x``)."""
    reader = PdfReader(io.BytesIO(pdf))
    pages = {}
    for name, destination in reader.named_destinations.items():
        number = reader.get_destination_page_number(destination)
        if number is not None:
            pages[str(name).removeprefix("/")] = number + 1
    return pages


def with_info(pdf: bytes, info: Mapping[str, str]) -> bytes:
    """``pdf`` with a new document information dictionary (``{"Title": ...}``)."""
    end = _TRAILER.search(pdf, max(0, len(pdf) - 4096))
    size = _SIZE.search(end["dict"]) if end else None
    root = _ROOT.search(end["dict"]) if end else None
    if end is None or size is None or root is None:
        return _rewritten_with_info(pdf, info)
    number = int(size[1])
    entries = "".join(f"/{key} {_text_string(value)}" for key, value in info.items())
    update = f"\n{number} 0 obj\n<<{entries}>>\nendobj\n".encode("ascii")
    object_at = len(pdf) + 1  # after the newline that starts the update
    xref_at = len(pdf) + len(update)
    update += (
        # The head of the free list first, as readers expect every table to start.
        f"xref\n0 1\n0000000000 65535 f \n{number} 1\n{object_at:010d} 00000 n \n"
        f"trailer\n<</Size {number + 1} /Root {root[1].decode('ascii')} /Info {number} 0 R"
        f" /Prev {int(end['xref'])}>>\nstartxref\n{xref_at}\n%%EOF\n"
    ).encode("ascii")
    return pdf + update


def without_links_to(pdf: bytes, prefix: str) -> bytes:
    """``pdf`` without the link annotations whose address starts with ``prefix``."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for page in writer.pages:
        annotations = page.get("/Annots")
        if not annotations:
            continue
        kept = [a for a in annotations if not _uri(a.get_object()).startswith(prefix)]
        page[NameObject("/Annots")] = type(annotations)(kept)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _uri(annotation: Mapping[str, object]) -> str:
    action = annotation.get("/A")
    uri = action.get("/URI") if isinstance(action, Mapping) else None
    return str(uri) if uri is not None else ""


def _text_string(value: str) -> str:
    """A PDF text string: UTF-16BE with its byte-order mark, in hexadecimal."""
    return "<FEFF" + value.encode("utf-16-be").hex().upper() + ">"


def _rewritten_with_info(pdf: bytes, info: Mapping[str, str]) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.add_metadata({f"/{key}": value for key, value in info.items()})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
