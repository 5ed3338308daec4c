"""The `lexgraph` command line. Exit codes: 0 fine, 1 some input could not be processed, 2 bad usage.

Every command that touches the graph takes `--store DIR` (default: `$LEXGRAPH_STORE` or build/store).
Commands that only read open the store read-only, so they can run beside a server that holds it.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Annotated

import pyoxigraph as ox
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from api.serving import served_by
from api.settings import SETTINGS, Settings
from graph import queries as Q
from graph.export import FORMATS, export
from graph.load import ingest_jsonl, ingest_paths, remove_sources
from graph.store import GraphStore, StoreError
from graph.validate import validate as shacl_validate
from ingest import InputError, extract_file
from ingest.readers import source_ids

app = typer.Typer(help="lexgraph: a citation graph of Vietnamese legal documents.", no_args_is_help=True,
                  pretty_exceptions_enable=False)
# Piped output keeps whole cells rather than folding them to 80 columns.
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 240)
err = Console(stderr=True, soft_wrap=True)



def _setting(name: str, flag: str, **options: object) -> typer.models.OptionInfo:
    """The option for setting `name` of `SETTINGS`: its environment variable and help come from there,
    as the HTTP server's do; unset, `Settings.from_env` gives the default."""
    var, default, help_text = SETTINGS[name]
    shown = f" (default {default})" if default else ""
    return typer.Option(flag, envvar=var, show_envvar=True, help=f"{help_text.rstrip('.')}{shown}.", **options)


StoreOption = Annotated[Path | None, _setting("store", "--store")]
YearOption = Annotated[int | None, typer.Option("--year", help="Year of the instrument, when its number is reused.")]
_PATHS_HELP = "Files, or directories of .txt, .md, .html, .docx and .pdf documents."
IdArgument = Annotated[str, typer.Argument(help="Number-symbol (11/NQ-CP), citation, IRI or IRI path (eli/vn/...).")]


# Set by the global --endpoint option; $LEXGRAPH_ENDPOINT otherwise.
_endpoint: list[str] = []


@app.callback()
def main(
    endpoint: Annotated[str | None, _setting("endpoint", "--endpoint")] = None,
) -> None:
    """lexgraph: a citation graph of Vietnamese legal documents."""
    _endpoint[:] = [endpoint] if endpoint else []


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help=_PATHS_HELP)],
    output_format: Annotated[str, typer.Option("--format", help="Output format: jsonl.")] = "jsonl",
    debug: Annotated[bool, typer.Option(help="Show tracebacks for unexpected errors.")] = False,
) -> None:
    """Print one JSON object per document: its identity and every instrument it cites."""
    if output_format != "jsonl":
        _fail(f"lexgraph extract: unknown --format {output_format!r}; use jsonl", 2)
    failed = 0
    sources = source_ids(paths)
    if not sources:
        _fail("lexgraph extract: no .txt, .md, .html, .docx or .pdf files found in the paths given", 1)
    for source, source_id in sources:
        try:
            record = extract_file(source, source_id)
        except InputError as exc:
            failed += 1
            err.print(f"lexgraph extract: {exc}", markup=False)
            continue
        except Exception as exc:  # a bug must not lose the other documents
            if debug:
                raise
            failed += 1
            err.print(f"lexgraph extract: {source}: internal error ({type(exc).__name__}: {exc}); "
                      "rerun with --debug and report it", markup=False)
            continue
        sys.stdout.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
    if failed:
        raise typer.Exit(1)


@app.command()
def ingest(
    paths: Annotated[list[Path] | None, typer.Argument(help=_PATHS_HELP)] = None,
    store: StoreOption = None,
    base: Annotated[str | None, _setting("base", "--base")] = None,
    force: Annotated[bool, typer.Option(help="Re-ingest files even when unchanged.")] = False,
    quiet: Annotated[bool, typer.Option(help="No progress bar.")] = False,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Processes extracting (default: the cores).")
                       ] = os.cpu_count() or 1,
    bulk: Annotated[bool | None, typer.Option(
        "--bulk/--no-bulk", help="Write all named graphs, then derive once (default: from 50 files on).")] = None,
    from_jsonl: Annotated[Path | None, typer.Option(
        "--from-jsonl", help="Ingest extraction records instead of files: a JSON Lines file from `lexgraph "
                             "extract`, or a folder of them (the part-*.jsonl of `python -m ingest.bag`).")] = None,
    prune: Annotated[bool, typer.Option(
        help="Also remove the sources recorded under the folders given whose files are gone.")] = False,
) -> None:
    """Extract each file (or read each record) and write it into the store.

    A file is one source however its path is typed: the same bytes again are unchanged (moved, renamed
    or reached through another folder), new bytes at a path already ingested replace that source, and
    two different files with the same name are both kept."""
    settings = Settings.from_env()
    if (from_jsonl is not None) == bool(paths):
        _fail("lexgraph ingest: give files or directories, or --from-jsonl FILE", 2)
    jsonl_files = []
    if from_jsonl is not None:
        jsonl_files = sorted(from_jsonl.glob("*.jsonl")) if from_jsonl.is_dir() else [from_jsonl]
        if not all(f.is_file() for f in jsonl_files) or not jsonl_files:
            _fail(f"lexgraph ingest: {from_jsonl}: no such file, or no .jsonl files in that folder", 2)
    files = source_ids(paths) if paths else []
    if paths and not files:
        _fail("lexgraph ingest: no .txt, .md, .html, .docx or .pdf files found in the paths given", 1)
    graph = _open(store, settings, base=base or settings.base)
    before = len(graph) if graph.sources() else None
    total = len(files) if paths else sum(1 for f in jsonl_files for line in f.open(encoding="utf-8") if line.strip())
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        console=err, disable=quiet)
    failures = []
    with progress:
        task = progress.add_task("ingesting", total=total)

        def done(outcome: object) -> None:
            progress.advance(task)
            if outcome.status == "failed":  # type: ignore[attr-defined]
                failures.append(outcome)
                progress.console.print(f"lexgraph ingest: {outcome.message}", markup=False)  # type: ignore[attr-defined]

        if from_jsonl is not None:
            outcomes = ingest_jsonl(graph, jsonl_files, force=force, on_file=done, bulk=bulk is not False)
        else:
            outcomes = ingest_paths(graph, paths, force=force, on_file=done, workers=workers, bulk=bulk,  # type: ignore[arg-type]
                                    prune=prune)
    counts = {s: sum(o.status == s for o in outcomes) for s in ("ingested", "unchanged", "failed", "removed")}
    removed = f", {counts['removed']} removed" if counts["removed"] else ""
    was = f"was {before}" if before is not None else "a new store"
    err.print(f"{counts['ingested']} ingested, {counts['unchanged']} unchanged, {counts['failed']} failed{removed}; "
              f"{len(graph)} quads ({was}) in {graph.where}", markup=False)
    # Release the store now: the exception below would keep this frame, and with it the open
    # read-write store, alive; a reader opening it meanwhile (a caller in the same process) breaks.
    del graph
    if failures:
        raise typer.Exit(1)


@app.command()
def remove(
    sources: Annotated[list[str], typer.Argument(help="Source ids, file paths, or folders (every source under it).")],
    store: StoreOption = None,
) -> None:
    """Forget sources: drop their named graphs and derive again what they said."""
    settings = Settings.from_env()
    graph = _open(store, settings)
    before = len(graph)
    outcomes = remove_sources(graph, sources)
    for outcome in outcomes:
        if outcome.status == "failed":
            err.print(f"lexgraph remove: {outcome.message}", markup=False)
    removed = sum(o.status == "removed" for o in outcomes)
    err.print(f"{removed} removed; {len(graph)} quads (was {before}) in {graph.where}", markup=False)
    graph.close()
    del graph
    if any(o.status == "failed" for o in outcomes):
        raise typer.Exit(1)


@app.command()
def query(
    sparql: Annotated[str, typer.Argument(help="A SPARQL query, or @FILE to read it from a file, or - for stdin.")],
    store: StoreOption = None,
    output_format: Annotated[
        str, typer.Option("--format", help="table, json, csv, tsv, xml (SELECT/ASK); ttl, nt, jsonld (CONSTRUCT).")
    ] = "table",
) -> None:
    """Run a SPARQL query over the whole graph (lex:, eli:, rdfs:, skos:, xsd: prefixes are predeclared)."""
    if sparql == "-":
        text = sys.stdin.read()
    elif sparql.startswith("@"):
        text = Path(sparql[1:]).read_text(encoding="utf-8")
    else:
        text = sparql
    graph = _open(store, Settings.from_env(), read_only=True)
    try:
        result = graph.query(text)
    except SyntaxError as exc:
        _fail(f"lexgraph query: the query does not parse: {exc}", 2)
    if isinstance(result, ox.QueryBoolean):
        out.print("true" if bool(result) else "false")
        return
    if isinstance(result, ox.QueryTriples):
        formats = {"table": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
                   "jsonld": ox.RdfFormat.JSON_LD}
        if output_format not in formats:
            _fail(f"lexgraph query: --format {output_format} does not fit a CONSTRUCT; use ttl, nt or jsonld", 2)
        sys.stdout.buffer.write(ox.serialize(result, None, formats[output_format]))
        return
    formats = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV,
               "tsv": ox.QueryResultsFormat.TSV, "xml": ox.QueryResultsFormat.XML}
    if output_format in formats:
        sys.stdout.buffer.write(result.serialize(None, formats[output_format]))
        return
    if output_format != "table":
        _fail(f"lexgraph query: unknown --format {output_format!r}", 2)
    names = [v.value for v in result.variables]
    table = Table(*names, show_lines=False)
    for solution in result:
        table.add_row(*(_term(solution[n]) for n in names))
    out.print(table)


@app.command()
def implementers(
    ident: IdArgument,
    year: YearOption = None,
    depth: Annotated[
        int | None, typer.Option("--depth", min=1, help="Levels below the instrument (default: all).")
    ] = None,
    store: StoreOption = None,
    output_format: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    sparql: Annotated[bool, typer.Option(
        "--sparql", help="Print the SPARQL queries that build the tree, ready to paste, and stop.")] = False,
    sort: Annotated[str, typer.Option("--sort", help="depth (then date), date, or lag (fastest first).")
                    ] = "depth",
) -> None:
    """The implementation tree of an instrument: documents that carry it out, each with its relation, its lag
    after the instrument asked about and after the one it carries out."""
    if sort not in ("depth", "date", "lag"):
        _fail(f"lexgraph implementers: --sort {sort!r}; use depth, date or lag", 2)
    graph = _open(store, Settings.from_env(), read_only=True)
    target = _lookup(graph, ident, year)
    if sparql:
        queries = Q.tree_sparql(graph, target)
        sys.stdout.write(queries[0] + "\n\n# Then, with the instruments that query finds:\n\n"
                         + "\n\n".join(queries[1:]) + "\n")
        return
    rows = Q.sort_tree(Q.implementers(graph, target, depth), sort)  # type: ignore[arg-type]
    if output_format == "json":
        sys.stdout.write(json.dumps([{
            "depth": r.depth, "iri": str(r.instrument.iri), "label": r.instrument.label,
            "relations": list(r.relations), "parent": str(r.parent), "jurisdiction": r.instrument.jurisdiction,
            "date": r.instrument.date.isoformat() if r.instrument.date else None, "lag_days": r.lag_days,
            "lag_from_parent": r.lag_from_parent,
            "in_corpus": r.instrument.in_corpus, "evidence": r.sentence,
        } for r in rows], ensure_ascii=False, indent=2) + "\n")
        return
    head = Q.describe(graph, [target])[target]
    table = Table("depth", "document", "relation", "jurisdiction", "date", f"days after {head.label}",
                  "days after parent", "full text", "carries out (parent)",
                  title=f"Implementation tree of {head.label} ({head.date or head.year or 'undated'})")
    labels = {r.instrument.iri: r.instrument.label for r in rows} | {target: head.label}
    for r in rows:
        table.add_row(str(r.depth), r.instrument.label, ", ".join(r.relations), r.instrument.jurisdiction or "",
                      str(r.instrument.date or ""), "" if r.lag_days is None else str(r.lag_days),
                      "" if r.lag_from_parent is None else str(r.lag_from_parent),
                      "yes" if r.instrument.in_corpus else "no", labels.get(r.parent, str(r.parent)))
    out.print(table)
    if not rows:
        err.print("nothing in the graph carries it out yet")


@app.command()
def cites(ident: IdArgument, year: YearOption = None, store: StoreOption = None) -> None:
    """What an instrument cites, or is described as linked to, with the sentence that says so."""
    graph = _open(store, Settings.from_env(), read_only=True)
    _print_edges(graph, Q.cites(graph, _lookup(graph, ident, year)), "cites")


@app.command("cited-by")
def cited_by(ident: IdArgument, year: YearOption = None, store: StoreOption = None) -> None:
    """Everything that cites an instrument, or is described as linked to it, with the sentence that says so."""
    graph = _open(store, Settings.from_env(), read_only=True)
    _print_edges(graph, Q.cited_by(graph, _lookup(graph, ident, year)), "cited by")


@app.command()
def status(
    ident: IdArgument,
    year: YearOption = None,
    on: Annotated[str | None, typer.Option("--on", help="The day to judge on, YYYY-MM-DD (default: today).")] = None,
    store: StoreOption = None,
) -> None:
    """Whether an instrument is in force, as far as the corpus knows: since when, until when, and what
    replaced, repealed or amended it, each with the sentence that says so."""
    try:
        day = date.fromisoformat(on) if on else None
    except ValueError:
        _fail(f"lexgraph status: --on {on!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-01-01", 2)
    graph = _open(store, Settings.from_env(), read_only=True)
    force = Q.status(graph, _lookup(graph, ident, year), day)
    out.print(f"{force.instrument.label}: {'in force' if force.in_force else 'not in force'} on {force.on}",
              markup=False)
    out.print(f"  {force.reason}", markup=False)
    if force.since:
        signing = " (from signing)" if force.from_signing else ""
        out.print(f"  enters into force: {force.since}{signing}", markup=False)
    if force.until:
        out.print(f"  last day in force: {force.until}", markup=False)
    if not force.changes:
        return
    table = Table("change", "by", "takes effect", "articles", "where", "evidence", show_lines=True)
    for c in force.changes:
        relation = c.relation if c.whole or c.relation == "amends" else f"{c.relation} (part)"
        table.add_row(relation, c.document.label, str(c.effective or ""), ", ".join(c.articles),
                      f"{c.source}:{c.line}" if c.source else "", c.sentence or "")
    out.print(table)


@app.command()
def stats(store: StoreOption = None) -> None:
    """What the graph holds: counts, edges by relation, the most cited instruments."""
    graph = _open(store, Settings.from_env(), read_only=True)
    for key, value in Q.stats(graph).items():
        if isinstance(value, list):
            out.print(f"{key}:", markup=False)
            for name, n in value:
                out.print(f"  {n:>6}  {name}", markup=False)
        elif isinstance(value, bool):
            out.print(f"{key}: {'yes: run lexgraph ingest again to finish it' if value else 'no'}", markup=False)
        else:
            out.print(f"{key}: {value}", markup=False)


@app.command("export")
def export_(
    output_format: Annotated[str, typer.Option("--format", help=f"One of: {', '.join(FORMATS)}.")] = "ttl",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write (default: stdout).")] = None,
    store: StoreOption = None,
) -> None:
    """Write the whole graph: RDF triples (ttl, nt, jsonld, rdfxml), quads (trig, nq), graphml, or csv of edges."""
    if output_format not in FORMATS:
        _fail(f"lexgraph export: unknown --format {output_format!r}; use one of {', '.join(FORMATS)}", 2)
    graph = _open(store, Settings.from_env(), read_only=True)
    if output is None:
        export(graph, output_format, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    else:
        with output.open("wb") as fh:
            export(graph, output_format, fh)


@app.command()
def validate(store: StoreOption = None) -> None:
    """Check the graph against the SHACL shapes (shapes.ttl); exit 1 when it does not conform."""
    graph = _open(store, Settings.from_env(), read_only=True)
    verdict = shacl_validate(graph)
    if verdict.conforms:
        out.print("the graph conforms to shapes.ttl")
        return
    out.print(verdict.report, markup=False)
    raise typer.Exit(1)


@app.command()
def view(
    ident: Annotated[str | None, typer.Argument(help="Number-symbol, citation, IRI or IRI path; omit with --all.")
                     ] = None,
    all_: Annotated[bool, typer.Option("--all", help="The whole corpus instead of one instrument.")] = False,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="HTML file to write "
                                                "(default build/views/<name>.html).")] = None,
    depth: Annotated[int, typer.Option("--depth", min=1, max=6, help="With --neighbourhood: edges away from the "
                                       "instrument.")] = 2,
    direction: Annotated[str, typer.Option("--direction", help="With --neighbourhood: up, down or both.")] = "both",
    hierarchical: Annotated[bool | None, typer.Option(
        "--hierarchical/--physics", help="With --neighbourhood: layered layout (default) or force layout.")] = None,
    lag: Annotated[bool, typer.Option("--lag", help="The chart of how fast it was carried out, by province.")
                   ] = False,
    neighbourhood: Annotated[bool, typer.Option(
        "--neighbourhood", help="Every instrument within --depth edges (--direction) instead of the implementation "
                                "tree.")] = False,
    year: YearOption = None,
    store: StoreOption = None,
) -> None:
    """Write an interactive HTML view (works offline): one instrument's implementation tree (or, with
    --neighbourhood, what lies within --depth edges of it), or --all; with --lag, the chart of the days from it
    to each document that carries it out."""
    from graph.lag_chart import lag_chart
    from graph.views import corpus_view, ego_view, tree_view

    if direction not in ("up", "down", "both"):
        _fail(f"lexgraph view: --direction {direction!r}; use up, down or both", 2)
    if all_ == (ident is not None):
        _fail("lexgraph view: give an instrument, or --all", 2)
    graph = _open(store, Settings.from_env(), read_only=True)
    if all_:
        page = corpus_view(graph)
        name = "corpus"
    else:
        target = _lookup(graph, ident, year)  # type: ignore[arg-type]
        if lag:
            page = lag_chart(graph, target)
        elif neighbourhood:
            page = ego_view(graph, target, depth, direction, True if hierarchical is None else hierarchical)  # type: ignore[arg-type]
        else:
            page = tree_view(graph, target)
        name = (graph.iris.path_of(str(target)) or "view").replace("/", "-") + ("-lag" if lag else "")
    path = output or Path("build") / "views" / f"{name}.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page.html, encoding="utf-8")
    err.print(f"{page.title}: {page.nodes} instruments, {page.edges} edges -> {path}", markup=False)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    store: StoreOption = None,
    write_token: Annotated[str | None, _setting("write_token", "--write-token")] = None,
    timeout: Annotated[float | None, _setting("query_timeout", "--timeout", min=0)] = None,
    row_limit: Annotated[int | None, _setting("row_limit", "--row-limit", min=0)] = None,
    workers: Annotated[int | None, _setting("query_workers", "--workers", min=1)] = None,
    allow_load: Annotated[list[str] | None, _setting("allow_load", "--allow-load")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", help="Log only failures and slow requests, not every "
                                                        "request.")] = False,
) -> None:
    """Serve the graph over HTTP: a SPARQL 1.1 endpoint at /sparql and the REST API."""
    import uvicorn

    from api.app import create_app
    from api.limits import LongUrlHttpTools

    try:
        settings = Settings.from_env()
    except ValueError as exc:
        _fail(f"lexgraph serve: {exc}", 2)
    changes = {"store": store, "write_token": write_token, "query_timeout": timeout, "row_limit": row_limit,
               "query_workers": workers, "endpoint": _endpoint[0] if _endpoint else None,
               "allow_load": tuple(p for prefix in allow_load or () for p in prefix.split()) or None}
    settings = replace(settings, **{k: v for k, v in changes.items() if v is not None})
    try:
        application = create_app(settings, url=f"http://{host}:{port}")
    except (StoreError, ValueError) as exc:
        _fail(f"lexgraph serve: {exc}", 2)
    url = f"http://{host}:{port}"
    mode = "read-write" if settings.write_token else "read-only"
    err.print(f"serving {settings.endpoint or settings.store} ({mode}):\n"
              f"  SPARQL endpoint and query page  {url}/sparql\n"
              f"  REST API (OpenAPI)              {url}/openapi.json\n"
              f"  e.g.                            {url}/documents/11/NQ-CP/implementations?year=2022", markup=False)
    # The server's own log: a line per request (`lexgraph.access`), every query stopped and why; --quiet
    # keeps only failures and slow requests.
    logging.basicConfig(format="%(asctime)s %(name)s %(message)s", level=logging.WARNING)
    logging.getLogger("lexgraph").setLevel(logging.WARNING if quiet else logging.INFO)
    uvicorn.run(application, host=host, port=port, log_level="warning", http=LongUrlHttpTools)


def _open(store: Path | None, settings: Settings, base: str | None = None, read_only: bool = False) -> GraphStore:
    endpoint = _endpoint[0] if _endpoint else settings.endpoint
    location = store or settings.store
    if not read_only and endpoint is None and (server := served_by(location)) is not None:
        _fail(f"lexgraph: {location} is being served read-only by lexgraph serve (process {server.pid}, "
              f"{server.url}), which would go on answering from the store as it was; stop the server first, or "
              f"serve with --write-token and send the documents to {server.url}/documents", 2)
    try:
        return GraphStore.open(location, base=base, read_only=read_only, endpoint=endpoint)
    except (StoreError, ValueError) as exc:
        _fail(f"lexgraph: {exc}", 2)
    raise AssertionError("unreachable")


def _lookup(graph: GraphStore, ident: str, year: int | None):
    try:
        return Q.lookup_one(graph, ident, year)
    except Q.LookupFailed as exc:
        err.print(f"lexgraph: {exc}", markup=False)
        for c in exc.candidates:
            path = graph.iris.path_of(str(c.iri)) or str(c.iri)
            err.print(f"  {path}  {c.label}  {c.jurisdiction or ''} {c.date or c.year or 'undated'}", markup=False)
        raise typer.Exit(1) from None


def _print_edges(graph: GraphStore, rows: list[Q.EdgeRow], heading: str) -> None:
    stated = Q.describe(graph, [r.stated_in for r in rows])
    table = Table(heading, "relation", "date", "stated in", "where", "evidence", show_lines=True)
    for r in rows:
        where = f"{r.source}:{r.line}" if r.source else ""
        table.add_row(r.other.label, ", ".join(r.relations), str(r.other.date or r.other.year or ""),
                      stated[r.stated_in].label if r.stated_in in stated else str(r.stated_in), where,
                      r.sentence or "")
    out.print(table)


def _term(term: object) -> str:
    if term is None:
        return ""
    return str(getattr(term, "value", term))


def _fail(message: str, code: int) -> None:
    err.print(message, markup=False)
    raise typer.Exit(code)


if __name__ == "__main__":
    app()
