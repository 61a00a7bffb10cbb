"""Every shipped .rq query against the samples, on rdflib and on pyoxigraph, with expected results.

Expected answers live in tests/data/query-results/NAME.srj (SPARQL 1.1 JSON results as
`eventgraph query --format json` writes them). Queries on the Turtle run on the committed
output/graph.ttl; queries that need named graphs run on a fresh TriG build of the samples.
When extraction changes, regenerate with `python tests/test_shipped_queries.py` and review
the diff before committing it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from eventgraph.query import format_result, load_data, parse_params, run_query, shipped_queries

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "tests" / "data" / "query-results"
ID = "https://w3id.org/eventgraph/id/"
# query -> (the sample file it runs on, its --param bindings)
CASES: dict[str, tuple[str, list[str]]] = {
    "ambassador-speakers": ("ttl", []),
    "co-organizers": ("ttl", []),
    "events": ("ttl", []),
    "film-screenings": ("ttl", []),
    "people-titles": ("ttl", []),
    "relation-provenance": ("ttl", []),
    "entity-mentions": ("ttl", ['name="Leyla Aliyeva"']),
    "article-graphs": ("trig", []),
    "entity-statements": ("trig", [f"entity=<{ID}person/leyla-aliyeva>"]),
}
TTL_CASES = [name for name, (source, _) in CASES.items() if source == "ttl"]
TRIG_CASES = [name for name, (source, _) in CASES.items() if source == "trig"]
# GROUP_CONCAT has no defined order, in either engine: these cells compare as sets
LIST_COLUMNS = {"organizers", "organizer", "location", "titles", "employers"}


def answer(data, name: str) -> dict:
    """The query's SPARQL JSON result, as the CLI prints it."""
    result = run_query(data, shipped_queries()[name], parse_params(CASES[name][1]))
    return json.loads(format_result(result, "json"))


def normalized(results: dict, ordered: bool) -> list:
    """Bindings with list cells as sorted lists; rows sorted too when the query does not order them."""
    rows = []
    for binding in results["results"]["bindings"]:
        row = {}
        for var, term in binding.items():
            term = dict(term)
            if var in LIST_COLUMNS:
                term["value"] = sorted(term["value"].split("; "))
            row[var] = term
        rows.append(row)
    return rows if ordered else sorted(rows, key=lambda row: json.dumps(row, sort_keys=True))


def expected(name: str) -> dict:
    return json.loads((RESULTS / f"{name}.srj").read_text(encoding="utf-8"))


def _ordered(name: str) -> bool:
    return "ORDER BY" in shipped_queries()[name]


@pytest.fixture(scope="module")
def committed_ttl():
    path = REPO / "output" / "graph.ttl"
    return {store: load_data([path], store) for store in ("rdflib", "oxigraph")}


def test_every_shipped_query_has_an_expected_result():
    assert set(CASES) == set(shipped_queries())
    for name in CASES:
        assert (RESULTS / f"{name}.srj").is_file(), name
        assert expected(name)["results"]["bindings"], f"{name}: an empty expected result tests nothing"


@pytest.mark.parametrize("store", ["rdflib", "oxigraph"])
@pytest.mark.parametrize("name", TTL_CASES)
def test_shipped_query_on_the_committed_turtle(committed_ttl, name, store):
    got = answer(committed_ttl[store], name)
    assert got["head"] == expected(name)["head"]
    assert normalized(got, _ordered(name)) == normalized(expected(name), _ordered(name))


def test_both_stores_give_identical_json(committed_ttl):
    """Not only the same rows: the same IRIs, literals, datatypes and languages."""
    for name in TTL_CASES:
        by_rdflib, by_oxigraph = (answer(committed_ttl[store], name) for store in ("rdflib", "oxigraph"))
        assert normalized(by_rdflib, _ordered(name)) == normalized(by_oxigraph, _ordered(name)), name


@pytest.fixture(scope="module")
def sample_quads(tmp_path_factory):
    """The samples built as Turtle, TriG and N-Quads (one named graph per article)."""
    from eventgraph.build import build

    out = tmp_path_factory.mktemp("sample-quads")
    build(None, out, formats=("ttl", "trig", "nq"), html=False)
    return out


def _assert_quad_files_answer(sample_quads, store: str, cases) -> None:
    """The sample's TriG and N-Quads files give the expected answer to each query of `cases`."""
    for suffix in ("trig", "nq"):
        data = load_data([sample_quads / f"graph.{suffix}"], store)
        for name in cases:
            got = answer(data, name)
            assert normalized(got, _ordered(name)) == normalized(expected(name), _ordered(name)), (suffix, name)


@pytest.mark.slow
@pytest.mark.parametrize("store", ["rdflib", "oxigraph"])
def test_named_graph_queries_on_trig_and_nquads(sample_quads, store):
    _assert_quad_files_answer(sample_quads, store, TRIG_CASES)


@pytest.mark.slow
@pytest.mark.parametrize("store", ["rdflib", "oxigraph"])
def test_queries_without_graph_see_the_union_of_the_named_graphs(sample_quads, store):
    """A TriG or N-Quads file answers like the Turtle: the default graph is the union of all graphs."""
    assert (sample_quads / "graph.ttl").read_bytes() == (REPO / "output" / "graph.ttl").read_bytes()
    _assert_quad_files_answer(sample_quads, store, TTL_CASES)


@pytest.mark.slow
def test_named_graph_queries_see_nothing_in_a_turtle_file(committed_ttl):
    for store in ("rdflib", "oxigraph"):
        for name in TRIG_CASES:
            assert answer(committed_ttl[store], name)["results"]["bindings"] == [], (store, name)


def _regenerate() -> None:  # pragma: no cover - run by hand after reviewing a change in extraction
    import tempfile

    from eventgraph.build import build

    with tempfile.TemporaryDirectory() as tmp:
        build(None, Path(tmp), formats=("trig",), html=False)
        sources = {"ttl": load_data([REPO / "output" / "graph.ttl"]), "trig": load_data([Path(tmp) / "graph.trig"])}
        RESULTS.mkdir(parents=True, exist_ok=True)
        for name, (source, _) in CASES.items():
            text = json.dumps(answer(sources[source], name), indent=2, ensure_ascii=False) + "\n"
            (RESULTS / f"{name}.srj").write_text(text, encoding="utf-8")
            print(f"wrote {RESULTS / name}.srj")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(_regenerate())


def test_any_bindable_variable_binds_alike_on_both_stores(committed_ttl):
    """Bind each variable a shipped query lets you bind to a value from its own answer: both
    stores must then agree, and every row must carry the bound value."""
    from eventgraph.query import _bindable_variables, parse_request

    for name in TTL_CASES:
        sparql = shipped_queries()[name]
        unbound = run_query(committed_ttl["rdflib"], sparql)
        for var in sorted(_bindable_variables(parse_request(sparql).algebra)):
            column = unbound.variables.index(var)
            term = next(terms[column] for terms in unbound.terms if terms[column] is not None)
            answers = [json.loads(format_result(run_query(committed_ttl[store], sparql, {var: term}), "json")) for store in ("rdflib", "oxigraph")]
            assert normalized(answers[0], _ordered(name)) == normalized(answers[1], _ordered(name)), (name, var)
            rows = answers[0]["results"]["bindings"]
            assert rows and all(row[var]["value"] == str(term) for row in rows), (name, var)
