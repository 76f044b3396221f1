"""Bar charts drawn in HTML and CSS: one row per term, one bar per series, each bar as long
as its share of the chart's largest value.

The charts were SVG (pygal) until issue 14: an 800-pixel drawing shrunk to a phone's width put
its labels at 6-7 px. HTML text keeps the reader's font size at every width, wraps instead of
overflowing, needs no image, script or dependency, and prints as it shows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    series: str  # the series' name in the page's language ("reported result")
    kind: str  # "achieved", "target" or "count": the bar's colour
    value: str  # formatted for the page's language; "" where the term has no value
    share: float  # 0 to 100: the bar's length, as a share of the largest value


@dataclass(frozen=True)
class BarRow:
    label: str
    bars: list[Bar]


def bar_rows(
    labels: Sequence[str],
    series: Sequence[tuple[str, str, Sequence[int | None]]],
    number: Callable[[float], str],
) -> list[BarRow]:
    """The rows of a chart: for each label, a bar per series (name, kind, values)."""
    top = max((v for _, _, values in series for v in values if v is not None), default=0)

    def bar(name: str, kind: str, value: int | None) -> Bar:
        if value is None:
            return Bar(name, kind, "", 0.0)
        return Bar(name, kind, number(value), round(100 * value / top, 1) if top else 0.0)

    return [
        BarRow(label, [bar(name, kind, values[i]) for name, kind, values in series])
        for i, label in enumerate(labels)
    ]
