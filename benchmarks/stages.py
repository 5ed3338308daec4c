"""Where a bulk ingest's time goes, stage by stage, and what that makes of a million documents.

    python -m benchmarks.stages CORPUS [--workers 2] [--report benchmarks/report.json]

CORPUS is a folder of documents (a synthetic corpus's docs/, say). The stages are the ingest's own, run one
after the other in this process so that each is timed alone: reading and extraction in `--workers`
processes (as `lexgraph ingest` runs them), mapping records to triples, writing the named graphs
(`BulkWriter.add`), and reconciling undated citations then deriving the default graph (`BulkWriter.finish`).
Each stage's time per document, and the sum of them for 1,000,000 documents, go into the report under
"stages" (keyed by the corpus's size). The projection is linear: the ingest rows of `benchmarks.run` show
how far from linear the whole is at 100k.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import tempfile
import time
from pathlib import Path

from benchmarks.run import ROOT

MILLION = 1_000_000


def stages(docs: Path, workers: int) -> dict:
    """Seconds of each stage of a bulk ingest of `docs` into a new store, per document and in all."""
    from graph.load import _extracted, extractor_version
    from graph.mapping import map_record
    from graph.store import GraphStore
    from ingest.readers import source_ids

    todo = source_ids([docs])
    seconds: dict[str, float] = {}

    started = time.perf_counter()
    records = [(source_id, record) for _, source_id, record, _ in _extracted(todo, workers) if record is not None]
    seconds["read_and_extract"] = time.perf_counter() - started

    work = Path(tempfile.mkdtemp(prefix="lexgraph-stages-"))
    try:
        store = GraphStore.open(work / "store")
        version = extractor_version()
        started = time.perf_counter()
        mapped = [map_record(record, source_id, store.iris, version) for source_id, record in records]
        seconds["map"] = time.perf_counter() - started

        writer = store.bulk()
        started = time.perf_counter()
        for document in mapped:
            writer.add(document)
        writer._flush()
        seconds["write_named_graphs"] = time.perf_counter() - started

        started = time.perf_counter()
        writer.finish()
        store.clear_pending()
        store.flush()
        seconds["reconcile_and_derive"] = time.perf_counter() - started
        quads = len(store)
        store.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    n = len(records)
    total = sum(seconds.values())
    return {
        "documents": n, "workers": workers, "quads": quads,
        "seconds": {k: round(v, 1) for k, v in seconds.items()},
        "ms_per_document": {k: round(v * 1000 / n, 3) for k, v in seconds.items()},
        "share": {k: round(v / total, 3) for k, v in seconds.items()},
        "projected_1m_seconds": round(total / n * MILLION),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("docs", type=Path, help="A folder of documents (e.g. /tmp/lexgraph-bench/10000/corpus/docs).")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--report", type=Path, default=ROOT / "benchmarks" / "report.json")
    args = parser.parse_args()
    section = stages(args.docs, args.workers)
    report = json.loads(args.report.read_text(encoding="utf-8")) if args.report.exists() else {}
    report.setdefault("stages", {})[str(section["documents"])] = section
    args.report.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(section, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
