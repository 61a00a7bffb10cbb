"""The network view in a real browser: Debian's chromium, driven by Playwright, with the network cut off."""

import shutil

import pytest

from eventgraph.view import render_html, to_networkx

from test_view import _graph

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(shutil.which(CHROMIUM) is None, reason="Debian's chromium is not installed (apt-get install chromium)"),
]
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def _open(tmp_path, html: str):
    """Load the page offline; return (page, requests to other hosts, console errors, alerts)."""
    from playwright.sync_api import sync_playwright

    path = tmp_path / "view.html"
    path.write_text(html, encoding="utf-8")
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
    context = browser.new_context(offline=True, bypass_csp=True)  # bypass_csp lets the test evaluate scripts
    page = context.new_page()
    outside, errors, alerts = [], [], []
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else (outside.append(route.request.url), route.abort()))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: (alerts.append(dialog.message), dialog.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready='1']", state="attached", timeout=60_000)
    return playwright, browser, page, outside, errors, alerts


@pytest.fixture
def opened(tmp_path):
    def run(graph):
        state = _open(tmp_path, render_html(graph))
        opened.states.append(state)
        return state[2:]
    opened.states = []
    yield run
    for playwright, browser, *_ in opened.states:
        browser.close()
        playwright.stop()


def test_loads_offline_shows_every_node_and_runs_nothing_from_labels(opened):
    page, outside, errors, alerts = opened(_graph())
    assert outside == [] and errors == [] and alerts == []
    assert page.evaluate("window.eventgraph.nodes.length") == to_networkx(_graph()).number_of_nodes()
    assert "<img src=x onerror=alert(1)>" in page.evaluate("JSON.stringify(window.eventgraph.nodes.get().map(n => n.label))")


def test_search_focuses_and_filter_hides(opened):
    page, *_ = opened(_graph())
    page.fill("#search", "nordmann")
    page.press("#search", "Enter")
    assert page.evaluate("window.eventgraph.network.getSelectedNodes()") == ["https://example.org/id/person/ola"]
    assert page.text_content("#details h2") == "Ola Nordmann"
    page.uncheck("input[data-group='Person']")
    hidden = page.evaluate("window.eventgraph.nodes.get().filter(n => n.hidden).map(n => n.id).sort()")
    assert hidden == ["https://example.org/id/person/ola", "https://example.org/id/person/xss"]


@pytest.mark.slow
def test_sample_view_shows_every_entity(opened, sample_build):
    page, outside, errors, _ = opened(sample_build.graph)
    assert outside == [] and errors == []
    assert page.evaluate("window.eventgraph.nodes.length") == to_networkx(sample_build.graph).number_of_nodes() > 40
