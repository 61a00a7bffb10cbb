"""Each article's provenance as Turtle text on disk, while a build runs and between builds.

Nine tenths of a corpus's triples are provenance: an eg:Mention for each name
in an article and an eg:Assertion for each relation it supports. No triple
refers to them and each belongs to one article, so a build need not hold them:
`ProvenanceSpool` formats an article's mentions and its assertions as two
pieces of the Turtle document (turtle.RunFormatter), writes them to a temporary
file in the output directory, and hands the writer only where they go.

The spool also keeps what the view reads of the mentions (`evidence`: each one's
entity, article, start and sentence, see rdf.mention_evidence), made with them.

With `build --update` the pieces and the evidence are also kept in the
extraction cache, named by a hash of everything they are made of (the article,
its resolved record, the IRIs it names, the base IRI, this code): an unchanged
article's provenance is read back instead of made again, and the document is
the same either way.

Where a build has worker processes (`--jobs`, parallel.WorkerPool), they make
the pieces the cache lacks (`make_pieces`), from each record and the IRIs it
names, while this process collects the facts' triples; the document is the
same as one process makes.
"""

from __future__ import annotations

import hashlib
import marshal
import pickle
import tempfile
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence

from .export import write_cache_entry
from .records import ArticleRecord, Entity, Occurrence, ResolvedRelation
from .resolve import Resolution
from .turtle import Run, RunFormatter, TurtleWriter

if TYPE_CHECKING:
    from .parallel import WorkerPool

FOLDER = "provenance"
FORMAT = 2

# Articles per task handed to worker processes, and the fewest articles lacking provenance worth
# handing out at all (below that, pickling the records costs more than the workers save).
CHUNK = 32
MIN_FOR_WORKERS = 64

# one article's provenance: (Run, its Turtle text) for its assertions and its mentions
Pieces = tuple[tuple[Run, bytes], ...]
# what the view reads of a mention: (entity IRI, article IRI, start, sentence)
Evidence = tuple[str, str, int, "str | None"]


class ProvenanceSpool:
    """The articles' provenance pieces, spooled to an anonymous temporary file in `directory`
    (removed by the OS however the build ends), and read from and kept in `cache_root` if given."""

    def __init__(self, directory: Path, base_iri: str, cache_root: Path | None = None):
        self._file = tempfile.TemporaryFile(dir=directory, prefix=".eventgraph-spool-")
        self._formatter = formatter_for(base_iri)
        self._base_iri = base_iri
        self._cache = Path(cache_root) / FOLDER if cache_root is not None else None
        self._used: set[str] = set()  # cache entries of this build
        self.evidence: list[Evidence] = []  # of the articles added, in their order

    def __enter__(self) -> "ProvenanceSpool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._file.close()

    def add_all(self, resolution: Resolution, writer: TurtleWriter, workers: "WorkerPool | None" = None,
                meanwhile: Iterable[object] = ()) -> None:
        """Every record's provenance, made or read from the cache, into the spool and the writer,
        and its mentions' evidence into `evidence`, in the records' order.

        The pieces the cache lacks are made by `workers` if they were started (and there are
        many), while this process goes through `meanwhile`'s steps, taking the pieces in as they
        come (so that they do not pile up in memory); otherwise here, after those steps."""
        records = resolution.articles
        evidence: list[list[Evidence] | None] = [None] * len(records)
        todo: list[tuple[int, Path | None]] = []  # records to make, and where the cache keeps them
        for index, record in enumerate(records):
            path = self._cache_path(record, resolution)
            entry = _read_entry(path) if path is not None else None
            if entry is None:
                todo.append((index, path))
            else:
                self._write(entry[0], writer)
                evidence[index] = entry[1]
        if workers is not None and workers.started and len(todo) >= MIN_FOR_WORKERS:
            made = self._made_by(workers, todo, resolution, meanwhile)
        else:
            for _ in meanwhile:
                pass
            made = self._made_here(todo, resolution)
        for (index, _), (pieces, found) in zip(todo, made, strict=True):
            self._write(pieces, writer)
            evidence[index] = found
        # one string for each IRI, however many articles' pieces (read from the cache or made by
        # workers, each with copies of its own) name it: a third of the evidence's memory
        shared: dict[str, str] = {}
        for found in evidence:
            self.evidence.extend((shared.setdefault(node, node), shared.setdefault(article, article), start, sentence)
                                 for node, article, start, sentence in found or ())

    def _made_here(self, todo: list[tuple[int, Path | None]], resolution: Resolution) -> Iterator[tuple[Pieces, list[Evidence]]]:
        """The pieces and evidence of the records `todo` names, made in this process (and kept in the cache)."""
        for index, path in todo:
            entry = self._make(resolution.articles[index], resolution)
            if path is not None:
                write_cache_entry(path, pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))
            yield entry

    def _made_by(self, workers: "WorkerPool", todo: list[tuple[int, Path | None]], resolution: Resolution,
                 meanwhile: Iterable[object]) -> Iterator[tuple[Pieces, list[Evidence]]]:
        """The same, made by the workers (which keep them in the cache) while this process goes
        through `meanwhile`: the results that have come in are yielded after each of its steps."""
        records = resolution.articles
        tasks = [_Task(records[index], _names(records[index], resolution), self._base_iri, path) for index, path in todo]
        results = workers.map(make_pieces, (tasks[i : i + CHUNK] for i in range(0, len(tasks), CHUNK)))
        for _ in meanwhile:
            for entries in _ready(results, block=False):
                yield from entries
        for entries in _ready(results, block=True):
            yield from entries

    def prune(self) -> None:
        """Remove cached pieces no article of this build used."""
        if self._cache is None or not self._cache.is_dir():
            return
        for path in self._cache.glob("*/*.pickle"):
            if path.stem not in self._used:
                path.unlink(missing_ok=True)

    def _cache_path(self, record: ArticleRecord, resolution: Resolution) -> Path | None:
        """Where the cache keeps the record's pieces (None without a cache), marked as used."""
        if self._cache is None:
            return None
        key = fingerprint(record, resolution, self._base_iri)
        self._used.add(key)
        return self._cache / key[:2] / f"{key}.pickle"

    def _make(self, record: ArticleRecord, resolution: Resolution) -> tuple[Pieces, list[Evidence]]:
        return make_entry(record, resolution, self._base_iri, self._formatter)

    def _write(self, pieces: Pieces, writer: TurtleWriter) -> None:
        for run, text in pieces:
            writer.add_run(run, self._spooled(text))

    def _spooled(self, text: bytes) -> Callable[[], bytes]:
        """Writes `text` at the spool's end; reads it back when called."""
        handle = self._file
        handle.seek(0, 2)
        offset, length = handle.tell(), len(text)
        handle.write(text)

        def read() -> bytes:
            handle.seek(offset)
            return handle.read(length)

        return read


def make_entry(record: ArticleRecord, resolution: Resolution, base_iri: str,
               formatter: RunFormatter) -> tuple[Pieces, list[Evidence]]:
    """An article's provenance pieces (its assertions', then its mentions') and its mentions' evidence."""
    from .rdf import assertion_triples, mention_evidence, mention_triples

    made = (
        formatter.format(assertion_triples(record, resolution, base_iri)),
        formatter.format(mention_triples(record, resolution, base_iri)),
    )
    return tuple(piece for piece in made if piece is not None), list(mention_evidence(record, resolution, base_iri))


def _ready(results: Iterator, block: bool) -> Iterator:
    """The results of a pool's `imap` that have come in (all of them, waiting, with `block`)."""
    from multiprocessing import TimeoutError as NotYet

    while True:
        try:
            yield results.next(None if block else 0)  # type: ignore[attr-defined]  (an IMapIterator)
        except (StopIteration, NotYet):
            return


def _read_entry(path: Path) -> tuple[Pieces, list[Evidence]] | None:
    """The cached pieces and evidence at `path`, or None if it holds none that can be read."""
    try:
        with path.open("rb") as handle:
            pieces, evidence = pickle.load(handle)
        if not all(isinstance(run, Run) and isinstance(text, bytes) for run, text in pieces) or not isinstance(evidence, list):
            return None
        return pieces, evidence
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        return None


@dataclass(frozen=True)
class _Task:
    """What a worker needs to make one article's provenance: the record, the entities it names
    (their IRIs), and where the cache keeps the pieces (None: no cache)."""

    record: ArticleRecord
    entities: dict[str, Entity]
    base_iri: str
    path: Path | None


def _names(record: ArticleRecord, resolution: Resolution) -> dict[str, Entity]:
    """The entities the record's provenance names, with no more than their IRIs (an entity's
    aliases and articles can be thousands of strings, and its triples are no part of these)."""
    entities = resolution.entities
    keys = {occurrence.key for occurrence in record.occurrences}
    keys.update(key for relation in record.relations for key in (relation.subject, relation.object) if key in entities)
    return {key: Entity(entities[key].type, entities[key].name, iri=entities[key].iri) for key in keys}


def make_pieces(tasks: Sequence[_Task]) -> list[tuple[Pieces, list[Evidence]]]:
    """In a worker process: each task's pieces and evidence, kept in the cache where it has one."""
    made = []
    for task in tasks:
        entry = make_entry(task.record, Resolution(task.entities, []), task.base_iri, _worker_formatter(task.base_iri))
        if task.path is not None:
            write_cache_entry(task.path, pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))
        made.append(entry)
    return made


def formatter_for(base_iri: str) -> RunFormatter:
    """A RunFormatter with the corpus graph's prefixes, as the writer's."""
    from .rdf import empty_graph

    return RunFormatter((prefix, str(namespace)) for prefix, namespace in empty_graph(base_iri).namespaces())


# a worker process's formatter for each base IRI it is given (a build has one), kept between its tasks
_worker_formatter = lru_cache(maxsize=4)(formatter_for)


# every field, as plain tuples, which marshal writes in C
_occurrence_fields = attrgetter(*(f.name for f in fields(Occurrence)))
_relation_fields = attrgetter(*(f.name for f in fields(ResolvedRelation)))


def fingerprint(record: ArticleRecord, resolution: Resolution, base_iri: str) -> str:
    """A hash of everything an article's provenance triples are made of."""
    entities = resolution.entities
    keys = [occurrence.key for occurrence in record.occurrences]
    keys += [key for relation in record.relations for key in (relation.subject, relation.object) if key in entities]
    made_of = (
        _code_version(),
        base_iri,
        record.article.id,
        record.article.text,
        record.article.body,
        [_occurrence_fields(occurrence) for occurrence in record.occurrences],
        [_relation_fields(relation) for relation in record.relations],
        record.sentences,
        [entities[key].iri for key in keys],
    )
    # marshal's version 0 writes every value in full (no references to objects met before), so
    # equal values give equal bytes, whichever objects hold them
    return hashlib.sha256(marshal.dumps(made_of, 0)).hexdigest()


@lru_cache(maxsize=None)
def _code_version() -> str:
    """This cache's format, rdflib's version and the code that makes the pieces (the triples,
    their IRIs, the sentences, the Turtle)."""
    import rdflib

    package = resources.files("eventgraph")
    names = ("rdf.py", "turtle.py", "spool.py", "namespace.py", "resolve.py", "records.py", "corpus.py")
    code = b"".join(package.joinpath(name).read_bytes() for name in names)
    return f"{FORMAT};rdflib=={rdflib.__version__};{hashlib.sha256(code).hexdigest()}"
