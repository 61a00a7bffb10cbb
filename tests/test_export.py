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


def test_large_graphs_are_written_as_turtle_blocks_that_parse_to_the_same_graph(monkeypatch):
    """rdflib's Turtle writer is quadratic in the number of namespaces; large graphs go in blocks."""
    import pyoxigraph
    from rdflib import Literal, URIRef

    import eventgraph.export as export

    graph = Graph().parse(data=SMALL, format="turtle")
    for number in range(60):  # one "namespace" per article, as mentions have
        graph.add((URIRef(f"https://example.org/id/mention/a{number}/1-5"), URIRef("https://w3id.org/eventgraph/ns#anchorOf"), Literal(f"x{number}")))
    monkeypatch.setattr(export, "LARGE_GRAPH_TRIPLES", 10)
    monkeypatch.setattr(export, "_SUBJECTS_PER_BLOCK", 7)
    data = export.serialize(graph, "ttl")
    assert data.count(b"@prefix eg:") == 1
    assert isomorphic(Graph().parse(data=data, format="turtle"), graph)
    assert len(list(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TURTLE))) == len(graph)
    assert data == export.serialize(graph, "ttl")  # still byte-stable
