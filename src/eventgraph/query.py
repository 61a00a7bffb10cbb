"""SPARQL over graphs in the eventgraph contract, with the usual prefixes predeclared.

Results come back as plain strings (IRIs as IRIs, literals as their lexical
form) so that callers, the CLI and tests compare them without rdflib types.

The same request runs on rdflib (a `Graph` or `Dataset`, see `export.read_dataset`)
or on pyoxigraph (a `pyoxigraph.Store`, see `oxigraph_store.load_store`) with the same
answers: both see the union of all graphs as the default graph, bind `params` to the
variables the query selects, and return rdflib terms. Before either runs, the request
is parsed by rdflib and checked: SPARQL Update, SERVICE and FROM of a graph that is not
loaded (which rdflib would fetch) are refused unless allowed.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import re
import threading
import warnings
from decimal import Decimal
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Callable, Iterator, Mapping, Sequence

from rdflib import BNode, Dataset, Graph, Literal, Namespace, URIRef, Variable
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID, ConjunctiveGraph
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.algebra import translateUpdate
from rdflib.plugins.sparql.parser import parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query, Update
from rdflib.term import Node

from .errors import ConfigError, QueryError
from .namespace import EG_IRI

PREFIXES: dict[str, Namespace] = {
    "eg": Namespace(EG_IRI),
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "skos": Namespace(str(SKOS)),
    "xsd": Namespace(str(XSD)),
    "schema": Namespace("https://schema.org/"),
    "prov": Namespace(str(PROV)),
}
FORMATS = ("table", "csv", "json")
STORES = ("rdflib", "oxigraph")
TRIPLE_VARIABLES = ("subject", "predicate", "object")
# algebra nodes that may sit above a query's ORDER BY without undoing its order
_ORDER_PRESERVING = ("Project", "Distinct", "Reduced", "Slice", "ToMultiSet")


class QueryTimeout(QueryError):
    """A query that ran past its time limit and was stopped."""


@dataclass(frozen=True)
class QueryResult:
    """A query's answer: SELECT variables and rows; ASK is ("ask",) with one "true"/"false" row;
    CONSTRUCT and DESCRIBE are (subject, predicate, object) rows; an allowed update is
    ("update",) with one "done" row.

    `terms` keeps the rdflib terms behind the strings, only so that JSON output can say
    which values are IRIs, blank nodes or typed literals; it takes no part in equality.
    """

    variables: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]
    terms: tuple[tuple[Node | None, ...], ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class Answer:
    """What an engine returns before formatting: a kind, variables and rows of rdflib terms."""

    kind: str  # "SELECT", "ASK", "CONSTRUCT", "DESCRIBE" or "UPDATE"
    variables: tuple[str, ...] = ()
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool = False


def run_query(
    data: Graph | Any,
    sparql: str,
    params: Mapping[str, Node | str] | None = None,
    *,
    allow_update: bool = False,
    allow_service: bool = False,
    timeout: float | None = None,
) -> QueryResult:
    """Run SELECT, ASK, CONSTRUCT or DESCRIBE (or an allowed update) on rdflib or pyoxigraph data.

    `params` binds variables the query selects to RDF terms (rdflib terms, or text in the
    syntax of `parse_value`); rows come sorted unless the query orders them. With `timeout`
    (seconds) the query runs in a worker process that is killed when time is up; an update
    run that way changes only the worker's copy of the data.
    """
    request = parse_request(sparql)
    bindings = {name: value if isinstance(value, Node) else parse_value(value) for name, value in (params or {}).items()}
    check_request(request, allow_update=allow_update, allow_service=allow_service, loaded_graphs=_graph_names(data))
    if bindings:
        check_params(request, bindings)

    def evaluate() -> QueryResult:
        return _result(request, _evaluate(data, request, sparql, bindings))

    return evaluate() if timeout is None else run_with_timeout(evaluate, timeout)


def load_data(paths: Sequence[Any], store: str = "rdflib") -> Any:
    """Graph files ready for `run_query`: an rdflib Dataset or a pyoxigraph Store holding the same data.

    Named graphs are kept and the default graph is the union of all graphs. Numbers and
    booleans are stored in canonical form in both, as Oxigraph always does: that way a
    bound `--param n=26` or a FILTER sees the same values whichever store runs the query.
    """
    if store == "oxigraph":
        from .oxigraph_store import load_store

        return load_store(paths)
    if store != "rdflib":
        raise ConfigError(f"unknown --store {store!r}; use {' or '.join(STORES)}")
    from .export import read_dataset

    dataset = read_dataset(paths)
    for graph in dataset.graphs():
        changed = [(s, p, o) for s, p, o in graph if isinstance(o, Literal) and not _same_term(canonical(o), o)]
        for s, p, o in changed:
            graph.remove((s, p, o))
            graph.add((s, p, canonical(o)))
    return dataset


def _same_term(a: Literal, b: Literal) -> bool:
    return (str(a), a.datatype, a.language) == (str(b), b.datatype, b.language)


# --- parsing and checks ---


def parse_request(sparql: str) -> Query | Update:
    """Parse and translate a query or, failing that, an update; one QueryError for any syntax error."""
    try:
        return prepareQuery(sparql, initNs=PREFIXES)
    except Exception as exc:  # pyparsing.ParseException, or a plain Exception for an unknown prefix
        query_error = exc
    try:
        return translateUpdate(parseUpdate(sparql), initNs=PREFIXES)
    except Exception:
        pass
    predeclared = ", ".join(f"{prefix}:" for prefix in PREFIXES)
    raise QueryError(
        f"the SPARQL query does not parse: {_first_line(query_error)}; check its syntax there "
        f"({predeclared} are predeclared, other prefixes need a PREFIX line)"
    ) from query_error


def check_request(request: Query | Update, *, allow_update: bool, allow_service: bool, loaded_graphs: frozenset[str]) -> None:
    """Refuse what would change data or reach the network, judged from the parsed algebra."""
    if isinstance(request, Update):
        operations = sorted({_operation_name(op) for op in request.algebra})
        if not allow_update:
            raise QueryError(
                f"this is a SPARQL Update ({', '.join(operations)}), which changes data; "
                "eventgraph query only reads unless --allow-update is given (the graph files are never changed)"
            )
        if "LOAD" in operations and not allow_service:
            raise QueryError("LOAD fetches a graph from the network; give --allow-service to allow it")
    roots = request.algebra if isinstance(request, Update) else [request.algebra]
    if not allow_service:
        for root in roots:
            for node in _nodes(root):
                if node.name == "ServiceGraphPattern":
                    raise QueryError(
                        f"SERVICE <{_field(node, 'term')}> would query a remote endpoint over the network; "
                        "give --allow-service to allow it"
                    )
        for iri in _dataset_clause_graphs(roots):
            if iri not in loaded_graphs:
                raise QueryError(
                    f"FROM <{iri}> names no graph in the loaded files, and rdflib would fetch it from "
                    "the network; load the file that holds it, drop the FROM clause, or give --allow-service"
                )


def check_params(request: Query | Update, params: Mapping[str, Node]) -> None:
    """Each parameter must name a variable the query matches and selects (never one it computes)."""
    if isinstance(request, Update):
        raise QueryError("--param binds variables of queries, not of updates")
    every = _all_variables(request.algebra)
    bindable = _bindable_variables(request.algebra)
    for name in params:
        if name not in every:
            names = ", ".join(f"?{v}" for v in sorted(every)) or "none"
            raise QueryError(f"--param {name}: the query has no variable ?{name} (its variables: {names})")
        if name not in bindable:
            raise QueryError(
                f"--param {name}: ?{name} is computed by the query (BIND, AS or an aggregate) or not selected by it; "
                "a parameter binds a variable that a triple pattern matches and the query selects"
            )


def _operation_name(op: CompValue) -> str:
    """'InsertData' -> 'INSERT DATA', 'Modify' -> 'DELETE/INSERT'."""
    if op.name == "Modify":
        return "DELETE/INSERT"
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", op.name).upper()


def _nodes(root: Any) -> Iterator[CompValue]:
    """Every algebra node below `root`, sub-queries and EXISTS patterns included."""
    stack = [root]
    seen: set[int] = set()
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, CompValue):
            yield item
            stack.extend(item.values())
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            stack.extend(item)


def _dataset_clause_graphs(roots: Sequence[Any]) -> list[str]:
    """IRIs named by FROM / FROM NAMED (queries) and USING / USING NAMED (updates)."""
    iris = []
    for root in roots:
        for node in _nodes(root):
            for clause in [*(_field(node, "datasetClause") or []), *(_field(node, "using") or [])]:
                for key in ("default", "named"):
                    if _field(clause, key) is not None:
                        iris.append(str(_field(clause, key)))
    return iris


def _field(node: Any, key: str) -> Any:
    """A CompValue's own entry (CompValue.get resolves variables and returns '' for gaps)."""
    return dict.get(node, key) if isinstance(node, dict) else None


def _all_variables(root: Any) -> set[str]:
    """Every variable the query text mentions (not rdflib's internal __agg_n__ ones)."""
    names: set[str] = set()
    for node in _nodes(root):
        for value in node.values():
            for item in value if isinstance(value, (list, tuple, set)) else [value]:
                if isinstance(item, Variable) and not str(item).startswith("__"):
                    names.add(str(item))
        if node.name == "BGP":
            names.update(str(term) for triple in node.triples for term in triple if isinstance(term, Variable))
    return names


def _bindable_variables(algebra: CompValue) -> set[str]:
    """Variables a pattern matches (triples, GRAPH, VALUES), less those an expression assigns,
    and, for SELECT, only the selected ones: the bindings rdflib and pyoxigraph agree on."""
    matched: set[str] = set()
    computed: set[str] = set()
    for node in _nodes(algebra):
        if node.name == "BGP":
            matched.update(str(term) for triple in node.triples for term in triple if isinstance(term, Variable))
        elif node.name == "Graph" and isinstance(_field(node, "term"), Variable):
            matched.add(str(node.term))
        elif node.name == "values":
            matched.update(str(var) for row in node.res for var in row)
        elif node.name == "Extend" and not isinstance(node.expr, Variable):
            computed.add(str(node.var))
    bindable = matched - computed
    if algebra.name == "SelectQuery":
        bindable &= {str(v) for v in algebra.PV}
    return bindable


def _graph_names(data: Any) -> frozenset[str]:
    from . import oxigraph_store

    if oxigraph_store.is_store(data):
        return oxigraph_store.graph_names(data)
    if isinstance(data, Dataset):
        return frozenset(str(g.identifier) for g in data.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID)
    if isinstance(data, ConjunctiveGraph):
        return frozenset(str(g.identifier) for g in data.contexts() if g.identifier != DATASET_DEFAULT_GRAPH_ID)
    return frozenset()


# --- parameters ---

_IRI = re.compile(r'<([^<>"{}|^`\\\x00-\x20]*)>')
_PNAME = re.compile(r"([A-Za-z][\w.-]*)?:([\w-](?:[\w.-]*[\w-])?)?")
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"|\'((?:[^\'\\]|\\.)*)\'', re.S)
_LANG = re.compile(r"@([A-Za-z]+(?:-[A-Za-z0-9]+)*)")
_NUMBER = {
    XSD.integer: re.compile(r"[+-]?\d+"),
    XSD.decimal: re.compile(r"[+-]?\d*\.\d+"),
    XSD.double: re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)[eE][+-]?\d+"),
}
_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "b": "\b", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def parse_params(specs: Sequence[str]) -> dict[str, Node]:
    """['name=value', ...] from the command line -> {name: RDF term}; a name given twice is an error."""
    params: dict[str, Node] = {}
    for spec in specs:
        name, sep, value = spec.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not re.fullmatch(r"[A-Za-z_][\w]*", name):
            raise QueryError(f"--param {spec!r}: write it as NAME=VALUE, e.g. --param person='<https://example.org/id/x>'")
        if name in params:
            raise QueryError(f"--param {name} is given twice")
        try:
            params[name] = parse_value(value)
        except QueryError as exc:
            raise QueryError(f"--param {name}: {exc}") from None
    return params


def parse_value(text: str) -> Node:
    """An RDF term written as in SPARQL: <IRI>, prefix:name, "text", "text"@lang,
    "text"^^xsd:type, 42, 4.2, 4.2e1, true/false; any other text is a plain string."""
    text = text.strip()
    if match := _IRI.fullmatch(text):
        return URIRef(match.group(1))
    if match := _STRING.match(text):
        lexical = _unescape(match.group(1) if match.group(1) is not None else match.group(2))
        rest = text[match.end():]
        if not rest:
            return Literal(lexical)
        if lang := _LANG.fullmatch(rest):
            return Literal(lexical, lang=lang.group(1))
        if rest.startswith("^^"):
            datatype = _iri_or_pname(rest[2:])
            if datatype is not None:
                literal = Literal(lexical, datatype=datatype)
                if literal.ill_typed:
                    raise QueryError(f"{lexical!r} is not a valid {rest[2:]}")
                return literal
        raise QueryError(f"cannot read {text!r}: after a quoted literal write @lang or ^^xsd:type (or <datatype IRI>)")
    if text in ("true", "false"):
        return Literal(text == "true")
    for datatype, pattern in _NUMBER.items():
        if pattern.fullmatch(text):
            return Literal(text, datatype=datatype)
    if re.match(r"(?:https?|urn|file|ftp):", text):
        raise QueryError(f"{text!r} looks like an IRI: write it in angle brackets, <{text}>, or in quotes for a string")
    if _PNAME.fullmatch(text):
        iri = _iri_or_pname(text)
        if iri is None:
            predeclared = ", ".join(f"{prefix}:" for prefix in PREFIXES)
            raise QueryError(f"unknown prefix in {text!r} (predeclared: {predeclared}); write the full <IRI> instead")
        return iri
    return Literal(text)


def _iri_or_pname(text: str) -> URIRef | None:
    if match := _IRI.fullmatch(text):
        return URIRef(match.group(1))
    if (match := _PNAME.fullmatch(text)) and (match.group(1) or "") in PREFIXES:
        return URIRef(PREFIXES[match.group(1) or ""] + (match.group(2) or ""))
    return None


def _unescape(text: str) -> str:
    """SPARQL string escapes: \\t \\n \\" \\\\ ... and \\uXXXX / \\UXXXXXXXX."""

    def replace(match: re.Match) -> str:
        escape = match.group(0)
        if escape[1] in "uU":
            return chr(int(escape[2:], 16))
        if escape[1] in _ESCAPES:
            return _ESCAPES[escape[1]]
        raise QueryError(f"unknown escape {escape} in a quoted literal")

    return re.sub(r"\\(?:u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", replace, text, flags=re.S)


# --- evaluation ---


def _evaluate(data: Any, request: Query | Update, sparql: str, params: Mapping[str, Node]) -> Answer:
    from . import oxigraph_store

    if oxigraph_store.is_store(data):
        return oxigraph_store.evaluate(data, request, sparql, params, PREFIXES)
    if not isinstance(data, Graph):
        raise QueryError(f"cannot query a {type(data).__name__}: give an rdflib Graph or Dataset or a pyoxigraph Store")
    return _evaluate_rdflib(data, request, params)


def _evaluate_rdflib(data: Graph, request: Query | Update, params: Mapping[str, Node]) -> Answer:
    if not isinstance(data, ConjunctiveGraph) and _uses_datasets(request):
        # GRAPH and FROM need a dataset: a lone graph is its default graph, with no named graphs
        dataset = Dataset(default_union=True)
        default = dataset.graph(DATASET_DEFAULT_GRAPH_ID)
        default += data
        data = dataset
    try:
        if isinstance(request, Update):
            if isinstance(data, Dataset):
                # rdflib's Dataset fails on INSERT DATA into its default graph; a ConjunctiveGraph
                # over the same store, whose default graph is the dataset's, does not
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", DeprecationWarning)
                    data = ConjunctiveGraph(store=data.store, identifier=DATASET_DEFAULT_GRAPH_ID)
            data.update(request)
            return Answer("UPDATE")
        result = data.query(request, initBindings=dict(params))
        if result.type == "ASK":
            return Answer("ASK", boolean=bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return Answer(result.type, TRIPLE_VARIABLES, list(result.graph))
        variables = tuple(str(v) for v in result.vars or ())
        return Answer("SELECT", variables, [tuple(row[i] for i in range(len(variables))) for row in result])
    except QueryError:
        raise
    except Exception as exc:  # evaluation errors come as many unrelated types
        raise QueryError(f"the SPARQL query cannot run: {_first_line(exc)}; check the functions and values it uses") from exc


def _uses_datasets(request: Query | Update) -> bool:
    roots = request.algebra if isinstance(request, Update) else [request.algebra]
    return any(node.name == "Graph" or _field(node, "datasetClause") for root in roots for node in _nodes(root))


def _result(request: Query | Update, answer: Answer) -> QueryResult:
    if answer.kind == "UPDATE":
        return QueryResult(("update",), (("done",),))
    if answer.kind == "ASK":
        return QueryResult(("ask",), ((_boolean(answer.boolean),),))
    ordered = answer.kind == "SELECT" and _is_ordered(request)
    return _from_terms(answer.variables, answer.rows, ordered=ordered)


def _first_line(exc: BaseException) -> str:
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
    canonical_rows = [tuple(canonical(term) for term in row) for row in term_rows]
    pairs = [(tuple(_text(term) for term in row), row) for row in canonical_rows]
    if not ordered:
        pairs.sort(key=lambda pair: tuple((value is not None, value or "") for value in pair[0]))
    return QueryResult(variables, tuple(text for text, _ in pairs), tuple(terms for _, terms in pairs))


_INTEGER_TYPES = frozenset(
    XSD[name] for name in (
        "integer", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger", "long", "int",
        "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte",
    )
)


def canonical(term: Node | None) -> Node | None:
    """Numbers and booleans in their canonical form, as triple stores keep them.

    Oxigraph stores values, not lexical forms: "0.80"^^xsd:decimal comes back as 0.8 and
    every xsd:integer subtype as xsd:integer. Results from rdflib get the same treatment,
    so both stores (and an Oxigraph server) give the same answer, equal in value to the data.
    """
    if not isinstance(term, Literal) or term.datatype is None or term.ill_typed:
        return term
    lexical = str(term).strip()
    try:
        if term.datatype in _INTEGER_TYPES:
            return Literal(str(int(lexical)), datatype=XSD.integer, normalize=False)
        if term.datatype == XSD.decimal:
            return Literal(_plain_decimal(Decimal(lexical)), datatype=XSD.decimal, normalize=False)
        if term.datatype in (XSD.double, XSD.float):
            number = float(lexical.replace("INF", "inf"))
            if number != number:
                text = "NaN"
            elif number in (float("inf"), float("-inf")):
                text = "INF" if number > 0 else "-INF"
            else:
                text = _plain_decimal(Decimal(repr(number)))
            return Literal(text, datatype=term.datatype, normalize=False)
        if term.datatype == XSD.boolean:
            return Literal("true" if lexical in ("true", "1") else "false", datatype=XSD.boolean)
    except (ValueError, ArithmeticError):
        return term
    return term


def _plain_decimal(number: Decimal) -> str:
    """Shortest digits, no exponent, no trailing zeros: 0.80 -> 0.8, 1E+1 -> 10, -0 -> 0."""
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def _text(term: Node | None) -> str | None:
    """IRIs as they are, literals as their lexical form, unbound as None."""
    return None if term is None else str(term)


# --- time limit ---


def run_with_timeout(work: Callable[[], QueryResult], timeout: float) -> QueryResult:
    """`work()` in a forked worker process, killed after `timeout` seconds.

    A query engine cannot be interrupted from outside (rdflib is plain Python, pyoxigraph
    holds the interpreter lock), so the work runs where it can be stopped for sure. Where
    processes cannot be forked, it runs in a daemon thread that is abandoned on timeout.
    """
    if not timeout or timeout <= 0:
        raise ConfigError(f"--timeout must be a positive number of seconds, not {timeout}")
    if "fork" not in multiprocessing.get_all_start_methods():  # pragma: no cover - Windows
        return _in_thread(work, timeout)
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    worker = context.Process(target=_work_and_send, args=(work, sender), daemon=True)
    worker.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise _timeout_error(timeout)
        status, payload = receiver.recv()
    except EOFError:
        raise QueryError("the query stopped without an answer (the worker process died, perhaps out of memory)") from None
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join()
        receiver.close()
    if status == "error":
        raise payload
    return payload


def _work_and_send(work: Callable[[], QueryResult], sender) -> None:
    try:
        message = ("ok", work())
    except QueryError as exc:
        message = ("error", exc)
    except Exception as exc:  # anything else still reaches the parent as one clear error
        message = ("error", QueryError(f"the SPARQL query cannot run: {_first_line(exc)}"))
    sender.send(message)
    sender.close()


def _in_thread(work: Callable[[], QueryResult], timeout: float) -> QueryResult:  # pragma: no cover - Windows
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["result"] = work()
        except Exception as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise _timeout_error(timeout)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


def _timeout_error(timeout: float) -> QueryTimeout:
    return QueryTimeout(
        f"the query ran longer than {timeout:g} s and was stopped; narrow it (more specific patterns, "
        "a LIMIT) or give a longer --timeout"
    )


# --- output ---


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
        elif term.datatype and term.datatype != XSD.string:
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
