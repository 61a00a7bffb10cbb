"""Messy and hostile input: every bad document is reported (file, line, reason) and skipped
or repaired, the rest is read, and --strict stops at the first."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from eventgraph.corpus import MAX_ARTICLE_CHARS, Problem, read_articles, read_corpus
from eventgraph.errors import DocumentError, DocumentWarning, InputError

GOOD = "The embassy held a reception in Lima on March 3. Ambassador Ana Ruiz spoke about culture."


def _write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8", newline="")
    return path


def _problems(corpus, action=None) -> list[Problem]:
    return [p for p in corpus.problems if action is None or p.action == action]


def _only_problem(corpus) -> Problem:
    assert len(corpus.problems) == 1, corpus.problems
    return corpus.problems[0]


@pytest.fixture
def good(tmp_path) -> Path:
    return _write(tmp_path / "good.txt", GOOD)


# --- files that are no article -------------------------------------------------------------


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty document"),
        (b"  \n\t\r\n   \n", "no text (only white space)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file (a NUL byte at offset 8)"),
        (bytes(range(128, 256)) * 4, "binary data or not UTF-8"),
    ],
    ids=["empty", "whitespace", "binary", "binary-without-nul"],
)
def test_a_document_that_is_no_article_is_skipped_and_the_rest_read(tmp_path, good, data, reason):
    bad = _write(tmp_path / "bad.txt", data)
    corpus = read_corpus([bad, good])
    assert [a.id for a in corpus.articles] == ["good"]
    problem = _only_problem(corpus)
    assert (problem.path, problem.line, problem.action) == (str(bad), None, "skipped")
    assert problem.reason.startswith(reason)
    with pytest.raises(DocumentError, match=f"bad.txt: {re.escape(reason)}.*--strict"):
        read_corpus([bad, good], strict=True)


def test_only_bad_documents_is_an_error_naming_the_first(tmp_path):
    bad = _write(tmp_path / "empty.txt", "")
    with pytest.raises(InputError, match=r"no article could be read .*\(1 skipped; first: .*empty.txt: empty document; skipped\)"):
        read_corpus([bad])


# --- encodings and line endings ------------------------------------------------------------


def test_invalid_utf8_is_decoded_with_replacement_and_a_warning_naming_the_byte_offset(tmp_path):
    bad = _write(tmp_path / "latin1.txt", "Caf\xe9 society. The embassy of Peru\xa0held a reception.".encode("latin-1"))
    corpus = read_corpus([bad])
    (article,) = corpus.articles
    assert article.text.startswith("Caf\ufffd society.")
    problem = _only_problem(corpus)
    assert problem.action == "repaired" and problem.path == str(bad)
    assert problem.reason.startswith("invalid UTF-8 at byte offset 3 (2 invalid sequences replaced by U+FFFD)")
    with pytest.raises(DocumentError, match="latin1.txt: invalid UTF-8 at byte offset 3"):
        read_corpus([bad], strict=True)


def test_invalid_utf8_in_json_lines_names_line_and_file_offset(tmp_path):
    first = json.dumps({"id": "a", "text": GOOD}).encode() + b"\n"
    second = b'{"id": "b", "text": "caf\xe9"}\n'
    path = _write(tmp_path / "news.jsonl", first + second)
    corpus = read_corpus([path])
    assert [a.id for a in corpus.articles] == ["a", "b"]
    problem = _only_problem(corpus)
    assert (problem.line, problem.action) == (2, "repaired")
    offset = len(first) + second.index(b"\xe9")
    assert f"byte offset {offset} " in problem.reason


def test_utf8_bom_is_not_text(tmp_path):
    path = _write(tmp_path / "bom.txt", b"\xef\xbb\xbfEmbassy opens film week in Lima\n\n" + GOOD.encode())
    corpus = read_corpus([path])
    (article,) = corpus.articles
    assert not corpus.problems
    assert article.title == "Embassy opens film week in Lima" and article.text.startswith("Embassy")
    jsonl = _write(tmp_path / "bom.jsonl", b"\xef\xbb\xbf" + json.dumps({"id": "j", "text": GOOD}).encode() + b"\n")
    assert [a.id for a in read_corpus([jsonl]).articles] == ["j"]


def test_utf16_with_bom_is_read(tmp_path):
    path = _write(tmp_path / "utf16.txt", GOOD.encode("utf-16"))
    (article,) = read_corpus([path]).articles
    assert article.text == GOOD


def test_windows_and_old_mac_line_endings_keep_offsets(tmp_path):
    path = _write(tmp_path / "crlf.txt", "Embassy opens film week in Lima\r\n\r\n" + GOOD + "\r\nSecond line.\rThird.")
    (article,) = read_corpus([path]).articles
    assert article.text == path.read_bytes().decode()
    assert len(article.body) == len(article.text) and "\r" not in article.body
    assert article.title == "Embassy opens film week in Lima"
    for word in ("Ambassador", "Second", "Third"):
        assert article.body.index(word) == article.text.index(word)


def test_control_characters_become_spaces_keeping_offsets(tmp_path):
    text = "The embassy\x00 held a\x0b reception.\x1b[31m Ambassador Ana Ruiz spoke.\ufffe"
    path = _write(tmp_path / "ctl.jsonl", json.dumps({"id": "c\x01", "text": text, "title": "Line\none\u0007"}) + "\n")
    corpus = read_corpus([path])
    (article,) = corpus.articles
    assert len(article.text) == len(text) and article.text.index("Ambassador") == text.index("Ambassador")
    assert not any(ch in article.text for ch in "\x00\x0b\x1b\ufffe")
    assert article.title == "Line one" and article.id == "c "
    reasons = [p.reason for p in corpus.problems]
    assert any(r.startswith("4 control characters (first U+0000 at character 11) replaced by spaces") for r in reasons), reasons
    assert any("'id' holds control characters" in r for r in reasons) and all(p.action == "repaired" for p in corpus.problems)


def test_lone_surrogates_from_json_escapes_are_replaced(tmp_path):
    path = _write(tmp_path / "s.jsonl", '{"id": "s", "text": "Ana \\ud800 Ruiz spoke at the embassy."}\n')
    (article,) = read_corpus([path]).articles
    article.text.encode("utf-8")  # would raise on a surrogate


# --- sizes ---------------------------------------------------------------------------------


def test_a_20_mb_article_is_cut_at_a_paragraph_break_with_a_warning(tmp_path):
    paragraph = GOOD + " " + "The ministers discussed trade and culture at length. " * 30 + "\n\n"
    path = tmp_path / "huge.txt"
    with path.open("w", encoding="utf-8") as handle:
        while handle.tell() < 20 * 1024 * 1024:
            handle.write(paragraph)
    size = path.stat().st_size
    corpus = read_corpus([path])
    (article,) = corpus.articles
    assert len(article.text) <= MAX_ARTICLE_CHARS and article.text.endswith(paragraph.rstrip("\n"))
    problem = _only_problem(corpus)
    assert problem.action == "repaired"
    assert problem.reason.startswith(f"article is {size:,} bytes; only its first {len(article.text):,} characters")
    assert "--max-chars" in problem.reason
    (small,) = read_corpus([path], max_chars=5000).articles
    assert len(small.text) <= 5000 and small.text.rstrip().endswith(".")


def test_a_long_article_without_breaks_is_cut_at_the_limit(tmp_path):
    path = _write(tmp_path / "token.txt", "x" * 1000)
    (article,) = read_corpus([path], max_chars=100).articles
    assert article.text == "x" * 100


def test_ten_thousand_tiny_articles(tmp_path):
    lines = [json.dumps({"id": f"n{i:05d}", "text": f"Ambassador Ana Ruiz{i} spoke."}) for i in range(10_000)]
    path = _write(tmp_path / "many.jsonl", "\n".join(lines) + "\n")
    for number in range(2_000):  # and a directory of many files
        _write(tmp_path / "dir" / f"{number // 500}" / f"t{number:05d}.txt", f"A film was screened in Lima {number}.")
    corpus = read_corpus([path, tmp_path / "dir"])
    assert len(corpus.articles) == 12_000 and not corpus.problems
    assert corpus.articles[0].id == "n00000" and corpus.articles[10_000].id == "t00000"


# --- JSON Lines ----------------------------------------------------------------------------


def test_json_lines_faults_are_each_reported_with_their_line(tmp_path):
    rows = [
        json.dumps({"id": "a", "text": GOOD}),  # 1 ok
        "{not json",  # 2
        json.dumps({"id": "b"}),  # 3 missing text
        json.dumps({"id": "c", "text": 42}),  # 4 text not a string
        json.dumps({"id": 7, "text": GOOD}),  # 5 integer id: accepted as "7"
        json.dumps({"id": 7.5, "text": GOOD}),  # 6
        json.dumps({"id": None, "text": GOOD}),  # 7
        json.dumps({"id": ["x"], "text": GOOD}),  # 8
        json.dumps({"text": GOOD}),  # 9 missing id
        json.dumps({"id": "  ", "text": GOOD}),  # 10 blank id
        "[1, 2]",  # 11
        json.dumps({"id": "a", "text": GOOD}),  # 12 duplicate, same text
        json.dumps({"id": "a", "text": "Another story."}),  # 13 duplicate, different text
        json.dumps({"id": "d", "text": GOOD, "date": "soon"}),  # 14
        json.dumps({"id": "e", "text": GOOD, "title": ["x"]}),  # 15
        json.dumps({"id": "f", "text": GOOD, "url": "javascript:alert(1)"}),  # 16 url left out
        "",  # 17 blank lines are no documents
        json.dumps({"id": True, "text": GOOD}),  # 18
        "[" * 100_000,  # 19 nested too deeply for any JSON parser
        json.dumps({"id": "g", "text": ""}),  # 20
    ]
    path = _write(tmp_path / "news.jsonl", "\n".join(rows) + "\n")
    corpus = read_corpus([path])
    assert [a.id for a in corpus.articles] == ["a", "7", "f"]
    assert corpus.articles[2].url is None
    reasons = {p.line: (p.action, p.reason) for p in corpus.problems}
    assert all(p.path == str(path) for p in corpus.problems)
    assert sorted(reasons) == [2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 19, 20]
    assert reasons[2] == ("skipped", "invalid JSON (Expecting property name enclosed in double quotes at column 2)")
    assert reasons[3] == ("skipped", "'text' must be a string (found missing)")
    assert reasons[4] == ("skipped", "'text' must be a string (found a int)")
    assert reasons[6][1] == "'id' must be a non-empty string or an integer (found 7.5)"
    assert reasons[7][1] == "'id' must be a non-empty string or an integer (found null)"
    assert reasons[9][1] == "'id' must be a non-empty string or an integer (found missing)"
    assert reasons[11][1] == "expected a JSON object with 'id' and 'text', found list"
    assert reasons[12] == ("skipped", f"duplicate id 'a' (the same text; the first, from {path}, line 1, is kept); give each article a unique id")
    assert reasons[13][1].startswith("duplicate id 'a' (a different text;")
    assert reasons[14][1] == "cannot read date 'soon'; use YYYY-MM-DD"
    assert reasons[15][1] == "'title' must be a string (found a list)"
    assert reasons[16] == ("repaired", "'url' 'javascript:alert(1)' is not an absolute http(s) URL; left out")
    assert reasons[18][1] == "'id' must be a non-empty string or an integer (found true)"
    assert reasons[19][1].startswith("invalid JSON")
    assert reasons[20][1] == "empty document"
    assert str(corpus.problems[0]) == f"{path}, line 2: {reasons[2][1]}; skipped"
    with pytest.raises(DocumentError, match=r"news.jsonl, line 2: invalid JSON"):
        read_corpus([path], strict=True)


def test_duplicate_ids_across_files_keep_the_first(tmp_path):
    first = _write(tmp_path / "a" / "x.txt", GOOD)
    second = _write(tmp_path / "b" / "x.txt", "Another article.")
    corpus = read_corpus([tmp_path])
    assert [a.path for a in corpus.articles] == [str(first)]
    problem = _only_problem(corpus)
    assert problem.path == str(second) and problem.line is None
    assert problem.reason.startswith(f"duplicate id 'x' (a different text; the first, from {first}, is kept)")


def test_read_articles_turns_problems_into_warnings(tmp_path, good):
    bad = _write(tmp_path / "empty.txt", "")
    with pytest.warns(DocumentWarning, match="empty.txt: empty document; skipped"):
        assert [a.id for a in read_articles([bad, good])] == ["good"]


# --- directories ---------------------------------------------------------------------------


def test_unreadable_files_and_directories_are_reported(tmp_path, monkeypatch):
    _write(tmp_path / "news" / "a.txt", GOOD)
    locked = _write(tmp_path / "news" / "locked.txt", GOOD)
    closed = tmp_path / "news" / "closed"
    _write(closed / "inside.txt", GOOD)
    real_open, real_scandir = Path.open, os.scandir

    def refusing_open(self, *args, **kwargs):
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    def refusing_scandir(path):
        if Path(path) == closed:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    # chmod 000 does not stop root, who may run the tests: refuse as the OS would
    monkeypatch.setattr(Path, "open", refusing_open)
    monkeypatch.setattr(os, "scandir", refusing_scandir)
    corpus = read_corpus([tmp_path / "news"])
    assert [a.id for a in corpus.articles] == ["a"]
    assert [(p.path, p.reason, p.action) for p in corpus.problems] == [
        (str(closed), "cannot list directory: Permission denied", "skipped"),
        (str(locked), "cannot read: Permission denied", "skipped"),
    ]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads files whatever their mode")
def test_a_file_without_read_permission(tmp_path):
    _write(tmp_path / "news" / "a.txt", GOOD)
    locked = _write(tmp_path / "news" / "locked.txt", GOOD)
    locked.chmod(0)
    try:
        corpus = read_corpus([tmp_path / "news"])
    finally:
        locked.chmod(0o644)
    assert [p.reason for p in corpus.problems] == ["cannot read: Permission denied"]


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_symlink_loops_dangling_links_and_files_linked_twice(tmp_path):
    news = tmp_path / "news"
    _write(news / "a.txt", GOOD)
    _write(news / "sub" / "b.txt", "A concert in Oslo.")
    (news / "sub" / "loop").symlink_to(news, target_is_directory=True)
    (news / "sub" / "self").symlink_to(news / "sub" / "self")  # a link to itself
    (news / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (news / "zz-again.txt").symlink_to(news / "a.txt")
    (news / "zz-sub").symlink_to(news / "sub", target_is_directory=True)
    corpus = read_corpus([news])
    assert [a.id for a in corpus.articles] == ["a", "b"]
    found = {Path(p.path).name: (p.action, p.reason) for p in corpus.problems}
    assert found["loop"][0] == "noted" and found["loop"][1].startswith("symbolic link loop")
    assert found["dangling.txt"] == ("skipped", "cannot open: No such file or directory")
    assert found["zz-again.txt"] == ("noted", f"same file as {news / 'a.txt'} (through a link); read once")
    assert found["self"][0] == "skipped" and "symbolic links" in found["self"][1]
    assert found["zz-sub"] == ("noted", f"same directory as {news / 'sub'} (through a link); read once")
    assert found["loop"][1] == f"symbolic link loop (leads back to {news}); not followed"


# --- content -------------------------------------------------------------------------------


def test_non_english_text_is_read_and_noted(tmp_path):
    russian = "Посольство Азербайджана в Аргентине провело мероприятие, посвящённое годовщине. " * 6
    path = _write(tmp_path / "ru.txt", russian)
    corpus = read_corpus([path])
    assert len(corpus.articles) == 1
    problem = _only_problem(corpus)
    assert problem.action == "noted" and problem.reason.startswith("does not look like English")
    read_corpus([path], strict=True)  # a note is not an error, even under --strict


def test_an_article_that_is_only_a_headline(tmp_path):
    path = _write(tmp_path / "headline.txt", "Embassy hosts reception for national day\n")
    corpus = read_corpus([path])
    (article,) = corpus.articles
    assert not corpus.problems and article.title == "Embassy hosts reception for national day"
    assert article.body.strip() == article.title  # the headline is still text to extract from


def test_a_huge_file_is_never_cut_inside_a_character(tmp_path):
    path = _write(tmp_path / "accents.txt", "é" * 1000 + "ü" * 7)
    for max_chars in (100, 101, 102, 103):
        corpus = read_corpus([path], max_chars=max_chars)
        (article,) = corpus.articles
        assert article.text == "é" * max_chars
        assert [p.reason.split(";")[0] for p in corpus.problems] == ["article is 2,014 bytes"]


# --- any bytes at all ----------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from eventgraph.corpus import UNSAFE_CHARACTERS  # noqa: E402


@settings(max_examples=int(os.environ.get("EVENTGRAPH_HYPOTHESIS_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=600), st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass"))), max_chars=st.integers(1, 400))
def test_any_bytes_give_articles_or_problems_never_a_crash(tmp_path, data, max_chars):
    """Whatever a .txt or a .jsonl file holds, reading it gives clean articles and problems:
    no exception but 'no article could be read', no character RDF/XML cannot hold, no text
    over max_chars, and every document either read or reported."""
    txt = _write(tmp_path / "any.txt", data)
    jsonl = _write(tmp_path / "any.jsonl", data)
    good = _write(tmp_path / "good.txt", GOOD)
    for path in (txt, jsonl):
        corpus = read_corpus([path, good], max_chars=max(max_chars, len(GOOD)))
        assert corpus.articles[-1].id == "good"
        for article in corpus.articles:
            assert not UNSAFE_CHARACTERS.search(article.text + article.id + (article.title or "") + (article.source or ""))
            assert 0 < len(article.text) <= max(max_chars, len(GOOD)) and article.text.strip()
            assert len(article.body) == len(article.text)
        if path == txt and len(corpus.articles) == 1:
            assert any(p.path == str(txt) and p.action == "skipped" for p in corpus.problems)


def test_json_lines_with_windows_line_endings(tmp_path):
    rows = [json.dumps({"id": "a", "text": "First line.\r\nAmbassador Ana Ruiz spoke."}), "{broken"]
    path = _write(tmp_path / "crlf.jsonl", "\r\n".join(rows) + "\r\n")
    corpus = read_corpus([path])
    (article,) = corpus.articles
    assert article.text == "First line.\r\nAmbassador Ana Ruiz spoke." and article.body.index("Ana") == article.text.index("Ana")
    assert [(p.line, p.reason) for p in corpus.problems] == [(2, "invalid JSON (Expecting property name enclosed in double quotes at column 2)")]
