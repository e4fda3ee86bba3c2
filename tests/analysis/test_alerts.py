"""Escalation alerts on a synthetic corpus coded and stored by the real `flashpoint ingest`.

The corpus: Kenyan police and protesters clash at a steady pace (one story every 8 days, each in another town) for
four months, a flat series that must raise nothing; Russian shelling of Ukrainian cities, twice in the baseline, then
eight times in the last week, a planted escalation that must be found with the events behind it.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from flashpoint.analysis import EventFilter, FilterError, alerts, poisson_tail, series
from flashpoint.analysis.alerts import score

duckdb = pytest.importorskip("duckdb")

END = dt.date(2024, 6, 30)
KENYA = ["Nairobi", "Mombasa", "Kisumu", "Nakuru", "Eldoret", "Thika", "Malindi", "Kitale", "Garissa", "Nyeri",
         "Machakos", "Meru", "Kakamega", "Naivasha"]
UKRAINE = ["Kharkiv", "Sumy", "Poltava", "Odesa", "Kherson", "Mykolaiv", "Zaporizhzhia", "Dnipro", "Chernihiv",
           "Kramatorsk"]


def corpus() -> list[dict]:
    stories = []
    for i, town in enumerate(KENYA):  # flat: every 8 days up to END
        day = END - dt.timedelta(days=8 * (len(KENYA) - 1 - i) + 1)
        stories.append({"id": f"ken-{i}", "date": day.isoformat(),
                        "text": f"Police fired tear gas at protesters in {town}, Kenya, injuring {i + 3} people."})
    baseline = [END - dt.timedelta(days=60), END - dt.timedelta(days=30)]
    window = [END - dt.timedelta(days=d) for d in (6, 5, 5, 4, 3, 2, 1, 0)]
    for i, (town, day) in enumerate(zip(UKRAINE, baseline + window, strict=True)):
        stories.append({"id": f"ukr-{i}", "date": day.isoformat(),
                        "text": f"Russian forces shelled the Ukrainian city of {town}, killing {i + 2} civilians."})
    return stories


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "flashpoint", *args], capture_output=True, text=True, timeout=300,
                          stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("alerts")
    path = tmp / "corpus.jsonl"
    path.write_text("".join(json.dumps(s) + "\n" for s in corpus()), encoding="utf-8")
    out = tmp / "alerts.duckdb"
    done = run_cli("ingest", str(path), "--db", str(out), "--workers", "1")
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def con(db):
    c = duckdb.connect(str(db), read_only=True)
    yield c
    c.close()


def test_the_corpus_is_what_it_says(con):
    months = series(con, EventFilter.parse(actor="RUS", recipient="UKR"), "month")
    assert [(r["period"], r["events"]) for r in months] == [("2024-05-01", 2), ("2024-06-01", 8)]
    kenya = series(con, EventFilter.parse(country="KEN", place="KEN"), "day")
    assert sum(r["events"] for r in kenya) == len(KENYA)


def test_planted_escalation_is_found_with_its_events(con):
    found = alerts(con, window=7, baseline=90)
    keys = [a.get("dyad") or a.get("place") for a in found]
    assert ["RUS", "UKR"] in keys and "UKR" in keys
    dyad = next(a for a in found if a.get("dyad") == ["RUS", "UKR"])
    assert dyad["window_events"] == 8 and dyad["baseline_events"] == 2
    assert dyad["window"] == [(END - dt.timedelta(days=6)).isoformat(), END.isoformat()]
    assert dyad["score"] >= 3 and math.isclose(dyad["baseline_rate"], 7 * 2.5 / 90, rel_tol=1e-3)
    events = {e[0]: e[1:] for e in con.execute(
        "SELECT id, coalesce(date, first_reported), list_contains([a.country FOR a IN actor], 'RUS') FROM events"
    ).fetchall()}
    assert len(dyad["events"]) == 8 and all(events[i][1] for i in dyad["events"])
    assert all(events[i][0] >= END - dt.timedelta(days=6) for i in dyad["events"])
    assert found[0]["score"] >= found[-1]["score"]


def test_flat_series_raises_nothing(con):
    found = alerts(con, window=7, baseline=90)
    assert not any("KEN" in (a.get("dyad") or [a.get("place")]) for a in found)
    for until in (END - dt.timedelta(days=8), END - dt.timedelta(days=20)):  # before the escalation: only flat
        assert alerts(con, window=7, baseline=90, until=until) == []


def test_cli_gives_the_same_alerts(db, con):
    done = run_cli("alerts", "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert [json.loads(line) for line in done.stdout.splitlines()] == alerts(con)
    done = run_cli("series", "--db", str(db), "--actor", "RUS", "--recipient", "UKR", "--by", "week")
    assert [json.loads(line) for line in done.stdout.splitlines()] == series(
        con, EventFilter.parse(actor="RUS", recipient="UKR"), "week")


def test_rule_as_documented():
    # The docstring's figures for the defaults (7-day window, 90-day baseline, score >= 3, at least 3 events).
    for baseline_events, needed in ((10, 6), (30, 9), (90, 18)):
        assert score(needed, baseline_events, 7, 90)[1] >= 3 > score(needed - 1, baseline_events, 7, 90)[1]
    assert score(2, 0, 7, 90)[1] >= 3  # a new dyad: the score passes at 2, the minimum count (3) decides


def test_poisson_tail_matches_the_direct_sum():
    for lam in (0.01, 0.5, 2.4, 10.0, 80.0):
        for k in (0, 1, 3, 10, 30, 120):
            direct = 1 - sum(math.exp(-lam) * lam ** i / math.factorial(i) for i in range(k))
            if direct > 1e-12:
                assert math.isclose(poisson_tail(k, lam), direct, rel_tol=1e-6, abs_tol=1e-15), (k, lam)
    assert 0 < poisson_tail(500, 1.0) < 1e-300 or poisson_tail(500, 1.0) == 0.0
    assert poisson_tail(5, 0) == 0.0 and poisson_tail(0, 3) == 1.0


def test_parameters_are_checked(con):
    for kwargs in ({"window": 0}, {"baseline": 0}, {"window": 400}, {"min_events": 0}, {"threshold": -1},
                   {"threshold": float("nan")}):
        with pytest.raises(FilterError):
            alerts(con, **{"window": 7, "baseline": 90, **kwargs})
    with pytest.raises(FilterError, match="too early"):
        alerts(con, until=dt.date(1, 1, 5))


def test_series_counts_events_not_mentions(tmp_path):
    """Two stories reporting one attack are one event in the series (grouping), not two."""
    stories = [
        {"id": "a", "date": "2024-03-04", "text": "Russian forces shelled the Ukrainian city of Kharkiv, killing 5 "
                                                  "civilians."},
        {"id": "b", "date": "2024-03-05", "text": "Russian artillery shelled Kharkiv, killing 5 civilians, Ukrainian "
                                                  "officials said."},
    ]
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(s) + "\n" for s in stories), encoding="utf-8")
    done = run_cli("ingest", str(path), "--db", str(tmp_path / "t.duckdb"), "--workers", "1")
    assert done.returncode == 0, done.stderr
    c = duckdb.connect(str(tmp_path / "t.duckdb"), read_only=True)
    try:
        assert c.execute("SELECT count(*) FROM mentions").fetchall()[0][0] == 2
        rows = series(c, EventFilter.parse(actor="RUS"), "month")
        assert [(r["period"], r["events"]) for r in rows] == [("2024-03-01", 1)]
    finally:
        c.close()
