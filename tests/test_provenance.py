"""Provenance: mentions with offsets, assertions with method and confidence, and one named
graph per article in TriG and N-Quads whose union is the Turtle output."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import RDF, RDFS, Dataset, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import PROV

from eventgraph.corpus import make_article, read_articles
from eventgraph.namespace import EG
from eventgraph.query import run_query

TRACE_QUERY = Path(__file__).resolve().parents[1] / "src" / "eventgraph" / "queries" / "relation-provenance.rq"

STORY = (
    "Consulate marks Novruz in Lyon\n"
    "On March 20, the Consulate General of Azerbaijan in Lyon held a Novruz reception. "
    "Consul General Miriam Tabakova addressed the guests.\n"
    "Tabakova said the holiday unites families."
)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The samples plus an invented article, built to Turtle, TriG and N-Quads."""
    from eventgraph.build import build

    corpus = tmp_path_factory.mktemp("corpus")
    for article in read_articles():
        (corpus / f"{article.id}.txt").write_text(article.text, encoding="utf-8")
    (corpus / "zz_lyon.txt").write_text(STORY, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    build([corpus], out, formats=("ttl", "trig", "nq"), html=False)
    return out


@pytest.fixture(scope="module")
def graph(built) -> Graph:
    return Graph().parse(built / "graph.ttl")


def _named_graphs(path: Path, fmt: str) -> tuple[Graph, Graph, int]:
    dataset = Dataset()
    dataset.parse(path, format=fmt)
    union, default, count = Graph(), Graph(), 0
    for context in dataset.graphs():
        target = default if context.identifier == DATASET_DEFAULT_GRAPH_ID else union
        count += target is union
        for triple in context:
            target.add(triple)
    return union, default, count


@pytest.mark.parametrize("name, fmt", [("graph.trig", "trig"), ("graph.nq", "nquads")])
def test_union_of_article_graphs_is_the_turtle(built, graph, name, fmt):
    union, default, count = _named_graphs(built / name, fmt)
    assert count == 6  # five samples and the invented article
    assert isomorphic(union, graph)
    # the default graph says where each named graph comes from
    for article in graph.subjects(RDF.type, EG.Article):
        named = next(default.subjects(PROV.wasDerivedFrom, article))
        assert (named, RDF.type, PROV.Entity) in default
        assert (named, PROV.wasGeneratedBy, None) in default


@pytest.mark.parametrize("name, fmt", [("graph.trig", pyoxigraph.RdfFormat.TRIG), ("graph.nq", pyoxigraph.RdfFormat.N_QUADS)])
def test_quads_parse_in_pyoxigraph(built, name, fmt):
    store = pyoxigraph.Store()
    store.load(path=str(built / name), format=fmt)
    assert len(list(store.named_graphs())) == 6


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (Debian raptor2-utils) is not installed")
@pytest.mark.parametrize("name, syntax", [("graph.trig", "trig"), ("graph.nq", "nquads")])
def test_quads_parse_in_rapper(built, name, syntax):
    result = subprocess.run(["rapper", "-i", syntax, "-c", str(built / name)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_trig_is_byte_stable_across_hash_seeds(tmp_path):
    script = (
        "import sys; from eventgraph.build import build; "
        "build(None, sys.argv[1], formats=('trig', 'nq'), html=False)"
    )
    for seed in ("1", "2"):
        subprocess.run([sys.executable, "-c", script, str(tmp_path / seed)], check=True, env=dict(os.environ, PYTHONHASHSEED=seed))
    for name in ("graph.trig", "graph.nq"):
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes(), name


def test_every_mention_points_at_its_text(graph):
    texts = {article.id: article.text for article in read_articles()}
    texts["zz_lyon"] = make_article("zz_lyon", STORY).text
    mentions = list(graph.subjects(RDF.type, EG.Mention))
    assert len(mentions) > 100
    for mention in mentions:
        article = graph.value(mention, EG.inArticle)
        text = texts[str(graph.value(article, EG.articleId))]
        begin, end = int(graph.value(mention, EG.beginIndex)), int(graph.value(mention, EG.endIndex))
        anchor = str(graph.value(mention, EG.anchorOf))
        assert text[begin:end] == anchor
        assert anchor in str(graph.value(mention, EG.sentence)).replace("\n", " ") or "\n" in anchor
        assert (article, EG.mentions, graph.value(mention, EG.refersTo)) in graph


RELATIONS = [EG[name] for name in (
    "organizer", "location", "date", "commemorates", "anniversary", "speaker", "screened", "participant",
    "worksFor", "jobTitle", "represents", "locatedIn", "initiatedBy", "about", "producedBy",
)]


def test_every_relation_has_an_assertion_with_method_confidence_and_sentence(graph):
    facts = [(s, p, o) for p in RELATIONS for s, o in graph.subject_objects(p)]
    assert len(facts) > 60
    for s, p, o in facts:
        assertions = set(graph.subjects(RDF.subject, s)) & set(graph.subjects(RDF.predicate, p)) & set(graph.subjects(RDF.object, o))
        assert assertions, (s, p, o)
        for assertion in assertions:
            assert graph.value(assertion, EG.method) is not None
            confidence = graph.value(assertion, EG.confidence).toPython()
            assert 0 < confidence <= 1
            assert str(graph.value(assertion, EG.sentence))


def test_the_trace_query_answers_where_a_relation_came_from(graph):
    result = run_query(graph, TRACE_QUERY.read_text(encoding="utf-8"))
    rows = [dict(zip(result.variables, row)) for row in result.rows]
    speaker = [r for r in rows if r["relation"] == "speaker" and r["object"] == "Miriam Tabakova"]
    assert speaker, rows[:3]
    row = speaker[0]
    assert row["article"] == "zz_lyon"
    assert row["sentence"] == "Consul General Miriam Tabakova addressed the guests."
    assert row["method"].startswith("rule:") and 0 < float(row["confidence"]) <= 1


def test_mentions_of_one_person_in_one_article(graph):
    tabakova = graph.value(predicate=RDFS.label, object=Literal("Miriam Tabakova"))
    assert (tabakova, RDF.type, EG.Person) in graph
    anchors = sorted(str(graph.value(m, EG.anchorOf)) for m in graph.subjects(EG.refersTo, tabakova))
    assert anchors == ["Miriam Tabakova", "Tabakova"]


def test_evaluate_verbose_quotes_the_sentence_of_every_error(built, tmp_path):
    """False positives cite the provenance's sentence and rule; false negatives a sentence naming them."""
    import json

    from eventgraph.evaluate import evaluate, format_report, load_gold
    from eventgraph.export import read_graph
    from eventgraph.ontology import ontology_path

    gold = [{
        "id": "zz_lyon",
        "entities": [
            {"type": "Embassy", "name": "Consulate General of Azerbaijan in Lyon"},
            {"type": "Place", "name": "Lyon"},
            {"type": "Place", "name": "Azerbaijan"},
            {"type": "Place", "name": "France"},
            {"type": "Organization", "name": "Novruz"},  # wrong on purpose: a false negative
        ],
        "relations": [["EVENT", "organizer", "Consulate General of Azerbaijan in Lyon"]],
    }]
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    result = evaluate(load_gold(tmp_path / "gold.json"), read_graph([built / "graph.ttl", ontology_path()]))
    errors = {(e.kind, e.what.split(" <")[0]): e for e in result.errors if e.article == "zz_lyon"}

    fp_person = errors[("FP entity", 'Person "Miriam Tabakova"')]
    assert fp_person.sentence == "Consul General Miriam Tabakova addressed the guests."
    fn_org = errors[("FN entity", 'Organization "Novruz"')]
    assert fn_org.sentence == "Consulate marks Novruz in Lyon"  # the headline: the first sentence naming it
    fp_speaker = next(e for (kind, what), e in errors.items() if kind == "FP relation" and "speaker" in what)
    assert fp_speaker.sentence == "Consul General Miriam Tabakova addressed the guests."
    assert fp_speaker.found_by.startswith("rule:")
    report = format_report(result, verbose=True)
    assert 'in: "Consul General Miriam Tabakova addressed the guests."' in report


def test_sentence_lookup_agrees_with_a_scan_of_the_sentences():
    """ArticleRecord.sentence_at finds the sentence by bisection when the sentences are in order
    (spaCy's are), and must give what the first-match scan gives, boundaries and all."""
    import random

    from eventgraph.corpus import make_article
    from eventgraph.records import ArticleRecord

    def scan(sentences, start, end):
        return next(((s, e) for s, e in sentences if s <= start and end <= e), None)

    article = make_article("a", "x" * 100)
    rng = random.Random(0)
    for _ in range(2000):
        cuts = sorted(rng.sample(range(60), rng.randint(2, 12)))
        sentences = [(a, b) for a, b in zip(cuts, cuts[1:]) if rng.random() < 0.7]
        if rng.random() < 0.1:
            rng.shuffle(sentences)  # out of order: the scan itself
        if rng.random() < 0.05:
            sentences.append((3, 3))
        record = ArticleRecord(article, "event", (), (), (), tuple(sentences))
        for _ in range(20):
            start = rng.randint(0, 62)
            end = start + rng.choice([0, 0, 1, 3, 8])
            assert record.sentence_at(start, end) == scan(sentences, start, end), (sentences, start, end)
