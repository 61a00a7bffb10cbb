"""Rules for phrasings the seventeenth development batch exposed (tests/data/dev/237-245): each rule
with invented sentences it must and must not match."""

from __future__ import annotations

from factsets import event, of_type, people


# --- names before a title ------------------------------------------------------------------------------


def test_a_hyphenated_family_name_before_a_comma_and_a_title_is_a_person(facts):
    # the model calls the name a product, a nationality or a body; its hyphen halves it
    got = facts("The reception was attended by Kofi Mensah-Adjei, Secretary General of the Parliament of Ghana.",
                date="2022-06-02")
    assert "Kofi Mensah-Adjei" in people(got)
    assert ("Kofi Mensah-Adjei", "worksFor", "Parliament of Ghana") in got


def test_a_name_before_a_comma_and_the_title_with_its_article_is_a_person(facts):
    got = facts("The discussion was moderated by Claire Dubois-Martin, the president of the Rouen Film Society.",
                date="2022-06-02")
    assert "Claire Dubois-Martin" in people(got)
    assert ("Claire Dubois-Martin", "jobTitle", "president") in got


def test_a_hyphenated_word_alone_before_a_comma_and_a_title_is_no_person(facts):
    got = facts("After the Novruz-Fest, the president of the society thanked the guests.", date="2022-06-02")
    assert not {p for p in people(got) if "Fest" in p}


def test_a_city_before_a_comma_and_the_title_is_no_person(facts):
    got = facts("In Buenos Aires, the mayor of the city opened the fair.", date="2022-06-02")
    assert "Buenos Aires" not in people(got)
    assert "Buenos Aires" in of_type(got, "Place")
