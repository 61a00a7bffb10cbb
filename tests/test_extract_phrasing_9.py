"""Rules for phrasings the ninth development batch exposed (tests/data/dev/165-173): each rule
with invented sentences it must and must not match."""

from __future__ import annotations

import datetime as dt

from eventgraph.corpus import make_article
from eventgraph.extract import extract, load_lexicon
from eventgraph.namespace import DEFAULT_BASE_IRI
from eventgraph.resolve import resolve_corpus


def _resolve(nlp, texts: dict[str, str]):
    lexicon = load_lexicon()
    extractions = [extract(nlp(a.body), a, lexicon) for a in
                   (make_article(i, t, date=dt.date(2024, 3, 5)) for i, t in texts.items())]
    return resolve_corpus(extractions, lexicon, DEFAULT_BASE_IRI)


# --- permanent missions ---------------------------------------------------------------------------


def test_a_permanent_mission_of_the_republic_to_the_un_office_and_other_organizations(facts):
    got = facts("A commemorative event was held at the Permanent Mission of the Republic of Peru to the United "
                "Nations Office and other international organizations in Geneva.")
    assert ("EVENT", "organizer", "Permanent Mission of Peru to United Nations Office at Geneva") in got
    assert not any(s.endswith("to United Nations Office") for s, p, o in got if p == "a")


def test_a_permanent_mission_in_a_city_is_the_one_to_the_organization_there(facts):
    got = facts("A commemorative event was held at the Permanent Mission of Peru to the UN Office at Geneva.\n\n"
                "Photo: Permanent Mission of Peru in Geneva\n\nThe ambassador spoke.")
    missions = {s for s, p, o in got if p == "a" and o == "Embassy"}
    assert missions == {"Permanent Mission of Peru to United Nations Office at Geneva"}
    assert not any(p == "locatedIn" for s, p, o in got if s in missions)


def test_a_permanent_mission_in_a_city_with_no_organization_named(facts):
    got = facts("The Permanent Mission of Peru in Geneva held a reception.")
    assert ("EVENT", "organizer", "Permanent Mission of Peru to Geneva") in got


# --- 'TITLE of X, Ambassador A, TITLE of Y, Ambassador B, and C' ------------------------------------------


_GENEVA = ("A commemorative event was held at the Permanent Mission of Peru to the UN Office at Geneva. "
           "Statements were also delivered by the Permanent Representative of Chile to the UN Office at Geneva, "
           "Ambassador Rosa Vidal, the Permanent Representative of Bolivia, Ambassador Jon Berg, and Ana Lund, "
           "a legal adviser at the International Commission of Jurists.")


def test_a_title_first_list_gives_each_title_to_the_name_after_it(facts):
    got = facts(_GENEVA)
    assert ("Rosa Vidal", "worksFor", "Permanent Mission of Chile to United Nations Office at Geneva") in got
    assert ("Jon Berg", "worksFor", "Permanent Mission of Bolivia to United Nations Office at Geneva") in got
    assert ("Rosa Vidal", "worksFor", "Permanent Mission of Bolivia to United Nations Office at Geneva") not in got
    assert ("Ana Lund", "jobTitle", "legal adviser") in got


def test_a_name_then_its_own_title_stays_its_own(facts):
    got = facts("The Embassy of Peru in Chile held a reception. Attending were Ambassador Rosa Vidal, head of the "
                "Lima Institute, and Jon Berg.")
    assert ("Rosa Vidal", "worksFor", "Lima Institute") in got
    assert ("Jon Berg", "worksFor", "Lima Institute") not in got


def test_every_titled_name_after_by_in_a_title_first_list_spoke(facts):
    got = facts(_GENEVA)
    assert {("EVENT", "speaker", n) for n in ("Rosa Vidal", "Jon Berg", "Ana Lund")} <= got


def test_a_name_in_a_relative_clause_after_by_did_not_speak(facts):
    got = facts("The Embassy of Peru in Chile held a reception. Statements were made by the ambassador's deputy, "
                "Ana Lund, who quoted the poet Jon Berg.")
    assert ("EVENT", "speaker", "Ana Lund") in got
    assert ("EVENT", "speaker", "Jon Berg") not in got


def test_a_titled_apposition_before_a_speech_verb_with_a_participle_opener(facts):
    got = facts("The event was held in Lima by the Embassy of Chile in Peru.\n\nOpening the event, the Permanent "
                "Representative of Chile, Ambassador Rosa Vidal, said that the victims must be remembered.")
    assert ("EVENT", "speaker", "Rosa Vidal") in got


def test_a_name_before_a_comma_and_a_speech_verb_with_its_own_subject_did_not_speak(facts):
    got = facts("The event was held in Lima by the Embassy of Chile in Peru. Quoting the poet Jon Berg, "
                "the ambassador said that the victims must be remembered.")
    assert ("EVENT", "speaker", "Jon Berg") not in got


# --- companies named with their legal form ------------------------------------------------------------


def test_a_name_before_a_legal_form_is_a_company(facts):
    got = facts("The exhibition was jointly organized by the Embassy of Peru in Chile and Andeskilim OJSC, which "
                "provided the carpets. Rosa Vidal, chief designer of Andeskilim, spoke about the knots.")
    assert ("Andeskilim OJSC", "a", "Organization") in got
    assert ("EVENT", "organizer", "Andeskilim OJSC") in got
    assert ("Rosa Vidal", "worksFor", "Andeskilim OJSC") in got
    assert ("Rosa Vidal", "jobTitle", "chief designer") in got
    assert not any(s == "Andeskilim" for s, p, o in got if p == "a")


def test_a_bare_name_without_a_company_named_is_left_to_the_model(facts):
    got = facts("The Embassy of Peru in Chile held a reception in Valparaiso. Rosa Vidal spoke about Valparaiso.")
    assert ("Valparaiso", "a", "Place") in got
    assert not any(o == "Organization" for s, p, o in got if s == "Valparaiso")


# --- venues ---------------------------------------------------------------------------------------


def test_a_fortress_is_a_venue_and_a_venue_at_a_venue_is_a_location(facts):
    got = facts("The Embassy of Peru in Chile held a conference at the Church of St. Petka at the Valdivia Fortress on February 26.")
    assert ("Valdivia Fortress", "a", "Place") in got
    assert {("EVENT", "location", "Church of St. Petka"), ("EVENT", "location", "Valdivia Fortress")} <= got


def test_a_time_after_a_venue_is_no_venue(facts):
    got = facts("The Embassy of Peru in Chile held a conference at the Church of St. Petka at 5 pm.")
    assert {o for s, p, o in got if p == "location"} == {"Church of St. Petka", "Chile"}


# --- performers and the present -------------------------------------------------------------------


def test_a_performer_of_a_passive_performance_and_one_who_gives_a_concert(facts):
    got = facts("The Embassy of Peru in Chile hosted a reception. The evening continued with songs performed by "
                "the singer Rosa Vidal. Charango player Jon Berg gave a short concert.")
    assert {("EVENT", "participant", "Rosa Vidal"), ("EVENT", "participant", "Jon Berg")} <= got
    assert ("Jon Berg", "jobTitle", "player") in got or ("Jon Berg", "jobTitle", "charango player") in got


def test_a_speech_given_about_someone_makes_no_performer(facts):
    got = facts("The Embassy of Peru in Chile hosted a reception. The ambassador gave a speech about Ana Lund.")
    assert ("EVENT", "participant", "Ana Lund") not in got


def test_among_them_and_brought_together_name_who_was_there(facts):
    got = facts("The Embassy of Peru in Chile held a reception. Diplomats and public figures attended the ceremony. "
                "Among them were Rosa Vidal, a member of the National Congress of Chile, and the writer Jon Berg.\n\n"
                "The reception brought together Senator Ana Lund and academics.")
    assert {("EVENT", "participant", n) for n in ("Rosa Vidal", "Jon Berg", "Ana Lund")} <= got


def test_a_name_in_a_sentence_without_a_presence_cue_attended_nothing(facts):
    got = facts("The Embassy of Peru in Chile held a reception. The letters of Ana Lund were among the documents shown.")
    assert ("EVENT", "participant", "Ana Lund") not in got


# --- namesakes -----------------------------------------------------------------------------------------


def test_a_producer_and_a_deputy_minister_of_one_name_are_two_people(nlp):
    resolution = _resolve(nlp, {
        "a": "The Embassy of Chile in Peru held a reception. Deputy Minister of Foreign Affairs of Peru Jon Berg "
             "congratulated the guests.",
        "b": "The Embassy of Peru in Chile held a premiere. The film's producer, Jon Berg, introduced it to the audience.",
    })
    assert len([e for e in resolution.entities.values() if e.name.startswith("Jon Berg")]) == 2


def test_one_deputy_minister_in_two_articles_is_one_person(nlp):
    resolution = _resolve(nlp, {
        "a": "The Embassy of Chile in Peru held a reception. Deputy Minister of Foreign Affairs of Peru Jon Berg "
             "congratulated the guests.",
        "b": "The Embassy of Bolivia in Peru held a reception. Deputy Minister of Foreign Affairs of Peru Jon Berg "
             "spoke about trade.",
    })
    assert len([e for e in resolution.entities.values() if e.name.startswith("Jon Berg")]) == 1


def test_a_un_office_named_by_its_city_in_two_ways_is_one_organization(nlp):
    resolution = _resolve(nlp, {
        "a": "The Permanent Mission of Peru held an event. The UN Office in Geneva hosted it.",
        "b": "The Permanent Mission of Chile held an event. The UN Office at Geneva hosted it.",
    })
    offices = [e for e in resolution.entities.values() if "Geneva" in e.name and e.type == "Organization"]
    assert len(offices) == 1 and offices[0].name == "United Nations Office at Geneva"


def test_a_un_office_of_a_city_not_in_the_list_keeps_its_name(facts):
    got = facts("The Permanent Mission of Peru held an event. The UN Office in Lima hosted it.")
    assert ("UN Office in Lima", "a", "Organization") in got


# --- a title's city before the name -----------------------------------------------------------------


def test_the_city_of_a_title_is_no_part_of_the_name_after_it(facts):
    got = facts("The Embassy of Peru in Chile held a reception. The reception was attended by the Ambassador of "
                "Peru to Chile Rosa Vidal, Deputy Mayor of Valparaiso Ana Lund, and students.")
    assert ("Ana Lund", "a", "Person") in got and ("Valparaiso Ana Lund", "a", "Person") not in got
    assert not any("mayor" in t for t in _titles_of(got, "Rosa Vidal"))
    assert "deputy mayor of valparaiso" in _titles_of(got, "Ana Lund") or "deputy mayor" in _titles_of(got, "Ana Lund")


def test_a_three_word_name_after_a_title_of_a_body_keeps_its_first_word(facts):
    got = facts("The Embassy of Peru in Chile held a reception. Member of the Senate Maria Jose Soto attended.")
    assert ("Maria Jose Soto", "a", "Person") in got


def _titles_of(got, person):
    return {o for s, p, o in got if s == person and p == "jobTitle"}


# --- films: studios and producers -----------------------------------------------------------------------


def test_a_name_after_studio_is_a_studio_that_produced_the_film(facts):
    got = facts('The premiere of the documentary "Quiet Hills" took place in Lima. The film was produced by the '
                'Cusco-based studio Inti Film.')
    assert ("Inti Film", "a", "Organization") in got
    assert ("Quiet Hills", "producedBy", "Inti Film") in got


def test_a_person_named_film_after_no_studio_cue_stays_a_person(facts):
    got = facts("The premiere took place in Lima. Director Rosa Vidal spoke about the film.")
    assert ("Rosa Vidal", "a", "Person") in got


def test_the_films_producer_produced_the_one_film_shown(facts):
    got = facts('The premiere of the documentary "Quiet Hills" took place in Lima. The film\'s producer, '
                'Ana Lund, introduced it to the audience.')
    assert ("Quiet Hills", "producedBy", "Ana Lund") in got


def test_another_producer_produced_no_film(facts):
    got = facts('The premiere of the documentary "Quiet Hills" took place in Lima. The producer of the evening\'s '
                'concert, Ana Lund, spoke. Jon Berg, a radio producer, also spoke.')
    assert not any(p == "producedBy" for s, p, o in got)


# --- places returned to ---------------------------------------------------------------------------------


def test_a_lone_name_returned_to_is_a_place(facts):
    got = facts("The film tells the story of families returning to Qaraqum after almost thirty years.")
    assert ("Qaraqum", "a", "Place") in got


def test_a_person_returned_to_by_full_name_stays_a_person(facts):
    got = facts("The embassy held a reception. The guests returned to Rosa Vidal, who spoke about the film.")
    assert ("Rosa Vidal", "a", "Person") in got


# --- an organization named with its city -------------------------------------------------------------


def test_a_known_city_closing_a_college_name_is_part_of_it(facts):
    got = facts("She was followed by Professor Jon Berg of Trinity College Lima, who spoke about trade.")
    assert ("Jon Berg", "worksFor", "Trinity College Lima") in got


def test_a_city_before_a_noun_a_verb_or_a_name_is_no_part_of_the_organization(nlp):
    from eventgraph.extract.entities import _extend_with_city

    for text in ("The embassy thanked the National Institute Lima office.",
                 "The embassy said the National Institute Lima hosted it.",
                 "The embassy thanked the National Institute Lima Ana Soto."):
        doc = nlp(text)
        start = next(t.i for t in doc if t.text == "National")
        span = doc[start : start + 2]
        assert _extend_with_city(span, load_lexicon()).text == "National Institute", text
    doc = nlp("The embassy thanked the National Institute Lima, which hosted it.")
    start = next(t.i for t in doc if t.text == "National")
    assert _extend_with_city(doc[start : start + 2], load_lexicon()).text == "National Institute Lima"


# --- organizations' long names ---------------------------------------------------------------------------


def test_a_city_hall_after_a_city_ends_the_body_not_a_persons_name(facts):
    got = facts("The Embassy of Peru in Chile held an event. Among those present were Ana Lund, head of the "
                "Department of Culture of Valparaiso City Hall, and students.")
    assert ("Ana Lund", "worksFor", "Department of Culture of Valparaiso City Hall") in got
    assert ("City Hall", "a", "Person") not in got


def test_a_name_after_a_city_at_the_end_of_a_body_is_still_a_person(facts):
    got = facts("The Embassy of Peru in Chile held an event. Member of the Municipal Council of Valparaiso "
                "Ana Lund spoke about the city.")
    assert ("Ana Lund", "a", "Person") in got


def test_a_sub_body_named_with_four_of_phrases_keeps_its_country(facts):
    got = facts("The conference was co-organized by the Embassy of Peru in Chile and the Institute of History of "
                "the Academy of Sciences of Chile. Ana Lund, a senior researcher at the Institute of History of the "
                "Peruvian National Academy of Sciences, spoke.")
    assert ("EVENT", "organizer", "Institute of History of the Academy of Sciences of Chile") in got
    assert ("Ana Lund", "worksFor", "Institute of History of the Academy of Sciences of Chile") not in got


# --- months are no towns ----------------------------------------------------------------------------------


def test_a_month_before_a_year_is_no_town(facts):
    got = facts("The ambassador said that in March 1918 thousands of civilians were killed.")
    assert ("March", "a", "Place") not in got


def test_a_town_named_like_a_month_is_still_a_town(facts):
    got = facts("The embassy of Peru held a fair in March, a town in England.")
    assert ("March", "a", "Place") in got


# --- organized by an office-holder ---------------------------------------------------------------------


def test_organized_by_a_titled_consul_and_an_association(facts):
    got = facts("Lima, 18 March (APA). Novruz was celebrated in Lima at an event organized by the Honorary Consul "
                "of Chile in Lima, Rosa Vidal, and the Peruvian-Chilean Cultural Association.")
    assert ("EVENT", "organizer", "Honorary Consulate of Chile in Lima") in got
    assert ("EVENT", "organizer", "Peruvian-Chilean Cultural Association") in got


def test_organized_by_a_person_of_no_office_gives_no_mission(facts):
    got = facts("The Embassy of Peru in Chile held a reception. The event was organized by Ana Lund, the "
                "ambassador's wife, and the Lima Association.")
    assert ("EVENT", "organizer", "Lima Association") not in got


# --- a venue named with its city, after the occasion ------------------------------------------------------


def test_a_hotel_named_with_a_two_word_city_after_the_occasion_is_the_venue(facts):
    got = facts("The Embassy of Peru in Bolivia has hosted an official reception on the occasion of July 28 - "
                "Independence Day at the Majestic Hotel La Paz.")
    assert ("Majestic Hotel La Paz", "a", "Place") in got
    assert ("EVENT", "location", "Majestic Hotel La Paz") in got


def test_a_venue_after_the_occasion_inside_a_clause_of_its_own_is_not_the_events(facts):
    got = facts("The Embassy of Peru in Bolivia has hosted an official reception on the occasion of the day "
                "the treaty was signed at the Majestic Hotel in Sucre.")
    assert ("EVENT", "location", "Majestic Hotel") not in got


# --- titles around names ------------------------------------------------------------------------------


def test_a_common_nouns_possessive_before_an_appositive_title(facts):
    got = facts("The Embassy of Peru in Chile held a memorial service. It was led by Father Jon Berg, the "
                "church's parish priest, who prayed for the victims.")
    assert ("Jon Berg", "jobTitle", "parish priest") in got


def test_a_possessive_name_before_a_title_is_not_skipped_as_a_common_noun(facts):
    got = facts("The Embassy of Peru in Chile held a memorial service. Jon Berg, the ambassador's wife, "
                "thanked the guests.")
    assert not any(p == "jobTitle" and "wife" in o for s, p, o in got)


def test_an_organization_before_a_lower_case_title_and_a_name(facts):
    got = facts("The Embassy of Peru in Chile held a premiere. National Congress member Rosa Vidal said that "
                "the film shows the story.")
    assert ("Rosa Vidal", "worksFor", "National Congress") in got
    assert ("Rosa Vidal", "jobTitle", "member") in got


def test_an_organization_then_a_verb_before_a_titled_name_employs_nobody(facts):
    got = facts("The Embassy of Peru in Chile held a premiere. The Lima Institute thanked ambassador Rosa Vidal.")
    assert ("Rosa Vidal", "worksFor", "Lima Institute") not in got


# --- family names written first --------------------------------------------------------------------------


def test_a_family_name_written_first_starts_the_name_the_model_cut(facts):
    got = facts("The Embassy of Peru in Malaysia hosted a reception. The reception brought together Member of "
                "the Dewan Rakyat Lim Wei Ling, the Ambassador of Chile to Malaysia Rosa Vidal, and academics.")
    assert ("Lim Wei Ling", "a", "Person") in got and ("Wei Ling", "a", "Person") not in got
    assert ("EVENT", "participant", "Lim Wei Ling") in got


def test_a_family_name_word_that_ends_the_name_before_stays_there(facts):
    got = facts("The Embassy of Peru in Malaysia hosted a reception. Anna Lee spoke, and Mei Hua sang.")
    assert ("Lee Mei Hua", "a", "Person") not in got


def test_the_family_names_are_title_case_words_and_no_english_words():
    words = load_lexicon().family_names_first
    assert words and all(w[:1].isupper() and w[1:].islower() for w in words)
    assert not words & {"He", "Do", "Ho", "Le", "Ma", "Oh", "Yu", "An", "To", "So"}
