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


def evidence_index(graph: Graph) -> dict[URIRef, list[dict]]:
    """node -> one entry per article that names it: the article's id, title, url and date, and the
    sentences (eg:Mention eg:sentence) in which it is named, in text order.

    Articles that only eg:mention a node (a graph without provenance, or edited by hand) are listed
    without sentences, so that no article is lost.
    """
    articles: dict[URIRef, dict[URIRef, list[tuple[int, str]]]] = defaultdict(dict)
    for mention in graph.subjects(RDF.type, EG.Mention):
        node, article = graph.value(mention, EG.refersTo), graph.value(mention, EG.inArticle)
        if node is None or article is None:
            continue
        sentences = articles[node].setdefault(article, [])
        sentence = graph.value(mention, EG.sentence)
        if sentence is not None:
            begin = graph.value(mention, EG.beginIndex)
            sentences.append((_int(begin), str(sentence)))
    for link in ARTICLE_LINKS:
        for article, node in graph.subject_objects(link):
            articles[node].setdefault(article, [])
    index: dict[URIRef, list[dict]] = {}
    for node, by_article in articles.items():
        entries = [_article_entry(graph, article, sentences) for article, sentences in by_article.items()]
        index[node] = sorted(entries, key=lambda e: (e["date"], e["article"]))
    return index


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _article_entry(graph: Graph, article: URIRef, sentences: list[tuple[int, str]]) -> dict:
    """An article as the side panel shows it; each distinct sentence once, in text order."""
    ordered = [text for _, text in sorted(sentences)]

    def text(predicate) -> str:
        value = graph.value(article, predicate)
        return "" if value is None else str(value)

    return {
        "article": text(EG.articleId) or str(article),
        "title": text(EG.title),
        "url": text(EG.url),
        "date": text(EG.datePublished),
        "sentences": list(dict.fromkeys(ordered)),
    }


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
    articles, evidence, literals and degree; one edge per eg: relation between two of them, keyed by relation."""
    network = nx.MultiDiGraph()
    articles = article_index(graph)
    evidence = evidence_index(graph)
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
            evidence=evidence.get(node, []),
            literals=_literals(graph, node),
        )
    for subject, relation, obj in _edges(graph, set(network.nodes)):
        network.add_edge(subject, obj, key=relation, relation=relation)
    for node, degree in network.degree():
        network.nodes[node]["degree"] = degree
    return network
