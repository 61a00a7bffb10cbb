"""Which mentions are the same thing: within an article, then over the whole corpus.

Within an article, surnames join the full name they end, "the embassy" joins
the article's mission, short organization names join their long form, and
"Halabja tragedy" joins "Halabja massacre". Over the corpus, entities with the
same type and normalized canonical name are one entity with one IRI; IRIs are
minted in exactly one function, `mint_iri`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, NamedTuple, Sequence
from urllib.parse import quote

from .extract.lexicon import ATROCITY_WORDS, Lexicon
from .records import (
    ARTICLE,
    EVENT,
    LITERAL_RELATIONS,
    ArticleRecord,
    Entity,
    Extraction,
    Mention,
    Occurrence,
    Relation,
    ResolvedRelation,
)

TYPE_PATHS = {
    "Person": "person",
    "Embassy": "embassy",
    "Organization": "organization",
    "Film": "film",
    "Campaign": "campaign",
    "HistoricalEvent": "historical-event",
    "Place": "place",
}
_STOP = {"the", "of", "for", "and", "in", "to", "a", "an"}


@lru_cache(maxsize=1 << 16)  # a corpus names the same entities again and again
def slug(name: str) -> str:
    """'Ana Lucía Torres Medina' -> 'ana-lucia-torres-medina'; non-Latin names are percent-encoded.

    Always a valid IRI path segment (RFC 3987); a slug over MAX_SLUG characters keeps its
    start and ends in a hash of the whole, so very long names still give distinct, short IRIs.
    """
    folded = unicodedata.normalize("NFKD", name)
    ascii_name = "".join(c for c in folded if not unicodedata.combining(c)).encode("ascii", "ignore").decode()
    result = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    if result and len(result) >= len(re.sub(r"\W+", "", name)) // 2:
        return _shorten(result, result)
    plain = re.sub(r"\s+", "-", unicodedata.normalize("NFC", name.strip().lower()))
    return _shorten(plain, _quote(plain)) if plain else "unnamed"


MAX_SLUG = 120


def _quote(text: str, safe: str = "-") -> str:
    """Percent-encoded UTF-8; a lone surrogate (which the reader never lets through) becomes '?'.

    A result of only dots is encoded too: '.' and '..' are dot segments, which IRI
    resolution removes ('film/..' would become the type's own IRI).
    """
    encoded = quote(text, safe=safe, errors="replace")
    return encoded.replace(".", "%2E") if encoded and set(encoded) == {"."} else encoded


def _shorten(plain: str, encoded: str) -> str:
    """`encoded` (the percent-encoding of `plain`), or if too long, the encoding of as many whole
    characters of `plain` as fit, then a hash of all of it."""
    if len(encoded) <= MAX_SLUG:
        return encoded
    head = ""
    for character in plain:
        piece = _quote(character)
        if len(head) + len(piece) > MAX_SLUG - 17:
            break
        head += piece
    return head.rstrip("-") + "-" + hashlib.sha1(encoded.encode("ascii")).hexdigest()[:16]


def entity_key(type_: str, name: str) -> str:
    """The identity of an entity over the corpus: its type and its slugged canonical name."""
    return f"{TYPE_PATHS[type_]}/{slug(name)}"


def mint_iri(base_iri: str, key: str) -> str:
    """The entity's IRI: base IRI + key. The one place IRIs are made."""
    return base_iri + key


def article_key(kind: str, article_id: str) -> str:
    """Key of an article ('article') or of the event it reports ('event')."""
    return f"{kind}/{_quote(article_id, safe='-_.~')}"


# --- within one article ----------------------------------------------------------------------


@dataclass
class _Cluster:
    type: str
    name: str
    subtype: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    sender: str | None = None
    host: str | None = None
    city: str | None = None
    mission: str = "Embassy"


class _LocalRelation(NamedTuple):
    """A relation between an article's clusters (or EVENT/ARTICLE), with how and where it was found."""

    subject: int | str
    predicate: str
    object: int | str
    method: str
    confidence: float
    start: int = 0  # evidence span in the article text
    end: int = 0


@dataclass
class LocalResolution:
    """An article's entities and its relations between them, before corpus-level identity."""

    clusters: list[_Cluster]
    by_mention: dict[int, int]  # mention index -> cluster index
    relations: list[_LocalRelation]

    def plain(self) -> tuple:
        """Plain tuples naming mentions by index, for the --update cache: its extraction holds the
        mentions already, and plain tuples load several times faster than these classes."""
        clusters = tuple(
            (c.type, c.name, c.subtype, tuple(m.index for m in c.mentions), c.sender, c.host, c.city, c.mission)
            for c in self.clusters
        )
        return clusters, tuple(tuple(r) for r in self.relations)

    @classmethod
    def from_plain(cls, plain: tuple, extraction: Extraction) -> "LocalResolution":
        """The resolution `plain()` gave, with `extraction`'s mentions (ValueError if it does not fit them)."""
        try:
            plain_clusters, plain_relations = plain
            mentions = {mention.index: mention for mention in extraction.mentions}
            clusters, by_mention = [], {}
            for type_, name, subtype, indexes, sender, host, city, mission in plain_clusters:
                for index in indexes:
                    by_mention[index] = len(clusters)
                clusters.append(_Cluster(type_, name, subtype, [mentions[i] for i in indexes], sender, host, city, mission))
            relations = [_LocalRelation._make(relation) for relation in plain_relations]
        except (TypeError, ValueError, KeyError) as error:
            raise ValueError(f"not a local resolution of article {extraction.article.id!r}: {error}") from error
        ends = [r.subject for r in relations if isinstance(r.subject, int)]
        ends += [r.object for r in relations if r.predicate not in LITERAL_RELATIONS and isinstance(r.object, int)]
        if ends and not 0 <= min(ends) <= max(ends) < len(clusters):
            raise ValueError(f"not a local resolution of article {extraction.article.id!r}: a relation names no cluster")
        return cls(clusters, by_mention, relations)


def resolve_article(extraction: Extraction, lexicon: Lexicon) -> LocalResolution:
    mentions = list(extraction.mentions)
    clusters: list[_Cluster] = []
    by_mention: dict[int, int] = {}
    for type_, group in _group_by_type(mentions).items():
        for cluster in _CLUSTERERS.get(type_, _cluster_by_name)(group, lexicon, extraction):
            index = len(clusters)
            clusters.append(cluster)
            for mention in cluster.mentions:
                by_mention[mention.index] = index
    relations = _map_relations(extraction.relations, by_mention)
    relations += _mission_relations(clusters, relations, lexicon, extraction.article.text)
    return LocalResolution(clusters, by_mention, _tidy(relations))


def _group_by_type(mentions: Sequence[Mention]) -> dict[str, list[Mention]]:
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        groups[mention.type].append(mention)
    return groups


def _cluster_by_name(mentions: list[Mention], lexicon: Lexicon, extraction: Extraction) -> list[_Cluster]:
    clusters: dict[str, _Cluster] = {}
    for mention in mentions:
        name = clean_name(mention.name)
        if not name:
            continue
        cluster = clusters.setdefault(slug(name), _Cluster(mention.type, name, mention.subtype))
        cluster.mentions.append(mention)
        cluster.subtype = cluster.subtype or mention.subtype
    return list(clusters.values())


def _cluster_persons(mentions: list[Mention], lexicon: Lexicon, extraction: Extraction) -> list[_Cluster]:
    """Full names first; a surname or a shorter form joins the full name it ends."""
    full = [m for m in mentions if len(clean_name(m.name).split()) >= 2]
    clusters = _cluster_by_name(sorted(full, key=lambda m: -len(m.name.split())), lexicon, extraction)
    merged: list[_Cluster] = []
    for cluster in clusters:  # 'Torres Medina' joins 'Ana Lucía Torres Medina'
        home = next((c for c in merged if _ends_with(c.name, cluster.name) or _same_but_patronymic(c.name, cluster.name, lexicon)), None)
        if home is None:
            merged.append(cluster)
        else:
            home.mentions.extend(cluster.mentions)
    for mention in mentions:
        if mention in full:
            continue
        name = clean_name(mention.name)
        candidates = [c for c in merged if _ends_with(c.name, name) or c.name.split()[0] == name]
        if len(candidates) > 1:
            # "Ambassador Aliyev" after "Ambassador Elchin Aliyev" and "student Samir Aliyev": the namesake with that title
            titles = _titles_of(extraction, [mention])
            same_title = [c for c in candidates if titles & _titles_of(extraction, c.mentions)]
            candidates = same_title or candidates
        if len(candidates) >= 1:
            # the nearest full name before the surname, else the first one in the article
            before = [c for c in candidates if min(m.start for m in c.mentions) <= mention.start]
            home = (before or candidates)[-1] if before else candidates[0]
            home.mentions.append(mention)
        elif mention.kind != "surname":
            merged.append(_Cluster("Person", name, mentions=[mention]))
        # a lone word the model called a person, with no full name to join, is too weak to keep
    return merged


def _titles_of(extraction: Extraction, mentions: Iterable[Mention]) -> set[str]:
    indexes = {m.index for m in mentions}
    return {
        str(r.object) for r in extraction.relations
        if r.predicate == "jobTitle" and r.subject in indexes
    }


def _same_but_patronymic(full: str, short: str, lexicon: Lexicon) -> bool:
    """'Mikhail Ostapenko' after 'Mikhail Ivanovich Ostapenko', 'Ali Mammadov' after 'Ali Hasan oglu
    Mammadov': an article names a person again without the father's name (or a middle initial)."""
    full_words, short_words = _fold(full).split(), _fold(short).split()
    if len(short_words) < 2 or len(full_words) <= len(short_words):
        return False
    return _without_patronymic(full_words, lexicon) == short_words


def _without_patronymic(words: list[str], lexicon: Lexicon) -> list[str]:
    """The words of a folded name without its middle patronymic: a Turkic 'X oglu / qizi' pair, an
    East Slavic '-ovich / -ovna' word, or a middle initial ('R.')."""
    kept = list(words)
    for i in range(len(words) - 2, 0, -1):
        word = words[i]
        if word in lexicon.patronymic_words and i >= 2:
            return kept[: i - 1] + kept[i + 1 :]
        if word.endswith(lexicon.patronymic_suffixes) and len(word) > 6 or re.fullmatch(r"[a-z]\.", word):
            return kept[:i] + kept[i + 1 :]
    return kept


def _ends_with(full: str, part: str) -> bool:
    full_words, part_words = _fold(full).split(), _fold(part).split()
    return len(part_words) < len(full_words) and full_words[-len(part_words) :] == part_words


def _cluster_organizations(mentions: list[Mention], lexicon: Lexicon, extraction: Extraction) -> list[_Cluster]:
    """'Chamber of Deputies of Mexico' joins 'Mexican Chamber of Deputies'; 'the friendship group' joins its full name."""
    named = [m for m in mentions if m.kind != "nominal"]
    found: dict[str, tuple[frozenset[str], str | None]] = {}  # name -> its words and head: asked for every pair

    def words_and_head(name: str) -> tuple[frozenset[str], str | None]:
        if name not in found:
            found[name] = _org_words(name, lexicon), _org_head(name, lexicon)
        return found[name]

    clusters: list[_Cluster] = []
    for mention in sorted(named, key=lambda m: (-len(words_and_head(m.name)[0]), m.start)):
        words, head = words_and_head(mention.name)
        home = next((c for c in clusters if words <= words_and_head(c.name)[0] and words_and_head(c.name)[1] == head
                     and not _is_sub_body(c.name, mention.name)), None)
        nested = _body_named_inside_an_earlier_name(named, mention) if home is not None else None
        if nested is not None and min(m.start for m in home.mentions) > mention.start:
            # 'the University' after 'the Institute of X of the University of Vienna', before 'Baku State University'
            home = next((c for c in clusters if c.name == nested), None)
            if home is None:
                clusters.append(_Cluster("Organization", nested, mentions=[mention]))
                continue
        if home is None:
            clusters.append(_Cluster("Organization", clean_name(mention.name), mentions=[mention]))
        else:
            home.mentions.append(mention)
    clusters = _join_parenthesized_acronyms(clusters, extraction.article.body)
    clusters = _join_glossed_foreign_names(clusters, extraction.article.body, lexicon)
    for mention in mentions:
        if mention.kind == "nominal" and _nominal_is_the_venue(mention, extraction):
            continue  # 'held at the National Art Museum of X ... together with the museum': that building
        if mention.kind == "nominal":
            tail = _fold(mention.name)
            home = _named_with_that_tail(clusters, mention, tail)
            if home is None:  # 'the university' after 'the University of Porto': the one organization with that head
                headed = [c for c in clusters if lexicon.same_org_head(_org_head(c.name, lexicon), tail.split()[-1])
                          and c.mentions[0].start < mention.start]
                home = headed[0] if len(headed) == 1 else None
            if home is not None:
                home.mentions.append(mention)
    return clusters


def _body_named_inside_an_earlier_name(named: list[Mention], mention: Mention) -> str | None:
    """'the Kleiner Festsaal of the University' after 'the Institute of X of the University of Vienna':
    a bare head word is the body named inside an earlier name ('University of Vienna'), not one whose
    full name comes only after it ('Baku State University')."""
    tail = _fold(mention.name)
    if len(tail.split()) != 1:
        return None
    for earlier in (m for m in named if m.start < mention.start):
        at = f" {_fold(earlier.name)} ".find(f" {tail} of ")
        if at >= 0 and len(_fold(earlier.name)) == len(earlier.name.lower()):
            return clean_name(earlier.name[at:])
    return None


def _named_with_that_tail(clusters: list[_Cluster], mention: Mention, tail: str) -> _Cluster | None:
    """'the University' after 'the Institute of X of the University of Vienna' and before 'Baku State
    University': the university named inside an earlier name is the one meant, not one named after
    it; one ending so named before the mention comes first, then (none named inside an earlier name)
    one named after."""
    ending = [c for c in clusters if _fold(c.name).endswith(tail)]
    before = [c for c in ending if c.mentions[0].start < mention.start]
    if before:
        return before[0]
    inside_earlier = any(f" {tail} of " in f" {_fold(c.name)} " and c.mentions[0].start < mention.start for c in clusters)
    return None if inside_earlier or not ending else ending[0]


def _nominal_is_the_venue(mention: Mention, extraction: Extraction) -> bool:
    """'presented at the National Art Museum of X ... organized together with the museum': 'the
    museum' after a venue with that head word is that venue (a place, no organizer or employer),
    unless its own sentence names an organization with that word before it."""
    head = _fold(mention.name).split()[-1]
    venues = [m for m in extraction.mentions if m.type == "Place" and m.subtype == "Venue" and m.start < mention.start
              and head in _fold(m.name).split()]
    if not venues:
        return False
    text = extraction.article.body
    sentence_start = max(text.rfind(". ", 0, mention.start), text.rfind("\n", 0, mention.start))
    return not any(m.type == "Organization" and m.kind != "nominal" and sentence_start < m.start < mention.start
                   and head in _fold(m.name).split() for m in extraction.mentions)


def _is_sub_body(longer: str, shorter: str) -> bool:
    """'Council of Europe Secretariat' after 'Council of Europe': a body named by its parent's name and
    a word of its own is a part of it, not it; 'Milli Majlis of Azerbaijan' is 'Milli Majlis' itself."""
    longer, shorter = clean_name(longer), clean_name(shorter)
    if not _fold(longer).startswith(_fold(shorter) + " "):
        return False
    rest = longer[len(shorter) :].split()
    return bool(rest) and rest[0][:1].isupper()


def _join_parenthesized_acronyms(clusters: list[_Cluster], text: str) -> list[_Cluster]:
    """'the Center for Analysis of International Relations (AIR Center)': the name in brackets
    right after a full name is that organization's short name, wherever else it is used."""
    for full in clusters:
        for mention in list(full.mentions):
            after = re.match(r"\s*\(\s*", text[mention.end :])
            if after is None:
                continue
            start = mention.end + after.end()
            short = next((c for c in clusters if c is not full and any(m.start == start and text[m.end :].lstrip().startswith(")") for m in c.mentions)), None)
            if short is not None and short.mentions:
                full.mentions.extend(short.mentions)
                short.mentions = []
    return [c for c in clusters if c.mentions]


_GLOSS_LEAD = re.compile(r",\s+(?:the\s+|(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})['’]s\s+)?")


def _join_glossed_foreign_names(clusters: list[_Cluster], text: str, lexicon: Lexicon) -> list[_Cluster]:
    """'the Sahitya Akademi, India's National Academy of Letters, presented': an organization named
    in another language and glossed in English right after it, set off by commas, is one organization."""
    for foreign in clusters:
        if not any(word in lexicon.foreign_org_heads for word in _fold(foreign.name).split()):
            continue
        for mention in list(foreign.mentions):
            lead = _GLOSS_LEAD.match(text, mention.end)
            if lead is None or (lead.group("owner") and not lexicon.country(lead.group("owner"))):
                continue
            gloss = next((c for c in clusters if c is not foreign and c.mentions and any(
                m.start == lead.end() and re.match(r"\s*(?:,(?!\s+and\b)|\.|\()", text[m.end :]) for m in c.mentions)), None)
            if gloss is not None:
                foreign.mentions.extend(gloss.mentions)
                gloss.mentions = []
    return [c for c in clusters if c.mentions]


def _org_words(name: str, lexicon: Lexicon) -> frozenset[str]:
    words = set()
    for word in re.split(r"[\s\-/]+", _fold(name)):
        if not word or word in _STOP:
            continue
        country = lexicon.country_of_demonym(word) or lexicon.country(word)
        words.add(_fold(country) if country else word)
    return frozenset(words)


def _org_head(name: str, lexicon: Lexicon) -> str | None:
    return next((w for w in _fold(name).split() if w in lexicon.org_heads), None)


def _cluster_missions(mentions: list[Mention], lexicon: Lexicon, extraction: Extraction) -> list[_Cluster]:
    """Missions get their sending and host country from each other and from the article's places."""
    senders = Counter(m.sender for m in mentions if m.sender)
    hosts = Counter(m.host for m in mentions if m.host)
    default_sender = senders.most_common(1)[0][0] if senders else None
    default_host = hosts.most_common(1)[0][0] if hosts else _likely_host(extraction, default_sender, lexicon)
    clusters: dict[tuple, _Cluster] = {}
    nominal = []
    # named missions first; a mission implied by an office ("Consul General X") then joins a named one
    # ("THE AZERBAIJANI CONSULATE" in a headline, no host nor city, joins the article's named consulate too)
    for mention in sorted(mentions, key=lambda m: m.kind == "implied" or _unplaced_consulate(m)):
        if mention.kind == "nominal":
            nominal.append(mention)
            continue
        sender = mention.sender or default_sender
        # a consul's city tells consulates apart; a permanent representative's city does not
        if (mention.kind == "implied" or _unplaced_consulate(mention)) and (mention.city is None or mention.mission == "Permanent Mission"):
            home = _compatible_mission(clusters.values(), mention, sender)
            if home is not None:
                home.mentions.append(mention)
                continue
        host = mention.host or default_host
        if host is None and mention.mission == "Permanent Mission":
            host = mention.city  # "the Permanent Mission of X in Geneva" and no organization named
        if sender is None or host is None or sender == host:
            continue
        # consulates are told apart by city; an embassy is one per host country, a permanent mission one per organization
        key = (mention.mission, sender, host, None if mention.mission in ("Embassy", "Permanent Mission") else mention.city)
        cluster = clusters.setdefault(key, _Cluster("Embassy", "", sender=sender, host=host, mission=mention.mission))
        if mention.mission != "Permanent Mission":  # its city names no host of its own
            cluster.city = cluster.city or mention.city
        cluster.mentions.append(mention)
    if not clusters and nominal and default_sender and default_host:
        key = ("Embassy", default_sender, default_host, None)
        clusters[key] = _Cluster("Embassy", "", sender=default_sender, host=default_host)
    for cluster in clusters.values():
        cluster.name = mission_name(cluster.mission, cluster.sender, cluster.host, cluster.city)
    if clusters:
        main = max(clusters.values(), key=lambda c: len(c.mentions))
        for mention in nominal:
            _mission_of_kind(clusters.values(), mention, main).mentions.append(mention)
    return list(clusters.values())


def _unplaced_consulate(mention: Mention) -> bool:
    """A consulate named by its sender alone ('the Azerbaijani consulate'): no host, no city."""
    return mention.kind == "name" and mention.mission in ("Consulate", "Consulate General") \
        and mention.host is None and mention.city is None


_NOMINAL_KINDS = (
    ("honorary consulate", ("Honorary Consulate",)),
    ("consulate", ("Consulate General", "Honorary Consulate", "Consulate")),
    ("permanent mission", ("Permanent Mission",)),
    ("embassy", ("Embassy",)),
)


def _mission_of_kind(clusters: Iterable[_Cluster], mention: Mention, main: _Cluster) -> _Cluster:
    """'the honorary consulate', 'the embassy': the article's one mission of the kind the words name
    (an honorary consul's consulate beside the embassy that supported it), else its main mission."""
    text = _fold(mention.text)
    for words, kinds in _NOMINAL_KINDS:
        if words in text:
            of_kind = [c for c in clusters if c.mission in kinds]
            return of_kind[0] if len(of_kind) == 1 else main
    return main


def _compatible_mission(clusters: Iterable[_Cluster], mention: Mention, sender: str | None) -> _Cluster | None:
    """The named mission an office-holder's title points at: same sender, same host if given, same kind preferred."""
    candidates = [
        c for c in clusters
        if (sender is None or c.sender == sender)
        and not (mention.mission == "Embassy" and c.mission in ("Consulate General", "Honorary Consulate"))  # an ambassador heads no consulate
        and (mention.host is None or c.host == mention.host or c.mission == mention.mission == "Permanent Mission")
    ]
    same_kind = [c for c in candidates if c.mission == mention.mission]
    chosen = same_kind or candidates
    return chosen[0] if len(chosen) == 1 else None


def _likely_host(extraction: Extraction, sender: str | None, lexicon: Lexicon) -> str | None:
    """With no host stated, the country the article names most, other than the sender."""
    counts = Counter(
        m.name for m in extraction.mentions if m.type == "Place" and m.subtype == "Country" and m.name != sender
    )
    return counts.most_common(1)[0][0] if counts else None


def mission_name(mission: str, sender: str, host: str, city: str | None = None) -> str:
    """Canonical names of ANNOTATION.md: 'Embassy of Azerbaijan in Argentina',
    'Consulate General of Azerbaijan in Istanbul', 'Permanent Mission of Azerbaijan to United Nations'."""
    if mission == "Permanent Mission":
        return f"{mission} of {sender} to {host}"
    if mission != "Embassy" and city:
        return f"{mission} of {sender} in {city}"
    return f"{mission} of {sender} in {host}"


def _cluster_historical(mentions: list[Mention], lexicon: Lexicon, extraction: Extraction) -> list[_Cluster]:
    """Genocide, tragedy and massacre of one place are one event; 'Danube conflict' joins 'Lower Danube conflict'."""
    clusters: list[_Cluster] = []
    for mention in sorted(mentions, key=lambda m: (-len(historical_core(m.name)[1]), m.start)):
        family, core = historical_core(mention.name)
        home = next((c for c in clusters if historical_core(c.name)[0] == family and core <= historical_core(c.name)[1]), None)
        if home is None:
            clusters.append(_Cluster("HistoricalEvent", clean_name(mention.name), mentions=[mention]))
        else:
            home.mentions.append(mention)
    return clusters


@lru_cache(maxsize=1 << 16)  # asked again for every pair of clusters compared
def historical_core(name: str) -> tuple[str, frozenset[str]]:
    """('atrocity', {'halabja'}) for 'Halabja tragedy' and 'massacre in Halabja'."""
    words = [w for w in re.split(r"[\s\-]+", _fold(name)) if w and w not in _STOP]
    head = next((w for w in reversed(words) if w in ATROCITY_WORDS or w in ("war", "conflict")), words[-1] if words else "")
    family = "atrocity" if head in ATROCITY_WORDS else head
    return family, frozenset(w for w in words if w != head)


_CLUSTERERS = {
    "Person": _cluster_persons,
    "Organization": _cluster_organizations,
    "Embassy": _cluster_missions,
    "HistoricalEvent": _cluster_historical,
}


def _map_relations(relations: Iterable[Relation], by_mention: dict[int, int]):
    out = []
    for relation in relations:
        subject = relation.subject if relation.subject in (EVENT, ARTICLE) else by_mention.get(relation.subject)
        if relation.predicate in LITERAL_RELATIONS:
            obj = relation.object
        else:
            obj = by_mention.get(relation.object)
        if subject is None or obj is None or subject == obj:
            continue
        out.append(_LocalRelation(subject, relation.predicate, obj, relation.method, relation.confidence, relation.start, relation.end))
    return out


def _accredited_to_an_organization(cluster: "_Cluster", lexicon: Lexicon) -> bool:
    """A permanent mission to a body, or any mission 'to NATO': accredited to an organization, which
    is no place it is located in."""
    return (cluster.mission == "Permanent Mission" and not lexicon.country(cluster.host)) \
        or bool(cluster.host) and lexicon.international_organization(cluster.host) is not None


def _mission_relations(clusters: list[_Cluster], relations, lexicon: Lexicon, text: str = ""):
    """A mission represents its sending country and is located in its host country and city.
    The event it held is placed in that country only where the article names the country:
    'the Azerbaijani embassy in Berlin' locates the event in Berlin, not in Germany."""
    out = []
    organizers = {r.object for r in relations if r.subject == EVENT and r.predicate == "organizer"}
    explicit_location = any(r.subject == EVENT and r.predicate == "location" for r in relations)
    # the countries of the places the text says the event was held in
    located_in = {
        lexicon.country(clusters[r.object].name) or lexicon.country_of_city(clusters[r.object].name)
        for r in relations if r.subject == EVENT and r.predicate == "location" and isinstance(r.object, int)
    } - {None}
    for index, cluster in enumerate(list(clusters)):
        if cluster.type != "Embassy":
            continue
        named = [m for m in cluster.mentions if m.kind != "implied"] or cluster.mentions
        evidence = (named[0].start, named[0].end) if named else (0, 0)
        sender = _place_cluster(clusters, cluster.sender, lexicon.place_subtype(cluster.sender))
        out.append(_LocalRelation(index, "represents", sender, "rule:mission-name", 0.95, *evidence))
        places = []
        if _accredited_to_an_organization(cluster, lexicon):
            host = None
        else:
            host = _place_cluster(clusters, cluster.host, lexicon.place_subtype(cluster.host))
            places.append(host)
            out.append(_LocalRelation(index, "locatedIn", host, "rule:mission-name", 0.95, *evidence))
        if cluster.city:
            city = _place_cluster(clusters, cluster.city, lexicon.place_subtype(cluster.city) or "City")
            places.append(city)
            out.append(_LocalRelation(index, "locatedIn", city, "rule:mission-name", 0.9, *evidence))
        # "the Embassy to the Holy See held a reception at a hotel in Rome": held elsewhere than the host
        if index in organizers and not (located_in and cluster.host not in located_in):
            for place in places:
                if place == host and not lexicon.named_in(text, cluster.host):
                    continue
                if place != host and cluster.city and _came_from(text, cluster.city):
                    continue  # "the Ambassador, who travelled down from Pretoria for the service": held elsewhere
                out.append(_LocalRelation(EVENT, "location", place, "rule:held-by-mission", 0.7 if explicit_location else 0.75, *evidence))
    return out



def _came_from(text: str, city: str) -> bool:
    """Whether someone came to the event from the city ('travelled down from X', 'came from X for')."""
    return re.search(rf"\b(?:travell?ed|came|flew|drove|arrived|journeyed)\b(?: \w+){{0,2}} from {re.escape(city)}\b", text) is not None


def _place_cluster(clusters: list[_Cluster], name: str, subtype: str | None) -> int:
    """The index of the article's Place cluster with that name, added if the text never names it."""
    wanted = slug(name)
    for index, cluster in enumerate(clusters):
        if cluster.type == "Place" and slug(cluster.name) == wanted:
            cluster.subtype = cluster.subtype or subtype
            return index
    clusters.append(_Cluster("Place", name, subtype))
    return len(clusters) - 1


def _tidy(relations: list[_LocalRelation]) -> list[_LocalRelation]:
    """One relation per triple (the most confident); participants who spoke or organized are not listed again."""
    best: dict[tuple, _LocalRelation] = {}
    for relation in relations:
        key = relation[:3]
        if key not in best or relation.confidence > best[key].confidence:
            best[key] = relation
    speakers_or_organizers = {r.object for r in best.values() if r.subject == EVENT and r.predicate in ("speaker", "organizer")}
    return [
        r
        for r in best.values()
        if not (r.subject == EVENT and r.predicate == "participant" and r.object in speakers_or_organizers)
    ]


# --- over the corpus ------------------------------------------------------------------------------


@dataclass
class Resolution:
    """The corpus as entities with IRIs and per-article records."""

    entities: dict[str, Entity]
    articles: list[ArticleRecord]


def resolve_corpus(extractions: Sequence[Extraction], lexicon: Lexicon, base_iri: str,
                   local: Sequence[LocalResolution] | None = None) -> Resolution:
    """One entity per corpus-wide identity, and each article's record. `local`: the articles'
    `resolve_article`, when the caller has them already (an update's cache)."""
    if local is None:
        local = [resolve_article(extraction, lexicon) for extraction in extractions]
    locals_ = list(zip(extractions, local, strict=True))
    names = _corpus_names(local for _, local in locals_)
    countries = _countries_served((local for _, local in locals_), lexicon)
    by_occupation = _namesakes_by_occupation(locals_, lexicon)
    entities: dict[str, Entity] = {}
    records = []
    for extraction, local in locals_:
        keys = []
        for index, cluster in enumerate(local.clusters):
            canonical = names.get((cluster.type, _cluster_identity(cluster)), cluster.name)
            key = entity_key(cluster.type, canonical)
            served = countries.get(key)
            if served:
                # namesakes who serve different countries are different people
                key += "--" + slug(_served_by(local, index, lexicon) or served[0])
            elif key in by_occupation and (occupation := _occupation_of(local, index, lexicon, extraction.article.text)):
                # an office-holder and a pianist of one name are two people
                key += "--" + slug(occupation)
            entity = entities.setdefault(key, Entity(cluster.type, canonical, cluster.subtype, iri=mint_iri(base_iri, key)))
            entity.subtype = entity.subtype or cluster.subtype
            entity.articles.add(extraction.article.id)
            entity.aliases.update(clean_name(m.text) for m in cluster.mentions if m.kind != "implied")
            entity.aliases.update(clean_name(m.name) for m in cluster.mentions if m.kind == "name")
            keys.append(key)
        relations = tuple(
            ResolvedRelation(
                extraction.article.id,
                keys[r.subject] if isinstance(r.subject, int) else r.subject,
                r.predicate,
                r.object if r.predicate in LITERAL_RELATIONS else keys[r.object],
                r.method,
                r.confidence,
                r.start,
                r.end,
            )
            for r in local.relations
        )
        occurrences = tuple(
            Occurrence(keys[local.by_mention[m.index]], m.start, m.end, m.text, m.method)
            for m in extraction.mentions
            if m.kind != "implied" and m.index in local.by_mention and m.end > m.start
        )
        records.append(
            ArticleRecord(
                extraction.article,
                extraction.event_kind,
                tuple(dict.fromkeys(keys)),
                relations,
                occurrences,
                extraction.sentences,
            )
        )
    for entity in entities.values():
        entity.aliases = {a for a in entity.aliases if a and _fold(a) != _fold(entity.name)}
    return Resolution(entities, records)


def _served_by(local: LocalResolution, index: int, lexicon: Lexicon) -> str | None:
    """The country a person serves in this article, if exactly one: the sending country of
    their mission, else the one country their organizations are named after ('Chamber of
    Deputies of Romania', 'Ministry of Culture of Peru', 'Chilean Senate')."""
    employers = [
        local.clusters[r.object]
        for r in local.relations
        if r.subject == index and r.predicate == "worksFor" and isinstance(r.object, int)
    ]
    senders = {c.sender for c in employers if c.type == "Embassy" and c.sender}
    if senders:
        return senders.pop() if len(senders) == 1 else None
    named = {country for c in employers if c.type == "Organization" for country in _countries_named(c.name, lexicon)}
    return named.pop() if len(named) == 1 else None


def _occupation_of(local: LocalResolution, index: int, lexicon: Lexicon, text: str = "") -> str | None:
    """A person's occupation in this article where it is all they are said to be ('the pianist X'):
    job titles, every one an occupation of no office (titles.json `occupations`), and no employer;
    or, with no title, an occupation in apposition that gives no title ('X, a master's student at Y')."""
    titles = sorted(str(r.object) for r in local.relations if r.subject == index and r.predicate == "jobTitle")
    employed = any(r.subject == index and r.predicate == "worksFor" for r in local.relations)
    if employed or not all(t in lexicon.occupations for t in titles):
        return None
    if titles:
        return titles[0]
    return _occupation_in_apposition(local.clusters[index], lexicon, text) if text else None


_APPOSITION = re.compile(r"^,\s+(?:a|an)\s+((?:[\w'’-]+\s+){0,3}[\w'’-]+)")


def _occupation_in_apposition(cluster: _Cluster, lexicon: Lexicon, text: str) -> str | None:
    """'Tomas X, a master's student at the university,': the occupation a name's apposition gives,
    where the rules give it no job title (a student holds none)."""
    for mention in cluster.mentions:
        if mention.kind != "name":
            continue
        match = _APPOSITION.match(text[mention.end : mention.end + 80])
        if match is None:
            continue
        for word in match.group(1).split():  # 'a third-year student of', "a master's student at"
            if word in ("of", "at", "in", "from", "for", "with", "and", "who"):
                break
            if word in lexicon.occupations:
                return word
    return None


def _holds_office(local: LocalResolution, index: int, lexicon: Lexicon) -> bool:
    """Whether the article has the person in an office: an employer, or a title that is no mere occupation."""
    return any(
        (r.predicate == "worksFor") or (r.predicate == "jobTitle" and str(r.object) not in lexicon.occupations)
        for r in local.relations if r.subject == index
    )


def _namesakes_by_occupation(locals_: Iterable[tuple[Extraction, LocalResolution]], lexicon: Lexicon) -> set[str]:
    """Person keys that one article has in an office (a deputy minister, an ambassador) and another
    only in an occupation (a pianist, a student): namesakes, kept apart."""
    office: set[str] = set()
    occupation: set[str] = set()
    for extraction, local in locals_:
        for index, cluster in enumerate(local.clusters):
            if cluster.type != "Person":
                continue
            key = entity_key("Person", cluster.name)
            if _occupation_of(local, index, lexicon, extraction.article.text):
                occupation.add(key)
            elif _holds_office(local, index, lexicon):
                office.add(key)
    return office & occupation


@lru_cache(maxsize=1 << 16)  # asked for each employer of each person
def _countries_named(name: str, lexicon: Lexicon) -> frozenset[str]:
    """The countries an organization's name contains, as names or demonyms ('Mexico-Peru
    friendship group' names two, so it says nothing about whom a member serves)."""
    words = re.split(r"[\s\-–/]+", name)
    found = set()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            phrase = " ".join(words[i : i + size])
            country = lexicon.country(phrase) or lexicon.country_of_demonym(phrase)
            if country and (size > 1 or phrase[:1].isupper()):
                found.add(country)
    return frozenset(found)


def _countries_served(locals_: Iterable[LocalResolution], lexicon: Lexicon) -> dict[str, list[str]]:
    """Person keys whose articles have them serving more than one country: key -> the countries,
    the most frequent first (articles that say nothing go with that one)."""
    served: dict[str, Counter] = defaultdict(Counter)
    for local in locals_:
        for index, cluster in enumerate(local.clusters):
            if cluster.type == "Person":
                country = _served_by(local, index, lexicon)
                if country:
                    served[entity_key("Person", cluster.name)][country] += 1
    return {
        key: [country for country, _ in sorted(counter.items(), key=lambda item: (-item[1], item[0]))]
        for key, counter in served.items()
        if len(counter) > 1
    }


def _cluster_identity(cluster: _Cluster) -> str:
    if cluster.type == "HistoricalEvent":
        family, core = historical_core(cluster.name)
        return family + ":" + " ".join(sorted(core))
    return _one_spelling(slug(cluster.name))


# British and American spellings of one name's words: "Ministry of Defence" and "Ministry of
# Defense", "Heydar Aliyev Centre" and "Center" are one organization.
_SPELLINGS = {"defence": "defense", "centre": "center", "organisation": "organization", "programme": "program",
              "labour": "labor", "theatre": "theater", "honour": "honor"}
_SPELLING_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1 << 16)  # a corpus names the same entities again and again
def _one_spelling(slugged: str) -> str:
    return _SPELLING_WORD.sub(lambda m: _SPELLINGS.get(m.group(0), m.group(0)), slugged)


def _corpus_names(locals_: Iterable[LocalResolution]) -> dict[tuple[str, str], str]:
    """The canonical name of each corpus-wide identity: the most common form (the longest on a tie)."""
    forms: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for local in locals_:
        for cluster in local.clusters:
            counter = forms[(cluster.type, _cluster_identity(cluster))]
            if cluster.type == "HistoricalEvent":
                counter.update(clean_name(m.name) for m in cluster.mentions)
            else:
                counter[cluster.name] += 1
    return {key: max(counter.items(), key=lambda item: (item[1], len(item[0]), item[0]))[0] for key, counter in forms.items()}


@lru_cache(maxsize=1 << 16)
def clean_name(text: str) -> str:
    """A surface form as a name: no quotes, no leading 'the', no trailing '!' or possessive."""
    text = text.strip().strip("\"'“”‘’«»„").strip()
    text = re.sub(r"^(?:the|The)\s+", "", text)
    text = re.sub(r"['’]s$", "", text).rstrip("!").strip()
    return re.sub(r"\s+", " ", text)


@lru_cache(maxsize=1 << 16)
def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if not unicodedata.combining(c)).lower().strip()
