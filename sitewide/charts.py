"""Small bar charts drawn on the server as SVG: no script, nothing from another host.

This module computes the geometry; templates/admin/includes/bar_chart.html draws it. Every
coordinate is a whole number (so no template ever writes "1,5" for 1.5 in French).
"""

from dataclasses import dataclass

# The chart's own units: each bar gets a slot this wide, the tallest bar is this tall. The SVG
# stretches to the width and height that the stylesheet gives it.
SLOT = 10
GAP = 2
HEIGHT = 100


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    width: int
    height: int
    label: str
    is_highlighted: bool = False


@dataclass(frozen=True)
class BarChart:
    bars: list
    width: int
    height: int
    maximum: int
    description: str


def bar_chart(points, *, description, highlight_last=False):
    """A chart of vertical bars from `points`, (label, value) pairs in order.

    `description` says what the chart shows, for people who cannot see it; each bar's label is
    its tooltip. A value above zero always shows, however small beside the tallest.
    """
    maximum = max((value for _label, value in points), default=0)
    bars = []
    for index, (label, value) in enumerate(points):
        height = round(value * HEIGHT / maximum) if maximum else 0
        if value > 0:
            height = max(height, 2)
        bars.append(
            Bar(
                x=index * SLOT + GAP // 2,
                y=HEIGHT - height,
                width=SLOT - GAP,
                height=height,
                label=label,
                is_highlighted=highlight_last and index == len(points) - 1,
            )
        )
    return BarChart(
        bars=bars,
        width=max(len(points), 1) * SLOT,
        height=HEIGHT,
        maximum=maximum,
        description=description,
    )


def share_percent(value, total):
    """`value` as a whole percentage of `total` (0 when there is none), for proportional bars."""
    return round(value * 100 / total) if total else 0
