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

NODE_GROUPS = (*ENTITY_TYPES, "Event")


def _local(term) -> str:
    return str(term)[len(EG_IRI) :]


def _types_of(graph: Graph, node) -> tuple[str | None, str | None]:
    """(group, type): the top-level contract class and the most specific one (Country over Place)."""
    names = {_local(t) for t in graph.objects(node, RDF.type) if str(t).startswith(EG_IRI)}
    subtype = next((name for name in PLACE_SUBTYPES if name in names), None)
    if subtype:
        return "Place", subtype
    group = next((name for name in NODE_GROUPS if name in names), None)
    return group, group


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """One node per entity and event (id = IRI) with type, group, label, iri, alt_labels,
    articles, literals and degree; one edge per eg: relation between two of them."""
    network = nx.MultiDiGraph()
    articles: dict[URIRef, set[str]] = defaultdict(set)
    for article in graph.subjects(RDF.type, EG.Article):
        article_id = str(graph.value(article, EG.articleId) or article)
        for predicate in (EG.mentions, EG.reports):
            for node in graph.objects(article, predicate):
                articles[node].add(article_id)
    for node in sorted({s for s in graph.subjects(RDF.type, None) if isinstance(s, URIRef)}):
        group, type_ = _types_of(graph, node)
        if group is None:
            continue
        literals: dict[str, list[str]] = defaultdict(list)
        for predicate, obj in graph.predicate_objects(node):
            if isinstance(obj, Literal) and str(predicate).startswith(EG_IRI):
                literals[_local(predicate)].append(str(obj))
        label = graph.value(node, RDFS.label)
        network.add_node(
            str(node),
            type=type_,
            group=group,
            label=str(label) if label is not None else str(node).rsplit("/", 1)[-1],
            iri=str(node),
            alt_labels=sorted(str(a) for a in graph.objects(node, SKOS.altLabel)),
            articles=sorted(articles.get(node, ())),
            literals={key: sorted(values) for key, values in sorted(literals.items())},
        )
    for subject, predicate, obj in sorted(graph):
        if not str(predicate).startswith(EG_IRI) or predicate in (EG.mentions, EG.reports):
            continue
        if str(subject) in network and str(obj) in network:
            relation = _local(predicate)
            network.add_edge(str(subject), str(obj), key=relation, relation=relation)
    for node, degree in network.degree():
        network.nodes[node]["degree"] = degree
    return network
