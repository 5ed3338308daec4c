"""The writer alone (mapping, named graphs, derivation, reconciliation), this code against an earlier
commit, on the same extraction records, each in its own process, in one run.

    python -m benchmarks.writer RECORDS.jsonl [--baseline REV] [--runs 1] [--work /tmp/lexgraph-writer]
                                              [--report benchmarks/report.json]

RECORDS.jsonl is what `lexgraph extract` writes. The records are read before the clock starts, so what is
timed is `map_record` and the bulk writer into an on-disk store. Peak RSS is the process's own, records
included (they are the same in both). The baseline runs from a `git worktree` of REV. With --report, the
figures are added to that JSON report under "writer".
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Uses only the API both sides share: map_record, GraphStore.open, bulk().add/finish, reconcile.
_PROGRAM = """
import json, resource, sys, time
from pathlib import Path
from graph.mapping import map_record
from graph.store import GraphStore
from ingest.records import Record

records = [Record.from_json(json.loads(line)) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
store = GraphStore.open(Path(sys.argv[2]))
started = time.perf_counter()
writer = store.bulk()
for n, record in enumerate(records):
    writer.add(map_record(record, record.source_id or f"{n}.txt", store.iris, "bench"))
writer.finish()
store.reconcile()
seconds = time.perf_counter() - started
quads = len(store)
store.close()
print(json.dumps({"documents": len(records), "seconds": round(seconds, 2),
                  "documents_per_s": round(len(records) / seconds, 1), "quads": quads,
                  "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}))
"""


def run(code: Path, records: Path, store: Path) -> dict:
    """One writer run of the code in `code` in its own process."""
    shutil.rmtree(store, ignore_errors=True)
    done = subprocess.run([sys.executable, "-c", _PROGRAM, str(records), str(store)], cwd=code,
                          env={"PYTHONPATH": str(code), "PATH": "/usr/bin:/bin"}, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"writer run in {code} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("records", type=Path)
    parser.add_argument("--baseline", help="a commit to measure against, e.g. 59ce9a7")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "lexgraph-writer")
    parser.add_argument("--report", type=Path, help="a JSON report to add the figures to (key \"writer\")")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    records = args.records.resolve()
    report: dict = {"records": str(args.records)}
    sides = {"current": ROOT}
    worktree = args.work / "baseline"
    if args.baseline:
        shutil.rmtree(worktree, ignore_errors=True)
        subprocess.run(["git", "worktree", "prune"], cwd=ROOT, check=True)
        subprocess.run(["git", "worktree", "add", "--detach", str(worktree), args.baseline], cwd=ROOT, check=True,
                       capture_output=True)
        sides = {"baseline": worktree, **sides}
        report["baseline_commit"] = args.baseline
    try:
        for _ in range(args.runs):  # alternate, so that a change in the machine's load hits both
            for name, code in sides.items():
                result = run(code, records, args.work / f"store-{name}")
                best = report.get(name)
                if best is None or result["seconds"] < best["seconds"]:
                    report[name] = result
    finally:
        if args.baseline:
            subprocess.run(["git", "worktree", "remove", "--force", str(worktree)], cwd=ROOT, check=False)
    if args.baseline:
        report["speedup"] = round(report["current"]["documents_per_s"] / report["baseline"]["documents_per_s"], 2)
        report["rss_ratio"] = round(report["current"]["peak_rss_mb"] / report["baseline"]["peak_rss_mb"], 2)
    print(json.dumps(report, indent=1))
    if args.report is not None:
        whole = json.loads(args.report.read_text(encoding="utf-8")) if args.report.exists() else {}
        whole["writer"] = report
        args.report.write_text(json.dumps(whole, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
