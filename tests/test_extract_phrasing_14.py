"""Rules for phrasings the fourteenth development batch exposed (tests/data/dev/210-218): each rule
with invented sentences it must and must not match."""

from __future__ import annotations

from factsets import event, of_type, people


# --- days -----------------------------------------------------------------------------------------------


def test_a_weekday_before_a_day_and_month_dates_the_event(facts):
    got = facts("Guests gathered at the Linden Hall in Graz on Tuesday 12 March to mark the anniversary of the "
                "founding of the society.", date="2024-03-14")
    assert event(got, "date") == {"2024-03-12"}


def test_people_gathering_to_mark_an_occasion_are_the_event(facts):
    got = facts("Teachers and students gathered in the assembly hall of the Old Lyceum on Friday 8 May to commemorate the "
                "victims of the war.", date="2020-05-10")
    assert event(got, "date") == {"2020-05-08"}


def test_a_gathering_without_a_purpose_is_not_dated_by_its_day(facts):
    # the ministers met on Monday; the reception the article reports is dated by its dateline
    got = facts("The ministers met in Graz on Monday 11 March. A reception was then given.", date="2024-03-14")
    assert "2024-03-11" not in event(got, "date")


def test_an_ordinal_word_of_a_month_is_the_day(facts):
    got = facts("On the twenty-eighth of May 2001 a reception was given at the Hotel Meridian in Porto.",
                date="2001-06-02")
    assert event(got, "date") == {"2001-05-28"}


def test_an_ordinal_word_without_a_month_is_no_day(facts):
    got = facts("A reception was given at the Hotel Meridian in Porto for the twenty-eighth time.", date="2001-06-02")
    assert event(got, "date") == {"2001-06-02"}


def test_a_dotted_day_and_month_without_a_year_takes_the_articles_year(facts):
    got = facts("A photo exhibition opened on Friday 6.10. at the Linden Hall in Graz.", date="2006-10-07")
    assert event(got, "date") == {"2006-10-06"}


def test_a_dotted_number_far_from_the_article_is_no_day(facts):
    got = facts("A photo exhibition opened on Friday 6.10. at the Linden Hall in Graz.", date="2006-03-01")
    assert "2006-10-06" not in event(got, "date")


def test_people_coming_to_an_event_date_it(facts):
    got = facts("More than 300 people came to the spring festival at the Riverside Pavilion on Sunday, April 4th, "
                "organized by the Georgian Cultural Society of Ohio.", date="2021-04-06")
    assert event(got, "date") == {"2021-04-04"}


def test_a_person_coming_to_a_city_does_not_date_the_event(facts):
    got = facts("The minister came to the festival city on Sunday, April 4th. A concert was held on Monday.",
                date="2021-04-06")
    assert event(got, "date") == {"2021-04-05"}


def test_a_poetry_collection_presented_is_the_event(facts):
    got = facts("The poetry collection \"Salt and Pines\" by the poet Irma Kolbe was presented on the evening of "
                "Friday, 5 April, at the Harbour Book House.", date="2024-04-07")
    assert event(got, "date") == {"2024-04-05"}
    assert "Harbour Book House" in event(got, "location")
