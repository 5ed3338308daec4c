"""A bounded load test of a running lexgraph server: concurrent clients making mixed SPARQL and REST calls.

    python -m benchmarks.load http://127.0.0.1:8000 --clients 20 --seconds 30 [--report benchmarks/load.json]

Each client loops over the request mix for the given time; every answer other than the expected
status counts as an error. Prints (and writes) requests, errors, throughput and latency percentiles.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from pathlib import Path

import httpx

# (method, path, params or body, expected status)
MIX: list[tuple[str, str, dict, int]] = [
    ("GET", "/sparql", {"query": "SELECT ?label ?n WHERE { ?x lex:citedByCount ?n ; rdfs:label ?label } "
                                 "ORDER BY DESC(?n) LIMIT 20"}, 200),
    ("GET", "/sparql", {"query": 'SELECT ?plan WHERE { ?r eli:id_local "11/NQ-CP" ; lex:year 2022 . '
                                 "?plan lex:inImplementationOf+ ?r }"}, 200),
    ("POST", "/sparql", {"query": 'CONSTRUCT WHERE { ?x eli:id_local "59-NQ/TW" ; ?p ?o }'}, 200),
    ("GET", "/documents/11/NQ-CP/implementations", {"year": 2022}, 200),
    ("GET", "/documents", {"type": "kh", "jurisdiction": "can tho"}, 200),
    ("GET", "/documents/eli/vn/cp/2022/nq/11", {}, 200),
    ("GET", "/resolve", {"citation": "Nghị quyết số 11/NQ-CP ngày 30/01/2022"}, 200),
    ("GET", "/documents/43/2022/QH15/cited-by", {}, 200),
    ("POST", "/check", {"text": "Căn cứ Nghị quyết số 11/NQ-CP ngày 31/01/2022 của Chính phủ;"}, 200),
    ("GET", "/stats", {}, 200),
]


async def _client(base: str, deadline: float, offset: int, latencies: list[tuple[int, float]],
                  errors: list[str]) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        i = offset
        while time.monotonic() < deadline:
            kind = i % len(MIX)
            method, path, data, expected = MIX[kind]
            i += 1
            started = time.perf_counter()
            try:
                if method == "GET":
                    response = await http.get(path, params=data)
                elif path == "/sparql":
                    response = await http.post(path, data=data)
                else:
                    response = await http.post(path, json=data)
                if response.status_code != expected:
                    errors.append(f"{method} {path}: {response.status_code} {response.text[:200]}")
            except httpx.HTTPError as exc:
                errors.append(f"{method} {path}: {type(exc).__name__}: {exc}")
            latencies.append((kind, (time.perf_counter() - started) * 1000))


async def run(base: str, clients: int, seconds: float) -> dict:
    """Run the load and return its figures."""
    latencies: list[tuple[int, float]] = []
    errors: list[str] = []
    started = time.monotonic()
    await asyncio.gather(*(_client(base, started + seconds, k, latencies, errors) for k in range(clients)))
    elapsed = time.monotonic() - started
    by_kind = {}
    for kind, (method, path, data, _) in enumerate(MIX):
        times = [ms for k, ms in latencies if k == kind]
        name = f"{method} {path} {next(iter(data.values()), '')}"[:90]
        by_kind[name] = {"requests": len(times), **_percentiles(times)}
    return {"clients": clients, "seconds": round(elapsed, 1), "requests": len(latencies), "errors": len(errors),
            "requests_per_s": round(len(latencies) / elapsed, 1), **_percentiles([ms for _, ms in latencies]),
            "by_request": by_kind, "first_errors": errors[:5]}


def _percentiles(times: list[float]) -> dict[str, float]:
    cuts = statistics.quantiles(times, n=100) if len(times) > 1 else [times[0] if times else 0.0] * 99
    return {"p50_ms": round(cuts[49], 1), "p99_ms": round(cuts[98], 1), "max_ms": round(max(times, default=0.0), 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("url")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--report", type=Path)
    parser.add_argument("--wait", type=float, default=60, help="Seconds to wait for the server's /health.")
    args = parser.parse_args()
    base = args.url.rstrip("/")
    deadline = time.monotonic() + args.wait
    while True:
        try:
            httpx.get(f"{base}/health", timeout=2).raise_for_status()
            break
        except httpx.HTTPError:
            if time.monotonic() > deadline:
                sys.exit(f"{base}: no answer from /health within {args.wait:g} s; is the server running?")
            time.sleep(0.5)
    figures = asyncio.run(run(base, args.clients, args.seconds))
    text = json.dumps(figures, ensure_ascii=False, indent=2)
    print(text)
    if args.report:
        args.report.write_text(text + "\n", encoding="utf-8")
    sys.exit(1 if figures["errors"] else 0)


if __name__ == "__main__":
    main()
