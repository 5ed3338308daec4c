"""The HTTP layer under fuzzing (schemathesis, from /openapi.json) and under concurrent load."""

from __future__ import annotations

import asyncio
import subprocess
import sys

from benchmarks.load import run


def test_schemathesis_finds_no_server_error_and_no_schema_violation(server, tmp_path):
    # positive_data_acceptance is left out: a schema-valid string is not a valid SPARQL query or an
    # existing date ("0000-00-00"), and the answer to those is rightly 400.
    result = subprocess.run(
        [sys.executable, "-m", "schemathesis.cli", "run", f"{server.url}/openapi.json", "--max-examples", "25",
         "--generation-deterministic", "--request-timeout", "20", "--exclude-checks", "positive_data_acceptance"],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "passed" in result.stdout


def test_concurrent_clients_get_no_errors(server):
    figures = asyncio.run(run(server.url, clients=20, seconds=4))
    assert figures["errors"] == 0, figures["first_errors"]
    assert figures["requests"] > 100
