"""A real lexgraph server on loopback, in its own process, for tests that speak HTTP to it."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from graph import GraphStore, ingest_paths

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "test-write-token"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def seed_store(path: Path) -> Path:
    """A store at `path` holding the seed corpus."""
    store = GraphStore.open(path)
    outcomes = ingest_paths(store, [ROOT / "data"])
    assert all(o.status == "ingested" for o in outcomes), [o.message for o in outcomes]
    del store
    return path


def copy_store(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


@dataclass
class Server:
    """A running `lexgraph serve`."""

    url: str
    process: subprocess.Popen
    log: Path

    def stop(self) -> None:
        stop_process(self.process)


def stop_process(process: subprocess.Popen, grace: float = 20) -> None:
    """Ask a server process to stop; kill it if it has not within `grace` seconds."""
    process.terminate()
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def start_server(store: Path, log: Path, *args: str) -> Server:
    """Start `lexgraph serve` on a free port over `store` and wait until /health answers."""
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "api.cli", "serve", "--port", str(port), "--store", str(store), *args],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"lexgraph serve exited with {process.returncode}:\n{log.read_text()}")
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return Server(url, process, log)
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"lexgraph serve did not answer within 60 s:\n{log.read_text()}")
