"""Fill the gaps of the sitemap that MkDocs and mkdocs-static-i18n write.

They list every page with ``hreflang`` alternates, but date every page with the build day and
name no ``x-default``. Here case studies get the date of their content (``updated`` or
``added``) and each page names the default language's address as ``x-default``.

A large site's sitemap is split (``split_sitemap``): ``sitemap.xml`` becomes an index of files
of at most ``URLS_PER_FILE`` addresses. Besides the protocol's limit (50,000 per file), this
keeps every page light: Material's script fetches ``sitemap.xml`` beside every
``<link rel="alternate">`` of the head, the Atom feed's included, so a single sitemap would be
downloaded with the first page a reader opens (6 MB at 5,000 case studies).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from goodpractice.core.model.site import Site
from goodpractice.core.opendata.records import page_url

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def improved_sitemap(xml: bytes, site: Site, site_url: str) -> bytes:
    ET.register_namespace("", SITEMAP)
    ET.register_namespace("xhtml", XHTML)
    root = ET.fromstring(xml)
    dates = _content_dates(site, site_url)
    default = site.project.default_language
    for url in root.iter(f"{{{SITEMAP}}}url"):
        loc = url.findtext(f"{{{SITEMAP}}}loc", "")
        lastmod = url.find(f"{{{SITEMAP}}}lastmod")
        if loc in dates and lastmod is not None:
            lastmod.text = dates[loc]
        links = url.findall(f"{{{XHTML}}}link")
        default_href = next((ln.get("href") for ln in links if ln.get("hreflang") == default), None)
        if default_href and not any(ln.get("hreflang") == "x-default" for ln in links):
            x_default = ET.SubElement(url, f"{{{XHTML}}}link")
            x_default.set("rel", "alternate")
            x_default.set("hreflang", "x-default")
            x_default.set("href", default_href)
    return _xml(root)


def _content_dates(site: Site, site_url: str) -> dict[str, str]:
    return {
        page_url(site, practice.id, language, site_url): practice.updated or practice.added
        for practice in site.practices.values()
        for language in site.project.language_codes
    }


# Addresses per sitemap file of a split sitemap (each is listed with its alternates).
URLS_PER_FILE = 1_000


def split_sitemap(xml: bytes, site_url: str) -> dict[str, bytes]:
    """``sitemap.xml`` as it is, or, past ``URLS_PER_FILE`` addresses, an index of
    ``sitemap-<n>.xml`` files: file name -> content."""
    ET.register_namespace("", SITEMAP)
    ET.register_namespace("xhtml", XHTML)
    root = ET.fromstring(xml)
    urls = root.findall(f"{{{SITEMAP}}}url")
    if len(urls) <= URLS_PER_FILE:
        return {"sitemap.xml": xml}
    files: dict[str, bytes] = {}
    index = ET.Element(f"{{{SITEMAP}}}sitemapindex")
    for number, start in enumerate(range(0, len(urls), URLS_PER_FILE), start=1):
        name = f"sitemap-{number}.xml"
        part = ET.Element(f"{{{SITEMAP}}}urlset")
        part.extend(urls[start : start + URLS_PER_FILE])
        files[name] = _xml(part)
        entry = ET.SubElement(index, f"{{{SITEMAP}}}sitemap")
        ET.SubElement(entry, f"{{{SITEMAP}}}loc").text = site_url.rstrip("/") + "/" + name
    return {"sitemap.xml": _xml(index), **files}


def _xml(root: ET.Element) -> bytes:
    ET.indent(root, space="    ")
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return body + b"\n"
