"""Sending a graph file to a triple store over the SPARQL 1.1 Graph Store HTTP Protocol.

https://www.w3.org/TR/sparql11-http-rdf-update/: POST adds the file's triples to a graph,
PUT replaces it; `?graph=IRI` names the graph, `?default` the default graph. TriG and
N-Quads hold graphs of their own, so they are POSTed to the endpoint itself (the dataset),
which Oxigraph and Jena Fuseki accept. The password for basic authentication comes from
an environment variable, never from the command line, where other users could see it.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from .errors import ConfigError, InputError, LoadError

PASSWORD_VARIABLE = "EVENTGRAPH_PASSWORD"
# suffix -> media type the Graph Store Protocol endpoints understand
MEDIA_TYPES = {
    ".ttl": "text/turtle",
    ".turtle": "text/turtle",
    ".nt": "application/n-triples",
    ".nq": "application/n-quads",
    ".trig": "application/trig",
    ".jsonld": "application/ld+json",
    ".json": "application/ld+json",
    ".rdf": "application/rdf+xml",
    ".xml": "application/rdf+xml",
    ".owl": "application/rdf+xml",
}
QUAD_SUFFIXES = (".nq", ".trig")


def load_graph(
    path: Path | str,
    endpoint: str,
    *,
    graph_iri: str | None = None,
    replace: bool = False,
    user: str | None = None,
    timeout: float = 60.0,
    environ: dict[str, str] | None = None,
) -> str:
    """Send the file; returns a one-line summary. Raises LoadError with what to do on failure."""
    import httpx

    path = Path(path)
    url, method, media_type = plan_request(path, endpoint, graph_iri=graph_iri, replace=replace)
    auth = _auth(user, os.environ if environ is None else environ)
    try:
        body = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        response = httpx.request(method, url, content=body, headers={"Content-Type": media_type}, auth=auth, timeout=timeout)
    except httpx.ConnectError as exc:
        raise LoadError(f"cannot connect to {endpoint}: {_reason(exc)}; is the triple store running there?") from exc
    except httpx.TimeoutException as exc:
        raise LoadError(f"{endpoint} did not answer within {timeout:g} s; try again or give a longer --timeout") from exc
    except httpx.HTTPError as exc:
        raise LoadError(f"the request to {endpoint} failed: {_reason(exc)}") from exc
    if response.status_code in (401, 403):
        hint = (
            f"check --user and ${PASSWORD_VARIABLE}" if user
            else f"give --user NAME and the password in ${PASSWORD_VARIABLE}"
        )
        raise LoadError(f"{endpoint} refused the credentials (HTTP {response.status_code} {response.reason_phrase}); {hint}")
    if response.status_code >= 400:
        raise LoadError(
            f"{endpoint} answered HTTP {response.status_code} {response.reason_phrase}: {_first_line(response.text)}"
        )
    target = f"graph <{graph_iri}>" if graph_iri else ("the dataset" if path.suffix.lower() in QUAD_SUFFIXES else "the default graph")
    verb = "replaced" if replace else "added to"
    return f"{verb} {target} at {endpoint}: {path} ({len(body)} bytes, HTTP {response.status_code})"


def plan_request(path: Path, endpoint: str, *, graph_iri: str | None, replace: bool) -> tuple[str, str, str]:
    """(URL, HTTP method, media type) for sending `path`; checks the options before anything is sent."""
    parts = urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"bad --endpoint {endpoint!r}: give the store's http(s) URL, e.g. http://localhost:7878/store")
    if not path.is_file():
        raise InputError(f"graph file not found: {path}")
    media_type = MEDIA_TYPES.get(path.suffix.lower())
    if media_type is None:
        raise InputError(f"cannot tell the RDF format of {path} from its suffix; use one of {', '.join(sorted(MEDIA_TYPES))}")
    if graph_iri is not None:
        graph_parts = urlsplit(graph_iri)
        if not graph_parts.scheme or any(c in graph_iri for c in ' <>"{}|\\^`'):
            raise ConfigError(f"bad --graph {graph_iri!r}: give an absolute IRI, e.g. https://example.org/graph/news")
    if path.suffix.lower() in QUAD_SUFFIXES:
        if graph_iri is not None:
            raise ConfigError(f"{path.name} holds named graphs of its own; drop --graph, or load the Turtle (.ttl) file into one graph")
        if replace:
            raise ConfigError("--replace would empty the whole dataset before loading a TriG or N-Quads file; load without --replace")
        return endpoint, "POST", media_type
    query = urlencode({"graph": graph_iri}) if graph_iri is not None else "default"
    separator = "&" if parts.query else "?"
    return f"{endpoint}{separator}{query}", "PUT" if replace else "POST", media_type


def _auth(user: str | None, environ) -> tuple[str, str] | None:
    if user is None:
        return None
    password = environ.get(PASSWORD_VARIABLE)
    if password is None:
        raise ConfigError(f"--user {user} needs the password in the environment variable {PASSWORD_VARIABLE}")
    return (user, password)


def _reason(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[0][:300] if lines else "(empty body)"
