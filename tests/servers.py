"""Real SPARQL servers for the backend tests, each a private instance on loopback in a temporary directory:
`oxigraph serve` (PyPI `oxigraph`) and OpenLink Virtuoso 7 (Debian `virtuoso-opensource`, which
`make test` installs)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.live import free_port, stop_process

OXIGRAPH = Path(sys.executable).parent / "oxigraph"
VIRTUOSO = "virtuoso-t"
# A fresh Virtuoso database's administrator; the tests' endpoint URL carries it for Digest-authenticated updates.
VIRTUOSO_USER = ("dba", "dba")


@dataclass
class RunningServer:
    """A server process and the endpoint URL lexgraph is given for it."""

    kind: str
    url: str
    process: subprocess.Popen
    log: Path
    sql_port: int | None = None  # Virtuoso's, for isql-vt

    def stop(self) -> None:
        stop_process(self.process)


def start_oxigraph(directory: Path, union: bool = False) -> RunningServer:
    """`oxigraph serve` over a new store in `directory`. With `union`, every query's default graph is the
    union of the graphs, as on Fuseki with `tdb2:unionDefaultGraph true`: lexgraph is then told it talks
    to Fuseki (`#fuseki`), keeps its default graph in a named graph and loads by INSERT DATA."""
    port = free_port()
    log = directory / "oxigraph.log"
    process = subprocess.Popen([str(shutil.which("oxigraph") or OXIGRAPH), "serve", "--location",
                                str(directory / "oxigraph"), "--bind", f"127.0.0.1:{port}",
                                *(["--union-default-graph"] if union else [])],
                               stdout=log.open("wb"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    _wait(lambda: httpx.get(f"{url}/query", params={"query": "ASK {}"}, timeout=1), process, log)
    if union:
        return RunningServer("fuseki-like", f"{url}#fuseki", process, log)
    return RunningServer("oxigraph", url, process, log)


def start_virtuoso(directory: Path) -> RunningServer:
    """A private Virtuoso: its own database files and ini in `directory`, both ports on loopback, and the
    result cap raised from the 10,000 rows that would silently cut answers short."""
    binary = shutil.which(VIRTUOSO)
    if binary is None:
        raise RuntimeError(f"{VIRTUOSO} not found: install Debian's virtuoso-opensource (`make test` does)")
    db = directory / "virtuoso"
    db.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    ini = db / "virtuoso.ini"
    ini.write_text(f"""[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DirsAllowed = ., {db}
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
CheckpointInterval = 60
MaxClientConnections = 10

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerThreads = 10
MaxClientConnections = 10

[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 300
MaxQueryCostEstimationTime = 0
""")
    log = db / "stdout.log"
    process = subprocess.Popen([binary, "-f", "-c", str(ini)], cwd=db, stdout=log.open("wb"),
                               stderr=subprocess.STDOUT)
    endpoint = f"http://127.0.0.1:{http_port}/sparql"
    _wait(lambda: httpx.post(endpoint, data={"query": "ASK {}"}, timeout=2), process, log, seconds=60)
    user, password = VIRTUOSO_USER
    return RunningServer("virtuoso", f"http://{user}:{password}@127.0.0.1:{http_port}/sparql", process, log,
                         sql_port)


START: dict[str, Callable[[Path], RunningServer]] = {
    "oxigraph": start_oxigraph,
    "fuseki-like": lambda directory: start_oxigraph(directory, union=True),
    "virtuoso": start_virtuoso,
}


def _wait(probe: Callable[[], httpx.Response], process: subprocess.Popen, log: Path, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}: {log.read_text()[-2000:]}")
        try:
            if probe().status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"the server did not answer within {seconds} s: {log.read_text()[-2000:]}")
