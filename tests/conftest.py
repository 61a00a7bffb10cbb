"""Shared fixtures: one spaCy pipeline and one build of the samples per test session."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventgraph.config import Config
from eventgraph.corpus import make_article
from eventgraph.namespace import DEFAULT_BASE_IRI

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from eventgraph.nlp import load_pipeline

    return load_pipeline(Config())


@pytest.fixture(scope="session")
def facts(nlp):
    """facts(text, date) -> set of (subject, relation, object) with entities by canonical name.

    The article's event is "EVENT", the article "ARTICLE"; literals are strings.
    """
    from eventgraph.extract import extract, load_lexicon
    from eventgraph.records import LITERAL_RELATIONS
    from eventgraph.resolve import resolve_corpus

    def run(text: str, date: str | None = "2023-05-10", **metadata) -> set[tuple[str, str, str]]:
        article = make_article("test", text, date=dt.date.fromisoformat(date) if date else None, **metadata)
        extraction = extract(nlp(article.body), article, load_lexicon())
        resolution = resolve_corpus([extraction], load_lexicon(), DEFAULT_BASE_IRI)
        name = {key: entity.name for key, entity in resolution.entities.items()}
        out = set()
        for record in resolution.articles:
            for key in record.mentions:
                entity = resolution.entities[key]
                out.add((entity.name, "a", entity.type))
            for relation in record.relations:
                obj = relation.object if relation.predicate in LITERAL_RELATIONS else name[relation.object]
                out.add((name.get(relation.subject, relation.subject), relation.predicate, obj))
        return out

    return run


@pytest.fixture(scope="session")
def resolve_texts(nlp):
    """resolve_texts({article id: text}) -> the Resolution of those articles as one corpus."""
    from eventgraph.extract import extract, load_lexicon
    from eventgraph.resolve import resolve_corpus

    def run(texts: dict[str, str]):
        lexicon = load_lexicon()
        extractions = []
        for article_id, text in texts.items():
            article = make_article(article_id, text, date=dt.date(2023, 1, 10))
            extractions.append(extract(nlp(article.body), article, lexicon))
        return resolve_corpus(extractions, lexicon, DEFAULT_BASE_IRI)

    return run


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory):
    """The samples built once, as `eventgraph build --format` with every format does, into a temporary directory."""
    from eventgraph.build import build
    from eventgraph.export import FORMATS

    out = tmp_path_factory.mktemp("sample-build")
    return build(None, out, formats=tuple(FORMATS), html=True)
