"""The samples end to end: concrete triples, the committed output, and parsers that agree."""

import json
from pathlib import Path
import subprocess
import sys

import pyoxigraph
import pytest
from rdflib import Graph

from conftest import REPO, SHARED

pytestmark = pytest.mark.slow

EVENT_OF = "?article eg:articleId '{id}' ; eg:reports ?event ."


def _labels(graph: Graph, article_id: str, path: str) -> set[str]:
    query = f"""
        PREFIX eg: <https://w3id.org/eventgraph/ns#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?label WHERE {{ {EVENT_OF.format(id=article_id)} ?event {path} ?x . ?x rdfs:label ?label }}"""
    return {str(row[0]) for row in graph.query(query)}


def test_speakers_organizers_and_screened_film(sample_build):
    graph = sample_build.graph
    assert _labels(graph, "000_77e3852846fd815c", "eg:speaker") == {"Rashad Aslanov", "Ariel Levaggi"}
    assert _labels(graph, "000_77e3852846fd815c", "eg:screened") == {"Running from the Darkness"}
    assert _labels(graph, "003_cb7d44594a7d04bb", "eg:organizer") == {
        "Embassy of Azerbaijan in Mexico",
        "Mexican Chamber of Deputies",
    }
    assert _labels(graph, "001_eeee109f1e72836a", "eg:location") == {"Cairo", "Egypt"}


def test_one_node_per_entity_across_articles(sample_build):
    graph = sample_build.graph
    query = """PREFIX eg: <https://w3id.org/eventgraph/ns#>
        SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a eg:mentions <https://w3id.org/eventgraph/id/person/leyla-aliyeva> }"""
    assert int(next(iter(graph.query(query)))[0]) == 3
    people = {str(o) for o in graph.objects(None, None) if "person/" in str(o) and "rzayev" in str(o)}
    assert people == {
        "https://w3id.org/eventgraph/id/person/tural-rzayev",
        "https://w3id.org/eventgraph/id/person/ruslan-rzayev",
    }


def test_rebuild_reproduces_committed_turtle_byte_for_byte(sample_build):
    committed = (REPO / "output" / "graph.ttl").read_bytes()
    rebuilt = next(p for p in sample_build.files if p.name == "graph.ttl").read_bytes()
    assert rebuilt == committed, "extraction changed: run `make demo` and review the diff of output/graph.ttl"


def test_committed_html_matches_rebuild(sample_build):
    committed = (REPO / "output" / "graph.html").read_bytes()
    rebuilt = next(p for p in sample_build.files if p.name == "graph.html").read_bytes()
    assert rebuilt == committed, "the view changed: run `make demo` and commit output/graph.html"


def test_turtle_parses_to_the_same_triples_in_rdflib_and_pyoxigraph(sample_build):
    path = next(p for p in sample_build.files if p.name == "graph.ttl")
    rdflib_count = len(Graph().parse(path))
    store = pyoxigraph.Store()
    store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == rdflib_count > 300


@pytest.mark.skipif(not (SHARED / "tools" / "evaluate.py").is_file(), reason="../shared/tools/evaluate.py is not beside the repo")
def test_independent_scorer_on_the_samples(sample_build, tmp_path):
    path = next(p for p in sample_build.files if p.name == "graph.ttl")
    out = tmp_path / "score.json"
    subprocess.run(
        [sys.executable, str(SHARED / "tools" / "evaluate.py"), str(SHARED / "gold" / "seeds.json"), str(path),
         "--ontology", str(REPO / "ontology" / "eventgraph.ttl"), "--json", str(out)],
        check=True, capture_output=True,
    )
    score = json.loads(out.read_text())
    # today's figures; a change that lowers any of them is a regression to look at
    assert score["entities"]["f1"] == 1.0
    assert score["relations"]["f1"] == 1.0
    assert score["resolution"]["split"] == 0 and score["resolution"]["merged_nodes"] == 0
    assert all(s["f1"] == 1.0 for s in score["relations_by_type"].values()), score["relations_by_type"]
    assert all(s["f1"] == 1.0 for s in score["entities_by_type"].values()), score["entities_by_type"]


def test_every_format_round_trips(sample_build, tmp_path):
    from rdflib.compare import isomorphic

    from eventgraph.export import FORMATS, read_graph, write_graph

    paths = write_graph(sample_build.graph, tmp_path, FORMATS)
    assert sorted(p.name for p in paths) == sorted(f"graph{suffix}" for suffix, _ in FORMATS.values())
    for path in paths:
        assert isomorphic(read_graph([path]), sample_build.graph), path.name
    again = write_graph(sample_build.graph, tmp_path / "again", FORMATS)
    for first, second in zip(paths, again):
        assert first.read_bytes() == second.read_bytes(), f"{first.name} is not byte-stable"


def test_a_graph_asked_for_after_a_turtle_only_build_is_the_graph_built(sample_build, tmp_path):
    """Unvalidated and Turtle only, a build lets its records go before the view and reads
    graph.ttl back when its graph is asked for; validated, it made the graph from the records."""
    from rdflib.compare import isomorphic

    from eventgraph.build import build

    result = build(None, tmp_path / "out", formats=("ttl",), validate=False, html=False)
    assert result.make_graph.__self__._spooled is None  # the records are gone
    assert result.graph is not sample_build.graph
    assert len(result.graph) == result.triples == len(sample_build.graph)
    assert isomorphic(result.graph, sample_build.graph)


def test_empty_foreign_and_hostile_articles_give_valid_rdf(tmp_path):
    from eventgraph.build import build
    from eventgraph.export import read_graph

    news = tmp_path / "odd.jsonl"
    records = [
        {"id": "empty", "text": ""},
        {"id": "blank", "text": "   \n\n  "},
        {"id": "russian", "text": "Посольство провело мероприятие в Москве.", "url": "https://example.org/a b\"<x>"},
        {"id": "headline", "text": "Embassy marks national day"},
        {"id": "hostile", "text": 'The "<script>alert(1)</script>" campaign was launched by the Embassy of Chile in Peru. '
                                  'Ambassador Jo\u200bhn O\'Neil said "back\\slash {braces} |pipe|".'},
    ]
    news.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    result = build([news], tmp_path / "out", formats=("ttl", "nt", "jsonld", "xml"))
    for path in result.files:
        if path.suffix == ".html":
            continue
        assert len(read_graph([path])) == len(result.graph), path.name
    store = pyoxigraph.Store()
    store.load(path=str(tmp_path / "out" / "graph.nt"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    assert len(store) == len(result.graph)


DEV = REPO / "tests" / "data" / "dev"


@pytest.fixture(scope="module")
def dev_build(tmp_path_factory):
    """The development set (tests/data/dev: invented articles of the held-out kinds) built once."""
    from eventgraph.build import build

    out = tmp_path_factory.mktemp("dev-build")
    return build([DEV], out, formats=("ttl",), html=False)


def _independent_score(graph: Path, gold: list[dict], tmp_path: Path, name: str) -> dict:
    gold_path = tmp_path / f"{name}-gold.json"
    gold_path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / f"{name}-score.json"
    subprocess.run(
        [sys.executable, str(SHARED / "tools" / "evaluate.py"), str(gold_path), str(graph),
         "--ontology", str(REPO / "ontology" / "eventgraph.ttl"), "--json", str(out)],
        check=True, capture_output=True,
    )
    return json.loads(out.read_text())


# batch 7 (articles 147-155) was written and scored after the rules of batches 1-6, batch 8
# (156-164) after those of batch 7, batch 9 (165-173) after those of batch 8, batch 10 (174-182)
# after those of batch 9, batch 11 (183-191) after those of batch 10, batch 12 (192-200) after those of batch 11,
# batch 13 (201-209) after those of batch 12, batch 14 (210-218) after those of batch 13, batch 15
# (219-227) after those of batch 14, batch 16 (228-236) after those of batch 15, batch 17 (237-245)
# after those of batch 15 too (the two were written side by side), batch 19 (255-263) after those of
# batches 16 and 17
FIRST_OF_BATCH_7 = "147"
FIRST_OF_BATCH_8 = "156"
FIRST_OF_BATCH_9 = "165"
FIRST_OF_BATCH_10 = "174"
FIRST_OF_BATCH_11 = "183"
FIRST_OF_BATCH_12 = "192"
FIRST_OF_BATCH_13 = "201"
FIRST_OF_BATCH_14 = "210"
FIRST_OF_BATCH_15 = "219"
FIRST_OF_BATCH_16 = "228"
FIRST_OF_BATCH_17 = "237"
FIRST_OF_BATCH_18 = "246"
FIRST_OF_BATCH_19 = "255"


@pytest.mark.skipif(not (SHARED / "tools" / "evaluate.py").is_file(), reason="../shared/tools/evaluate.py is not beside the repo")
def test_independent_scorer_on_the_development_set(dev_build, tmp_path):
    """Invented articles of the held-out kinds (consulates, permanent missions, honorary consuls,
    universities, parliaments, churches, a mosque, receptions, premieres, exhibitions, ambassadors
    of several countries, agencies' datelines, speaker lists, namesakes), nineteen batches, each scored
    before the rules were tuned on it. Floors just under today's figures: batches 1-6 (46 articles)
    entities 1.0, relations 0.999; batch 7 (9 articles) 0.988 and 0.976; batch 8 (9 articles)
    1.0 and 0.997 since batch 13 (157's embassy is the one that 204 says is in Pretoria; untuned: 0.903
    and 0.836, 0.907 and 0.844 on the corrected gold); batch 9
    (9 articles) 0.997 and 0.998 (untuned: 0.931 and 0.877, 0.931 and 0.882 on the corrected gold);
    batch 10 (9 articles: a ministry's press release, a university news page, a diaspora portal,
    dotted and relative dates, initials, nicknames, patronymics) 0.986 and 0.99 (untuned: 0.847
    and 0.762); batch 11 (9 articles: a wire item with four envoys 'to the State of Qatar', a
    university press release, an embassy's post in the first person, a parliament's news page, a
    think-tank's report with names with commas and 'and', a church bulletin under a masthead in
    capitals) 0.983 and 0.976 (untuned: 0.842 and 0.743); batch 12 (9 articles: a parliament's small
    hall, an APA item on a reception 'given' with a 'Sheikh' deputy minister, a consulate general's
    Novruz, an honorary consul's photo exhibition in a local weekly, a university conference with a
    documentary 'on the sidelines', a permanent mission to the OIC, 'the evening of the 28th of May',
    an embassy press release, organizers around a 'which' clause, a deputy minister and a student of
    one name) 1.0 and 0.998 (untuned: 0.935 and 0.868, 0.958 and 0.898 on the corrected gold); batch 13
    (9 articles, 1998-2025: two wire items in capitals with the agency in the dateline's brackets, a
    diaspora site's post with a dashed list of speakers, a university's Novruz, a parish's notices with
    'the Revd' and 'Sunday last, the 26th', a local paper's Victory Day reception with share buttons, a
    documentary's director, an honorary consul and shipowner's poetry book, a parliament's numbered list of
    speakers under a Spanish masthead, 'the Baku museum', an embassy counsellor and a poet of one name)
    1.0 and 0.992 (untuned: 0.917 and 0.783, 0.924 and 0.797 on the corrected gold); batch 14 (9 articles,
    1999-2024: a regional wire item dated "26.II.2007" with its agency's initials in brackets, a parliament's
    page with "the Hon. NAME MP", an embassy's information bulletin dated "the twenty-eighth of May 1999", a
    culture daily's premiere on Victory Day, a diaspora blog's Novruz "with the support of" a consulate
    general, a wire item with its agency in slashes, a local paper's carpets "on Wednesday 10.9.", a
    university page's conference "in collaboration with" the embassy, a literary magazine's poetry book,
    a first secretary and a violinist of one name) 0.967 and 0.963 (untuned: 0.904 and 0.84, 0.904 and
    0.845 on the corrected gold); batch 15 (9 articles, 1998-2025: a parish page's prayer service with
    "The homily was given by", a wire item's Victory Day reception "ACCRA, Nov. 8 (WCNA) -", a university
    institute's bulleted list of speakers with titles after their names, a diaspora site's Novruz with a
    byline and a photo caption, a weekly's documentary premiere "on Thursday 25/02/2021" under "TUNIS -", a
    local paper's carpets by an honorary consul, a parliament's press release "held today" in Ulaanbaatar
    "at the initiative of" a friendship group, an embassy's press release of a novel's translation with
    "the Algerian Writers' Union", a university press office's conference with "the Consulate General of
    Azerbaijan in Frankfurt", an embassy counsellor and a pianist of one name) 0.93-0.935 and 0.943
    (untuned: 0.907-0.912 and 0.887, 0.903-0.907 and 0.888 on the corrected gold; the scorer's entity
    figure moves by up to 0.005 from run to run; 0.935-0.94 and 0.943-0.949 since batches 16 and 17's rules); batch 16 (9 articles, 2013-2024: a Thai wire item's round table
    "arranged by" the embassy "jointly with" a university institute, a local paper's wreath-laying at "the
    Monument to the Victims of X" under a consulate general's auspices in Yekaterinburg, a permanent mission's
    page with "H.E. Mr." permanent representatives who "took the floor", a Latin American university's academic
    session "last Tuesday" with "According to Professor X", a regional council's press release, a memorial
    service in a cathedral, an embassy's photo exhibition opened by "Ato X", a wire item's prayers in a mosque
    led by "Effendi X", a memorial evening with a rector "quoted as saying", a first secretary and a
    photojournalist of one name) 0.977-0.981 and 0.979 (untuned: 0.92 and 0.925, 0.927 and 0.927 on the corrected
    gold); batch 17

    (9 articles, 2014-2025: an Independence Day reception in Makati with a deputy head of mission "among those
    present", a Victory Day reception "at the initiative of" an embassy "on the evening of 8.11.2023", a
    documentary "premiered" below "LYON -" as "a production of" a studio, carpets "on the initiative of" an
    embassy "in cooperation with" a museum below "Debrecen, 16th September 2017 -" with titles "respectively"
    and a councillor "representing" a city council, an honorary consul's Novruz below "GUADALAJARA, Jalisco
    (March 21st, 2021). -", a consulate general's January 20 with a cultural centre "Birlik", a university's
    forum with the deputy head of mission again, a book "initiated by" an embassy and a literary circle below
    "ANTWERP, Friday 3 October 2014 -", the Georgian embassy's reception in Baku with an ensemble "Mtiebi")
    0.978 and 0.985 (untuned: 0.908-0.912 and 0.863-0.868, 0.908 and 0.874 on the corrected gold); all 145 articles 0.99 and 0.989 (0.985 and 0.981
    before batch 17's rules, 0.986 and 0.985 before batch 16's; the 127 earlier ones stay at 0.99-0.991 and 0.989-0.99); batch 18 (9 articles, 1997-2025: Khojaly at an
    embassy's premises, a consulate general's hall, a mission to NATO, a university, a parliament and a church,
    a Victory Day and an Independence Day reception, dense with attendees' titles and bodies) 0.936 and 0.924
    (untuned: 0.908 and 0.891); batch 19
 (9 articles: a feature film's premiere by an embassy and a city's secretariat of culture, "shown to the
    audience of about 300 people, among them" a secretary of culture and a critic; carpets "entitled" a title that "opened"
    in an APA wire with "APA's Warsaw correspondent reports"; an honorary consul's Novruz below "DURBAN - Members of the
    community ... gathered on Sunday, March 20"; a consulate general's January 20 in Batumi; a conference an embassy and a
    think tank co-organized that "featured presentations by X ... and by Professor Y"; an embassy's own post on a book's
    author and translator; the Moldovan embassy's reception in Baku; a permanent delegation's Victory Day at UNESCO; a
    three-sentence Turan wire; a pianist and an ambassador of one name, 257 and 259) 0.92 and 0.939 (untuned: 0.912 and
    0.906); batches 18 and 19 were written side by side. All 163 articles 0.983 and 0.981, the 145 before batch 18 0.99 and 0.989
    (checked apart at their old floors). A change that lowers one is a regression to look at."""
    graph = next(p for p in dev_build.files if p.name == "graph.ttl")
    gold = json.loads((DEV / "gold.json").read_text(encoding="utf-8"))
    # batches 18 and 19 (246-263) are measured beside the 145 earlier articles, whose floors stay as they
    # were (below); all 163 articles together: 0.983 and 0.981, split 6 (batch 18's 'Trend News Agency' of a
    # page's chrome kept apart from Trend, 254's 'Milli Majlis of Azerbaijan' apart from the Milli
    # Majlis), merged 2 (253's House of Representatives of Australia made one with 198's of Thailand)
    whole = _independent_score(graph, gold, tmp_path, "all-163")
    assert whole["missing_articles"] == []
    assert whole["entities"]["f1"] >= 0.98 and whole["relations"]["f1"] >= 0.978, (whole["entities"], whole["relations"])
    assert whole["resolution"]["split"] <= 6 and whole["resolution"]["merged_nodes"] <= 2
    score = _independent_score(graph, [a for a in gold if a["id"] < FIRST_OF_BATCH_18], tmp_path, "all")
    assert score["missing_articles"] == []
    assert score["entities"]["f1"] >= 0.99, score["entities"]
    assert score["relations"]["f1"] >= 0.985, score["relations"]
    # one split: the gold lists "America" as an alias of the United States, the gazetteer does not;
    # no merge: the deputy minister and the pianist of one name (articles 149 and 155), the military
    # attache and the carpet artist of one name (158 and 161), the deputy minister and the film
    # producer of one name (168 and 172), the defence attache and the film producer of one name (177
    # and 179), the deputy foreign minister and the student of one name (193 and 199) stay apart; one split
    # of batch 10: the gold's "Cebu" alias of Cebu City (181); one merge: batch 11's chargé
    # d'affaires in Peru (183) and senior researcher in Baku (189) of one name, whom nothing in the
    # texts tells apart but their employers' kinds, as nothing tells apart the ambassador and the
    # institute head of one name that the gold of 131 and 132 makes one person; one split of batch
    # 13: 208's 'Institute of International Studies of the University of Chile' is 163's 'the
    # university's Institute of International Studies'; the embassy counsellor and the poet of one
    # name (201 and 207) stay apart, and so do batch 14's first secretary and violinist of one name
    # (211 and 215), and batch 15's counsellor and pianist of one name (220 and 224); one split of batch
    # 15: 226's gold makes its optional 'the Karabakh tragedy' (in a quote) the Karabakh war of earlier
    # articles, the extractor keeps it a name of its own; batch 16's first secretary and photojournalist of
    # one name (228 and 234) stay apart
    assert score["resolution"]["split"] <= 4 and score["resolution"]["merged_nodes"] <= 1
    assert all(s["f1"] >= 0.97 for s in score["relations_by_type"].values()), score["relations_by_type"]
    assert all(s["f1"] >= 0.95 for s in score["entities_by_type"].values()), score["entities_by_type"]
    earlier = _independent_score(graph, [a for a in gold if a["id"] < FIRST_OF_BATCH_7], tmp_path, "batches-1-6")
    assert earlier["entities"]["f1"] >= 0.99 and earlier["relations"]["f1"] >= 0.99, (earlier["entities"], earlier["relations"])
    seventh = _independent_score(graph, [a for a in gold if FIRST_OF_BATCH_7 <= a["id"] < FIRST_OF_BATCH_8], tmp_path, "batch-7")
    assert seventh["entities"]["f1"] >= 0.98 and seventh["relations"]["f1"] >= 0.97, (seventh["entities"], seventh["relations"])
    eighth = _independent_score(graph, [a for a in gold if FIRST_OF_BATCH_8 <= a["id"] < FIRST_OF_BATCH_9], tmp_path, "batch-8")
    assert eighth["entities"]["f1"] >= 0.99 and eighth["relations"]["f1"] >= 0.99, (eighth["entities"], eighth["relations"])
    assert eighth["resolution"]["split"] == 0 and eighth["resolution"]["merged_nodes"] == 0
    ninth = _independent_score(graph, [a for a in gold if FIRST_OF_BATCH_9 <= a["id"] < FIRST_OF_BATCH_10], tmp_path, "batch-9")
    assert ninth["entities"]["f1"] >= 0.99 and ninth["relations"]["f1"] >= 0.99, (ninth["entities"], ninth["relations"])
    assert ninth["resolution"]["split"] == 0 and ninth["resolution"]["merged_nodes"] == 0
    tenth = _independent_score(graph, [a for a in gold if FIRST_OF_BATCH_10 <= a["id"] < FIRST_OF_BATCH_11], tmp_path, "batch-10")
    assert tenth["entities"]["f1"] >= 0.98 and tenth["relations"]["f1"] >= 0.98, (tenth["entities"], tenth["relations"])
    assert tenth["resolution"]["split"] <= 1 and tenth["resolution"]["merged_nodes"] == 0
    eleventh = _independent_score(graph, [a for a in gold if FIRST_OF_BATCH_11 <= a["id"] < FIRST_OF_BATCH_12], tmp_path, "batch-11")
    assert eleventh["entities"]["f1"] >= 0.98 and eleventh["relations"]["f1"] >= 0.97, (eleventh["entities"], eleventh["relations"])
    assert eleventh["resolution"]["split"] == 0 and eleventh["resolution"]["merged_nodes"] <= 1
    twelfth = _independent_score(graph, [a for a in gold if FIRST_OF_BATCH_12 <= a["id"] < FIRST_OF_BATCH_13], tmp_path, "batch-12")
    assert twelfth["entities"]["f1"] >= 0.99 and twelfth["relations"]["f1"] >= 0.99, (twelfth["entities"], twelfth["relations"])
    assert twelfth["resolution"]["split"] == 0 and twelfth["resolution"]["merged_nodes"] == 0
    thirteenth = _independent_score(graph, [a for a in gold if FIRST_OF_BATCH_13 <= a["id"] < FIRST_OF_BATCH_14], tmp_path, "batch-13")
    assert thirteenth["entities"]["f1"] >= 0.99 and thirteenth["relations"]["f1"] >= 0.99, (thirteenth["entities"], thirteenth["relations"])
    assert thirteenth["resolution"]["split"] == 0 and thirteenth["resolution"]["merged_nodes"] == 0
    fourteenth = _independent_score(graph, [a for a in gold if FIRST_OF_BATCH_14 <= a["id"] < FIRST_OF_BATCH_15], tmp_path, "batch-14")
    assert fourteenth["entities"]["f1"] >= 0.96 and fourteenth["relations"]["f1"] >= 0.96, (fourteenth["entities"], fourteenth["relations"])
    assert fourteenth["resolution"]["split"] == 0 and fourteenth["resolution"]["merged_nodes"] == 0
    fifteenth = _independent_score(graph, [a for a in gold if FIRST_OF_BATCH_15 <= a["id"] < FIRST_OF_BATCH_16], tmp_path, "batch-15")
    assert fifteenth["entities"]["f1"] >= 0.92 and fifteenth["relations"]["f1"] >= 0.94, (fifteenth["entities"], fifteenth["relations"])
    assert fifteenth["resolution"]["split"] == 0 and fifteenth["resolution"]["merged_nodes"] == 0
    sixteenth = _independent_score(graph, [a for a in gold if FIRST_OF_BATCH_16 <= a["id"] < FIRST_OF_BATCH_17], tmp_path, "batch-16")
    assert sixteenth["entities"]["f1"] >= 0.97 and sixteenth["relations"]["f1"] >= 0.97, (sixteenth["entities"], sixteenth["relations"])
    assert sixteenth["resolution"]["split"] == 0 and sixteenth["resolution"]["merged_nodes"] == 0
    # batch 17's deputy head of mission of 237 and 243 is one person, one node
    seventeenth = _independent_score(graph, [a for a in gold if FIRST_OF_BATCH_17 <= a["id"] < FIRST_OF_BATCH_18], tmp_path, "batch-17")
    assert seventeenth["entities"]["f1"] >= 0.97 and seventeenth["relations"]["f1"] >= 0.975, (seventeenth["entities"], seventeenth["relations"])
    assert seventeenth["resolution"]["split"] == 0 and seventeenth["resolution"]["merged_nodes"] == 0
    # batch 18: 0.936 and 0.924 with its rules (untuned 0.908 and 0.891); one split, Trend's two names
    eighteenth = _independent_score(graph, [a for a in gold if FIRST_OF_BATCH_18 <= a["id"] < FIRST_OF_BATCH_19], tmp_path, "batch-18")
    assert eighteenth["entities"]["f1"] >= 0.925 and eighteenth["relations"]["f1"] >= 0.915, (eighteenth["entities"], eighteenth["relations"])
    assert eighteenth["resolution"]["split"] <= 1 and eighteenth["resolution"]["merged_nodes"] == 0
    nineteenth = _independent_score(graph, [a for a in gold if a["id"] >= FIRST_OF_BATCH_19], tmp_path, "batch-19")
    assert nineteenth["entities"]["f1"] >= 0.91 and nineteenth["relations"]["f1"] >= 0.93, (nineteenth["entities"], nineteenth["relations"])
    # batch 19's pianist (257) and ambassador (259) of one name stay apart
    assert nineteenth["resolution"]["split"] == 0 and nineteenth["resolution"]["merged_nodes"] == 0


HELD_OUT = REPO / "tests" / "data" / "heldout"


@pytest.mark.skipif(not (SHARED / "tools" / "evaluate.py").is_file(), reason="../shared/tools/evaluate.py is not beside the repo")
def test_independent_scorer_on_the_held_out_set(tmp_path):
    """Twelve invented articles no rule was written from (tests/data/heldout/README.md: never tune
    on them), the stand-in for the real held-out set. Floors just under today's figures (entities
    0.92, relations 0.875, split 0, merged 1: a PhD candidate and an ambassador of one name; 0.909
    and 0.854 before development batches 13 and 14, 0.92 and 0.87 before batch 17), so that a change that lowers them is looked
    at; raising them is the aim, by rules written from other articles."""
    from eventgraph.build import build

    built = build([HELD_OUT], tmp_path / "out", formats=("ttl",), html=False)
    graph = next(p for p in built.files if p.name == "graph.ttl")
    gold = json.loads((HELD_OUT / "gold.json").read_text(encoding="utf-8"))
    assert {article["id"] for article in gold} == {path.stem for path in HELD_OUT.glob("*.txt")}
    score = _independent_score(graph, gold, tmp_path, "held-out")
    assert score["missing_articles"] == []
    assert score["entities"]["f1"] >= 0.91, score["entities"]
    assert score["relations"]["f1"] >= 0.86, score["relations"]
    assert score["resolution"]["split"] == 0 and score["resolution"]["merged_nodes"] <= 1


def test_own_evaluator_agrees_on_the_development_set(dev_build):
    from eventgraph.evaluate import evaluate, load_gold

    evaluation = evaluate(load_gold(DEV / "gold.json"), dev_build.graph)
    assert evaluation.entities.f1 >= 0.98 and evaluation.relations.f1 >= 0.98
