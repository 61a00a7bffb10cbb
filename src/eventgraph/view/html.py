"""The interactive network view: one self-contained HTML file that works offline.

The network is laid out by vis-network (shipped inside pyvis and inlined here);
our own template replaces pyvis's, which links Bootstrap and other assets from a
CDN, and the node and edge records are built here (pyvis's builder checks every
edge against a list of all nodes, quadratic on a large graph). Every string from
the graph travels as JSON data and is put on the page with textContent, never as HTML.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import Counter
from importlib import resources
from typing import Any, Iterable, Iterator, Sequence

import networkx as nx
from rdflib import Graph

from ..errors import ConfigError, EventGraphError
from ..namespace import PLACE_SUBTYPES
from .analysis import betweenness, communities, community_of
from .layout import PRECOMPUTED_LAYOUT, layout
from .network import NODE_GROUPS, Mentions, to_networkx

VIS_DIR = ("lib", "vis-9.1.2")  # inside the pyvis package (pyvis==0.3.2)
# Above this many nodes the view starts from the most connected ones (`--max-nodes`).
DEFAULT_MAX_NODES = 2000
SIZE_MEASURES = ("degree", "betweenness")
COLOUR_MODES = ("type", "community")
# The largest communities' colours (Tableau 10 and two more); the rest share OTHER_COMMUNITY.
COMMUNITY_COLOURS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
                     "#b07aa1", "#ff9da7", "#9c755f", "#86bcb6", "#d37295", "#8cd17d")
OTHER_COMMUNITY = "#c9c9c9"

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
        "font": {"size": 16, "color": "#222222", "strokeWidth": 3, "strokeColor": "#ffffff"},
        # a label smaller than this on screen is not drawn: at a whole-graph zoom only the
        # hubs' (larger) labels show, and each one is readable
        "scaling": {"label": {"drawThreshold": 8}},
        "borderWidth": 1,
        "borderWidthSelected": 3,
        "widthConstraint": {"maximum": 210},  # long event names wrap instead of running into neighbours
    },
    "edges": {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "color": {"color": "#b8b8b8", "highlight": "#555555", "hover": "#555555"},
        "font": {"size": 11, "color": "#555555", "strokeWidth": 3, "strokeColor": "#ffffff", "align": "middle"},
        # relation names appear once zoomed in (or for the clicked node's edges, drawn larger);
        # hovering an edge names it in a tooltip at any zoom
        "scaling": {"label": {"drawThreshold": 10}},
        "smooth": {"type": "continuous"},
    },
    "physics": {
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -140, "springLength": 140, "centralGravity": 0.015, "avoidOverlap": 1},
        "stabilization": {"enabled": True, "iterations": 600, "fit": True},
    },
    "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
    "layout": {"randomSeed": 7},  # vis-network's seed: the same layout on every load
}

_PLACEHOLDER = re.compile(r"/\*VIS_CSS\*/|/\*VIS_JS\*/|/\*GRAPH_DATA\*/|<!--TITLE-->|<!--SUMMARY-->|<!--NOTICE-->|<!--SCRIPT_HASHES-->")
# The page's own script: the template's last <script> element (it holds no placeholder).
_PAGE_SCRIPT = re.compile(r"<script>(\n.*?)</script>\s*</body>", re.DOTALL)
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


def label_size(size: float) -> int:
    """A bigger node gets a bigger label, so the hubs' names are the last to fade when zooming out."""
    return int(16 + (size - 10) / 5)


def centrality_size(value: float, top: float) -> float:
    """Size for a centrality in [0, top]: area grows with the value, from the smallest size up to a hub's."""
    return round(10 + 28 * (value / top) ** 0.5, 2) if top > 0 else 10.0


def node_sizes(network: nx.MultiDiGraph, size_by: str) -> dict[str, float]:
    """node -> drawn size, by degree or by betweenness centrality."""
    if size_by == "degree":
        return {node: node_size(degree) for node, degree in network.degree()}
    between = betweenness(network)
    top = max(between.values(), default=0.0)
    return {node: centrality_size(between[node], top) for node in network}


def select_types(network: nx.MultiDiGraph, types: Sequence[str] | None) -> nx.MultiDiGraph:
    """The network restricted to nodes whose group or type is in `types` (any case); all when empty."""
    if not types:
        return network
    known = {name.lower(): name for name in (*NODE_GROUPS, *PLACE_SUBTYPES)}
    unknown = [name for name in types if name.lower() not in known]
    if unknown:
        raise ConfigError(f"unknown type {', '.join(unknown)} for --types; choose from {', '.join(known.values())}")
    wanted = {known[name.lower()] for name in types}
    keep = [node for node, data in network.nodes(data=True) if data["group"] in wanted or data["type"] in wanted]
    selected = network.subgraph(keep).copy()
    for node, degree in selected.degree():  # links to the types left out are gone
        selected.nodes[node]["degree"] = degree
    return selected


def most_connected(network: nx.MultiDiGraph) -> list[str]:
    """Every node, the most connected first (ties by label, then IRI): the order the view reveals them in."""
    return sorted(network, key=lambda node: (-network.degree(node), network.nodes[node]["label"], node))


def vis_options(precomputed: bool) -> dict[str, Any]:
    """vis-network options. A small graph is laid out in the browser (stabilize, then freeze);
    a large one arrives with its positions (layout.py), physics off and cheaper drawing."""
    if not precomputed:
        return VIS_OPTIONS
    options = json.loads(json.dumps(VIS_OPTIONS))
    options["physics"] = {"enabled": False}
    options["edges"]["smooth"] = False
    # an arrowhead costs a search for the shape's border on every edge in every frame: too slow
    # at thousands of edges; the tooltip and the side panel still give each relation's direction
    options["edges"]["arrows"] = {"to": {"enabled": False}}
    options["layout"]["improvedLayout"] = False  # vis's clustering pre-layout is quadratic
    options["interaction"]["hideEdgesOnDrag"] = True
    return options


def _network_records(network: nx.MultiDiGraph, sizes: dict[str, float], order: list[str], shown: int,
                     community: dict[str, int] | None, positions: dict[str, tuple[int, int]] | None) -> tuple[list[dict], list[dict]]:
    """Node and edge records for vis-network, nodes in reveal order; those past `shown` carry more=true."""
    nodes = []
    for rank, node in enumerate(order):
        data = network.nodes[node]
        record = {
            "id": node,
            "label": data["label"],
            "group": data["group"],
            "size": sizes[node],
            "font": {"size": label_size(sizes[node])},
            "type": data["type"],
            "iri": data["iri"],
            "alt": data["alt_labels"],
            "articles": data["articles"],
            "evidence": data["evidence"],
            "literals": data["literals"],
            "degree": data["degree"],
        }
        if community is not None:
            record["community"] = community[node]
        if positions is not None:
            record["x"], record["y"] = positions[node]
        if rank >= shown:
            record["more"] = True
        nodes.append(record)
    edges = sorted((s, o, relation) for s, o, relation in network.edges(data="relation"))
    records = [{"id": index, "from": s, "to": o, "label": relation} for index, (s, o, relation) in enumerate(edges)]
    return nodes, records


def json_for_script(value: Any) -> str:
    """JSON that cannot end a <script> element or open a comment, whatever the labels hold.

    ASCII, every other character escaped: a large corpus's biggest piece (a hub's evidence, tens
    of megabytes) is then a one-byte-per-character string, where one "ə" in it would make every
    character take two, and U+2028 and U+2029, which end a line in JavaScript, never appear."""
    text = json.dumps(value, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    for char, escape in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
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


def page_data(network: nx.MultiDiGraph, title: str, *, max_nodes: int = DEFAULT_MAX_NODES,
              size_by: str = "degree", color_by: str = "type") -> dict[str, Any]:
    """Everything the page script needs, as one JSON-able value.

    All nodes travel in the page (search finds every one), but only the `max_nodes` most
    connected are drawn at first; "limited" tells the page to say so and offer the rest.
    """
    if size_by not in SIZE_MEASURES:
        raise ConfigError(f"unknown --size-by {size_by!r}; choose from {', '.join(SIZE_MEASURES)}")
    if color_by not in COLOUR_MODES:
        raise ConfigError(f"unknown --color-by {color_by!r}; choose from {', '.join(COLOUR_MODES)}")
    if max_nodes < 1:
        raise ConfigError(f"--max-nodes must be at least 1, not {max_nodes}")
    total = network.number_of_nodes()
    shown = min(total, max_nodes)
    order = most_connected(network) if shown < total else sorted(network)
    precomputed = total > PRECOMPUTED_LAYOUT
    groups = communities(network) if color_by == "community" or precomputed else []
    positions = layout(network, groups) if precomputed else None
    community = None
    legend_communities: list[dict[str, Any]] = []
    if color_by == "community":
        community = community_of(groups)
        legend_communities = [
            {"index": i, "color": COMMUNITY_COLOURS[i], "size": len(group),
             "name": network.nodes[min(group, key=lambda n: (-network.degree(n), n))]["label"]}
            for i, group in enumerate(groups[: len(COMMUNITY_COLOURS)]) if len(group) > 1
        ]
    nodes, edges = _network_records(network, node_sizes(network, size_by), order, shown, community, positions)
    counts = Counter(group for _, group in network.nodes(data="group"))
    groups_style = {group: _group_style(colour, shape) for group, (colour, shape) in STYLES.items()}
    present = [g for g in NODE_GROUPS if counts[g]]  # with --types, only the chosen ones
    return {
        "title": title,
        "nodes": nodes,
        "edges": edges,
        "shown": shown,
        "limited": shown < total,
        "sizeBy": size_by,
        "colorBy": color_by,
        "options": {**vis_options(precomputed), "groups": groups_style},
        "legend": [{"group": g, "color": STYLES[g][0], "shape": STYLES[g][1], "count": counts[g]} for g in present],
        "communities": legend_communities,
        "otherColor": OTHER_COMMUNITY,
    }


def render_html(graph: Graph | Iterable[tuple], *, title: str = "eventgraph", max_nodes: int = DEFAULT_MAX_NODES,
                types: Sequence[str] | None = None, size_by: str = "degree", color_by: str = "type",
                mentions: Mentions | None = None) -> str:
    """The whole view as one HTML string: same graph and options, same bytes.

    types keeps only nodes of those groups or types; above max_nodes nodes the view starts
    from the most connected ones; size_by is "degree" or "betweenness"; color_by "type" or
    "community"; mentions: the graph's eg:Mention resources, if not in it (see to_networkx).
    """
    return "".join(html_pieces(graph, title=title, max_nodes=max_nodes, types=types, size_by=size_by,
                               color_by=color_by, mentions=mentions))


def html_pieces(graph: Graph | Iterable[tuple], *, title: str = "eventgraph", max_nodes: int = DEFAULT_MAX_NODES,
                types: Sequence[str] | None = None, size_by: str = "degree", color_by: str = "type",
                mentions: Mentions | None = None) -> Iterator[str]:
    """`render_html`'s page in pieces, for writing to a file: the page of a large corpus is tens
    of megabytes, and made whole it would be held several times over (as JSON, escaped, in the
    page, encoded)."""
    network = select_types(to_networkx(graph, mentions), types)
    data = page_data(network, title, max_nodes=max_nodes, size_by=size_by, color_by=color_by)
    template = resources.files("eventgraph.view").joinpath("template.html").read_text(encoding="utf-8")
    vis_js = _SCRIPT_END.sub(r"<\\/\1", _vis_asset("vis-network.min.js"))
    page_js = _PAGE_SCRIPT.search(template)
    if page_js is None:  # pragma: no cover - the template is ours
        raise EventGraphError("the view template has lost its page script")
    parts = {
        "/*VIS_CSS*/": _vis_asset("vis-network.css"),
        "/*VIS_JS*/": vis_js,
        # only these two scripts may run: an inline script or event handler that got in some
        # other way is refused by the browser, whatever it says
        "<!--SCRIPT_HASHES-->": f"{script_hash(vis_js)} {script_hash(page_js.group(1))}",
        "<!--TITLE-->": escape_html(title),
        "<!--SUMMARY-->": escape_html(summary(network)),
        "<!--NOTICE-->": escape_html(limit_notice(data["shown"], network.number_of_nodes())),
    }
    # one pass over the template, so nothing inserted is ever scanned for placeholders again
    done = 0
    for match in _PLACEHOLDER.finditer(template):
        yield template[done : match.start()]
        if match.group(0) == "/*GRAPH_DATA*/":
            yield from json_pieces_for_script(data)
        else:
            yield parts[match.group(0)]
        done = match.end()
    yield template[done:]


def json_pieces_for_script(data: Any, batch: int = 500) -> Iterator[str]:
    """`json_for_script(data)` in pieces: dicts key by key, long lists `batch` items at a time,
    and a list's item that holds a list of more than a tenth of that (a hub node's evidence:
    hundreds of articles, each with sentences) key by key too, its lists a tenth of `batch` at
    a time, so that no piece is tens of megabytes."""
    if isinstance(data, dict):
        yield "{"
        for number, key in enumerate(sorted(data)):
            yield ("," if number else "") + json_for_script(key) + ":"
            yield from json_pieces_for_script(data[key], batch)
        yield "}"
    elif isinstance(data, list) and (len(data) > batch or any(_holds_a_long_list(item, batch // 10) for item in data)):
        yield "["
        written = False
        run: list = []  # items written together, as one piece

        def flush() -> Iterator[str]:
            nonlocal written
            if run:
                yield ("," if written else "") + json_for_script(run)[1:-1]
                written = True
                run.clear()

        for item in data:
            if _holds_a_long_list(item, batch // 10):
                yield from flush()
                yield "," if written else ""
                yield from json_pieces_for_script(item, max(1, batch // 10))
                written = True
            else:
                run.append(item)
                if len(run) == batch:
                    yield from flush()
        yield from flush()
        yield "]"
    else:
        yield json_for_script(data)


def _holds_a_long_list(item: Any, batch: int) -> bool:
    return isinstance(item, dict) and any(isinstance(value, list) and len(value) > batch for value in item.values())


def script_hash(source: str) -> str:
    """A Content-Security-Policy source that allows exactly this inline script."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def limit_notice(shown: int, total: int) -> str:
    """What the page says when it starts from part of the graph."""
    if shown >= total:
        return ""
    return f"Showing the {shown:,} most connected of {total:,} nodes; search finds any node."
