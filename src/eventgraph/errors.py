"""The one exception family eventgraph raises on purpose.

Every message says what went wrong and what the user can do about it; the CLI
prints it as one line without a traceback.
"""


class EventGraphError(Exception):
    """Base class: anything the user can fix (bad input, bad option, missing model)."""


class InputError(EventGraphError):
    """An article, corpus or graph file that cannot be read."""


class ConfigError(EventGraphError):
    """An option or configuration value that makes no sense."""


class ModelError(EventGraphError):
    """The spaCy model cannot be loaded."""


class QueryError(EventGraphError):
    """A SPARQL query that does not parse or cannot run."""


class LoadError(EventGraphError):
    """A triple store that cannot be reached or refuses a graph."""


class ValidationError(EventGraphError):
    """A graph that does not conform to the eventgraph SHACL shapes."""
