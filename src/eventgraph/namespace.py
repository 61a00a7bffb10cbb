"""The closed eg: vocabulary, so that a typo in a term is an AttributeError, not a silent new IRI.

Kept in step with ontology/eventgraph.ttl by tests/test_ontology.py.
"""

from types import SimpleNamespace

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

EG_IRI = "https://w3id.org/eventgraph/ns#"
DEFAULT_BASE_IRI = "https://w3id.org/eventgraph/id/"


class EG(DefinedNamespace):
    """eventgraph ontology terms."""

    _fail = True
    _NS = Namespace(EG_IRI)

    # classes
    Article: URIRef
    Event: URIRef
    Person: URIRef
    Embassy: URIRef
    Organization: URIRef
    Film: URIRef
    Campaign: URIRef
    HistoricalEvent: URIRef
    Place: URIRef
    Country: URIRef
    City: URIRef
    Venue: URIRef

    # article properties
    articleId: URIRef
    datePublished: URIRef
    source: URIRef
    mentions: URIRef
    reports: URIRef
    title: URIRef
    url: URIRef

    # event properties
    organizer: URIRef
    location: URIRef
    date: URIRef
    commemorates: URIRef
    anniversary: URIRef
    speaker: URIRef
    screened: URIRef
    participant: URIRef

    # properties between entities
    worksFor: URIRef
    jobTitle: URIRef
    represents: URIRef
    locatedIn: URIRef
    initiatedBy: URIRef
    about: URIRef
    producedBy: URIRef

    # provenance: where each mention and each extracted relation came from
    Mention: URIRef
    Assertion: URIRef
    refersTo: URIRef
    inArticle: URIRef
    anchorOf: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    sentence: URIRef
    method: URIRef
    confidence: URIRef


# EG's terms made once, for loops that write millions of triples: each `EG.x` builds and checks a
# new URIRef (microseconds). A misspelt name is still an AttributeError.
EG_TERMS = SimpleNamespace(**{name: EG[name] for name in EG.__annotations__})

# The contract's entity classes, in the order used for IRIs and the view's legend.
ENTITY_TYPES = ("Person", "Embassy", "Organization", "Film", "Campaign", "HistoricalEvent", "Place")
# Place subclasses: an entity typed with one of these is also an eg:Place.
PLACE_SUBTYPES = ("Country", "City", "Venue")
