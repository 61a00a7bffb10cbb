"""RDF in the eventgraph contract -> a networkx graph of entities and events.

Articles and literals do not become nodes: articles would tie every entity to
every other, and literals (dates, job titles) are attributes of their node.
"""

from __future__ import annotations

from collections import defaultdict
from sys import intern
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

_plain = str.__str__  # an IRI as a plain str: rdflib terms hash and compare in Python, str in C


def _key(term):
    """How the view keys a node or predicate: an IRI by its plain string, anything else as it is."""
    return _plain(term) if isinstance(term, URIRef) else term


# The predicates and classes the view reads, as keys.
_TYPE, _LABEL, _ALT_LABEL = _plain(RDF.type), _plain(RDFS.label), _plain(SKOS.altLabel)
_REFERS_TO, _IN_ARTICLE, _SENTENCE, _BEGIN = (_plain(term) for term in (EG.refersTo, EG.inArticle, EG.sentence, EG.beginIndex))
_MENTION = EG.Mention  # a class: an object, so a term
_ARTICLE_ID = _plain(EG.articleId)
_ARTICLE_LINKS = tuple(_plain(link) for link in ARTICLE_LINKS)
_ARTICLE_FIELDS = (("article", _ARTICLE_ID), ("title", _plain(EG.title)), ("url", _plain(EG.url)), ("date", _plain(EG.datePublished)))


def _local(key: str) -> str:
    """The eg: local name ("speaker"); callers check the namespace first."""
    return key[len(EG_IRI) :]


def _is_eg(term) -> bool:
    """An eg: IRI, as a term (an object) or as a key (a predicate)."""
    return (type(term) is str or isinstance(term, URIRef)) and term.startswith(EG_IRI)


class _Facts:
    """The graph's triples grouped by subject and predicate (keyed as `_key` says), read in one
    pass: the view asks hundreds of thousands of small questions, and rdflib's store answers
    each one slowly."""

    def __init__(self, triples: Iterable[tuple]):
        self.by_subject: dict = defaultdict(lambda: defaultdict(list))
        for subject, predicate, obj in triples:
            # interned: a corpus has a few dozen predicates, and one string each is enough
            self.by_subject[_key(subject)][intern(_plain(predicate))].append(obj)

    def objects(self, subject, predicate: str) -> list:
        found = self.by_subject.get(subject)
        return found.get(predicate, []) if found is not None else []

    def value(self, subject, predicate: str):
        values = self.objects(subject, predicate)
        return values[0] if values else None

    def subject_objects(self, predicate: str) -> Iterator[tuple]:
        for subject, predicates in self.by_subject.items():
            for obj in predicates.get(predicate, ()):
                yield subject, obj

    def subjects_of_type(self, cls: URIRef) -> list:
        return [subject for subject, predicates in self.by_subject.items() if cls in predicates.get(_TYPE, ())]


def node_kind(facts: _Facts, node: str) -> tuple[str, str] | None:
    """(group, type) of a node, or None if it is not an entity or event.

    group is the top-level contract class, type the most specific one: a node
    typed eg:Country (with or without eg:Place) is ("Place", "Country").
    """
    names = {_local(t) for t in facts.objects(node, _TYPE) if _is_eg(t)}
    subtype = next((name for name in PLACE_SUBTYPES if name in names), None)
    if subtype:
        return "Place", subtype
    group = next((name for name in NODE_GROUPS if name in names), None)
    return (group, group) if group else None


def article_index(facts: _Facts) -> dict[str, set[str]]:
    """node -> ids of the articles that mention or report it (the article IRI if it has no eg:articleId)."""
    index: dict[str, set[str]] = defaultdict(set)
    for link in _ARTICLE_LINKS:
        for article, node in facts.subject_objects(link):
            index[_key(node)].add(str(facts.value(article, _ARTICLE_ID) or article))
    return index


Mentions = Iterable[tuple[str, str, int, "str | None"]]  # (node IRI, article IRI, start, sentence)


def graph_mentions(facts: _Facts) -> Iterator[tuple[str, str, int, str | None]]:
    """What the view reads of each eg:Mention: the node it refers to, its article, where it
    starts and its eg:sentence."""
    for mention in facts.subjects_of_type(_MENTION):
        node, article = facts.value(mention, _REFERS_TO), facts.value(mention, _IN_ARTICLE)
        if node is None or article is None:
            continue
        sentence = facts.value(mention, _SENTENCE)
        yield _key(node), _key(article), _int(facts.value(mention, _BEGIN)), None if sentence is None else str(sentence)


def evidence_index(facts: _Facts, mentions: Mentions | None = None) -> dict[str, list[dict]]:
    """node -> one entry per article that names it: the article's id, title, url and date, and the
    sentences (eg:Mention eg:sentence) in which it is named, in text order.

    `mentions` are the graph's eg:Mention resources as `graph_mentions` reads them, when the caller
    has them apart from the graph (a build: see rdf.mention_evidence). Articles that only eg:mention
    a node (a graph without provenance, or edited by hand) are listed without sentences, so that no
    article is lost.
    """
    articles: dict = defaultdict(dict)
    for node, article, begin, sentence in graph_mentions(facts) if mentions is None else mentions:
        sentences = articles[node].setdefault(article, [])
        if sentence is not None:
            sentences.append((begin, sentence))
    for link in _ARTICLE_LINKS:
        for article, node in facts.subject_objects(link):
            articles[_key(node)].setdefault(article, [])
    fields: dict = {}  # article -> its id, title, url and date, read once for all its nodes
    index: dict[str, list[dict]] = {}
    for node, by_article in articles.items():
        entries = []
        for article, sentences in by_article.items():
            if article not in fields:
                fields[article] = _article_fields(facts, article)
            entries.append({**fields[article], "sentences": _distinct_in_order(sentences)})
        index[node] = sorted(entries, key=lambda e: (e["date"], e["article"]))
    return index


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _article_fields(facts: _Facts, article) -> dict[str, str]:
    """An article as the side panel shows it: id (its IRI if it has none), title, url, date."""
    entry = {}
    for field, predicate in _ARTICLE_FIELDS:
        value = facts.value(article, predicate)
        entry[field] = "" if value is None else str(value)
    entry["article"] = entry["article"] or str(article)
    return entry


def _distinct_in_order(sentences: list[tuple[int, str]]) -> list[str]:
    """Each distinct sentence once, in text order."""
    return list(dict.fromkeys(text for _, text in sorted(sentences)))


def _label(facts: _Facts, node: str) -> str:
    """rdfs:label, or the last IRI segment so that no node is drawn blank."""
    label = facts.value(node, _LABEL)
    return str(label) if label is not None else str(node).rstrip("/").rsplit("/", 1)[-1]


def _literals(facts: _Facts, node: str) -> dict[str, list[str]]:
    """eg: relation -> sorted literal values (jobTitle, date, anniversary ...)."""
    values: dict[str, list[str]] = defaultdict(list)
    for predicate, objects in facts.by_subject.get(node, {}).items():
        if _is_eg(predicate):
            values[_local(predicate)].extend(str(obj) for obj in objects if isinstance(obj, Literal))
    return {key: sorted(found) for key, found in sorted(values.items()) if found}


def _edges(facts: _Facts, nodes: set[str]) -> list[tuple[str, str, str]]:
    """Sorted (subject, relation, object) for every eg: link between two view nodes."""
    found = {
        (s, _local(p), str(o))
        for s, predicates in facts.by_subject.items() if s in nodes
        for p, objects in predicates.items() if _is_eg(p) and p not in _ARTICLE_LINKS
        for o in objects if isinstance(o, URIRef) and str(o) in nodes
    }
    return sorted(found)


def to_networkx(graph: Graph | Iterable[tuple], mentions: Mentions | None = None) -> nx.MultiDiGraph:
    """One node per entity and event (id = IRI) with type, group, label, iri, alt_labels,
    articles, evidence, literals and degree; one edge per eg: relation between two of them, keyed by relation.

    `graph` is an rdflib Graph or any iterable of its (subject, predicate, object) triples;
    `mentions`, its eg:Mention resources when they are not among them (see evidence_index)."""
    network = nx.MultiDiGraph()
    facts = _Facts(graph)
    articles = article_index(facts)
    evidence = evidence_index(facts, mentions)
    candidates = {s for s, predicates in facts.by_subject.items() if type(s) is str and _TYPE in predicates}
    for node in sorted(candidates):
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
            alt_labels=sorted({str(a) for a in facts.objects(node, _ALT_LABEL)}),
            articles=sorted(articles.get(node, ())),
            evidence=evidence.get(node, []),
            literals=_literals(facts, node),
        )
    for subject, relation, obj in _edges(facts, set(network.nodes)):
        network.add_edge(subject, obj, key=relation, relation=relation)
    for node, degree in network.degree():
        network.nodes[node]["degree"] = degree
    return network
