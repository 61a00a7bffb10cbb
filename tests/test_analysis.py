"""Network analysis (degree, betweenness, components, Louvain), `eventgraph stats`, and the
GraphML/GEXF files for Gephi and Cytoscape, read back by networkx."""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest
from rdflib import Graph
from synthetic import synthetic_graph
from test_view import FIXTURE, ID, sample_graph
from typer.testing import CliRunner

from eventgraph.cli import app
from eventgraph.errors import ConfigError
from eventgraph.view import to_networkx
from eventgraph.view.analysis import betweenness, communities, components, format_stats, network_stats
from eventgraph.view.network_files import serialize_network

# A star with a bridge: hub-a and hub-b lead two groups, joined through person-bridge.
STAR = f"""
@prefix eg: <https://w3id.org/eventgraph/ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<{ID}e1> a eg:Event ; rdfs:label "Event one" ; eg:organizer <{ID}hub-a> ; eg:speaker <{ID}p1>, <{ID}p2>, <{ID}p3> .
<{ID}e2> a eg:Event ; rdfs:label "Event two" ; eg:organizer <{ID}hub-b> ; eg:speaker <{ID}p4>, <{ID}p5>, <{ID}p6> .
<{ID}hub-a> a eg:Embassy ; rdfs:label "Mission A" .
<{ID}hub-b> a eg:Organization ; rdfs:label "Society B" .
<{ID}bridge> a eg:Person ; rdfs:label "Bridge Person" ; eg:worksFor <{ID}hub-a>, <{ID}hub-b> .
<{ID}p1> a eg:Person ; rdfs:label "P one" ; eg:worksFor <{ID}hub-a> .
<{ID}p2> a eg:Person ; rdfs:label "P two" .
<{ID}p3> a eg:Person ; rdfs:label "P three" .
<{ID}p4> a eg:Person ; rdfs:label "P four" .
<{ID}p5> a eg:Person ; rdfs:label "P five" .
<{ID}p6> a eg:Person ; rdfs:label "P six" .
<{ID}lonely> a eg:Person ; rdfs:label "Lonely Person" .
"""


def star():
    return to_networkx(Graph().parse(data=STAR, format="turtle"))


def test_betweenness_ranks_the_bridge_above_the_leaves():
    between = betweenness(star())
    assert between[f"{ID}bridge"] > 0.4 > between[f"{ID}p1"]
    assert between[f"{ID}p2"] == 0.0
    assert max(between, key=between.get) == f"{ID}bridge"  # every path between the two halves crosses it
    assert between[f"{ID}lonely"] == 0.0


def test_components_and_communities():
    network = star()
    assert [len(c) for c in components(network)] == [11, 1]
    groups = communities(network)
    assert sorted(map(len, groups), reverse=True) == [len(g) for g in groups]  # largest first
    assert sum(map(len, groups)) == network.number_of_nodes()
    where = {node: i for i, group in enumerate(groups) for node in group}
    assert where[f"{ID}p4"] == where[f"{ID}p5"] == where[f"{ID}e2"] != where[f"{ID}p2"] == where[f"{ID}p3"] == where[f"{ID}e1"]
    assert communities(network) == groups  # seeded: the same every time


def test_network_stats_counts_and_rankings():
    stats = network_stats(star(), top=2)
    assert (stats.nodes, stats.edges) == (12, 11)
    assert stats.types == {"Person": 8, "Embassy": 1, "Organization": 1, "Event": 2}
    assert stats.relations == {"speaker": 6, "worksFor": 3, "organizer": 2}
    assert [r.label for r in stats.by_degree["people"]] == ["Bridge Person", "P one"]
    assert [r.label for r in stats.by_betweenness["people"]][0] == "Bridge Person"
    assert [r.label for r in stats.by_degree["missions"]] == ["Mission A"]
    assert [r.label for r in stats.by_degree["organizations"]] == ["Society B"]
    assert stats.components == [11, 1]
    assert len(stats.communities) >= 2 and stats.modularity > 0.2
    report = format_stats(stats)
    for line in ("12 nodes, 11 edges", "Most connected people:", "  1. Bridge Person (degree 2)", "Most central missions:",
                 "Connected components: 2 (largest 11 nodes, 1 isolated)", "Communities (Louvain"):
        assert line in report


def test_stats_on_a_graph_without_edges_or_nodes():
    assert "0 nodes, 0 edges" in format_stats(network_stats(to_networkx(Graph())))


def test_stats_command(tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["stats", str(FIXTURE), "--top", "3"])
    assert result.exit_code == 0, result.output
    assert "16 nodes, 19 edges" in result.output and "Most central people:" in result.output
    assert "1. Mira Kovalenko-Ames" in result.output
    result = runner.invoke(app, ["stats", str(FIXTURE), "--json"])
    data = json.loads(result.output)
    assert data["nodes"] == 16 and data["types"]["Country"] == 2 and data["by_degree"]["missions"][0]["label"] == "Embassy of Freedonia in Sylvania"
    result = runner.invoke(app, ["stats", str(tmp_path / "missing.ttl")])
    assert result.exit_code == 1 and "graph file not found" in result.output


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_files_read_back_by_networkx_with_type_and_label(fmt):
    network = to_networkx(sample_graph())
    data = serialize_network(network, fmt)
    back = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(io.BytesIO(data))
    assert back.number_of_nodes() == network.number_of_nodes() and back.number_of_edges() == network.number_of_edges()
    for node, attrs in network.nodes(data=True):
        assert back.nodes[node]["label"] == attrs["label"] and back.nodes[node]["type"] == attrs["type"]
        assert back.nodes[node]["degree"] == attrs["degree"]
    mira = back.nodes[f"{ID}person-mira-kovalenko"]
    assert mira["other_names"] == "Ambassador Kovalenko-Ames | Kovalenko-Ames" and mira["articles"] == "a1 | a2"
    assert isinstance(mira["betweenness"], float) and isinstance(mira["community"], int)
    relations = sorted(d["relation"] for *_, d in back.edges(data=True))
    assert relations == sorted(r for *_, r in network.edges(data="relation"))
    assert serialize_network(network, fmt) == data  # byte-stable (no date stamp)
    assert "<img src=x onerror=alert(1)>" in {a["label"] for _, a in back.nodes(data=True)}  # escaped XML, text back


def test_network_files_keep_parallel_relations():
    graph = Graph().parse(data=f"""
        @prefix eg: <https://w3id.org/eventgraph/ns#> .
        <{ID}e> a eg:Event ; eg:organizer <{ID}o> ; eg:location <{ID}o> .
        <{ID}o> a eg:Organization . """, format="turtle")
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        back = read(io.BytesIO(serialize_network(to_networkx(graph), fmt)))
        assert back.is_multigraph() and sorted(d["relation"] for *_, d in back.edges(data=True)) == ["location", "organizer"]


def test_unknown_network_format():
    with pytest.raises(ConfigError):
        serialize_network(to_networkx(sample_graph()), "dot")


def test_view_command_writes_graphml_and_gexf(tmp_path):
    runner = CliRunner()
    for fmt in ("graphml", "gexf"):
        out = tmp_path / f"net.{fmt}"
        result = runner.invoke(app, ["view", str(FIXTURE), "--format", fmt, "-o", str(out), "--types", "Person,Event"])
        assert result.exit_code == 0, result.output
        back = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(out)
        assert {a["type"] for _, a in back.nodes(data=True)} == {"Person", "Event"} and back.number_of_nodes() == 6
    result = runner.invoke(app, ["view", str(FIXTURE), "--format", "dot"])
    assert result.exit_code == 1 and "unknown --format" in result.output


def test_build_writes_network_formats(tmp_path):
    from eventgraph.export import parse_formats
    from eventgraph.view.network_files import NETWORK_FORMATS

    assert parse_formats("ttl,graphml,gexf", also=NETWORK_FORMATS) == ["ttl", "graphml", "gexf"]
    with pytest.raises(ConfigError, match="graphml"):
        parse_formats("ttl,dot", also=NETWORK_FORMATS)
    with pytest.raises(ConfigError):
        parse_formats("graphml")  # RDF writers alone do not know it


@pytest.mark.slow
def test_build_command_writes_graphml_and_gexf(tmp_path):
    result = CliRunner().invoke(app, ["build", "-o", str(tmp_path), "--format", "ttl,graphml,gexf", "--quiet", "--no-html"])
    assert result.exit_code == 0, result.output
    ttl = to_networkx(Graph().parse(tmp_path / "graph.ttl"))
    for name, read in (("graph.graphml", nx.read_graphml), ("graph.gexf", nx.read_gexf)):
        back = read(tmp_path / name)
        assert back.number_of_nodes() == ttl.number_of_nodes() > 40
        assert all("type" in a and "label" in a for _, a in back.nodes(data=True))


@pytest.mark.slow
def test_stats_scale_to_thousands_of_nodes():
    network = to_networkx(synthetic_graph(2500))
    stats = network_stats(network)
    assert stats.nodes == 2500 and sum(stats.components) == 2500
    assert stats.by_betweenness["people"][0].betweenness > 0
