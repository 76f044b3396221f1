"""Find every URL on another host that a browser would load from a built site.

HTML and CSS are read strictly: any resource they reference on another host is a finding.
JavaScript cannot be read that way (URLs also sit in licence comments and error messages), so
every absolute URL in a script is a finding unless listed in DORMANT_JS_URLS with the reason it
is never loaded; the conditions behind those reasons are asserted by tests.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

# Resource attributes: what the browser fetches without a click.
_RESOURCE_ATTRIBUTES = {
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
    "feimage": ("href", "xlink:href"),
}
_LOADING_RELS = {
    "stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "prefetch",
    "modulepreload", "manifest", "dns-prefetch", "preconnect", "prerender", "mask-icon",
}  # fmt: skip
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)|@import\s+['\"]([^'\"]+)", re.IGNORECASE)
# Absolute URLs, and protocol-relative ones only inside quotes (elsewhere // starts a comment).
_JS_URL = re.compile(
    r"https?://[^\s\"'`)<>\\]+|(?<=[\"'`])//[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s\"'`)<>\\]*"
)

# Absolute URLs in third-party scripts that a browser never requests on this site.
DORMANT_JS_URLS = {
    # Material fetches repository stats only when mkdocs.yml sets repo_url (it does not).
    "api.github.com": "repository facts need repo_url",
    "${e}": "GitLab repository facts need repo_url",
    # Material loads Mermaid only for diagrams (class "mermaid"; no page has one), and the
    # ResizeObserver polyfill only in browsers without ResizeObserver (none since 2020).
    "unpkg.com": "Mermaid diagrams and an old-browser polyfill",
    # Attribution and documentation links inside comments and error messages.
    "clipboardjs.com": "licence comment",
    "lunrjs.com": "licence comment",
    "tartarus.org": "licence comment",
    "snowball.tartarus.org": "licence comment",
    "bit.ly": "link in an error message",
    "code.google.com": "licence comment",
    "www.mozilla.org": "licence comment",
    "github.com": "licence comment",
    "chasen.org": "licence comment",
    "docs.python.org": "comment",
    "en.wikipedia.org": "comment",
    "msdn.microsoft.com": "comment",
    "narwhaljs.org": "comment",
    "people.mozilla.org": "comment",
    "underscorejs.org": "comment",
    "wiki.commonjs.org": "comment",
    "wiki.ecmascript.org": "comment",
    "developer.mozilla.org": "comment",
    "www.w3.org": "XML namespace identifier, not a request",
    # pagefind.js parses relative result URLs against a dummy base, new URL(`https://example.com${url}`).
    "example.com${anchored_url}": "dummy base for URL parsing in pagefind.js",
    "example.com${normalized}": "dummy base for URL parsing in pagefind.js",
}


def is_foreign(url: str) -> bool:
    url = url.strip()
    if url.startswith("//"):
        return True
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


class _ResourceParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        for name in _RESOURCE_ATTRIBUTES.get(tag.lower(), ()):
            if name in values:
                self.urls += [part.split()[0] for part in values[name].split(",") if part.strip()]
        if tag == "link" and _LOADING_RELS & set(values.get("rel", "").lower().split()):
            self.urls.append(values.get("href", ""))
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.urls.append(values.get("content", "").partition("url=")[2])
        if "style" in values:
            self.urls += css_urls(values["style"])
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.urls += css_urls(data)


def css_urls(css: str) -> list[str]:
    return [a or b for a, b in _CSS_URL.findall(css)]


def foreign_requests(site: Path) -> list[tuple[str, str]]:
    """(file, url) for every URL on another host that a page of ``site`` would load."""
    findings: list[tuple[str, str]] = []
    for path in sorted(site.rglob("*")):
        suffix = path.suffix.lower()
        if suffix not in (".html", ".css", ".js", ".svg"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        rel = path.relative_to(site).as_posix()
        if suffix in (".html", ".svg"):
            parser = _ResourceParser()
            parser.feed(text)
            urls = parser.urls
        elif suffix == ".css":
            urls = css_urls(text)
        else:
            urls = [u for u in _JS_URL.findall(text) if not _dormant(u)]
        findings += [(rel, url) for url in urls if is_foreign(url)]
    return findings


def _dormant(url: str) -> bool:
    host = urlsplit(url if "://" in url else "https:" + url).netloc
    return host in DORMANT_JS_URLS or url.startswith("https://${e}")
