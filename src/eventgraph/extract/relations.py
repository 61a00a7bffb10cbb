"""Relations from syntax: titles and employers, speakers, organizers, screenings, sources.

Everything here reads a parsed Doc plus the mentions found by entities.py and
returns plain `Relation` records (and the few `Mention`s that relations imply,
such as the mission of "Ambassador of X to Y"). Pronouns and role nouns ("he",
"the ambassador") are tied to a named person here, where the syntax is at hand.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import Iterator

from spacy.tokens import Doc, Span, Token

from ..corpus import Article, parse_date
from ..records import ARTICLE, EVENT, Mention, Relation
from .entities import DASH_DATELINE, MASTHEAD, MINISTRY_FIELDS, STOP_DATELINE, doc_text, is_portfolio_comma
from .lexicon import ATROCITY_WORDS, Lexicon

_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ANNIVERSARY = re.compile(
    r"\b(?:(\d{1,3})(?:st|nd|rd|th)|(" + "|".join(_ORDINAL_WORDS) + r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)))\s+anniversary",
    re.I,
)
# "the massacre, committed 29 years ago", "30 years have passed since the tragedy"
_YEARS_SINCE = re.compile(r"\b(\d{1,3})\s+years\s+(?:ago|(?:have\s+|had\s+)?passed\s+since)\b", re.I)
_DAY_MONTH = re.compile(
    r"(?:(?P<m1>[A-Z][a-z]{2,8})\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?|(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>[A-Z][a-z]{2,8})\.?)(?:,?\s+(?P<y>\d{4}))?"
)


_AD_INTERIM = frozenset({"a.i.", "a.i", "a/i"})
_STATE_FORMS = {"republic", "kingdom", "state", "federation", "emirate", "sultanate", "principality", "commonwealth"}


@dataclass
class _Context:
    """What the relation rules share while reading one doc."""

    doc: Doc
    article: Article
    lexicon: Lexicon
    mentions: list[Mention]
    text: str = ""  # doc.text, joined once: spaCy joins every token each time it is asked
    sentences: list[Span] = field(default_factory=list)  # doc.sents, listed once: each pass over it walks the doc
    by_token: dict[int, Mention] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    # the doc's tokens, made once: every doc[i] and every pass over the doc or a sentence makes
    # new Token objects, and the rules pass over it some twenty times
    tokens: list[Token] = field(default_factory=list)

    def tokens_in(self, span: Span) -> list[Token]:
        return self.tokens[span.start : span.end]

    def mention_at(self, token: Token) -> Mention | None:
        return self.by_token.get(token.i)

    def add(self, subject, predicate, obj, method: str, confidence: float, where: Span | Token) -> None:
        sentence = where.sent
        self.relations.append(Relation(subject, predicate, obj, method, confidence, sentence.start_char, sentence.end_char))

    def new_mention(self, **fields) -> Mention:
        mention = Mention(index=len(self.mentions), **fields)
        self.mentions.append(mention)
        return mention


def find_relations(doc: Doc, mentions: list[Mention], article: Article, lexicon: Lexicon) -> tuple[list[Mention], list[Relation]]:
    """All relations in the doc; returns the mentions (with implied ones added) and the relations."""
    ctx = _Context(doc, article, lexicon, list(mentions), doc_text(doc), list(doc.sents), tokens=list(doc))
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        for token in span:
            ctx.by_token.setdefault(token.i, mention)
    _titles(ctx)
    _post_nominal_seats(ctx)
    _directed_by(ctx)
    _titles_before_titled_appositions(ctx)
    _worked_for(ctx)
    _affiliation_in_brackets(ctx)
    _title_then_body(ctx)
    _spoke_on_behalf_of(ctx)
    _representing_a_body(ctx)
    _plural_titles(ctx)
    _titles_respectively(ctx)
    _speakers(ctx)
    _heard_by_the_event(ctx)
    _organizers_and_locations(ctx)
    _organizers_in_relative_clauses(ctx)
    _organized_by_after_the_event(ctx)
    _organizations_opening_events(ctx)
    _filled_for_the_event(ctx)
    _our_body_organizes(ctx)
    _dateline_city(ctx)
    _participants(ctx)
    _present_among(ctx)
    _present_by_pattern(ctx)
    _performers(ctx)
    _assistants(ctx)
    _showed_the_guests(ctx)
    _came_for_the_event(ctx)
    _films_and_campaigns(ctx)
    _producers_named(ctx)
    _commemoration(ctx)
    _the_atrocity_commemorated(ctx)
    _years_to_the_day(ctx)
    _event_date(ctx)
    _sources(ctx)
    return ctx.mentions, _dedupe(ctx.relations)


def _dedupe(relations: list[Relation]) -> list[Relation]:
    best: dict[tuple, Relation] = {}
    for relation in relations:
        key = (relation.subject, relation.predicate, relation.object)
        if key not in best or relation.confidence > best[key].confidence:
            best[key] = relation
    return list(best.values())


# --- titles and employers --------------------------------------------------------------------


@dataclass
class _TitleUnit:
    """'former Vice-President of the Foundation': one title and what it is a title of."""

    start: int
    end: int
    title: str
    former: bool = False
    demonym_country: str | None = None
    of_target: Mention | None = None
    to_target: Mention | None = None
    phrase: str = ""


def _titles(ctx: _Context) -> None:
    doc = ctx.doc
    titles = {span.start: span for span in doc.spans.get("eg_titles", [])}
    persons = [m for m in ctx.mentions if m.type == "Person"]
    for person in persons:
        span = doc.char_span(person.start, person.end, alignment_mode="expand")
        units = _units_before(ctx, span, titles) + _units_after(ctx, span, titles)
        # "Permanent Representative of X to Y, Ambassador NAME": the bare title is of the same mission
        explicit = any(_is_diplomatic(ctx, u) and _has_target(u) for u in units)
        for unit in units:
            _relations_of_unit(ctx, person, unit, span, imply_mission=not explicit or _has_target(unit))
        body = _body_after_name(ctx, span)
        if body is not None:
            ctx.add(person.index, "worksFor", body.index, "rule:name-of-organization", 0.7, span)
        member_of = _body_before_lower_title(ctx, span)
        if member_of is not None:
            ctx.add(person.index, "worksFor", member_of.index, "rule:body-title-name", 0.7, span)
        led = _body_led_by(ctx, span)
        if led is not None:
            ctx.add(person.index, "worksFor", led.index, "rule:who-chairs", 0.7, span)
            office = _office_of_verb(ctx, span)
            if office and not any(r.subject == person.index and r.predicate == "jobTitle" for r in ctx.relations):
                ctx.add(person.index, "jobTitle", office, "rule:who-chairs", 0.65, span)  # 'who chairs X': the chair


_POST_NOMINAL_SEATS = frozenset({"MP", "MEP", "MSP", "MLA", "MNA", "MHA"})


def _post_nominal_seats(ctx: _Context) -> None:
    """'the Hon. NAME MP': the letters of a seat right after a person's name are a title."""
    for mention in ctx.mentions:
        if mention.type != "Person" or mention.kind != "name":
            continue
        span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and span.end < len(ctx.doc) and ctx.doc[span.end].text in _POST_NOMINAL_SEATS:
            ctx.add(mention.index, "jobTitle", ctx.doc[span.end].lower_, "rule:post-nominal-seat", 0.8, ctx.doc[span.end : span.end + 1])


def _directed_by(ctx: _Context) -> None:
    """'The film, directed by NAME and produced by X': the film's director ('the director told the
    audience' is then that person)."""
    for token in ctx.tokens:
        if token.pos_ != "VERB" or token.lemma_.lower() != "direct":
            continue
        work = token.head if token.dep_ == "acl" else next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        mention = ctx.mention_at(work) if work is not None else None
        if work is None or not (work._.eg_film_word or mention is not None and mention.type == "Film"):
            continue
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        if agent is None:
            continue
        for person in [m for m in _objects_of(ctx, agent) if _is_named_person(ctx, m) and m.kind != "implied"][:1]:
            if not any(r.subject == person.index and r.predicate == "jobTitle" for r in ctx.relations):
                ctx.add(person.index, "jobTitle", "director", "rule:film-directed-by", 0.7, token)


def _titles_before_titled_appositions(ctx: _Context) -> None:
    """'Peru's honorary consul in Odense, the shipping businessman NAME, said': a title unit
    opening the clause, then a comma and a titled name, is that name's too."""
    doc = ctx.doc
    titles = {span.start: span for span in doc.spans.get("eg_titles", [])}
    for person in [m for m in ctx.mentions if m.type == "Person" and m.kind == "name"]:
        span = doc.char_span(person.start, person.end, alignment_mode="expand")
        sentence_start = _clause_start(span)
        inner = _unit_ending_at(ctx, span.start, titles, sentence_start)
        if inner is None:
            continue
        k = inner.start
        while k > sentence_start and k > inner.start - 3 and (doc[k - 1].is_lower and doc[k - 1].is_alpha):
            k -= 1  # 'the shipping businessman': the article and the words before the title
        if k - 1 <= sentence_start or doc[k - 1].text != ",":
            continue
        outer = _unit_ending_at(ctx, k - 1, titles, sentence_start)
        if outer is None or outer.start != sentence_start or not _has_target(outer):
            continue
        _relations_of_unit(ctx, person, outer, span)


def _worked_for(ctx: _Context) -> None:
    """'X, who worked in Baku for the newspaper Y', 'X works for the Y Foundation': employment."""
    doc = ctx.doc
    for token in ctx.tokens:
        if token.lemma_.lower() != "work" or token.pos_ != "VERB":
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        person = ctx.mention_at(subject)
        if subject.lower_ == "who" and token.dep_ == "relcl" and subject.i >= 2 and doc[subject.i - 1].text == ",":
            person = ctx.mention_at(doc[subject.i - 2])
        if person is None or person.type != "Person" or person.kind == "implied":
            continue
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "for"):
            employers = _objects_of(ctx, prep)
            noun = next((c for c in prep.children if c.dep_ == "pobj" and c.is_lower), None)
            if not employers and noun is not None and noun.i + 1 < len(doc) and ctx.mention_at(doc[noun.i + 1]) is not None:
                employers = [ctx.mention_at(doc[noun.i + 1])]  # 'for the newspaper Y': the name after its kind
            for employer in employers:
                if employer.type in ("Organization", "Embassy"):
                    ctx.add(person.index, "worksFor", employer.index, "rule:worked-for", 0.7, token)


_BRACKET_OPEN = re.compile(r"[ \t]*\([ \t]*")
_BRACKET_CLOSE = re.compile(r"[ \t]*(?:,[ \t]*[A-Z][^()\n,]{0,40})?\)")


_TITLE_BETWEEN_COMMAS = re.compile(r"[ \t]*,[ \t]*(?P<title>[A-Za-z][\w'-]*(?:[ \t]+[\w'-]+){0,3}?)[ \t]*,[ \t]*(?:the[ \t]+)?")


def _title_then_body(ctx: _Context) -> None:
    """'Dr. NAME, Lecturer, Baku State University' (a list of speakers): a title between commas after
    a person's name and a body right after it, at the end of the line or sentence, give the body the
    person works for ('NAME, 45, X University' is no title)."""
    starts = {m.start: m for m in ctx.mentions if m.type in ("Organization", "Embassy") and m.kind == "name"}
    for person in [m for m in ctx.mentions if m.type == "Person" and m.kind != "implied"]:
        match = _TITLE_BETWEEN_COMMAS.match(ctx.text, person.end)
        if match is None or match.group("title").lower() not in ctx.lexicon.titles:
            continue
        body = starts.get(match.end())
        if body is None or not re.match(r"[ \t]*(?:[.;]|\n|$)", ctx.text[body.end : body.end + 2]):
            continue
        where = ctx.doc.char_span(person.start, body.end, alignment_mode="expand")
        if where is not None:
            ctx.add(person.index, "worksFor", body.index, "rule:title-then-body", 0.65, where)


def _affiliation_in_brackets(ctx: _Context) -> None:
    """'Papers were presented by Dr. NAME (X University) and Prof. NAME (Y Institute, Baku)': a body in
    brackets right after a person's name, alone or with its city, is the person's affiliation."""
    starts = {m.start: m for m in ctx.mentions if m.type in ("Organization", "Embassy") and m.kind == "name"}
    for person in [m for m in ctx.mentions if m.type == "Person" and m.kind != "implied"]:
        opening = _BRACKET_OPEN.match(ctx.text, person.end)
        if opening is None or "(" not in opening.group(0):
            continue
        body = starts.get(opening.end())
        if body is None or _BRACKET_CLOSE.match(ctx.text, body.end) is None:
            continue
        where = ctx.doc.char_span(person.start, body.end, alignment_mode="expand")
        if where is not None:
            ctx.add(person.index, "worksFor", body.index, "rule:affiliation-in-brackets", 0.65, where)


def _spoke_on_behalf_of(ctx: _Context) -> None:
    """'councillor NAME, who spoke on behalf of the X Council', 'Speaking on behalf of the Y
    Ministry, NAME thanked ...': one who speaks for a body belongs to it."""
    doc = ctx.doc
    for token in ctx.tokens:
        if token.lower_ != "behalf" or token.head.lower_ != "on" or not _is_speech(ctx, token.head.head):
            continue
        bodies = [m for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for m in _objects_of(ctx, c)
                  if m.type in ("Organization", "Embassy")]
        verb = token.head.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and verb.dep_ == "advcl":
            subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            continue
        person = ctx.mention_at(subject)
        if subject.lower_ == "who" and verb.dep_ == "relcl" and subject.i >= 2 and doc[subject.i - 1].text == ",":
            person = ctx.mention_at(doc[subject.i - 2])
        if not _is_named_person(ctx, person) or person.kind == "implied":
            continue
        for body in bodies:
            ctx.add(person.index, "worksFor", body.index, "rule:spoke-on-behalf-of", 0.65, token)


def _representing_a_body(ctx: _Context) -> None:
    """'Councillor NAME, representing the X City Council, said', 'Representing the Y Ministry, NAME
    said', 'NAME, who was representing the Z': one who represents a body at the event belongs to it."""
    for token in ctx.tokens:
        if token.lower_ != "representing" or token.dep_ not in ("acl", "advcl", "relcl"):
            continue
        bodies = [m for c in token.children if c.dep_ == "dobj" for m in _heads(ctx, c) if m.type in ("Organization", "Embassy")]
        person = _representative(ctx, token)
        if not bodies or not _is_named_person(ctx, person) or person.kind == "implied":
            continue
        for body in bodies:
            ctx.add(person.index, "worksFor", body.index, "rule:representing-a-body", 0.65, token)


def _representative(ctx: _Context, verb: Token) -> Mention | None:
    """Who 'representing' is said of: the name it follows (its head), the main clause's subject when it
    opens the sentence, the name before 'who'."""
    if verb.dep_ == "acl":
        return ctx.mention_at(verb.head)
    if verb.dep_ == "relcl":
        return ctx.mention_at(verb.head) if any(c.lower_ == "who" for c in verb.children) else None
    subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return ctx.mention_at(subject) if subject is not None and verb.i < subject.i else None


def _titles_respectively(ctx: _Context) -> None:
    """'A and B, the chief curator and a senior researcher of the X Museum respectively': the listed
    titles go to the listed names in their order, and the body after them is each one's; the title
    apposition rules would give the whole list to the name nearest it."""
    for token in ctx.tokens:
        if token.lower_ != "respectively":
            continue
        sentence = token.sent
        titles = _touching_titles_joined(ctx.doc, [t for t in ctx.doc.spans.get("eg_titles", []) if sentence.start <= t.start and t.end <= token.i])
        if len(titles) < 2:
            continue
        people = _listed_people_before(ctx, titles[0].start)
        if len(people) != len(titles):
            continue
        body = ctx.mention_at(ctx.doc[token.i - 1])
        ctx.relations[:] = [r for r in ctx.relations if not (
            r.subject in {p.index for p in people} and r.predicate in ("jobTitle", "worksFor")
            and r.start == sentence.start_char)]
        for person, title in zip(people, titles):
            ctx.add(person.index, "jobTitle", _title_with_modifiers(ctx, title), "rule:titles-respectively", 0.85, sentence)
            if body is not None and body.type in ("Organization", "Embassy"):
                ctx.add(person.index, "worksFor", body.index, "rule:titles-respectively", 0.8, sentence)


def _touching_titles_joined(doc: Doc, titles: list[Span]) -> list[Span]:
    """'chief' and 'curator' marked apart are one title, 'chief curator'."""
    joined: list[Span] = []
    for title in sorted(titles, key=lambda t: t.start):
        if joined and title.start <= joined[-1].end:
            joined[-1] = doc[joined[-1].start : max(title.end, joined[-1].end)]
        else:
            joined.append(title)
    return joined


def _listed_people_before(ctx: _Context, start: int) -> list[Mention]:
    """The persons listed right before ', the TITLE ...' at `start`: 'A, B and C', left to right."""
    doc = ctx.doc
    i = start - 1
    while i >= 0 and (doc[i].lower_ in ("the", "a", "an") or doc[i].lower_ in ctx.lexicon.title_modifiers):
        i -= 1
    if i < 0 or doc[i].text != ",":
        return []
    people: list[Mention] = []
    i -= 1
    while i >= 0:
        mention = ctx.mention_at(doc[i])
        if mention is None or mention.type != "Person":
            break
        people.insert(0, mention)
        i = _mention_start(ctx, mention) - 1
        if i < 0 or doc[i].lower_ not in (",", "and"):
            break
        i -= 1
    return people


def _title_with_modifiers(ctx: _Context, title: Span) -> str:
    """'chief curator', 'senior researcher': the title with the modifiers right before it."""
    start = title.start
    while start > 0 and ctx.doc[start - 1].lower_ in ctx.lexicon.title_modifiers:
        start -= 1
    return ctx.doc[start : title.end].text.lower()


def _body_before_lower_title(ctx: _Context, name: Span) -> Mention | None:
    """'Swiss National Council member NAME', 'Bundestag deputy NAME': an organization named right
    before a lower-case title that stands right before the name (the singular of _plural_titles)."""
    doc = ctx.doc
    i = name.start - 1
    while i >= 0 and doc[i]._.eg_title and doc[i].is_lower:
        i -= 1
    if i == name.start - 1 or i < 0:
        return None
    body = ctx.mention_at(doc[i])
    if body is None or body.type != "Organization" or _mention_end(ctx, body) != i + 1:
        return None
    return body


def _plural_titles(ctx: _Context) -> None:
    """'Bundestag members A and B', 'members of the X group A and B': the title, singular, and the
    body it names are each listed person's."""
    doc = ctx.doc
    for token in ctx.tokens:
        singular = token.lower_[:-1] if token.lower_.endswith("s") else None
        if not singular or singular not in ctx.lexicon.titles or token.i + 1 >= len(doc):
            continue
        body = ctx.mention_at(doc[token.i - 1]) if token.i > 0 else None
        i = token.i + 1
        if doc[i].lower_ == "of":  # "members of the X group A and B"
            j = i + 2 if i + 1 < len(doc) and doc[i + 1].lower_ == "the" else i + 1
            body = ctx.mention_at(doc[j]) if j < len(doc) else None
            i = _mention_end(ctx, body) if body is not None else i
        if body is None or body.type not in ("Organization", "Embassy"):
            continue
        people = []
        while i < len(doc):
            person = ctx.mention_at(doc[i])
            if person is None or person.type != "Person" or _mention_start(ctx, person) != i:
                break
            people.append(person)
            i = _mention_end(ctx, person)
            if i < len(doc) and doc[i].lower_ in (",", "and"):
                i += 2 if i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ == "and" else 1
        if len(people) < 2:
            continue
        for person in people:
            where = doc[token.i : i]
            ctx.add(person.index, "jobTitle", singular, "rule:plural-title", 0.8, where)
            ctx.add(person.index, "worksFor", body.index, "rule:plural-title", 0.8, where)


def _body_after_name(ctx: _Context, name: Span) -> Mention | None:
    """'Professor Lena Ortiz of the University of Leon': the organization right after a name."""
    doc = ctx.doc
    i = name.end
    if i >= name.sent.end or doc[i].lower_ not in ("of", "from"):
        return None
    i += 1
    if i < len(doc) and doc[i].lower_ == "the":
        i += 1
    body = ctx.mention_at(doc[i]) if i < len(doc) else None
    if body is not None and body.type in ("Organization", "Embassy") and _mention_start(ctx, body) == i:
        return body
    return None


def _body_led_by(ctx: _Context, name: Span) -> Mention | None:
    """'NAME, who chairs the X group, said': the organization the person chairs, heads or leads."""
    doc = ctx.doc
    i = name.end
    if i + 2 >= name.sent.end or doc[i].text != "," or doc[i + 1].lower_ != "who":
        return None
    verb = doc[i + 2]
    if verb.lemma_.lower() not in ctx.lexicon.cues.office_verbs:
        return None
    for child in verb.children:
        if child.dep_ == "dobj":
            body = next((m for m in _mentions_under(ctx, child) if m.type in ("Organization", "Embassy")), None)
            if body is not None:
                return body
    return None


def _office_of_verb(ctx: _Context, name: Span) -> str | None:
    """'NAME, who chairs X' -> 'chair', 'who heads X' -> 'head': the verb's lemma where it is a title itself."""
    verb = ctx.doc[name.end + 2]
    lemma = verb.lemma_.lower()
    return lemma if lemma in ctx.lexicon.titles else None


def _units_before(ctx: _Context, person: Span, titles: dict[int, Span]) -> list[_TitleUnit]:
    """Title units right before a name, right to left: 'researcher at X and Professor of Y NAME'."""
    doc = ctx.doc
    units: list[_TitleUnit] = []
    end = person.start
    sentence_start = _clause_start(person)
    end = _before_honorifics(ctx, end, sentence_start)  # "the church's rector Father NAME", "Ambassador H.E. Mr NAME"
    if end - 2 >= sentence_start and doc[end - 1].lower_ == "and" and doc[end - 2].text == ";":
        return units  # "A, professor of X; and NAME": the list's last item, whose title follows it
    while end > sentence_start:
        unit = _unit_ending_at(ctx, end, titles, sentence_start)
        if unit is None:
            break
        units.append(unit)
        before = unit.start - 1
        if before >= sentence_start and doc[before].lower_ in ("and", ","):
            name_before = ctx.mention_at(doc[before - 1]) if before - 1 >= sentence_start else None
            if name_before is not None and name_before.type == "Person" and doc[before].text == ",":
                break  # "NAME1, UNIT NAME2, ...": a title right before a name is that name's
            if _follows_apposition(ctx, before, titles, sentence_start):
                break  # "NAME1, UNIT, UNIT NAME2": the earlier unit is NAME1's
            end = before
            continue
        if _unit_ending_at(ctx, unit.start, titles, sentence_start) is not None:
            end = unit.start  # "rector of X University Professor NAME": stacked titles, no comma
            continue
        # "given by national leader of the people, NAME": a unit may stand before a comma
        break
    if not units:
        comma = _before_honorifics(ctx, person.start, sentence_start) - 1
        if comma > sentence_start and doc[comma].text == ",":
            unit = _unit_ending_at(ctx, comma, titles, sentence_start) or _unit_before_relative_clause(ctx, comma, titles, sentence_start)
            # ('were Azerbaijan's chargé d'affaires, NAME; Latvia's deputy minister, NAME2': a list item's title;
            # 'A weaver, NAME, shows visitors ...': an indefinite title before the name too)
            if unit and (unit.start == sentence_start or doc[unit.start - 1].lower_ in ("by", "of", "to", "with", "from", "the", "a", "an", "'s", "’s", "our", "its", "their", ";", "were", "was")
                         or doc[unit.start - 1].lower_ == "and" and unit.start >= 2 and doc[unit.start - 2].text == ";"):
                units.append(unit)
    _share_coordinated_targets(units)
    return units


_RELATIVE_PRONOUNS = frozenset({"who", "whom"})


def _unit_before_relative_clause(ctx: _Context, comma: int, titles: dict[int, Span], sentence_start: int) -> _TitleUnit | None:
    """'the Ambassador of X to Y, who is also accredited to Z, NAME', 'the consul who hosted the
    evening, NAME': a title, a relative clause about its holder, then the holder's name. The clause
    names no person and holds no comma of its own."""
    doc = ctx.doc
    for who in range(comma - 2, max(sentence_start, comma - 16), -1):
        if doc[who].text == "," and (who == 0 or doc[who - 1].lower_ not in _RELATIVE_PRONOUNS):
            if not any(doc[k].lower_ in _RELATIVE_PRONOUNS for k in range(who + 1, comma)):
                return None  # another comma before any 'who': no relative clause right before the name
        if doc[who].lower_ not in _RELATIVE_PRONOUNS:
            continue
        if any(_is_named_person(ctx, ctx.mention_at(doc[k])) for k in range(who + 1, comma)):
            return None
        if any(doc[k].text == "," for k in range(who + 1, comma)):
            return None
        last = doc[comma - 1]
        if last.is_title and ctx.mention_at(last) is None:
            return None  # "the ambassador, who spoke of Ana Ruiz, Rosa Diaz and ...": a list of names, not one
        end = who - 1 if doc[who - 1].text == "," else who
        return _unit_ending_at(ctx, end, titles, sentence_start) if end > sentence_start else None
    return None


def _before_honorifics(ctx: _Context, end: int, stop: int) -> int:
    """Token index before the honorifics that stand right before `end` ('Father', 'H.E. Mr')."""
    honorifics = ctx.lexicon.cues.honorifics
    start = end
    while end > stop and (ctx.doc[end - 1].lower_ in honorifics or ctx.doc[end - 1].lower_.rstrip(".") in honorifics):
        end -= 1
    if end < start and end > stop and ctx.doc[end - 1].lower_ == "the":
        end -= 1  # "our chaplain, the Rev. NAME"
    return end


def _clause_start(span: Span) -> int:
    """The sentence start, moved back over sentence breaks the parser put where no punctuation is."""
    doc = span.doc
    start = span.sent.start
    while start > 0 and not (doc[start - 1].is_punct or doc[start - 1].is_space or "\n" in doc[start - 1].whitespace_):
        start = doc[start - 1].sent.start
    return start


def _follows_apposition(ctx: _Context, i: int, titles, sentence_start: int) -> bool:
    """Whether the title unit ending before separator i directly follows 'NAME,'."""
    unit = _unit_ending_at(ctx, i, titles, sentence_start)
    if unit is None:
        return False
    comma = unit.start - 1
    if comma - 1 < sentence_start or ctx.doc[comma].text != ",":
        return False
    mention = ctx.mention_at(ctx.doc[comma - 1])
    return mention is not None and mention.type == "Person"


def _unit_ending_at(ctx: _Context, end: int, titles: dict[int, Span], sentence_start: int) -> _TitleUnit | None:
    """The longest title unit that ends right before token `end`, if any."""
    for start in range(max(sentence_start, end - 25), end):
        unit = _parse_unit(ctx, start, end, titles)
        if unit is not None:
            return unit
    return None


def _parse_unit(ctx: _Context, start: int, end: int, titles: dict[int, Span]) -> _TitleUnit | None:
    """Parse doc[start:end] as [DEMONYM] [ORG 's] [former] TITLE [of|at|to|in [the] TARGET]..."""
    doc, lexicon = ctx.doc, ctx.lexicon
    if any(k in titles and _title_of_the_name(ctx, titles[k]) for k in range(start + 1, end)):
        return None  # "Minister of Culture Sheikh NAME": two units, the office and the name's own title
    i = start
    unit_former = False
    demonym_country = None
    possessor = None
    while i < end and doc[i]._.eg_demonym and not doc[i]._.eg_title:
        demonym_country = lexicon.country_of_demonym(doc[i].text) or demonym_country
        i += 1
    mention = ctx.mention_at(doc[i]) if i < end else None
    if mention is not None and mention.type == "Place" and _mention_start(ctx, mention) == i and ctx.lexicon.country(mention.name):
        j = _mention_end(ctx, mention)
        if j < end and doc[j].text in ("'s", "’s"):
            demonym_country = ctx.lexicon.country(mention.name)  # "Azerbaijan's ambassador to Kenya"
            i = j + 1
            mention = ctx.mention_at(doc[i]) if i < end else None
    if mention is not None and mention.type in ("Organization", "Embassy") and _mention_start(ctx, mention) == i:
        j = _mention_end(ctx, mention)
        if j < end and doc[j].text in ("'s", "’s"):
            possessor = mention
            i = j + 1
        elif j < end and _past_modifiers(ctx, j, end) in titles and (start == 0 or doc[start - 1].lower_ not in ("of", "the", "at", "to", "for", "in")
                                                                    or _opens_sentence_with_the(doc, start)):
            possessor = mention  # "Bundestag member NAME", "The UNESCO Director-General, NAME": the body names the title's organization
            i = j
    modifiers_start = None
    while i < end and i not in titles and (
        doc[i].lower_.rstrip("-") in ctx.lexicon.cues.former | ctx.lexicon.title_modifiers
        or (doc[i].text == "-" and i > start and doc[i - 1].lower_ in ctx.lexicon.title_modifiers)  # "Vice-Minister"
    ):
        if doc[i].lower_.rstrip("-") in ctx.lexicon.cues.former:
            unit_former = True
        elif modifiers_start is None:
            modifiers_start = i  # "Deputy" in "Deputy Minister" is part of the title
        i += 1
    if i not in titles:
        return None
    title_end = titles[i].end
    while title_end in titles and title_end < end and not _title_of_the_name(ctx, titles[title_end]) \
            and not _rank_after_an_office(doc[i:title_end], titles[title_end], end):  # "Deputy" + "Minister of Foreign Affairs"
        title_end = titles[title_end].end
    if title_end > end:
        return None
    title = doc[i:title_end]
    title_text = doc[modifiers_start if modifiers_start is not None else title.start : title.end].text.lower()
    unit = _TitleUnit(start=start, end=end, title=title_text, former=unit_former, demonym_country=demonym_country, of_target=possessor)
    i = title.end
    if i < end and doc[i].lower_ in _AD_INTERIM:
        i += 1  # "chargé d'affaires a.i.": ad interim says for how long, not of what
        if i < end and doc[i].text == ".":
            i += 1
    phrase_tokens = [title_text]
    while i < end:
        word = doc[i].lower_
        if word not in ("of", "at", "to", "in", "for"):
            return None
        j = i + 1
        if j < end and doc[j].lower_ == "the":
            j += 1
        if j + 1 < end and doc[j].lower_ in _STATE_FORMS and doc[j + 1].lower_ == "of" and ctx.mention_at(doc[j]) is None:
            j += 2  # "to the Republic of Belarus": the country
            if j < end and doc[j].lower_ == "the":
                j += 1
        target = ctx.mention_at(doc[j]) if j < end else None
        if word == "for" and title_text.split()[-1] in _SEAT_TITLES and (target is None or target.type == "Place") \
                and not any(doc[k].text in (",", ";") for k in range(j, end)):
            if any(doc[k].lower_ == "and" and (k + 1 in titles or k + 2 in titles and doc[k + 1].lower_ in ("the", "a")) for k in range(j, min(end, len(doc) - 1))):
                return None  # "Member of Parliament for X and chair of Y": two units
            break  # "Deputy for District 7", "Member of Parliament for Ottawa Centre": the seat, no part of the title
        if target is not None and target.type == "Person" and not _is_named_person(ctx, target):
            target = None  # 'head of the Caucasus department': a word the model took for a surname
        if word == "of" and target is not None and target.type == "Place" and _mention_start(ctx, target) == j \
                and (body := _the_one_body_of_its_kind(ctx, j, end)) is not None:
            if unit.of_target is None:
                unit.of_target = body  # "deputy director of the Baku museum": the article's one museum
            phrase_tokens.append(doc[i:end].text.lower().rstrip(" ,;:"))
            i = end
            continue
        if target is not None and _mention_start(ctx, target) == j and _mention_end(ctx, target) <= end:
            if word == "to" or (word == "in" and target.type == "Place"):
                unit.to_target = target
            elif unit.of_target is None:
                unit.of_target = target
            i = _mention_end(ctx, target)
            i = _also_accredited(ctx, i, end) if word == "to" and target.type == "Place" else i
            continue
        # a plain complement ('head of the Azerbaijani diaspora in Egypt'): part of the title
        if any(_is_named_person(ctx, ctx.mention_at(doc[k])) for k in range(j, end)):
            return None
        if any(doc[k].text == "," and not is_portfolio_comma(doc, k, lexicon) for k in range(j, end)):
            return None  # "attache of the embassy, Colonel NAME": a comma ends the complement; two units
        if any(doc[k].text == ";" or "\n" in doc[k].text or "\n" in doc[k].whitespace_ for k in range(j, end)):
            return None  # "- A, chaplain of X;\n- NAME": a semicolon or a line's end closes the complement
        if any(doc[k].lower_ == "and" and (k + 1 in titles or k + 2 in titles and doc[k + 1].lower_ in ("the", "a")) for k in range(j, min(end, len(doc) - 1))):
            return None  # "Member of Parliament for X and chair of Y": 'and' before a title ends the complement; two units

        if unit.of_target is None:
            # 'Chairman of the Board of the Center for X': the organization inside the complement
            unit.of_target = next(
                (m for k in range(j, end) if (m := ctx.mention_at(doc[k])) and m.type in ("Organization", "Embassy")
                 and _mention_end(ctx, m) <= end),
                None,
            )
        if unit.of_target is None and word == "of":
            unit.of_target = _the_one_body_of_its_kind(ctx, j, end)
        phrase_tokens.append(doc[i:end].text.lower().rstrip(" ,;:"))
        i = end
    unit.phrase = " ".join(phrase_tokens)
    return unit


def _the_one_body_of_its_kind(ctx: _Context, start: int, end: int) -> Mention | None:
    """'deputy director of the Baku museum': a complement that is only a common noun of a body's kind
    (a place before it at most) names the article's one organization whose name has that word
    ('the Azerbaijan State Museum of Carpet and Applied Art'); none where two have it."""
    doc = ctx.doc
    words = [t for t in doc[start:end] if not t.is_punct]
    if not words or not (words[-1].is_lower and words[-1].pos_ in ("NOUN", "PROPN") and (words[-1]._.eg_org_head or words[-1]._.eg_venue_head)):
        return None
    if any(ctx.mention_at(t) is None or ctx.mention_at(t).type != "Place" for t in words[:-1]):
        return None
    kind = words[-1].text.title()
    bodies = {m.name for m in ctx.mentions if m.type == "Organization" and m.kind == "name" and kind in m.name.split()}
    if len(bodies) != 1:
        return None
    name = bodies.pop()
    return next(m for m in ctx.mentions if m.type == "Organization" and m.kind == "name" and m.name == name)


def _rank_after_an_office(office: Span, title: Span, name_start: int) -> bool:
    """'Military attaché Colonel NAME', 'Head of Mission Ambassador NAME': a one-word title right before
    the name after an office of two words or more is the name's second title (a rank, a diplomatic
    rank), stacked without a comma; a one-word office ('Deputy' + 'Minister') still joins the next."""
    return len(office) >= 2 and len(title) == 1 and title.end == name_start and title[0].is_title


def _title_of_the_name(ctx: _Context, title: Span) -> bool:
    """'Deputy Minister of Foreign Affairs Sheikh NAME': a title word that is also a family name
    (resources/family_names.json title_surnames), right before a capitalized name, is the name's own
    title, a second one, not a word of the office before it."""
    doc = ctx.doc
    return len(title) == 1 and title.text in ctx.lexicon.title_surnames and title.end < len(doc) \
        and doc[title.end].text[:1].isupper() and doc[title.end].is_alpha


def _past_modifiers(ctx: _Context, i: int, end: int) -> int:
    """Where the title proper starts after its modifiers ('Assistant' in 'Assistant Secretary General')."""
    while i < end and ctx.doc[i].lower_ in ctx.lexicon.title_modifiers:
        i += 1
    return i


def _opens_sentence_with_the(doc: Doc, start: int) -> bool:
    """'The UNESCO Director-General, NAME, said': only 'The' stands before `start`, at the sentence's start."""
    return start >= 1 and doc[start - 1].lower_ == "the" and doc[start - 1].is_sent_start


def _also_accredited(ctx: _Context, i: int, end: int) -> int:
    """'Ambassador of X to Argentina and Uruguay': past the second country an envoy is accredited
    to (the mission is in the first)."""
    doc = ctx.doc
    if i + 1 < end and doc[i].lower_ == "and":
        other = ctx.mention_at(doc[i + 1])
        if other is not None and other.type == "Place" and _mention_start(ctx, other) == i + 1 and _mention_end(ctx, other) <= end \
                and ctx.lexicon.country(other.name):
            return _mention_end(ctx, other)
    return i


def _is_named_person(ctx: _Context, mention: Mention | None) -> bool:
    """A person's mention, but not a lone word the model called a surname that no full name ends with
    ('head of the Caucasus department')."""
    if mention is None or mention.type != "Person":
        return False
    if mention.kind != "surname":
        return True
    return any(m.type == "Person" and m.kind == "name" and m.name.split()[-1] == mention.text for m in ctx.mentions)


def _units_after(ctx: _Context, person: Span, titles: dict[int, Span]) -> list[_TitleUnit]:
    """'NAME, Chairman of the friendship group, ...': one appositive unit after the name."""
    doc = ctx.doc
    comma = person.end
    if comma + 1 < person.sent.end and doc[comma].text in _POST_NOMINAL_SEATS and doc[comma + 1].text == ",":
        comma += 1  # "NAME MP, co-chair of the group": the seat's letters come before the apposition
    if comma >= person.sent.end or doc[comma].text != ",":
        return []
    if comma + 2 < person.sent.end and doc[comma + 1].lower_ == "who" and doc[comma + 2].lemma_ == "be":
        comma += 2  # "NAME, who is a senior researcher at X, said": a relative clause of being
    else:
        comma = _serves_as(doc, comma, person.sent.end)
    with_article = comma + 1 < person.sent.end and doc[comma + 1].lower_ in ("the", "a", "an")
    if with_article:
        comma += 1  # "NAME, the rector of the church, said", "NAME, a member of X, said": the article before an appositive title
        if comma + 3 < person.sent.end and doc[comma + 1].is_lower and doc[comma + 1].pos_ == "NOUN" \
                and doc[comma + 2].text in ("'s", "’s") and ctx.mention_at(doc[comma + 1]) is None:
            comma += 2  # "NAME, the church's parish priest, who ...": a common noun's possessive before the title
    stop = comma + 1
    while stop < person.sent.end and (doc[stop].text not in (",", ";", "(", ")") or ctx.mention_at(doc[stop]) is not None) \
            and not (doc[stop].pos_ in ("VERB", "AUX") and ctx.mention_at(doc[stop]) is None):
        stop += 1  # a comma inside a name ('the Centre for Peace, Law and Security Studies') ends nothing
    last = person.sent.end - 1
    while last > comma and doc[last].is_space:
        last -= 1
    if stop >= person.sent.end and doc[last].text == ".":
        stop = last  # "... and NAME, a lecturer at X.": the apposition ends the sentence
    elif with_article and (stop >= person.sent.end or doc[stop].text not in (",", ";")):
        return []  # "NAME, the ambassador noted": 'the ambassador' is the next clause's subject; a list's ';' ends an item
    if _in_title_first_list(ctx, person, stop):
        return []  # "TITLE of X, Ambassador A, TITLE of Y, Ambassador B": the second title is B's
    units: list[_TitleUnit] = []
    start = comma + 1
    while start < stop:
        unit = next((u for end in range(stop, start, -1) if (u := _parse_unit(ctx, start, end, titles)) is not None), None)
        if unit is None:
            break
        if _name_follows(ctx, unit.end, person.sent.end):
            break  # "X, Ambassador of Y Ali Veli and ...": a unit that runs into a name is that name's title
        units.append(unit)
        # "NAME, member of X and chairman of Y, said": coordinated titles are all the name's
        if unit.end < stop and doc[unit.end].lower_ == "and":
            start = unit.end + 1
            continue
        break
    return units


def _in_title_first_list(ctx: _Context, person: Span, stop: int) -> bool:
    """'by the Permanent Representative of X, Ambassador A, the Permanent Representative of Y,
    Ambassador B': a list whose items put the title first, then ', [title] NAME'. The title after A
    is B's where A's own title came before A and the words after it are ', [title] NAME'."""
    doc = ctx.doc
    start = person.start
    while start > person.sent.start and doc[start - 1]._.eg_title:
        start -= 1
    if start == person.sent.start or doc[start - 1].text != "," or stop >= person.sent.end or doc[stop].text != ",":
        return False
    j = stop + 1
    while j < person.sent.end and (doc[j]._.eg_title or doc[j].lower_ == "the"):
        j += 1
    return j > stop + 1 and j < person.sent.end and _is_named_person(ctx, ctx.mention_at(doc[j]))


_SERVE_VERBS = frozenset({"serve", "work", "act"})


def _serves_as(doc, comma: int, sentence_end: int) -> int:
    """'NAME, who has served as honorary consul of X since 2016, ...': the position of 'as', after
    which the title unit stands (as after a comma); else the comma's."""
    i = comma + 1
    if i >= sentence_end or doc[i].lower_ != "who":
        return comma
    i += 1
    while i < sentence_end and doc[i].lower_ in ("has", "have", "had", "is", "was", "been", "currently", "now", "also"):
        i += 1
    if i + 1 < sentence_end and doc[i].lemma_.lower() in _SERVE_VERBS and doc[i + 1].lower_ == "as":
        return i + 1
    return comma


def _name_follows(ctx: _Context, i: int, sentence_end: int) -> bool:
    """Whether a person's name starts at token i, possibly after further title words ('Professor')."""
    doc = ctx.doc
    while i < sentence_end and (doc[i]._.eg_title or doc[i].lower_ in ctx.lexicon.title_modifiers):
        i += 1
    mention = ctx.mention_at(doc[i]) if i < sentence_end else None
    return mention is not None and mention.type == "Person" and _mention_start(ctx, mention) == i


def _share_coordinated_targets(units: list[_TitleUnit]) -> None:
    """'member and former chairman of the group': 'member' is of the group too."""
    for later, earlier in zip(units, units[1:]):
        if earlier.of_target is None and earlier.to_target is None and later.of_target is not None:
            earlier.of_target = later.of_target


def _is_diplomatic(ctx: _Context, unit: _TitleUnit) -> bool:
    return any(unit.title == t or unit.title.endswith(" " + t) for t in ctx.lexicon.cues.diplomatic_titles)


def _has_target(unit: _TitleUnit) -> bool:
    return bool(unit.demonym_country or unit.of_target or unit.to_target)


def _relations_of_unit(ctx: _Context, person: Mention, unit: _TitleUnit, where: Span, imply_mission: bool = True) -> None:
    if unit.former:
        return
    method = "rule:title-apposition"
    if unit.of_target is None and _DESCRIPTION.match(unit.phrase or ""):
        return  # "author of several books on X": a description of the person, not an office
    if unit.of_target is None and _MEMBER_OF_A_PEOPLE.match(unit.phrase or ""):
        return  # "a member of the Azerbaijani community of Lima": who they are among, no office
    ctx.add(person.index, "jobTitle", unit.phrase or unit.title, method, 0.9, where)
    target = unit.of_target
    if target is not None and target.type in ("Organization", "Embassy"):
        ctx.add(person.index, "worksFor", target.index, method, 0.85, where)
        return
    ministry = _ministry_of(ctx, unit)
    if ministry is not None:
        title_span = ctx.doc[unit.start : unit.end]
        implied = ctx.new_mention(
            type="Organization", text=title_span.text, start=title_span.start_char, end=title_span.end_char,
            name=ministry, kind="implied", method="rule:office-implies-ministry",
        )
        ctx.add(person.index, "worksFor", implied.index, "rule:office-implies-ministry", 0.75, where)
        return
    ours = unit.start > 0 and ctx.doc[unit.start - 1].lower_ == "our"  # "our Ambassador": the writer's mission, unnamed here
    if _is_diplomatic(ctx, unit) and imply_mission and not ours:  # "deputy permanent representative"
        sender = unit.demonym_country
        if target is not None and target.type == "Place" and ctx.lexicon.country(target.name):
            sender = ctx.lexicon.country(target.name)
        host = city = None
        title_span = ctx.doc[unit.start : unit.end]
        complement = re.search(r"\bto\s+(?:the\s+)?([^,;]+)$", title_span.text)
        named_body = ctx.lexicon.international_organization(complement.group(1).strip()) if complement else None
        if named_body:  # "Permanent Representative of X to the UN Office in Geneva": the body, not its city
            host = named_body
        elif unit.to_target is not None:
            to = unit.to_target
            if to.type == "Embassy":
                ctx.add(person.index, "worksFor", to.index, method, 0.85, where)
                return
            host, city = (ctx.lexicon.country(to.name), None) if ctx.lexicon.country(to.name) else (ctx.lexicon.country_of_city(to.name), to.name)
            host = host or to.name
        if unit.to_target is None and host is None:
            # "Deputy Permanent Representative of X to the UN": a complement no mention covers
            complement = re.search(r"\bto\s+(?:the\s+)?([^,;]+)$", title_span.text)
            if complement:
                named = complement.group(1).strip()
                host = ctx.lexicon.international_organization(named) or ctx.lexicon.country(named)
        mission = _mission_of_title(unit.title)
        organization = ctx.lexicon.international_organization(host) if host else None
        if organization:  # "Ambassador of X to UNESCO" heads a permanent mission
            mission, host, city = "Permanent Mission", organization, None
        implied = ctx.new_mention(
            type="Embassy", text=title_span.text, start=title_span.start_char, end=title_span.end_char,
            name="", kind="implied", sender=sender, host=host, city=city, mission=mission, method="rule:office-implies-mission",
        )
        ctx.add(person.index, "worksFor", implied.index, "rule:office-implies-mission", 0.75, where)


_MEMBER_OF_A_PEOPLE = re.compile(r"^member of (?:the|a|an) (?:[\w-]+ ){0,3}(?:community|communities|diaspora|public|people|youth)\b", re.I)
_DESCRIPTION = re.compile(r"^[\w -]+? of (?:several|many|numerous|a|an|some|dozens|hundreds|two|three|four|five|various) ", re.I)


def _ministry_of(ctx: _Context, unit: _TitleUnit) -> str | None:
    """'Minister of Culture of Italy', 'Italian Minister of Culture' or "Italy's Culture Minister"
    -> 'Ministry of Culture of Italy'."""
    match = re.search(r"\bminister (of|for) (.+)$", unit.phrase or unit.title)
    short = re.search(r"\b(\w+) minister$", unit.title)
    if short and short.group(1) in MINISTRY_FIELDS:  # "Deputy Foreign Minister of Kenya", "Kenya's Foreign Minister"
        field = MINISTRY_FIELDS[short.group(1)].lower()
        of_country = ctx.lexicon.country(unit.of_target.name) if unit.of_target is not None and unit.of_target.type == "Place" else None
        return _ministry_name(field, of_country or unit.demonym_country or _possessor_country(ctx, unit.start))
    if not match:
        return None
    preposition, field, country = match.group(1), match.group(2), unit.demonym_country
    if unit.of_target is not None and unit.of_target.type == "Place":
        country = ctx.lexicon.country(unit.of_target.name) or country
    head, _, tail = field.rpartition(" of ")
    if head and ctx.lexicon.country(tail):
        field, country = head, ctx.lexicon.country(tail)
    return _ministry_name(field, country, preposition)


def _ministry_name(field: str, country: str | None, preposition: str = "of") -> str | None:
    """'Ministry of Culture of Italy'; 'Ministry for Europe and Foreign Affairs of Albania' where the
    title says 'Minister for'."""
    if country is None:
        return None
    field = " ".join(word if word in ("and", "of") else word.capitalize() for word in field.split())
    return f"Ministry {preposition} {field} of {country}"


def _possessor_country(ctx: _Context, start: int) -> str | None:
    """"Kenya's Deputy Foreign Minister": the country owning the title."""
    doc = ctx.doc
    if start >= 2 and doc[start - 1].text in ("'s", "’s"):
        mention = ctx.mention_at(doc[start - 2])
        if mention is not None and mention.type == "Place":
            return ctx.lexicon.country(mention.name)
    return None


def _mission_of_title(title: str) -> str:
    """The kind of mission an office belongs to: an honorary consul's is an honorary consulate."""
    if "honorary" in title and "consul" in title:
        return "Honorary Consulate"
    if "consul" in title:
        return "Consulate General"
    if "permanent" in title:
        return "Permanent Mission"
    return "Embassy"


def _mention_start(ctx: _Context, mention: Mention) -> int:
    return ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand").start


def _mention_end(ctx: _Context, mention: Mention) -> int:
    return ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand").end


# --- speakers --------------------------------------------------------------------------------


def _speakers(ctx: _Context) -> None:
    """Persons who are the subject of a speech verb, directly or through 'Addressing the event, X ...'."""
    previous_subject: Mention | None = None
    last_diplomat: Mention | None = None
    diplomats = {r.subject for r in ctx.relations if r.predicate == "jobTitle" and r.object in ctx.lexicon.cues.diplomatic_titles}
    for sentence in ctx.sentences:
        sentence_subject = None
        for token in ctx.tokens_in(sentence):
            if token.dep_ not in ("nsubj", "nsubjpass"):
                continue
            person = _person_for_subject(ctx, token, previous_subject, last_diplomat)
            if person is None:
                continue
            if token.head.i == sentence.root.i and sentence_subject is None:
                sentence_subject = person
            verb = token.head
            if _is_speech(ctx, verb) or any(_is_speech(ctx, child) and child.dep_ in ("advcl", "xcomp", "conj") and not _has_subject(child) for child in verb.children):
                listed = [m for m in _mentions_under(ctx, token) if _is_named_person(ctx, m)] if token._.eg_title and _lists(token) else []
                for subject in [person] + listed + [_person_for_subject(ctx, c, previous_subject, last_diplomat) for c in token.conjuncts]:
                    if subject is not None:
                        ctx.add(EVENT, "speaker", subject.index, "rule:speech-verb-subject", 0.8, sentence)
        for person in _subjectless_speech(ctx, sentence):
            ctx.add(EVENT, "speaker", person.index, "rule:name-before-speech-verb", 0.7, sentence)
        for person in _speaking_at_openers(ctx, sentence):
            ctx.add(EVENT, "speaker", person.index, "rule:speaking-at-opener", 0.75, sentence)
        for person in _listed_speakers(ctx, sentence):
            ctx.add(EVENT, "speaker", person.index, "rule:speaker-list", 0.8, sentence)
        for person in _speaking_were(ctx, sentence):
            ctx.add(EVENT, "speaker", person.index, "rule:speaking-were", 0.8, sentence)
        for person in _given_the_floor(ctx, sentence):
            ctx.add(EVENT, "speaker", person.index, "rule:floor-given-to", 0.75, sentence)
        for person in _according_to(ctx, sentence):
            ctx.add(EVENT, "speaker", person.index, "rule:according-to-person", 0.7, sentence)
        for token in ctx.tokens_in(sentence):
            if token.dep_ == "agent" and _is_speech(ctx, token.head, passive=True):
                # "The event was addressed by X and Y", "Speeches were made by X"
                people = [m for m in _objects_of(ctx, token) if m.type == "Person"]
                if not people:  # "opened by Georgian Ambassador to X NAME": the parser hangs the name on the title
                    stop = next((t.i for t in ctx.doc[token.i : sentence.end] if t.text in (",", ";")), sentence.end)
                    people = [m for m in _mentions_in(ctx, ctx.doc[token.i : stop]) if _is_named_person(ctx, m)][:1]
                # "delivered by X, by the Ambassador of Y, NAME, and by Z": every 'by' of the passive names one
                people = people + [m for m in _named_in_agent_apposition(ctx, token, sentence)
                                   if m not in people and _verb_governing(ctx, m) in (token.head, None)]
                for person in people:
                    ctx.add(EVENT, "speaker", person.index, "rule:speech-verb-agent", 0.8, sentence)
        for mention in _mentions_in(ctx, sentence):
            if mention.type == "Person" and mention.index in diplomats:
                last_diplomat = mention
        previous_subject = sentence_subject or previous_subject
    for person in _speakers_listed_in_lines(ctx):
        ctx.add(EVENT, "speaker", person.index, "rule:speaker-list-lines", 0.8, ctx.doc[_token_at(ctx, person.start)])


_LIST_ITEM = re.compile(r"^[ \t]*(?:[-–—•*·]|\d{1,2}[.)])[ \t]+\S")


def _according_to(ctx: _Context, sentence: Span) -> list[Mention]:
    """'According to Professor X, head of Y, the tragedy should be studied as ...': the person whose
    words the sentence reports opens it with 'according to'; an agency there is the source, not a speaker."""
    out: list[Mention] = []
    for token in ctx.tokens_in(sentence):
        if token.lower_ != "according" or token.i + 1 >= sentence.end or ctx.doc[token.i + 1].lower_ != "to":
            continue
        for name in ctx.doc[token.i + 1].children:
            person = ctx.mention_at(name) if name.dep_ == "pobj" else None
            if _is_named_person(ctx, person) and person not in out:
                out.append(person)
    return out


def _token_at(ctx: _Context, char: int) -> int:
    span = ctx.doc.char_span(char, char + 1, alignment_mode="expand")
    return span.start if span is not None else 0


def _speakers_listed_in_lines(ctx: _Context) -> list[Mention]:
    """'Among the speakers were:' or 'Speakers, in order of appearance:' ending its line, then
    items on lines of their own ('- NAME, TITLE;', '1. NAME, TITLE'): the first person named in each
    item spoke."""
    text = ctx.text
    out: list[Mention] = []
    for intro in re.finditer(r"^[^\n]*\b(?:[Ss]peakers|[Ss]peaking|[Pp]anell?ists|addressed by)\b[^\n]*:[ \t]*$", text, re.M):
        position = intro.end()
        for line in re.finditer(r"[^\n]*", text[position:]):
            body = line.group()
            if not body.strip():
                continue
            if not _LIST_ITEM.match(body):
                break
            start, end = position + line.start(), position + line.end()
            named = [m for m in ctx.mentions if m.type == "Person" and m.kind == "name" and start <= m.start and m.end <= end]
            if named:
                out.append(min(named, key=lambda m: m.start))
    return out


def _speaking_were(ctx: _Context, sentence: Span) -> list[Mention]:
    """'Also speaking were A, TITLE; the Ambassador of X, B; and C', 'Speaking were A and B': the
    persons the inverted clause lists (one an item where semicolons part them)."""
    verb = next((t for t in ctx.tokens_in(sentence) if t.lower_ in ("speaking", "addressing") and t.tag_ == "VBG"), None)
    if verb is None or verb.i > sentence.start + 2 or not any(t.lower_ in ("were", "was") for t in ctx.doc[verb.i + 1 : verb.i + 2]):
        return []  # the clause opens with the inverted verb: '(Also) speaking were ...'
    start = verb.i + 2
    listed = _semicolon_list(ctx, start, sentence.end)
    return listed or [m for m in _named_people_in(ctx, ctx.doc[start : sentence.end])]


def _subjectless_speech(ctx: _Context, sentence: Span) -> list[Mention]:
    """'Opening the event, Vice President of X Zhao Gang welcomed the guests': where the parser
    found no subject for a speech verb, the named person right before the verb is the speaker."""
    out = []
    for token in sentence:
        if token.i == sentence.start or not _is_speech(ctx, token) or token.dep_ in ("conj", "xcomp", "advcl", "relcl", "acl"):
            continue
        # a participle the parser took for the subject ('Opening the event, NAME said') is none
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ != "VBG" for c in token.children):
            continue
        # 'the Permanent Representative of X, Ambassador NAME, said': the name may close an apposition
        before = token.i - 2 if ctx.doc[token.i - 1].text == "," and token.i >= sentence.start + 2 else token.i - 1
        mention = ctx.mention_at(ctx.doc[before])
        if _is_named_person(ctx, mention) and mention.kind != "implied" and _mention_end(ctx, mention) == before + 1:
            out.append(mention)
    return out


def _verb_governing(ctx: _Context, mention: Mention) -> Token | None:
    """The nearest verb above a mention's words ('directed' in 'a film directed by X')."""
    token = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand").root
    return next((a for a in token.ancestors if _is_verb(a)), None)


def _named_in_agent_apposition(ctx: _Context, agent: Token, sentence: Span) -> list[Mention]:
    """'Statements were made by the Permanent Representative of X, Ambassador NAME, and by NAME2,
    TITLE': the first person named after each 'by' of the passive, up to the next 'by'."""
    # ('led by the Rector, NAME, assisted by our Deacon, NAME2': the 'by' of another verb is that verb's)
    bys = [agent] + [t for t in ctx.doc[agent.i + 1 : sentence.end] if t.lower_ == "by" and t.dep_ in ("agent", "conj", "prep")
                     and not (t.dep_ == "agent" and t.head.i != agent.head.i and t.head.lemma_.lower() in _ASSISTING_VERBS)]
    if len(bys) == 1:
        listed = _semicolon_list(ctx, agent.i + 1, sentence.end)
        if listed:
            return listed
    people = []
    for k, by in enumerate(bys):
        stop = bys[k + 1].i if k + 1 < len(bys) else sentence.end
        stop = next((t.i for t in ctx.doc[by.i : stop] if t.lower_ in ("who", "whose", "which") or t.text == ";"), stop)
        named = _named_people_in(ctx, ctx.doc[by.i : stop])
        # 'by TITLE of X, Ambassador A, TITLE of Y, Ambassador B, and C': each title-comma item is one more speaker
        people.extend(named if _is_title_list(ctx, by, stop) else named[:1])
    return people


def _semicolon_list(ctx: _Context, start: int, end: int) -> list[Mention]:
    """'by TITLE, A; B, TITLE of X; and TITLE C, TITLE': a list whose items semicolons part (as titles
    with commas of their own need) names one person an item, the first named in each; [] unless
    there are two or more items, each with a person."""
    doc = ctx.doc
    cuts = [t.i for t in doc[start:end] if t.text == ";"]
    if not cuts:
        return []
    people = []
    for a, b in zip([start] + [c + 1 for c in cuts], cuts + [end]):
        named = _named_people_in(ctx, doc[a:b])
        if not named:
            return []
        people.append(named[0])
    return people


def _is_title_list(ctx: _Context, by: Token, stop: int) -> bool:
    """Whether a 'by' phrase lists two or more titled persons, each after a comma ('by the Permanent
    Representative of X, Ambassador A, the Permanent Representative of Y, Ambassador B')."""
    doc = ctx.doc

    def titled_at(i: int) -> bool:
        return i + 1 < len(doc) and (doc[i]._.eg_title or doc[i].lower_ == "the" and doc[i + 1]._.eg_title)

    commas_before_titles = sum(1 for t in doc[by.i + 1 : stop - 1] if t.text == "," and titled_at(t.i + 1))
    if commas_before_titles >= 2:
        return True
    # 'by the Ambassador of X, NAME, and the Ambassador of Y, NAME2': two titled appositions joined by 'and'
    ands_before_titles = sum(1 for t in doc[by.i + 1 : stop - 1] if t.lower_ == "and" and doc[t.i - 1].text == "," and titled_at(t.i + 1))
    return ands_before_titles >= 1 and titled_at(by.i + 1)


def _given_the_floor(ctx: _Context, sentence: Span) -> list[Mention]:
    """'The floor was then given to NAME', 'The audience also heard from NAME': the person the
    speech passes to, or the one the audience heard, spoke (the first named after 'to' / 'from')."""
    for token in ctx.tokens_in(sentence):
        if token.pos_ not in ("VERB", "AUX"):
            continue
        lemma = token.lemma_.lower()
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if lemma in ctx.lexicon.cues.speech_support_verbs and any(c.lemma_.lower() in ctx.lexicon.cues.speech_nouns for c in subjects):
            preposition = "to"
        elif lemma in ctx.lexicon.cues.hearing_verbs and any(c.lemma_.lower() in ctx.lexicon.cues.audience_nouns for c in subjects):
            preposition = "from"
        else:
            continue
        prep = next((c for c in token.children if c.dep_ in ("prep", "dative") and c.lower_ == preposition), None)
        if prep is None:
            continue
        stop = next((t.i for t in ctx.doc[prep.i : sentence.end] if t.text in (";",) or t.lower_ == "who"), sentence.end)
        return _named_people_in(ctx, ctx.doc[prep.i : stop])[:1]
    return []


def _heard_by_the_event(ctx: _Context) -> None:
    """'The hearing also heard Senator A; B, professor of X; and C', 'The conference heard A and B':
    an event that heard persons had them speak (every person named after the verb)."""
    for sentence in ctx.sentences:
        for token in ctx.tokens_in(sentence):
            if token.pos_ != "VERB" or token.lemma_.lower() not in ctx.lexicon.cues.hearing_verbs:
                continue
            if not any(c.dep_ == "nsubj" and _is_event_noun(ctx, c) for c in token.children):
                continue
            for person in _named_people_in(ctx, ctx.doc[token.i + 1 : sentence.end]):
                ctx.add(EVENT, "speaker", person.index, "rule:heard-by-event", 0.75, sentence)


def _speaking_at_openers(ctx: _Context, sentence: Span) -> list[Mention]:
    """'Speaking at the vigil, TITLE NAME said ...' however the parser reads the title, and
    'Also addressing the event was NAME': the first person named after the speech participle."""
    words = [t for t in ctx.tokens_in(sentence) if not t.is_space]
    k = 1 if words and words[0].lower_ == "also" else 0
    if len(words) <= k or words[k].tag_ != "VBG" or words[k].lemma_.lower() not in ctx.lexicon.speech_verbs:
        return []
    clause = ctx.doc[words[k].i : sentence.end]
    comma = next((t for t in clause if t.text == ","), None)
    copula = next((t for t in clause[:8] if t.lemma_ == "be" and (comma is None or t.i < comma.i)), None)
    start = copula.i + 1 if copula is not None else comma.i + 1 if comma is not None else None
    if start is None or not any(_is_event_noun(ctx, t) or t.lemma_.lower() in ctx.lexicon.cues.audience_nouns for t in ctx.doc[words[k].i : start]):
        return []
    return _named_people_in(ctx, ctx.doc[start : sentence.end])[:1]


def _listed_speakers(ctx: _Context, sentence: Span) -> list[Mention]:
    """'Speakers included A, B and C', 'Among the speakers were A and B': every person named after
    the verb (long lists of titled names defeat the parse, so not only its objects)."""
    for token in ctx.tokens_in(sentence):
        if token.lemma_.lower() not in ctx.lexicon.cues.speaker_nouns:
            continue
        verb = token.head
        if token.dep_ == "pobj" and verb.lower_ == "among":
            verb = verb.head
        elif token.dep_ != "nsubj":
            continue
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in ("include", "be"):
            continue
        rest = ctx.doc[min(token.i, verb.i) : sentence.end]
        return [m for m in _mentions_in(ctx, rest) if m.type == "Person" and m.kind != "implied"]
    return []


def _lists(token: Token) -> bool:
    """Whether a subject is a list ('Minister X, Professor Y and Z'): a coordinator inside it."""
    return any(t.dep_ == "cc" for t in token.subtree)


def _person_for_subject(ctx: _Context, token: Token, previous: Mention | None, diplomat: Mention | None) -> Mention | None:
    mention = ctx.mention_at(token)
    if mention is not None and (mention.type == "Person" or not (token._.eg_title and mention.kind == "implied")):
        # a title whose office only implies a mission ('the Permanent Representative of X, Ambassador
        # NAME, said') is read as a title below, not as the mission
        return mention if mention.type == "Person" else None
    lower = token.lower_
    if lower in ctx.lexicon.cues.pronouns:
        return previous
    if lower == "author" and any(c.lower_ == "the" for c in token.children):
        return _author_named(ctx, token)  # "The author joined via video link and thanked ...": the book's author
    if lower == "who" and token.head.dep_ == "relcl":
        # "carpet artist X, who travelled from Baku and spoke to visitors": the person the clause is about
        antecedent = ctx.mention_at(token.head.head)
        return antecedent if antecedent is not None and antecedent.type == "Person" else None
    definite = any(c.lower_ in ("the", "this") or c._.eg_demonym for c in token.children)
    for child in token.children:
        if child.dep_ in ("compound", "appos", "flat") and ctx.mention_at(child) and ctx.mention_at(child).type == "Person":
            return ctx.mention_at(child)
    # "Honorary consul of X in Y Jim Brown spoke", "Turkish Ambassador to X Jim Brown noted":
    # the parser may make the title the subject, and the name its complement
    people = [ctx.mention_at(t) for t in token.subtree if ctx.mention_at(t) and ctx.mention_at(t).type == "Person"] if token._.eg_title else []
    if people:
        return people[-1]
    if lower in ctx.lexicon.cues.role_nouns and definite:
        return diplomat or previous
    if token._.eg_title:
        if definite:
            return _holder_of_title(ctx, token)  # "the rector said": the rector named before
    return None


_WRITTEN_BY = re.compile(r"\b(?:by|author)\s+(?:[\w-]+\s+){0,3}$")


def _author_named(ctx: _Context, token: Token) -> Mention | None:
    """'the book "X" by historian NAME ... The author said': the one person named as a work's author
    ('by [kind] NAME' after a work word such as 'book' in that sentence) before 'the author'."""
    authors = []
    for mention in ctx.mentions:
        if mention.start >= token.idx or not _is_named_person(ctx, mention) or mention.kind == "implied":
            continue
        sentence = _sentence_of(ctx, mention)
        before = ctx.text[max(sentence.start_char, mention.start - 40) : mention.start]
        written = any(t.lower_ in ctx.lexicon.other_work_words for t in sentence if t.idx < mention.start)
        if written and _WRITTEN_BY.search(before) and mention.name not in {a.name for a in authors}:
            authors.append(mention)
    return authors[0] if len(authors) == 1 else None


def _holder_of_title(ctx: _Context, token: Token) -> Mention | None:
    """'The rector said': the person named before whose title has that word."""
    word = token.lower_
    holders = {
        r.subject for r in ctx.relations
        if r.predicate == "jobTitle" and isinstance(r.object, str) and word in r.object.replace("-", " ").split()
    }
    # "the director told the audience": one whose title is that word alone, before one whose title has it ('executive director')
    exact = {r.subject for r in ctx.relations if r.predicate == "jobTitle" and r.object == word and r.subject in holders}
    for group in (exact, holders):
        named_before = [m for m in ctx.mentions if m.index in group and m.start < token.idx]
        if named_before:
            return max(named_before, key=lambda m: m.start)
    return None


def _is_speech(ctx: _Context, token: Token, passive: bool = False) -> bool:
    """A speech verb ('said', 'noted'), 'made / delivered / gave a speech', 'took the floor', or
    'opened the conference'; with `passive`, the same verbs whose subject is the speech or the
    event ('a speech was made by X', 'the conference was opened by X')."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    if lemma in ctx.lexicon.speech_verbs:
        return True
    if lemma == "quote" and not passive and _quoted_as_saying(ctx, token):
        return True  # "X was quoted as saying that ...": the wire's speaker
    dep = "nsubjpass" if passive else "dobj"
    if lemma == "lead" and any(child.dep_ == dep and child.lemma_.lower() in _WORSHIP_NOUNS for child in token.children):
        return True  # "The service was led by the Rector, the Revd NAME": who leads worship speaks at it
    if lemma in ctx.lexicon.cues.opening_verbs:  # the opening speech
        if passive and lemma in _MODERATING_VERBS and _moderates_a_discussion(token):
            return True  # "a discussion moderated by X", "the debate was chaired by X": the moderator speaks
        return any(child.dep_ == dep and _is_event_noun(ctx, child) for child in token.children)
    if lemma == "introduce":  # "NAME introduced the documentary": who introduces the film or event speaks
        return any(child.dep_ == dep and (child._.eg_film_word or _is_event_noun(ctx, child)
                                          or (m := ctx.mention_at(child)) is not None and m.type == "Film")
                   for child in token.children)
    return lemma in ctx.lexicon.cues.speech_support_verbs and any(
        child.dep_ == dep and child.lemma_.lower() in ctx.lexicon.cues.speech_nouns for child in token.children
    )


def _quoted_as_saying(ctx: _Context, verb: Token) -> bool:
    """'was quoted as saying', 'is quoted as stressing': a speech verb under the quote's 'as'."""
    return any(prep.dep_ == "prep" and prep.lower_ == "as" and any(
        c.dep_ in ("pcomp", "pobj") and c.lemma_.lower() in ctx.lexicon.speech_verbs for c in prep.children)
        for prep in verb.children)


_MODERATING_VERBS = frozenset({"moderate", "chair"})

_DISCUSSION_NOUNS = frozenset({"discussion", "debate", "panel", "dialogue", "q&a", "conversation"})


def _moderates_a_discussion(verb: Token) -> bool:
    """'a discussion moderated by X' (the verb modifying the noun) or 'the debate was chaired by X'."""
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in _DISCUSSION_NOUNS:
        return True
    return any(c.dep_ == "nsubjpass" and c.lemma_.lower() in _DISCUSSION_NOUNS for c in verb.children)


_SEAT_TITLES = frozenset({"deputy", "member", "parliament", "mp", "senator", "councillor", "councilor", "representative",
                          "congressman", "congresswoman", "assemblyman", "assemblywoman", "mep", "legislator"})

_ASSISTING_VERBS = frozenset({"assist", "accompany", "help", "support"})

_WORSHIP_NOUNS = frozenset({"service", "liturgy", "mass", "requiem", "prayer", "eucharist", "vespers"})


def _is_event_noun(ctx: _Context, token: Token) -> bool:
    return token.lemma_.lower() in ctx.lexicon.event_heads


def _has_subject(token: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def _mentions_in(ctx: _Context, span: Span) -> list[Mention]:
    return [m for m in ctx.mentions if span.start_char <= m.start and m.end <= span.end_char]


def _named_people_in(ctx: _Context, span: Span) -> list[Mention]:
    """The persons named in the span (not those a title only implies), in text order."""
    return [m for m in _mentions_in(ctx, span) if _is_named_person(ctx, m) and m.kind != "implied"]


# --- organizers and locations ----------------------------------------------------------------


def _is_event_clause(ctx: _Context, verb: Token) -> bool:
    """Whether the verb's clause (or the noun it describes: 'an event ... organized by') is about an event."""
    words = {t.lower_ for t in verb.subtree}
    if verb.dep_ in ("acl", "relcl"):
        words.update(t.lower_ for t in verb.ancestors)
        if verb.head.ent_type_ == "DATE":
            # "people came to the festival at X on Saturday, March 21st, organized by Y": the parser hangs
            # 'organized' on the day; what is organized is what the day's verb is about
            above = next((a for a in verb.ancestors if _is_verb(a)), None)
            if above is not None:
                words.update(t.lower_ for t in above.subtree)
        # "A vigil ... was held at the Chapel, organized by X": the parser hangs 'organized' on the chapel
        words.update(t.lower_ for a in verb.ancestors for c in a.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree)
    if verb.dep_ == "advcl":  # "An exhibition opened at X, co-organized by Y": the main clause's subject
        words.update(t.lower_ for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree)
    if verb.dep_ in ("acl", "advcl"):
        # "the Hall hosted a Novruz celebration, the first held at X, organised by Y": the event the main verb's object is
        words.update(c.lower_ for a in verb.ancestors if a.pos_ in ("VERB", "AUX") and a.dep_ == "ROOT"
                     for c in a.children if c.dep_ == "dobj")
    if verb.dep_ == "conj" and not _has_subject(verb):
        # "The exhibition opened on May 3 and was organized by Y": a conjoined verb shares the first one's subject
        words.update(t.lower_ for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree)
    words.update(_words_before_a_titled_subject(ctx, verb))
    if verb.dep_ == "advcl" and _came_for_an_event(ctx, verb.head):
        return True  # "people came to the festival at X on Sunday, organized by Y": what they came to
    if verb.lemma_.lower() in ("commemorate", "celebrate", "mark") and any(
        c.dep_ == "nsubjpass" and c.lemma_.lower() in ctx.lexicon.cues.commemorated_nouns for c in verb.children
    ):
        return True  # "The 35th anniversary of X was commemorated at the university": that is the event
    if verb.lemma_.lower() in ("fill", "pack") and _filled_as_an_occasion_was_marked(ctx, verb):
        return True  # "Guests filled the hall on Sunday, as the embassy marked the anniversary of X": that is the event
    if any(_reported_screening(ctx, v) for v in (verb, *verb.ancestors) if v.pos_ in ("VERB", "AUX")):
        return True  # "The documentary X was screened at Y, organized by Z": the screening is the event
    if verb.lemma_.lower() in ctx.lexicon.cues.presentation_verbs:
        # "The embassy presented the translation of a novel at X": a mission presenting is the event;
        # "the professor presented a paper" is not
        # "A book on X was presented at Y": a work presented (the passive's subject) is the event too
        # ("A collection of poems by the poet X was presented": the work may open a subject the parser heads elsewhere)
        return any(m.type == "Embassy" for c in verb.children if c.dep_ == "nsubj" for m in _heads(ctx, c)) or any(
            (c.lower_ in ctx.lexicon.cues.authored_nouns
                                       or any(t.lower_ in ctx.lexicon.cues.authored_nouns for t in c.subtree if t.i < c.i)
                                       # "the Arabic translation of the novel X was presented": a form of a work
                                       or any(p.lower_ == "of" and p.dep_ == "prep" and o.dep_ == "pobj"
                                              and o.lower_ in ctx.lexicon.cues.authored_nouns
                                              for p in c.children for o in p.children))
            for c in _passive_subjects(verb)
        ) or _presented_as_a_work(ctx, verb)
    heads = ctx.lexicon.event_heads
    return any(word in heads or (word.endswith("s") and word[:-1] in heads) for word in words)


def _passive_subjects(verb: Token) -> list[Token]:
    """The passive's subjects; 'ANTWERP, Friday 3 October 2014 - A translation of X was presented':
    the parser makes the dateline's upper-case city the subject and hangs the work under it as an
    apposition, which stands in for it."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    return subjects + [a for c in subjects if c.text.isupper() and len(c.text) > 1 for a in c.children if a.dep_ == "appos"]


_QUOTES = frozenset('"“”«»„')


def _words_before_a_titled_subject(ctx: _Context, verb: Token) -> set[str]:
    """'An exhibition of carpets entitled "X" opened at Y on June 11': the parser makes the quoted
    title the verb's subject and hangs the noun it names ('exhibition') on 'entitled'; the words of
    the sentence before the lead-in say what opened."""
    doc = verb.doc
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        start = subject.left_edge.i
        if start >= 2 and doc[start].text in _QUOTES:
            start += 1  # the parser may take the opening quote into the subject
        if start >= 2 and doc[start - 1].text in _QUOTES and doc[start - 2].lower_ in ctx.lexicon.cues.event_title_lead_ins:
            return {t.lower_ for t in doc[doc[start - 2].sent.start : start - 2]}
    return set()


def _came_for_an_event(ctx: _Context, verb: Token) -> bool:
    """'Hundreds of people filled the X Hall last Saturday for a Novruz concert', 'guests gathered at
    X on Friday for a reception': a verb whose 'for' names the event; its places and day are the event's."""
    if not _is_verb(verb) or verb.lemma_.lower() in ctx.lexicon.cues.event_verbs or verb.dep_ in ("relcl", "acl", "advcl"):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(any(m.type in ("Person", "Organization", "Embassy") for m in _heads(ctx, c))
           or not (c.pos_ in ("NOUN", "NUM") or c.lower_ in ("they", "we") or _opens_after_dash_dateline(ctx, c)) for c in subjects):
        return False  # "the mayor visited X for a meeting", "Ana travelled to X for a concert": one's errand, no audience
    if verb.lemma_.lower() in ctx.lexicon.cues.gathering_verbs and any(c.lemma_.lower() in ctx.lexicon.cues.audience_nouns for c in subjects):
        return True  # "Around 150 guests gathered in the conference room of the X Hotel": the event's audience
    if verb.lemma_.lower() in ctx.lexicon.cues.gathering_verbs and any(
            c.dep_ in ("advcl", "xcomp") and c.lemma_.lower() in ctx.lexicon.cues.event_verbs
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in verb.children):
        return True  # "Members gathered in the Hall on Wednesday to mark the anniversary of X": the gathering is the event
    # "Over 400 people came to the Novruz festival at X on Saturday": coming to an event is attending it
    preps = ("for", "to") if verb.lemma_.lower() in _COMING_VERBS else ("for",)
    return any(c.dep_ == "prep" and c.lower_ in preps and any(o.dep_ == "pobj" and _is_event_noun(ctx, o) for o in c.children)
               for c in verb.children)


_COMING_VERBS = frozenset({"come", "flock", "turn"})


def _lays_a_tribute(ctx: _Context, verb: Token) -> bool:
    """'Wreaths were laid at the memorial on Monday', 'flowers were placed at X': laying a tribute
    is the commemorative event itself, where it was laid and on which day."""
    cues = ctx.lexicon.cues
    return verb.pos_ == "VERB" and verb.lemma_.lower() in cues.tribute_verbs and any(
        c.dep_ in ("nsubjpass", "dobj") and c.lemma_.lower() in cues.tribute_nouns for c in verb.children)


def _presented_as_a_work(ctx: _Context, verb: Token) -> bool:
    """'Letters that X wrote were presented as a book at Y': what the passive presents as a work
    is the event (not 'the minister presented the plan as a priority')."""
    return any(c.dep_ == "nsubjpass" for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pobj" and g.lower_ in ctx.lexicon.cues.authored_nouns for g in c.children)
        for c in verb.children
    )


def _verb_lemma(ctx: _Context, token: Token) -> str:
    """The lemma, with 'co-organized' read as 'organize' (the lemmatizer does not know 'co-' verbs)."""
    lemma = token.lemma_.lower()
    if lemma == "give" and any(c.dep_ in ("nsubjpass", "dobj") and c.lemma_.lower() in ctx.lexicon.cues.hosted_meals
                               for c in token.children):
        return "hold"  # "a reception was given by the embassy on Wednesday at X": a reception given is one held
    if lemma == "follow" and any(c.dep_ == "auxpass" for c in token.children) and any(
            c.dep_ == "agent" and any(_is_event_noun(ctx, o) for o in c.children if o.dep_ == "pobj") for c in token.children):
        return "hold"  # "On Sunday the Eucharist was followed by a service of remembrance in X": the service was held then
    if not lemma.startswith("co-"):
        return lemma
    word = token.lower_[3:]
    forms = [word, word[:-1], word[:-2], word[:-2] + "e", word[:-3], word[:-3] + "e"]
    return next((form for form in forms if form in ctx.lexicon.cues.event_verbs), word)


def _organizers_and_locations(ctx: _Context) -> None:
    found = False
    hosts: list[tuple[Mention, Token]] = []
    for token in ctx.tokens:
        lemma = _verb_lemma(ctx, token)
        if _came_for_an_event(ctx, token):
            # "Hundreds filled the X Hall last Saturday for a concert", "gathered at X for an evening"
            for child in token.children:
                for mention in _objects_of(ctx, child) + _room_of(ctx, child) if child.dep_ == "prep" and child.lower_ in ("in", "at") else \
                        _heads(ctx, child) if child.dep_ == "dobj" else []:
                    if mention.type == "Place":
                        _add_location(ctx, mention, token)
            continue
        if token.pos_ not in ("VERB", "AUX") or lemma not in ctx.lexicon.cues.event_verbs and not _reported_screening(ctx, token) \
                and not _lays_a_tribute(ctx, token):
            continue
        if not _is_event_clause(ctx, token) and not _lays_a_tribute(ctx, token):
            continue
        if lemma in ctx.lexicon.cues.presentation_verbs:
            # "The embassy presented the translation of a novel at X": the parser hangs 'at X' on the
            # object; the place the mission presented something at is where the event was
            for prep in token.subtree:
                if prep.dep_ == "prep" and prep.lower_ in ("at", "in") and not any(_is_verb(a) for a in prep.ancestors if a.i != token.i and token in a.ancestors):
                    for mention in _objects_of(ctx, prep):
                        if mention.type == "Place":
                            _add_location(ctx, mention, token)
            # ... and the mission and its partners presenting it organize it
            for child in token.children:
                if child.dep_ == "nsubj":
                    for mention in _heads(ctx, child):
                        if mention.type in ("Embassy", "Organization"):
                            ctx.add(EVENT, "organizer", mention.index, "rule:mission-presents", 0.8, token)
                            found = True
        if lemma in ctx.lexicon.cues.organize_verbs:
            for mention in _partners(ctx, token):
                ctx.add(EVENT, "organizer", mention.index, "rule:organized-together-with", 0.8, token)
                found = True
        for child in token.children:
            if child.dep_ == "agent" and lemma in ctx.lexicon.cues.organize_verbs and token.lemma_.lower() != "follow":
                for mention in _objects_of(ctx, child):
                    if mention.type in ("Embassy", "Organization"):
                        ctx.add(EVENT, "organizer", mention.index, "rule:organized-by", 0.9, token)
                        found = True
            elif child.dep_ == "nsubj" and lemma in ctx.lexicon.cues.organize_verbs:
                for mention in _heads(ctx, child):
                    if mention.type == "Place" and lemma == "host":
                        _add_location(ctx, mention, token)  # "the faculty's Noble Hall hosted a Novruz celebration"
                    elif mention.type == "Organization" and lemma == "host":
                        hosts.append((mention, token))  # an organizer unless others are said to organize
                    elif mention.type in ("Embassy", "Organization"):
                        ctx.add(EVENT, "organizer", mention.index, "rule:subject-holds-event", 0.85, token)
                        found = True
            elif child.dep_ in ("dobj", "nsubjpass") and _is_event_noun(ctx, child) \
                    or child.dep_ == "agent" and token.lemma_.lower() == "follow" and lemma == "hold":  # 'service' of 'memorial service' too
                # "hosted a reception in Lima", "a concert at Town Hall was held", "was followed by a service in X"
                if child.dep_ == "agent":
                    child = next((o for o in child.children if o.dep_ == "pobj"), child)
                    if not _is_event_noun(ctx, child):
                        continue
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
                        for mention in _objects_of(ctx, prep) + _nested_in(ctx, prep):
                            if mention.type == "Place":
                                _add_location(ctx, mention, token)
                for venue in _venue_after_occasion(ctx, child):
                    _add_location(ctx, venue, token)
                for prep in _places_after_its_title(child):
                    for mention in _objects_of(ctx, prep):
                        if mention.type == "Place":
                            _add_location(ctx, mention, token)
            elif child.dep_ == "prep":
                for mention in _mentions_under(ctx, child):
                    if mention.type == "Embassy" and child.lower_ in ("in", "at", "inside") and _mention_start(ctx, mention) in {c.i for c in child.children} | {c.i - 1 for c in child.children}:
                        ctx.add(EVENT, "organizer", mention.index, "rule:held-at-mission", 0.8, token)
                        found = True
                    elif mention.type == "Place" and _governing_preposition(ctx, mention) in ("in", "at"):
                        _add_location(ctx, mention, token)
    found = _initiative_organizers(ctx) or found
    found = _organized_by_an_office_holder(ctx) or found
    found = _hosts_as_organizers(ctx, hosts) or found
    if not found:
        embassies = [m for m in ctx.mentions if m.type == "Embassy" and m.kind != "implied"]
        if embassies:
            ctx.add(EVENT, "organizer", embassies[0].index, "fallback:mission-in-article", 0.5, _sentence_of(ctx, embassies[0]))


def _organized_by_an_office_holder(ctx: _Context) -> bool:
    """'an event organized by the Honorary Consul of X in Y, NAME, and the Z Association': the office
    the first named person after 'by' holds organizes, and so does each organization listed after a
    comma or 'and' (up to a semicolon or the next verb). Only where the office is a mission."""
    found = False
    missions = {m.index: m for m in ctx.mentions if m.type == "Embassy"}
    offices = {r.subject: r.object for r in ctx.relations if r.predicate == "worksFor" and r.object in missions}
    for token in ctx.tokens:
        if token.lower_ != "by" or token.dep_ != "agent" or _verb_lemma(ctx, token.head) not in ctx.lexicon.cues.organize_verbs:
            continue
        sentence = token.sent
        stop = next((t.i for t in ctx.tokens_in(ctx.doc[token.i + 1 : sentence.end])
                     if t.text == ";" or (t.pos_ in ("VERB", "AUX") and ctx.mention_at(t) is None)), sentence.end)
        segment = ctx.doc[token.i + 1 : stop]
        people = _named_people_in(ctx, segment)
        if not people or people[0].index not in offices:
            continue
        person = people[0]
        titled = ctx.doc[token.i + 1 : ctx.doc.char_span(person.start, person.end, alignment_mode="expand").start]
        if not any(t._.eg_title for t in titled):
            continue  # 'organized by NAME, the honorary consul': the title names the person, said elsewhere
        ctx.add(EVENT, "organizer", offices[person.index], "rule:organized-by-office-holder", 0.75, token)
        found = True
        for mention in _mentions_in(ctx, segment):
            if mention.type not in ("Organization", "Embassy") or mention.start < person.end:
                continue
            before = ctx.text[max(sentence.start_char, mention.start - 10) : mention.start].lower()
            if re.search(r"(?:,|\band)\s+(?:the\s+)?$", before):
                ctx.add(EVENT, "organizer", mention.index, "rule:organized-by-office-holder", 0.75, token)
    return found


def _hosts_as_organizers(ctx: _Context, hosts: list[tuple[Mention, Token]]) -> bool:
    """'The House of Representatives hosted an event ... The event was organized by the friendship
    group together with the embassy': an organization that hosts is the organizer unless the article
    says who organized it and names others; then it only lent its house."""
    organized_by = {r.object for r in ctx.relations if r.subject == EVENT and r.predicate == "organizer"
                    and r.method in ("rule:organized-by", "rule:organized-together-with")}
    for mention, verb in hosts:
        if organized_by and mention.index not in organized_by:
            continue
        ctx.add(EVENT, "organizer", mention.index, "rule:subject-holds-event", 0.85, verb)
    return bool(hosts) and not organized_by


# 'at the initiative of X', 'at the request of X', 'at the invitation of X': X is behind the event
_INITIATIVE_CUES = ("initiative of", "request of", "invitation of")


def _initiative_organizers(ctx: _Context) -> bool:
    """'A concert was held at the initiative of the Honorary Consul of X in Y, NAME': the event's
    initiator organizes it; an office-holder stands for the mission the title implies. A campaign's
    initiative is the campaign's (initiatedBy), not the event's."""
    found = False
    for sentence in ctx.sentences:
        text = sentence.text.lower()
        in_sentence = _mentions_in(ctx, sentence)
        if not any(cue in text for cue in _INITIATIVE_CUES) or any(m.type == "Campaign" for m in in_sentence):
            continue
        verbs = [t for t in ctx.tokens_in(sentence) if t.pos_ in ("VERB", "AUX") and _verb_lemma(ctx, t) in ctx.lexicon.cues.event_verbs]
        if not any(_is_event_clause(ctx, verb) for verb in verbs):
            continue
        for target in _nearest_after_each_cue(in_sentence, sentence, _INITIATIVE_CUES, ("Embassy", "Organization")):
            # 'at the initiative of the embassy and the faculty': every initiator listed
            for initiator in [target, *_listed_after(ctx, target)]:
                ctx.add(EVENT, "organizer", initiator.index, "rule:held-at-initiative-of", 0.75, sentence)
            found = True
    return found


# "Tokyo, May 29, AZERTAC", "BAKU, Azerbaijan, Feb. 26", "GENEVA, Feb. 27 (AZERTAC)"
_DATELINE = re.compile(
    r"^[ \t]*(?P<city>[A-Z][\w'’. -]{1,40}?),\s+(?:(?P<region>[A-Z][\w'’. -]{1,30}?)(?:,\s+|\s+(?=\()))?"
    r"\(?(?P<day>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}\s+[A-Z][a-z]{2,8})\b(?:,?\s+\d{4})?)",
    re.M,
)  # "GUADALAJARA, Jalisco (March 21st, 2021). -": the day may stand in brackets, with an ordinal suffix


_OPENING_VERBS = frozenset({"open", "launch", "unveil", "inaugurate"})
_MISSION_WORDS = frozenset({"embassy", "consulate", "mission", "chaplaincy", "parish"})


def _organizations_opening_events(ctx: _Context) -> None:
    """'Today our Embassy, together with the X Museum and the Y, opened the exhibition': an
    organization (or 'our Embassy', the writer's) that opens an event organizes it with its partners;
    a person who opens it speaks (see _speakers)."""
    for token in ctx.tokens:
        if token.pos_ != "VERB" or token.lemma_.lower() not in _OPENING_VERBS:
            continue
        if not any(c.dep_ == "dobj" and _is_event_noun(ctx, c) for c in token.children):
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        named = [m for m in _heads(ctx, subject) if m.type in ("Embassy", "Organization")]
        ours = subject.lower_ in _MISSION_WORDS and any(c.lower_ in ("our", "the") for c in subject.children)
        if not named and not ours:
            continue
        partners = [m for c in subject.subtree if c.dep_ == "prep" and c.lower_ == "with" for m in _objects_of(ctx, c)]
        partners += [m for m in _listed_after(ctx, partners[0])] if partners else []
        for mention in named + [m for m in partners if m.type in ("Embassy", "Organization")]:
            ctx.add(EVENT, "organizer", mention.index, "rule:organization-opens-event", 0.75, token)


def _organized_by_after_the_event(ctx: _Context) -> None:
    """'A conference ... was held on 1 March in Dhaka. It was jointly organised by A, B and C': 'it'
    right after a sentence about the event is the event; its agents and partners organized it."""
    previous = None
    for sentence in ctx.sentences:
        about_event = previous is not None and any(
            _is_event_noun(ctx, t) and _subject_object_or_their_apposition(t) for t in ctx.tokens_in(previous))
        previous = sentence
        if not about_event:
            continue
        for token in ctx.tokens_in(sentence):
            if token.lemma_.lower() not in ctx.lexicon.cues.organize_verbs or token.pos_ != "VERB":
                continue
            if not any(c.dep_ == "nsubjpass" and c.lower_ in ("it", "this") for c in token.children):
                continue
            for agent in (c for c in token.children if c.dep_ == "agent"):
                first = [m for m in _objects_of(ctx, agent) if m.type in ("Embassy", "Organization")]
                for mention in first + (_listed_after(ctx, first[0]) if first else []):
                    if mention.type in ("Embassy", "Organization"):
                        ctx.add(EVENT, "organizer", mention.index, "rule:it-was-organized-by", 0.8, token)
            # "It was organised on the initiative of X in cooperation with Y": its partners organized it too
            for mention in _partners(ctx, token):
                ctx.add(EVENT, "organizer", mention.index, "rule:it-was-organized-with", 0.8, token)


def _subject_object_or_their_apposition(token: Token) -> bool:
    """A clause's subject or object, or an apposition to its subject ('Debrecen, 16th September 2017 -
    An exhibition ... opened': the parser makes the dateline's city the subject, the event its apposition)."""
    return token.dep_ in ("nsubj", "nsubjpass", "dobj") or token.dep_ == "appos" and token.head.dep_ in ("nsubj", "nsubjpass")


def _our_body_organizes(ctx: _Context) -> None:
    """'Our chaplaincy hosted a service', 'our society held a concert': the writer's body, the one
    organization of the article whose name has that word (a masthead's), organizes the event."""
    for token in ctx.tokens:
        if token.pos_ != "VERB" or token.lemma_.lower() not in ctx.lexicon.cues.organize_verbs or not _is_event_clause(ctx, token):
            continue
        for subject in (c for c in token.children if c.dep_ == "nsubj" and any(g.lower_ == "our" for g in c.children)):
            named = [m for m in ctx.mentions if m.type in ("Organization", "Embassy") and m.kind == "name"
                     and subject.lower_ in m.name.lower().split() and m.start < subject.idx]
            if named:  # the first so named, above: the masthead's, not the 'Chaplaincy Office' of the notices
                ctx.add(EVENT, "organizer", min(named, key=lambda m: m.start).index, "rule:our-body-organizes", 0.7, token)


def _filled_as_an_occasion_was_marked(ctx: _Context, verb: Token) -> bool:
    """'Guests filled the ballroom ..., as the embassy marked the first anniversary of X': the crowd
    came for the occasion its 'as' clause marks."""
    return any(
        c.dep_ == "advcl" and c.lemma_.lower() in ("commemorate", "celebrate", "mark")
        and any(o.dep_ == "dobj" and o.lemma_.lower() in ctx.lexicon.cues.commemorated_nouns for o in c.children)
        for c in verb.children
    )


def _filled_for_the_event(ctx: _Context) -> None:
    """'Movie lovers filled Hall 3 of the X Cinemas in the Y District of Abuja on Saturday for the
    premiere of ...': the places the crowd filled for the event are where it was held."""
    for token in ctx.tokens:
        if token.pos_ != "VERB" or token.lemma_.lower() not in ("fill", "pack"):
            continue
        if not any(c.dep_ == "prep" and c.lower_ == "for" and any(_is_event_noun(ctx, g) for g in c.children) for c in token.children) \
                and not _filled_as_an_occasion_was_marked(ctx, token):
            continue
        for obj in (c for c in token.children if c.dep_ == "dobj"):
            for mention in _mentions_under(ctx, obj):
                if mention.type == "Place":
                    _add_location(ctx, mention, token, "rule:filled-for-event", 0.7)


def _organizers_in_relative_clauses(ctx: _Context) -> None:
    """'with the support of the Honorary Consulate of X in Y, which organised the presentation':
    the mission or organization right before ', which' organized the event its clause names."""
    for token in ctx.tokens:
        if token.dep_ != "relcl" or token.lemma_.lower() not in ctx.lexicon.cues.organize_verbs:
            continue
        if not any(c.dep_ == "dobj" and _is_event_noun(ctx, c) for c in token.children):
            continue
        pronoun = next((c for c in token.children if c.dep_ == "nsubj" and c.lower_ in ("which", "that", "who")), None)
        if pronoun is None or pronoun.i < 2 or ctx.doc[pronoun.i - 1].text != ",":
            continue
        antecedent = ctx.mention_at(ctx.doc[pronoun.i - 2])
        if antecedent is not None and antecedent.type in ("Embassy", "Organization") and antecedent.kind != "implied":
            ctx.add(EVENT, "organizer", antecedent.index, "rule:relative-organizer", 0.75, token)


def _dateline_city(ctx: _Context) -> None:
    """'Tokyo, May 29, AZERTAC': with no city named where the event was held, the dateline's
    city is where it was reported from, and most often where it took place. 'HOUSTON, Texas,
    Feb. 27': the state or country after it locates the event too where the city does."""
    located = {r.object for r in ctx.relations if r.subject == EVENT and r.predicate == "location"}
    has_city = any(m.index in located and m.subtype == "City" for m in ctx.mentions)
    head = ctx.text[: min(len(ctx.text), 600)]
    dash = DASH_DATELINE.search(head) or STOP_DATELINE.search(head)  # 'MINSK - A book ...', 'ASTANA. The ...' below the headline
    masthead = MASTHEAD.search(ctx.text[:400])  # 'THE X CHAPLAINCY, TALLINN': the body's own city
    masthead = masthead if masthead is not None and masthead.group("city") else None
    headline = _headline_city(head)
    for match in [*_DATELINE.finditer(head), *([dash] if dash else []), *([masthead] if masthead else []), *([headline] if headline else [])]:
        place = _place_at(ctx, *match.span("city"))
        if place is None or place.subtype == "Country":
            continue
        where = ctx.doc.char_span(*match.span("city"), alignment_mode="expand")
        if not has_city:  # a venue alone ('at the Sheraton Hotel') says nothing of the city it is in
            _add_location(ctx, place, where, "rule:dateline-city", 0.6)
        elif not any(m.index in located and _fold_name(m.name) == _fold_name(place.name) for m in ctx.mentions):
            return
        region = _place_at(ctx, *match.span("region")) if match.group("region") else None
        if region is not None:
            ctx.add(EVENT, "location", region.index, "rule:dateline-region", 0.6, where)
        return


_HEADLINE_IN_CITY = re.compile(r"^[ \t]*(?=\S)[^\n.!?]{0,90}\bin (?P<city>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)(?P<region>(?!x)x)?[ \t]*$", re.M)


def _headline_city(head: str) -> re.Match | None:
    """'Chile marks its national day in Valparaiso': a headline, above the first sentence of the
    body, that ends with 'in CITY' names where the event was (the city itself must be a Place
    mention; a country there is skipped by the caller)."""
    first_sentence = re.search(r"[.!?](?:\s|$)", head)
    match = _HEADLINE_IN_CITY.search(head)
    if match is None or (first_sentence is not None and match.start() > first_sentence.start()):
        return None
    line_start = head.rfind("\n", 0, match.start("city")) + 1
    return match if "|" not in head[line_start : match.start("city")] else None


def _place_at(ctx: _Context, start: int, end: int) -> Mention | None:
    return next((m for m in ctx.mentions if m.type == "Place" and m.start == start and m.end == end), None)


def _fold_name(name: str) -> str:
    return name.casefold()


def _governing_preposition(ctx: _Context, mention: Mention) -> str | None:
    """The preposition a place hangs from ('in' for 'in X Square, Mexico City'), across appositions."""
    span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    token = span.root
    if token.dep_ != "pobj":
        # "at the Monument to the Victims of X": the parser parts the name's 'to' from it; its head word
        # is still the object of the preposition before it
        token = next((t for t in span if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.i < span.start
                      and all(w.dep_ == "det" for w in span.doc[t.head.i + 1 : span.start])), token)
    while token.dep_ in ("appos", "conj", "compound", "nmod") and token.head is not token:
        token = token.head
    if token.dep_ == "pobj":
        return token.head.lower_
    return None


def _partners(ctx: _Context, verb: Token) -> list[Mention]:
    """'organized by X together with Y', 'held in cooperation with Y': the partners of the organizer."""
    out = []
    for token in verb.subtree:
        if token.lower_ != "with" or token.dep_ != "prep":
            continue
        head = token.head
        marked = any(c.lower_ in ctx.lexicon.cues.partner_words for c in token.children)  # "together with" as one phrase
        # "The Department, in collaboration with Y, organized ...": the phrase may hang on the subject
        # (not inside a clause of its own: "X, which has a long collaboration with Y, organized ...")
        if marked or (head.lower_ in ctx.lexicon.cues.partner_words and _governed_without_a_verb(head, verb, _partner_reach(head))):
            out.extend(m for m in _objects_of(ctx, token) if m.type in ("Embassy", "Organization"))
        elif head.i == verb.i and any(c.dep_ == "agent" for c in verb.children):
            # "organised by the Centre for X with the Embassy of Y": the body 'with' names is a partner
            # ("with the support of Y" is not: 'support' is no body)
            for pobj in (c for c in token.children if c.dep_ == "pobj"):
                mention = ctx.mention_at(pobj)
                if mention is not None and mention.type in ("Embassy", "Organization") and mention.kind != "implied":
                    out.append(mention)
    return out


def _partner_reach(word: Token) -> int:
    """How far above a partner word the organizing verb may be: 'in cooperation with' is a phrase of its
    own, which the parser may hang on the last name before it ('organised on the initiative of the
    Embassy of X in Y in cooperation with Z'), so it reaches over those names; a bare 'cooperation' does not."""
    return 12 if word.dep_ == "pobj" and word.head.lower_ == "in" else 4


def _governed_without_a_verb(token: Token, verb: Token, steps: int) -> bool:
    """Whether `verb` is among the first `steps` ancestors of `token`, with no other verb between."""
    for ancestor in list(token.ancestors)[:steps]:
        if ancestor.i == verb.i:
            return True
        if ancestor.pos_ in ("VERB", "AUX"):
            return False
    return False


def _article_countries(ctx: _Context) -> set[str]:
    """The countries the article names, on their own or in its missions' names ('Embassy of X in Y')."""
    named = {m.name for m in ctx.mentions if m.type == "Place" and m.subtype == "Country" and m.kind != "implied"}
    return named | {m.host for m in ctx.mentions if m.type == "Embassy" and m.host and ctx.lexicon.named_in(ctx.text, m.host)}


_TITLING_VERBS = frozenset({"entitle", "title", "call", "name"})


def _places_after_its_title(event: Token) -> list[Token]:
    """'held a round table entitled "X: Y" in Brussels': the parser hangs 'in Brussels' on the
    quoted title's words; an 'in' or 'at' right after the closing quote is where the event was."""
    out = []
    for acl in event.children:
        if acl.dep_ != "acl" or acl.lemma_.lower() not in _TITLING_VERBS:
            continue
        tokens = list(acl.subtree)
        quotes = [t.i for t in tokens if t.is_quote]
        if len(quotes) < 2:
            continue
        closing = quotes[-1]
        for t in tokens:
            if t.dep_ == "prep" and t.lower_ in ("in", "at") and t.i == closing + 1 and quotes[0] < t.head.i < closing:
                out.append(t)
    return out


def _venue_after_occasion(ctx: _Context, event: Token) -> list[Mention]:
    """'hosted a reception on the occasion of May 28 - Independence Day at the X Hotel': the parser
    hangs 'at the venue' on the occasion's name; a venue after 'at' inside the event noun's
    'on the occasion of' phrase is where the event was."""
    out = []
    for prep in event.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("on", "for") or not any(c.lemma_.lower() == "occasion" for c in prep.children):
            continue
        for inner in prep.subtree:
            if inner.dep_ == "prep" and inner.lower_ == "at" and not any(_is_verb(a) for a in inner.ancestors if a.i > event.i):
                out.extend(m for m in _objects_of(ctx, inner) if m.type == "Place" and m.subtype == "Venue")
    return out


def _room_of(ctx: _Context, prep: Token) -> list[Mention]:
    """'in the conference room of the X Hotel', 'at the ballroom of Y': the named place a room is of."""
    out = []
    for pobj in prep.children:
        if pobj.dep_ == "pobj" and pobj.is_lower and ctx.mention_at(pobj) is None:
            for inner in pobj.children:
                if inner.dep_ == "prep" and inner.lower_ == "of":
                    out.extend(m for m in _objects_of(ctx, inner) if m.type == "Place")
    return out


def _nested_in(ctx: _Context, prep: Token) -> list[Mention]:
    """'an event at the X headquarters in Paris': the place of the place the event was at; 'at the
    Church of X at the Y Fortress': the venue the venue stands in."""
    out = []
    for pobj in prep.children:
        if pobj.dep_ == "pobj":
            for inner in pobj.children:
                if inner.dep_ == "prep" and inner.lower_ == "in":
                    out.extend(_objects_of(ctx, inner))
                elif inner.dep_ == "prep" and inner.lower_ == "at" and getattr(ctx.mention_at(pobj), "subtype", None) == "Venue":
                    out.extend(m for m in _objects_of(ctx, inner) if m.subtype == "Venue")
    return out


def _add_location(ctx: _Context, place: Mention, where: Token | Span, method: str = "rule:event-held-in", confidence: float = 0.8) -> None:
    ctx.add(EVENT, "location", place.index, method, confidence, where)
    first = place.name.split()[0] if place.name else ""
    if place.subtype == "Venue" and len(place.name.split()) > 1 and ctx.lexicon.country_of_city(first) in _article_countries(ctx) \
            and not _placed_in_a_city(ctx, place):
        # "Ottawa City Hall": a venue named after its city is in that city
        city = ctx.new_mention(
            type="Place", text=first, start=place.start, end=place.start + len(first), name=first,
            kind="implied", subtype="City", method="gazetteer:city-in-venue-name",
        )
        ctx.add(EVENT, "location", city.index, "gazetteer:city-in-venue-name", 0.7, where)
        place = city
    if place.subtype in ("City", "Venue", None):
        country = ctx.lexicon.country_of_city(place.name)
        if country and country in _article_countries(ctx):  # a location is a place the article names
            implied = ctx.new_mention(
                type="Place", text=place.text, start=place.start, end=place.end, name=country,
                kind="implied", subtype="Country", method="gazetteer:city-country",
            )
            ctx.add(EVENT, "location", implied.index, "gazetteer:city-country", 0.7, where)


def _placed_in_a_city(ctx: _Context, venue: Mention) -> bool:
    """'the Meridian International Center in Washington': the text says which city the venue is in,
    so a first word that is also some city's name ('Meridian') is no city of the event."""
    after = ctx.text[venue.end : venue.end + 4]
    if not re.match(r"\s+in\s", after):
        return False
    return any(m.type == "Place" and m.subtype == "City" and m.kind != "implied" and 0 < m.start - venue.end <= 5 for m in ctx.mentions)


def _objects_of(ctx: _Context, prep: Token) -> list[Mention]:
    out = []
    for child in prep.children:
        if child.dep_ == "pobj":
            out.extend(_heads(ctx, child))
    return out


def _in_dash_dateline(ctx: _Context, token: Token) -> bool:
    """'DURBAN - Members of the community gathered ...': the parser makes the dateline's upper-case
    city a compound of the sentence's subject; it says where the report comes from, not who acted."""
    dateline = DASH_DATELINE.search(ctx.text[:600])
    return dateline is not None and dateline.start("city") <= token.idx < dateline.end("city")


def _opens_after_dash_dateline(ctx: _Context, token: Token) -> bool:
    """'DURBAN - Members of the community gathered ...': the first word after a dash dateline is
    capitalized as a sentence's first, and the parser reads the common noun as a proper one."""
    dateline = DASH_DATELINE.search(ctx.text[:600])
    return dateline is not None and dateline.end() == token.idx and token.is_title and ctx.mention_at(token) is None


def _heads(ctx: _Context, token: Token) -> list[Mention]:
    """The mention at a noun and at each of its conjuncts ('the embassy and the union')."""
    out = []
    for node in [token, *token.conjuncts]:
        mention = ctx.mention_at(node)
        if mention is None:
            mention = next((ctx.mention_at(t) for t in node.subtree if ctx.mention_at(t) and t.head == node
                            and t.dep_ in ("compound", "amod", "nmod") and not _in_dash_dateline(ctx, t)), None)
        if mention is not None and mention not in out:
            out.append(mention)
    for mention in list(out):
        for listed in _listed_after(ctx, mention):
            if listed not in out:
                out.append(listed)
    return out


def _listed_after(ctx: _Context, mention: Mention) -> list[Mention]:
    """'the Embassy of X in Y and the Z group': mentions listed right after one, whatever
    the parser attached the conjunct to (it often hangs it on the mission's country)."""
    doc, out = ctx.doc, []
    end = _mention_end(ctx, mention)
    while end < len(doc) and doc[end].lower_ in ("and", ",") and doc[end].sent == doc[end - 1].sent:
        end = _past_relative_clause(doc, end)  # "the Embassy of X in Y, which is also accredited to Z, the W museum"
        j = end + 1
        if j < len(doc) and doc[j].lower_ == "and":
            j += 1
        if j < len(doc) and doc[j].lower_ == "the":
            j += 1
        following = ctx.mention_at(doc[j]) if j < len(doc) else None
        if following is not None and _mention_start(ctx, following) == j:
            following = _possessed(ctx, following)  # "... and the university's Faculty of X": the faculty
            j = _mention_start(ctx, following)
        if following is None or _mention_start(ctx, following) != j or following.type != mention.type and \
                {following.type, mention.type} != {"Embassy", "Organization"}:
            break
        out.append(following)
        end = _mention_end(ctx, following)
    return out


def _past_relative_clause(doc: Doc, comma: int) -> int:
    """The comma that closes a short 'which/who' clause opening at `comma`, if one closes it within
    the sentence and before any 'and'; else `comma` itself."""
    if doc[comma].text != "," or comma + 1 >= len(doc) or doc[comma + 1].lower_ not in ("which", "who"):
        return comma
    for k in range(comma + 2, min(len(doc), comma + 16)):
        if doc[k].sent != doc[comma].sent or doc[k].lower_ == "and" or doc[k].text in (";", "."):
            return comma
        if doc[k].text == ",":
            return k
    return comma


def _possessed(ctx: _Context, mention: Mention | None) -> Mention | None:
    """'the university's School of X': the mention the possessor's "'s" leads to, else the mention."""
    if mention is None:
        return None
    end = _mention_end(ctx, mention)
    if end + 1 < len(ctx.doc) and ctx.doc[end].text in ("'s", "’s"):
        owned = ctx.mention_at(ctx.doc[end + 1])
        if owned is not None and _mention_start(ctx, owned) == end + 1 and owned.type in ("Organization", "Embassy"):
            return owned
    return mention


def _mentions_under(ctx: _Context, token: Token) -> list[Mention]:
    seen = []
    for t in token.subtree:
        mention = ctx.mention_at(t)
        if mention is not None and mention not in seen:
            seen.append(mention)
    return seen


def _sentence_of(ctx: _Context, mention: Mention) -> Span:
    return ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand").sent


# --- participants ------------------------------------------------------------------------------


def _participants(ctx: _Context) -> None:
    for token in ctx.tokens:
        if token.lemma_.lower() not in ctx.lexicon.cues.attend_verbs or token.pos_ != "VERB":
            continue
        candidates: list[Mention] = []
        for child in token.children:
            if child.dep_ == "agent":
                # "was attended by A, B and C": long lists of titled names defeat the parse, so
                # every person named after "by" in the sentence attended
                rest = ctx.doc[child.i : child.sent.end]
                candidates.extend(m for m in _mentions_in(ctx, rest) if m.type == "Person")
            heads = [child] if child.dep_ == "nsubj" else list(child.children) if child.dep_ == "agent" else []
            for head in heads:
                # every person listed in the subject; organizations only as list items, not in 'members of X'
                candidates.extend(m for m in _mentions_under(ctx, head) if m.type == "Person")
                candidates.extend(m for m in _listed(ctx, head) if m.type == "Organization")
        for mention in candidates:
            if mention.type in ("Person", "Organization"):
                ctx.add(EVENT, "participant", mention.index, "rule:attended", 0.7, token)


def _performers(ctx: _Context) -> None:
    """'Singer X performed', 'weaver X demonstrated the technique', 'a recital by X', 'songs performed
    by X', 'X gave a concert', 'the concert featured pianist X': the performer took part in the
    event (a speaker among them stays a speaker: see _dedupe)."""
    cues = ctx.lexicon.cues
    for token in ctx.tokens:
        lemma = token.lemma_.lower()
        performs = token.pos_ == "VERB" and (lemma in cues.performance_verbs or lemma in cues.giving_verbs and any(
            # 'X gave a concert', and in the passive 'a concert was given by X'
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in cues.performance_nouns for c in token.children)
            or lemma == "play" and _musician_subject(ctx, token))
        if performs:
            for child in token.children:
                if child.dep_ in ("nsubj", "agent"):
                    person = ctx.mention_at(child)
                    people = [person] if person is not None else list(_mentions_under(ctx, child))
                    for mention in people:
                        if _is_named_person(ctx, mention) and mention.kind != "implied":
                            ctx.add(EVENT, "participant", mention.index, "rule:performed", 0.65, token)
                    # 'given by the ensemble "X"': the ensemble itself, not one a performer belongs to
                    for performer in (g for c in child.children if c.dep_ == "pobj"
                                      for g in [c, *c.conjuncts, *(a for a in c.children if a.dep_ == "appos")]):
                        if _is_named_ensemble(ctx, ctx.mention_at(performer)):
                            ctx.add(EVENT, "participant", ctx.mention_at(performer).index, "rule:ensemble-performed", 0.65, token)
        elif token.pos_ == "VERB" and lemma in cues.featuring_verbs and _features_an_event(ctx, token):
            for item in _featured(token):
                mention = ctx.mention_at(item)
                if mention is not None and _is_named_person(ctx, mention) and mention.kind != "implied":
                    ctx.add(EVENT, "participant", mention.index, "rule:featured", 0.6, token)
            for mention in _authors_of_featured_talks(ctx, token):
                ctx.add(EVENT, "speaker", mention.index, "rule:featured-talks-by", 0.65, token)
        elif token.pos_ == "NOUN" and lemma in ctx.lexicon.cues.performance_nouns:
            ensemble = _ensemble_after(ctx, token)
            if ensemble is not None:
                ctx.add(EVENT, "participant", ensemble.index, "rule:performance-of-ensemble", 0.6, token)
                continue
            by = next((t for t in ctx.doc[token.i + 1 : min(token.i + 6, token.sent.end)] if t.lower_ == "by"), None)
            if by is None:
                continue
            stop = next((t.i for t in ctx.doc[by.i : token.sent.end] if t.text in (",", ";") or t.lower_ in ("and", "who")), token.sent.end)
            # 'a performance by the Montreal-based tar player X': the first person, past a place that qualifies the player
            named = [m for m in _mentions_in(ctx, ctx.doc[by.i : stop]) if m.type != "Place"]
            for mention in named[:1]:
                if _is_named_person(ctx, mention) and mention.kind != "implied":
                    ctx.add(EVENT, "participant", mention.index, "rule:performance-by", 0.65, token)


def _is_named_ensemble(ctx: _Context, mention: Mention | None) -> bool:
    """An organization that performs: an ensemble word in its name ('the X Chamber Choir') or right
    before it ('the ensemble "Mtiebi"')."""
    if mention is None or mention.type != "Organization" or mention.kind == "implied":
        return False
    words = ctx.lexicon.cues.ensemble_words
    start = _mention_start(ctx, mention)
    before = ctx.doc[start - 1] if start > 0 else None
    if before is not None and before.is_quote and start > 1:
        before = ctx.doc[start - 2]
    return any(w in words for w in mention.name.lower().split()) or (before is not None and before.lower_ in words)


def _assistants(ctx: _Context) -> None:
    """'The service was led by the Rector, NAME, assisted by our Deacon, NAME2': who assists the one
    who leads or opens the event took part in it."""
    for token in ctx.tokens:
        if token.pos_ != "VERB" or token.lemma_.lower() not in _ASSISTING_VERBS or token.dep_ not in ("acl", "advcl"):
            continue
        root = token.sent.root
        if not _is_speech(ctx, root, passive=True) or not any(c.dep_ == "nsubjpass" and _is_event_noun(ctx, c) for c in root.children):
            continue
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        if agent is None:
            continue
        stop = next((t.i for t in ctx.doc[agent.i : token.sent.end] if t.text == ";" or t.lower_ in ("who", "which")), token.sent.end)
        for mention in _named_people_in(ctx, ctx.doc[agent.i : stop])[:1]:
            ctx.add(EVENT, "participant", mention.index, "rule:assisted-the-leader", 0.6, token)


def _musician_subject(ctx: _Context, verb: Token) -> bool:
    """'the young violinist X played "Y"': one whose occupation is music playing performs ('the
    ambassador played a role' does not)."""
    occupations = ctx.lexicon.occupations
    # 'music was played by kamancha player X': the passive's agent as well
    agents = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    for subject in [c for c in verb.children if c.dep_ == "nsubj"] + agents:
        if any(t.lower_ in occupations and t.i <= subject.i for t in subject.subtree):
            return True
        person = ctx.mention_at(subject)  # 'the young violinist X played', the parser hanging X on the occupation
        start = _mention_start(ctx, person) if person is not None and person.type == "Person" else 0
        if start > 0 and ctx.doc[start - 1].lower_ in occupations:
            return True
    return False


def _shows_the_audience(ctx: _Context, verb: Token) -> bool:
    """'X showed the guests how a knot is tied', 'taught the visitors a dance': the verb's object
    (or its dative) is the event's audience."""
    return any(child.dep_ in ("dobj", "dative") and child.lemma_.lower() in ctx.lexicon.cues.audience_nouns
               for child in verb.children)


def _ensemble_after(ctx: _Context, noun: Token) -> Mention | None:
    """'a concert of the X Orchestra', 'a performance by the Y Ensemble': an ensemble, named right
    after the performance noun's 'of' or 'by', performed (its organization's last word says so)."""
    doc = ctx.doc
    i = noun.i + 1
    if i + 1 >= len(doc) or doc[i].lower_ not in ("of", "by"):
        return None
    i += 1 + (doc[i + 1].lower_ == "the")
    mention = ctx.mention_at(doc[i]) if i < len(doc) else None
    if mention is None or mention.type != "Organization" or _mention_start(ctx, mention) != i:
        return None
    return mention if mention.name.split()[-1].lower() in ctx.lexicon.cues.ensemble_words else None


def _showed_the_guests(ctx: _Context) -> None:
    """'The carpet weaver X showed the guests how a knot is tied', 'the carpet master X, who came from
    Baku and showed our guests how ...': a person who showed the audience something took part."""
    doc = ctx.doc
    for token in ctx.tokens:
        if token.pos_ != "VERB" or token.lemma_.lower() not in ctx.lexicon.cues.showing_verbs or not _shows_the_audience(ctx, token):
            continue
        verb = token
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        while subject is None and verb.dep_ == "conj" and verb.head is not verb:
            verb = verb.head  # 'who came from Baku and showed our guests': the first verb's subject
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:
            # 'The carpet weaver NAME, who ..., showed the guests': the parser loses the subject; the
            # person who opens the sentence
            sentence = token.sent
            opening = [m for m in _mentions_in(ctx, ctx.doc[sentence.start : min(sentence.start + 8, token.i)])
                       if _is_named_person(ctx, m)]
            person = opening[0] if opening and verb.dep_ == "ROOT" else None
        else:
            person = ctx.mention_at(subject)
            if subject.lower_ == "who" and subject.i >= 2 and doc[subject.i - 1].text == ",":
                person = ctx.mention_at(doc[subject.i - 2])
            elif person is None:  # 'The carpet weaver NAME, who ...': the name inside the subject
                person = next((m for m in _mentions_under(ctx, subject) if _is_named_person(ctx, m)), None)
        if _is_named_person(ctx, person) and person.kind != "implied":
            ctx.add(EVENT, "participant", person.index, "rule:showed-the-guests", 0.6, token)


_ARRIVAL_VERBS = frozenset({"come", "travel", "fly", "arrive"})


def _came_for_the_event(ctx: _Context) -> None:
    """'chef NAME, who was flown in from Lima for the evening', 'NAME, who came from Oslo for the
    opening': a named person said to have come for the event was at it (a participant, unless a
    rule finds a speech)."""
    doc = ctx.doc
    for token in ctx.tokens:
        if token.dep_ != "relcl" or token.lemma_.lower() not in _ARRIVAL_VERBS:
            continue
        if not any(c.dep_ == "prep" and c.lower_ == "for" and any(o.dep_ == "pobj" and _is_event_noun(ctx, o) for o in c.children)
                   for c in token.children):
            continue
        pronoun = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "who"), None)
        if pronoun is None or pronoun.i < 2 or doc[pronoun.i - 1].text != ",":
            continue
        person = ctx.mention_at(doc[pronoun.i - 2])
        if _is_named_person(ctx, person) and person.kind != "implied":
            ctx.add(EVENT, "participant", person.index, "rule:came-for-the-event", 0.6, token)


def _features_an_event(ctx: _Context, verb: Token) -> bool:
    """'The concert / the evening / the programme featured ...' (not 'the newspaper featured')."""
    words = ctx.lexicon.event_heads | ctx.lexicon.cues.programme_words
    return any(child.dep_ == "nsubj" and child.lemma_.lower() in words for child in verb.children)


def _featured(verb: Token) -> list[Token]:
    """The object of 'featured' and the names in apposition to it or listed with it, not those
    inside its modifiers ('featured works by the painter X' features no painter)."""
    found, stack = [], [child for child in verb.children if child.dep_ == "dobj"]
    while stack:
        node = stack.pop()
        found.append(node)
        stack.extend(child for child in node.children if child.dep_ in ("appos", "conj"))
    return found


def _authors_of_featured_talks(ctx: _Context, verb: Token) -> list[Mention]:
    """'The conference featured presentations by X, head of Y, and by Professor Z': those who gave the
    talks an event featured spoke at it; the parser hangs a second 'and by Z' on the verb."""
    talks = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in ctx.lexicon.cues.speech_nouns]
    if not talks:
        return []
    # 'lectures by X' under the talks, or as the verb's agent ('featured lectures by X and Y')
    bys = [p for holder in (verb, *talks) for p in holder.children if p.dep_ in ("prep", "agent") and p.lower_ == "by"]
    bys += [c for holder in (verb, *bys) for c in holder.children if c.dep_ == "conj" and c.lower_ == "by"]
    named = [m for by in bys for m in _mentions_under(ctx, by)]
    return [m for m in dict.fromkeys(named) if _is_named_person(ctx, m) and m.kind != "implied"]


def _present_among(ctx: _Context) -> None:
    """'Among those present were A and B', 'Among the guests were A and B': they attended."""
    for sentence in ctx.sentences:
        text = sentence.text.lower()
        if not any(cue in text for cue in ctx.lexicon.cues.presence_cues):
            continue
        for mention in _mentions_in(ctx, sentence):
            if _is_named_person(ctx, mention) and mention.kind != "implied":
                ctx.add(EVENT, "participant", mention.index, "rule:among-those-present", 0.65, sentence)


def _present_by_pattern(ctx: _Context) -> None:
    """'Attending the reception were A, B and C', 'Also present were A and B', 'Among the sixty
    guests was A', 'We were honoured by the presence of A and of B': the persons named after the
    cue attended (those named before it, and speakers, are not made so here)."""
    patterns = [re.compile(p) for p in ctx.lexicon.cues.presence_patterns]
    for sentence in ctx.sentences:
        text = sentence.text.lower()
        match = next((m for p in patterns if (m := p.search(text))), None)
        if match is None:
            continue
        after = sentence.start_char + match.end()
        for mention in _mentions_in(ctx, sentence):
            if mention.start >= after and _is_named_person(ctx, mention) and mention.kind != "implied":
                ctx.add(EVENT, "participant", mention.index, "rule:present-by-pattern", 0.65, sentence)
    _among_the_guests_after(ctx)


_AMONG_AFTER = re.compile(r"\b(?:was|were) (?:also )?among the (?:\w+ ){0,2}(?:guests|attendees|participants|invitees)\s*[.;]")


def _among_the_guests_after(ctx: _Context) -> None:
    """"Turkey's ambassador, NAME, was among the guests.": the persons named before the cue, which
    closes the sentence, attended (a speaker stays a speaker)."""
    speakers = {r.object for r in ctx.relations if r.subject == EVENT and r.predicate == "speaker"}
    for sentence in ctx.sentences:
        match = _AMONG_AFTER.search(sentence.text.lower())
        if match is None:
            continue
        before = sentence.start_char + match.start()
        for mention in _mentions_in(ctx, sentence):
            if mention.end <= before and _is_named_person(ctx, mention) and mention.kind != "implied" \
                    and mention.index not in speakers:
                ctx.add(EVENT, "participant", mention.index, "rule:present-by-pattern", 0.65, sentence)


def _listed(ctx: _Context, token: Token) -> list[Mention]:
    """Mentions at a list's items, not inside their modifiers ('members of X' gives no X)."""
    out = []
    stack = [token]
    while stack:
        node = stack.pop()
        mention = ctx.mention_at(node)
        if mention is not None and mention not in out:
            out.append(mention)
        stack.extend(c for c in node.children if c.dep_ in ("conj", "appos", "compound", "flat"))
    return out


# --- films and campaigns ------------------------------------------------------------------------


def _films_and_campaigns(ctx: _Context) -> None:
    last_film: Mention | None = None
    for sentence in ctx.sentences:
        in_sentence = _mentions_in(ctx, sentence)
        text = sentence.text.lower()
        films = [m for m in in_sentence if m.type == "Film"]
        campaigns = [m for m in in_sentence if m.type == "Campaign"]
        if films and any(t.lemma_.lower() in ctx.lexicon.cues.screen_verbs and t.pos_ in ("VERB", "AUX") for t in ctx.tokens_in(sentence)):
            for film in films:
                ctx.add(EVENT, "screened", film.index, "rule:screening-verb", 0.85, sentence)
        elif films and any(t.lower_ in ctx.lexicon.cues.screening_nouns and t.pos_ == "NOUN" for t in ctx.tokens_in(sentence)):
            for film in films:  # "ended with the screening of the documentary X", "the premiere of X"
                ctx.add(EVENT, "screened", film.index, "rule:screening-noun", 0.8, sentence)
        if not films and last_film is not None and (_refers_back_to_film(sentence) or _it_was_made(ctx, sentence)):
            films = [last_film]  # "The film, produced by X, tells ...": the film named before
        last_film = next((m for m in reversed(in_sentence) if m.type == "Film"), last_film)
        for film in films:
            # "produced by X with the support of Y": the nearest name after each cue
            for target in _nearest_after_each_cue(in_sentence, sentence, ctx.lexicon.cues.producer_cues, ("Organization", "Person")):
                if target.type == "Person" and _DIRECTOR_BEFORE.search(ctx.text[max(sentence.start_char, target.start - 20) : target.start]):
                    continue  # "shot by director X with the support of Y": X directed it, Y produced it
                ctx.add(film.index, "producedBy", target.index, "rule:produced-by", 0.8, sentence)
            for studio in _studio_produced_for(ctx, in_sentence, sentence):
                ctx.add(film.index, "producedBy", studio.index, "rule:produced-for-studio", 0.75, sentence)
        for work in films + campaigns:
            hist = _after_cue(in_sentence, sentence, ctx.lexicon.cues.about_cues, ("HistoricalEvent",)) or _the_atrocity_named(ctx, sentence)
            if hist and (work.type == "Film" or "campaign" in text):
                ctx.add(work.index, "about", hist[0].index, "rule:dedicated-to", 0.75, sentence)
        for campaign in campaigns:
            people = _after_cue(in_sentence, sentence, ctx.lexicon.cues.initiator_cues, ("Person",))
            others = _after_cue(in_sentence, sentence, ctx.lexicon.cues.initiator_cues, ("Organization",))
            target = (people or others or [None])[0]
            if target is not None:
                ctx.add(campaign.index, "initiatedBy", target.index, "rule:initiative-of", 0.8, sentence)


_FOR_THE_STUDIO = re.compile(r"\bfor\s+(?:the\s+|its\s+)?(?:[A-Z][\w-]*\s+)?(?:film\s+)?(?:studio|studios|company)?\s*$")


def _studio_produced_for(ctx: _Context, mentions: list[Mention], sentence: Span) -> list[Mention]:
    """'produced by X for the Baku studio Y': a studio the film was made for, after 'for' in a
    sentence that says the film was produced (its producer cue), produced it too."""
    text = sentence.text.lower()
    if not any(cue in text for cue in ctx.lexicon.cues.producer_cues):
        return []
    return [m for m in mentions if m.type == "Organization" and m.method == "rule:studio-by-cue"
            and _FOR_THE_STUDIO.search(ctx.text[max(sentence.start_char, m.start - 40) : m.start])]


_FILMS_PRODUCER = re.compile(r"\b(?:the\s+(?:film|documentary|movie|video)['’]s|its)\s+(?:executive\s+|co-)?producer,?\s+$", re.I)


def _producers_named(ctx: _Context) -> None:
    """'The film's producer, NAME, introduced it': where the article shows one film, the person
    named as its producer produced it."""
    films = [m for m in ctx.mentions if m.type == "Film"]
    if not films or len({f.name for f in films}) != 1:
        return
    for person in ctx.mentions:
        if _is_named_person(ctx, person) and person.kind != "implied" and _FILMS_PRODUCER.search(ctx.text[max(0, person.start - 40) : person.start]):
            ctx.add(films[0].index, "producedBy", person.index, "rule:films-producer", 0.75, _sentence_of(ctx, person))


_ABOUT_THE_ATROCITY = re.compile(rf"\b(?:about|dedicated to|devoted to|on)\s+the\s+({'|'.join(sorted(ATROCITY_WORDS))})\b", re.I)


def _the_atrocity_named(ctx: _Context, sentence: Span) -> list[Mention]:
    """'the documentary "X" about the genocide': 'the genocide' is the one atrocity the article names
    ('the Khojaly genocide', '... massacre'), if it names exactly one."""
    if not _ABOUT_THE_ATROCITY.search(sentence.text):
        return []
    named = [m for m in ctx.mentions if m.type == "HistoricalEvent" and m.name.split()[-1].lower() in ATROCITY_WORDS]
    if len({" ".join(m.name.lower().split()[:-1]) for m in named}) != 1:
        return []
    return named[:1]


_DIRECTOR_BEFORE = re.compile(r"\b(?:film\s+)?director\s+$", re.I)


def _it_was_made(ctx: _Context, sentence: Span) -> bool:
    """'It was made by X with the support of Y' right after a film: 'it' is the film."""
    return any(
        t.lower_ == "it" and t.dep_ == "nsubjpass" and t.head.lemma_.lower() in ctx.lexicon.cues.production_verbs
        for t in ctx.tokens_in(sentence)
    )


def _refers_back_to_film(sentence: Span) -> bool:
    """'The film ...', 'This documentary ...': a definite film word as the sentence's subject."""
    return any(
        t._.eg_film_word and t.dep_ in ("nsubj", "nsubjpass") and any(c.lower_ in ("the", "this") for c in t.children)
        for t in sentence
    )


def _cue_ends(sentence: Span, cues: tuple[str, ...]) -> Iterator[int]:
    """The character offset (in the article) just past each cue phrase in the sentence."""
    text = sentence.text.lower()
    for cue in cues:
        for match in re.finditer(r"\b" + re.escape(cue) + r"\b", text):
            yield sentence.start_char + match.end()


def _near_after(mentions: list[Mention], at: int, types: tuple[str, ...]) -> list[Mention]:
    """Mentions of the given types starting within 120 characters after `at`, nearest first."""
    return sorted((m for m in mentions if at <= m.start < at + 120 and m.type in types), key=lambda m: m.start)


def _nearest_after_each_cue(mentions: list[Mention], sentence: Span, cues: tuple[str, ...], types: tuple[str, ...]) -> list[Mention]:
    """The first mention of the given types after each cue phrase in the sentence, in text order."""
    out: list[Mention] = []
    for at in _cue_ends(sentence, cues):
        near = _near_after(mentions, at, types)
        if near and near[0] not in out:
            out.append(near[0])
    return sorted(out, key=lambda m: m.start)


def _after_cue(mentions: list[Mention], sentence: Span, cues: tuple[str, ...], types: tuple[str, ...]) -> list[Mention]:
    """Mentions of the given types that follow one of the cue phrases in the sentence, nearest first."""
    out: list[Mention] = []
    for at in _cue_ends(sentence, cues):
        out.extend(m for m in _near_after(mentions, at, types) if m not in out)
    return out


# --- commemoration, anniversary, date -------------------------------------------------------------


def _commemoration(ctx: _Context) -> None:
    for sentence in ctx.sentences:
        text = sentence.text.lower()
        cues = [cue for cue in ctx.lexicon.cues.commemoration_cues if cue in text]
        if not cues or (cues == ["dedicated"] and _film_is_dedicated(ctx, sentence)) or _film_is_subject(ctx, sentence):
            continue
        for mention in _mentions_in(ctx, sentence):
            if mention.type == "HistoricalEvent":
                ctx.add(EVENT, "commemorates", mention.index, "rule:commemoration-cue", 0.8, sentence)
    _victory_day(ctx)
    _titled_after_event(ctx)
    match = _ANNIVERSARY.search(ctx.text)
    if match:
        number = int(match.group(1)) if match.group(1) else _ordinal_word(match.group(2))
        if number:
            span = ctx.doc.char_span(match.start(), match.end(), alignment_mode="expand")
            ctx.add(EVENT, "anniversary", str(number), "rule:nth-anniversary", 0.9, span)
            return
    if not any(r.subject == EVENT and r.predicate == "commemorates" for r in ctx.relations):
        return
    for sentence in ctx.sentences:
        # no "Nth anniversary": "the massacre, committed 29 years ago" says which one it is
        years = _YEARS_SINCE.search(sentence.text)
        if years and _speaks_of_the_commemorated(ctx, sentence):
            ctx.add(EVENT, "anniversary", str(int(years.group(1))), "rule:years-since-commemorated", 0.6, sentence)
            return


def _speaks_of_the_commemorated(ctx: _Context, sentence: Span) -> bool:
    """Whether the sentence is about the atrocity commemorated: it names it, calls it by its word
    ('the massacre committed 23 years ago'), or names its place ('21 years had passed since the
    night ... when civilians were killed in X', of the 'X genocide' commemorated)."""
    mentions = _mentions_in(ctx, sentence)
    if any(m.type == "HistoricalEvent" for m in mentions) or any(t.lower_ in ATROCITY_WORDS for t in sentence):
        return True
    commemorated = {ctx.mentions[r.object].name.lower() for r in ctx.relations
                    if r.subject == EVENT and r.predicate == "commemorates" and isinstance(r.object, int)}
    return any(m.type == "Place" and any(name.startswith(m.name.lower() + " ") for name in commemorated) for m in mentions)


_ANNIVERSARY_OF_THE_ATROCITY = re.compile(
    rf"\b(?:anniversary|memory|victims)\s+of\s+the\s+({'|'.join(sorted(ATROCITY_WORDS))})\b", re.I)


def _the_atrocity_commemorated(ctx: _Context) -> None:
    """'to mark the twentieth anniversary of the massacre committed in the town of X', 'in memory
    of the victims of the tragedy': the one atrocity the article names is commemorated, though
    the sentence does not name it."""
    if any(r.subject == EVENT and r.predicate == "commemorates" for r in ctx.relations):
        return
    named = [m for m in ctx.mentions if m.type == "HistoricalEvent" and m.name.split()[-1].lower() in ATROCITY_WORDS]
    if len({" ".join(m.name.lower().split()[:-1]) for m in named}) != 1:
        return
    for sentence in ctx.sentences:
        if _ANNIVERSARY_OF_THE_ATROCITY.search(sentence.text) and not _film_is_subject(ctx, sentence):
            ctx.add(EVENT, "commemorates", named[0].index, "rule:anniversary-of-the-atrocity", 0.7, sentence)
            return


_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
                 "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_YEARS_TO_THE_DAY = re.compile(r"\b(\d{1,3}|[a-z]+(?:-[a-z]+)?)\s+years\s+to\s+the\s+day\s+(?:since|after)\b", re.I)


def _number_word(word: str) -> int | None:
    """'18', 'eighteen', 'thirty-two' as a number."""
    if word.isdigit():
        return int(word)
    tens, _, unit = word.lower().partition("-")
    if tens not in _NUMBER_WORDS or unit and (unit not in _NUMBER_WORDS or _NUMBER_WORDS[unit] >= 10 or _NUMBER_WORDS[tens] < 20):
        return None
    return _NUMBER_WORDS[tens] + (_NUMBER_WORDS[unit] if unit else 0)


def _years_to_the_day(ctx: _Context) -> None:
    """'It was eighteen years to the day since the town was destroyed': the anniversary of a
    commemorated atrocity, where no 'Nth anniversary' says it."""
    if any(r.subject == EVENT and r.predicate == "anniversary" for r in ctx.relations):
        return
    if not any(r.subject == EVENT and r.predicate == "commemorates" for r in ctx.relations):
        return
    for sentence in ctx.sentences:
        match = _YEARS_TO_THE_DAY.search(sentence.text)
        if match and (number := _number_word(match.group(1))):
            ctx.add(EVENT, "anniversary", str(number), "rule:years-to-the-day", 0.7, sentence)
            return


def _victory_day(ctx: _Context) -> None:
    """'On the occasion of Victory Day ... the victory in the 44-day war': a Victory Day event
    commemorates the war whose victory the article speaks of."""
    lowered = ctx.text.lower()
    if not any(day in lowered for day in ctx.lexicon.cues.victory_days):
        return
    for sentence in ctx.sentences:
        if "victor" not in sentence.text.lower():
            continue
        for mention in _mentions_in(ctx, sentence):
            if _is_war(mention):
                ctx.add(EVENT, "commemorates", mention.index, "rule:victory-day-war", 0.7, sentence)
    if any(r.method == "rule:victory-day-war" for r in ctx.relations):
        return
    # no sentence speaks of the victory: the one war the article names is the war the day ends
    wars = [m for m in ctx.mentions if _is_war(m)]
    if wars and len({m.name.lower() for m in wars}) == 1:
        ctx.add(EVENT, "commemorates", wars[0].index, "rule:victory-day-only-war", 0.6, _sentence_of(ctx, wars[0]))


def _is_war(mention: Mention) -> bool:
    return mention.type == "HistoricalEvent" and mention.name.lower().split()[-1] in ("war", "wars")


def _titled_after_event(ctx: _Context) -> None:
    """'An evening titled "Khojaly: The Pain of Humanity" took place': an event whose own title names
    the place of a historical event the article mentions commemorates that event."""
    events = [m for m in ctx.mentions if m.type == "HistoricalEvent"]
    if not events:
        return
    for sentence in ctx.sentences:
        if not any(_is_event_noun(ctx, t) for t in ctx.tokens_in(sentence)):
            continue
        for i, token in enumerate(sentence[:-1]):
            if token.lower_ not in ctx.lexicon.cues.event_title_lead_ins or not (sentence[i + 1].is_quote or sentence[i + 1].text in "\"“«"):
                continue
            quoted = ctx.doc[sentence[i + 1].i : min(sentence[i + 1].i + 12, sentence.end)]
            words = {t.lower_ for t in quoted if t.is_title}
            for mention in events:
                named = {w.lower() for w in mention.name.split() if w[:1].isupper()}
                if named and named <= words:
                    ctx.add(EVENT, "commemorates", mention.index, "rule:event-titled-after", 0.6, sentence)


def _film_is_subject(ctx: _Context, sentence: Span) -> bool:
    """'The film tells the story of the victims of X': a sentence about the film, not the event."""
    root = sentence.root
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            mention = ctx.mention_at(child)
            if child._.eg_film_word or (mention is not None and mention.type == "Film"):
                return True
    return False


def _film_is_dedicated(ctx: _Context, sentence: Span) -> bool:
    """'The film "X", dedicated to the Y massacre, premiered': the film is about Y, the event
    (a premiere) commemorates nothing by that."""
    for token in ctx.tokens_in(sentence):
        if token.lower_ == "dedicated" and token.dep_ in ("acl", "amod", "appos"):
            head = ctx.mention_at(token.head)
            if token.head._.eg_film_word or (head is not None and head.type == "Film"):
                return True
    return False


def _ordinal_word(word: str) -> int | None:
    word = word.lower()
    if word in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[word]
    tens, _, unit = word.partition("-")
    tens_value = _TENS.get(tens)
    unit_value = {k: v for k, v in _ORDINAL_WORDS.items() if v < 10}.get(unit)
    return tens_value + unit_value if tens_value and unit_value else None


def _event_date(ctx: _Context) -> None:
    """A day stated in a sentence about the event ('was held ... on February 26'), else the dateline's."""
    published = ctx.article.date
    dateline = _body_dateline(ctx.text[:300], published)
    # "Debrecen, 16th September 2017 - ... opened yesterday": a relative day counts from the body's dateline
    reference = dateline[0] if dateline else published
    for ent in _date_spans(ctx.doc):
        verb = _verb_dated_by(ent)
        if verb is not None and _verb_lemma(ctx, verb) in ctx.lexicon.cues.gathering_verbs and not _came_for_an_event(ctx, verb):
            verb = _event_verb_above(ctx, verb)
        if verb is None:
            continue
        screening = _film_was_screened(ctx, verb)
        if not screening and not _lays_a_tribute(ctx, verb) and not _came_for_an_event(ctx, verb) \
                and (_verb_lemma(ctx, verb) not in ctx.lexicon.cues.event_verbs or not _is_event_clause(ctx, verb)):
            continue
        day = _read_day(ent.text, reference)
        if screening and day is not None and published is not None and not 0 <= (published - day).days <= 10:
            continue  # "the film, first shown in Cannes on May 5, 2019": another, earlier screening
        if day is not None:
            ctx.add(EVENT, "date", day.isoformat(), "rule:event-clause-date", 0.85, ent)
            return
    if dateline is not None:
        # "GENEVA, Feb. 27 (AZERTAC). An event was held ...": the body's dateline is the day reported from
        day, span = dateline
        where = ctx.doc.char_span(*span, alignment_mode="expand") or ctx.doc[:1]
        ctx.add(EVENT, "date", day.isoformat(), "rule:body-dateline-date", 0.6, where)
    elif published is not None:
        ctx.add(EVENT, "date", published.isoformat(), "fallback:dateline", 0.6, ctx.doc[:1])


# "ANTWERP, Friday 3 October 2014 -", "Debrecen, 16th September 2017 -": a weekday or an ordinal day
_WEEKDAY_OR_ORDINAL_DATELINE = re.compile(
    r"^[ \t]*[A-Z][\w'’. -]{1,40}?,\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[A-Z][a-z]{2,8})\s+(?P<year>\d{4})\b",
    re.M,
)


def _body_dateline(head: str, published: dt.date | None) -> tuple[dt.date, tuple[int, int]] | None:
    """The day of the body's dateline and where it is written, when it is within three days of the
    article's date: the day the report is sent from, which relative days ('yesterday', 'on Thursday')
    count from."""
    dateline = _DATELINE.search(head)
    day = _read_day(dateline.group("day"), published) if dateline else None
    span = dateline.span("day") if dateline else (0, 0)
    if day is None and (other := _WEEKDAY_OR_ORDINAL_DATELINE.search(head)) is not None:
        day = parse_date(f"{other.group('day')} {other.group('month')} {other.group('year')}")
        span = other.span("day")[0], other.span("year")[1]
    if day is None or (published is not None and abs((published - day).days) > 3):
        return None
    return day, span


def _date_spans(doc: Doc) -> list[Span]:
    """The model's dates, and dotted days ('14.12.2013') that it takes for a number or a place, or leaves out."""
    # a weekday the model calls a time ('on Sunday night') dates the event as 'on Sunday' does
    spans = [ent for ent in doc.ents if ent.label_ == "DATE" or ent.label_ == "TIME" and any(t.lower_ in _WEEKDAYS for t in ent)]
    numeric = [doc[t.i : t.i + 1] for t in doc if t.ent_type_ != "DATE" and _NUMERIC_DAY.fullmatch(t.text)]
    # "on Thursday 25/02/2021": the model's weekday and the number after it are one date
    weekday_ends = {span.end: span for span in spans if span[-1].lower_ in _WEEKDAYS}
    for number in numeric:
        if number.start in weekday_ends:
            spans.remove(weekday_ends[number.start])
            spans.append(doc[weekday_ends[number.start].start : number.end])
        else:
            spans.append(number)
    spans = sorted(spans, key=lambda span: span.start)
    # "on the twenty-eighth of May 1999": the model parts the ordinal day from its month; one date
    joined: list[Span] = []
    for span in spans:
        last = joined[-1] if joined else None
        if last is not None and span.start == last.end + 1 and doc[last.end].lower_ == "of" \
                and _ordinal_word(last[-1].lower_) is not None and _DAY_MONTH.match(f"1 of {span.text}"):
            joined[-1] = doc[last.start : span.end]
        else:
            joined.append(span)
    return joined


def _film_was_screened(ctx: _Context, verb: Token) -> bool:
    """'A documentary ... was premiered in Beijing on December 2': a film screened is the event."""
    # 'The documentary X premiered at Y': 'premiere' also takes the film as its active subject
    subjects = ("nsubjpass", "nsubj") if verb.lemma_.lower() in ("premiere", "premier") else ("nsubjpass",)
    def films(c: Token) -> list[Token]:
        # "TUNIS - The documentary X was premiered": the parser makes the dateline's city the subject
        # and hangs the film under it; the film is the subject
        return [c] + (list(c.children) if c.text.isupper() and len(c.text) > 1 else [])

    def is_film(f: Token) -> bool:
        return f._.eg_film_word or (m := ctx.mention_at(f)) is not None and m.type == "Film"

    return verb.lemma_.lower() in ctx.lexicon.cues.screen_verbs and (any(
        c.dep_ in subjects and any(is_film(f) for f in films(c)) for c in verb.children
    ) or _premiered_under_the_film(verb, is_film))


def _premiered_under_the_film(verb: Token, is_film) -> bool:
    """'LYON - The documentary "X", directed by Y, premiered on Thursday at Z': below a dateline the
    parser finds the sentence no verb of its own and hangs 'premiered' on the film or its title (the
    sentence's root, or appositions of it) as a modifier; the film premiering is still the screening."""
    if verb.dep_ != "acl" or verb.lemma_.lower() not in ("premiere", "premier"):
        return False
    chain = [verb.head]  # the film, its title and the dateline city, joined as appositions up to the root
    while chain[-1].dep_ == "appos" and chain[-1].head is not chain[-1]:
        chain.append(chain[-1].head)
    return chain[-1].dep_ == "ROOT" and any(is_film(t) for t in chain)


def _reported_screening(ctx: _Context, verb: Token) -> bool:
    """A film screened, not earlier nor to come: the screening the article reports."""
    return _film_was_screened(ctx, verb) and not _an_earlier_screening(ctx, verb)


_EARLIER = {"first", "previously", "earlier", "already", "originally", "once"}
_MODALS = {"will", "would", "shall", "should", "could", "can", "may", "might", "to"}


def _an_earlier_screening(ctx: _Context, verb: Token) -> bool:
    """'The film was first shown in Cannes in 2019', '... will also be shown in X': a screening said
    to be earlier or to come, or dated in another year than the article, is not the event reported."""
    if any(child.lower_ in _EARLIER for child in verb.children if child.dep_ == "advmod"):
        return True
    if any(child.lower_ in _MODALS for child in verb.children if child.dep_ == "aux"):
        return True
    published = ctx.article.date
    years = {int(t.text) for t in verb.subtree if t.ent_type_ == "DATE" and t.like_num and len(t.text) == 4 and t.text.isdigit()}
    return published is not None and any(year != published.year for year in years)


def _event_verb_above(ctx: _Context, verb: Token) -> Token | None:
    """'X was commemorated at the university, where students gathered on May 3': the people gathering
    in a clause on the event's place or time are the event; the first verb above is the event's."""
    if verb.dep_ not in ("relcl", "advcl", "conj"):
        return None
    return next((a for a in verb.ancestors if _is_verb(a)), None)


def _is_verb(token: Token) -> bool:
    """A verb of the sentence, not the parser's unattached guess ('the poet X' read as a verb, dep 'dep')."""
    return token.pos_ in ("VERB", "AUX") and token.dep_ != "dep"


def _verb_dated_by(ent: Span) -> Token | None:
    """The verb a date modifies ('held ... on March 3'), not a noun it names ('the January 20 tragedy')."""
    root = ent.root
    if root.dep_ == "compound" and root.head.lower_ in ("morning", "afternoon", "evening", "night"):
        root = root.head  # "on Friday evening": the part of the day is the preposition's object
    elif root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in ("morning", "afternoon", "evening", "night"):
        root = root.head.head  # "on the evening of the 28th of May": the part of the day is the preposition's object
    if root.dep_ == "pobj" and root.head.lower_ in ("on", "in") and root.head.head.pos_ in ("VERB", "AUX"):
        verb = root.head.head
        while not _is_verb(verb) and verb.head is not verb and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head  # 'presented the book by the poet X ... on May 3': the guess hangs on the real verb
        return verb
    if root.dep_ in ("npadvmod", "tmod", "obl") and root.head.pos_ in ("VERB", "AUX"):
        return root.head
    if root.dep_ == "pobj" and root.head.lower_ == "on":
        return _verb_above_object(root.head)
    return None


def _verb_above_object(prep: Token) -> Token | None:
    """'presented the film "X" ... on December 4', 'celebrated Y with an evening ... on March 16':
    the parser hangs the day on the verb's object; the verb that governs that object, climbing over
    nouns and the parser's unattached guesses ('the poet' read as a verb, dep 'dep'), not over a
    verb of its own ('the victims killed on February 26' stays with 'killed')."""
    for ancestor in prep.ancestors:
        if ancestor.pos_ in ("VERB", "AUX") and ancestor.dep_ != "dep":
            return ancestor
        if ancestor.pos_ not in ("NOUN", "PROPN", "ADP", "VERB", "NUM"):
            return None
    return None


def _read_day(text: str, published: dt.date | None) -> dt.date | None:
    """'February 26' (year from the dateline) or 'February 26, 2024'; None for other years."""
    full = parse_date(text) or _numeric_day(text)
    if full is not None:
        return full if published is None or abs(full.year - published.year) <= 1 else None
    # "the twenty-eighth of May": an ordinal word for the day
    text = re.sub(r"\b(?:the\s+)?([A-Za-z]+(?:-[A-Za-z]+)?)(?=\s+of\s+[A-Z])",
                  lambda m: str(_ordinal_word(m.group(1))) if _ordinal_word(m.group(1)) else m.group(0), text)
    short = _SHORT_DOTTED_DAY.fullmatch(text.strip())
    if short is not None and published is not None:
        # "on Wednesday 10.9.": a dotted day and month, the year the article's
        try:
            day = dt.date(published.year, int(short.group("m")), int(short.group("d")))
        except ValueError:
            return None
        return day if abs((published - day).days) <= 31 else None
    # "on Wednesday 27 February": the weekday before a day and month is no month
    text = re.sub(r"^\s*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+(?=\d)", "", text, flags=re.I)
    match = _DAY_MONTH.search(text)
    if match is None and published is not None:
        return _last_weekday(text, published)
    if not match or published is None:
        return None
    month_name = match.group("m1") or match.group("m2")
    candidate = parse_date(f"{month_name} {match.group('d1') or match.group('d2')}, {match.group('y') or published.year}")
    if candidate is None:
        return None
    if not match.group("y") and candidate > published + dt.timedelta(days=31):
        candidate = candidate.replace(year=candidate.year - 1)
    if abs(candidate.year - published.year) > 1:
        return None
    return candidate


# "24.02.2015", and in slashes "25/02/2021" (one separator throughout)
_NUMERIC_DAY = re.compile(r"(?P<d>\d{1,2})(?P<sep>[./])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4})")
_SHORT_DOTTED_DAY = re.compile(r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.?", re.I)


def _numeric_day(text: str) -> dt.date | None:
    """'24.02.2015', '25/02/2021': day, month and year, the European order of dotted dates; a slashed
    date whose second number is no month is in the American order ('02/25/2021')."""
    text = re.sub(r"^\s*(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+(?=\d)", "", text, flags=re.I)
    match = _NUMERIC_DAY.fullmatch(text.strip())
    if match is None:
        return None
    day, month, year = int(match.group("d")), int(match.group("m")), int(match.group("y"))
    if match.group("sep") == "/" and month > 12 >= day:
        day, month = month, day
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _last_weekday(text: str, published: dt.date) -> dt.date | None:
    """'on Monday' in an article dated Tuesday, February 27: the Monday before, February 26 (the day
    itself when the article is dated that weekday)."""
    word = text.strip().lower()
    if word == "yesterday":  # 'was presented yesterday': the day before the article's
        return published - dt.timedelta(days=1)
    # 'last Monday', 'this Wednesday', 'Sunday night', 'Sunday last': the weekday itself
    word = re.sub(r"^(?:last|this|past)\s+|\s+(?:last|morning|afternoon|evening|night)$", "", word)
    if word not in _WEEKDAYS:
        return None
    return published - dt.timedelta(days=(published.weekday() - _WEEKDAYS.index(word)) % 7)


# --- sources -----------------------------------------------------------------------------------------


_CLOSING_CREDIT = re.compile(r"^[ \t]*(?:--|—|–)[ \t]*(?P<agency>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*)?)[ \t]*\.?[ \t]*$", re.M)


def _closing_credit(text: str) -> tuple[int, int] | None:
    """Where the agency of a closing credit line ('-- Trend', '— AZERTAC') is: the text's last line,
    a dash and one or two capitalized words and nothing else."""
    match = next((m for m in _CLOSING_CREDIT.finditer(text) if not text[m.end() :].strip()), None)
    return match.span("agency") if match else None


def _sources(ctx: _Context) -> None:
    """The news agency credited: 'By Interfax' in the header, 'told Interfax', 'Interfax reports', 'Wire informs'."""
    doc = ctx.doc
    names: list[tuple[str, Span | None]] = []
    if ctx.article.source:
        names.append((ctx.article.source, None))
    for token in ctx.tokens:
        if token.lower_ == "told" and token.i + 1 < len(doc) and _is_agency_name(doc[token.i + 1]):
            names.append((doc[token.i + 1].text, doc[token.i + 1 : token.i + 2]))
        if token.lower_ in ctx.lexicon.cues.source_verbs and token.i > 0:
            name = doc[token.i - 1]
            # "Interfax reports ...", "Wire informs citing ...": a capitalized word opening the clause
            opens_clause = name.is_sent_start or (name.i > 0 and doc[name.i - 1].is_punct)
            unclaimed = name.text[:1].isupper() and ctx.mention_at(name) is None
            if opens_clause and (unclaimed or _is_agency_name(name)):
                names.append((name.text, doc[name.i : name.i + 1]))
        if token.lower_ == "according" and token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "to":
            name = doc[token.i + 2]  # "according to APA": an agency by its short name
            if (name.text.isupper() and len(name.text) >= 2) or _DOMAIN_NAME.match(name.text):
                names.append((name.text, doc[name.i : name.i + 1]))
        if token.lower_ in ("correspondent", "correspondents") and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in ctx.lexicon.cues.source_verbs:
            i = token.i - 1  # "AZERTAC's correspondent reports"
            i = _before_the_correspondents_city(ctx, i)  # "APA's Warsaw correspondent reports"
            if i >= 0 and doc[i].text in ("'s", "’s"):
                i -= 1
            if i >= 0 and _is_agency_name(doc[i]):
                names.append((doc[i].text, doc[i : i + 1]))
    byline = _BYLINE_AGENCY.search(ctx.text[:300])
    if byline:  # "By Azernews" on a line of its own above the text: a one-word name is an agency, not a reporter
        span = doc.char_span(byline.start("agency"), byline.end("agency"))
        if span is not None:
            names.append((span.text, span))
    # "Bucharest, February 26, AZERTAC.", opening the text or the paragraph under the headline
    dateline = _DATELINE_AGENCY.search(ctx.text[:400])
    if dateline:
        span = doc.char_span(dateline.start("agency"), dateline.end("agency"))
        # "/Nyoman/." is one token: the agency inside it is pointed at by its text
        names.append((span.text, span) if span is not None else (dateline.group("agency"), None))
    credit = _closing_credit(ctx.text)
    if credit is not None:  # "-- Trend" on the last line: the agency the story is credited to
        span = doc.char_span(*credit)
        if span is not None:
            names.append((span.text, span))
    seen: set[str] = set()
    for name, span in names:
        if name in seen:
            continue
        seen.add(name)
        existing = next((m for m in ctx.mentions if m.type == "Organization" and m.name == name), None)
        retyped = _credited_name_retyped(ctx, span, name)
        existing = existing or retyped
        if existing is None:
            if span is not None:
                start, end, text = span.start_char, span.end_char, span.text
            else:  # credited in the header: point at its first occurrence
                start = max(ctx.article.text.find(name), 0)
                end, text = start + len(name), name
            existing = ctx.new_mention(type="Organization", text=text, start=start, end=end, name=name, kind="name", method="rule:source-cue")
        ctx.add(ARTICLE, "source", existing.index, "rule:source-cue", 0.85, span if span is not None else doc[:1])


def _before_the_correspondents_city(ctx: _Context, i: int) -> int:
    """'APA's Warsaw correspondent reports': the city before 'correspondent' is where the agency's
    reporter sits, not the agency; the agency is the name before it and its possessive."""
    doc = ctx.doc
    if i < 2 or doc[i - 1].text not in ("'s", "’s"):
        return i
    mention = ctx.mention_at(doc[i])
    is_place = (mention.type == "Place") if mention is not None else doc[i].ent_type_ in ("GPE", "LOC")
    return i - 1 if is_place else i


def _credited_name_retyped(ctx: _Context, span: Span | None, name: str) -> Mention | None:
    """The model's other reading of the credited agency's name ('ANKARA, Feb 26 (Turan) -' or the
    closing 'Turan 26.02.98 14:05 GMT' taken for a place or a person) becomes the agency: one span,
    one mention, and no event held in an agency. Returns the mention at the credit's own span, if any."""
    at_span = None
    for other in list(ctx.mentions):
        if other.type not in ("Place", "Person") or other.kind != "name" or other.text != name:
            continue
        agency = replace(other, type="Organization", name=name, method="rule:source-cue", subtype=None)
        ctx.mentions[other.index] = agency
        for i, mention in list(ctx.by_token.items()):
            if mention is other:
                ctx.by_token[i] = agency
        ctx.relations = [r for r in ctx.relations if other.index not in (r.subject, r.object)]
        if span is not None and (other.start, other.end) == (span.start_char, span.end_char):
            at_span = agency
    return at_span


_DOMAIN_NAME = re.compile(r"^[A-Z][\w-]*\.[A-Za-z]{2,4}$")
_BYLINE_AGENCY = re.compile(r"^[ \t]*By[ \t]+(?P<agency>[A-Z][\w.&-]*[\w])[ \t]*$", re.M)
_DATELINE_AGENCY = re.compile(
    r"^\s*[A-Z][\w'’. -]{1,40}?,\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}|\d{1,2}\.(?:\d{1,2}|[IVX]{1,4})\.(?=\d))(?:,?\s*\d{4})?\.?\s*[,/(–-]\s*"
    r"(?P<agency>[A-Z][A-Za-z]*[A-Z][\w.]*|[A-Z][\w-]*\.[A-Za-z]{2,4}|(?<=\()[A-Z][\w.-]+(?=\))|(?<=/)[A-Z][\w.-]+(?=/)|[A-Z][a-z]+(?=\.\s+[A-Z]))\b",
    re.M,
)  # the last form: one capitalized word that ends the dateline ("Bratislava, January 21, Wire. The ...");
# dotted days ("TABRIZ, 26.II.2007 (CPS) --", a Roman month too) and an agency in slashes after the
# dateline's full stop ("Minsk, 20 January 2010. /Nyoman/.")


def _is_agency_name(token: Token) -> bool:
    """A proper noun or a domain-style name ('Caucasus.Info')."""
    return (token.text[:1].isupper() and token.pos_ == "PROPN") or bool(_DOMAIN_NAME.match(token.text))
