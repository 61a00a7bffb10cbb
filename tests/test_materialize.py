"""--materialize: the schema.org / FOAF / ORG / PROV statements the ontology implies, queryable
without a reasoner, and none of a reasoner's axiomatic noise."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from eventgraph.errors import ConfigError
from eventgraph.materialize import inferred_triples, load_ontology, materialize, materialize_dataset
from eventgraph.query import run_query
from eventgraph.validate import format_report, validate_graph

from conftest import REPO

SMALL = """
@prefix eg: <https://w3id.org/eventgraph/ns#> .
@prefix id: <https://example.org/id/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
id:article-a a eg:Article ; rdfs:label "Consulate marks national day" ; eg:articleId "a" ;
    eg:reports id:event-a ; eg:mentions id:ola, id:consulate, id:norway .
id:event-a a eg:Event ; rdfs:label "Reception (article a)" ; eg:organizer id:consulate ;
    eg:speaker id:ola ; eg:date "2023-05-17"^^xsd:date ; eg:anniversary 40 .
id:consulate a eg:Embassy ; rdfs:label "Consulate General of Norway in Santiago" ; eg:represents id:norway .
id:norway a eg:Place, eg:Country ; rdfs:label "Norway" .
id:ola a eg:Person ; rdfs:label "Ola Nordmann" ; eg:jobTitle "consul general" ; eg:worksFor id:consulate .
id:mention-1 a eg:Mention ; eg:refersTo id:ola ; eg:inArticle id:article-a ; eg:anchorOf "Ola Nordmann" ;
    eg:beginIndex "40"^^xsd:nonNegativeInteger ; eg:endIndex "52"^^xsd:nonNegativeInteger ; eg:method "model:PERSON" .
"""

PREFIXES = """
PREFIX schema: <https://schema.org/>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


@pytest.fixture(scope="module")
def small(ontology) -> tuple[Graph, Graph]:
    graph = Graph().parse(data=SMALL, format="turtle")
    return graph, materialize(graph, ontology)


def _labels(graph: Graph, sparql: str) -> set[str]:
    return {row[0] for row in run_query(graph, PREFIXES + sparql).rows}


def test_schema_org_foaf_and_org_queries_find_what_eg_states(small):
    graph, closed = small
    person = "SELECT ?name WHERE { ?x a schema:Person ; rdfs:label ?name }"
    assert _labels(graph, person) == set()  # nothing without inference
    assert _labels(closed, person) == {"Ola Nordmann"}
    assert _labels(closed, "SELECT ?name WHERE { ?x a foaf:Person ; rdfs:label ?name }") == {"Ola Nordmann"}
    assert _labels(closed, "SELECT ?name WHERE { ?e schema:performer/rdfs:label ?name }") == {"Ola Nordmann"}
    assert _labels(closed, "SELECT ?name WHERE { ?e schema:organizer ?o . ?o a schema:Embassy, org:FormalOrganization ; rdfs:label ?name }") == {
        "Consulate General of Norway in Santiago"
    }
    assert _labels(closed, "SELECT ?name WHERE { ?p org:memberOf/rdfs:label ?name }") == {"Consulate General of Norway in Santiago"}
    assert _labels(closed, "SELECT ?title WHERE { ?p schema:jobTitle ?title }") == {"consul general"}
    assert _labels(closed, "SELECT ?name WHERE { ?c a schema:Country, schema:Place ; rdfs:label ?name }") == {"Norway"}
    assert _labels(closed, "SELECT ?text WHERE { ?m a nif:Phrase ; nif:anchorOf ?text ; prov:wasDerivedFrom ?a . ?a a schema:NewsArticle }") == {
        "Ola Nordmann"
    }
    assert _labels(closed, "SELECT ?d WHERE { ?e schema:startDate ?d }") == {"2023-05-17"}


def test_only_useful_inferences_are_kept(small, ontology):
    graph, closed = small
    added = set(closed) - set(graph)
    assert added == inferred_triples(graph, ontology)
    assert len(added) > 20
    subjects = set(graph.subjects())
    for s, p, o in added:
        assert s in subjects, (s, p, o)  # nothing about classes, properties or union lists
        assert not isinstance(o, BNode), (s, p, o)
        assert p not in (OWL.sameAs, RDFS.subClassOf, RDFS.subPropertyOf, RDFS.label), (s, p, o)
        if p == RDF.type:
            assert o not in (RDFS.Resource, OWL.Thing, RDFS.Class, OWL.Class, RDF.Property, OWL.NamedIndividual), o
        if isinstance(o, Literal):
            # exactly the data's literal, never a value-equal stand-in with another datatype
            assert (s, None, o) in graph, (s, p, o)
    # the anniversary 40 and the offset "40"^^xsd:nonNegativeInteger stay apart
    event, mention = URIRef("https://example.org/id/event-a"), URIRef("https://example.org/id/mention-1")
    assert sorted(closed.objects(event, URIRef("https://w3id.org/eventgraph/ns#beginIndex"))) == []
    assert [o.datatype for o in closed.objects(mention, URIRef("https://w3id.org/eventgraph/ns#beginIndex"))] == [
        URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")
    ]


def test_materializing_twice_adds_nothing_and_keeps_prefixes(small, ontology):
    _, closed = small
    assert set(materialize(closed, ontology)) == set(closed)
    assert dict(closed.namespaces())["schema"] == URIRef("https://schema.org/")


def test_owl_rl_keeps_the_same_useful_triples_as_rdfs(small, ontology):
    graph, _ = small
    assert inferred_triples(graph, ontology, "owl-rl") == inferred_triples(graph, ontology, "rdfs")
    with pytest.raises(ConfigError, match="unknown semantics"):
        inferred_triples(graph, ontology, "magic")  # type: ignore[arg-type]


def test_materialized_graph_still_conforms(small):
    _, closed = small
    report = validate_graph(closed)
    assert report.conforms, format_report(report)


@pytest.mark.slow
def test_named_graphs_materialized_one_by_one_union_to_the_whole(ontology):
    """Each kept triple follows from one data triple, so per-article closure equals the whole's."""
    graph = Graph().parse(REPO / "output" / "graph.ttl")
    by_article = Dataset()
    for s, p, o in graph:
        # split the sample graph in two named graphs along its articles' resources
        name = "b" if "/003_" in str(s) or "/004_" in str(s) else "a"
        by_article.graph(URIRef(f"urn:test:{name}")).add((s, p, o))
    materialize_dataset(by_article, ontology)
    union = Graph()
    for context in by_article.graphs():
        if context.identifier != DATASET_DEFAULT_GRAPH_ID:
            for triple in context:
                union.add(triple)
    whole = materialize(graph, ontology)
    assert isomorphic(union, whole)
    people = "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a schema:Person }"
    assert list(run_query(whole, PREFIXES + people).rows) == [(str(len(set(graph.subjects(RDF.type, URIRef("https://w3id.org/eventgraph/ns#Person"))))),)]


@pytest.mark.slow
def test_build_materialize_writes_inferred_triples_everywhere(tmp_path, sample_build):
    from eventgraph.build import build

    plain = sample_build
    result = build(None, tmp_path / "out", formats=("ttl", "trig", "jsonld"), html=False, materialize=True)
    turtle = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert len(turtle) > len(plain.graph)
    assert set(plain.graph) <= set(turtle)
    found = _labels(turtle, "SELECT ?name WHERE { ?x a schema:Person ; rdfs:label ?name }")
    assert found == _labels(plain.graph, "SELECT ?name WHERE { ?x a <https://w3id.org/eventgraph/ns#Person> ; rdfs:label ?name }")
    assert len(found) > 5
    dataset = Dataset()
    dataset.parse(tmp_path / "out" / "graph.trig", format="trig")
    union = Graph()
    for context in dataset.graphs():
        if context.identifier != DATASET_DEFAULT_GRAPH_ID:
            for triple in context:
                union.add(triple)
    assert isomorphic(union, turtle)
    assert isomorphic(Graph().parse(tmp_path / "out" / "graph.jsonld", format="json-ld"), result.graph)


@pytest.mark.slow
def test_cli_build_materialize_then_query_schema_person(tmp_path):
    from typer.testing import CliRunner

    from eventgraph.cli import app

    article = tmp_path / "story.txt"
    article.write_text(
        "The Embassy of Norway in Chile held a reception in Santiago. Ambassador Ola Nordmann addressed the guests.",
        encoding="utf-8",
    )
    runner = CliRunner()
    result = runner.invoke(app, ["build", str(article), "-o", str(tmp_path / "out"), "--materialize", "--no-html", "--quiet"])
    assert result.exit_code == 0, result.output
    query = "SELECT ?name WHERE { ?p a schema:Person ; rdfs:label ?name }"
    result = runner.invoke(app, ["query", str(tmp_path / "out" / "graph.ttl"), query, "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.output.split() == ["name", "Ola", "Nordmann"]
