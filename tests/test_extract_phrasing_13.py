"""Rules for phrasings the thirteenth development batch exposed (tests/data/dev/201-209): each rule
with invented sentences it must and must not match."""

from __future__ import annotations

from factsets import event, of_type, people


# --- the credited agency --------------------------------------------------------------------------------


def test_an_agency_in_a_wire_dateline_is_the_source_not_a_place(facts):
    got = facts("DUSHANBE, Mar 3 (Kovar) - A concert was held on Friday at the Opera House in Dushanbe.\n\n"
                "Kovar 03.03.23 10:15 GMT", date="2023-03-03")
    assert ("ARTICLE", "source", "Kovar") in got
    assert "Kovar" in of_type(got, "Organization")
    assert "Kovar" not in of_type(got, "Place") | people(got)
    assert "Kovar" not in event(got, "location")


def test_a_place_named_in_the_text_stays_a_place_beside_an_agency(facts):
    got = facts("DUSHANBE, Mar 3 (Kovar) - A concert was held on Friday at the Opera House in Dushanbe.", date="2023-03-03")
    assert "Dushanbe" in of_type(got, "Place")
    assert "Dushanbe" in event(got, "location")


# --- speakers in a list parted by semicolons ---------------------------------------------------------------


def test_a_passive_speech_agent_list_parted_by_semicolons_names_one_speaker_an_item(facts):
    got = facts("The meeting was addressed by Kenya's ambassador to Peru, Wanjiru Kamau Otieno; Pedro Salas "
                "Quispe, a member of the Congress of Peru from Cusco; and Professor Ana Lucia Torres, rector of "
                "the University of Lima.")
    assert {"Wanjiru Kamau Otieno", "Pedro Salas Quispe", "Ana Lucia Torres"} <= event(got, "speaker")
    assert ("Wanjiru Kamau Otieno", "jobTitle", "ambassador") in got


def test_a_semicolon_after_a_title_and_name_ends_the_name(facts):
    got = facts("The guests were greeted by the chairman of the society, Omar Haddad Salim; then a film was shown.")
    assert "Omar Haddad Salim" in people(got)
    assert ("Omar Haddad Salim", "jobTitle", "chairman") in got


def test_a_semicolon_list_without_a_person_in_each_item_is_no_speaker_list(facts):
    got = facts("The meeting was addressed by the ambassador, Wanjiru Kamau Otieno; guests came from Lima; and "
                "music was played.")
    assert event(got, "speaker") == {"Wanjiru Kamau Otieno"}


# --- days -----------------------------------------------------------------------------------------------


def test_a_weekday_the_model_calls_a_time_dates_the_event(facts):
    # 2023-11-07 is a Tuesday: 'Sunday night' is November 5
    got = facts("Some 200 guests filled the ballroom of the Grand Hotel Vista on Sunday night, as the Embassy of "
                "Chile in Peru marked the anniversary of its independence.", date="2023-11-07")
    assert event(got, "date") == {"2023-11-05"}
    assert "Grand Hotel Vista" in event(got, "location")


def test_filling_a_hall_without_an_occasion_or_event_dates_and_places_nothing(facts):
    got = facts("Some 200 fans filled the stadium of Lima on Sunday night. The Embassy of Chile in Peru held a "
                "reception on October 30.", date="2023-11-07")
    assert event(got, "date") == {"2023-10-30"}
    assert "stadium" not in " ".join(event(got, "location"))


def test_yesterday_and_this_weekday_are_read_from_the_article_date(facts):
    # 2023-05-10 is a Wednesday
    got = facts("A book of poems by the poet Lale Demir Kaya was presented yesterday at the City Library in Lima.",
                date="2023-05-10")
    assert event(got, "date") == {"2023-05-09"}
    assert "City Library" in event(got, "location")
    got = facts("The seminar took place this Monday in the Hall of Honour in Lima.", date="2023-05-10")
    assert event(got, "date") == {"2023-05-08"}


# --- titles and lists of speakers --------------------------------------------------------------------------


def test_a_member_for_a_seat_and_chair_of_a_group_are_two_titles_and_no_seat_body(facts):
    got = facts("Also speaking were Rhiannon Pryce-Adeyemi, Member of Parliament for Cardiff North and chair "
                "of the Wales-Chile Friendship Group; the Ambassador of Türkiye to Chile, Selin Ayten Korkmaz; "
                "and Joaquin Parra Vidal, president of the Chilean Cultural Association of Wales.")
    assert {"Rhiannon Pryce-Adeyemi", "Selin Ayten Korkmaz", "Joaquin Parra Vidal"} <= event(got, "speaker")
    assert ("Rhiannon Pryce-Adeyemi", "jobTitle", "chair") in got
    assert ("Rhiannon Pryce-Adeyemi", "worksFor", "Wales-Chile Friendship Group") in got
    assert ("Selin Ayten Korkmaz", "worksFor", "Embassy of Turkey in Chile") in got
    assert not any("Cardiff North" in name for name in of_type(got, "Organization"))


def test_a_member_of_a_named_parliament_keeps_the_parliament(facts):
    got = facts("Member of Parliament of Georgia Nino Beridze Kapanadze spoke at the reception.")
    assert "Parliament of Georgia" in of_type(got, "Organization")


def test_speakers_listed_on_lines_of_their_own_after_a_colon(facts):
    got = facts("A round table was held in Lima on Friday. Among the speakers were:\n\n"
                "- Omar Haddad Salim, Ambassador of Jordan to Peru;\n"
                "- Father Anselme Girardot, chaplain of the students of Lima;\n"
                "- Wanjiru Kamau Otieno, chairwoman of the Kenyan Society of Peru.\n\n"
                "A minute of silence was observed.")
    assert {"Omar Haddad Salim", "Anselme Girardot", "Wanjiru Kamau Otieno"} <= event(got, "speaker")
    assert not any(o.startswith("chaplain") for s, p, o in got if s == "Wanjiru Kamau Otieno" and p == "jobTitle")


def test_a_numbered_list_of_speakers_whose_first_name_the_model_calls_a_noun(facts):
    got = facts("The seminar took place in Lima on Friday.\n\nSpeakers, in order of appearance:\n\n"
                "1. Omar Haddad Salim, Ambassador of Jordan to Peru\n"
                "2. Leyla Ashrafova, Head of the Humanitarian Department of the National Agency for Mine Action\n")
    assert {"Omar Haddad Salim", "Leyla Ashrafova"} <= event(got, "speaker")
    assert "Humanitarian Department of the National Agency for Mine Action" in of_type(got, "Organization")


def test_a_list_on_lines_without_a_speakers_line_names_no_speakers(facts):
    got = facts("A round table was held in Lima on Friday. The programme:\n\n"
                "- Omar Haddad Salim, Ambassador of Jordan to Peru;\n"
                "- Wanjiru Kamau Otieno, chairwoman of the Kenyan Society of Peru.\n")
    assert not {"Omar Haddad Salim", "Wanjiru Kamau Otieno"} & event(got, "speaker")


# --- performers ---------------------------------------------------------------------------------------------


def test_a_performance_by_a_player_qualified_by_a_city(facts):
    got = facts("The reception ended with a performance by the Montreal-based tar player Emin Aghayev Rzali.")
    assert "Emin Aghayev Rzali" in event(got, "participant")
    assert "Montreal" not in event(got, "participant")


def test_a_musician_who_played_took_part_and_an_ambassador_who_played_a_role_did_not(facts):
    got = facts('Students read poems, and the young violinist Tamerlan Aliyev Rzali played "Sari gelin".')
    assert "Tamerlan Aliyev Rzali" in event(got, "participant")
    assert ("Tamerlan Aliyev Rzali", "jobTitle", "violinist") in got
    got = facts("The reception was held in Lima. Ambassador Omar Haddad Salim played a key role in the talks.")
    assert "Omar Haddad Salim" not in event(got, "participant")


# --- a church's notices -----------------------------------------------------------------------------------


def test_the_revd_after_a_title_and_comma_and_a_hyphenated_or_particle_name(facts):
    got = facts("The service was led by the Rector, the Revd Nomvula Dlamini-Smith, assisted by our Deacon, "
                "the Revd Anneke van Wyk.")
    assert {"Nomvula Dlamini-Smith", "Anneke van Wyk"} <= people(got)
    assert ("Nomvula Dlamini-Smith", "jobTitle", "rector") in got
    assert ("Anneke van Wyk", "jobTitle", "deacon") in got
    assert "Nomvula Dlamini-Smith" in event(got, "speaker")  # who leads the service speaks at it
    assert "Anneke van Wyk" in event(got, "participant")  # who assists the leader takes part
    assert "Anneke van Wyk" not in event(got, "speaker")


def test_a_hyphen_with_spaces_after_a_title_and_comma_joins_no_name(facts):
    got = facts("The guests were welcomed by the chairman, Omar Haddad - and the evening began.")
    assert not any("-" in name for name in people(got))


def test_a_service_that_followed_another_is_the_event_on_that_day_in_that_place(facts):
    # 2012-02-27 is a Monday
    got = facts("On Sunday last, the 26th, our Eucharist was followed by a short service of remembrance in "
                "St Anne's Church for the victims of the Khojaly tragedy.", date="2012-02-27")
    assert event(got, "date") == {"2012-02-26"}
    assert any("St Anne" in place for place in event(got, "location"))


def test_what_followed_without_an_event_dates_nothing(facts):
    got = facts("On Sunday the talks were followed by a storm. A reception was held on February 20 in Lima.",
                date="2012-02-27")
    assert event(got, "date") == {"2012-02-20"}


def test_the_mission_city_one_came_from_is_not_where_the_event_was(facts):
    got = facts("A service was held at the request of the Embassy of Peru in Pretoria. The Ambassador of Peru to "
                "South Africa, Rosa Quispe Mamani, who travelled down from Pretoria for the service, spoke.")
    assert "Pretoria" not in event(got, "location")
    got = facts("A reception was organized by the Embassy of Peru in Pretoria. The Ambassador of Peru to South "
                "Africa, Rosa Quispe Mamani, spoke.")
    assert "Pretoria" in event(got, "location")


# --- places, venues, chrome ---------------------------------------------------------------------------------


def test_a_city_before_a_common_noun_is_the_place_not_a_body(facts):
    got = facts('The documentary "Winter Roads", produced by the Tbilisi company Mtatsminda Film Studio, was '
                "screened at the Odeon Cinema in Lima. The deputy director of the Baku museum, Rahima Guliyeva "
                "Safarova, spoke.")
    assert {"Tbilisi", "Baku"} <= of_type(got, "Place")
    assert not any(name.lower().endswith(("company", "museum")) for name in of_type(got, "Organization") | of_type(got, "Place"))
    assert ("Winter Roads", "producedBy", "Mtatsminda Film Studio") in got


def test_a_capitalized_museum_after_a_city_keeps_its_name(facts):
    got = facts("The exhibition opened at the Baku Museum of Modern Art in Lima on Friday.")
    assert not {"Baku"} & event(got, "location") or "Baku Museum of Modern Art" in " ".join(event(got, "location"))
    assert any(name.startswith("Baku Museum") for name in of_type(got, "Place") | of_type(got, "Organization"))


def test_a_venue_named_in_another_language_after_its_head_word(facts):
    got = facts("The seminar took place this Wednesday in the Salón de Honor of the Congress building in Lima.")
    assert "Salón de Honor" in event(got, "location")
    got = facts("A commemoration took place on Thursday in Lyon. Around 150 guests gathered in the conference "
                "room of the Hôtel Régent Bellecour.")
    assert "Hôtel Régent Bellecour" in event(got, "location")


def test_guests_gathering_without_a_place_name_locate_nothing(facts):
    got = facts("A commemoration took place on Thursday in Lyon. Around 150 guests gathered in the hall.")
    assert event(got, "location") == {"Lyon"}


def test_share_buttons_and_a_navigation_trail_are_no_names(facts):
    got = facts("Home » Community » Events\n\nA concert was held in Lima on Friday.\n\nShare this:\n"
                "Facebook Twitter Email\n")
    assert not people(got) and not of_type(got, "Organization")


def test_ordinal_words_of_anniversaries_past_fifteen(facts):
    got = facts("The event, marking the sixteenth anniversary of the tragedy, was held in Lima.")
    assert event(got, "anniversary") == {"16"}
    got = facts("The event, marking the seventy-fifth anniversary of the victory, was held in Lima.")
    assert event(got, "anniversary") == {"75"}


# --- titles in lists, headlines, hosts and partners -------------------------------------------------------


def test_a_country_s_title_then_a_comma_and_the_name_in_a_list_of_speakers(facts):
    got = facts("Among the speakers at the opening were Peru's charge d'affaires, Rosa Quispe Mamani; Chile's "
                "deputy culture minister, Ana Lucia Torres; and the exhibition's curator, Ilze Berzina Kalna.")
    assert ("Rosa Quispe Mamani", "jobTitle", "charge d'affaires") in got
    assert ("Ana Lucia Torres", "jobTitle", "deputy culture minister") in got
    assert ("Ana Lucia Torres", "worksFor", "Ministry of Culture of Chile") in got
    assert ("Ilze Berzina Kalna", "jobTitle", "curator") in got


def test_a_hall_that_hosted_the_event_is_where_it_was(facts):
    got = facts("On 20 March the faculty's Noble Hall hosted a Novruz celebration, organised by the Centre for "
                "Andean Studies with the Embassy of Peru in Portugal.", date="2019-03-22")
    assert "Noble Hall" in event(got, "location")
    assert {"Centre for Andean Studies", "Embassy of Peru in Portugal"} <= event(got, "organizer")


def test_organised_with_the_support_of_a_body_makes_no_partner(facts):
    got = facts("The exhibition was organised by the Centre for Andean Studies with the support of the Embassy of "
                "Peru in Portugal.", date="2019-03-22")
    assert "Centre for Andean Studies" in event(got, "organizer")
    assert "Embassy of Peru in Portugal" not in event(got, "organizer")


# --- seats, directors, credits, cities the model calls bodies -------------------------------------------


def test_the_seat_a_deputy_holds_is_no_part_of_the_title(facts):
    got = facts("The seminar was chaired by Marta Solis Vera, Deputy for District 12, President of the Peru-Chile "
                "Friendship Group.")
    assert ("Marta Solis Vera", "jobTitle", "deputy") in got
    assert not any(o.startswith("deputy for") for s, p, o in got if p == "jobTitle")


def test_a_minister_for_a_portfolio_keeps_it(facts):
    got = facts("The guests were welcomed by Marta Solis Vera, Minister for Foreign Affairs of Peru.")
    assert any(o.startswith("minister for foreign affairs") for s, p, o in got if s == "Marta Solis Vera" and p == "jobTitle")


def test_the_director_of_a_film_is_the_director_who_spoke(facts):
    got = facts('The premiere of "Winter Roads" took place on Tuesday at the Odeon Cinema in Lima. The film, '
                "directed by Rustam Kerimli Aslan, follows three families. Pablo Ruiz Soto, Executive Director of "
                'the Film Centre of Peru, praised it. "I wanted to film waiting," the director told the audience.')
    assert ("Rustam Kerimli Aslan", "jobTitle", "director") in got
    assert "Rustam Kerimli Aslan" in event(got, "speaker")


def test_a_wire_credit_names_its_reporter_though_a_town_bears_the_given_name(facts):
    got = facts("A meeting was held in Ankara on Friday.\n\n(Reporting by Selcuk Demirtas Kaya)\n")
    assert "Selcuk Demirtas Kaya" in people(got)
    assert "Selcuk Demirtas Kaya" not in event(got, "speaker")


def test_a_city_the_model_calls_a_body_beside_another_place_is_a_place(facts):
    got = facts("Ms. Ashrafova presented the agency's clearance maps of Aghdam and Fuzuli.")
    assert {"Aghdam", "Fuzuli"} <= of_type(got, "Place")
    assert "Aghdam" not in people(got)


def test_a_title_of_the_city_s_museum_is_of_the_article_s_one_museum(facts):
    got = facts("The carpets come from the collection of the Peruvian National Museum of Textile Art. They date "
                "from 1790, said Rosa Quispe Mamani, deputy director of the Lima museum, who accompanied them.")
    assert ("Rosa Quispe Mamani", "worksFor", "Peruvian National Museum of Textile Art") in got


def test_a_title_of_a_museum_where_two_are_named_is_of_neither(facts):
    got = facts("The carpets come from the Peruvian National Museum of Textile Art and the Cusco Museum of "
                "Weaving. They date from 1790, said Rosa Quispe Mamani, deputy director of the Lima museum.")
    assert not any(s == "Rosa Quispe Mamani" and p == "worksFor" for s, p, o in got)
