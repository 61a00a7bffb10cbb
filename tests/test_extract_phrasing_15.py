"""Rules for phrasings the fifteenth development batch exposed (tests/data/dev/219-227): each rule
with invented sentences it must and must not match."""

from __future__ import annotations

from factsets import event, of_type, people


# --- days -----------------------------------------------------------------------------------------------


def test_a_slashed_day_after_a_weekday_dates_the_event(facts):
    got = facts("A photo exhibition opened on Friday 03/12/2021 at the Linden Hall in Graz.", date="2021-12-05")
    assert event(got, "date") == {"2021-12-03"}


def test_a_slashed_day_whose_second_number_is_no_month_is_in_the_american_order(facts):
    got = facts("A reception was held on 12/28/2019 at the Hotel Meridian in Porto.", date="2019-12-30")
    assert event(got, "date") == {"2019-12-28"}


def test_a_slashed_day_of_another_clause_does_not_date_the_event(facts):
    got = facts("The society, founded on 12/05/1989, held a reception at the Hotel Meridian in Porto.", date="2019-12-30")
    assert event(got, "date") == {"2019-12-30"}


def test_a_film_under_a_dateline_city_is_the_screened_subject(facts):
    # the parser makes 'LISBON' the subject of 'was premiered' and hangs the documentary under it
    got = facts('LISBON - The documentary "Salt Roads" was premiered on Tuesday 14/03/2017 at the Cinema Tivoli in '
                "Lisbon, at an evening organized by the Embassy of Azerbaijan in Portugal.", date="2017-03-16")
    assert event(got, "date") == {"2017-03-14"}


def test_a_person_shown_around_under_a_dateline_city_is_no_screening(facts):
    got = facts("LISBON - The minister was shown around the old town on Tuesday 14/03/2017. A reception was held "
                "later at the Hotel Tivoli.", date="2017-03-16")
    assert "2017-03-14" not in event(got, "date")


# --- places ---------------------------------------------------------------------------------------------


def test_a_capital_in_its_countrys_spelling_is_a_city_of_the_dateline(facts):
    # the city list spells it 'Ulan Bator'; the country list's capital is 'Ulaanbaatar'
    got = facts("Ulaanbaatar, 3 March 2015. A concert of mugham music was held today in the State Palace.", date="2015-03-04")
    assert "Ulaanbaatar" in event(got, "location")


def test_a_capital_named_for_a_tour_elsewhere_does_not_locate_the_event(facts):
    got = facts("A concert of mugham music was held today in the Linden Hall in Graz. The pianist had returned from "
                "a tour of Ulaanbaatar.", date="2015-03-04")
    assert "Ulaanbaatar" not in event(got, "location")
    assert "Graz" in event(got, "location")


# --- the event ------------------------------------------------------------------------------------------


def test_a_translation_of_a_work_presented_is_the_event(facts):
    got = facts('On 14 May 2019, the Spanish translation of the novel "Orchards of Ganja" by the writer Leyla '
                "Qasimbeyova was presented at the Palace of Culture in Valencia.", date="2019-05-16")
    assert event(got, "date") == {"2019-05-14"}
    assert "Valencia" in event(got, "location")


def test_a_report_of_a_committee_presented_is_no_event(facts):
    got = facts("On 14 March 2012, the report of the committee was presented at the Palace of Culture in Algiers. "
                "A concert was held on Friday.", date="2012-03-18")
    assert event(got, "date") == {"2012-03-16"}


def test_a_citys_first_word_before_a_rivers_qualifier_is_the_city(facts):
    # 'Frankfurt am Main' in the city list; a consulate 'in Frankfurt' is in that city
    got = facts("The seminar was organized by the Consulate General of Azerbaijan in Frankfurt at the Old Opera.",
                date="2024-05-03")
    assert "Consulate General of Azerbaijan in Frankfurt" in of_type(got, "Embassy")
    assert event(got, "organizer") == {"Consulate General of Azerbaijan in Frankfurt"}


def test_a_citys_first_word_before_another_lower_case_word_is_no_city():
    from eventgraph.extract import load_lexicon

    # 'Santa Cruz de Tenerife': 'de' joins two names, it qualifies no river
    assert load_lexicon().country_of_city("Santa") is None
    assert load_lexicon().country_of_city("Frankfurt") == "Germany"


# --- names ----------------------------------------------------------------------------------------------


def test_a_demonym_before_a_plural_possessive_opens_the_bodys_name(facts):
    got = facts("The evening was organized by the Tunisian Journalists' Union in Sfax.", date="2012-03-15")
    assert event(got, "organizer") == {"Tunisian Journalists' Union"}


def test_a_plural_possessive_alone_keeps_its_name(facts):
    got = facts("The evening was organized by the Journalists' Union in Sfax.", date="2012-03-15")
    assert event(got, "organizer") == {"Journalists' Union"}


# --- speakers -------------------------------------------------------------------------------------------


def test_a_homily_or_sermon_given_by_a_person_makes_a_speaker(facts):
    got = facts("A prayer service was held in the Church of St Anne in Lima. The homily was given by Father Julio "
                "Mendes-Arce, the parish priest.", date="2016-02-27")
    assert "Julio Mendes-Arce" in event(got, "speaker")
    got = facts("A memorial service was held in the Church of St Anne in Lima. The sermon was given by Father Tomas "
                "Aldana-Prieto.", date="2016-02-27")
    assert "Tomas Aldana-Prieto" in event(got, "speaker")


def test_flowers_given_by_a_person_make_no_speaker(facts):
    got = facts("A prayer service was held in the Church of St Anne in Lima. The flowers were given by Mrs Julia "
                "Mendes-Arce, a parishioner.", date="2016-02-27")
    assert "Julia Mendes-Arce" not in event(got, "speaker")


# --- employers ------------------------------------------------------------------------------------------


def test_a_body_in_brackets_after_a_name_is_the_persons_affiliation(facts):
    got = facts("Papers were presented at the conference in Lyon by Dr. Claire Moreau-Vidal (University of Lyon), "
                "Prof. Elvin Qasimli (Baku State University, Baku) and Dr. Nino Abashidze (Tbilisi State University).",
                date="2024-05-03")
    assert ("Claire Moreau-Vidal", "worksFor", "University of Lyon") in got
    assert ("Elvin Qasimli", "worksFor", "Baku State University") in got
    assert ("Nino Abashidze", "worksFor", "Tbilisi State University") in got


def test_brackets_with_no_body_or_after_no_person_give_no_employer(facts):
    got = facts("The film (Baku State University, 2019) was shown to guests of Dr. Claire Moreau-Vidal in Lyon. "
                "Dr. Claire Moreau-Vidal (born in Lyon) spoke.", date="2024-05-03")
    assert not any(r == "worksFor" for _, r, _ in got)


def test_a_title_between_commas_then_a_body_at_the_lines_end_gives_the_employer(facts):
    got = facts("Speakers at the seminar in Lyon:\n- Dr. Claire Moreau-Vidal, Lecturer, University of Lyon\n"
                "- Mr. Elvin Qasimli, Ambassador of Azerbaijan to France", date="2024-05-03")
    assert ("Claire Moreau-Vidal", "worksFor", "University of Lyon") in got


def test_an_age_between_commas_or_a_body_going_on_gives_no_employer(facts):
    got = facts("The seminar in Lyon was opened by Claire Moreau-Vidal, 45, University of Lyon graduate.", date="2024-05-03")
    assert ("Claire Moreau-Vidal", "worksFor", "University of Lyon") not in got
