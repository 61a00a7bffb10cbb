"""The ontology parses everywhere and declares every term eventgraph writes."""

import shutil
import subprocess

import pyoxigraph
import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from eventgraph.namespace import EG, EG_IRI
from eventgraph.ontology import ontology_path

from conftest import REPO

ONTOLOGY = REPO / "ontology" / "eventgraph.ttl"


@pytest.fixture(scope="module")
def ontology():
    return Graph().parse(ONTOLOGY)


def _declared_terms() -> set[URIRef]:
    return {URIRef(EG_IRI + name) for name in EG.__annotations__}


def test_parses_in_rdflib_and_pyoxigraph(ontology):
    store = pyoxigraph.Store()
    store.load(path=str(ONTOLOGY), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(ontology) > 100


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (Debian raptor2-utils) is not installed")
def test_parses_in_rapper():
    result = subprocess.run(["rapper", "-i", "turtle", "-c", str(ONTOLOGY)], capture_output=True, text=True, check=True)
    assert "returned" in result.stderr


def test_header(ontology):
    header = URIRef("https://w3id.org/eventgraph/ns")
    assert (header, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(header, OWL.versionIRI) is not None


def test_every_term_of_the_namespace_is_declared_with_label_comment_domain_range(ontology):
    for term in _declared_terms():
        kinds = set(ontology.objects(term, RDF.type))
        assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, term
        assert ontology.value(term, RDFS.label) is not None, term
        assert ontology.value(term, RDFS.comment) is not None, term
        if OWL.Class not in kinds:
            assert ontology.value(term, RDFS.domain) is not None, term
            assert ontology.value(term, RDFS.range) is not None, term


def test_no_term_is_declared_that_the_code_does_not_know(ontology):
    declared = {s for s in ontology.subjects(RDF.type, None) if isinstance(s, URIRef) and str(s).startswith(EG_IRI)}
    assert declared == _declared_terms()


def test_place_subclasses(ontology):
    for name in ("Country", "City", "Venue"):
        assert (EG[name], RDFS.subClassOf, EG.Place) in ontology


def test_every_term_in_the_committed_output_is_declared():
    output = Graph().parse(REPO / "output" / "graph.ttl")
    used = {t for triple in output for t in triple if isinstance(t, URIRef) and str(t).startswith(EG_IRI)}
    assert used and used <= _declared_terms()


def test_installed_package_finds_the_ontology():
    assert ontology_path().read_bytes() == ONTOLOGY.read_bytes()
