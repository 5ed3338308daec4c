"""The `lexgraph` command line. Exit codes: 0 fine, 1 some input could not be read, 2 bad usage."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from ingest import InputError, extract_file, iter_sources

app = typer.Typer(help="lexgraph: a citation graph of Vietnamese legal documents.", no_args_is_help=True,
                  pretty_exceptions_enable=False)


@app.callback()
def main() -> None:
    """lexgraph: a citation graph of Vietnamese legal documents."""


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories of .txt/.md documents.")],
    output_format: Annotated[str, typer.Option("--format", help="Output format: jsonl.")] = "jsonl",
    debug: Annotated[bool, typer.Option(help="Show tracebacks for unexpected errors.")] = False,
) -> None:
    """Print one JSON object per document: its identity and every instrument it cites."""
    if output_format != "jsonl":
        typer.echo(f"lexgraph extract: unknown --format {output_format!r}; use jsonl", err=True)
        raise typer.Exit(2)
    failed = 0
    sources = iter_sources(paths)
    if not sources:
        typer.echo("lexgraph extract: no .txt or .md files found in the paths given", err=True)
        raise typer.Exit(1)
    for source in sources:
        try:
            record = extract_file(source)
        except InputError as exc:
            failed += 1
            typer.echo(f"lexgraph extract: {exc}", err=True)
            continue
        except Exception as exc:  # a bug must not lose the other documents
            if debug:
                raise
            failed += 1
            typer.echo(f"lexgraph extract: {source}: internal error ({type(exc).__name__}: {exc}); "
                       "rerun with --debug and report it", err=True)
            continue
        sys.stdout.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
    if failed:
        raise typer.Exit(1)


if __name__ == "__main__":
    app()
