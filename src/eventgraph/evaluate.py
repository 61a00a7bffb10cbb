"""Scoring a graph against gold annotations, as the annotation guide (ANNOTATION.md) defines it.

The graph is read through the RDF contract only (eg: terms, rdfs:label,
skos:altLabel, rdfs:subClassOf*), so any graph in the contract can be scored,
and the figures equal those of the project's independent scorer.

How a score comes about, in three steps:

1. entities, per article: each node the article eg:mentions is matched to a
   gold entity of that article by type and normalized name;
2. relations of the article's event and of the article itself, per article;
3. relations between entities, over the whole corpus, with each matched node
   standing for its gold entity.

Every step yields `Outcome`s (a tp, fp or fn under a type or relation name),
which are only then added up, so the steps stay independent of each other.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS
from rdflib.term import Node

from .errors import InputError
from .namespace import EG_IRI

TYPES = ("Person", "Embassy", "Organization", "Film", "Campaign", "HistoricalEvent", "Place", "Event")
RELATIONS = (
    "organizer", "location", "date", "commemorates", "anniversary", "speaker", "screened", "participant",
    "worksFor", "jobTitle", "represents", "locatedIn", "initiatedBy", "about", "producedBy", "source",
)
LITERAL_RELATIONS = frozenset({"date", "anniversary", "jobTitle"})
NAME_PROPERTIES = (
    RDFS.label, SKOS.prefLabel, SKOS.altLabel, URIRef("https://schema.org/name"), URIRef("http://schema.org/name"),
)
EVENT, ARTICLE = "EVENT", "ARTICLE"  # the guide's placeholders for an article's event and the article

# How one side of a relation is identified when triples are compared:
#   "EVENT" / "ARTICLE"          the placeholders
#   (type, canonical name)       a gold entity (a graph node matched to one stands for it)
#   ("LIT", normalized text)     a literal
#   ("UNK", IRI)                 a graph node matched to no gold entity
#   ("?", reference)             a gold reference that names none of the article's entities
Ref = str | tuple[str, str]
Triple = tuple[Ref, str, Ref]


# --- data -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldEntity:
    """One annotated entity; `optional` ones neither count for recall nor against precision."""

    type: str
    name: str
    aliases: tuple[str, ...] = ()
    optional: bool = False

    @property
    def key(self) -> tuple[str, str]:
        """Gold entities are identified across the corpus by type and canonical name."""
        return (self.type, self.name)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class GoldArticle:
    """One article's annotations: its entities and (subject, relation, object) triples."""

    id: str
    entities: tuple[GoldEntity, ...]
    relations: tuple[tuple[str, str, str], ...]
    published: str | None = None


@dataclass(frozen=True)
class Score:
    """Counts, with precision, recall and F1 rounded to three places as the reference prints them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return round(self._p, 3)

    @property
    def recall(self) -> float:
        return round(self._r, 3)

    @property
    def f1(self) -> float:
        p, r = self._p, self._r  # F1 from the unrounded figures
        return round(2 * p * r / (p + r), 3) if p + r else 0.0

    @property
    def _p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def _r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict:
        return {"p": self.precision, "r": self.recall, "f1": self.f1, "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass(frozen=True)
class Error:
    """A false positive or false negative: in which article (None: the corpus), which kind, and what."""

    article: str | None
    kind: str  # "FP entity", "FN entity", "FP relation", "FN relation"
    what: str
    # the sentence it came from (FP: the graph's provenance; FN: a sentence naming it), and for a
    # false relation the rule or component that produced it with its confidence
    sentence: str = field(default="", compare=False)
    found_by: str = field(default="", compare=False)

    def __str__(self) -> str:
        line = f"{self.article or '(corpus)'}  {self.kind}  {self.what}"
        if self.found_by:
            line += f"  [{self.found_by}]"
        if self.sentence:
            line += f'\n      in: "{self.sentence}"'
        return line


@dataclass
class Evaluation:
    """All figures of one scoring run."""

    entities: Score
    entities_by_type: dict[str, Score]
    relations: Score
    relations_by_type: dict[str, Score]
    split: int  # gold entities spread over more than one node
    merged: int  # nodes matched to more than one gold entity
    gold_entities: int  # distinct non-optional gold entities
    missing_articles: list[str]
    errors: list[Error] = field(default_factory=list)
    articles: int = 0
    triples: int = 0


@dataclass(frozen=True)
class Outcome:
    """One counted decision: a tp, fp or fn under an entity type or relation name."""

    category: str
    result: str  # "tp", "fp" or "fn"
    error: Error | None = None


# --- reading gold -----------------------------------------------------------------------------


def load_gold(path: Path) -> list[GoldArticle]:
    """Gold annotations in the format of ANNOTATION.md, checked so that a typo is an error, not a silent zero."""
    path = Path(path)
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read gold file {path}: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"gold file {path} is not UTF-8 text") from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"gold file {path} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from exc
    if not isinstance(records, list):
        raise InputError(f"gold file {path}: expected a JSON list of articles, found {_json_kind(records)} (see ANNOTATION.md)")
    return [_gold_article(record, f"gold file {path}, article {number}") for number, record in enumerate(records, start=1)]


def _gold_article(record, where: str) -> GoldArticle:
    record = _expect(record, dict, where)
    article_id = _field(record, "id", str, where)
    where = f"{where} ({article_id!r})"
    entities = _field(record, "entities", list, where)
    relations = _field(record, "relations", list, where)
    published = record.get("published")
    if published is not None:
        _expect(published, str, f"{where}: 'published'")
    return GoldArticle(
        article_id,
        tuple(_gold_entity(entity, f"{where}, entity {n}") for n, entity in enumerate(entities, start=1)),
        tuple(_gold_relation(relation, f"{where}, relation {n}") for n, relation in enumerate(relations, start=1)),
        published,
    )


def _gold_entity(record, where: str) -> GoldEntity:
    record = _expect(record, dict, where)
    type_ = _field(record, "type", str, where)
    if type_ not in TYPES:
        raise InputError(f"{where}: unknown type {type_!r}; use one of {', '.join(TYPES)}")
    aliases = _expect(record.get("aliases", []), list, f"{where}: 'aliases'")
    optional = _expect(record.get("optional", False), bool, f"{where}: 'optional'")
    return GoldEntity(
        type_,
        _field(record, "name", str, where),
        tuple(_expect(alias, str, f"{where}: alias") for alias in aliases),
        optional,
    )


def _gold_relation(record, where: str) -> tuple[str, str, str]:
    if not (isinstance(record, list) and len(record) == 3 and all(isinstance(part, str) for part in record)):
        raise InputError(f"{where}: expected [subject, relation, object] as three strings, found {json.dumps(record)}")
    if record[1] not in RELATIONS:
        raise InputError(f"{where}: unknown relation {record[1]!r}; use one of {', '.join(RELATIONS)}")
    return (record[0], record[1], record[2])


def _field(record: dict, key: str, kind: type, where: str):
    if key not in record:
        raise InputError(f"{where}: missing {key!r} (see ANNOTATION.md)")
    return _expect(record[key], kind, f"{where}: {key!r}")


def _expect(value, kind: type, where: str):
    if not isinstance(value, kind):
        raise InputError(f"{where}: expected {_KIND_NAMES[kind]}, found {_json_kind(value)}")
    return value


_KIND_NAMES = {dict: "an object", list: "a list", str: "a string", bool: "true or false", int: "a number", float: "a number"}


def _json_kind(value) -> str:
    return "null" if value is None else _KIND_NAMES.get(type(value), type(value).__name__)


# --- names and types --------------------------------------------------------------------------


def normalize(name) -> str:
    """Names compare without case, accents, quotes, punctuation or a leading 'the'."""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"['\"“”«»!]", "", text)
    text = re.sub(r"^the\s+", "", text.strip())
    return re.sub(r"[^\w]+", " ", text).strip()


def _eg(name: str) -> URIRef:
    return URIRef(EG_IRI + name)


def _contract_types(graph: Graph) -> Callable[[Node], frozenset[str]]:
    """node -> the contract types (TYPES) it has through rdf:type and rdfs:subClassOf*."""
    closure: dict[Node, frozenset[str]] = {}

    def of_class(cls: Node) -> frozenset[str]:
        if cls not in closure:
            seen, todo = {cls}, [cls]
            while todo:
                for parent in graph.objects(todo.pop(), RDFS.subClassOf):
                    if parent not in seen:
                        seen.add(parent)
                        todo.append(parent)
            closure[cls] = frozenset(_contract_name(c) for c in seen) - {None}
        return closure[cls]

    return lambda node: frozenset().union(*(of_class(cls) for cls in graph.objects(node, RDF.type)))


def _contract_name(cls: Node) -> str | None:
    text = str(cls)
    if isinstance(cls, URIRef) and text.startswith(EG_IRI) and text[len(EG_IRI):] in TYPES:
        return text[len(EG_IRI):]
    return None


def _names(graph: Graph, node: Node) -> frozenset[str]:
    return frozenset(normalize(name) for prop in NAME_PROPERTIES for name in graph.objects(node, prop))


def _lookup(article: GoldArticle) -> dict[tuple[str, str], GoldEntity]:
    """(type, normalized name or alias) -> gold entity; a later entity wins a shared name, as in the reference."""
    return {(e.type, normalize(name)): e for e in article.entities for name in e.names}


# --- step 1: entities -------------------------------------------------------------------------


@dataclass(frozen=True)
class _ArticleEntities:
    matches: dict[Node, GoldEntity]  # mentioned node -> the gold entity it was matched to
    outcomes: list[Outcome]


def _score_entities(
    article: GoldArticle, node: Node, graph: Graph, types_of: Callable[[Node], frozenset[str]], evidence: "_Evidence"
) -> _ArticleEntities:
    """Match every mentioned node to a gold entity by type and name; count each gold entity once."""
    lookup = _lookup(article)
    matches: dict[Node, GoldEntity] = {}
    outcomes: list[Outcome] = []
    found: set[tuple[str, str]] = set()
    for mentioned in sorted(set(graph.objects(node, _eg("mentions")))):
        types = types_of(mentioned) - {"Event"}
        names = _names(graph, mentioned)
        labels = {normalize(label) for label in graph.objects(mentioned, RDFS.label)}
        # a node that could be two gold entities is the one its rdfs:label names (the reference
        # takes whichever its set order yields, so any fixed choice is one of its outcomes)
        candidates = sorted((n not in labels, t, n) for t in types for n in names if (t, n) in lookup)
        if candidates:
            entity = lookup[candidates[0][1:]]
            matches[mentioned] = entity
            if not entity.optional and entity.key not in found:
                found.add(entity.key)
                outcomes.append(Outcome(entity.type, "tp"))
        elif types:
            kind = min(types)
            label = next(iter(sorted(graph.objects(mentioned, RDFS.label))), None)
            what = f'{kind} "{label}" <{mentioned}>' if label is not None else f"{kind} <{mentioned}>"
            error = Error(article.id, "FP entity", what, evidence.of_node(article.id, mentioned))
            outcomes.append(Outcome(kind, "fp", error))
    for entity in article.entities:
        if not entity.optional and entity.key not in found:
            error = Error(article.id, "FN entity", f'{entity.type} "{entity.name}"', evidence.naming(article.id, entity.names))
            outcomes.append(Outcome(entity.type, "fn", error))
    return _ArticleEntities(matches, outcomes)


def _missing_entities(article: GoldArticle) -> list[Outcome]:
    """An article the graph lacks: each required entity is a false negative (listed as a missing article)."""
    return [Outcome(entity.type, "fn") for entity in article.entities if not entity.optional]


def _missing_relations(article: GoldArticle) -> list[Outcome]:
    """An article the graph lacks: each listed relation, repeats included, is a false negative."""
    return [Outcome(relation, "fn") for _, relation, _ in article.relations]


# --- evidence: the sentences an error message quotes ------------------------------------------


@dataclass
class _Evidence:
    """What the graph's provenance (eg:Mention, eg:Assertion) says about where things came from."""

    assertions: dict[tuple[Node, Node, Node], list[tuple[str, str, str]]]  # triple -> (article, sentence, found by)
    mentions: dict[tuple[str, Node], list[str]]  # (article, entity) -> sentences, in text order
    sentences: dict[str, list[str]]  # article -> every sentence the provenance quotes, in text order

    def of_node(self, article: str, node: Node) -> str:
        return next(iter(self.mentions.get((article, node), ())), "")

    def of_triples(self, article: str | None, triples: Iterable[tuple[Node, Node, Node]]) -> tuple[str | None, str, str]:
        """(article, sentence, found by) of the assertion behind a triple, preferring `article`."""
        found = sorted(
            (hit for triple in triples for hit in self.assertions.get(triple, ())), key=lambda hit: (hit[0] != article, hit)
        )
        return found[0] if found else (article, "", "")

    def naming(self, article: str | None, *name_sets: Iterable[str]) -> str:
        """The first sentence naming something of every set (or, failing that, of the last set)."""
        sets = [{normalize(n) for n in names if normalize(n)} for names in name_sets]
        sentences = self.sentences.get(article or "", [])
        for wanted in (sets, sets[-1:]):
            for sentence in sentences:
                folded = normalize(sentence)
                if wanted and all(any(name in folded for name in names) for names in wanted):
                    return sentence
        return ""


def _evidence(graph: Graph) -> _Evidence:
    article_id = {node: str(value) for node, value in graph.subject_objects(_eg("articleId"))}
    assertions: dict[tuple[Node, Node, Node], list[tuple[str, str, str]]] = defaultdict(list)
    mentions: dict[tuple[str, Node], list[tuple[int, str]]] = defaultdict(list)
    sentences: dict[str, set[tuple[int, str]]] = defaultdict(set)
    for node in graph.subjects(RDF.type, _eg("Assertion")):
        article = article_id.get(graph.value(node, _eg("inArticle")), "")
        sentence = str(graph.value(node, _eg("sentence")) or "")
        method, confidence = graph.value(node, _eg("method")), graph.value(node, _eg("confidence"))
        found_by = f"{method} {confidence}" if method is not None else ""
        triple = (graph.value(node, RDF.subject), graph.value(node, RDF.predicate), graph.value(node, RDF.object))
        assertions[triple].append((article, sentence, found_by))
        if sentence:
            sentences[article].add((_index(graph, node), sentence))
    for node in graph.subjects(RDF.type, _eg("Mention")):
        article = article_id.get(graph.value(node, _eg("inArticle")), "")
        sentence = str(graph.value(node, _eg("sentence")) or "")
        if sentence:
            mentions[(article, graph.value(node, _eg("refersTo")))].append((_index(graph, node), sentence))
            sentences[article].add((_index(graph, node), sentence))
    return _Evidence(
        dict(assertions),
        {key: [s for _, s in sorted(hits)] for key, hits in mentions.items()},
        {key: list(dict.fromkeys(s for _, s in sorted(hits))) for key, hits in sentences.items()},
    )


def _index(graph: Graph, node: Node) -> int:
    value = graph.value(node, _eg("beginIndex"))
    return int(value) if value is not None and str(value).isdigit() else 0


# --- steps 2 and 3: relations -----------------------------------------------------------------


def _gold_ref(ref: str, article: GoldArticle, lookup: Mapping[tuple[str, str], GoldEntity]) -> Ref:
    """A gold subject or object: a placeholder, "Type:Name", or a name or alias of one of the article's entities."""
    if ref in (EVENT, ARTICLE):
        return ref
    type_, colon, name = ref.partition(":")
    if colon and type_ in TYPES:
        entity = lookup.get((type_, normalize(name)))
    else:
        wanted = normalize(ref)
        entity = next((e for e in article.entities if wanted in {normalize(n) for n in e.names}), None)
    return entity.key if entity else ("?", ref)


def _gold_triples(article: GoldArticle) -> tuple[set[Triple], set[Triple]]:
    """The article's gold relations, split into those of its event or itself and those between entities."""
    lookup = _lookup(article)
    own: set[Triple] = set()
    between: set[Triple] = set()
    for subject, relation, obj in article.relations:
        s = _gold_ref(subject, article, lookup)
        o = ("LIT", normalize(obj)) if relation in LITERAL_RELATIONS else _gold_ref(obj, article, lookup)
        (own if s in (EVENT, ARTICLE) else between).add((s, relation, o))
    return own, between


def _system_triples(
    graph: Graph, subjects: Mapping[Node, Ref], placeholders: Mapping[Node, Ref], node_key: Mapping[Node, Ref]
) -> dict[Triple, list[tuple[Node, Node, Node]]]:
    """The graph's eg: relations out of `subjects`, with nodes replaced by what they stand for
    (each mapped to the graph triples behind it, for the evidence)."""
    triples: dict[Triple, list[tuple[Node, Node, Node]]] = defaultdict(list)
    for node, ref in subjects.items():
        for relation in RELATIONS:
            for obj in graph.objects(node, _eg(relation)):
                triples[(ref, relation, _object_ref(obj, relation, placeholders, node_key))].append((node, _eg(relation), obj))
    return dict(triples)


def _object_ref(obj: Node, relation: str, placeholders: Mapping[Node, Ref], node_key: Mapping[Node, Ref]) -> Ref:
    if isinstance(obj, Literal) or relation in LITERAL_RELATIONS:
        return ("LIT", normalize(obj))
    if obj in placeholders:
        return placeholders[obj]
    return node_key.get(obj, ("UNK", str(obj)))


def _objects_match(relation: str, system: Ref, gold: Ref) -> bool:
    """Equal objects; job titles also when one contains the other, dates on the first ten characters."""
    if relation == "jobTitle":
        return bool(system[1]) and (gold[1] in system[1] or system[1] in gold[1])
    if relation == "date":
        return system[1][:10] == gold[1][:10]
    return system == gold


def _score_relations(
    system: Mapping[Triple, list[tuple[Node, Node, Node]]],
    gold: set[Triple],
    article_of: Callable[[Triple], str | None],
    evidence: _Evidence,
    names: Mapping[Ref, tuple[str, ...]],
) -> list[Outcome]:
    """Each system triple takes one unmatched gold triple (greedily, in a fixed order); the rest are errors."""
    outcomes = []
    unmatched = sorted(gold, key=repr)
    for triple in sorted(system, key=repr):
        subject, relation, obj = triple
        hit = next((g for g in unmatched if g[:2] == (subject, relation) and _objects_match(relation, obj, g[2])), None)
        if hit is not None:
            unmatched.remove(hit)
            outcomes.append(Outcome(relation, "tp"))
        else:
            article, sentence, found_by = evidence.of_triples(article_of(triple), system[triple])
            outcomes.append(Outcome(relation, "fp", Error(article, "FP relation", _show(triple), sentence, found_by)))
    for g in unmatched:
        article = article_of(g)
        sides = [names.get(ref, (ref[1],) if isinstance(ref, tuple) else ()) for ref in (g[0], g[2])]
        sentence = evidence.naming(article, *[side for side in sides if side])
        outcomes.append(Outcome(g[1], "fn", Error(article, "FN relation", _show(g), sentence)))
    return outcomes


def _show(triple: Triple) -> str:
    """EVENT speaker "Ola Nordmann", with names and literals quoted and unknown nodes as <IRI>."""
    subject, relation, obj = triple
    return f"{_show_ref(subject)} {relation} {_show_ref(obj)}"


def _show_ref(ref: Ref) -> str:
    if isinstance(ref, str):
        return ref
    kind, value = ref
    if kind == "UNK":
        return f"<{value}>"
    if kind == "?":
        return f'"{value}" (no such gold entity)'
    return f'"{value}"'


# --- putting it together ----------------------------------------------------------------------


def evaluate(gold: Sequence[GoldArticle], graph: Graph) -> Evaluation:
    """Entity and relation P/R/F1 per type, plus split and merged entities over the corpus.

    The graph should already include the ontology, so that eg:Country counts as eg:Place.
    """
    types_of = _contract_types(graph)
    evidence = _evidence(graph)
    names: dict[Ref, tuple[str, ...]] = {e.key: e.names for a in gold for e in a.entities}
    article_nodes = {
        str(article_id): node
        for node in graph.subjects(RDF.type, _eg("Article"))
        for article_id in graph.objects(node, _eg("articleId"))
    }
    entity_outcomes: list[Outcome] = []
    relation_outcomes: list[Outcome] = []
    missing: list[str] = []
    present: list[tuple[GoldArticle, Node, _ArticleEntities]] = []
    for article in gold:
        node = article_nodes.get(article.id)
        if node is None:
            missing.append(article.id)
            entity_outcomes += _missing_entities(article)
            relation_outcomes += _missing_relations(article)
        else:
            entities = _score_entities(article, node, graph, types_of, evidence)
            entity_outcomes += entities.outcomes
            present.append((article, node, entities))

    nodes_of_gold: dict[tuple[str, str], set[Node]] = defaultdict(set)
    golds_of_node: dict[Node, set[tuple[str, str]]] = defaultdict(set)
    for _, _, entities in present:
        for node, entity in entities.matches.items():
            nodes_of_gold[entity.key].add(node)
            golds_of_node[node].add(entity.key)
    # a node matched to two gold entities stands for one of them (and counts as merged)
    node_key: dict[Node, Ref] = {node: min(keys) for node, keys in golds_of_node.items()}

    corpus_gold: set[Triple] = set()
    first_article: dict[Triple, str] = {}
    for article, node, _ in present:
        own, between = _gold_triples(article)
        for triple in between:
            first_article.setdefault(triple, article.id)
        corpus_gold |= between
        placeholders: dict[Node, Ref] = {event: EVENT for event in graph.objects(node, _eg("reports"))}
        placeholders[node] = ARTICLE
        system = _system_triples(graph, placeholders, placeholders, node_key)
        relation_outcomes += _score_relations(system, own, lambda _triple, article_id=article.id: article_id, evidence, names)
    system = _system_triples(graph, node_key, {}, node_key)
    relation_outcomes += _score_relations(system, corpus_gold, first_article.get, evidence, names)

    entities_by_type, relations_by_type = _tally(entity_outcomes), _tally(relation_outcomes)
    return Evaluation(
        entities=sum(entities_by_type.values(), Score()),
        entities_by_type=entities_by_type,
        relations=sum(relations_by_type.values(), Score()),
        relations_by_type=relations_by_type,
        split=sum(1 for nodes in nodes_of_gold.values() if len(nodes) > 1),
        merged=sum(1 for keys in golds_of_node.values() if len(keys) > 1),
        gold_entities=len({e.key for a in gold for e in a.entities if not e.optional}),
        missing_articles=missing,
        errors=[o.error for o in entity_outcomes + relation_outcomes if o.error is not None],
        articles=len(gold),
        triples=len(graph),
    )


def _tally(outcomes: Iterable[Outcome]) -> dict[str, Score]:
    """Scores per category (sorted), for the categories that had at least one outcome."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    for outcome in outcomes:
        counts[outcome.category][outcome.result] += 1
    return {category: Score(**counts[category]) for category in sorted(counts)}


# --- output -----------------------------------------------------------------------------------


def to_json(evaluation: Evaluation, verbose: bool = False) -> dict:
    """The independent scorer's JSON keys and figures; `verbose` adds the errors, as it does."""
    out = {
        "articles": evaluation.articles,
        "missing_articles": list(evaluation.missing_articles),
        "entities": evaluation.entities.as_dict(),
        "entities_by_type": {t: s.as_dict() for t, s in sorted(evaluation.entities_by_type.items())},
        "relations": evaluation.relations.as_dict(),
        "relations_by_type": {r: s.as_dict() for r, s in sorted(evaluation.relations_by_type.items())},
        "resolution": {"gold_entities": evaluation.gold_entities, "split": evaluation.split, "merged_nodes": evaluation.merged},
        "triples": evaluation.triples,
    }
    if verbose:
        out["errors"] = [
            {"article": e.article, "kind": e.kind, "what": e.what, "sentence": e.sentence, "found_by": e.found_by}
            for e in evaluation.errors
        ]
    return out


def format_summary(evaluation: Evaluation) -> str:
    """The independent scorer's last line, character for character."""
    e, r = evaluation.entities, evaluation.relations
    return (
        f"entities F1 {e.f1} (P {e.precision} R {e.recall}), relations F1 {r.f1} (P {r.precision} R {r.recall}), "
        f"split {evaluation.split}, merged {evaluation.merged}, missing articles {len(evaluation.missing_articles)}"
    )


def format_report(evaluation: Evaluation, verbose: bool = False) -> str:
    """A table per entity type and per relation, the errors if verbose, and the summary line last."""
    lines = _score_table("entity type", evaluation.entities_by_type, evaluation.entities)
    lines += [""] + _score_table("relation", evaluation.relations_by_type, evaluation.relations)
    lines += ["", f"gold entities {evaluation.gold_entities}, split {evaluation.split}, merged {evaluation.merged}"]
    if evaluation.missing_articles:
        lines.append(f"missing articles: {', '.join(evaluation.missing_articles)}")
    if verbose:
        lines += ["", "errors:", *(f"  {error}" for error in evaluation.errors)] if evaluation.errors else ["", "no errors"]
    return "\n".join(lines + ["", format_summary(evaluation)])


def _score_table(heading: str, scores: Mapping[str, Score], total: Score) -> list[str]:
    width = max([len(heading), len("all"), *map(len, scores)])

    def row(name: str, cells: Sequence) -> str:
        return f"{name:<{width}}" + "".join(f"  {cell!s:>{5 if i < 3 else 4}}" for i, cell in enumerate(cells))

    header = row(heading, ("P", "R", "F1", "tp", "fp", "fn"))
    lines = [row(name, (s.precision, s.recall, s.f1, s.tp, s.fp, s.fn)) for name, s in [*scores.items(), ("all", total)]]
    return [header, "-" * len(header), *lines]
