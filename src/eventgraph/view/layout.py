"""Node positions for large graphs, computed once in Python so that the browser only draws.

vis-network's physics costs about a third of a second per step on 5,000 nodes in
headless Chromium on a shared machine, and a layout needs hundreds of steps: far
too slow for a page that must open in seconds. networkx's spring layout is
quadratic in the nodes it lays out, so it runs on each Louvain community on its
own, and the communities are packed as discs along a spiral, largest in the
middle, each placed next to the communities it has most links with. A community
of more than LARGEST_SPRING nodes (thousands, in a large corpus) is laid out the
same way, as its own sub-communities. Nodes without links share one grid.
Same network, same positions (fixed seeds, sorted order).
"""

from __future__ import annotations

import math

import networkx as nx

from .analysis import SEED, communities, ordered_groups, undirected

# Above this many nodes (after --types) the view uses these positions and no physics.
PRECOMPUTED_LAYOUT = 150
SPACING = 55.0  # canvas units between neighbouring nodes
SPRING_ITERATIONS = 60
# A community larger than this is laid out as its sub-communities (a spring layout of n nodes
# costs n^2 a step), at most SPLIT_DEPTH times over.
LARGEST_SPRING = 400
SPLIT_DEPTH = 3


def _community_positions(simple: nx.Graph, members: list[str], depth: int = 0) -> dict[str, tuple[float, float]]:
    """A spring layout of one community, centred on 0 and scaled to its disc; a large one's
    sub-communities, each laid out so, packed as the communities are."""
    if len(members) == 1:
        return {members[0]: (0.0, 0.0)}
    community = _ordered_subgraph(simple, members)
    if len(members) > LARGEST_SPRING and depth < SPLIT_DEPTH:
        parts = ordered_groups(nx.community.louvain_communities(community, seed=SEED))
        if len(parts) > 1:
            return _packed(community, parts, [_community_positions(simple, part, depth + 1) for part in parts])
    positions = nx.spring_layout(community, seed=SEED, iterations=SPRING_ITERATIONS)
    radius = _radius(len(members))
    return {node: (float(x) * radius, float(y) * radius) for node, (x, y) in positions.items()}


def _ordered_subgraph(simple: nx.Graph, members: list[str]) -> nx.Graph:
    """The members' subgraph with its nodes and edges in sorted order: a subgraph view lists its
    nodes in set order, which changes with Python's string hashing from one process to the next,
    and Louvain and the spring layout follow the order they are given."""
    sub = simple.subgraph(members)
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(members))
    ordered.add_edges_from(sorted(tuple(sorted(edge)) for edge in sub.edges()))
    return ordered


def _radius(count: int) -> float:
    return SPACING * math.sqrt(count) * 1.6


def _grid(members: list[str]) -> dict[str, tuple[float, float]]:
    """Unlinked nodes in a grid centred on 0, columns wide enough for a label."""
    side = math.ceil(math.sqrt(len(members) / 2.5))
    rows = math.ceil(len(members) / side)
    return {node: ((i % side - (side - 1) / 2) * SPACING * 2.5, (i // side - (rows - 1) / 2) * SPACING)
            for i, node in enumerate(members)}


def _placement_order(simple: nx.Graph, groups: list[list[str]]) -> list[int]:
    """Communities in the order they are packed: the largest first, then always the unplaced
    community with the most links to those already placed (ties: the larger, then the earlier)."""
    index = {node: i for i, group in enumerate(groups) for node in group}
    ties: dict[tuple[int, int], int] = {}
    for a, b in simple.edges():
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


def layout(network: nx.MultiDiGraph, groups: list[list[str]] | None = None) -> dict[str, tuple[int, int]]:
    """node -> (x, y) in vis-network canvas units; `groups` are the network's Louvain
    communities when the caller has them already."""
    if network.number_of_nodes() == 0:
        return {}
    simple = undirected(network)
    isolated = sorted(node for node in simple if simple.degree(node) == 0)
    alone = set(isolated)
    groups = [kept for group in (communities(network) if groups is None else groups) if (kept := [n for n in group if n not in alone])]
    pieces = [_community_positions(simple, group) for group in groups]
    if isolated:
        groups.append(isolated)
        pieces.append(_grid(isolated))
    return {node: (round(x), round(y)) for node, (x, y) in _packed(simple, groups, pieces).items()}


def _packed(simple: nx.Graph, groups: list[list[str]], pieces: list[dict[str, tuple[float, float]]]) -> dict[str, tuple[float, float]]:
    """The groups' positions (each centred on 0) packed as discs along a spiral (see _pack)."""
    order = _placement_order(simple, groups)
    radii = [max(math.hypot(x, y) for x, y in pieces[i].values()) + SPACING / 2 for i in order]
    positions: dict[str, tuple[float, float]] = {}
    for i, (cx, cy) in zip(order, _pack(radii)):
        for node, (x, y) in pieces[i].items():
            positions[node] = (cx + x, cy + y)
    return positions
