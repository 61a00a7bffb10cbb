"""The whole path once: articles -> spaCy -> records -> resolved entities -> rdflib Graph -> files.

This is the Python API most users want:

    >>> from eventgraph import build_graph, read_articles
    >>> graph = build_graph(read_articles(["news/"]))
"""

from __future__ import annotations

import gc
import re
import sys
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Mapping, Sequence

from rdflib import Graph

from .config import Config
from .corpus import MAX_ARTICLE_CHARS, Article, Problem, read_articles, read_corpus
from .errors import ConfigError
from .export import graph_files, remove_leftovers, write_files
from .lock import output_lock
from .records import Extraction
from .resolve import Resolution, resolve_article, resolve_corpus

if TYPE_CHECKING:
    from .cache import ExtractionCache
    from .parallel import ExtractionAhead, WorkerPool
    from .spool import ProvenanceSpool
    from .validate import ValidationReport


def extract_articles(articles: Sequence[Article], config: Config = Config(),
                     workers: "WorkerPool | None" = None) -> Iterator[Extraction]:
    """Run the spaCy pipeline and the extraction rules over articles, one Extraction each
    (in `config.jobs` processes when more than one, one per core with 0; the records are the same).
    The processes are `workers` if given (which stay for the build's later stages), else new ones."""
    if not articles:
        return
    jobs = _processes_for(config, len(articles))
    if jobs > 1:
        from .parallel import extract_in_processes

        extractions = workers.extract(articles, jobs) if workers is not None else extract_in_processes(articles, replace(config, jobs=jobs))
        yield from _with_progress(extractions, len(articles), config.progress)
        return
    from .extract import extract, load_lexicon
    from .nlp import fit_max_length, load_pipeline, one_blas_thread

    # spaCy's Docs make reference cycles: here, where it runs, the collector must be on
    with cyclic_gc(True):
        nlp = fit_max_length(load_pipeline(config), articles)
        lexicon = load_lexicon()
        with one_blas_thread():
            docs = nlp.pipe((article.body for article in articles), batch_size=config.batch_size)
            for article, doc in zip(articles, _with_progress(docs, len(articles), config.progress)):
                yield extract(doc, article, lexicon)


def _processes_for(config: Config, articles: int) -> int:
    """How many processes extract `articles` articles (1: this one)."""
    from .parallel import effective_jobs

    return effective_jobs(config.jobs, articles) if articles > 1 else 1


def extract_with_cache(articles: Sequence[Article], config: Config, cache: "ExtractionCache | None",
                       ahead: "ExtractionAhead | None" = None, workers: "WorkerPool | None" = None) -> list[Extraction]:
    """Extractions in article order, taken from the cache where it holds them, or from `ahead`
    (a worker started on the new articles before the cache was read); new ones are stored. The
    rest are extracted by `workers` where they pay (see extract_articles)."""
    found = [cache.load(article) for article in articles] if cache is not None else [None] * len(articles)
    made = {}
    if ahead is not None:
        from .extract import load_lexicon

        load_lexicon()  # which resolution reads next: loaded (once) while the worker finishes
        made = ahead.take()
    todo = [article for article, extraction in zip(articles, found) if extraction is None and article not in made]
    jobs = _processes_for(config, len(todo))
    if workers is not None and jobs > 1:
        from .extract import load_lexicon

        workers.start(jobs, len(todo))
        load_lexicon()  # which resolution reads next: loaded (once) while the workers load the pipeline
    fresh = iter(extract_articles(todo, config, workers))
    extractions = []
    for article, extraction in zip(articles, found):
        if extraction is None:
            extraction = made[article] if article in made else next(fresh)
            if cache is not None:
                cache.store(extraction)
        extractions.append(extraction)
    return extractions


def extraction_ahead(new: Sequence[Article], config: Config, cache: "ExtractionCache | None") -> "ExtractionAhead | None":
    """For an update that adds a few articles to a large corpus (with jobs=0): one worker that
    loads the pipeline and extracts them on the other core while this process reads the cache
    back. None where that does not pay: other jobs, no cache, many articles, a small cache, one core."""
    from .parallel import AHEAD_MIN_CACHED, AUTO_MIN_ARTICLES, ExtractionAhead, effective_jobs

    if cache is None or config.jobs != 0 or effective_jobs(0, AUTO_MIN_ARTICLES) < 2 or cache.built() < AHEAD_MIN_CACHED:
        return None
    todo = [article for article in new if not cache.holds(article)]
    if not todo or len(todo) >= AUTO_MIN_ARTICLES:
        return None
    return ExtractionAhead(todo, config)


def _with_progress(items: Iterable, total: int, enabled: bool) -> Iterator:
    """A progress bar with articles/s and an ETA on stderr, when asked for and on a terminal."""
    if not enabled or not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, total=total, unit="article", desc="extracting", leave=False)


def resolve(extractions: Sequence[Extraction], config: Config = Config(), cache: "ExtractionCache | None" = None) -> Resolution:
    """Entities with IRIs over the whole corpus; each article's resolution within itself comes
    from the cache where it holds it (new ones are stored)."""
    from .extract import load_lexicon

    lexicon = load_lexicon()
    local = None
    if cache is not None:
        local = []
        for extraction in extractions:
            found = cache.load_local(extraction)
            if found is None:
                found = resolve_article(extraction, lexicon)
                cache.store_local(extraction, found)
            local.append(found)
    return resolve_corpus(extractions, lexicon, validate_base_iri(config.base_iri), local)


def build_graph(articles: Sequence[Article] | None = None, config: Config = Config()) -> Graph:
    """The knowledge graph of the articles (the bundled samples when none are given)."""
    from .rdf import to_graph

    return to_graph(resolve_articles(articles, config), config.base_iri)


def resolve_articles(articles: Sequence[Article] | None = None, config: Config = Config()) -> Resolution:
    """Extract and resolve the articles (the bundled samples when none are given)."""
    articles = list(articles) if articles is not None else read_articles()
    return resolve(list(extract_articles(articles, config)), config)


@dataclass(frozen=True)
class BuildResult:
    files: tuple[Path, ...]
    articles: int
    triples: int
    make_graph: Callable[[], Graph] = field(repr=False, compare=False)  # see `graph`
    validation: ValidationReport | None = None  # the SHACL report, unless built with validate=False
    problems: tuple[Problem, ...] = ()  # documents skipped or repaired while reading
    extracted: int = 0  # articles that went through spaCy (the rest came from the --update cache)
    timings: Mapping[str, float] = field(default_factory=dict)  # seconds per stage, for benchmarks

    @cached_property
    def graph(self) -> Graph:
        """The graph written, as an rdflib Graph: made when first asked for, since a build that
        only writes Turtle and the view never needs one (filling it costs ~20 us a triple). A build
        that made none lets its records go before the view and reads the graph from its graph.ttl."""
        return self.make_graph()

    @property
    def skipped(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if problem.action == "skipped")


def build(
    inputs: Sequence[Path | str] | None,
    out_dir: Path,
    formats: Sequence[str] = ("ttl",),
    config: Config = Config(),
    html: bool = True,
    title: str = "eventgraph",
    validate: bool = True,
    materialize: bool = False,
    *,
    strict: bool = False,
    max_chars: int = MAX_ARTICLE_CHARS,
    update: bool = False,
) -> BuildResult:
    """Read, extract, resolve and write graph.<format> files and graph.html into out_dir.

    Formats are the RDF ones of export.FORMATS, and graphml / gexf for the network.
    Bad documents are skipped and listed in `BuildResult.problems` (with `strict`, the
    first raises DocumentError). With `validate` (the default) the graph is checked
    against ontology/shapes.ttl, and a graph that does not conform raises
    ValidationError before any file is written. With `materialize` the schema.org,
    FOAF, ORG, PROV, SEM and NIF statements the ontology implies are added to every
    output (see materialize.py). With `update`, out_dir's extraction cache supplies
    every article it already holds, and the build covers the articles of out_dir's
    last build plus `inputs` (see cache.py).

    Only one build at a time writes into out_dir (LockError otherwise), and its files
    are replaced together only once all are serialized and written to temporary
    files, so a failed or interrupted build leaves the previous output as it was.
    """
    validate_base_iri(config.base_iri)
    if max_chars < 1:
        raise ConfigError(f"bad --max-chars {max_chars}: give a positive number of characters")
    # A build makes millions of long-lived objects (articles, cached records read back, triples)
    # and hardly a cycle: each of the collector's full passes would walk them all and free nearly
    # nothing (about a tenth of an update's time). It runs only where cycles are made: spaCy in
    # this process (extract_articles), owlrl and pySHACL.
    with cyclic_gc(False):
        return _build(inputs, out_dir, formats, config, html, title, validate, materialize, strict, max_chars, update)


def _build(inputs: Sequence[Path | str] | None, out_dir: Path, formats: Sequence[str], config: Config, html: bool,
           title: str, validate: bool, materialize: bool, strict: bool, max_chars: int, update: bool) -> BuildResult:
    from .cache import merge_articles
    from .parallel import WorkerPool
    from .rdf import to_dataset
    from .spool import ProvenanceSpool
    from .view.network_files import NETWORK_FORMATS

    clock = _Clock()
    cache = None
    if update:
        from .cache import ExtractionCache

        cache = ExtractionCache(out_dir, config)
    # an update without inputs rebuilds what the directory holds; otherwise read the inputs (or the samples)
    corpus = read_corpus(inputs, strict=strict, max_chars=max_chars) if inputs or not (cache and cache.built()) else None
    new = corpus.articles if corpus else ()
    with ExitStack() as stack:
        ahead = extraction_ahead(new, config, cache)
        if ahead is not None:  # stopped however the build ends
            stack.enter_context(ahead)
        articles = merge_articles(cache.previous_articles() if cache else [], new)
        clock.lap("read")
        stack.enter_context(output_lock(out_dir))
        spool = stack.enter_context(ProvenanceSpool(out_dir, config.base_iri, cache.root if cache else None))
        # the processes that extract (if any) stay to make the provenance after resolution
        workers = stack.enter_context(WorkerPool(config))
        extractions = extract_with_cache(articles, config, cache, ahead, workers)
        if ahead is not None:
            ahead.close()
        extracted = len(articles) if cache is None else cache.stores
        clock.lap("extract")
        resolution = resolve(extractions, config, cache)
        del extractions
        clock.lap("resolve")
        # materialized, the graph is made whole anyway: no spool
        graph = _CorpusGraph.of_corpus(resolution, config.base_iri, None if materialize else spool, workers)
        workers.close()
        # N-Quads and TriG keep each article in its own named graph
        dataset = to_dataset(resolution, config.base_iri) if {"nq", "trig"} & set(formats) else None
        if materialize:
            from .materialize import load_ontology, materialize as add_inferred, materialize_dataset

            with cyclic_gc(True):  # owlrl makes cycles
                ontology = load_ontology()
                graph = _CorpusGraph.of(add_inferred(graph.rdflib(), ontology))
                if dataset is not None:
                    materialize_dataset(dataset, ontology)
        clock.lap("rdf")
        report = None
        if validate:
            from .validate import check_conforms

            rdflib_graph = graph.rdflib()
            with cyclic_gc(True):  # pySHACL makes cycles
                report = check_conforms(rdflib_graph)
        clock.lap("validate")
        rdf_formats = [f for f in formats if f not in NETWORK_FORMATS]
        # Turtle is written piece by piece when the files are (its time still counts as "serialize")
        files: dict = {Path(out_dir) / "graph.ttl": clock.timed(graph.turtle(), "serialize")} if "ttl" in rdf_formats else {}
        others = [f for f in rdf_formats if f != "ttl"]
        if others:  # rdflib writes them
            files.update(graph_files(graph.rdflib(), out_dir, others, dataset))
        files.update(network_files(graph, out_dir, [f for f in formats if f in NETWORK_FORMATS]))
        clock.lap("serialize")
        # nothing below needs the records: a graph asked for later is read back from graph.ttl
        graph.forget_records(Path(out_dir) / "graph.ttl" if "ttl" in rdf_formats else None)
        del resolution
        # nor the articles (a tenth of the memory left): the cache keeps what it writes of them
        count, problems = len(articles), corpus.problems if corpus else ()
        if cache is not None:
            cache.settle(articles)
        del articles, new, corpus
        if html:
            from .view import html_pieces

            # made as it is written, like the Turtle (its time still counts as "html")
            page = html_pieces(graph.drawn_triples(), title=title, mentions=graph.mentions())
            files[Path(out_dir) / "graph.html"] = clock.timed((piece.encode("utf-8") for piece in page), "html")
        clock.lap("html")
        remove_leftovers(files)
        written = write_files(files)
        if cache is not None:
            cache.write_manifest()
            cache.prune()
            spool.prune()
        clock.lap("write")
    return BuildResult(tuple(written), count, len(graph), graph.rdflib, report, problems, extracted, clock.laps)


class _CorpusGraph:
    """The corpus's triples in a TurtleWriter (plain dicts), and as an rdflib Graph only when
    something asks for one: validation, materialization, formats other than Turtle, the API.

    Made `of_corpus`, the writer holds the facts, and the provenance (mentions and assertions)
    is Turtle text in a ProvenanceSpool: `rdflib()` makes its triples again from the records,
    and the view reads the mentions' evidence the spool keeps (`mentions()`)."""

    def __init__(self, graph: Graph, triples: Iterable, filled: bool):
        """`graph` holds the prefixes, and the triples too when `filled`."""
        from .turtle import TurtleWriter

        self._graph = graph
        self._filled = filled
        self._writer = TurtleWriter((prefix, str(namespace)) for prefix, namespace in graph.namespaces())
        self._writer.update(triples)
        self._spooled: tuple[Resolution, str] | None = None  # the corpus whose provenance is in runs
        self._evidence: list | None = None  # and what the view reads of its mentions (see spool.py)
        self._written: Path | None = None  # the Turtle file holding the triples, once the records are let go

    @classmethod
    def of_corpus(cls, resolution: Resolution, base_iri: str, spool: "ProvenanceSpool | None" = None,
                  workers: "WorkerPool | None" = None) -> "_CorpusGraph":
        """The corpus's triples; with a spool, its provenance goes there instead (made by `workers`
        if they were started, while this process collects the facts)."""
        from .rdf import corpus_triples, empty_graph, entity_triples, fact_triples

        if spool is None:
            return cls(empty_graph(base_iri), corpus_triples(resolution, base_iri), filled=False)
        corpus = cls(empty_graph(base_iri), (), filled=False)
        writer = corpus._writer

        def facts() -> Iterator[None]:
            """The facts' triples into the writer, a step an article (the entities first)."""
            for entity in resolution.entities.values():
                writer.update(entity_triples(entity))
            for record in resolution.articles:
                writer.update(fact_triples(record, resolution, base_iri))
                yield

        spool.add_all(resolution, writer, workers, meanwhile=facts())
        corpus._spooled = resolution, base_iri
        corpus._evidence = spool.evidence
        return corpus

    @classmethod
    def of(cls, graph: Graph) -> "_CorpusGraph":
        return cls(graph, graph, filled=True)

    def __len__(self) -> int:
        return len(self._writer)

    def drawn_triples(self) -> Iterator:
        """The triples the view reads (see view.network.UNDRAWN_TYPES); with `mentions()`, all it reads."""
        from .view.network import UNDRAWN_TYPES

        return self._writer.triples(skip_types=UNDRAWN_TYPES)

    def mentions(self) -> Iterator | None:
        """What the view reads of the spooled eg:Mention resources (see view.network.evidence_index);
        None when they are among the triples."""
        return None if self._evidence is None else iter(self._evidence)

    def turtle(self) -> Iterator[bytes]:
        """The Turtle document in pieces (see TurtleWriter.chunks)."""
        return self._writer.chunks()

    def forget_records(self, written: Path | None) -> None:
        """Let the records go once `written` (graph.ttl, once the build has written it) holds every
        triple: `rdflib()` then reads it back. Without a file, or once filled, they are kept."""
        if written is not None and not self._filled and self._spooled is not None:
            self._spooled = None
            self._written = written

    def rdflib(self) -> Graph:
        if not self._filled and self._written is not None:
            from .export import read_graph

            self._graph = read_graph([self._written])
            self._filled = True
        if not self._filled:
            self._writer.to_graph(self._graph)
            if self._spooled is not None:
                from .rdf import assertion_triples, mention_triples

                resolution, base_iri = self._spooled
                add = self._graph.add
                for record in resolution.articles:
                    for triples in (mention_triples, assertion_triples):
                        for triple in triples(record, resolution, base_iri):
                            add(triple)
            self._filled = True
        return self._graph


def network_files(graph: "_CorpusGraph", out_dir: Path, formats: Sequence[str]) -> dict[Path, bytes]:
    """graph.graphml / graph.gexf: the view's network for Gephi and Cytoscape, in memory."""
    if not formats:
        return {}
    from .view import to_networkx
    from .view.network_files import NETWORK_FORMATS, serialize_network

    network = to_networkx(graph.drawn_triples(), graph.mentions())
    return {Path(out_dir) / f"graph{NETWORK_FORMATS[fmt]}": serialize_network(network, fmt) for fmt in formats}


@contextmanager
def cyclic_gc(enabled: bool) -> Iterator[None]:
    """Python's cycle collector on or off, then back as it was (whatever the code inside did:
    srsly, loading a spaCy model, turns it on)."""
    was_enabled = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        yield
    finally:
        (gc.enable if was_enabled else gc.disable)()


class _Clock:
    """Seconds spent in each stage of a build, for benchmarks."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = self.laps.get(name, 0.0) + now - self._last
        self._last = now

    def timed(self, pieces: Iterable, name: str) -> Iterator:
        """`pieces` as they come; the time spent making them counts for `name`, whichever stage takes them."""
        iterator = iter(pieces)
        while True:
            started = time.perf_counter()
            try:
                piece = next(iterator)
            except StopIteration:
                return
            spent = time.perf_counter() - started
            self.laps[name] = self.laps.get(name, 0.0) + spent
            self._last += spent  # not the current stage's
            yield piece


def validate_base_iri(base_iri: str) -> str:
    """A base IRI must be absolute (http/https/urn), without spaces, and end in '/' or '#'."""
    if not re.match(r"^(?:https?://[^\s<>\"{}|\\^`]+|urn:[^\s<>\"{}|\\^`]+)[/#:]$", base_iri or ""):
        raise ConfigError(
            f"bad --base-iri {base_iri!r}: use an absolute http(s) IRI ending in '/' or '#', "
            "e.g. https://example.org/id/"
        )
    return base_iri
