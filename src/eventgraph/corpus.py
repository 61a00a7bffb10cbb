"""Finding and reading articles: .txt files, directories of them, and JSON Lines.

Each article becomes a frozen `Article`. Besides the text as read, an article
carries `body`: the same text with header lines, page chrome and repeated lines
blanked out by spaces (and a Windows line ending's carriage return turned into a
space), so that extraction never sees "Follow us on Twitter" but every character
offset still points into `text`, which is the file's text as decoded.

Real corpora are messy, so reading never stops at a bad document. `read_corpus`
returns the articles it could read and a `Problem` record for every document it
skipped or repaired (file, line, reason); the CLI prints them and `--strict`
turns the first into an error. What is skipped, repaired or noted:

- skipped: empty or whitespace-only documents, binary files, unreadable files,
  JSON Lines that are not JSON objects or lack a string `text` or a usable `id`,
  bad metadata (a date that is no date), a second document with an id already
  read;
- repaired: invalid UTF-8 (decoded with U+FFFD, the byte offset named), control
  characters XML 1.0 cannot hold (replaced by spaces, so offsets stay valid), an
  article over `max_chars` (cut at a paragraph break before the limit), a `url`
  that is no http(s) URL (left out);
- noted: symbolic link loops and files reached twice through links (read once),
  text that does not look like English (the pipeline is English).
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import os
import re
import stat
import warnings
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator, Literal, Sequence

from .errors import DocumentError, DocumentWarning, InputError

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


# Characters XML 1.0 cannot hold (so RDF/XML cannot either), lone surrogates (which cannot be
# written as UTF-8) and the noncharacters U+FFFE/U+FFFF. Tab, LF and CR are fine.
UNSAFE_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

# Longer articles are cut (at a paragraph break) with a warning: 200,000 characters is
# about 30,000 words, far beyond any news article, and keeps spaCy's memory bounded.
MAX_ARTICLE_CHARS = 200_000

# Common English function words: text in which they are rare is probably not English.
_ENGLISH_WORDS = frozenset("the of and to in a is was for on that with by at as from it his her has have said".split())


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
    path: str | None = None  # the file it was read from
    line: int | None = None  # its line, in a JSON Lines file


Action = Literal["skipped", "repaired", "noted"]


@dataclass(frozen=True)
class Problem:
    """Something wrong with one document: where (file, line), why, and what was done about it.

    "skipped": the document is not in the graph; "repaired": it is, changed as `reason` says;
    "noted": it is, unchanged, but the user should know.
    """

    path: str
    reason: str
    line: int | None = None
    action: Action = "skipped"

    @property
    def where(self) -> str:
        return self.path if self.line is None else f"{self.path}, line {self.line}"

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}" + ("; skipped" if self.action == "skipped" else "")


@dataclass(frozen=True)
class Corpus:
    """What reading the inputs gave: the articles, and a Problem for each document skipped or repaired."""

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...] = ()

    @property
    def skipped(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if problem.action == "skipped")


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
    line: int | None = None,
) -> Article:
    """Build an Article, reading the header conventions where metadata is not given.

    `text` is kept as given (minus a leading byte order mark), so offsets point into it;
    characters no RDF serialization can hold are replaced by spaces (the reader reports them).
    """
    text = replace_unsafe(text.removeprefix("\ufeff"))
    # a Windows "\r\n" becomes " \n" and an old Mac "\r" a "\n": same length, same offsets
    normalized = text.replace("\r\n", " \n").replace("\r", "\n")
    header = _read_header(normalized)
    return Article(
        id=replace_unsafe(id),
        text=text,
        body=_blank_lines(normalized, header.blank_lines),
        date=date or header.date,
        title=_clean_field(title) or header.title,
        url=_clean_field(url),
        source=_agency_name(source) or header.source,
        path=path,
        line=line,
    )


def replace_unsafe(text: str) -> str:
    """`text` with every character of UNSAFE_CHARACTERS replaced by a space (same length)."""
    return UNSAFE_CHARACTERS.sub(" ", text)


def _clean_field(value: str | None) -> str | None:
    """Metadata as one tidy line: unsafe characters and line breaks become spaces."""
    if value is None:
        return None
    return " ".join(replace_unsafe(value).split()) or None


def _agency_name(value: str | None) -> str | None:
    """A credited agency as a name: without surrounding quotes, and none at all if nothing of a
    name is left (a source of '"' would make an organization without a name)."""
    cleaned = _clean_field(value)
    cleaned = cleaned.strip("\"'“”‘’«»„ ") if cleaned else None
    return cleaned if cleaned and any(c.isalnum() for c in cleaned) else None


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


# --- reading files: every step yields articles and problems, never prints --------------------

def read_corpus(
    inputs: Sequence[Path | str] | None = None, *, strict: bool = False, max_chars: int = MAX_ARTICLE_CHARS
) -> Corpus:
    """Every article under the given paths (directories, .txt, .jsonl), or the bundled samples.

    Bad documents are skipped and reported in `Corpus.problems`; with `strict`, the first
    document skipped or repaired raises DocumentError instead. A path that does not exist,
    a file of an unknown kind, or inputs without a single readable article raise InputError.
    """
    if not inputs:
        return Corpus(tuple(sample_articles()))
    paths = [Path(raw) for raw in inputs]
    for path in paths:
        _check_input(path)
    articles: list[Article] = []
    problems: list[Problem] = []
    for item in _unique_ids(_scan(paths, max_chars)):
        if isinstance(item, Article):
            articles.append(item)
            continue
        if strict and item.action != "noted":
            raise DocumentError(item)
        problems.append(item)
    if not articles:
        skipped = [problem for problem in problems if problem.action == "skipped"]
        detail = f"; first: {skipped[0]}" if skipped else ""
        raise InputError(f"no article could be read from {', '.join(map(str, paths))} ({len(skipped)} skipped{detail})")
    return Corpus(tuple(articles), tuple(problems))


def read_articles(
    inputs: Sequence[Path | str] | None = None, *, strict: bool = False, max_chars: int = MAX_ARTICLE_CHARS
) -> list[Article]:
    """The articles of `read_corpus`; each problem is issued as a DocumentWarning."""
    corpus = read_corpus(inputs, strict=strict, max_chars=max_chars)
    for problem in corpus.problems:
        warnings.warn(str(problem), DocumentWarning, stacklevel=2)
    return list(corpus.articles)


def _check_input(path: Path) -> None:
    """Inputs named on the command line must exist and be of a kind we read (a typo is an error)."""
    if not path.exists():
        raise InputError(f"no such file or directory: {path}")
    if path.is_dir():
        return
    if path.suffix.lower() not in (".txt", ".jsonl", ".ndjson"):
        raise InputError(f"cannot read {path}: expected a directory, a .txt file or a .jsonl file")


def _scan(paths: Sequence[Path], max_chars: int) -> Iterator[Article | Problem]:
    for path in paths:
        if path.is_dir():
            yield from _scan_directory(path, max_chars)
        elif path.suffix.lower() == ".txt":
            yield from read_text_file(path, max_chars)
        else:
            yield from read_jsonl_file(path, max_chars)


def _scan_directory(directory: Path, max_chars: int) -> Iterator[Article | Problem]:
    found = False
    for item in _text_files(directory):
        if isinstance(item, Path):
            found = True
            yield from read_text_file(item, max_chars)
        else:
            found = found or item.action != "noted"
            yield item
    if not found:
        raise InputError(f"no .txt articles found under {directory}")


def _text_files(directory: Path) -> Iterator[Path | Problem]:
    """Every *.txt below `directory` in sorted order, following symbolic links but never in a
    loop and never reading one file twice; directories that cannot be listed are reported."""
    seen_dirs: dict[tuple[int, int], Path] = {}
    seen_files: dict[tuple[int, int], Path] = {}

    def walk(folder: Path, ancestors: frozenset[tuple[int, int]]) -> Iterator[Path | Problem]:
        try:
            info = folder.stat()
        except OSError as exc:
            yield Problem(str(folder), f"cannot open directory: {_os_reason(exc)}")
            return
        here = (info.st_dev, info.st_ino)
        if here in ancestors:
            yield Problem(str(folder), f"symbolic link loop (leads back to {seen_dirs[here]}); not followed", action="noted")
            return
        if here in seen_dirs:
            yield Problem(str(folder), f"same directory as {seen_dirs[here]} (through a link); read once", action="noted")
            return
        seen_dirs[here] = folder
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as exc:
            yield Problem(str(folder), f"cannot list directory: {_os_reason(exc)}")
            return
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()  # follows links
            except OSError as exc:
                yield Problem(str(path), f"cannot open: {_os_reason(exc)}")
                continue
            if is_dir:
                yield from walk(path, ancestors | {here})
                continue
            if not entry.name.lower().endswith(".txt"):
                continue
            try:
                file_info = path.stat()
            except OSError as exc:  # a dangling link, a loop of links
                yield Problem(str(path), f"cannot open: {_os_reason(exc)}")
                continue
            if not stat.S_ISREG(file_info.st_mode):
                yield Problem(str(path), "not a regular file")
                continue
            identity = (file_info.st_dev, file_info.st_ino)
            if identity in seen_files:
                yield Problem(str(path), f"same file as {seen_files[identity]} (through a link); read once", action="noted")
                continue
            seen_files[identity] = path
            yield path

    yield from walk(directory, frozenset())


def _os_reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def read_text_file(path: Path, max_chars: int = MAX_ARTICLE_CHARS) -> Iterator[Article | Problem]:
    """One .txt article (its id is the file name without extension), or why it was skipped.

    At most max_chars characters are decoded, so a huge file costs no more memory than that.
    """
    where = str(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(4 * max_chars + 4)  # UTF-8 needs at most 4 bytes a character
            size = os.fstat(handle.fileno()).st_size
    except OSError as exc:
        yield Problem(where, f"cannot read: {_os_reason(exc)}")
        return
    if size > len(raw):  # only a prefix was read: never end it inside a character
        raw = _whole_characters(raw)
    text, problems = _decode(raw, where)
    yield from problems
    if text is None:
        return
    yield from _document(path.stem, text, where, None, max_chars=max_chars, size=size)


def read_jsonl_file(path: Path, max_chars: int = MAX_ARTICLE_CHARS) -> Iterator[Article | Problem]:
    """Articles from JSON Lines (one object a line: `id`, `text`, optional title/date/url/source),
    and a Problem for every line that cannot be one. Lines are read one at a time."""
    where = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Problem(where, f"cannot read: {_os_reason(exc)}")
        return
    with handle:
        offset = number = 0
        try:
            for number, raw in enumerate(handle, start=1):
                line_offset, offset = offset, offset + len(raw)
                if number == 1:
                    raw = raw.removeprefix(codecs.BOM_UTF8)
                if not raw.strip():
                    continue
                if b"\x00" in raw:
                    yield Problem(where, "binary data (a NUL byte), not a JSON object", number)
                    continue
                text, problems = _decode(raw, where, number, line_offset)
                yield from problems
                if text is not None:
                    yield from _article_from_json(text.rstrip("\r\n"), where, number, max_chars)
        except OSError as exc:
            yield Problem(where, f"cannot read beyond this line: {_os_reason(exc)}", number + 1)


def _whole_characters(raw: bytes) -> bytes:
    """`raw` without a UTF-8 sequence cut off at its end."""
    for back in range(1, min(4, len(raw)) + 1):
        byte = raw[-back]
        if byte < 0x80:
            return raw
        if byte >= 0xC0:  # the lead byte of a sequence `back` bytes long so far
            length = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return raw if length <= back else raw[:-back]
    return raw


def _decode(raw: bytes, where: str, line: int | None = None, base_offset: int = 0) -> tuple[str | None, list[Problem]]:
    """Bytes as text: UTF-8 (a BOM is dropped) or UTF-16 with its BOM. Invalid UTF-8 is
    decoded with U+FFFD and reported with its byte offset; binary data is refused."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and line is None:
        try:
            return raw.decode("utf-16"), []
        except UnicodeDecodeError:
            pass
    nul = raw.find(b"\x00")
    if nul >= 0:
        return None, [Problem(where, f"binary file (a NUL byte at offset {nul}), not a text article", line)]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        text = raw.decode("utf-8-sig", errors="replace")
        bad = text.count("\ufffd") - raw.count("\ufffd".encode("utf-8"))
        if len(raw) >= 64 and bad > len(raw) // 10:
            return None, [Problem(where, f"binary data or not UTF-8 ({bad} invalid byte sequences in {len(raw)} bytes)", line)]
        return text, [
            Problem(
                where,
                f"invalid UTF-8 at byte offset {base_offset + exc.start} ({bad} invalid sequence{'s' if bad > 1 else ''} "
                "replaced by U+FFFD); convert the file, e.g. iconv -f latin1 -t UTF-8",
                line,
                "repaired",
            )
        ]


def _article_from_json(line: str, where: str, number: int, max_chars: int) -> Iterator[Article | Problem]:
    def skip(reason: str) -> Problem:
        return Problem(where, reason, number)

    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        yield skip(f"invalid JSON ({exc.msg} at column {exc.colno})")
        return
    except RecursionError:
        yield skip("invalid JSON (nested too deeply)")
        return
    if not isinstance(record, dict):
        yield skip(f"expected a JSON object with 'id' and 'text', found {type(record).__name__}")
        return
    article_id, text = record.get("id"), record.get("text")
    # integer ids are common in exports and unambiguous: 42 is the id "42"
    if isinstance(article_id, int) and not isinstance(article_id, bool):
        article_id = str(article_id)
    if not isinstance(article_id, str) or not article_id.strip():
        found = "missing" if "id" not in record else f"{json.dumps(article_id)}"
        yield skip(f"'id' must be a non-empty string or an integer (found {found})")
        return
    if not isinstance(text, str):
        found = "missing" if "text" not in record else f"a {type(text).__name__}"
        yield skip(f"'text' must be a string (found {found})")
        return
    optional = {key: record.get(key) for key in ("title", "date", "url", "source")}
    for key, value in optional.items():
        if value is not None and not isinstance(value, str):
            yield skip(f"'{key}' must be a string (found a {type(value).__name__})")
            return
    date = None
    if optional["date"]:
        date = parse_date(optional["date"])
        if date is None:
            yield skip(f"cannot read date {optional['date']!r}; use YYYY-MM-DD")
            return
    url = optional["url"]
    if url is not None and not _is_web_url(url):
        yield Problem(where, f"'url' {url[:80]!r} is not an absolute http(s) URL; left out", number, "repaired")
        url = None
    for key in ("id", "title", "source"):
        value = article_id if key == "id" else optional[key]
        if value is not None and UNSAFE_CHARACTERS.search(value):
            yield Problem(where, f"'{key}' holds control characters; replaced by spaces", number, "repaired")
    yield from _document(
        article_id.strip(), text, where, number, max_chars=max_chars,
        date=date, title=optional["title"], url=url, source=optional["source"],
    )


def _is_web_url(url: str) -> bool:
    return re.match(r"^\s*https?://[^\s/?#]+", url, re.I) is not None and not UNSAFE_CHARACTERS.search(url)


def _document(
    article_id: str, text: str, where: str, line: int | None, *, max_chars: int, size: int | None = None, **metadata
) -> Iterator[Article | Problem]:
    """Checks shared by every kind of file, then the Article."""
    if not text:
        yield Problem(where, "empty document", line)
        return
    unsafe = UNSAFE_CHARACTERS.search(text)
    if not replace_unsafe(text).strip():
        yield Problem(where, f"no text (only white space{' and control characters' if unsafe else ''})", line)
        return
    if unsafe:
        count = len(UNSAFE_CHARACTERS.findall(text))
        yield Problem(
            where,
            f"{count} control character{'s' if count > 1 else ''} (first U+{ord(unsafe.group()):04X} at character "
            f"{unsafe.start()}) replaced by spaces",
            line,
            "repaired",
        )
    if len(text) > max_chars or (size is not None and size > 4 * max_chars + 4):
        text = _cut(text, max_chars)
        total = f"{size:,} bytes" if size is not None and size > 4 * max_chars + 4 else f"longer than {max_chars:,} characters"
        yield Problem(
            where,
            f"article is {total}; only its first {len(text):,} characters (up to a paragraph break) are read; "
            "split it into articles or raise --max-chars",
            line,
            "repaired",
        )
        if not replace_unsafe(text).strip():
            yield Problem(where, f"no text in the first {max_chars:,} characters", line)
            return
    if not _looks_english(text):
        yield Problem(where, "does not look like English; the English pipeline may find little in it", line, "noted")
    yield make_article(article_id, text, path=where, line=line, **metadata)


def _cut(text: str, max_chars: int) -> str:
    """The longest prefix of at most max_chars characters ending at a paragraph break, a line
    break or a space (in that order of preference, if one lies in the second half)."""
    head = text[:max_chars]
    for separator in ("\n\n", "\n", " "):
        cut = head.rfind(separator)
        if cut >= max_chars // 2:
            return head[:cut]
    return head


def _looks_english(text: str) -> bool:
    words = re.findall(r"\w+", text[:20_000].lower())
    if len(words) < 30:
        return True  # too short to tell; a headline is fine
    return sum(word in _ENGLISH_WORDS for word in words) >= len(words) * 0.05


def _unique_ids(items: Iterable[Article | Problem]) -> Iterator[Article | Problem]:
    """The first document with an id is kept; a later one with the same id is skipped and
    reported, naming where the first came from (an IRI must denote one article)."""
    first: dict[str, Article] = {}
    for item in items:
        if isinstance(item, Article):
            earlier = first.get(item.id)
            if earlier is not None:
                same = "the same text" if earlier.text == item.text else "a different text"
                kept = earlier.path if earlier.line is None else f"{earlier.path}, line {earlier.line}"
                yield Problem(
                    item.path or "",
                    f"duplicate id {item.id!r} ({same}; the first, from {kept}, is kept); give each article a unique id",
                    item.line,
                )
                continue
            first[item.id] = item
        yield item


def sample_articles() -> list[Article]:
    """The five bundled sample articles, used when `build` is given no input."""
    folder = resources.files(SAMPLE_PACKAGE)
    entries = sorted((entry for entry in folder.iterdir() if entry.name.endswith(".txt")), key=lambda e: e.name)
    return [make_article(entry.name[: -len(".txt")], entry.read_text(encoding="utf-8")) for entry in entries]
