"""Rules for phrasings the eleventh development batch exposed (tests/data/dev/183-191): each rule
with invented sentences it must and must not match."""

from __future__ import annotations

from factsets import of_type, people

from eventgraph.extract.lexicon import load_lexicon


# --- official long forms of country names ----------------------------------------------------------


def test_a_country_in_its_official_long_form():
    lexicon = load_lexicon()
    assert lexicon.country("the State of Kuwait") == "Kuwait"
    assert lexicon.country("the Islamic Republic of Mauritania") == "Mauritania"
    assert lexicon.country("the Oriental Republic of Uruguay") == "Uruguay"


def test_a_long_form_whose_short_name_is_part_of_another_country_is_not_made_up():
    lexicon = load_lexicon()
    # 'Congo', 'Guinea', 'Sudan' are words of other countries' names: their long forms name other states
    assert lexicon.country("the Republic of Congo") is None
    assert lexicon.country("the Republic of Guinea") is None
    assert lexicon.country("the State of Nowhere") is None


def test_an_envoy_to_the_state_of_a_country_serves_in_it(facts):
    got = facts("Attending the reception were HE Ambassador of the Islamic Republic of Mauritania to the State of "
                "Kuwait Omar Ould Sidi, HE Ambassador of Chile to the State of Kuwait Pablo Reyes, and others.")
    assert ("Omar Ould Sidi", "worksFor", "Embassy of Mauritania in Kuwait") in got
    assert ("Pablo Reyes", "worksFor", "Embassy of Chile in Kuwait") in got
    assert not {"State", "State of"} & of_type(got, "Place")


# --- honorifics --------------------------------------------------------------------------------------


def test_honorifics_before_a_name_are_no_part_of_it(facts):
    got = facts("The Ambassador of Peru to Norway, H.E. Mr Julio Paredes, thanked the congregation. The prayers "
                "were led by the Rev. Ingrid Solheim. Also present was Alhaji Bello Danjuma.")
    assert {"Julio Paredes", "Ingrid Solheim", "Bello Danjuma"} <= people(got)
    assert ("Julio Paredes", "worksFor", "Embassy of Peru in Norway") in got
    assert not any("H.E." in s or "Rev." in s for s, p, o in got)
    assert "H.E." not in of_type(got, "Organization")


def test_a_title_before_an_honorific_and_a_name_is_the_names(facts):
    got = facts("Consul General Ana Ruiz, the church's rector Father Marek Nowak and students attended the service.")
    assert ("Marek Nowak", "jobTitle", "rector") in got


def test_a_word_like_an_honorific_inside_a_name_stays(facts):
    got = facts("The exhibition was opened by Revati Menon, the curator of the museum.")
    assert "Revati Menon" in people(got)


# --- a title's complement run into a name ---------------------------------------------------------------


def test_a_name_right_after_a_titled_body_is_a_person(facts):
    got = facts("Dean of the Faculty of Law Beatriz Condori Mamani, who opened the ceremony, thanked the embassy.")
    assert "Beatriz Condori Mamani" in people(got)
    assert ("Beatriz Condori Mamani", "jobTitle", "dean") in got
    assert not any("Beatriz" in s for s in of_type(got, "Organization"))


def test_a_name_right_after_a_region_in_a_title(facts):
    got = facts("Deputy akim of the Karaganda Region Yerbol Serikbayuly Amanov said that the region welcomed the guests.")
    assert "Yerbol Serikbayuly Amanov" in people(got)
    assert ("Yerbol Serikbayuly Amanov", "jobTitle", "deputy akim") in got


def test_a_body_whose_name_ends_in_capitalized_words_swallows_no_person(facts):
    got = facts("Dean of the Faculty of Arts and Sciences, Ana Ruiz, opened the ceremony.")
    assert not any(name in people(got) for name in ("Arts and Sciences", "Sciences"))
    assert "Ana Ruiz" in people(got)


def test_an_organization_ending_inside_a_name_the_model_found_ends_before_it(facts):
    got = facts("Attending the reception were HE Director of the Protocol Department at the Ministry of Foreign "
                "Affairs Khalid bin Nasser Al Hajri, diplomats and guests.")
    assert "Khalid bin Nasser Al Hajri" in people(got)
    assert not any("Khalid" in s for s in of_type(got, "Organization"))


# --- names with 'and' and commas inside ----------------------------------------------------------------


def test_an_organization_named_with_and_is_one(facts):
    got = facts("Also present was the Director-General of the National Film and Video Censors Board, Musa Bello.")
    assert "National Film and Video Censors Board" in of_type(got, "Organization")
    assert "Video Censors Board" not in of_type(got, "Organization")


def test_an_organization_named_with_a_comma_list_is_one(facts):
    got = facts("The conference was organised by the Centre for Peace, Law and Security Studies in Dhaka. The "
                "Principal Secretary at the Ministry of Tourism, Wildlife and Heritage, Ms. Akinyi Odhiambo, spoke.")
    assert {"Centre for Peace, Law and Security Studies", "Ministry of Tourism, Wildlife and Heritage"} <= of_type(got, "Organization")
    assert not {"Centre for Peace", "Ministry of Tourism"} & of_type(got, "Organization")


def test_a_bare_word_and_an_organization_are_one_name(facts):
    got = facts("The book was published by Skagerrak and Baltic Publishers in Aarhus.")
    assert "Skagerrak and Baltic Publishers" in of_type(got, "Organization")


def test_a_person_and_an_organization_joined_by_and_stay_two(facts):
    got = facts("The book was published by Anna Lund and Baltic Publishers in Aarhus.")
    assert "Anna Lund and Baltic Publishers" not in of_type(got, "Organization")


def test_two_organizations_each_with_its_article_stay_two(facts):
    got = facts("The event was organised by the Embassy of Peru in Chile and the Chilean-Peruvian Friendship Society.")
    assert not any(" and the " in s for s in of_type(got, "Organization"))


def test_a_venue_and_its_facility_word_are_one_venue(facts):
    got = facts("The Embassy of Peru in Qatar held a reception at the Marriott Marquis Resort and Convention Hotel on Sunday.")
    assert "Marriott Marquis Resort and Convention Hotel" in of_type(got, "Place")
    assert ("EVENT", "location", "Marriott Marquis Resort and Convention Hotel") in got


# --- chrome and generic words ----------------------------------------------------------------------------


def test_an_organization_word_alone_before_a_number_or_a_common_noun_is_no_name(facts):
    got = facts("Press release No. 014-2019\n\nThe Embassy of Peru in Chile held a reception in Santiago.\n\n"
                "Centre for Andean Studies | House 12, Road 7, Santiago")
    assert not {"Press", "House"} & of_type(got, "Organization")


def test_a_one_word_parliament_is_still_an_organization(facts):
    got = facts("Jaan Tamm, a member of the Riigikogu, also addressed the guests.")
    assert "Riigikogu" in of_type(got, "Organization")


def test_a_capital_city_alone_on_the_first_line_is_the_dateline_city(facts):
    got = facts("Novruz celebrated in Astana\n\nASTANA. The Embassy of Peru in Kazakhstan celebrated Novruz on March 20.")
    assert "ASTANA" not in of_type(got, "Organization") and ("EVENT", "location", "Astana") in got


def test_a_kind_of_house_with_an_indefinite_article_is_no_venue(facts):
    got = facts("The book was published by Lund Books, a small Aarhus house, and presented at the Aarhus Main Library.")
    assert "Aarhus house" not in of_type(got, "Place")
    assert "Aarhus Main Library" in of_type(got, "Place")


# --- titles that are family names ------------------------------------------------------------------


def test_a_title_word_after_given_names_is_their_family_name(facts):
    got = facts("Attending were HE Ambassador of Pakistan to Kuwait Imran Javed Sheikh, diplomats and guests.")
    assert "Imran Javed Sheikh" in people(got)
    assert ("Imran Javed Sheikh", "worksFor", "Embassy of Pakistan in Kuwait") in got


def test_a_title_word_before_a_name_stays_its_title(facts):
    got = facts("The guests were welcomed by Sheikh Nasser Al Sabah, who spoke about the two countries.")
    assert ("Nasser Al Sabah", "jobTitle", "sheikh") in got


# --- a name after a title and a comma whose family name is a town --------------------------------------


def test_a_family_name_that_is_a_town_ends_no_name_after_a_given_name(facts):
    got = facts("Among those present were the Consul General of Chile in Aktau, Serkan Yalvac, and students.")
    assert "Serkan Yalvac" in people(got)
    assert ("Serkan Yalvac", "worksFor", "Consulate General of Chile in Aktau") in got
    assert "Serkan Yalvac" not in of_type(got, "Place")


# --- presence ----------------------------------------------------------------------------------------------


def test_persons_named_after_a_presence_cue_attended(facts):
    got = facts("The Embassy of Peru in Kuwait held a reception. Attending the reception were the Ambassador of Chile "
                "to Kuwait, Pablo Reyes, and the Ambassador of Spain to Kuwait, Luis Ortega. Also present were the mayor, "
                "Ana Ruiz, and the writer Marek Nowak. Among the sixty guests was the deputy mayor, Jens Holm. We were honoured by the "
                "presence of the Principal Secretary, Akinyi Odhiambo.")
    for name in ("Pablo Reyes", "Luis Ortega", "Ana Ruiz", "Marek Nowak", "Jens Holm", "Akinyi Odhiambo"):
        assert ("EVENT", "participant", name) in got, name


def test_a_participle_of_attend_with_no_list_after_makes_no_participant(facts):
    got = facts("The Embassy of Peru in Chile held a reception. Those attending the ceremony observed a minute of "
                "silence. Ana Ruiz said that the guests were welcome.")
    assert ("EVENT", "participant", "Ana Ruiz") not in got


# --- an event that heard persons ------------------------------------------------------------------------


def test_the_persons_a_hearing_heard_spoke(facts):
    got = facts("The friendship group held a public hearing on Monday. The hearing also heard Senator Rosa Lima; "
                "Jorge Pintos, professor of history at the University of the Republic; and Lala Aliyeva, a survivor "
                "of the massacre.")
    for name in ("Rosa Lima", "Jorge Pintos", "Lala Aliyeva"):
        assert ("EVENT", "speaker", name) in got, name
    assert not any(s == "Lala Aliyeva" and p == "jobTitle" for s, p, o in got)


def test_a_person_heard_by_people_who_are_no_event_did_not_speak(facts):
    got = facts("The Embassy of Peru in Chile held a reception. The villagers heard the news from Jorge Pintos.")
    assert ("EVENT", "speaker", "Jorge Pintos") not in got


def test_a_hearing_convened_with_a_mission_is_organized_by_it(facts):
    got = facts("The hearing was convened by the president of the group, Jorge Pintos, together with the Embassy of "
                "Peru in Argentina.", date="2012-02-28")
    assert ("EVENT", "organizer", "Embassy of Peru in Argentina") in got


# --- an envoy accredited to two countries ----------------------------------------------------------------


def test_an_envoy_to_two_countries_serves_in_the_mission_in_the_first(facts):
    got = facts("The Ambassador of Peru to Argentina and Uruguay, Julio Paredes, told the legislators about the war.")
    assert ("Julio Paredes", "worksFor", "Embassy of Peru in Argentina") in got
    assert ("Julio Paredes", "jobTitle", "ambassador") in got


# --- the atrocity an anniversary is of -------------------------------------------------------------------


def test_the_anniversary_of_the_massacre_commemorates_the_one_the_article_names(facts):
    got = facts("The group held a hearing to mark the twentieth anniversary of the massacre committed in the town of "
                "Khojaly. The ambassador said that the Khojaly genocide was never punished.")
    assert ("EVENT", "commemorates", "Khojaly genocide") in got


def test_the_anniversary_of_a_massacre_when_the_article_names_two_commemorates_neither(facts):
    got = facts("The group held a hearing to mark the anniversary of the massacre. The speakers recalled the "
                "Khojaly genocide and the Srebrenica massacre.")
    assert not any(p == "commemorates" for s, p, o in got)


def test_years_to_the_day_since_a_commemorated_tragedy_is_its_anniversary(facts):
    got = facts("A service of prayer was held for the victims of the Khojaly tragedy. It was eighteen years to the day "
                "since the town was destroyed.")
    assert ("EVENT", "anniversary", "18") in got


def test_years_to_the_day_with_nothing_commemorated_is_no_anniversary(facts):
    got = facts("The Embassy of Peru in Chile held a reception. It was ten years to the day since the embassy opened.")
    assert not any(p == "anniversary" for s, p, o in got)


# --- a book presented, its evening, its organizer in a relative clause -------------------------------------


def test_a_city_spelled_with_aa_for_the_nordic_a_is_known():
    lexicon = load_lexicon()
    assert lexicon.country_of_city("Aarhus") == "Denmark" and lexicon.country_of_city("Århus") == "Denmark"


def test_letters_presented_as_a_book_are_the_event_on_its_evening(facts):
    got = facts("ODENSE - Letters that the journalist Erik Lund wrote from Tbilisi were presented as a book at the "
                "Odense Central Library on Friday evening.", date="2001-03-12")  # a Monday
    assert ("EVENT", "date", "2001-03-09") in got
    assert ("EVENT", "location", "Odense Central Library") in got


def test_a_plan_presented_as_a_priority_is_no_event(facts):
    got = facts("The Embassy of Peru in Chile held a reception in Santiago. The minister presented the plan as a "
                "priority on Friday evening.", date="2001-03-12")
    assert ("EVENT", "date", "2001-03-09") not in got


def test_a_mission_before_which_organised_the_event_organized_it(facts):
    got = facts("The book was published with the support of the Honorary Consulate of Peru in Odense, which "
                "organised the presentation together with the Danish-Peruvian Society.")
    assert ("EVENT", "organizer", "Honorary Consulate of Peru in Odense") in got
    assert ("EVENT", "organizer", "Danish-Peruvian Society") in got


def test_a_mission_before_which_did_something_else_organized_nothing(facts):
    got = facts("The Embassy of Chile in Peru held a reception in Lima. The book was printed by the Honorary "
                "Consulate of Peru in Odense, which opened in 1998.")
    assert ("EVENT", "organizer", "Honorary Consulate of Peru in Odense") not in got


# --- a title opening the clause before a titled name ---------------------------------------------------


def test_a_title_before_a_comma_and_a_titled_name_is_that_names(facts):
    got = facts("Peru's honorary consul in Odense, the shipping businessman Jens Erik Holm, said that Denmark knew "
                "Peru well.")
    assert ("Jens Erik Holm", "jobTitle", "honorary consul") in got
    assert ("Jens Erik Holm", "worksFor", "Honorary Consulate of Peru in Odense") in got


def test_a_name_between_a_title_and_a_titled_name_keeps_the_title(facts):
    got = facts("The honorary consul of Peru in Odense, Jens Holm, and the shipping businessman Erik Lund spoke.")
    assert ("Erik Lund", "jobTitle", "honorary consul") not in got


# --- news media and who worked for them ------------------------------------------------------------------


def test_a_name_after_the_newspaper_is_an_organization_its_journalist_worked_for(facts):
    got = facts("Erik Lund, who worked in Tbilisi for the newspaper Fyens-Posten from 1995 to 1998, read from "
                "the book.")
    assert "Fyens-Posten" in of_type(got, "Organization")
    assert ("Erik Lund", "worksFor", "Fyens-Posten") in got


def test_who_worked_on_a_book_works_for_nobody(facts):
    got = facts("Erik Lund, who worked on the book for six years, thanked the Danish-Peruvian Society.")
    assert not any(s == "Erik Lund" and p == "worksFor" for s, p, o in got)


# --- at the request of ------------------------------------------------------------------------------------


def test_a_service_held_at_the_request_of_organizations_is_theirs(facts):
    got = facts("On Friday, our parish hosted a service of prayer in St Mary's Church at the request of the Embassy "
                "of Peru in Estonia and the Peruvian Cultural Society of Estonia.")
    assert ("EVENT", "organizer", "Embassy of Peru in Estonia") in got
    assert ("EVENT", "organizer", "Peruvian Cultural Society of Estonia") in got


# --- 'our' titles --------------------------------------------------------------------------------------


def test_our_chaplain_the_reverend_is_a_title(facts):
    got = facts("The prayers were led by our chaplain, the Rev. Ingrid Solheim, who read a psalm.")
    assert ("Ingrid Solheim", "jobTitle", "chaplain") in got


def test_our_ambassador_implies_no_other_countrys_mission(facts):
    got = facts("Opening the exhibition, our Ambassador, Mr. Julio Paredes, thanked the guests. We were honoured by "
                "the presence of the Ambassador of Chile to Kenya, Ana Ruiz.")
    assert ("Julio Paredes", "jobTitle", "ambassador") in got
    assert ("Julio Paredes", "worksFor", "Embassy of Chile in Kenya") not in got
    assert "Embassy" not in of_type(got, "Place")


def test_an_organization_that_opens_an_event_organizes_it_with_its_partners(facts):
    got = facts("Dear friends, today our Embassy, together with the National Museums of Peru and the Andean Textile "
                "Museum, opened the exhibition at the Lima Art Museum!")
    assert ("EVENT", "organizer", "National Museums of Peru") in got
    assert ("EVENT", "organizer", "Andean Textile Museum") in got


def test_a_person_who_opens_an_event_organizes_nothing(facts):
    got = facts("The Embassy of Peru in Chile held a reception. Ana Ruiz, together with the Andean Textile Museum, "
                "opened the exhibition.")
    assert ("EVENT", "organizer", "Andean Textile Museum") not in got


# --- 'it was organised by' -------------------------------------------------------------------------------


def test_it_after_a_sentence_about_the_event_was_organised_by_its_organizers(facts):
    got = facts("A conference was held on 1 March 2008 in Dhaka. It was jointly organised by the Centre for Peace, "
                "Law and Security Studies, the Department of History of the University of Dhaka and the Embassy of "
                "Peru in Bangladesh.", date="2008-03-03")
    for name in ("Centre for Peace, Law and Security Studies", "Department of History of the University of Dhaka",
                 "Embassy of Peru in Bangladesh"):
        assert ("EVENT", "organizer", name) in got, name


def test_it_after_a_sentence_about_something_else_was_organised_by_nobody_of_the_event(facts):
    got = facts("The Embassy of Peru in Chile held a reception. The ambassador recalled the trade fair of 2005. "
                "It was organised by the Chamber of Commerce of Lima.")
    assert ("EVENT", "organizer", "Chamber of Commerce of Lima") not in got


def test_a_comma_inside_an_organizations_name_ends_no_title(facts):
    got = facts("Dr. Farida Khanam, executive director of the Centre for Peace, Law and Security Studies, said that "
                "the conflict was little known.")
    assert ("Farida Khanam", "worksFor", "Centre for Peace, Law and Security Studies") in got
    assert ("Farida Khanam", "jobTitle", "executive director") in got


def test_a_name_found_whole_is_whole_where_it_is_said_again(facts):
    got = facts("Centre for Peace, Law and Security Studies\n\nIt was jointly organised by the Centre for Peace, "
                "Law and Security Studies and the Embassy of Peru in Bangladesh.")
    assert "Centre for Peace" not in of_type(got, "Organization")


# --- a premiere the crowd filled a cinema for ------------------------------------------------------------


def test_the_cinema_a_crowd_filled_for_the_premiere_is_its_place_and_day(facts):
    got = facts('Movie lovers filled Hall 2 of the Starlight Cinemas in the Central Business District of Lagos on '
                'Saturday for the Nigerian premiere of the Peruvian feature film "Salt of the Andes".', date="2022-11-14")
    assert ("EVENT", "location", "Starlight Cinemas") in got
    assert any(s == "EVENT" and p == "location" and "Lagos" in o for s, p, o in got)
    assert ("EVENT", "date", "2022-11-12") in got


def test_a_hall_filled_with_no_event_is_no_place_of_it(facts):
    got = facts("The Embassy of Peru in Nigeria held a reception at the Transcorp Hilton in Abuja. Water filled the "
                "Starlight Cinemas in Lagos after the storm.", date="2022-11-14")
    assert ("EVENT", "location", "Starlight Cinemas") not in got


def test_the_drama_said_again_was_produced_by_the_studio_and_is_about_the_war(facts):
    got = facts('The Embassy of Peru in Nigeria screened the feature film "Salt of the Andes". Directed by Ana Ruiz and '
                'produced by the Andesfilm studio in Lima, the 104-minute drama is a film about the Second Karabakh War.')
    assert ("Salt of the Andes", "producedBy", "Andesfilm") in got
    assert any(s == "Salt of the Andes" and p == "about" for s, p, o in got)


# --- a member of a community, capitals, a masthead -------------------------------------------------------


def test_a_member_of_a_community_holds_no_office(facts):
    got = facts("Speakers included Lala Aliyeva, a member of the Azerbaijani community of Lima, and Jorge Pintos, a "
                "member of the Congress of Peru.")
    assert not any(s == "Lala Aliyeva" and p == "jobTitle" for s, p, o in got)
    assert ("Jorge Pintos", "jobTitle", "member") in got


def test_a_masthead_in_capitals_names_the_organization_and_its_city(facts):
    got = facts("THE LUTHERAN PARISH OF ST MARY AND ST PAUL, TALLINN\nWeekly Bulletin\n\nOn Friday our parish hosted a "
                "concert in the Church of the Holy Spirit.", date="2010-03-01")
    assert "Lutheran Parish of St Mary and St Paul" in of_type(got, "Organization")
    assert "Tallinn" in of_type(got, "Place")
    assert not {"ST", "St"} & of_type(got, "Place")
    assert ("EVENT", "organizer", "Lutheran Parish of St Mary and St Paul") in got


def test_a_line_in_capitals_with_no_organization_word_is_no_masthead(facts):
    got = facts("BREAKING NEWS FROM THE CAPITAL\n\nThe Embassy of Peru in Estonia held a concert in Tallinn.")
    assert not any("Breaking" in s for s in of_type(got, "Organization"))


# --- who showed the guests, a town the model takes for a name, the masthead's city -------------------------


def test_a_person_who_showed_the_guests_something_took_part(facts):
    got = facts("The Embassy of Peru in Kenya opened an exhibition. Our thanks go to the weaver Rosa Mamani, who came "
                "from Cusco and showed our guests how a poncho is woven. The carpet weaver Ana Condori, who lives in "
                "Lima, showed the guests how a knot is tied.")
    assert ("EVENT", "participant", "Rosa Mamani") in got
    assert ("EVENT", "participant", "Ana Condori") in got


def test_a_person_who_showed_a_document_to_nobody_took_no_part(facts):
    got = facts("The Embassy of Peru in Kenya opened an exhibition. A letter showed that Rosa Mamani had lived in Cusco.")
    assert ("EVENT", "participant", "Rosa Mamani") not in got


def test_a_city_after_from_is_a_place_whatever_the_model_calls_it(facts):
    got = facts("The film follows a girl from Aghdam who returns to her grandfather's orchard.")
    assert "Aghdam" in of_type(got, "Place")


def test_the_mastheads_city_is_the_events_where_no_other_city_is_named(facts):
    got = facts("THE LUTHERAN PARISH OF ST MARY, TARTU\n\nOn Friday our parish hosted a concert in the Church of St "
                "John for the victims of the flood.", date="2010-03-01")
    assert ("EVENT", "location", "Tartu") in got


def test_a_name_the_model_found_whole_after_a_titled_body_is_kept_whole(facts):
    got = facts("Head of the Department of Culture Aruzhan Bekova, who opened the festival, thanked the guests.")
    assert "Aruzhan Bekova" in people(got)
    assert not any("Aruzhan" in s for s in of_type(got, "Organization"))
