"""Interactive HTML views of the graph (pyvis networks drawn by vis-network), that work offline.

pyvis builds the network (nodes, edges, options); the page is rendered from our own template
(`graph/templates/view.html`) with vis-network's script and style inlined from the copy pyvis ships,
because pyvis's template loads them and Bootstrap from CDNs. Two views: the ego view around one
instrument (what it carries out or cites above it, what carries it out or cites it below), and the
whole corpus, the instruments cited most drawn largest, with filters by type, place and year.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

import networkx as nx
import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network
from rdflib import URIRef

from graph.analytics import neighbourhood, to_networkx
from graph.queries import edge_evidence
from graph.store import GraphStore
from ingest.tables import TYPE_TOKENS

Direction = Literal["up", "down", "both"]
TEMPLATES = Path(__file__).resolve().parent / "templates"
VIS = Path(pyvis.__file__).resolve().parent / "lib" / "vis-9.1.2"

# Issuer levels, highest first: (legend text, colour).
LEVEL_STYLE: dict[str, tuple[str, str]] = {
    "party_central": ("Party central (Bộ Chính trị, Ban Chấp hành TW)", "#c62828"),
    "state_central": ("State central (Quốc hội, Chính phủ, Thủ tướng)", "#ef6c00"),
    "ministry": ("Ministry (Bộ, cơ quan ngang bộ)", "#f9a825"),
    "provincial_party": ("Provincial Party committee (Tỉnh ủy, Thành ủy)", "#6a1b9a"),
    "provincial_council": ("Provincial council (HĐND)", "#2e7d32"),
    "provincial_committee": ("Provincial people's committee (UBND)", "#1565c0"),
    "provincial_department": ("Provincial department (Sở)", "#00838f"),
    "other": ("Other body", "#6d4c41"),
}
UNKNOWN_LEVEL = ("Issuer unknown", "#9e9e9e")
# An instrument a corpus document replaces or repeals as a whole.
SUPERSEDED_COLOUR = "#b0bec5"
# Relations, strongest first: (legend text, colour, dashed).
RELATION_STYLE: dict[str, tuple[str, str, bool]] = {
    "implements": ("implements (Thực hiện / triển khai)", "#d81b60", False),
    "based_on": ("based on (Căn cứ)", "#3949ab", False),
    "guides": ("guides (hướng dẫn)", "#00897b", True),
    "amends": ("amends (sửa đổi)", "#8e24aa", True),
    "replaces": ("replaces (thay thế)", "#5d4037", True),
    "repeals": ("repeals (bãi bỏ)", "#5d4037", True),
    "corrects": ("corrects (đính chính)", "#5d4037", True),
    "cites": ("cites", "#9e9e9e", True),
}
_ABBREVIATION = {name: token for token, name in reversed(TYPE_TOKENS.items())}


@dataclass(frozen=True, slots=True)
class View:
    """A rendered view: the page, and how many nodes and edges it draws."""

    html: str
    nodes: int
    edges: int
    title: str


def short_label(data: dict) -> str:
    """The label a node is drawn with: type abbreviation, number-symbol and, for local bodies, the place.

    >>> short_label({"type": "Kế hoạch", "number": "35/KH-UBND", "jurisdiction": "Cần Thơ",
    ...              "level": "provincial_committee"})
    'KH 35/KH-UBND Cần Thơ'
    >>> short_label({"type": "Nghị quyết", "number": "11/NQ-CP", "jurisdiction": "Việt Nam",
    ...              "level": "state_central"})
    'NQ 11/NQ-CP'
    >>> short_label({"type": "Luật", "number": None, "label": "Luật Đầu tư công"})
    'Luật Đầu tư công'
    """
    number = data.get("number")
    if not number:
        return str(data.get("label", ""))
    head = _ABBREVIATION.get(data.get("type") or "", data.get("type") or "")
    place = data.get("jurisdiction")
    local = (data.get("level") or "").startswith("provincial") and place
    return " ".join(part for part in (head, number, place if local else None) if part)


def ego_view(store: GraphStore, subject: URIRef, depth: int = 2, direction: Direction = "both",
             hierarchical: bool = True, limit: int = 2000) -> View:
    """The instruments within `depth` edges of `subject`: above it (what it carries out, is based on or
    cites), below it (what carries it out or cites it), or both; at most `limit` of them."""
    sub, cut = neighbourhood(store, subject, depth, up=direction in ("up", "both"),
                             down=direction in ("down", "both"), limit=limit)
    centre = str(subject)
    title = f"{short_label(sub.nodes[centre])}: {depth} level{'s' if depth != 1 else ''} {direction}"
    if cut:
        title += f" (the first {limit} instruments)"
    return _render(store, sub, title, centre=centre, hierarchical=hierarchical, filters=False)


def corpus_view(store: GraphStore, hierarchical: bool = False) -> View:
    """Every instrument and edge, sized by how often it is cited, with filters by type, place and year."""
    g = to_networkx(store)
    return _render(store, g, "lexgraph: the whole corpus", centre=None, hierarchical=hierarchical, filters=True)


def _render(store: GraphStore, g: nx.DiGraph, title: str, centre: str | None, hierarchical: bool,
            filters: bool) -> View:
    net = Network(directed=True, height="100%", width="100%", cdn_resources="remote")
    ranks = _ranks(g)
    for node, data in sorted(g.nodes(data=True)):
        label, colour = LEVEL_STYLE.get(data.get("level") or "", UNKNOWN_LEVEL)
        in_corpus = bool(data.get("in_corpus"))
        superseded = bool(data.get("superseded"))
        if superseded:
            # Replaced or repealed: greyed, struck through in its label, so the eye skips it.
            colour = SUPERSEDED_COLOUR
        net.add_node(
            node,
            label=short_label(data) + (" ✕" if superseded else ""),
            title=_node_tooltip(store, node, data, label),
            color={"background": colour if in_corpus else "#ffffff", "border": colour,
                   "highlight": {"background": colour, "border": "#000000"}},
            font={"color": "#ffffff" if in_corpus else "#1b1f24"},
            shape="box" if in_corpus else "ellipse",
            borderWidth=3 if node == centre else (2 if in_corpus else 1),
            shapeProperties={"borderDashes": [2, 2] if superseded else (False if in_corpus else [4, 3])},
            lexSuperseded=superseded,
            value=1 + int(data.get("cited_by") or 0) + (2 if in_corpus else 0),
            level=ranks.get(node, 0),
            lexType=data.get("type") or "",
            lexPlace=data.get("jurisdiction") or "",
            lexYear=data.get("year") or "",
            lexLevel=data.get("level") or "",
            lexCorpus=in_corpus,
        )
    evidence = edge_evidence(store, [URIRef(n) for n in g.nodes])
    for a, b, data in sorted(g.edges(data=True)):
        relations = sorted(data["relations"], key=list(RELATION_STYLE).index) or ["cites"]
        _, colour, dashed = RELATION_STYLE[relations[0]]
        sentence, where = evidence.get((a, b), (None, None))
        tooltip = ", ".join(relations) + (f"\n“{sentence}”\n{where}" if sentence else "")
        net.add_edge(a, b, title=tooltip, color=colour, dashes=dashed, arrows="to",
                     width=3 if relations[0] == "implements" else (2 if relations[0] == "based_on" else 1),
                     lexRelations=relations)
    options = {
        "nodes": {"scaling": {"min": 12, "max": 48, "label": {"enabled": True, "min": 12, "max": 26}},
                  "font": {"face": "system-ui, sans-serif"}},
        "edges": {"smooth": {"type": "cubicBezier"} if hierarchical else {"type": "continuous"}},
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
        "physics": {"enabled": not hierarchical, "stabilization": {"iterations": 300, "fit": True},
                    "barnesHut": {"gravitationalConstant": -9000, "springLength": 160}},
        "layout": {"hierarchical": {"enabled": True, "direction": "UD", "sortMethod": "directed",
                                    "levelSeparation": 140, "nodeSpacing": 190}} if hierarchical else {},
    }
    net.set_options(json.dumps(options))
    nodes, edges, _heading, _height, _width, options_json = net.get_network_data()
    html = _template().render(
        title=title,
        nodes=json.dumps(nodes, ensure_ascii=False).replace("</", "<\\/"),
        edges=json.dumps(edges, ensure_ascii=False).replace("</", "<\\/"),
        options=options_json,
        vis_js=_vis("vis-network.min.js"),
        vis_css=_vis("vis-network.css"),
        levels=[(text, colour) for text, colour in (*LEVEL_STYLE.values(), UNKNOWN_LEVEL,
                                                    ("Replaced or repealed (✕)", SUPERSEDED_COLOUR))],
        relations=[(text, colour, dashed) for text, colour, dashed in RELATION_STYLE.values()],
        filters=filters,
    )
    return View(html, len(nodes), len(edges), title)


def _ranks(g: nx.DiGraph) -> dict[str, int]:
    """Hierarchical levels: parents above the documents that carry them out (edges point upwards)."""
    ranks: dict[str, int] = {}
    order = list(nx.topological_sort(g)) if nx.is_directed_acyclic_graph(g) else sorted(g.nodes)
    for node in reversed(order):
        above = [ranks[p] for p in g.successors(node) if p in ranks]
        ranks[node] = max(above) + 1 if above else 0
    return ranks


def _node_tooltip(store: GraphStore, node: str, data: dict, level_text: str) -> str:
    lines = [str(data.get("label", node))]
    if data.get("title"):
        lines.append(str(data["title"]))
    lines += [
        f"type: {data.get('type') or '?'}    number: {data.get('number') or '—'}",
        f"date: {data.get('date') or data.get('year') or 'undated'}",
        f"issuer: {data.get('issuer') or '?'} ({level_text})",
    ]
    if data.get("jurisdiction"):
        lines.append(f"place: {data['jurisdiction']}")
    lines.append(f"cited by {data.get('cited_by') or 0} document(s); "
                 + ("full text in the corpus" if data.get("in_corpus") else "known only from citations"))
    if data.get("superseded"):
        lines.append("replaced or repealed by a corpus document (lexgraph status gives since when and by what)")
    lines.append(store.iris.path_of(node) or node)
    return "\n".join(lines)


@cache
def _template():
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    return env.get_template("view.html")


@cache
def _vis(name: str) -> str:
    # Inlined inside <script>/<style>: a closing tag in the library text would end the element early.
    return (VIS / name).read_text(encoding="utf-8").replace("</script", "<\\/script").replace("</style", "<\\/style")
