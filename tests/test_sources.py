"""One source, one identity: a file is one source however its path is typed, two files are two sources
whatever their names, and an ingest stopped anywhere is finished by the next, to a store equal to a clean
ingest of the same files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
from typer.testing import CliRunner

from api.cli import app
from graph import GraphStore
from graph import queries as Q
from graph.load import extractor_version
from graph.mapping import map_record
from graph.validate import validate
from ingest import extract_file

from .conftest import RAW
from .documents import to_docx

runner = CliRunner()


def quads(location: Path) -> set:
    store = ox.Store.read_only(str(location))
    return set(store.quads_for_pattern(None, None, None, None))


def ingest(*args: str) -> str:
    result = runner.invoke(app, ["ingest", *args, "--quiet"])
    assert result.exit_code == 0, result.output
    return result.output


def seeds(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(RAW, data / "raw")
    return data


def test_the_folder_typed_does_not_make_another_source(tmp_path):
    data = seeds(tmp_path)
    store = str(tmp_path / "store")
    assert "5 ingested" in ingest(str(data), "--store", store)
    before = quads(tmp_path / "store")
    assert "0 ingested, 5 unchanged" in ingest(str(data / "raw"), "--store", store)
    assert quads(tmp_path / "store") == before


def test_a_moved_file_with_the_same_bytes_is_recognised(tmp_path):
    data = seeds(tmp_path)
    store = str(tmp_path / "store")
    ingest(str(data), "--store", store)
    moved = tmp_path / "elsewhere"
    shutil.move(data / "raw", moved)
    assert "0 ingested, 5 unchanged" in ingest(str(moved), "--store", store)


def test_two_files_with_one_name_are_both_kept(tmp_path):
    for folder, seed in (("a", "000_621a5b53acb9bbf6.txt"), ("b", "002_fef4242a5e16bd21.txt")):
        (tmp_path / folder).mkdir()
        shutil.copy(RAW / seed, tmp_path / folder / "plan.txt")
    store = str(tmp_path / "store")
    ingest(str(tmp_path / "a" / "plan.txt"), "--store", store)
    assert "1 ingested" in ingest(str(tmp_path / "b" / "plan.txt"), "--store", store)
    graph = GraphStore.open(tmp_path / "store", read_only=True)
    assert len(graph.sources()) == 2
    assert Q.stats(graph)["instruments with full text"] == 2


def test_an_edited_file_replaces_its_source(tmp_path):
    data = seeds(tmp_path)
    store = str(tmp_path / "store")
    ingest(str(data), "--store", store)
    plan = data / "raw" / "000_621a5b53acb9bbf6.txt"
    plan.write_text(plan.read_text(encoding="utf-8") + "\nGhi chú thêm.\n", encoding="utf-8")
    assert "1 ingested, 4 unchanged" in ingest(str(data), "--store", store)
    assert len(GraphStore.open(tmp_path / "store", read_only=True).sources()) == 5


def test_one_plan_as_txt_and_docx_is_one_document(tmp_path):
    data = seeds(tmp_path)
    plan = data / "raw" / "000_621a5b53acb9bbf6.txt"
    (data / "raw" / "plan-35.docx").write_bytes(to_docx(plan.read_text(encoding="utf-8")))
    ingest(str(data), "--store", str(tmp_path / "store"))
    graph = GraphStore.open(tmp_path / "store", read_only=True)
    figures = Q.stats(graph)
    assert (figures["source files"], figures["instruments with full text"]) == (6, 5)
    target = Q.lookup_one(graph, "11/NQ-CP", 2022)
    rows = [r.instrument.label for r in Q.implementers(graph, target)]
    assert sorted(rows) == ["Chương trình 01/CTr-UBND", "Kế hoạch 35/KH-UBND"]
    assert len(Q.sources(graph, Q.lookup_one(graph, "35/KH-UBND", 2022))) == 2


def test_every_route_gives_the_same_quads(tmp_path):
    data = seeds(tmp_path)
    ingest(str(data), "--store", str(tmp_path / "by-folder"), "--workers", "1")
    ingest(str(data), "--store", str(tmp_path / "parallel"), "--workers", "2", "--bulk")
    extracted = runner.invoke(app, ["extract", str(data)])
    records = tmp_path / "records.jsonl"
    records.write_text(extracted.stdout, encoding="utf-8")
    ingest("--from-jsonl", str(records), "--store", str(tmp_path / "jsonl"))
    expected = quads(tmp_path / "by-folder")
    assert quads(tmp_path / "parallel") == expected
    assert quads(tmp_path / "jsonl") == expected


def test_an_ingest_stopped_before_deriving_is_finished_by_the_next(tmp_path):
    data = seeds(tmp_path)
    ingest(str(data), "--store", str(tmp_path / "clean"))
    location = tmp_path / "stopped"
    store = GraphStore.open(location)
    writer = store.bulk()
    for path in sorted((data / "raw").iterdir()):
        record = extract_file(path, f"raw/{path.name}")
        writer.add(map_record(record, f"raw/{path.name}", store.iris, extractor_version()))
    writer._flush()  # stopped here: every named graph written, nothing derived, nothing reconciled
    del writer, store
    stopped = GraphStore.open(location, read_only=True)
    assert Q.stats(stopped)["interrupted ingest"] is True
    assert not validate(stopped).conforms and "stopped before it finished" in validate(stopped).report
    del stopped
    assert "0 ingested, 5 unchanged" in ingest(str(data), "--store", str(location))
    assert quads(location) == quads(tmp_path / "clean")
    finished = GraphStore.open(location, read_only=True)
    assert Q.stats(finished)["interrupted ingest"] is False and finished.unreconciled() == []


def test_remove_and_prune_drop_sources(tmp_path):
    raw = seeds(tmp_path) / "raw"
    names = sorted(p.name for p in raw.iterdir())
    ingest(*(str(raw / n) for n in names if not n.startswith("002")), "--store", str(tmp_path / "four"))
    ingest(*(str(raw / n) for n in names[:3]), "--store", str(tmp_path / "three"))
    store = str(tmp_path / "store")
    ingest(str(raw), "--store", store)
    removed = runner.invoke(app, ["remove", str(raw / names[2]), "--store", store])
    assert removed.exit_code == 0 and "1 removed" in removed.output
    assert quads(tmp_path / "store") == quads(tmp_path / "four")
    for name in names[3:]:
        (raw / name).unlink()
    assert "1 ingested, 2 unchanged, 0 failed, 2 removed" in ingest(str(raw), "--prune", "--store", store)
    assert quads(tmp_path / "store") == quads(tmp_path / "three")
    unknown = runner.invoke(app, ["remove", "no-such.txt", "--store", store])
    assert unknown.exit_code == 1 and "no such source" in unknown.output


def test_two_copies_in_one_run_are_one_source_even_when_forced(tmp_path):
    folder = tmp_path / "copies"
    folder.mkdir()
    for name in ("a.txt", "b.txt"):
        shutil.copy(RAW / "000_621a5b53acb9bbf6.txt", folder / name)
    store = str(tmp_path / "store")
    assert "1 ingested, 1 unchanged" in ingest(str(folder), "--store", store)
    assert "1 ingested, 1 unchanged" in ingest(str(folder), "--store", store, "--force")
    assert len(GraphStore.open(tmp_path / "store", read_only=True).sources()) == 1
