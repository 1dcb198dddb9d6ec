"""Measure how a drawn plotly chart fits its page: width vs its column, overlapping tick labels, legend over the plot.

Used by tests/test_chart_fit.py (the reading site) and tests/test_lab.py (JupyterLab). Tick labels are compared as the
rotated rectangles they are drawn in (corners from each text's bounding box and transform), not as the screen boxes
around them: two labels tilted at 45 degrees can have overlapping screen boxes while their letters stay apart.
"""

from __future__ import annotations

# For each chart: its drawn width and the width of the column it sits in; every tick label's four corners on screen,
# grouped by axis; the legend's box; each subplot's plot area (and the range slider's) as boxes.
MEASURE_JS = """(selector) => {
  const box = r => ({x0: r.left, y0: r.top, x1: r.right, y1: r.bottom});
  const corners = el => {
    const b = el.getBBox(), m = el.getScreenCTM();
    if (!m || b.width === 0) return null;
    return [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]]
      .map(([x, y]) => [m.a * x + m.c * y + m.e, m.b * x + m.d * y + m.f]);
  };
  return Array.from(document.querySelectorAll(selector)).map((gd, index) => {
    const svg = gd.querySelector('svg.main-svg');
    const column = gd.closest('.cell_output, .jp-OutputArea-output, article, main') || gd.parentElement;
    const style = getComputedStyle(column);
    const inner = column.getBoundingClientRect();
    const padL = parseFloat(style.paddingLeft) || 0, padR = parseFloat(style.paddingRight) || 0;
    const axes = {};
    gd.querySelectorAll('g.xtick > text, g.ytick > text').forEach(t => {
      if (!t.textContent.trim() || getComputedStyle(t).display === 'none' || t.getAttribute('opacity') === '0') return;
      const layer = t.closest('g[class*="axislayer"]');
      const key = (t.parentNode.classList.contains('xtick') ? 'x' : 'y') + ':' +
                  (layer ? layer.className.baseVal : '') + ':' +
                  Array.from(gd.querySelectorAll('g[class*="axislayer"]')).indexOf(layer);
      const c = corners(t);
      if (c) (axes[key] = axes[key] || []).push({text: t.textContent, corners: c});
    });
    const legend = gd.querySelector('g.legend');
    const legendBox = legend
      ? box(legend.querySelector('rect.bg') ? legend.querySelector('rect.bg').getBoundingClientRect()
                                            : legend.getBoundingClientRect())
      : null;
    const plots = Array.from(gd.querySelectorAll('.draglayer .nsewdrag, .rangeslider-bg'))
      .map(r => box(r.getBoundingClientRect()));
    const texts = Array.from(gd.querySelectorAll(
        'g.xtick > text, g.ytick > text, .g-xtitle text, .g-ytitle text, .g-x2title text, .g-y2title text, ' +
        '.g-x3title text, .g-y3title text, .annotation-text-g text, .gtitle'))
      .filter(t => t.textContent.trim() && !(legend && legend.contains(t)))
      .map(t => ({text: t.textContent, box: box(t.getBoundingClientRect())}));
    const title = (gd.layout && gd.layout.title && (gd.layout.title.text || gd.layout.title)) || '';
    return {index, id: gd.id, title: String(title).replace(/<[^>]+>/g, ' ').slice(0, 80),
            width: svg ? svg.getBoundingClientRect().width : 0, left: svg ? svg.getBoundingClientRect().left : 0,
            columnWidth: inner.width - padL - padR, columnLeft: inner.left + padL,
            svgBox: svg ? box(svg.getBoundingClientRect()) : null,
            axes, legend: legendBox, plots, texts};
  });
}"""


def _project(poly: list[list[float]], axis: tuple[float, float]) -> tuple[float, float]:
    """The interval a convex polygon covers on an axis."""
    dots = [p[0] * axis[0] + p[1] * axis[1] for p in poly]
    return min(dots), max(dots)


def polygons_overlap(a: list[list[float]], b: list[list[float]], slack: float = 0.5) -> bool:
    """Whether two convex quadrilaterals overlap by more than `slack` px (separating-axis test)."""
    for poly in (a, b):
        for i in range(len(poly)):
            (x0, y0), (x1, y1) = poly[i], poly[(i + 1) % len(poly)]
            edge = (y0 - y1, x1 - x0)
            norm = (edge[0] ** 2 + edge[1] ** 2) ** 0.5
            if norm == 0:
                continue
            axis = (edge[0] / norm, edge[1] / norm)
            lo_a, hi_a = _project(a, axis)
            lo_b, hi_b = _project(b, axis)
            if hi_a - slack <= lo_b or hi_b - slack <= lo_a:
                return False
    return True


def boxes_overlap(a: dict, b: dict, slack: float = 0.5) -> bool:
    """Whether two screen boxes (x0, y0, x1, y1) overlap by more than `slack` px in both directions."""
    return (
        min(a["x1"], b["x1"]) - max(a["x0"], b["x0"]) > slack and min(a["y1"], b["y1"]) - max(a["y0"], b["y0"]) > slack
    )


def overlapping_ticks(chart: dict) -> list[str]:
    """Pairs of tick labels of one axis whose drawn rectangles overlap, as 'label | label'."""
    pairs = []
    for labels in chart["axes"].values():
        for i, a in enumerate(labels):
            for b in labels[i + 1 :]:
                if polygons_overlap(a["corners"], b["corners"]):
                    pairs.append(f"{a['text']} | {b['text']}")
    return pairs


def problems(chart: dict, where: str) -> list[str]:
    """Everything that does not fit in one measured chart, one line each (empty when it fits)."""
    name = f"{where}: chart {chart['index'] + 1} ({chart['title'] or chart['id']})"
    out = []
    if chart["width"] > chart["columnWidth"] + 1:
        out.append(f"{name} is {chart['width']:.0f} px wide in a {chart['columnWidth']:.0f} px column")
    if chart["left"] < chart["columnLeft"] - 1:
        out.append(f"{name} starts {chart['columnLeft'] - chart['left']:.0f} px left of its column")
    pairs = overlapping_ticks(chart)
    if pairs:
        out.append(f"{name} has {len(pairs)} overlapping tick-label pair(s), e.g. {pairs[:3]}")
    legend = chart["legend"]
    if legend:
        over = [p for p in chart["plots"] if boxes_overlap(legend, p)]
        if over:
            out.append(f"{name}: the legend {_fmt(legend)} covers the plot area {_fmt(over[0])}")
        hidden = [t["text"] for t in chart.get("texts", []) if boxes_overlap(legend, t["box"])]
        if hidden:
            out.append(f"{name}: the legend {_fmt(legend)} covers labels of the chart: {hidden[:4]}")
        svg = chart["svgBox"]
        if svg and (
            legend["x0"] < svg["x0"] - 1
            or legend["x1"] > svg["x1"] + 1
            or legend["y0"] < svg["y0"] - 1
            or legend["y1"] > svg["y1"] + 1
        ):
            out.append(f"{name}: the legend {_fmt(legend)} is cut off by the chart's edge {_fmt(svg)}")
    return out


def _fmt(b: dict) -> str:
    """A box as x0,y0-x1,y1 in whole pixels."""
    return f"({b['x0']:.0f},{b['y0']:.0f})-({b['x1']:.0f},{b['y1']:.0f})"


def tally(page: str, width: int, charts: list[dict]) -> str:
    """A line of counts for a page: charts, overlapping tick-label pairs, legends over a plot area, charts too wide."""
    pairs = sum(len(overlapping_ticks(c)) for c in charts)
    legends = sum(1 for c in charts if c["legend"] and any(boxes_overlap(c["legend"], p) for p in c["plots"]))
    wide = sum(1 for c in charts if c["width"] > c["columnWidth"] + 1)
    return (
        f"{width:>5} px  {page:<40} charts {len(charts):>2}  tick overlaps {pairs:>4}  legend on plot {legends:>2}  too"
        f" wide {wide:>2}"
    )
