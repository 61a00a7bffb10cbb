"""Rules for phrasings the tenth development batch exposed (tests/data/dev/174-182): each rule
with invented sentences it must and must not match."""

from __future__ import annotations

import datetime as dt

from eventgraph.extract.relations import _numeric_day, _read_day


def _dates(got) -> set[str]:
    return {o for s, p, o in got if s == "EVENT" and p == "date"}


# --- dotted dates ---------------------------------------------------------------------------------


def test_a_dotted_date_is_day_month_year():
    assert _numeric_day("03.11.2019") == dt.date(2019, 11, 3)
    assert _read_day("03.11.2019", dt.date(2019, 11, 5)) == dt.date(2019, 11, 3)


def test_a_dotted_string_that_is_no_day_is_not_a_date():
    assert _numeric_day("31.02.2019") is None  # no such day
    assert _numeric_day("3.11") is None  # no year
    assert _numeric_day("1.2.3.2019") is None  # a version number, not a day
    assert _read_day("03.11.2019", dt.date(2024, 11, 5)) is None  # another year than the article's


def test_the_event_is_dated_by_a_dotted_day(facts):
    got = facts("On 03.11.2019, the Embassy of Peru in Chile held a conference in Santiago.", date="2019-11-05")
    assert "2019-11-03" in _dates(got)
    assert "2019-11-05" not in _dates(got)


def test_a_dotted_day_the_model_takes_for_a_number_still_dates_the_event(facts):
    got = facts("A charity dinner was held on 09.10.2021 in Lima by the Embassy of Chile in Peru.", date="2021-10-12")
    assert _dates(got) == {"2021-10-09"}
    assert not any(s == "09.10.2021" for s, p, o in got if p == "a")  # the model's 'GPE' is no place


def test_a_dotted_day_of_another_clause_does_not_date_the_event(facts):
    got = facts("The Embassy of Peru in Chile held a conference in Santiago. The treaty was signed on 03.11.1999.",
                date="2019-11-05")
    assert "1999-11-03" not in _dates(got)


# --- a film that premiered --------------------------------------------------------------------------


def test_a_film_that_premiered_is_the_screening_and_its_day(facts):
    got = facts('The documentary "Salt of the Lagoon" premiered on June 3rd at the Odeon Cinema in Lisbon.',
                date="2022-06-05")
    assert ("EVENT", "screened", "Salt of the Lagoon") in got
    assert "2022-06-03" in _dates(got)


def test_a_person_who_premiered_a_song_does_not_date_the_event(facts):
    got = facts('The Embassy of Peru in Chile hosted a reception in Santiago. The singer premiered a new song on June 3rd.',
                date="2022-06-05")
    assert "2022-06-03" not in _dates(got)


# --- a work presented ---------------------------------------------------------------------------------


def test_a_book_presented_in_the_passive_is_the_event_and_its_day(facts):
    got = facts("A book on the textiles of Cusco by the historian Rosa Quispe was presented last Thursday at the "
                "Embassy of Peru in Chile.", date="2021-04-19")  # a Monday
    assert "2021-04-15" in _dates(got)


def test_a_paper_presented_is_not_the_event(facts):
    got = facts("The Embassy of Peru in Chile held a conference in Santiago. A paper on tariffs was presented "
                "last Thursday in Lima.", date="2021-04-19")
    assert "2021-04-15" not in _dates(got)


# --- honorifics ---------------------------------------------------------------------------------------


def test_prof_is_an_honorific_not_part_of_the_name(facts):
    got = facts("The conference was opened by Prof. Marta Quintero, director of the institute, who said that "
                "the region needed peace.")
    assert ("Marta Quintero", "a", "Person") in got
    assert not any(s.startswith("Prof") for s, p, o in got if p == "a")


def test_a_name_that_begins_like_prof_is_kept(facts):
    got = facts("Ambassador Profirio Mendez said that the two countries were friends.")
    assert any(s.startswith("Profirio") for s, p, o in got if p == "a" and o == "Person")


# --- names by their shape ---------------------------------------------------------------------------


def _persons(got) -> set[str]:
    return {s for s, p, o in got if p == "a" and o == "Person"}


def test_a_middle_initial_makes_a_person_whatever_the_model_says(facts):
    got = facts("The Ambassador of Peru to Chile, Rosalba T. Quintana, thanked the hosts.")
    assert "Rosalba T. Quintana" in _persons(got)
    assert ("Rosalba T. Quintana", "worksFor", "Embassy of Peru in Chile") in got
    assert not any(p == "a" and o == "Place" and "Quintana" in s for s, p, o in got)


def test_a_single_capital_letter_that_ends_a_sentence_is_no_initial(facts):
    got = facts("The delegates met in Hall C. Santiago welcomed them the next day.")
    assert not any("C." in s for s in _persons(got))  # a city after the letter: a new sentence


def test_a_nickname_in_quotes_is_left_out_of_the_name(facts):
    got = facts('The association\'s president, Marisol "Chiqui" Herrera, thanked the embassy.')
    assert "Marisol Herrera" in _persons(got)
    assert not any(p == "a" and s == "Chiqui" for s, p, o in got)


def test_a_quoted_title_between_two_other_words_is_no_nickname(facts):
    got = facts('The embassy screened the documentary "Salt" in Lima.')
    assert not _persons(got)


def test_a_patronymic_is_part_of_the_name(facts):
    got = facts("The weaver Aynur Rasim qizi Mammadli showed the guests how a knot is tied.")
    assert "Aynur Rasim qizi Mammadli" in _persons(got)
    assert "Aynur Rasim" not in _persons(got)


def test_a_lower_case_word_that_is_no_patronymic_ends_the_name(facts):
    got = facts("The weaver Aynur Rasim said that Baku was beautiful.")
    assert "Aynur Rasim said" not in _persons(got)
    assert not any("said" in s for s in _persons(got))


# --- missions to a kingdom; names the model calls places; lists with semicolons ----------------------


def test_a_mission_to_the_kingdom_of_a_country_is_in_that_country(facts):
    got = facts("The Embassy of the Republic of Peru to the Kingdom of Norway held a round table in Oslo.")
    assert ("EVENT", "organizer", "Embassy of Peru in Norway") in got
    assert ("Embassy of Peru in Norway", "locatedIn", "Norway") in got


def test_a_mission_to_a_city_is_still_in_the_city(facts):
    got = facts("The Consulate General of Peru in Barcelona held a round table.")
    assert ("EVENT", "organizer", "Consulate General of Peru in Barcelona") in got


def test_a_name_after_a_title_and_a_comma_whatever_the_model_calls_its_first_word(facts):
    got = facts("The ceremony was attended by the Ambassador of Chile to Norway, Imtiaz Ahmed Qureshi.")
    assert ("Imtiaz Ahmed Qureshi", "worksFor", "Embassy of Chile in Norway") in got
    assert not any(p == "a" and o == "Place" and s == "Imtiaz" for s, p, o in got)


def test_a_known_city_after_a_title_and_a_comma_is_no_name(facts):
    got = facts("The guests included the Ambassador of Chile in Norway, Oslo, and Bergen.")
    assert not any(p == "a" and o == "Person" and "Oslo" in s for s, p, o in got)


def test_a_title_with_its_article_in_a_list_with_semicolons(facts):
    got = facts("Speakers included Marta Quintero, a researcher at the University of Lima; and Pablo Reyes, "
                "a member of the Congress of Peru.")
    assert ("Marta Quintero", "jobTitle", "researcher") in got
    assert ("Marta Quintero", "worksFor", "University of Lima") in got
    assert ("Pablo Reyes", "jobTitle", "member") in got


def test_a_title_with_its_article_that_starts_the_next_clause_is_not_the_names(facts):
    got = facts("The speech was given by Marta Quintero; the researcher at the University of Lima thanked her.")
    assert ("Marta Quintero", "jobTitle", "researcher") not in got


# --- a closing credit line -------------------------------------------------------------------------


def test_a_closing_dash_credit_is_the_source(facts):
    got = facts("The Embassy of Chile in Norway held a reception in Oslo.\n\nThe ambassador spoke.\n\n-- Wire")
    assert ("ARTICLE", "source", "Wire") in got
    got = facts("The Embassy of Chile in Norway held a reception in Oslo.\n\n— NewsAgency\n")
    assert ("ARTICLE", "source", "NewsAgency") in got


def test_a_dash_line_that_is_not_the_last_or_runs_on_is_no_credit(facts):
    got = facts("The Embassy of Chile in Norway held a reception in Oslo.\n\n-- Wire\n\nThe ambassador spoke.")
    assert not any(p == "source" for s, p, o in got)
    got = facts("The Embassy of Chile in Norway held a reception in Oslo.\n\n-- Photo by the embassy")
    assert not any(p == "source" for s, p, o in got)


# --- a dash dateline below a headline -----------------------------------------------------------


def test_a_capitalized_city_and_a_dash_opening_a_paragraph_is_the_dateline(facts):
    got = facts("Carpets shown to students\n\nBy Ana Reyes, staff writer\n\nLIMA - An exhibition of carpets opened "
                "at the Embassy of Chile in Peru.")
    assert any(s == "EVENT" and p == "location" and o.lower() == "lima" for s, p, o in got)


def test_a_dash_after_a_word_that_is_no_city_is_no_dateline(facts):
    got = facts("Carpets shown to students\n\nUPDATE - An exhibition of carpets opened at the Embassy of Chile in Peru.")
    assert not any(p == "location" and o.lower() == "update" for s, p, o in got)
    assert not any(s.lower() == "update" for s, p, o in got if p == "a")


# --- 'the concert featured pianist X' -----------------------------------------------------------


def _participants(got) -> set[str]:
    return {o for s, p, o in got if s == "EVENT" and p == "participant"}


def test_performers_an_event_featured_took_part(facts):
    got = facts("The Embassy of Peru in Chile held a Novruz concert in Santiago. "
                "The concert featured the tar player Rauf Mammadli and the singer Lena Ortiz.")
    assert {"Rauf Mammadli", "Lena Ortiz"} <= _participants(got)
    got = facts("The Embassy of Peru in Chile held an evening in Santiago. The program featured pianist Anna Lee.")
    assert "Anna Lee" in _participants(got)


def test_what_featured_no_performer_gives_no_participant(facts):
    # the painter is inside the object's modifier; a newspaper is no event
    got = facts("The Embassy of Peru in Chile opened an exhibition in Santiago. "
                "The exhibition featured works by the painter Tomas Vidal.")
    assert "Tomas Vidal" not in _participants(got)
    got = facts("The Embassy of Peru in Chile held a reception in Santiago. "
                "The newspaper featured an interview with the writer Jorge Sanz.")
    assert "Jorge Sanz" not in _participants(got)
