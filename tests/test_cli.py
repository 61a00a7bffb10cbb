"""The command line: happy paths, and one clear line with a non-zero exit for every user error."""

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from eventgraph.cli import app

runner = CliRunner()


def _run(*args):
    return runner.invoke(app, [str(a) for a in args])


def _assert_clean_error(result, text):
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert text in result.output
    assert result.output.strip().count("\n") == 0  # one line


def test_help_does_not_import_spacy():
    code = "import sys; from eventgraph.cli import app; assert 'spacy' not in sys.modules, 'spacy imported'"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_missing_input(tmp_path):
    result = _run("build", tmp_path / "nope", "-o", tmp_path / "out")
    _assert_clean_error(result, "no such file or directory")
    assert not (tmp_path / "out").exists()


def test_bad_base_iri(tmp_path):
    result = _run("build", "-o", tmp_path / "out", "--base-iri", "not an iri")
    _assert_clean_error(result, "bad --base-iri")


def test_unknown_format(tmp_path):
    result = _run("build", "-o", tmp_path / "out", "--format", "ttl,docx")
    _assert_clean_error(result, "unknown output format docx")


def test_strict_stops_at_a_bad_json_line_and_leaves_previous_output_intact(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("previous", encoding="utf-8")
    bad = tmp_path / "news.jsonl"
    bad.write_text('{"id": "a", "text": "fine"}\n{"id": "b", "text": \n', encoding="utf-8")
    result = _run("build", bad, "-o", out, "--strict")
    _assert_clean_error(result, "news.jsonl, line 2: invalid JSON (Expecting value at column 21)")
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl"]


@pytest.mark.slow
def test_a_bad_document_is_listed_and_skipped_with_exit_code_3(tmp_path):
    news = tmp_path / "news.jsonl"
    news.write_text(
        '{"id": "a", "text": "Ambassador Ana Ruiz spoke at the embassy."}\n{"id": "b", "text": \n{"id": "c"}\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["build", str(news), "-o", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 3, result.output
    assert "Traceback" not in result.output
    assert result.output.splitlines() == [
        f"eventgraph: skipped {news}, line 2: invalid JSON (Expecting value at column 21)",
        f"eventgraph: skipped {news}, line 3: 'text' must be a string (found missing)",
        "eventgraph: 2 of 3 documents skipped (listed above); fix them or use --strict to stop at the first",
    ]
    assert "Ana Ruiz" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")


def test_nothing_readable_is_an_error(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    _assert_clean_error(_run("build", empty, "-o", tmp_path / "out"), "no article could be read")
    assert not (tmp_path / "out").exists()


def test_bad_max_chars(tmp_path):
    _assert_clean_error(_run("build", "-o", tmp_path / "out", "--max-chars", "0"), "bad --max-chars 0")


@pytest.mark.slow
def test_build_jsonl_then_view_and_query(tmp_path):
    news = tmp_path / "news.jsonl"
    text = "A reception was held at the Georgian embassy in Norway on June 3. Ambassador Nino Beridze said culture unites peoples."
    news.write_text(json.dumps({"id": "n1", "text": text, "date": "2022-06-04", "source": "Wire"}) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = _run("build", news, "-o", out, "--format", "ttl,nt", "--base-iri", "https://example.org/id/")
    assert result.exit_code == 0, result.output
    assert (out / "graph.ttl").is_file() and (out / "graph.nt").is_file() and (out / "graph.html").is_file()
    assert "https://example.org/id/person/nino-beridze" in (out / "graph.nt").read_text(encoding="utf-8")

    result = _run("query", out / "graph.ttl", "SELECT ?name WHERE { ?e eg:speaker/rdfs:label ?name }", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["name", "Nino Beridze"]

    result = _run("view", out / "graph.ttl", "-o", tmp_path / "view.html", "--title", "Test view")
    assert result.exit_code == 0, result.output
    assert "Test view" in (tmp_path / "view.html").read_text(encoding="utf-8")


def test_query_syntax_error(tmp_path):
    graph = tmp_path / "g.ttl"
    graph.write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    result = _run("query", graph, "SELECT WHERE {")
    assert result.exit_code == 1 and "Traceback" not in result.output


def test_query_needs_a_query(tmp_path):
    graph = tmp_path / "g.ttl"
    graph.write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    _assert_clean_error(_run("query", graph), "give one or more graph files and then the query")


def test_query_on_a_broken_graph_file(tmp_path):
    graph = tmp_path / "g.ttl"
    graph.write_text("<urn:a> <urn:b> .\n", encoding="utf-8")
    result = _run("query", graph, "SELECT * WHERE { ?s ?p ?o }")
    assert result.exit_code == 1 and "is not valid turtle" in result.output


def test_debug_shows_the_traceback(tmp_path):
    result = runner.invoke(app, ["--debug", "build", str(tmp_path / "nope")])
    assert result.exit_code != 0 and result.exception is not None
