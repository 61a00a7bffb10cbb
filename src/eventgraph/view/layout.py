"""Node positions for large graphs, computed once in Python so that the browser only draws.

vis-network's physics costs about a third of a second per step on 5,000 nodes in
headless Chromium on a shared machine, and a layout needs hundreds of steps: far
too slow for a page that must open in seconds. A spring layout (igraph's
Fruchterman-Reingold, in C) runs on each Louvain community on its own, and the
communities are packed as discs along a spiral, largest in the middle, each
placed next to the communities it has most links with. A community of more than
LARGEST_SPRING nodes (thousands, in a large corpus) is laid out the same way, as
its own sub-communities, so that one disc never holds a hairball of thousands.
Nodes without links share one grid. Same network, same positions (fixed seeds,
sorted order).
"""

from __future__ import annotations

import math
from typing import Iterable

import igraph
import networkx as nx
import numpy as np

from .analysis import SEED, as_igraph, communities, louvain_parts, seeded_igraph

# Above this many nodes (after --types) the view uses these positions and no physics.
PRECOMPUTED_LAYOUT = 150
SPACING = 55.0  # canvas units between neighbouring nodes
SPRING_ITERATIONS = 60
# A community larger than this is laid out as its sub-communities, at most SPLIT_DEPTH times over.
LARGEST_SPRING = 400
SPLIT_DEPTH = 3


def _community_positions(graph: igraph.Graph, members: list[int], depth: int = 0) -> dict[int, tuple[float, float]]:
    """A spring layout of one community (sorted vertex numbers), centred on 0 and scaled to its
    disc; a large one's sub-communities, each laid out so, packed as the communities are."""
    if len(members) == 1:
        return {members[0]: (0.0, 0.0)}
    community = graph.induced_subgraph(members)  # its vertex k is members[k]
    if len(members) > LARGEST_SPRING and depth < SPLIT_DEPTH:
        parts = [[members[k] for k in part] for part in louvain_parts(community)]
        if len(parts) > 1:
            edges = [(members[a], members[b]) for a, b in community.get_edgelist()]
            return _packed(edges, parts, [_community_positions(graph, part, depth + 1) for part in parts])
    radius = _radius(len(members))
    return {members[k]: (x * radius, y * radius) for k, (x, y) in enumerate(spring_layout(community))}


def spring_layout(graph: igraph.Graph) -> list[tuple[float, float]]:
    """Fruchterman-Reingold positions by vertex, centred on 0, the farthest at distance 1 on an
    axis (as networkx's spring layout scales them)."""
    with seeded_igraph(SEED):
        coordinates = np.array(graph.layout_fruchterman_reingold(niter=SPRING_ITERATIONS).coords, dtype=float)
    coordinates -= coordinates.mean(axis=0)
    extent = np.abs(coordinates).max()
    if extent > 0:
        coordinates /= extent
    return [(float(x), float(y)) for x, y in coordinates]


def _radius(count: int) -> float:
    return SPACING * math.sqrt(count) * 1.6


def _grid(members: list[int]) -> dict[int, tuple[float, float]]:
    """Unlinked nodes in a grid centred on 0, columns wide enough for a label."""
    side = math.ceil(math.sqrt(len(members) / 2.5))
    rows = math.ceil(len(members) / side)
    return {node: ((i % side - (side - 1) / 2) * SPACING * 2.5, (i // side - (rows - 1) / 2) * SPACING)
            for i, node in enumerate(members)}


def _placement_order(edges: Iterable[tuple[int, int]], groups: list[list[int]]) -> list[int]:
    """Communities in the order they are packed: the largest first, then always the unplaced
    community with the most links to those already placed (ties: the larger, then the earlier)."""
    index = {node: i for i, group in enumerate(groups) for node in group}
    ties: dict[tuple[int, int], int] = {}
    for a, b in edges:
        i, j = index[a], index[b]
        if i != j:
            key = (min(i, j), max(i, j))
            ties[key] = ties.get(key, 0) + 1
    linked: dict[int, dict[int, int]] = {i: {} for i in range(len(groups))}
    for (i, j), count in ties.items():
        linked[i][j] = count
        linked[j][i] = count
    order, placed = [0], {0}
    pull = dict(linked[0])
    while len(order) < len(groups):
        best = max((i for i in range(len(groups)) if i not in placed), key=lambda i: (pull.get(i, 0), len(groups[i]), -i))
        order.append(best)
        placed.add(best)
        for j, count in linked[best].items():
            pull[j] = pull.get(j, 0) + count
    return order


def _pack(radii: list[float]) -> list[tuple[float, float]]:
    """Centres for discs placed one by one along one outward spiral, each at the next spot where
    it overlaps none (the spiral goes on from the last disc, so the search stays short)."""
    centres: list[tuple[float, float]] = []
    step, angle, distance = 0.35, 0.0, 0.0
    for radius in radii:
        while True:
            x, y = distance * math.cos(angle), distance * math.sin(angle)
            if all(math.hypot(x - cx, y - cy) >= radius + radii[k] + SPACING for k, (cx, cy) in enumerate(centres)):
                break
            angle += step
            distance += SPACING * step / (2 * math.pi)
        centres.append((x, y))
    return centres


def layout(network: nx.Graph, groups: list[list[str]] | None = None) -> dict[str, tuple[int, int]]:
    """node -> (x, y) in vis-network canvas units; `groups` are the network's Louvain
    communities when the caller has them already."""
    if network.number_of_nodes() == 0:
        return {}
    graph, nodes = as_igraph(network)
    number = {node: vertex for vertex, node in enumerate(nodes)}
    degree = graph.degree()
    isolated = [vertex for vertex in range(len(nodes)) if degree[vertex] == 0]
    linked = [kept for group in (communities(network) if groups is None else groups)
              if (kept := sorted(number[node] for node in group if degree[number[node]]))]
    pieces = [_community_positions(graph, group) for group in linked]
    if isolated:
        linked.append(isolated)
        pieces.append(_grid(isolated))
    return {nodes[vertex]: (round(x), round(y)) for vertex, (x, y) in _packed(graph.get_edgelist(), linked, pieces).items()}


def _packed(edges: Iterable[tuple[int, int]], groups: list[list[int]], pieces: list[dict[int, tuple[float, float]]]) -> dict[int, tuple[float, float]]:
    """The groups' positions (each centred on 0) packed as discs along a spiral (see _pack)."""
    order = _placement_order(edges, groups)
    radii = [max(math.hypot(x, y) for x, y in pieces[i].values()) + SPACING / 2 for i in order]
    positions: dict[int, tuple[float, float]] = {}
    for i, (cx, cy) in zip(order, _pack(radii)):
        for node, (x, y) in pieces[i].items():
            positions[node] = (cx + x, cy + y)
    return positions
