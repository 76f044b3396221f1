"""PDFs printed by an earlier build, reused when nothing they were printed from has changed.

A site of thousands of case studies has twice as many handouts, and Chromium takes a fifth
of a second or more for each; a build that changed one case should print two PDFs, not ten
thousand. An entry records every file the browser was served for a PDF (the page, its
stylesheets, scripts, images) with its SHA-256, and a key for everything else that shapes
the PDF (the job, the print options, the browser's version, this code). It is used only if
all of them are still the same, so a cached PDF is byte for byte what printing would give.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path

from goodpractice.core.pages.printjobs import PrintJob

_CODE = [
    Path(__file__).with_name(name) for name in ("pdfhandouts.py", "pdffiles.py", "pdfcache.py")
]


def cache_folder(root: Path) -> Path | None:
    """``GOODPRACTICE_PDF_CACHE`` (a folder, or ``off``), by default ``.cache/pdf`` of the
    project (it is in .gitignore)."""
    setting = os.environ.get("GOODPRACTICE_PDF_CACHE", "")
    if setting.lower() in ("0", "off", "no"):
        return None
    return Path(setting) if setting else root / ".cache" / "pdf"


class PdfCache:
    def __init__(self, folder: Path | None, site_dir: Path, context: str) -> None:
        self.folder = folder
        self.site_dir = site_dir
        code = b"".join(path.read_bytes() for path in _CODE)
        self.context = hashlib.sha256(context.encode() + code).hexdigest()
        self._digests: dict[str, str] = {}

    def digest(self, relative: str) -> str:
        """The SHA-256 of a file of the site, read once per build."""
        if relative not in self._digests:
            path = (self.site_dir / relative).resolve()
            inside = path.is_relative_to(self.site_dir.resolve())
            data = path.read_bytes() if inside and path.is_file() else b""
            self._digests[relative] = hashlib.sha256(data).hexdigest()
        return self._digests[relative]

    def get(self, job: PrintJob) -> bytes | None:
        if self.folder is None:
            return None
        entry, pdf = self._paths(job)
        try:
            record = json.loads(entry.read_text(encoding="utf-8"))
            if record["key"] != self._key(job):
                return None
            inputs: dict[str, str] = record["inputs"]
            if any(self.digest(path) != digest for path, digest in inputs.items()):
                return None
            return pdf.read_bytes()
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, job: PrintJob, inputs: dict[str, str], data: bytes) -> None:
        if self.folder is None:
            return
        entry, pdf = self._paths(job)
        self.folder.mkdir(parents=True, exist_ok=True)
        pdf.write_bytes(data)
        record = {"key": self._key(job), "inputs": inputs}
        entry.write_text(json.dumps(record, sort_keys=True), encoding="utf-8")

    def _key(self, job: PrintJob) -> str:
        return hashlib.sha256((self.context + json.dumps(asdict(job))).encode()).hexdigest()

    def _paths(self, job: PrintJob) -> tuple[Path, Path]:
        assert self.folder is not None
        name = hashlib.sha256(job.pdf.encode()).hexdigest()[:32]
        return self.folder / f"{name}.json", self.folder / f"{name}.pdf"
