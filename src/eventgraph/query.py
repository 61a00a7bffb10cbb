"""SPARQL over graphs in the eventgraph contract, with common prefixes predeclared."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from importlib import resources

from rdflib import Graph, Namespace
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from .errors import QueryError
from .namespace import EG

PREFIXES = {
    "eg": Namespace(str(EG)),
    "rdf": RDF,
    "rdfs": RDFS,
    "skos": SKOS,
    "xsd": XSD,
    "schema": Namespace("https://schema.org/"),
}


@dataclass(frozen=True)
class QueryResult:
    """A query's answer as plain strings: IRIs as IRIs, literals as their lexical form."""

    variables: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]


def run_query(graph: Graph, sparql: str) -> QueryResult:
    """Run SELECT, ASK, CONSTRUCT or DESCRIBE; rows come sorted unless the query orders them."""
    try:
        result = graph.query(sparql, initNs=PREFIXES)
    except Exception as exc:  # pyparsing and rdflib raise several unrelated types
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise QueryError(f"the SPARQL query does not parse or run: {message}; check its syntax and prefixes") from exc
    if result.type == "ASK":
        return QueryResult(("ask",), ((str(bool(result.askAnswer)).lower(),),))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        rows = tuple(sorted(tuple(_text(term) for term in triple) for triple in result.graph))
        return QueryResult(("subject", "predicate", "object"), rows)
    variables = tuple(str(v) for v in result.vars)
    rows = [tuple(_text(row[i]) for i in range(len(variables))) for row in result]
    if "order by" not in sparql.lower():
        rows.sort(key=lambda row: tuple(value or "" for value in row))
    return QueryResult(variables, tuple(rows))


def _text(term) -> str | None:
    if term is None:
        return None
    return str(term)


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """The result as an aligned text table, CSV, or SPARQL 1.1 JSON results."""
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(result.variables)
        writer.writerows(["" if value is None else value for value in row] for row in result.rows)
        return buffer.getvalue().rstrip("\n")
    if fmt == "json":
        return json.dumps(_sparql_json(result), indent=2, ensure_ascii=False)
    if fmt != "table":
        raise QueryError(f"unknown result format {fmt!r}; use table, csv or json")
    return _table(result)


def _sparql_json(result: QueryResult) -> dict:
    if result.variables == ("ask",) and len(result.rows) == 1 and result.rows[0][0] in ("true", "false"):
        return {"head": {}, "boolean": result.rows[0][0] == "true"}
    bindings = []
    for row in result.rows:
        binding = {}
        for name, value in zip(result.variables, row):
            if value is None:
                continue
            kind = "uri" if value.startswith(("http://", "https://", "urn:")) else "literal"
            binding[name] = {"type": kind, "value": value}
        bindings.append(binding)
    return {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}


def _table(result: QueryResult) -> str:
    cells = [list(result.variables)] + [["" if v is None else v for v in row] for row in result.rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(result.variables))]
    lines = ["  ".join(value.ljust(width) for value, width in zip(row, widths)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * width for width in widths))
    count = len(result.rows)
    lines.append(f"({count} row{'s' if count != 1 else ''})")
    return "\n".join(lines)


def shipped_queries() -> dict[str, str]:
    """The example queries bundled with eventgraph: name (file stem) -> SPARQL text."""
    folder = resources.files("eventgraph.queries")
    return {
        entry.name[: -len(".rq")]: entry.read_text(encoding="utf-8")
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".rq")
    }
