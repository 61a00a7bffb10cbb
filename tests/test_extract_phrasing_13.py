"""Rules for phrasings the thirteenth development batch exposed (tests/data/dev/201-209): each rule
with invented sentences it must and must not match."""

from __future__ import annotations


def _people(got) -> set[str]:
    return {s for s, p, o in got if p == "a" and o == "Person"}


def _of_type(got, kind: str) -> set[str]:
    return {s for s, p, o in got if p == "a" and o == kind}


def _event(got, relation: str) -> set[str]:
    return {o for s, p, o in got if s == "EVENT" and p == relation}


# --- the credited agency --------------------------------------------------------------------------------


def test_an_agency_in_a_wire_dateline_is_the_source_not_a_place(facts):
    got = facts("DUSHANBE, Mar 3 (Kovar) - A concert was held on Friday at the Opera House in Dushanbe.\n\n"
                "Kovar 03.03.23 10:15 GMT", date="2023-03-03")
    assert ("ARTICLE", "source", "Kovar") in got
    assert "Kovar" in _of_type(got, "Organization")
    assert "Kovar" not in _of_type(got, "Place") | _people(got)
    assert "Kovar" not in _event(got, "location")


def test_a_place_named_in_the_text_stays_a_place_beside_an_agency(facts):
    got = facts("DUSHANBE, Mar 3 (Kovar) - A concert was held on Friday at the Opera House in Dushanbe.", date="2023-03-03")
    assert "Dushanbe" in _of_type(got, "Place")
    assert "Dushanbe" in _event(got, "location")


# --- speakers in a list parted by semicolons ---------------------------------------------------------------


def test_a_passive_speech_agent_list_parted_by_semicolons_names_one_speaker_an_item(facts):
    got = facts("The meeting was addressed by Kenya's ambassador to Peru, Wanjiru Kamau Otieno; Pedro Salas "
                "Quispe, a member of the Congress of Peru from Cusco; and Professor Ana Lucia Torres, rector of "
                "the University of Lima.")
    assert {"Wanjiru Kamau Otieno", "Pedro Salas Quispe", "Ana Lucia Torres"} <= _event(got, "speaker")
    assert ("Wanjiru Kamau Otieno", "jobTitle", "ambassador") in got


def test_a_semicolon_after_a_title_and_name_ends_the_name(facts):
    got = facts("The guests were greeted by the chairman of the society, Omar Haddad Salim; then a film was shown.")
    assert "Omar Haddad Salim" in _people(got)
    assert ("Omar Haddad Salim", "jobTitle", "chairman") in got


def test_a_semicolon_list_without_a_person_in_each_item_is_no_speaker_list(facts):
    got = facts("The meeting was addressed by the ambassador, Wanjiru Kamau Otieno; guests came from Lima; and "
                "music was played.")
    assert _event(got, "speaker") == {"Wanjiru Kamau Otieno"}


# --- days -----------------------------------------------------------------------------------------------


def test_a_weekday_the_model_calls_a_time_dates_the_event(facts):
    # 2023-11-07 is a Tuesday: 'Sunday night' is November 5
    got = facts("Some 200 guests filled the ballroom of the Grand Hotel Vista on Sunday night, as the Embassy of "
                "Chile in Peru marked the anniversary of its independence.", date="2023-11-07")
    assert _event(got, "date") == {"2023-11-05"}
    assert "Grand Hotel Vista" in _event(got, "location")


def test_filling_a_hall_without_an_occasion_or_event_dates_and_places_nothing(facts):
    got = facts("Some 200 fans filled the stadium of Lima on Sunday night. The Embassy of Chile in Peru held a "
                "reception on October 30.", date="2023-11-07")
    assert _event(got, "date") == {"2023-10-30"}
    assert "stadium" not in " ".join(_event(got, "location"))


def test_yesterday_and_this_weekday_are_read_from_the_article_date(facts):
    # 2023-05-10 is a Wednesday
    got = facts("A book of poems by the poet Lale Demir Kaya was presented yesterday at the City Library in Lima.",
                date="2023-05-10")
    assert _event(got, "date") == {"2023-05-09"}
    assert "City Library" in _event(got, "location")
    got = facts("The seminar took place this Monday in the Hall of Honour in Lima.", date="2023-05-10")
    assert _event(got, "date") == {"2023-05-08"}
