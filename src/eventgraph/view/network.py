"""RDF in the eventgraph contract -> a networkx graph of entities and events.

Articles and literals do not become nodes: articles would tie every entity to
every other, and literals (dates, job titles) are attributes of their node.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from ..namespace import EG, EG_IRI, ENTITY_TYPES, PLACE_SUBTYPES

# The view's groups, in legend order: the contract's entity classes, then events.
NODE_GROUPS = (*ENTITY_TYPES, "Event")
# Links from an article: they become each node's article list, never edges.
ARTICLE_LINKS = (EG.mentions, EG.reports)


def _local(term: URIRef) -> str:
    """The eg: local name ("speaker"); callers check the namespace first."""
    return str(term)[len(EG_IRI) :]


def _is_eg(term) -> bool:
    return isinstance(term, URIRef) and str(term).startswith(EG_IRI)


def node_kind(graph: Graph, node: URIRef) -> tuple[str, str] | None:
    """(group, type) of a node, or None if it is not an entity or event.

    group is the top-level contract class, type the most specific one: a node
    typed eg:Country (with or without eg:Place) is ("Place", "Country").
    """
    names = {_local(t) for t in graph.objects(node, RDF.type) if _is_eg(t)}
    subtype = next((name for name in PLACE_SUBTYPES if name in names), None)
    if subtype:
        return "Place", subtype
    group = next((name for name in NODE_GROUPS if name in names), None)
    return (group, group) if group else None


def article_index(graph: Graph) -> dict[URIRef, set[str]]:
    """node -> ids of the articles that mention or report it (the article IRI if it has no eg:articleId)."""
    index: dict[URIRef, set[str]] = defaultdict(set)
    for link in ARTICLE_LINKS:
        for article, node in graph.subject_objects(link):
            index[node].add(str(graph.value(article, EG.articleId) or article))
    return index


def _label(graph: Graph, node: URIRef) -> str:
    """rdfs:label, or the last IRI segment so that no node is drawn blank."""
    label = graph.value(node, RDFS.label)
    return str(label) if label is not None else str(node).rstrip("/").rsplit("/", 1)[-1]


def _literals(graph: Graph, node: URIRef) -> dict[str, list[str]]:
    """eg: relation -> sorted literal values (jobTitle, date, anniversary ...)."""
    values: dict[str, list[str]] = defaultdict(list)
    for predicate, obj in graph.predicate_objects(node):
        if isinstance(obj, Literal) and _is_eg(predicate):
            values[_local(predicate)].append(str(obj))
    return {key: sorted(found) for key, found in sorted(values.items())}


def _edges(graph: Graph, nodes: set[str]) -> list[tuple[str, str, str]]:
    """Sorted (subject, relation, object) for every eg: link between two view nodes."""
    found = {
        (str(s), _local(p), str(o))
        for s, p, o in graph
        if _is_eg(p) and p not in ARTICLE_LINKS and str(s) in nodes and isinstance(o, URIRef) and str(o) in nodes
    }
    return sorted(found)


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """One node per entity and event (id = IRI) with type, group, label, iri, alt_labels,
    articles, literals and degree; one edge per eg: relation between two of them, keyed by relation."""
    network = nx.MultiDiGraph()
    articles = article_index(graph)
    candidates = {s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef)}
    for node in sorted(candidates):
        kind = node_kind(graph, node)
        if kind is None:
            continue
        group, type_ = kind
        network.add_node(
            str(node),
            type=type_,
            group=group,
            label=_label(graph, node),
            iri=str(node),
            alt_labels=sorted({str(a) for a in graph.objects(node, SKOS.altLabel)}),
            articles=sorted(articles.get(node, ())),
            literals=_literals(graph, node),
        )
    for subject, relation, obj in _edges(graph, set(network.nodes)):
        network.add_edge(subject, obj, key=relation, relation=relation)
    for node, degree in network.degree():
        network.nodes[node]["degree"] = degree
    return network
