"""How fast an instrument was carried out: a chart of the days from it to each document of its
implementation tree, by province, as one self-contained page (SVG written here, no script, offline).

The rows are `graph.queries.implementers` (every depth; the lag counts from the instrument asked
about). Provinces are ordered by their fastest document and, inside a province, documents by lag, so
the first bars answer "who acted first"; undated documents are listed below the chart.
"""

from __future__ import annotations

from html import escape

from rdflib import URIRef

from graph.queries import TreeRow, describe, implementers
from graph.store import GraphStore
from graph.views import RELATION_STYLE, View

_ROW = 22
_LABEL = 330
_PLOT = 560
_TOP = 36


def lag_chart(store: GraphStore, target: URIRef) -> View:
    """The chart page of `target`'s implementation tree."""
    head = describe(store, [target]).get(target)
    name = head.label if head else str(target)
    title = f"How fast {name} was carried out"
    rows = implementers(store, target)
    dated = [r for r in rows if r.lag_days is not None]
    undated = [r for r in rows if r.lag_days is None]
    ordered = _by_province(dated)
    svg = _svg(ordered, name) if ordered else "<p>No dated document carries it out yet.</p>"
    missing = "".join(f"<li>{escape(r.instrument.label)} ({escape(r.instrument.jurisdiction or 'no province')})</li>"
                      for r in undated)
    since = f" of {head.date.isoformat()}" if head and head.date else ""
    html = f"""<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>{escape(title)}</title>
<style>body{{font-family:sans-serif;margin:24px;color:#222}} svg text{{font-size:13px}}
.axis{{stroke:#999}} .grid{{stroke:#eee}} h1{{font-size:20px}} .note{{color:#555}}</style></head>
<body><h1>{escape(title)}</h1>
<p class="note">Days from {escape(name)}{escape(since)} to each document that carries it out (at any depth of its
implementation tree), grouped by province, fastest first. Colour: the document's relation.</p>
{_legend()}
{svg}
{f"<h2>Without a date</h2><ul>{missing}</ul>" if undated else ""}
</body></html>"""
    return View(html=html, nodes=len(rows), edges=len(dated), title=title)


def _by_province(rows: list[TreeRow]) -> list[TreeRow]:
    groups: dict[str, list[TreeRow]] = {}
    for row in rows:
        groups.setdefault(row.instrument.jurisdiction or "—", []).append(row)
    for group in groups.values():
        group.sort(key=lambda r: (r.lag_days, r.instrument.label))
    ordered = sorted(groups.items(), key=lambda item: (item[1][0].lag_days, item[0]))
    return [row for _, group in ordered for row in group]


def _svg(rows: list[TreeRow], name: str) -> str:
    longest = max(max(r.lag_days or 0 for r in rows), 1)
    step = _tick_step(longest)
    scale = _PLOT / (longest + step / 2)
    height = _TOP + _ROW * len(rows) + 30
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{_LABEL + _PLOT + 80}" height="{height}" '
             f'role="img" aria-label="{escape(f"Days from {name} to each implementing document")}">']
    for tick in range(0, longest + step, step):
        x = _LABEL + tick * scale
        parts.append(f'<line class="grid" x1="{x:.1f}" y1="{_TOP - 6}" x2="{x:.1f}" y2="{height - 28}"/>'
                     f'<text x="{x:.1f}" y="{_TOP - 12}" text-anchor="middle">{tick}</text>')
    parts.append(f'<text x="{_LABEL + _PLOT / 2}" y="{height - 8}" text-anchor="middle">days</text>')
    province = None
    for k, row in enumerate(rows):
        y = _TOP + k * _ROW
        place = row.instrument.jurisdiction or "—"
        label = f"{place} · {row.instrument.label}" if place != province else f"      {row.instrument.label}"
        province = place
        colour = RELATION_STYLE.get(row.relations[0], RELATION_STYLE["cites"])[1]
        width = max((row.lag_days or 0) * scale, 2)
        date = row.instrument.date.isoformat() if row.instrument.date else ""
        parts.append(
            f'<g class="bar" data-days="{row.lag_days}" data-place="{escape(place)}">'
            f'<title>{escape(row.instrument.label)}, {escape(place)}, {date}: {row.lag_days} days '
            f'({escape(", ".join(row.relations))}; depth {row.depth})</title>'
            f'<text x="{_LABEL - 8}" y="{y + 15}" text-anchor="end" xml:space="preserve">{escape(label)}</text>'
            f'<rect x="{_LABEL}" y="{y + 3}" width="{width:.1f}" height="{_ROW - 6}" fill="{colour}"/>'
            f'<text x="{_LABEL + width + 6:.1f}" y="{y + 15}">{row.lag_days}</text></g>')
    parts.append(f'<line class="axis" x1="{_LABEL}" y1="{_TOP - 6}" x2="{_LABEL}" y2="{height - 28}"/></svg>')
    return "".join(parts)


def _tick_step(longest: int) -> int:
    for step in (7, 15, 30, 60, 90, 180, 365, 730):
        if longest / step <= 10:
            return step
    return 1825


def _legend() -> str:
    items = "".join(f'<span style="display:inline-block;margin-right:16px"><span style="display:inline-block;'
                    f'width:12px;height:12px;background:{RELATION_STYLE[r][1]}"></span> {escape(RELATION_STYLE[r][0])}'
                    f"</span>" for r in ("implements", "based_on"))
    return f"<p>{items}</p>"
