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
from typing import Any

import networkx as nx
from rdflib import Graph

from ..errors import EventGraphError
from .network import NODE_GROUPS, to_networkx

VIS_DIR = ("lib", "vis-9.1.2")  # inside the pyvis package (pyvis==0.3.2)

# group -> (colour, vis-network shape). Only shapes whose size can follow the
# degree (label below the node) are used; Person and Place share the dot and
# differ in colour.
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

VIS_OPTIONS: dict[str, Any] = {
    "nodes": {
        "font": {"size": 16, "strokeWidth": 3, "strokeColor": "#ffffff"},
        "borderWidth": 1,
        "borderWidthSelected": 3,
        "widthConstraint": {"maximum": 190},  # long event names wrap instead of running into neighbours
    },
    "edges": {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "color": {"color": "#b8b8b8", "highlight": "#555555", "hover": "#555555"},
        "font": {"size": 10, "color": "#666666", "strokeWidth": 2, "align": "middle"},
        "smooth": {"type": "continuous"},
    },
    "physics": {
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -100, "springLength": 120, "avoidOverlap": 0.8},
        "stabilization": {"enabled": True, "iterations": 600, "fit": True},
    },
    "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
    "layout": {"randomSeed": 7},  # vis-network's seed: the same layout on every load
}

_PLACEHOLDER = re.compile(r"/\*VIS_CSS\*/|/\*VIS_JS\*/|/\*GRAPH_DATA\*/|<!--TITLE-->|<!--SUMMARY-->")
_SCRIPT_END = re.compile(r"</(script)", re.IGNORECASE)


def _vis_asset(name: str) -> str:
    """vis-network's JS or CSS from the installed pyvis, read at render time so our repo holds no copy."""
    path = resources.files("pyvis").joinpath(*VIS_DIR, name)
    try:
        return path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError) as error:
        raise EventGraphError(f"vis-network asset {name} not found in pyvis; reinstall pyvis==0.3.2") from error


def node_size(degree: int) -> float:
    """Grows with degree but levels off, so hubs do not swallow their neighbours."""
    return round(10 + 4 * min(degree, 12) ** 0.8, 2)


def _network_records(network: nx.MultiDiGraph) -> tuple[list[dict], list[dict]]:
    """Node and edge records for vis-network, built through pyvis (no pyvis template, no random ids)."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    for node, data in network.nodes(data=True):
        net.add_node(
            node,
            label=data["label"],
            group=data["group"],
            size=node_size(data["degree"]),
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
        node.pop("shape", None)  # pyvis's default "dot" would override each group's shape
    return nodes, edges


def json_for_script(value: Any) -> str:
    """JSON that cannot end a <script> element or open a comment, whatever the labels hold."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escape in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def escape_html(text: str) -> str:
    """Text for an HTML element or attribute."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def summary(network: nx.MultiDiGraph) -> str:
    """One line for the header: totals, then the count of each group present, in legend order."""
    counts = Counter(group for _, group in network.nodes(data="group"))
    parts = [f"{counts[group]} {group}" for group in NODE_GROUPS if counts[group]]
    head = f"{network.number_of_nodes()} nodes, {network.number_of_edges()} edges"
    return f"{head}: {', '.join(parts)}" if parts else head


def _group_style(colour: str, shape: str) -> dict[str, Any]:
    """vis-network group options: a node keeps its colour when hovered or selected, only its border darkens."""
    emphasis = {"background": colour, "border": "#111111"}
    return {"color": {"background": colour, "border": "#555555", "highlight": emphasis, "hover": emphasis}, "shape": shape}


def page_data(network: nx.MultiDiGraph, title: str) -> dict[str, Any]:
    """Everything the page script needs, as one JSON-able value."""
    nodes, edges = _network_records(network)
    counts = Counter(group for _, group in network.nodes(data="group"))
    groups = {group: _group_style(colour, shape) for group, (colour, shape) in STYLES.items()}
    return {
        "title": title,
        "nodes": nodes,
        "edges": edges,
        "options": {**VIS_OPTIONS, "groups": groups},
        "legend": [{"group": g, "color": STYLES[g][0], "shape": STYLES[g][1], "count": counts[g]} for g in NODE_GROUPS],
    }


def render_html(graph: Graph, *, title: str = "eventgraph") -> str:
    """The whole view as one HTML string: same graph, same bytes."""
    network = to_networkx(graph)
    template = resources.files("eventgraph.view").joinpath("template.html").read_text(encoding="utf-8")
    parts = {
        "/*VIS_CSS*/": _vis_asset("vis-network.css"),
        "/*VIS_JS*/": _SCRIPT_END.sub(r"<\\/\1", _vis_asset("vis-network.min.js")),
        "/*GRAPH_DATA*/": json_for_script(page_data(network, title)),
        "<!--TITLE-->": escape_html(title),
        "<!--SUMMARY-->": escape_html(summary(network)),
    }
    # one pass over the template, so nothing inserted is ever scanned for placeholders again
    return _PLACEHOLDER.sub(lambda match: parts[match.group(0)], template)
