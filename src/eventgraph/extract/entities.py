"""Entity mentions from a parsed Doc: domain rules first, the statistical model to fill in.

Candidates come from, in order of trust: quoted titles next to film or
campaign words (a film may be titled like a historical event), the domain rule
spans (`doc.spans["eg_rules"]`), names right after a job title, the country
gazetteer, and the model's own entities (checked and repaired). A candidate is
kept when it overlaps nothing more trusted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from spacy.tokens import Doc, Span, Token

from ..records import Mention
from .components import rule_spans
from .lexicon import ATROCITY_WORDS, Lexicon, fold_accents

# Words that make a mission a consulate or a permanent mission.
_MISSION_KINDS = (
    ("honorary consulate", "Honorary Consulate"),
    ("consulate general", "Consulate General"),
    ("consulate-general", "Consulate General"),
    ("general consulate", "Consulate General"),
    ("permanent mission", "Permanent Mission"),
    ("permanent delegation", "Permanent Mission"),
    ("consulate", "Consulate"),
)
_MONTHS = frozenset("january february march april may june july august september october november december "
                    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
_STATE_ABBREVIATION = re.compile(r"^(?:[A-Z]\.){2,3}$")
_OTHER_WORK = "OtherWork"  # a book's or song's quoted title: it holds the tokens, then is dropped
_PLACE_KIND_WORDS = {"region", "district", "province", "town", "village", "city"}
_QUOTE_CHARS = "\"'“”‘’«»„"
# A capitalized word that can be part of a proper name ("O'Neil", "Vigil", "Caucasus.Info").
_NAME_TOKEN = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*$")


@dataclass
class _Candidate:
    span: Span
    type: str
    name: str
    method: str
    kind: str = "name"
    subtype: str | None = None
    sender: str | None = None
    host: str | None = None
    city: str | None = None
    mission: str = "Embassy"


def find_mentions(doc: Doc, lexicon: Lexicon) -> list[Mention]:
    """Every entity mention in the doc, as plain records sorted by position."""
    taken = [False] * len(doc)
    kept: list[_Candidate] = []
    for candidate in _candidates(doc, lexicon):
        span = candidate.span
        if any(taken[span.start : span.end]):
            continue
        for i in range(span.start, span.end):
            taken[i] = True
        kept.append(candidate)
    kept.extend(_bracketed_acronyms(doc, taken, kept))
    kept.extend(_nominal_mentions(doc, taken, lexicon))
    kept.extend(_authors_of_works(doc, taken, lexicon))
    kept.extend(_conjoined_names(doc, taken, kept))
    kept.extend(_conjoined_cities(doc, taken, kept))
    kept.extend(_full_names_of_lone_surnames(doc, taken, kept))
    kept.extend(_full_names_said_again(doc, taken, kept))
    kept.extend(_surnames_of_named_persons(doc, taken, kept))
    kept = _places_by_cues(doc, [c for c in _agree_on_persons(kept) if c.type != _OTHER_WORK], lexicon)
    kept = _studios_by_cues(doc, kept, lexicon)
    kept.extend(_untagged_names_after_studio(doc, taken, kept, lexicon))
    kept = _cities_the_model_calls_persons(doc, kept, lexicon)
    kept = _given_names_the_model_calls_places(kept, lexicon)
    kept = [c for c in kept if not _names_a_language(c, lexicon)]
    kept.extend(_capitalized_dateline_city(doc, taken, kept, lexicon))
    kept.extend(_dash_dateline_city(doc, taken, lexicon))
    kept.extend(_stop_dateline_city(doc, taken, kept, lexicon))
    kept.extend(_comma_day_dateline_city(doc, taken, lexicon))
    kept = _places_before_common_nouns(kept, lexicon)
    kept.extend(_cities_before_common_nouns(doc, taken, kept, lexicon))
    kept = _venues_before_venue_nouns(doc, kept, lexicon)
    kept = _venues_at_a_name_in_a_place(doc, kept, lexicon)
    kept = _venues_named_again(doc, kept)
    kept.extend(_venue_words_said_again(doc, taken, kept))
    kept = _companies_named_without_legal_form(kept)
    kept = _family_names_before_given_names(doc, kept, lexicon)
    kept = _straddling_person_names(doc, _names_after_titled_bodies(doc, kept, lexicon), lexicon)
    kept = _without_honorifics(kept, lexicon)
    kept = _generic_words_alone(doc, _names_with_coordinations(doc, kept, lexicon), lexicon)
    kept = _media_named_after_their_kind(doc, kept)
    kept.extend(_unclaimed_media_names(doc, kept))
    kept.extend(_cities_of_districts(doc, kept, lexicon))
    kept = _masthead_names(doc, [c for c in kept if not _stray_capitals(c, lexicon) and not _navigation_item(c.span)
                                 and not _constituency_of_a_member(c) and not _page_chrome_words(c.span)], lexicon)
    kept.sort(key=lambda c: (c.span.start_char, c.span.end_char))
    return [
        Mention(
            index=i,
            type=c.type,
            text=c.span.text,
            start=c.span.start_char,
            end=c.span.end_char,
            name=c.name,
            kind=c.kind,
            subtype=c.subtype,
            sender=c.sender,
            host=c.host,
            city=c.city,
            mission=c.mission,
            method=c.method,
        )
        for i, c in enumerate(kept)
    ]


def _places_before_common_nouns(kept: list[_Candidate], lexicon: Lexicon) -> list[_Candidate]:
    """'the Baku company X', 'the Baku museum': a city or country of the gazetteer before a lower-case
    common noun names the place the thing is in, not an organization or a venue of that name."""
    out = []
    for candidate in kept:
        span = candidate.span
        first = span[0]
        rest = span[1:]
        if candidate.type in ("Organization", "Place") and candidate.subtype not in ("City", "Country") and 1 <= len(rest) <= 2 \
                and all(t.is_lower and t.is_alpha for t in rest) and first.text[:1].isupper():
            country = lexicon.country(first.text)
            if country or lexicon.country_of_city(first.text) is not None:
                out.append(_Candidate(span[:1], "Place", country or first.text, "gazetteer:place-before-common-noun",
                                      subtype="Country" if country else "City"))
                continue
        out.append(candidate)
    return out


def _cities_before_common_nouns(doc: Doc, taken: list[bool], kept: list[_Candidate], lexicon: Lexicon):
    """'the Tbilisi company X', 'a Baku photographer': a one-word city of the gazetteer between 'the'
    or 'a' and a lower-case noun, which the model may call a nationality, is the place."""
    covered = {i for c in kept for i in range(c.span.start, c.span.end)}
    for token in doc[1:-1]:
        i = token.i
        if taken[i] or i in covered or not token.is_title or doc[i - 1].lower_ not in ("the", "a", "an"):
            continue
        after = doc[i + 1]
        if not (after.is_lower and after.pos_ == "NOUN") or lexicon.country_of_city(token.text) is None or token._.eg_demonym:
            continue
        taken[i] = True
        yield _Candidate(doc[i : i + 1], "Place", token.text, "gazetteer:city-before-common-noun", subtype="City")


def _constituency_of_a_member(candidate: _Candidate) -> bool:
    """'Member of Parliament for Ottawa Centre': the title and the seat it is held for, no
    organization 'Parliament for Ottawa Centre' ('Member of the Parliament of X' names one)."""
    span = candidate.span
    doc = span.doc
    return candidate.type == "Organization" and len(span) > 2 and span[1].lower_ == "for" and span.start >= 2 \
        and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].lower_ in ("member", "members")


_ACRONYM = re.compile(r"^[A-Z][A-Z&-]{1,9}$")


def _bracketed_acronyms(doc: Doc, taken: list[bool], kept: list[_Candidate]):
    """'the Parliamentary Assembly of the Council of Europe (PACE)': the capitals in brackets right
    after an organization's name are its short name, there and wherever else the article uses them
    ('the Azerbaijani delegation to PACE'), though the model tags them nothing."""
    short: dict[str, str] = {}
    for candidate in kept:
        end = candidate.span.end
        if candidate.type != "Organization" or end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
            continue
        word = doc[end + 1]
        if _ACRONYM.match(word.text) and not taken[word.i]:
            short.setdefault(word.text, candidate.name)
    for token in doc:
        if token.text in short and not taken[token.i]:
            taken[token.i] = True
            yield _Candidate(doc[token.i : token.i + 1], "Organization", short[token.text], "rule:bracketed-acronym")


def _places_by_cues(doc: Doc, kept: list[_Candidate], lexicon: Lexicon) -> list[_Candidate]:
    """A bare proper name the model called a person or an organization is a place where the words
    around it say so: 'the entire X', 'the liberated X' (no person is spoken of so), 'the X district',
    'the X, Y and Z districts'; the same lone word elsewhere in the article is that place again."""
    cues = lexicon.cues
    places: set[str] = set()
    for candidate in kept:
        span = candidate.span
        if candidate.type not in ("Person", "Organization", "Place") or not candidate.method.startswith("model:") or len(span) > 2:
            continue
        if any(t._.eg_title or t._.eg_org_head or t._.eg_demonym for t in span):
            continue
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        whole = (before is not None and before.lower_ in cues.whole_place_modifiers and span.start > 1 and doc[span.start - 2].lower_ == "the"
                 and (after is None or after.pos_ not in ("NOUN", "PROPN")))  # 'the entire X family' is a family
        if whole or _listed_before_place_kind(doc, span.end, cues.place_kind_nouns) or _returned_to(doc, span):
            places.add(span.text)
    for candidate in kept:
        if candidate.span.text in places and candidate.type in ("Person", "Organization") and candidate.method.startswith("model:"):
            candidate.type, candidate.name, candidate.subtype, candidate.kind = "Place", candidate.span.text, None, "name"
            candidate.method = "rule:place-by-cue"
    return kept


def _returned_to(doc: Doc, span: Span) -> bool:
    """'families returning to X', 'the return to X': one returns home to a place, not to a person
    (a lone capitalized word right after the verb's or noun's 'to', before no further name word)."""
    if span.start < 2 or doc[span.start - 1].lower_ != "to" or doc[span.start - 2].lemma_.lower() != "return":
        return False
    after = doc[span.end] if span.end < len(doc) else None
    return len(span) == 1 and (after is None or not after.is_title)


def _studios_by_cues(doc: Doc, kept: list[_Candidate], lexicon: Lexicon) -> list[_Candidate]:
    """A one-word name the model calls a person or a place is a film studio where it says so:
    written solid with 'film' ('Xfilm'), or before 'studio' ('the X studio'); a name of any length
    right after 'studio' ('the studio X Film') or ending in a capitalized 'Film' or 'Studio' is one too."""
    cues = lexicon.cues
    for candidate in kept:
        span = candidate.span
        if candidate.type not in ("Person", "Place", "Organization") or not candidate.method.startswith("model:"):
            continue
        if len(span) > 1:
            before = doc[span.start - 1] if span.start > 0 else None
            after_studio = before is not None and before.is_lower and before.lower_ in cues.studio_nouns
            studio_tail = span[-1].is_title and span[-1].lower_ in cues.studio_suffixes
            if candidate.type != "Organization" and (after_studio or studio_tail):
                candidate.type, candidate.name, candidate.subtype, candidate.kind = "Organization", span.text, None, "name"
                candidate.method = "rule:studio-by-cue"
            continue
        word = span[0].text
        solid = any(word.endswith(suffix) and len(word) > len(suffix) + 2 and word[:1].isupper() and word[-len(suffix) - 1].islower()
                    for suffix in cues.studio_suffixes)
        after = doc[span.end] if span.end < len(doc) else None
        before_studio = after is not None and after.is_lower and after.lower_ in cues.studio_nouns \
            and not (span.end + 1 < len(doc) and _is_name_word(doc[span.end + 1]))  # 'the Baku studio X Y': X Y is the studio
        if solid or before_studio:
            candidate.type, candidate.name, candidate.subtype, candidate.kind = "Organization", word, None, "name"
            candidate.method = "rule:studio-by-cue"
    return kept


def _untagged_names_after_studio(doc: Doc, taken: list[bool], kept: list[_Candidate], lexicon: Lexicon):
    """'for the Baku studio Caspian Frame': one to three capitalized name words right after a
    lower-case 'studio', which neither the rules nor the model tag, are the studio, an organization."""
    occupied = {i for c in kept for i in range(c.span.start, c.span.end)}
    for token in doc:
        if not (token.is_lower and token.lower_ in lexicon.cues.studio_nouns):
            continue
        start = end = token.i + 1
        while end < len(doc) and end - start < 3 and _is_name_word(doc[end]) and not _is_lexical(doc[end]) \
                and not doc[end]._.eg_geo and not doc[end].is_sent_start:
            end += 1
        if end == start or (end < len(doc) and _is_name_word(doc[end])) or any(taken[start:end]) \
                or any(i in occupied for i in range(start, end)):
            continue
        for i in range(start, end):
            taken[i] = True
        span = doc[start:end]
        yield _Candidate(span, "Organization", span.text, "rule:studio-by-cue")


def _cities_the_model_calls_persons(doc: Doc, kept: list[_Candidate], lexicon: Lexicon) -> list[_Candidate]:
    """'festivals in Tampere and Oulu': a lone word the model calls a person is the gazetteer's city
    after 'in' (or listed after such a city), unless a full name in the article ends with it."""
    surnames = {c.span[-1].text for c in kept if c.type == "Person" and len(c.span) >= 2}
    cities_at: set[int] = set()
    for candidate in sorted(kept, key=lambda c: c.span.start):
        span = candidate.span
        if candidate.type != "Person" or candidate.method != "model:PERSON" or len(span) != 1 or span.start == 0:
            continue
        if span.text in surnames or not lexicon.country_of_city(fold_accents(span.text)):
            continue
        before = doc[span.start - 1]
        listed = before.lower_ in ("and", ",", "or") and span.start >= 2 and (span.start - 2) in cities_at
        after_place = before.lower_ in ("and", ",") and any(c.type == "Place" and c.span.end == span.start - 1 for c in kept)
        if before.lower_ == "in" or listed or _after_settlements_lead_in(doc, span.start) or after_place:
            candidate.type, candidate.name, candidate.subtype, candidate.kind = "Place", span.text, "City", "name"
            candidate.method = "rule:city-not-person"
            cities_at.add(span.start)
    return kept


def _given_names_the_model_calls_places(kept: list[_Candidate], lexicon: Lexicon) -> list[_Candidate]:
    """'directed by Tunzala Ahmadbeyova' read as a place and a person: a lone word the model calls a
    place, which no gazetteer knows, right before a lone surname is the person's given name."""
    by_start = {c.span.start: c for c in kept}
    dropped: set[int] = set()
    for candidate in sorted(kept, key=lambda c: c.span.start):
        span = candidate.span
        if candidate.type != "Place" or not candidate.method.startswith("model:") or len(span) != 1 or not span[0].is_title:
            continue
        surname = by_start.get(span.end)
        if surname is None or surname.type != "Person" or len(surname.span) != 1 or not surname.span[0].is_title:
            continue
        word = fold_accents(span.text)
        if lexicon.country_of_city(word) or lexicon.country(word) or span[0]._.eg_country or span[0]._.eg_region:
            continue
        name = span.doc[span.start : surname.span.end]
        candidate.span, candidate.type, candidate.name, candidate.subtype, candidate.kind = name, "Person", name.text, None, "name"
        candidate.method = "rule:given-name-not-place"
        dropped.add(id(surname))
    return [c for c in kept if id(c) not in dropped]


_SETTLEMENT_NOUNS = frozenset({"city", "cities", "town", "towns", "village", "villages", "settlement", "settlements"})


def _after_settlements_lead_in(doc: Doc, i: int) -> bool:
    """'cities such as X', 'towns like X', 'villages including X', 'the city of X': a word right
    after a settlement noun and its lead-in names a settlement."""
    words = [t.lower_ for t in doc[max(0, i - 3) : i]]
    return any(
        len(words) >= len(lead) + 1 and words[-len(lead):] == list(lead) and words[-len(lead) - 1] in _SETTLEMENT_NOUNS
        for lead in (("such", "as"), ("like",), ("including",), ("of",))
    )


def _capitalized_dateline_city(doc: Doc, taken: list[bool], kept: list[_Candidate], lexicon: Lexicon):
    """'ZAGREB, February 26.', 'BAKU, Azerbaijan, Aug. 30.': the capitalized city opening the text is
    the gazetteer's city, whether the model calls it an organization or leaves it untagged."""
    words = [t for t in doc[:6] if not t.is_space]
    # 'ABU DHABI, UAE, Nov. 9.': a city of up to three capitalized words before the comma
    size = next((n for n in (1, 2, 3) if len(words) > n and words[n].text == ","), None)
    if size is None or not all(w.is_alpha for w in words[:size]) or len(words[0].text) < 3 and size == 1:
        return
    if not all(w.text.isupper() for w in words[:size]) and not (
        all(w.is_title for w in words[:size]) and len(words) > size + 1 and words[size + 1].lower_.rstrip(".") in _MONTHS
    ):
        return  # 'Vilnius, March 3, Wire.': a city in title case opens a dateline only before its day
    span = doc[words[0].i : words[size - 1].i + 1]
    if not lexicon.country_of_city(fold_accents(span.text.lower())):
        return
    name = span.text.title()
    covering = next((c for c in kept if c.span.start <= span.start < c.span.end or span.start <= c.span.start < span.end), None)
    if covering is None and not any(taken[span.start : span.end]):
        taken[span.start : span.end] = [True] * len(span)
        yield _Candidate(span, "Place", name, "gazetteer:dateline-city", subtype="City")
    elif covering is not None and len(covering.span) == 1 and size == 1 and covering.type in ("Organization", "Person"):
        covering.type, covering.name, covering.subtype, covering.kind = "Place", name, "City", "name"
        covering.method = "gazetteer:dateline-city"


DASH_DATELINE = re.compile(r"^[ \t]*(?P<city>[A-Z][A-Z'’.]+(?: [A-Z][A-Z'’.]+){0,2})[ \t]+[-–—][ \t]+(?=[A-Z\d])(?P<region>(?!))?", re.M)


def _dash_dateline_city(doc: Doc, taken: list[bool], lexicon: Lexicon):
    """'MINSK - A book ...' below a headline and a byline: a capitalized city of the gazetteer and a
    dash opening a paragraph is a dateline's city."""
    return _dateline_city(DASH_DATELINE, doc, taken, lexicon)


COMMA_DAY_DATELINE = re.compile(
    r"^[ \t]*(?P<city>[A-Z][A-Z'’]{2,}(?: [A-Z][A-Z'’]{2,}){0,2}),[ \t]+(?=\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Z][a-z]{2,8}\b|[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}\b)", re.M)


def _comma_day_dateline_city(doc: Doc, taken: list[bool], lexicon: Lexicon):
    """'ALMATY, 26 February - The embassy ...' below a headline: an upper-case city of the gazetteer,
    a comma and a day opening a paragraph is a dateline's city (the text's first words are the headline's)."""
    return _dateline_city(COMMA_DAY_DATELINE, doc, taken, lexicon)


def _dateline_city(dateline: re.Pattern[str], doc: Doc, taken: list[bool], lexicon: Lexicon) -> Iterator[_Candidate]:
    """The city `dateline` finds in the text's opening, if the gazetteer knows it and no rule took its words."""
    match = dateline.search(doc_text(doc)[:600])
    if match is None or not lexicon.country_of_city(fold_accents(match.group("city").lower())):
        return
    span = doc.char_span(*match.span("city"))
    if span is not None and not any(taken[span.start : span.end]):
        taken[span.start : span.end] = [True] * len(span)
        yield _Candidate(span, "Place", span.text.title(), "gazetteer:dateline-city", subtype="City")


STOP_DATELINE = re.compile(r"^[ \t]*(?P<city>[A-Z][A-Z'’]{2,}(?: [A-Z][A-Z'’]{2,}){0,2})[.,][ \t]+(?=[A-Z])(?P<region>(?!))?", re.M)


def _stop_dateline_city(doc: Doc, taken: list[bool], kept: list[_Candidate], lexicon: Lexicon):
    """'ASTANA. The consulate general held ...' below a headline: a capitalized city of the gazetteer
    and a full stop (or a comma) opening a paragraph is a dateline's city, no acronym."""
    match = STOP_DATELINE.search(doc_text(doc)[:600])
    if match is None or not lexicon.country_of_city(fold_accents(match.group("city").lower())) \
            or lexicon.international_organization(match.group("city")):
        return
    span = doc.char_span(*match.span("city"))
    if span is None:
        return
    covering = next((c for c in kept if c.span.start == span.start and c.span.end == span.end), None)
    if covering is not None and covering.type == "Organization":
        covering.type, covering.name, covering.subtype, covering.kind = "Place", span.text.title(), "City", "name"
        covering.method = "gazetteer:dateline-city"
    elif covering is None and not any(taken[span.start : span.end]):
        taken[span.start : span.end] = [True] * len(span)
        yield _Candidate(span, "Place", span.text.title(), "gazetteer:dateline-city", subtype="City")


def _venues_before_venue_nouns(doc: Doc, kept: list[_Candidate], lexicon: Lexicon) -> list[_Candidate]:
    """'a reception at the Fairmont Baku hotel': the capitalized words between 'at the' and a
    lower-case venue noun name the venue, though the model takes a city inside it on its own."""
    for token in doc:
        if token.lower_ not in lexicon.cues.venue_nouns or not token.is_lower or token.i < 3:
            continue
        start = token.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and _is_name_word(doc[start - 1]) and token.i - start < 4:
            start -= 1
        if start == token.i or start < 2 or doc[start - 1].lower_ != "the" or doc[start - 2].lower_ != "at":
            continue
        inside = [c for c in kept if start <= c.span.start and c.span.end <= token.i]
        if any((c.type != "Place" or not c.method.startswith("model:")) and not _titled_name_inside(c, start) for c in inside) or any(
            c.span.start < start < c.span.end or c.span.start < token.i < c.span.end for c in kept
        ):
            continue  # a rule's entity there, or one that runs across the venue's edges
        if len(inside) == 1 and inside[0].span.start == start and inside[0].span.end == token.i:
            continue  # the model has the venue already
        kept = [c for c in kept if c not in inside]
        span = doc[start : token.i]
        kept.append(_Candidate(span, "Place", span.text, "rule:venue-before-venue-noun", subtype="Venue"))
    return kept


def _titled_name_inside(candidate: _Candidate, start: int) -> bool:
    """'at the King Fahd Palace hotel': a name after a title word that is itself a word of the venue's
    name ('King') is the venue's, no person."""
    return candidate.method == "rule:title-name" and candidate.span.start > start


def _venues_at_a_name_in_a_place(doc: Doc, kept: list[_Candidate], lexicon: Lexicon) -> list[_Candidate]:
    """'opened at the Reial Cercle Artistic in Barcelona', 'an evening at the Muziekgebouw aan 't IJ in
    Amsterdam': a name with no organization word between 'at the' and 'in PLACE' is where the event was,
    a venue, whatever the model makes of it (or of its words)."""
    for token in doc[:-3]:
        if token.lower_ != "at" or doc[token.i + 1].lower_ != "the":
            continue
        head = token.head.lemma_.lower()
        if not (head in lexicon.cues.event_verbs or head in lexicon.cues.screen_verbs or token.head.lower_ in lexicon.event_heads):
            continue  # 'studied at the X in Y' says nothing of a venue; 'screened at the X in Y' does
        start = end = token.i + 2
        while end < len(doc) and end - start < 7 and (_is_name_word(doc[end]) or (end > start and _is_name_particle(doc, end, lexicon))):
            end += 1
        while end > start and not _is_name_word(doc[end - 1]):
            end -= 1  # a name ends in a capitalized word
        if end == start or end + 1 >= len(doc) or doc[end].lower_ != "in":
            continue
        if not any(c.type == "Place" and c.span.start == end + 1 for c in kept):
            continue
        if any(t._.eg_org_head or t._.eg_title or t._.eg_demonym or t._.eg_region or t._.eg_venue_head for t in doc[start:end]) \
                or doc[start]._.eg_country:
            continue  # 'at the University of X in Y', 'at the Chilean embassy in Y', 'at the Chile X': other rules' names
        inside = [c for c in kept if start <= c.span.start < end or start < c.span.end <= end]
        if any(not c.method.startswith(("model:", "gazetteer:")) or c.span.start < start or c.span.end > end for c in inside):
            continue  # a rule's entity there; the model's or the gazetteer's words ('Chile' of 'Casa de Chile') are the venue's
        kept = [c for c in kept if c not in inside]
        span = doc[start:end]
        kept.append(_Candidate(span, "Place", span.text, "rule:venue-at-name-in-place", subtype="Venue"))
    return kept


def _is_name_particle(doc: Doc, i: int, lexicon: Lexicon) -> bool:
    """'van', 'de los', and Dutch "'t", which the tokenizer splits into an apostrophe and 't'."""
    text = doc[i].text
    if text in lexicon.name_particles:
        return True
    if text in ("'", "’") and i + 1 < len(doc) and doc[i + 1].text == "t" and not doc[i].whitespace_:
        return True
    return text == "t" and i > 0 and doc[i - 1].text in ("'", "’") and not doc[i - 1].whitespace_


def _venues_named_again(doc: Doc, kept: list[_Candidate]) -> list[_Candidate]:
    """'opened at the National Museum of X ... Director of the National Museum of X NAME': a building the
    article places the event in is that venue wherever else it is named, not its staff's employer.
    Not where it acts ('organized by the museum'): an agent is a body."""
    venues = {c.name.casefold(): c for c in kept if c.type == "Place" and c.subtype == "Venue"}
    for candidate in kept:
        venue = venues.get(candidate.name.casefold())
        if venue is None or candidate.type != "Organization" or candidate.kind != "name":
            continue
        before = doc[candidate.span.start - 1] if candidate.span.start > 0 else None
        if before is not None and before.lower_ == "the" and candidate.span.start > 1:
            before = doc[candidate.span.start - 2]
        if before is not None and before.lower_ == "by":
            continue
        candidate.type, candidate.name, candidate.subtype = "Place", venue.name, "Venue"
        candidate.method = "rule:venue-named-again"
    return kept


def _venue_words_said_again(doc: Doc, taken: list[bool], kept: list[_Candidate]):
    """'opened at the Reial Cercle Artistic in Barcelona ... President of the Reial Cercle Artistic
    NAME': a venue the rules found by where it stands is that venue again where its very words
    recur, though no rule or model entity covers them there (the model runs them into the name)."""
    venues = {tuple(t.text for t in c.span): c for c in kept
              if c.type == "Place" and c.subtype == "Venue" and c.method == "rule:venue-at-name-in-place" and len(c.span) >= 2}
    occupied = set()
    for c in kept:
        occupied.update(range(c.span.start, c.span.end))
    for words, venue in venues.items():
        size = len(words)
        for start in range(len(doc) - size + 1):
            if start == venue.span.start or any(i in occupied for i in range(start, start + size)):
                continue
            if tuple(t.text for t in doc[start : start + size]) != words:
                continue
            after = doc[start + size] if start + size < len(doc) else None
            if after is not None and after.is_title and after.i not in occupied:
                continue  # a longer name that begins with the venue's words
            occupied.update(range(start, start + size))
            for i in range(start, start + size):
                taken[i] = True
            yield _Candidate(doc[start : start + size], "Place", venue.name, "rule:venue-said-again", subtype="Venue")


def _family_names_before_given_names(doc: Doc, kept: list[_Candidate], lexicon: Lexicon) -> list[_Candidate]:
    """'Member of the X Tan Mei Hua': a family name written first (resources/family_names.json) right
    before a one- or two-word personal name that nothing else claims starts that name."""
    starts = {c.span.start for c in kept} | {i for c in kept for i in range(c.span.start, c.span.end)}
    for candidate in kept:
        span = candidate.span
        if candidate.type != "Person" or not 1 <= len(span) <= 2 or span.start == 0:
            continue
        before = doc[span.start - 1]
        if before.text not in lexicon.family_names_first or before.i in starts or before.is_sent_start:
            continue
        if before.i > 0 and _is_name_word(doc[before.i - 1]) and doc[before.i - 1].ent_type_ == "PERSON":
            continue  # 'Anna Lee Wong': the word belongs to the name before
        candidate.span = doc[before.i : span.end]
        candidate.name = candidate.span.text
        candidate.method += "+family-name-first"
    return kept


def _companies_named_without_legal_form(kept: list[_Candidate]) -> list[_Candidate]:
    """'Azerkhalcha OJSC ... chief designer of Azerkhalcha': a company named once with its legal form is
    that company wherever its bare name stands, whatever the model took the bare name for."""
    companies = {}
    for candidate in kept:
        span = candidate.span
        if candidate.type == "Organization" and len(span) > 1 and span[-1]._.eg_legal_form:
            companies[span[:-1].text.casefold()] = candidate.name
    if not companies:
        return kept
    for candidate in kept:
        name = companies.get(candidate.span.text.casefold())
        if name is not None and candidate.type in ("Organization", "Place", "Person"):
            candidate.type, candidate.name, candidate.subtype = "Organization", name, None
            candidate.method = "rule:company-without-legal-form"
    return kept


def _names_a_language(candidate: _Candidate, lexicon: Lexicon) -> bool:
    """'the Hindi translation', 'its Persian and Urdu versions': a word the model calls a place that
    modifies a translation or version names a language, unless it is a known country or city."""
    span = candidate.span
    if candidate.type != "Place" or not candidate.method.startswith("model:") or len(span) != 1:
        return False
    if lexicon.country(span.text) or lexicon.country_of_city(fold_accents(span.text)):
        return False
    token = span[0]
    if _listed_with_languages(token):
        return True  # 'tours in Catalan, Spanish and English': listed with languages, a language
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("compound", "amod", "nmod") and token.head.lemma_.lower() in lexicon.cues.language_nouns


def _listed_with_languages(token) -> bool:
    """A word in a list with two or more demonyms or languages ('in Catalan, Spanish and English')."""
    doc = token.doc

    def language(i: int) -> bool:
        return 0 <= i < len(doc) and (doc[i]._.eg_demonym or doc[i].ent_type_ in ("LANGUAGE", "NORP"))

    def listed(step: int) -> int:
        count, i = 0, token.i + step
        while 0 <= i + step < len(doc) and doc[i].lower_ in (",", "and", "or") and language(i + step):
            count, i = count + 1, i + 2 * step
            if 0 <= i < len(doc) and doc[i].lower_ in ("and", "or") and doc[i - 1].text == ",":
                i += step  # 'Spanish, and English'
        return count

    return listed(1) + listed(-1) >= 2


def _listed_before_place_kind(doc: Doc, end: int, kinds: frozenset[str]) -> bool:
    """Whether a lower-case place-kind noun follows, over a list of capitalized names ('X, Y and Z districts')."""
    i = end
    while i < len(doc) and i - end < 12:
        token = doc[i]
        if token.lower_ in kinds and token.is_lower:
            return True
        if token.text in (",", "and", "or") or (token.pos_ == "PROPN" and _is_name_word(token)):
            i += 1
            continue
        return False
    return False


def _agree_on_persons(kept: list[_Candidate]) -> list[_Candidate]:
    """A titled person's name, or the surname of a full name, is that person wherever else
    the model typed it as a place or an organization ('The author, Hasanova, thanked ...')."""
    persons = {c.span.text for c in kept if c.type == "Person" and c.method == "rule:title-name"}
    surnames = {c.span.text.split()[-1] for c in kept if c.type == "Person" and len(c.span.text.split()) >= 2}
    for candidate in kept:
        if candidate.type not in ("Place", "Organization") or candidate.subtype == "Country":
            continue
        if candidate.span.text in persons:
            candidate.type, candidate.name, candidate.subtype = "Person", candidate.span.text, None
        elif candidate.method.startswith("model:") and candidate.span.text in surnames:
            candidate.type, candidate.name, candidate.subtype, candidate.kind = "Person", candidate.span.text, None, "surname"
    return kept


def _candidates(doc: Doc, lexicon: Lexicon):
    """Candidates in order of trust; find_mentions keeps the first of overlapping ones."""
    yield from _byline_authors(doc, lexicon)
    yield from _names_by_their_shape(doc, lexicon)
    yield from _quoted_organizations(doc, lexicon)
    yield from _quoted_titles(doc, lexicon)
    for span in rule_spans(doc):
        candidate = _from_rule(span, lexicon)
        if candidate:
            yield candidate
    yield from _titled_names(doc, lexicon)
    yield from _names_before_titles(doc, lexicon)
    yield from _names_after_title_commas(doc, lexicon)
    yield from _names_after_relative_clauses(doc, lexicon)
    yield from _countries(doc, lexicon)
    yield from _places_after_place_nouns(doc, lexicon)
    yield from _model_entities(doc, lexicon)
    yield from _cities_after_prepositions(doc, lexicon)


_BYLINE_AUTHOR = re.compile(
    r"^[ \t]*(?:By|by|BY)[ \t]+(?P<name>[A-ZÀ-ÖØ-Þ][\w'’]+(?:-[A-ZÀ-ÖØ-Þ][\w'’]+)?(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'’]+(?:-[A-ZÀ-ÖØ-Þ][\w'’]+)?){1,3})"
    r"[ \t]*(?:,[^\n]*)?$", re.M)
# "(Reporting by Selcuk Arikan; editing by ...)": a wire item's closing credits
_CREDIT_AUTHOR = re.compile(
    r"[(;][ \t]*(?:[Aa]dditional[ \t]+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting|[Tt]ext|[Pp]hotos?)[ \t]+by[ \t]+"
    r"(?P<name>[A-ZÀ-ÖØ-Þ][\w'’]+(?:-[A-ZÀ-ÖØ-Þ][\w'’]+)?(?:[ \t]+[A-ZÀ-ÖØ-Þ][\w'’]+(?:-[A-ZÀ-ÖØ-Þ][\w'’]+)?){1,3})[ \t]*(?=[;)])")


def _byline_authors(doc: Doc, lexicon: Lexicon):
    """'By Nora Velikova-Stone' on a line of its own (or before ', staff writer'): the article's
    author, a person, when the words are plain name words (no agency, organization or place)."""
    text = doc_text(doc)
    for match in [*_BYLINE_AUTHOR.finditer(text), *_CREDIT_AUTHOR.finditer(text)]:
        span = doc.char_span(*match.span("name"), alignment_mode="contract")
        if span is None or not len(span):
            continue
        credit = match.re is _CREDIT_AUTHOR  # 'Reporting by' says a person: a town's name there is a given name
        words = [t for t in span if t.text not in ("-", "–")]
        if any(_is_lexical(t) or t._.eg_geo and not credit or t._.eg_venue_head or t._.eg_legal_form or t.is_stop for t in words):
            continue
        # a given name may be a town's too ('By Marina Sokolovskaya'), where the model sees no body or place
        # in the name ('By Kazan Express'); a family name may not
        given_may_be_a_town = not any(t.ent_type_ in ("ORG", "GPE", "LOC", "NORP") for t in words)
        if len(words) < 2 or not credit and any(_is_known_place(t, lexicon) and t.ent_type_ != "PERSON"
                                                for t in words[1 if given_may_be_a_town else 0 :]):
            continue
        yield _Candidate(span, "Person", span.text, "rule:byline-author")


def doc_text(doc: Doc) -> str:
    """The document's text, joined once: spaCy's Doc.text joins every token's text each time it
    is asked (a millisecond a document), and several rules ask."""
    text = doc.user_data.get("eg_text")
    if text is None:
        text = doc.user_data["eg_text"] = doc.text
    return text


# --- domain rules -------------------------------------------------------------------------


def _from_rule(span: Span, lexicon: Lexicon) -> _Candidate | None:
    label = span.label_
    method = f"rule:{span.id_ or label.lower()}"
    if label == "EMBASSY":
        return _embassy(span, lexicon, method)
    if label == "EMBASSY_NOMINAL":
        return _Candidate(span, "Embassy", "embassy", method, kind="nominal")
    if label == "ORG":
        span = _strip_governing_body(_trim_trailing_name(_strip_determiner(_extend_with_city(_extend_with_model(span, lexicon), lexicon)), lexicon))
        span = _extend_over_portfolio_list(_extend_over_trailing_name_stop_words(_extend_over_name_stop_words(span, lexicon), lexicon), lexicon)
        span = _extend_with_diaspora_country(span, lexicon)
        if _governing_body_of_a_name_after(span):
            return None  # "Chairman of the Board of the Mine Action Agency": the board is the agency's
        if _generic_head_word_alone(span, lexicon):
            return None  # "Press release of ...", "Home > News > Events": a common noun, no body's name
        if _circle_of_latitude(span):
            return None  # "the Arctic Circle": a line on the map, which the model's place covers
        if _is_building(span, lexicon):
            return _Candidate(span, "Place", span.text, method + "+venue", subtype="Venue")
        if method == "rule:un-office-in-city" and (known := lexicon.international_organization(span.text)):
            return _Candidate(span, "Organization", known, method)  # "UN Office in Geneva" and "... at Geneva" are one
        return _Candidate(span, "Organization", canonical_org_name(span.text, lexicon), method)
    if label == "HIST":
        after = span.doc[span.end] if span.end < len(span.doc) else None
        if len(span) > 1 and span[0].lower_ in ("international", "world", "national") and after is not None and after.lower_ in ("remembrance", "day"):
            span = span[1:]  # "International Holocaust Remembrance Day": the day is named after the Holocaust
        return _Candidate(span, "HistoricalEvent", historical_event_name(span.text, lexicon), method)
    if label == "VENUE" and span.id_ == "hotel-brand":
        before = span.doc[span.start - 1] if span.start > 0 else None
        if before is None or not (before.lower_ == "the" or before.pos_ == "ADP"):
            return None  # "Anna Hilton", "Hilton said": a brand is a hotel after 'the' or 'at', 'in'
        return _Candidate(span, "Place", span.text, method, subtype="Venue")
    if label == "VENUE":
        if span.id_.startswith("leading-venue-head") and _head_ends_a_name(span):
            # "the Sheraton Hotel Pablo Ruiz": the head word closes the name before it, a person's name follows
            doc, start = span.doc, span.start
            while start > 0 and _is_name_word(doc[start - 1]) and not doc[start - 1].is_sent_start and not _is_lexical(doc[start - 1]):
                start -= 1
            venue = _extend_with_city(doc[start : span.start + 1], lexicon)  # "the Majestic Hotel Kuala Lumpur"
            return _Candidate(venue, "Place", venue.text, "rule:proper-building-head", subtype="Venue")
        span = _venue_of_a_theme(_extend_with_city(_extend_with_model(span, lexicon), lexicon), lexicon)
        if span[0]._.eg_title or (span.start > 0 and span.doc[span.start - 1]._.eg_title):
            return None  # "Professor Lena Park" is a person
        return _Candidate(span, "Place", span.text, method, subtype="Venue")
    if label == "PLACE":
        if span.id_ in ("known-region", "compass-continent") and _modifies_a_noun(span):
            return None  # "Caribbean cuisine", "the Baltic states' ministers" name no region of their own
        name = _strip_place_kind(span)
        if not name:
            return None
        return _Candidate(span, "Place", name, method, subtype=lexicon.place_subtype(name))
    return None


def _circle_of_latitude(span: Span) -> bool:
    """'Arctic Circle', 'Antarctic Circle': 'Circle' (a literary or friendship circle's word) after
    only continent or compass words is a line of latitude, no body."""
    words = [t for t in span if t.lower_ != "the"]
    return len(words) >= 2 and words[-1].lower_ == "circle" and all(t._.eg_continent or t._.eg_compass for t in words[:-1])


def _head_ends_a_name(span: Span) -> bool:
    """'the Sheraton Hotel': a leading venue head ('Hotel X') right after a capitalized name word is its last word."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    return before is not None and _is_name_word(before) and not before.is_sent_start and not _is_lexical(before) \
        and before.pos_ == "PROPN"


def _modifies_a_noun(span: Span) -> bool:
    """A region's name used as an adjective: a lower-case noun follows ('Caribbean cuisine')."""
    after = span.doc[span.end] if span.end < len(span.doc) else None
    return after is not None and after.is_lower and after.pos_ == "NOUN" and after.lower_ not in _PLACE_KIND_WORDS


def _extend_with_model(span: Span, lexicon: Lexicon) -> Span:
    """A rule's name stopped short where the model's entity goes on in a shape names take:
    a plural possessive before it ("Writers' Union of X"), "and" with capitalized words after it
    ("Department of Foreign Affairs and Trade"), a known city after a venue ("Hyatt Hotel Canberra")."""
    doc = span.doc
    model = model_entity_at(doc, span.start)
    if model is None or model.label_ not in ("ORG", "FAC") or model.end < span.end:
        return span
    start, end = span.start, span.end
    if start - 2 >= model.start and doc[start - 1].text in ("'", "’") and doc[start - 2].is_title and doc[start - 2].lower_.endswith("s"):
        start -= 2
        if start - 1 >= model.start and doc[start - 1]._.eg_demonym and doc[start - 1].is_title:
            start -= 1  # "the Algerian Writers' Union": the demonym opens the model's whole name
    elif start - 2 >= model.start and doc[start - 1].lower_ == "of" and _opens_a_name_of(doc[start - 2]) \
            and (start - 2 == model.start or doc[model.start].lower_ == "the" and start - 3 == model.start):
        start -= 2  # "the Memory of Andes Public Union", "the Friends of Lima Society": the model's whole name
    if end + 1 < model.end and doc[end].lower_ == "and" and all(t.is_title and not t.is_stop for t in doc[end + 1 : model.end]):
        end = model.end
    elif end + 1 < model.end and doc[end].lower_ == "on" and doc[end - 1].lower_ in _ON_HEADS \
            and all(t.is_title and not t.is_stop or t.lower_ == "and" for t in doc[end + 1 : model.end]) and doc[model.end - 1].is_title:
        end = model.end  # "the Senate Standing Committee on Foreign Affairs": a committee's remit is its name's rest
    elif end + 1 == model.end and doc[end].is_title and lexicon.country_of_city(doc[end].text) and not lexicon.country(doc[end].text):
        end = model.end
    return doc[start:end] if (start, end) != (span.start, span.end) else span


_ON_HEADS = frozenset({"committee", "commission", "subcommittee", "council"})


def _venue_of_a_theme(span: Span, lexicon: Lexicon) -> Span:
    """'the Minsk Hall of Chamber Music', 'the Palace of Culture': a venue's head word, 'of' and
    capitalized words that name its theme are one venue (not 'the Mural Hall of Parliament House',
    a room of another building, nor 'the Hall of Baku', a place, nor a person's name)."""
    doc = span.doc
    end = span.end
    if end + 1 >= len(doc) or doc[end].lower_ != "of" or not span[-1]._.eg_venue_head:
        return span
    stop = end + 1
    while stop < len(doc) and stop - end <= 4 and doc[stop].is_title and not doc[stop].is_stop and doc[stop].sent.start == doc[end].sent.start:
        stop += 1
    theme = doc[end + 1 : stop]
    if not len(theme) or any(t._.eg_venue_head or t._.eg_org_head or t._.eg_country or t._.eg_geo or t._.eg_title
                             or t.ent_type_ in ("PERSON", "GPE", "LOC") for t in theme[-1:]) \
            or any(t.ent_type_ in ("PERSON", "GPE") for t in theme) or lexicon.country_of_city(theme.text):
        return span
    if stop < len(doc) and (_is_name_word(doc[stop]) or doc[stop].lower_ in ("of", "'s", "’s")):
        return span
    return doc[span.start : stop]


def _opens_a_name_of(token) -> bool:
    """A capitalized common word that may open an organization's 'X of Y ...' name ('Memory',
    'Friends', 'Voice'): no title, organization or place word, no state form ('Republic of X')."""
    return token.is_title and token.pos_ in ("PROPN", "NOUN") and not token.is_stop and not (
        token._.eg_title or token._.eg_org_head or token._.eg_country or token._.eg_geo or token._.eg_demonym
        or token.lower_ in _STATE_FORM_WORDS)


_STATE_FORM_WORDS = frozenset({"republic", "kingdom", "state", "federation", "emirate", "sultanate", "principality", "commonwealth"})


def _extend_with_city(span: Span, lexicon: Lexicon) -> Span:
    """'Trinity College Dublin', 'the Majestic Hotel Kuala Lumpur': a known city right after the head
    word that closes a name is the name's last words (not where a verb, a noun or another name follows)."""
    doc = span.doc
    if span.end >= len(doc) or not ((span[-1]._.eg_org_head or span[-1]._.eg_venue_head) and span[-1].is_title):
        return span
    for size in (3, 2, 1):
        city = doc[span.end : span.end + size]
        if len(city) < size or not all(t.is_title for t in city) or city[0].is_sent_start:
            continue
        if not lexicon.country_of_city(city.text) or lexicon.country(city.text):
            continue
        after = doc[city.end] if city.end < len(doc) else None
        if after is not None and not (after.is_punct and after.text not in ("'s", "’s") or after.pos_ in ("ADP", "CCONJ")):
            return span  # "the University Tbilisi Ana Soto", "the Institute Tbilisi hosted", "the Foundation Lima office"
        return doc[span.start : city.end]
    return span


def _is_building(span: Span, lexicon: Lexicon) -> bool:
    """'held at Holy Trinity Cathedral' is a venue; 'the Georgian Orthodox Church thanked' is a body."""
    head = next((t for t in span if t.lower_ in lexicon.cues.buildings), None)
    # the building word ends the name ("Holy Trinity Cathedral") or takes an of-phrase ("Museum of Modern Art")
    if head is None or not (head.i == span.end - 1 or span.doc[head.i + 1].lower_ == "of"):
        return False
    if any(t._.eg_org_head and t.lower_ not in lexicon.cues.buildings | lexicon.cues.venue_modifiers for t in span):
        return False  # "Institute of History Hall" is not what this is about
    doc = span.doc
    if (span[0]._.eg_demonym or span[0]._.eg_country) and not _followed_by_in_a_place(span):
        return False  # "the Chilean National Museum organized": a body; "at the India X Centre in Delhi": a building
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in ("the", "a"):
        i -= 1
    return i >= 0 and doc[i].lower_ in ("at", "in", "inside", "near")


def _followed_by_in_a_place(span: Span) -> bool:
    """'the X Centre in New Delhi': the name is followed by 'in' and a capitalized name."""
    doc = span.doc
    return span.end + 1 < len(doc) and doc[span.end].lower_ == "in" and doc[span.end + 1].is_title


_GOVERNING_BODY = re.compile(
    r"^(?:(?:Supervisory|Executive|Management|Advisory)\s+)?Board(?:\s+of\s+(?:Directors|Trustees|Governors))?\s+of\s+(?:the\s+)?"
)


def _extend_over_name_stop_words(span: Span, lexicon: Lexicon) -> Span:
    """'the Mine Action Agency': a capitalized word of the stop list that names things ('Mine', 'Front',
    resources/titles.json name_stop_words) right before a body's name is its first word (and so are
    capitalized name words before it: 'National Mine Action Agency'); at a sentence's start only
    where the model's entity has it too."""
    doc = span.doc
    model = model_entity_at(doc, span.start)

    def name_stop(token) -> bool:
        return token.is_title and token.lower_ in lexicon.name_stop_words and not token._.eg_title \
            and token.lower_ not in lexicon.title_modifiers

    def may_open(token) -> bool:
        return not token.is_sent_start or (model is not None and model.start <= token.i)

    if span.start == 0 or not name_stop(doc[span.start - 1]) or not may_open(doc[span.start - 1]):
        return span
    start = span.start - 1
    while start > 0 and not doc[start].is_sent_start and may_open(doc[start - 1]) and doc[start - 1].is_title and (
            name_stop(doc[start - 1]) or (_is_name_word(doc[start - 1]) and not _is_lexical(doc[start - 1]))):
        start -= 1
    return doc[start : span.end]


def _extend_over_trailing_name_stop_words(span: Span, lexicon: Lexicon) -> Span:
    """'the X Agency for Mine Action': 'for' or 'of' and a capitalized word of the stop list that
    names things, then capitalized name words, after a body's name are the rest of its name."""
    doc = span.doc
    end = span.end
    if end + 1 >= len(doc) or doc[end].lower_ not in ("for", "of") or doc[end].sent.start != doc[span.start].sent.start:
        return span
    word = doc[end + 1]
    if not (word.is_title and word.lower_ in lexicon.name_stop_words and not word._.eg_title):
        return span
    end += 2
    while end < len(doc) and doc[end].is_title and _is_name_word(doc[end]) and not doc[end]._.eg_country and doc[end].sent.start == word.sent.start:
        end += 1
    return doc[span.start : end]


_BREADCRUMB_MARKS = frozenset({">", "»", "›", "|", "/"})


def _generic_head_word_alone(span: Span, lexicon: Lexicon) -> bool:
    """An organization word alone that names nothing: capitalized only as a sentence's first word
    before the lower-case noun it modifies ('Press release of ...'; not before a title: 'Sejm
    deputies'), or an item of a page's navigation trail ('Home > News > Events')."""
    if len(span) != 1:
        return False
    doc, word = span.doc, span[0]
    after = doc[word.i + 1] if word.i + 1 < len(doc) else None
    before = doc[word.i - 1] if word.i > 0 else None
    first = word.is_sent_start or (before is not None and before.is_space and (before.i == 0 or before.is_sent_start))
    if first and word.dep_ == "compound" and after is not None and after.is_lower and after.pos_ == "NOUN" \
            and not (after._.eg_title or after.lemma_.lower() in lexicon.titles):
        return True  # ('Knesset members', 'Sejm deputies': a title after it, the body's own name)
    if first and _common_noun_before_its_complement(doc, word.i):
        return True  # 'Staff of the consulate attended', 'Forum on connectivity held at X': a common noun, capitalized first
    return (before is not None and before.text in _BREADCRUMB_MARKS) or (after is not None and after.text in _BREADCRUMB_MARKS)


def _common_noun_before_its_complement(doc: Doc, i: int) -> bool:
    """Whether the word at i is followed by 'on ...' or by 'of the ...' / 'of' and a lower-case word: a
    common noun with its complement ('Staff of the consulate'), not a body's name ('Parliament of Georgia')."""
    if i + 2 >= len(doc):
        return False
    nxt, after = doc[i + 1], doc[i + 2]
    return nxt.lower_ == "on" or nxt.lower_ == "of" and (after.lower_ == "the" or after.is_lower)


_SHARE_WORDS = frozenset({"facebook", "twitter", "email", "e-mail", "whatsapp", "telegram", "linkedin", "print", "pinterest",
                          "reddit", "vk", "viber", "messenger", "instagram", "youtube", "tumblr", "share", "tweet"})
_TRAIL_MARKS = frozenset({">", "»", "›", "→"})


def _page_chrome_words(span: Span) -> bool:
    """'Facebook Twitter Email' under 'Share this:', 'Home » Community » Events': share buttons, or a
    navigation trail taken whole, are page chrome, no name."""
    words = [t for t in span if not t.is_punct]
    if words and all(t.lower_ in _SHARE_WORDS for t in words) and len(words) >= 2:
        return True
    if words and all(t.lower_ in _SHARE_WORDS for t in words) and _on_a_chrome_line(span):
        return True  # "Back to top | Print this page": a button on a line of buttons
    return any(t.text in _TRAIL_MARKS for t in span) or any(_spaced_slash(t) for t in span[1:-1])


def _spaced_slash(token: Token) -> bool:
    """'Home / News / Statements': a slash with a space on either side parts a trail's pages; a name's
    own slash is written tight ('Rhein/Main')."""
    return token.text == "/" and bool(token.whitespace_) and bool(token.doc[token.i - 1].whitespace_)


_CHROME_LINE_WORDS = frozenset({"back", "to", "top", "this", "page", "article", "story", "post", "|", "·", "•", "-", ":"})


def _on_a_chrome_line(span: Span) -> bool:
    """Whether the span's line holds nothing but page buttons ('Back to top | Print this page')."""
    text = span.doc.text
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = re.findall(r"[\w'’-]+|[^\w\s]", text[start : end if end >= 0 else len(text)].lower())
    return len(line) >= 3 and all(w in _SHARE_WORDS or w in _CHROME_LINE_WORDS for w in line)


def _navigation_item(span: Span) -> bool:
    """'Home > Press centre > News': a trail item in sentence case (only its first word capitalized),
    set off by the trail's marks, is page chrome, no name ('Home > Embassy of X > News' keeps its name)."""
    doc = span.doc
    if len(span) < 2 or not span[0].text[:1].isupper() or not all(t.is_lower or t.is_punct for t in span[1:]):
        return False
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return (before is not None and before.text in _BREADCRUMB_MARKS) or (after is not None and after.text in _BREADCRUMB_MARKS)


def _extend_with_diaspora_country(span: Span, lexicon: Lexicon) -> Span:
    """'the Association of Azerbaijani Students in North Macedonia', 'the Union of Turkish Students in
    Germany': a body of one nation's people named after another country they live in has that
    country in its name ('HEAD of DEMONYM Nouns in COUNTRY', the country not the demonym's)."""
    doc = span.doc
    words = list(span)
    if len(words) < 4 or not words[0]._.eg_org_head or words[1].lower_ != "of" or not words[2]._.eg_demonym:
        return span
    if not all(t.is_title and not t._.eg_country for t in words[3:]) or span.end + 1 >= len(doc) or doc[span.end].lower_ != "in":
        return span
    start = span.end + 1 + (doc[span.end + 1].lower_ == "the")
    end = start
    while end < len(doc) and doc[end]._.eg_country:
        end += 1
    country = lexicon.country(doc[start:end].text) if end > start else None
    demonym = words[2].text[:-1] if words[2].text.endswith("s") and not lexicon.country_of_demonym(words[2].text) else words[2].text
    if country is None or country == lexicon.country_of_demonym(demonym):
        return span
    if end < len(doc) and (doc[end].text in ("'s", "’s") or (_is_name_word(doc[end]) and doc[end].pos_ == "PROPN")):
        return span
    return doc[span.start : end]


def _governing_body_of_a_name_after(span: Span) -> bool:
    """'Board' in 'Chairman of the Board of the X Agency': a governing body that is followed by
    'of (the)' and a capitalized name is that organization's board, not an organization of its own."""
    doc = span.doc
    if not _GOVERNING_BODY.match(span.text + " of ") or span.end + 2 >= len(doc) or doc[span.end].lower_ != "of":
        return False
    k = span.end + 1 + (doc[span.end + 1].lower_ == "the")
    return k < len(doc) and doc[k].is_title


def _strip_governing_body(span: Span) -> Span:
    """'Board of the Center for X' -> 'Center for X': a chairman of the board works for the organization."""
    match = _GOVERNING_BODY.match(span.text)
    if match is None or match.end() >= len(span.text):
        return span
    inner = span.doc.char_span(span.start_char + match.end(), span.end_char)
    return inner if inner is not None and len(inner) else span


def _trim_trailing_name(span: Span, lexicon: Lexicon) -> Span:
    """'National University of Chile Ana Soto' -> 'National University of Chile'.

    Greedy organization patterns can run on into the personal name after a title
    ("Professor of the X University of Y NAME"); a run of 2-4 plain name words after
    a country or a known city is that name, not part of the organization.
    """
    tokens = list(span)
    for cut in range(1, len(tokens) - 2):
        # "Faculty of Arts Professor Ana Soto": a capitalized title inside starts a titled name
        tail = tokens[cut + 1 :]
        if tokens[cut]._.eg_title and not tokens[cut]._.eg_org_head and 2 <= len(tail) <= 4 \
                and all(_is_name_word(t) and not _is_lexical(t) for t in tail):
            return span.doc[span.start : span.start + cut]
    if _titled_complement_runs_into_name(span, lexicon):
        return span.doc[span.start : span.end - _trailing_name_size(span)]
    more = _particle_name_after(span.doc, span.end, lexicon)  # 'Municipality of Rotterdam Jan' + 'de Boer'
    if more and len(tokens) >= 3 and _is_known_place(tokens[-2], lexicon) and _is_name_word(tokens[-1]) and not _is_lexical(tokens[-1]):
        return span.doc[span.start : span.end - 1]
    for cut in range(len(tokens) - 2, 0, -1):
        tail = tokens[cut:]
        if _is_known_place(tokens[cut - 1], lexicon) and not tokens[cut - 1]._.eg_org_lead and not tokens[cut]._.eg_country and 2 <= len(tail) <= 4:
            # ('Fundación' is also a town's name: 'Fundación Ana Soto' is a foundation named after her;
            # 'of Batumi City Hall': a venue word ends no personal name)
            if all(_is_name_word(t) and not _is_lexical(t) for t in tail) and not tail[-1]._.eg_venue_head:
                return span.doc[span.start : span.start + cut]
    return span


def _particle_name_after(doc: Doc, i: int, lexicon: Lexicon) -> int:
    """How many tokens from i are the particles and last name of a personal name ('de Boer', 'van der Berg'), or 0."""
    j = i
    while j < len(doc) and j - i < 3 and doc[j].text in lexicon.name_particles:
        j += 1
    return j + 1 - i if i < j < len(doc) and _is_name_word(doc[j]) and doc[j].pos_ == "PROPN" and not _is_lexical(doc[j]) else 0


_BOARD_WORDS = frozenset({"board", "trustees", "directors", "governors"})


def _trailing_name_size(span: Span) -> int:
    """How many tokens a two-word name at the span's end takes: four when its family name is
    hyphenated ('Pierre Lemonnier-Hallet'), else two."""
    return 4 if len(span) >= 4 and _name_hyphen(span.doc, span.end - 2) else 2


def _titled_complement_runs_into_name(span: Span, lexicon: Lexicon) -> bool:
    """'Rector of the University of Modern Languages Ali Khan noted': a capitalized title's
    complement directly before the verb has swallowed the name; a name is most often its last two words."""
    doc = span.doc
    k = span.start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    j = k - 1
    while j > 0 and (doc[j]._.eg_country or doc[j].lower_ in ("of", "the", "to", "in") or doc[j].lower_ in _BOARD_WORDS):
        j -= 1  # "Deputy Permanent Representative of Turkey to the Council of Europe NAME", "Chairman of the Board of X NAME"
    titled = k >= 1 and doc[k].lower_ in ("of", "at", "to") and doc[j]._.eg_title and doc[j].is_title
    before_verb = span.end < len(doc) and doc[span.end].pos_ in ("VERB", "AUX")
    before_comma = span.end < len(doc) and doc[span.end].text == ","
    size = _trailing_name_size(span)
    if not (titled and (before_verb or before_comma) and len(span) >= size + 2):
        return False
    name, rest = [t for t in span[-size:] if t.text != "-"], span[:-size]
    # before a comma only where a portfolio word closes the body's name ('Chief Director at the
    # Department of International Relations and Cooperation Sipho Ndlovu, ...')
    portfolio = lexicon.portfolio_words
    if before_comma and not before_verb and rest[-1].lower_ not in portfolio:
        return False
    return all(t.pos_ == "PROPN" and _is_name_word(t) and not _is_lexical(t) and not t._.eg_geo and t.lower_ not in portfolio for t in name) \
        and rest[-1].lower_ not in ("of", "the", "for", "and")


def _embassy(span: Span, lexicon: Lexicon, method: str) -> _Candidate:
    """Sending country, host and kind of mission from 'Azerbaijani embassy in Argentina' and the like."""
    text = span.text
    lower = text.lower()
    mission = next((kind for words, kind in _MISSION_KINDS if words in lower), "Embassy")
    sender = host = city = None
    head = next(t.i for t in span if t.lower_ in ("embassy", "consulate", "consulate-general", "mission", "delegation"))
    before = [t for t in span if t.i < head]
    demonym = next((t for t in before if t._.eg_demonym), None)
    if demonym is not None:
        sender = lexicon.country_of_demonym(demonym.text)
    elif before and before[0]._.eg_country:  # "Azerbaijan's Embassy in Japan", "the Azerbaijan Embassy"
        words = [t for t in before if t._.eg_country]
        sender = lexicon.country(span.doc[words[0].i : words[-1].i + 1].text)
    after = span.doc[head + 1 : span.end]
    words = [t.text for t in after]
    if "of" in [w.lower() for w in words[:3]]:
        of_at = [w.lower() for w in words].index("of")
        rest = after[of_at + 1 :]
        cut = next((t.i for t in rest if t.lower_ in ("in", "to")), span.end)
        sender = _country_in(span.doc[rest.start : cut], lexicon) or sender
        after = span.doc[cut:span.end]
    target = next((t for t in after if t.lower_ in ("in", "to")), None)
    if target is not None:
        place = _strip_determiner(span.doc[target.i + 1 : span.end])
        organization = lexicon.international_organization(place.text)
        inner = next((t.i for t in place if t.lower_ == "in"), None)
        if mission == "Permanent Mission" and not organization and target.lower_ == "in" and lexicon.country_of_city(place.text):
            city = place.text  # "the Permanent Mission of X in Geneva": to the organizations the article names there
        elif mission == "Permanent Mission" or organization:
            host = organization or place.text  # missions to international organizations
        elif inner is not None:  # "Embassy of X in Poland in Warsaw": country, then city
            host = _country_in(span.doc[place.start : inner], lexicon)
            city = span.doc[inner + 1 : place.end].text
        elif (country := _country_in(place, lexicon)) is not None:  # "to the Kingdom of Belgium"
            host = country
        else:
            host, city = _host_and_city(place.text, lexicon)
    return _Candidate(span, "Embassy", "", method, sender=sender, host=host, city=city, mission=mission)


def _country_in(span: Span, lexicon: Lexicon) -> str | None:
    text = span.text
    for prefix in ("the ", "republic of ", "kingdom of ", "state of "):
        country = lexicon.country(text)
        if country:
            return country
        if text.lower().startswith(prefix):
            text = text[len(prefix) :]
    return lexicon.country(text)


def _host_and_city(text: str, lexicon: Lexicon) -> tuple[str | None, str | None]:
    """'Argentina' -> (Argentina, None); 'Cairo' -> (Egypt, Cairo)."""
    country = lexicon.country(text)
    if country:
        return country, None
    city_country = lexicon.country_of_city(text)
    if city_country:
        return city_country, text
    if _NAME_TOKEN.match(text) and len(text.split()) <= 3:
        return None, text  # a town the gazetteer lacks: its country comes from the article
    return None, None


# --- quoted titles ------------------------------------------------------------------------


def _quoted_titles(doc: Doc, lexicon: Lexicon):
    """Films and campaigns named in quotes, typed by the nearest work word: 'the campaign "X"',
    '"X" documentary', 'a video clip titled "X"'. A book's or a song's title is no entity."""
    for span in _quoted_spans(doc):
        inner = doc[span.start + 1 : span.end - 1]
        name = inner.text.strip().rstrip("!").strip()
        if not name or inner[0].is_lower:
            continue  # 'said the film was "a powerful testimony"': a quotation, not a title
        kind = _work_kind(doc, span, lexicon)
        if kind == "Campaign":
            yield _Candidate(span, "Campaign", name, "rule:quoted-campaign")
        elif kind == "Film":
            yield _Candidate(span, "Film", name, "rule:quoted-film")
        elif kind == "other":
            named = _historical_event_in_title(inner) if any(t._.eg_hist_head for t in inner) else None
            if named is None:
                yield _Candidate(span, _OTHER_WORK, name, "rule:quoted-other-work")  # 'the novel "Ali and Nino"': no 'Nino' place
                continue
            # 'a conference titled "The Lida Genocide and the Law"': the title's tragedy is referred to, the rest is no entity
            yield _Candidate(named, "HistoricalEvent", historical_event_name(named.text, lexicon), "rule:event-in-quoted-title")
            for piece in (doc[span.start : named.start], doc[named.end : span.end]):
                if len(piece):
                    yield _Candidate(piece, _OTHER_WORK, piece.text, "rule:quoted-other-work")
        elif kind is None and any(t._.eg_hist_head for t in inner) and inner[0].is_title:
            named = _historical_event_in_title(inner)
            if named is not None and len(named) < len(inner):
                # 'an evening titled "Remembering the Lida Tragedy"': the event's title names the tragedy
                yield _Candidate(named, "HistoricalEvent", historical_event_name(named.text, lexicon), "rule:event-in-quoted-title")
            elif named is not None:
                yield _Candidate(span, "HistoricalEvent", historical_event_name(name, lexicon), "rule:quoted-event")
        elif kind is None:
            yield from _site_in_commemoration_title(doc, span, lexicon)


def _historical_event_in_title(inner: Span) -> Span | None:
    """'Lida Tragedy' in "Remembering the Lida Tragedy" or "Lida Massacre: 30 Years": capitalized words
    and the head word of a historical event's name, the first such run in a quoted title."""
    for token in inner:
        if token._.eg_hist_head and token.is_title:
            start = token.i
            while start > inner.start and _is_name_word(inner.doc[start - 1]) and not inner.doc[start - 1]._.eg_hist_head:
                start -= 1
            if start < token.i:
                return inner.doc[start : token.i + 1]
    return None


def _site_in_commemoration_title(doc: Doc, quoted: Span, lexicon: Lexicon):
    """'A commemorative event titled "Halabja: 35 Years Without Justice"': the place an atrocity is named
    after (resources/historical_events.json sites), in a commemorative event's own title, stands for it."""
    sites = lexicon.historical_sites or {}
    i = quoted.start - 1
    if i < 0 or doc[i].lower_ not in lexicon.cues.event_title_lead_ins:
        return
    sentence = quoted[0].sent.text.lower()
    if not any(cue in sentence for cue in lexicon.cues.commemoration_cues):
        return  # 'an exhibition titled "Guba: Carpets of the North"' remembers nobody
    inner = doc[quoted.start + 1 : quoted.end - 1]
    for size in (3, 2, 1):
        for start in range(inner.start, inner.end - size + 1):
            words = doc[start : start + size]
            if words.text in sites and (start + size == inner.end or not _is_name_word(doc[start + size])):
                yield _Candidate(words, "HistoricalEvent", historical_event_name(sites[words.text], lexicon), "rule:site-in-commemoration-title")
                return


def _quoted_organizations(doc: Doc, lexicon: Lexicon):
    """An organization whose own name is quoted beside its kind: 'the "Azerbaijan House" Cultural
    Center', 'the Azerbaijani Cultural Center "Dostluk"'. One organization, named without the quotes."""
    named: dict[str, str] = {}  # quoted short name -> the organization's full name
    for span in _quoted_spans(doc):
        inner = doc[span.start + 1 : span.end - 1]
        if not all(t.is_title or t.is_upper or t.text in ("-", "&") for t in inner) or len(inner) > 5:
            continue
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and inner.text in named and after.is_lower and after.lower_ in lexicon.cues.org_nominal_heads | {"center", "centre"}:
            # 'the "X" center' after 'the Cultural Center "X"': the same organization again
            yield _Candidate(doc[span.start : span.end + 1], "Organization", named[inner.text], "rule:quoted-organization-again")
            continue
        end = span.end
        while end < len(doc) and doc[end].is_title and not doc[end]._.eg_title and not doc[end]._.eg_org_head:
            end += 1  # 'the "X" Cultural Center': capitalized words up to the kind
        if end < len(doc) and doc[end].is_title and doc[end]._.eg_org_head and doc[end].lower_ not in _MISSION_WORDS:
            whole = doc[span.start : end + 1]
        else:
            start = span.start
            while start > 0 and doc[start - 1].is_title and not doc[start - 1]._.eg_title:
                start -= 1  # 'the Azerbaijani Cultural Center "X"'
            heads = [t for t in doc[start : span.start] if t._.eg_org_head and t.lower_ not in _MISSION_WORDS]
            if start == span.start and _after_a_lower_case_kind(doc, span.start, lexicon):
                # 'the ensemble "Mtiebi"', 'the cultural centre "Birlik"': the quoted words are the whole name
                yield _Candidate(inner, "Organization", inner.text, "rule:quoted-name-after-its-kind")
                continue
            if not heads or start == span.start or heads[-1].i != span.start - 1:
                continue
            whole = doc[start : span.end]
        name = re.sub(r"\s+", " ", "".join(t.whitespace_ if t.is_quote or t.text in _QUOTE_CHARS else t.text_with_ws for t in whole)).strip()
        named[inner.text] = canonical_org_name(name, lexicon)
        yield _Candidate(whole, "Organization", named[inner.text], "rule:quoted-organization")


_MISSION_WORDS = frozenset({"embassy", "consulate", "mission", "office"})

def _after_a_lower_case_kind(doc: Doc, i: int, lexicon: Lexicon) -> bool:
    """Whether a lower-case word of a body's kind stands right before token i: an ensemble ('the
    ensemble', 'the choir') or an organization's common noun ('the society', 'the cultural centre')."""
    if i == 0:
        return False
    kind = doc[i - 1]
    return kind.is_lower and (kind.lower_ in lexicon.cues.ensemble_words or kind.lower_ in lexicon.cues.org_nominal_heads
                              or kind.lower_ in ("centre", "center", "club"))



def _work_kind(doc: Doc, quoted: Span, lexicon: Lexicon) -> str | None:
    """'Film', 'Campaign', 'other' (a book, a song, an exhibition) or None, from the work word
    right after the quotes, else right before them, else the nearest one before in the sentence."""

    def kind_of(token) -> str | None:
        lower = token.lower_
        if token._.eg_campaign_word:
            return "Campaign"
        if token._.eg_film_word:
            return "Film"
        return "other" if lower in lexicon.other_work_words else None

    for token in _words_after(doc, quoted.end, 4):
        if kind_of(token):
            return kind_of(token)
    if quoted.end + 1 < len(doc) and doc[quoted.end].text == "," and doc[quoted.end + 1].lower_ in ("a", "an", "the"):
        for token in _words_after(doc, quoted.end + 1, 4):  # '"X", a documentary about ...': the apposition's kind
            if kind_of(token):
                return kind_of(token)
    sentence_start = quoted[0].sent.start
    i = quoted.start - 1
    while i >= sentence_start and doc[i].lower_ in lexicon.cues.title_lead_ins:
        i -= 1
    if i >= sentence_start and kind_of(doc[i]):
        return kind_of(doc[i])
    if i > sentence_start and doc[i].lower_ == "of" and doc[i - 1].lemma_.lower() in lexicon.cues.screening_nouns:
        return "Film"  # 'The screening of "X" was organized by ...': what is screened is a film
    for token in reversed(doc[max(sentence_start, quoted.start - 12) : quoted.start]):
        if kind_of(token) in ("Film", "Campaign"):
            return kind_of(token)
    return None


def _words_after(doc: Doc, start: int, limit: int) -> list:
    """Up to `limit` words after a position, stopping at punctuation or a verb."""
    words = []
    for token in doc[start : min(start + limit, len(doc))]:
        if token.is_punct or token.pos_ in ("VERB", "AUX"):
            break
        words.append(token)
    return words


def _quoted_spans(doc: Doc):
    """Spans from an opening quote to the next quote on the same line, at most 15 tokens long.

    Not bounded by the sentence: a title such as "Never Again!" ends in a
    sentence-final mark inside the quotes.
    """
    tokens = list(doc)  # made once: each doc[i] makes a new Token
    quote = [token.is_quote or token.text in _QUOTE_CHARS for token in tokens]
    i = 0
    while i < len(tokens):
        if quote[i]:
            end = None
            for j in range(i + 1, min(i + 17, len(tokens))):
                if "\n" in tokens[j].text:
                    break
                if quote[j]:
                    end = j
                    break
            if end is not None and end > i + 1:
                yield doc[i : end + 1]
                i = end + 1
                continue
        i += 1


# --- names after a title -------------------------------------------------------------------


_INITIAL = re.compile(r"^[A-Z]\.$")


def _names_by_their_shape(doc: Doc, lexicon: Lexicon):
    """Personal names whose shape no place or title has, whatever the model calls them: a middle
    initial ('Laura K. Mendes'), a nickname in quotes ('Tomas "Tito" Ferreira': the name is
    'Tomas Ferreira'), a patronymic ('Aygun Kamal qizi Nasibova')."""
    known: dict[int, bool] = {}  # each token is asked about up to five times

    def given(i: int) -> bool:
        if i not in known:
            token = doc[i]
            known[i] = token.pos_ in ("PROPN", "NOUN") and _is_name_word(token) and not _is_lexical(token) and not token._.eg_country \
                and token.lower_.rstrip(".") not in lexicon.cues.honorifics and not _INITIAL.match(token.text)
        return known[i]

    i = 0
    while i < len(doc) - 2:
        found = None
        if given(i) and _INITIAL.match(doc[i + 1].text) and given(i + 2) and doc[i + 2].sent.start == doc[i].sent.start \
                and not _is_known_place(doc[i + 2], lexicon):  # 'visited Block C. Lima hosted ...' is two sentences
            end = i + 3 + (i + 3 < len(doc) and given(i + 3) and doc[i + 3].sent.start == doc[i].sent.start)
            found = (end, None)
        elif i + 4 < len(doc) and given(i) and doc[i + 1].is_quote and doc[i + 2].is_title and doc[i + 3].is_quote \
                and given(i + 4) and doc[i + 2].sent.start == doc[i].sent.start:
            found = (i + 5, f"{doc[i].text} {doc[i + 4].text}")
        elif i + 3 < len(doc) and given(i) and given(i + 1) and doc[i + 2].lower_ in lexicon.patronymic_words and given(i + 3):
            found = (i + 4, None)
        if found is None or (i > 0 and given(i - 1)):
            i += 1
            continue
        end, name = found
        span = doc[i:end]
        yield _Candidate(span, "Person", name or span.text, "rule:name-shape")
        i = end


def _titled_names(doc: Doc, lexicon: Lexicon):
    """'Ambassador to Japan Wanjiru Otieno': the capitalized words right after a title phrase."""
    for title in doc.spans.get("eg_titles", []):
        i = title.end
        # skip "of/to the X Y" complements that end in a country or an organization word
        tokens = _name_after(doc, i, lexicon)
        if tokens:
            span = doc[tokens[0] : tokens[1]]
            yield _Candidate(span, "Person", span.text, "rule:title-name")


def _names_before_titles(doc: Doc, lexicon: Lexicon):
    """'initiated by Lale Demir, Vice-President of ...': a 2-4 word name right before ', TITLE'."""
    for title in doc.spans.get("eg_titles", []):
        i = title.start
        while i > 0 and (doc[i - 1].lower_ in lexicon.title_modifiers or doc[i - 1].text == "-" or doc[i - 1]._.eg_demonym):
            i -= 1
        if i > 2 and doc[i - 1].lower_ in ("a", "an", "the") and doc[i - 2].text == ",":
            i -= 1  # "Andres Felipe Cardenas, a professor of law, spoke": the title with its article
        if i < 2 or doc[i - 1].text != ",":
            continue
        end = i - 1
        start = _start_of_name_before(doc, end)
        if doc[start].text == "-":
            continue  # the family name's second half alone: its first half is no name word
        while start < end and doc[start].lower_ in lexicon.cues.honorifics:
            start += 1  # "Dr. Pablo Mena, a lecturer": the honorific is no part of the name
        if end - start == 1 and _place_word_as_given_name(doc, start - 1, lexicon) \
                and (start - 1 == doc[start].sent.start or doc[start - 2].lower_ not in _COMPLEMENT_WORDS):
            start -= 1  # "Georgia Lund, the curator, said": a country's name as the given name
        if 2 <= end - start - _hyphens(doc, start, end) <= 4 and (start == doc[start].sent.start or not _is_name_word(doc[start - 1])):
            span = doc[start:end]
            if any(t.ent_type_ == "GPE" for t in span) and (_after_a_preposition(span) or lexicon.place_subtype(span.text)):
                continue  # "In Nova Vas, the mayor said", "Buenos Aires, the mayor": a place, no person
            if any(t.ent_type_ == "ORG" for t in span) and not _model_org_is_exactly(span) \
                    and not (_opens_list_item(span[0]) and span[0].ent_type_ != "ORG"):
                continue  # (a list item's 'NAME, TITLE' is a person's, whatever the model makes of the family name)
            yield _Candidate(span, "Person", span.text, "rule:name-comma-title")


def _after_a_preposition(span: Span) -> bool:
    """'in Nova Vas, the mayor': a place's slot; a name before ', TITLE' follows a verb or a list's semicolon."""
    return span.start > 0 and span.doc[span.start - 1].pos_ == "ADP"


def _model_place_word_of_a_name(token) -> bool:
    """A name word the model puts in a place ('attended by Nino Abashidze-Gvelesiani, member of'): the
    model's GPE over an unfamiliar hyphenated name; no country word of the gazetteer."""
    return token.ent_type_ == "GPE" and token.pos_ == "PROPN" and _is_name_word(token) and not _is_lexical(token)


def _start_of_name_before(doc: Doc, end: int) -> int:
    """Where the 2-4 word name ending at `end` (a comma before a title) starts: a hyphenated family
    name ('Ousmane Ndiaye-Faye, Secretary General of X') counts as one word, whatever label the
    model gives its halves."""
    start = end
    while start > doc[end - 1].sent.start and end - start - _hyphens(doc, start, end) < 4 and (
            _is_name_before_title(doc[start - 1]) or (_name_hyphen(doc, start - 1) and start < end)):
        start -= 1
    return start


def _names_after_title_commas(doc: Doc, lexicon: Lexicon):
    """'The head of the community of Riga, Bakhrom Tashkentov, noted': TITLE ..., NAME."""
    for title in doc.spans.get("eg_titles", []):
        sentence = title[0].sent
        comma = next(
            (t.i for t in doc[title.end : min(sentence.end, title.end + 12)] if t.text == "," or t.pos_ in ("VERB", "AUX")),
            None,
        )
        if comma is None or doc[comma].text != ",":
            continue
        first = comma + 1
        if first + 2 < sentence.end and doc[first].lower_ == "the" and doc[first + 1].lower_.rstrip(".") in lexicon.cues.honorifics:
            first += 2  # "the Rector, the Revd NAME": the article and the honorific are no part of the name
            while first < sentence.end and doc[first].lower_.rstrip(".") in lexicon.cues.honorifics:
                first += 1
        end = first
        # the model often types such a name ORG or NORP; the slot says it is a person
        # or GPE ('Imtiaz Ahmed Qureshi'): a place stops the name where the gazetteer knows it too
        words = 0
        while end < sentence.end and words <= 3 and (doc[end].pos_ == "PROPN" and _is_name_word(doc[end])
                                                     or _name_particle_inside(doc, end, first, sentence.end)
                                                     or _joining_hyphen(doc, end, first, sentence.end)) \
                and not _is_lexical(doc[end]) and not (doc[end]._.eg_geo and _is_known_place(doc[end], lexicon) and end == comma + 1):
            words += doc[end].text != "-"
            end += 1
        if end == comma + 1 and _place_word_as_given_name(doc, end, lexicon):
            end += 2  # "The curator, Georgia Lund, said": a country's name as the given name
            words = 2
        follows = doc[end] if end < sentence.end else None
        # a semicolon ends the name in a list of speakers ('TITLE, NAME; NAME, TITLE; and ...')
        if 2 <= words <= 4 and (follows is None or follows.text in (",", ".", ";") or follows.pos_ in ("VERB", "AUX")):
            start = first
            if doc[start].lower_.rstrip(".") in lexicon.cues.honorifics and end - start >= 3:
                start += 1  # "the cathedral's dean, Father John Kelly": the honorific is no part of the name
            span = doc[start:end]
            yield _Candidate(span, "Person", span.text, "rule:title-comma-name")


_LOWER_NAME_PARTICLES = frozenset({"de", "du", "da", "del", "della", "di", "van", "von", "der", "den", "la", "le", "dos", "das"})


def _name_particle_inside(doc: Doc, i: int, first: int, end: int) -> bool:
    """'Mariette du Plooy', 'Jan van der Berg': a lower-case particle between a name's capitalized words."""
    return i > first and doc[i].lower_ == doc[i].text and doc[i].text in _LOWER_NAME_PARTICLES and i + 1 < end \
        and (doc[i + 1].text[:1].isupper() or doc[i + 1].text in _LOWER_NAME_PARTICLES)


def _joining_hyphen(doc: Doc, i: int, first: int, end: int) -> bool:
    """The hyphen of 'Mabandla-Jacobs' inside a name: no space on either side, a capitalized word after it."""
    return i > first and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_ \
        and i + 1 < end and doc[i + 1].text[:1].isupper()


def _names_after_relative_clauses(doc: Doc, lexicon: Lexicon):
    """'the Ambassador of X to Y, who is also accredited to Z, NAME,', 'the consul who hosted the
    evening, NAME': TITLE [complement] [,] who ... , NAME (the clause without a comma of its own)."""
    for title in doc.spans.get("eg_titles", []):
        sentence = title[0].sent
        who = next((t.i for t in doc[title.end : min(sentence.end, title.end + 12)]
                    if t.lower_ in ("who", "whom") or t.pos_ in ("VERB", "AUX")), None)
        if who is None or doc[who].lower_ not in ("who", "whom"):
            continue
        if any(t.text == "," for t in doc[title.end : who - 1]):
            continue  # the title's own apposition ended before the clause
        comma = next((t.i for t in doc[who + 1 : min(sentence.end, who + 16)] if t.text == ","), None)
        if comma is None:
            continue
        end = comma + 1
        while end < sentence.end and end - comma <= 4 and doc[end].pos_ == "PROPN" and _is_name_word(doc[end]) \
                and not _is_lexical(doc[end]) and not (doc[end]._.eg_geo and _is_known_place(doc[end], lexicon)):
            end += 1
        follows = doc[end] if end < sentence.end else None
        if 2 <= end - comma - 1 <= 4 and (follows is None or follows.text in (",", ".") or follows.pos_ in ("VERB", "AUX")):
            span = doc[comma + 1 : end]
            yield _Candidate(span, "Person", span.text, "rule:title-relative-clause-name")


def _name_after(doc: Doc, i: int, lexicon: Lexicon) -> tuple[int, int] | None:
    """Where a 2-4 word personal name starts after a title (skipping its complement), if any."""
    sentence_end = doc[i - 1].sent.end if i > 0 else len(doc)
    j = i
    if j < sentence_end and doc[j].lower_ in ("of", "to", "at", "in", "for"):
        # the complement runs over capitalized words and 'the/of'; the name is its capitalized tail
        j += 1
        last_boundary = None
        while j < sentence_end and (_is_name_word(doc[j]) or doc[j]._.eg_country or doc[j].lower_ in ("the", "of", "to", "in", "at", "-", "/", "for", "and")
                                    or (doc[j].is_quote and j > i + 1)  # 'Head of the "X" Cultural Center NAME'
                                    or is_portfolio_comma(doc, j, lexicon)):  # 'Minister of Culture, Youth and Sports NAME'
            if doc[j].lower_ == "and" and j + 1 < sentence_end and (doc[j + 1]._.eg_title or doc[j + 1].lower_ in lexicon.title_modifiers):
                break  # "... Jorge Quispe and Ambassador of Bolivia ...": the next title starts
            if doc[j].lower_ == "and" and (j + 1 >= sentence_end or not (_is_name_word(doc[j + 1]) or doc[j + 1]._.eg_country)):
                break  # "Member of the X NAME and academics": a list goes on, no name
            if _ends_complement(doc[j], lexicon):
                last_boundary = j
            j += 1
        end = j
        ending = model_entity_at(doc, end - 1) if end > i else None
        persons = [ending] if ending is not None and ending.label_ == "PERSON" and i < ending.start and ending.end == end and 2 <= len(ending) <= 4 else []
        if last_boundary is not None:
            start = last_boundary + 1
            while start < j and _ends_complement(doc[start], lexicon):
                start += 1
            # "Consul of X in Porto Ana Reis", "Professor of the University of Porto Ana Reis":
            # a known city closing the complement is not part of the name after it
            if start + 3 <= j and doc[start].lower_ in ("in", "of", "at") and _is_known_place(doc[start + 1], lexicon):
                start += 2
        elif persons:
            start = persons[0].start
        else:
            # "Member of the Sejm Anna Nowak": no word says where the body's name ends; a
            # personal name is most often two words, the last two of the run
            start = end - 2 if end - 2 > i + 1 and _is_name_word(doc[end - 3]) else end
        if end - start == 1 and start >= 2 and doc[start - 2].lower_ not in _COMPLEMENT_WORDS \
                and _place_word_as_given_name(doc, start - 1, lexicon):
            return start - 1, end  # "President of the Cercle Artistic Montserrat Vidal thanked": a one-word name is none
        if doc[start - 1]._.eg_demonym and not doc[start - 1]._.eg_country and end - start >= 3:
            start += 1  # "of the Polish Sejm Anna Nowak": the demonym's noun is the body's name
        if end - start >= 3 and doc[start - 1].lower_ in ("of", "in", "to") and _is_known_place(doc[start], lexicon):
            start += 1  # "Mayor of Lima Ana Lund": the title's city, then the name
    else:
        start = j
        end = j
        while end < sentence_end and (_is_name_word(doc[end]) or (end > start and _name_hyphen(doc, end))):
            end += 1
    if end - start >= 1 and all(_is_name_word(doc[k]) and not _is_lexical(doc[k]) for k in range(start, end)):
        end += _particle_name_after(doc, end, lexicon)  # 'Alderman of X Jan de Boer', 'Karel van der Berg'
    if 2 <= end - start - _hyphens(doc, start, end) <= 5 and all(
            (_is_name_word(doc[k]) or doc[k].text in lexicon.name_particles or _name_hyphen(doc, k)) and not _is_lexical(doc[k])
            for k in range(start, end)) and _is_name_word(doc[start]):
        return start, end
    if start < end - 2 and end < sentence_end and doc[end].pos_ in ("VERB", "AUX") and all(
        doc[k].pos_ == "PROPN" and _is_name_word(doc[k]) and not _is_lexical(doc[k]) and not doc[k]._.eg_geo for k in (end - 2, end - 1)
    ):
        return end - 2, end  # "Rector of the University of Modern Languages Ali Khan noted": see _titled_complement_runs_into_name
    return None


_COMPLEMENT_WORDS = frozenset({"of", "in", "to", "at", "for", "the", "and", "from"})


def _name_hyphen(doc: Doc, k: int) -> bool:
    """The hyphen inside a hyphenated family name written solid ('Al-Harbi', 'Ngata-Hull'): capitalized
    name words touch it on both sides."""
    return (
        0 < k < len(doc) - 1 and doc[k].text in ("-", "\u2010", "\u2011") and not doc[k - 1].whitespace_ and not doc[k].whitespace_
        and _is_name_word(doc[k - 1]) and _is_name_word(doc[k + 1]) and doc[k + 1].text[:1].isupper()
    )


def _hyphens(doc: Doc, start: int, end: int) -> int:
    """How many of the tokens start..end are hyphens and the words they join on the right: a
    hyphenated family name counts as one word of a name."""
    return sum(2 for k in range(start, end) if _name_hyphen(doc, k))


def _place_word_as_given_name(doc: Doc, i: int, lexicon: Lexicon) -> bool:
    """'Montserrat Vidal thanked', 'Georgia Lund, the curator': a one-word country or city name
    with one surname-like word after it, where a personal name stands (a verb, a comma or a full
    stop after the pair), is a given name (many are places' names: Georgia, Florence, Montserrat)."""
    if i < 0 or i + 1 >= len(doc):
        return False
    place, surname = doc[i], doc[i + 1]
    if not (place.is_title and _NAME_TOKEN.match(place.text) and _is_known_place(place, lexicon)):
        return False
    model = model_entity_at(doc, i)
    if model is not None and model.label_ in ("GPE", "LOC") and model.end > i + 1:
        return False  # "Santa Cruz", "Hong Kong": the model reads one longer place
    if not (surname.pos_ == "PROPN" and _is_name_word(surname) and not _is_lexical(surname) and not _is_known_place(surname, lexicon)
            and not (surname._.eg_venue_head or surname._.eg_hist_head or surname._.eg_geo or surname._.eg_region)):
        return False
    after = doc[i + 2] if i + 2 < len(doc) else None
    return after is None or after.text in (",", ".") or after.pos_ in ("VERB", "AUX")


def is_portfolio_comma(doc: Doc, i: int, lexicon: Lexicon) -> bool:
    """'Minister of Culture, Youth and Sports': a comma between two capitalized portfolio words
    lists what one office is for; it ends neither the title's complement nor the body's name."""
    if not (0 < i < len(doc) - 1 and doc[i].text == ","):
        return False
    before, after = doc[i - 1], doc[i + 1]
    if before.lower_ not in lexicon.portfolio_words:
        return False
    if after.lower_ == "and":  # the serial comma: 'Culture, Youth, and Sports'
        return i + 2 < len(doc) and doc[i + 2].is_title and doc[i + 2].lower_ in lexicon.portfolio_words \
            and i >= 3 and doc[i - 2].text == "," and doc[i - 3].lower_ in lexicon.portfolio_words
    return after.is_title and after.lower_ in lexicon.portfolio_words and _portfolio_list_closes(doc, i + 1, lexicon)


def _portfolio_list_closes(doc: Doc, i: int, lexicon: Lexicon) -> bool:
    """From portfolio word i, the list goes on by commas to an 'and' before one more portfolio word."""
    while i + 2 < len(doc) and doc[i].lower_ in lexicon.portfolio_words:
        if doc[i + 1].text == "," and doc[i + 2].lower_ in lexicon.portfolio_words:
            i += 2
        elif doc[i + 1].text == "," and doc[i + 2].lower_ == "and" and i + 3 < len(doc):  # 'Youth, and Sports'
            return doc[i + 3].is_title and doc[i + 3].lower_ in lexicon.portfolio_words
        elif doc[i + 1].lower_ == "and":
            return doc[i + 2].is_title and doc[i + 2].lower_ in lexicon.portfolio_words
        else:
            return False
    return False


def _extend_over_portfolio_list(span: Span, lexicon: Lexicon) -> Span:
    """'Ministry of Culture' + ', Youth and Sports of Peru': a body's name that stops at a portfolio
    list's first comma goes on to the list's end and a country after it."""
    doc = span.doc
    if not (span[-1].lower_ in lexicon.portfolio_words and is_portfolio_comma(doc, span.end, lexicon)):
        return span
    end = span.end
    while end + 1 < len(doc):
        if (is_portfolio_comma(doc, end, lexicon) or doc[end].lower_ == "and") and doc[end + 1].lower_ in lexicon.portfolio_words:
            end += 2
        elif end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "and" and doc[end + 2].lower_ in lexicon.portfolio_words:
            end += 3  # 'Youth, and Sports'
        else:
            break
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        country = end + 1 + (doc[end + 1].lower_ == "the")
        stop = country
        while stop < len(doc) and doc[stop]._.eg_country:
            stop += 1
        if stop > country and lexicon.country(doc[country:stop].text):
            end = stop
    return doc[span.start : end]


def _is_known_place(token, lexicon: Lexicon) -> bool:
    """A country word or a one-word city of the gazetteer."""
    return token._.eg_country or (token.pos_ == "PROPN" and lexicon.country_of_city(token.text) is not None)


def _ends_complement(token, lexicon: Lexicon) -> bool:
    """A word that closes a title's complement: a country, an organization or portfolio word, an acronym."""
    return (
        token._.eg_country or (token._.eg_org_head and not token._.eg_org_lead) or token._.eg_intl_org or token._.eg_demonym
        or token.lower_ in lexicon.portfolio_words
    )  # a foreign head opening a name ('Stichting X') ends nothing


def _is_name_word(token) -> bool:
    return bool(_NAME_TOKEN.match(token.text)) and not token.is_stop


def _is_lexical(token) -> bool:
    """A word that is a country, demonym, title or organization word, so not part of a personal name."""
    return token._.eg_country or token._.eg_demonym or token._.eg_title or token._.eg_org_head


# --- gazetteer and model --------------------------------------------------------------------


def _countries(doc: Doc, lexicon: Lexicon):
    """Country names from the lexicon tagger's matches; adjacent matches read as one name."""
    runs: list[list[int]] = []
    for match in doc.spans.get("eg_countries", []):
        if runs and runs[-1][1] == match.start:
            runs[-1][1] = match.end
        else:
            runs.append([match.start, match.end])
    for start, end in runs:
        span = doc[start:end]
        country = lexicon.country(span.text)
        if country and not _is_compound_modifier(span) and not _inside_longer_place(span):
            yield _Candidate(span, "Place", country, "gazetteer:country", subtype="Country")


def _cities_after_prepositions(doc: Doc, lexicon: Lexicon):
    """'opened at the museum in Brasilia', 'Bucharest, May 3, AZERTAC': gazetteer cities where the model missed them."""
    for token in doc:
        if token.is_sent_start and token.i + 1 < len(doc) and doc[token.i + 1].text == "," and token.pos_ == "PROPN" \
                and lexicon.country_of_city(fold_accents(token.text)):
            yield _Candidate(doc[token.i : token.i + 1], "Place", token.text, "gazetteer:dateline-city", subtype="City")
            continue  # "Bucharest, February 26, AZERTAC."
        if token.lower_ not in ("in", "at", "from") or token.i + 1 >= len(doc):
            continue
        start = token.i + 1
        for end in range(min(start + 3, len(doc)), start, -1):
            span = doc[start:end]
            following = doc[end] if end < len(doc) else None
            if following is not None and _is_name_word(following):
                continue  # "in Victoria Park": part of a longer name
            if following is not None and following.like_num and span[-1].lower_ in _MONTHS:
                continue  # "in March 1918", "in May 28": a month, though a town bears its name
            if all(t.pos_ == "PROPN" and _is_name_word(t) and t.ent_type_ != "PERSON" for t in span) \
                    and lexicon.country_of_city(fold_accents(span.text)):
                yield _Candidate(span, "Place", span.text, "gazetteer:city", subtype="City")
                break


def model_entity_at(doc: Doc, i: int) -> Span | None:
    """The model's entity that covers token i, read from the tokens' IOB tags (building
    `doc.ents` walks the whole doc, and the rules ask this thousands of times per article)."""
    if i < 0 or i >= len(doc) or doc[i].ent_iob_ not in ("B", "I"):
        return None
    start = i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=doc[i].ent_type_)


def _inside_longer_place(span: Span) -> bool:
    """'Mexico' in 'Mexico City' is part of a city's name."""
    ent = model_entity_at(span.doc, span.start)
    return ent is not None and span.end <= ent.end and ent.label_ in ("GPE", "LOC", "FAC") and len(ent) > len(span) and ent[0].lower_ != "the"


def _is_compound_modifier(span: Span) -> bool:
    """'Mexico' in 'Mexico-Azerbaijan friendship group' names no place of its own."""
    doc = span.doc
    return (span.end < len(doc) and doc[span.end].text == "-") or (span.start > 0 and doc[span.start - 1].text == "-")


def _places_after_place_nouns(doc: Doc, lexicon: Lexicon):
    """'the liberation of X', 'the occupation of X': a one- or two-word proper name there is a
    place, whatever the model makes of it (it often takes a town's name for a surname)."""
    for token in doc:
        if token.lower_ not in lexicon.cues.place_of_nouns or token.i + 2 >= len(doc) or doc[token.i + 1].lower_ != "of":
            continue
        start = end = token.i + 2
        while end < len(doc) and end - start < 2 and doc[end].pos_ == "PROPN" and _is_name_word(doc[end]) and not _is_lexical(doc[end]):
            end += 1
        if start < end and (end == len(doc) or not _is_name_word(doc[end]) and doc[end].text not in ("'s", "’s")):
            # not "the restoration of Ana Lund's paintings": a possessor is whose they are, no place
            span = doc[start:end]
            yield _Candidate(span, "Place", span.text, "rule:place-of-noun", subtype=lexicon.place_subtype(span.text))


def _coordinated_with_a_place(token, lexicon: Lexicon) -> bool:
    """'of Aghdam and Fuzuli': a word joined by 'and' or 'or' to a place the model or the gazetteer knows."""
    others = [c for c in token.children if c.dep_ == "conj"] + ([token.head] if token.dep_ == "conj" else [])
    return any(o.ent_type_ in ("GPE", "LOC") or _is_known_place(o, lexicon) for o in others)


def _model_entities(doc: Doc, lexicon: Lexicon):
    for ent in doc.ents:
        span = _strip_determiner(ent)
        if not len(span) or not span.text.strip():
            continue
        label = ent.label_
        if label == "PERSON" and len(span) == 1 and span.text.isupper() and len(span.text) >= 3:
            label = "ORG"  # "AZERTAC": an all-capital word is an acronym, not a personal name
        if label == "PERSON":
            honorifics = lexicon.cues.honorifics
            span = _strip_leading(_extend_name(_strip_leading(span, lambda t: t._.eg_title or t._.eg_demonym or t._.eg_country)),
                                  lambda t: t.lower_ in honorifics)
            span = _extend_second_family_name(_extend_over_family_name_hyphen(span))
            if len(span) > 2 and span[-1].text in _POST_NOMINALS:
                span = span[:-1]  # "the Hon. Jane Roe MP": the letters after the name are no part of it
            if _looks_like_person(span):
                yield _Candidate(span, "Person", span.text, "model:PERSON")
            elif len(span) == 1 and _is_name_word(span[0]) and not _is_lexical(span[0]):
                yield _Candidate(span, "Person", span.text, "model:PERSON", kind="surname")
        elif label == "ORG":
            if _governing_body_of_a_name_after(span):
                continue  # "the Board of Trustees of the X Foundation": the foundation's board
            if _looks_like_org(span, lexicon):
                yield _Candidate(span, "Organization", canonical_org_name(span.text, lexicon), "model:ORG")
            elif len(span) == 1 and lexicon.country_of_city(span.text) is not None and not span[0]._.eg_demonym \
                    and _coordinated_with_a_place(span[0], lexicon):
                # "the clearance maps of Aghdam and Fuzuli": a one-word city of the gazetteer, no body, no surname
                yield _Candidate(span, "Place", span.text, "gazetteer:city-the-model-calls-a-body", subtype="City")
            elif len(span) == 1 and _is_name_word(span[0]) and not _is_lexical(span[0]):
                yield _Candidate(span, "Person", span.text, "model:ORG", kind="surname")
        elif label in ("GPE", "LOC"):
            if any(t._.eg_title for t in span):
                continue  # "Ambassador Extraordinary and Plenipotentiary": a title, not a place
            if len(span) == 1 and span[0]._.eg_compass:
                continue  # "the literatures of the East": a compass word alone is a sphere, no named place
            if _names_a_storm(span, lexicon):
                continue  # "homes lost in Typhoon Haiyan": a storm, no place
            if _portfolio_after_minister_for(span):
                continue  # "Minister for Europe and Foreign Affairs": the portfolio, no place spoken of
            if all(t._.eg_region or t._.eg_compass or t._.eg_continent for t in span) and _modifies_a_noun(span):
                continue  # "Caribbean cuisine": a region's name as an adjective
            if len(span) > 1 and span[0].lower_ in lexicon.cues.faith_and_culture_words and not lexicon.place_subtype(span.text):
                continue  # "the Muslim East", "the Turkic world": a cultural sphere, not a named place
            if _STATE_ABBREVIATION.match(span.text) and span.start >= 2 and span.doc[span.start - 1].text == ",":
                continue  # "WASHINGTON, D.C.": the city's district or state, written as initials
            organization = lexicon.international_organization(span.text)
            if organization:  # "to UNESCO": an organization, never a place
                yield _Candidate(span, "Organization", organization if len(span) == 1 and span.text.isupper() else span.text, f"model:{label}-as-organization")
            elif not any(t._.eg_demonym for t in span) and _is_place_name(span):
                yield _Candidate(span, "Place", span.text, f"model:{label}", subtype=lexicon.place_subtype(span.text))
        elif label == "NORP" and len(span) >= 2 and _looks_like_person(span) and _in_name_slot(span):
            # the model's typical slip: "..., Elnur Quliyev, noted" tagged as a nationality
            yield _Candidate(span, "Person", span.text, "model:NORP-as-person")
        elif label == "FAC" and any(t._.eg_venue_head for t in span):
            yield _Candidate(span, "Place", span.text, "model:FAC", subtype="Venue")


_POST_NOMINALS = frozenset({"MP", "MPs", "MEP", "MLA", "MSP", "MHA", "MNA", "QC", "KC", "OBE", "MBE", "CBE", "KBE", "DBE"})


_PORTFOLIO_HOLDERS = frozenset({"minister", "ministry", "ministers", "ministries", "commissioner", "secretary"})


def _portfolio_after_minister_for(span: Span) -> bool:
    """'Deputy Minister for Europe and Foreign Affairs', 'the Ministry for Africa': a place's name
    right after 'Minister/Ministry for' is the office's portfolio, not a place the article speaks of."""
    doc = span.doc
    return span.start >= 2 and doc[span.start - 1].lower_ == "for" and doc[span.start - 2].lower_ in _PORTFOLIO_HOLDERS


def _names_a_storm(span: Span, lexicon: Lexicon) -> bool:
    """'Typhoon Haiyan', 'Hurricane Maria': a storm word (resources/titles.json storm_words), capitalized,
    opening the span or right before it, with a capitalized name after it."""
    doc = span.doc
    first = span[0]
    if first.is_title and first.lower_ in lexicon.storm_words:
        return len(span) > 1 or (span.end < len(doc) and doc[span.end].is_title)
    before = doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.is_title and before.lower_ in lexicon.storm_words


def _in_name_slot(span: Span) -> bool:
    """Set off by commas, after a title, or the subject of a verb: where names stand."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return bool(
        (before is not None and (before.text == "," or before._.eg_title))
        or (after is not None and (after.text == "," or after.pos_ in ("VERB", "AUX")))
    )


def _extend_name(span: Span) -> Span:
    """'Torres Medina' -> 'Ana Lucía Torres Medina' when the model cut off the given names."""
    doc = span.doc
    start = span.start
    while start > 0 and start > span.start - 3 and _is_given_name(doc[start - 1]):
        start -= 1
    return doc[start : span.end]


def _extend_over_family_name_hyphen(span: Span) -> Span:
    """'Dr. Ilagan-Reyes' where the model took only 'Ilagan': a name that ends right before a solid
    hyphen and a capitalized name word runs on to the family name's second half."""
    doc = span.doc
    if len(span) and span.end + 1 < len(doc) and not span[-1].whitespace_ and _name_hyphen(doc, span.end):
        return doc[span.start : span.end + 2]
    return span


def _extend_second_family_name(span: Span) -> Span:
    """'Mr. Bostjan Hribar Kolenc, a Member of ...' where the model took only 'Bostjan Hribar': one more
    untagged personal-name word right after the name, before a comma or a verb, is its second family
    name (Slovene, Spanish, Portuguese double names)."""
    doc = span.doc
    end = span.end
    if not 2 <= len(span) <= 3 or end + 1 >= len(doc) or not span[-1].whitespace_:
        return span
    nxt, after = doc[end], doc[end + 1]
    if nxt.is_sent_start or not _is_given_name(nxt) or nxt.ent_type_ or after.text not in (",", ";") and after.pos_ not in ("VERB", "AUX"):
        return span
    if nxt._.eg_venue_head or nxt._.eg_hist_head or nxt._.eg_compass:
        return span
    return doc[span.start : end + 1]


def _is_name_before_title(token) -> bool:
    """A word of a name right before ', TITLE': the model's ORG there is often a person's name
    ('by Anna Berg, Deputy Permanent Representative of X'), so ORG does not rule it out."""
    return _is_given_name(token) or _model_place_word_of_a_name(token) or (token.ent_type_ == "ORG" and token.pos_ == "PROPN" and _is_name_word(token)
                                     and not _is_lexical(token) and not token._.eg_geo) or (
        # '2. Leyla Ashrafova, Head of X': a list item's first word, which the model may tag a common noun
        token.pos_ == "NOUN" and token.is_title and _is_name_word(token) and not _is_lexical(token) and not token._.eg_geo
        and _opens_list_item(token))


def _opens_list_item(token) -> bool:
    """Whether the token opens a line's list item, after its marker ('- ', '• ', '2. ', '3) ')."""
    doc, i = token.doc, token.i
    if i >= 1 and doc[i - 1].text in ("-", "–", "—", "•", "*", "·"):
        marker = i - 1
    elif i >= 2 and doc[i - 1].text in (".", ")") and doc[i - 2].like_num and len(doc[i - 2].text) <= 2:
        marker = i - 2
    else:
        return False
    return marker == 0 or "\n" in doc[marker - 1].text or "\n" in doc[marker - 1].whitespace_


def _model_org_is_exactly(span: Span) -> bool:
    """The model's ORG entity covers just these words: a two- to four-word name the model took for an
    organization, not a part of a longer organization's name ('the Anna Berg Fund')."""
    return any(e.label_ == "ORG" and e.end == span.end and (e.start == span.start or (e.start == span.start - 1 and span.doc[e.start].lower_ == "the"))
               for e in span.doc.ents)


def _is_given_name(token) -> bool:
    return token.pos_ == "PROPN" and _is_name_word(token) and not _is_lexical(token) and not token._.eg_geo and not token.ent_type_ in ("ORG", "GPE")


def _looks_like_person(span: Span) -> bool:
    words = [t for t in span if not t.is_punct and not _hyphen_tail(t)]
    return (
        2 <= len(words) <= 5
        and all(_is_name_word(t) or t.lower_ in ("de", "van", "von", "bin", "al", "del", "da") for t in words)
        and not any(_is_lexical(t) or t._.eg_hist_head for t in words)
        and not words[-1]._.eg_venue_head  # "Victoria Park" is a venue; "Park Jae-sung" a person: venue words end names
    )


def _hyphen_tail(token) -> bool:
    """'jin' of 'Soo-jin': the lower-case second half of a hyphenated given name, written solid."""
    doc = token.doc
    return (
        token.i >= 2 and token.is_alpha and token.is_lower
        and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_ and not doc[token.i - 2].whitespace_
        and doc[token.i - 2].text[:1].isupper()
    )


def _looks_like_org(span: Span, lexicon: Lexicon) -> bool:
    text = span.text
    if any(t._.eg_demonym for t in span) and len(span) == 1:
        return False
    if lexicon.country(text) or lexicon.country_of_demonym(text.rstrip("s")):
        return False
    if any(t._.eg_org_head for t in span):
        return True
    if len(span) == 1 and _CAMEL_CASE.match(text):
        return True  # "AzTV", "CBC": a word capitalized inside is a brand or an acronym, no personal name
    return len(span) == 1 and text.isupper() and 2 <= len(text) <= 8  # an acronym such as OSCE


_CAMEL_CASE = re.compile(r"^[A-Z][a-z]+[A-Z]{2,}$")  # "AzTV"; not "McKenzie"


def _is_place_name(span: Span) -> bool:
    return all(_is_name_word(t) or t.text in ("-", "/") or t.lower_ in ("of", "and") for t in span)


def _strip_place_kind(span: Span) -> str:
    tokens = [t for t in span if t.lower_ != "the"]
    if tokens and tokens[0].lower_ in _PLACE_KIND_WORDS and len(tokens) > 2 and tokens[1].lower_ == "of":
        tokens = tokens[2:]
    elif tokens and tokens[-1].lower_ in _PLACE_KIND_WORDS and tokens[-1].is_lower:
        tokens = tokens[:-1]
    if not tokens:
        return ""
    return span.doc[tokens[0].i : tokens[-1].i + 1].text


def _strip_determiner(span: Span) -> Span:
    return _strip_leading(span, lambda t: t.lower_ == "the")


def _strip_leading(span: Span, drop) -> Span:
    start = span.start
    while start < span.end and drop(span.doc[start]):
        start += 1
    return span.doc[start : span.end]


# --- nominal mentions ------------------------------------------------------------------------


def _authors_of_works(doc: Doc, taken: list[bool], lexicon: Lexicon):
    """'a poem by Rosa Vidal', 'works by Jan Berg and Ole Lund': untagged two- or three-word proper names
    after 'by' and a work noun are its authors, persons (the model often misses a foreign one)."""
    for token in doc:
        if token.lower_ != "by" or token.i == 0 or doc[token.i - 1].lower_ not in lexicon.cues.authored_nouns:
            continue
        i = token.i + 1
        while i < len(doc):
            end = i
            while end < len(doc) and end - i < 3 and doc[end].pos_ == "PROPN" and _is_name_word(doc[end]) and not _is_lexical(doc[end]) \
                    and not doc[end]._.eg_geo:
                end += 1
            if 2 <= end - i <= 3 and not any(taken[i:end]) and (end == len(doc) or not _is_name_word(doc[end])):
                for k in range(i, end):
                    taken[k] = True
                yield _Candidate(doc[i:end], "Person", doc[i:end].text, "rule:author-of-work")
            if end < len(doc) - 1 and doc[end].lower_ in ("and", ",") and end > i:
                i = end + 1
                continue
            break


def _conjoined_names(doc: Doc, taken: list[bool], kept: list[_Candidate]):
    """'Rosa Vidal and Pablo Mena': an untagged two- or three-word proper name coordinated with
    a person's name is a person too (the model often labels only the first of a pair)."""
    for candidate in [c for c in kept if c.type == "Person" and len(c.span) >= 2]:
        for conjunct in candidate.span.root.conjuncts:
            if conjunct.i < candidate.span.end:
                continue
            words = [t for t in conjunct.lefts if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"] + [conjunct]
            start, end = words[0].i, conjunct.i + 1
            span = doc[start:end]
            if not 2 <= len(span) <= 3 or any(taken[start:end]) or any(t.pos_ != "PROPN" or not _is_name_word(t) for t in span):
                continue
            if any(t._.eg_title for t in span):
                continue  # 'NAME and Permanent Representative of Y NAME2': the second conjunct's title, no name
            if doc[start - 1].lower_ not in ("and", ","):
                continue  # 'and Dr. Piotr Nowak' is the titled-name rule's, 'and the Lima Institute' no name
            for i in range(start, end):
                taken[i] = True
            yield _Candidate(span, "Person", span.text, "rule:conjoined-name")


def _conjoined_cities(doc: Doc, taken: list[bool], kept: list[_Candidate]):
    """'shown in Liepaja and Daugavpils': an untagged proper name coordinated with a city
    is a city too, where the gazetteer and the model know only the first."""
    lone_words = {c.span.start: c for c in kept if c.kind == "surname" and c.method.startswith("model:") and len(c.span) == 1}
    for candidate in [c for c in kept if c.type == "Place" and c.subtype == "City"]:
        for conjunct in candidate.span.root.conjuncts:
            if conjunct.i < candidate.span.end:
                continue
            lone = lone_words.get(conjunct.i)
            if lone is not None and doc[conjunct.i - 1].lower_ in ("and", ",", "or") and not _is_lexical(conjunct):
                # the model's one-word 'person' in 'in Cusco and X' is the second town
                lone.type, lone.name, lone.subtype, lone.kind, lone.method = "Place", lone.span.text, "City", "name", "rule:conjoined-city"
                continue
            words = [t for t in conjunct.lefts if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"] + [conjunct]
            start, end = words[0].i, conjunct.i + 1
            span = doc[start:end]
            if len(span) > 2 or any(taken[start:end]) or doc[start - 1].lower_ not in ("and", ",", "or"):
                continue
            if any(t.pos_ != "PROPN" or not _is_name_word(t) or _is_lexical(t) or t.ent_type_ in ("PERSON", "ORG") for t in span):
                continue
            for i in range(start, end):
                taken[i] = True
            yield _Candidate(span, "Place", span.text, "rule:conjoined-city", subtype="City")


def _full_names_of_lone_surnames(doc: Doc, taken: list[bool], kept: list[_Candidate]):
    """'by the carpet expert Leyla Gasimova took place ... Gasimova said': where the model tagged
    only the surname, the untagged given name right before it (there or earlier) completes it."""
    full = {c.span[-1].text for c in kept if c.type == "Person" and len(c.span) >= 2}
    for candidate in kept:
        if candidate.type != "Person" or candidate.kind != "surname" or len(candidate.span) != 1 or candidate.span.text in full:
            continue
        surname = candidate.span.text
        for token in [candidate.span[0]] + [t for t in doc[: candidate.span.start] if t.text == surname]:
            given = doc[token.i - 1] if token.i > 0 else None
            if given is None or taken[given.i] or (token.i != candidate.span.start and taken[token.i]):
                continue
            if given.pos_ == "PROPN" and given.is_title and _is_name_word(given) and not given._.eg_title and not given._.eg_geo:
                taken[given.i] = taken[token.i] = True
                full.add(surname)
                if token.i == candidate.span.start:
                    candidate.span, candidate.name, candidate.kind = doc[given.i : token.i + 1], f"{given.text} {surname}", "name"
                    candidate.method = "rule:full-name-of-surname"
                else:
                    yield _Candidate(doc[given.i : token.i + 1], "Person", f"{given.text} {surname}", "rule:full-name-of-surname")
                break
    return


def _full_names_said_again(doc: Doc, taken: list[bool], kept: list[_Candidate]):
    """'directed by A and produced by Aynur Berg ... producer Aynur Berg': a person's full name
    found once is that person wherever else the same words stand untagged, before or after."""
    names = {tuple(t.text for t in c.span) for c in list(kept) if c.type == "Person" and 2 <= len(c.span) <= 4}
    texts = [token.text for token in doc] if names else []  # read once, not once a name
    starts: dict[str, list[int]] = {}  # where each word stands, to try a name only where its first word does
    for position, text in enumerate(texts):
        starts.setdefault(text, []).append(position)
    for words in sorted(names):
        size = len(words)
        for start in starts.get(words[0], ()):
            if start > len(doc) - size or any(taken[start : start + size]):
                continue
            if tuple(texts[start : start + size]) != words:
                continue
            if start + size < len(doc) and _is_name_word(doc[start + size]) and doc[start + size].pos_ == "PROPN":
                continue  # part of a longer name
            for i in range(start, start + size):
                taken[i] = True
            yield _Candidate(doc[start : start + size], "Person", " ".join(words), "rule:full-name-again")


def _surnames_of_named_persons(doc: Doc, taken: list[bool], kept: list[_Candidate]):
    """'Ibrahim noted ...' after 'Khazar Ibrahim': a full name's last word, alone and untagged,
    is that person (resolve.py joins it); the model often leaves such surnames unlabelled."""
    yield from _hyphenated_surnames_again(doc, taken, kept)
    surnames = {c.span[-1].text: c.span.start for c in kept if c.type == "Person" and len(c.span) >= 2}
    for token in doc:
        first_seen = surnames.get(token.text)
        if taken[token.i] or first_seen is None or token.i <= first_seen or token.pos_ != "PROPN":
            continue
        if token.i + 1 < len(doc) and _is_name_word(doc[token.i + 1]) and doc[token.i + 1].pos_ == "PROPN":
            continue  # 'Ibrahim Aliyev' is somebody else
        taken[token.i] = True
        yield _Candidate(doc[token.i : token.i + 1], "Person", token.text, "rule:surname-of-named-person", kind="surname")


def _hyphenated_surnames_again(doc: Doc, taken: list[bool], kept: list[_Candidate]):
    """'Begovic-Hodzic said' after 'Amra Begovic-Hodzic': a hyphenated surname is three tokens, and
    alone again it is that person as a whole, not its last part."""
    surnames: dict[tuple[str, ...], int] = {}
    for c in kept:
        if c.type == "Person" and len(c.span) >= 4 and c.span[-2].text in ("-", "–") and not c.span[-3].whitespace_ \
                and not c.span[-2].whitespace_ and c.span[-4].whitespace_:
            surnames.setdefault(tuple(t.text for t in c.span[-3:]), c.span.start)
    for words, first_seen in surnames.items():
        for start in range(first_seen + 1, len(doc) - 2):
            if tuple(t.text for t in doc[start : start + 3]) != words or any(taken[start : start + 3]):
                continue
            if start > 0 and _is_name_word(doc[start - 1]) and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].is_sent_start:
                continue  # another given name before it: somebody else
            for i in range(start, start + 3):
                taken[i] = True
            yield _Candidate(doc[start : start + 3], "Person", "".join(words), "rule:surname-of-named-person", kind="surname")


def _nominal_mentions(doc: Doc, taken: list[bool], lexicon: Lexicon):
    """'the embassy' (a rule span) and 'the friendship group': resolve.py ties them to named entities."""
    for token in doc:
        if taken[token.i]:
            continue
        lower = token.lower_
        if (
            token.is_lower
            and lower in lexicon.cues.org_nominal_heads
            and token.i > 1
        ):
            start = token.i - 1
            while start > 0 and doc[start].is_lower and doc[start].lower_ != "the" and not doc[start].is_punct:
                start -= 1
            if doc[start].lower_ == "the":
                span = doc[start + 1 : token.i + 1]
                if not any(taken[span.start : span.end]):
                    yield _Candidate(span, "Organization", span.text, "rule:the-org-noun", kind="nominal")


# --- canonical names -------------------------------------------------------------------------

MINISTRY_FIELDS = {
    "foreign": "Foreign Affairs",
    "defense": "Defense",
    "defence": "Defence",
    "interior": "Internal Affairs",
    "justice": "Justice",
    "culture": "Culture",
    "education": "Education",
    "health": "Health",
    "economy": "Economy",
    "finance": "Finance",
}


def canonical_org_name(text: str, lexicon: Lexicon) -> str:
    """The full official form: "Azerbaijan's Foreign Ministry" -> "Ministry of Foreign Affairs of Azerbaijan"."""
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    text = re.sub(r"['’]s$", "", text)
    match = re.match(r"^(?P<country>.+?)['’]s\s+(?P<field>[A-Z]\w+)\s+Ministry$", text)
    if match and lexicon.country(match.group("country")):
        field = MINISTRY_FIELDS.get(match.group("field").lower(), match.group("field"))
        return f"Ministry of {field} of {lexicon.country(match.group('country'))}"
    match = re.match(r"^(?P<country>[A-Z][\w.]*(?:\s+[A-Z]\w+)?)\s+Ministry\s+of\s+(?P<field>[A-Z].+)$", text)
    if match and (country := lexicon.country(match.group("country")) or lexicon.country_of_demonym(match.group("country"))):
        return f"Ministry of {match.group('field')} of {country}"  # "the UAE Ministry of Defence", "the Turkish Ministry of Culture"
    match = re.match(r"^(?P<field>[A-Z]\w+)\s+Ministry(?:\s+of\s+(?P<country>.+))?$", text)
    if match:
        field = MINISTRY_FIELDS.get(match.group("field").lower(), match.group("field"))
        country = lexicon.country(match.group("country") or "")
        return f"Ministry of {field}" + (f" of {country}" if country else "")
    return text


_PAIR_PREFIX = re.compile(r"^(?P<a>[A-Z][\w]+)-(?P<b>[A-Z][\w]+)\s+(?=\S)")


def historical_event_name(text: str, lexicon: Lexicon) -> str:
    """'the Serbia-Croatia Danube conflict' -> 'Danube conflict'."""
    text = re.sub(r"^(?:the|The)\s+", "", text.strip().strip(_QUOTE_CHARS))
    if text.lower() in lexicon.historical_aliases:
        return lexicon.historical_aliases[text.lower()]
    match = _PAIR_PREFIX.match(text)
    if match and lexicon.country(match.group("a")) and lexicon.country(match.group("b")):
        text = text[match.end() :]
    words = text.split()
    if len(words) >= 2 and words[-1].lower() in ATROCITY_WORDS:
        words[-1] = words[-1].lower()  # "Halabja Massacre" and "Halabja massacre" are one name
    name = " ".join(words)
    return lexicon.historical_aliases.get(name.lower(), name)  # "World War II" is the Second World War


# --- repairs after the candidates are kept ------------------------------------------------------


def _without_honorifics(kept: list[_Candidate], lexicon: Lexicon) -> list[_Candidate]:
    """'H.E. Mr Vagif X', 'the Rev. Anna Y', 'Alhaji Musa Z': the honorifics before a name are no
    part of it, however many; an 'organization' of honorifics alone ('H.E.') is none."""
    honorifics = lexicon.cues.honorifics
    out = []
    for candidate in kept:
        span = candidate.span
        plain = [t for t in span if t.lower_ not in honorifics and t.lower_.rstrip(".") not in honorifics and t.lower_ != "the"]
        if candidate.type == "Organization" and not plain:
            continue
        if candidate.type == "Person" and candidate.kind == "name":
            start = span.start
            while start < span.end - 1 and (span.doc[start].lower_ in honorifics or span.doc[start].lower_.rstrip(".") in honorifics
                                            or span.doc[start].lower_ == "the"):
                start += 1
            if start > span.start and span.end - start >= 1:
                trimmed = span.doc[start : span.end]
                if candidate.name == span.text or candidate.name.endswith(trimmed.text):
                    candidate.name = trimmed.text
                elif candidate.name.startswith(span.doc[span.start : start].text):
                    candidate.name = candidate.name[len(span.doc[span.start : start].text) :].strip()
                candidate.span = trimmed
                candidate.method += "+no-honorific"
        out.append(candidate)
    return out


_NAME_PARTICLES = frozenset({"bin", "bint", "ibn", "al", "el", "de", "del", "da", "van", "von", "der"})


def _titled_body_closes(token, lexicon: Lexicon) -> bool:
    """A word that can close the name of the body in a title's complement ('Faculty of Law',
    'the Mangystau Region', 'Ministry of Foreign Affairs'), so that a personal name may follow."""
    return (
        token.lower_ in lexicon.portfolio_words or token.lower_ in lexicon.cues.place_kind_nouns
        or (token._.eg_org_head and not token._.eg_org_lead) or token._.eg_country
    )  # not a city's name: a town may be called like a word of a foreign name ('Stichting Andes Brug')


def _after_title_complement(doc: Doc, start: int, lexicon: Lexicon) -> bool:
    """Whether tokens before `start` are 'TITLE of/at (the) ...': a capitalized title whose
    complement runs up to here ('Dean of the Faculty of Law', 'Deputy akim of the X Region')."""
    i = start - 1
    steps = 0
    while i >= 0 and steps < 12 and (doc[i].lower_ in ("of", "the", "at", "to", "in", "for", "and", ",")
                                      or _is_name_word(doc[i]) or doc[i]._.eg_country) and not doc[i]._.eg_title:
        if doc[i].is_sent_start:
            return False
        i -= 1
        steps += 1
    if i < 0 or not doc[i]._.eg_title or i + 1 >= start or doc[i + 1].lower_ not in ("of", "at", "to", "in"):
        return False
    while i > 0 and doc[i - 1]._.eg_title:
        i -= 1  # "Deputy akim": the title phrase is capitalized where it starts
    return doc[i].text[:1].isupper()


def _personal_tail(doc: Doc, start: int, end: int, lexicon: Lexicon) -> int | None:
    """Where a 2-4 word personal name closing tokens start..end begins, right after a word that
    closes a body's name ('Faculty of Law | Lucia Torres Vega'), if it does."""
    def name_word(t) -> bool:
        return (t.pos_ == "PROPN" and _is_name_word(t) and not _is_lexical(t) and not t._.eg_geo and not t._.eg_venue_head
                and t.lower_ not in lexicon.portfolio_words and t.lower_ not in lexicon.cues.place_kind_nouns
                and not (_is_known_place(t, lexicon)))

    for cut in range(max(start + 1, end - 5), end - 1):
        tail = doc[cut:end]
        words = [t for t in tail if t.lower_ not in _NAME_PARTICLES]
        if 2 <= len(words) <= 4 and name_word(tail[0]) and name_word(tail[-1]) \
                and all(name_word(t) or t.lower_ in _NAME_PARTICLES for t in tail) and _titled_body_closes(doc[cut - 1], lexicon):
            return cut
    return None


def _names_after_titled_bodies(doc: Doc, kept: list[_Candidate], lexicon: Lexicon) -> list[_Candidate]:
    """'Dean of the Faculty of Law Lucia Torres Vega, who ...', 'Director of the Protocol
    Department at the Ministry of Foreign Affairs Khalid bin Nasser Al Hajri, ...': a capitalized
    title's complement that runs, without a comma, into a personal name before a comma or a verb.
    The model takes name and body for one organization, or lets the body swallow the start of
    the name it found; the name is the words after the word that closes the body's name."""
    by_token = {i: c for c in kept for i in range(c.span.start, c.span.end)}
    spans = [e for e in doc.ents if e.label_ in ("ORG", "GPE", "FAC", "LOC", "NORP", "PERSON")]
    spans += [c.span for c in kept if c.type in ("Organization", "Place")]
    persons = {(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"}
    for title in doc.spans.get("eg_titles", []):  # the complement up to the comma or verb, where the model saw nothing
        j = title.end
        if j >= len(doc) or doc[j].lower_ not in ("of", "at", "to", "in"):
            continue
        while j < min(len(doc), title.end + 14) and doc[j].text != "," and doc[j].pos_ not in ("VERB", "AUX") \
                and (_is_name_word(doc[j]) or doc[j].lower_ in ("of", "the", "at", "to", "in", "and") or doc[j]._.eg_country):
            j += 1
        if j < len(doc) and (doc[j].text == "," or doc[j].pos_ in ("VERB", "AUX")):
            spans.append(doc[title.end + 1 : j])
    added: list[_Candidate] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        span = _strip_determiner(span)
        whole_name = (span.start, span.end) in persons and span.start > 0 and _titled_body_closes(doc[span.start - 1], lexicon)
        if len(span) < (2 if whole_name else 3) or span.end >= len(doc):
            continue
        follows = doc[span.end]
        if not (follows.text == "," or follows.pos_ in ("VERB", "AUX")):
            continue
        if not _after_title_complement(doc, span.start, lexicon):
            continue
        cut = _personal_tail(doc, span.start - 1 if whole_name else span.start, span.end, lexicon)
        if cut is None:
            continue
        inside = {id(by_token[i]): by_token[i] for i in range(cut, span.end) if i in by_token}
        shorter = [c for c in inside.values() if c.type == "Person" and cut < c.span.start and c.span.end <= span.end]
        if shorter:  # "Region Yerbol | Serikbayuly Amanov": a title rule's guess at the name's last words
            kept = [c for c in kept if all(c is not p for p in shorter)]
            for c in shorter:
                for i in range(c.span.start, c.span.end):
                    by_token.pop(i, None)
                inside.pop(id(c))
        owner = by_token.get(cut)
        if owner is not None and owner.type == "Person" and owner.span.start <= cut:
            continue  # already a person
        if len(inside) > 1 or (inside and owner is None):
            continue
        name = doc[cut : span.end]
        body = doc[span.start : cut]
        if owner is not None:
            if owner.span.start < cut:
                owner.span = doc[owner.span.start : cut]
                owner.name = canonical_org_name(owner.span.text, lexicon) if owner.type == "Organization" else owner.span.text
                owner.method += "+name-cut"
            else:
                kept = [c for c in kept if c is not owner]
        elif len(body) and body[-1].lower_ in lexicon.cues.place_kind_nouns and not any(i in by_token for i in range(body.start, body.end)):
            added.append(_Candidate(body, "Place", body.text, "rule:place-before-name", subtype=None))
        added.append(_Candidate(name, "Person", name.text, "rule:name-after-titled-body"))
        for i in range(span.start, span.end):
            by_token.pop(i, None)
    return kept + added


def _straddling_person_names(doc: Doc, kept: list[_Candidate], lexicon: Lexicon) -> list[_Candidate]:
    """'the Ministry of Foreign Affairs Khalid' + the model's person 'Khalid bin Nasser Al Hajri': an
    organization that ends inside a personal name the model found ends before it."""
    by_token = {i: c for c in kept for i in range(c.span.start, c.span.end)}
    for ent in doc.ents:
        if ent.label_ != "PERSON" or not _looks_like_person(ent):
            continue
        owner = by_token.get(ent.start)
        if owner is None or owner.type != "Organization" or not owner.span.start < ent.start < owner.span.end < ent.end:
            continue
        if any(i in by_token for i in range(owner.span.end, ent.end)):
            continue
        owner.span = doc[owner.span.start : ent.start]
        owner.name = canonical_org_name(owner.span.text, lexicon)
        owner.method += "+name-cut"
        kept.append(_Candidate(ent, "Person", ent.text, "model:PERSON+past-organization"))
        for i in range(ent.start, ent.end):
            by_token[i] = kept[-1]
    return kept


def _names_with_coordinations(doc: Doc, kept: list[_Candidate], lexicon: Lexicon) -> list[_Candidate]:
    """Organization and venue names with 'and' or a comma list inside: 'the National Film and
    Video Censors Board', 'the Ministry of Tourism, Wildlife and Heritage', 'Skagerrak and Baltic
    Publishers', 'the Marriott Marquis Resort and Convention Hotel'. A domain rule or the
    model's split leaves a part; where the model's entity (or a bare capitalized word before
    'and') joins the parts with no determiner after 'and', the whole is the name."""
    by_token = {i: c for c in kept for i in range(c.span.start, c.span.end)}

    def joinable(tokens) -> bool:
        return all(t.text in (",", "and", "&", "-") or (t.text[:1].isupper() and not t.is_stop and not t._.eg_country)
                   or t.lower_ in ("of", "for") for t in tokens)

    for ent in doc.ents:
        if ent.label_ not in ("ORG", "FAC"):
            continue
        whole = _strip_determiner(ent)
        inner = {id(by_token[i]): by_token[i] for i in range(whole.start, whole.end) if i in by_token}
        parts = [c for c in inner.values() if c.type in ("Organization", "Place") and c.kind == "name"]
        if len(parts) != len(inner) or not parts or any(c.span.start < whole.start or c.span.end > whole.end for c in parts):
            continue
        if len(parts) == 1 and parts[0].span.start == whole.start and parts[0].span.end == whole.end:
            continue
        rest = [t for t in whole if t.i not in by_token]
        if not any(t.lower_ in ("and", "&") for t in rest) or not joinable(rest):
            continue
        last = whole[-1] if whole[-1]._.eg_org_head or whole[-1]._.eg_venue_head else whole[0]
        if not (last._.eg_org_head or last._.eg_venue_head) or any(doc[t.i + 1].lower_ == "the" for t in rest if t.lower_ in ("and", ",")):
            continue
        kind = "Place" if last._.eg_venue_head and not last._.eg_org_head or any(c.type == "Place" for c in parts) and not last._.eg_org_head else "Organization"
        for c in parts:
            kept = [k for k in kept if k is not c]
        name = canonical_org_name(whole.text, lexicon) if kind == "Organization" else whole.text
        joined = _Candidate(whole, kind, name, "rule:coordinated-name", subtype="Venue" if kind == "Place" else None)
        kept.append(joined)
        for i in range(whole.start, whole.end):
            by_token[i] = joined
    # 'Skagerrak and Baltic Publishers': one capitalized word nothing claims, 'and', an organization
    for candidate in list(kept):
        span = candidate.span
        if candidate.type != "Organization" or candidate.kind != "name" or span.start < 2 or doc[span.start - 1].lower_ != "and":
            continue
        left = doc[span.start - 2]
        before = doc[span.start - 3] if span.start >= 3 else None
        if left.i in by_token and by_token[left.i].type not in ("Organization", "Person", "Place") or not (left.pos_ == "PROPN" and _is_name_word(left)) \
                or left._.eg_country or _is_known_place(left, lexicon) or not span[-1]._.eg_org_head:
            continue
        if before is not None and (before.pos_ == "PROPN" or before.text[:1].isupper() and not before.is_sent_start):
            continue  # only a bare word: 'Anna Berg and X Publishers' joins nothing
        other = by_token.get(left.i)
        if other is not None and (len(other.span) != 1 or other.type == "Person" and other.kind != "surname"):
            continue
        kept = [k for k in kept if k is not candidate and k is not other]
        whole = doc[left.i : span.end]
        kept.append(_Candidate(whole, "Organization", whole.text, "rule:coordinated-name"))
    # the same name again where nothing joins it ('Centre for Peace' on a line of its own, after 'Centre
    # for Peace, Law and Security Studies' was found whole): the longer name the text goes on to spell
    longer = sorted({c.span.text for c in kept if c.type == "Organization" and ("," in c.span.text or " and " in c.span.text)}, key=len, reverse=True)
    for candidate in list(kept):
        span = candidate.span
        if candidate.type != "Organization" or candidate.kind != "name":
            continue
        for name in longer:
            if len(name) > len(span.text) and name.startswith(span.text) and doc_text(doc).startswith(name, span.start_char):
                whole = doc.char_span(span.start_char, span.start_char + len(name))
                others = {id(o): o for i in range(whole.start, whole.end) if (o := by_token.get(i)) not in (None, candidate)} if whole is not None else {}
                if whole is not None and all(o.type == "Person" and o.kind == "surname" for o in others.values()):
                    kept = [k for k in kept if id(k) not in others]  # 'Law' of 'Peace, Law and ...' is no surname
                    candidate.span, candidate.name = whole, canonical_org_name(whole.text, lexicon)
                    candidate.method += "+named-again"
                    for i in range(whole.start, whole.end):
                        by_token[i] = candidate
                break
    # 'the X Resort and Convention Hotel': a venue and its facility word share one name
    starts = {c.span.start: c for c in kept if c.type == "Place"}
    for first in [c for c in kept if c.type == "Place" and c.span[-1]._.eg_venue_head]:
        second = starts.get(first.span.end + 1)
        if second is None or doc[first.span.end].lower_ != "and" or len(second.span) > 3 \
                or second.span[0].lower_ not in lexicon.cues.venue_modifiers or not second.span[-1]._.eg_venue_head:
            continue
        kept = [k for k in kept if k is not first and k is not second]
        whole = doc[first.span.start : second.span.end]
        kept.append(_Candidate(whole, "Place", whole.text, "rule:coordinated-name", subtype="Venue"))
    return kept


_ADDRESS_OR_CHROME_NEXT = re.compile(r"^(?:\d+\w*|release|releases|office|conference|freedom|kit)$")


_WORSHIP_BUILDINGS = frozenset({"church", "mosque", "cathedral", "synagogue", "temple", "basilica", "chapel"})


def _generic_words_alone(doc: Doc, kept: list[_Candidate], lexicon: Lexicon) -> list[_Candidate]:
    """A page's chrome and addresses name no organization or place: 'Press release No. 14',
    '> News', 'House 12, Road 7' (one organization word alone before a number, a common noun it
    modifies, or nothing on its line)."""
    out = []
    surnames = {c.span[-1].text for c in kept if c.type == "Person" and len(c.span) > 1}
    for candidate in kept:
        span = candidate.span
        if candidate.type == "Place" and span[-1].is_lower and span[-1]._.eg_venue_head and span.start >= 1 \
                and any(t.lower_ in ("a", "an") for t in doc[max(span.start - 2, 0) : span.start]):
            continue  # 'a small Odense house': a kind of place, no venue's name
        if candidate.type == "Place" and len(span) == 1 and span[0].lower_ in ("embassy", "consulate", "mission"):
            continue  # 'our Embassy': a mission unnamed, no place
        if candidate.type == "Person" and candidate.kind == "surname" and len(span) == 1 and span.start > 0 \
                and doc[span.start - 1].lower_ in ("from", "in", "to") and lexicon.country_of_city(fold_accents(span.text)) \
                and span.text not in surnames:  # 'Anna Tampere spoke. The audience in Tampere': her name again
            candidate = _Candidate(span, "Place", span.text, "gazetteer:city-after-preposition", subtype="City")
        if candidate.type == "Organization" and len(span) == 1 and span[0].lower_ in _WORSHIP_BUILDINGS:
            continue  # 'the Church prays for all victims', 'X Mosque' parted from its name: no organization named
        if candidate.type in ("Organization", "Place") and len(span) == 1 and candidate.kind == "name":
            token = span[0]
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            alone_on_line = (nxt is None or "\n" in nxt.text or "\n" in token.whitespace_ or nxt.text in ("|", ">")) and \
                (token.i == 0 or "\n" in doc[token.i - 1].text or doc[token.i - 1].text in (">", "|"))
            generic = token.lower_ in lexicon.org_heads or token.lower_ in lexicon.venue_heads
            if generic and (alone_on_line or (nxt is not None and _ADDRESS_OR_CHROME_NEXT.match(nxt.lower_) and nxt.is_lower or nxt is not None and nxt.like_num)):
                continue
        out.append(candidate)
    return out


_MEDIA_NOUNS = frozenset({"newspaper", "daily", "weekly", "magazine", "journal", "broadcaster", "channel", "portal", "agency"})


def _media_named_after_their_kind(doc: Doc, kept: list[_Candidate]) -> list[_Candidate]:
    """'for the newspaper Fyens-Posten', 'the magazine Ogonyok': a name right after 'the' and a
    word for a news medium is that medium, an organization, whatever the model calls it."""
    for candidate in kept:
        span = candidate.span
        if candidate.type not in ("Person", "Place") or span.start < 2 or len(span) > 3:
            continue
        if _medium_word_before(doc, span.start):
            candidate.type, candidate.name, candidate.kind, candidate.subtype = "Organization", span.text, "name", None
            candidate.method += "+medium-named"
    return kept


def _medium_word_before(doc: Doc, i: int) -> bool:
    """Whether a word for a news medium stands right before token i, in a noun phrase that 'the' or
    'a' opens ('the newspaper X', 'the Baku-based news agency X')."""
    if i < 2:
        return False
    kind = doc[i - 1]
    return kind.is_lower and kind.lower_ in _MEDIA_NOUNS and any(
        t.lower_ in ("the", "a") for t in doc[max(kind.i - 6, kind.sent.start) : kind.i])


def _unclaimed_media_names(doc: Doc, kept: list[_Candidate]):
    """'a photojournalist of the Baku-based news agency Report': capitalized words no rule claimed,
    right after a word for a news medium in a noun phrase with 'the' or 'a', are that medium's name."""
    taken = {i for c in kept for i in range(c.span.start, c.span.end)}
    for kind in doc:
        if kind.i + 1 >= len(doc) or not _medium_word_before(doc, kind.i + 1):
            continue
        end = kind.i + 1
        while end < len(doc) and end - kind.i <= 3 and doc[end].is_title and not doc[end].is_stop and doc[end].sent == kind.sent \
                and not doc[end]._.eg_title and doc[end].ent_type_ not in ("DATE", "TIME", "GPE"):
            end += 1  # 'the agency Director', 'the daily Monday', 'the news agency in Baku': no name
        name = doc[kind.i + 1 : end]
        if len(name) and not any(t.i in taken for t in name):
            yield _Candidate(name, "Organization", name.text, "rule:medium-named-after-its-kind")


def _cities_of_districts(doc: Doc, kept: list[_Candidate], lexicon: Lexicon):
    """'the Central Business District of Abuja', 'a suburb of Lagos': a gazetteer city after 'of' and
    a word for a part of a place is a place, where nothing else claims it."""
    taken = {i for c in kept for i in range(c.span.start, c.span.end)}
    parts = lexicon.cues.place_kind_nouns | {"suburb", "suburbs", "outskirts", "centre", "center", "quarter"}
    for token in doc:
        if token.lower_ != "of" or token.i == 0 or token.i + 1 >= len(doc) or doc[token.i - 1].lower_ not in parts:
            continue
        city = doc[token.i + 1]
        if city.i not in taken and city.pos_ == "PROPN" and lexicon.country_of_city(fold_accents(city.text)) \
                and not (city.i + 1 < len(doc) and _is_name_word(doc[city.i + 1])):
            yield _Candidate(doc[city.i : city.i + 1], "Place", city.text, "gazetteer:city-of-district", subtype="City")


def _stray_capitals(candidate: _Candidate, lexicon: Lexicon) -> bool:
    """'ST' of a line in capitals ('ST MARY AND ST PAUL'): one or two capital letters the model
    calls a place, and no country's abbreviation, are no place."""
    text = candidate.span.text
    return candidate.type == "Place" and len(text) <= 2 and text.isupper() and lexicon.country(text) is None


MASTHEAD = re.compile(r"^[ \t]*(?P<name>(?:THE )?[A-Z][A-Z'’.-]+(?: (?:[A-Z][A-Z'’.-]*|OF|AND|THE|FOR|&))+)(?:, (?P<city>[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+)?))?[ \t]*(?P<region>(?!))?$", re.M)
_MASTHEAD_SMALL = {"of", "and", "the", "for", "&"}


def _masthead_names(doc: Doc, kept: list[_Candidate], lexicon: Lexicon) -> list[_Candidate]:
    """'THE LUTHERAN PARISH OF ST MARY AND ST PAUL, TARTU' on a line of its own near the top:
    a name in capitals with an organization word is the organization (in title case), and a
    gazetteer city after its comma a place; the model's guesses inside the line are dropped."""
    match = MASTHEAD.search(doc_text(doc)[:400])
    if match is None:
        return kept
    words = match.group("name").split()
    if words[0] == "THE":
        words = words[1:]
    if len(words) < 2 or not any(w.lower() in lexicon.org_heads and w.lower() not in ("news", "press") for w in words):
        return kept
    name = " ".join(w.lower() if w.lower() in _MASTHEAD_SMALL else w[:1] + w[1:].lower() for w in words)
    line = doc.char_span(match.start("name"), match.end(), alignment_mode="expand")
    if line is None:
        return kept
    kept = [c for c in kept if c.span.end <= line.start or c.span.start >= line.end]
    span = doc.char_span(match.start("name") + (4 if match.group("name").startswith("THE ") else 0), match.end("name"), alignment_mode="expand")
    if span is not None:
        kept.append(_Candidate(span, "Organization", name, "rule:masthead"))
    city = match.group("city")
    if city and lexicon.country_of_city(fold_accents(city.lower())):
        where = doc.char_span(*match.span("city"), alignment_mode="expand")
        if where is not None:
            kept.append(_Candidate(where, "Place", city.title(), "rule:masthead-city", subtype="City"))
    return kept
