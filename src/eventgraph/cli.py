"""The `eventgraph` command: thin Typer commands over the library functions.

Errors the user can fix are printed as one line on stderr (no traceback unless
--debug) and exit with a non-zero code:

    0    done (documents repaired on reading are listed, but the build succeeded)
    1    bad input, options or output (EventGraphError); nothing was written
    2    bad command-line usage (Typer/Click)
    3    build: done, but some documents were skipped (each is listed on stderr)
    130  interrupted (Ctrl-C); the previous output is unchanged
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from .corpus import MAX_ARTICLE_CHARS
from .errors import EventGraphError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn news articles about diplomatic and commemorative events into a knowledge graph.",
)


@app.callback()
def main(ctx: typer.Context, debug: bool = typer.Option(False, "--debug", help="Show tracebacks for errors.")) -> None:
    ctx.obj = {"debug": debug}


EXIT_SKIPPED = 3
EXIT_INTERRUPTED = 130


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
    formats: str = typer.Option("ttl", "--format", help="Comma-separated: ttl,nt,nq,trig,jsonld,xml, and graphml,gexf for the network (Gephi, Cytoscape)."),
    base_iri: str = typer.Option(None, "--base-iri", help="Base IRI for resources (default https://w3id.org/eventgraph/id/)."),
    model: Optional[str] = typer.Option(None, "--model", help="spaCy model name or path."),
    no_html: bool = typer.Option(False, "--no-html", help="Do not write graph.html."),
    title: str = typer.Option("eventgraph", "--title", help="Title of the HTML view."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print nothing but errors and skipped or repaired documents."),
    no_validate: bool = typer.Option(False, "--no-validate", help="Skip the SHACL check of the graph before writing (for very large corpora)."),
    materialize: bool = typer.Option(False, "--materialize", help="Add the schema.org/FOAF/ORG/PROV types and properties the ontology implies."),
    strict: bool = typer.Option(False, "--strict", help="Stop at the first bad document instead of skipping it (exit 1)."),
    max_chars: int = typer.Option(MAX_ARTICLE_CHARS, "--max-chars", help="Read at most this many characters of an article (longer ones are cut at a paragraph break, with a warning)."),
    jobs: int = typer.Option(
        0, "--jobs", "-j", min=0,
        help="Processes running spaCy; 0: one per core (up to 8) for 64 articles or more. The output is the same for any number.",
    ),
    update: Optional[Path] = typer.Option(
        None, "--update", metavar="DIR",
        help="Incremental build into DIR: its cache supplies unchanged articles; the build covers DIR's last build plus INPUTS.",
    ),
) -> None:
    """Extract a graph from articles and write it (Turtle and an HTML network view by default).

    A bad document (empty, binary, invalid JSON, duplicate id, ...) is reported with its file
    and line and skipped; the build goes on and exits with code 3. --strict stops at the first.
    """
    from .build import build as run_build
    from .config import Config
    from .export import parse_formats
    from .namespace import DEFAULT_BASE_IRI
    from .view.network_files import NETWORK_FORMATS

    try:
        config = Config(model=model, base_iri=base_iri or DEFAULT_BASE_IRI, progress=not quiet, jobs=jobs)
        target = update if update is not None else out_dir
        result = run_build(
            inputs or None, target, parse_formats(formats, also=NETWORK_FORMATS), config, html=not no_html, title=title,
            validate=not no_validate, materialize=materialize, strict=strict, max_chars=max_chars, update=update is not None,
        )
    except EventGraphError as error:
        _fail(ctx, error)
    except KeyboardInterrupt:
        typer.echo(f"eventgraph: interrupted; the previous output in {out_dir} is unchanged", err=True)
        raise typer.Exit(EXIT_INTERRUPTED)
    except Exception as error:  # a bug: still one line, the traceback under --debug
        if (ctx.obj or {}).get("debug"):
            raise
        typer.echo(f"eventgraph: internal error: {type(error).__name__}: {error}; run with --debug and report it", err=True)
        raise typer.Exit(1)
    for problem in result.problems:
        if problem.action != "noted" or not quiet:
            typer.echo(f"eventgraph: {problem.action} {problem.where}: {problem.reason}", err=True)
    if not quiet:
        reused = f" ({result.articles - result.extracted} from the cache)" if update is not None else ""
        typer.echo(f"{result.articles} articles{reused} -> {result.triples} triples")
        if result.validation is not None and result.validation.problems:
            typer.echo(f"  conforms to the shapes, with {result.validation.summary()}: see `eventgraph validate`")
        for path in result.files:
            typer.echo(f"  wrote {path}")
        ttl = next((p for p in result.files if p.suffix == ".ttl"), None)
        if ttl is not None:
            typer.echo(f"try: eventgraph query {ttl} 'SELECT ?person WHERE {{ ?e eg:speaker/rdfs:label ?person }}'")
    if result.skipped:
        total = result.articles + len(result.skipped)
        typer.echo(
            f"eventgraph: {len(result.skipped)} of {total} documents skipped (listed above); "
            "fix them or use --strict to stop at the first",
            err=True,
        )
        raise typer.Exit(EXIT_SKIPPED)


@app.command()
def view(
    ctx: typer.Context,
    graphs: List[Path] = typer.Argument(..., help="Graph files in the eventgraph contract (any RDF format; several are merged)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="The file to write (default graph.html, graph.graphml or graph.gexf)."),
    title: str = typer.Option("eventgraph", "--title", help="Title of the page."),
    fmt: str = typer.Option("html", "--format", help="html (the interactive view), graphml or gexf (the network for Gephi, Cytoscape)."),
    # 2000 = view.html.DEFAULT_MAX_NODES, kept literal because cli.py imports the view lazily (tested)
    max_nodes: int = typer.Option(2000, "--max-nodes", help="Above this many nodes the view starts from the most connected ones."),
    types: Optional[str] = typer.Option(None, "--types", help="Comma-separated types to show, e.g. Person,Embassy,Event (default: all)."),
    size_by: str = typer.Option("degree", "--size-by", help="Node size by degree or betweenness centrality."),
    color_by: str = typer.Option("type", "--color-by", help="Colour nodes by type or by Louvain community."),
) -> None:
    """Render the interactive HTML network view of graph files (or write the network as GraphML/GEXF)."""
    from .errors import ConfigError
    from .export import atomic_write, read_graph
    from .view import render_html
    from .view.html import select_types
    from .view.network_files import NETWORK_FORMATS, serialize_network
    from .view.network import to_networkx

    wanted = [name.strip() for name in (types or "").split(",") if name.strip()]
    try:
        if fmt not in ("html", *NETWORK_FORMATS):
            raise ConfigError(f"unknown --format {fmt!r}; use html, {', '.join(NETWORK_FORMATS)}")
        graph = read_graph(graphs)
        if fmt == "html":
            target = output or Path("graph.html")
            data: str | bytes = render_html(graph, title=title, max_nodes=max_nodes, types=wanted, size_by=size_by, color_by=color_by)
        else:
            target = output or Path(f"graph{NETWORK_FORMATS[fmt]}")
            data = serialize_network(select_types(to_networkx(graph), wanted), fmt)
        atomic_write(target, data)
    except EventGraphError as error:
        _fail(ctx, error)
    typer.echo(f"wrote {target}")


@app.command()
def stats(
    ctx: typer.Context,
    graphs: List[Path] = typer.Argument(..., help="Graph files in the eventgraph contract (any RDF format)."),
    top: int = typer.Option(5, "--top", help="How many nodes each ranking lists."),
    json_out: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Network analysis: counts by type and relation, the most connected and most central people,
    missions and organizations (degree, betweenness), connected components, Louvain communities."""
    import json

    from .export import read_graph
    from .view.analysis import format_stats, network_stats, stats_to_json
    from .view.network import to_networkx

    try:
        result = network_stats(to_networkx(read_graph(graphs)), top=top)
    except EventGraphError as error:
        _fail(ctx, error)
    typer.echo(json.dumps(stats_to_json(result), indent=1, ensure_ascii=False) if json_out else format_stats(result))


@app.command()
def query(
    ctx: typer.Context,
    args: List[str] = typer.Argument(..., metavar="GRAPH... [QUERY]", help="Graph files (any RDF format; TriG and N-Quads keep their named graphs), then the SPARQL query text as the last argument (unless -f)."),
    file: Optional[Path] = typer.Option(None, "-f", "--file", help="Read the query from a .rq file."),
    fmt: str = typer.Option("table", "--format", help="table, csv or json."),
    params: List[str] = typer.Option([], "--param", "-p", metavar="NAME=VALUE", help="Bind ?NAME to an RDF term: <IRI>, prefix:name, '\"text\"', '\"text\"@en', '\"2024-02-26\"^^xsd:date', 42, true; other text is a plain string. Repeatable."),
    store: str = typer.Option("rdflib", "--store", help="rdflib, or oxigraph (pyoxigraph) for large graphs; same answers."),
    timeout: Optional[float] = typer.Option(None, "--timeout", metavar="SECONDS", help="Stop the query after this many seconds."),
    allow_update: bool = typer.Option(False, "--allow-update", help="Run a SPARQL Update (on an in-memory copy: the files are never changed)."),
    allow_service: bool = typer.Option(False, "--allow-service", help="Allow SERVICE, LOAD and FROM of graphs not loaded, which reach the network."),
) -> None:
    """Run a SPARQL query over graph files (eg:, rdf:, rdfs:, skos:, xsd:, schema:, prov: prefixes are predeclared).

    Without GRAPH, a query sees the union of all graphs in the files; GRAPH ?g { ... } sees
    the named graphs of TriG and N-Quads files.
    """
    from .errors import InputError
    from .query import FORMATS, STORES, format_result, load_data, parse_params, run_query

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
        if fmt not in FORMATS:
            raise InputError(f"unknown --format {fmt!r}; use {', '.join(FORMATS)}")
        if store not in STORES:
            raise InputError(f"unknown --store {store!r}; use {' or '.join(STORES)}")
        bindings = parse_params(params)
        data = load_data(paths, store)
        result = run_query(data, sparql, bindings, allow_update=allow_update, allow_service=allow_service, timeout=timeout)
        typer.echo(format_result(result, fmt))
        if result.variables == ("update",):
            typer.echo("eventgraph: the update changed an in-memory copy only; the graph files are unchanged", err=True)
    except EventGraphError as error:
        _fail(ctx, error)


@app.command()
def load(
    ctx: typer.Context,
    graph: Path = typer.Argument(..., help="The graph file to send (.ttl, .nt, .rdf, .jsonld; .trig/.nq go to the dataset)."),
    endpoint: str = typer.Option(..., "--endpoint", help="The Graph Store Protocol URL, e.g. http://localhost:7878/store or http://localhost:3030/ds/data."),
    graph_iri: Optional[str] = typer.Option(None, "--graph", help="Load into this named graph (default: the default graph)."),
    replace: bool = typer.Option(False, "--replace", help="Replace the graph's content (HTTP PUT) instead of adding to it (POST)."),
    user: Optional[str] = typer.Option(None, "--user", help="User name for HTTP basic authentication; the password is read from $EVENTGRAPH_PASSWORD."),
    timeout: float = typer.Option(60.0, "--timeout", metavar="SECONDS", help="Give up when the store does not answer in time."),
) -> None:
    """Send a graph file to a triple store over the SPARQL 1.1 Graph Store HTTP Protocol."""
    from .load import load_graph

    try:
        outcome = load_graph(graph, endpoint, graph_iri=graph_iri, replace=replace, user=user, timeout=timeout)
    except EventGraphError as error:
        _fail(ctx, error)
    typer.echo(outcome)


@app.command()
def validate(
    ctx: typer.Context,
    graphs: List[Path] = typer.Argument(..., help="Graph files (any RDF format); they are checked as one graph."),
    shapes: Optional[Path] = typer.Option(None, "--shapes", help="SHACL shapes in Turtle (default: the bundled ontology/shapes.ttl)."),
    limit: int = typer.Option(100, "--limit", help="Show at most this many problems in detail (0: all); the counts are always complete."),
) -> None:
    """Check graph files against the eventgraph SHACL shapes; exit 1 if they do not conform."""
    from .export import read_graph
    from .validate import format_report, load_shapes, validate_graph

    try:
        report = validate_graph(read_graph(graphs), load_shapes(shapes), shapes.name if shapes else "shapes.ttl")
    except EventGraphError as error:
        _fail(ctx, error)
    typer.echo(format_report(report, limit=limit or None))
    if not report.conforms:
        raise typer.Exit(1)


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
        typer.echo(format_report(result, verbose=verbose))
        if json_out is not None:
            atomic_write(json_out, json.dumps(to_json(result), indent=1))
    except EventGraphError as error:
        _fail(ctx, error)


def run() -> None:  # pragma: no cover - console entry point for python -m
    app(prog_name="eventgraph")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run())
