"""Extraction as a Dask bag, for corpora beyond one machine: the same `extract_text` over many files on a
cluster, written as JSON Lines that `lexgraph ingest --from-jsonl` loads into the store.

    pip install 'dask[bag]' distributed
    python -m ingest.bag data/ records/ --scheduler tcp://scheduler:8786   # or none: a local cluster
    lexgraph ingest --from-jsonl 'records/part-*.jsonl' ...  (one file at a time; see README)

Extraction is a pure function of a file, so Dask only has to spread the files and collect the records;
each partition becomes one JSON Lines file. A file that cannot be read becomes a record-less line that
`--from-jsonl` reports, as a local run would.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ingest.extract import extract_text
from ingest.readers import InputError, read_text, source_ids


def extract_line(item: tuple[str, str]) -> str:
    """The JSON Lines record of one file (`path`, `source id`), or an error line naming the file."""
    path, source_id = item
    try:
        text, digest = read_text(Path(path))
        record = extract_text(text, source=Path(path).name, path=str(Path(path).resolve()), sha256=digest,
                              source_id=source_id).to_json()
    except InputError as exc:
        record = {"error": str(exc), "path": path, "id": source_id}
    return json.dumps(record, ensure_ascii=False)


def run(paths: list[Path], out: Path, scheduler: str | None = None, partitions: int | None = None) -> list[Path]:
    """Extract every file under `paths` on a Dask cluster (a local one when `scheduler` is None) into
    `out/part-*.jsonl`; returns the files written. Source ids are paths relative to the folder given."""
    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    items = [(str(f), source_id) for f, source_id in source_ids(paths)]
    out.mkdir(parents=True, exist_ok=True)
    cluster = None if scheduler else LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                                  dashboard_address=None)
    with Client(scheduler or cluster) as client:
        bag = db.from_sequence(items, npartitions=partitions or max(1, min(len(items), 64)))
        written = bag.map(extract_line).to_textfiles(str(out / "part-*.jsonl"), compute=False)
        client.compute(written, sync=True)
    if cluster is not None:
        cluster.close()
    return sorted(out.glob("part-*.jsonl"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", type=Path, nargs="+")
    parser.add_argument("out", type=Path)
    parser.add_argument("--scheduler", help="Address of a running Dask scheduler (default: a local cluster).")
    parser.add_argument("--partitions", type=int)
    args = parser.parse_args()
    for path in run(args.paths, args.out, args.scheduler, args.partitions):
        print(path)


if __name__ == "__main__":
    main()
