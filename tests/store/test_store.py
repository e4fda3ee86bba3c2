"""The event database end to end: real DuckDB files, the real CLI in subprocesses, no mocks."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

duckdb = pytest.importorskip("duckdb")
pq = pytest.importorskip("pyarrow.parquet")

from flashpoint.store.export import ACLED_COLUMNS, GDELT_COLUMNS, POLECAT_COLUMNS  # noqa: E402
from flashpoint.store.grouping import build_event, group_mentions  # noqa: E402

CLI = ["-m", "flashpoint"]  # the real command line, as a user runs it

CITIES = ["Nairobi", "Lagos", "Paris", "Kabul", "Caracas", "Manila", "Dhaka", "Lima", "Cairo", "Tunis"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *CLI, *args], capture_output=True, text=True, timeout=timeout)


def story(i: int) -> dict:
    """A small wire story. Stories come in pairs worded differently that report one event (k = i // 2 picks the
    city, day, figures and date), so grouping across stories has work to do."""
    k = i // 2
    city, day = CITIES[k % len(CITIES)], DAYS[k % len(DAYS)]
    if i % 2 == 0:
        text = (f"Police fired tear gas at protesters in {city} on {day}, injuring {k % 40 + 2} people, a rights "
                f"group said.\n\nThe government said {k % 50 + 3} people were arrested. Report number {i}.")
    else:
        text = (f"Riot police used tear gas against demonstrators in {city} on {day}. {k % 40 + 2} people were "
                f"hurt, according to a rights group.\n\nReport number {i}.")
    return {"id": f"story-{i}", "text": text, "date": f"2023-{k % 12 + 1:02d}-{k % 27 + 1:02d}",
            "url": f"https://news{i % 3}.example.com/{i}"}


def write_corpus(path: Path, n: int, bad: bool = False) -> Path:
    lines = [json.dumps(story(i)) for i in range(n)]
    if bad:
        lines.insert(n // 2, "this line is not JSON")
    path.write_text("\n".join(lines) + "\n")
    return path


def rows(db: Path) -> dict[str, set]:
    """Every table's rows, without the columns that record when (coded_at, applied_at)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table, cols in (("stories", "id, content_hash, url, date, source, title, coder, n_mentions"),
                            ("mentions", "*"), ("events", "*"), ("event_mentions", "*"), ("dyads", "*"),
                            ("schema_version", "version, name")):
            out[table] = {json.dumps(r, default=str, sort_keys=True)
                          for r in con.execute(f"SELECT {cols} FROM {table}").fetchall()}
        return out
    finally:
        con.close()


def count(db: Path, table: str) -> int:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
    finally:
        con.close()


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> tuple[Path, Path]:
    """A corpus of 30 stories and one bad line, ingested once."""
    d = tmp_path_factory.mktemp("small")
    corpus = write_corpus(d / "corpus.jsonl", 30, bad=True)
    db = d / "events.duckdb"
    result = run("ingest", str(corpus), "--db", str(db), "--workers", "2")
    assert result.returncode == 1, result.stderr  # something was skipped
    assert "corpus.jsonl:16" in result.stderr and "not JSON" in result.stderr
    assert "Traceback" not in result.stderr
    return corpus, db


def test_ingest_stores_stories_mentions_and_events(small):
    _, db = small
    assert count(db, "stories") == 30
    assert count(db, "mentions") >= 40
    n_events = count(db, "events")
    assert 0 < n_events < count(db, "mentions")  # mentions of one event in a story are grouped
    assert count(db, "event_mentions") == count(db, "mentions")  # each mention in exactly one event
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT max(version) FROM schema_version").fetchall()[0][0] >= 1
    con.close()


def test_rerun_adds_nothing(small, tmp_path):
    corpus, db = small
    before = rows(db)
    result = run("ingest", str(corpus), "--db", str(db))
    assert "0 new stories (30 already known" in result.stderr
    assert rows(db) == before


def test_same_text_under_another_id_is_known(small, tmp_path):
    _, db = small
    copy = tmp_path / "copy.jsonl"
    copy.write_text(json.dumps(dict(story(3), id="another-id")) + "\n")
    shutil_db = tmp_path / "db.duckdb"
    shutil_db.write_bytes(db.read_bytes())
    result = run("ingest", str(copy), "--db", str(shutil_db))
    assert result.returncode == 0, result.stderr
    assert count(shutil_db, "stories") == 30


def test_events_jsonl_and_filters(small):
    _, db = small
    result = run("events", "--db", str(db))
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(events) == count(db, "events")
    e = events[0]
    for key in ("id", "event_type", "actor", "recipient", "date", "location", "mentions", "stories",
                "first_reported", "last_reported", "evidence", "trigger", "sentence"):
        assert key in e
    assert e["sentence"][e["trigger"]["start"]:e["trigger"]["end"]] == e["trigger"]["text"]
    assert all(len(x["mentions"]) >= 1 and x["first_reported"] <= x["last_reported"] for x in events)
    assert {m for x in events for m in x["mentions"]} == {m for x in events for m in x["mentions"]}
    assert sum(len(x["mentions"]) for x in events) == count(db, "mentions")

    assault = [json.loads(x) for x in run("events", "--db", str(db), "--type", "assault").stdout.splitlines()]
    assert assault and all(x["event_type"] == "ASSAULT" for x in assault)
    kenya = [json.loads(x) for x in run("events", "--db", str(db), "--country", "KEN").stdout.splitlines()]
    assert kenya and len(kenya) < len(events)
    assert all("KEN" in {x["location"] and x["location"]["country"]} | {a["country"] for a in x["actor"]}
               | {a["country"] for a in x["recipient"]} for x in kenya)
    late = [json.loads(x) for x in run("events", "--db", str(db), "--since", "2023-07-01").stdout.splitlines()]
    assert late and all((x["date"] or x["first_reported"]) >= "2023-07-01" for x in late)
    bad = run("events", "--db", str(db), "--since", "July")
    assert bad.returncode == 2 and "YYYY-MM-DD" in bad.stderr


def test_events_csv_and_parquet(small, tmp_path):
    _, db = small
    out = tmp_path / "events.csv"
    assert run("events", "--db", str(db), "--format", "csv", "--out", str(out)).returncode == 0
    lines = out.read_text().splitlines()
    assert lines[0].startswith("id,story_id,") and "mentions" in lines[0] and len(lines) == count(db, "events") + 1
    pq_out = tmp_path / "events.parquet"
    assert run("events", "--db", str(db), "--format", "parquet", "--out", str(pq_out)).returncode == 0
    table = pq.read_table(pq_out)
    assert table.num_rows == count(db, "events") and "mentions" in table.column_names


@pytest.mark.parametrize("layout,columns", [("gdelt", GDELT_COLUMNS), ("acled", ACLED_COLUMNS),
                                            ("polecat", POLECAT_COLUMNS)])
def test_export_layouts(small, tmp_path, layout, columns):
    _, db = small
    out = tmp_path / f"{layout}.csv"
    result = run("export", "--layout", layout, "--db", str(db), "--out", str(out))
    assert result.returncode == 0, result.stderr
    import csv

    with open(out, newline="") as f:
        table = list(csv.DictReader(f))
    assert list(table[0]) == columns
    assert 0 < len(table) <= count(db, "events")
    pq_out = tmp_path / f"{layout}.parquet"
    result = run("export", "--layout", layout, "--db", str(db), "--format", "parquet", "--out", str(pq_out))
    assert result.returncode == 0, result.stderr
    parquet = pq.read_table(pq_out)
    assert parquet.column_names == columns and parquet.num_rows == len(table)
    if layout == "gdelt":
        assert len(GDELT_COLUMNS) == 61
        assert all(r["QuadClass"] in {"1", "2", "3", "4"} for r in table)
        assert all(len(r["SQLDATE"]) == 8 and r["SQLDATE"][:3] == "202" for r in table)
        assert all(r["EventRootCode"] == r["EventCode"][:2] for r in table if r["EventCode"])
        assert {r["ActionGeo_CountryCode"] for r in table} >= {"KE", "NI"}  # FIPS 10-4, as GDELT
    if layout == "acled":
        assert {r["event_type"] for r in table} <= {"Battles", "Violence against civilians", "Protests", "Riots",
                                                    "Explosions/Remote violence", "Strategic developments"}
        assert all(r["event_id_cnty"][:3].isalpha() for r in table)
    if layout == "polecat":
        assert all(r["Event Type"] for r in table)


def test_missing_database_is_a_clear_error(tmp_path):
    result = run("events", "--db", str(tmp_path / "none.duckdb"))
    assert result.returncode == 2 and "no database" in result.stderr and "Traceback" not in result.stderr


def test_kill_9_then_rerun_ends_like_an_uninterrupted_run(tmp_path):
    corpus = write_corpus(tmp_path / "big.jsonl", 1500)
    clean = tmp_path / "clean.duckdb"
    assert run("ingest", str(corpus), "--db", str(clean), "--workers", "2").returncode == 0
    killed = tmp_path / "killed.duckdb"
    proc = subprocess.Popen([sys.executable, *CLI, "ingest", str(corpus), "--db", str(killed), "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    # Kill once some batches are committed but well before the end (the WAL grows as batches commit).
    deadline = time.monotonic() + 60
    wal = Path(str(killed) + ".wal")
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > 400_000:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "ingest finished before it could be killed: make the corpus larger"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = count(killed, "stories")
    assert 0 < partial < 1500
    assert count(killed, "mentions") == sum(
        r[0] for r in duckdb.connect(str(killed), read_only=True).execute("SELECT n_mentions FROM stories").fetchall())
    result = run("ingest", str(corpus), "--db", str(killed), "--workers", "2")
    assert result.returncode == 0, result.stderr
    assert f"{1500 - partial:,} new stories ({partial:,} already known" in result.stderr
    assert rows(killed) == rows(clean)


def test_interrupted_grouping_is_redone(small, tmp_path):
    corpus, db = small
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(db.read_bytes())
    con = duckdb.connect(str(copy))
    con.execute("DELETE FROM events")
    con.execute("UPDATE meta SET value = 'stale' WHERE key = 'grouping'")
    con.close()
    run("ingest", str(corpus), "--db", str(copy))
    assert rows(copy) == rows(db)


# ---------------------------------------------------------------------------------------------- grouping alone


def mention(i: str, story_id: str, *, city="Nairobi", country="KEN", date="2023-03-21", dead=None, injured=None,
            event_type="ASSAULT", sentence="Gunmen attacked a market in the town, witnesses said.", pub="2023-03-22",
            sentence_index=0) -> dict:
    return {"id": i, "story_id": story_id, "publication_date": pub, "sentence_index": sentence_index,
            "sentence": sentence, "event_type": event_type, "mode": None, "contexts": [], "status": "asserted",
            "actor": [{"text": "gunmen", "name": None, "id": None, "country": None, "sector": "UAF", "start": 0,
                       "end": 6}],
            "recipient": [], "date": date, "date_precision": "day", "date_text": "Tuesday", "date_source": "text",
            "location": {"text": city, "name": city, "country": country, "admin1": None, "lat": None, "lon": None,
                         "geonameid": None, "precision": "city"} if city else None,
            "dead": dead, "injured": injured, "arrested": None, "size": None, "attribution": None,
            "quad_class": "material_conflict", "intensity": -9.0, "cameo": "190", "goldstein": -10.0,
            "trigger": {"text": "attacked", "start": 7, "end": 15}, "confidence": 0.8, "coder": "test"}


def ids(groups: list[list[dict]]) -> set[frozenset]:
    return {frozenset(m["id"] for m in g) for g in groups}


def test_reports_of_one_attack_group_and_others_stay_apart():
    ms = [
        mention("a1", "s1", dead=5), mention("a2", "s1", dead=5, sentence_index=3),
        mention("b1", "s2", dead=5, date="2023-03-21", pub="2023-03-23"),
        mention("c1", "s3", city="Lagos", country="NGA", dead=5),  # another country
        mention("d1", "s4", dead=40),  # figures that cannot be the same count
        mention("e1", "s5", date="2023-03-02"),  # weeks earlier
        mention("f1", "s6", event_type="PROTEST", dead=5),  # another type family
    ]
    groups = group_mentions(ms)
    assert ids(groups) == {frozenset({"a1", "a2", "b1"}), frozenset({"c1"}), frozenset({"d1"}), frozenset({"e1"}),
                           frozenset({"f1"})}
    assert ids(group_mentions(list(reversed(ms)))) == ids(groups)  # order-independent


def test_no_chaining_through_a_vague_report():
    # b has no figures, so it is compatible with both a (2 dead) and c (30 dead); a and c conflict.
    ms = [mention("a", "s1", dead=2), mention("b", "s2"), mention("c", "s3", dead=30)]
    assert not any({"a", "c"} <= {m["id"] for m in g} for g in group_mentions(ms))


def test_a_threat_is_never_merged_into_the_act():
    done, threatened, claimed = mention("a", "s1"), mention("b", "s1", sentence_index=2), mention("c", "s2")
    threatened["status"], claimed["status"] = "threatened", "claimed"
    assert ids(group_mentions([done, threatened, claimed])) == {frozenset({"a", "c"}), frozenset({"b"})}


def _filler(n: int) -> list[dict]:
    """Unrelated reports, so that a victim's name is rare (high IDF) among the stories, as in a real corpus."""
    return [mention(f"z{i}", f"filler{i}", event_type="PROTEST", city=None, date="2023-01-05") for i in range(n)]


def test_a_later_report_joins_when_place_and_names_agree():
    shot = "Gunmen shot Jamal Okafor Whitfield outside a bar, police said."
    arrest = "Detectives arrested a man in the killing of Jamal Okafor Whitfield last week."
    first = mention("a", "s1", dead=1, sentence=shot)

    def joins(**later) -> bool:
        b = mention("b", "s2", dead=1, pub="2023-04-01", **{"sentence": arrest, **later})
        return frozenset({"a", "b"}) in ids(group_mentions([first, b, *_filler(200)]))

    assert joins(date="2023-03-31")  # ten days later, same city and the victim's name: a follow-up report
    assert not joins(date="2023-03-31", city=None)  # no city: the names alone are not enough so long after
    assert not joins(date="2023-03-31", city="Mombasa")  # another city
    assert not joins(date="2023-05-10")  # seven weeks later: outside the follow-up window
    assert not joins(date="2023-03-31", sentence="Detectives arrested a man in the killing of a bar patron.")


def test_a_city_resolved_elsewhere_in_both_stories_is_place_evidence():
    def located(m: dict, lat: float) -> dict:
        m["location"].update(lat=lat, lon=36.8)
        return m

    ms = [mention("a", "s1", city=None, dead=3), located(mention("a2", "s1", event_type="PROTEST", date=None), -1.29),
          mention("b", "s2", city=None, dead=3), located(mention("b2", "s2", event_type="PROTEST", date=None), -1.29),
          mention("c", "s3", city=None, dead=3), located(mention("c2", "s3", event_type="PROTEST", date=None), -3.0)]
    groups = ids(group_mentions(ms))
    assert frozenset({"a", "b"}) in groups and frozenset({"c"}) in groups  # c's story city is 190 km away


def test_best_estimate_of_each_field():
    ms = [mention("a", "s1", dead=2, injured=4, pub="2023-03-21"),
          mention("b", "s2", dead=3, injured=None, pub="2023-03-22"),
          dict(mention("c", "s3", dead=None, pub="2023-03-23"), date_precision="month", date="2023-03-01")]
    e = build_event(ms, {"s1": "https://a.example/1"})
    assert e["dead"] == 3 and e["injured"] == 4  # latest report that gives a figure
    assert e["date"] == "2023-03-21" and e["date_precision"] == "day"
    assert e["first_reported"] == "2023-03-21" and e["last_reported"] == "2023-03-23"
    assert e["stories"] == ["s1", "s2", "s3"] and e["mentions"] == ["a", "b", "c"]
    assert e["evidence"][0]["url"] == "https://a.example/1"
    assert e["confidence"] > 0.8  # three independent reports
    assert e["id"] == build_event(list(reversed(ms)))["id"]


def test_dyad_series(small):
    from flashpoint.store import dyad_series

    _, db = small
    series = dyad_series(str(db), "ken", "ken")
    assert series and all(s["period"].endswith("-01") for s in series)
    assert [s["period"] for s in series] == sorted(s["period"] for s in series)
    con = duckdb.connect(str(db), read_only=True)
    total = con.execute("SELECT count(*) FROM dyads WHERE actor = 'KEN' AND recipient = 'KEN'").fetchall()[0][0]
    con.close()
    assert sum(s["events"] for s in series) == total
    with pytest.raises(ValueError):
        dyad_series(str(db), "KEN", "KEN", freq="fortnight")


def test_dask_local_cluster_gives_the_rows_of_a_plain_ingest(small, tmp_path):
    pytest.importorskip("distributed")
    corpus, db = small
    dask_db = tmp_path / "dask.duckdb"
    result = run("ingest", str(corpus), "--db", str(dask_db), "--dask", "local", "--workers", "2", timeout=180)
    assert result.returncode == 1, result.stderr  # the bad line is reported and skipped here too
    assert "corpus.jsonl:16" in result.stderr
    assert rows(dask_db) == rows(db)
    assert not list(Path(str(dask_db) + ".parts").glob("*.parquet"))  # loaded partitions are cleaned up
    again = run("ingest", str(corpus), "--db", str(dask_db), "--dask", "local", "--workers", "2", timeout=180)
    assert "0 new stories (30 already known" in again.stderr


# ---------------------------------------------------------------------------------------------- what happened


STATUS_STORIES = [
    {"id": "done", "date": "2023-03-22", "text": "Police arrested 30 protesters in Nairobi on Tuesday."},
    {"id": "threat", "date": "2023-03-22",
     "text": "The opposition threatened to call a nationwide strike in Kenya if the arrests continue."},
    {"id": "maybe", "date": "2023-03-22", "text": "The government may expel the Kenyan ambassador from Uganda."},
    {"id": "denied", "date": "2023-03-22",
     "text": "Officials denied that soldiers had fired on protesters in Kampala."},
]


@pytest.fixture(scope="module")
def statuses(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("status")
    corpus = d / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(s) + "\n" for s in STATUS_STORIES))
    db = d / "events.duckdb"
    result = run("ingest", str(corpus), "--db", str(db), "--model", "rules", "--workers", "1")
    assert result.returncode == 0, result.stderr
    return db


def test_events_and_every_export_hold_only_what_happened_by_default(statuses, tmp_path):
    import csv

    db = statuses
    everything = [json.loads(x) for x in run("events", "--db", str(db), "--status", "all").stdout.splitlines()]
    kinds = {e["status"] for e in everything}
    assert {"asserted", "threatened", "hypothetical", "negated"} <= kinds, kinds
    default = [json.loads(x) for x in run("events", "--db", str(db)).stdout.splitlines()]
    assert default and {e["status"] for e in default} == {"asserted"}
    assert {e["id"] for e in default} == {e["id"] for e in everything if e["status"] == "asserted"}
    chosen = run("events", "--db", str(db), "--status", "threatened,negated", "--format", "csv").stdout
    rows = list(csv.DictReader(chosen.splitlines()))
    assert rows and {r["status"] for r in rows} == {"threatened", "negated"}  # our CSV carries the status
    assert "evidence" in rows[0] and json.loads(rows[0]["evidence"])[0]["sentence"]
    for layout, key in (("gdelt", "GLOBALEVENTID"), ("polecat", "Event ID")):
        out = tmp_path / f"{layout}.csv"
        assert run("export", "--layout", layout, "--db", str(db), "--out", str(out)).returncode == 0
        with open(out, newline="") as f:
            asserted_rows = list(csv.DictReader(f))
        assert len(asserted_rows) == len(default)
        assert run("export", "--layout", layout, "--db", str(db), "--out", str(out), "--status", "all").returncode == 0
        with open(out, newline="") as f:
            assert len(list(csv.DictReader(f))) == len(everything)
        if layout == "polecat":
            assert {r[key] for r in asserted_rows} == {e["id"] for e in default}


def test_filters_validate_their_values(statuses):
    db = str(statuses)
    by_name = run("events", "--db", db, "--country", "Kenya", "--status", "all").stdout
    by_code = run("events", "--db", db, "--country", "ken", "--status", "all").stdout
    assert by_name and by_name == by_code
    for option, value, words in (("--country", "Narnia", "country"), ("--type", "NOSUCH", "PLOVER"),
                                 ("--since", "July", "YYYY-MM-DD"), ("--until", "2023-13-01", "YYYY-MM-DD"),
                                 ("--status", "maybe", "asserted")):
        result = run("events", "--db", db, option, value)
        assert result.returncode == 2, (option, result.stderr)
        assert option in result.stderr and words in result.stderr and "Traceback" not in result.stderr
    result = run("export", "--layout", "acled", "--db", db, "--out", "-", "--type", "nosuch")
    assert result.returncode == 2 and "--type" in result.stderr


def test_an_interrupted_grouping_is_reported_and_finished(small, tmp_path):
    _, db = small
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(db.read_bytes())
    con = duckdb.connect(str(copy))
    con.execute("DELETE FROM events")  # as if killed before the grouping's transaction committed
    con.execute("UPDATE meta SET value = 'stale' WHERE key = 'grouping'")
    con.close()
    for args in (["events"], ["export", "--layout", "gdelt", "--out", str(tmp_path / "g.csv")]):
        result = run(*args, "--db", str(copy))
        assert result.returncode == 1, result.stderr
        assert "incomplete" in result.stderr and f"flashpoint ingest --db {copy}" in result.stderr
    finish = run("ingest", "--db", str(copy))
    assert finish.returncode == 0 and "complete" in finish.stderr, finish.stderr
    assert rows(copy) == rows(db)
    result = run("events", "--db", str(copy))
    assert result.returncode == 0 and "incomplete" not in result.stderr
