"""Read every file of a built site the way its consumers do, and say what could run.

Shared by the tests of the build's walls and the browser test. Every payload in
``tests/fixtures/bypass`` calls ``gpx()``: text that mentions it is harmless text, but the
name inside a script, an event attribute or a link that runs code is not.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from xml.parsers import expat

from selectolax.lexbor import LexborHTMLParser

from goodpractice.core.checks.files import svg_problem
from goodpractice.core.checks.sanitize import is_external_resource, unsafe_url_scheme

MARKER = "gpx"
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "cite", "xlink:href", "srcset"}
NEVER = {"iframe", "frame", "object", "embed", "applet", "base", "math", "foreignobject"}
# Elements that make the browser fetch their URL as soon as the page loads.
LOADING = {"img", "script", "source", "video", "audio", "track", "input", "iframe", "embed"}
LOADING_LINKS = {"stylesheet", "icon", "preload", "prefetch", "modulepreload", "manifest"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def html_findings(text: str, where: str) -> list[str]:
    """What could run or leak in an HTML page, parsed as a browser parses it."""
    found = []
    for node in LexborHTMLParser(text).root.traverse():
        if not node.is_element_node:
            continue
        tag = str(node.tag).lower()
        attrs = {str(k).lower(): str(v or "") for k, v in node.attributes.items()}
        if tag in NEVER or (tag.rsplit(":", 1)[-1] in ("script", "foreignobject") and ":" in tag):
            found.append(f"{where}: <{tag}>")
        if tag == "script":
            source = attrs.get("src", "")
            if source and is_external_resource(source):
                found.append(f"{where}: script from {source}")
            if attrs.get("type", "").lower() in ("application/json", "application/ld+json"):
                json.loads(node.text() or "null")  # data that does not break out of its script
            elif MARKER in (node.text() or ""):
                found.append(f"{where}: script running {MARKER}")
        if tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
            found.append(f"{where}: meta refresh")
        if tag == "svg" and any(k.startswith("on") for k in attrs):
            found.append(f"{where}: svg event")
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append(f"{where}: {name} on <{tag}>")
            if name in URL_ATTRIBUTES or name.endswith(":href"):
                if unsafe_url_scheme(value):
                    found.append(f"{where}: {name}={value[:40]} on <{tag}>")
                loads = tag in LOADING or (
                    tag == "link" and LOADING_LINKS & set(attrs.get("rel", "").lower().split())
                )
                if (loads or name in ("action", "formaction")) and is_external_resource(value):
                    found.append(f"{where}: {tag} loads {value[:40]}")
            if name == "style" and "url(" in value.replace(" ", ""):
                found.append(f"{where}: style url() on <{tag}>")
            if name.startswith("data-gp-") and value.endswith(("evil.example", "phishing.example")):
                found.append(f"{where}: contributed {name}")
    return found


def csv_findings(data: bytes, where: str) -> list[str]:
    """Cells a spreadsheet would run as a formula."""
    rows = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    return [
        f"{where}: formula cell {cell[:30]!r}"
        for row in rows
        for cell in row
        if cell.startswith(FORMULA_STARTS)
    ]


def xml_findings(data: bytes, where: str) -> list[str]:
    """An XML file (feeds, sitemaps) parses, without a DTD, and holds no HTML element."""
    found: list[str] = []
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartDoctypeDeclHandler = lambda *a: found.append(f"{where}: DTD")

    def start(name: str, attrs: dict[str, str]) -> None:
        if name.rpartition(" ")[2].lower() in ("script", "iframe", "object", "embed"):
            found.append(f"{where}: element {name}")

    parser.StartElementHandler = start
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        found.append(f"{where}: not well-formed XML ({exc})")
    return found


# Actions a PDF viewer runs by itself or on a click: scripts, programs, forms sent away.
_PDF_ACTIONS = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData"}


def pdf_findings(data: bytes, where: str) -> list[str]:
    """Scripts and actions in a PDF, read with a PDF parser (a font named /AAAAAA+DejaVu is
    not an additional action): the catalogue's scripts and open action, and every action of
    every page and link that is not a plain link."""
    from pypdf import PdfReader

    found = []
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"].get_object()
    names = root.get("/Names")
    if names is not None and "/JavaScript" in names.get_object():
        found.append(f"{where}: PDF with document scripts")
    for key in ("/OpenAction", "/AA"):
        if key in root:
            found.append(f"{where}: PDF with {key}")
    for number, page in enumerate(reader.pages, start=1):
        if "/AA" in page:
            found.append(f"{where}: page {number} with /AA")
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            action = annotation.get("/A")
            action = action.get_object() if action is not None else {}
            kind, uri = action.get("/S"), str(action.get("/URI", ""))
            if "/AA" in annotation or kind in _PDF_ACTIONS:
                found.append(f"{where}: page {number}: a link with {kind}")
            elif kind == "/URI" and unsafe_url_scheme(uri):
                found.append(f"{where}: page {number}: a link to {uri[:40]}")
    return found


def site_findings(site: Path) -> list[str]:
    """Everything executable anywhere in a built site."""
    found: list[str] = []
    for path in sorted(site.rglob("*")):
        if path.is_symlink():
            found.append(f"{path}: symbolic link")
            continue
        if not path.is_file():
            continue
        where = path.relative_to(site).as_posix()
        data = path.read_bytes()
        suffix = path.suffix.lower()
        if suffix == ".html":
            found += html_findings(data.decode("utf-8"), where)
        elif suffix == ".json":
            json.loads(data)
        elif suffix == ".csv":
            found += csv_findings(data, where)
        elif suffix == ".xml":
            found += xml_findings(data, where)
        elif suffix == ".svg":
            problem = svg_problem(data)
            if problem:
                found.append(f"{where}: SVG with {problem}")
        elif suffix == ".pdf":
            found += pdf_findings(data, where)
        elif suffix in (".js", ".css", ".htm", ".xhtml", ".shtml") and MARKER.encode() in data:
            found.append(f"{where}: contributed {suffix} file")
    return found
