"""Reading articles: file kinds, header conventions, and clear errors for bad input."""

import datetime as dt
import json

import pytest

from eventgraph.corpus import make_article, parse_date, read_articles, sample_articles
from eventgraph.errors import InputError


def test_crawler_header_gives_date_and_source_and_is_blanked():
    article = make_article("a", " date 2018-02-26 By Daily Wire\n\nThe embassy held a reception.")
    assert article.date == dt.date(2018, 2, 26)
    assert article.source == "Daily Wire"
    assert "Daily Wire" not in article.body
    assert len(article.body) == len(article.text)  # offsets into body are offsets into text


def test_dateline_and_headline():
    text = "Film week opens in Lima\n\nCulture\nMarch 4, 2022 10:15\nThe embassy opened a film week."
    article = make_article("b", text)
    assert article.date == dt.date(2022, 3, 4)
    assert article.title == "Film week opens in Lima"
    assert "10:15" not in article.body


def test_page_chrome_and_repeated_lines_are_blanked():
    text = "The embassy held a reception.\n\nThe embassy held a reception.\n---\nFollow us on Twitter @paper\nLatest news"
    body = make_article("c", text).body
    assert body.count("The embassy held a reception.") == 1
    assert "Twitter" not in body and "Latest news" not in body


def test_windows_line_endings_keep_offsets_into_the_text():
    article = make_article("d", "\ufeffFirst line.\r\nSecond line.\r\n")
    assert article.text == "First line.\r\nSecond line.\r\n"  # as in the file (the BOM is no text)
    assert article.body == "First line. \nSecond line. \n"  # what spaCy sees: same length
    assert article.text.index("Second") == article.body.index("Second")


@pytest.mark.parametrize(
    "text, expected",
    [("2024-02-27", dt.date(2024, 2, 27)), ("February 27, 2024", dt.date(2024, 2, 27)), ("27 Feb 2024", dt.date(2024, 2, 27)), ("someday", None)],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_directories_text_files_and_jsonl(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text("The embassy held a reception.", encoding="utf-8")
    (tmp_path / "ignored.md").write_text("not an article", encoding="utf-8")
    jsonl = tmp_path / "more.jsonl"
    jsonl.write_text(
        json.dumps({"id": "j1", "text": "A concert.", "date": "2020-01-02", "url": "https://example.org/j1", "source": "Wire"}) + "\n\n",
        encoding="utf-8",
    )
    articles = read_articles([tmp_path / "sub", jsonl])
    assert [a.id for a in articles] == ["one", "j1"]
    assert articles[1].date == dt.date(2020, 1, 2) and articles[1].source == "Wire" and articles[1].url == "https://example.org/j1"


def test_no_input_means_the_bundled_samples():
    assert len(read_articles()) == len(sample_articles()) == 5


def test_missing_path(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_articles([tmp_path / "nope"])


def test_empty_directory(tmp_path):
    with pytest.raises(InputError, match="no .txt articles"):
        read_articles([tmp_path])


def test_unknown_file_kind(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("id,text\n", encoding="utf-8")
    with pytest.raises(InputError, match="expected a directory, a .txt file or a .jsonl file"):
        read_articles([path])


def test_a_section_line_above_the_timestamp_is_chrome():
    text = "Museum opens in Lima\n\nCulture\nMay 3, 2024 10:12\nMuseum opens in Lima\n\nThe Andes Museum opened in Lima.\n"
    article = make_article("a", text)
    assert "Culture" not in article.body
    assert "The Andes Museum opened in Lima." in article.body
    assert article.date == dt.date(2024, 5, 3)


def test_a_source_with_nothing_of_a_name_is_no_source():
    from eventgraph.corpus import make_article

    assert make_article("a", "Text.", source='"').source is None
    assert make_article("a", "Text.", source=' "Wire" ').source == "Wire"
