"""The same SPARQL on pyoxigraph, for graphs too large for rdflib's in-memory evaluator.

`load_store` reads graph files of any format into a `pyoxigraph.Store`; `evaluate` runs a
request that `query.run_query` has already parsed and checked, and hands back rdflib terms,
so results are formatted by the same code as rdflib's and compare equal to them.

Two differences between the engines are smoothed over here: pyoxigraph's union default
graph repeats a triple once per graph holding it (rdflib's is a set), so the loaded store
keeps a deduplicated copy of every named graph's triples in its default graph instead; and
pyoxigraph types plain literals as xsd:string, which rdflib leaves untyped.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from .errors import InputError, QueryError

if TYPE_CHECKING:  # pragma: no cover
    import pyoxigraph
    from rdflib.plugins.sparql.sparql import Query, Update

_FORMATS_BY_SUFFIX = {
    ".ttl": "TURTLE",
    ".turtle": "TURTLE",
    ".nt": "N_TRIPLES",
    ".nq": "N_QUADS",
    ".trig": "TRIG",
    ".jsonld": "JSON_LD",
    ".json": "JSON_LD",
    ".rdf": "RDF_XML",
    ".xml": "RDF_XML",
    ".owl": "RDF_XML",
}
_PLAIN_DATATYPES = (str(XSD.string), str(RDF.langString))


def load_store(paths: Sequence[Path | str]) -> "pyoxigraph.Store":
    """Parse graph files into one in-memory pyoxigraph Store; TriG and N-Quads keep their named
    graphs, and the default graph ends up holding the union of all graphs (a set)."""
    import pyoxigraph

    from .export import graph_file_formats

    store = pyoxigraph.Store()
    for path, name in graph_file_formats(paths, _FORMATS_BY_SUFFIX):
        try:
            store.load(path=str(path), format=getattr(pyoxigraph.RdfFormat, name))
        except (SyntaxError, ValueError, OSError) as exc:
            raise InputError(f"{path} is not valid {name.lower().replace('_', '-')}: {exc}") from exc
    default = pyoxigraph.DefaultGraph()
    named = [quad for quad in store.quads_for_pattern(None, None, None, None) if quad.graph_name != default]
    store.extend(pyoxigraph.Quad(q.subject, q.predicate, q.object, default) for q in named)
    return store


def is_store(data: Any) -> bool:
    """Whether `data` is a pyoxigraph Store (without importing pyoxigraph for rdflib users)."""
    module = sys.modules.get("pyoxigraph")
    return module is not None and isinstance(data, module.Store)


def graph_names(store: "pyoxigraph.Store") -> frozenset[str]:
    return frozenset(str(name.value) for name in store.named_graphs())


def evaluate(store: "pyoxigraph.Store", request: "Query | Update", sparql: str, params: Mapping[str, Node], prefixes: Mapping[str, str]):
    """Run `sparql` (already parsed as `request` by rdflib) on the store; an `Answer` of rdflib terms."""
    import pyoxigraph
    from rdflib.plugins.sparql.sparql import Update

    from .query import TRIPLE_VARIABLES, Answer

    namespaces = {prefix: str(namespace) for prefix, namespace in prefixes.items()}
    try:
        if isinstance(request, Update):
            store.update(sparql, prefixes=namespaces)
            return Answer("UPDATE")
        substitutions = {pyoxigraph.Variable(name): to_oxigraph(term) for name, term in params.items()}
        result = store.query(sparql, prefixes=namespaces, substitutions=substitutions or None)
        if isinstance(result, pyoxigraph.QueryBoolean):
            return Answer("ASK", boolean=bool(result))
        if isinstance(result, pyoxigraph.QueryTriples):
            kind = request.algebra.name.removesuffix("Query").upper()
            return Answer(kind, TRIPLE_VARIABLES, [tuple(to_rdflib(t) for t in (x.subject, x.predicate, x.object)) for x in result])
        variables = tuple(v.value for v in result.variables)
        rows = [tuple(to_rdflib(solution[i]) for i in range(len(variables))) for solution in result]
        return Answer("SELECT", variables, rows)
    except (SyntaxError, ValueError, OSError, RuntimeError) as exc:
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise QueryError(f"the SPARQL query cannot run on oxigraph: {text}") from exc


def to_rdflib(term: Any) -> Node | None:
    """A pyoxigraph term as the rdflib term rdflib's own parser would have made of it."""
    import pyoxigraph

    if term is None:
        return None
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    if isinstance(term, pyoxigraph.Literal):
        datatype = term.datatype.value
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=None if datatype in _PLAIN_DATATYPES else URIRef(datatype))
    raise QueryError(f"eventgraph cannot show the RDF term {term} (quoted triples are not supported)")


def to_oxigraph(term: Node) -> Any:
    """An rdflib term (a --param value) as a pyoxigraph term."""
    import pyoxigraph

    if isinstance(term, URIRef):
        return pyoxigraph.NamedNode(str(term))
    if isinstance(term, BNode):
        return pyoxigraph.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return pyoxigraph.Literal(str(term), language=term.language)
        if term.datatype:
            return pyoxigraph.Literal(str(term), datatype=pyoxigraph.NamedNode(str(term.datatype)))
        return pyoxigraph.Literal(str(term))
    raise QueryError(f"cannot bind {term!r}: give an IRI or a literal")
