"""The indexed attribute ruler leaves every token as spaCy's AttributeRuler does."""

from __future__ import annotations

import sys

import pytest
import spacy
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

from conftest import REPO
from eventgraph.attribute_index import IndexedAttributeRuler, index_attribute_ruler
from eventgraph.config import DEFAULT_MODELS
from eventgraph.corpus import read_articles

sys.path.insert(0, str(REPO / "benchmarks"))
import generate  # noqa: E402  (benchmarks/generate.py)

COLUMNS = [TAG, POS, MORPH, LEMMA, DEP]

# the model's rarer rules: contractions, multi-token lemmas, regular expressions, NOT_IN, dependencies
INVENTED = [
    "Y'all ain't gonna believe it, but we gotta go: let's see what nothin' means.",
    "There are two films and there's a book; c'mon, it is not what I'd call a reception.",
    "He gets the award that she got last year, though it was given to him and to me.",
    "Whether or not the consul had done it, they did attend, because it had been planned.",
    "  \n\nThe Ambassador   spoke.\n",
    "",
]


def _model():
    for name in DEFAULT_MODELS:
        try:
            return spacy.load(name, exclude=["ner"])
        except OSError:
            continue
    pytest.skip("no English model installed")


@pytest.fixture(scope="module")
def pipelines():
    plain, indexed = _model(), _model()
    index_attribute_ruler(indexed)
    assert isinstance(indexed.get_pipe("attribute_ruler"), IndexedAttributeRuler)
    assert indexed.pipe_names == plain.pipe_names
    return plain, indexed


def _texts(tmp_path):
    corpus = generate.write_corpus(30, tmp_path / "c.jsonl", seed=11)
    return INVENTED + [a.body for a in read_articles()] + [a.body for a in read_articles([corpus])]


def test_same_annotations_as_the_attribute_ruler(pipelines, tmp_path):
    plain, indexed = pipelines
    texts = _texts(tmp_path)
    for text, a, b in zip(texts, plain.pipe(texts), indexed.pipe(texts)):
        assert (a.to_array(COLUMNS) == b.to_array(COLUMNS)).all(), text[:80]
    # the rare rules did fire on the invented sentences
    doc = indexed(INVENTED[0])
    assert [t.lemma_ for t in doc if t.lower_ in ("gon", "na", "nothin'")] == ["go", "to", "nothing"]


def test_patterns_it_cannot_read_go_to_a_matcher():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add(patterns=[[{"LOWER": "big"}, {"LOWER": "red", "OP": "?"}, {"LOWER": "bus"}]], attrs={"LEMMA": "vehicle"}, index=-1)
    ruler.add(patterns=[[{"LOWER": "bus"}]], attrs={"LEMMA": "coach"})  # a later rule wins
    ruler.add(patterns=[[{"LENGTH": 3, "LOWER": "car"}]], attrs={"LEMMA": "auto"})
    indexed = IndexedAttributeRuler(ruler)
    assert len(indexed.matcher) == 2 and sum(len(table) for _, table in indexed.tables) == 1
    for text in ("a big red bus and a big bus", "the car", "a bus"):
        expected = ruler(nlp.make_doc(text))
        got = indexed(nlp.make_doc(text))
        assert [t.lemma_ for t in got] == [t.lemma_ for t in expected], text
    assert [t.lemma_ for t in indexed(nlp.make_doc("big red bus the car"))] == ["", "", "coach", "", "auto"]


def test_a_pipeline_without_an_attribute_ruler_is_left_alone():
    nlp = spacy.blank("en")
    index_attribute_ruler(nlp)
    assert nlp.pipe_names == []
