"""Scoring against gold annotations: the figures of ANNOTATION.md, equal to the independent scorer's."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Graph

from eventgraph.errors import InputError
from eventgraph.evaluate import evaluate, format_report, format_summary, load_gold, normalize, to_json

from conftest import REPO, SHARED

DATA = Path(__file__).parent / "data"
REFERENCE = SHARED / "tools" / "evaluate.py"


def _graph() -> Graph:
    graph = Graph().parse(DATA / "eval_graph.ttl")
    graph.parse(REPO / "ontology" / "eventgraph.ttl")
    return graph


def test_normalize():
    assert normalize("The “Justice for Khojaly!”") == normalize("justice for khojaly") == "justice for khojaly"
    assert normalize("Hernández") == "hernandez"


def test_figures_on_an_invented_article():
    result = evaluate(load_gold(DATA / "eval_gold.json"), _graph())
    assert result.missing_articles == ["a2"]
    people = result.entities_by_type["Person"]
    assert (people.tp, people.fp, people.fn) == (1, 1, 1)  # Ola found; Kari is not gold in a1; a2 is missing
    places = result.entities_by_type["Place"]
    assert (places.tp, places.fp, places.fn) == (1, 0, 1)  # Chile found (a Country is a Place), Santiago not mentioned
    assert result.entities_by_type["Organization"].fp == 0  # optional: neither counted nor held against
    rel = result.relations_by_type
    assert (rel["speaker"].tp, rel["speaker"].fn) == (1, 1)
    assert rel["jobTitle"].tp == 1  # "ambassador" is contained in "ambassador of norway"
    assert (rel["organizer"].tp, rel["organizer"].fp) == (1, 1)  # the optional society is no gold organizer
    assert (rel["date"].tp, rel["location"].fn) == (1, 1)
    assert format_summary(result).startswith("entities F1 ")
    assert "speaker" in format_report(result, verbose=True)


def test_bad_gold_file(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text('[{"id": "x"}]', encoding="utf-8")
    with pytest.raises(InputError, match="article 1 is missing or has a malformed 'entities'"):
        load_gold(path)


@pytest.mark.skipif(not REFERENCE.is_file(), reason="the independent scorer is not beside the repo")
@pytest.mark.parametrize(
    "gold, graph",
    [(DATA / "eval_gold.json", DATA / "query_sample.ttl"), (SHARED / "gold" / "seeds.json", REPO / "output" / "graph.ttl")],
)
def test_agrees_with_the_independent_scorer(tmp_path, gold, graph):
    out = tmp_path / "reference.json"
    subprocess.run(
        [sys.executable, str(REFERENCE), str(gold), str(graph), "--ontology", str(REPO / "ontology" / "eventgraph.ttl"), "--json", str(out)],
        check=True, capture_output=True,
    )
    combined = Graph().parse(graph)
    combined.parse(REPO / "ontology" / "eventgraph.ttl")
    assert to_json(evaluate(load_gold(gold), combined)) == json.loads(out.read_text())
