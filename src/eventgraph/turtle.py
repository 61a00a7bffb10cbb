"""A fast Turtle writer that gives byte for byte what rdflib's writer gives for a sorted graph.

rdflib's Turtle serializer is the bottleneck of large builds: the triples must
first go into an rdflib Graph (about 15 us a triple), and the writer then asks
the store again for every subject's properties. This module collects the
triples once into plain dicts and writes the same document rdflib would write:
the same prefix lines, subjects in rdflib's order (least referenced first, then
by IRI), rdf:type and rdfs:label first, objects sorted by rdflib's term order.
Each distinct term is formatted once, by rdflib's own serializer, so every
escaping and abbreviation rule stays rdflib's.

Subjects that no triple refers to (an article's mentions and assertions, nine
tenths of a corpus's triples) can be formatted ahead, a group at a time, by
`RunFormatter`: the writer then holds only each group's place in the document
(`Run`), and its text can wait on disk until the document is written.

Blank nodes and RDF lists, which eventgraph never writes, are handed to rdflib.
"""

from __future__ import annotations

import heapq
import itertools
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.plugins.serializers.turtle import OBJECT, SUBJECT, VERB, TurtleSerializer

Triple = tuple  # (subject, predicate, object) of rdflib terms

_INDENT = "    "
_OBJECT_SEPARATOR = ",\n" + _INDENT * 2
# plain strings, looked up once: attribute access on rdflib's namespaces costs microseconds
_TYPE = str(RDF.type)
_LABEL = str(RDFS.label)
_FIRST = str(RDF.first)
_plain = str.__str__
_MISSING = object()  # an rdflib term's string as a plain str (C-level hashing and comparison)


class _Subjects:
    """Triples grouped by subject and predicate, keyed by plain strings (rdflib terms hash and
    compare in Python, str in C); duplicates count once, as in a graph."""

    def __init__(self) -> None:
        # subject -> predicate -> its one object, or a set of them (a set per pair would triple the memory)
        self.properties: dict[str, dict[str, object]] = defaultdict(dict)
        self.terms: dict[str, object] = {}  # subject and predicate terms by their string
        self.references: dict[str, int] = defaultdict(int)  # IRI -> times it is an object
        self.count = 0
        self.unusual = False  # blank nodes or RDF lists, which rdflib must write

    def add(self, triple: Triple) -> None:
        subject, predicate, obj = triple
        s, p = _plain(subject), _plain(predicate)
        properties = self.properties[s]
        current = properties.get(p, _MISSING)
        if current is _MISSING:
            properties[p] = obj
        elif type(current) is set:
            if obj in current:
                return
            current.add(obj)
        elif current == obj:
            return
        else:
            properties[p] = {current, obj}
        self.count += 1
        if s not in self.terms:
            self.terms[s] = subject
        if p not in self.terms:
            self.terms[p] = predicate
        if type(obj) is URIRef:
            self.references[_plain(obj)] += 1
        elif isinstance(obj, BNode):
            self.unusual = True
        if type(subject) is not URIRef or p == _FIRST:
            self.unusual = True


@dataclass(frozen=True)
class Run:
    """Subjects formatted ahead of the document by `RunFormatter`: what the document must know of
    them. Their blocks go, as one piece, where `first` falls among the unreferenced subjects."""

    first: str  # the first and the last subject's IRI (the blocks are in IRI order)
    last: str
    triples: int
    references: tuple[tuple[str, int], ...]  # IRI -> times the run's triples have it as their object
    prefixes: tuple[tuple[str, str], ...]  # the prefixes its labels use


class TurtleWriter:
    """Collects triples (duplicates count once, as in a graph) and writes them as Turtle.

    `namespaces` are the prefix bindings of the graph rdflib would have written
    (only those used appear in the output, as with rdflib).
    """

    def __init__(self, namespaces: Iterable[tuple[str, str]]):
        self._template = template_graph(namespaces)
        self._store = _Subjects()
        self._runs: list[tuple[Run, Callable[[], bytes]]] = []
        self._run_triples = 0

    def __len__(self) -> int:
        return self._store.count + self._run_triples

    def add(self, triple: Triple) -> None:
        self._store.add(triple)

    def update(self, triples: Iterable[Triple]) -> None:
        add = self._store.add
        for triple in triples:
            add(triple)

    def add_run(self, run: Run, text: Callable[[], bytes]) -> None:
        """Subjects formatted ahead (see RunFormatter); `text()` gives their blocks when the
        document reaches them. No triple may refer to them, nor may runs overlap: each run is
        the subjects of one IRI prefix (an article's mentions, or its assertions)."""
        self._runs.append((run, text))
        self._run_triples += run.triples
        references = self._store.references
        for iri, count in run.references:
            references[iri] += count

    def triples(self, skip_types: Iterable = ()) -> Iterator[Triple]:
        """Every triple added one by one (not those of runs), leaving out the subjects of the
        given rdf:types (as `to_graph`)."""
        skipped = set(skip_types)
        terms = self._store.terms
        for subject, properties in self._store.properties.items():
            if skipped and skipped.intersection(_objects(properties.get(_TYPE, ()))):
                continue
            for predicate, objects in properties.items():
                for obj in _objects(objects):
                    yield terms[subject], terms[predicate], obj

    def to_graph(self, graph: Graph, skip_types: Iterable = ()) -> Graph:
        """The triples in an rdflib Graph with this writer's prefixes (those of runs are text
        already: their caller adds them), leaving out the subjects of the given rdf:types."""
        for prefix, namespace in self._template.namespaces():
            graph.bind(prefix, namespace, replace=True)
        add = graph.add
        for triple in self.triples(skip_types):
            add(triple)
        return graph

    def serialize(self) -> bytes:
        """The Turtle document, as rdflib's `Graph.serialize(format="turtle")` of these triples writes it."""
        return b"".join(self.chunks())

    def chunks(self, subjects_per_chunk: int = 4096) -> Iterator[bytes]:
        """The document of `serialize` in UTF-8 pieces (a few MB: the prefixes, then the blocks of
        `subjects_per_chunk` subjects each, and each run as a piece of its own), to be written as
        they come, so that a large corpus's document is never in memory whole."""
        store = self._store
        if store.unusual:
            if self._runs:
                raise ValueError("runs of preformatted subjects cannot go with blank nodes or RDF lists")
            yield self._with_rdflib()
            return
        serializer = TurtleSerializer(self._template)
        serializer.reset()
        labels: tuple[dict, dict, dict] = ({}, {}, {})

        bound = tuple(str(namespace) for _, namespace in self._template.namespaces())

        def label(node, position: int, checked: bool = False) -> str:
            """The node as written at `position`; `checked`: the node was labelled before."""
            is_iri = type(node) is URIRef
            if is_iri:
                key = _plain(node)
                if position != VERB and not key.startswith(bound):
                    # no bound namespace can abbreviate it, and rdflib invents prefixes only for
                    # verbs: <...>, once URIRef.n3 has checked it; not remembered, as most such IRIs
                    # (the corpus's own) are written once or twice
                    return "<" + key + ">" if checked else node.n3()
            else:
                # a literal by its identity: this writer keeps every object alive, and an rdflib
                # Literal hashes and compares in Python
                key = id(node)
            memo = labels[position]
            found = memo.get(key)
            if found is None:
                found = memo[key] = serializer.label(node, position)
            return found

        terms = store.terms
        datatypes = set()
        # rdflib registers a prefix when it first abbreviates with it, in triple order
        for subject, properties in store.properties.items():
            label(terms[subject], SUBJECT)
            for predicate, objects in properties.items():
                if predicate != _TYPE:
                    label(terms[predicate], VERB)
                for obj in _objects(objects):
                    label(obj, OBJECT)
                    if type(obj) is not URIRef and isinstance(obj, Literal) and obj.datatype and obj.datatype not in datatypes:
                        datatypes.add(obj.datatype)
                        serializer.get_pname(obj.datatype, gen_prefix=False)
        namespaces = dict(serializer.namespaces)
        for run, _ in self._runs:
            namespaces.update(run.prefixes)
        references = store.references
        order = sorted(store.properties, key=lambda subject: (references.get(subject, 0), subject))
        unreferenced = sum(1 for subject in order if not references.get(subject, 0))  # they come first
        # the runs go among the unreferenced subjects, in IRI order
        merged = heapq.merge(
            ((subject, None) for subject in order[:unreferenced]),
            ((run.first, (run, text)) for run, text in sorted(self._runs, key=lambda entry: entry[0].first)),
            key=lambda item: item[0],
        )
        parts = [f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in sorted(namespaces.items())]
        written, previous = 0, ""  # subjects in `parts`; the last IRI written
        for subject, entry in itertools.chain(merged, ((subject, None) for subject in order[unreferenced:])):
            if entry is None:
                if subject <= previous and not references.get(subject, 0):
                    raise ValueError(f"the subject {subject} falls among preformatted subjects")
                if written == subjects_per_chunk:
                    yield "".join(parts).encode("utf-8", "replace")
                    parts, written = [], 0
                _write_block(parts, label(terms[subject], SUBJECT, True), store.properties[subject], terms, label)
                written += 1
            else:
                run, text = entry
                if run.first <= previous:
                    raise ValueError(f"the preformatted subjects {run.first} .. {run.last} overlap others")
                if parts:
                    yield "".join(parts).encode("utf-8", "replace")
                    parts, written = [], 0
                yield text()
            previous = subject if entry is None else entry[0].last
        parts.append("\n")
        yield "".join(parts).encode("utf-8", "replace")

    def _with_rdflib(self) -> bytes:
        graph = Graph()
        for prefix, namespace in self._template.namespaces():
            graph.bind(prefix, namespace, replace=True)
        for triple in sorted(self.triples()):
            graph.add(triple)
        return graph.serialize(format="turtle", encoding="utf-8")


class RunFormatter:
    """Formats a group of subjects no triple refers to into the blocks TurtleWriter would write
    for them (same labels, same order), so that their triples need not be kept: a build formats
    each article's mentions and assertions as it goes and keeps only the text, on disk.

    Labels are remembered across groups by value (a bounded memo: literals are not kept alive)."""

    MEMO_LIMIT = 1 << 16

    def __init__(self, namespaces: Iterable[tuple[str, str]]):
        self._template = template_graph(namespaces)
        self._serializer = TurtleSerializer(self._template)
        self._serializer.reset()
        bindings = [(prefix, str(namespace)) for prefix, namespace in self._template.namespaces()]
        self._bound = tuple(namespace for _, namespace in bindings)
        self._bindings = frozenset(bindings)
        self._memo: tuple[dict, dict, dict] = ({}, {}, {})
        self._used: dict[str, str] = {}

    def format(self, triples: Iterable[Triple]) -> tuple[Run, bytes] | None:
        """The subjects' blocks in IRI order and their Run; None without triples."""
        store = _Subjects()
        for triple in triples:
            store.add(triple)
        if not store.count:
            return None
        if store.unusual:
            raise ValueError("a run cannot hold blank nodes or RDF lists")
        self._used = {}
        order = sorted(store.properties)
        parts: list[str] = []
        for subject in order:
            _write_block(parts, self._label(store.terms[subject], SUBJECT), store.properties[subject], store.terms, self._label)
        run = Run(
            first=order[0],
            last=order[-1],
            triples=store.count,
            references=tuple(store.references.items()),
            prefixes=tuple(sorted(self._used.items())),
        )
        return run, "".join(parts).encode("utf-8", "replace")

    def _label(self, node, position: int, checked: bool = False) -> str:
        if type(node) is URIRef:
            key = _plain(node)
            if position != VERB and not key.startswith(self._bound):
                return node.n3()  # <...>, checked by URIRef.n3 (see TurtleWriter.chunks)
        else:
            key = (_plain(node), node.datatype, node.language)
        memo = self._memo[position]
        found = memo.get(key)
        if found is None:
            if len(memo) >= self.MEMO_LIMIT:
                memo.clear()
            found = memo[key] = self._fresh_label(node, position)
        self._used.update(found[1])
        return found[0]

    def _fresh_label(self, node, position: int) -> tuple[str, tuple[tuple[str, str], ...]]:
        """The label and the prefixes rdflib registers in making it (a literal's datatype's too,
        as TurtleWriter.chunks registers them)."""
        serializer = self._serializer
        kept, serializer.namespaces = serializer.namespaces, {}
        try:
            text = serializer.label(node, position)
            if type(node) is not URIRef and isinstance(node, Literal) and node.datatype:
                serializer.get_pname(node.datatype, gen_prefix=False)
            registered = tuple(serializer.namespaces.items())
        finally:
            serializer.namespaces = kept
        used = tuple((prefix, str(namespace)) for prefix, namespace in registered)
        for prefix, namespace in used:
            if (prefix, namespace) not in self._bindings:  # a prefix rdflib invented: only a document can
                raise ValueError(f"a run cannot use the unbound namespace {namespace}")
        return text, used


def template_graph(namespaces: Iterable[tuple[str, str]]) -> Graph:
    """An empty graph with rdflib's default bindings and `namespaces` over them."""
    template = Graph()
    for prefix, namespace in namespaces:
        template.bind(prefix, namespace, replace=True)
    return template


def _write_block(parts: list[str], subject_label: str, properties: dict, terms: dict, label: Callable) -> None:
    """One subject's statement as rdflib writes it, appended to `parts`."""
    parts.append("\n" + subject_label)
    first = True
    for predicate in _sorted_predicates(properties):
        verb = "a" if predicate == _TYPE else label(terms[predicate], VERB, True)
        parts.append(" " + verb if first else " ;\n" + _INDENT + verb)
        first = False
        objects = properties[predicate]
        objects = sorted(objects) if type(objects) is set else (objects,)
        parts.append(" " + label(objects[0], OBJECT, True))
        for obj in objects[1:]:
            parts.append(_OBJECT_SEPARATOR + label(obj, OBJECT, True))
    parts.append(" .\n")


def _objects(value) -> tuple | set:
    """A predicate's objects as stored: one term, or a set of two or more."""
    return value if type(value) is set else (value,)


def _sorted_predicates(properties: dict) -> list:
    """rdf:type and rdfs:label first, then the rest in rdflib's term order."""
    first = [p for p in (_TYPE, _LABEL) if p in properties]
    return first + sorted(p for p in properties if p != _TYPE and p != _LABEL)  # IRIs sort as strings
