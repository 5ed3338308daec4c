"""`lexgraph view` and /views/...: self-contained pages with the expected nodes, edges and styling."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from api.cli import app
from graph import GraphStore, lookup_one
from graph.lag_chart import lag_chart
from graph.views import corpus_view, ego_view

runner = CliRunner()


def nodes_of(page: str) -> list[dict]:
    return json.loads(re.search(r"new vis\.DataSet\((\[.*?\])\);", page, re.S).group(1))


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


def test_corpus_view_sizes_by_citations(seed_store_dir):
    store = GraphStore.open(seed_store_dir, read_only=True)
    view = corpus_view(store)
    nodes = nodes_of(view.html)
    assert view.nodes == len(nodes) == 106
    value = {n["label"]: n["value"] for n in nodes}
    assert value["NQ 11/NQ-CP"] == 4 > value["NQ 128/NQ-CP"]  # cited by three documents, and by one
    assert 'id="filter-type"' in view.html


def test_cli_view(seed_store_dir, tmp_path):
    out = tmp_path / "v.html"
    result = runner.invoke(app, ["view", "11/NQ-CP", "--year", "2022", "-o", str(out), "--store",
                                 str(seed_store_dir), "--direction", "down"])
    assert result.exit_code == 0, result.output
    assert "NQ 11/NQ-CP" in out.read_text() and "instruments" in result.output
    everything = runner.invoke(app, ["view", "--all", "-o", str(tmp_path / "all.html"), "--store",
                                     str(seed_store_dir)])
    assert everything.exit_code == 0 and "106 instruments" in everything.output
    assert runner.invoke(app, ["view", "--store", str(seed_store_dir)]).exit_code == 2
    assert runner.invoke(app, ["view", "11/NQ-CP", "--direction", "sideways"]).exit_code == 2
    assert runner.invoke(app, ["view", "128/NQ-CP", "--store", str(seed_store_dir)]).exit_code == 1


def test_views_over_http(http):
    assert http.get("/views/corpus.html").headers["content-type"].startswith("text/html")
    assert http.get("/views/999/NQ-CP.html").status_code == 404
    assert http.get("/views/128/NQ-CP.html").status_code == 300
    page = http.get("/views/11/NQ-CP.html", params={"year": 2022, "direction": "up", "depth": 1}).text
    assert {n["label"] for n in nodes_of(page)} == {"NQ 11/NQ-CP", "NQ 43/2022/QH15"}


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
