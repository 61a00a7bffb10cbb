"""Rules for phrasings the seventh development batch exposed (tests/data/dev/147-155): each rule
with invented sentences it must and must not match."""

from __future__ import annotations

import pytest


# --- the event's day hung on the verb's object --------------------------------------------------


def test_day_after_the_object_of_an_event_verb_is_the_event_date(facts):
    got = facts('The Embassy of Chile in Norway presented the feature film "The Silver Rain" to Norwegian audiences '
                "on March 3 at the Odeon cinema in Oslo.", date="2023-03-05")
    assert ("EVENT", "date", "2023-03-03") in got
    got = facts("The Embassy of Chile in Norway celebrated Fiestas Patrias, the national holiday, with an evening "
                "at the Grand Hotel in Oslo on March 2.", date="2023-03-05")
    assert ("EVENT", "date", "2023-03-02") in got


def test_day_of_another_verb_or_a_recalled_event_is_not_the_event_date(facts):
    got = facts("The Embassy of Chile in Norway held an evening in memory of the miners killed on March 3.", date="2023-03-05")
    assert ("EVENT", "date", "2023-03-03") not in got
    got = facts("The ambassador recalled the siege of the town on March 1.", date="2023-03-05")
    assert ("EVENT", "date", "2023-03-01") not in got


# --- a one-word agency ending the dateline ----------------------------------------------------------


def test_one_word_agency_ending_the_dateline_is_the_source(facts):
    got = facts("Oslo, March 4, Wire. The Embassy of Chile in Norway held a reception.", date="2023-03-05")
    assert ("ARTICLE", "source", "Wire") in got


def test_dateline_without_an_agency_credits_none(facts):
    for text in ("Oslo, March 4. The Embassy of Chile in Norway held a reception.",
                 "Oslo, March 4, Chilean diplomats held a reception at the embassy."):
        got = facts(text, date="2023-03-05")
        assert not any(p == "source" for _, p, _ in got), got


# --- speakers ---------------------------------------------------------------------------------------


def test_addressing_the_guests_opens_a_speech(facts):
    got = facts("The Embassy of Chile in Norway held a reception. "
                "Addressing the guests via video link, the director of the Oslo Museum of Art, Ana Lund, spoke about the collection.")
    assert ("EVENT", "speaker", "Ana Lund") in got


def test_addressing_a_problem_is_no_speech_at_the_event(facts):
    got = facts("The Embassy of Chile in Norway held a reception. "
                "Addressing the shortage of housing, Pablo Reyes wrote a book in 2010.")
    assert ("EVENT", "speaker", "Pablo Reyes") not in got


def test_statements_made_by_titled_people_in_appositions(facts):
    got = facts("The Embassy of Chile in Norway held a conference. Statements were also made by the Permanent "
                "Representative of Peru to the OSCE, Ambassador Pablo Reyes, and by Ana Lund, Deputy Permanent "
                "Representative of Norway to the OSCE.")
    assert ("EVENT", "speaker", "Pablo Reyes") in got
    assert ("EVENT", "speaker", "Ana Lund") in got


def test_things_made_by_someone_are_no_speech(facts):
    got = facts("The Embassy of Chile in Norway held an exhibition. The paintings were made by Ana Lund, a student of the academy.")
    assert ("EVENT", "speaker", "Ana Lund") not in got


def test_the_floor_given_to_and_the_audience_hearing_from(facts):
    got = facts("The Embassy of Chile in Norway held a conference. "
                "The floor was then given to historian Jan Berg of the University of Oslo.")
    assert ("EVENT", "speaker", "Jan Berg") in got
    got = facts("The Embassy of Chile in Norway held a conference. "
                "The audience also heard from Ana Lund, a member of the Chilean community.")
    assert ("EVENT", "speaker", "Ana Lund") in got


def test_an_award_given_to_or_the_police_hearing_from_is_no_speech(facts):
    got = facts("The Embassy of Chile in Norway held a reception. The award was given to historian Jan Berg.")
    assert ("EVENT", "speaker", "Jan Berg") not in got
    got = facts("The Embassy of Chile in Norway held a reception. The police later heard from Ana Lund.")
    assert ("EVENT", "speaker", "Ana Lund") not in got


def test_prayers_led_by_a_priest_and_condolences_expressed(facts):
    got = facts("A memorial service was held at St. Olav's Cathedral in Oslo. "
                "Prayers for the victims were led by Archpriest Mihai Lupu, the dean of the cathedral.")
    assert ("EVENT", "speaker", "Mihai Lupu") in got
    assert ("Mihai Lupu", "jobTitle", "archpriest") in got


def test_a_delegation_led_by_someone_is_no_speech(facts):
    got = facts("A memorial service was held at St. Olav's Cathedral in Oslo. The delegation was led by Mihai Lupu.")
    assert ("EVENT", "speaker", "Mihai Lupu") not in got


# --- a name before ', TITLE' that the model took for an organization --------------------------------


def test_name_before_comma_title_even_where_the_model_says_org(facts):
    got = facts("Words of condolence were expressed by Natalia Gutu, State Secretary of the Ministry of Culture of Moldova.")
    assert ("Natalia Gutu", "a", "Person") in got
    assert ("EVENT", "speaker", "Natalia Gutu") in got


def test_organization_before_comma_title_stays_an_organization(facts):
    got = facts("The concert was organized by the Lund Berg Foundation, President Ana Lund said.")
    assert ("Lund Berg", "a", "Person") not in got
    assert ("Lund Berg Foundation", "a", "Organization") in got


# --- a bare name the model calls a person, where the words around it make it a place --------------


def test_names_listed_before_a_place_kind_noun_are_places(facts):
    got = facts("The agency cleared mines in the Kalbajar, Zangilan and Gubadli districts.")
    for name in ("Kalbajar", "Zangilan", "Gubadli"):  # the model calls the last a person
        assert (name, "a", "Place") in got, got
        assert (name, "a", "Person") not in got


def test_the_entire_name_is_a_place_and_so_is_the_same_word_later(facts):
    got = facts("The policy violated the rights of the residents of the town, and of the entire Lachin. "
                "He is working to revive Lachin.")  # the model calls both a person
    assert ("Lachin", "a", "Place") in got
    assert ("Lachin", "a", "Person") not in got


def test_a_family_or_a_person_is_no_place(facts):
    got = facts("The entire Jones family came to the reception. Ambassador Tom Jones spoke.")
    assert ("Jones", "a", "Place") not in got
    assert ("Tom Jones", "a", "Place") not in got


# --- a mission celebrating or commemorating is the event's organizer -----------------------------


def test_mission_celebrating_with_an_evening_organizes_it_with_its_partner(facts):
    got = facts("The Embassy of Chile in Norway celebrated the national day with an evening at the Grand Hotel in Oslo. "
                'The evening was organized together with the "Andes" Foundation.')
    assert ("EVENT", "organizer", "Embassy of Chile in Norway") in got
    assert ("EVENT", "organizer", "Andes Foundation") in got


def test_a_country_celebrating_organizes_nothing(facts):
    got = facts("Norway celebrated its national day on May 17. The Embassy of Chile in Norway held a reception.")
    assert ("EVENT", "organizer", "Norway") not in got
    assert ("EVENT", "organizer", "Embassy of Chile in Norway") in got


# --- films, studios and names said again ---------------------------------------------------------


def test_quoted_title_with_a_film_word_in_apposition_is_a_film(facts):
    got = facts('The evening ended with the screening of "Winter Roads", a documentary about the Holocaust.')
    assert ("Winter Roads", "a", "Film") in got
    assert ("EVENT", "screened", "Winter Roads") in got


def test_quoted_title_with_another_work_in_apposition_is_no_film(facts):
    got = facts('The guests heard "Spring Wind", a song about the sea, and watched the documentary "Old Port".')
    assert ("Spring Wind", "a", "Film") not in got
    assert ("Old Port", "a", "Film") in got


def test_a_studio_written_solid_or_before_studio_is_an_organization(facts):
    got = facts('The documentary "Old Port" was produced by Azerbaijanfilm.')
    assert ("Azerbaijanfilm", "a", "Organization") in got
    assert ("Old Port", "producedBy", "Azerbaijanfilm") in got
    got = facts('The film "Old Port" was made by the Narimanfilm studio with the support of the Ministry of Culture of Peru.')
    assert ("Narimanfilm", "a", "Organization") in got
    assert ("Narimanfilm", "a", "Person") not in got


def test_a_person_is_no_studio(facts):
    got = facts("Ambassador Kamal Safarov thanked the guests.")
    assert ("Kamal Safarov", "a", "Person") in got
    assert not any(o == "Organization" and s != "Embassy" for s, p, o in got if p == "a" and s.startswith("Kamal"))


def test_a_full_name_found_once_is_that_person_elsewhere_in_the_article(facts):
    got = facts('The film "Old Port", directed by Emil Gasimzade and produced by Aynur Bagirova, was shown. '
                "Director Emil Gasimzade attended the premiere together with producer Aynur Bagirova.")
    assert ("Old Port", "producedBy", "Aynur Bagirova") in got
    assert ("Aynur Bagirova", "a", "Person") in got


def test_a_full_name_inside_a_longer_name_is_not_said_again(facts):
    got = facts("Professor Ali Demir spoke. The Ali Demir Kaya Foundation sponsored the event.")
    assert ("Ali Demir", "a", "Person") in got
    assert not any(s == "Ali Demir" and p == "organizer" for s, p, o in got)


def test_a_director_is_no_producer_and_it_was_made_by_names_the_producer(facts):
    got = facts('The Embassy of Peru in Chile presented the film "Old Port". The film, directed by Emil Gasimzade '
                "and produced by Aynur Bagirova, tells the story of a family. "
                "It was made by the Narimanfilm studio with the support of the Ministry of Culture of Peru.")
    assert ("Old Port", "producedBy", "Emil Gasimzade") not in got
    assert ("Old Port", "producedBy", "Narimanfilm") in got
    assert ("Old Port", "producedBy", "Ministry of Culture of Peru") in got


def test_it_was_held_with_support_is_no_film_production(facts):
    got = facts('The documentary "Old Port" was shown. It was held with the support of the Ministry of Culture of Peru.')
    assert ("Old Port", "producedBy", "Ministry of Culture of Peru") not in got


# --- a gazetteer city the model calls a person ----------------------------------------------------


def test_cities_after_in_that_the_model_calls_persons(facts):
    got = facts("Bagirova added that the film will be screened at festivals in Tampere and Oulu next year.")
    assert ("Tampere", "a", "Place") in got and ("Oulu", "a", "Place") in got
    assert ("Tampere", "a", "Person") not in got and ("Oulu", "a", "Person") not in got


def test_a_surname_that_is_also_a_city_stays_a_person(facts):
    got = facts("Professor Anna Tampere spoke. The audience in Tampere listened.")
    assert ("Anna Tampere", "a", "Person") in got
    assert ("Tampere", "a", "Place") not in got


# --- performers took part ------------------------------------------------------------------------


def test_performers_took_part(facts):
    got = facts("The Embassy of Peru in Chile held a reception. Master weaver Gulnar Rasulova demonstrated the "
                "technique of knotting. The evening ended with a performance of mugham by singer Aysun Hasanova.")
    assert ("EVENT", "participant", "Gulnar Rasulova") in got
    assert ("EVENT", "participant", "Aysun Hasanova") in got


def test_a_performer_who_spoke_is_a_speaker_and_a_work_by_someone_is_no_performance(facts):
    got = facts("The Embassy of Peru in Chile held a reception. Pianist Ali Demir performed and told the audience about his teacher. "
                "The guests saw a painting by Ana Lund.")
    assert ("EVENT", "speaker", "Ali Demir") in got
    assert ("EVENT", "participant", "Ali Demir") not in got
    assert ("EVENT", "participant", "Ana Lund") not in got


# --- a language is no place ----------------------------------------------------------------------


def test_a_language_before_translation_or_versions_is_no_place(facts):
    got = facts('The embassy presented the Hindi translation of the poem, comparing it with its Persian and Urdu versions.')
    assert ("Hindi", "a", "Place") not in got and ("Urdu", "a", "Place") not in got


def test_a_city_or_country_before_a_noun_stays_a_place(facts):
    got = facts("The embassy presented the Madrid edition of the book in Lisbon.")
    assert ("Madrid", "a", "Place") in got  # a gazetteer city, even as a modifier of 'edition'
    assert ("Lisbon", "a", "Place") in got


# --- a capitalized dateline city ----------------------------------------------------------------


def test_a_capitalized_dateline_city_is_the_place_reported_from(facts):
    got = facts("ZAGREB, February 26. A commemorative event was held at the parliament.", date="2025-02-26")
    assert ("Zagreb", "a", "Place") in got
    assert ("EVENT", "location", "Zagreb") in got
    assert not any(o == "Organization" for s, p, o in got if s.lower() == "zagreb")


def test_a_capitalized_word_that_is_no_city_opens_no_place(facts):
    got = facts("UPDATE, February 26. A commemorative event was held at the parliament.", date="2025-02-26")
    assert not any(s.lower() == "update" and o == "Place" for s, p, o in got)


# --- venues before a venue noun; a commemorated anniversary is the event ------------------------


def test_capitalized_words_between_at_the_and_a_venue_noun_are_the_venue(facts):
    got = facts("The Embassy of Peru in Chile held a reception at the Fairmont Baku hotel.")
    assert ("Fairmont Baku", "a", "Place") in got
    assert ("EVENT", "location", "Fairmont Baku") in got


def test_a_rule_entity_before_a_venue_noun_is_left_alone(facts):
    got = facts("The Embassy of Peru in Chile held a reception at the Embassy of Peru hotel suite.")
    assert ("Embassy of Peru hotel", "a", "Place") not in got
    got = facts("The guests stayed in a small hotel near Lima.")
    assert not any(s.endswith("hotel") for s, p, o in got if p == "a")


def test_an_anniversary_commemorated_at_a_place_is_the_event_there(facts):
    got = facts("The 35th anniversary of the tragedy was commemorated at the Oslo University in Bergen.")
    assert ("EVENT", "location", "Bergen") in got


def test_a_place_named_in_a_speech_is_no_location(facts):
    got = facts("The reception was held at the embassy. The ambassador said that victims are remembered in Bergen.")
    assert ("EVENT", "location", "Bergen") not in got


def test_a_student_of_a_university_holds_no_job_there(facts):
    got = facts("Poems were recited by Aysel Karimova, a student of the Moldova State University.")
    assert ("Aysel Karimova", "a", "Person") in got
    assert not any(s == "Aysel Karimova" and p in ("worksFor", "jobTitle") for s, p, o in got)


def test_a_professor_of_a_university_works_there(facts):
    got = facts("The translator, Professor Rakesh Sharma of Moldova State University, spoke.")
    assert ("Rakesh Sharma", "worksFor", "Moldova State University") in got


# --- a film screened is the event: its venue and its organizers -------------------------------


def test_a_screened_film_clause_gives_the_venue_and_the_organizer(facts):
    got = facts('The documentary "Silent Hills" was screened at the Lumiere Cinema in Lyon, '
                "organized by the Embassy of Georgia in France.")
    assert ("EVENT", "location", "Lumiere Cinema") in got
    assert ("EVENT", "organizer", "Embassy of Georgia in France") in got
    got = facts("A film about the war was shown at the National Library in Vilnius, organized by the "
                "Embassy of Peru in Lithuania and the Vilnius Film Club.")
    assert {("EVENT", "organizer", "Embassy of Peru in Lithuania"), ("EVENT", "organizer", "Vilnius Film Club")} <= got
    assert ("EVENT", "location", "National Library") in got


@pytest.mark.parametrize("sentence", [
    "The film was first shown in Cannes in 2019, and later won prizes.",
    "The film was shown at the Berlin Film Festival in 2019.",
    "She added that the film will be screened at festivals in Tampere and Oulu next year.",
])
def test_another_screening_of_the_film_is_not_the_event(facts, sentence):
    got = facts("The Embassy of Peru in Finland held a reception in Helsinki. " + sentence)
    assert not {o for s, r, o in got if s == "EVENT" and r == "location"} & {"Cannes", "Berlin Film Festival", "Tampere", "Oulu"}
