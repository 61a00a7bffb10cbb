"""The network view without a browser: the networkx graph, and HTML that is offline, stable and inert."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from rdflib import Graph

from eventgraph.view import render_html, to_networkx

FIXTURE = Path(__file__).parent / "data" / "view_sample.ttl"
ID = "https://example.org/id/"
XSS_IMG = "<img src=x onerror=alert(1)>"
XSS_SCRIPT = "</script><script>alert(1)</script>"
# Attributes that make a browser fetch something.
FETCHING_ATTRIBUTES = {"src", "href", "srcset", "action", "formaction", "data", "poster", "background", "xlink:href"}


def sample_graph() -> Graph:
    """tests/data/view_sample.ttl: 2 articles, 2 events, 14 entities of every type (invented names)."""
    return Graph().parse(FIXTURE, format="turtle")


def graph_data(html: str) -> dict:
    """The page's JSON data block, parsed as the page script parses it."""
    match = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', html, re.DOTALL)
    assert match, "no graph-data block"
    return json.loads(match.group(1))


class _Tags(HTMLParser):
    """Every start tag with its attributes; script and style bodies are text, as in a browser."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


def _tags(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser


# --- to_networkx ------------------------------------------------------------------------------


def test_one_node_per_entity_and_event_and_none_for_articles_or_literals():
    network = to_networkx(sample_graph())
    assert network.number_of_nodes() == 16
    assert f"{ID}article-a1" not in network and f"{ID}article-a2" not in network
    assert all(node.startswith(ID) for node in network)
    groups = sorted(data["group"] for _, data in network.nodes(data=True))
    assert groups == sorted(
        ["Event"] * 2 + ["Person"] * 4 + ["Embassy"] + ["Organization"] * 2 + ["Film", "Campaign", "HistoricalEvent"] + ["Place"] * 4
    )


def test_type_is_the_most_specific_class_and_group_the_top_level_one():
    nodes = to_networkx(sample_graph()).nodes
    assert (nodes[f"{ID}country-sylvania"]["type"], nodes[f"{ID}country-sylvania"]["group"]) == ("Country", "Place")
    assert (nodes[f"{ID}country-freedonia"]["type"], nodes[f"{ID}country-freedonia"]["group"]) == ("Country", "Place")
    assert nodes[f"{ID}city-port-aster"]["type"] == "City"
    assert nodes[f"{ID}venue-harbour-hall"]["type"] == "Venue"
    assert (nodes[f"{ID}event-a1"]["type"], nodes[f"{ID}event-a1"]["group"]) == ("Event", "Event")
    assert nodes[f"{ID}embassy-freedonia-sylvania"]["type"] == "Embassy"


def test_node_attributes():
    nodes = to_networkx(sample_graph()).nodes
    mira = nodes[f"{ID}person-mira-kovalenko"]
    assert mira == {
        "type": "Person",
        "group": "Person",
        "label": "Mira Kovalenko-Ames",
        "iri": f"{ID}person-mira-kovalenko",
        "alt_labels": ["Ambassador Kovalenko-Ames", "Kovalenko-Ames"],
        "articles": ["a1", "a2"],
        "evidence": [
            {"article": "a1", "title": "Founders' Day reception in Port Aster", "url": "https://news.example.org/a1", "date": "2022-03-15",
             "sentences": ["Ambassador Mira Kovalenko-Ames opened the reception at Harbour Hall.", "Kovalenko-Ames thanked the guests."]},
            {"article": "a2", "title": "", "url": "javascript:window.__xss.push('url')", "date": "2023-09-02",
             "sentences": ["Kovalenko-Ames launched the campaign."]},
        ],
        "literals": {"jobTitle": ["Ambassador"]},
        "degree": 3,  # speaker of, worksFor, initiatedBy
    }
    event = nodes[f"{ID}event-a1"]
    assert event["literals"] == {"anniversary": ["30"], "date": ["2022-03-14"]}
    assert event["articles"] == ["a1"] and event["degree"] == 6
    assert nodes[f"{ID}historical-great-flood"]["articles"] == ["a1", "a2"]
    # the newspaper is an Organization node (eg:source), mentioned by no article, linked to no node
    ledger = nodes[f"{ID}organization-daily-ledger"]
    assert ledger["articles"] == [] and ledger["degree"] == 0 and ledger["literals"] == {}


def test_edges_one_per_relation_between_two_nodes_keyed_by_relation():
    network = to_networkx(sample_graph())
    label = {node: data["label"] for node, data in network.nodes(data=True)}
    edges = sorted((label[s], key, label[o]) for s, o, key, data in network.edges(keys=True, data=True) if data["relation"] == key)
    reception, memorial = "Founders' Day reception, 2022-03-14", "Valley memorial evening, 2023-09-01"
    embassy, flood = "Embassy of Freedonia in Sylvania", "Great Flood of 1892"
    assert edges == sorted([
        (reception, "organizer", embassy),
        (reception, "location", "Harbour Hall"),
        (reception, "speaker", "Mira Kovalenko-Ames"),
        (reception, "participant", "Tomas Reyl"),
        (reception, "screened", "Lanterns of the North"),
        (reception, "commemorates", flood),
        (memorial, "organizer", "Remember the Valley"),
        (memorial, "commemorates", flood),
        (memorial, "participant", XSS_IMG),
        (memorial, "participant", XSS_SCRIPT),
        ("Mira Kovalenko-Ames", "worksFor", embassy),
        (embassy, "represents", "Freedonia"),
        (embassy, "locatedIn", "Port Aster"),
        ("Lanterns of the North", "producedBy", "Northlight Studio"),
        ("Lanterns of the North", "about", flood),
        ("Remember the Valley", "initiatedBy", "Mira Kovalenko-Ames"),
        ("Remember the Valley", "about", flood),
        ("Harbour Hall", "locatedIn", "Port Aster"),
        ("Port Aster", "locatedIn", "Sylvania"),
    ])
    assert all(network.nodes[n]["degree"] == d for n, d in network.degree())


def test_node_without_label_is_named_after_its_iri_and_untyped_or_foreign_nodes_are_left_out():
    graph = Graph().parse(format="turtle", data=f"""
        @prefix eg: <https://w3id.org/eventgraph/ns#> .
        <{ID}person/anon> a eg:Person ; eg:worksFor <{ID}org/untyped> , <{ID}org/foreign> .
        <{ID}org/foreign> a <https://schema.org/Organization> .
    """)
    network = to_networkx(graph)
    assert list(network) == [f"{ID}person/anon"]
    assert network.nodes[f"{ID}person/anon"]["label"] == "anon"
    assert network.number_of_edges() == 0


# --- render_html ------------------------------------------------------------------------------


def test_html_loads_nothing_from_any_host():
    html = render_html(sample_graph(), title="Test")
    parsed = _tags(html)
    fetching = [(tag, name, value) for tag, attrs in parsed.tags for name, value in attrs.items() if name in FETCHING_ATTRIBUTES]
    assert fetching == []
    assert not {tag for tag, _ in parsed.tags} & {"link", "img", "iframe", "object", "embed", "base", "video", "audio", "source"}
    css = "\n".join(parsed.styles)
    assert "@import" not in css
    assert all(url.startswith(("data:", '"data:', "'data:")) for url in re.findall(r"url\(\s*([^)]*)", css))
    assert "default-src 'none'" in html  # and the page forbids the browser to fetch anything anyway
    assert not re.search(r"bootstrap|cdnjs|jsdelivr|unpkg|googleapis", html, re.IGNORECASE)


def test_html_has_three_scripts_and_the_vis_network_assets_inlined():
    html = render_html(sample_graph())
    scripts = [attrs for tag, attrs in _tags(html).tags if tag == "script"]
    assert scripts == [{"type": "application/json", "id": "graph-data"}, {}, {}]
    assert html.count("</script>") == 3
    assert "vis-network" in html and ".vis-network" in html  # the JS and the CSS


def test_html_is_byte_stable_whatever_the_triple_order():
    triples = sorted(sample_graph())
    forward, backward = Graph(), Graph()
    for triple in triples:
        forward.add(triple)
    for triple in random.Random(3).sample(triples, len(triples)):
        backward.add(triple)
    assert render_html(forward) == render_html(backward) == render_html(sample_graph())


def test_html_is_byte_stable_across_processes():
    """Set and dict order hang on PYTHONHASHSEED; the page must not."""
    code = "import sys; from test_view import sample_graph; from eventgraph.view import render_html; sys.stdout.write(render_html(sample_graph()))"
    path = os.pathsep.join(filter(None, [str(Path(__file__).parent), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": path}
    other = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True, encoding="utf-8").stdout
    assert other == render_html(sample_graph())


def test_hostile_labels_are_escaped_and_survive_as_data():
    html = render_html(sample_graph(), title="<b>title</b>")
    assert XSS_IMG not in html and "<img" not in html
    assert XSS_SCRIPT not in html and "<script>alert" not in html
    assert "<!--<script>" not in html
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in html
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in html
    assert "<title>&lt;b&gt;title&lt;/b&gt;</title>" in html
    labels = {node["label"] for node in graph_data(html)["nodes"]}
    assert {XSS_IMG, XSS_SCRIPT} <= labels
    assert graph_data(html)["title"] == "<b>title</b>"


def test_page_data_styles_every_group_and_sizes_nodes_by_degree():
    data = graph_data(render_html(sample_graph()))
    groups = data["options"]["groups"]
    assert [entry["group"] for entry in data["legend"]] == ["Person", "Embassy", "Organization", "Film", "Campaign", "HistoricalEvent", "Place", "Event"]
    assert set(groups) == {entry["group"] for entry in data["legend"]}
    assert len({g["color"]["background"] for g in groups.values()}) == len(groups)
    assert all("shape" not in node for node in data["nodes"])  # the group's shape applies
    size = {node["label"]: node["size"] for node in data["nodes"]}
    assert size["Founders' Day reception, 2022-03-14"] > size["Mira Kovalenko-Ames"] > size["Tomas Reyl"] > size["The Daily Ledger"]
    assert data["options"]["edges"]["font"]["size"] < data["options"]["nodes"]["font"]["size"]
    assert {edge["label"] for edge in data["edges"]} >= {"speaker", "organizer", "locatedIn"}
    assert data["options"]["physics"]["stabilization"]["enabled"] is True


def test_title_and_summary_in_the_header():
    html = render_html(sample_graph(), title="Embassy events")
    assert '<h1 id="title">Embassy events</h1>' in html
    assert (
        "16 nodes, 19 edges: 4 Person, 1 Embassy, 2 Organization, 1 Film, 1 Campaign, 1 HistoricalEvent, 4 Place, 2 Event"
        in html
    )


def test_empty_graph_renders():
    html = render_html(Graph())
    assert graph_data(html)["nodes"] == [] and "0 nodes, 0 edges" in html


# --- evidence, options and scale -------------------------------------------------------------


def test_evidence_lists_each_article_with_its_sentences_and_articles_without_provenance():
    nodes = to_networkx(sample_graph()).nodes
    img = nodes[f"{ID}person-xss-img"]["evidence"]
    assert [e["article"] for e in img] == ["a2"]
    assert img[0]["sentences"] == ['Guests included <img src=x onerror=alert(1)> and <a href="javascript:alert(2)">a link</a>.']
    # eg:mentions without an eg:Mention: the article is listed, with no sentence
    flood = nodes[f"{ID}historical-great-flood"]["evidence"]
    assert [(e["article"], e["sentences"]) for e in flood] == [("a1", []), ("a2", [])]


def test_hostile_sentences_and_urls_travel_as_escaped_data():
    html = render_html(sample_graph())
    assert "<svg" not in html and "<a href" not in html and "javascript:alert(2)" in html  # inside JSON, escaped
    evidence = {n["label"]: n["evidence"] for n in graph_data(html)["nodes"]}
    assert evidence["Mira Kovalenko-Ames"][1]["url"] == "javascript:window.__xss.push('url')"


def test_types_option_keeps_groups_or_subtypes_and_rejects_unknown_names():
    data = graph_data(render_html(sample_graph(), types=["person", "Country"]))
    assert sorted({n["type"] for n in data["nodes"]}) == ["Country", "Person"]
    assert [g["group"] for g in data["legend"]] == ["Person", "Place"]
    assert data["edges"] == []  # no relation links a person to a country here
    assert all(n["degree"] == 0 for n in data["nodes"])  # degrees count the links that are left
    import pytest

    from eventgraph.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown type Films"):
        render_html(sample_graph(), types=["Films"])


def test_above_the_size_limit_the_view_starts_from_the_most_connected_nodes_and_says_so():
    html = render_html(sample_graph(), max_nodes=5)
    data = graph_data(html)
    assert len(data["nodes"]) == 16 and data["limited"] is True and data["shown"] == 5
    first = [n for n in data["nodes"] if not n.get("more")]
    assert [n["label"] for n in first][:3] == ["Founders' Day reception, 2022-03-14", "Embassy of Freedonia in Sylvania", "Great Flood of 1892"]
    degrees = [n["degree"] for n in data["nodes"]]
    assert degrees == sorted(degrees, reverse=True) and min(n["degree"] for n in first) >= max(n["degree"] for n in data["nodes"] if n.get("more"))
    assert '<p id="notice" role="status">Showing the 5 most connected of 16 nodes; search finds any node.</p>' in html
    assert '<p id="notice" role="status"></p>' in render_html(sample_graph())


def test_size_by_betweenness_and_colour_by_community():
    data = graph_data(render_html(sample_graph(), size_by="betweenness", color_by="community"))
    size = {n["label"]: n["size"] for n in data["nodes"]}
    assert size["Founders' Day reception, 2022-03-14"] == max(size.values()) > size["Tomas Reyl"] == 10.0  # a leaf lies on no path
    assert data["colorBy"] == "community" and all(isinstance(n["community"], int) for n in data["nodes"])
    assert data["communities"] and all(c["size"] > 1 for c in data["communities"])
    assert len({c["color"] for c in data["communities"]}) == len(data["communities"])
    import pytest

    from eventgraph.errors import ConfigError

    for bad in ({"size_by": "pagerank"}, {"color_by": "age"}, {"max_nodes": 0}):
        with pytest.raises(ConfigError):
            render_html(sample_graph(), **bad)


def test_large_graph_comes_with_positions_and_no_physics():
    from synthetic import synthetic_graph

    from eventgraph.view.layout import PRECOMPUTED_LAYOUT

    small = graph_data(render_html(sample_graph()))
    assert small["options"]["physics"]["stabilization"]["enabled"] and "x" not in small["nodes"][0]
    data = graph_data(render_html(synthetic_graph(PRECOMPUTED_LAYOUT + 100)))
    assert data["options"]["physics"] == {"enabled": False} and data["options"]["layout"]["improvedLayout"] is False
    positions = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(positions) == len(data["nodes"])  # no two nodes on one spot
    assert render_html(synthetic_graph(PRECOMPUTED_LAYOUT + 100)) == render_html(synthetic_graph(PRECOMPUTED_LAYOUT + 100))


def test_layout_keeps_linked_nodes_closer_than_strangers():
    import math
    import random as rnd

    from synthetic import synthetic_graph

    from eventgraph.view.layout import layout

    network = to_networkx(synthetic_graph(600))
    pos = layout(network)
    assert set(pos) == set(network)
    linked = [math.dist(pos[s], pos[o]) for s, o in network.edges()]
    pairs = rnd.Random(1).sample(sorted(network), 200)
    strangers = [math.dist(pos[a], pos[b]) for a, b in zip(pairs[::2], pairs[1::2])]
    assert sorted(linked)[len(linked) // 2] * 2 < sorted(strangers)[len(strangers) // 2]


def test_view_command_on_an_edited_and_merged_graph_with_options(tmp_path):
    """A user's own edits (a new person, a relation, no provenance) merged with a built graph."""
    from typer.testing import CliRunner

    from eventgraph.cli import app

    edited = tmp_path / "edits.nt"
    edited.write_text(
        f"<{ID}person-new> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/eventgraph/ns#Person> .\n"
        f"<{ID}person-new> <https://w3id.org/eventgraph/ns#worksFor> <{ID}organization-northlight> .\n",
        encoding="utf-8",
    )
    out = tmp_path / "merged.html"
    result = CliRunner().invoke(app, ["view", str(FIXTURE), str(edited), "-o", str(out), "--title", "Merged",
                                      "--types", "Person,Organization", "--max-nodes", "3", "--color-by", "community", "--size-by", "betweenness"])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    data = graph_data(html)
    assert data["title"] == "Merged" and data["limited"] and data["shown"] == 3
    assert {n["group"] for n in data["nodes"]} == {"Person", "Organization"} and len(data["nodes"]) == 7
    assert {"person-new"} <= {n["label"] for n in data["nodes"]}
    assert "Showing the 3 most connected of 7 nodes" in html
    for bad, message in ((["--types", "Films"], "unknown type"), (["--size-by", "x"], "--size-by"), (["--max-nodes", "0"], "--max-nodes")):
        result = CliRunner().invoke(app, ["view", str(FIXTURE), "-o", str(tmp_path / "x.html"), *bad])
        assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output


def test_content_security_policy_allows_exactly_the_page_scripts():
    import base64
    import hashlib

    html = render_html(sample_graph())
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', html).group(1)
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src "))
    assert "unsafe" not in script_src
    bodies = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
    assert len(bodies) == 2
    hashes = {f"'sha256-{base64.b64encode(hashlib.sha256(b.encode()).digest()).decode()}'" for b in bodies}
    assert set(script_src.split()[1:]) == hashes


def test_view_command_default_limit_is_the_library_default():
    import inspect

    from eventgraph.cli import view
    from eventgraph.view.html import DEFAULT_MAX_NODES

    assert inspect.signature(view).parameters["max_nodes"].default.default == DEFAULT_MAX_NODES


def test_a_community_of_hundreds_of_nodes_is_laid_out(monkeypatch):
    """A community of more than LARGEST_SPRING nodes (a 10,000-article corpus has communities of
    thousands) is laid out as its own Louvain communities, each on a disc of its own; one that
    cannot be split gets one spring layout."""
    import math

    import networkx as nx

    from eventgraph.view import layout as layout_module
    from eventgraph.view.analysis import as_igraph, communities
    from eventgraph.view.layout import _community_positions, layout

    sizes = []
    spring_layout = layout_module.spring_layout
    monkeypatch.setattr(layout_module, "spring_layout", lambda graph: sizes.append(graph.vcount()) or spring_layout(graph))
    monkeypatch.setattr(layout_module, "LARGEST_SPRING", 40)
    # 40 rings of 30 nodes; rings 0-19 and 20-39 tied to each other: Louvain's communities are
    # of two rings or more, and of a community alone, its rings
    network = nx.Graph()
    rings = [[f"c{c}-{i}" for i in range(30)] for c in range(40)]
    for c, ring in enumerate(rings):
        network.add_edges_from((ring[i], ring[(i + step) % 30]) for i in range(30) for step in (1, 3, 7))
        for d in range(c // 20 * 20, c // 20 * 20 + 20):
            if d != c:
                network.add_edges_from((ring[(d + k) % 30], rings[d][(c + k) % 30]) for k in range(3))
    network.add_edge("c0-0", "c20-0")
    assert max(len(group) for group in communities(network)) > 40
    positions = layout(network)
    assert set(positions) == set(network) and len(set(positions.values())) == len(network)
    assert sizes and max(sizes) <= 40  # no spring layout of a whole large community
    linked = sorted(math.dist(positions[a], positions[b]) for a, b in network.edges())
    strangers = sorted(math.dist(positions[a[0]], positions[b[-1]]) for a, b in zip(rings, reversed(rings)))
    assert linked[len(linked) // 2] * 2 < strangers[len(strangers) // 2]
    sizes.clear()
    graph, nodes = as_igraph(network)
    alone = _community_positions(graph, list(range(len(nodes))))
    assert set(alone) == set(range(len(nodes))) and max(sizes) <= 40
    # one that Louvain cannot split: one spring layout
    monkeypatch.setattr(layout_module, "LARGEST_SPRING", 10_000)
    simple = nx.Graph()
    members = [f"n{i}" for i in range(600)]
    simple.add_edges_from((members[i], members[(i * 7 + 1) % 600]) for i in range(600))
    simple.add_edges_from(("n0", member) for member in members[1:])
    graph, nodes = as_igraph(simple)
    whole = _community_positions(graph, list(range(len(nodes))))
    assert set(whole) == set(range(600)) and len(set(whole.values())) == 600
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in whole.values()) and sizes[-1] == 600


def test_the_page_in_pieces_is_the_page():
    """A build writes the page piece by piece (html_pieces); the pieces make the very page, and
    the JSON in pieces is the JSON made whole, long lists included, whatever the batch."""
    from synthetic import synthetic_graph

    from eventgraph.view import html_pieces
    from eventgraph.view.html import json_for_script, json_pieces_for_script
    from eventgraph.view.layout import PRECOMPUTED_LAYOUT

    graph = synthetic_graph(PRECOMPUTED_LAYOUT + 30)
    pieces = list(html_pieces(graph, color_by="community"))
    assert len(pieces) > 10 and "".join(pieces) == render_html(graph, color_by="community")
    hub = {"label": "Hub", "evidence": [{"article": str(i), "sentences": ["\u0259 & <b>", "\u2028"]} for i in range(90)]}
    data = {"b": [{"z": 1, "a": "</script>"}] * 7, "a": "x & y", "c": [], "d": [1, 2], "e": {"k": [3] * 9},
            "nodes": [{"label": "A"}, hub, {"label": "B"}, {"label": "C", "evidence": []}, hub], "f": [hub], "g": [[1] * 9]}
    for batch in (1, 2, 3, 7, 30, 500):
        pieces = list(json_pieces_for_script(data, batch))
        assert "".join(pieces) == json_for_script(data)
        assert json.loads("".join(pieces)) == data
    # no piece holds more than a batch of a long list's items, a hub's evidence included
    assert max(len(piece) for piece in json_pieces_for_script(data, 300)) < len(json_for_script(hub)) / 2
    assert json_for_script("\u0259\u2028\u2029").isascii()


def test_igraph_leaves_no_generator_behind():
    """igraph draws from one generator per process; the view seeds its own for each call and
    then gives igraph back Python's, so the layout never hangs on what ran before it."""
    import random

    import igraph
    import networkx as nx

    from eventgraph.view.layout import layout

    network = nx.cycle_graph([f"n{i:03}" for i in range(200)])
    first = layout(network)
    random.seed(1)
    igraph.Graph.Erdos_Renyi(50, 0.1).layout_fruchterman_reingold()  # draws from `random`
    assert layout(network) == first
    state = random.getstate()
    layout(network)
    assert random.getstate() == state  # nothing drawn from Python's own generator


def test_a_builds_view_is_the_view_of_its_graph(sample_build):
    """A build draws the mentions' evidence from its records, not from eg:Mention triples it
    never holds (see spool.py); the page must be the one the whole graph gives."""
    html = next(path for path in sample_build.files if path.name == "graph.html")
    assert html.read_text(encoding="utf-8") == render_html(sample_build.graph)


def test_a_split_community_gets_the_same_positions_in_every_process():
    """Python hashes strings with a new seed in each process, and a subgraph view lists its nodes
    in set order: the layout of a large community's parts must not follow it."""
    script = """
import hashlib, networkx as nx
from eventgraph.view import layout
layout.LARGEST_SPRING = 40
network = nx.Graph()
rings = [[f"c{c}-{i}" for i in range(30)] for c in range(40)]
for c, ring in enumerate(rings):
    network.add_edges_from((ring[i], ring[(i + step) % 30]) for i in range(30) for step in (1, 3, 7))
    for d in range(c // 20 * 20, c // 20 * 20 + 20):
        if d != c:
            network.add_edges_from((ring[(d + k) % 30], rings[d][(c + k) % 30]) for k in range(12))
print(hashlib.sha1(repr(sorted(layout.layout(network).items())).encode()).hexdigest())
"""
    runs = {
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2", "3")
    }
    assert len(runs) == 1, runs
