"""The network view without a browser: the networkx graph, and HTML that is offline, stable and inert."""

import re

from rdflib import Graph

from eventgraph.view import render_html, to_networkx

GRAPH = """
@prefix eg: <https://w3id.org/eventgraph/ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://example.org/id/article/a1> a eg:Article ; eg:articleId "a1" ;
    eg:reports <https://example.org/id/event/a1> ;
    eg:mentions <https://example.org/id/person/ola>, <https://example.org/id/place/chile>, <https://example.org/id/person/xss> .
<https://example.org/id/event/a1> a eg:Event ; rdfs:label "Reception" ; eg:date "2021-05-17"^^xsd:date ;
    eg:speaker <https://example.org/id/person/ola> ; eg:location <https://example.org/id/place/chile> .
<https://example.org/id/person/ola> a eg:Person ; rdfs:label "Ola Nordmann" ; skos:altLabel "Nordmann" ; eg:jobTitle "ambassador" .
<https://example.org/id/place/chile> a eg:Place, eg:Country ; rdfs:label "Chile" .
<https://example.org/id/person/xss> a eg:Person ; rdfs:label "<img src=x onerror=alert(1)>" ;
    skos:altLabel "</script><script>alert(2)</script>" .
"""


def _graph() -> Graph:
    return Graph().parse(data=GRAPH, format="turtle")


def test_networkx_nodes_edges_and_attributes():
    network = to_networkx(_graph())
    assert network.number_of_nodes() == 4  # 3 entities and the event; no article, no literals
    ola = network.nodes["https://example.org/id/person/ola"]
    assert ola["type"] == "Person" and ola["label"] == "Ola Nordmann" and ola["alt_labels"] == ["Nordmann"]
    assert ola["articles"] == ["a1"] and ola["literals"] == {"jobTitle": ["ambassador"]} and ola["degree"] == 1
    chile = network.nodes["https://example.org/id/place/chile"]
    assert chile["type"] == "Country" and chile["group"] == "Place"
    assert {d["relation"] for _, _, d in network.edges(data=True)} == {"speaker", "location"}


def test_html_loads_nothing_from_any_host():
    html = render_html(_graph(), title="Test")
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html, re.I)
    assert "default-src 'none'" in html


def test_html_is_byte_stable():
    assert render_html(_graph()) == render_html(_graph())


def test_article_text_cannot_break_out_of_the_data_block():
    html = render_html(_graph(), title="<b>title</b>")
    assert "<img src=x" not in html
    assert "</script><script>alert(2)" not in html
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in html
    assert "<title>&lt;b&gt;title&lt;/b&gt;</title>" in html
