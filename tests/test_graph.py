"""The knowledge graph on a real on-disk Oxigraph store: the issue's acceptance list and the store's promises.

The seed corpus is ingested once into a temporary directory; tests that change a store build their own.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from rdflib import URIRef

from graph import queries as Q
from graph.analytics import pagerank, to_networkx
from graph.load import ingest_paths
from graph.search import fold, fold_sparql
from graph.store import GraphStore
from graph.validate import validate

from .conftest import GOLD, RAW


def _quads(store: GraphStore) -> set[str]:
    return {str(q) for q in store.quads()}


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> GraphStore:
    location = tmp_path_factory.mktemp("store") / "seeds"
    store = GraphStore.open(location)
    outcomes = ingest_paths(store, [RAW])
    assert [o.status for o in outcomes] == ["ingested"] * 5, [o.message for o in outcomes]
    return store


def test_store_is_on_disk(seeds: GraphStore):
    assert seeds.location is not None and any(seeds.location.iterdir())


def test_implementation_tree_of_11_nq_cp(seeds: GraphStore):
    target = Q.lookup_one(seeds, "11/NQ-CP", 2022)
    assert target == URIRef("https://w3id.org/lexgraph/eli/vn/cp/2022/nq/11")
    rows = {(r.instrument.label, r.instrument.jurisdiction): r for r in Q.implementers(seeds, target)}
    assert set(rows) == {("Kế hoạch 35/KH-UBND", "Cần Thơ"), ("Chương trình 01/CTr-UBND", "Hải Phòng")}
    can_tho, hai_phong = rows[("Kế hoạch 35/KH-UBND", "Cần Thơ")], rows[("Chương trình 01/CTr-UBND", "Hải Phòng")]
    assert can_tho.relations == ("implements",) and hai_phong.relations == ("based_on",)
    assert (can_tho.lag_days, hai_phong.lag_days) == (19, 40)
    assert "THỰC HIỆN NGHỊ QUYẾT SỐ 11/NQ-CP" in can_tho.sentence
    assert "Căn cứ Nghị quyết số 11/NQ-CP" in hai_phong.sentence
    # The plan that only mentions the resolution is a citation, not an implementation.
    citing = {r.other.label for r in Q.cited_by(seeds, target) if r.relations == ("cites",)}
    assert "Kế hoạch 22/KH-UBND" in citing


def test_the_sparql_behind_the_tree_gives_the_same_documents(seeds: GraphStore):
    target = Q.lookup_one(seeds, "Nghị quyết số 11/NQ-CP ngày 30/01/2022")
    queries = Q.tree_sparql(seeds, target)
    assert all(q.startswith("PREFIX ") for q in queries)
    assert {r["parent"] for r in seeds.select(queries[0])} >= {target}
    rows = [r for q in queries[1:] for r in seeds.select(q) if r["parent"] == target]
    found = {(str(r["document"]).rsplit("/eli/vn/", 1)[1], str(r["relations"]).rsplit("#", 1)[1]) for r in rows}
    assert found == {("ubnd-can-tho/2022/kh/35", "implements"), ("ubnd-hai-phong/2022/ctr/1", "based_on")}


def test_the_tree_goes_through_instruments_known_only_from_citations(seeds: GraphStore):
    rows = Q.implementers(seeds, Q.lookup_one(seeds, "59-NQ/TW"))
    chain = [(r.depth, r.instrument.label, r.instrument.in_corpus) for r in rows]
    assert (1, "Nghị quyết 98/NQ-CP", False) in chain
    assert (2, "Kế hoạch 202/KH-UBND", False) in chain


@pytest.mark.parametrize("number", ["43/2022/QH15", "59-NQ/TW", "45/2022/QH15", "11/NQ-CP", "98/NQ-CP"])
def test_every_way_of_writing_an_instrument_meets_in_one_node(seeds: GraphStore, number: str):
    found = Q.lookup(seeds, number)
    assert len(found) == 1, found
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    expected = {g["document"]["number"] or g["source"] for g in gold
                if any(c["number"] == number for c in g["citations"])}
    citing = Q.cited_by(seeds, found[0])
    stated = Q.describe(seeds, [r.stated_in for r in citing if "cites" in r.relations])
    labels = {s.label.split(" ", 2)[-1] if s.in_corpus else s.label for s in stated.values()}
    assert len(stated) == len(expected) and all(s.in_corpus for s in stated.values())
    assert {e for e in expected if "/" in e} <= labels


def test_every_edge_has_its_sentence(seeds: GraphStore):
    missing = seeds.select(
        """SELECT ?a ?p ?b WHERE { ?a ?p ?b .
             FILTER (?p IN (eli:cites, eli:based_on, lex:implements))
             FILTER NOT EXISTS { ?e lex:from ?a ; lex:to ?b ; lex:relation ?p ; lex:hasMention/lex:sentence ?s } }"""
    )
    assert missing == []
    assert len(seeds.select("SELECT ?a WHERE { ?a lex:implements ?b }")) >= 10


def test_same_number_in_two_provinces_is_two_instruments(tmp_path: Path):
    (tmp_path / "hp.txt").write_text(
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG\nSố: 40/KH-UBND\nHải Phòng, ngày 01 tháng 3 năm 2022\n"
        "KẾ HOẠCH\nCăn cứ Kế hoạch số 35/KH-UBND ngày 18/02/2022 của Ủy ban nhân dân thành phố;\n",
        encoding="utf-8",
    )
    store = GraphStore.open(tmp_path / "store")
    ingest_paths(store, [RAW, tmp_path / "hp.txt"])
    found = {str(x).split("/eli/vn/")[1] for x in Q.lookup(store, "35/KH-UBND", 2022)}
    assert found == {"ubnd-can-tho/2022/kh/35", "ubnd-hai-phong/2022/kh/35"}


def test_an_undated_mention_merges_into_the_one_dated_instrument(tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Tiếp tục thực hiện Nghị quyết số 26-NQ/TW của Ban Chấp hành Trung ương.\n", encoding="utf-8")
    store = GraphStore.open(tmp_path / "store")
    ingest_paths(store, [docs])
    assert [str(x).split("/eli/vn/")[1] for x in Q.lookup(store, "26-NQ/TW")] == ["tw/undated/nq/26"]
    (docs / "b.txt").write_text("Căn cứ Nghị quyết số 26-NQ/TW ngày 05 tháng 8 năm 2008 của Ban Chấp hành Trung ương;\n",
                                encoding="utf-8")
    ingest_paths(store, [docs])
    [node] = Q.lookup(store, "26-NQ/TW")
    assert str(node).endswith("tw/2008/nq/26")
    assert len(Q.cited_by(store, node)) == 2
    assert store.select("SELECT ?c WHERE { ?c lex:yearInferred true }")
    # Ingesting both from scratch gives the same graph as ingesting them one after the other.
    fresh = GraphStore.open(tmp_path / "fresh")
    ingest_paths(fresh, [docs])
    assert _quads(fresh) == _quads(store)


def test_an_undated_mention_stays_undated_when_two_years_share_the_number(tmp_path: Path):
    (tmp_path / "a.txt").write_text(
        "Căn cứ Nghị quyết số 20-NQ/TW ngày 01/11/2012 của Ban Chấp hành Trung ương;\n"
        "Căn cứ Nghị quyết số 20-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương;\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Thực hiện Nghị quyết số 20-NQ/TW của Ban Chấp hành Trung ương.\n", encoding="utf-8")
    store = GraphStore.open(tmp_path / "store")
    ingest_paths(store, [tmp_path / "a.txt", tmp_path / "b.txt"])
    keys = sorted(str(x).split("/eli/vn/")[1] for x in Q.lookup(store, "20-NQ/TW"))
    assert keys == ["tw/2012/nq/20", "tw/2017/nq/20", "tw/undated/nq/20"]


def test_seed_graph_conforms_to_the_shapes(seeds: GraphStore):
    verdict = validate(seeds)
    assert verdict.conforms, verdict.report


def test_the_shapes_catch_a_broken_graph(tmp_path: Path):
    store = GraphStore.open(None)
    ingest_paths(store, [RAW / "004_7b5221423f9702f2.txt"])
    store.update(
        """PREFIX lex: <https://w3id.org/lexgraph/ontology#>
           PREFIX eli: <http://data.europa.eu/eli/ontology#>
           DELETE { GRAPH ?g { ?m lex:sentence ?s } } WHERE { GRAPH ?g { ?m lex:sentence ?s } } ;
           INSERT DATA { <https://w3id.org/lexgraph/eli/vn/cp/2022/nq/11> eli:date_document "2021-01-30"^^<http://www.w3.org/2001/XMLSchema#date> }"""
    )
    verdict = validate(store)
    assert not verdict.conforms
    assert "direct edge without a lex:Edge node" in verdict.report
    assert "not in the year" in verdict.report
    assert "MinCount" in verdict.report


def test_reingesting_the_same_files_changes_nothing(seeds: GraphStore):
    before = _quads(seeds)
    assert {o.status for o in ingest_paths(seeds, [RAW])} == {"unchanged"}
    assert _quads(seeds) == before
    assert {o.status for o in ingest_paths(seeds, [RAW], force=True)} == {"ingested"}
    assert _quads(seeds) == before


def _copy_seeds(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(RAW, corpus)
    return corpus


def test_an_edited_file_replaces_its_old_triples(tmp_path: Path):
    corpus = _copy_seeds(tmp_path)
    store = GraphStore.open(tmp_path / "store")
    ingest_paths(store, [corpus])
    assert Q.lookup(store, "964/UBND-GT")
    edited = corpus / "004_7b5221423f9702f2.txt"
    text = edited.read_text(encoding="utf-8")
    assert "964/UBND-GT" in text
    edited.write_text(text.replace("964/UBND-GT", "965/UBND-GT"), encoding="utf-8")
    outcomes = {o.source_id: o.status for o in ingest_paths(store, [corpus])}
    assert outcomes.pop("004_7b5221423f9702f2.txt") == "ingested"
    assert set(outcomes.values()) == {"unchanged"}
    assert Q.lookup(store, "964/UBND-GT") == [] and Q.lookup(store, "965/UBND-GT")
    fresh = GraphStore.open(tmp_path / "fresh")
    ingest_paths(fresh, [corpus])
    assert _quads(fresh) == _quads(store)


def test_a_failing_file_leaves_its_old_version_and_the_run_goes_on(tmp_path: Path, monkeypatch):
    corpus = _copy_seeds(tmp_path)
    store = GraphStore.open(tmp_path / "store")
    ingest_paths(store, [corpus])
    before = _quads(store)
    victim = corpus / "000_621a5b53acb9bbf6.txt"
    victim.write_text(victim.read_text(encoding="utf-8") + "\nThực hiện Quyết định số 999/QĐ-TTg.\n", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (corpus / "empty.md").write_bytes(b"")
    other = corpus / "004_7b5221423f9702f2.txt"
    other.write_text(other.read_text(encoding="utf-8") + "\nCăn cứ Quyết định số 998/QĐ-TTg;\n", encoding="utf-8")

    import graph.load as load
    real = load.map_record

    def broken(record, source_id, *args, **kwargs):
        mapped = real(record, source_id, *args, **kwargs)
        if source_id.startswith("000_"):
            # An IRI the store refuses: the update fails half way through building the graph.
            bad = (mapped.document, URIRef("https://w3id.org/lexgraph/ontology#x"), URIRef("not an iri"))
            mapped = type(mapped)(mapped.source_id, mapped.graph, mapped.document, (*mapped.triples, bad),
                                  mapped.shared, mapped.identities)
        return mapped

    monkeypatch.setattr(load, "map_record", broken)
    outcomes = {o.source_id: o for o in ingest_paths(store, [corpus])}
    assert outcomes["000_621a5b53acb9bbf6.txt"].status == "failed"
    assert "keeps its previous version" in outcomes["000_621a5b53acb9bbf6.txt"].message
    assert outcomes["binary.txt"].status == "failed" and "binary" in outcomes["binary.txt"].message
    assert outcomes["004_7b5221423f9702f2.txt"].status == "ingested"
    assert Q.lookup(store, "998/QĐ-TTg") and not Q.lookup(store, "999/QĐ-TTg")
    # Everything 000 contributed is still there, unchanged.
    g = "<https://w3id.org/lexgraph/source/000_621a5b53acb9bbf6.txt>"
    assert {q for q in before if q.endswith(f"{g}")} == {q for q in _quads(store) if q.endswith(f"{g}")}


def test_networkx_view(seeds: GraphStore):
    g = to_networkx(seeds)
    assert g.number_of_nodes() == int(seeds.select("SELECT (COUNT(*) AS ?n) WHERE { ?x a lex:Instrument }")[0]["n"])
    target = str(Q.lookup_one(seeds, "11/NQ-CP", 2022))
    assert g.nodes[target]["level"] is None or g.nodes[target]["level"] == "state_central"
    assert {x for x, _, tree in g.edges(data="tree") if tree and _ == target} == {
        str(r.instrument.iri) for r in Q.implementers(seeds, Q.lookup_one(seeds, "11/NQ-CP", 2022), depth=1)}
    assert abs(sum(pagerank(g).values()) - 1.0) < 1e-6


def test_one_meaning_of_cited_by(seeds: GraphStore):
    """The most cited, in stats and top_cited, count the documents citing an instrument: what
    `cited_by` lists, one row per citing document."""
    top = Q.top_cited(seeds, 5)
    assert "Nghị quyết 11/NQ-CP" in [label for _, label, _ in top]
    for iri, label, n in top:
        assert n == len({r.stated_in for r in Q.cited_by(seeds, iri)}), label
    assert Q.stats(seeds)["most cited"][:5] == [(label, n) for _, label, n in top]


def test_rdflib_sees_the_same_graph(seeds: GraphStore):
    dataset = seeds.dataset()
    target = Q.lookup_one(seeds, "11/NQ-CP", 2022)
    rows = dataset.query(
        f"""PREFIX lex: <https://w3id.org/lexgraph/ontology#>
            SELECT ?doc WHERE {{ ?doc lex:inImplementationOf {target.n3()} }}"""
    )
    assert len(list(rows)) == 2


def test_text_search_folds_in_sparql_as_fold_does_in_python(seeds: GraphStore):
    """The query's folding (standard SPARQL, the same on a server) agrees with `fold` on every label and
    title of the graph, capitals and all."""
    rows = seeds.select(f"""SELECT ?t ({fold_sparql("?t")} AS ?f) ({fold_sparql("UCASE(?t)")} AS ?u) WHERE {{
                              {{ ?x rdfs:label ?t }} UNION {{ ?x eli:title ?t }} UNION {{ ?x skos:prefLabel ?t }} }}""")
    assert len(rows) > 100
    for row in rows:
        assert str(row["f"]) == fold(str(row["t"])) == str(row["u"]), str(row["t"])
