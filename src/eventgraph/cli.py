"""The `eventgraph` command: thin Typer commands over the library functions.

Errors the user can fix are printed as one line on stderr (no traceback unless
--debug) and exit with a non-zero code:

    1  bad input or options (EventGraphError)
    2  bad command-line usage (Typer/Click)
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from .errors import EventGraphError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn news articles about diplomatic and commemorative events into a knowledge graph.",
)


@app.callback()
def main(ctx: typer.Context, debug: bool = typer.Option(False, "--debug", help="Show tracebacks for errors.")) -> None:
    ctx.obj = {"debug": debug}


def _fail(ctx: typer.Context, error: EventGraphError) -> None:
    """Print the error as one line and exit 1 (or re-raise it under --debug)."""
    if (ctx.obj or {}).get("debug"):
        raise error
    typer.echo(f"eventgraph: error: {error}", err=True)
    raise typer.Exit(1)


@app.command()
def build(
    ctx: typer.Context,
    inputs: List[Path] = typer.Argument(None, help="Directories (all *.txt below), .txt or .jsonl files. Default: the bundled sample articles."),
    out_dir: Path = typer.Option(Path("output"), "-o", "--out-dir", help="Where graph.ttl and graph.html go."),
    formats: str = typer.Option("ttl", "--format", help="Comma-separated: ttl,nt,nq,trig,jsonld,xml."),
    base_iri: str = typer.Option(None, "--base-iri", help="Base IRI for resources (default https://w3id.org/eventgraph/id/)."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy model name or path."),
    no_html: bool = typer.Option(False, "--no-html", help="Do not write graph.html."),
    title: str = typer.Option("eventgraph", "--title", help="Title of the HTML view."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing but errors."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Processes running spaCy (the output is the same for any number)."),
    update: Optional[Path] = typer.Option(
        None, "--update", metavar="DIR",
        help="Incremental build into DIR: its cache supplies unchanged articles; the build covers DIR's last build plus INPUTS.",
    ),
) -> None:
    """Extract a graph from articles and write it (Turtle and an HTML network view by default)."""
    from .build import build as run_build
    from .config import Config
    from .export import parse_formats
    from .namespace import DEFAULT_BASE_IRI

    try:
        config = Config(model=model, base_iri=base_iri or DEFAULT_BASE_IRI, progress=not quiet, jobs=jobs)
        target = update if update is not None else out_dir
        result = run_build(inputs or None, target, parse_formats(formats), config, html=not no_html, title=title, update=update is not None)
    except EventGraphError as error:
        _fail(ctx, error)
    if not quiet:
        reused = f" ({result.articles - result.extracted} from the cache)" if update is not None else ""
        typer.echo(f"{result.articles} articles{reused} -> {result.triples} triples")
        for path in result.files:
            typer.echo(f"  wrote {path}")
        ttl = next((p for p in result.files if p.suffix == ".ttl"), None)
        if ttl is not None:
            typer.echo(f"try: eventgraph query {ttl} 'SELECT ?person WHERE {{ ?e eg:speaker/rdfs:label ?person }}'")


@app.command()
def view(
    ctx: typer.Context,
    graphs: List[Path] = typer.Argument(..., help="Graph files in the eventgraph contract (any RDF format)."),
    output: Path = typer.Option(Path("graph.html"), "-o", "--output", help="The HTML file to write."),
    title: str = typer.Option("eventgraph", "--title"),
) -> None:
    """Render the interactive HTML network view of graph files."""
    from .export import atomic_write, read_graph
    from .view import render_html

    try:
        atomic_write(output, render_html(read_graph(graphs), title=title))
    except EventGraphError as error:
        _fail(ctx, error)
    typer.echo(f"wrote {output}")


@app.command()
def query(
    ctx: typer.Context,
    args: List[str] = typer.Argument(..., metavar="GRAPH... [QUERY]", help="Graph files, then the SPARQL query text as the last argument (unless -f)."),
    file: Optional[Path] = typer.Option(None, "-f", "--file", help="Read the query from a .rq file."),
    fmt: str = typer.Option("table", "--format", help="table, csv or json."),
) -> None:
    """Run a SPARQL query over graph files (eg:, rdfs:, skos:, xsd:, schema: prefixes are predeclared)."""
    from .errors import InputError
    from .export import read_graph
    from .query import format_result, run_query

    try:
        paths = list(args)
        if file is not None:
            try:
                sparql = file.read_text(encoding="utf-8")
            except OSError as exc:
                raise InputError(f"cannot read query file {file}: {exc.strerror or exc}") from exc
        else:
            if len(paths) < 2:
                raise InputError("give one or more graph files and then the query, or the query with -f FILE.rq")
            sparql = paths.pop()
        if fmt not in ("table", "csv", "json"):
            raise InputError(f"unknown --format {fmt!r}; use table, csv or json")
        result = run_query(read_graph(paths), sparql)
        typer.echo(format_result(result, fmt))
    except EventGraphError as error:
        _fail(ctx, error)


@app.command()
def evaluate(
    ctx: typer.Context,
    graphs: List[Path] = typer.Argument(..., help="Graph files to score."),
    gold: Path = typer.Option(..., "--gold", help="Gold annotations (JSON, see ANNOTATION.md)."),
    ontology: Optional[Path] = typer.Option(None, "--ontology", help="Ontology for subclass reasoning (default: the bundled one)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="List every false positive and false negative."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Also write the scores as JSON."),
) -> None:
    """Score graph files against gold annotations: P/R/F1 per type and relation, split and merged entities."""
    import json

    from .evaluate import evaluate as run_evaluate
    from .evaluate import format_report, load_gold, to_json
    from .export import atomic_write, read_graph
    from .ontology import ontology_path

    try:
        graph = read_graph([*graphs, ontology or ontology_path()])
        result = run_evaluate(load_gold(gold), graph)
    except EventGraphError as error:
        _fail(ctx, error)
    typer.echo(format_report(result, verbose=verbose))
    if json_out is not None:
        atomic_write(json_out, json.dumps(to_json(result), indent=1))


def run() -> None:  # pragma: no cover - console entry point for python -m
    app(prog_name="eventgraph")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run())
