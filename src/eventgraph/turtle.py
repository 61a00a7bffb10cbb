"""A fast Turtle writer that gives byte for byte what rdflib's writer gives for a sorted graph.

rdflib's Turtle serializer is the bottleneck of large builds: the triples must
first go into an rdflib Graph (about 15 us a triple), and the writer then asks
the store again for every subject's properties. This module collects the
triples once into plain dicts and writes the same document rdflib would write:
the same prefix lines, subjects in rdflib's order (least referenced first, then
by IRI), rdf:type and rdfs:label first, objects sorted by rdflib's term order.
Each distinct term is formatted once, by rdflib's own serializer, so every
escaping and abbreviation rule stays rdflib's.

Blank nodes and RDF lists, which eventgraph never writes, are handed to rdflib.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Iterator

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.plugins.serializers.turtle import OBJECT, SUBJECT, VERB, TurtleSerializer

Triple = tuple  # (subject, predicate, object) of rdflib terms

_INDENT = "    "
# plain strings, looked up once: attribute access on rdflib's namespaces costs microseconds
_TYPE = str(RDF.type)
_LABEL = str(RDFS.label)
_FIRST = str(RDF.first)
_plain = str.__str__
_MISSING = object()  # an rdflib term's string as a plain str (C-level hashing and comparison)


class TurtleWriter:
    """Collects triples (duplicates count once, as in a graph) and writes them as Turtle.

    `namespaces` are the prefix bindings of the graph rdflib would have written
    (only those used appear in the output, as with rdflib).
    """

    def __init__(self, namespaces: Iterable[tuple[str, str]]):
        self._template = Graph()
        for prefix, namespace in namespaces:
            self._template.bind(prefix, namespace, replace=True)
        # keyed by plain strings: rdflib terms hash and compare in Python, str in C
        # subject -> predicate -> its one object, or a set of them (a set per pair would triple the memory)
        self._subjects: dict[str, dict[str, object]] = defaultdict(dict)
        self._terms: dict[str, object] = {}  # subject and predicate terms by their string
        self._references: dict[str, int] = defaultdict(int)  # IRI -> times it is an object
        self._count = 0
        self._fallback = False

    def __len__(self) -> int:
        return self._count

    def add(self, triple: Triple) -> None:
        subject, predicate, obj = triple
        s, p = _plain(subject), _plain(predicate)
        properties = self._subjects[s]
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
        self._count += 1
        if s not in self._terms:
            self._terms[s] = subject
        if p not in self._terms:
            self._terms[p] = predicate
        if type(obj) is URIRef:
            self._references[_plain(obj)] += 1
        elif isinstance(obj, BNode):
            self._fallback = True
        if type(subject) is not URIRef or p == _FIRST:  # blank nodes, RDF lists: rdflib writes them
            self._fallback = True

    def update(self, triples: Iterable[Triple]) -> None:
        for triple in triples:
            self.add(triple)

    def triples(self, skip_types: Iterable = ()) -> Iterator[Triple]:
        """Every triple, leaving out the subjects of the given rdf:types (as `to_graph`)."""
        skipped = set(skip_types)
        terms = self._terms
        for subject, properties in self._subjects.items():
            if skipped and skipped.intersection(_objects(properties.get(_TYPE, ()))):
                continue
            for predicate, objects in properties.items():
                for obj in _objects(objects):
                    yield terms[subject], terms[predicate], obj

    def to_graph(self, graph: Graph, skip_types: Iterable = ()) -> Graph:
        """The triples in an rdflib Graph with this writer's prefixes, leaving out the subjects
        of the given rdf:types (e.g. provenance records a view does not draw)."""
        for prefix, namespace in self._template.namespaces():
            graph.bind(prefix, namespace, replace=True)
        skipped = set(skip_types)
        terms = self._terms
        for subject, properties in self._subjects.items():
            if skipped and skipped.intersection(_objects(properties.get(_TYPE, ()))):
                continue
            for predicate, objects in properties.items():
                for obj in _objects(objects):
                    graph.add((terms[subject], terms[predicate], obj))
        return graph

    def serialize(self) -> bytes:
        """The Turtle document, as rdflib's `Graph.serialize(format="turtle")` of these triples writes it."""
        return b"".join(self.chunks())

    def chunks(self, subjects_per_chunk: int = 4096) -> Iterator[bytes]:
        """The document of `serialize` in UTF-8 pieces (a few MB: the prefixes, then the blocks of
        `subjects_per_chunk` subjects each), to be written as they come, so that a large corpus's
        document is never in memory whole, nor its pieces as strings, nor both at once."""
        if self._fallback:
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

        terms = self._terms
        datatypes = set()
        # rdflib registers a prefix when it first abbreviates with it, in triple order
        for subject, properties in self._subjects.items():
            label(terms[subject], SUBJECT)
            for predicate, objects in properties.items():
                if predicate != _TYPE:
                    label(terms[predicate], VERB)
                for obj in _objects(objects):
                    label(obj, OBJECT)
                    if type(obj) is not URIRef and isinstance(obj, Literal) and obj.datatype and obj.datatype not in datatypes:
                        datatypes.add(obj.datatype)
                        serializer.get_pname(obj.datatype, gen_prefix=False)
        references = self._references
        order = sorted(self._subjects, key=lambda subject: (references.get(subject, 0), subject))
        parts = [f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in sorted(serializer.namespaces.items())]
        indent = ",\n" + _INDENT * 2
        for count, subject in enumerate(order):
            if count and count % subjects_per_chunk == 0:
                yield "".join(parts).encode("utf-8", "replace")
                parts = []
            properties = self._subjects[subject]
            parts.append("\n" + label(terms[subject], SUBJECT, True))
            first = True
            for predicate in _sorted_predicates(properties):
                verb = "a" if predicate == _TYPE else label(terms[predicate], VERB, True)
                parts.append(" " + verb if first else " ;\n" + _INDENT + verb)
                first = False
                objects = properties[predicate]
                objects = sorted(objects) if type(objects) is set else (objects,)
                parts.append(" " + label(objects[0], OBJECT, True))
                for obj in objects[1:]:
                    parts.append(indent + label(obj, OBJECT, True))
            parts.append(" .\n")
        parts.append("\n")
        yield "".join(parts).encode("utf-8", "replace")

    def _with_rdflib(self) -> bytes:
        graph = Graph()
        for prefix, namespace in self._template.namespaces():
            graph.bind(prefix, namespace, replace=True)
        for triple in sorted(self.triples()):
            graph.add(triple)
        return graph.serialize(format="turtle", encoding="utf-8")


def _objects(value) -> tuple | set:
    """A predicate's objects as stored: one term, or a set of two or more."""
    return value if type(value) is set else (value,)


def _sorted_predicates(properties: dict) -> list:
    """rdf:type and rdfs:label first, then the rest in rdflib's term order."""
    first = [p for p in (_TYPE, _LABEL) if p in properties]
    return first + sorted(p for p in properties if p != _TYPE and p != _LABEL)  # IRIs sort as strings
