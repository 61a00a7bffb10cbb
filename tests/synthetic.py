"""Synthetic graphs in the eventgraph contract, of any size, for scale tests (invented names, fixed seed)."""

from __future__ import annotations

import random

from rdflib import RDF, RDFS, Graph, Literal, URIRef

from eventgraph.namespace import EG

BASE = "https://example.org/synthetic/"
# node type -> share of the nodes
SHARES = {"Person": 0.35, "Organization": 0.14, "Embassy": 0.08, "Place": 0.12, "Film": 0.03,
          "Campaign": 0.02, "HistoricalEvent": 0.04, "Event": 0.22}
# what each event links to
EVENT_LINKS = (("organizer", "Embassy"), ("speaker", "Person"), ("speaker", "Person"), ("participant", "Person"),
               ("location", "Place"), ("commemorates", "HistoricalEvent"), ("screened", "Film"))


def synthetic_graph(size: int, seed: int = 5) -> Graph:
    """`size` entities and events with labels and eg: relations; no articles."""
    rng = random.Random(seed)
    graph = Graph()
    nodes: dict[str, list[URIRef]] = {kind: [] for kind in SHARES}
    kinds = rng.choices(list(SHARES), weights=list(SHARES.values()), k=size)
    for index, kind in enumerate(kinds):
        node = URIRef(f"{BASE}{kind.lower()}/{index}")
        graph.add((node, RDF.type, EG[kind]))
        graph.add((node, RDFS.label, Literal(f"{kind} {index}")))
        nodes[kind].append(node)
    for event in nodes["Event"]:
        for relation, kind in EVENT_LINKS:
            if nodes[kind] and rng.random() < 0.8:
                graph.add((event, EG[relation], rng.choice(nodes[kind])))
    for person in nodes["Person"]:
        graph.add((person, EG.worksFor, rng.choice(nodes["Organization"] + nodes["Embassy"])))
    for kind, relation, target in (("Film", "producedBy", "Organization"), ("Campaign", "initiatedBy", "Organization"),
                                   ("Embassy", "represents", "Place"), ("Organization", "locatedIn", "Place")):
        for node in nodes[kind]:
            if rng.random() < 0.7:
                graph.add((node, EG[relation], rng.choice(nodes[target])))
    return graph
