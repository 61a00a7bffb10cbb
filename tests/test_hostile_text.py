"""Hostile text never gives invalid RDF: IRIs stay valid (RFC 3987), literals are escaped, and
every output parses to the same statements in rdflib, pyoxigraph and rapper."""

from __future__ import annotations

import json
import os
import tempfile
import unicodedata
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDFS, Graph, Literal, URIRef
from rdfcheck import check_output, check_outputs

from eventgraph.corpus import read_corpus, replace_unsafe
from eventgraph.export import FORMATS, write_graph
from eventgraph.namespace import DEFAULT_BASE_IRI, EG
from eventgraph.rdf import _url
from eventgraph.resolve import MAX_SLUG, article_key, entity_key, mint_iri, slug

HOSTILE = [
    '"', "'", '"""', "\\", "\\u0041", "\\n", "<", ">", "</script>", "]]>", "{", "}", "|", "^", "`", "&", "&amp;",
    "#", "%", "%zz", "%41", "@", ".", "..", "/", "/../", "./", "\n", "\r", "\r\n", "\t", "\x00", "\x01", "\x0b", "\x0c", "\x1b[31m", "\x7f",
    "\x85", "\x9f", "\u200b", "\u200d", "\u2028", "\u2029", "\u202e", "\u061c", "\ufeff", "\ufffe", "\uffff",
    "\ud800", "\udfff", "😀", "👩‍👩‍👧", "\U0010ffff", "ǅ", "ﬁ", "İ", "Ω", "محمد", "张伟", "Zoë", "e\u0301",
]
hostile_text = st.lists(
    st.one_of(
        st.sampled_from(HOSTILE),
        st.text(max_size=6),  # any code point but lone surrogates, controls included
        st.sampled_from(["Ana", "Ruiz", "Embassy", "Ambassador", " ", "-", "."]),
        st.integers(300, 3000).map(lambda n: "w" * n),  # a very long token
    ),
    max_size=10,
).map("".join)


def _valid_iri(iri: str) -> bool:
    ox.NamedNode(iri)  # raises ValueError on anything RFC 3987 does not allow
    return URIRef(iri).n3().startswith("<")


@given(hostile_text)
def test_every_name_gives_a_valid_short_iri(name):
    key = entity_key("Person", name)
    assert _valid_iri(mint_iri(DEFAULT_BASE_IRI, key))
    assert len(slug(name)) <= MAX_SLUG
    assert slug(name) == slug(unicodedata.normalize("NFC", name))  # one name, one IRI
    assert "/" not in slug(name) and slug(name) not in (".", "..")  # no dot segment: resolvers would remove it


@given(hostile_text)
def test_every_article_id_gives_a_valid_iri(article_id):
    key = article_key("article", article_id)
    assert _valid_iri(mint_iri(DEFAULT_BASE_IRI, key))
    assert key.count("/") == 1 and key.split("/")[1] not in (".", "..")


@pytest.mark.parametrize("name, expected", [(".", "%2E"), ("..", "%2E%2E"), ("a.b", "a-b"), ("...", "%2E%2E%2E")])
def test_dot_names_are_no_dot_segments(name, expected):
    assert slug(name) == expected
    assert article_key("article", name) == "article/" + (expected if set(name) == {"."} else name)


@given(hostile_text)
def test_every_url_gives_a_valid_iri_or_none(tail):
    for url in ("https://example.org/" + tail, "http://" + tail, tail):
        iri = _url(url)
        assert iri is None or _valid_iri(str(iri))


@pytest.mark.parametrize(
    "url, iri",
    [
        ("https://example.org/a b/c?q=<x>&y=%zz#frag ment", "https://example.org/a%20b/c?q=%3Cx%3E&y=%25zz#frag%20ment"),
        ("https://example.org/%41%2f100%", "https://example.org/%41%2f100%25"),
        ('https://example.org/"quoted"{}|^`\\', "https://example.org/%22quoted%22%7B%7D%7C%5E%60%5C"),
        ("https://example.org/caf\u00e9", "https://example.org/caf%C3%A9"),
        ("  HTTPS://Example.org/x  ", "https://Example.org/x"),
        ("https://example.org/a/./b/../c/.", "https://example.org/a/c/"),  # as a resolver reads it
        ("example.org/no-scheme", None),
        ("", None),
    ],
)
def test_urls(url, iri):
    assert _url(url) == (URIRef(iri) if iri else None)


def _hostile_graph(values: list[str]) -> Graph:
    graph = Graph()
    graph.bind("eg", str(EG))
    for number, value in enumerate(values):
        node = URIRef(mint_iri(DEFAULT_BASE_IRI, entity_key("Person", value or "x")) + f"-{number}")
        graph.add((node, RDFS.label, Literal(value)))
        graph.add((node, EG.anchorOf, Literal(value * 2)))
    return graph


def test_hostile_literals_round_trip_exactly_in_every_format_and_parser(tmp_path):
    # as the reader leaves them: characters XML 1.0 cannot hold are replaced by spaces
    values = sorted({replace_unsafe(value) for value in HOSTILE} | {replace_unsafe("".join(HOSTILE)), "ends with a quote\"", "\\"})
    graph = _hostile_graph(values)
    for path in write_graph(graph, tmp_path, FORMATS):
        statements = check_output(path)
        labels = {s[2][1] for s in statements if s[1] == ("iri", str(RDFS.label))}
        assert labels == set(values), path.name


def test_rdf_xml_holds_no_character_xml_cannot(tmp_path):
    """A graph from elsewhere may hold such characters; RDF/XML still parses (they become U+FFFD)."""
    graph = _hostile_graph(["nul\x00 and escape\x1b and \ufffe here", "a\rb"])
    (path,) = write_graph(graph, tmp_path, ["xml"])
    labels = {s[2][1] for s in check_output(path) if s[1] == ("iri", str(RDFS.label))}
    assert labels == {"nul\ufffd and escape\ufffd and \ufffd here", "a\rb"}  # a carriage return survives


# --- the whole pipeline, on random hostile articles ---------------------------------------------


@st.composite
def hostile_articles(draw) -> list[dict]:
    articles = []
    for number in range(draw(st.integers(1, 3))):
        name, title, film, place = (draw(hostile_text) for _ in range(4))
        text = draw(
            st.sampled_from(
                [
                    f"{title}\n\nAmbassador {name} said the embassy in {place} screened the film “{film}” on May 3.",
                    f"The Embassy of Peru in {place} hosted a reception. {name}, the ambassador, spoke about “{film}”.\r\n{name} thanked {place}.",
                    f"{name} {title} {film} {place}",
                ]
            )
        )
        record = {"id": f"{number}{draw(hostile_text)[:40]}", "text": text}
        if draw(st.booleans()):
            record.update(title=title, url="https://example.org/" + film, source=place)
        articles.append(record)
    return articles


@pytest.fixture(scope="module")
def shared_pipeline(nlp):
    """The builds reuse the session's spaCy pipeline instead of loading the model each time."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("eventgraph.nlp.load_pipeline", lambda config=None: nlp)
        yield


@pytest.mark.slow
@settings(max_examples=int(os.environ.get("EVENTGRAPH_HYPOTHESIS_EXAMPLES", "12")), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(articles=hostile_articles())
def test_random_hostile_articles_build_to_outputs_every_parser_reads(shared_pipeline, articles):
    from eventgraph.build import build

    with tempfile.TemporaryDirectory() as folder:
        news = Path(folder) / "news.jsonl"
        # json.dumps writes lone surrogates as \ud800 escapes: the reader must cope with them too
        news.write_text("".join(json.dumps(record) + "\n" for record in articles), encoding="utf-8")
        corpus = read_corpus([news])
        result = build([news], Path(folder) / "out", formats=list(FORMATS), html=True)
        statements = check_outputs(Path(folder) / "out")
        assert len(statements) == len(FORMATS)
        assert (Path(folder) / "out" / "graph.html").stat().st_size > 0
        ids = {s[2][1] for s in statements[".nt"] if s[1] == ("iri", str(EG.articleId))}
        assert ids == {article.id for article in corpus.articles} and result.articles == len(corpus.articles)
