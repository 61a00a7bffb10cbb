"""Where the time of one process goes: per-component CPU of eventgraph's pipeline and of its
rules, as shares of bare `nlp.pipe` (same model, default ops) over the same texts, in one run.

    python benchmarks/components.py                 # 200 generated articles, seed 0
    python benchmarks/components.py --count 200 --repeat 2 --profile rules.prof

The machine may be shared: compare the ratios, never the absolute seconds.
"""

from __future__ import annotations

import argparse
import cProfile
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402


def _bare_model():
    import spacy

    from eventgraph.config import DEFAULT_MODELS

    for name in DEFAULT_MODELS:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise SystemExit("no English model installed")


def _by_component(nlp, texts: list[str], batch_size: int = 64) -> tuple[dict[str, float], list]:
    """CPU seconds of each component, run as nlp.pipe runs them (batches through .pipe)."""
    seconds: dict[str, float] = {}
    started = time.process_time()
    docs = [nlp.make_doc(text) for text in texts]
    seconds["tokenizer"] = time.process_time() - started
    for name, component in nlp.pipeline:
        started = time.process_time()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=batch_size))
        else:
            docs = [component(doc) for doc in docs]
        seconds[name] = time.process_time() - started
    return seconds, docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=1, help="measure this many times, alternating")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the rules (extract) here")
    args = parser.parse_args(argv)

    from eventgraph.corpus import read_articles
    from eventgraph.extract import extract, load_lexicon
    from eventgraph.nlp import load_pipeline, one_blas_thread

    with tempfile.TemporaryDirectory() as work:
        articles = read_articles([generate.write_corpus(args.count, Path(work) / "corpus.jsonl", seed=args.seed)])
    texts = [article.body for article in articles]
    words = sum(len(text.split()) for text in texts)
    bare, ours = _bare_model(), load_pipeline()
    lexicon = load_lexicon()
    print(f"{len(texts)} articles, {words:,} words")
    for run in range(args.repeat):
        started = time.process_time()
        for _ in bare.pipe(texts, batch_size=64):
            pass
        bare_s = time.process_time() - started
        with one_blas_thread():
            seconds, docs = _by_component(ours, texts)
        profile = cProfile.Profile() if args.profile and run == 0 else None
        started = time.process_time()
        if profile:
            profile.enable()
        for doc, article in zip(docs, articles):
            extract(doc, article, lexicon)
        if profile:
            profile.disable()
            profile.dump_stats(str(args.profile))
        seconds["rules (extract)"] = time.process_time() - started
        print(f"\nrun {run + 1}: bare nlp.pipe {bare_s:.2f} CPU s")
        for name, value in seconds.items():
            print(f"  {name:28s} {value:7.2f} s  {value / bare_s:5.3f}x")
        total = sum(seconds.values())
        print(f"  {'total':28s} {total:7.2f} s  {total / bare_s:5.3f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
