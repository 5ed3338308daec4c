"""`lexgraph ingest / implementers / cites / cited-by / query / stats / export / validate` on a real store."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from typer.testing import CliRunner

from api.cli import app
from graph import queries as Q
from graph.store import GraphStore

from .conftest import RAW

runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    location = tmp_path_factory.mktemp("cli") / "store"
    result = runner.invoke(app, ["ingest", str(RAW), "--store", str(location), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "5 ingested, 0 unchanged, 0 failed" in result.output
    return location


def test_reingest_reports_unchanged(store: Path):
    result = runner.invoke(app, ["ingest", str(RAW), "--store", str(store), "--quiet"])
    assert result.exit_code == 0 and "0 ingested, 5 unchanged" in result.output


def test_implementers_table_and_json(store: Path):
    result = runner.invoke(app, ["implementers", "11/NQ-CP", "--year", "2022", "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert "35/KH-UBND" in result.output and "01/CTr-UBND" in result.output and "22/KH-UBND" not in result.output
    rows = json.loads(runner.invoke(app, ["implementers", "11/NQ-CP", "--store", str(store), "--format", "json"]).stdout)
    assert {(r["label"], tuple(r["relations"]), r["jurisdiction"]) for r in rows} == {
        ("Kế hoạch 35/KH-UBND", ("implements",), "Cần Thơ"),
        ("Chương trình 01/CTr-UBND", ("based_on",), "Hải Phòng"),
    }
    assert all(r["evidence"] for r in rows)


def test_implementers_sorted_by_lag_or_date_with_both_lags(store: Path):
    by_lag = runner.invoke(app, ["implementers", "59-NQ/TW", "--store", str(store), "--sort", "lag"])
    assert by_lag.exit_code == 0 and "days after parent" in by_lag.output
    rows = json.loads(runner.invoke(app, ["implementers", "59-NQ/TW", "--store", str(store), "--sort", "lag",
                                          "--format", "json"]).stdout)
    lags = [r["lag_days"] for r in rows if r["lag_days"] is not None]
    assert lags == sorted(lags) and any(r["lag_from_parent"] != r["lag_days"] for r in rows if r["depth"] > 1)
    dated = json.loads(runner.invoke(app, ["implementers", "59-NQ/TW", "--store", str(store), "--sort", "date",
                                           "--format", "json"]).stdout)
    dates = [r["date"] for r in dated if r["date"]]
    assert dates == sorted(dates)
    assert runner.invoke(app, ["implementers", "59-NQ/TW", "--store", str(store), "--sort", "size"]).exit_code == 2


def test_implementers_prints_its_sparql(store: Path):
    result = runner.invoke(app, ["implementers", "11/NQ-CP", "--store", str(store), "--sparql"])
    assert "lex:inImplementationOf" in result.stdout and "eli/vn/cp/2022/nq/11" in result.stdout
    # What it prints runs as it is, prefixes and all, and gives the tree's documents.
    first, rest = result.stdout.split("# Then, with the instruments that query finds:")
    graph = GraphStore.open(store, read_only=True)
    assert list(ox.Store().query(first.strip())) == []  # parses with no prefix predeclared
    found = {str(r["document"]) for q in rest.strip().split("\n\nPREFIX") for r in graph.select(
        q if q.startswith("PREFIX") else "PREFIX" + q)}
    assert {str(r.instrument.iri) for r in Q.implementers(graph, Q.lookup_one(graph, "11/NQ-CP"))} <= found


def test_cited_by_and_cites(store: Path):
    result = runner.invoke(app, ["cited-by", "11/NQ-CP", "--store", str(store)])
    assert result.exit_code == 0 and "22/KH-UBND" in result.stdout
    result = runner.invoke(app, ["cites", "eli/vn/ubnd-hai-phong/2022/ctr/1", "--store", str(store)])
    assert result.exit_code == 0 and "272/TB-VPCP" in result.stdout and "based_on" in result.stdout


def test_ambiguous_and_unknown_ids_exit_1_with_candidates(store: Path):
    result = runner.invoke(app, ["cited-by", "128/NQ-CP", "--store", str(store)])
    assert result.exit_code == 1
    assert "names 2 instruments" in result.output and "eli/vn/cp/2020/nq/128" in result.output
    assert runner.invoke(app, ["cites", "9999/QĐ-TTg", "--store", str(store)]).exit_code == 1


def test_query_formats(store: Path):
    sparql = "SELECT ?doc WHERE { ?doc lex:implements ?x . ?x eli:id_local '11/NQ-CP' }"
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["query", sparql, "--store", str(store), "--format", "csv"]).stdout)))
    assert [r["doc"] for r in rows] == ["https://w3id.org/lexgraph/eli/vn/ubnd-can-tho/2022/kh/35"]
    result = json.loads(runner.invoke(app, ["query", sparql, "--store", str(store), "--format", "json"]).stdout)
    assert result["head"]["vars"] == ["doc"]
    ttl = runner.invoke(app, ["query", "CONSTRUCT { ?s ?p ?o } WHERE { ?s a lex:SourceFile ; ?p ?o }",
                              "--store", str(store), "--format", "ttl"]).stdout
    assert len(Graph().parse(data=ttl, format="turtle")) > 20
    bad = runner.invoke(app, ["query", "SELECT WHERE {", "--store", str(store)])
    assert bad.exit_code == 2 and "does not parse" in bad.output


def test_stats(store: Path):
    result = runner.invoke(app, ["stats", "--store", str(store)])
    assert "source files: 5" in result.stdout and "instruments with full text: 5" in result.stdout


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld", "trig", "nq", "graphml", "csv"])
def test_export_formats_read_back(store: Path, tmp_path: Path, fmt: str):
    target = tmp_path / f"graph.{fmt}"
    result = runner.invoke(app, ["export", "--format", fmt, "-o", str(target), "--store", str(store)])
    assert result.exit_code == 0, result.output
    if fmt in ("ttl", "trig"):
        assert "@prefix lex: <https://w3id.org/lexgraph/ontology#>" in target.read_text(encoding="utf-8")
    if fmt in ("ttl", "nt", "jsonld"):
        assert len(Graph().parse(target, format={"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}[fmt])) > 1000
    elif fmt in ("trig", "nq"):
        dataset = Dataset()
        dataset.parse(target, format={"trig": "trig", "nq": "nquads"}[fmt])
        assert len(list(dataset.graphs())) >= 7
    elif fmt == "graphml":
        assert nx.read_graphml(target).number_of_nodes() > 100
    else:
        rows = list(csv.DictReader(target.open(encoding="utf-8")))
        assert rows and all(r["sentence"] and r["source"] for r in rows)


def test_validate(store: Path):
    result = runner.invoke(app, ["validate", "--store", str(store)])
    assert result.exit_code == 0 and "conforms" in result.stdout


def test_missing_store_is_a_usage_error(tmp_path: Path):
    result = runner.invoke(app, ["stats", "--store", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "lexgraph ingest" in result.output


def test_other_base_iri_for_an_existing_store_is_refused(store: Path):
    result = runner.invoke(app, ["ingest", str(RAW), "--store", str(store), "--base", "https://example.org/", "--quiet"])
    assert result.exit_code == 2 and "base IRI" in result.output
