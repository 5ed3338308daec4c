"""Bulk ingest (named graphs first, the default graph derived once), parallel extraction and --from-jsonl
give the same graph as one transaction per file; a bulk run stopped half way is repaired by the next."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from api.cli import app
from benchmarks.synth import generate
from graph import GraphStore, ingest_paths
from graph.load import ingest_jsonl

runner = CliRunner()


def quads(location: Path) -> set:
    """Every quad of the store, the paths of the files read included."""
    store = ox.Store.read_only(str(location))
    return set(store.quads_for_pattern(None, None, None, None))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """120 synthetic documents: enough for shared central resolutions, chains and lists."""
    out = tmp_path_factory.mktemp("synth")
    generate(out, 120, seed=7, body_kb=2)
    return out


@pytest.fixture(scope="module")
def one_by_one(corpus, tmp_path_factory) -> Path:
    location = tmp_path_factory.mktemp("incremental") / "store"
    outcomes = ingest_paths(GraphStore.open(location), [corpus / "docs"], bulk=False)
    assert all(o.status == "ingested" for o in outcomes)
    return location


def test_bulk_with_workers_equals_one_transaction_per_file(corpus, one_by_one, tmp_path):
    location = tmp_path / "store"
    outcomes = ingest_paths(GraphStore.open(location), [corpus / "docs"], bulk=True, workers=2)
    assert [o.status for o in outcomes] == ["ingested"] * 120
    assert quads(location) == quads(one_by_one)


def test_from_jsonl_equals_ingesting_the_files(corpus, one_by_one, tmp_path):
    extracted = runner.invoke(app, ["extract", str(corpus / "docs")])
    assert extracted.exit_code == 0
    records = tmp_path / "records.jsonl"
    records.write_text(extracted.stdout, encoding="utf-8")
    location = tmp_path / "store"
    result = runner.invoke(app, ["ingest", "--from-jsonl", str(records), "--store", str(location), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "120 ingested" in result.output
    assert quads(location) == quads(one_by_one)
    again = runner.invoke(app, ["ingest", "--from-jsonl", str(records), "--store", str(location), "--quiet"])
    assert "0 ingested, 120 unchanged" in again.output


def test_a_bad_record_is_reported_and_the_others_ingested(corpus, tmp_path):
    good = runner.invoke(app, ["extract", str(sorted((corpus / "docs").iterdir())[0])]).stdout
    records = tmp_path / "records.jsonl"
    records.write_text(good + '{"not": "a record"}\nnot json\n', encoding="utf-8")
    store = GraphStore.open(tmp_path / "store")
    outcomes = ingest_jsonl(store, [records])
    assert [o.status for o in outcomes] == ["ingested", "failed", "failed"]
    assert "records.jsonl:2: not an extraction record" in outcomes[1].message


def test_an_interrupted_bulk_write_is_derived_by_the_next_ingest(corpus, one_by_one, tmp_path):
    location = tmp_path / "store"
    store = GraphStore.open(location)
    writer = store.bulk()
    from graph.load import _extract, extractor_version  # the pieces a run goes through
    from graph.mapping import map_record

    for path in sorted((corpus / "docs").iterdir())[:40]:
        _path, source_id, record, _message = _extract((path, path.name))
        writer.add(map_record(record, source_id, store.iris, extractor_version()))
    writer._flush()  # stopped here: named graphs written, the default graph not derived
    assert store.derivation_pending()
    del writer, store
    store = GraphStore.open(location)
    outcomes = ingest_paths(store, [corpus / "docs"], bulk=True)
    assert not store.derivation_pending()
    assert sum(o.status == "unchanged" for o in outcomes) == 40
    del store
    assert quads(location) == quads(one_by_one)


def test_cli_ingest_arguments(tmp_path):
    assert runner.invoke(app, ["ingest", "--store", str(tmp_path / "s")]).exit_code == 2
    assert runner.invoke(app, ["ingest", "x", "--from-jsonl", "y"]).exit_code == 2
    assert runner.invoke(app, ["ingest", "--from-jsonl", str(tmp_path / "missing.jsonl")]).exit_code == 2


def test_extraction_on_a_local_dask_cluster_then_from_jsonl(corpus, one_by_one, tmp_path):
    pytest.importorskip("dask.distributed")
    from ingest.bag import run

    parts = run([corpus / "docs"], tmp_path / "records", partitions=4)
    assert len(parts) == 4
    location = tmp_path / "store"
    result = runner.invoke(app, ["ingest", "--from-jsonl", str(tmp_path / "records"), "--store", str(location),
                                 "--quiet"])
    assert result.exit_code == 0, result.output
    assert "120 ingested" in result.output
    assert quads(location) == quads(one_by_one)


def test_the_stage_benchmark_times_the_ingest_it_stands_for(corpus, one_by_one):
    from benchmarks.stages import stages

    out = stages(corpus / "docs", workers=2)
    assert out["documents"] == 120
    assert out["quads"] == len(quads(one_by_one))
    assert set(out["seconds"]) == {"read_and_extract", "map", "write_named_graphs", "reconcile_and_derive"}
    assert abs(sum(out["share"].values()) - 1) < 0.01 and out["projected_1m_seconds"] > 0
