"""Inference on demand: add the schema.org, FOAF, ORG, PROV, SEM and NIF statements the ontology implies.

eventgraph writes its graph in the eg: vocabulary only; ontology/eventgraph.ttl says
how that vocabulary maps onto the common ones (eg:Person rdfs:subClassOf schema:Person,
foaf:Person; eg:speaker rdfs:subPropertyOf schema:performer; ...). `build --materialize`
writes those implied statements into the output, so that a user querying
`?x a schema:Person` or `?e schema:organizer ?o` finds them without a reasoner.

The closure is computed by owlrl (RDFS semantics by default: the ontology's axioms
that imply anything about data are all subClassOf, subPropertyOf, domain and range;
OWL-RL gives the same useful triples on this ontology at twice the cost, and is
available with `semantics="owl-rl"`). A full closure is mostly noise, so only the
inferred triples a user would query are kept:

- about the data's own subjects only: nothing about classes, properties, the
  ontology header or the blank nodes of owl:unionOf lists;
- rdf:type only with a named class outside rdf:, rdfs:, owl: and xsd: (kept:
  schema:Person, foaf:Organization, prov:Entity, eg:Place, rdf:Statement; dropped:
  rdfs:Resource, owl:Thing, owl:NamedIndividual, rdfs:Class, the anonymous union
  classes of domains and ranges, and literals typed with their datatype);
- other properties only outside rdf:, rdfs: and owl: (kept: schema:performer,
  org:memberOf, prov:wasDerivedFrom, nif:beginIndex; dropped: owl:sameAs x x,
  rdfs:member and the like);
- a literal value only where the data gives the subject that very literal: owlrl
  treats value-equal literals as one, so without this an offset of 27 would also be
  stated as the anniversary's 27 and vice versa.

Every kept triple follows from one data triple and the ontology, so materializing each
article's named graph on its own (TriG, N-Quads) gives exactly the triples that
materializing the whole graph adds: the union of the named graphs stays equal to the
Turtle output.
"""

from __future__ import annotations

from typing import Iterable, Literal as Kind

from rdflib import OWL, RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from .errors import ConfigError

Semantics = Kind["rdfs", "owl-rl"]

_NOISE_NAMESPACES = (str(RDF), str(RDFS), str(OWL), str(XSD))
_USEFUL_RDF_CLASSES = {RDF.Statement}


def load_ontology() -> Graph:
    from .ontology import ontology_path

    return Graph().parse(ontology_path(), format="turtle")


def inferred_triples(graph: Graph, ontology: Graph | None = None, semantics: Semantics = "rdfs") -> set[tuple]:
    """The useful triples the ontology implies about `graph` and `graph` does not state."""
    import owlrl

    closures = {"rdfs": owlrl.RDFS_Semantics, "owl-rl": owlrl.OWLRL_Semantics}
    if semantics not in closures:
        raise ConfigError(f"unknown semantics {semantics!r}; use rdfs or owl-rl")
    ontology = ontology if ontology is not None else load_ontology()
    work = Graph()
    for triple in graph:
        work.add(triple)
    for triple in ontology:
        work.add(triple)
    owlrl.DeductiveClosure(closures[semantics], axiomatic_triples=False, datatype_axioms=False).expand(work)
    subjects = set(graph.subjects())
    return {triple for triple in work if triple not in graph and _useful(triple, subjects, graph)}


def _useful(triple: tuple, subjects: set, graph: Graph) -> bool:
    subject, predicate, obj = triple
    if subject not in subjects:
        return False
    if isinstance(obj, Literal) and (subject, None, obj) not in graph:
        # owlrl stands value-equal literals in for each other ("27"^^xsd:nonNegativeInteger
        # and 27); a sub-property's value is only ever the very literal the data states
        return False
    if predicate == RDF.type:
        return isinstance(obj, URIRef) and (obj in _USEFUL_RDF_CLASSES or not str(obj).startswith(_NOISE_NAMESPACES))
    return not str(predicate).startswith(_NOISE_NAMESPACES)


def materialize(graph: Graph, ontology: Graph | None = None, semantics: Semantics = "rdfs") -> Graph:
    """A copy of `graph` (same name and prefixes) with the inferred triples added."""
    ontology = ontology if ontology is not None else load_ontology()
    out = Graph(identifier=graph.identifier)
    for prefix, namespace in graph.namespaces():
        out.bind(prefix, namespace)
    for triple in graph:
        out.add(triple)
    added = inferred_triples(graph, ontology, semantics)
    for triple in added:
        out.add(triple)
    _bind_used(out, ontology, added)
    return out


def materialize_dataset(dataset: Dataset, ontology: Graph | None = None, semantics: Semantics = "rdfs") -> Dataset:
    """Each named graph with its own inferred triples added, in place; the default graph's
    PROV metadata about the named graphs is left as it is."""
    ontology = ontology if ontology is not None else load_ontology()
    for context in list(dataset.graphs()):
        if context.identifier == DATASET_DEFAULT_GRAPH_ID or len(context) == 0:
            continue
        added = inferred_triples(context, ontology, semantics)
        for triple in added:
            context.add(triple)
        _bind_used(dataset, ontology, added)
    return dataset


def _bind_used(target: Graph, ontology: Graph, triples: Iterable[tuple]) -> None:
    """Bind the ontology's prefixes (schema:, foaf:, ...) that the inferred triples use."""
    used = {str(term) for triple in triples for term in (triple[1], triple[2]) if isinstance(term, URIRef)}
    for prefix, namespace in ontology.namespaces():
        if prefix and any(iri.startswith(str(namespace)) for iri in used):
            target.bind(prefix, namespace)
