"""Where the eventgraph ontology file is, in a checkout or an installed package."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .errors import InputError


def ontology_path() -> Path:
    """ontology/eventgraph.ttl (shipped in the package as data/ontology/eventgraph.ttl)."""
    path = Path(str(resources.files("eventgraph.data").joinpath("ontology", "eventgraph.ttl")))
    if not path.is_file():
        raise InputError(f"the eventgraph ontology is missing at {path}; reinstall eventgraph")
    return path
