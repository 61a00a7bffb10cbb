"""Checking a graph against the eventgraph SHACL shapes (ontology/shapes.ttl) with pySHACL.

`validate_graph` returns a plain `ValidationReport` (one `Problem` per SHACL result,
with the focus node's label, the path and the shape's message); `format_report`
prints it for people; `check_conforms` raises ValidationError, which is what
`eventgraph build` does with its own output before writing any file.

Cost: pySHACL re-parses a SHACL-SPARQL constraint's query for every focus node,
which dominated the run time (over four seconds of five on the sample graph). The
data graph is therefore handed to pySHACL as a view on the same store whose `query`
prepares each distinct query text once; no triple is copied. On the samples (2,445
triples) validation then takes under a second on an idle machine, and grows with
the graph; `build --no-validate` skips it for large corpora.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import RDF, RDFS, Graph, Node, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from .errors import InputError, ValidationError
from .namespace import EG

_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


@dataclass(frozen=True)
class Problem:
    """One SHACL validation result, in words."""

    severity: str  # Violation, Warning or Info
    focus: str  # the focus node: an IRI, or a blank node's N-Triples form
    label: str | None  # the focus node's rdfs:label (or a mention's text), if it has one
    path: str | None  # the property path, compacted (eg:represents, ^eg:reports), None for node constraints
    value: str | None  # the offending value, compacted, when SHACL names one
    message: str
    kind: str  # the shape's own message (before {?var} substitution): what the counts group by

    def one_line(self) -> str:
        who = f"{self.label} <{self.focus}>" if self.label else f"<{self.focus}>"
        where = f" {self.path}" if self.path else ""
        value = f" (value {self.value})" if self.value else ""
        return f"{self.severity}: {who}{where}: {self.message}{value}"


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    problems: tuple[Problem, ...]
    triples: int
    shapes: str  # which shapes file was used, for the report

    def counts(self) -> Counter:
        """Problems per severity."""
        return Counter(problem.severity for problem in self.problems)

    def summary(self) -> str:
        """'2 violations, 1 warning' (or 'no results')."""
        return _counts_phrase(self)


def load_shapes(path: Path | str | None = None) -> Graph:
    """The SHACL shapes graph: the bundled ontology/shapes.ttl unless a file is given."""
    from .ontology import shapes_path

    path = Path(path) if path is not None else shapes_path()
    if not path.is_file():
        raise InputError(f"shapes file not found: {path}")
    try:
        return Graph().parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many unrelated types for bad syntax
        raise InputError(f"{path} is not valid Turtle: {exc}") from exc


def validate_graph(graph: Graph, shapes: Graph | None = None, shapes_name: str = "shapes.ttl") -> ValidationReport:
    """Validate `graph` against the shapes (default: the bundled ones), without inference.

    The graph needs no reasoning: eventgraph types every entity with all its eg: classes.
    It conforms when no result is a sh:Violation; warnings and infos are reported but
    do not make it fail (pySHACL's allow_warnings).
    """
    import pyshacl
    from pyshacl.errors import ReportableRuntimeError

    shapes = shapes if shapes is not None else load_shapes()
    try:
        conforms, results, _ = pyshacl.validate(
            _PreparedQueryGraph(store=graph.store, identifier=graph.identifier, namespace_manager=graph.namespace_manager),
            shacl_graph=shapes,
            inference="none",
            advanced=False,
            abort_on_first=False,
            allow_infos=True,
            allow_warnings=True,
        )
    except ReportableRuntimeError as exc:
        raise InputError(f"the shapes cannot be used: {exc.message}") from exc
    problems = sorted(
        (_problem(results, result, graph, shapes) for result in results.objects(None, SH.result)),
        key=lambda p: (_SEVERITY_ORDER.get(p.severity, 3), p.focus, p.path or "", p.message, p.value or ""),
    )
    return ValidationReport(bool(conforms), tuple(problems), len(graph), shapes_name)


def check_conforms(graph: Graph, shapes: Graph | None = None) -> ValidationReport:
    """The report if `graph` conforms (warnings allowed); otherwise ValidationError naming the first violations."""
    report = validate_graph(graph, shapes)
    if not report.conforms:
        counts = _counts_phrase(report)
        violations = [problem for problem in report.problems if problem.severity == "Violation"]
        first = "; ".join(problem.one_line() for problem in violations[:3])
        raise ValidationError(
            f"the graph does not conform to the eventgraph shapes ({counts}): {first}. "
            "Nothing was written. This is an eventgraph bug worth reporting with the input; "
            "`eventgraph build --no-validate` writes the graph anyway and `eventgraph validate` lists every problem"
        )
    return report


def format_report(report: ValidationReport, limit: int | None = None) -> str:
    """A report for people: a summary line, each problem under its focus node, then counts per message."""
    if report.conforms and not report.problems:
        return f"conforms to {report.shapes}: {report.triples} triples, no problems"
    verdict = "conforms" if report.conforms else "does not conform"
    focus_nodes = len({problem.focus for problem in report.problems})
    lines = [f"{verdict} to {report.shapes}: {_counts_phrase(report)} on {focus_nodes} focus nodes ({report.triples} triples)"]
    shown = report.problems if not limit else report.problems[:limit]
    current = None
    for problem in shown:
        if problem.focus != current:
            current = problem.focus
            lines.append("")
            lines.append(f"{problem.label} <{problem.focus}>" if problem.label else f"<{problem.focus}>")
        value = f" (value {problem.value})" if problem.value else ""
        lines.append(f"  {problem.severity}  {problem.path or '(node)'}  {problem.message}{value}")
    if len(shown) < len(report.problems):
        lines.append(f"... and {len(report.problems) - len(shown)} more (--limit 0 shows all)")
    lines.append("")
    lines.append("by shape:")
    by_message = Counter((problem.severity, problem.kind) for problem in report.problems)
    for (severity, message), count in sorted(by_message.items(), key=lambda item: (-item[1], item[0])):
        lines.append(f"  {count:5d}  {severity}  {message}")
    return "\n".join(lines)


def _counts_phrase(report: ValidationReport) -> str:
    counts = report.counts()
    parts = []
    for severity in sorted(counts, key=lambda s: _SEVERITY_ORDER.get(s, 3)):
        noun = {"Violation": "violation", "Warning": "warning", "Info": "info"}.get(severity, severity.lower())
        parts.append(f"{counts[severity]} {noun}{'s' if counts[severity] != 1 and noun != 'info' else ''}")
    return ", ".join(parts) or "no results"


def _problem(results: Graph, result: Node, data: Graph, shapes: Graph) -> Problem:
    focus = results.value(result, SH.focusNode)
    path = results.value(result, SH.resultPath)
    value = results.value(result, SH.value)
    messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
    severity = results.value(result, SH.resultSeverity)
    kind = next(
        (str(m) for source in (results.value(result, SH.sourceConstraint), results.value(result, SH.sourceShape))
         if source is not None for m in sorted(shapes.objects(source, SH.message))),
        None,
    )
    manager = data.namespace_manager
    return Problem(
        severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
        focus=str(focus) if isinstance(focus, URIRef) else _n3(focus, manager),
        label=_label(data, focus),
        path=_path(results, path, manager) if path is not None else None,
        value=_n3(value, manager) if value is not None and value != focus else None,
        message=messages[0] if messages else "does not conform",
        kind=kind or (messages[0] if messages else "does not conform"),
    )


def _label(data: Graph, node: Node | None) -> str | None:
    if node is None:
        return None
    for predicate in (RDFS.label, EG.anchorOf):
        value = data.value(node, predicate, any=True)
        if value is not None:
            return str(value) if predicate == RDFS.label else f"“{value}”"
    return None


def _path(results: Graph, path: Node, manager: Any) -> str:
    """A SHACL property path as SPARQL path syntax: eg:p, ^eg:p, eg:p/eg:q, eg:p|eg:q, eg:p*."""
    if isinstance(path, URIRef):
        return _n3(path, manager)
    inverse = results.value(path, SH.inversePath)
    if inverse is not None:
        return "^" + _path(results, inverse, manager)
    alternatives = results.value(path, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(_path(results, p, manager) for p in Collection(results, alternatives)) + ")"
    for predicate, suffix in ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"), (SH.zeroOrOnePath, "?")):
        inner = results.value(path, predicate)
        if inner is not None:
            return "(" + _path(results, inner, manager) + ")" + suffix
    if results.value(path, RDF.first) is not None:
        return "/".join(_path(results, p, manager) for p in Collection(results, path))
    return _n3(path, manager)


def _n3(node: Node, manager: Any) -> str:
    return node.n3(manager)  # type: ignore[attr-defined]


class _PreparedQueryGraph(Graph):
    """A view on another graph's store whose `query` parses each distinct query text once.

    pySHACL sends the same SHACL-SPARQL text for every focus node, with the focus node
    as an initial binding; parsing it again each time cost ~25 ms a node.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._prepared: dict[str, Any] = {}

    def query(self, query_object: Any, *args: Any, **kwargs: Any):  # type: ignore[override]
        if isinstance(query_object, str) and not kwargs.get("initNs"):
            from rdflib.plugins.sparql import prepareQuery

            prepared = self._prepared.get(query_object)
            if prepared is None:
                prepared = self._prepared[query_object] = prepareQuery(query_object)
            query_object = prepared
        return super().query(query_object, *args, **kwargs)
