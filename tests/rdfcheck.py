"""Test helper: parse an output file in rdflib, pyoxigraph and rapper and compare what they read.

Each parser's statements are brought to one form (subject, predicate, object, graph) with
literals as (lexical form, datatype, language), so "parses" means "parses to the same data".
rapper (Debian raptor2-utils) reads no JSON-LD; its N-Triples/N-Quads output is re-read
with pyoxigraph.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

RDFLIB = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld", ".rdf": "xml"}
OXIGRAPH = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
}
RAPPER = {".ttl": "turtle", ".nt": "ntriples", ".nq": "nquads", ".trig": "trig", ".rdf": "rdfxml"}
HAVE_RAPPER = shutil.which("rapper") is not None


def _rdflib_term(term) -> tuple:
    if isinstance(term, Literal):
        datatype = str(term.datatype) if term.datatype else (RDF_LANG_STRING if term.language else XSD_STRING)
        return ("literal", str(term), datatype, term.language or "")
    if isinstance(term, BNode):
        return ("blank",)
    assert isinstance(term, URIRef), term
    return ("iri", str(term))


def _ox_term(term) -> tuple:
    if isinstance(term, ox.Literal):
        return ("literal", term.value, term.datatype.value, term.language or "")
    if isinstance(term, ox.BlankNode):
        return ("blank",)
    if isinstance(term, ox.DefaultGraph):
        return ("default",)
    return ("iri", term.value)


def rdflib_statements(path: Path) -> set[tuple]:
    fmt = RDFLIB[path.suffix]
    if fmt in ("nquads", "trig"):
        dataset = Dataset()
        dataset.parse(path, format=fmt)
        return {
            (*map(_rdflib_term, (s, p, o)), ("default",) if g == DATASET_DEFAULT_GRAPH_ID else _rdflib_term(g))
            for s, p, o, g in dataset.quads((None, None, None, None))
        }
    graph = Graph().parse(path, format=fmt)
    return {(*map(_rdflib_term, triple), ("default",)) for triple in graph}


def _ox_statements(quads) -> set[tuple]:
    return {(_ox_term(q.subject), _ox_term(q.predicate), _ox_term(q.object), _ox_term(q.graph_name)) for q in quads}


def oxigraph_statements(path: Path) -> set[tuple]:
    return _ox_statements(ox.parse(path=str(path), format=OXIGRAPH[path.suffix]))


def rapper_statements(path: Path) -> set[tuple]:
    """What rapper reads, written back as N-Triples/N-Quads and re-read by pyoxigraph."""
    quads = path.suffix in (".nq", ".trig")
    result = subprocess.run(
        ["rapper", "-q", "-i", RAPPER[path.suffix], "-o", "nquads" if quads else "ntriples", str(path), "http://invalid.example/"],
        capture_output=True,
    )
    assert result.returncode == 0 and not result.stderr.strip(), f"rapper rejects {path.name}: {result.stderr.decode()[:500]}"
    fmt = ox.RdfFormat.N_QUADS if quads else ox.RdfFormat.N_TRIPLES
    return _ox_statements(ox.parse(result.stdout, format=fmt))


def check_output(path: Path) -> set[tuple]:
    """Parse `path` in every parser that reads its format; assert they all read the same statements."""
    path = Path(path)
    ours = rdflib_statements(path)
    assert ours, f"{path.name} is empty"
    theirs = oxigraph_statements(path)
    assert theirs == ours, f"{path.name}: pyoxigraph reads {len(theirs)} statements, rdflib {len(ours)}: {sorted(theirs ^ ours)[:3]}"
    if HAVE_RAPPER and path.suffix in RAPPER:
        raptor = rapper_statements(path)
        assert raptor == ours, f"{path.name}: rapper reads {len(raptor)} statements, rdflib {len(ours)}: {sorted(raptor ^ ours)[:3]}"
    return ours


def check_outputs(folder: Path) -> dict[str, set[tuple]]:
    """check_output for every graph.* file in `folder`; the triple formats must agree with each other."""
    found = {path.suffix: check_output(path) for path in sorted(Path(folder).glob("graph.*")) if path.suffix in RDFLIB}
    triples = [statements for suffix, statements in found.items() if suffix not in (".nq", ".trig")]
    for statements in triples[1:]:
        assert statements == triples[0], "the triple formats do not hold the same triples"
    return found
