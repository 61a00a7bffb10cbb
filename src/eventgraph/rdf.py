"""Resolved records -> RDF in the eg: vocabulary (the RDF contract of the README).

Besides the facts (entities, events, relations), every article contributes its
provenance: an eg:Mention for each place it names an entity (offsets, surface
text, sentence) and an eg:Assertion for each relation it supports (a reified
rdf:Statement with the rule or component that found it, a confidence and the
sentence). `to_graph` gives all of it as one graph; `to_dataset` gives one
named graph per article plus PROV metadata about those graphs, and the union of
its named graphs is exactly `to_graph`.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from decimal import Decimal
from typing import Iterable, Iterator
from urllib.parse import quote, urlsplit, urlunsplit

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import PROV, SKOS

from .corpus import replace_unsafe
from .namespace import EG, EG_TERMS
from .records import ARTICLE, EVENT, LITERAL_RELATIONS, ArticleRecord, Entity
from .resolve import Resolution, article_key, mint_iri

# Characters each part of a URL may hold as they are (RFC 3986 sub-delims, ':', '@', '%' of an
# escape); anything else (spaces, quotes, <>, braces, '|', '^', backticks, non-ASCII) is
# percent-encoded, so the IRI is valid for every RDF parser.
_SAFE_IN_PATH = "/:@!$&'()*+,;=%-._~"
_SAFE_IN_QUERY = _SAFE_IN_PATH + "?"

PREFIXES = {"eg": str(EG), "rdfs": str(RDFS), "skos": str(SKOS), "xsd": str(XSD), "prov": str(PROV)}

Triple = tuple[URIRef, URIRef, object]

# The terms of every article's triples, made once (see namespace.EG_TERMS)
_EG = EG_TERMS
_TYPE, _LABEL, _ALT_LABEL = RDF.type, RDFS.label, SKOS.altLabel
_SUBJECT, _PREDICATE, _OBJECT = RDF.subject, RDF.predicate, RDF.object
_DATE, _NON_NEGATIVE = XSD.date, XSD.nonNegativeInteger


# Provenance repeats the same offsets, methods and sentences many times; an rdflib Literal costs
# tens of microseconds to make, so recent ones are reused (typed: 1 and True are different literals).
_literal = lru_cache(maxsize=1 << 16, typed=True)(Literal)
# and an entity's IRI, checked by URIRef at every making, is named by each of its mentions
_iri = lru_cache(maxsize=1 << 16)(URIRef)


def to_graph(resolution: Resolution, base_iri: str) -> Graph:
    """The whole corpus as one graph, named <base>graph."""
    graph = empty_graph(base_iri)
    for triple in corpus_triples(resolution, base_iri):
        graph.add(triple)
    return graph


def empty_graph(base_iri: str) -> Graph:
    """The corpus graph before its triples: named <base>graph, with eventgraph's prefixes."""
    graph = Graph(identifier=URIRef(base_iri + "graph"))
    _bind(graph)
    return graph


def corpus_triples(resolution: Resolution, base_iri: str) -> Iterator[Triple]:
    """The triples of `to_graph`, without a graph (an rdflib Graph costs ~20 us a triple to fill)."""
    for entity in resolution.entities.values():
        yield from entity_triples(entity)
    for record in resolution.articles:
        yield from article_triples(record, resolution, base_iri)


def to_dataset(resolution: Resolution, base_iri: str) -> Dataset:
    """One named graph per article (its facts, provenance and the entities it mentions), and
    in the default graph, PROV metadata saying which article each named graph comes from."""
    dataset = Dataset()
    _bind(dataset)
    default = dataset.graph(DATASET_DEFAULT_GRAPH_ID)
    agent = URIRef(mint_iri(base_iri, "agent/eventgraph"))
    activity = URIRef(mint_iri(base_iri, "activity/extraction"))
    default.add((agent, RDF.type, PROV.SoftwareAgent))
    default.add((agent, RDFS.label, Literal("eventgraph")))
    default.add((activity, RDF.type, PROV.Activity))
    default.add((activity, PROV.wasAssociatedWith, agent))
    for record in resolution.articles:
        name = article_graph_iri(base_iri, record.article.id)
        named = dataset.graph(name)
        for triple in article_triples(record, resolution, base_iri):
            named.add(triple)
        for key in record.mentions:
            for triple in entity_triples(resolution.entities[key]):
                named.add(triple)
        article = URIRef(mint_iri(base_iri, article_key("article", record.article.id)))
        default.add((name, RDF.type, PROV.Entity))
        default.add((name, PROV.wasDerivedFrom, article))
        default.add((name, PROV.wasGeneratedBy, activity))
        default.add((name, PROV.wasAttributedTo, agent))
        url = _url(record.article.url)
        if url is not None:
            default.add((name, PROV.hadPrimarySource, url))
    return dataset


def article_graph_iri(base_iri: str, article_id: str) -> URIRef:
    """The name of an article's graph in TriG and N-Quads output."""
    return URIRef(mint_iri(base_iri, "graph/" + article_key("article", article_id)))


def _bind(graph: Graph) -> None:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)


def entity_triples(entity: Entity) -> Iterator[Triple]:
    node = URIRef(entity.iri)
    yield node, _TYPE, getattr(_EG, entity.type)
    if entity.subtype:
        yield node, _TYPE, getattr(_EG, entity.subtype)
    yield node, _LABEL, Literal(entity.name)
    for alias in sorted(entity.aliases):
        yield node, _ALT_LABEL, Literal(alias)


def article_triples(record: ArticleRecord, resolution: Resolution, base_iri: str) -> Iterator[Triple]:
    """The article, its reported event, the relations it supports and their provenance
    (`fact_triples`, `mention_triples` and `assertion_triples` together, in this order)."""
    article_node = _article_node(record, base_iri)
    yield from _article_facts(record, resolution, base_iri, article_node)
    yield from _mention_triples(record, resolution, base_iri, article_node)
    for relation, subject, predicate, obj in _relation_terms(record, resolution, base_iri, article_node):
        yield subject, predicate, obj
        yield from _assertion(record, relation, subject, predicate, obj, base_iri, article_node)


def fact_triples(record: ArticleRecord, resolution: Resolution, base_iri: str) -> Iterator[Triple]:
    """The article, its reported event and the relations it supports, without their provenance."""
    article_node = _article_node(record, base_iri)
    yield from _article_facts(record, resolution, base_iri, article_node)
    for _, subject, predicate, obj in _relation_terms(record, resolution, base_iri, article_node):
        yield subject, predicate, obj


def mention_triples(record: ArticleRecord, resolution: Resolution, base_iri: str) -> Iterator[Triple]:
    """An eg:Mention for each place the article names an entity (no triple refers to them)."""
    return _mention_triples(record, resolution, base_iri, _article_node(record, base_iri))


def assertion_triples(record: ArticleRecord, resolution: Resolution, base_iri: str) -> Iterator[Triple]:
    """An eg:Assertion for each relation the article supports (no triple refers to them)."""
    article_node = _article_node(record, base_iri)
    for relation, subject, predicate, obj in _relation_terms(record, resolution, base_iri, article_node):
        yield from _assertion(record, relation, subject, predicate, obj, base_iri, article_node)


def _article_node(record: ArticleRecord, base_iri: str) -> URIRef:
    return URIRef(mint_iri(base_iri, article_key("article", record.article.id)))


def _article_facts(record: ArticleRecord, resolution: Resolution, base_iri: str, article_node: URIRef) -> Iterator[Triple]:
    article = record.article
    event_node = URIRef(mint_iri(base_iri, article_key("event", article.id)))
    yield article_node, _TYPE, _EG.Article
    yield article_node, _LABEL, Literal(article.title or f"Article {article.id}")
    yield article_node, _EG.articleId, Literal(article.id)
    if article.date:
        yield article_node, _EG.datePublished, Literal(article.date.isoformat(), datatype=_DATE)
    if article.title:
        yield article_node, _EG.title, Literal(article.title)
    url = _url(article.url)
    if url is not None:
        yield article_node, _EG.url, url
    yield article_node, _EG.reports, event_node
    yield event_node, _TYPE, _EG.Event
    yield event_node, _LABEL, Literal(_event_label(record))
    for key in record.mentions:
        yield article_node, _EG.mentions, _iri(resolution.entities[key].iri)


def _relation_terms(record: ArticleRecord, resolution: Resolution, base_iri: str, article_node: URIRef) -> Iterator[tuple]:
    """(relation, subject, predicate, object) of each relation the article supports."""
    nodes = {EVENT: URIRef(mint_iri(base_iri, article_key("event", record.article.id))), ARTICLE: article_node}
    for relation in record.relations:
        subject = nodes.get(relation.subject) or _iri(resolution.entities[relation.subject].iri)
        yield relation, subject, getattr(_EG, relation.predicate), _object(relation.predicate, relation.object, resolution)


def _assertion(record: ArticleRecord, relation, subject, predicate, obj, base_iri: str, article_node: URIRef) -> Iterator[Triple]:
    """The reified statement of one relation: the rule that found it, its confidence, its sentence."""
    assertion = URIRef(
        mint_iri(base_iri, article_key("assertion", record.article.id) + "/" + _digest(subject, predicate, obj))
    )
    yield assertion, _TYPE, _EG.Assertion
    yield assertion, _SUBJECT, subject
    yield assertion, _PREDICATE, predicate
    yield assertion, _OBJECT, obj
    yield assertion, _EG.method, _literal(relation.method)
    yield assertion, _EG.confidence, Literal(Decimal(f"{relation.confidence:.2f}"))
    yield assertion, _EG.inArticle, article_node
    yield from _sentence_triples(assertion, record, relation.start, relation.end)


def _mention_triples(record: ArticleRecord, resolution: Resolution, base_iri: str, article_node: URIRef) -> Iterator[Triple]:
    prefix = mint_iri(base_iri, article_key("mention", record.article.id))
    for occurrence in record.occurrences:
        mention = URIRef(f"{prefix}/{occurrence.start}-{occurrence.end}")
        yield mention, _TYPE, _EG.Mention
        yield mention, _EG.refersTo, _iri(resolution.entities[occurrence.key].iri)
        yield mention, _EG.inArticle, article_node
        yield mention, _EG.anchorOf, _literal(occurrence.text)
        yield mention, _EG.beginIndex, _literal(occurrence.start, datatype=_NON_NEGATIVE)
        yield mention, _EG.endIndex, _literal(occurrence.end, datatype=_NON_NEGATIVE)
        yield mention, _EG.method, _literal(occurrence.method)
        yield from _sentence_triples(mention, record, occurrence.start, occurrence.end, with_offsets=False)


def mention_evidence(record: ArticleRecord, resolution: Resolution, base_iri: str) -> Iterator[tuple[str, str, int, str | None]]:
    """(entity IRI, article IRI, start, sentence) of each of the article's mentions: what the view
    reads of `mention_triples` (eg:refersTo, eg:inArticle, eg:beginIndex, eg:sentence), without them."""
    article = str(_article_node(record, base_iri))
    tidied: dict[tuple[int, int], str] = {}  # one string per sentence, however many names it holds
    for occurrence in record.occurrences:
        sentence = _sentence(record, occurrence.start, occurrence.end, tidied)
        yield resolution.entities[occurrence.key].iri, article, occurrence.start, None if sentence is None else sentence[0]


def _sentence_triples(node: URIRef, record: ArticleRecord, start: int, end: int, with_offsets: bool = True) -> Iterator[Triple]:
    """eg:sentence (whitespace tidied), and for assertions the sentence's own offsets."""
    found = _sentence(record, start, end)
    if found is None:
        return
    text, span = found
    yield node, _EG.sentence, _literal(text)
    if with_offsets:
        yield node, _EG.beginIndex, _literal(span[0], datatype=_NON_NEGATIVE)
        yield node, _EG.endIndex, _literal(span[1], datatype=_NON_NEGATIVE)


def _sentence(record: ArticleRecord, start: int, end: int, tidied: dict[tuple[int, int], str] | None = None) -> tuple[str, tuple[int, int]] | None:
    """The evidence sentence's text (whitespace tidied) and span, if there is one; `tidied`
    keeps the texts made so far, by span."""
    span = _evidence_span(record, start, end)
    if span is None:
        return None
    text = tidied.get(span) if tidied is not None else None
    if text is None:
        text = " ".join(record.article.text[span[0] : span[1]].split())
        if tidied is not None:
            tidied[span] = text
    return (text, span) if text else None


def _evidence_span(record: ArticleRecord, start: int, end: int) -> tuple[int, int] | None:
    """The sentence around [start, end); for a header line (a source credit, a dateline),
    which the extractor reads as metadata rather than as a sentence, the line itself."""
    article = record.article
    if end > start and not article.body[start:end].strip():
        line_start = article.text.rfind("\n", 0, start) + 1
        line_end = article.text.find("\n", end)
        return line_start, len(article.text) if line_end < 0 else line_end
    span = record.sentence_at(start, end) or ((start, end) if end > start else None)
    if span is None:
        return None
    # a sentence's blanked surroundings (header lines, page chrome) are not part of it
    body = article.body
    while span[0] < span[1] and body[span[0]].isspace():
        span = (span[0] + 1, span[1])
    while span[1] > span[0] and body[span[1] - 1].isspace():
        span = (span[0], span[1] - 1)
    return span


def _digest(*terms: object) -> str:
    """A short stable name for a triple (so an assertion's IRI depends only on what it asserts)."""
    return hashlib.sha1(" ".join(t.n3() for t in terms).encode("utf-8")).hexdigest()[:16]  # type: ignore[attr-defined]


def _url(url: str | None) -> URIRef | None:
    """An article's URL as a valid absolute IRI (RFC 3987), or None if it has no scheme and host.

    Characters an IRI cannot hold are percent-encoded part by part, and so is a '%' that
    starts no escape ('100%' -> '100%25'); escapes already there are kept.
    """
    if not url:
        return None
    try:
        parts = urlsplit(re.sub(r"%(?![0-9A-Fa-f]{2})", "%25", replace_unsafe(url).strip()))
    except ValueError:  # e.g. an unclosed '[' in the host
        return None
    authority = _authority(parts.netloc)
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", parts.scheme) or authority is None:
        return None
    return URIRef(
        urlunsplit(
            (
                parts.scheme.lower(),
                authority,
                quote(_remove_dot_segments(parts.path), safe=_SAFE_IN_PATH),
                quote(parts.query, safe=_SAFE_IN_QUERY),
                quote(parts.fragment, safe=_SAFE_IN_QUERY),
            )
        )
    )


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 5.2.4: '/a/./b/../c' -> '/a/c', as every resolver would read it (rapper does)."""
    output: list[str] = []
    segments = path.split("/")
    for index, segment in enumerate(segments):
        last = index == len(segments) - 1
        if segment == ".":
            if last:
                output.append("")
        elif segment == "..":
            if len(output) > 1:
                output.pop()
            if last:
                output.append("")
        else:
            output.append(segment)
    return "/".join(output)


def _authority(netloc: str) -> str | None:
    """'user@host:port' with each part percent-encoded as RFC 3986 requires; None without a host."""
    userinfo, at, hostport = netloc.rpartition("@")
    host, colon, port = hostport.rpartition(":")
    if not colon or not port.isdigit() or host.count("[") != host.count("]"):
        host, port = hostport, ""
    if not re.fullmatch(r"\[[0-9A-Fa-f:.]+\]", host):  # an IPv6 address stays as it is
        host = quote(host, safe="!$&'()*+,;=-._~%")
    if not host:
        return None
    return (quote(userinfo, safe="!$&'()*+,;=:-._~%") + "@" if at else "") + host + (":" + port if port else "")


def _object(predicate: str, value: str, resolution: Resolution):
    if predicate not in LITERAL_RELATIONS:
        return _iri(resolution.entities[value].iri)
    if predicate == "date":
        return _literal(value, datatype=XSD.date)
    if predicate == "anniversary":
        return _literal(int(value))
    return _literal(value)


def _event_label(record: ArticleRecord) -> str:
    """'Commemorative event, 2018-02-26 (article 000_77e3852846fd815c)'."""
    date = next((r.object for r in record.relations if r.subject == EVENT and r.predicate == "date"), None)
    kind = record.event_kind[:1].upper() + record.event_kind[1:]
    return f"{kind}{', ' + date if date else ''} (article {record.article.id})"


def union_of_named_graphs(dataset: Dataset) -> Iterable[Triple]:
    """Every triple of the dataset's named graphs (not the default graph's PROV metadata)."""
    for context in dataset.graphs():
        if context.identifier != DATASET_DEFAULT_GRAPH_ID:
            yield from context
