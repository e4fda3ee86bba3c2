"""Read news from files, folders and stdin into `Story` records, reporting bad input instead of raising.

`read(path)` yields `Story` objects and `ReadProblem`s in input order. A problem names its item precisely
("data/a.html", "corpus.jsonl:17", "<stdin>:3", "feed.rss#4", "stories.json[2]"); `skipped=False` marks a warning
where the item was still read. Nothing here raises for a user's input: missing or unreadable paths, binary files,
empty files, bad UTF-8, lines that are not JSON, absurdly long lines or files, pages with no article.

Formats: .txt/.text (one story), .html/.htm (article extracted with trafilatura, no network), .jsonl (one story a
line), .json (an array of story objects), .rss/.atom/.xml (RSS/Atom feeds through feedparser; links are never
fetched). Every text is repaired first (flashpoint.text.repair: mojibake such as "â€™", HTML entities); clean text
comes through untouched. Story text keeps the input's offsets where there is an input text (.txt, JSONL "text": only
line endings are normalised to "\\n") unless the repair changed something: then Story.extra["repair"] holds the edits
that map offsets back (`flashpoint.text.repair.to_source`), and a JSONL line that brings its own "toponyms" offsets is
not repaired. For HTML and feeds the text is rebuilt as paragraphs joined by blank lines. trafilatura and feedparser
are imported on first use only.
"""

from __future__ import annotations

import codecs
import html as html_lib
import io
import json
import logging
import os
import re
import stat
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import Any, BinaryIO

from flashpoint.records import Story
from flashpoint.text.repair import repair
from flashpoint.text.sentences import looks_like_headline, paragraph_spans

MAX_LINE_BYTES = 2 * 1024 * 1024  # a JSONL line longer than this is rejected without being parsed
MAX_FILE_BYTES = 20 * 1024 * 1024  # a .txt/.html/feed file (or stdin story) larger than this is rejected
MAX_JSON_BYTES = 200 * 1024 * 1024  # a .json array is parsed whole; past this, JSONL is the way
SNIFF_BYTES = 8192  # NUL bytes in this much of the head mean a binary file
MIN_ARTICLE_WORDS = 6  # extracted HTML with no line this long holds no article (menus, login pages, footers)

EXTENSIONS: dict[str, str] = {
    ".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".json": "json",
    ".rss": "feed", ".atom": "feed", ".xml": "xml",
}

STDIN = "<stdin>"


@dataclass
class ReadProblem:
    """One bad input item: `source` names it, `reason` says what is wrong; skipped=False is a warning only."""

    source: str
    reason: str
    skipped: bool = True

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}" + ("" if self.skipped else " (read anyway)")


Item = Story | ReadProblem


# ------------------------------------------------------------------------------------------------ small helpers


_ISO_DATE = re.compile(
    r"\s*(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}(?::\d{2}(?::\d{2}(?:[.,]\d+)?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?\s*"
)


def parse_date(value: object) -> str | None:
    """"YYYY-MM-DD" or an ISO datetime -> "YYYY-MM-DD"; None when it is not a valid date."""
    if not isinstance(value, str):
        return None
    m = _ISO_DATE.fullmatch(value)
    if m is None:
        return None
    try:
        return Date.fromisoformat(m.group(1)).isoformat()
    except ValueError:
        return None


def _mb(n: int) -> str:
    """A size for messages: "10.0 MB", or "3.3 KB" below a megabyte."""
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.1f} KB"


def _limit(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n % (1024 * 1024) == 0 else _mb(n)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _os_reason(err: OSError) -> str:
    if isinstance(err, FileNotFoundError):
        return "no such file or folder"
    if isinstance(err, PermissionError):
        return "permission denied"
    if isinstance(err, IsADirectoryError):
        return "is a folder"
    return err.strerror or type(err).__name__


_CHARSET = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)


def _decode(data: bytes, source: str, *, markup: bool = False) -> tuple[str, ReadProblem | None]:
    """Bytes -> str with universal newlines. Bad UTF-8 is replaced and reported (unless markup declares a charset)."""
    problem = None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    else:
        if data.startswith(codecs.BOM_UTF8):
            data = data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = ""
            declared = _CHARSET.search(data[:4096]) if markup else None
            if declared:
                name = declared.group(1).decode("ascii", "replace")
                try:
                    if codecs.lookup(name).name != "utf-8":
                        text = data.decode(name, errors="replace")
                except LookupError:
                    pass
            if not text:
                text = data.decode("utf-8", errors="replace")
                bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
                problem = ReadProblem(
                    source, f"invalid UTF-8: {_plural(bad, 'bad byte sequence')} replaced with U+FFFD", skipped=False
                )
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, problem


def _nonblank(text: str) -> bool:
    return bool(text) and not text.isspace()


# ------------------------------------------------------------------------------------------------ byte source


class _Source:
    """A binary stream with a look-ahead buffer: sniff the head, then read lines or everything, boundedly."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.buf = b""
        self.eof = False

    def _fill(self, n: int) -> None:
        if len(self.buf) >= n or self.eof:
            return
        chunks, have = [self.buf], len(self.buf)
        while have < n:
            chunk = self.raw.read(n - have)  # a pipe returns short reads: collect, join once
            if not chunk:
                self.eof = True
                break
            chunks.append(chunk)
            have += len(chunk)
        self.buf = b"".join(chunks)

    def head(self, n: int = SNIFF_BYTES) -> bytes:
        self._fill(n)
        return self.buf[:n]

    def first_visible(self) -> bytes:
        """The first non-whitespace byte (after a BOM), looking at most MAX_LINE_BYTES ahead; b"" if none."""
        n = SNIFF_BYTES
        while True:
            head = self.head(n)
            if head.startswith(codecs.BOM_UTF8):
                head = head[3:]
            stripped = head.lstrip()
            if stripped:
                return stripped[:1]
            if self.eof or n >= MAX_LINE_BYTES:
                return b""
            n *= 4

    def readline(self, limit: int) -> bytes:
        if self.buf:
            i = self.buf.find(b"\n", 0, limit)
            if i >= 0:
                line, self.buf = self.buf[: i + 1], self.buf[i + 1:]
                return line
            if len(self.buf) >= limit:
                line, self.buf = self.buf[:limit], self.buf[limit:]
                return line
            line, self.buf = self.buf, b""
            if self.eof:
                return line
            return line + self.raw.readline(limit - len(line))
        if self.eof:
            return b""
        return self.raw.readline(limit)

    def read_all(self, limit: int) -> bytes:
        """Everything, or limit + 1 bytes when there is more than `limit` (the caller reports it)."""
        self._fill(limit + 1)
        data, self.buf = self.buf, b""
        return data


def _iter_lines(src: _Source, limit: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line bytes or None when longer than limit, size in bytes); never holds more than limit."""
    lineno = 0
    while True:
        chunk = src.readline(limit + 1)
        if not chunk:
            return
        lineno += 1
        if len(chunk) > limit and not chunk.endswith(b"\n"):
            size = len(chunk)
            while True:  # drain the rest of the line, counting it
                more = src.readline(1024 * 1024)
                if not more:
                    break
                size += len(more)
                if more.endswith(b"\n"):
                    break
            yield lineno, None, size
        else:
            yield lineno, chunk, len(chunk)


# ------------------------------------------------------------------------------------------------ story builders


def _repaired(text: str, fix: bool) -> tuple[str, dict[str, Any]]:
    """Text repair (flashpoint.text.repair) and what to keep of it in Story.extra["repair"]: ftfy's steps and the
    edits, (repaired start, end, input start, end), that map offsets back to the input."""
    if not fix:
        return text, {}
    r = repair(text)
    if not r.changed:
        return text, {}
    return r.text, {"repair": {"steps": r.steps, "edits": [list(e) for e in r.edits]}}


def _text_story(
    text: str, source: str, *, story_id: str | None, date: str | None, url: str | None = None,
    title: str | None = None, fix: bool = True,
) -> Story:
    story_id = story_id or Story.make_id(text)  # the input's hash: the id does not depend on the repair
    text, extra = _repaired(text, fix)
    paras = paragraph_spans(text)
    if title is None and len(paras) > 1:
        first = text[paras[0][0]:paras[0][1]]
        if "\n" not in first and looks_like_headline(first):
            title = first
    return Story(
        id=story_id, text=text, date=date, url=url, title=title, source=source, paragraphs=paras, extra=extra,
    )


def story_from_text(
    text: str, *, date: str | None = None, story_id: str | None = None, url: str | None = None,
    title: str | None = None, source: str | None = None,
) -> Story:
    """A Story from plain text given in code (the Python API). Offsets stay those of `text` (after \\r\\n -> \\n)
    unless text repair changed it (see Story.extra["repair"]).

    Unlike `read`, a programming mistake raises: a `date` that is not YYYY-MM-DD (or ISO datetime) is a ValueError."""
    day = parse_date(date) if date is not None else None
    if date is not None and day is None:
        raise ValueError(f"date must be YYYY-MM-DD, got {date!r}")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _text_story(text, source or "<text>", story_id=story_id, date=day, url=url, title=title)


def _joined_story(
    paragraphs: list[str], source: str, *, story_id: str | None, date: str | None, url: str | None,
    title: str | None,
) -> Story:
    text = "\n\n".join(paragraphs)
    story_id = story_id or Story.make_id(text)
    text, extra = _repaired(text, True)
    return Story(
        id=story_id, text=text, date=date, url=url, title=title, source=source,
        paragraphs=paragraph_spans(text), extra=extra,
    )


_trafilatura: Any = None


def _extractor() -> Any:
    global _trafilatura
    if _trafilatura is None:
        import trafilatura

        for name in ("trafilatura", "htmldate", "courlan", "justext"):
            logging.getLogger(name).addHandler(logging.NullHandler())  # no stray warnings on stderr
        _trafilatura = trafilatura
    return _trafilatura


def _html_story(
    markup: str, source: str, *, story_id: str | None, date: str | None, url: str | None = None,
    title: str | None = None,
) -> Story | ReadProblem:
    """Main text of a page via trafilatura (precision first, no comments, no tables); title and date from metadata."""
    traf = _extractor()
    try:
        doc = traf.bare_extraction(
            markup, url=url, with_metadata=True, favor_precision=True, include_comments=False,
            include_tables=False, include_images=False, include_links=False,
        )
    except Exception as err:  # trafilatura/lxml on malformed markup: report, never crash the batch
        return ReadProblem(source, f"HTML could not be parsed ({type(err).__name__}: {err})")
    body = getattr(doc, "text", None) if doc is not None else None
    lines = [" ".join(ln.split()) for ln in (body or "").split("\n")]
    lines = [ln for ln in lines if ln]
    if not any(len(ln.split()) >= MIN_ARTICLE_WORDS for ln in lines):
        return ReadProblem(source, "no article text found")
    page_title = " ".join((getattr(doc, "title", None) or "").split()) or None
    title = title or page_title
    if title and lines[0] != title and not lines[0].startswith(title):
        lines.insert(0, title)  # the headline is part of the story, as in a .txt file
    if date is None:
        date = parse_date(getattr(doc, "date", None))
    url = url or getattr(doc, "url", None)
    return _joined_story(lines, source, story_id=story_id, date=date, url=url, title=title)


# ------------------------------------------------------------------------------------------------ JSON stories


def _type_name(value: object) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}.get(
        type(value), "number" if isinstance(value, int | float) else type(value).__name__
    )


_STORY_FIELDS = {"id", "text", "html", "date", "url", "title"}


def _story_from_object(obj: object, source: str, default_date: str | None) -> Iterator[Item]:
    """One JSON story object {"id", "text" or "html", "date", "url", "title"} -> warnings, then Story or problem."""
    if not isinstance(obj, dict):
        yield ReadProblem(source, f"expected a JSON object, got {_type_name(obj)}")
        return
    text, markup = obj.get("text"), obj.get("html")
    for key, value in (("text", text), ("html", markup)):
        if value is not None and not isinstance(value, str):
            yield ReadProblem(source, f'"{key}" must be a string, got {_type_name(value)}')
            return
    if text is None and markup is None:
        yield ReadProblem(source, 'no "text" or "html" field')
        return
    if not _nonblank(text or "") and not _nonblank(markup or ""):
        yield ReadProblem(source, 'empty "text"' if text is not None else 'empty "html"')
        return
    story_id = obj.get("id")
    if isinstance(story_id, bool) or not isinstance(story_id, str | int | type(None)):
        yield ReadProblem(source, f'"id" must be a string or number, got {_type_name(story_id)}; using a hash',
                          skipped=False)
        story_id = None
    elif isinstance(story_id, int):
        story_id = str(story_id)
    elif isinstance(story_id, str) and not story_id.strip():
        story_id = None
    date = default_date
    if obj.get("date") is not None:
        own = parse_date(obj["date"])
        if own is None:
            shown = obj["date"] if isinstance(obj["date"], str) else _type_name(obj["date"])
            fallback = f"using {default_date}" if default_date else "no date used"
            yield ReadProblem(source, f'bad "date" {shown!r}: expected YYYY-MM-DD; {fallback}', skipped=False)
        else:
            date = own
    optional: dict[str, str | None] = {}
    for key in ("url", "title"):
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            yield ReadProblem(source, f'"{key}" must be a string, got {_type_name(value)}; ignored', skipped=False)
            value = None
        optional[key] = value or None
    if _nonblank(text or ""):
        assert text is not None
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        # caller's toponym offsets refer to the text as given: then it is not repaired
        story = _text_story(text, source, story_id=story_id, date=date, fix="toponyms" not in obj, **optional)
    else:
        assert markup is not None
        # the line's own date wins over the page's metadata; the caller's default does too
        story = _html_story(markup, source, story_id=story_id, date=date, **optional)
    if isinstance(story, Story):  # other fields ride along for stage commands ("toponyms" for `places`)
        story.extra.update((k, v) for k, v in obj.items() if k not in _STORY_FIELDS)
    yield story


def _read_jsonl(src: _Source, name: str, default_date: str | None) -> Iterator[Item]:
    for lineno, raw, size in _iter_lines(src, MAX_LINE_BYTES):
        source = f"{name}:{lineno}"
        if raw is None:
            yield ReadProblem(source, f"line {lineno} is {_mb(size)}, over the {_limit(MAX_LINE_BYTES)} limit")
            continue
        if not raw.strip():
            continue
        if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[3:]
        line = raw.decode("utf-8", errors="replace")
        bad = line.count("\ufffd") - raw.count(b"\xef\xbf\xbd")
        if bad:
            yield ReadProblem(source, f"invalid UTF-8: {_plural(bad, 'bad byte sequence')} replaced with U+FFFD",
                              skipped=False)
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            yield ReadProblem(source, f"not JSON ({err.msg} at column {err.colno})")
            continue
        except RecursionError:
            yield ReadProblem(source, "not JSON (nested too deeply)")
            continue
        yield from _story_from_object(obj, source, default_date)


def _read_json(data: bytes, name: str, default_date: str | None) -> Iterator[Item]:
    text, problem = _decode(data, name)
    if problem:
        yield problem
    try:
        value = json.loads(text)
    except json.JSONDecodeError as err:
        if err.msg == "Extra data" and text.lstrip().startswith("{"):
            # JSON lines saved as .json: read them as such rather than reject the whole file
            yield from _read_jsonl(_Source(io.BytesIO(data)), name, default_date)
            return
        yield ReadProblem(name, f"not valid JSON ({err.msg} at line {err.lineno} column {err.colno})")
        return
    except RecursionError:
        yield ReadProblem(name, "not valid JSON (nested too deeply)")
        return
    if isinstance(value, dict):
        if "text" in value or "html" in value:
            yield from _story_from_object(value, name, default_date)
        else:
            yield ReadProblem(name, 'expected a JSON array of story objects (or one object with "text" or "html")')
        return
    if not isinstance(value, list):
        yield ReadProblem(name, f"expected a JSON array of story objects, got {_type_name(value)}")
        return
    if not value:
        yield ReadProblem(name, "empty JSON array")
    for i, obj in enumerate(value):
        yield from _story_from_object(obj, f"{name}[{i}]", default_date)


# ------------------------------------------------------------------------------------------------ feeds


_FEED_MARK = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.I)
_DROP_ELEMENTS = re.compile(r"(?is)<(script|style|figure|figcaption|noscript)\b.*?</\1\s*>")
_BLOCK_TAGS = re.compile(
    r"(?i)<\s*/?\s*(?:p|br|div|li|ul|ol|h[1-6]|blockquote|tr|table|section|article|pre|hr|dd|dt)\b[^>]*>"
)
_TAGS = re.compile(r"<[^>]*>")
_PARA_BREAK = re.compile(r"\n\s*\n")


def html_to_paragraphs(fragment: str) -> list[str]:
    """Plain paragraphs from a small HTML fragment (a feed summary); block tags break paragraphs."""
    s = _DROP_ELEMENTS.sub(" ", fragment)
    s = _BLOCK_TAGS.sub("\n\n", s)
    s = html_lib.unescape(_TAGS.sub("", s))
    return [p for p in (" ".join(chunk.split()) for chunk in _PARA_BREAK.split(s)) if p]


def _entry_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return time.strftime("%Y-%m-%d", value)
            except (TypeError, ValueError):
                continue
    return None


def _read_feed(data: bytes, name: str, default_date: str | None) -> Iterator[Item]:
    import feedparser  # first use only

    try:
        parsed = feedparser.parse(io.BytesIO(data))  # a stream: feedparser never fetches it
    except Exception as err:  # feedparser is lenient, but a broken document must not end the batch
        yield ReadProblem(name, f"feed could not be parsed ({type(err).__name__}: {err})")
        return
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            yield ReadProblem(name, f"not a valid RSS/Atom feed ({parsed.get('bozo_exception')})")
        else:
            yield ReadProblem(name, "feed has no entries")
        return
    for n, entry in enumerate(entries, 1):
        source = f"{name}#{n}"
        title = " ".join(html_to_paragraphs(entry.get("title") or "")) or None
        bodies = [c.get("value") or "" for c in entry.get("content") or []]
        bodies.append(entry.get("summary") or "")
        body = max(bodies, key=len)
        paras = html_to_paragraphs(body)
        if title and (not paras or paras[0] != title):
            paras.insert(0, title)
        if not paras:
            yield ReadProblem(source, "entry has no title or text")
            continue
        date = _entry_date(entry) or default_date
        yield _joined_story(paras, source, story_id=None, date=date, url=entry.get("link") or None, title=title)


# ------------------------------------------------------------------------------------------------ files


def _sniff(src: _Source) -> str:
    first = src.first_visible()
    if first == b"{":
        return "jsonl"
    if first == b"[":
        return "json"
    if first == b"<":
        head = src.head()
        if _FEED_MARK.search(head) or (head.lstrip().startswith(b"<?xml") and b"<rss" in head.lower()):
            return "feed"
        return "html"
    return "text"


def _read_stream(
    src: _Source, name: str, kind: str, *, size: int | None, date: str | None, story_id: str | None
) -> Iterator[Item]:
    """Read one opened input (file or stdin) of a known or sniffed kind."""
    head = src.head()
    is_utf16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if b"\x00" in head and not is_utf16:
        yield ReadProblem(name, "binary file (NUL bytes in the first 8 KB)")
        return
    if not head.strip() and (src.eof or src.first_visible() == b""):
        what = "input" if name == STDIN else "file"
        yield ReadProblem(name, f"empty {what}" if not head else f"{what} holds only whitespace")
        return
    if kind == "sniff":
        kind = _sniff(src)
    elif kind == "jsonl" and src.first_visible() == b"[":
        kind = "json"  # a JSON array saved as .jsonl
    if kind == "xml":
        if not _FEED_MARK.search(head):
            yield ReadProblem(name, "XML file is not an RSS/Atom feed")
            return
        kind = "feed"
    multi = kind in ("jsonl", "json", "feed")
    if story_id and multi:
        yield ReadProblem(name, "--id applies to a single story; ignored for JSONL, JSON and feeds", skipped=False)
    if kind == "jsonl":
        yield from _read_jsonl(src, name, date)
        return
    limit = MAX_JSON_BYTES if kind == "json" else MAX_FILE_BYTES
    if size is not None and size > limit:
        yield ReadProblem(name, f"file is {_mb(size)}, over the {_limit(limit)} limit")
        return
    data = src.read_all(limit)
    if len(data) > limit:
        yield ReadProblem(name, f"input is over the {_limit(limit)} limit")
        return
    if kind == "json":
        yield from _read_json(data, name, date)
        return
    if kind == "feed":
        yield from _read_feed(data, name, date)
        return
    text, problem = _decode(data, name, markup=kind == "html")
    if problem:
        yield problem
    if not _nonblank(text):
        yield ReadProblem(name, "file holds only whitespace")
        return
    if kind == "html":
        yield _html_story(text, name, story_id=story_id, date=date)
    else:
        yield _text_story(text, name, story_id=story_id, date=date)


def _read_file(path: str, kind: str, *, date: str | None, story_id: str | None) -> Iterator[Item]:
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            yield ReadProblem(path, "is a folder")
            return
        fh = open(path, "rb")  # noqa: SIM115 - closed below; a FIFO or device works too
    except OSError as err:
        yield ReadProblem(path, _os_reason(err))
        return
    size = st.st_size if stat.S_ISREG(st.st_mode) else None
    try:
        yield from _read_stream(_Source(fh), path, kind, size=size, date=date, story_id=story_id)
    except OSError as err:  # a read error midway (I/O error, file vanished on a network share)
        yield ReadProblem(path, f"read failed: {_os_reason(err)}")
    finally:
        fh.close()


def _read_folder(root: str, *, date: str | None, story_id: str | None) -> Iterator[Item]:
    """Every file with a known extension under `root`, in sorted path order (hidden files and folders left out)."""
    if story_id:
        yield ReadProblem(root, "--id applies to a single story; ignored for a folder", skipped=False)
    errors: list[OSError] = []
    entries: list[tuple[tuple[str, ...], str, str | None]] = []  # (sort key, path, kind or None for an error)
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        rel = os.path.relpath(dirpath, root)
        parts = () if rel == os.curdir else tuple(Path(rel).parts)
        for fname in filenames:
            kind = EXTENSIONS.get(os.path.splitext(fname)[1].lower())
            if kind is not None and not fname.startswith("."):  # other files are not news: skipped silently
                entries.append(((*parts, fname), os.path.join(dirpath, fname), kind))
    for err in errors:
        where = err.filename or root
        entries.append((tuple(Path(os.path.relpath(where, root)).parts), where, None))
    entries.sort(key=lambda entry: entry[0])
    for _, path, kind in entries:
        if kind is None:
            err = next(e for e in errors if (e.filename or root) == path)
            yield ReadProblem(path, _os_reason(err))
        else:
            yield from _read_file(path, kind, date=date, story_id=None)
    if not entries:
        exts = " ".join(sorted(EXTENSIONS))
        yield ReadProblem(root, f"no files to read in this folder (looked for {exts})", skipped=False)


def _stdin_source() -> _Source:
    stream = sys.stdin
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return _Source(buffer)
    # a text stream without a byte buffer (tests, embedding): encode what it holds
    return _Source(io.BytesIO((stream.read() or "").encode("utf-8", errors="surrogateescape")))


def read(path: str, *, date: str | None = None, story_id: str | None = None) -> Iterator[Story | ReadProblem]:
    """Stories and problems from a file, a folder (recursive, sorted) or "-" (stdin), in input order.

    `date` is the default publication date (a story's own date wins); `story_id` names a single story (txt, html,
    stdin text). Never raises for bad input: every bad item gives one ReadProblem and reading goes on."""
    default_date = None
    if date is not None:
        default_date = parse_date(date)
        if default_date is None:
            yield ReadProblem("--date", f"bad date {date!r}: expected YYYY-MM-DD; ignored", skipped=False)
    story_id = story_id or None
    if path == "-":
        try:
            src = _stdin_source()
            yield from _read_stream(src, STDIN, "sniff", size=None, date=default_date, story_id=story_id)
        except OSError as err:
            yield ReadProblem(STDIN, f"read failed: {_os_reason(err)}")
        return
    path = os.fspath(path)
    try:
        is_dir = Path(path).is_dir()
    except OSError:
        is_dir = False
    if is_dir:
        yield from _read_folder(path, date=default_date, story_id=story_id)
        return
    kind = EXTENSIONS.get(os.path.splitext(path)[1].lower(), "sniff")
    yield from _read_file(path, kind, date=default_date, story_id=story_id)
