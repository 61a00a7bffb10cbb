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
    from eventgraph.errors import InputError
    from eventgraph.ontology import context_path, ontology_file, shapes_path

    assert ontology_path().read_bytes() == ONTOLOGY.read_bytes()
    assert shapes_path().read_bytes() == (REPO / "ontology" / "shapes.ttl").read_bytes()
    assert context_path().read_bytes() == (REPO / "ontology" / "context.jsonld").read_bytes()
    with pytest.raises(InputError, match="reinstall eventgraph"):
        ontology_file("missing.ttl")


def test_every_term_is_defined_by_the_ontology(ontology):
    header = URIRef("https://w3id.org/eventgraph/ns")
    for term in _declared_terms():
        assert (term, RDFS.isDefinedBy, header) in ontology, term


ALIGNED = {
    "https://schema.org/", "http://xmlns.com/foaf/0.1/", "http://www.w3.org/ns/org#", "http://www.w3.org/ns/prov#",
    "http://semanticweb.cs.vu.nl/2009/11/sem/", "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "http://purl.org/dc/terms/",
}


def test_aligned_to_schema_foaf_org_prov_sem_and_every_alignment_target_is_declared(ontology):
    """Every class and property has a super-term in another vocabulary (bar a few eg:-only ones),
    and those targets are typed, so OWL tools read them without fetching the vocabularies."""
    eg_only = {EG.Venue, EG.represents, EG.anniversary, EG.refersTo, EG.sentence, EG.method, EG.confidence}
    targets = set()
    for term in _declared_terms():
        supers = set(ontology.objects(term, RDFS.subClassOf)) | set(ontology.objects(term, RDFS.subPropertyOf))
        external = {s for s in supers if isinstance(s, URIRef) and not str(s).startswith(EG_IRI)}
        assert external or term in eg_only or supers, term
        targets |= external
    assert {str(t).rsplit("/", 1)[0] + "/" for t in targets} | {str(t).rsplit("#", 1)[0] + "#" for t in targets} >= ALIGNED
    for target in targets:
        assert set(ontology.objects(target, RDF.type)) & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, target


def test_shapes_and_context_use_only_declared_terms():
    """A typo in shapes.ttl or context.jsonld would silently check or name nothing."""
    import json

    shapes = Graph().parse(REPO / "ontology" / "shapes.ttl")
    used = {t for triple in shapes for t in triple if isinstance(t, URIRef) and str(t).startswith(EG_IRI)}
    assert len(used) > 30 and used <= _declared_terms(), used - _declared_terms()
    context = json.loads((REPO / "ontology" / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    curies = [d if isinstance(d, str) else d["@id"] for k, d in context.items() if not k.startswith("@")]
    named = {URIRef(EG_IRI + c[3:]) for c in curies if c.startswith("eg:")}
    assert named <= _declared_terms(), named - _declared_terms()


@pytest.mark.parametrize("name, ox_format, syntax", [("shapes.ttl", "TURTLE", "turtle"), ("context.jsonld", None, None)])
def test_shapes_and_context_parse(name, ox_format, syntax):
    path = REPO / "ontology" / name
    if ox_format:
        graph = Graph().parse(path)
        store = pyoxigraph.Store()
        store.load(path=str(path), format=getattr(pyoxigraph.RdfFormat, ox_format))
        assert len(store) == len(graph) > 100
        if shutil.which("rapper"):
            result = subprocess.run(["rapper", "-i", syntax, "-c", str(path)], capture_output=True, text=True)
            assert result.returncode == 0 and f"returned {len(graph)} triples" in result.stderr, result.stderr
    else:
        # a context alone holds no triples but must be a valid JSON-LD document
        assert len(Graph().parse(path, format="json-ld")) == 0


@pytest.mark.slow
def test_every_term_in_materialized_output_is_declared_or_aligned():
    """With --materialize the output also uses schema:, foaf:, prov: ... terms: each is one the
    ontology declares or aligns to."""
    from rdflib.namespace import SKOS

    from eventgraph.materialize import materialize

    ontology = Graph().parse(ONTOLOGY)
    closed = materialize(Graph().parse(REPO / "output" / "graph.ttl"), ontology)
    aligned = {t for triple in ontology for t in triple if isinstance(t, URIRef)}
    basics = {RDF.type, RDFS.label, SKOS.altLabel, RDF.subject, RDF.predicate, RDF.object}
    used = {p for _, p, _ in closed} | set(closed.objects(None, RDF.type))
    assert any(str(t).startswith("https://schema.org/") for t in used)
    assert used <= _declared_terms() | aligned | basics, used - _declared_terms() - aligned - basics
