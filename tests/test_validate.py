"""SHACL shapes: an invented well-formed graph conforms, each kind of damage is caught by its
shape, the sample output conforms, and `validate` / `build` report it the way users need."""

from __future__ import annotations

import pytest
from rdflib import Graph
from typer.testing import CliRunner

from eventgraph.cli import app
from eventgraph.errors import InputError, ValidationError
from eventgraph.validate import check_conforms, format_report, load_shapes, validate_graph

from conftest import REPO

runner = CliRunner()

PREFIXES = """
@prefix eg: <https://w3id.org/eventgraph/ns#> .
@prefix id: <https://example.org/id/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
"""

# An invented article: a consulate of Norway in Chile holds a reception where its consul speaks.
GOOD = PREFIXES + """
id:article-a a eg:Article ; rdfs:label "Consulate marks national day" ; eg:articleId "a" ;
    eg:datePublished "2023-05-17"^^xsd:date ; eg:title "Consulate marks national day" ;
    eg:url <https://news.example.org/a> ; eg:source id:agency ; eg:reports id:event-a ;
    eg:mentions id:consulate, id:ola, id:norway, id:chile, id:film, id:campaign, id:war, id:agency .
id:event-a a eg:Event ; rdfs:label "Reception, 2023-05-17 (article a)" ;
    eg:organizer id:consulate ; eg:location id:chile ; eg:date "2023-05-17"^^xsd:date ;
    eg:anniversary 209 ; eg:speaker id:ola ; eg:screened id:film ; eg:commemorates id:war ;
    eg:participant id:agency .
id:consulate a eg:Embassy ; rdfs:label "Consulate General of Norway in Santiago" ;
    skos:altLabel "Norwegian consulate" ; eg:represents id:norway ; eg:locatedIn id:chile .
id:ola a eg:Person ; rdfs:label "Ola Nordmann" ; eg:jobTitle "consul general" ; eg:worksFor id:consulate .
id:norway a eg:Place, eg:Country ; rdfs:label "Norway" .
id:chile a eg:Place, eg:Country ; rdfs:label "Chile" .
id:agency a eg:Organization ; rdfs:label "Example News Agency" .
id:film a eg:Film ; rdfs:label "Northern Lights" ; eg:about id:war ; eg:producedBy id:agency .
id:campaign a eg:Campaign ; rdfs:label "Remember the Fjords" ; eg:about id:war ; eg:initiatedBy id:ola .
id:war a eg:HistoricalEvent ; rdfs:label "Fjord War" .
id:mention-1 a eg:Mention ; eg:refersTo id:ola ; eg:inArticle id:article-a ; eg:anchorOf "Ola Nordmann" ;
    eg:beginIndex "40"^^xsd:nonNegativeInteger ; eg:endIndex "52"^^xsd:nonNegativeInteger ;
    eg:method "model:PERSON" ; eg:sentence "Consul General Ola Nordmann addressed the guests." .
id:assertion-1 a eg:Assertion ; rdf:subject id:event-a ; rdf:predicate eg:speaker ; rdf:object id:ola ;
    eg:method "rule:speech-verb" ; eg:confidence 0.85 ; eg:inArticle id:article-a ;
    eg:sentence "Consul General Ola Nordmann addressed the guests." ;
    eg:beginIndex "25"^^xsd:nonNegativeInteger ; eg:endIndex "74"^^xsd:nonNegativeInteger .
id:graph-a a prov:Entity ; prov:wasDerivedFrom id:article-a ; prov:wasGeneratedBy id:extraction ;
    prov:wasAttributedTo id:agent .
id:extraction a prov:Activity ; prov:wasAssociatedWith id:agent .
id:agent a prov:SoftwareAgent ; rdfs:label "eventgraph" .
"""


def _graph(remove: str = "", add: str = "") -> Graph:
    graph = Graph().parse(data=GOOD, format="turtle")
    if remove:
        for triple in Graph().parse(data=PREFIXES + remove, format="turtle"):
            assert triple in graph, triple
            graph.remove(triple)
    if add:
        graph.parse(data=PREFIXES + add, format="turtle")
    return graph


def test_the_invented_graph_conforms():
    report = validate_graph(_graph())
    assert report.conforms, format_report(report)
    assert report.problems == ()


# (what is wrong, triples to remove, triples to add, focus node, path, words of the message)
BROKEN = [
    ("event with neither organizer nor location",
     "id:event-a eg:organizer id:consulate ; eg:location id:chile .", "",
     "event-a", None, "an event needs an eg:organizer or an eg:location"),
    ("date as a plain string", 'id:event-a eg:date "2023-05-17"^^xsd:date .', 'id:event-a eg:date "2023-05-17" .',
     "event-a", "eg:date", "xsd:date"),
    ("impossible date", 'id:event-a eg:date "2023-05-17"^^xsd:date .', 'id:event-a eg:date "2023-02-30"^^xsd:date .',
     "event-a", "eg:date", "xsd:date"),
    ("publication date not a date", 'id:article-a eg:datePublished "2023-05-17"^^xsd:date .',
     'id:article-a eg:datePublished "17 May 2023" .', "article-a", "eg:datePublished", "xsd:date"),
    ("job title as a resource", 'id:ola eg:jobTitle "consul general" .', "id:ola eg:jobTitle id:consul .",
     "ola", "eg:jobTitle", "literal"),
    ("job title with a language tag", 'id:ola eg:jobTitle "consul general" .', 'id:ola eg:jobTitle "consul general"@en .',
     "ola", "eg:jobTitle", "literal"),
    ("embassy without a country", "id:consulate eg:represents id:norway .", "",
     "consulate", "eg:represents", "exactly one eg:Country"),
    ("embassy with two countries", "", "id:consulate eg:represents id:chile .",
     "consulate", "eg:represents", "exactly one eg:Country"),
    ("embassy representing a city", "id:consulate eg:represents id:norway .",
     'id:consulate eg:represents id:oslo . id:oslo a eg:Place, eg:City ; rdfs:label "Oslo" .',
     "consulate", "eg:represents", "exactly one eg:Country"),
    ("entity without a label", 'id:agency rdfs:label "Example News Agency" .', "",
     "agency", "rdfs:label", "exactly one rdfs:label"),
    ("entity with two labels", "", 'id:war rdfs:label "War of the Fjords" .',
     "war", "rdfs:label", "exactly one rdfs:label"),
    ("country without eg:Place", "id:norway a eg:Place .", "",
     "norway", None, "also typed eg:Place"),
    ("speaker who is not a person", "id:event-a eg:speaker id:ola .", "id:event-a eg:speaker id:agency .",
     "event-a", "eg:speaker", "eg:Person"),
    ("organizer that is a film", "id:event-a eg:organizer id:consulate .", "id:event-a eg:organizer id:film .",
     "event-a", "eg:organizer", "eg:Embassy or an eg:Organization"),
    ("works for a place", "id:ola eg:worksFor id:consulate .", "id:ola eg:worksFor id:chile .",
     "ola", "eg:worksFor", "eg:Embassy or an eg:Organization"),
    ("embassy that is also an organization", "", "id:consulate a eg:Organization .",
     "consulate", None, "never also an eg:Organization"),
    ("article reporting no event", "id:article-a eg:reports id:event-a .", "",
     "article-a", "eg:reports", "exactly one eg:Event"),
    ("event no article reports", "id:article-a eg:reports id:event-a .", "id:article-a eg:reports id:event-b . "
     'id:event-b a eg:Event ; rdfs:label "Other" ; eg:location id:chile .',
     "event-a", "^eg:reports", "reported by an eg:Article"),
    ("mention without offsets",
     'id:mention-1 eg:beginIndex "40"^^xsd:nonNegativeInteger ; eg:endIndex "52"^^xsd:nonNegativeInteger .', "",
     "mention-1", "eg:beginIndex", "exactly one eg:beginIndex"),
    ("mention ending before it begins", 'id:mention-1 eg:endIndex "52"^^xsd:nonNegativeInteger .',
     'id:mention-1 eg:endIndex "12"^^xsd:nonNegativeInteger .', "mention-1", "eg:beginIndex", "below its eg:endIndex"),
    ("mention offsets as plain integers", 'id:mention-1 eg:beginIndex "40"^^xsd:nonNegativeInteger .',
     "id:mention-1 eg:beginIndex 40 .", "mention-1", "eg:beginIndex", "xsd:nonNegativeInteger"),
    ("mention of two entities", "", "id:mention-1 eg:refersTo id:chile .",
     "mention-1", "eg:refersTo", "exactly one entity"),
    ("mention whose article does not list the entity", "id:article-a eg:mentions id:ola .", "",
     "mention-1", None, "does not eg:mentions the entity"),
    ("mention without its text", 'id:mention-1 eg:anchorOf "Ola Nordmann" .', "",
     "mention-1", "eg:anchorOf", "the text as written"),
    ("assertion without method", 'id:assertion-1 eg:method "rule:speech-verb" .', "",
     "assertion-1", "eg:method", "exactly one eg:method"),
    ("assertion with confidence above 1", "id:assertion-1 eg:confidence 0.85 .", "id:assertion-1 eg:confidence 1.5 .",
     "assertion-1", "eg:confidence", "in (0, 1]"),
    ("assertion with confidence as a string", "id:assertion-1 eg:confidence 0.85 .", 'id:assertion-1 eg:confidence "high" .',
     "assertion-1", "eg:confidence", "xsd:decimal"),
    ("assertion of a statement the graph lacks", "id:event-a eg:speaker id:ola .", "",
     "assertion-1", None, "is not in the graph"),
    ("assertion of a predicate outside the vocabulary", "id:assertion-1 rdf:predicate eg:speaker .",
     "id:assertion-1 rdf:predicate rdfs:seeAlso .", "assertion-1", "rdf:predicate", "one of the eg: relations"),
    ("assertion without its article", "id:assertion-1 eg:inArticle id:article-a .", "",
     "assertion-1", "eg:inArticle", "exactly one eg:Article"),
    ("article graph derived from no article", "id:graph-a prov:wasDerivedFrom id:article-a .", "",
     "graph-a", "prov:wasDerivedFrom", "exactly one eg:Article"),
    ("article graph from no software agent", "id:graph-a prov:wasAttributedTo id:agent .", "",
     "graph-a", "prov:wasAttributedTo", "prov:SoftwareAgent"),
    ("article graph not typed prov:Entity", "id:graph-a a prov:Entity .", "",
     "graph-a", None, "is a prov:Entity"),
]


@pytest.mark.parametrize("remove, add, focus, path, words", [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN])
def test_each_shape_catches_its_damage(remove, add, focus, path, words):
    report = validate_graph(_graph(remove, add))
    matching = [p for p in report.problems if p.focus == f"https://example.org/id/{focus}" and p.path == path and words in p.message]
    assert matching, format_report(report)
    if "organizer or an eg:location" in words:
        # an article may name neither: reported, but the graph still conforms
        assert report.conforms and {p.severity for p in report.problems} == {"Warning"}
    else:
        assert not report.conforms
        assert all(p.severity == "Violation" for p in matching)


def test_warnings_alone_conform_in_the_cli(tmp_path):
    path = tmp_path / "quiet.ttl"
    _graph("id:event-a eg:organizer id:consulate ; eg:location id:chile .").serialize(path, format="turtle")
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("conforms to shapes.ttl: 1 warning on 1 focus nodes")
    assert "  Warning  (node)  an event needs an eg:organizer or an eg:location" in result.output


def test_report_names_the_focus_node_by_label_and_counts():
    graph = _graph("id:consulate eg:represents id:norway .", 'id:war rdfs:label "War of the Fjords" .')
    report = validate_graph(graph)
    text = format_report(report)
    assert text.splitlines()[0] == f"does not conform to shapes.ttl: 2 violations on 2 focus nodes ({len(graph)} triples)"
    assert "Consulate General of Norway in Santiago <https://example.org/id/consulate>" in text
    assert "  Violation  eg:represents  a diplomatic mission eg:represents exactly one eg:Country" in text
    assert "by shape:" in text
    assert report.counts() == {"Violation": 2}


def test_report_limit_keeps_the_counts_complete():
    graph = _graph("", 'id:war rdfs:label "W2" . id:chile rdfs:label "C2" . id:norway rdfs:label "N2" .')
    text = format_report(validate_graph(graph), limit=1)
    assert "... and 2 more (--limit 0 shows all)" in text
    assert "      3  Violation  needs exactly one rdfs:label" in text


def test_check_conforms_raises_with_the_first_problem():
    with pytest.raises(ValidationError, match=r"does not conform .*1 violation\).*eg:represents.*Nothing was written"):
        check_conforms(_graph("id:consulate eg:represents id:norway ."))


def test_committed_sample_output_conforms():
    report = validate_graph(Graph().parse(REPO / "output" / "graph.ttl"))
    assert report.conforms, format_report(report)
    assert report.problems == ()  # not even a warning


@pytest.mark.slow
def test_every_format_of_the_sample_build_conforms(sample_build):
    """Read back from any format (TriG and N-Quads with their PROV metadata), the sample graph conforms."""
    from eventgraph.export import read_graph

    assert sample_build.validation is not None and sample_build.validation.conforms
    for path in sample_build.files:
        if path.suffix != ".html":
            report = validate_graph(read_graph([path]))
            assert report.conforms and report.problems == (), (path.name, format_report(report))


def test_shapes_file_is_found_and_bad_shapes_are_an_input_error(tmp_path):
    assert len(load_shapes()) > 100
    with pytest.raises(InputError, match="shapes file not found"):
        load_shapes(tmp_path / "none.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> . <x> sh:", encoding="utf-8")
    with pytest.raises(InputError, match="not valid Turtle"):
        load_shapes(bad)


def test_cli_validate_conforming_and_not(tmp_path):
    result = runner.invoke(app, ["validate", str(REPO / "output" / "graph.ttl")])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("conforms to shapes.ttl:")

    bad = tmp_path / "bad.ttl"
    _graph("id:consulate eg:represents id:norway .").serialize(bad, format="turtle")
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "does not conform to shapes.ttl: 1 violation on 1 focus nodes" in result.output
    assert "Consulate General of Norway in Santiago" in result.output


def test_cli_validate_with_own_shapes_and_missing_file(tmp_path):
    shapes = tmp_path / "mine.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix eg: <https://w3id.org/eventgraph/ns#> .\n"
        "[] a sh:NodeShape ; sh:targetClass eg:Person ; sh:property [ sh:path eg:worksFor ; sh:maxCount 0 ] .\n",
        encoding="utf-8",
    )
    good = tmp_path / "good.ttl"
    _graph().serialize(good, format="turtle")
    result = runner.invoke(app, ["validate", str(good), "--shapes", str(shapes)])
    assert result.exit_code == 1
    assert "does not conform to mine.ttl" in result.output
    result = runner.invoke(app, ["validate", str(tmp_path / "none.ttl")])
    assert result.exit_code == 1 and "graph file not found" in result.output


@pytest.mark.slow
def test_build_fails_loudly_and_writes_nothing_when_its_graph_does_not_conform(tmp_path, monkeypatch):
    """A build whose graph breaks the shapes stops with one line and leaves the old files alone."""
    import eventgraph.validate as validate

    strict = load_shapes()
    strict.parse(data=PREFIXES + """
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:test:shape> a sh:NodeShape ; sh:targetClass eg:Article ;
            sh:property [ sh:path eg:nonsense ; sh:minCount 1 ; sh:message "needs eg:nonsense" ] .""", format="turtle")
    monkeypatch.setattr(validate, "load_shapes", lambda path=None: strict)
    article = tmp_path / "story.txt"
    article.write_text("The Embassy of Norway in Chile held a reception in Santiago.", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("previous", encoding="utf-8")
    result = runner.invoke(app, ["build", str(article), "-o", str(out), "--format", "ttl,trig"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and result.output.strip().count("\n") == 0
    assert "does not conform to the eventgraph shapes (1 violation)" in result.output
    assert "needs eg:nonsense" in result.output and "--no-validate" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl"]
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "previous"

    result = runner.invoke(app, ["build", str(article), "-o", str(out), "--no-validate", "--no-html", "--quiet"])
    assert result.exit_code == 0, result.output
    assert (out / "graph.ttl").read_text(encoding="utf-8").startswith("@prefix")


def test_readme_validate_example_is_what_the_command_prints(monkeypatch):
    import re

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"\$ eventgraph validate output/graph\.ttl\n(.*)\n", readme).group(1)
    monkeypatch.chdir(REPO)
    result = runner.invoke(app, ["validate", "output/graph.ttl"])
    assert result.exit_code == 0
    assert result.output.strip() == shown
