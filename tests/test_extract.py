"""Extraction on invented sentences: every entity type and relation, and what must not match.

None of these names occur in the sample articles: the rules have to work from
language patterns and general word lists, not from memorized names.
"""

import pytest

pytestmark = pytest.mark.slow


# --- entities -----------------------------------------------------------------------------------


def test_mission_described_by_demonym_and_host(facts):
    got = facts("A reception was held at the Georgian embassy in Norway.")
    assert ("Embassy of Georgia in Norway", "a", "Embassy") in got
    assert ("Embassy of Georgia in Norway", "represents", "Georgia") in got
    assert ("Embassy of Georgia in Norway", "locatedIn", "Norway") in got
    assert ("EVENT", "organizer", "Embassy of Georgia in Norway") in got


def test_mission_named_with_long_country_form(facts):
    got = facts("The Embassy of the Republic of Kazakhstan to Georgia organized a conference on trade.")
    assert ("Embassy of Kazakhstan in Georgia", "a", "Embassy") in got


def test_mission_in_a_city_gets_the_country_and_the_city(facts):
    got = facts(
        "A series of events was organized in Kenya by the Embassy of Turkey. "
        "A concert was held at the embassy in Nairobi."
    )
    assert ("Embassy of Turkey in Kenya", "locatedIn", "Nairobi") in got
    assert ("Embassy of Turkey in Kenya", "locatedIn", "Kenya") in got
    assert ("EVENT", "location", "Nairobi") in got


def test_consulate_general_is_named_by_city(facts):
    got = facts("The Consulate General of Poland in Chicago hosted an exhibition of posters.")
    assert ("Consulate General of Poland in Chicago", "a", "Embassy") in got


def test_nationality_adjective_is_not_an_entity(facts):
    got = facts("Norwegian students and Chilean artists attended the exhibition.")
    assert not any(triple[1] == "a" for triple in got)


def test_generic_groups_are_not_organizations(facts):
    got = facts("Local media and diplomatic missions accredited in the country attended the event.")
    assert not any(kind == "Organization" for _, rel, kind in got if rel == "a")


def test_possessive_ministry_gets_its_official_name(facts):
    got = facts("Ukraine's Foreign Ministry told reporters the meeting was held on May 3.")
    assert ("Ministry of Foreign Affairs of Ukraine", "a", "Organization") in got


def test_named_organization_with_head_word(facts):
    got = facts("The Baltic Heritage Foundation and the University of Tartu co-organized a round table.")
    assert ("Baltic Heritage Foundation", "a", "Organization") in got
    assert ("University of Tartu", "a", "Organization") in got
    assert ("EVENT", "organizer", "Baltic Heritage Foundation") in got
    assert ("EVENT", "organizer", "University of Tartu") in got


def test_founder_name_inside_organization_is_not_a_person(facts):
    got = facts("The exhibition was organized by the Maria Lopez Foundation.")
    assert ("Maria Lopez Foundation", "a", "Organization") in got
    assert not any(kind == "Person" for _, rel, kind in got if rel == "a")


def test_historical_event_variants_are_one_entity(facts):
    got = facts(
        "The ceremony commemorated the victims of the Srebrenica massacre. "
        "Speakers said the Srebrenica genocide must never be forgotten."
    )
    events = {name for name, rel, kind in got if rel == "a" and kind == "HistoricalEvent"}
    assert len(events) == 1
    assert ("EVENT", "commemorates", events.pop()) in got


def test_country_pair_prefix_is_dropped_from_conflict_name(facts):
    got = facts("The envoy spoke about the Serbia-Croatia Danube conflict at the meeting.")
    assert ("Danube conflict", "a", "HistoricalEvent") in got


def test_city_and_venue(facts):
    got = facts("The memorial ceremony was held in Freedom Square, Tbilisi. Georgia honoured the victims.")
    assert ("Freedom Square", "a", "Place") in got
    assert ("EVENT", "location", "Freedom Square") in got
    assert ("EVENT", "location", "Tbilisi") in got
    assert ("EVENT", "location", "Georgia") in got  # the city's country, named in the article
    unnamed = facts("The memorial ceremony was held in Freedom Square, Tbilisi.")
    assert ("EVENT", "location", "Georgia") not in unnamed  # locations are named places (ANNOTATION.md)


# --- titles, employers, people --------------------------------------------------------------------


def test_ambassador_to_country_implies_the_mission(facts):
    got = facts("Speaking at the event, Kenyan Ambassador to Japan Wanjiru Otieno said the festival was a success.")
    assert ("Wanjiru Otieno", "jobTitle", "ambassador") in got
    assert ("Wanjiru Otieno", "worksFor", "Embassy of Kenya in Japan") in got
    assert ("EVENT", "speaker", "Wanjiru Otieno") in got


def test_title_of_organization_before_name(facts):
    got = facts(
        'He praised the "Voices of Memory" campaign initiated by Vice-President of the Baltic Heritage Foundation Mira Kovac.'
    )
    assert ("Mira Kovac", "jobTitle", "vice-president") in got
    assert ("Mira Kovac", "worksFor", "Baltic Heritage Foundation") in got
    assert ("Voices of Memory", "a", "Campaign") in got
    assert ("Voices of Memory", "initiatedBy", "Mira Kovac") in got


def test_possessive_organization_title(facts):
    got = facts("The concert was opened by the Nordic Arts Council's Director Lars Holm, who thanked the guests.")
    assert ("Lars Holm", "jobTitle", "director") in got
    assert ("Lars Holm", "worksFor", "Nordic Arts Council") in got


def test_apposition_after_name_belongs_to_that_name(facts):
    got = facts("Anna Berg, head of the Swedish community in Chile, addressed the guests at the reception.")
    assert any(s == "Anna Berg" and r == "jobTitle" and o.startswith("head") for s, r, o in got)
    assert ("EVENT", "speaker", "Anna Berg") in got


def test_former_title_is_not_a_current_job(facts):
    got = facts("Former chairman of the Nordic Arts Council Lars Holm attended the reception.")
    assert ("Lars Holm", "jobTitle", "chairman") not in got
    assert ("Lars Holm", "worksFor", "Nordic Arts Council") not in got


def test_surname_and_role_noun_resolve_to_full_name(facts):
    got = facts(
        "A reception was held at the Chilean embassy in Sweden. "
        "Ambassador Carlos Fuentes opened the evening. Fuentes noted the long friendship. "
        "The ambassador stressed the importance of culture."
    )
    people = {name for name, rel, kind in got if rel == "a" and kind == "Person"}
    assert people == {"Carlos Fuentes"}
    assert ("EVENT", "speaker", "Carlos Fuentes") in got
    assert ("Carlos Fuentes", "worksFor", "Embassy of Chile in Sweden") in got


def test_attendees_who_did_not_speak_are_participants(facts):
    got = facts(
        "A reception was held at the Chilean embassy in Sweden. "
        "Professor Lena Park and Mayor Tom Berg attended the event. Lena Park said culture unites nations."
    )
    assert ("EVENT", "participant", "Tom Berg") in got
    assert ("EVENT", "speaker", "Lena Park") in got
    assert ("EVENT", "participant", "Lena Park") not in got


# --- films, campaigns, dates, sources ---------------------------------------------------------------


def test_quoted_film_screened_and_produced(facts):
    got = facts(
        'Later, the documentary "Silent Valleys", produced by the Nordic Film Institute, was screened for the guests.'
    )
    assert ("Silent Valleys", "a", "Film") in got
    assert ("EVENT", "screened", "Silent Valleys") in got
    assert ("Silent Valleys", "producedBy", "Nordic Film Institute") in got


def test_film_about_historical_event(facts):
    got = facts('A documentary film dedicated to the Halabja massacre, "Yellow Wind", was shown to the participants.')
    assert ("Yellow Wind", "about", "Halabja massacre") in got


def test_quote_of_speech_is_not_a_title(facts):
    got = facts('The minister said "we will never forget" at the ceremony.')
    assert not any(kind in ("Film", "Campaign") for _, rel, kind in got if rel == "a")


def test_ordinal_anniversary_in_words_and_digits(facts):
    assert ("EVENT", "anniversary", "31") in facts("An event marked the 31st anniversary of the tragedy.")
    assert ("EVENT", "anniversary", "20") in facts("An event marked the twentieth anniversary of independence.")


def test_stated_day_takes_the_year_of_the_dateline(facts):
    got = facts("A commemorative event was held at the Georgian embassy in Norway on March 3.", date="2023-03-05")
    assert ("EVENT", "date", "2023-03-03") in got


def test_historical_dates_are_not_the_event_date(facts):
    got = facts("The event recalled that on March 3, 1992 the town was destroyed.", date="2023-03-05")
    assert ("EVENT", "date", "2023-03-05") in got
    assert ("EVENT", "date", "1992-03-03") not in got


def test_news_agency_credited_in_text(facts):
    got = facts("The Georgian embassy in Norway held a reception, Interfax reports.")
    assert ("ARTICLE", "source", "Interfax") in got
    got = facts("The Georgian embassy in Norway held a reception, the embassy told Azertac.")
    assert ("ARTICLE", "source", "Azertac") in got


def test_news_agency_credited_in_the_header(facts):
    got = facts(" date 2021-06-01 By Interfax\n\nThe Georgian embassy in Norway held a reception.", date=None)
    assert ("ARTICLE", "source", "Interfax") in got
    assert ("EVENT", "date", "2021-06-01") in got


def test_office_holder_joins_the_named_consulate(facts):
    got = facts(
        "A concert was held at the Consulate General of Chile in Houston. "
        "Consul General Ana Soto said music has no borders."
    )
    assert ("Ana Soto", "worksFor", "Consulate General of Chile in Houston") in got
    assert len({name for name, rel, kind in got if rel == "a" and kind == "Embassy"}) == 1


def test_date_naming_a_historical_event_is_not_the_event_date(facts):
    got = facts("A commemoration of the March 8 tragedy was held at the Georgian embassy in Norway on March 6.", date="2023-03-09")
    assert ("EVENT", "date", "2023-03-06") in got


def test_honorary_consul_implies_an_honorary_consulate(facts):
    got = facts("Honorary Consul of Georgia in Norway Erik Olsen also spoke at the event.")
    assert ("Erik Olsen", "worksFor", "Honorary Consulate of Georgia in Norway") in got
    assert ("EVENT", "speaker", "Erik Olsen") in got


def test_permanent_mission_to_an_international_organization(facts):
    got = facts(
        "The Permanent Mission of Chile to the UN organized a reception in New York. "
        "Permanent Representative of Chile to the UN Rosa Vidal spoke about human rights."
    )
    assert ("Permanent Mission of Chile to United Nations", "a", "Embassy") in got
    assert ("Permanent Mission of Chile to United Nations", "represents", "Chile") in got
    assert ("EVENT", "speaker", "Rosa Vidal") in got
    assert ("Rosa Vidal", "worksFor", "Permanent Mission of Chile to United Nations") in got
    assert not any(name == "UN" for name, rel, kind in got if rel == "a" and kind == "Place")


def test_surname_the_model_calls_a_place_is_the_person(facts):
    got = facts("Writer Elena Marquez presented her novel at the Chilean embassy in Sweden. The author, Marquez, thanked the embassy.")
    assert ("Elena Marquez", "a", "Person") in got
    assert not any(name == "Marquez" for name, rel, kind in got if rel == "a")


def test_minister_of_a_country_works_for_its_ministry(facts):
    got = facts("The reception was attended by Deputy Minister of Culture of Peru Luis Campos, who praised the exhibition.")
    assert any(s == "Luis Campos" and r == "jobTitle" and o.startswith("deputy minister of culture") for s, r, o in got)
    assert ("Luis Campos", "worksFor", "Ministry of Culture of Peru") in got
    assert ("EVENT", "participant", "Luis Campos") in got


def test_a_headline_line_is_its_own_sentence(nlp):
    doc = nlp("Embassy hosts Novruz concert in Vilnius\nOn March 18, the embassy held a concert.")
    assert [s.text.strip() for s in doc.sents] == ["Embassy hosts Novruz concert in Vilnius", "On March 18, the embassy held a concert."]


def test_hard_wrapped_lines_stay_one_sentence(nlp):
    doc = nlp("The ambassador of\nNorway spoke at the\nevent in Oslo, and the minister\nalso spoke.")
    assert len(list(doc.sents)) == 1


# --- names the model misses, typed from their context ----------------------------------------------


def test_name_after_a_long_title_with_a_for_complement(facts):
    got = facts("Parliamentary Vice-Minister for Foreign Affairs of Chile Tomas Errazuriz congratulated the guests.")
    assert ("Tomas Errazuriz", "a", "Person") in got
    assert ("Tomas Errazuriz", "jobTitle", "parliamentary vice-minister for foreign affairs of chile") in got
    assert ("EVENT", "speaker", "Tomas Errazuriz") in got


def test_name_after_a_body_named_by_a_demonym(facts):
    got = facts("Member of the Latvian Saeima Ilze Berzina spoke about the tragedy.")
    assert ("Ilze Berzina", "a", "Person") in got
    assert not any(s.startswith("Saeima") for s, _, _ in got)


def test_name_before_comma_and_title(facts):
    got = facts('The campaign "Voices of Aral", initiated by Dilnoza Karimova, Vice-President of the Aral Heritage Foundation, was presented.')
    assert ("Dilnoza Karimova", "a", "Person") in got
    assert ("Voices of Aral", "initiatedBy", "Dilnoza Karimova") in got
    assert ("Dilnoza Karimova", "worksFor", "Aral Heritage Foundation") in got


def test_no_name_before_comma_and_title_when_it_is_a_place(facts):
    got = facts("In Lisbon, Ambassador Jonas Petraitis opened the exhibition.")
    assert not any(t == "Person" and "Lisbon" in s for s, _, t in got)


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ('The campaign "Water for Sahel" was presented.', "Campaign"),
        ('"Water for Sahel" campaign was presented.', "Campaign"),
        ('Guests watched the video clip "Silent Steppe".', "Film"),
        ('The documentary titled "Silent Steppe" was screened.', "Film"),
    ],
)
def test_quoted_titles_take_the_nearest_work_word(facts, sentence, kind):
    got = facts(sentence)
    assert any(t == kind for _, r, t in got if r == "a"), got


@pytest.mark.parametrize(
    "sentence",
    [
        'A presentation of the book "Steppe: Chronicle of a Famine" was held after the film.',
        'The song "Mountains of Tragedy" was performed at the documentary screening.',
    ],
)
def test_titles_of_books_and_songs_are_not_entities(facts, sentence):
    got = facts(sentence)
    assert not any("Chronicle" in s or "Mountains" in s for s, _, _ in got), got


def test_tragedy_named_by_its_date(facts):
    got = facts("The consulate commemorated the victims of the March 31 tragedy. The 31 March tragedy is remembered.")
    assert ("March 31 tragedy", "a", "HistoricalEvent") in got
    assert ("EVENT", "commemorates", "March 31 tragedy") in got
    assert len([s for s, r, t in got if t == "HistoricalEvent"]) == 1


def test_a_building_where_the_event_is_held_is_a_venue(facts):
    got = facts("A memorial service was held at St. Mary Cathedral. The Moldovan Orthodox Church thanked the embassy.")
    assert ("St. Mary Cathedral", "a", "Place") in got
    assert ("EVENT", "location", "St. Mary Cathedral") in got
    assert ("Moldovan Orthodox Church", "a", "Organization") in got


# --- relations from syntax ------------------------------------------------------------------------


def test_screening_and_premiere_nouns(facts):
    got = facts('The evening ended with the screening of the documentary "Salt Roads". The premiere of the film "Blue Shore" took place.')
    assert ("EVENT", "screened", "Salt Roads") in got
    assert ("EVENT", "screened", "Blue Shore") in got


def test_a_film_word_refers_back_to_the_film_named_before(facts):
    got = facts('The documentary "Salt Roads" was shown. The film, produced by Northwind Studio, tells the story of a village.')
    assert ("Salt Roads", "producedBy", "Northwind Studio") in got


def test_made_a_speech_is_speaking(facts):
    got = facts("Professor Lena Ortiz of the University of Leon also made a speech.")
    assert ("EVENT", "speaker", "Lena Ortiz") in got
    assert ("Lena Ortiz", "worksFor", "University of Leon") in got


def test_title_of_organization_before_comma_and_name(facts):
    got = facts("Ambassador Karel Dvorak and the chairman of the Union of Czech Armenians, Petr Novak, attended the service.")
    assert ("Petr Novak", "jobTitle", "chairman") in got
    assert ("Petr Novak", "worksFor", "Union of Czech Armenians") in got


def test_permanent_representative_joins_the_permanent_mission(facts):
    got = facts(
        "The Permanent Mission of Kenya to the UN Office in Geneva held a conference. "
        "Permanent Representative of Kenya to the UN Office in Geneva, Ambassador Amina Odhiambo noted its importance."
    )
    missions = {s for s, r, t in got if r == "a" and t == "Embassy"}
    assert len(missions) == 1, missions
    assert ("Amina Odhiambo", "worksFor", missions.pop()) in got


def test_honorary_consulate_in_a_town_the_gazetteer_lacks(facts):
    got = facts("A ceremony was held in Tamsk, Estonia. It was organized by the Honorary Consulate of Georgia in Tamsk.")
    assert ("Honorary Consulate of Georgia in Tamsk", "a", "Embassy") in got
    assert ("Honorary Consulate of Georgia in Tamsk", "locatedIn", "Estonia") in got


def test_dateline_city_is_the_location_when_no_other_city_is_named(facts):
    got = facts("Lima, March 3, AZERTAC\nThe Embassy of Georgia in Peru hosted a reception on Independence Day.")
    assert ("EVENT", "location", "Lima") in got


def test_dateline_city_gives_way_to_the_stated_city(facts):
    got = facts("Lima, March 3, AZERTAC\nThe Embassy of Georgia in Peru hosted a reception in Cusco.")
    assert ("EVENT", "location", "Cusco") in got
    assert ("EVENT", "location", "Lima") not in got


def test_a_museum_with_an_of_phrase_is_a_venue_where_held(facts):
    got = facts("An exhibition of carpets opened at the Museum of Textile Art in Lyon.")
    assert ("EVENT", "location", "Museum of Textile Art") in got


def test_a_name_the_model_calls_a_nationality_is_a_person_where_names_stand(facts):
    got = facts("The head of the Uzbek community of Riga, Bakhrom Tashkentov, noted that the community was proud.")
    assert ("Bakhrom Tashkentov", "a", "Person") in got
    assert ("EVENT", "speaker", "Bakhrom Tashkentov") in got


@pytest.mark.parametrize("body", ["Seimas of Lithuania", "Knesset", "Storting"])
def test_parliaments_by_their_own_names(facts, body):
    got = facts(f"A commemoration was held at the {body}. Member of the {body} Ruta Vaitkute opened the event.")
    assert (body, "a", "Organization") in got
    assert ("Ruta Vaitkute", "worksFor", body) in got


def test_chairman_of_the_board_works_for_the_organization(facts):
    got = facts("Omar Haddad, Chairman of the Board of the Institute for Desert Studies, spoke about water.")
    assert ("Omar Haddad", "worksFor", "Institute for Desert Studies") in got
    assert not any(s.startswith("Board") for s, _, _ in got)


def test_a_title_running_into_the_next_name_is_that_names(facts):
    got = facts(
        "The reception was attended by Chilean Minister for Foreign Affairs Rosa Aravena Soto, "
        "Ambassador of Peru to Chile Jorge Quispe and Ambassador of Bolivia Ana Mamani."
    )
    assert ("Rosa Aravena Soto", "jobTitle", "minister for foreign affairs") in got
    assert ("Jorge Quispe", "worksFor", "Embassy of Peru in Chile") in got
    assert not any(s == "Rosa Aravena Soto" and r == "worksFor" and "Embassy" in o for s, r, o in got)
    assert {("EVENT", "participant", p) for p in ("Jorge Quispe", "Ana Mamani")} <= got


def test_stacked_titles_and_the_role_noun_later(facts):
    got = facts(
        "The event was attended by rector of Lund University Professor Karin Berg and students. "
        "The rector said that the university supports the initiative."
    )
    assert ("Karin Berg", "worksFor", "Lund University") in got
    assert ("EVENT", "speaker", "Karin Berg") in got


def test_an_untagged_surname_after_the_full_name(facts):
    got = facts("Ambassador Khalid Omari opened the exhibition. Omari noted that art unites nations.")
    assert ("EVENT", "speaker", "Khalid Omari") in got
    assert not any(s == "Omari" for s, _, _ in got)


# --- generalization rules (development set): each with what it must and must not match ------------


def test_name_after_a_complement_ending_in_a_city(facts):
    got = facts(
        "Honorary Consul of Chile in Porto Rui Matos said that the exhibition was a success. "
        "Professor of the University of Porto Ines Vale noted its value."
    )
    assert ("Rui Matos", "a", "Person") in got and ("Ines Vale", "a", "Person") in got
    assert ("Ines Vale", "worksFor", "University of Porto") in got
    assert not any("Porto Rui" in s or "Porto Ines" in s for s, _, _ in got)


def test_a_city_in_an_organization_name_is_kept_without_a_name_after_it(facts):
    got = facts("The University of Porto Business School hosted a seminar.")
    assert not any(t == "Person" for _, r, t in got if r == "a")


def test_honorifics_are_no_part_of_a_name_and_no_job(facts):
    got = facts("Father Nikola Jovic, the rector of the church, said a prayer for the victims.")
    assert ("Nikola Jovic", "a", "Person") in got
    assert ("Nikola Jovic", "jobTitle", "rector of the church") in got
    assert ("EVENT", "speaker", "Nikola Jovic") in got
    assert not any("Father" in s for s, _, _ in got)


def test_the_next_clauses_subject_is_no_apposition(facts):
    got = facts("Speaking about the plan of Foundation Vice-President Lale Demir, the ambassador noted its importance.")
    assert not any(s == "Lale Demir" and o == "ambassador" for s, _, o in got)


def test_ambassador_to_an_international_organization_heads_a_permanent_mission(facts):
    got = facts("Ambassador of Chile to UNESCO Paula Rios said that culture unites nations.")
    assert ("Paula Rios", "worksFor", "Permanent Mission of Chile to UNESCO") in got
    assert ("UNESCO", "a", "Organization") in got and ("UNESCO", "a", "Place") not in got


def test_ambassador_to_a_country_heads_an_embassy(facts):
    got = facts("Ambassador of Chile to Peru Paula Rios said that culture unites nations.")
    assert ("Paula Rios", "worksFor", "Embassy of Chile in Peru") in got


def test_an_ambassador_never_joins_an_honorary_consulate(facts):
    got = facts(
        "The Honorary Consulate of Kenya in Porto held a conference. "
        "Kenyan Ambassador to Portugal Amina Odhiambo also addressed the conference."
    )
    assert ("Amina Odhiambo", "worksFor", "Embassy of Kenya in Portugal") in got
    assert ("Amina Odhiambo", "worksFor", "Honorary Consulate of Kenya in Porto") not in got


def test_tragedy_in_a_place_only_where_nothing_names_it(facts):
    got = facts(
        "An event on the anniversary of the Lida tragedy in Oslo was held. "
        "Guests got a brochure about the tragedy in English. He recalled the massacre in Halabja."
    )
    names = {s for s, r, t in got if r == "a" and t == "HistoricalEvent"}
    assert "Lida tragedy" in names and ("massacre in Halabja" in names or "Halabja massacre" in names)
    assert not any("Oslo" in n or "English" in n for n in names)
    assert ("Oslo", "a", "Place") in got


def test_faculties_are_organizations_and_coordinated_organizers_count(facts):
    got = facts("The Embassy of Peru in Chile and the Faculty of Law of Andes University have organized a seminar.")
    assert ("Faculty of Law of Andes University", "a", "Organization") in got
    assert {("EVENT", "organizer", "Embassy of Peru in Chile"), ("EVENT", "organizer", "Faculty of Law of Andes University")} <= got


def test_a_mention_listed_after_an_organizer_is_one_but_a_later_clause_is_not(facts):
    got = facts(
        "The event was co-organized by the Embassy of Peru in Chile and the Chile-Peru friendship group. "
        "It was organized by the Embassy of Peru in Chile and attended by the Andean Music Society."
    )
    assert ("EVENT", "organizer", "Chile-Peru friendship group") in got
    assert ("EVENT", "organizer", "Andean Music Society") not in got


def test_premiered_film_is_screened_and_about_what_it_is_dedicated_to(facts):
    got = facts('The documentary "Salt Roads", dedicated to the Lida tragedy, premiered at the Embassy of Peru in Chile.')
    assert ("EVENT", "screened", "Salt Roads") in got
    assert ("Salt Roads", "about", "Lida tragedy") in got
    assert ("EVENT", "commemorates", "Lida tragedy") not in got


def test_an_event_dedicated_to_a_tragedy_commemorates_it(facts):
    got = facts('An event dedicated to the Lida tragedy was held. The documentary "Salt Roads" was shown.')
    assert ("EVENT", "commemorates", "Lida tragedy") in got


def test_a_sentence_about_the_film_commemorates_nothing(facts):
    got = facts('The premiere of the film "Salt Roads" took place in Lima. The film tells the story of the victims of the Lida tragedy.')
    assert ("Salt Roads", "about", "Lida tragedy") in got
    assert ("EVENT", "commemorates", "Lida tragedy") not in got


def test_years_ago_gives_the_anniversary_of_the_commemorated_event(facts):
    got = facts("A memorial service for the victims of the Lida tragedy was held. The ambassador spoke about the Lida tragedy, committed 29 years ago.")
    assert ("EVENT", "anniversary", "29") in got


def test_years_ago_gives_no_anniversary_without_a_commemoration(facts):
    got = facts("A concert was held in Lima. The ambassador said the theatre was built 40 years ago.")
    assert not any(r == "anniversary" for _, r, _ in got)


def test_an_ordinal_anniversary_wins_over_years_ago(facts):
    got = facts("An event marking the 31st anniversary of the Lida tragedy was held. The massacre, committed 31 years ago, killed many.")
    assert {o for _, r, o in got if r == "anniversary"} == {"31"}


def test_each_producer_cue_names_its_producer(facts):
    got = facts(
        'The documentary "Salt Roads" was shown. '
        "The film was produced by Andes Film Studio with the support of the Ministry of Culture of Peru."
    )
    assert {("Salt Roads", "producedBy", "Andes Film Studio"), ("Salt Roads", "producedBy", "Ministry of Culture of Peru")} <= got


def test_coordinated_appositive_titles(facts):
    got = facts(
        "Then, Ana Ruiz, member of the Senate of Chile and chairman of the Chile-Peru friendship group, "
        "stressed that the crime must be assessed."
    )
    assert {("Ana Ruiz", "jobTitle", "member"), ("Ana Ruiz", "jobTitle", "chairman")} <= got
    assert {("Ana Ruiz", "worksFor", "Senate of Chile"), ("Ana Ruiz", "worksFor", "Chile-Peru friendship group")} <= got


def test_a_title_inside_an_organization_span_starts_the_name(facts):
    got = facts("Addressing the event, Dean of the Faculty of Law Professor Marek Novak spoke about research.")
    assert ("Marek Novak", "jobTitle", "dean") in got and ("Marek Novak", "jobTitle", "professor") in got
    assert ("Marek Novak", "worksFor", "Faculty of Law") in got


def test_venues_named_by_a_leading_word(facts):
    got = facts("The reception, held at Palazzo Verdi, was attended by diplomats.")
    assert ("Palazzo Verdi", "a", "Place") in got and ("EVENT", "location", "Palazzo Verdi") in got
    assert ("Palazzo Verdi", "a", "Person") not in got


def test_the_city_in_a_venues_name(facts):
    got = facts("The Embassy of Peru in Canada held a celebration at Ottawa City Hall.")
    assert {("EVENT", "location", "Ottawa City Hall"), ("EVENT", "location", "Ottawa")} <= got


def test_a_venue_whose_name_starts_with_no_city(facts):
    got = facts("The Embassy of Peru in Canada held a celebration at Maple Leaf Hall.")
    assert not any(o == "Maple" for _, r, o in got if r == "location")


def test_the_place_of_the_place_an_event_was_at(facts):
    got = facts("The Permanent Mission of Chile to UNESCO organized an event at the UNESCO headquarters in Paris. France took part.")
    assert {("EVENT", "location", "Paris"), ("EVENT", "location", "France")} <= got


def test_mission_in_country_in_city(facts):
    got = facts("The presentation took place at the Embassy of Peru in Poland in Warsaw.")
    assert ("Embassy of Peru in Poland", "locatedIn", "Warsaw") in got
    assert ("Embassy of Peru in Poland", "locatedIn", "Poland") in got


@pytest.mark.parametrize("sentence, ministry", [
    ("Kenya's Deputy Foreign Minister Amina Odhiambo congratulated the people.", "Ministry of Foreign Affairs of Kenya"),
    ("Deputy Foreign Minister of Indonesia Dewi Sari said that relations are good.", "Ministry of Foreign Affairs of Indonesia"),
    ("Chilean Culture Minister Ana Ruiz said that relations are good.", "Ministry of Culture of Chile"),
])
def test_a_field_minister_works_for_the_ministry(facts, sentence, ministry):
    got = facts(sentence)
    assert any(r == "worksFor" and o == ministry for _, r, o in got), got


def test_a_prime_minister_works_for_no_ministry(facts):
    got = facts("Kenya's Prime Minister Amina Odhiambo congratulated the people.")
    assert not any(r == "worksFor" and o.startswith("Ministry") for _, r, o in got)


def test_giving_information_is_speaking_giving_gifts_is_not(facts):
    got = facts(
        "Director of the Andes Carpet Museum Rosa Quispe gave information about the history of weaving. "
        "Students of the university Pablo Mena gave flowers to the guests."
    )
    assert ("EVENT", "speaker", "Rosa Quispe") in got
    assert ("EVENT", "speaker", "Pablo Mena") not in got


def test_synonyms_of_a_historical_event_are_one_node(facts):
    got = facts("The ambassador spoke about World War II. The Second World War changed Europe.")
    assert {s for s, r, t in got if r == "a" and t == "HistoricalEvent"} == {"Second World War"}


def test_organization_before_a_title_is_the_employer(facts):
    got = facts("Bundestag member Klaus Berger noted that such films help.")
    assert ("Klaus Berger", "worksFor", "Bundestag") in got
    assert ("EVENT", "speaker", "Klaus Berger") in got


def test_a_titled_complement_that_swallowed_the_name_gives_it_back(facts):
    got = facts("Rector of the National University of Fine Arts Diego Paredes noted that art unites nations.")
    assert ("Diego Paredes", "worksFor", "National University of Fine Arts") in got
    assert ("EVENT", "speaker", "Diego Paredes") in got


def test_an_untitled_organization_before_a_verb_keeps_its_name(facts):
    got = facts("Director of the Museum of Modern Art said that it was fine.")
    assert ("Museum of Modern Art", "a", "Organization") in got
    assert not any(t == "Person" for _, r, t in got if r == "a")


def test_a_titled_subject_speaks_through_its_named_complement(facts):
    got = facts("Peruvian Ambassador to Chile Ramon Vega noted that the relations are good.")
    assert ("EVENT", "speaker", "Ramon Vega") in got


def test_gazetteer_city_after_in_that_the_model_missed(facts):
    got = facts("An exhibition opened at the National Museum of the Republic in Brasilia, co-organized by the Embassy of Peru in Brazil and the Andes Carpet Museum.")
    assert ("EVENT", "location", "Brasilia") in got
    assert ("EVENT", "organizer", "Andes Carpet Museum") in got


def test_a_city_word_inside_a_longer_name_is_no_city(facts):
    got = facts("A concert was held in Victoria Park.")
    assert ("Victoria", "a", "Place") not in got


def test_deputy_diplomatic_titles_and_embassy_ranks_imply_the_mission(facts):
    got = facts(
        "The Embassy of Peru in Chile held a reception. Deputy Permanent Representative of Chile to the UN Rosa Vidal spoke. "
        "First Secretary Pablo Mena also addressed the guests."
    )
    assert ("Rosa Vidal", "worksFor", "Permanent Mission of Chile to United Nations") in got
    assert ("Pablo Mena", "worksFor", "Embassy of Peru in Chile") in got


def test_co_organizers_together_with(facts):
    got = facts(
        "The event was organized by the Embassy of Peru in Chile together with the Andes Academy. "
        "A concert was held in Lima in cooperation with the Lima Music Society."
    )
    assert {("EVENT", "organizer", "Andes Academy"), ("EVENT", "organizer", "Lima Music Society")} <= got


def test_with_a_guest_is_no_co_organizer(facts):
    got = facts("The event was organized by the Embassy of Peru in Chile with students of the Andes Academy.")
    assert ("EVENT", "organizer", "Andes Academy") not in got


def test_country_possessive_ambassador_with_commas(facts):
    got = facts("Peru's ambassador to Kenya, Ramon Vega, said that the war was over.")
    assert ("Ramon Vega", "jobTitle", "ambassador") in got
    assert ("Ramon Vega", "worksFor", "Embassy of Peru in Kenya") in got


def test_passive_speech_names_its_speakers(facts):
    got = facts(
        "The event was addressed by Ambassador Ivo Ban and Professor Lena Ortiz. "
        "Speeches were made by Rector Jan Kowal."
    )
    assert {("EVENT", "speaker", p) for p in ("Ivo Ban", "Lena Ortiz", "Jan Kowal")} <= got


def test_attended_by_is_no_speech(facts):
    got = facts("The event was attended by Ambassador Ivo Ban and Professor Lena Ortiz.")
    assert not any(r == "speaker" for _, r, _ in got)


def test_full_diplomatic_title_with_state_forms(facts):
    got = facts(
        "Ambassador Extraordinary and Plenipotentiary of the Republic of Chile to the Republic of Estonia "
        "Paula Rios spoke at the event."
    )
    assert ("Paula Rios", "worksFor", "Embassy of Chile in Estonia") in got
    assert ("Plenipotentiary", "a", "Place") not in got


@pytest.mark.parametrize("text", ["Chile's Embassy in Japan held a concert.", "The Chile Embassy in Japan held a concert."])
def test_mission_named_by_the_country_itself(facts, text):
    got = facts(text)
    assert ("EVENT", "organizer", "Embassy of Chile in Japan") in got
    assert ("Embassy of Chile in Japan", "represents", "Chile") in got


def test_a_country_before_another_word_is_no_mission(facts):
    got = facts("The Chile Foundation held a concert in Japan.")
    assert not any(t == "Embassy" for _, r, t in got if r == "a")


def test_agency_credits_in_the_dateline_and_the_body(facts):
    got = facts("Tallinn, March 3, BALTNEWS. A concert was held at the embassy, BALTNEWS's correspondent reports. Estonia was glad.")
    assert ("ARTICLE", "source", "BALTNEWS") in got
    assert ("BALTNEWS", "a", "Person") not in got
    assert {("EVENT", "location", "Tallinn"), ("EVENT", "location", "Estonia")} <= got


def test_according_to_an_agency_but_not_to_a_ministry(facts):
    got = facts("A concert was held in Lima, according to APA. The hall was full, according to the Ministry of Culture of Peru.")
    assert ("ARTICLE", "source", "APA") in got
    assert not any(r == "source" and o.startswith("Ministry") for _, r, o in got)


def test_mission_to_the_holy_see_held_its_reception_in_rome(facts):
    got = facts("The Embassy of Chile in the Holy See organized a reception at the Hotel Roma in Rome. Italy was represented too.")
    mission = next(s for s, r, t in got if r == "a" and t == "Embassy")
    assert ("EVENT", "organizer", mission) in got
    assert {("EVENT", "location", "Hotel Roma"), ("EVENT", "location", "Rome"), ("EVENT", "location", "Italy")} <= got
    assert not any(r == "location" and o in ("Holy See", "Vatican City", "Holy") for _, r, o in got)


def test_a_citys_country_locates_the_event_only_where_the_article_names_it(facts):
    got = facts("A concert was held in Madrid.")
    assert ("EVENT", "location", "Madrid") in got and ("EVENT", "location", "Spain") not in got
    got = facts("A concert was held in Madrid. Spain and Chile are friends.")
    assert ("EVENT", "location", "Spain") in got


def test_venues_with_a_lower_case_head_and_with_an_of_name(facts):
    got = facts("A ceremony was held at the Casa Lima cultural centre. The martyrs rest in the Alley of Heroes in Quito.")
    assert ("EVENT", "location", "Casa Lima cultural centre") in got
    assert ("Alley of Heroes", "a", "Place") in got


def test_a_demonym_before_a_building_word_names_no_venue(facts):
    got = facts("The Peruvian cultural centre hosted a concert.")
    assert not any(t == "Place" for _, r, t in got if r == "a")


def test_religious_titles(facts):
    got = facts("Cardinal Marco Testa, President of the Pontifical Council for Music, said that music unites.")
    assert ("Marco Testa", "jobTitle", "cardinal") in got
    assert ("Marco Testa", "worksFor", "Pontifical Council for Music") in got


def test_opening_the_event_is_speaking_opening_a_door_is_not(facts):
    got = facts("Director of the Lima Institute Professor Rosa Vidal opened the conference. Guard Pablo Mena opened the door.")
    assert ("EVENT", "speaker", "Rosa Vidal") in got
    assert ("EVENT", "speaker", "Pablo Mena") not in got


def test_permanent_mission_to_the_un_office_in_a_city(facts):
    got = facts("The Permanent Mission of Chile to the UN Office in Geneva held an event.")
    assert ("EVENT", "organizer", "Permanent Mission of Chile to United Nations Office at Geneva") in got


# --- batch 4 of the development set: rules and what they must not match -----------------------


def test_appositive_title_with_an_indefinite_article(facts):
    got = facts("Lena Varga, a member of the Baltic Heritage Foundation and head of the Riga Youth Society, said the film was important.")
    assert ("Lena Varga", "worksFor", "Baltic Heritage Foundation") in got
    assert ("Lena Varga", "worksFor", "Riga Youth Society") in got
    assert ("Lena Varga", "jobTitle", "member") in got


def test_an_indefinite_apposition_without_a_title_gives_no_job(facts):
    got = facts("Lena Varga, a friend of the family, said the film was important.")
    assert not any(r == "jobTitle" for _, r, _ in got)


def test_an_event_opened_by_a_person_is_a_speech_a_door_is_not(facts):
    got = facts("The exhibition was opened by Ambassador Jonas Petraitis. The door was opened by Guard Pablo Mena.")
    assert ("EVENT", "speaker", "Jonas Petraitis") in got
    assert ("EVENT", "speaker", "Pablo Mena") not in got


def test_lists_of_speakers(facts):
    got = facts(
        "A conference was held in Lima. Speakers included Professor Anna Kowalska, Director of the Lima Institute, "
        "and Dr. Piotr Nowak. Among the speakers were Rosa Vidal and Pablo Mena."
    )
    assert {("EVENT", "speaker", n) for n in ("Anna Kowalska", "Piotr Nowak", "Rosa Vidal", "Pablo Mena")} <= got


def test_a_list_of_guests_is_no_list_of_speakers(facts):
    got = facts("A conference was held in Lima. Guests included Professor Anna Kowalska and Dr. Piotr Nowak.")
    assert not any(r == "speaker" for _, r, _ in got)


def test_a_bare_ambassador_title_belongs_to_the_mission_the_other_title_names(facts):
    got = facts(
        "The Permanent Mission of Kenya to the UN Office in Geneva held a conference. "
        "Speakers included Ambassador Rosa Diaz, Permanent Representative of Chile to the UN Office in Geneva."
    )
    assert ("Rosa Diaz", "worksFor", "Permanent Mission of Chile to United Nations Office at Geneva") in got
    assert ("Rosa Diaz", "worksFor", "Permanent Mission of Kenya to United Nations Office at Geneva") not in got
    assert ("EVENT", "location", "Switzerland") not in got


def test_mission_to_the_un_office_and_other_international_organizations(facts):
    got = facts("The Permanent Mission of Chile to the UN Office and other international organizations in Geneva held an event.")
    assert ("EVENT", "organizer", "Permanent Mission of Chile to United Nations Office at Geneva") in got


def test_permanent_delegation_is_a_permanent_mission_a_delegation_is_not(facts):
    got = facts("The Permanent Delegation of Peru to UNESCO held an exhibition. The Chilean delegation attended it.")
    assert ("EVENT", "organizer", "Permanent Mission of Peru to UNESCO") in got
    assert [n for n, r, t in got if r == "a" and t == "Embassy"] == ["Permanent Mission of Peru to UNESCO"]


def test_the_permanent_mission_is_the_article_s_mission(facts):
    got = facts("The Permanent Mission of Peru to UNESCO held an exhibition. The exhibition was moderated by Rosa Vidal, counsellor of the permanent mission.")
    assert ("Rosa Vidal", "worksFor", "Permanent Mission of Peru to UNESCO") in got
    assert ("EVENT", "speaker", "Rosa Vidal") in got


def test_a_body_dateline_gives_the_day_and_a_parenthesized_agency(facts):
    got = facts("LIMA, March 3 (Andina). A concert was held at the Embassy of Chile in Peru.", date="2023-03-04")
    assert ("EVENT", "date", "2023-03-03") in got
    assert ("ARTICLE", "source", "Andina") in got


def test_a_dateline_with_the_country_after_the_city(facts):
    got = facts("QUITO, Ecuador, Feb. 26. A concert was held at the Embassy of Chile.", date="2024-02-27")
    assert ("EVENT", "date", "2024-02-26") in got


def test_a_far_dateline_day_does_not_override_the_published_date(facts):
    got = facts("Our story of May 3 is told. LIMA, March 3. A concert was held.", date="2023-06-20")
    assert ("EVENT", "date", "2023-06-20") in got


def test_venues_named_by_a_building_word(facts):
    got = facts(
        "The Embassy of Chile in Peru held a reception at the Grand Pacific Hotel. "
        "A film was screened at the Lima Street Cinema. A concert took place at the Palais des Sports."
    )
    for venue in ("Grand Pacific Hotel", "Lima Street Cinema", "Palais des Sports"):
        assert (venue, "a", "Place") in got


def test_a_congress_center_is_a_venue_a_congress_is_a_body(facts):
    got = facts("The conference was held at the Lima Congress Center. The National Congress of Peru sent a message.")
    assert ("Lima Congress Center", "a", "Place") in got
    assert ("Lima Congress Center", "a", "Organization") not in got


def test_a_forum_is_a_venue_only_where_something_is_held_at_it(facts):
    got = facts("An exhibition opened at the Lima International Forum. The Baltic Economic Forum sent a letter.")
    assert ("Lima International Forum", "a", "Place") in got
    assert ("Baltic Economic Forum", "a", "Organization") in got


def test_church_of_a_saint_of_a_place(facts):
    got = facts("A memorial service was held at the Church of St. Francis of Assisi in Lima.")
    assert ("EVENT", "location", "Church of St. Francis of Assisi") in got


def test_a_venue_alone_leaves_the_dateline_city_as_location(facts):
    got = facts("Lima, May 5, Andina. The Embassy of Chile in Peru held a reception at the Grand Pacific Hotel.", date="2023-05-05")
    assert ("EVENT", "location", "Lima") in got


def test_a_surname_after_a_title_goes_to_the_namesake_with_that_title(facts):
    got = facts(
        "Ambassador Tomas Berg welcomed the guests. Erik Berg, a student, read a poem. "
        "Ambassador Berg thanked the university."
    )
    assert ("Erik Berg", "jobTitle", "ambassador") not in got
    assert ("Tomas Berg", "jobTitle", "ambassador") in got


def test_a_quotation_in_lower_case_is_no_film_title(facts):
    got = facts('A film was screened. Professor Lena Park said the film was "a powerful testimony".')
    assert not any(t == "Film" for _, r, t in got if r == "a")


def test_the_university_is_the_university_named_before(facts):
    got = facts("An evening took place at the Lima University of Arts. The evening was organized by the embassy of Chile together with the university.")
    assert ("EVENT", "organizer", "Lima University of Arts") in got


def test_the_university_with_two_universities_named_is_neither(facts):
    got = facts(
        "Professors of the Lima University of Arts and the Quito University of Music came. "
        "The evening was organized by the embassy of Chile together with the university."
    )
    assert not any(r == "organizer" and "University" in o for _, r, o in got)


def test_a_model_surname_before_which_a_given_name_stands_is_a_full_name(facts):
    got = facts("A presentation of the book by the expert Leyla Tamarova took place in Lima. Tamarova said the book was new.")
    assert ("Leyla Tamarova", "a", "Person") in got
    assert ("EVENT", "speaker", "Leyla Tamarova") in got


def test_who_is_a_title_at_an_organization(facts):
    got = facts("The Lima Carpet Museum held an exhibition. Rosa Vidal, who is a senior researcher at the museum, said the carpets were old.")
    assert ("Rosa Vidal", "worksFor", "Lima Carpet Museum") in got
    assert ("Rosa Vidal", "jobTitle", "senior researcher at the museum") in got or ("Rosa Vidal", "jobTitle", "senior researcher") in got


def test_who_chairs_an_organization(facts):
    got = facts("Pablo Mena, who chairs the Peru-Chile parliamentary friendship group, said that the peoples are friends.")
    assert ("Pablo Mena", "worksFor", "Peru-Chile parliamentary friendship group") in got


def test_who_visited_an_organization_works_for_nothing(facts):
    got = facts("Pablo Mena, who visited the Lima Carpet Museum, said that the carpets are old.")
    assert not any(r == "worksFor" for _, r, _ in got)


def test_a_possessed_title_before_a_comma_name(facts):
    got = facts("A film was screened in Lima. The film's director, Rosa Vidal, spoke about the shooting.")
    assert ("Rosa Vidal", "jobTitle", "director") in got
    assert ("EVENT", "speaker", "Rosa Vidal") in got


def test_a_list_of_titled_names_as_subject_all_spoke(facts):
    got = facts(
        "A conference was held in Lima. Deputy Minister of Culture of Peru Rosa Vidal, Professor Pablo Mena of the Lima Institute "
        "and Ana Ruiz, head of the history department at the Quito Institute, also spoke at the conference."
    )
    assert {("EVENT", "speaker", n) for n in ("Rosa Vidal", "Pablo Mena", "Ana Ruiz")} <= got
    assert ("Ana Ruiz", "worksFor", "Quito Institute") in got


def test_opened_by_a_titled_name_the_parser_splits(facts):
    got = facts("The conference was opened by Georgian Ambassador to Chile Levan Kobakhidze, who spoke about trade.")
    assert ("EVENT", "speaker", "Levan Kobakhidze") in got


def test_a_memorial_service_held_at_a_church(facts):
    got = facts("The Embassy of Chile in Peru held a memorial service at the Church of St. Francis of Lima on the anniversary.")
    assert ("EVENT", "location", "Church of St. Francis of Lima") in got


def test_an_apposition_at_the_end_of_a_sentence(facts):
    got = facts("Speakers included Ambassador Rosa Vidal and Dr. Pablo Mena, a lecturer at the Lima Institute.\n\nMena said the war ended.")
    assert ("Pablo Mena", "worksFor", "Lima Institute") in got
    assert ("Pablo Mena", "jobTitle", "lecturer") in got


def test_a_victory_day_event_commemorates_the_war_won(facts):
    got = facts(
        "On the occasion of Victory Day, the Embassy of Chile in Peru organized a reception. "
        "The ambassador said that the victory in the 44-day war was historic."
    )
    assert ("EVENT", "commemorates", "44-day Patriotic War") in got


def test_a_war_named_without_victory_day_is_not_commemorated(facts):
    got = facts("The Embassy of Chile in Peru organized a reception. The ambassador said the victory in the 44-day war was historic.")
    assert not any(r == "commemorates" for _, r, _ in got)


def test_an_event_titled_after_a_historical_event_commemorates_it(facts):
    got = facts(
        'An evening titled "Lidice: Never Again" took place at the Lima University of Arts. '
        "Professor Rosa Vidal presented her research on the Lidice massacre."
    )
    assert ("EVENT", "commemorates", "Lidice massacre") in got


def test_an_event_titled_otherwise_commemorates_nothing(facts):
    got = facts(
        'An evening titled "Music of the Andes" took place at the Lima University of Arts. '
        "Professor Rosa Vidal presented her research on the Lidice massacre."
    )
    assert not any(r == "commemorates" for _, r, _ in got)


def test_speaking_at_the_event_then_a_title_the_parser_misreads(facts):
    got = facts(
        "A vigil was held in Lima. Speaking at the vigil, Consul General of Chile in Lima Rosa Vidal said that the victims are remembered."
    )
    assert ("EVENT", "speaker", "Rosa Vidal") in got


def test_also_addressing_the_event_was_a_person(facts):
    got = facts("A concert was held in Lima. Also addressing the event was Pablo Mena, head of the Lima Youth Society.")
    assert ("EVENT", "speaker", "Pablo Mena") in got


def test_speaking_of_a_topic_names_no_speaker(facts):
    got = facts("A concert was held in Lima. Speaking of music, the programme included Pablo Mena's songs.")
    assert not any(r == "speaker" for _, r, _ in got)


def test_among_those_present_attended(facts):
    got = facts("A concert was held in Lima. Among those present were Senator Rosa Vidal and Professor Pablo Mena.")
    assert ("EVENT", "participant", "Rosa Vidal") in got
    assert ("EVENT", "participant", "Pablo Mena") in got


def test_organized_by_hung_on_the_venue_still_organizes_the_event(facts):
    got = facts("A vigil for the victims was held at the Lima Memorial Chapel, organized by the Embassy of Chile in Peru and the Lima Youth Society.")
    assert ("EVENT", "organizer", "Lima Youth Society") in got
    assert ("EVENT", "location", "Lima Memorial Chapel") in got


def test_a_dateline_region_locates_the_event_with_its_city(facts):
    got = facts("AUSTIN, Texas, March 3. A concert was held at the Embassy of Chile.", date="2024-03-03")
    assert ("EVENT", "location", "Texas") in got


def test_a_dateline_region_of_another_city_locates_nothing(facts):
    got = facts("AUSTIN, Texas, March 3. A concert was held in Lima, Peru.", date="2024-03-03")
    assert ("EVENT", "location", "Texas") not in got


def test_a_known_historical_event_without_a_head_word(facts):
    got = facts("An event marking International Holocaust Remembrance Day was held in Lima in memory of the victims of the Holocaust.")
    assert ("EVENT", "commemorates", "Holocaust") in got
    assert not any(n.startswith("International") for n, r, t in got if r == "a")


def test_names_inside_a_book_title_are_no_entities(facts):
    got = facts('The embassy presented the translation of the novel "Maria and Lima" in Quito.')
    assert ("Lima", "a", "Place") not in got
    assert ("Quito", "a", "Place") in got


def test_caucus_heads_an_organization(facts):
    got = facts("Congressman Robert Hale, co-chair of the Congressional Peru Caucus, made remarks.")
    assert ("Robert Hale", "worksFor", "Congressional Peru Caucus") in got


def test_a_short_name_in_brackets_is_the_same_organization(facts):
    got = facts(
        "The conference was organized by the Center for Andean Studies (CAS Center). "
        "Rosa Vidal, Chairman of the Board of the CAS Center, spoke at the conference."
    )
    assert ("CAS Center", "a", "Organization") not in got
    assert ("Rosa Vidal", "worksFor", "Center for Andean Studies") in got


def test_a_bracketed_place_after_an_organization_is_not_its_name(facts):
    got = facts("The conference was organized by the Lima Youth Society (Peru) in Lima.")
    assert ("Lima Youth Society", "a", "Organization") in got


def test_a_film_that_shows_a_historical_event_is_about_it(facts):
    got = facts('The documentary "Stones of Lima" was screened. The ambassador noted that the film shows the destruction caused during the Lidice massacre.')
    assert ("Stones of Lima", "about", "Lidice massacre") in got


def test_an_exhibition_that_shows_a_historical_event_makes_no_film_about_it(facts):
    got = facts('The documentary "Stones of Lima" was screened. The photo exhibition shows the victims of the Lidice massacre.')
    assert ("Stones of Lima", "about", "Lidice massacre") not in got


def test_hyphenated_given_names_written_solid(facts):
    got = facts("A book was presented in Seoul. The translator, Kim Min-ji, professor at the Seoul Institute of Letters, told the audience about it.")
    assert ("Kim Min-ji", "a", "Person") in got
    assert ("Kim Min-ji", "worksFor", "Seoul Institute of Letters") in got


def test_a_hyphenated_lower_case_word_is_no_given_name(facts):
    got = facts("A book was presented in Seoul. The well-known writer spoke about it.")
    assert not any(t == "Person" for _, r, t in got if r == "a")


def test_also_addressing_the_event_was_a_titled_person_with_an_apposition(facts):
    got = facts("A concert was held in Lima. Also addressing the event was Professor Pablo Mena, head of the Lima Youth Society.")
    assert ("EVENT", "speaker", "Pablo Mena") in got
    assert ("Pablo Mena", "worksFor", "Lima Youth Society") in got


def test_a_plural_title_before_listed_names(facts):
    got = facts(
        "A concert was held in Lima. Among those present were Lima Youth Society members Petra Schulz and Jonas Weber. "
        "Members of the Quito Chess Club Anna Kowalska and Piotr Nowak also came."
    )
    for name, body in (("Petra Schulz", "Lima Youth Society"), ("Jonas Weber", "Lima Youth Society"),
                       ("Anna Kowalska", "Quito Chess Club"), ("Piotr Nowak", "Quito Chess Club")):
        assert (name, "worksFor", body) in got and (name, "jobTitle", "member") in got


def test_a_plural_title_before_one_name_is_left_alone(facts):
    got = facts("Members of the Lima Youth Society and Ana Ruiz came to the concert.")
    assert ("Ana Ruiz", "worksFor", "Lima Youth Society") not in got


def test_a_state_written_as_initials_after_a_city_is_no_place(facts):
    got = facts("AUSTIN, T.X., April 10. An exhibition opened at the Lima Art Hall in Austin.", date="2024-04-10")
    assert not any(n.replace(".", "").replace(" ", "") == "TX" for n, r, t in got if r == "a")
    assert ("austin", "Place") in {(n.lower(), t) for n, r, t in got if r == "a"}


# --- batch 6 and the known misses of batches 4-5 -------------------------------------------------


def test_an_event_is_placed_only_in_a_country_the_article_names(facts):
    got = facts("A concert was held at the Peruvian embassy in Lyon.")
    assert ("EVENT", "location", "Lyon") in got
    assert ("EVENT", "location", "France") not in got
    named = facts("A concert was held at the Peruvian embassy in Lyon. Guests came from all over France.")
    assert ("EVENT", "location", "France") in named


def test_a_mission_is_still_located_in_its_host_country(facts):
    got = facts("The Honorary Consulate of Peru in Lyon held a concert.")
    assert ("Honorary Consulate of Peru in Lyon", "locatedIn", "France") in got
    assert ("EVENT", "location", "France") not in got


def test_a_cultural_sphere_is_no_place(facts):
    got = facts("A concert was held in Lima. The speaker recalled the first parliament in the Muslim East, founded long ago.")
    assert not any(n.endswith("East") for n, r, t in got if r == "a")
    kept = facts("A concert was held in Lima. The speaker recalled the first university in the Middle East.")
    assert ("EVENT", "location", "Lima") in kept


def test_an_organization_name_with_and_or_a_plural_possessive_is_whole(facts):
    got = facts("A concert was held in Lima. It was attended by officials of the Department of Mines and Energy "
                "and members of the Painters' Guild Society of Peru.")
    assert ("Department of Mines and Energy", "a", "Organization") in got
    assert ("Department of Mines", "a", "Organization") not in got
    assert any(n in ("Painters' Guild Society of Peru", "Painters’ Guild Society of Peru") for n, r, t in got if r == "a" and t == "Organization")
    apart = facts("The Embassy of Peru and the Lima Youth Society organized a concert.")
    assert ("Lima Youth Society", "a", "Organization") in apart


def test_a_venue_named_with_its_city_after_it(facts):
    got = facts("The Embassy of Peru hosted a reception at the Hilton Hotel Lyon on Monday.")
    assert ("EVENT", "location", "Hilton Hotel Lyon") in got
    plain = facts("The Embassy of Peru hosted a reception at the Hilton Hotel in Lyon on Monday.")
    assert ("EVENT", "location", "Hilton Hotel") in plain and ("EVENT", "location", "Lyon") in plain


def test_a_venue_whose_first_word_is_some_city_is_in_the_city_named_after_it(facts):
    got = facts("An exhibition opened at the Paris Arts Center in Lyon, organized by the Embassy of Peru in France.")
    assert ("EVENT", "location", "Lyon") in got
    assert ("EVENT", "location", "Paris") not in got


def test_a_one_word_byline_credits_an_agency(facts):
    got = facts("By Andina\n\nA concert was held in Lima.")
    assert ("ARTICLE", "source", "Andina") in got
    person = facts("By Maria Lopez\n\nA concert was held in Lima.")
    assert not any(r == "source" for _, r, _ in person)


def test_an_organization_with_its_own_name_in_quotes(facts):
    got = facts('A concert was organized in Lima by the "Casa Andina" Cultural Center. '
                'Director of the "Casa Andina" Cultural Center Rosa Quispe noted that it was a success.')
    assert ("EVENT", "organizer", "Casa Andina Cultural Center") in got
    assert ("Rosa Quispe", "worksFor", "Casa Andina Cultural Center") in got
    assert ("Cultural Center", "a", "Organization") not in got
    after = facts('The Peruvian Friendship Society "Inti" organized a concert in Lima.')
    assert ("EVENT", "organizer", "Peruvian Friendship Society Inti") in after
    film = facts('The documentary "Casa Andina" was screened in Lima.')
    assert ("Casa Andina", "a", "Film") in film


def test_a_town_coordinated_with_a_city(facts):
    got = facts("A concert was held in Lima. It will also be given in Cusco and Quillabamba.")
    assert ("Quillabamba", "a", "Place") in got
    persons = facts("A concert was held in Lima. Ana Ruiz and Pablo Mena spoke.")
    assert not any(t == "Place" and n in ("Pablo Mena", "Mena") for n, r, t in persons if r == "a")


def test_a_given_name_that_is_also_a_venue_word(facts):
    got = facts("A book was presented in Seoul. Hall Min-seo, director of the Seoul Institute of Letters, noted that it sold well.")
    assert ("Hall Min-seo", "a", "Person") in got
    venue = facts("A concert was held at Victoria Park.")
    assert ("Victoria Park", "a", "Place") in venue and ("Victoria Park", "a", "Person") not in venue


def test_a_film_director_after_shot_by_is_no_producer(facts):
    got = facts('The documentary "Andes Voices" was screened in Lima. The film, shot by director Rosa Quispe '
                'with the support of the Lima Youth Society, tells about the mountains.')
    assert ("Andes Voices", "producedBy", "Lima Youth Society") in got
    assert ("Andes Voices", "producedBy", "Rosa Quispe") not in got
    made = facts('The documentary "Andes Voices" was screened in Lima. The film, produced by Rosa Quispe, tells about the mountains.')
    assert ("Andes Voices", "producedBy", "Rosa Quispe") in made


def test_a_mission_presenting_something_at_a_venue(facts):
    got = facts("The Embassy of Peru in France presented the French translation of a novel at the Lyon Book Center.")
    assert ("EVENT", "location", "Lyon Book Center") in got
    talk = facts("A conference was held in Lyon. Professor Ana Ruiz presented a paper at the Lyon Book Center.")
    assert ("EVENT", "location", "Lyon Book Center") not in talk


def test_an_event_held_at_the_initiative_of_a_consul_is_organized_by_the_consulate(facts):
    got = facts("A concert was held in Lyon at the initiative of the Honorary Consul of Peru in Lyon, Marc Dubois. "
                "The event was co-organized by the Lyon Youth Society.")
    assert ("EVENT", "organizer", "Honorary Consulate of Peru in Lyon") in got
    assert ("EVENT", "organizer", "Lyon Youth Society") in got
    campaign = facts('A concert was held in Lyon. The "Voices of the Andes" campaign was launched at the initiative of the Lyon Youth Society.')
    assert ("EVENT", "organizer", "Lyon Youth Society") not in campaign


def test_a_named_community_of_a_city_is_an_organization(facts):
    got = facts("A concert was held in Lyon. Also addressing the event was Marc Dubois, head of the Highland Aymara community of Lyon.")
    assert ("Marc Dubois", "worksFor", "Highland Aymara community of Lyon") in got
    generic = facts("A concert was held in Lyon. It was attended by the Peruvian community of Lyon.")
    assert not any(t == "Organization" for n, r, t in generic if r == "a")


def test_a_word_after_the_liberation_of_is_a_place(facts):
    got = facts("A reception was held in Lima. The guest spoke about the liberation of Quillabamba.")
    assert ("Quillabamba", "a", "Place") in got and ("Quillabamba", "a", "Person") not in got
    plain = facts("A reception was held in Lima. Professor Rosa Quispe spoke about the liberation of occupied lands.")
    assert ("Rosa Quispe", "a", "Person") in plain
    assert {n for n, r, t in plain if r == "a" and t == "Place"} == {"Lima"}


def test_a_description_after_a_name_is_no_job_title(facts):
    got = facts("A concert was held in Madrid. Peruvian historian Rosa Quispe, author of several books on the Andes, stressed that it mattered.")
    assert ("Rosa Quispe", "jobTitle", "historian") in got
    assert not any(r == "jobTitle" and o.startswith("author") for _, r, o in got)
    office = facts("A concert was held in Madrid. Rosa Quispe, director of the Lima Youth Society, stressed that it mattered.")
    assert ("Rosa Quispe", "jobTitle", "director") in office


def test_a_quoted_short_name_with_a_lower_case_kind_is_the_organization_again(facts):
    got = facts('The Peruvian Friendship Society "Inti" organized a concert in Lima. '
                'The chairman of the "Inti" society, Rosa Quispe, said that it was a success.')
    assert ("Rosa Quispe", "worksFor", "Peruvian Friendship Society Inti") in got
    assert ("Rosa Quispe", "jobTitle", "chairman") in got
    unnamed = facts('A concert was held in Lima. The chairman of the "Inti" society, Rosa Quispe, said that it was a success.')
    assert ("Rosa Quispe", "worksFor", "Peruvian Friendship Society Inti") not in unnamed
