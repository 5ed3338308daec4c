"""lexgraph's /sparql against the endpoint a user would otherwise pick: rdflib-endpoint over the same quads.

    python -m benchmarks.peer STORE [--report benchmarks/report.json] [--key 10000] [--clients 8] [--seconds 10]

The store is exported as N-Quads and loaded into an rdflib `Dataset` with `default_union=True`, served by
rdflib-endpoint (PyPI `rdflib-endpoint`, its FastAPI app under uvicorn) in a process of its own; lexgraph serves
the store with `lexgraph serve`. Both answer the same queries over HTTP in one run: the named queries of
`benchmarks/run.py`, and a one-triple label lookup (the cheapest query there is), each the median of
`repeat` requests; then `clients` connections send the label lookup for `seconds` to each in turn, and the
requests answered per second are counted. The load comes from wrk (Debian's `wrk`, a C client) when it is
installed: Python client threads cost about what a cheap answer does, so with two cores they cap both
servers near the same rate and hide the difference; without wrk they are used, and the report says which.
Ratios only mean something within one run; the report keeps them next to the figures they come from.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx

from benchmarks.run import LEXGRAPH, PREFIXES, ROOT, pick, queries

_SERVE_RDFLIB = """
import sys, uvicorn
from rdflib import Dataset
from rdflib_endpoint import SparqlEndpoint
dataset = Dataset(default_union=True)
dataset.parse(sys.argv[1], format="nquads")
print("loaded", len(dataset), flush=True)
uvicorn.run(SparqlEndpoint(graph=dataset, path="/sparql"), host="127.0.0.1", port=int(sys.argv[2]),
            log_level="warning")
"""


def serve_rdflib(nquads: Path, log: Path, timeout: float = 1800) -> tuple[subprocess.Popen, str]:
    """rdflib-endpoint over `nquads` on a free port; returns the process and its /sparql URL once it answers."""
    from tests.live import free_port

    port = free_port()
    with log.open("wb") as out:
        process = subprocess.Popen([sys.executable, "-c", _SERVE_RDFLIB, str(nquads), str(port)], cwd=ROOT,
                                   stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/sparql"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"rdflib-endpoint exited with {process.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(url, params={"query": "ASK {}"}, timeout=5).status_code == 200:
                return process, url
        except httpx.TransportError:
            pass
        time.sleep(1)
    process.kill()
    raise RuntimeError(f"rdflib-endpoint did not answer within {timeout} s:\n{log.read_text()}")


def median_ms(http: httpx.Client, url: str, sparql: str, repeat: int) -> tuple[float, int]:
    """The median time of `repeat` requests of `sparql` (JSON results), and the rows of the last answer."""
    times = []
    rows = 0
    for _ in range(repeat):
        started = time.perf_counter()
        answer = http.get(url, params={"query": sparql}, headers={"Accept": "application/sparql-results+json"})
        answer.raise_for_status()
        rows = len(answer.json()["results"]["bindings"])
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 2), rows


def load_generator() -> str:
    """What `throughput` sends its load with: "wrk" when installed, else "python-threads"."""
    return "wrk" if shutil.which("wrk") else "python-threads"


def throughput(url: str, sparql: str, clients: int, seconds: float) -> float:
    """Requests answered (200) per second when `clients` connections send `sparql` back to back for
    `seconds`, from `load_generator()`."""
    if load_generator() == "wrk":
        target = f"{url}?{urlencode({'query': sparql})}"
        out = subprocess.run(["wrk", "-t2", f"-c{clients}", f"-d{seconds:g}s", "--latency", "-H",
                              "Accept: application/sparql-results+json", target],
                             capture_output=True, text=True, check=True).stdout
        done = re.search(r"(\d+) requests in ([\d.]+)(ms|s|m)\b", out)  # "9876 requests in 5.00s, 2.34MB read"
        elapsed = float(done.group(2)) * {"ms": 0.001, "s": 1, "m": 60}[done.group(3)]
        failed = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
        return round((int(done.group(1)) - (int(failed.group(1)) if failed else 0)) / elapsed, 1)
    done = [0] * clients
    stop = time.monotonic() + seconds

    def client(k: int) -> None:
        with httpx.Client(timeout=60) as http:
            while time.monotonic() < stop:
                answer = http.get(url, params={"query": sparql}, headers={"Accept": "application/sparql-results+json"})
                if answer.status_code == 200:
                    done[k] += 1

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return round(sum(done) / (time.monotonic() - started), 1)


def compare(store_dir: Path, work: Path, clients: int = 8, seconds: float = 10, repeat: int = 10) -> dict:
    """The `rdflib_endpoint` section of the report for the store in `store_dir`."""
    from tests.live import start_server

    named = queries(**pick(store_dir))
    popular = pick(store_dir)["popular"]
    named["label_lookup"] = f"SELECT ?label WHERE {{ <{popular}> rdfs:label ?label }}"
    dump = work / "graph.nq"
    subprocess.run([*LEXGRAPH, "export", "--format", "nq", "-o", str(dump), "--store", str(store_dir)], check=True,
                   cwd=ROOT)
    started = time.perf_counter()
    rdflib_process, rdflib_url = serve_rdflib(dump, work / "rdflib-endpoint.log")
    load_s = round(time.perf_counter() - started, 1)
    lexgraph = start_server(store_dir, work / "lexgraph-server.log", "--row-limit", "0", "--timeout", "600",
                            "--quiet")
    lexgraph_url = f"{lexgraph.url}/sparql"
    try:
        out: dict = {"quads": sum(1 for _ in dump.open("rb")), "rdflib_load_s": load_s, "queries": {}}
        with httpx.Client(timeout=600) as http:
            for name, sparql in named.items():
                text = PREFIXES + sparql
                ours, rows = median_ms(http, lexgraph_url, text, repeat)
                theirs, their_rows = median_ms(http, rdflib_url, text, repeat)
                out["queries"][name] = {"lexgraph_median_ms": ours, "rdflib_endpoint_median_ms": theirs,
                                        "rows": rows, "rdflib_endpoint_rows": their_rows,
                                        "speedup": round(theirs / max(ours, 0.01), 2)}
        lookup = PREFIXES + named["label_lookup"]
        ours = throughput(lexgraph_url, lookup, clients, seconds)
        theirs = throughput(rdflib_url, lookup, clients, seconds)
        out["throughput"] = {"query": "label_lookup", "clients": clients, "seconds": seconds,
                             "load_generator": load_generator(),
                             "lexgraph_requests_per_s": ours, "rdflib_endpoint_requests_per_s": theirs,
                             "ratio": round(ours / max(theirs, 0.01), 2)}
        return out
    finally:
        lexgraph.stop()
        rdflib_process.terminate()
        rdflib_process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("store", type=Path, help="A lexgraph store (e.g. /tmp/lexgraph-bench/10000/store).")
    parser.add_argument("--report", type=Path, default=ROOT / "benchmarks" / "report.json")
    parser.add_argument("--key", default="10000", help="The size the store holds, as the report names it.")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()
    work = args.store.parent / "peer"
    work.mkdir(parents=True, exist_ok=True)
    section = compare(args.store, work, args.clients, args.seconds)
    report = json.loads(args.report.read_text(encoding="utf-8")) if args.report.exists() else {}
    report.setdefault("rdflib_endpoint", {})[args.key] = section
    args.report.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(section, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
