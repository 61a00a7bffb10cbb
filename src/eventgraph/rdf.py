"""Resolved records -> an rdflib Graph in the eg: vocabulary (the RDF contract of the README)."""

from __future__ import annotations

from urllib.parse import quote

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from .namespace import EG
from .records import ARTICLE, EVENT, LITERAL_RELATIONS, ArticleRecord
from .resolve import Resolution, article_key, mint_iri

# Characters an IRI may hold as they are; anything else (spaces, quotes, braces) is percent-encoded.
_IRI_SAFE = ":/?#[]@!$&'()*+,;=%~-._"

PREFIXES = {"eg": str(EG), "rdfs": str(RDFS), "skos": str(SKOS), "xsd": str(XSD)}


def to_graph(resolution: Resolution, base_iri: str) -> Graph:
    """The whole corpus as one graph, named <base>graph (the name N-Quads and TriG output use)."""
    graph = Graph(identifier=URIRef(base_iri + "graph"))
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    for entity in resolution.entities.values():
        node = URIRef(entity.iri)
        graph.add((node, RDF.type, EG[entity.type]))
        if entity.subtype:
            graph.add((node, RDF.type, EG[entity.subtype]))
        graph.add((node, RDFS.label, Literal(entity.name)))
        for alias in entity.aliases:
            graph.add((node, SKOS.altLabel, Literal(alias)))
    for record in resolution.articles:
        _add_article(graph, record, resolution, base_iri)
    return graph


def _add_article(graph: Graph, record: ArticleRecord, resolution: Resolution, base_iri: str) -> None:
    article = record.article
    article_node = URIRef(mint_iri(base_iri, article_key("article", article.id)))
    event_node = URIRef(mint_iri(base_iri, article_key("event", article.id)))
    graph.add((article_node, RDF.type, EG.Article))
    graph.add((article_node, RDFS.label, Literal(article.title or f"Article {article.id}")))
    graph.add((article_node, EG.articleId, Literal(article.id)))
    if article.date:
        graph.add((article_node, EG.datePublished, Literal(article.date.isoformat(), datatype=XSD.date)))
    if article.title:
        graph.add((article_node, EG.title, Literal(article.title)))
    if article.url:
        graph.add((article_node, EG.url, URIRef(quote(article.url.strip(), safe=_IRI_SAFE))))
    graph.add((article_node, EG.reports, event_node))
    graph.add((event_node, RDF.type, EG.Event))
    graph.add((event_node, RDFS.label, Literal(_event_label(record))))
    for key in record.mentions:
        graph.add((article_node, EG.mentions, URIRef(resolution.entities[key].iri)))
    nodes = {EVENT: event_node, ARTICLE: article_node}
    for relation in record.relations:
        subject = nodes.get(relation.subject) or URIRef(resolution.entities[relation.subject].iri)
        graph.add((subject, EG[relation.predicate], _object(relation.predicate, relation.object, resolution)))


def _object(predicate: str, value: str, resolution: Resolution):
    if predicate not in LITERAL_RELATIONS:
        return URIRef(resolution.entities[value].iri)
    if predicate == "date":
        return Literal(value, datatype=XSD.date)
    if predicate == "anniversary":
        return Literal(int(value))
    return Literal(value)


def _event_label(record: ArticleRecord) -> str:
    """'Commemorative event, 2018-02-26 (article 000_77e3852846fd815c)'."""
    date = next((r.object for r in record.relations if r.subject == EVENT and r.predicate == "date"), None)
    kind = record.event_kind[:1].upper() + record.event_kind[1:]
    return f"{kind}{', ' + date if date else ''} (article {record.article.id})"
