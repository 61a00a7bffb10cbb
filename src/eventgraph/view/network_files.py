"""The network as GraphML or GEXF, for Gephi, Cytoscape and networkx.

Every node keeps `type` and `label` (what those tools colour and caption by),
plus its group, IRI, other names, articles, degree, betweenness and Louvain
community; every edge its relation, as `relation` and `label`. List values are
joined with " | " because neither format has lists. Same graph, same bytes.
"""

from __future__ import annotations

import re

import networkx as nx

from ..errors import ConfigError
from .analysis import betweenness, communities, community_of

# format name -> file suffix
NETWORK_FORMATS: dict[str, str] = {"graphml": ".graphml", "gexf": ".gexf"}
SEPARATOR = " | "


def exchange_graph(network: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with flat, typed attributes only and one unique id per edge."""
    between = betweenness(network)
    community = community_of(communities(network))
    flat = nx.MultiDiGraph()
    for node in sorted(network.nodes):
        data = network.nodes[node]
        flat.add_node(
            node,
            label=data["label"],
            type=data["type"],
            group=data["group"],
            iri=data["iri"],
            other_names=SEPARATOR.join(data["alt_labels"]),
            articles=SEPARATOR.join(data["articles"]),
            degree=int(data["degree"]),
            betweenness=float(between.get(node, 0.0)),
            community=int(community[node]),
        )
    edges = sorted((s, o, relation) for s, o, relation in network.edges(data="relation"))
    for index, (source, target, relation) in enumerate(edges):
        flat.add_edge(source, target, key=f"e{index}", relation=relation, label=relation)
    return flat


def serialize_network(network: nx.MultiDiGraph, fmt: str) -> bytes:
    """GraphML or GEXF bytes of the network."""
    flat = exchange_graph(network)
    if fmt == "graphml":
        text = "\n".join(nx.generate_graphml(flat, named_key_ids=True)) + "\n"
    elif fmt == "gexf":
        text = "\n".join(nx.generate_gexf(flat)) + "\n"
        # networkx stamps today's date into <meta>: drop it, so a rebuild gives the same bytes
        text = re.sub(r'\s+lastmodifieddate="[^"]*"', "", text, count=1)
    else:
        raise ConfigError(f"unknown network format {fmt!r}; choose from {', '.join(NETWORK_FORMATS)}")
    return text.encode("utf-8")
