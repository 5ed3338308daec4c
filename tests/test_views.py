"""`lexgraph view` and /views/...: self-contained pages with the expected nodes, edges and styling."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from api.cli import app
from graph import GraphStore, lookup_one
from graph.lag_chart import lag_chart
from graph.views import FIRST_DRAWN, GROUP_AT, MEMBERS_SHOWN, corpus_view, ego_view, tree_view

runner = CliRunner()


def nodes_of(page: str) -> list[dict]:
    return json.loads(re.search(r"new vis\.DataSet\((\[.*?\])\);", page, re.S).group(1))


def layered(page: str) -> dict:
    """What a layered page (tree or corpus view) draws from: its items, roots, edges and citations."""
    return json.loads(re.search(r"const DATA = (\{.*?\});\n", page, re.S).group(1))


def first_drawn(data: dict) -> list[str]:
    """The items drawn when the page opens: the roots, and the children of what is open, recursively."""
    out, queue = [], list(data["roots"])
    while queue:
        node = queue.pop(0)
        out.append(node)
        if data["items"][node].get("open"):
            queue += data["items"][node].get("children", [])
    return out


def test_no_resource_is_loaded_from_elsewhere(seed_store_dir):
    store = GraphStore.open(seed_store_dir, read_only=True)
    page = ego_view(store, lookup_one(store, "11/NQ-CP", 2022)).html
    assert not re.search(r"<(?:script|link|img)[^>]+(?:src|href)=", page)
    assert "vis.Network" in page and "stabilizationIterationsDone" in page


def test_ego_view_directions(seed_store_dir):
    store = GraphStore.open(seed_store_dir, read_only=True)
    plan = lookup_one(store, "eli/vn/ubnd-can-tho/2022/kh/35")
    up = {n["label"] for n in nodes_of(ego_view(store, plan, depth=1, direction="up").html)}
    down = {n["label"] for n in nodes_of(ego_view(store, plan, depth=1, direction="down").html)}
    assert {"NQ 11/NQ-CP", "NQ 43/2022/QH15"} <= up
    assert down == {"KH 35/KH-UBND Cần Thơ", "KH 22/KH-UBND Cần Thơ"}
    # Described links reach above the corpus: 202/KH-UBND -> 98/NQ-CP -> 59-NQ/TW.
    above = lookup_one(store, "202/KH-UBND")
    one = {n["label"] for n in nodes_of(ego_view(store, above, depth=1, direction="up").html)}
    two = {n["label"] for n in nodes_of(ego_view(store, above, depth=2, direction="up").html)}
    assert "NQ 98/NQ-CP" in one and "NQ 59-NQ/TW" not in one
    assert "NQ 59-NQ/TW" in two


def test_nodes_carry_level_corpus_and_tooltip(seed_store_dir):
    store = GraphStore.open(seed_store_dir, read_only=True)
    nodes = {n["label"]: n for n in nodes_of(ego_view(store, lookup_one(store, "11/NQ-CP", 2022)).html)}
    plan, resolution = nodes["KH 35/KH-UBND Cần Thơ"], nodes["NQ 11/NQ-CP"]
    assert plan["shape"] == "box" and plan["lexCorpus"] and resolution["shape"] == "ellipse"
    assert plan["lexLevel"] == "provincial_committee" and resolution["lexLevel"] == "state_central"
    assert "date: 2022-01-30" in resolution["title"] and "issuer: Chính phủ" in resolution["title"]
    assert resolution["level"] < plan["level"]  # the resolution is drawn above the plan


def test_edges_carry_relation_and_sentence(seed_store_dir):
    store = GraphStore.open(seed_store_dir, read_only=True)
    page = ego_view(store, lookup_one(store, "11/NQ-CP", 2022)).html
    edges = json.loads(re.findall(r"new vis\.DataSet\((\[.*?\])\);", page, re.S)[1])
    implements = [e for e in edges if e["lexRelations"][0] == "implements"]
    assert implements and all(e["arrows"] == "to" for e in edges)
    assert any("11/NQ-CP" in e["title"] and ".txt:" in e["title"] for e in implements)


def test_tree_view_is_the_implementation_tree(seed_store_dir):
    store = GraphStore.open(seed_store_dir, read_only=True)
    resolution = lookup_one(store, "11/NQ-CP", 2022)
    data = layered(tree_view(store, resolution).html)
    labels = {data["items"][i]["label"] for i in first_drawn(data)}
    assert labels == {"NQ 11/NQ-CP", "KH 35/KH-UBND Cần Thơ", "CTr 01/CTr-UBND Hải Phòng"}
    plan = next(i for i in data["items"].values() if i["label"] == "KH 35/KH-UBND Cần Thơ")
    assert plan["relation"] == "implements" and plan["shape"] == "box"
    # Plain citations wait behind the toggle.
    assert data["extra"]["cited"] or data["extra"]["citing"]
    assert not set(data["extra"]["cited"] + data["extra"]["citing"]) & set(first_drawn(data))


def test_a_large_tree_is_grouped_with_counts_and_more(tmp_path):
    from benchmarks.synth import generate
    from graph import ingest_paths

    generate(tmp_path / "synth", 400, seed=5, body_kb=1)
    store = GraphStore.open(tmp_path / "store")
    ingest_paths(store, [tmp_path / "synth" / "docs"], bulk=True)
    top = store.select("SELECT ?x (COUNT(?d) AS ?n) WHERE { ?d lex:inImplementationOf ?x } GROUP BY ?x "
                       "ORDER BY DESC(?n) LIMIT 1")[0]
    data = layered(tree_view(store, top["x"]).html)
    drawn = first_drawn(data)
    assert len(drawn) <= FIRST_DRAWN + GROUP_AT
    groups = [data["items"][i] for i in drawn if data["items"][i].get("group")]
    assert groups and all(re.search(r" · \d+$|^\d+ more$", g["label"]) for g in groups)
    members = [m for g in data["items"].values() if g.get("group") for m in g["members"]]
    assert all(len(g["members"]) <= MEMBERS_SHOWN for g in data["items"].values() if g.get("group"))
    # Every document of the tree is one click (or a few) away.
    documents = {i for i, item in data["items"].items() if not item.get("group")}
    reachable = set(data["roots"])
    for item in data["items"].values():
        reachable |= set(item.get("children", []))
    assert documents - set(data["extra"]["cited"] + data["extra"]["citing"]) <= reachable and members


def test_corpus_view_rows_by_level(seed_store_dir):
    store = GraphStore.open(seed_store_dir, read_only=True)
    view = corpus_view(store)
    data = layered(view.html)
    assert view.nodes == 106 == sum(1 for i in data["items"].values() if not i.get("group"))
    rows = {data["items"][r]["row"] for r in data["roots"]}
    assert len(rows) == len(data["roots"]) // 1 or len(rows) > 3
    top = [data["items"][r] for r in data["roots"] if data["items"][r]["row"] == 0]
    assert {i["lexLevel"] for i in top if not i.get("group")} == {"party_central"}
    assert len(first_drawn(data)) <= 60 and 'id="filter-type"' in view.html


def test_cli_view(seed_store_dir, tmp_path):
    out = tmp_path / "v.html"
    result = runner.invoke(app, ["view", "11/NQ-CP", "--year", "2022", "-o", str(out), "--store",
                                 str(seed_store_dir), "--direction", "down"])
    assert result.exit_code == 0, result.output
    assert "NQ 11/NQ-CP" in out.read_text() and "instruments" in result.output
    everything = runner.invoke(app, ["view", "--all", "-o", str(tmp_path / "all.html"), "--store",
                                     str(seed_store_dir)])
    assert everything.exit_code == 0 and "106 instruments" in everything.output
    near = runner.invoke(app, ["view", "11/NQ-CP", "--year", "2022", "--neighbourhood", "--direction", "down",
                               "-o", str(tmp_path / "n.html"), "--store", str(seed_store_dir)])
    assert near.exit_code == 0 and "vis.DataSet(" in (tmp_path / "n.html").read_text()
    assert runner.invoke(app, ["view", "--store", str(seed_store_dir)]).exit_code == 2
    assert runner.invoke(app, ["view", "11/NQ-CP", "--direction", "sideways"]).exit_code == 2
    assert runner.invoke(app, ["view", "128/NQ-CP", "--store", str(seed_store_dir)]).exit_code == 1


def test_views_over_http(http):
    assert http.get("/views/corpus.html").headers["content-type"].startswith("text/html")
    assert http.get("/views/999/NQ-CP.html").status_code == 404
    assert http.get("/views/128/NQ-CP.html").status_code == 300
    page = http.get("/views/11/NQ-CP.html", params={"year": 2022, "direction": "up", "depth": 1,
                                                     "view": "neighbourhood"}).text
    assert {n["label"] for n in nodes_of(page)} == {"NQ 11/NQ-CP", "NQ 43/2022/QH15"}
    tree = layered(http.get("/views/11/NQ-CP.html", params={"year": 2022}).text)
    assert len(first_drawn(tree)) == 3


def test_lag_chart_answers_how_fast(seed_store_dir):
    store = GraphStore.open(seed_store_dir, read_only=True)
    page = lag_chart(store, lookup_one(store, "11/NQ-CP", 2022))
    bars = re.findall(r'<g class="bar" data-days="(\d+)" data-place="([^"]+)">', page.html)
    assert bars == [("19", "Cần Thơ"), ("40", "Hải Phòng")]
    assert "Kế hoạch 35/KH-UBND" in page.html and "<svg" in page.html
    assert not re.search(r"<(?:script|link|img)[^>]+(?:src|href)=", page.html) and "<script" not in page.html


def test_lag_chart_over_http_and_cli(http, seed_store_dir, tmp_path):
    page = http.get("/views/11/NQ-CP/lag.html", params={"year": 2022})
    assert page.status_code == 200 and 'data-days="19"' in page.text
    assert http.get("/views/999/NQ-CP/lag.html").status_code == 404
    out = tmp_path / "lag.html"
    result = runner.invoke(app, ["view", "11/NQ-CP", "--year", "2022", "--lag", "-o", str(out),
                                 "--store", str(seed_store_dir)])
    assert result.exit_code == 0 and 'data-days="40"' in out.read_text()
