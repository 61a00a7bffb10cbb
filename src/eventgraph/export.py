"""Reading and writing graph files: every format, always atomically.

Writers go through a temporary file in the target directory and a rename, so an
interrupted build never leaves a truncated file behind.
"""

from __future__ import annotations

import errno
import glob
import json
import os
import re
import signal
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Sequence, Union

from rdflib import RDF, Dataset, Graph, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from .errors import ConfigError, InputError, OutputError

# A file's content: text, bytes, or bytes in pieces (written as they come, never all in memory).
FileData = Union[str, bytes, Iterable[bytes]]


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


def atomic_write(path: Path, data: FileData) -> None:
    """Write `data` to `path` via a temporary sibling and a rename."""
    write_files({Path(path): data})


def write_cache_entry(path: Path, data: bytes) -> None:
    """A cache entry, whole or not at all (a rename); not flushed to disk, since an entry lost to
    a crash is only made again."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(name, path)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def write_files(files: Mapping[Path, FileData]) -> list[Path]:
    """Write a set of files all or nothing, as far as a file system allows.

    Every file first goes to a temporary sibling, flushed to disk; only when all are
    written is each renamed into place. A failure before that (disk full, no
    permission, Ctrl-C, an exception) removes the temporary files and leaves every
    previous file untouched. The renames themselves need no space and take
    microseconds; Ctrl-C during them is held back until they are done.
    """
    staged: list[tuple[Path, Path]] = []
    current = None
    try:
        for path, data in files.items():
            current = Path(path)
            staged.append((_stage(current, data), current))
        current = None
        with _interrupts_deferred():
            for tmp, path in staged:
                current = path
                os.replace(tmp, path)
    except OSError as exc:
        raise _output_error(exc, current, staged) from exc
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
    return [path for _, path in staged]


def remove_leftovers(paths: Iterable[Path]) -> list[Path]:
    """Remove the temporary files a killed writer (kill -9, power loss) left beside `paths`.

    Only safe while holding the output directory's lock: then nobody else is writing there.
    """
    removed = []
    for path in paths:
        path = Path(path)
        for leftover in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
            leftover.unlink(missing_ok=True)
            removed.append(leftover)
    return removed


def _stage(path: Path, data: FileData) -> Path:
    """`data` in a temporary file next to `path`, flushed to disk, with the mode `path` has
    (or a plainly written file's), ready to be renamed over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(data, (str, bytes)):
                handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            else:
                for piece in data:
                    handle.write(piece)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _output_error(exc: OSError, path: Path | None, staged: list[tuple[Path, Path]]) -> OutputError:
    reason = exc.strerror or str(exc)
    hint = "; free some disk space and try again" if exc.errno == errno.ENOSPC else ""
    where = path if path is not None else (staged[-1][1] if staged else "output")
    replaced = [p for tmp, p in staged if not tmp.exists()]
    state = "no previous file was changed" if not replaced else f"{len(replaced)} of {len(staged)} files were already replaced"
    return OutputError(f"cannot write {where}: {reason}; {state}{hint}")


@contextmanager
def _interrupts_deferred() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) back while the block runs, then raise it (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, frame: caught.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


def parse_formats(spec: str, also: Iterable[str] = ()) -> list[str]:
    """'ttl,nt' -> ['ttl', 'nt'], rejecting unknown names with the list of known ones.

    `also` names formats other writers handle (the network's graphml and gexf).
    """
    known = [*FORMATS, *also]
    names = [name.strip().lower() for name in spec.split(",") if name.strip()]
    unknown = [name for name in names if name not in known]
    if unknown or not names:
        raise ConfigError(
            f"unknown output format {', '.join(unknown) or repr(spec)}; choose from {', '.join(known)}"
        )
    return names


def _in_sorted_order(graph: Graph) -> Graph:
    """A copy whose store holds the triples in sorted order, so serializers that follow the
    store's order (RDF/XML, JSON-LD) write the same bytes on every run."""
    ordered = Graph(identifier=graph.identifier)
    for prefix, namespace in graph.namespaces():
        ordered.bind(prefix, namespace)
    for triple in sorted(graph):
        ordered.add(triple)
    return ordered


def serialize(graph: Graph, fmt: str) -> bytes:
    """The graph in one of FORMATS, byte-stable from run to run."""
    _, rdflib_format = FORMATS[fmt]
    if fmt == "ttl":
        return _turtle(graph)
    graph = _in_sorted_order(graph)
    if fmt == "xml":
        return _rdf_xml(graph)
    if fmt == "jsonld":
        return _sorted_json_ld(graph.serialize(format="json-ld", context=json_ld_context(), encoding="utf-8"))
    if fmt in ("nq", "trig"):
        dataset = Dataset()
        # a graph without an IRI of its own goes into the default graph, never under a random blank node
        name = graph.identifier if isinstance(graph.identifier, URIRef) else DATASET_DEFAULT_GRAPH_ID
        named = dataset.graph(name)
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


def _turtle(graph: Graph) -> bytes:
    """Turtle as rdflib writes it for the sorted graph, by turtle.TurtleWriter: rdflib's own
    writer is quadratic in the number of namespaces it meets (minutes for 10,000 articles)."""
    from .turtle import TurtleWriter

    writer = TurtleWriter((prefix, str(namespace)) for prefix, namespace in graph.namespaces())
    writer.update(graph)
    return writer.serialize()


def json_ld_context() -> dict:
    """The @context of ontology/context.jsonld: short names for every eg: term, their
    datatypes and which values are IRIs, and the prefixes of the aligned vocabularies."""
    from .ontology import context_path

    return json.loads(context_path().read_text(encoding="utf-8"))["@context"]


def _sorted_json_ld(data: bytes) -> bytes:
    """Compact JSON-LD, byte-stable: rdflib follows its store's set order, so the nodes are
    sorted by @id and each property's values by content (JSON-LD arrays here are sets).
    The published @context is embedded, so the file parses offline."""
    document = json.loads(data)
    if isinstance(document, dict) and "@context" in document:
        document["@context"] = json_ld_context()  # rdflib writes it with sorted keys; keep the file's order
    nodes = document.get("@graph", [document]) if isinstance(document, dict) else document
    for node in nodes:
        for key, values in node.items():
            if isinstance(values, list) and key != "@context":
                node[key] = sorted(values, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    nodes.sort(key=lambda node: node.get("@id", ""))
    return (json.dumps(_keys_sorted(document), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _keys_sorted(value, key: str = ""):
    """Every object's keys in sorted order, except the @context, which keeps the published file's order."""
    if key == "@context":
        return value
    if isinstance(value, dict):
        return {k: _keys_sorted(value[k], k) for k in sorted(value)}
    if isinstance(value, list):
        return [_keys_sorted(item) for item in value]
    return value


# XML 1.0 cannot hold these characters at all, not even as character references.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    """A literal as XML text: escaped, a carriage return kept as a reference (an XML parser
    would turn a raw one into a line feed), and characters XML cannot hold as U+FFFD.
    eventgraph's reader already replaces those, so this only guards graphs from elsewhere."""
    from xml.sax.saxutils import escape

    return escape(_NOT_XML.sub("\ufffd", text), {"\r": "&#13;"})


def _rdf_xml(graph: Graph) -> bytes:
    """RDF/XML with subjects and their properties in sorted order (rdflib's writer follows set order)."""
    from xml.sax.saxutils import quoteattr

    from rdflib import BNode, Literal

    manager = graph.namespace_manager
    qnames: dict = dict.fromkeys(set(graph.predicates()))
    prefixes: dict[str, str] = {"rdf": str(RDF)}
    for predicate in qnames:
        prefix, namespace, local = manager.compute_qname(str(predicate))
        prefixes[prefix] = str(namespace)
        qnames[predicate] = f"{prefix}:{local}"
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<rdf:RDF"]
    lines += [f"   xmlns:{prefix}={quoteattr(namespace)}" for prefix, namespace in sorted(prefixes.items())]
    lines[-1] += ">"

    def node_attr(node, name: str) -> str:
        return f'rdf:nodeID="{node}"' if isinstance(node, BNode) else f"rdf:{name}={quoteattr(str(node))}"

    for subject in sorted(set(graph.subjects())):
        lines.append(f"  <rdf:Description {node_attr(subject, 'about')}>")
        for predicate, obj in sorted(graph.predicate_objects(subject)):
            tag = qnames[predicate]
            if isinstance(obj, Literal):
                attrs = f" rdf:datatype={quoteattr(str(obj.datatype))}" if obj.datatype else ""
                attrs += f" xml:lang={quoteattr(obj.language)}" if obj.language else ""
                lines.append(f"    <{tag}{attrs}>{_xml_text(str(obj))}</{tag}>")
            else:
                lines.append(f"    <{tag} {node_attr(obj, 'resource')}/>")
        lines.append("  </rdf:Description>")
    lines.append("</rdf:RDF>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_graph(graph: Graph, out_dir: Path, formats: Iterable[str] = ("ttl",), dataset: Dataset | None = None) -> list[Path]:
    """Write `graph.<suffix>` in `out_dir` for each format, all or none; returns the paths written.

    N-Quads and TriG are written from `dataset` (one named graph per article) when given.
    """
    return write_files(graph_files(graph, out_dir, formats, dataset))


def graph_files(graph: Graph, out_dir: Path, formats: Iterable[str] = ("ttl",), dataset: Dataset | None = None) -> dict[Path, bytes]:
    """Every `graph.<suffix>` file's path and bytes, serialized in memory before anything is written."""
    files = {}
    for fmt in formats:
        suffix, _ = FORMATS[fmt]
        data = serialize_dataset(dataset, fmt) if dataset is not None and fmt in QUAD_FORMATS else serialize(graph, fmt)
        files[Path(out_dir) / f"graph{suffix}"] = data
    return files


QUAD_FORMATS = ("nq", "trig")


def serialize_dataset(dataset: Dataset, fmt: str) -> bytes:
    """N-Quads or TriG of a dataset, byte-stable: graphs, subjects and lines in sorted order.

    rdflib's TriG writer orders graphs by its store's set order, so TriG is assembled
    here from one sorted Turtle block per graph, the default graph first.
    """
    if fmt == "nq":
        data = dataset.serialize(format="nquads", encoding="utf-8")
        return b"".join(sorted({line for line in data.splitlines(keepends=True) if line.strip()}))
    if fmt != "trig":
        raise ConfigError(f"{fmt} cannot hold named graphs; use nq or trig")
    prefixes: set[str] = set()
    blocks: list[tuple[int, str, str]] = []
    # one namespace manager for every graph, so a prefix rdflib invents means the same everywhere
    shared = Graph()
    for prefix, namespace in dataset.namespaces():
        shared.bind(prefix, namespace, replace=True)
    for context in dataset.graphs():
        if len(context) == 0:
            continue
        graph = _in_sorted_order(context)
        graph.namespace_manager = shared.namespace_manager
        # rdflib writes every @prefix line first; the rest is copied untouched (it may hold
        # multi-line literals, whose lines must not be re-indented or dropped)
        turtle = graph.serialize(format="turtle")
        header, _, body = turtle.partition("\n\n")
        if not all(line.startswith("@prefix") for line in header.splitlines()):
            header, body = "", turtle
        prefixes.update(header.splitlines())
        is_default = context.identifier == DATASET_DEFAULT_GRAPH_ID
        name = "" if is_default else context.identifier.n3() + " "
        blocks.append((0 if is_default else 1, str(context.identifier), name + "{\n" + body.strip("\n") + "\n}\n"))
    text = "\n".join(sorted(prefixes)) + "\n\n" + "\n".join(block for _, _, block in sorted(blocks))
    return text.encode("utf-8")


def graph_file_formats(paths: Sequence[Path | str], formats: Mapping[str, str] = _PARSERS_BY_SUFFIX) -> list[tuple[Path, str]]:
    """Each graph file with the name of its format in `formats`, told by its suffix; InputError
    for no file at all, a file that does not exist or a suffix no format has."""
    if not paths:
        raise InputError("no graph file given; pass a .ttl, .nt, .nq, .trig, .jsonld or .rdf file")
    found = []
    for raw in paths:
        path = Path(raw)
        if not path.is_file():
            raise InputError(f"graph file not found: {path}")
        name = formats.get(path.suffix.lower())
        if name is None:
            raise InputError(f"cannot tell the RDF format of {path} from its suffix; use one of {', '.join(sorted(formats))}")
        found.append((path, name))
    return found


def read_graph(paths: Sequence[Path | str]) -> Graph:
    """Parse graph files of any supported format into one rdflib Graph (quads lose their graph)."""
    graph = Graph()
    for path, rdflib_format in graph_file_formats(paths):
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


def read_dataset(paths: Sequence[Path | str]) -> Dataset:
    """Parse graph files into one rdflib Dataset that keeps TriG's and N-Quads' named graphs.

    Triples of plain triple files (and of TriG's default graph) go into the default graph.
    The dataset's default graph is the union of all its graphs (`default_union`), so a
    query without GRAPH sees every triple, as it does over the Turtle output.
    """
    dataset = Dataset(default_union=True)
    for path, rdflib_format in graph_file_formats(paths):
        try:
            if rdflib_format in ("nquads", "trig"):
                # parsed on its own first: rdflib's N-Quads parser replaces the default graph it is given
                parsed = Dataset()
                parsed.parse(path, format=rdflib_format)
                for context in parsed.graphs():
                    target = dataset.graph(context.identifier)
                    target += context
            else:
                dataset.graph(DATASET_DEFAULT_GRAPH_ID).parse(path, format=rdflib_format)
        except Exception as exc:  # rdflib raises many unrelated types for bad syntax
            raise InputError(f"{path} is not valid {rdflib_format}: {exc}") from exc
    return dataset
