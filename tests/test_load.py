"""`eventgraph load` against a real Oxigraph server on 127.0.0.1, a refused port and a server that demands a password."""

from __future__ import annotations

import base64
import http.server
import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventgraph.cli import app
from eventgraph.errors import ConfigError, InputError, LoadError
from eventgraph.load import PASSWORD_VARIABLE, load_graph, plan_request
from eventgraph.query import PREFIXES, format_result, load_data, parse_params, run_query, shipped_queries

from test_shipped_queries import CASES, TRIG_CASES, TTL_CASES, _ordered, normalized, sample_quads  # noqa: F401 - a fixture

REPO = Path(__file__).resolve().parents[1]
GRAPH = REPO / "output" / "graph.ttl"


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch):
    """Requests to 127.0.0.1 must never go through a proxy from the environment."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _oxigraph_binary() -> str:
    """The `oxigraph` command of the PyPI package (a test extra), beside this Python or on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    assert found, "the oxigraph server is missing: pip install -e '.[test]' (it is in the test extras)"
    return found


@pytest.fixture(scope="module")
def oxigraph(tmp_path_factory):
    """An Oxigraph server on a free port with its own data directory; always killed afterwards."""
    port = _free_port()
    data = tmp_path_factory.mktemp("oxigraph-data")
    log = open(data.parent / f"oxigraph-{port}.log", "wb")
    server = subprocess.Popen(
        [_oxigraph_binary(), "serve", "--location", str(data), "--bind", f"127.0.0.1:{port}"],
        stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(300):
            if server.poll() is not None:
                raise AssertionError(f"oxigraph serve exited with {server.returncode}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError("oxigraph serve did not start listening")
        yield url
    finally:
        server.kill()
        server.wait()
        log.close()


def _server_answer(base: str, sparql: str) -> dict:
    """A query sent to the server's SPARQL endpoint, with the prefixes eventgraph predeclares."""
    prologue = "".join(f"PREFIX {prefix}: <{namespace}>\n" for prefix, namespace in PREFIXES.items())
    request = urllib.request.Request(
        f"{base}/query",
        data=urllib.parse.urlencode({"query": prologue + sparql}).encode(),
        headers={"Accept": "application/sparql-results+json", "Content-Type": "application/x-www-form-urlencoded"},
    )
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(request, timeout=60) as response:
        return json.loads(response.read())


def _with_values(sparql: str, specs: list[str]) -> str:
    """The server knows no --param: the same bindings as a trailing VALUES block (terms in N3, not pasted text)."""
    params = parse_params(specs)
    if not params:
        return sparql
    names = " ".join(f"?{name}" for name in params)
    terms = " ".join(term.n3() for term in params.values())
    return f"{sparql}\nVALUES ({names}) {{ ({terms}) }}"


def test_load_then_the_server_gives_the_answers_of_eventgraph_query(oxigraph):
    result = CliRunner().invoke(app, ["load", str(GRAPH), "--endpoint", f"{oxigraph}/store"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"added to the default graph at {oxigraph}/store: {GRAPH}")
    local = load_data([GRAPH])
    for name in TTL_CASES:
        sparql, specs = shipped_queries()[name], CASES[name][1]
        ours = json.loads(format_result(run_query(local, sparql, parse_params(specs)), "json"))
        theirs = _server_answer(oxigraph, _with_values(sparql, specs))
        assert theirs["head"] == ours["head"], name
        assert normalized(theirs, _ordered(name)) == normalized(ours, _ordered(name)), name
        assert theirs["results"]["bindings"], name


@pytest.mark.slow
def test_trig_goes_to_the_dataset_and_named_graph_queries_agree(oxigraph, sample_quads):
    """TriG keeps one named graph per article in the store too; the server's default graph is
    not a union, so the Turtle goes beside it, as a store holding both would have it."""
    trig = sample_quads / "graph.trig"
    assert load_graph(trig, f"{oxigraph}/store").startswith(f"added to the dataset at {oxigraph}/store")
    assert load_graph(sample_quads / "graph.ttl", f"{oxigraph}/store").startswith("added to the default graph")
    local = load_data([trig])
    for name in TRIG_CASES:
        sparql, specs = shipped_queries()[name], CASES[name][1]
        ours = json.loads(format_result(run_query(local, sparql, parse_params(specs)), "json"))
        theirs = _server_answer(oxigraph, _with_values(sparql, specs))
        assert normalized(theirs, _ordered(name)) == normalized(ours, _ordered(name)), name
        assert theirs["results"]["bindings"], name


def test_load_into_a_named_graph_and_replace_it(oxigraph, tmp_path):
    iri = "https://example.org/graph/news"
    small = tmp_path / "small.nt"
    small.write_text('<https://example.org/a> <https://example.org/p> "one" .\n<https://example.org/a> <https://example.org/p> "two" .\n')
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"
    assert load_graph(small, f"{oxigraph}/store", graph_iri=iri).startswith(f"added to graph <{iri}>")
    assert load_graph(small, f"{oxigraph}/store", graph_iri=iri).startswith(f"added to graph <{iri}>")
    assert _server_answer(oxigraph, count)["results"]["bindings"][0]["n"]["value"] == "2"
    small.write_text('<https://example.org/a> <https://example.org/p> "three" .\n')
    assert load_graph(small, f"{oxigraph}/store", graph_iri=iri, replace=True).startswith(f"replaced graph <{iri}>")
    assert _server_answer(oxigraph, count)["results"]["bindings"][0]["n"]["value"] == "1"


def test_http_errors_name_the_status_and_the_first_line_of_the_body(oxigraph, tmp_path):
    with pytest.raises(LoadError, match=rf"{oxigraph}/nowhere answered HTTP 404 Not Found: \S"):
        load_graph(GRAPH, f"{oxigraph}/nowhere")
    bad = tmp_path / "bad.ttl"
    bad.write_text("<https://example.org/a> <https://example.org/p> .\n")
    with pytest.raises(LoadError, match=r"answered HTTP 400 Bad Request: .+"):
        load_graph(bad, f"{oxigraph}/store")


def test_a_refused_connection_is_one_clear_error():
    port = _free_port()  # nothing listens there
    result = CliRunner().invoke(app, ["load", str(GRAPH), "--endpoint", f"http://127.0.0.1:{port}/store"])
    assert result.exit_code == 1
    assert result.output.startswith(f"eventgraph: error: cannot connect to http://127.0.0.1:{port}/store: ")
    assert result.output.rstrip().endswith("is the triple store running there?")
    assert len(result.output.strip().splitlines()) == 1


class _PasswordStore(http.server.BaseHTTPRequestHandler):
    """Accepts a POST only with basic auth editor:s3cret, like a store behind a password."""

    received: list[tuple[str, str, bytes]] = []

    def do_POST(self):  # noqa: N802 - the http.server API
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        expected = "Basic " + base64.b64encode(b"editor:s3cret").decode()
        if self.headers.get("Authorization") != expected:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="store"')
            self.end_headers()
            self.wfile.write(b"Unauthorized\n")
            return
        self.received.append((self.path, self.headers.get("Content-Type"), body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def password_store():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _PasswordStore)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _PasswordStore.received = []
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/ds/data"
    finally:
        server.shutdown()
        server.server_close()


def test_authentication(password_store, monkeypatch):
    runner = CliRunner()
    monkeypatch.delenv(PASSWORD_VARIABLE, raising=False)
    result = runner.invoke(app, ["load", str(GRAPH), "--endpoint", password_store])
    assert result.exit_code == 1
    assert "refused the credentials (HTTP 401 Unauthorized); give --user NAME and the password in $EVENTGRAPH_PASSWORD" in result.output
    result = runner.invoke(app, ["load", str(GRAPH), "--endpoint", password_store, "--user", "editor"])
    assert result.exit_code == 1 and "needs the password in the environment variable EVENTGRAPH_PASSWORD" in result.output
    monkeypatch.setenv(PASSWORD_VARIABLE, "wrong")
    result = runner.invoke(app, ["load", str(GRAPH), "--endpoint", password_store, "--user", "editor"])
    assert result.exit_code == 1 and "refused the credentials (HTTP 401 Unauthorized); check --user and $EVENTGRAPH_PASSWORD" in result.output
    assert "wrong" not in result.output
    monkeypatch.setenv(PASSWORD_VARIABLE, "s3cret")
    result = runner.invoke(app, ["load", str(GRAPH), "--endpoint", password_store, "--user", "editor", "--graph", "https://example.org/g?x=1"])
    assert result.exit_code == 0, result.output
    assert _PasswordStore.received == [("/ds/data?graph=https%3A%2F%2Fexample.org%2Fg%3Fx%3D1", "text/turtle", GRAPH.read_bytes())]
    # the password has no command-line option at all
    result = runner.invoke(app, ["load", str(GRAPH), "--endpoint", password_store, "--password", "s3cret"])
    assert result.exit_code == 2


def test_requests_follow_the_graph_store_protocol(tmp_path):
    ttl, trig = tmp_path / "g.ttl", tmp_path / "g.trig"
    ttl.write_text(""), trig.write_text("")
    assert plan_request(ttl, "http://h/store", graph_iri=None, replace=False) == ("http://h/store?default", "POST", "text/turtle")
    assert plan_request(ttl, "http://h/store", graph_iri="urn:x:g", replace=True) == ("http://h/store?graph=urn%3Ax%3Ag", "PUT", "text/turtle")
    assert plan_request(ttl, "http://h/ds?a=1", graph_iri=None, replace=False)[0] == "http://h/ds?a=1&default"
    assert plan_request(trig, "http://h/store", graph_iri=None, replace=False) == ("http://h/store", "POST", "application/trig")
    with pytest.raises(ConfigError, match="holds named graphs of its own"):
        plan_request(trig, "http://h/store", graph_iri="urn:x:g", replace=False)
    with pytest.raises(ConfigError, match="would empty the whole dataset"):
        plan_request(trig, "http://h/store", graph_iri=None, replace=True)
    with pytest.raises(ConfigError, match="bad --endpoint"):
        plan_request(ttl, "localhost:7878/store", graph_iri=None, replace=False)
    with pytest.raises(ConfigError, match="bad --graph"):
        plan_request(ttl, "http://h/store", graph_iri="not an iri", replace=False)
    with pytest.raises(InputError, match="graph file not found"):
        plan_request(tmp_path / "none.ttl", "http://h/store", graph_iri=None, replace=False)
