"""The interactive network view: one self-contained HTML file that works offline.

The network is laid out by vis-network (shipped inside pyvis and inlined here);
pyvis builds the node and edge records, and our own template replaces pyvis's,
which links Bootstrap and other assets from a CDN. Every string from the graph
travels as JSON data and is put on the page with textContent, never as HTML.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from importlib import resources
from pathlib import Path

import networkx as nx
from rdflib import Graph

from .network import NODE_GROUPS, to_networkx

# group -> (colour, vis-network shape)
STYLES = {
    "Person": ("#4e79a7", "dot"),
    "Embassy": ("#e15759", "diamond"),
    "Organization": ("#f28e2b", "square"),
    "Film": ("#76b7b2", "triangle"),
    "Campaign": ("#59a14f", "star"),
    "HistoricalEvent": ("#b07aa1", "triangleDown"),
    "Place": ("#d4a72c", "dot"),
    "Event": ("#9c755f", "hexagon"),
}

VIS_OPTIONS = {
    "nodes": {"font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"}, "borderWidth": 1},
    "edges": {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "color": {"color": "#b8b8b8", "highlight": "#555555", "hover": "#555555"},
        "font": {"size": 9, "color": "#666666", "strokeWidth": 2, "align": "middle"},
        "smooth": {"type": "continuous"},
    },
    "physics": {
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110, "avoidOverlap": 0.4},
        "stabilization": {"enabled": True, "iterations": 400, "fit": True},
    },
    "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
    "layout": {"randomSeed": 7},
}


_PLACEHOLDER = re.compile(r"/\*VIS_CSS\*/|/\*VIS_JS\*/|/\*GRAPH_DATA\*/|<!--TITLE-->")


def _vis_asset(name: str) -> str:
    import pyvis

    return (Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / name).read_text(encoding="utf-8")


def _network_records(network: nx.MultiDiGraph) -> tuple[list[dict], list[dict]]:
    """Node and edge records for vis-network, built through pyvis."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    for node, data in network.nodes(data=True):
        net.add_node(
            node,
            label=data["label"],
            group=data["group"],
            size=10 + 4 * min(data["degree"], 12) ** 0.8,
            type=data["type"],
            iri=data["iri"],
            alt=data["alt_labels"],
            articles=data["articles"],
            literals=data["literals"],
        )
    for index, (source, target, data) in enumerate(network.edges(data=True)):
        net.add_edge(source, target, label=data["relation"], id=index)
    nodes, edges, *_ = net.get_network_data()
    for node in nodes:
        node.pop("shape", None)  # pyvis's default "dot" would hide each group's shape
    return nodes, edges


def _json_for_script(value) -> str:
    """JSON that cannot end a <script> element or open a comment, whatever the labels hold."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def render_html(graph: Graph, *, title: str = "eventgraph") -> str:
    """The whole view as one HTML string: same graph, same bytes."""
    network = to_networkx(graph)
    nodes, edges = _network_records(network)
    counts = Counter(data["group"] for _, data in network.nodes(data=True))
    groups = {group: {"color": {"background": colour, "border": "#555555"}, "shape": shape} for group, (colour, shape) in STYLES.items()}
    data = {
        "title": title,
        "nodes": nodes,
        "edges": edges,
        "options": {**VIS_OPTIONS, "groups": groups},
        "legend": [{"group": g, "color": STYLES[g][0], "shape": STYLES[g][1], "count": counts.get(g, 0)} for g in NODE_GROUPS],
    }
    template = resources.files("eventgraph.view").joinpath("template.html").read_text(encoding="utf-8")
    parts = {
        "/*VIS_CSS*/": _vis_asset("vis-network.css"),
        "/*VIS_JS*/": _vis_asset("vis-network.min.js").replace("</script", "<\\/script"),
        "/*GRAPH_DATA*/": _json_for_script(data),
        "<!--TITLE-->": _escape_html(title),
    }
    # one pass over the template, so nothing inserted is ever scanned for placeholders again
    return _PLACEHOLDER.sub(lambda match: parts[match.group(0)], template)


def _escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
