"""eventgraph: news articles about diplomatic and commemorative events -> a linked-data graph.

    >>> from eventgraph import build_graph, read_articles
    >>> graph = build_graph(read_articles(["news/"]))   # an rdflib.Graph
    >>> graph.serialize("news.ttl")

The names below are imported lazily, so `import eventgraph` stays cheap and
spaCy is loaded only when articles are processed.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "build_graph": "eventgraph.build",
    "extract_articles": "eventgraph.build",
    "resolve": "eventgraph.build",
    "read_articles": "eventgraph.corpus",
    "read_corpus": "eventgraph.corpus",
    "Problem": "eventgraph.corpus",
    "make_article": "eventgraph.corpus",
    "Article": "eventgraph.corpus",
    "Config": "eventgraph.config",
    "EventGraphError": "eventgraph.errors",
    "read_graph": "eventgraph.export",
    "write_graph": "eventgraph.export",
    "run_query": "eventgraph.query",
    "to_networkx": "eventgraph.view",
    "render_html": "eventgraph.view",
    "load_pipeline": "eventgraph.nlp",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'eventgraph' has no attribute {name!r}")
