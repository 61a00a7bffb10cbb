"""Build the hostile corpus (tests/corpus_hostile plus generated files) into every format:
bad documents are listed and skipped, the build exits 3, and every output parses to the same
statements in rdflib, pyoxigraph and rapper."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from rdfcheck import check_outputs
from rdflib import Graph
from typer.testing import CliRunner

from eventgraph.cli import app
from eventgraph.corpus import replace_unsafe
from eventgraph.export import FORMATS

HOSTILE = Path(__file__).parent / "corpus_hostile"
runner = CliRunner()

# (action, file, line) of every problem the build must report, and nothing else
EXPECTED = [
    ("skipped", "empty.txt", None),
    ("skipped", "whitespace.txt", None),
    ("skipped", "binary.txt", None),
    ("repaired", "latin1.txt", None),
    ("repaired", "control-chars.txt", None),
    ("noted", "non-english.txt", None),
    ("repaired", "huge.txt", None),
    ("skipped", "dangling.txt", None),
    ("noted", "loop", None),
    ("noted", "again.txt", None),
    ("skipped", "news.jsonl", 2),  # broken JSON
    ("skipped", "news.jsonl", 3),  # no text
    ("skipped", "news.jsonl", 4),  # float id
    ("skipped", "news.jsonl", 6),  # duplicate id
    ("repaired", "news.jsonl", 7),  # javascript: url left out
    ("repaired", "news.jsonl", 7),  # control characters in the title
    ("repaired", "news.jsonl", 7),  # the lone surrogate
    ("skipped", "news.jsonl", 8),  # bad date
    ("skipped", "news.jsonl", 9),  # a JSON array
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "corpus"
    shutil.copytree(HOSTILE, folder, symlinks=True)
    if os.name == "posix":
        (folder / "nested" / "loop").symlink_to(folder, target_is_directory=True)
        (folder / "dangling.txt").symlink_to(folder / "gone.txt")
        (folder / "nested" / "again.txt").symlink_to(folder / "bom.txt")
    paragraph = "The Embassy of Peru in Norway held a reception on May 3, 2023. Ambassador Ana Ruiz spoke. " * 20 + "\n\n"
    with (folder / "huge.txt").open("w", encoding="utf-8") as handle:
        while handle.tell() < 20 * 1024 * 1024:
            handle.write(paragraph)
    return folder


@pytest.fixture(scope="module")
def built(corpus, nlp, tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("eventgraph.nlp.load_pipeline", lambda config=None: nlp)
        out = tmp_path_factory.mktemp("hostile-out")
        result = runner.invoke(app, ["build", str(corpus), str(corpus / "news.jsonl"), "-o", str(out), "--format", ",".join(FORMATS)])
    return result, out


def _problem_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(("eventgraph: skipped ", "eventgraph: repaired ", "eventgraph: noted "))]


@pytest.mark.slow
def test_the_build_reports_every_bad_document_and_exits_3(built, corpus):
    result, _ = built
    assert result.exit_code == 3, result.output
    assert "Traceback" not in result.output
    found = []
    for line in _problem_lines(result.output):
        action, _, rest = line.removeprefix("eventgraph: ").partition(" ")
        where = rest.split(": ", 1)[0]
        path, _, number = where.partition(", line ")
        found.append((action, Path(path).name, int(number) if number else None))
    assert sorted(found, key=str) == sorted(EXPECTED, key=str)
    assert result.output.rstrip().endswith("eventgraph: 10 of 22 documents skipped (listed above); fix them or use --strict to stop at the first")


@pytest.mark.slow
def test_every_output_parses_alike_in_rdflib_pyoxigraph_and_rapper(built):
    _, out = built
    found = check_outputs(out)
    assert set(found) == {suffix for suffix, _ in FORMATS.values()}
    assert (out / "graph.html").stat().st_size > 0
    assert sorted(p.name for p in out.iterdir()) == sorted(["graph.html", *(f"graph{s}" for s, _ in FORMATS.values())])


@pytest.mark.slow
def test_the_graph_holds_every_readable_article(built):
    _, out = built
    graph = Graph().parse(out / "graph.nt", format="nt")
    ids = {str(row.id) for row in graph.query("SELECT ?id WHERE { ?a <https://w3id.org/eventgraph/ns#articleId> ?id }")}
    assert ids == {
        "latin1", "bom", "crlf", "control-chars", "headline-only", "non-english", "hostile-names", "article", "huge",
        "good-1", "42", "hostile <id> \"{}|^`\\ 😀",
    }
    titles = {str(row.t) for row in graph.query("SELECT ?t WHERE { ?a <https://w3id.org/eventgraph/ns#title> ?t }")}
    assert "Embassy hosts reception for national day" in titles  # the headline-only article
    assert "Title with \"quotes\", \\backslash\\, <tags>, {braces} | ^ `tick` and a newline" in titles


OFFSETS = """
PREFIX eg: <https://w3id.org/eventgraph/ns#>
SELECT ?id ?anchor ?begin ?end WHERE {
  ?m a eg:Mention ; eg:inArticle/eg:articleId ?id ; eg:anchorOf ?anchor ; eg:beginIndex ?begin ; eg:endIndex ?end .
}"""


@pytest.mark.slow
def test_mention_offsets_point_into_each_file_as_written(built, corpus):
    """Windows line endings, a BOM, replaced bytes and control characters: the offsets still
    select the mention's text from the file's decoded characters."""
    _, out = built
    graph = Graph().parse(out / "graph.ttl", format="turtle")
    checked = set()
    for row in graph.query(OFFSETS):
        path = next(corpus.rglob(f"{row.id}.txt"), None)
        if path is None:
            continue
        text = path.read_bytes().decode("utf-8-sig", errors="replace")
        written = text[int(row.begin) : int(row.end)]
        assert replace_unsafe(written) == str(row.anchor), (row.id, written)  # control characters became spaces
        checked.add(str(row.id))
    assert {"crlf", "bom", "latin1", "control-chars", "hostile-names"} <= checked


@pytest.mark.slow
def test_strict_stops_at_the_first_bad_document_and_writes_nothing(corpus, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(corpus), "-o", str(out), "--strict"])
    assert result.exit_code == 1
    assert result.output.startswith("eventgraph: error: ") and result.output.count("\n") == 1
    assert "--strict stops at the first bad document" in result.output
    assert not out.exists()


@pytest.mark.slow
@pytest.mark.heavy
@pytest.mark.skipif(not os.environ.get("EVENTGRAPH_HEAVY_TESTS"), reason="10,000 articles through spaCy take minutes; set EVENTGRAPH_HEAVY_TESTS=1")
def test_ten_thousand_tiny_articles_build(nlp, tmp_path, monkeypatch):
    """Reading 10,000 articles is in test_input_faults; this builds them (a few minutes on 2 cores)."""
    import json

    monkeypatch.setattr("eventgraph.nlp.load_pipeline", lambda config=None: nlp)
    news = tmp_path / "many.jsonl"
    news.write_text(
        "".join(json.dumps({"id": f"n{i:05d}", "text": f"Ambassador Ana Ruiz{i} spoke at the embassy in Lima."}) + "\n" for i in range(10_000)),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["build", str(news), "-o", str(tmp_path / "out"), "--format", "ttl,nt", "--quiet"])
    assert result.exit_code == 0, result.output
    found = check_outputs(tmp_path / "out")
    articles = {s[0] for s in found[".nt"] if s[2] == ("iri", "https://w3id.org/eventgraph/ns#Article")}
    assert len(articles) == 10_000
