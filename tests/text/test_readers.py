"""Readers: every format and every kind of bad input goes through `read`, which never raises."""

from __future__ import annotations

import io
import json
import sys
import tracemalloc
from pathlib import Path

import pytest

from flashpoint.records import Story
from flashpoint.text import readers
from flashpoint.text.readers import MAX_LINE_BYTES, ReadProblem, parse_date, read, story_from_text


def items(path: Path | str, **kw) -> list[Story | ReadProblem]:
    return list(read(str(path), **kw))


def stories(found: list) -> list[Story]:
    return [x for x in found if isinstance(x, Story)]


def problems(found: list) -> list[ReadProblem]:
    return [x for x in found if isinstance(x, ReadProblem)]


def check_paragraphs(story: Story) -> None:
    assert story.paragraphs
    for s, e in story.paragraphs:
        chunk = story.text[s:e]
        assert chunk and chunk == chunk.strip()


ARTICLE_HTML = """<!DOCTYPE html>
<html><head><title>Miners strike over unpaid wages | The Example Post</title>
<meta property="og:title" content="Miners strike over unpaid wages">
<meta property="article:published_time" content="2022-11-08T07:30:00+02:00">
<link rel="canonical" href="https://news.example.org/miners-strike">
</head><body>
<nav><a href="/">Home</a> | <a href="/business">Business</a></nav>
<article>
<h1>Miners strike over unpaid wages</h1>
<p>JOHANNESBURG — Thousands of platinum miners walked off the job on Monday, demanding three months of unpaid
wages from the operator of two shafts north of the city, a union spokesman said.</p>
<p>Police were deployed at the gates of both shafts. The company said talks with the union would resume on
Wednesday and that it expected a settlement before the end of the month.</p>
</article>
<footer>© 2022 The Example Post</footer>
</body></html>
"""

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://wire.example.org/</link>
<description>Headlines</description>
<item><title>Flood waters force 2,000 from homes</title><link>https://wire.example.org/floods</link>
<pubDate>Tue, 14 Feb 2023 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Rising rivers forced about 2,000 people from their homes in the delta on Monday.&lt;/p&gt;
&lt;p&gt;Rescue teams used boats to reach &lt;b&gt;stranded&lt;/b&gt; villages.&lt;/p&gt;</description></item>
<item><title>Port workers end strike</title><link>https://wire.example.org/port</link>
<description>Dock workers returned to work after a pay deal.</description></item>
<item><link>https://wire.example.org/empty</link></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title><id>urn:x</id>
<updated>2023-05-02T00:00:00Z</updated>
<entry><title>Talks collapse in capital</title><id>urn:1</id><link href="https://atom.example.org/1"/>
<updated>2023-05-01T18:20:00Z</updated>
<content type="html">&lt;p&gt;Negotiators walked out of the talks on Monday evening.&lt;/p&gt;</content></entry>
</feed>
"""


# ---------------------------------------------------------------------------------------------- text files


def test_txt_story_with_headline(tmp_path):
    text = (
        "Rebels seize river port\n"
        "Rebels seized the river port of Tala on Sunday after two days of fighting, residents said.\n\n"
        "The army said it had withdrawn to regroup.\n"
    )
    f = tmp_path / "port.txt"
    f.write_text(text, encoding="utf-8")
    [story] = items(f, date="2023-04-02")
    assert story.text == text
    assert story.title == "Rebels seize river port"
    assert story.date == "2023-04-02"
    assert story.id == Story.make_id(text)
    assert story.source == str(f)
    assert [story.text[s:e] for s, e in story.paragraphs] == [
        "Rebels seize river port",
        "Rebels seized the river port of Tala on Sunday after two days of fighting, residents said.",
        "The army said it had withdrawn to regroup.",
    ]


def test_txt_story_id_and_no_title_for_a_sentence(tmp_path):
    f = tmp_path / "a.text"
    f.write_text("Police arrested five men on Monday.\n\nThey were released on bail.", encoding="utf-8")
    [story] = items(f, story_id="my-id")
    assert story.id == "my-id" and story.title is None and story.date is None
    check_paragraphs(story)


def test_txt_without_blank_lines_splits_on_lines(tmp_path):
    f = tmp_path / "lines.txt"
    f.write_bytes(b"First paragraph is here.\r\nSecond paragraph goes on\r\nand wraps.\r\nThird one.\r\n")
    [story] = items(f)
    assert "\r" not in story.text
    assert [story.text[s:e] for s, e in story.paragraphs] == [
        "First paragraph is here.", "Second paragraph goes on\nand wraps.", "Third one.",
    ]


def test_utf16_with_bom_is_read(tmp_path):
    f = tmp_path / "u16.txt"
    f.write_bytes("Troops entered Goma on Friday.".encode("utf-16"))
    [story] = items(f)
    assert story.text == "Troops entered Goma on Friday."


# ---------------------------------------------------------------------------------------------- HTML


def test_html_article(tmp_path):
    f = tmp_path / "miners.html"
    f.write_text(ARTICLE_HTML, encoding="utf-8")
    [story] = items(f)
    assert story.title == "Miners strike over unpaid wages"
    assert story.date == "2022-11-08"  # from the page: the caller gave none
    assert story.url == "https://news.example.org/miners-strike"
    assert "Thousands of platinum miners walked off the job on Monday" in story.text
    assert "Home" not in story.text and "© 2022" not in story.text
    paras = [story.text[s:e] for s, e in story.paragraphs]
    assert paras[0] == "Miners strike over unpaid wages"
    assert paras[1].startswith("JOHANNESBURG — Thousands")
    assert len(paras) == 3
    check_paragraphs(story)


def test_html_caller_date_wins_over_page(tmp_path):
    f = tmp_path / "miners.htm"
    f.write_text(ARTICLE_HTML, encoding="utf-8")
    [story] = items(f, date="2022-11-09", story_id="m1")
    assert story.date == "2022-11-09" and story.id == "m1"


def test_html_without_article(tmp_path):
    f = tmp_path / "login.html"
    f.write_text(
        "<html><head><title>Sign in</title></head><body><form><label>Email</label><input>"
        "<button>Sign in</button></form><footer>Copyright 2024 Example Ltd.</footer></body></html>",
        encoding="utf-8",
    )
    [problem] = items(f)
    assert problem == ReadProblem(str(f), "no article text found")


def test_html_declared_charset_is_honoured(tmp_path):
    f = tmp_path / "latin.html"
    body = (
        '<html><head><meta charset="iso-8859-1"><title>x</title></head><body><article>'
        "<p>Le président a rencontré les grévistes à Dakar lundi pour discuter des salaires impayés.</p>"
        "</article></body></html>"
    )
    f.write_bytes(body.encode("latin-1"))
    found = items(f)
    assert not problems(found)
    assert "président a rencontré" in stories(found)[0].text


# ---------------------------------------------------------------------------------------------- JSONL and JSON


def test_jsonl_good_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": "Troops shelled the town on Monday.", "date": "2023-01-09",
                    "url": "https://x.example/a1", "title": "Shelling"}),
        "this is not json",
        json.dumps({"id": "a3"}),
        json.dumps({"id": "a4", "text": 42}),
        "",
        json.dumps({"id": 5, "text": "Protesters marched in the capital.", "date": "2023-01-10T08:15:00Z"}),
        json.dumps({"text": "Talks resumed in Geneva.", "date": "last tuesday"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "a9", "html": ARTICLE_HTML}),
        json.dumps({"id": "a10", "text": "   "}),
    ]
    f = tmp_path / "corpus.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = items(f, date="2023-02-01")
    got = stories(found)
    assert [s.id for s in got] == ["a1", "5", Story.make_id("Talks resumed in Geneva."), "a9"]
    assert [s.date for s in got] == ["2023-01-09", "2023-01-10", "2023-02-01", "2023-02-01"]
    assert got[0].url == "https://x.example/a1" and got[0].title == "Shelling"
    assert got[0].source == f"{f}:1"
    assert got[3].title == "Miners strike over unpaid wages"
    bad = {p.source: p for p in problems(found)}
    assert bad[f"{f}:2"].reason.startswith("not JSON") and bad[f"{f}:2"].skipped
    assert bad[f"{f}:3"].reason == 'no "text" or "html" field'
    assert bad[f"{f}:4"].reason == '"text" must be a string, got number'
    assert bad[f"{f}:7"].skipped is False and "last tuesday" in bad[f"{f}:7"].reason
    assert bad[f"{f}:8"].reason == "expected a JSON object, got array"
    assert bad[f"{f}:10"].reason == 'empty "text"'
    assert len(bad) == 6


def test_jsonl_ten_megabyte_line_is_rejected_without_loading(tmp_path):
    f = tmp_path / "big.jsonl"
    filler = "x" * (10 * 1024 * 1024)
    with f.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "first", "text": "Rebels freed 20 hostages."}) + "\n")
        fh.write(json.dumps({"id": "huge", "text": filler}) + "\n")
        fh.write(json.dumps({"id": "last", "text": "The ceasefire held overnight."}) + "\n")
    del filler
    tracemalloc.start()
    try:
        found = items(f)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [s.id for s in stories(found)] == ["first", "last"]
    [problem] = problems(found)
    assert problem.source == f"{f}:2" and problem.skipped
    assert problem.reason == "line 2 is 10.0 MB, over the 2 MB limit"
    assert peak < 4 * MAX_LINE_BYTES  # bounded by the line limit, not by the 10 MB line


def test_jsonl_bad_utf8_in_a_line(tmp_path):
    f = tmp_path / "bytes.jsonl"
    f.write_bytes(b'{"id": "b", "text": "Caf\xe9 owners protested in Lyon."}\n')
    found = items(f)
    [warning] = problems(found)
    assert warning.skipped is False and warning.source == f"{f}:1" and "1 bad byte sequence" in warning.reason
    assert stories(found)[0].text == "Caf\ufffd owners protested in Lyon."


def test_json_array(tmp_path):
    f = tmp_path / "batch.json"
    f.write_text(json.dumps([{"id": "j1", "text": "Soldiers mutinied at the barracks."}, "oops", {"html": 3}]))
    found = items(f)
    assert [s.id for s in stories(found)] == ["j1"]
    assert [(p.source, p.reason) for p in problems(found)] == [
        (f"{f}[1]", "expected a JSON object, got string"),
        (f"{f}[2]", '"html" must be a string, got number'),
    ]


def test_json_lines_in_json_file_and_array_in_jsonl_file(tmp_path):
    f = tmp_path / "lines.json"
    f.write_text('{"id": "l1", "text": "Troops left."}\n{"id": "l2", "text": "Talks began."}\n', encoding="utf-8")
    assert [(s.id, s.source) for s in items(f)] == [("l1", f"{f}:1"), ("l2", f"{f}:2")]
    g = tmp_path / "array.jsonl"
    g.write_text('[\n  {"id": "a1", "text": "Troops left."}\n]\n', encoding="utf-8")
    assert [(s.id, s.source) for s in items(g)] == [("a1", f"{g}[0]")]


def test_json_invalid(tmp_path):
    f = tmp_path / "broken.json"
    f.write_text('[{"id": "j1", "text": "x"', encoding="utf-8")
    [problem] = items(f)
    assert problem.source == str(f) and problem.reason.startswith("not valid JSON")


# ---------------------------------------------------------------------------------------------- feeds


def test_rss_feed(tmp_path):
    f = tmp_path / "wire.rss"
    f.write_text(RSS, encoding="utf-8")
    found = items(f, date="2023-02-20")
    first, second = stories(found)
    assert first.title == "Flood waters force 2,000 from homes"
    assert first.date == "2023-02-14" and first.url == "https://wire.example.org/floods"
    assert [first.text[s:e] for s, e in first.paragraphs] == [
        "Flood waters force 2,000 from homes",
        "Rising rivers forced about 2,000 people from their homes in the delta on Monday.",
        "Rescue teams used boats to reach stranded villages.",
    ]
    assert second.date == "2023-02-20"  # no date in the entry: the caller's
    assert second.source == f"{f}#2"
    [problem] = problems(found)
    assert problem.source == f"{f}#3" and problem.reason == "entry has no title or text"


def test_atom_feed_in_xml_file(tmp_path):
    f = tmp_path / "feed.xml"
    f.write_text(ATOM, encoding="utf-8")
    [story] = items(f)
    assert story.date == "2023-05-01" and story.url == "https://atom.example.org/1"
    assert story.text == "Talks collapse in capital\n\nNegotiators walked out of the talks on Monday evening."


def test_xml_that_is_not_a_feed(tmp_path):
    f = tmp_path / "data.xml"
    f.write_text("<?xml version='1.0'?><records><r>1</r></records>", encoding="utf-8")
    [problem] = items(f)
    assert problem.reason == "XML file is not an RSS/Atom feed"


def test_feed_with_no_entries(tmp_path):
    f = tmp_path / "none.atom"
    f.write_text('<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>', encoding="utf-8")
    [problem] = items(f)
    assert problem.skipped and "no entries" in problem.reason


# ---------------------------------------------------------------------------------------------- bad input


def test_binary_file(tmp_path):
    f = tmp_path / "photo.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert items(f) == [ReadProblem(str(f), "binary file (NUL bytes in the first 8 KB)")]


@pytest.mark.parametrize(("content", "reason"), [(b"", "empty file"), (b"  \n\t\n ", "file holds only whitespace")])
def test_empty_files(tmp_path, content, reason):
    for name in ("e.txt", "e.html", "e.jsonl", "e.json", "e.rss"):
        f = tmp_path / name
        f.write_bytes(content)
        assert items(f) == [ReadProblem(str(f), reason)]


def test_bad_utf8_is_replaced_and_reported(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes("Le président est arrivé à Niamey.".encode("latin-1"))
    found = items(f)
    [warning] = problems(found)
    assert warning.skipped is False and warning.source == str(f)
    assert warning.reason == "invalid UTF-8: 3 bad byte sequences replaced with U+FFFD"
    assert stories(found)[0].text == "Le pr\ufffdsident est arriv\ufffd \ufffd Niamey."


def test_missing_path():
    [problem] = items("/nonexistent/flashpoint/story.txt")
    assert problem.reason == "no such file or folder" and problem.skipped


def test_file_used_as_folder(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Some text here.", encoding="utf-8")
    [problem] = items(str(f) + "/")
    assert problem.skipped and problem.source == str(f) + "/"


def test_permission_denied(tmp_path, monkeypatch):
    f = tmp_path / "secret.txt"
    f.write_text("Hidden story.", encoding="utf-8")

    def deny(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(readers, "open", deny, raising=False)  # works even when the tests run as root
    assert items(f) == [ReadProblem(str(f), "permission denied")]


def test_file_over_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 1024)
    f = tmp_path / "long.txt"
    f.write_text("Troops advanced. " * 200, encoding="utf-8")
    [problem] = items(f)
    assert problem == ReadProblem(str(f), "file is 3.3 KB, over the 1.0 KB limit")
    monkeypatch.setattr(sys, "stdin", io.StringIO("Troops advanced. " * 200))  # no size known ahead: counted
    assert list(read("-")) == [ReadProblem("<stdin>", "input is over the 1.0 KB limit")]


def test_bad_date_argument_is_a_warning(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Police fired tear gas.", encoding="utf-8")
    found = items(f, date="03/04/2023")
    assert problems(found)[0].source == "--date" and problems(found)[0].skipped is False
    assert stories(found)[0].date is None


def test_unknown_extension_given_explicitly_is_sniffed(tmp_path):
    f = tmp_path / "story.md"
    f.write_text("Farmers blocked the highway with tractors on Thursday.", encoding="utf-8")
    [story] = items(f)
    assert story.text.startswith("Farmers blocked")
    g = tmp_path / "lines.dat"
    g.write_text('{"id": "z", "text": "Rebels retreated."}\n', encoding="utf-8")
    [story] = items(g)
    assert story.id == "z" and story.source == f"{g}:1"


def test_folder_mixing_good_and_bad_files(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Strikers closed the port.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Rebels shelled the airport.", encoding="utf-8")
    (tmp_path / "c.txt").write_bytes(b"")
    (tmp_path / "d.jsonl").write_text('{"id": "d1", "text": "Voters queued."}\nnot json\n', encoding="utf-8")
    (tmp_path / "e.html").write_text("<html><body><nav>Home</nav></body></html>", encoding="utf-8")
    (tmp_path / "f.bin").write_bytes(b"\x00\x01")  # unknown extension in a folder: skipped silently
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    found = items(tmp_path, story_id="ignored")
    assert [s.text for s in stories(found)] == [
        "Rebels shelled the airport.", "Strikers closed the port.", "Voters queued.",
    ]
    assert [s.source for s in stories(found)] == [  # sorted by path, recursively
        str(tmp_path / "a.txt"), str(tmp_path / "b" / "two.txt"), f"{tmp_path / 'd.jsonl'}:1",
    ]
    assert [(p.source, p.skipped) for p in problems(found)] == [
        (str(tmp_path), False),  # --id ignored for a folder
        (str(tmp_path / "c.txt"), True),
        (f"{tmp_path / 'd.jsonl'}:2", True),
        (str(tmp_path / "e.html"), True),
    ]


def test_unreadable_subfolder_is_reported(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Rebels shelled the airport.", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    real_scandir = readers.os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(readers.os, "scandir", scandir)
    found = items(tmp_path)
    assert len(stories(found)) == 1
    assert problems(found) == [ReadProblem(str(tmp_path / "locked"), "permission denied")]


def test_empty_folder_warns(tmp_path):
    [problem] = items(tmp_path)
    assert problem.skipped is False and "no files to read" in problem.reason


# ---------------------------------------------------------------------------------------------- stdin


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("\n  Rebels took the town.\n", ["Rebels took the town."]),
        ('\n{"id": "s1", "text": "Troops withdrew."}\nnope\n{"id": "s3", "text": "Talks began."}\n',
         ["Troops withdrew.", "Talks began."]),
        (RSS, ["Flood waters force 2,000 from homes", "Port workers end strike"]),
    ],
)
def test_stdin(monkeypatch, content, expected):
    monkeypatch.setattr(sys, "stdin", io.StringIO(content))
    found = list(read("-", story_id="given"))
    got = stories(found)
    assert [s.text.strip().split("\n")[0] for s in got] == expected
    for s in got:
        assert s.source.startswith("<stdin>")
    if len(expected) == 1 and not content.lstrip().startswith("<"):
        assert got[0].id == "given"


def test_stdin_jsonl_problem_names_line(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO('{"text": "Troops withdrew."}\n{bad\n'))
    found = list(read("-"))
    assert [(p.source, p.skipped) for p in problems(found)] == [("<stdin>:2", True)]


def test_stdin_html_and_binary(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(ARTICLE_HTML))
    [story] = list(read("-"))
    assert story.title == "Miners strike over unpaid wages" and story.source == "<stdin>"

    class BinaryStdin:
        buffer = io.BytesIO(b"\x00\x00\x00binary")

    monkeypatch.setattr(sys, "stdin", BinaryStdin())
    assert list(read("-")) == [ReadProblem("<stdin>", "binary file (NUL bytes in the first 8 KB)")]
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert list(read("-")) == [ReadProblem("<stdin>", "empty input")]


# ---------------------------------------------------------------------------------------------- helpers


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-03-04", "2023-03-04"), ("2023-03-04T10:20:30Z", "2023-03-04"), ("2023-03-04 10:20", "2023-03-04"),
        ("2023-03-04T10:20:30.5+01:00", "2023-03-04"), ("2023-02-30", None), ("March 4", None), (20230304, None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def test_story_from_text():
    story = story_from_text("Headline here\nBody sentence one.\r\n", date="2023-01-02T05:00:00Z", story_id="x")
    assert story.text == "Headline here\nBody sentence one.\n" and story.date == "2023-01-02" and story.id == "x"
    assert story.title == "Headline here"
    with pytest.raises(ValueError):
        story_from_text("x", date="yesterday")


def test_problem_str():
    assert str(ReadProblem("a.jsonl:3", "not JSON")) == "a.jsonl:3: not JSON"
    assert str(ReadProblem("a.txt", "invalid UTF-8", skipped=False)).endswith("(read anyway)")
