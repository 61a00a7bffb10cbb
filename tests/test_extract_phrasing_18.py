"""Rules for phrasings the eighteenth development batch exposed (tests/data/dev/246-254): each rule
with invented sentences it must and must not match."""

from __future__ import annotations

from factsets import event, of_type, people


# --- names the model calls places, before a comma and a title ------------------------------------------


def test_a_hyphenated_name_the_model_calls_a_place_before_a_title_is_a_person(facts):
    got = facts("The concert was attended by Irakli Tsereteli-Mdivani, Deputy Chairman of the Union of Georgian "
                "Writers; Tamar Kobakhidze-Lomidze, member of the Culture Committee of the Parliament of Georgia; "
                "and students.", date="2021-03-02")
    assert {"Irakli Tsereteli-Mdivani", "Tamar Kobakhidze-Lomidze"} <= people(got)
    assert ("Tamar Kobakhidze-Lomidze", "jobTitle", "member") in got


def test_a_place_after_a_preposition_before_a_comma_and_a_title_is_no_person(facts):
    got = facts("In Nova Vas, the mayor of the town opened the exhibition.", date="2021-03-02")
    assert "Nova Vas" not in people(got)
