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
