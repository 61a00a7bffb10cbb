"""Rules for phrasings the eighteenth development batch exposed (tests/data/dev/246-254): each rule
with invented sentences it must and must not match."""

from __future__ import annotations

from factsets import event, of_type, people


# --- names the model calls places, before a comma and a title ------------------------------------------


def test_a_hyphenated_name_the_model_calls_a_place_before_a_title_is_a_person(facts):
    got = facts("The concert was attended by Irakli Tsereteli-Mdivani, Deputy Chairman of the Union of Moldovan "
                "Writers; Tamar Kobakhidze-Lomidze, member of the Culture Committee of the Parliament of Moldova; "
                "and students.", date="2021-03-02")
    assert {"Irakli Tsereteli-Mdivani", "Tamar Kobakhidze-Lomidze"} <= people(got)
    assert ("Tamar Kobakhidze-Lomidze", "jobTitle", "member") in got


def test_a_place_after_a_preposition_before_a_comma_and_a_title_is_no_person(facts):
    got = facts("In Nova Vas, the mayor of the town opened the exhibition.", date="2021-03-02")
    assert "Nova Vas" not in people(got)


# --- a rank stacked after an office, and the head of mission's embassy ----------------------------------


def test_a_rank_right_after_an_office_before_the_name_is_a_second_title(facts):
    got = facts("The Embassy of Azerbaijan in Norway held a ceremony. Defence attaché Colonel Tahir Bagirzade-Ulvi "
                "laid a wreath at the memorial.", date="2021-03-02")
    assert ("Tahir Bagirzade-Ulvi", "jobTitle", "colonel") in got
    assert ("Tahir Bagirzade-Ulvi", "jobTitle", "defence attaché") in got
    assert ("Tahir Bagirzade-Ulvi", "worksFor", "Embassy of Azerbaijan in Norway") in got


def test_a_one_word_office_still_joins_the_title_after_it(facts):
    got = facts("Deputy Minister Olga Brandt-Weiss opened the exhibition.", date="2021-03-02")
    assert ("Olga Brandt-Weiss", "jobTitle", "deputy minister") in got
    assert ("Olga Brandt-Weiss", "jobTitle", "deputy") not in got


def test_a_deputy_head_of_mission_works_for_the_articles_embassy(facts):
    got = facts("The Embassy of Azerbaijan in Chile hosted a reception. Deputy Head of Mission Leyla Hashimzade-Ruhi "
                "welcomed the guests.", date="2021-03-02")
    assert ("Leyla Hashimzade-Ruhi", "worksFor", "Embassy of Azerbaijan in Chile") in got


# --- a board's chairman before the name, with no comma ----------------------------------------------------


def test_a_hyphenated_name_after_a_boards_organization_is_no_part_of_it(facts):
    got = facts("Chairman of the Board of the Baltic Memory Foundation Anders Lindqvist-Moe spoke about the "
                "refugees.", date="2021-03-02")
    assert "Anders Lindqvist-Moe" in people(got)
    assert "Baltic Memory Foundation" in of_type(got, "Organization")
    assert ("Anders Lindqvist-Moe", "worksFor", "Baltic Memory Foundation") in got


def test_an_organization_named_after_a_person_keeps_the_name_without_a_title_before_it(facts):
    got = facts("The Anders Lindqvist-Moe Foundation supported the exhibition.", date="2021-03-02")
    assert "Anders Lindqvist-Moe" not in people(got)


# --- an upper-case dateline city below the headline -------------------------------------------------------


def test_an_upper_case_city_a_comma_and_a_day_below_the_headline_locates_the_event(facts):
    got = facts("Tashkent marks Khojaly\n\nTASHKENT, 25 February - The embassy of Azerbaijan held a mourning meeting "
                "in the capital today.", date="1999-02-26")
    assert "Tashkent" in event(got, "location")


def test_an_upper_case_acronym_and_a_day_is_no_dateline_city(facts):
    got = facts("Memorial in Tashkent\n\nUNESCO, 25 February - The embassy of Azerbaijan held a mourning meeting.",
                date="1999-02-26")
    assert "Unesco" not in of_type(got, "Place")


# --- a mission accredited to an organization ---------------------------------------------------------------


def test_a_mission_to_an_international_organization_is_located_in_no_place(facts):
    got = facts("The Mission of Kazakhstan to NATO hosted a round table in Mons.", date="2021-03-02")
    assert not {o for s, p, o in got if p == "locatedIn"}
    assert "North Atlantic Treaty Organization" not in of_type(got, "Place")


def test_an_embassy_in_a_country_is_still_located_in_it(facts):
    got = facts("The Embassy of Kazakhstan in Portugal hosted a round table in Porto.", date="2021-03-02")
    assert ("Embassy of Kazakhstan in Portugal", "locatedIn", "Portugal") in got
