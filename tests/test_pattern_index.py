"""The indexed pattern matcher gives the spans spaCy's SpanRuler gives, span for span."""

from __future__ import annotations

import sys

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Token

from conftest import REPO
from eventgraph.corpus import read_articles
from eventgraph.errors import PatternError
from eventgraph.extract.components import load_patterns, make_pattern_ruler
from eventgraph.extract.pattern_index import IndexedSpanRuler

sys.path.insert(0, str(REPO / "benchmarks"))
import generate  # noqa: E402  (benchmarks/generate.py)

# sentences for the patterns' rarer paths: optional words, '+' runs of places, quantified lower-case words
INVENTED = [
    "The Honorary Consulate General of the Republic of Ruritania in Zenda and the Embassy of France to the UN hosted it.",
    "Ruritania's Permanent Mission to the United Nations Office and other International Organizations in Geneva spoke.",
    "Georgia's Ministry of Culture, the Zenda Writers Union of Poets, the Ruritanian Embassy in Paris and the embassy.",
    "The 44-day War, the Khojaly tragedy in Oslo, the 20 January tragedy and January 20 massacre were recalled.",
    "At the Palazzo della Cancelleria, the Grand Hotel Europa and Alley of Honor, near the Zenda Opera House.",
    "the UN Office at Geneva; Church of St. George of Zenda; city of Zenda; Zenda region; the Zenda Congress Center",
    "The Ruritanian Community of Zenda met the Ruritanian community of Paris and the Holocaust was remembered.",
    "",
    "   \n\n  ",
    "Embassy",
]


def _keys(spans):
    return [(span.start, span.end, span.label_, span.id_) for span in spans]


@pytest.fixture(scope="module")
def rulers(nlp):
    indexed = nlp.get_pipe("eventgraph_patterns")
    assert isinstance(indexed, IndexedSpanRuler)
    reference = make_pattern_ruler(nlp, "reference_patterns", indexed=False)
    assert isinstance(reference, SpanRuler)
    return indexed, reference


def test_same_spans_as_spacys_span_ruler(nlp, rulers, tmp_path):
    indexed, reference = rulers
    corpus = generate.write_corpus(40, tmp_path / "c.jsonl", seed=11)
    texts = (
        INVENTED
        + [article.body for article in read_articles()]
        + [article.body for article in read_articles([REPO / "tests" / "data" / "dev"])]
        + [article.body for article in read_articles([corpus])]
    )
    matched = set()
    for text, doc in zip(texts, nlp.pipe(texts)):
        expected = reference.match(doc)
        assert _keys(doc.spans["eg_rules"]) == _keys(expected), text[:80]
        matched.update(span.id_ for span in expected)
    # the comparison covered most of the file's patterns, phrase patterns among them
    pattern_ids = {entry["id"] for entry in load_patterns()}
    assert "known-historical-event" in matched and len(matched) >= 0.6 * len(pattern_ids), sorted(pattern_ids - matched)


# --- invented patterns over invented tokens, against spaCy's SpanRuler --------------------------

FLAG = "eg_test_pattern_flag"
WORD = "eg_test_pattern_word"
if not Token.has_extension(FLAG):
    Token.set_extension(FLAG, default=False)
if not Token.has_extension(WORD):
    Token.set_extension(WORD, default="")

SPECS = [
    {},
    {"LOWER": "a"},
    {"ORTH": "B"},
    {"TEXT": "b"},
    {"LOWER": {"IN": ["a", "b"]}},
    {"LOWER": {"NOT_IN": ["a", "c"]}},
    {"TEXT": {"REGEX": "^[A-Z]"}},
    {"IS_TITLE": True},
    {"IS_LOWER": True, "LOWER": {"IN": ["b", "c"]}},
    {"LIKE_NUM": True},
    {"IS_STOP": False, "LOWER": {"NOT_IN": ["b"]}},
    {"LENGTH": {">=": 2}},
    {"_": {FLAG: True}},
    {"_": {FLAG: False}, "LOWER": "b"},
    {"_": {WORD: "x"}},
    {"_": {WORD: {"IN": ["x", "y"]}}},
    {"_": {WORD: {"NOT_IN": ["x"]}}},
    {"_": {WORD: {"REGEX": "^y"}}},
]
OPS = [None, None, "?", "*", "+", "!", "{2}", "{0,2}", "{1,2}", "{,2}", "{1,}"]
VOCABULARY = ["a", "A", "b", "B", "c", "C", "the", "7", "ab"]


def _token_spec(spec_index: int, op: str | None) -> dict:
    spec = dict(SPECS[spec_index])
    if op is not None:
        spec["OP"] = op
    return spec


token_patterns = st.lists(
    st.builds(_token_spec, st.integers(0, len(SPECS) - 1), st.sampled_from(OPS)), min_size=1, max_size=4
)
entries = st.lists(
    st.one_of(
        st.builds(lambda label, pattern, i: {"label": label, "pattern": pattern, "id": f"p{i}"},
                  st.sampled_from(["X", "Y"]), token_patterns, st.integers(0, 2)),
        st.builds(lambda label, words: {"label": label, "pattern": " ".join(words)},
                  st.sampled_from(["X", "Z"]), st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=3)),
    ),
    min_size=1, max_size=5,
)
documents = st.lists(
    st.tuples(st.sampled_from(VOCABULARY), st.booleans(), st.sampled_from(["", "", "x", "y", "yes"])),
    max_size=9,
)


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(patterns=entries, tokens=documents)
def test_invented_patterns_match_as_spacy_does(blank, patterns, tokens):
    reference = SpanRuler(blank, name="reference", spans_key="ref", overwrite=True)
    reference.add_patterns(patterns)
    indexed = IndexedSpanRuler(blank, patterns, spans_key="ref")
    doc = Doc(blank.vocab, words=[word for word, _, _ in tokens])
    for token, (_, flag, word) in zip(doc, tokens):
        if flag:
            token._.set(FLAG, True)
        if word:
            token._.set(WORD, word)
    assert _keys(indexed.match(doc)) == _keys(reference.match(doc))


def test_spans_go_to_their_key_replacing_what_was_there(blank):
    patterns = [{"label": "X", "pattern": [{"LOWER": "a"}, {"LOWER": "b", "OP": "*"}], "id": "ab"},
                {"label": "X", "pattern": [{"LOWER": "a"}], "id": "ab"},  # the same (label, id): one span
                {"label": "X", "pattern": [{"LOWER": "a"}], "id": "other"}]
    indexed = IndexedSpanRuler(blank, patterns, spans_key="found")
    doc = blank.make_doc("x a b b")
    doc.spans["found"] = [doc[0:1]]
    indexed(doc)
    found = _keys(doc.spans["found"])
    assert sorted(found) == [(1, 2, "X", "ab"), (1, 2, "X", "other"), (1, 3, "X", "ab"), (1, 4, "X", "ab")]
    reference = SpanRuler(blank, name="reference", spans_key="found", overwrite=True)
    reference.add_patterns(patterns)
    assert found == _keys(reference(doc).spans["found"])  # the same order too (spaCy's Span order)


@pytest.mark.parametrize(
    "spec",
    [
        {"LOWER": {"FUZZY": "embassy"}},
        {"MORPH": {"IS_SUBSET": ["Number=Sing"]}},
        {"MORPH": "Number=Sing"},
        {"LOWER": {"REGEX": {"IN": ["^a"]}}},
        {"LOWER": {"INTERSECTS": ["a"]}},
        {"LOWER": {"SOMETHING": ["a"]}},
        {"HEAD": 1},
        {"LOWER": "a", "OP": "{3,1}"},
        {"LOWER": "a", "OP": "%"},
        {"LENGTH": {"REGEX": "1"}},
        {"_": [FLAG]},
    ],
)
def test_a_feature_it_does_not_read_is_refused(blank, spec):
    with pytest.raises(PatternError):
        IndexedSpanRuler(blank, [{"label": "X", "pattern": [spec]}], spans_key="x")


def test_a_malformed_pattern_is_refused(blank):
    for entry in ({"label": "X", "pattern": []}, {"label": "X", "pattern": 3}, {"pattern": "a"}, {"label": "X", "pattern": ["a"]}, "a"):
        with pytest.raises(PatternError):
            IndexedSpanRuler(blank, [entry], spans_key="x")
