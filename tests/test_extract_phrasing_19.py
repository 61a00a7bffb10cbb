"""Rules for phrasings the nineteenth development batch exposed (tests/data/dev/255-263): each rule
with invented sentences it must and must not match."""

from __future__ import annotations

from factsets import event, of_type


# --- a dash dateline before the people who gathered ------------------------------------------------------


def test_people_gathering_below_a_dash_dateline_to_celebrate_are_the_event(facts):
    # the parser makes 'MALMO' a compound of the subject and reads 'Students' as a proper noun
    got = facts("MALMO - Students and their teachers gathered on Sunday, March 20, at the Folkets Park to "
                "mark Novruz.", date="2016-03-23")
    assert event(got, "date") == {"2016-03-20"}
    assert "Folkets Park" in event(got, "location")


def test_a_named_person_gathering_below_a_dash_dateline_is_no_audience(facts):
    got = facts("MALMO - Ambassador Rahim Olsen gathered on Sunday, March 20, at the Folkets Park to "
                "mark Novruz.", date="2016-03-23")
    assert event(got, "date") != {"2016-03-20"}


# --- a quoted title the parser makes the subject ---------------------------------------------------------


def test_an_exhibition_entitled_a_title_that_opened_on_a_day_is_the_event(facts):
    got = facts('Gdansk, June 12 (APA). An exhibition of Azerbaijani miniatures entitled "Colours of Ganja" '
                "opened at the Arka Gallery in Gdansk on June 11, APA reports.", date="2008-06-13")
    assert event(got, "date") == {"2008-06-11"}
    assert "Gdansk" in event(got, "location")


def test_a_shop_called_a_title_that_opened_is_no_event(facts):
    got = facts('A new bakery called "Golden Fleece" opened at the Arkadia mall in Gdansk on June 11.',
                date="2008-06-13")
    assert event(got, "date") != {"2008-06-11"}


# --- the agency's correspondent in a city ----------------------------------------------------------------


def test_the_city_of_an_agencys_correspondent_is_a_place_not_the_source(facts):
    got = facts("Poznan, May 4 (APA). A photo exhibition opened at the Zamek Gallery in Poznan on May 3, "
                "APA's Berlin correspondent reports.", date="2012-05-04")
    assert ("ARTICLE", "source", "APA") in got
    assert ("ARTICLE", "source", "Berlin") not in got
    assert "Berlin" not in of_type(got, "Organization")


def test_an_agencys_own_correspondent_still_credits_the_agency(facts):
    got = facts("A photo exhibition opened at the Zamek Gallery in Poznan on May 3, AZERTAC's correspondent "
                "reports.", date="2012-05-04")
    assert ("ARTICLE", "source", "AZERTAC") in got


# --- talks an event featured -----------------------------------------------------------------------------


def test_those_who_gave_the_talks_a_conference_featured_are_speakers(facts):
    # the parser hangs the second 'and by Y' on the verb
    got = facts("The conference featured presentations by Lena Hofstetter-Brandl, a researcher at the Institute "
                "for Caucasus Studies in Graz, and by Professor Jonas Weidinger of the University of Linz.",
                date="2012-05-04")
    assert {"Lena Hofstetter-Brandl", "Jonas Weidinger"} <= event(got, "speaker")


def test_the_makers_of_works_an_evening_featured_are_no_speakers(facts):
    got = facts("The evening featured paintings by Ana Kovac and a film by Ivo Radic.", date="2012-05-04")
    assert not {"Ana Kovac", "Ivo Radic"} & event(got, "speaker")


# --- those among an audience -----------------------------------------------------------------------------


def test_those_named_among_an_audience_attended(facts):
    got = facts("The film was then shown to an audience of about 200 people, among them the city's Secretary "
                "of Culture, Marta Quintela-Sousa, and the critic Paulo Reis-Antunes.", date="2019-10-18")
    assert {"Marta Quintela-Sousa", "Paulo Reis-Antunes"} <= event(got, "participant")


def test_those_named_among_the_partners_thanked_are_no_participants(facts):
    got = facts("The embassy thanked its partners, among them Marta Quintela-Sousa and Paulo Reis-Antunes.",
                date="2019-10-18")
    assert not {"Marta Quintela-Sousa", "Paulo Reis-Antunes"} & event(got, "participant")


# --- a bare head word after a name that holds it ---------------------------------------------------------


def test_the_bare_university_after_an_institute_of_a_university_is_that_university(facts):
    got = facts("On 14 May 2004 the Institute of Balkan Studies of the University of Graz and the Embassy of "
                "Azerbaijan in Austria held an evening in the Aula of the University.\n\n"
                "- Dr. Selma Hadzic-Ilic, Lecturer, Sarajevo State University", date="2004-05-15")
    assert "University of Graz" in of_type(got, "Organization")
    assert ("Selma Hadzic-Ilic", "worksFor", "Sarajevo State University") in got


def test_the_bare_university_named_again_is_the_university_named_before(facts):
    got = facts("The evening was held at Sarajevo State University. The University thanked the embassy.",
                date="2004-05-15")
    assert "University of Graz" not in of_type(got, "Organization")
    assert "University" not in of_type(got, "Organization")
