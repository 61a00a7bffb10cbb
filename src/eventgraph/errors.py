"""The one exception family eventgraph raises on purpose.

Every message says what went wrong and what the user can do about it; the CLI
prints it as one line without a traceback and exits with code 1 (see README,
"Exit codes").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .corpus import Problem


class EventGraphError(Exception):
    """Base class: anything the user can fix (bad input, bad option, missing model)."""


class InputError(EventGraphError):
    """An article, corpus or graph file that cannot be read."""


class DocumentError(InputError):
    """A bad document under --strict (without it, the document is skipped and reported)."""

    def __init__(self, problem: "Problem") -> None:
        super().__init__(f"{problem} (--strict stops at the first bad document; without it, it is reported and skipped)")
        self.problem = problem


class ConfigError(EventGraphError):
    """An option or configuration value that makes no sense."""


class PatternError(ConfigError):
    """A rule pattern (extract/patterns/*.jsonl) that eventgraph's pattern matcher cannot read."""


class ModelError(EventGraphError):
    """The spaCy model cannot be loaded."""


class QueryError(EventGraphError):
    """A SPARQL query that does not parse or cannot run."""


class LoadError(EventGraphError):
    """A triple store that cannot be reached or refuses a graph."""


class ValidationError(EventGraphError):
    """A graph that does not conform to the eventgraph SHACL shapes."""


class OutputError(EventGraphError):
    """An output file that cannot be written (disk full, no permission); nothing was replaced."""


class LockError(OutputError):
    """Another build is writing into the same output directory."""


class DocumentWarning(UserWarning):
    """A document skipped or repaired while reading, for Python callers of `read_articles`."""
