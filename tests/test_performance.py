"""The fast paths give the same graph as the plain ones: NumPy ops, --jobs, --update, the Turtle writer.

No timing is asserted here: `make bench` measures speed; these tests check that
speed never changes a byte of the output.
"""

from __future__ import annotations

import dataclasses
import json
import os
import pickle
import subprocess
import sys
from decimal import Decimal

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS
from typer.testing import CliRunner

from conftest import REPO
from eventgraph.build import build, extract_articles
from eventgraph.cache import CACHE_DIR, ExtractionCache, merge_articles
from eventgraph.cli import app
from eventgraph.config import Config
from eventgraph.corpus import make_article, read_articles
from eventgraph.export import serialize
from eventgraph.turtle import TurtleWriter

sys.path.insert(0, str(REPO / "benchmarks"))
import generate  # noqa: E402  (benchmarks/generate.py)

EG = Namespace("https://w3id.org/eventgraph/ns#")
ID = Namespace("https://example.org/id/")


def _corpus(tmp_path, count, seed=3, name="corpus.jsonl"):
    return generate.write_corpus(count, tmp_path / name, seed=seed)


# --- the corpus generator ---------------------------------------------------------------------


def test_generator_is_deterministic_and_varied(tmp_path):
    one = list(generate.generate(40, seed=5))
    assert one == list(generate.generate(40, seed=5))
    assert one != list(generate.generate(40, seed=6))
    words = [len(record["text"].split()) for record in one]
    assert all(generate.MIN_WORDS <= count <= generate.MAX_WORDS + 40 for count in words)
    assert max(words) > 2 * min(words)
    assert len({record["title"] for record in one}) > 30
    # it writes what eventgraph reads, as JSON Lines or as .txt files
    jsonl = generate.write_corpus(5, tmp_path / "c.jsonl", seed=5)
    folder = generate.write_corpus(5, tmp_path / "c", seed=5, fmt="txt")
    assert [a.id for a in read_articles([jsonl])] == [a.id for a in read_articles([folder])]
    assert read_articles([jsonl])[0].date.isoformat() == one[0]["date"]


def test_generator_never_uses_the_samples_names():
    text = " ".join(record["text"] for record in generate.generate(200, seed=1))
    for name in ("Khojaly", "Aliyev", "Aslanov", "Rzayev", "Talibov", "Ismayilov", "Running from the Darkness"):
        assert name not in text


# --- the Turtle writer ------------------------------------------------------------------------


def _tricky_graph() -> Graph:
    graph = Graph()
    graph.bind("eg", EG)
    graph.bind("skos", SKOS)
    person, embassy = ID["person/ana-lima"], ID["embassy/embassy-of-peru-in-chile"]
    graph.add((person, RDF.type, EG.Person))
    graph.add((person, RDFS.label, Literal("Ana Lima")))
    for alias in ("A. Lima", 'Ana "the envoy" Lima', "Lima", "Ana\nLima", "Ána Líma", "back\\slash", 'ends with "'):
        graph.add((person, SKOS.altLabel, Literal(alias)))
    graph.add((person, EG.worksFor, embassy))
    graph.add((person, EG.jobTitle, Literal("ambassador", lang="en")))
    graph.add((embassy, RDF.type, EG.Embassy))
    graph.add((embassy, RDF.type, EG.Organization))
    graph.add((embassy, EG.confidence, Literal(Decimal("0.80"))))
    graph.add((embassy, EG.anniversary, Literal(26)))
    graph.add((embassy, EG.anniversary, Literal(3)))
    graph.add((embassy, EG.beginIndex, Literal(12, datatype=XSD.nonNegativeInteger)))
    graph.add((embassy, EG.date, Literal("2024-02-26", datatype=XSD.date)))
    graph.add((embassy, EG.url, URIRef("https://news.example/a?b=1&c=(2)")))
    graph.add((ID["article/x"], EG.mentions, person))
    graph.add((ID["article/x"], EG.mentions, embassy))
    return graph


def test_turtle_writer_writes_what_rdflib_writes():
    graph = _tricky_graph()
    writer = TurtleWriter([(p, str(n)) for p, n in graph.namespaces()])
    writer.update(graph)
    writer.update(graph)  # duplicates count once, as in a graph
    assert len(writer) == len(graph)
    assert writer.serialize() == serialize(graph, "ttl")
    assert set(writer.to_graph(Graph())) == set(graph)
    without_people = writer.to_graph(Graph(), skip_types=(EG.Person,))
    assert ID["person/ana-lima"] not in set(without_people.subjects())


@pytest.mark.parametrize("subjects_per_chunk", [1, 2, 3, 1000])
def test_turtle_writer_pieces_make_the_same_document(subjects_per_chunk):
    graph = _tricky_graph()
    writer = TurtleWriter([(p, str(n)) for p, n in graph.namespaces()])
    writer.update(graph)
    pieces = list(writer.chunks(subjects_per_chunk))
    assert b"".join(pieces) == serialize(graph, "ttl")
    subjects = len(set(graph.subjects()))
    assert len(pieces) == 1 + (subjects - 1) // subjects_per_chunk


def test_turtle_writer_triples_can_leave_out_subjects_by_type():
    graph = _tricky_graph()
    writer = TurtleWriter([(p, str(n)) for p, n in graph.namespaces()])
    writer.update(graph)
    assert set(writer.triples()) == set(graph)
    kept = set(writer.triples(skip_types=(EG.Person,)))
    assert kept == {t for t in graph if t[0] != ID["person/ana-lima"]}


def test_turtle_writer_hands_blank_nodes_to_rdflib():
    from rdflib import BNode

    graph = _tricky_graph()
    graph.add((BNode("b1"), RDFS.label, Literal("anonymous")))
    writer = TurtleWriter([(p, str(n)) for p, n in graph.namespaces()])
    writer.update(graph)
    assert Graph().parse(data=writer.serialize(), format="turtle").isomorphic(graph)


def _unreferenced(graph: Graph) -> dict[str, list[tuple]]:
    """Provenance-like subjects no triple refers to, under two IRI prefixes per "article"."""
    runs: dict[str, list[tuple]] = {}
    for article in ("a1", "a10", "a1-2", "b"):
        for kind in ("assertion", "mention"):
            triples = runs.setdefault(f"{kind}/{article}/", [])
            for n, text in enumerate(["said \"so\"", "line\nbreak", "Ána", "said \"so\""]):
                node = ID[f"{kind}/{article}/{n:02d}"]
                triples += [
                    (node, RDF.type, EG.Mention if kind == "mention" else EG.Assertion),
                    (node, EG.refersTo, ID["person/ana-lima"]),
                    (node, EG.anchorOf, Literal(text)),
                    (node, EG.beginIndex, Literal(n * 7, datatype=XSD.nonNegativeInteger)),
                    (node, EG.confidence, Literal(Decimal("0.80"))),
                    (node, EG.sentence, Literal(text, lang="en")),
                    (node, EG.inArticle, ID[f"article/{article}"]),
                ]
    return runs


def test_subjects_formatted_ahead_make_the_same_document():
    from eventgraph.turtle import RunFormatter

    graph = _tricky_graph()
    # unreferenced subjects of the writer's own before, between and after the runs
    for key in ("article/a", "lone/between", "zz/after"):
        graph.add((ID[key], RDFS.label, Literal(key)))
    runs = _unreferenced(graph)
    whole = Graph()
    for prefix, namespace in graph.namespaces():
        whole.bind(prefix, namespace)
    for triple in graph:
        whole.add(triple)
    for triples in runs.values():
        for triple in triples:
            whole.add(triple)
    namespaces = [(p, str(n)) for p, n in graph.namespaces()]
    writer = TurtleWriter(namespaces)
    writer.update(graph)
    formatter = RunFormatter(namespaces)
    for triples in reversed(list(runs.values())):  # in any order
        run, text = formatter.format(triples + triples[:3])  # duplicates count once
        writer.add_run(run, lambda text=text: text)
    assert len(writer) == len(whole)
    for subjects_per_chunk in (1, 4096):
        assert b"".join(writer.chunks(subjects_per_chunk)) == serialize(whole, "ttl")
    assert formatter.format([]) is None


def test_overlapping_runs_are_refused():
    from eventgraph.turtle import RunFormatter

    graph = _tricky_graph()
    namespaces = [(p, str(n)) for p, n in graph.namespaces()]
    formatter = RunFormatter(namespaces)
    writer = TurtleWriter(namespaces)
    writer.update(graph)
    run, text = formatter.format([(ID["z/1"], RDFS.label, Literal("one")), (ID["z/3"], RDFS.label, Literal("three"))])
    writer.add_run(run, lambda: text)
    writer.add((ID["z/2"], RDFS.label, Literal("inside the run")))
    with pytest.raises(ValueError, match="preformatted"):
        writer.serialize()


# --- the extraction cache ---------------------------------------------------------------------


def test_cache_key_follows_content_and_pipeline(tmp_path):
    article = make_article("a1", "The Embassy of Peru in Chile held a reception.")
    cache = ExtractionCache(tmp_path, Config())
    assert cache.key(article) == ExtractionCache(tmp_path, Config()).key(dataclasses.replace(article, path="elsewhere.txt"))
    assert cache.key(article) != cache.key(make_article("a1", "The Embassy of Peru in Chile held a concert."))
    assert cache.key(article) != ExtractionCache(tmp_path, Config(model="en_core_web_md")).key(article)


def test_merge_articles_replaces_in_place_and_appends():
    a, b, c = (make_article(i, f"text {i}") for i in "abc")
    b2 = make_article("b", "text b, changed")
    assert [x.text for x in merge_articles([a, b], [b2, c])] == ["text a", "text b, changed", "text c"]
    assert merge_articles([], [a, b]) == [a, b]


# --- the pipeline: same output for the fast settings, --jobs and --update ----------------------


@pytest.mark.slow
def test_numpy_ops_give_the_same_extractions(tmp_path):
    articles = read_articles() + read_articles([_corpus(tmp_path, 12)])
    fast = list(extract_articles(articles, Config(fast_ops=True)))
    plain = list(extract_articles(articles, Config(fast_ops=False)))
    assert fast == plain


@pytest.mark.slow
def test_two_jobs_give_the_same_files(tmp_path):
    corpus = _corpus(tmp_path, 24)
    one = build([corpus], tmp_path / "one", formats=("ttl", "nt"), config=Config(jobs=1))
    two = build([corpus], tmp_path / "two", formats=("ttl", "nt"), config=Config(jobs=2))
    assert two.extracted == 24 and two.triples == one.triples
    for name in ("graph.ttl", "graph.nt", "graph.html"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    # the fast Turtle writer agrees with rdflib's on the generated corpus too, and the view drawn
    # from the records' mentions with the view of the whole graph's triples
    assert (tmp_path / "one" / "graph.ttl").read_bytes() == serialize(one.graph, "ttl")
    from eventgraph.view import render_html

    assert (tmp_path / "one" / "graph.html").read_text(encoding="utf-8") == render_html(one.graph)


@pytest.mark.slow
def test_the_workers_make_the_provenance_one_process_makes(tmp_path, monkeypatch):
    """With --jobs 2 the extraction's workers stay to format the articles' provenance, and the
    document is the one a single process writes; the pieces they keep in the --update cache are
    read back by the next build (here no piece may be made in the main process at all)."""
    from eventgraph import spool

    corpus = _corpus(tmp_path, 24)
    one = build([corpus], tmp_path / "one", formats=("ttl",), config=Config(jobs=1))
    monkeypatch.setattr(spool, "MIN_FOR_WORKERS", 1)
    monkeypatch.setattr(spool, "CHUNK", 5)  # chunks of five, the last one short
    monkeypatch.setattr(spool.ProvenanceSpool, "_make", lambda *args: pytest.fail("provenance made in the main process"))
    two = build([corpus], tmp_path / "two", formats=("ttl",), config=Config(jobs=2), update=True)
    assert two.extracted == 24 and two.triples == one.triples
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    assert len(list((tmp_path / "two" / CACHE_DIR / "provenance").glob("*/*.pickle"))) == 24
    again = build(None, tmp_path / "two", formats=("ttl",), config=Config(jobs=2), update=True)
    assert again.extracted == 0
    assert (tmp_path / "one" / "graph.ttl").read_bytes() == (tmp_path / "two" / "graph.ttl").read_bytes()


@pytest.mark.slow
def test_a_build_runs_the_cycle_collector_only_where_cycles_are_made(tmp_path, monkeypatch):
    """A build runs without the cycle collector but where spaCy runs in its process and where
    pySHACL checks the graph, and leaves the collector as it found it."""
    import gc

    import eventgraph.build as build_module
    import eventgraph.extract as extract_module
    import eventgraph.validate as validate_module
    from eventgraph.build import build

    seen: dict[str, list[bool]] = {"extract": [], "resolve": [], "check": []}

    def spy(name, real):
        return lambda *args, **kwargs: seen[name].append(gc.isenabled()) or real(*args, **kwargs)

    monkeypatch.setattr(extract_module, "extract", spy("extract", extract_module.extract))
    monkeypatch.setattr(build_module, "resolve", spy("resolve", build_module.resolve))
    monkeypatch.setattr(validate_module, "check_conforms", spy("check", validate_module.check_conforms))
    assert gc.isenabled()
    build(None, tmp_path / "fast", formats=("ttl",), validate=False, html=False)
    assert seen == {"extract": [True] * 5, "resolve": [False], "check": []} and gc.isenabled()
    build(None, tmp_path / "checked", formats=("ttl",), validate=True, html=False)
    assert seen == {"extract": [True] * 10, "resolve": [False, False], "check": [True]} and gc.isenabled()
    assert (tmp_path / "fast" / "graph.ttl").read_bytes() == (tmp_path / "checked" / "graph.ttl").read_bytes()


def test_cyclic_gc_restores_the_collector_whatever_the_code_inside_did():
    import gc

    from eventgraph.build import cyclic_gc

    gc.disable()
    try:
        with cyclic_gc(True):
            assert gc.isenabled()
            gc.disable()  # as srsly's loader does the other way round
        assert not gc.isenabled()
        with cyclic_gc(False):
            assert not gc.isenabled()
            gc.enable()
        assert not gc.isenabled()
    finally:
        gc.enable()
    with cyclic_gc(False):
        assert not gc.isenabled()
    assert gc.isenabled()


def test_update_gives_the_same_graph_as_a_full_build(tmp_path, monkeypatch):
    from eventgraph.resolve import resolve_article

    build_module = sys.modules["eventgraph.build"]

    records = list(generate.generate(14, seed=9))
    first, second = records[:10], records[10:]
    changed = dict(first[4], text=first[4]["text"].replace("was held at", "took place at"))

    def write(name, rows):
        path = tmp_path / name
        path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
        return path

    out = tmp_path / "incremental"
    runner = CliRunner()
    result = runner.invoke(app, ["build", str(write("a.jsonl", first)), "--update", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    assert (out / CACHE_DIR / "manifest.json").is_file()
    # B: four new articles and a new version of one built article
    result = runner.invoke(app, ["build", str(write("b.jsonl", [changed, *second])), "--update", str(out)])
    assert result.exit_code == 0, result.output
    assert "14 articles (9 from the cache)" in result.output

    merged = [*first[:4], changed, *first[5:], *second]
    build([write("all.jsonl", merged)], tmp_path / "full", formats=("ttl",))
    for name in ("graph.ttl", "graph.html"):
        assert (out / name).read_bytes() == (tmp_path / "full" / name).read_bytes(), name
    # nothing changed: nothing goes through spaCy, and the files stay the same
    again = build(None, out, formats=("ttl",), update=True)
    assert again.extracted == 0 and again.articles == 14
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "full" / "graph.ttl").read_bytes()
    # the old version of the changed article is pruned from the cache
    assert len(list((out / CACHE_DIR / "extractions").glob("*/*.pickle"))) == 14
    # and so is its provenance's Turtle; an entry that cannot be read is made again
    provenance = sorted((out / CACHE_DIR / "provenance").glob("*/*.pickle"))
    assert len(provenance) == 14
    provenance[0].write_bytes(b"not a pickle")
    # and so is each article's resolution within itself, used as kept (resolve_article is not run)
    local = sorted((out / CACHE_DIR / "local").glob("*/*.pickle"))
    assert len(local) == 14
    local[0].write_bytes(b"not a pickle")
    local[1].write_bytes(pickle.dumps(["no resolution"]))
    # one naming a mention its article does not have, and one whose relation names no cluster
    local[2].write_bytes(pickle.dumps(((("Person", "Ann Bell", None, (999,), None, None, None, "Embassy"),), ())))
    local[3].write_bytes(pickle.dumps(((), (("EVENT", "speaker", 5, "rule:x", 0.9, 0, 0),))))
    resolved = []
    monkeypatch.setattr(build_module, "resolve_article", lambda *args: resolved.append(args) or resolve_article(*args))
    build(None, out, formats=("ttl",), update=True)
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "full" / "graph.ttl").read_bytes()
    assert provenance[0].read_bytes() != b"not a pickle"
    assert len(resolved) == 4 and b"not a pickle" not in (local[0].read_bytes(), local[1].read_bytes())


@pytest.mark.slow
def test_an_update_of_a_few_articles_extracts_them_in_a_worker_while_it_reads_the_cache(tmp_path, monkeypatch):
    """With jobs=0 and a large cache, the few new articles go to one worker started before the
    cache is read back; the graph is the one a full build gives."""
    from eventgraph import parallel

    records = list(generate.generate(12, seed=11))
    first = _write_rows(tmp_path / "first.jsonl", records[:9])
    added = _write_rows(tmp_path / "added.jsonl", records[9:])
    out = tmp_path / "incremental"
    build([first], out, formats=("ttl",), config=Config(jobs=0), update=True)

    monkeypatch.setattr(parallel, "AHEAD_MIN_CACHED", 5)
    monkeypatch.setattr(parallel, "effective_jobs", lambda requested, articles: 2)
    taken = []
    real_take = parallel.ExtractionAhead.take
    monkeypatch.setattr(parallel.ExtractionAhead, "take", lambda self: taken.append(self._articles) or real_take(self))
    updated = build([added], out, formats=("ttl",), config=Config(jobs=0), update=True)
    assert [[article.id for article in articles] for articles in taken] == [[record["id"] for record in records[9:]]]
    assert updated.extracted == 3 and updated.articles == 12

    build([first, added], tmp_path / "full", formats=("ttl",))
    for name in ("graph.ttl", "graph.html"):
        assert (out / name).read_bytes() == (tmp_path / "full" / name).read_bytes(), name
    # the worker's extractions are cached like any other: nothing new, no worker
    assert build([added], out, formats=("ttl",), config=Config(jobs=0), update=True).extracted == 0
    assert len(taken) == 1


def test_a_worker_is_started_ahead_only_where_it_pays(tmp_path, monkeypatch):
    from eventgraph import parallel
    from eventgraph.build import extraction_ahead

    started = []
    monkeypatch.setattr(parallel, "ExtractionAhead", lambda articles, config: started.append(articles) or "worker")
    monkeypatch.setattr(parallel, "effective_jobs", lambda requested, articles: 2)
    cache = ExtractionCache(tmp_path, Config(jobs=0))
    monkeypatch.setattr(cache, "built", lambda: parallel.AHEAD_MIN_CACHED)
    new = [make_article(f"n{i}", f"The embassy held a reception number {i}.") for i in range(3)]
    assert extraction_ahead(new, Config(jobs=0), cache) == "worker" and started == [new]
    assert extraction_ahead(new, Config(jobs=0), None) is None  # no --update
    assert extraction_ahead(new, Config(jobs=1), cache) is None  # one process asked for
    assert extraction_ahead([], Config(jobs=0), cache) is None  # nothing new
    many = [make_article(f"m{i}", f"Article {i}.") for i in range(parallel.AUTO_MIN_ARTICLES)]
    assert extraction_ahead(many, Config(jobs=0), cache) is None  # the usual workers take them
    monkeypatch.setattr(cache, "holds", lambda article: True)
    assert extraction_ahead(new, Config(jobs=0), cache) is None  # all cached already
    monkeypatch.setattr(cache, "holds", lambda article: False)
    monkeypatch.setattr(cache, "built", lambda: parallel.AHEAD_MIN_CACHED - 1)
    assert extraction_ahead(new, Config(jobs=0), cache) is None  # a small cache: the worker's start costs more
    monkeypatch.setattr(cache, "built", lambda: parallel.AHEAD_MIN_CACHED)
    monkeypatch.setattr(parallel, "effective_jobs", lambda requested, articles: 1)
    assert extraction_ahead(new, Config(jobs=0), cache) is None  # one core
    assert len(started) == 1


def test_a_worker_started_ahead_hands_back_its_error(tmp_path):
    from eventgraph.errors import ModelError
    from eventgraph.parallel import ExtractionAhead

    with ExtractionAhead([make_article("a", "The embassy held a reception.")], Config(model="no_such_model_xyz")) as ahead:
        with pytest.raises(ModelError, match="no_such_model_xyz"):
            ahead.take()


@pytest.mark.slow
def test_an_update_that_fails_stops_the_worker_started_ahead(tmp_path, monkeypatch):
    import multiprocessing

    from eventgraph import parallel
    from eventgraph.errors import InputError

    records = list(generate.generate(4, seed=12))
    out = tmp_path / "incremental"
    build([_write_rows(tmp_path / "first.jsonl", records[:3])], out, formats=("ttl",), html=False, update=True)
    next(iter((out / CACHE_DIR / "extractions").glob("*/*.pickle"))).unlink()
    monkeypatch.setattr(parallel, "AHEAD_MIN_CACHED", 1)
    monkeypatch.setattr(parallel, "effective_jobs", lambda requested, articles: 2)
    started = []
    real_init = parallel.ExtractionAhead.__init__
    monkeypatch.setattr(parallel.ExtractionAhead, "__init__", lambda self, *args: started.append(self) or real_init(self, *args))
    with pytest.raises(InputError, match="lacks article"):
        build([_write_rows(tmp_path / "added.jsonl", records[3:])], out, formats=("ttl",), config=Config(jobs=0), update=True)
    assert len(started) == 1 and multiprocessing.active_children() == []


def _write_rows(path, rows):
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


# --- start-up and progress --------------------------------------------------------------------


def test_query_does_not_import_spacy():
    code = (
        "import sys\n"
        "from eventgraph.cli import app\n"
        f"app(['query', {str(REPO / 'output' / 'graph.ttl')!r}, 'SELECT ?s WHERE {{ ?s a eg:Film }}'], standalone_mode=False)\n"
        "assert 'spacy' not in sys.modules, 'spacy imported'\n"
        "assert 'thinc' not in sys.modules, 'thinc imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "running-from-the-darkness" in done.stdout.lower() or "Running" in done.stdout


@pytest.mark.slow
def test_no_progress_bar_when_not_on_a_terminal(tmp_path):
    result = CliRunner().invoke(app, ["build", "-o", str(tmp_path / "out"), "--no-html"])
    assert result.exit_code == 0
    assert "article/s" not in result.output and "extracting" not in result.output


def test_a_bad_model_with_two_jobs_is_one_clear_error(tmp_path):
    corpus = _corpus(tmp_path, 20)
    result = CliRunner().invoke(app, ["build", str(corpus), "-o", str(tmp_path / "out"), "--jobs", "2", "--model", "no_such_model_xyz"])
    assert result.exit_code == 1, result.output
    assert "cannot load the spaCy model no_such_model_xyz" in result.output
    assert not (tmp_path / "out" / "graph.ttl").exists()


@pytest.mark.slow
def test_a_worker_runs_blas_on_one_thread():
    """Two jobs on two cores must not start two BLAS threads each: the worker's limit is set after
    the model has loaded NumPy (set before, it limits nothing and two jobs ran slower than one)."""
    code = (
        "from threadpoolctl import threadpool_info\n"
        "from eventgraph import parallel\n"
        "from eventgraph.config import Config\n"
        "parallel._start(Config())\n"
        "assert 'error' not in parallel._worker, parallel._worker.get('error')\n"
        "blas = [pool['num_threads'] for pool in threadpool_info() if pool['user_api'] == 'blas']\n"
        "assert blas and set(blas) == {1}, blas\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={**os.environ, "OPENBLAS_NUM_THREADS": "2"})
    assert done.returncode == 0, done.stderr


def test_jobs_zero_means_one_per_core_for_a_large_corpus(monkeypatch):
    from eventgraph import parallel

    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda pid: {0, 1, 2}, raising=False)
    assert parallel.effective_jobs(0, parallel.AUTO_MIN_ARTICLES) == 3
    assert parallel.effective_jobs(0, parallel.AUTO_MIN_ARTICLES - 1) == 1  # the samples: no workers to start
    assert parallel.effective_jobs(2, 5) == 2  # asked for: as asked
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda pid: set(range(64)), raising=False)
    assert parallel.effective_jobs(0, 10_000) == parallel.AUTO_MAX_JOBS


def test_the_last_tasks_are_small_so_no_worker_finishes_alone():
    from eventgraph.parallel import CHUNK, TAIL_CHUNK, chunks_of

    for count, jobs in [(1, 2), (CHUNK, 2), (CHUNK * 2 + 1, 2), (1000, 2), (50, 3), (7, 8)]:
        articles = list(range(count))
        chunks = chunks_of(articles, jobs)
        assert [a for chunk in chunks for a in chunk] == articles  # every article once, in order
        assert all(chunk for chunk in chunks) and max(map(len, chunks)) <= CHUNK
        if count > CHUNK * jobs:
            assert [len(chunk) for chunk in chunks[-2 * jobs :]] == [TAIL_CHUNK] * (2 * jobs)
    assert [len(chunk) for chunk in chunks_of(list(range(1000)), 2)][:3] == [CHUNK] * 3
