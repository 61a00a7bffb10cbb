"""The whole path once: articles -> spaCy -> records -> resolved entities -> rdflib Graph -> files.

This is the Python API most users want:

    >>> from eventgraph import build_graph, read_articles
    >>> graph = build_graph(read_articles(["news/"]))
"""

from __future__ import annotations

import re
import sys
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Iterator, Mapping, Sequence

from rdflib import Graph, URIRef

from .config import Config
from .corpus import Article, read_articles
from .errors import ConfigError
from .export import FORMATS, atomic_write, write_graph
from .namespace import EG
from .records import Extraction
from .resolve import Resolution, resolve_corpus

if TYPE_CHECKING:
    from .cache import ExtractionCache
    from .turtle import TurtleWriter


def extract_articles(articles: Sequence[Article], config: Config = Config()) -> Iterator[Extraction]:
    """Run the spaCy pipeline and the extraction rules over articles, one Extraction each
    (in `config.jobs` processes when more than one; the records are the same)."""
    if not articles:
        return
    if config.jobs > 1 and len(articles) > 1:
        from .parallel import extract_in_processes

        yield from _with_progress(extract_in_processes(articles, config), len(articles), config.progress)
        return
    from .extract import extract, load_lexicon
    from .nlp import load_pipeline

    nlp = load_pipeline(config)
    lexicon = load_lexicon()
    docs = nlp.pipe((article.body for article in articles), batch_size=config.batch_size)
    for article, doc in zip(articles, _with_progress(docs, len(articles), config.progress)):
        yield extract(doc, article, lexicon)


def extract_with_cache(articles: Sequence[Article], config: Config, cache: "ExtractionCache | None") -> list[Extraction]:
    """Extractions in article order, taken from the cache where it holds them; new ones are stored."""
    if cache is None:
        return list(extract_articles(articles, config))
    found = [cache.load(article) for article in articles]
    todo = [article for article, extraction in zip(articles, found) if extraction is None]
    fresh = iter(extract_articles(todo, config))
    extractions = []
    for extraction in found:
        if extraction is None:
            extraction = next(fresh)
            cache.store(extraction)
        extractions.append(extraction)
    return extractions


def _with_progress(items: Iterable, total: int, enabled: bool) -> Iterator:
    """A progress bar with articles/s and an ETA on stderr, when asked for and on a terminal."""
    if not enabled or not sys.stderr.isatty():
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, total=total, unit="article", desc="extracting", leave=False)


def resolve(extractions: Sequence[Extraction], config: Config = Config()) -> Resolution:
    """Entities with IRIs over the whole corpus."""
    from .extract import load_lexicon

    return resolve_corpus(extractions, load_lexicon(), validate_base_iri(config.base_iri))


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
    resolution: Resolution
    base_iri: str
    files: tuple[Path, ...]
    articles: int
    triples: int
    extracted: int  # articles that went through spaCy (the rest came from the --update cache)
    timings: Mapping[str, float] = field(default_factory=dict)  # seconds per stage

    @cached_property
    def graph(self) -> Graph:
        """The whole graph as an rdflib Graph, built on first use (large builds never need it)."""
        from .rdf import to_graph

        return to_graph(self.resolution, self.base_iri)


def build(
    inputs: Sequence[Path | str] | None,
    out_dir: Path,
    formats: Sequence[str] = ("ttl",),
    config: Config = Config(),
    html: bool = True,
    title: str = "eventgraph",
    update: bool = False,
) -> BuildResult:
    """Read, extract, resolve and write graph.<format> files and graph.html into out_dir.

    With `update`, out_dir's extraction cache supplies every article it already
    holds, and the build covers the articles of out_dir's last build plus `inputs`.
    """
    validate_base_iri(config.base_iri)
    from .rdf import to_dataset

    clock = _Clock()
    cache = None
    if update:
        from .cache import ExtractionCache, merge_articles

        cache = ExtractionCache(out_dir, config)
        previous = cache.previous_articles()
        articles = merge_articles(previous, read_articles(inputs) if inputs or not previous else [])
    else:
        articles = read_articles(inputs)
    clock.lap("read")
    extractions = extract_with_cache(articles, config, cache)
    extracted = len(articles) if cache is None else cache.stores
    clock.lap("extract")
    resolution = resolve(extractions, config)
    del extractions
    clock.lap("resolve")
    writer = _collect_triples(resolution, config.base_iri)
    graph = None  # an rdflib Graph, only for the formats written by rdflib
    files: list[Path] = []
    for fmt in formats:
        path = Path(out_dir) / f"graph{FORMATS[fmt][0]}"
        if fmt == "ttl":
            atomic_write(path, writer.serialize())
            files.append(path)
            continue
        if graph is None:
            graph = writer.to_graph(Graph(identifier=URIRef(config.base_iri + "graph")))
        # N-Quads and TriG keep each article in its own named graph
        dataset = to_dataset(resolution, config.base_iri) if fmt in ("nq", "trig") else None
        files += write_graph(graph, out_dir, [fmt], dataset)
    clock.lap("rdf")
    if html:
        from .view import render_html

        html_path = Path(out_dir) / "graph.html"
        # the view draws entities and events: mentions and assertions (most triples) do not matter to it
        facts = writer.to_graph(Graph(), skip_types=(EG.Mention, EG.Assertion))
        atomic_write(html_path, render_html(facts, title=title))
        files.append(html_path)
    clock.lap("html")
    if cache is not None:
        cache.write_manifest(articles)
        cache.prune(articles)
    return BuildResult(resolution, config.base_iri, tuple(files), len(articles), len(writer), extracted, clock.laps)


def _collect_triples(resolution: Resolution, base_iri: str) -> "TurtleWriter":
    """Every triple of the graph, collected once for the Turtle writer (no rdflib Graph)."""
    from .rdf import PREFIXES, article_triples, entity_triples
    from .turtle import TurtleWriter

    writer = TurtleWriter(_graph_namespaces(PREFIXES))
    for entity in resolution.entities.values():
        writer.update(entity_triples(entity))
    for record in resolution.articles:
        writer.update(article_triples(record, resolution, base_iri))
    return writer


def _graph_namespaces(prefixes: Mapping[str, str]) -> list[tuple[str, str]]:
    """The prefix bindings of the graph `rdf.to_graph` makes (rdflib's defaults, then ours)."""
    graph = Graph()
    for prefix, namespace in prefixes.items():
        graph.bind(prefix, namespace)
    return [(prefix, str(namespace)) for prefix, namespace in graph.namespaces()]


class _Clock:
    """Seconds spent in each stage of a build, for benchmarks."""

    def __init__(self) -> None:
        self.laps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = self.laps.get(name, 0.0) + now - self._last
        self._last = now


def validate_base_iri(base_iri: str) -> str:
    """A base IRI must be absolute (http/https/urn), without spaces, and end in '/' or '#'."""
    if not re.match(r"^(?:https?://[^\s<>\"{}|\\^`]+|urn:[^\s<>\"{}|\\^`]+)[/#:]$", base_iri or ""):
        raise ConfigError(
            f"bad --base-iri {base_iri!r}: use an absolute http(s) IRI ending in '/' or '#', "
            "e.g. https://example.org/id/"
        )
    return base_iri
