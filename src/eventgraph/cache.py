"""The extraction cache behind `build --update DIR`: reprocess only new or changed articles.

`DIR/.eventgraph-cache/` holds one pickled `Extraction` per article, named by a
hash of the article's content and of everything that could change its
extraction (eventgraph's version, the extraction code and rule files, the spaCy
model and its version, the configuration), and `manifest.json`, the articles of
the last build in order. An update builds the articles of the manifest followed
by the new inputs (an input with the id of a built article replaces it, in its
place), so it gives the same graph as a full build of all of them at once.
Resolution across articles, the facts' triples and the view always run over the
whole corpus; spaCy and the rules, nearly all of a build's time, are skipped for
unchanged articles, and so are resolution within each of them (`local/`, named
by the article's key and a hash of resolve.py) and the making of their
provenance's Turtle, which `DIR/.eventgraph-cache/provenance/` keeps (see spool.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Sequence

from .config import Config
from .corpus import Article
from .errors import InputError
from .export import atomic_write, write_cache_entry
from .records import Extraction
from .resolve import LocalResolution

CACHE_DIR = ".eventgraph-cache"
MANIFEST = "manifest.json"
LOCAL = "local"  # each article's resolution within itself
FORMAT = 1


class ExtractionCache:
    """Per-article Extraction records of one output directory."""

    def __init__(self, out_dir: Path, config: Config):
        self.root = Path(out_dir) / CACHE_DIR
        self.version = pipeline_version(config)
        self.stores = 0  # extractions stored by this build (the articles spaCy processed)
        self._read: dict[str, Extraction] = {}  # read by previous_articles, kept for load
        self._keys: dict[Article, str] = {}
        self._manifest: list[dict] | None = None  # the last build's articles, {"id", "key"} each
        self._settled: list[tuple[str, str, str]] = []  # this build's: id, key, local resolution's file name

    def key(self, article: Article) -> str:
        """The cache key: the article's content (not its path) and the pipeline's version."""
        if article not in self._keys:  # asked for each article at each step of an update
            self._keys[article] = self._key(article)
        return self._keys[article]

    def _key(self, article: Article) -> str:
        content = json.dumps(
            [self.version, article.id, article.text, article.date and article.date.isoformat(), article.title, article.url, article.source],
            ensure_ascii=False,
        )
        return hashlib.sha256(content.encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.root / "extractions" / key[:2] / f"{key}.pickle"

    def holds(self, article: Article) -> bool:
        """Whether an extraction of this very article is cached (the file is not read)."""
        return self._path(self.key(article)).is_file()

    def load(self, article: Article) -> Extraction | None:
        """The cached extraction of this very article, or None."""
        key = self.key(article)
        extraction = self._read.pop(key, None) or self._load_key(key)
        if extraction is None:
            return None
        if not isinstance(extraction, Extraction) or extraction.article.id != article.id:
            return None
        # the content is the same; the article as read now (its path may differ) is the one to keep
        return replace(extraction, article=article)

    def store(self, extraction: Extraction) -> None:
        self.stores += 1
        # not flushed to disk (see write_cache_entry): an entry a crash loses or cuts is extracted again
        write_cache_entry(self._path(self.key(extraction.article)), pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL))

    def load_local(self, extraction: Extraction) -> LocalResolution | None:
        """The article's resolution within itself (resolve.resolve_article) by this very code, or None."""
        try:
            with self._local_path(extraction.article).open("rb") as handle:
                return LocalResolution.from_plain(pickle.load(handle), extraction)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
            return None

    def store_local(self, extraction: Extraction, local: LocalResolution) -> None:
        write_cache_entry(self._local_path(extraction.article), pickle.dumps(local.plain(), protocol=pickle.HIGHEST_PROTOCOL))

    def _local_path(self, article: Article) -> Path:
        key = hashlib.sha256(f"{self.key(article)}:{_resolve_digest()}".encode()).hexdigest()
        return self.root / LOCAL / key[:2] / f"{key}.pickle"

    def built(self) -> int:
        """How many articles the last build had (0 if DIR was never built with --update)."""
        return len(self._entries())

    def previous_articles(self) -> list[Article]:
        """The articles of the last build, in order (none if DIR was never built with --update)."""
        articles = []
        for entry in self._entries():
            extraction = self._load_key(entry["key"])
            if extraction is None:
                raise InputError(
                    f"the cache in {self.root} lacks article {entry['id']!r}; build again without --update, or delete {self.root}"
                )
            self._read[entry["key"]] = extraction  # read once: `load` hands it out
            articles.append(extraction.article)
        return articles

    def _entries(self) -> list[dict]:
        if self._manifest is None:
            try:
                manifest = json.loads((self.root / MANIFEST).read_text(encoding="utf-8"))
            except FileNotFoundError:
                manifest = {}
            except (OSError, ValueError) as error:
                raise InputError(f"cannot read {self.root / MANIFEST} ({error}); delete {self.root} for a full build") from error
            self._manifest = manifest.get("articles", []) if manifest.get("format") == FORMAT else []
        return self._manifest

    def _load_key(self, key: str) -> Extraction | None:
        try:
            with self._path(key).open("rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
            return None

    def settle(self, articles: Sequence[Article]) -> None:
        """Note what `write_manifest` and `prune` need of the build's articles (their ids and keys),
        so that the articles themselves, which the cache's key memo holds, can go before the view."""
        self._settled = [(article.id, self.key(article), self._local_path(article).name) for article in articles]
        self._keys.clear()

    def write_manifest(self) -> None:
        """The settled articles as the last build's (see `settle`)."""
        entries = [{"id": article_id, "key": key} for article_id, key, _ in self._settled]
        atomic_write(self.root / MANIFEST, json.dumps({"format": FORMAT, "version": self.version, "articles": entries}, indent=1))

    def prune(self) -> None:
        """Remove cached records no settled article uses (old versions of changed articles)."""
        for folder, keep in (
            (self.root / "extractions", {self._path(key).name for _, key, _ in self._settled}),
            (self.root / LOCAL, {local for _, _, local in self._settled}),
        ):
            if folder.is_dir():
                for path in folder.glob("*/*.pickle"):
                    if path.name not in keep:
                        path.unlink(missing_ok=True)


def merge_articles(previous: Sequence[Article], new: Sequence[Article]) -> list[Article]:
    """The previous build's articles with new versions in their place, then the new articles."""
    latest = {article.id: article for article in new}
    merged = [latest.pop(article.id, article) for article in previous]
    return merged + list(latest.values())


def pipeline_version(config: Config) -> str:
    """Everything besides the article that an extraction depends on, as one string."""
    from . import __version__

    return json.dumps(
        {
            "eventgraph": __version__,
            "code": _code_digest(),
            "model": config.model,
            "models": _model_versions(config.model),
            "fast_ops": config.fast_ops,
        },
        sort_keys=True,
    )


@lru_cache(maxsize=None)
def _code_digest() -> str:
    """A hash of the extraction code and rule data (extract/, resources/, nlp.py, records.py)."""
    digest = hashlib.sha256()
    package = resources.files("eventgraph")
    for folder in ("extract", "extract/patterns", "resources"):
        directory = package.joinpath(folder)
        for entry in sorted(directory.iterdir(), key=lambda e: e.name):
            if entry.is_file() and not entry.name.endswith((".pyc",)):
                digest.update(f"{folder}/{entry.name}\0".encode())
                digest.update(entry.read_bytes())
    for name in ("nlp.py", "records.py", "corpus.py"):
        digest.update(package.joinpath(name).read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=None)
def _resolve_digest() -> str:
    """A hash of the code resolving an article within itself (the rest it uses is in the key)."""
    return hashlib.sha256(resources.files("eventgraph").joinpath("resolve.py").read_bytes()).hexdigest()


@lru_cache(maxsize=None)
def _model_versions(model: str | None) -> str:
    """spaCy's version and the model's name and version, read without loading the model."""
    from importlib import metadata

    from .config import DEFAULT_MODELS

    found = []
    for name in (model,) if model else DEFAULT_MODELS:
        try:
            found.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            path = Path(name)
            meta = path / "meta.json"
            if meta.is_file():
                found.append(f"{name}:{os.path.getmtime(meta)}:{hashlib.sha256(meta.read_bytes()).hexdigest()[:16]}")
    try:
        spacy_version = metadata.version("spacy")
    except metadata.PackageNotFoundError:  # pragma: no cover
        spacy_version = "?"
    return f"spacy=={spacy_version};" + ";".join(found)
