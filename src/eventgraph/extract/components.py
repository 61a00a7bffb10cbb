"""eventgraph's spaCy components, registered as factories.

- `eventgraph_lexicon` marks tokens with lexical classes (country, demonym,
  title, organization head, ...) as `Token._.eg_*` flags, and title phrases and
  country names as `doc.spans["eg_titles"]` and `doc.spans["eg_countries"]`,
  so that patterns can say "a demonym" instead of listing countries.
- `eventgraph_line_breaks` starts a sentence after every line break (before the parser).
- `eventgraph_patterns` matches the patterns of `patterns/*.jsonl` over those flags,
  writing `doc.spans["eg_rules"]`: by lookup (pattern_index.py), or with spaCy's
  SpanRuler (`indexed=False`), with the same spans.
"""

from __future__ import annotations

import json

import re
from importlib import resources
from typing import Iterable

import srsly
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .lexicon import Lexicon, load_lexicon

TOKEN_FLAGS = (
    "eg_country",  # part of a country name ("United", "States")
    "eg_demonym",  # "Azerbaijani", "Mexican"
    "eg_title",  # part of a job title ("Vice", "-", "President")
    "eg_org_head",  # "Foundation", "Ministry", "union"
    "eg_venue_head",  # "Square", "Hall"
    "eg_hist_head",  # "genocide", "war"
    "eg_film_word",  # "documentary", "film"
    "eg_campaign_word",  # "campaign", "initiative"
    "eg_geo",  # part of a country or of a GPE/LOC entity
    "eg_intl_org",  # an international organization's acronym ("UN", "OSCE")
    "eg_org_lead",  # a foreign word that opens an organization's name ("Stichting", "Universidad")
    "eg_region",  # part of a named region ("Caucasus", "Middle", "East")
    "eg_continent",  # a continent or sea, a region after a compass word ("Central Asia")
    "eg_compass",  # "South", "Western": may open a region's name
    "eg_legal_form",  # "OJSC", "GmbH": ends a company's name (as written)
)
for _flag in TOKEN_FLAGS:
    if not Token.has_extension(_flag):
        Token.set_extension(_flag, default=False)

# Kept as one token: domain names such as "Caucasus.Info" (news agencies write themselves so; split,
# they end a sentence) and "co-" verbs such as "co-organized" (split, "co" becomes the verb).
_WHOLE_TOKEN = re.compile(
    r"^(?:[A-Z][\w-]*\.(?:az|com|net|org|info|news|ru|ge|tr|uz|kz|am|ir|ua|by|uk|us)|co-[a-z]+(?:ed|ing|s|e)?)$", re.I
)


# Abbreviations for 'Saints' before two saints' names ('Ss. Cyril and Methodius University'): split, the
# full stop ends a sentence inside the name.
_SAINTS_ABBREVIATIONS = ("Ss.", "Sts.", "Sv.")  # not "SS.": the SS at a sentence's end
# Honorifics the tokenizer parts from their full stop, which then ends the sentence before the name
# ("opened by the Hon. NAME"): one token.
_HONORIFIC_ABBREVIATIONS = ("Hon.", "Rt.")


def customize_tokenizer(nlp: Language) -> None:
    """Keep domain names and 'co-' verbs whole (see _WHOLE_TOKEN), 'Ss.' for 'Saints' and 'Hon.'."""
    from spacy.symbols import ORTH

    for abbreviation in _SAINTS_ABBREVIATIONS + _HONORIFIC_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    previous = nlp.tokenizer.token_match

    def token_match(text: str):
        return _WHOLE_TOKEN.match(text) or (previous(text) if previous else None)

    nlp.tokenizer.token_match = token_match


class LexiconTagger:
    """Sets the `Token._.eg_*` flags and `doc.spans['eg_titles']` from the lexicon."""

    def __init__(self, nlp: Language, lexicon: Lexicon):
        self.lexicon = lexicon
        self.countries = _phrase_matcher(nlp, lexicon.countries, attr="ORTH", title_case=True)
        self.titles = _phrase_matcher(nlp, lexicon.titles, attr="LOWER")
        self.regions = _phrase_matcher(nlp, lexicon.regions, attr="ORTH")

    def __call__(self, doc: Doc) -> Doc:
        lex = self.lexicon
        # flags default to False: only true ones are set (setting an extension costs microseconds)
        word_classes = (
            ("eg_org_head", lex.org_heads),
            ("eg_venue_head", lex.venue_heads),
            ("eg_hist_head", lex.historical_heads),
            ("eg_film_word", lex.film_words),
            ("eg_campaign_word", lex.campaign_words),
            ("eg_org_lead", lex.foreign_org_leads),
            ("eg_compass", lex.compass_words),
        )
        for token in doc:
            lower = token.lower_
            extensions = token._
            if lower in lex.demonyms or (lower.endswith("s") and lower[:-1] in lex.demonyms):
                extensions.eg_demonym = True
            for flag, words in word_classes:
                if lower in words:
                    setattr(extensions, flag, True)
            if token.ent_type_ in ("GPE", "LOC"):
                extensions.eg_geo = True
            if token.text in lex.international:
                extensions.eg_intl_org = True
            if token.text in lex.continents:
                extensions.eg_continent = True
            if token.text in lex.legal_forms:
                extensions.eg_legal_form = True
        countries = filter_spans(self.countries(doc, as_spans=True))
        for span in countries:
            for token in span:
                token._.eg_country = True
                token._.eg_geo = True
        doc.spans["eg_countries"] = countries
        titles = filter_spans(self.titles(doc, as_spans=True))
        titled = {i for t in titles for i in range(t.start, t.end)}
        titles = [t for t in titles if not _surname_not_title(t, lex, titled)]
        for span in titles:
            for token in span:
                token._.eg_title = True
        doc.spans["eg_titles"] = titles
        for span in self.regions(doc, as_spans=True):
            for token in span:
                token._.eg_region = True
        return doc


def _surname_not_title(span, lexicon: Lexicon, titled: set[int]) -> bool:
    """'Imran Javed Sheikh,': a title that is also a family name ends a name after two given
    names and before no other capitalized word; 'Sheikh Ahmed' keeps its title."""
    if len(span) != 1 or span.text not in lexicon.title_surnames or span.start < 2:
        return False
    doc = span.doc
    before = [doc[span.start - 2], doc[span.start - 1]]
    after = doc[span.end] if span.end < len(doc) else None
    return all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha and not t.is_sent_start and t.i not in titled for t in before) \
        and not (after is not None and after.text[:1].isupper() and after.is_alpha)


_SMALL_WORDS = frozenset({"of", "the", "and"})


def _phrase_matcher(nlp: Language, phrases: Iterable[str], *, attr: str, title_case: bool = False) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    forms = set()
    for phrase in phrases:
        forms.add(phrase)
        if title_case:
            forms.add(" ".join(word[:1].upper() + word[1:] for word in phrase.split()))
            # "the State of Qatar", "the Islamic Republic of Iran": a long form as written keeps its small words
            forms.add(" ".join(word if word in _SMALL_WORDS else word[:1].upper() + word[1:] for word in phrase.split()))
    matcher.add("PHRASE", [nlp.make_doc(form) for form in sorted(forms)])
    return matcher


@Language.component("eventgraph_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break starts a sentence: a headline or a caption without a full stop is not
    the first words of the next paragraph's sentence. Runs before the parser, which keeps it.

    Hard-wrapped text is left alone: a single line break after a comma or a function word,
    or before a lower-case word, continues the sentence.
    """
    text = doc.text  # built once: Doc.text joins every token, so per-token use would be quadratic
    previous = None  # the last token that is not white space
    for token in doc:
        if token.is_space:
            continue
        gap = text[previous.idx + len(previous) : token.idx] if previous is not None else ""
        if "\n" in gap:
            _mark_line_start(token, previous, paragraph=gap.count("\n") > 1)
        elif _runs_on_from_a_word(token, previous):
            token.is_sent_start = False
        previous = token
    return doc


def _runs_on_from_a_word(token: Token, previous: Token | None) -> bool:
    """A capitalized word right after another word on the same line is no sentence's first word:
    the model sometimes ends a sentence inside a name it does not know ('... to Colombia Elnur
    | Sultanov informed ...'); a sentence ends at a full stop, a question or exclamation mark. A
    function word may still start one: a headline run into the text ('... in Istanbul An event was
    held') is two sentences."""
    return previous is not None and previous.is_alpha and token.is_alpha and token.is_title and not token.is_stop


def _mark_line_start(token: Token, previous: Token, paragraph: bool) -> None:
    continues = token.text[:1].islower() or previous.text in {",", ";", "-", "(", "&"} or (
        previous.is_stop and previous.text.islower()
    )
    if paragraph or not continues:
        token.is_sent_start = True


@Language.factory("eventgraph_lexicon")
def make_lexicon_tagger(nlp: Language, name: str) -> LexiconTagger:
    return LexiconTagger(nlp, load_lexicon())


def load_patterns() -> list[dict]:
    """Every rule pattern shipped in eventgraph/extract/patterns/*.jsonl."""
    folder = resources.files("eventgraph.extract.patterns")
    patterns: list[dict] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".jsonl"):
            patterns.extend(srsly.json_loads(line) for line in entry.read_text(encoding="utf-8").splitlines() if line.strip())
    return patterns + _known_historical_events() + _foreign_organizations() + _known_legislatures() + _hotel_brands() + _foreign_venues()


def _known_historical_events() -> list[dict]:
    """Phrase patterns for the named events of resources/historical_events.json ('the Holocaust',
    'Black January'), which carry no head word the HIST patterns look for."""
    data = json.loads(resources.files("eventgraph.resources").joinpath("historical_events.json").read_text(encoding="utf-8"))
    names = {name for canonical, aliases in data["aliases"].items() for name in [canonical, *aliases]}
    return [{"label": "HIST", "pattern": name, "id": "known-historical-event"} for name in sorted(names)]


def _known_legislatures() -> list[dict]:
    """Phrase patterns for parliaments named in their own languages (resources/organizations.json
    `legislatures`: 'Dewan Rakyat', 'Cortes Generales'), which carry no organization head word."""
    data = json.loads(resources.files("eventgraph.resources").joinpath("organizations.json").read_text(encoding="utf-8"))
    return [{"label": "ORG", "pattern": name, "id": "known-legislature"} for name in data["legislatures"]]


def _hotel_brands() -> list[dict]:
    """'the Hyatt Regency Bishkek', 'the Radisson Blu Royal': a hotel brand (resources/titles.json
    hotel_brands) and up to three capitalized words after it (a city, 'Royal', 'Plaza') is a venue, with the
    venue word that may end it ('the Marriott Marquis Resort'); no capitalized word after a venue word
    ('the Sheraton Hotel' + a person's name after it)."""
    data = json.loads(resources.files("eventgraph.resources").joinpath("titles.json").read_text(encoding="utf-8"))
    after = {"TEXT": {"REGEX": f"^{_CAPITALIZED}$"}, "IS_STOP": False, "ENT_TYPE": {"NOT_IN": ["PERSON"]},
             "_": {"eg_title": False, "eg_demonym": False, "eg_org_head": False, "eg_venue_head": False}, "OP": "{0,3}"}
    venue_word = {"_": {"eg_venue_head": True}, "IS_TITLE": True, "OP": "?"}  # 'the Marriott Marquis Resort (and ...)'
    return [
        {"label": "VENUE", "id": "hotel-brand", "pattern": [*({"ORTH": word} for word in re.findall(r"[^\W_]+|[^\w\s]", brand)), after, venue_word]}
        for brand in data["hotel_brands"]
    ]


_CAPITALIZED = "[A-ZÀ-ÖØ-Þ][\\w'’.-]*"


def _foreign_venues() -> list[dict]:
    """'the Hôtel Régent Contades', 'the Salón de Honor', 'the Teatro Colón': a word that opens a
    venue's name in other languages (resources/titles.json foreign_venue_leads), then capitalized words
    and name particles (resources/organizations.json), ending in a capitalized word, is a venue."""
    titles = json.loads(resources.files("eventgraph.resources").joinpath("titles.json").read_text(encoding="utf-8"))
    data = json.loads(resources.files("eventgraph.resources").joinpath("organizations.json").read_text(encoding="utf-8"))
    particles = "|".join(re.escape(p) for p in data["foreign_heads"]["particles"])
    return [{"label": "VENUE", "id": "foreign-leading-venue-head", "pattern": [
        {"LOWER": {"IN": titles["foreign_venue_leads"]}, "IS_TITLE": True},
        {"TEXT": {"REGEX": f"^(?:{_CAPITALIZED}|{particles})$"}, "ENT_TYPE": {"NOT_IN": ["PERSON"]}, "OP": "*"},
        {"TEXT": {"REGEX": f"^{_CAPITALIZED}$"}, "IS_STOP": False, "ENT_TYPE": {"NOT_IN": ["PERSON"]}},
    ]}]


def _foreign_organizations() -> list[dict]:
    """'Stichting X', 'Universidad de los Andes', 'Reial Acadèmia de X': a foreign head word opening a name
    (resources/organizations.json foreign_heads), up to two capitalized words before it, capitalized words
    and the name particles of those languages after it, ending in a capitalized word."""
    data = json.loads(resources.files("eventgraph.resources").joinpath("organizations.json").read_text(encoding="utf-8"))
    particles = "|".join(re.escape(p) for p in data["foreign_heads"]["particles"])
    return [{"label": "ORG", "id": "foreign-leading-org-head", "pattern": [
        {"TEXT": {"REGEX": f"^{_CAPITALIZED}$"}, "IS_STOP": False, "_": {"eg_demonym": False, "eg_title": False, "eg_country": False}, "OP": "{0,2}"},
        {"_": {"eg_org_lead": True}, "IS_TITLE": True},
        {"TEXT": {"REGEX": f"^(?:{_CAPITALIZED}|{particles})$"}, "OP": "*"},
        {"TEXT": {"REGEX": f"^{_CAPITALIZED}$"}, "IS_STOP": False},
    ]}]


@Language.factory("eventgraph_patterns", default_config={"indexed": True})
def make_pattern_ruler(nlp: Language, name: str, indexed: bool):
    """The domain patterns; spans go to doc.spans['eg_rules']. Indexed (pattern_index.py): found
    by lookup, the same spans as spaCy's SpanRuler (indexed=False) in a fraction of its time."""
    if indexed:
        from .pattern_index import IndexedSpanRuler

        return IndexedSpanRuler(nlp, load_patterns(), spans_key="eg_rules", name=name)
    from spacy.pipeline import SpanRuler

    ruler = SpanRuler(nlp, name=name, spans_key="eg_rules", overwrite=True)
    ruler.add_patterns(load_patterns())
    return ruler


def rule_spans(doc: Doc) -> list[Span]:
    """The domain rule matches, longest first where they overlap."""
    return filter_spans([span for span in doc.spans.get("eg_rules", []) if not _misplaced_atrocity(span)])


def _misplaced_atrocity(span: Span) -> bool:
    """'tragedy in X' names an atrocity only when nothing names it already: not in 'the Lida
    tragedy in Oslo' (X is where it is remembered), nor 'the tragedy in English' (a language)."""
    if span.id_ != "hist-in-place":
        return False
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    named_before = before is not None and before.is_title and not before.is_sent_start and not before._.eg_demonym
    place = doc[span.end - 1]
    return named_before or place._.eg_demonym or place.ent_type_ in ("NORP", "LANGUAGE")
