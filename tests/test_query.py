"""SPARQL: the shipped queries on a small invented graph, result formats, errors."""

import csv
import io
import json
from pathlib import Path

import pytest

from eventgraph.errors import QueryError
from eventgraph.export import read_graph
from eventgraph.query import QueryResult, format_result, run_query, shipped_queries

SAMPLE = Path(__file__).parent / "data" / "query_sample.ttl"
ID = "https://w3id.org/eventgraph/id/"


@pytest.fixture(scope="module")
def graph():
    return read_graph([SAMPLE])


def _run(graph, name: str) -> QueryResult:
    return run_query(graph, shipped_queries()[name])


def _as_sets(rows) -> list[tuple]:
    """GROUP_CONCAT lists have no defined order: compare 'a; b' cells as sets."""
    return [tuple(frozenset(cell.split("; ")) if cell and "; " in cell else cell for cell in row) for row in rows]


def test_every_shipped_query_has_a_comment_header():
    queries = shipped_queries()
    assert set(queries) >= {"ambassador-speakers", "film-screenings", "co-organizers", "events", "people-titles"}
    for name, text in queries.items():
        assert text.startswith("# "), name
        assert "ORDER BY" in text, name


def test_ambassador_speakers(graph):
    # Kari Hansen spoke but is no ambassador; Ola Nordmann's speech in a2 was at no commemoration;
    # Lars Berg has two ambassador titles and still comes once
    result = _run(graph, "ambassador-speakers")
    assert result.variables == ("ambassador", "mission", "date", "article")
    assert result.rows == (
        ("Ola Nordmann", "Embassy of Norway in Chile", "2021-05-17", "a1"),
        ("Lars Berg", "Embassy of Norway in Peru", "2023-05-17", "a3"),
    )


def test_film_screenings(graph):
    result = _run(graph, "film-screenings")
    assert result.variables == ("film", "organizer", "location", "date")
    assert _as_sets(result.rows) == _as_sets([
        ("Northern Lights", "Embassy of Norway in Chile; Andes Film Society", "Chile; Santiago; Teatro Sur", "2021-05-17"),
        ("Northern Lights", "Embassy of Norway in Peru; Lima Cultural Institute", "Peru", "2023-05-17"),
    ])


def test_co_organizers(graph):
    result = _run(graph, "co-organizers")
    assert result.variables == ("organization", "embassy", "date")
    assert result.rows == (
        ("Andes Film Society", "Embassy of Norway in Chile", "2021-05-17"),
        ("Lima Cultural Institute", "Embassy of Norway in Peru", "2023-05-17"),
    )


def test_events(graph):
    # a4's event has nothing but a date: unbound values come back as None, not as a failure
    result = _run(graph, "events")
    assert result.variables == ("article", "date", "organizers", "commemorates", "anniversary")
    assert _as_sets(result.rows) == _as_sets([
        ("a1", "2021-05-17", "Embassy of Norway in Chile; Andes Film Society", "Great Storm", "30"),
        ("a2", "2022-03-01", "Embassy of Norway in Chile", None, None),
        ("a3", "2023-05-17", "Embassy of Norway in Peru; Lima Cultural Institute", "Great Storm", "32"),
        ("a4", "2024-01-10", None, None, None),
    ])


def test_people_titles(graph):
    result = _run(graph, "people-titles")
    assert result.variables == ("person", "titles", "employers")
    assert _as_sets(result.rows) == _as_sets([
        ("Kari Hansen", "director", "Andes Film Society"),
        ("Lars Berg", "ambassador; ambassador extraordinary and plenipotentiary", "Embassy of Norway in Peru"),
        ("Ola Nordmann", "ambassador", "Embassy of Norway in Chile"),
        ("Pedro Soto", None, "Andes Film Society"),
    ])


def test_prefixes_are_predeclared_and_unordered_rows_sorted(graph):
    result = run_query(graph, "SELECT ?name WHERE { ?p a eg:Person ; rdfs:label ?name }")
    assert result == QueryResult(("name",), (("Kari Hansen",), ("Lars Berg",), ("Ola Nordmann",), ("Pedro Soto",)))
    result = run_query(graph, "SELECT ?alt WHERE { ?x skos:altLabel ?alt FILTER(DATATYPE(?alt) = xsd:string) }")
    assert result.rows == (("Nordmann",), ("Norwegian embassy in Chile",))


def test_order_by_is_kept(graph):
    query = "SELECT ?name WHERE { ?p a eg:Person ; rdfs:label ?name }\nORDER  BY DESC(?name) LIMIT 3"
    assert run_query(graph, query).rows == (("Pedro Soto",), ("Ola Nordmann",), ("Lars Berg",))


def test_values_are_iris_and_lexical_forms(graph):
    query = "SELECT ?event ?date ?n WHERE { ?event eg:date ?date ; eg:anniversary ?n }"
    assert run_query(graph, query).rows == (
        (ID + "event/a1", "2021-05-17", "30"),
        (ID + "event/a3", "2023-05-17", "32"),
    )


def test_unbound_values_are_none_and_sort_first(graph):
    query = "SELECT ?title ?article WHERE { ?a eg:articleId ?article OPTIONAL { ?a eg:title ?title } }"
    assert run_query(graph, query).rows == (
        (None, "a2"), (None, "a3"), (None, "a4"), ("Norway remembers the Great Storm in Chile", "a1"),
    )


def test_ask(graph):
    assert run_query(graph, "ASK { ?e eg:screened ?f }") == QueryResult(("ask",), (("true",),))
    assert run_query(graph, "ASK { ?e eg:screened eg:nothing }").rows == (("false",),)


def test_construct_and_describe_give_sorted_triples(graph):
    result = run_query(graph, "CONSTRUCT { ?f a eg:Film } WHERE { ?e eg:screened ?f }")
    assert result == QueryResult(
        ("subject", "predicate", "object"),
        ((ID + "film/northern-lights", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "https://w3id.org/eventgraph/ns#Film"),),
    )
    result = run_query(graph, f"DESCRIBE <{ID}historical-event/great-storm>")
    assert result.rows == tuple(sorted(result.rows))
    assert (ID + "historical-event/great-storm", "http://www.w3.org/2000/01/rdf-schema#label", "Great Storm") in result.rows


def test_syntax_error_is_a_query_error_with_the_parser_message(graph):
    predeclared = "eg:, rdf:, rdfs:, skos:, xsd:, schema:, prov: are predeclared"
    with pytest.raises(QueryError, match=rf"does not parse: Expected .*line:1, col:8.*{predeclared}"):
        run_query(graph, "SELECT WHERE {")
    with pytest.raises(QueryError, match="Unknown namespace prefix : nope"):
        run_query(graph, "SELECT ?p WHERE { ?p a nope:Person }")


# --- formats ---

RESULT = QueryResult(("name", "n"), (("Ola, Nordmann", "1"), ("Kari", None)))


def test_table():
    assert format_result(RESULT).splitlines() == [
        "name           n",
        "-------------  -",
        "Ola, Nordmann  1",
        "Kari",
        "(2 rows)",
    ]
    assert format_result(QueryResult(("x",), ((ID,),)), "table").splitlines()[-1] == "(1 row)"
    assert format_result(QueryResult(("x",), ()), "table").splitlines() == ["x", "-", "(0 rows)"]


def test_csv():
    text = format_result(RESULT, "csv")
    assert text == 'name,n\n"Ola, Nordmann",1\nKari,'
    assert list(csv.reader(io.StringIO(text))) == [["name", "n"], ["Ola, Nordmann", "1"], ["Kari", ""]]


def test_json_follows_the_sparql_results_format(graph):
    data = json.loads(format_result(RESULT, "json"))
    assert data == {
        "head": {"vars": ["name", "n"]},
        "results": {"bindings": [
            {"name": {"type": "literal", "value": "Ola, Nordmann"}, "n": {"type": "literal", "value": "1"}},
            {"name": {"type": "literal", "value": "Kari"}},
        ]},
    }
    # from a real query the rdflib terms give IRIs and datatypes
    result = run_query(graph, "SELECT ?event ?date WHERE { ?a eg:articleId 'a1' ; eg:reports ?event . ?event eg:date ?date }")
    assert json.loads(format_result(result, "json"))["results"]["bindings"] == [{
        "event": {"type": "uri", "value": ID + "event/a1"},
        "date": {"type": "literal", "value": "2021-05-17", "datatype": "http://www.w3.org/2001/XMLSchema#date"},
    }]
    assert json.loads(format_result(run_query(graph, "ASK { ?s ?p ?o }"), "json")) == {"head": {}, "boolean": True}


def test_unknown_format():
    with pytest.raises(QueryError, match="use table, csv, json"):
        format_result(RESULT, "xml")
