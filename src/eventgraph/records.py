"""Plain records that flow between the stages: no spaCy or rdflib objects in here.

extract/ turns a Doc into `Mention`s and `Relation`s; resolve.py groups mentions
into `Entity`s; rdf.py maps entities and relations to triples.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from .corpus import Article

# Subjects that stand for the article's reported event and for the article itself.
EVENT = "EVENT"
ARTICLE = "ARTICLE"

# Relations whose object is a literal, not an entity.
LITERAL_RELATIONS = frozenset({"date", "anniversary", "jobTitle"})


@dataclass(frozen=True)
class Mention:
    """One place in an article that refers to an entity.

    `kind` is "name" for a proper name, "nominal" for "the embassy", "the ambassador"
    or a bare surname, and "implied" for an entity the text implies without naming
    (the mission of "Ambassador of X to Y"). `name` is the best name this mention
    alone supports; resolve.py picks the entity's canonical name.
    """

    index: int
    type: str
    text: str
    start: int
    end: int
    name: str
    kind: str = "name"
    subtype: str | None = None
    sender: str | None = None  # Embassy: sending country
    host: str | None = None  # Embassy: host country (or organization, for permanent missions)
    city: str | None = None  # Embassy: host city
    mission: str = "Embassy"  # Embassy: "Embassy", "Consulate General", "Permanent Mission", ...
    method: str = "model"


@dataclass(frozen=True)
class Relation:
    """A relation found in an article; subject/object are mention indexes, EVENT, ARTICLE or a literal."""

    subject: int | str
    predicate: str
    object: int | str
    method: str
    confidence: float
    start: int  # the evidence: character span of the sentence it came from
    end: int


@dataclass(frozen=True)
class Extraction:
    """Everything extract/ found in one article."""

    article: Article
    mentions: tuple[Mention, ...]
    relations: tuple[Relation, ...]
    event_kind: str = "event"
    sentences: tuple[tuple[int, int], ...] = ()  # (start, end) character span of every sentence


@dataclass
class Entity:
    """One real-world thing: its canonical name, every other name, and where it was seen."""

    type: str
    name: str
    subtype: str | None = None
    aliases: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    iri: str = ""


@dataclass(frozen=True)
class ResolvedRelation:
    """A relation between entity keys (or EVENT/ARTICLE of one article), ready for RDF."""

    article_id: str
    subject: str  # entity key, EVENT or ARTICLE
    predicate: str
    object: str  # entity key or literal
    method: str
    confidence: float
    start: int = 0  # the evidence: character span of the sentence it came from (0, 0: none)
    end: int = 0


@dataclass(frozen=True)
class Occurrence:
    """Where an entity is named in an article: the provenance of one mention."""

    key: str  # entity key
    start: int
    end: int
    text: str
    method: str


@dataclass(frozen=True)
class ArticleRecord:
    """What the graph says about one article and its reported event."""

    article: Article
    event_kind: str
    mentions: tuple[str, ...]  # entity keys
    relations: tuple[ResolvedRelation, ...]
    occurrences: tuple[Occurrence, ...] = ()
    sentences: tuple[tuple[int, int], ...] = ()

    def sentence_at(self, start: int, end: int | None = None) -> tuple[int, int] | None:
        """The span of the sentence holding [start, end), if the extraction recorded sentences."""
        end = start if end is None else end
        starts = self._sentence_starts
        if starts is not None:  # in text order, none inside another: the one that starts last before
            index = bisect_right(starts, start) - 1
            if index > 0 and self.sentences[index - 1][1] >= end:
                index -= 1  # a point where one sentence ends and the next starts: the first, as a scan finds
            if index >= 0 and end <= self.sentences[index][1]:
                return self.sentences[index]
            return None
        for sentence_start, sentence_end in self.sentences:
            if sentence_start <= start and end <= sentence_end:
                return sentence_start, sentence_end
        return None

    @cached_property
    def _sentence_starts(self) -> list[int] | None:
        """The sentences' starts, if they are in text order, not empty and apart (spaCy's are)."""
        spans = self.sentences
        if all(s < e for s, e in spans) and all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1)):
            return [sentence_start for sentence_start, _ in spans]
        return None
