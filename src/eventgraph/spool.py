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
"""

from __future__ import annotations

import hashlib
import marshal
import pickle
import tempfile
from dataclasses import fields
from functools import lru_cache
from importlib import resources
from operator import attrgetter
from pathlib import Path
from typing import Callable

from .export import write_cache_entry
from .records import ArticleRecord, Occurrence, ResolvedRelation
from .resolve import Resolution
from .turtle import Run, RunFormatter, TurtleWriter

FOLDER = "provenance"
FORMAT = 2

# one article's provenance: (Run, its Turtle text) for its assertions and its mentions
Pieces = tuple[tuple[Run, bytes], ...]
# what the view reads of a mention: (entity IRI, article IRI, start, sentence)
Evidence = tuple[str, str, int, "str | None"]


class ProvenanceSpool:
    """The articles' provenance pieces, spooled to an anonymous temporary file in `directory`
    (removed by the OS however the build ends), and read from and kept in `cache_root` if given."""

    def __init__(self, directory: Path, base_iri: str, cache_root: Path | None = None):
        from .rdf import empty_graph

        self._file = tempfile.TemporaryFile(dir=directory, prefix=".eventgraph-spool-")
        # the corpus graph's prefixes, as the writer's
        self._formatter = RunFormatter((prefix, str(namespace)) for prefix, namespace in empty_graph(base_iri).namespaces())
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

    def add(self, record: ArticleRecord, resolution: Resolution, writer: TurtleWriter) -> None:
        """The record's provenance, made or read from the cache, into the spool and the writer,
        and its mentions' evidence into `evidence`."""
        pieces, evidence = self._entry(record, resolution)
        for run, text in pieces:
            writer.add_run(run, self._spooled(text))
        self.evidence.extend(evidence)

    def prune(self) -> None:
        """Remove cached pieces no article of this build used."""
        if self._cache is None or not self._cache.is_dir():
            return
        for path in self._cache.glob("*/*.pickle"):
            if path.stem not in self._used:
                path.unlink(missing_ok=True)

    def _entry(self, record: ArticleRecord, resolution: Resolution) -> tuple[Pieces, list[Evidence]]:
        if self._cache is None:
            return self._make(record, resolution)
        key = fingerprint(record, resolution, self._base_iri)
        self._used.add(key)
        path = self._cache / key[:2] / f"{key}.pickle"
        try:
            with path.open("rb") as handle:
                pieces, evidence = pickle.load(handle)
            if not all(isinstance(run, Run) and isinstance(text, bytes) for run, text in pieces) or not isinstance(evidence, list):
                raise ValueError(f"{path} holds no provenance")
            return pieces, evidence
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
            entry = self._make(record, resolution)
            write_cache_entry(path, pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))
            return entry

    def _make(self, record: ArticleRecord, resolution: Resolution) -> tuple[Pieces, list[Evidence]]:
        from .rdf import assertion_triples, mention_evidence, mention_triples

        made = (
            self._formatter.format(assertion_triples(record, resolution, self._base_iri)),
            self._formatter.format(mention_triples(record, resolution, self._base_iri)),
        )
        return tuple(piece for piece in made if piece is not None), list(mention_evidence(record, resolution, self._base_iri))

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
