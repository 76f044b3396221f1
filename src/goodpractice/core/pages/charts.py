"""Bar charts drawn at build time with pygal, as static SVG safe to inline in a page.

pygal is small, pure Python and writes SVG itself (text stays text: searchable, printable,
readable by assistive technology), where matplotlib would need NumPy and draws text as
paths. Its SVG is cleaned here: no script (pygal links its tooltip script from a CDN unless
``js=[]``, and still inlines a config script), no comments (they carry the build date), and
a stable id instead of a random one, so the same data gives the same bytes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence

import pygal
from pygal.style import Style

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
# Teal for reported results, deep orange for targets: the site's palette, distinct in grey too.
ACHIEVED, TARGET, NEUTRAL = "#00695c", "#bf360c", "#37474f"


def _style(colours: tuple[str, ...]) -> Style:
    return Style(
        font_family=FONT,
        background="#ffffff",
        plot_background="#ffffff",
        foreground="#212121",
        foreground_strong="#000000",
        foreground_subtle="#616161",
        colors=colours,
        label_font_size=13,
        major_label_font_size=13,
        value_font_size=13,
        legend_font_size=14,
        title_font_size=16,
        opacity="1",
        opacity_hover="1",
    )


def bar_chart(
    chart_id: str,
    title: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[int | None], str]],
    number: Callable[[float], str],
) -> str:
    """A horizontal bar chart, one bar per label and series (name, values, colour)."""
    top = max((v for _, values, _ in series for v in values if v is not None), default=0)
    chart = pygal.HorizontalBar(
        js=[],
        style=_style(tuple(colour for _, _, colour in series)),
        # Room on the right for the value printed after the longest bar.
        range=(0, max(1, top * 1.15)),
        y_labels=integer_ticks(top * 1.15),
        width=800,
        height=110 + 34 * max(1, len(labels)) * max(1, len(series)),
        show_legend=True,
        legend_at_bottom=True,
        print_values=True,
        print_values_position="top",
        value_formatter=lambda v: number(v) if v is not None else "",
        formatter=lambda v: number(v) if v is not None else "",
        truncate_label=-1,
        disable_xml_declaration=True,
        show_x_guides=True,
        show_y_guides=False,
        margin=10,
    )
    chart.x_labels = list(labels)
    for name, values, _ in series:
        chart.add(name, list(values))
    return clean_svg(chart.render(is_unicode=True), chart_id, title)


def integer_ticks(top: float, most: int = 8) -> list[int]:
    """Whole-number axis ticks 1, 2 or 5 times a power of ten apart: counts have no halves."""
    step = 1
    while top / step > most:
        step = step * 5 // 2 if str(step)[0] == "2" else step * 2
    return list(range(0, int(top) + 1, step))


# What only pygal's tooltip script reads: scripts, and descriptions of bar positions.
_SCRIPT_ONLY = {f"{{{SVG}}}script", f"{{{SVG}}}desc"}
# Coordinates to a hundredth of a pixel: a third of the size, the same drawing.
_DECIMALS = re.compile(r"(\d+\.\d{2})\d+")


def clean_svg(svg: str, chart_id: str, title: str) -> str:
    """Stable ids, no scripts or comments, and a title that names the chart for screen readers."""
    ET.register_namespace("", SVG)
    ET.register_namespace("xlink", XLINK)
    random_id = ET.fromstring(svg).get("id", "")
    root = ET.fromstring(svg.replace(random_id, chart_id) if random_id else svg)
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag in _SCRIPT_ONLY or "tooltip-overlay" in child.get("class", ""):
                parent.remove(child)
                continue
            if child.get("id", "").startswith("activate-serie"):
                del child.attrib["id"]
            for name, value in child.attrib.items():
                child.set(name, _DECIMALS.sub(r"\1", value))
            if child.get("class") == "value" and child.get("x"):
                # The value right after the end of its bar, not across it.
                child.set("text-anchor", "start")
                child.set("x", f"{float(child.get('x', '0')) + 6:.2f}")
    heading = ET.Element(f"{{{SVG}}}title", {"id": f"{chart_id}-title"})
    heading.text = title
    root.insert(0, heading)
    root.set("role", "img")
    root.set("aria-labelledby", f"{chart_id}-title")
    root.set("class", f"{root.get('class', '')} gp-chart__svg".strip())
    return ET.tostring(root, encoding="unicode")
