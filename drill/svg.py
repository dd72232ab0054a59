"""A small SVG renderer for the drill's timeline: one row per phase, a bar from its start to its
end on a shared time axis (seconds since the outage), labels on the left, the duration after
each bar, and dashed vertical markers for single moments (outage injected, primary restored).

Hand-written on purpose: the venv has no plotting library and the picture is simple enough that
a dependency would be the larger part of it. Pure functions, no I/O: render() returns text.
"""
import math
from xml.sax.saxutils import escape

LABEL_WIDTH = 250   # left column for phase labels
RIGHT_PAD = 70      # room for the last bar's duration text
ROW = 24            # row pitch
BAR = 14            # bar height
TOP = 56            # title + marker labels
AXIS = 36           # tick labels under the plot
COLOURS = {"failover": "#c0392b", "failback": "#2471a3", "setup": "#7f8c8d"}
DEFAULT_COLOUR = "#566573"


def nice_step(span, target=8):
    """A tick step of 1, 2 or 5 x 10^k giving about `target` ticks over `span` seconds."""
    if span <= 0:
        return 1.0
    raw = span / target
    power = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if m * power >= raw:
            return float(m * power)
    return float(10 * power)


def _fmt(t):
    return f"{t:.0f}" if abs(t - round(t)) < 1e-9 else f"{t:g}"


def render(title, bars, markers=(), width=900):
    """SVG text.

    bars: [(label, start_s, end_s, group)] in display order; group picks the colour.
    markers: [(label, t_s)] drawn as dashed vertical lines across every row.
    """
    times = [t for _, s, e, _ in bars for t in (s, e)] + [t for _, t in markers]
    lo = min([0.0] + times)
    hi = max([1.0] + times)
    step = nice_step(hi - lo)
    lo = math.floor(lo / step) * step
    hi = math.ceil(hi / step) * step
    if hi <= lo:
        hi = lo + step
    plot_w = width - LABEL_WIDTH - RIGHT_PAD
    height = TOP + ROW * max(1, len(bars)) + AXIS

    def x(t):
        return LABEL_WIDTH + (t - lo) / (hi - lo) * plot_w

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           f'<text x="10" y="20" font-size="15" font-weight="bold">{escape(title)}</text>']
    plot_bottom = TOP + ROW * max(1, len(bars))

    # Grid and axis: one tick per step, labelled in seconds.
    n = int(round((hi - lo) / step))
    for i in range(n + 1):
        t = lo + i * step
        xt = x(t)
        out.append(f'<line x1="{xt:.1f}" y1="{TOP - 4}" x2="{xt:.1f}" y2="{plot_bottom}" '
                   f'stroke="#e5e7e9" stroke-width="1"/>')
        out.append(f'<text x="{xt:.1f}" y="{plot_bottom + 16}" text-anchor="middle" '
                   f'fill="#333">{_fmt(t)}</text>')
    out.append(f'<line x1="{LABEL_WIDTH}" y1="{plot_bottom}" x2="{LABEL_WIDTH + plot_w}" '
               f'y2="{plot_bottom}" stroke="#333" stroke-width="1"/>')
    out.append(f'<text x="{LABEL_WIDTH + plot_w / 2:.1f}" y="{plot_bottom + 32}" text-anchor="middle" '
               f'fill="#333">seconds since the outage was injected</text>')

    # Rows: label, bar (at least 2 px wide so an instant still shows), duration.
    for row, (label, start, end, group) in enumerate(bars):
        y = TOP + row * ROW
        colour = COLOURS.get(group, DEFAULT_COLOUR)
        x1, x2 = x(start), x(max(start, end))
        w = max(2.0, x2 - x1)
        out.append(f'<text x="{LABEL_WIDTH - 8}" y="{y + BAR - 2}" text-anchor="end">{escape(label)}</text>')
        out.append(f'<rect class="bar" data-group="{escape(group)}" x="{x1:.1f}" y="{y}" width="{w:.1f}" '
                   f'height="{BAR}" rx="2" fill="{colour}"><title>{escape(label)}: '
                   f'{start:.1f} s to {end:.1f} s</title></rect>')
        out.append(f'<text x="{x1 + w + 4:.1f}" y="{y + BAR - 2}" fill="#333">{end - start:.1f} s</text>')

    # Markers last so they sit on top of the bars.
    for i, (label, t) in enumerate(markers):
        xm = x(t)
        out.append(f'<line class="marker" x1="{xm:.1f}" y1="{TOP - 14}" x2="{xm:.1f}" y2="{plot_bottom}" '
                   f'stroke="#111" stroke-width="1" stroke-dasharray="4 3"/>')
        out.append(f'<text x="{xm + 3:.1f}" y="{TOP - 16 - 12 * (i % 2)}" fill="#111">{escape(label)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"
