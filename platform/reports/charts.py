"""Bar charts as inline SVG, drawn on the server: no JavaScript library, no outside service.

Readable without colour (values are written on the bars) and by screen readers (a title and
a description of every bar), as a government site's admin must be (Circular 32/2017, art. 18).
"""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BAR_COLOUR = "#1d4f91"
LOW_COLOUR = "#c0392b"


def bar_chart(
    title: str,
    labels: list[str],
    values: list[float],
    *,
    highlight: list[bool] | None = None,
    target: float | None = None,
    width: int = 640,
    height: int = 240,
) -> SafeString:
    """Vertical bars, one per label; ``highlight`` marks bars in red, ``target`` draws a line."""
    margin_top, margin_bottom, margin_left = 28, 36, 8
    plot_height = height - margin_top - margin_bottom
    top = max([*values, target or 0, 1])
    count = max(len(values), 1)
    slot = (width - margin_left * 2) / count
    bar = max(slot * 0.7, 2)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="report-chart"'
        f' viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px"'
        f' aria-labelledby="chart-title">',
        f'<title id="chart-title">{escape(title)}</title>',
        f'<text x="{margin_left}" y="16" font-size="14" font-weight="bold">{escape(title)}</text>',
    ]
    for i, (label, value) in enumerate(zip(labels, values, strict=True)):
        bar_height = plot_height * value / top
        x = margin_left + i * slot + (slot - bar) / 2
        y = margin_top + plot_height - bar_height
        colour = LOW_COLOUR if highlight and highlight[i] else BAR_COLOUR
        shown = f"{value:g}"
        parts.append(
            f"<g><title>{escape(label)}: {shown}</title>"
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{bar_height:.1f}"'
            f' fill="{colour}"/>'
            f'<text x="{x + bar / 2:.1f}" y="{y - 3:.1f}" font-size="11"'
            f' text-anchor="middle">{shown}</text>'
            f'<text x="{x + bar / 2:.1f}" y="{height - margin_bottom + 14}" font-size="11"'
            f' text-anchor="middle">{escape(label)}</text></g>'
        )
    if target:
        y = margin_top + plot_height - plot_height * target / top
        parts.append(
            f'<line x1="{margin_left}" x2="{width - margin_left}" y1="{y:.1f}" y2="{y:.1f}"'
            f' stroke="{LOW_COLOUR}" stroke-dasharray="6 4"><title>{escape(str(target))}</title>'
            "</line>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
