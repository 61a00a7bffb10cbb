"""Where the eventgraph ontology files are, in a checkout or an installed package.

ontology/ holds eventgraph.ttl (the OWL vocabulary), shapes.ttl (SHACL shapes of a
well-formed graph) and context.jsonld (the JSON-LD @context of the JSON-LD output);
the package ships them as eventgraph/data/ontology/.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .errors import InputError


def ontology_file(name: str) -> Path:
    """One of the shipped ontology files, or a clear error if the installation lacks it."""
    path = Path(str(resources.files("eventgraph.data").joinpath("ontology", name)))
    if not path.is_file():
        raise InputError(f"the eventgraph ontology file {name} is missing at {path}; reinstall eventgraph")
    return path


def ontology_path() -> Path:
    """ontology/eventgraph.ttl: classes and properties, aligned to schema.org, FOAF, ORG, PROV-O, SKOS, SEM."""
    return ontology_file("eventgraph.ttl")


def shapes_path() -> Path:
    """ontology/shapes.ttl: the SHACL shapes `eventgraph validate` and `build` check graphs against."""
    return ontology_file("shapes.ttl")


def context_path() -> Path:
    """ontology/context.jsonld: the JSON-LD @context used to compact the JSON-LD output."""
    return ontology_file("context.jsonld")
