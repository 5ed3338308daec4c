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

from graph.analytics import neighbourhood, node_data, to_networkx
from graph.queries import cited_by, cites, describe, edge_evidence, implementers
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


def corpus_view(store: GraphStore) -> View:
    """Every instrument, one row per issuer level (Party central at the top, provincial departments at the
    bottom), in each row the corpus documents and the most cited first; a row longer than fits is grouped (by
    province, else into "N more") and opens on click. Edges of the trees are drawn; plain citations are
    behind the toggle. Filters by type, place and year."""
    g = to_networkx(store)
    items = {node: _item(store, node, data, centre=False) for node, data in g.nodes(data=True)}
    tree = {n for a, b, data in g.edges(data=True) if data["relations"] - {"cites"} or data.get("tree")
            for n in (a, b)}
    order = [*LEVEL_STYLE, ""]
    by_level: dict[str, list[str]] = {}
    for node, data in g.nodes(data=True):
        level = data.get("level") if data.get("level") in LEVEL_STYLE else ""
        by_level.setdefault(level, []).append(node)
    roots = []
    for rank, level in enumerate(sorted(by_level, key=order.index)):
        members = sorted(by_level[level], key=lambda n: (not g.nodes[n].get("in_corpus"), n not in tree,
                                                          -int(g.nodes[n].get("cited_by") or 0), items[n]["label"]))
        for node in _grouped_row(items, members, f"level:{level or 'unknown'}:"):
            items[node]["row"] = 2 * rank  # odd rows are left to the members of an opened group
            roots.append(node)
    edges = []
    for a, b, data in sorted(g.edges(data=True)):
        relations = sorted(data["relations"], key=list(RELATION_STYLE).index) or ["cites"]
        edges.append((a, b, relations[0]))
    _open_first(items, [])
    return _layered("lexgraph: the whole corpus", items, roots, {}, edges, filters=True, lag=None)


def _grouped_row(items: dict[str, dict], members: list[str], prefix: str) -> list[str]:
    """A level's row: its first ROW_SHOWN - 1 members, then the rest grouped as `_grouped` groups children."""
    if len(members) <= ROW_SHOWN:
        return members
    rest = members[ROW_SHOWN - 1:]
    gid = f"{prefix}more"
    items[gid] = _group_item(f"{len(rest)} more", f"{len(rest)} more instruments at this level. Click to open.",
                             _grouped(items, rest, f"{gid}."), len(rest))
    return [*members[: ROW_SHOWN - 1], gid]


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
    html = _page("view.html", title, filters, nodes=_json(nodes), edges=_json(edges), options=options_json)
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


def _page(template: str, title: str, filters: bool, **values) -> str:
    """A view's page: `templates/_page.html` (title, filters, the legend, vis-network inlined) and `template`."""
    return _template(template).render(
        title=title, filters=filters, vis_js=_vis("vis-network.min.js"), vis_css=_vis("vis-network.css"),
        levels=[(text, colour) for text, colour in (*LEVEL_STYLE.values(), UNKNOWN_LEVEL,
                                                    ("Replaced or repealed (✕)", SUPERSEDED_COLOUR))],
        relations=[(text, colour, dashed) for text, colour, dashed in RELATION_STYLE.values()],
        **values,
    )


def _json(value) -> str:
    # Inlined in a <script>: a "</" in a label or tooltip would end the element early.
    return json.dumps(value, ensure_ascii=False, default=str).replace("</", "<\\/")


@cache
def _template(name: str):
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    return env.get_template(name)


@cache
def _vis(name: str) -> str:
    # Inlined inside <script>/<style>: a closing tag in the library text would end the element early.
    return (VIS / name).read_text(encoding="utf-8").replace("</script", "<\\/script").replace("</style", "<\\/style")


# The layered views: every node at a fixed place, so that nothing is drawn too small or on top of another.
# A parent with more children than GROUP_AT shows them grouped (by province, else by issuer level), with
# counts; a group opens on click, and shows at most MEMBERS_SHOWN members before an "N more" of the rest.
GROUP_AT = 6
GROUPS_SHOWN = 6
MEMBERS_SHOWN = 8
# How many nodes the page draws when first opened; the rest is a click away.
FIRST_DRAWN = 24
# Citations (not in the tree) the toggle adds, each way.
CITATIONS_SHOWN = 8
# Instruments a level's row of the corpus view shows before grouping the rest, and how many a line of the
# page holds (the corpus view has up to nine levels; one line each keeps its labels readable).
ROW_SHOWN = 6
PER_LINE = {"tree": 5, "corpus": 6}
GROUP_COLOUR = "#eceff1"


def tree_view(store: GraphStore, subject: URIRef) -> View:
    """The implementation tree of `subject`, the default view of an instrument: the documents that carry it
    out (`implements`, or a basis of a higher authority) below it, at any depth, parents above. Large levels
    are grouped by province with counts and open on click; plain citations are behind a toggle."""
    rows = implementers(store, subject)
    described = describe(store, [subject])
    ids = [str(subject), *(str(r.instrument.iri) for r in rows)]
    data = {str(r.instrument.iri): node_data(r.instrument) for r in rows}
    data[str(subject)] = node_data(described[subject])
    items: dict[str, dict] = {i: _item(store, i, data[i], centre=i == str(subject)) for i in ids}
    children: dict[str, list[str]] = {}
    relation_of: dict[str, str] = {}
    for r in rows:
        children.setdefault(str(r.parent), []).append(str(r.instrument.iri))
        relation_of[str(r.instrument.iri)] = r.relations[0]
    for parent, kids in children.items():
        items[parent]["children"] = _grouped(items, kids, f"{parent}#g")
    for child, relation in relation_of.items():
        items[child]["relation"] = relation
    extra = {}
    for name, edges in (("cited", cites(store, subject)), ("citing", cited_by(store, subject))):
        others = [e.other for e in edges if str(e.other.iri) not in items][:CITATIONS_SHOWN]
        extra[name] = []
        for other in others:
            iri = str(other.iri)
            items.setdefault(iri, _item(store, iri, node_data(other), centre=False))
            extra[name].append(iri)
    _open_first(items, [str(subject)])
    head = short_label(data[str(subject)])
    title = f"{head}: implementation tree ({len(rows)} document{'s' if len(rows) != 1 else ''})"
    path = store.iris.path_of(str(subject))
    return _layered(title, items, [str(subject)], extra, [], filters=False,
                    lag=f"/views/{path}/lag.html" if path else None)


def _item(store: GraphStore, iri: str, data: dict, centre: bool) -> dict:
    """The drawing of one instrument: label, tooltip, colours by issuer level, box or oval."""
    level_text, colour = LEVEL_STYLE.get(data.get("level") or "", UNKNOWN_LEVEL)
    in_corpus, superseded = bool(data.get("in_corpus")), bool(data.get("superseded"))
    if superseded:
        colour = SUPERSEDED_COLOUR
    return {
        "label": short_label(data) + (" ✕" if superseded else ""),
        "title": _node_tooltip(store, iri, data, level_text),
        "color": {"background": colour if in_corpus else "#ffffff", "border": colour,
                  "highlight": {"background": colour, "border": "#000000"}},
        "font": {"color": "#ffffff" if in_corpus else "#1b1f24"},
        "shape": "box" if in_corpus else "ellipse",
        "borderWidth": 3 if centre else (2 if in_corpus else 1),
        "shapeProperties": {"borderDashes": [2, 2] if superseded else (False if in_corpus else [4, 3])},
        "lexType": data.get("type") or "", "lexPlace": data.get("jurisdiction") or "",
        "lexYear": data.get("year") or "", "lexLevel": data.get("level") or "", "lexCorpus": in_corpus,
        "lexSuperseded": superseded,
    }


def _grouped(items: dict[str, dict], members: list[str], prefix: str) -> list[str]:
    """What a parent shows of `members`: themselves when few, else groups by province (by issuer level for
    central bodies) with counts, the largest first, and "N more" after GROUPS_SHOWN of them."""
    if len(members) <= GROUP_AT:
        return members
    buckets: dict[str, list[str]] = {}
    for m in members:
        place = items[m]["lexPlace"] if items[m]["lexLevel"].startswith("provincial") else ""
        key = place or LEVEL_STYLE.get(items[m]["lexLevel"], UNKNOWN_LEVEL)[0].split(" (")[0]
        buckets.setdefault(key, []).append(m)
    if len(buckets) == 1:
        return _chunked(items, members, prefix)
    groups = []
    for k, (key, group) in enumerate(sorted(buckets.items(), key=lambda kv: (-len(kv[1]), kv[0]))):
        if len(group) == 1:
            groups.append(group[0])
            continue
        gid = f"{prefix}{k}"
        items[gid] = _group_item(f"{key} · {len(group)}", f"{len(group)} documents: {key}. Click to open.",
                                 _chunked(items, group, f"{gid}."), len(group))
        groups.append(gid)
    return _chunked(items, groups, prefix, GROUPS_SHOWN)


def _chunked(items: dict[str, dict], members: list[str], prefix: str, shown: int = MEMBERS_SHOWN) -> list[str]:
    """`members` (documents or groups) as shown: at most `shown`, then an "N more" that holds the rest."""
    if len(members) <= shown:
        return members
    rest = members[shown - 1:]
    count = sum(items[m].get("count", 1) for m in rest)
    gid = f"{prefix}more"
    items[gid] = _group_item(f"{count} more", f"{count} more documents. Click to open.",
                             _chunked(items, rest, f"{gid}."), count)
    return [*members[: shown - 1], gid]


def _group_item(label: str, tooltip: str, members: list[str], count: int) -> dict:
    """A grey dashed box standing for `count` documents; `members` is what it shows when opened."""
    return {"label": label, "title": tooltip, "group": True, "members": members, "children": members, "count": count,
            "color": {"background": GROUP_COLOUR, "border": "#78909c", "highlight": {"background": GROUP_COLOUR,
                                                                                    "border": "#000000"}},
            "font": {"color": "#1b1f24"}, "shape": "box", "borderWidth": 1,
            "shapeProperties": {"borderDashes": [6, 3]}, "lexType": "", "lexPlace": "", "lexYear": "",
            "lexLevel": "", "lexCorpus": False, "lexSuperseded": False}


def _open_first(items: dict[str, dict], roots: list[str]) -> None:
    """Open the roots, then documents breadth first while what they show keeps the page within FIRST_DRAWN;
    groups, and the rest, open on click."""
    shown = len(roots)
    queue: list[str] = []
    for root in roots:
        items[root]["open"] = True
        shown += len(items[root].get("children", []))
        queue += items[root].get("children", [])
    while queue:
        item = items[queue.pop(0)]
        kids = item.get("children", [])
        # Groups stay closed: the first drawing shows the counts, a click shows the members.
        if not kids or item.get("group") or shown + len(kids) > FIRST_DRAWN:
            continue
        item["open"] = True
        shown += len(kids)
        queue += kids


def _layered(title: str, items: dict[str, dict], roots: list[str], extra: dict[str, list[str]],
             edges: list[tuple[str, str, str]], filters: bool, lag: str | None) -> View:
    """The page of a layered view: items at fixed places (see `templates/layered.html`), groups that open on
    click, citations behind a toggle."""
    data = {"items": items, "roots": roots, "extra": extra, "edges": edges,
            "perRow": PER_LINE["corpus" if filters else "tree"],
            "style": {name: {"colour": colour, "dashed": dashed} for name, (_, colour, dashed) in
                      RELATION_STYLE.items()}}
    html = _page("layered.html", title, filters, data=_json(data), lag=lag, layered=True)
    instruments = sum(1 for item in items.values() if not item.get("group"))
    return View(html, instruments, len(edges) or sum(len(i.get("children", [])) for i in items.values()), title)
