"""Fill the gaps of the sitemap that MkDocs and mkdocs-static-i18n write.

They list every page with ``hreflang`` alternates, but date every page with the build day and
name no ``x-default``. Here case studies get the date of their content (``updated`` or
``added``) and each page names the default language's address as ``x-default``.
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
    ET.indent(root, space="    ")
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return body + b"\n"


def _content_dates(site: Site, site_url: str) -> dict[str, str]:
    return {
        page_url(site, practice.id, language, site_url): practice.updated or practice.added
        for practice in site.practices.values()
        for language in site.project.language_codes
    }
