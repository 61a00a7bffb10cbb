"""SPARQL: the shipped queries on a small invented graph, result formats, errors."""

import json
from pathlib import Path

import pytest

from eventgraph.errors import QueryError
from eventgraph.export import read_graph
from eventgraph.query import QueryResult, format_result, run_query, shipped_queries

SAMPLE = Path(__file__).parent / "data" / "query_sample.ttl"


@pytest.fixture(scope="module")
def graph():
    return read_graph([SAMPLE])


def test_shipped_queries_answer_on_an_invented_graph(graph):
    queries = shipped_queries()
    assert set(queries) >= {"ambassador-speakers", "film-screenings", "co-organizers", "events", "people-titles"}
    assert run_query(graph, queries["ambassador-speakers"]).rows == (
        ("Ola Nordmann", "Embassy of Norway in Chile", "2021-05-17", "a1"),
    )
    assert set(run_query(graph, queries["film-screenings"]).rows) == {
        ("Northern Lights", "Andes Film Society", "Chile", "2021-05-17"),
        ("Northern Lights", "Embassy of Norway in Chile", "Chile", "2021-05-17"),
    }
    assert run_query(graph, queries["co-organizers"]).rows == (("Andes Film Society", "Embassy of Norway in Chile", "2021-05-17"),)
    (events,) = run_query(graph, queries["events"]).rows
    assert events[0:2] == ("a1", "2021-05-17") and events[3:] == ("Great Storm", "30")
    assert set(events[2].split("; ")) == {"Andes Film Society", "Embassy of Norway in Chile"}
    assert run_query(graph, queries["people-titles"]).rows == (
        ("Kari Hansen", "director", None),
        ("Ola Nordmann", "ambassador", "Embassy of Norway in Chile"),
    )


def test_prefixes_are_predeclared_and_rows_sorted(graph):
    result = run_query(graph, "SELECT ?name WHERE { ?p a eg:Person ; rdfs:label ?name }")
    assert result == QueryResult(("name",), (("Kari Hansen",), ("Ola Nordmann",)))


def test_ask_and_construct(graph):
    assert run_query(graph, "ASK { ?e eg:screened ?f }").rows == (("true",),)
    result = run_query(graph, "CONSTRUCT { ?f a eg:Film } WHERE { ?e eg:screened ?f }")
    assert result.rows == (("https://example.org/id/film/northern-lights", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "https://w3id.org/eventgraph/ns#Film"),)


def test_formats():
    result = QueryResult(("name", "n"), (("Ola, Nordmann", "1"), ("Kari", None)))
    assert format_result(result, "csv") == 'name,n\n"Ola, Nordmann",1\nKari,'
    table = format_result(result, "table").splitlines()
    assert table[0].split() == ["name", "n"] and table[-1] == "(2 rows)"
    data = json.loads(format_result(result, "json"))
    assert data["head"]["vars"] == ["name", "n"]
    assert data["results"]["bindings"][1] == {"name": {"type": "literal", "value": "Kari"}}
    with pytest.raises(QueryError):
        format_result(result, "xml")


def test_syntax_error_is_a_query_error(graph):
    with pytest.raises(QueryError, match="does not parse"):
        run_query(graph, "SELECT WHERE {")
