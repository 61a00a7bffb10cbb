"""Finding and reading articles: .txt files, directories of them, and JSON Lines.

Each article becomes a frozen `Article`. Besides the text as read, an article
carries `body`: the same text with header lines, page chrome and repeated lines
blanked out by spaces, so that extraction never sees "Follow us on Twitter" but
every character offset still points into `text`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from .errors import InputError

SAMPLE_PACKAGE = "eventgraph.data.seeds"

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))

# " date 2018-02-26 By Interfax" (the crawler's header) and its chrome variants.
_DATE_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b(?:.*?\bBy\s+(?P<source>[A-Z][\w.&\- ]{0,40}?)\s*$)?", re.I)
# "February 27, 2024 09:19" or "27 February 2024" alone on a line.
_DATELINE = re.compile(
    rf"^\s*(?:(?P<m1>{_MONTH_RE})\.?\s+(?P<d1>\d{{1,2}}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH_RE})\.?,?\s+(?P<y2>\d{{4}}))"
    r"(?:[,\s]+\d{1,2}:\d{2}(?::\d{2})?)?\s*$",
    re.I,
)
# Lines that are page furniture, not reporting.
_CHROME = re.compile(
    r"^\s*(?:-{3,}|_{3,}|\*{3,}"
    r"|follow us\b.*|subscribe\b.*|share\b.*|read more\b.*|latest news|related news|most read"
    r"|orphus\b.*|.*\b\d+\s*px|advertisement|print|tags?:.*)\s*$",
    re.I,
)
# How many lines from the top may still hold a header or dateline.
_HEADER_LINES = 8


@dataclass(frozen=True)
class Article:
    """One news article, as read; `body` is `text` with non-reporting lines blanked."""

    id: str
    text: str
    body: str
    date: dt.date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    path: str | None = None


def parse_date(value: str) -> dt.date | None:
    """An ISO date or an English 'Month D, YYYY' / 'D Month YYYY' date, else None."""
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    match = _DATELINE.match(value)
    if not match:
        return None
    month = match.group("m1") or match.group("m2")
    day = match.group("d1") or match.group("d2")
    year = match.group("y1") or match.group("y2")
    try:
        return dt.date(int(year), _MONTHS[month.lower()], int(day))
    except ValueError:
        return None


def make_article(
    id: str,
    text: str,
    *,
    date: dt.date | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    path: str | None = None,
) -> Article:
    """Build an Article, reading the header conventions where metadata is not given."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    header = _read_header(text)
    return Article(
        id=id,
        text=text,
        body=_blank_lines(text, header.blank_lines),
        date=date or header.date,
        title=title or header.title,
        url=url,
        source=source or header.source,
        path=path,
    )


@dataclass(frozen=True)
class _Header:
    date: dt.date | None
    title: str | None
    source: str | None
    blank_lines: frozenset[int]


def _read_header(text: str) -> _Header:
    """Date, headline and credited source from the first lines, and which lines are not reporting."""
    lines = text.split("\n")
    date = title = source = None
    blank: set[int] = set()
    seen: set[str] = set()
    first_content = next((i for i, line in enumerate(lines) if line.strip()), None)
    previous_content: int | None = None
    for number, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if number < first_content + _HEADER_LINES:
            header = _DATE_HEADER.match(line)
            if header:
                date = date or dt.date.fromisoformat(header.group(1))
                source = source or (header.group("source") or "").strip() or None
                blank.add(number)
                continue
            dateline = _DATELINE.match(line)
            if dateline:
                date = date or parse_date(stripped)
                blank.add(number)
                section = previous_content
                if section is not None and _looks_like_section(lines[section].strip()):
                    blank.add(section)  # "Foreign policy" / "Diaspora" above the timestamp: the site's section
                continue
            if number == first_content and _looks_like_headline(stripped):
                title = stripped
        if _CHROME.match(line) or stripped in seen:
            blank.add(number)
        seen.add(stripped)
        previous_content = number
    return _Header(date, title, source, frozenset(blank))


def _looks_like_section(line: str) -> bool:
    return len(line.split()) <= 3 and not re.search(r"[.,:;!?\d]", line)


def _looks_like_headline(line: str) -> bool:
    return len(line) <= 200 and not line.endswith((".", ":", ";", ",")) and len(line.split()) >= 3


def _blank_lines(text: str, numbers: frozenset[int]) -> str:
    """Replace the given lines by spaces of the same length (offsets stay valid)."""
    if not numbers:
        return text
    lines = text.split("\n")
    return "\n".join(" " * len(line) if i in numbers else line for i, line in enumerate(lines))


def read_text_file(path: Path) -> Article:
    """One .txt article; its id is the file name without extension."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path} is not UTF-8 (invalid byte at offset {exc.start}); convert it, e.g. with iconv -t UTF-8"
        ) from exc
    return make_article(path.stem, text, path=str(path))


def read_jsonl_file(path: Path) -> Iterator[Article]:
    """Articles from JSON Lines: one object a line with `id` and `text`, optional title/date/url/source."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    yield _article_from_json(line, path, number)
        except UnicodeDecodeError as exc:
            raise InputError(f"{path} is not UTF-8 (invalid byte at offset {exc.start})") from exc


def _article_from_json(line: str, path: Path, number: int) -> Article:
    where = f"{path}, line {number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: invalid JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object with 'id' and 'text'")
    article_id, text = record.get("id"), record.get("text")
    if not isinstance(article_id, (str, int)) or isinstance(article_id, bool) or str(article_id).strip() == "":
        raise InputError(f"{where}: 'id' must be a non-empty string")
    if not isinstance(text, str):
        raise InputError(f"{where}: 'text' must be a string")
    optional = {key: record.get(key) for key in ("title", "date", "url", "source")}
    for key, value in optional.items():
        if value is not None and not isinstance(value, str):
            raise InputError(f"{where}: '{key}' must be a string")
    date = None
    if optional["date"]:
        date = parse_date(optional["date"])
        if date is None:
            raise InputError(f"{where}: cannot read date {optional['date']!r}; use YYYY-MM-DD")
    return make_article(
        str(article_id),
        text,
        date=date,
        title=optional["title"],
        url=optional["url"],
        source=optional["source"],
        path=where,
    )


def _files_in(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*.txt") if p.is_file())


def read_articles(inputs: Sequence[Path | str] | None = None) -> list[Article]:
    """Every article under the given paths (directories, .txt, .jsonl), or the bundled samples."""
    if not inputs:
        return sample_articles()
    articles: list[Article] = []
    for raw in inputs:
        articles.extend(_read_input(Path(raw)))
    _check_unique_ids(articles)
    return articles


def _read_input(path: Path) -> Iterable[Article]:
    if not path.exists():
        raise InputError(f"no such file or directory: {path}")
    if path.is_dir():
        files = _files_in(path)
        if not files:
            raise InputError(f"no .txt articles found under {path}")
        return [read_text_file(file) for file in files]
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        return list(read_jsonl_file(path))
    if path.suffix.lower() == ".txt":
        return [read_text_file(path)]
    raise InputError(f"cannot read {path}: expected a directory, a .txt file or a .jsonl file")


def _check_unique_ids(articles: Sequence[Article]) -> None:
    seen: dict[str, str | None] = {}
    for article in articles:
        if article.id in seen:
            raise InputError(
                f"two articles have the id {article.id!r} ({seen[article.id]} and {article.path}); "
                "article ids must be unique"
            )
        seen[article.id] = article.path


def sample_articles() -> list[Article]:
    """The five bundled sample articles, used when `build` is given no input."""
    folder = resources.files(SAMPLE_PACKAGE)
    entries = sorted((entry for entry in folder.iterdir() if entry.name.endswith(".txt")), key=lambda e: e.name)
    return [make_article(entry.name[: -len(".txt")], entry.read_text(encoding="utf-8")) for entry in entries]
