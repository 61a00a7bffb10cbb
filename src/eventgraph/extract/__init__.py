"""From a parsed Doc to plain records: mentions and relations of one article.

spaCy is imported only when a Doc is processed, so that resolve.py and the CLI
can use the lexicon without loading spaCy.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from ..corpus import Article
from ..records import Extraction
from .lexicon import Lexicon, load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["extract", "event_kind", "load_lexicon", "Lexicon"]


def extract(doc: "Doc", article: Article, lexicon: Lexicon | None = None) -> Extraction:
    """Everything the rules find in one parsed article (doc must be built from article.body)."""
    from .entities import find_mentions
    from .relations import find_relations

    lexicon = lexicon or load_lexicon()
    sentences = list(doc.sents)
    mentions = find_mentions(doc, lexicon)
    mentions, relations = find_relations(doc, mentions, article, lexicon)
    return Extraction(
        article=article,
        mentions=tuple(mentions),
        relations=tuple(relations),
        event_kind=event_kind(sentences, lexicon),
        sentences=tuple((sentence.start_char, sentence.end_char) for sentence in sentences),
    )


def event_kind(sentences: Sequence["Span"], lexicon: Lexicon) -> str:
    """What kind of event the article reports: the first event phrase in its opening sentences."""
    for sentence in sentences[:4]:
        text = sentence.text  # joined once, not once a word
        hits = [
            (match.start(), -len(word), word)
            for word in lexicon.event_words
            if (word in text or word[:1].upper() + word[1:] in text) and (match := _event_word(word).search(text))
        ]
        if hits:
            return min(hits)[2]
    return "event"


@lru_cache(maxsize=None)
def _event_word(word: str) -> "re.Pattern[str]":
    """The word in lower case, or capitalized as a sentence's first word: "March 20" is a date, not a march."""
    escaped = re.escape(word)
    return re.compile(rf"(?:(?<![\w-]){escaped}|^\s*{escaped[:1].upper()}{escaped[1:]})(?![\w-])")
