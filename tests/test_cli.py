"""The command line end to end, through a real subprocess (`python -m flashpoint`)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from flashpoint.schema import validate

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "wire_story.txt"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flashpoint", *args], input=stdin, capture_output=True, text=True,
                          timeout=120)


def records(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_help_lists_the_commands():
    result = run("--help")
    assert result.returncode == 0
    for command in ("code", "classify", "dates"):
        assert command in result.stdout


def test_example_story_gives_valid_records():
    result = run("code", str(EXAMPLE), "--date", "2023-03-21")
    assert result.returncode == 0, result.stderr
    events = records(result.stdout)
    assert len(events) >= 5
    for event in events:
        validate(event)
        assert event["sentence"][event["trigger"]["start"]:event["trigger"]["end"]] == event["trigger"]["text"]
    by_type = {(e["event_type"], e["status"]) for e in events}
    assert ("ASSAULT", "asserted") in by_type  # tear gas
    assert ("COERCE", "asserted") in by_type  # arrests


def test_threats_conditionals_and_denials_are_never_asserted():
    story = (
        "The government may expel the ambassador. If talks fail, the union would call a strike. "
        "Officials denied that troops had crossed the border. The rebels threatened to attack the capital. "
        "The ministry said it will not deploy soldiers to the region. "
        "The opposition accused police of beating detainees."
    )
    result = run("code", "-", "--date", "2024-05-02", stdin=story)
    assert result.returncode == 0, result.stderr
    events = records(result.stdout)
    asserted = [(e["event_type"], e["trigger"]["text"]) for e in events if e["status"] == "asserted"]
    # Only the threat itself and the accusation happened.
    assert {t for t, _ in asserted} <= {"THREATEN", "ACCUSE"}, asserted
    assert any(e["event_type"] == "ASSAULT" and e["status"] == "threatened" for e in events)


def test_jsonl_corpus_with_bad_lines_reports_them_and_codes_the_rest(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    good = {"id": "a1", "text": "Soldiers killed five villagers on Friday.", "date": "2022-06-13"}
    corpus.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"id": "a2"}) + "\n")
    result = run("code", str(corpus))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "corpus.jsonl:2" in result.stderr and "corpus.jsonl:3" in result.stderr
    events = records(result.stdout)
    assert [e["story_id"] for e in events] == ["a1"]
    assert events[0]["dead"] == 5 and events[0]["date"] == "2022-06-10"


def test_folder_with_bad_files(tmp_path):
    (tmp_path / "good.txt").write_text("Police arrested 20 protesters in the capital on Monday.\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "page.html").write_text("<html><body><nav>Home</nav></body></html>")
    result = run("code", str(tmp_path), "--date", "2021-01-06")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    for name in ("empty.txt", "binary.txt", "page.html"):
        assert name in result.stderr
    assert [e["event_type"] for e in records(result.stdout)] == ["COERCE"]


def test_bad_date_and_missing_file_are_clear_errors(tmp_path):
    result = run("code", str(EXAMPLE), "--date", "21/03/2023")
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr and "Traceback" not in result.stderr
    result = run("code", str(tmp_path / "nope.txt"))
    assert result.returncode != 0 and "nope.txt" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_other_formats(fmt):
    result = run("code", str(EXAMPLE), "--date", "2023-03-21", "--format", fmt)
    assert result.returncode == 0, result.stderr
    if fmt == "json":
        assert isinstance(json.loads(result.stdout), list)
    else:
        header = result.stdout.splitlines()[0].split(",")
        assert {"event_type", "status", "actor_country", "goldstein"} <= set(header)


def test_explain_shows_each_stage():
    result = run("code", str(EXAMPLE), "--date", "2023-03-21", "--explain")
    assert result.returncode == 0, result.stderr
    for word in ("actors:", "dates:", "status:", "EVENT", "skipped"):
        assert word in result.stdout


def test_classify_keeps_input_order_and_reports_bad_lines():
    lines = [
        {"text": "Rebels shelled the town overnight.", "actor": [0, 6], "recipient": [[19, 23]]},
        "not json",
        {"text": "The minister met his Chinese counterpart.", "actor": [[0, 12]], "recipient": [[21, 40]]},
    ]
    stdin = "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n"
    for flags in ([], ["--fast"], ["--rules"]):
        result = run("classify", *flags, stdin=stdin)
        assert result.returncode != 0 and ":2" in result.stderr and "Traceback" not in result.stderr
        out = records(result.stdout)
        assert len(out) == 3
        assert out[1]["event_type"] is None and "error" in out[1]
        if flags != ["--fast"]:
            assert out[2]["event_type"] == "CONSULT", flags
        assert {"event_type", "mode", "status", "quad_class", "confidence"} <= set(out[0])
        if flags == ["--rules"]:
            assert out[0]["event_type"] == "ASSAULT"


def test_dates_command():
    result = run("dates", "-", "--date", "2020-09-30", stdin="The talks began on Monday and ended last week.")
    assert result.returncode == 0, result.stderr
    values = {r["text"]: r["value"] for r in records(result.stdout)}
    assert values["Monday"] == "2020-09-28"


def test_places_command_with_and_without_given_toponyms():
    text = "Flooding hit Lagos and Abuja, Nigeria's capital, on Monday."
    result = run("places", "-", stdin=json.dumps({"id": "p1", "text": text}) + "\n")
    assert result.returncode == 0, result.stderr
    rows = records(result.stdout)
    assert {"Lagos", "Abuja"} <= {r["text"] for r in rows}
    for r in rows:
        assert text[r["start"]:r["end"]] == r["text"] and r["story_id"] == "p1"
    lagos = next(r for r in rows if r["text"] == "Lagos")
    assert lagos["country"] == "NGA" and abs(lagos["lat"] - 6.45) < 0.5
    only = run("places", "-", stdin=json.dumps({"id": "p1", "text": text, "toponyms": [[23, 28]]}) + "\n")
    assert [r["text"] for r in records(only.stdout)] == ["Abuja"]


def test_locate_command():
    text = "Officials in Washington said militants attacked a convoy near Kandahar."
    start = text.index("attacked")
    lines = json.dumps({"text": text, "trigger": [start, start + 8]}) + "\n{bad\n"
    result = run("locate", stdin=lines)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    out = records(result.stdout)
    assert out[0]["location"]["country"] == "AFG"
    assert out[1]["location"] is None and "error" in out[1]


def test_model_flags():
    for flags, suffix in (([], "(encoder)"), (["--fast"], "(fast)"), (["--model", "rules"], "0.1.0")):
        result = run("code", str(EXAMPLE), "--date", "2023-03-21", *flags)
        assert result.returncode == 0, result.stderr
        events = records(result.stdout)
        assert events and all(e["coder"].endswith(suffix) for e in events)
        for event in events:
            validate(event)
    result = run("code", str(EXAMPLE), "--fast", "--model", "encoder")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_workers_give_the_same_output_as_one_process(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    texts = ["Police arrested 12 protesters in Nairobi on Monday.", "Soldiers killed five villagers on Friday.",
             "The rebels threatened to attack the capital."]
    corpus.write_text("".join(json.dumps({"id": f"a{i}", "text": t, "date": "2022-06-13"}) + "\n"
                              for i, t in enumerate(texts * 4)))
    one, two = run("code", str(corpus), "--workers", "1"), run("code", str(corpus), "--workers", "2")
    assert one.returncode == two.returncode == 0, two.stderr
    assert one.stdout == two.stdout
    assert [e["story_id"] for e in records(two.stdout)][:2] == ["a0", "a1"]
    assert run("code", str(corpus), "--workers", "0").returncode == 2


# ---------------------------------------------------------------------------------------------- one command line


def test_version_option_and_command():
    for args in (["--version"], ["version"]):
        result = run(*args)
        assert result.returncode == 0 and result.stdout.startswith("flashpoint 0."), result.stderr


def test_several_paths_wherever_one_is_accepted(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Police arrested 20 protesters in the capital on Monday.\n")
    b.write_text("Soldiers killed five villagers on Friday.\n")
    result = run("code", str(a), str(b), "--date", "2021-01-06")
    assert result.returncode == 0, result.stderr
    assert [e["event_type"] for e in records(result.stdout)] == ["COERCE", "ASSAULT"]
    rel = tmp_path / "rel.jsonl"
    rel.write_text(json.dumps({"text": "Rebels shelled the town.", "actor": [0, 6], "recipient": [[19, 23]]}) + "\n")
    result = run("classify", str(rel), str(rel), "--model", "rules")
    assert result.returncode == 0 and len(records(result.stdout)) == 2
    result = run("dates", str(a), str(b), "--date", "2021-01-06")
    assert result.returncode == 0 and {r["value"] for r in records(result.stdout)} >= {"2021-01-04", "2021-01-01"}


def test_model_option_on_classify_and_its_synonyms():
    stdin = json.dumps({"text": "Rebels shelled the town overnight.", "actor": [0, 6], "recipient": [[19, 23]]})
    coders = {}
    for flags in (["--model", "rules"], ["--rules"], ["--model", "fast"], ["--fast"], ["--model", "encoder"]):
        result = run("classify", *flags, stdin=stdin + "\n")
        assert result.returncode == 0, (flags, result.stderr)
        coders[" ".join(flags)] = records(result.stdout)[0]["event_type"]
    assert coders["--model rules"] == coders["--rules"] == coders["--model encoder"] == "ASSAULT"
    assert coders["--model fast"] == coders["--fast"] is not None
    clash = run("classify", "--fast", "--model", "rules", stdin=stdin)
    assert clash.returncode == 2 and "--model" in clash.stderr and "Traceback" not in clash.stderr


def test_warnings_exit_0_and_skips_exit_1(tmp_path):
    bad_utf8 = tmp_path / "latin.txt"
    bad_utf8.write_bytes("Police arrested 20 protesters in S\xe3o Paulo on Monday.\n".encode("latin-1"))
    warned = run("code", str(bad_utf8), "--date", "2021-01-06")
    assert warned.returncode == 0, warned.stderr
    assert "warning: " in warned.stderr and "latin.txt" in warned.stderr and "UTF-8" in warned.stderr
    assert records(warned.stdout)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    skipped = run("code", str(bad_utf8), str(empty), "--date", "2021-01-06")
    assert skipped.returncode == 1 and "skipped " in skipped.stderr and "empty.txt" in skipped.stderr
    assert "1 item skipped" in skipped.stderr


def test_a_final_summary_line_always():
    result = run("code", str(EXAMPLE), "--date", "2023-03-21")
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("flashpoint: 1 story (") and "event mention" in last, result.stderr


# ---------------------------------------------------------------------------------------------- publication dates


def test_an_undated_story_takes_its_dateline_day_with_the_file_year(tmp_path):
    import os

    story = tmp_path / "wire.txt"
    story.write_text(EXAMPLE.read_text())
    stamp = __import__("datetime").datetime(2023, 5, 2, 12).timestamp()
    os.utime(story, (stamp, stamp))
    result = run("code", str(story))
    assert result.returncode == 0, result.stderr
    events = records(result.stdout)
    assert {e["publication_date"] for e in events} == {"2023-03-21"}
    tear_gas = next(e for e in events if e["trigger"]["text"] == "fired tear gas")
    assert tear_gas["date"] == "2023-03-21"  # "on Tuesday", against the dateline's day
    assert any(e["date_source"] == "dateline" for e in events), {e["date_source"] for e in events}
    for e in events:
        validate(e)
    assert "no publication date" not in result.stderr
    # a dateline of December in a file saved in January is of the year before
    stamp = __import__("datetime").datetime(2024, 1, 2, 12).timestamp()
    story.write_text("Headline\n\nLAGOS, Dec 30 - Soldiers killed five villagers on Friday.\n")
    os.utime(story, (stamp, stamp))
    assert {e["publication_date"] for e in records(run("code", str(story)).stdout)} == {"2023-12-30"}


def test_a_full_date_in_the_text_is_the_publication_date_and_date_overrides(tmp_path):
    text = "Published 4 June 2021\n\nPolice arrested 12 protesters in Nairobi on Monday.\n"
    result = run("code", "-", stdin=text)
    events = records(result.stdout)
    assert events and {e["publication_date"] for e in events} == {"2021-06-04"}
    assert next(e for e in events if e["event_type"] == "COERCE")["date"] == "2021-05-31"
    given = records(run("code", "-", "--date", "2022-01-01", stdin=text).stdout)
    assert {e["publication_date"] for e in given} == {"2022-01-01"}


def test_undated_stories_are_counted_on_stderr():
    result = run("code", "-", stdin="Police arrested 12 protesters in Nairobi on Monday.\n")
    assert result.returncode == 0
    assert "1 story had no publication date" in result.stderr and "--date" in result.stderr
    assert all(e["publication_date"] is None for e in records(result.stdout))


# ---------------------------------------------------------------------------------------------- size limits


def test_a_story_over_the_size_limit_is_cut_and_named(tmp_path):
    from flashpoint.pipeline import MAX_SENTENCES, MAX_STORY_CHARS

    big = tmp_path / "huge.txt"  # one line, as a text with no paragraphs: the case that once used 3.8 GB
    filler = "The weather was mild again. "
    big.write_text("Police arrested 12 protesters in Nairobi on Monday. "
                   + filler * (MAX_STORY_CHARS // len(filler) + 100) + "Soldiers killed five villagers.\n")
    result = run("code", str(big), "--date", "2023-03-21", "--model", "rules")
    assert result.returncode == 0, result.stderr  # a warning, not a skip
    assert "warning: " in result.stderr and "huge.txt" in result.stderr
    assert f"over the limit of {MAX_STORY_CHARS:,} per story" in result.stderr
    assert f"over the limit of {MAX_SENTENCES:,} per story" in result.stderr
    events = records(result.stdout)
    assert [e["event_type"] for e in events] == ["COERCE"]  # the killing lies past the limit
    assert f"({MAX_SENTENCES:,} sentences)" in result.stderr


# ---------------------------------------------------------------------------------------------- the house


def test_no_library_module_imports_the_command_line():
    import ast

    src = Path(__file__).resolve().parents[1] / "src" / "flashpoint"
    offenders = []
    for path in src.rglob("*.py"):
        if path.name in ("cli.py", "__main__.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n == "flashpoint.cli" or n.startswith("flashpoint.cli.") for n in names):
                offenders.append(str(path.relative_to(src)))
    assert not offenders
