"""Writing graphs: every format parses back to the same graph and is byte-stable across runs."""

import os
import subprocess
import sys

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from eventgraph.errors import ConfigError, InputError
from eventgraph.export import FORMATS, atomic_write, parse_formats, read_graph, write_graph

SMALL = """
@prefix eg: <https://w3id.org/eventgraph/ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://example.org/id/person/ola> a eg:Person ; rdfs:label "Ola Nordmann" ;
    skos:altLabel "Nordmann", "O. Nordmann", "Ola", "Mr Nordmann" ; eg:jobTitle "ambassador" .
<https://example.org/id/place/chile> a eg:Place, eg:Country ; rdfs:label "Chile" ; skos:altLabel "Republic of Chile", "<b>Chile</b> & co" .
"""

WRITE = """
import sys
from rdflib import Graph
from eventgraph.export import FORMATS, write_graph
g = Graph().parse(data=sys.argv[1], format="turtle")
write_graph(g, sys.argv[2], FORMATS)
"""


def test_byte_stable_across_hash_seeds(tmp_path):
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-c", WRITE, SMALL, str(tmp_path / seed)], check=True, env=env)
    for suffix, _ in FORMATS.values():
        assert (tmp_path / "1" / f"graph{suffix}").read_bytes() == (tmp_path / "2" / f"graph{suffix}").read_bytes(), suffix


def test_round_trip_every_format(tmp_path):
    graph = Graph().parse(data=SMALL, format="turtle")
    for path in write_graph(graph, tmp_path, FORMATS):
        assert isomorphic(read_graph([path]), graph), path.name


def test_parse_formats():
    assert parse_formats("ttl, NT") == ["ttl", "nt"]
    with pytest.raises(ConfigError, match="choose from ttl, nt, nq, trig, jsonld, xml"):
        parse_formats("ttl,docx")


def test_atomic_write_leaves_no_temporary_files(tmp_path):
    atomic_write(tmp_path / "a.txt", "one")
    atomic_write(tmp_path / "a.txt", b"two")
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]
    assert (tmp_path / "a.txt").read_text() == "two"


def test_read_graph_errors(tmp_path):
    with pytest.raises(InputError, match="not found"):
        read_graph([tmp_path / "none.ttl"])
    odd = tmp_path / "g.txt"
    odd.write_text("x")
    with pytest.raises(InputError, match="cannot tell the RDF format"):
        read_graph([odd])


# --- every format of the sample build, read back by rdflib, pyoxigraph and rapper ----------------

def _built(sample_build, suffix: str):
    return next(p for p in sample_build.files if p.suffix == suffix)


def _rdflib_quads(path, fmt: str) -> set:
    from rdflib import Dataset

    dataset = Dataset()
    dataset.parse(path, format=fmt)
    return {(s, p, o, g) for s, p, o, g in dataset.quads((None, None, None, None))}


def _oxigraph_as_rdflib(path, fmt) -> Graph:
    """The file parsed by pyoxigraph's parser, handed to rdflib as N-Quads (graph names dropped).

    pyoxigraph's parser, not its Store: the Store keeps xsd:nonNegativeInteger values as
    xsd:integer, so a graph dumped back from it differs in the offsets' datatype.
    """
    import pyoxigraph
    from rdflib import Dataset

    quads = pyoxigraph.parse(path=str(path), format=fmt)
    dataset = Dataset()
    dataset.parse(data=pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.N_QUADS).decode("utf-8"), format="nquads")
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


@pytest.mark.slow
@pytest.mark.parametrize("suffix, fmt", [(".ttl", "turtle"), (".nt", "nt"), (".jsonld", "json-ld"), (".rdf", "xml")])
def test_sample_triple_formats_round_trip_in_rdflib(sample_build, suffix, fmt):
    path = _built(sample_build, suffix)
    assert isomorphic(Graph().parse(path, format=fmt), sample_build.graph), path.name


@pytest.mark.slow
@pytest.mark.parametrize("suffix, fmt", [(".nq", "nquads"), (".trig", "trig")])
def test_sample_quad_formats_round_trip_in_rdflib(sample_build, tmp_path, suffix, fmt):
    """Parsed, written again from the parsed dataset and parsed again: the same quads."""
    from eventgraph.export import serialize_dataset
    from rdflib import Dataset

    path = _built(sample_build, suffix)
    dataset = Dataset()
    dataset.parse(path, format=fmt)
    again = tmp_path / path.name
    again.write_bytes(serialize_dataset(dataset, suffix[1:]))
    assert _rdflib_quads(again, fmt) == _rdflib_quads(path, fmt)
    assert again.read_bytes() == path.read_bytes()  # canonical: writing what was read changes nothing
    assert isomorphic(read_graph([path]), read_graph([_built(sample_build, ".ttl")]) + _default_graph(path, fmt))


def _default_graph(path, fmt) -> Graph:
    from rdflib import Dataset
    from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

    dataset = Dataset()
    dataset.parse(path, format=fmt)
    return Graph() + dataset.graph(DATASET_DEFAULT_GRAPH_ID)


PYOXIGRAPH_FORMATS = [(".ttl", "TURTLE", "turtle"), (".nt", "N_TRIPLES", "nt"), (".nq", "N_QUADS", "nquads"),
                      (".trig", "TRIG", "trig"), (".jsonld", "JSON_LD", "json-ld"), (".rdf", "RDF_XML", "xml")]


@pytest.mark.slow
@pytest.mark.parametrize("suffix, ox_format, fmt", PYOXIGRAPH_FORMATS)
def test_sample_formats_parse_in_pyoxigraph_to_the_same_graph(sample_build, suffix, ox_format, fmt):
    import pyoxigraph

    path = _built(sample_build, suffix)
    store = pyoxigraph.Store()
    store.load(path=str(path), format=getattr(pyoxigraph.RdfFormat, ox_format))
    assert len(store) == len(_rdflib_quads(path, fmt)) >= len(sample_build.graph) > 300
    assert isomorphic(_oxigraph_as_rdflib(path, getattr(pyoxigraph.RdfFormat, ox_format)), read_graph([path]))


@pytest.mark.slow
@pytest.mark.skipif(__import__("shutil").which("rapper") is None, reason="rapper (Debian raptor2-utils) is not installed")
@pytest.mark.parametrize("suffix, syntax, fmt", [(".ttl", "turtle", "turtle"), (".nt", "ntriples", "nt"),
                                                 (".nq", "nquads", "nquads"), (".trig", "trig", "trig"),
                                                 (".rdf", "rdfxml", "xml")])
def test_sample_formats_parse_in_rapper_with_the_same_counts(sample_build, suffix, syntax, fmt):
    import re

    path = _built(sample_build, suffix)
    result = subprocess.run(["rapper", "-i", syntax, "-c", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    count = int(re.search(r"returned (\d+) (?:triples|statements)", result.stderr).group(1))
    assert count == len(_rdflib_quads(path, fmt)), result.stderr


def test_json_ld_is_compact_with_the_published_context(tmp_path):
    import json

    from eventgraph.export import json_ld_context
    from eventgraph.ontology import context_path

    graph = Graph().parse(data=SMALL, format="turtle")
    (path,) = write_graph(graph, tmp_path, ["jsonld"])
    document = json.loads(path.read_text(encoding="utf-8"))
    published = json.loads(context_path().read_text(encoding="utf-8"))["@context"]
    assert document["@context"] == published == json_ld_context()
    assert list(document["@context"]) == list(published)  # in the published file's order
    ola = next(node for node in document["@graph"] if node["@id"].endswith("/ola"))
    assert ola["@type"] == "Person"
    assert ola["label"] == "Ola Nordmann"
    assert ola["jobTitle"] == "ambassador"
    assert sorted(ola["altLabel"]) == ola["altLabel"]
    chile = next(node for node in document["@graph"] if node["@id"].endswith("/chile"))
    assert chile["@type"] == ["Country", "Place"]
    assert isomorphic(Graph().parse(path, format="json-ld"), graph)


def test_json_ld_context_names_every_eg_term_with_the_ontology_range():
    """Each eg: property has a short name; IRIs are coerced where the range is a class,
    datatypes where the ontology gives one (a literal typed otherwise would not compact)."""
    import json

    from rdflib import OWL, RDF, RDFS, XSD, URIRef

    from eventgraph.namespace import EG, EG_IRI
    from eventgraph.ontology import context_path, ontology_path

    context = json.loads(context_path().read_text(encoding="utf-8"))["@context"]
    ontology = Graph().parse(ontology_path())

    def expand(curie: str) -> str:
        prefix, _, local = curie.partition(":")
        return context[prefix] + local if prefix in context and not local.startswith("//") else curie

    terms = {}
    for name, definition in context.items():
        if name.startswith("@") or isinstance(definition, str) and definition.endswith(("#", "/")):
            continue
        iri = expand(definition if isinstance(definition, str) else definition["@id"])
        terms[iri] = definition if isinstance(definition, dict) else {"@id": definition}
    for name in EG.__annotations__:
        term = URIRef(EG_IRI + name)
        if (term, RDF.type, OWL.Class) in ontology:
            continue
        assert str(term) in terms, name
        coercion = terms[str(term)].get("@type")
        rng = ontology.value(term, RDFS.range)
        if (term, RDF.type, OWL.ObjectProperty) in ontology:
            assert coercion == "@id", name
        elif rng not in (XSD.string, None):
            assert expand(coercion) == str(rng), name
        else:
            assert coercion is None, name


def test_turtle_of_many_namespaces_parses_to_the_same_graph_and_is_byte_stable():
    """Turtle goes through turtle.TurtleWriter (rdflib's writer is quadratic in namespaces)."""
    import pyoxigraph
    from rdflib import Literal, URIRef

    from eventgraph.export import serialize

    graph = Graph().parse(data=SMALL, format="turtle")
    for number in range(60):  # one "namespace" per article, as mentions have
        graph.add((URIRef(f"https://example.org/id/mention/a{number}/1-5"), URIRef("https://w3id.org/eventgraph/ns#anchorOf"), Literal(f"x{number}")))
    data = serialize(graph, "ttl")
    assert data.count(b"@prefix eg:") == 1
    assert isomorphic(Graph().parse(data=data, format="turtle"), graph)
    assert len(list(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TURTLE))) == len(graph)
    assert data == serialize(graph, "ttl")  # still byte-stable
