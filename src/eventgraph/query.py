"""SPARQL over graphs in the eventgraph contract, with the usual prefixes predeclared.

Results come back as plain strings (IRIs as IRIs, literals as their lexical
form) so that callers, the CLI and tests compare them without rdflib types.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from importlib import resources

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import Node

from .errors import QueryError
from .namespace import EG_IRI

PREFIXES: dict[str, Namespace] = {
    "eg": Namespace(EG_IRI),
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "skos": Namespace(str(SKOS)),
    "xsd": Namespace(str(XSD)),
    "schema": Namespace("https://schema.org/"),
}
FORMATS = ("table", "csv", "json")
TRIPLE_VARIABLES = ("subject", "predicate", "object")
# algebra nodes that may sit above a query's ORDER BY without undoing its order
_ORDER_PRESERVING = ("Project", "Distinct", "Reduced", "Slice", "ToMultiSet")


@dataclass(frozen=True)
class QueryResult:
    """A query's answer: SELECT variables and rows; ASK is ("ask",) with one "true"/"false" row;
    CONSTRUCT and DESCRIBE are (subject, predicate, object) rows.

    `terms` keeps the rdflib terms behind the strings, only so that JSON output can say
    which values are IRIs, blank nodes or typed literals; it takes no part in equality.
    """

    variables: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]
    terms: tuple[tuple[Node | None, ...], ...] = field(default=(), compare=False, repr=False)


def run_query(graph: Graph, sparql: str) -> QueryResult:
    """Run SELECT, ASK, CONSTRUCT or DESCRIBE; rows come sorted unless the query orders them."""
    query = _prepare(sparql)
    try:
        result = graph.query(query)
    except Exception as exc:  # evaluation errors come as many unrelated types
        raise QueryError(f"the SPARQL query cannot run: {_first_line(exc)}; check the functions and values it uses") from exc
    if result.type == "ASK":
        return QueryResult(("ask",), ((_boolean(result.askAnswer),),))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return _from_terms(TRIPLE_VARIABLES, list(result.graph), ordered=False)
    variables = tuple(str(v) for v in result.vars or ())
    term_rows = [tuple(row[i] for i in range(len(variables))) for row in result]
    return _from_terms(variables, term_rows, ordered=_is_ordered(query))


def _prepare(sparql: str) -> Query:
    """Parse and translate, turning the parser's many exception types into one QueryError."""
    try:
        return prepareQuery(sparql, initNs=PREFIXES)
    except Exception as exc:  # pyparsing.ParseException, or a plain Exception for an unknown prefix
        predeclared = ", ".join(f"{prefix}:" for prefix in PREFIXES)
        raise QueryError(
            f"the SPARQL query does not parse: {_first_line(exc)}; check its syntax there "
            f"({predeclared} are predeclared, other prefixes need a PREFIX line; updates are not supported)"
        ) from exc


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _is_ordered(query: Query) -> bool:
    """Whether the outermost solution sequence comes from an ORDER BY (a subquery's does not count)."""
    node = query.algebra.get("p")
    while node is not None and getattr(node, "name", None) in _ORDER_PRESERVING:
        node = node.get("p")
    return getattr(node, "name", None) == "OrderBy"


def _boolean(answer) -> str:
    return "true" if answer else "false"


def _from_terms(variables: tuple[str, ...], term_rows: list[tuple], ordered: bool) -> QueryResult:
    """Strings for rdflib terms; sorted (None first) unless the query fixed an order."""
    pairs = [(tuple(_text(term) for term in row), tuple(row)) for row in term_rows]
    if not ordered:
        pairs.sort(key=lambda pair: tuple((value is not None, value or "") for value in pair[0]))
    return QueryResult(variables, tuple(text for text, _ in pairs), tuple(terms for _, terms in pairs))


def _text(term: Node | None) -> str | None:
    """IRIs as they are, literals as their lexical form, unbound as None."""
    return None if term is None else str(term)


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """The result as an aligned text table, CSV, or the SPARQL 1.1 JSON results format."""
    if fmt == "table":
        return _table(result)
    if fmt == "csv":
        return _csv(result)
    if fmt == "json":
        return json.dumps(_sparql_json(result), indent=2, ensure_ascii=False)
    raise QueryError(f"unknown result format {fmt!r}; use {', '.join(FORMATS)}")


def _cells(result: QueryResult) -> list[list[str]]:
    return [["" if value is None else value for value in row] for row in result.rows]


def _table(result: QueryResult) -> str:
    """Header, a rule, rows in columns two spaces apart, and a row count."""
    cells = [list(result.variables), *_cells(result)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(result.variables))]
    lines = ["  ".join(value.ljust(width) for value, width in zip(row, widths)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * width for width in widths))
    count = len(result.rows)
    lines.append(f"({count} row{'' if count == 1 else 's'})")
    return "\n".join(lines)


def _csv(result: QueryResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.variables)
    writer.writerows(_cells(result))
    return buffer.getvalue().rstrip("\n")


def _sparql_json(result: QueryResult) -> dict:
    """https://www.w3.org/TR/sparql11-results-json/: ASK as "boolean", SELECT as "bindings"."""
    if result.variables == ("ask",) and result.rows in ((("true",),), (("false",),)):
        return {"head": {}, "boolean": result.rows[0][0] == "true"}
    term_rows = result.terms if len(result.terms) == len(result.rows) else [(None,) * len(row) for row in result.rows]
    bindings = []
    for row, terms in zip(result.rows, term_rows):
        bindings.append(
            {name: _json_term(value, term) for name, value, term in zip(result.variables, row, terms) if value is not None}
        )
    return {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}


def _json_term(value: str, term: Node | None) -> dict:
    """One RDF term; without the rdflib term, a value that looks like an IRI is taken for one."""
    if isinstance(term, Literal):
        out = {"type": "literal", "value": value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype:
            out["datatype"] = str(term.datatype)
        return out
    if isinstance(term, BNode):
        return {"type": "bnode", "value": value}
    if isinstance(term, URIRef) or (term is None and value.startswith(("http://", "https://", "urn:"))):
        return {"type": "uri", "value": value}
    return {"type": "literal", "value": value}


def shipped_queries() -> dict[str, str]:
    """The example queries bundled with eventgraph: name (file stem) -> SPARQL text."""
    folder = resources.files("eventgraph.queries")
    return {
        entry.name.removesuffix(".rq"): entry.read_text(encoding="utf-8")
        for entry in sorted(folder.iterdir(), key=lambda entry: entry.name)
        if entry.name.endswith(".rq")
    }
