"""Reading and writing graph files: every format, always atomically.

Writers go through a temporary file in the target directory and a rename, so an
interrupted build never leaves a truncated file behind.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable, Sequence

from rdflib import Dataset, Graph

from .errors import ConfigError, InputError

# format name -> (file suffix, rdflib serializer)
FORMATS: dict[str, tuple[str, str]] = {
    "ttl": (".ttl", "turtle"),
    "nt": (".nt", "nt"),
    "nq": (".nq", "nquads"),
    "trig": (".trig", "trig"),
    "jsonld": (".jsonld", "json-ld"),
    "xml": (".rdf", "xml"),
}
_PARSERS_BY_SUFFIX = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".nt": "nt",
    ".nq": "nquads",
    ".trig": "trig",
    ".jsonld": "json-ld",
    ".json": "json-ld",
    ".rdf": "xml",
    ".xml": "xml",
    ".owl": "xml",
}


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write `data` to `path` via a temporary sibling and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def parse_formats(spec: str) -> list[str]:
    """'ttl,nt' -> ['ttl', 'nt'], rejecting unknown names with the list of known ones."""
    names = [name.strip().lower() for name in spec.split(",") if name.strip()]
    unknown = [name for name in names if name not in FORMATS]
    if unknown or not names:
        raise ConfigError(
            f"unknown output format {', '.join(unknown) or repr(spec)}; choose from {', '.join(FORMATS)}"
        )
    return names


def serialize(graph: Graph, fmt: str) -> bytes:
    """The graph in one of FORMATS; Turtle comes out sorted, so it is byte-stable."""
    _, rdflib_format = FORMATS[fmt]
    if fmt in ("nq", "trig"):
        dataset = Dataset()
        named = dataset.graph(graph.identifier)
        for triple in graph:
            named.add(triple)
        for prefix, namespace in graph.namespaces():
            dataset.bind(prefix, namespace)
        data = dataset.serialize(format=rdflib_format, encoding="utf-8")
    else:
        data = graph.serialize(format=rdflib_format, encoding="utf-8")
    if fmt in ("nt", "nq"):
        data = b"".join(sorted({line for line in data.splitlines(keepends=True) if line.strip()}))
    return data


def write_graph(graph: Graph, out_dir: Path, formats: Iterable[str] = ("ttl",)) -> list[Path]:
    """Write `graph.<suffix>` in `out_dir` for each format; returns the paths written."""
    written = []
    for fmt in formats:
        suffix, _ = FORMATS[fmt]
        path = Path(out_dir) / f"graph{suffix}"
        atomic_write(path, serialize(graph, fmt))
        written.append(path)
    return written


def read_graph(paths: Sequence[Path | str]) -> Graph:
    """Parse graph files of any supported format into one rdflib Graph (quads lose their graph)."""
    if not paths:
        raise InputError("no graph file given; pass a .ttl, .nt, .nq, .trig, .jsonld or .rdf file")
    graph = Graph()
    for raw in paths:
        path = Path(raw)
        if not path.is_file():
            raise InputError(f"graph file not found: {path}")
        rdflib_format = _PARSERS_BY_SUFFIX.get(path.suffix.lower())
        if rdflib_format is None:
            raise InputError(
                f"cannot tell the RDF format of {path} from its suffix; "
                f"use one of {', '.join(sorted(_PARSERS_BY_SUFFIX))}"
            )
        try:
            if rdflib_format in ("nquads", "trig"):
                dataset = Dataset()
                dataset.parse(path, format=rdflib_format)
                for s, p, o, _ in dataset.quads((None, None, None, None)):
                    graph.add((s, p, o))
            else:
                graph.parse(path, format=rdflib_format)
        except Exception as exc:  # rdflib raises many unrelated types for bad syntax
            raise InputError(f"{path} is not valid {rdflib_format}: {exc}") from exc
    return graph
