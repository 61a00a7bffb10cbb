"""RDF in the eventgraph contract -> a networkx graph of entities and events.

Articles and literals do not become nodes: articles would tie every entity to
every other, and literals (dates, job titles) are attributes of their node.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Iterator

import networkx as nx
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from ..namespace import EG, EG_IRI, ENTITY_TYPES, PLACE_SUBTYPES

# The view's groups, in legend order: the contract's entity classes, then events.
NODE_GROUPS = (*ENTITY_TYPES, "Event")
# Links from an article: they become each node's article list, never edges.
ARTICLE_LINKS = (EG.mentions, EG.reports)
# Subjects the view never reads (a relation's provenance, nine-tenths of a corpus's triples
# with the mentions): a caller holding the triples may leave them out.
UNDRAWN_TYPES = (EG.Assertion,)
# The terms the view reads, made once (each `EG.x` builds a new URIRef).
_MENTION, _REFERS_TO, _IN_ARTICLE, _SENTENCE, _BEGIN = EG.Mention, EG.refersTo, EG.inArticle, EG.sentence, EG.beginIndex
_ARTICLE_FIELDS = (("article", EG.articleId), ("title", EG.title), ("url", EG.url), ("date", EG.datePublished))


def _local(term: URIRef) -> str:
    """The eg: local name ("speaker"); callers check the namespace first."""
    return str(term)[len(EG_IRI) :]


def _is_eg(term) -> bool:
    return isinstance(term, URIRef) and str(term).startswith(EG_IRI)


class _Facts:
    """The graph's triples grouped by subject and predicate, read in one pass: the view asks
    hundreds of thousands of small questions, and rdflib's store answers each one slowly."""

    def __init__(self, triples: Iterable[tuple]):
        self.by_subject: dict = defaultdict(lambda: defaultdict(list))
        for subject, predicate, obj in triples:
            self.by_subject[subject][predicate].append(obj)

    def objects(self, subject, predicate) -> list:
        found = self.by_subject.get(subject)
        return found.get(predicate, []) if found is not None else []

    def value(self, subject, predicate):
        values = self.objects(subject, predicate)
        return values[0] if values else None

    def subject_objects(self, predicate) -> Iterator[tuple]:
        for subject, predicates in self.by_subject.items():
            for obj in predicates.get(predicate, ()):
                yield subject, obj

    def subjects_of_type(self, cls) -> list:
        return [subject for subject, predicates in self.by_subject.items() if cls in predicates.get(RDF.type, ())]


def node_kind(facts: _Facts, node: URIRef) -> tuple[str, str] | None:
    """(group, type) of a node, or None if it is not an entity or event.

    group is the top-level contract class, type the most specific one: a node
    typed eg:Country (with or without eg:Place) is ("Place", "Country").
    """
    names = {_local(t) for t in facts.objects(node, RDF.type) if _is_eg(t)}
    subtype = next((name for name in PLACE_SUBTYPES if name in names), None)
    if subtype:
        return "Place", subtype
    group = next((name for name in NODE_GROUPS if name in names), None)
    return (group, group) if group else None


def article_index(facts: _Facts) -> dict[URIRef, set[str]]:
    """node -> ids of the articles that mention or report it (the article IRI if it has no eg:articleId)."""
    index: dict[URIRef, set[str]] = defaultdict(set)
    for link in ARTICLE_LINKS:
        for article, node in facts.subject_objects(link):
            index[node].add(str(facts.value(article, EG.articleId) or article))
    return index


def evidence_index(facts: _Facts) -> dict[URIRef, list[dict]]:
    """node -> one entry per article that names it: the article's id, title, url and date, and the
    sentences (eg:Mention eg:sentence) in which it is named, in text order.

    Articles that only eg:mention a node (a graph without provenance, or edited by hand) are listed
    without sentences, so that no article is lost.
    """
    articles: dict[URIRef, dict[URIRef, list[tuple[int, str]]]] = defaultdict(dict)
    for mention in facts.subjects_of_type(_MENTION):
        node, article = facts.value(mention, _REFERS_TO), facts.value(mention, _IN_ARTICLE)
        if node is None or article is None:
            continue
        sentences = articles[node].setdefault(article, [])
        sentence = facts.value(mention, _SENTENCE)
        if sentence is not None:
            begin = facts.value(mention, _BEGIN)
            sentences.append((_int(begin), str(sentence)))
    for link in ARTICLE_LINKS:
        for article, node in facts.subject_objects(link):
            articles[node].setdefault(article, [])
    index: dict[URIRef, list[dict]] = {}
    for node, by_article in articles.items():
        entries = [_article_entry(facts, article, sentences) for article, sentences in by_article.items()]
        index[node] = sorted(entries, key=lambda e: (e["date"], e["article"]))
    return index


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _article_entry(facts: _Facts, article: URIRef, sentences: list[tuple[int, str]]) -> dict:
    """An article as the side panel shows it; each distinct sentence once, in text order."""
    ordered = [text for _, text in sorted(sentences)]

    entry = {}
    for field, predicate in _ARTICLE_FIELDS:
        value = facts.value(article, predicate)
        entry[field] = "" if value is None else str(value)
    entry["article"] = entry["article"] or str(article)
    entry["sentences"] = list(dict.fromkeys(ordered))
    return entry


def _label(facts: _Facts, node: URIRef) -> str:
    """rdfs:label, or the last IRI segment so that no node is drawn blank."""
    label = facts.value(node, RDFS.label)
    return str(label) if label is not None else str(node).rstrip("/").rsplit("/", 1)[-1]


def _literals(facts: _Facts, node: URIRef) -> dict[str, list[str]]:
    """eg: relation -> sorted literal values (jobTitle, date, anniversary ...)."""
    values: dict[str, list[str]] = defaultdict(list)
    for predicate, objects in facts.by_subject.get(node, {}).items():
        if _is_eg(predicate):
            values[_local(predicate)].extend(str(obj) for obj in objects if isinstance(obj, Literal))
    return {key: sorted(found) for key, found in sorted(values.items()) if found}


def _edges(facts: _Facts, nodes: set[str]) -> list[tuple[str, str, str]]:
    """Sorted (subject, relation, object) for every eg: link between two view nodes."""
    found = {
        (str(s), _local(p), str(o))
        for s, predicates in facts.by_subject.items() if str(s) in nodes
        for p, objects in predicates.items() if _is_eg(p) and p not in ARTICLE_LINKS
        for o in objects if isinstance(o, URIRef) and str(o) in nodes
    }
    return sorted(found)


def to_networkx(graph: Graph | Iterable[tuple]) -> nx.MultiDiGraph:
    """One node per entity and event (id = IRI) with type, group, label, iri, alt_labels,
    articles, evidence, literals and degree; one edge per eg: relation between two of them, keyed by relation.

    `graph` is an rdflib Graph or any iterable of its (subject, predicate, object) triples."""
    network = nx.MultiDiGraph()
    facts = _Facts(graph)
    articles = article_index(facts)
    evidence = evidence_index(facts)
    candidates = {s for s, predicates in facts.by_subject.items() if isinstance(s, URIRef) and RDF.type in predicates}
    for node in sorted(candidates, key=str):  # the order of URIRef's own comparison, faster
        kind = node_kind(facts, node)
        if kind is None:
            continue
        group, type_ = kind
        network.add_node(
            str(node),
            type=type_,
            group=group,
            label=_label(facts, node),
            iri=str(node),
            alt_labels=sorted({str(a) for a in facts.objects(node, SKOS.altLabel)}),
            articles=sorted(articles.get(node, ())),
            evidence=evidence.get(node, []),
            literals=_literals(facts, node),
        )
    for subject, relation, obj in _edges(facts, set(network.nodes)):
        network.add_edge(subject, obj, key=relation, relation=relation)
    for node, degree in network.degree():
        network.nodes[node]["degree"] = degree
    return network
