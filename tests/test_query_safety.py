"""Prepared queries (--param), refusal of updates and network access, and --timeout."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from typer.testing import CliRunner

from eventgraph.cli import app
from eventgraph.errors import InputError, QueryError
from eventgraph.export import read_dataset
from eventgraph.query import QueryTimeout, load_data, parse_params, parse_value, run_query

SAMPLE = Path(__file__).parent / "data" / "query_sample.ttl"
ID = "https://w3id.org/eventgraph/id/"
EG = "https://w3id.org/eventgraph/ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"  # a string: pytest pokes at rdflib's closed namespace objects


@pytest.fixture(scope="module", params=["rdflib", "oxigraph"])
def data(request):
    return load_data([SAMPLE], request.param)


# --- parameter values ---


@pytest.mark.parametrize("text, term", [
    (f"<{ID}person/x>", URIRef(f"{ID}person/x")),
    ("eg:Person", URIRef(EG + "Person")),
    ('"Ola Nordmann"', Literal("Ola Nordmann")),
    ("'single quoted'", Literal("single quoted")),
    ('"with \\"quotes\\" and \\\\"', Literal('with "quotes" and \\')),
    ('"Oslo"@no', Literal("Oslo", lang="no")),
    ('"2021-05-17"^^xsd:date', Literal("2021-05-17", datatype=URIRef(XSD + "date"))),
    ('"30"^^<http://www.w3.org/2001/XMLSchema#integer>', Literal("30", datatype=URIRef(XSD + "integer"))),
    ("30", Literal("30", datatype=URIRef(XSD + "integer"))),
    ("-1.5", Literal("-1.5", datatype=URIRef(XSD + "decimal"))),
    ("1e3", Literal("1e3", datatype=URIRef(XSD + "double"))),
    ("true", Literal(True)),
    ("Ola Nordmann", Literal("Ola Nordmann")),
    ("} UNION { ?s ?p ?o", Literal("} UNION { ?s ?p ?o")),
])
def test_values_are_rdf_terms(text, term):
    parsed = parse_value(text)
    assert parsed == term and type(parsed) is type(term)
    if isinstance(term, Literal):
        assert (parsed.datatype, parsed.language) == (term.datatype, term.language)


@pytest.mark.parametrize("text, message", [
    ("https://example.org/x", "write it in angle brackets"),
    ("nope:thing", "unknown prefix"),
    ('"abc"^^xsd:integer', "not a valid xsd:integer"),
    ('"2021-13-45"^^xsd:date', "not a valid xsd:date"),
    ('"x"junk', "after a quoted literal"),
])
def test_bad_values(text, message):
    with pytest.raises(QueryError, match=message):
        parse_value(text)


def test_param_specs():
    assert parse_params(["?name=Ola", "n=30"]) == {"name": Literal("Ola"), "n": Literal("30", datatype=URIRef(XSD + "integer"))}
    with pytest.raises(QueryError, match="NAME=VALUE"):
        parse_params(["no-equals"])
    with pytest.raises(QueryError, match="given twice"):
        parse_params(["a=1", "a=2"])


# --- binding ---

SPEAKERS = "SELECT ?event ?name WHERE { ?event eg:speaker ?p . ?p rdfs:label ?name }"


def test_binding_a_literal_and_an_iri(data):
    result = run_query(data, SPEAKERS, {"name": Literal("Ola Nordmann")})
    assert result.rows == ((ID + "event/a1", "Ola Nordmann"), (ID + "event/a2", "Ola Nordmann"))
    result = run_query(data, SPEAKERS, {"event": URIRef(ID + "event/a1")})
    assert {row[1] for row in result.rows} == {"Ola Nordmann", "Kari Hansen"}
    # text is read as a term, never pasted into the query
    assert run_query(data, SPEAKERS, {"name": 'x } UNION { ?event ?q ?name'}).rows == ()


def test_binding_a_typed_literal(data):
    query = "SELECT ?event ?date WHERE { ?event eg:date ?date }"
    assert run_query(data, query, {"date": '"2021-05-17"^^xsd:date'}).rows == ((ID + "event/a1", "2021-05-17"),)
    assert run_query(data, query, {"date": '"2021-05-17"'}).rows == ()  # a string is not a date
    assert run_query(data, "ASK { ?e eg:anniversary ?n }", {"n": "32"}).rows == (("true",),)
    assert run_query(data, "ASK { ?e eg:anniversary ?n }", {"n": "33"}).rows == (("false",),)


def test_unknown_and_unbindable_variables(data):
    with pytest.raises(QueryError, match=r"no variable \?person \(its variables: \?event, \?name, \?p\)"):
        run_query(data, SPEAKERS, {"person": "x"})
    with pytest.raises(QueryError, match=r"\?p is computed by the query .* or not selected"):
        run_query(data, SPEAKERS, {"p": URIRef(ID + "person/x")})
    with pytest.raises(QueryError, match=r"\?n is computed"):
        run_query(data, "SELECT ?e ?n WHERE { ?e eg:date ?d BIND(STR(?d) AS ?n) }", {"n": "x"})
    with pytest.raises(QueryError, match=r"\?c is computed"):
        run_query(data, "SELECT ?e (COUNT(*) AS ?c) WHERE { ?e ?p ?o } GROUP BY ?e", {"c": "1"})


# --- safety ---


@pytest.mark.parametrize("update", [
    "INSERT DATA { eg:x eg:y eg:z }",
    "DELETE WHERE { ?s ?p ?o }",
    "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
    "CLEAR ALL",
    "DROP DEFAULT",
])
def test_updates_are_refused_unless_allowed(update, data):
    with pytest.raises(QueryError, match="this is a SPARQL Update .*--allow-update"):
        run_query(data, update)
    assert run_query(data, update, allow_update=True).rows == (("done",),)


def test_refusal_comes_from_the_algebra_not_the_text(data):
    # the words of an update or a SERVICE inside strings and comments are harmless
    query = 'SELECT ?x WHERE { BIND("INSERT DATA { SERVICE <http://example.org/> {} }" AS ?x) } # DELETE WHERE'
    assert run_query(data, query).rows == (("INSERT DATA { SERVICE <http://example.org/> {} }",),)


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE SILENT <http://127.0.0.1:9/sparql> { ?s ?q ?r } } }",
    "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { SERVICE <http://127.0.0.1:9/sparql> { ?s ?q ?r } } }",
    "SELECT * WHERE { { SELECT ?s WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } } } }",
    "ASK { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
])
def test_service_is_refused_wherever_it_hides(query, data):
    with pytest.raises(QueryError, match=r"SERVICE <http://127.0.0.1:9/sparql> would query a remote endpoint.*--allow-service"):
        run_query(data, query)


def test_load_and_unloaded_from_reach_the_network_and_are_refused(data):
    with pytest.raises(QueryError, match="LOAD fetches a graph from the network"):
        run_query(data, "LOAD <http://127.0.0.1:9/g.ttl>", allow_update=True)
    with pytest.raises(QueryError, match=r"FROM <file:///etc/passwd> names no graph in the loaded files"):
        run_query(data, "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError, match="FROM <http://127.0.0.1:9/g> names no graph"):
        run_query(data, "SELECT * FROM NAMED <http://127.0.0.1:9/g> WHERE { GRAPH ?g { ?s ?p ?o } }")


def test_from_a_loaded_named_graph_is_fine(tmp_path):
    trig = tmp_path / "g.trig"
    trig.write_text(
        "@prefix eg: <https://w3id.org/eventgraph/ns#> .\n"
        "<http://example.org/g1> { eg:a eg:p eg:b . }\n<http://example.org/g2> { eg:c eg:p eg:d . }\n"
    )
    for data in (load_data([trig], "rdflib"), load_data([trig], "oxigraph")):
        query = "SELECT ?s FROM <http://example.org/g2> WHERE { ?s eg:p ?o }"
        assert run_query(data, query).rows == ((EG + "c",),)
        query = "SELECT ?g ?s WHERE { GRAPH ?g { ?s eg:p ?o } }"
        assert run_query(data, query).rows == (("http://example.org/g1", EG + "a"), ("http://example.org/g2", EG + "c"))
        assert run_query(data, query, {"g": "<http://example.org/g2>"}).rows == (("http://example.org/g2", EG + "c"),)
        assert run_query(data, "SELECT ?s WHERE { ?s eg:p ?o }").rows == ((EG + "a",), (EG + "c",))


# --- time limit ---


def _generated_graph(path: Path, size: int = 300) -> Path:
    graph = Graph()
    for i in range(size):
        graph.add((URIRef(f"http://example.org/n{i}"), URIRef("http://example.org/p"), Literal(i)))
    graph.serialize(path, format="turtle")
    return path


# a four-way cross product: 300^4 = 8.1e9 solutions to count, far more than a second's work
EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?p ?d . ?e ?p ?f . ?g ?p ?h }"


@pytest.mark.parametrize("store", ["rdflib", "oxigraph"])
def test_a_long_query_is_stopped_and_its_worker_killed(tmp_path, store):
    path = _generated_graph(tmp_path / "g.ttl")
    data = load_data([path], store)
    with pytest.raises(QueryTimeout, match=r"ran longer than 0.5 s and was stopped; narrow it .* longer --timeout"):
        run_query(data, EXPENSIVE, timeout=0.5)
    assert multiprocessing.active_children() == []
    # a query that finishes in time gives its answer, errors keep their message
    assert run_query(data, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", timeout=60).rows == (("300",),)
    with pytest.raises(QueryError, match="no variable"):
        run_query(data, "SELECT ?s WHERE { ?s ?p ?o }", {"x": "1"}, timeout=60)


def test_a_timed_out_query_does_not_keep_the_cli_alive(tmp_path):
    path = _generated_graph(tmp_path / "g.ttl")
    script = "from eventgraph.cli import run; run()"
    # the subprocess timeout only guards against a hang; the CLI itself must exit on its own
    done = subprocess.run(
        [sys.executable, "-c", script, "query", str(path), EXPENSIVE, "--timeout", "1"],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "eventgraph: error: the query ran longer than 1 s and was stopped; narrow it (more specific patterns, a LIMIT) or give a longer --timeout"
    ]


# --- the command line ---


def test_cli_params_store_and_refusals(tmp_path):
    runner = CliRunner()
    for store in ("rdflib", "oxigraph"):
        result = runner.invoke(app, ["query", str(SAMPLE), SPEAKERS, "--param", 'name="Kari Hansen"', "--store", store, "--format", "csv"])
        assert result.exit_code == 0, result.output
        assert result.output == f"event,name\n{ID}event/a1,Kari Hansen\n"
    result = runner.invoke(app, ["query", str(SAMPLE), SPEAKERS, "--param", "nobody=1"])
    assert result.exit_code == 1 and "no variable ?nobody" in result.output
    result = runner.invoke(app, ["query", str(SAMPLE), SPEAKERS, "--store", "blazegraph"])
    assert result.exit_code == 1 and "unknown --store 'blazegraph'; use rdflib or oxigraph" in result.output
    before = SAMPLE.read_bytes()
    result = runner.invoke(app, ["query", str(SAMPLE), "DELETE WHERE { ?s ?p ?o }"])
    assert result.exit_code == 1 and "--allow-update" in result.output
    result = runner.invoke(app, ["query", str(SAMPLE), "DELETE WHERE { ?s ?p ?o }", "--allow-update"])
    assert result.exit_code == 0 and "the graph files are unchanged" in result.output
    assert SAMPLE.read_bytes() == before
    result = runner.invoke(app, ["query", str(SAMPLE), "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"])
    assert result.exit_code == 1 and "--allow-service" in result.output
    result = runner.invoke(app, ["query", str(SAMPLE), SPEAKERS, "--timeout", "0"])
    assert result.exit_code == 1 and "--timeout must be a positive number" in result.output


def test_read_dataset_keeps_named_graphs_beside_triple_files(tmp_path):
    ttl, nq = tmp_path / "a.ttl", tmp_path / "b.nq"
    ttl.write_text("<http://example.org/a> <http://example.org/p> <http://example.org/b> .\n")
    nq.write_text("<http://example.org/c> <http://example.org/p> <http://example.org/d> <http://example.org/g> .\n")
    for order in ([ttl, nq], [nq, ttl]):
        dataset = read_dataset(order)
        graphs = {str(g.identifier): len(g) for g in dataset.graphs() if len(g)}
        assert graphs == {"urn:x-rdflib:default": 1, "http://example.org/g": 1}, order
    with pytest.raises(InputError, match="graph file not found"):
        read_dataset([tmp_path / "none.trig"])


def test_load_data_stores_numbers_in_canonical_form_in_both_stores(tmp_path):
    path = tmp_path / "n.ttl"
    path.write_text(
        '@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n'
        '<http://example.org/a> <http://example.org/p> "0.80"^^xsd:decimal, "07"^^xsd:nonNegativeInteger, "1"^^xsd:boolean .\n'
    )
    for store in ("rdflib", "oxigraph"):
        data = load_data([path], store)
        query = "SELECT ?o ?type WHERE { ?s ?p ?o BIND(DATATYPE(?o) AS ?type) }"
        assert run_query(data, query).rows == (
            ("0.8", XSD + "decimal"), ("7", XSD + "integer"), ("true", XSD + "boolean"),
        ), store
        assert run_query(data, "SELECT ?s ?o WHERE { ?s ?p ?o }", {"o": "7"}).rows == (("http://example.org/a", "7"),), store
