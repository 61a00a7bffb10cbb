"""Work in several processes (`build --jobs N`): one spaCy pipeline per worker.

Each worker loads the pipeline once and turns chunks of articles into plain
`Extraction` records, which are all that travels back (no Doc leaves a worker).
Chunks come back in input order, and an article's extraction does not depend on
which chunk it was in, so the output is the same for every number of jobs
(tested). A build keeps its workers (`WorkerPool`) once the articles are
extracted: after resolution they format the articles' provenance (spool.py),
the largest part of the build that would otherwise run in one process only.
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Callable, Iterable, Iterator, Sequence

from .config import Config
from .corpus import Article
from .records import Extraction

# Articles per task: large enough to fill spaCy's batches, small enough to keep both cores busy to the end.
CHUNK = 16
# The last tasks are smaller (TAIL_CHUNK articles each, two per worker), so that no worker
# goes on alone with a whole chunk while the others have finished.
TAIL_CHUNK = 4

# With jobs=0 ("one per core"): below this many articles, starting workers (each loads the model)
# costs more than it saves; and more than this many workers is more memory than speed.
AUTO_MIN_ARTICLES = 64
AUTO_MAX_JOBS = 8

# With jobs=0, an update that extracts fewer new articles than AUTO_MIN_ARTICLES does so in one
# worker while this process reads its cache back, when that holds at least this many articles
# (the pipeline then loads on the other core; measured: nothing gained at 1,000 cached articles,
# 0.2 s of 4.7 at 2,000, 1.5 s of 15 at 10,000).
AHEAD_MIN_CACHED = 2000

_worker: dict = {}  # the worker process's pipeline and lexicon (one per process, set by _start)


def effective_jobs(requested: int, articles: int) -> int:
    """`requested` processes; 0 means one per core the process may use, for a corpus large enough."""
    if requested > 0:
        return requested
    if articles < AUTO_MIN_ARTICLES:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, AUTO_MAX_JOBS))


def extract_in_processes(articles: Sequence[Article], config: Config) -> Iterator[Extraction]:
    """Extractions of `articles`, in order, computed by `config.jobs` worker processes."""
    with WorkerPool(config) as workers:
        yield from workers.extract(articles, config.jobs)


def chunks_of(articles: Sequence[Article], jobs: int) -> list[Sequence[Article]]:
    """The articles in tasks of CHUNK, the last ones (two per worker) of TAIL_CHUNK."""
    tail = min(len(articles), 2 * jobs * TAIL_CHUNK) if len(articles) > CHUNK * jobs else 0
    head = len(articles) - tail
    chunks = [articles[i : min(i + CHUNK, head)] for i in range(0, head, CHUNK)]
    chunks += [articles[i : i + TAIL_CHUNK] for i in range(head, len(articles), TAIL_CHUNK)]
    return chunks


class WorkerPool:
    """Worker processes with `config`'s pipeline loaded, started by the first `extract` and kept
    until closed, so that later stages can `map` work over them without starting others.

    Used as a context manager: leaving it stops the workers."""

    def __init__(self, config: Config):
        self._config = config
        self._pool = None
        self._jobs = 0  # workers started

    @property
    def started(self) -> bool:
        return self._pool is not None

    def start(self, jobs: int, articles: int) -> None:
        """Start up to `jobs` workers for `articles` articles, no more than their chunks (each
        worker loads the pipeline), unless they were started."""
        jobs = max(1, min(jobs, -(-articles // CHUNK)))
        if self._pool is None:
            # spawn: a fresh interpreter per worker, no state inherited from the caller (threads, open files)
            self._pool = multiprocessing.get_context("spawn").Pool(jobs, initializer=_start, initargs=(self._config,))
            self._jobs = jobs

    def extract(self, articles: Sequence[Article], jobs: int) -> Iterator[Extraction]:
        """Extractions of `articles`, in order, by `jobs` workers (or as many as were started)."""
        self.start(jobs, len(articles))
        for extractions in self._pool.imap(_extract_chunk, chunks_of(articles, self._jobs)):
            yield from extractions

    def map(self, function: Callable, chunks: Iterable) -> Iterator:
        """`function` of each chunk, in order, in the workers (started by `extract`): the pool's
        IMapIterator, whose `next(timeout)` tells whether a result has come. The chunks are handed
        out at once, so the caller can go on with other work until it reads the results."""
        if self._pool is None:
            raise RuntimeError("WorkerPool.map before extract: no workers were started")
        return self._pool.imap(function, list(chunks))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> "WorkerPool":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class ExtractionAhead:
    """A few articles extracted by one worker process while this one goes on with other work.

    Used as a context manager: leaving it stops the worker, whether or not `take` was called."""

    def __init__(self, articles: Sequence[Article], config: Config):
        self._articles = list(articles)
        self._pool = multiprocessing.get_context("spawn").Pool(1, initializer=_start, initargs=(config,))
        self._pending = self._pool.apply_async(_extract_chunk, (self._articles,))

    def take(self) -> dict[Article, Extraction]:
        """Each article's extraction, once the worker has them all (its error, if it failed)."""
        return dict(zip(self._articles, self._pending.get()))

    def close(self) -> None:
        self._pool.terminate()
        self._pool.join()

    def __enter__(self) -> "ExtractionAhead":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _start(config: Config) -> None:
    from .extract import load_lexicon
    from .nlp import load_pipeline, one_blas_thread

    # an initializer that raises makes the pool start new workers forever: keep the error for the first task
    try:
        _worker["nlp"] = load_pipeline(config)
        # after the model has loaded NumPy (threadpoolctl limits the libraries loaded), for the
        # worker's lifetime: N jobs use N cores, not N x BLAS threads
        _worker["blas"] = one_blas_thread()
        _worker["lexicon"] = load_lexicon()
    except Exception as error:  # noqa: BLE001  (re-raised in the caller's process by _extract_chunk)
        _worker["error"] = error


def _extract_chunk(articles: Sequence[Article]) -> list[Extraction]:
    from .extract import extract
    from .nlp import fit_max_length

    if "error" in _worker:
        raise _worker["error"]
    nlp, lexicon = fit_max_length(_worker["nlp"], articles), _worker["lexicon"]
    docs = nlp.pipe((article.body for article in articles), batch_size=len(articles))
    return [extract(doc, article, lexicon) for article, doc in zip(articles, docs)]
