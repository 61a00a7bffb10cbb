"""Scoring a graph against gold annotations, as ANNOTATION.md defines it.

Reads the graph through the RDF contract only (eg: terms, rdfs:label,
skos:altLabel, rdfs:subClassOf*), so any graph in the contract can be scored;
the figures agree with the project's independent scorer.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from .errors import InputError
from .namespace import EG_IRI

TYPES = ("Person", "Embassy", "Organization", "Film", "Campaign", "HistoricalEvent", "Place", "Event")
RELATIONS = (
    "organizer", "location", "date", "commemorates", "anniversary", "speaker", "screened", "participant",
    "worksFor", "jobTitle", "represents", "locatedIn", "initiatedBy", "about", "producedBy", "source",
)
LITERAL_RELATIONS = {"date", "anniversary", "jobTitle"}
NAME_PROPERTIES = (RDFS.label, SKOS.prefLabel, SKOS.altLabel, URIRef("https://schema.org/name"), URIRef("http://schema.org/name"))


@dataclass(frozen=True)
class GoldEntity:
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    optional: bool = False

    @property
    def key(self) -> tuple[str, str]:
        return (self.type, self.name)


@dataclass(frozen=True)
class GoldArticle:
    id: str
    entities: tuple[GoldEntity, ...]
    relations: tuple[tuple[str, str, str], ...]
    published: str | None = None


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return round(self.tp / (self.tp + self.fp), 3) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return round(self.tp / (self.tp + self.fn), 3) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return round(2 * p * r / (p + r), 3) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"p": self.precision, "r": self.recall, "f1": self.f1, "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Evaluation:
    entities_by_type: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    relations_by_type: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    split: int = 0
    merged: int = 0
    gold_entities: int = 0
    missing_articles: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    triples: int = 0
    articles: int = 0

    @property
    def entities(self) -> Score:
        return _total(self.entities_by_type)

    @property
    def relations(self) -> Score:
        return _total(self.relations_by_type)


def _total(scores: dict[str, Score]) -> Score:
    return Score(sum(s.tp for s in scores.values()), sum(s.fp for s in scores.values()), sum(s.fn for s in scores.values()))


def normalize(name) -> str:
    """Names compare without case, accents, quotes, punctuation or a leading 'the'."""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"['\"“”«»!]", "", text)
    text = re.sub(r"^the\s+", "", text.strip())
    return re.sub(r"[^\w]+", " ", text).strip()


def load_gold(path: Path) -> list[GoldArticle]:
    """Gold annotations in the format of ANNOTATION.md."""
    try:
        records = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read gold file {path}: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise InputError(f"{path} is not valid JSON: {exc.msg} at line {exc.lineno}") from exc
    if not isinstance(records, list):
        raise InputError(f"{path}: expected a JSON list of articles (see ANNOTATION.md)")
    articles = []
    for number, record in enumerate(records, start=1):
        try:
            entities = tuple(
                GoldEntity(e["type"], e["name"], tuple(e.get("aliases", ())), bool(e.get("optional", False)))
                for e in record["entities"]
            )
            relations = tuple((str(s), str(r), str(o)) for s, r, o in record["relations"])
            articles.append(GoldArticle(str(record["id"]), entities, relations, record.get("published")))
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"{path}: article {number} is missing or has a malformed {exc}; see ANNOTATION.md") from exc
    return articles


def _class_closure(graph: Graph):
    """class IRI -> the contract types it falls under through rdfs:subClassOf*."""
    memo: dict = {}

    def up(cls, seen) -> frozenset[str]:
        if cls in memo:
            return memo[cls]
        out = set()
        if isinstance(cls, URIRef) and str(cls).startswith(EG_IRI) and str(cls)[len(EG_IRI) :] in TYPES:
            out.add(str(cls)[len(EG_IRI) :])
        for parent in graph.objects(cls, RDFS.subClassOf):
            if parent not in seen:
                out |= up(parent, seen | {parent})
        memo[cls] = frozenset(out)
        return memo[cls]

    return lambda cls: up(cls, {cls})


def evaluate(gold: Sequence[GoldArticle], graph: Graph) -> Evaluation:
    """Entity and relation P/R/F1 per type, plus split and merged entities over the corpus.

    The graph should include the ontology, so subclasses count as their contract type.
    """
    result = Evaluation(triples=len(graph), articles=len(gold))
    eg = lambda name: URIRef(EG_IRI + name)  # noqa: E731
    closure = _class_closure(graph)
    article_nodes = {str(i): a for a in graph.subjects(RDF.type, eg("Article")) for i in graph.objects(a, eg("articleId"))}
    gold_nodes: dict[tuple, set] = defaultdict(set)
    node_golds: dict = defaultdict(set)
    scored = []
    for article in gold:
        node = article_nodes.get(article.id)
        lookup = {(e.type, normalize(n)): e for e in article.entities for n in (e.name, *e.aliases)}
        if node is None:
            result.missing_articles.append(article.id)
            for entity in article.entities:
                if not entity.optional:
                    result.entities_by_type[entity.type].fn += 1
            for _, relation, _ in article.relations:
                result.relations_by_type[relation].fn += 1
            continue
        found = set()
        for mentioned in set(graph.objects(node, eg("mentions"))):
            types = {t for c in graph.objects(mentioned, RDF.type) for t in closure(c)} - {"Event"}
            names = {normalize(o) for p in NAME_PROPERTIES for o in graph.objects(mentioned, p)}
            match = next((lookup[(t, n)] for t in types for n in names if (t, n) in lookup), None)
            if match is not None:
                gold_nodes[match.key].add(mentioned)
                node_golds[mentioned].add(match.key)
                if not match.optional and match.key not in found:
                    found.add(match.key)
                    result.entities_by_type[match.type].tp += 1
            elif types:
                kind = sorted(types)[0]
                result.entities_by_type[kind].fp += 1
                result.errors.append(f"{article.id} FP entity {kind} {sorted(names)}")
        for entity in article.entities:
            if not entity.optional and entity.key not in found:
                result.entities_by_type[entity.type].fn += 1
                result.errors.append(f"{article.id} FN entity {entity.type} {entity.name}")
        scored.append((article, node, lookup))

    node_key = {n: sorted(keys)[0] for n, keys in node_golds.items()}
    corpus_gold: set = set()
    for article, node, lookup in scored:
        article_gold = set()
        for subject, relation, obj in article.relations:
            s = _gold_ref(subject, article, lookup)
            o = ("LIT", normalize(obj)) if relation in LITERAL_RELATIONS else _gold_ref(obj, article, lookup)
            (article_gold if s in ("EVENT", "ARTICLE") else corpus_gold).add((s, relation, o))
        events = set(graph.objects(node, eg("reports")))
        placeholders = {e: "EVENT" for e in events}
        placeholders[node] = "ARTICLE"
        system = {
            (placeholders[s], r, _object_ref(o, r, placeholders, node_key))
            for s in events | {node} for r in RELATIONS for o in graph.objects(s, eg(r))
        }
        _match(system, article_gold, result)
    system = {
        (key, r, _object_ref(o, r, {}, node_key)) for n, key in node_key.items() for r in RELATIONS for o in graph.objects(n, eg(r))
    }
    _match(system, corpus_gold, result)

    result.split = sum(1 for nodes in gold_nodes.values() if len(nodes) > 1)
    result.merged = sum(1 for keys in node_golds.values() if len(keys) > 1)
    result.gold_entities = len({e.key for a in gold for e in a.entities if not e.optional})
    return result


def _gold_ref(ref: str, article: GoldArticle, lookup: dict):
    if ref in ("EVENT", "ARTICLE"):
        return ref
    if ":" in ref and ref.split(":", 1)[0] in TYPES:
        type_, name = ref.split(":", 1)
        entity = lookup.get((type_, normalize(name)))
    else:
        entity = next((e for e in article.entities if normalize(ref) in {normalize(x) for x in (e.name, *e.aliases)}), None)
    return entity.key if entity else ("?", ref)


def _object_ref(obj, relation: str, placeholders: dict, node_key: dict):
    if isinstance(obj, Literal) or relation in LITERAL_RELATIONS:
        return ("LIT", normalize(obj))
    if obj in placeholders:
        return placeholders[obj]
    return node_key.get(obj, ("UNK", str(obj)))


def _match(system: set, gold: set, result: Evaluation) -> None:
    """Count matches; jobTitle matches when one title contains the other, dates on the day."""
    matched = set()
    for triple in sorted(system, key=repr):
        subject, relation, obj = triple
        if relation == "jobTitle":
            hits = [g for g in gold if g[:2] == (subject, relation) and obj[1] and (g[2][1] in obj[1] or obj[1] in g[2][1]) and g not in matched]
        elif relation == "date":
            hits = [g for g in gold if g[:2] == (subject, relation) and obj[1][:10] == g[2][1][:10] and g not in matched]
        else:
            hits = [g for g in gold if g == triple and g not in matched]
        if hits:
            matched.add(sorted(hits, key=repr)[0])
            result.relations_by_type[relation].tp += 1
        else:
            result.relations_by_type[relation].fp += 1
            result.errors.append(f"FP rel {subject} {relation} {obj}")
    for triple in sorted(gold - matched, key=repr):
        result.relations_by_type[triple[1]].fn += 1
        result.errors.append(f"FN rel {triple}")


def to_json(evaluation: Evaluation) -> dict:
    """The same keys and figures as the independent scorer's JSON output."""
    return {
        "articles": evaluation.articles,
        "missing_articles": evaluation.missing_articles,
        "entities": evaluation.entities.as_dict(),
        "entities_by_type": {t: s.as_dict() for t, s in sorted(evaluation.entities_by_type.items())},
        "relations": evaluation.relations.as_dict(),
        "relations_by_type": {r: s.as_dict() for r, s in sorted(evaluation.relations_by_type.items())},
        "resolution": {"gold_entities": evaluation.gold_entities, "split": evaluation.split, "merged_nodes": evaluation.merged},
        "triples": evaluation.triples,
    }


def format_summary(evaluation: Evaluation) -> str:
    e, r = evaluation.entities, evaluation.relations
    return (
        f"entities F1 {e.f1} (P {e.precision} R {e.recall}), relations F1 {r.f1} (P {r.precision} R {r.recall}), "
        f"split {evaluation.split}, merged {evaluation.merged}, missing articles {len(evaluation.missing_articles)}"
    )


def format_report(evaluation: Evaluation, verbose: bool = False) -> str:
    """Tables per entity type and per relation, the summary line, and with verbose every error."""
    lines = []
    for heading, scores in (("entity type", evaluation.entities_by_type), ("relation", evaluation.relations_by_type)):
        lines.append(f"{heading:<16} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}")
        for name, s in sorted(scores.items()):
            lines.append(f"{name:<16} {s.precision:>6} {s.recall:>6} {s.f1:>6} {s.tp:>4} {s.fp:>4} {s.fn:>4}")
        lines.append("")
    if verbose:
        lines.extend(evaluation.errors or ["no errors"])
        lines.append("")
    lines.append(format_summary(evaluation))
    return "\n".join(lines)
