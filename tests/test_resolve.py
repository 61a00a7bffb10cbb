"""Identity: IRIs from type and name, and which mentions are one entity."""

import datetime as dt

import pytest

from eventgraph.corpus import make_article
from eventgraph.extract import load_lexicon
from eventgraph.namespace import DEFAULT_BASE_IRI
from eventgraph.records import Extraction, Mention
from eventgraph.resolve import LocalResolution, entity_key, historical_core, mint_iri, mission_name, resolve_article, resolve_corpus, slug


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Ana Lucía Torres Medina", "ana-lucia-torres-medina"),
        ("News.Az", "news-az"),
        ("Justice for Khojaly!", "justice-for-khojaly"),
        ("Москва", "%D0%BC%D0%BE%D1%81%D0%BA%D0%B2%D0%B0"),
    ],
)
def test_slug(name, expected):
    assert slug(name) == expected


def test_iri_is_a_function_of_type_and_name():
    assert mint_iri(DEFAULT_BASE_IRI, entity_key("Person", "Ola Nordmann")) == "https://w3id.org/eventgraph/id/person/ola-nordmann"
    assert entity_key("Film", "Quiet Days") != entity_key("HistoricalEvent", "Quiet Days")


def test_mission_names():
    assert mission_name("Embassy", "Chile", "Sweden") == "Embassy of Chile in Sweden"
    assert mission_name("Consulate General", "Chile", "United States", "Houston") == "Consulate General of Chile in Houston"
    assert mission_name("Permanent Mission", "Chile", "United Nations") == "Permanent Mission of Chile to United Nations"


def test_historical_event_variants_share_a_core():
    assert historical_core("Halabja massacre") == historical_core("genocide in Halabja") == ("atrocity", frozenset({"halabja"}))
    assert historical_core("Second World War") != historical_core("First World War")


def _mention(index, type_, text, start, **fields):
    return Mention(index=index, type=type_, text=text, start=start, end=start + len(text), name=fields.pop("name", text), **fields)


def _extraction(article_id, mentions):
    article = make_article(article_id, "x" * 500, date=dt.date(2020, 1, 1))
    return Extraction(article=article, mentions=tuple(mentions), relations=())


def test_surname_joins_full_name_in_same_article_but_not_across_articles():
    first = _extraction("a", [_mention(0, "Person", "Anna Berg", 0), _mention(1, "Person", "Berg", 50, kind="surname")])
    second = _extraction("b", [_mention(0, "Person", "Lars Berg", 0)])
    resolution = resolve_corpus([first, second], load_lexicon(), DEFAULT_BASE_IRI)
    people = sorted(e.name for e in resolution.entities.values() if e.type == "Person")
    assert people == ["Anna Berg", "Lars Berg"]
    assert resolution.entities["person/anna-berg"].aliases == {"Berg"}


def test_same_name_in_two_articles_is_one_entity():
    first = _extraction("a", [_mention(0, "Organization", "Nordic Arts Council", 0)])
    second = _extraction("b", [_mention(0, "Organization", "the Nordic Arts Council", 0, name="Nordic Arts Council")])
    resolution = resolve_corpus([first, second], load_lexicon(), DEFAULT_BASE_IRI)
    entity = resolution.entities["organization/nordic-arts-council"]
    assert entity.articles == {"a", "b"}


def test_mission_without_host_takes_it_from_the_article():
    mentions = [
        _mention(0, "Embassy", "Embassy of Chile", 0, sender="Chile"),
        _mention(1, "Place", "Sweden", 30, subtype="Country"),
        _mention(2, "Embassy", "the embassy", 60, kind="nominal", name="embassy"),
    ]
    resolution = resolve_corpus([_extraction("a", mentions)], load_lexicon(), DEFAULT_BASE_IRI)
    embassy = resolution.entities["embassy/embassy-of-chile-in-sweden"]
    assert embassy.aliases == {"Embassy of Chile", "embassy"}
    relations = {(r.subject, r.predicate, r.object) for r in resolution.articles[0].relations}
    assert ("embassy/embassy-of-chile-in-sweden", "represents", "place/chile") in relations
    assert ("embassy/embassy-of-chile-in-sweden", "locatedIn", "place/sweden") in relations


def test_a_local_resolution_in_plain_tuples_is_the_same_resolution():
    """The --update cache keeps each article's resolution as plain tuples naming its mentions."""
    mentions = [
        _mention(0, "Embassy", "Embassy of Chile", 0, sender="Chile"),
        _mention(1, "Place", "Sweden", 30, subtype="Country"),
        _mention(2, "Embassy", "the embassy", 60, kind="nominal", name="embassy"),
        _mention(3, "Person", "Ana Rojas", 90),
    ]
    extraction = _extraction("a", mentions)
    local = resolve_article(extraction, load_lexicon())
    assert any(not cluster.mentions for cluster in local.clusters)  # Chile, which the text never names
    again = LocalResolution.from_plain(local.plain(), extraction)
    assert again == local
    assert again.clusters[0].mentions[0] is extraction.mentions[0]
    with pytest.raises(ValueError, match="article 'a'"):
        LocalResolution.from_plain(local.plain(), _extraction("a", mentions[:1]))


def test_namesakes_serving_different_countries_are_two_people(resolve_texts):
    resolution = resolve_texts({
        "a": "The Embassy of Turkey in Chile held a reception. Turkish Ambassador to Chile Ali Demir addressed the guests.",
        "b": "The Embassy of Greece in Peru held a concert. Greek Ambassador to Peru Ali Demir spoke at the event.",
    })
    people = sorted(key for key, entity in resolution.entities.items() if entity.name == "Ali Demir")
    assert people == ["person/ali-demir--greece", "person/ali-demir--turkey"]


def test_one_diplomat_seen_in_two_articles_is_one_person(resolve_texts):
    resolution = resolve_texts({
        "a": "The Embassy of Turkey in Chile held a reception. Turkish Ambassador to Chile Ali Demir addressed the guests.",
        "b": "A conference was held in Santiago. Ambassador Ali Demir of Turkey said it was useful.",
    })
    assert [key for key, entity in resolution.entities.items() if entity.name == "Ali Demir"] == ["person/ali-demir"]


def test_people_sharing_a_surname_stay_apart(resolve_texts):
    resolution = resolve_texts({
        "a": "Ambassador Ramil Guliyev spoke at the event. Guliyev thanked the guests.",
        "b": "Professor Sevda Guliyeva spoke. Tural Guliyev, a student, read a poem. Guliyev is from Baku.",
    })
    people = {entity.name for entity in resolution.entities.values() if entity.type == "Person"}
    assert {"Ramil Guliyev", "Sevda Guliyeva", "Tural Guliyev"} <= people
    assert "Guliyev" not in people


def test_namesakes_with_incompatible_roles_are_two_people(resolve_texts):
    resolution = resolve_texts({
        "a": "The Embassy of Turkey in Chile held a reception. Turkish Ambassador to Chile Ali Demir addressed the guests.",
        "b": "A concert was held in Lima. Member of the Congress of Peru Ali Demir spoke at the event.",
    })
    people = sorted(key for key, entity in resolution.entities.items() if entity.name == "Ali Demir")
    assert people == ["person/ali-demir--peru", "person/ali-demir--turkey"]


def test_a_diplomat_who_also_sits_in_his_countrys_body_stays_one_person(resolve_texts):
    resolution = resolve_texts({
        "a": "The Embassy of Turkey in Chile held a reception. Turkish Ambassador to Chile Ali Demir addressed the guests.",
        "b": "A forum was held in Ankara. Member of the Grand National Assembly of Turkey Ali Demir spoke at the event.",
    })
    assert [key for key, entity in resolution.entities.items() if entity.name == "Ali Demir"] == ["person/ali-demir"]


def test_a_friendship_group_of_two_countries_says_nothing_about_whom_a_member_serves(resolve_texts):
    resolution = resolve_texts({
        "a": "The Embassy of Turkey in Chile held a reception. Turkish Ambassador to Chile Ali Demir addressed the guests.",
        "b": "A concert was held in Lima. Chairman of the Peru-Turkey friendship group Ali Demir spoke at the event.",
    })
    assert [key for key, entity in resolution.entities.items() if entity.name == "Ali Demir"] == ["person/ali-demir"]


def test_an_office_holder_and_a_pianist_of_one_name_and_country_are_two_people(resolve_texts):
    resolution = resolve_texts({
        "a": "The Embassy of Turkey in Chile held a reception. Deputy Minister of Foreign Affairs of Turkey Ali Demir addressed the guests.",
        "b": "The Embassy of Turkey in Peru held a concert. The Turkish pianist Ali Demir performed and told the audience about his studies.",
    })
    people = sorted(key for key, entity in resolution.entities.items() if entity.name == "Ali Demir")
    assert people == ["person/ali-demir", "person/ali-demir--pianist"]


def test_a_pianist_seen_twice_and_a_diplomat_without_an_occupation_stay_one_each(resolve_texts):
    resolution = resolve_texts({
        "a": "The Embassy of Turkey in Peru held a concert. The Turkish pianist Ali Demir performed and spoke.",
        "b": "A festival was held in Lima. The pianist Ali Demir played works by Turkish composers.",
        "c": "The Embassy of Turkey in Chile held a reception. Ali Demir spoke at the event.",
    })
    assert [key for key, entity in resolution.entities.items() if entity.name == "Ali Demir"] == ["person/ali-demir"]
