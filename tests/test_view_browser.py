"""The network view in a real browser: Debian's chromium, driven by Playwright, with the network cut off.

The page's own Content-Security-Policy stays on (no bypass), so these tests also
show that vis-network runs under it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field

import pytest
from test_view import XSS_IMG, XSS_SCRIPT, sample_graph

from eventgraph.view import render_html, to_networkx

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason=f"Debian's chromium is not at {CHROMIUM} (apt-get install chromium)"),
]
# Before any page script: dialogs the payloads would open are recorded instead.
TRAP = "window.__xss = []; window.alert = window.confirm = window.prompt = function (m) { window.__xss.push(String(m)); };"
ENTITY_AND_EVENT_NODES = """
    PREFIX eg: <https://w3id.org/eventgraph/ns#>
    SELECT (COUNT(DISTINCT ?node) AS ?n) WHERE {
        ?node a ?class .
        FILTER (STRSTARTS(STR(?class), STR(eg:)) && ?class NOT IN (eg:Article, eg:Mention, eg:Assertion))
    }"""


@dataclass
class Opened:
    """A loaded view and everything it tried to do."""

    page: object
    outside: list[str] = field(default_factory=list)  # requests for anything but the page itself
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_view(browser, tmp_path):
    """open_view(graph) -> Opened, once the layout has stabilized and frozen."""
    contexts = []

    def run(graph, name: str = "view.html") -> Opened:
        path = tmp_path / name
        path.write_text(render_html(graph, title="Browser test"), encoding="utf-8")
        url = path.as_uri()
        context = browser.new_context(offline=True, viewport={"width": 1280, "height": 800})
        contexts.append(context)
        context.add_init_script(TRAP)
        page = context.new_page()
        opened = Opened(page)

        def route(route):
            if route.request.url == url:
                route.continue_()
            else:
                opened.outside.append(route.request.url)
                route.abort()

        page.route("**/*", route)
        page.on("console", lambda message: opened.errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: opened.errors.append(str(error)))
        page.on("dialog", lambda dialog: (opened.dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(url)
        page.wait_for_selector("body[data-ready='1']", state="attached", timeout=30_000)  # the fixture settles in well under a second
        return opened

    yield run
    for context in contexts:
        context.close()


def _screen_position(page, node_id: str) -> tuple[float, float]:
    return tuple(page.evaluate(
        """id => { const net = window.eventgraph.network; const p = net.canvasToDOM(net.getPosition(id));
                   const box = document.getElementById("network").getBoundingClientRect();
                   return [box.left + p.x, box.top + p.y]; }""",
        node_id,
    ))


def test_loads_offline_without_errors_and_shows_every_node(open_view):
    graph = sample_graph()
    view = open_view(graph)
    assert view.outside == [] and view.errors == [] and view.dialogs == []
    expected = int(next(iter(graph.query(ENTITY_AND_EVENT_NODES)))[0])
    assert expected == 16
    assert view.page.evaluate("window.eventgraph.nodes.length") == expected
    assert view.page.get_attribute("#network", "data-node-count") == str(expected)
    assert view.page.evaluate("window.eventgraph.edges.length") == to_networkx(graph).number_of_edges()
    assert view.page.locator("#network canvas").count() == 1
    assert view.page.locator("#legend input[type=checkbox]").count() == 8
    assert view.page.text_content("#title") == "Browser test"
    assert view.page.text_content("#summary").startswith("16 nodes, 19 edges: 4 Person")


def test_hostile_labels_stay_text(open_view):
    view = open_view(sample_graph())
    page = view.page
    assert page.evaluate("window.__xss") == [] and view.dialogs == [] and view.outside == []
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert page.evaluate("document.scripts.length") == 3
    data = json.loads(page.text_content("#graph-data"))
    assert {XSS_IMG, XSS_SCRIPT} <= {node["label"] for node in data["nodes"]}
    labels = page.evaluate("window.eventgraph.nodes.get().map(n => n.label)")
    assert XSS_IMG in labels and XSS_SCRIPT in labels


def test_hover_shows_type_label_iri_names_and_articles_as_text(open_view):
    view = open_view(sample_graph())
    page = view.page
    for node_id, label in [("https://example.org/id/person-xss-script", XSS_SCRIPT),
                           ("https://example.org/id/person-mira-kovalenko", "Mira Kovalenko-Ames")]:
        x, y = _screen_position(page, node_id)
        page.mouse.move(x - 40, y - 40)
        page.mouse.move(x, y, steps=4)
        tooltip = page.locator("div.vis-tooltip")
        tooltip.wait_for(state="visible", timeout=5_000)
        text = tooltip.text_content()
        assert label in text and "Person" in text and node_id in text
        assert tooltip.locator("img, script").count() == 0
    assert "Kovalenko-Ames" in text and "Articles: a1, a2" in text and "jobTitle: Ambassador" in text
    assert page.evaluate("window.__xss") == [] and view.outside == [] and view.errors == []


def test_layout_is_frozen_after_stabilization(open_view):
    page = open_view(sample_graph()).page
    before = page.evaluate("JSON.stringify(window.eventgraph.network.getPositions())")
    page.wait_for_timeout(400)
    assert page.evaluate("JSON.stringify(window.eventgraph.network.getPositions())") == before
    # everything is on screen: each node's position lies inside the canvas
    inside = page.evaluate(
        """() => { const net = window.eventgraph.network; const box = document.getElementById("network");
                   return Object.values(net.getPositions()).every(p => { const d = net.canvasToDOM(p);
                     return d.x >= 0 && d.y >= 0 && d.x <= box.clientWidth && d.y <= box.clientHeight; }); }"""
    )
    assert inside


def test_search_focuses_and_filter_hides(open_view):
    page = open_view(sample_graph()).page
    page.fill("#search", "ambassador kovalenko")
    page.press("#search", "Enter")
    assert page.evaluate("window.eventgraph.network.getSelectedNodes()") == ["https://example.org/id/person-mira-kovalenko"]
    assert page.text_content("#details h2") == "Mira Kovalenko-Ames"
    page.uncheck("input[data-group='Person']")
    hidden = page.evaluate("window.eventgraph.nodes.get().filter(n => n.hidden).map(n => n.id).sort()")
    assert hidden == sorted(f"https://example.org/id/person-{n}" for n in ("mira-kovalenko", "tomas-reyl", "xss-img", "xss-script"))


def test_details_panel_shows_hostile_names_as_text(open_view):
    view = open_view(sample_graph())
    page = view.page
    page.fill("#search", "alert(1)</script")
    page.press("#search", "Enter")
    assert page.text_content("#details h2") == XSS_SCRIPT
    page.fill("#search", "<!--<script>")
    page.press("#search", "Enter")
    assert page.text_content("#details h2") == "Harbour Hall"
    assert "<!--<script>alert(1)//" in page.text_content("#details")
    assert page.evaluate("window.__xss") == [] and view.errors == []


def test_empty_graph_is_ready_at_once(open_view):
    from rdflib import Graph

    view = open_view(Graph(), "empty.html")
    assert view.errors == [] and view.outside == []
    assert view.page.evaluate("window.eventgraph.nodes.length") == 0


@pytest.mark.slow
def test_sample_view_shows_every_entity(open_view, sample_build):
    view = open_view(sample_build.graph, "sample.html")
    assert view.outside == [] and view.errors == []
    assert view.page.evaluate("window.eventgraph.nodes.length") == to_networkx(sample_build.graph).number_of_nodes() > 40
