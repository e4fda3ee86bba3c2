"""The HTTP API (DESIGN.md §6) over a real DuckDB file made by `flashpoint ingest`, through FastAPI's TestClient."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import XSS, run_cli

pytest.importorskip("fastapi")


def cli_events(db: Path) -> list[dict]:
    done = run_cli("events", "--db", str(db))
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_events_are_the_grouped_events_of_the_cli(client, corpus_db):
    body = client.get("/api/events", params={"status": "all", "limit": 1000}).json()
    api = {e["id"]: e for e in body["events"]}
    assert body["total"] == len(api) == 9  # nine real events (two reports of the Kharkiv shelling are one)
    cli = cli_events(corpus_db)
    assert cli and {e["id"] for e in cli} <= set(api)
    for e in cli:
        assert api[e["id"]] == e  # the record exactly as `flashpoint events` prints it
    asserted = client.get("/api/events", params={"limit": 1000}).json()
    assert asserted["total"] == sum(e["status"] == "asserted" for e in api.values()) == 8  # default: asserted
    assert all(e["status"] == "asserted" for e in asserted["events"])


def test_one_event_has_every_report_with_sentence_and_offsets(client):
    events = client.get("/api/events", params={"q": "Kharkiv"}).json()["events"]
    assert len(events) == 1 and events[0]["n_mentions"] == 2
    event = client.get(f"/api/events/{events[0]['id']}").json()
    assert event["id"] == events[0]["id"] and len(event["reports"]) == 2
    assert {r["story_id"] for r in event["reports"]} == {"ukr-1", "ukr-2"}
    for r in event["reports"]:
        assert r["id"] in event["mentions"]
        assert r["sentence"][r["trigger"]["start"]:r["trigger"]["end"]] == r["trigger"]["text"]
        for a in r["actor"] + r["recipient"]:
            assert r["sentence"][a["start"]:a["end"]] == a["text"]
        assert r["url"].startswith("https://")


def test_unknown_event_is_404(client):
    r = client.get("/api/events/" + "0" * 40)
    assert r.status_code == 404 and "no event" in r.json()["detail"]
    assert client.get("/api/events/%3Cscript%3E").status_code == 404


def test_filters_select_what_they_say(client):
    def ids(**params):
        body = client.get("/api/events", params={"limit": 1000, **params}).json()
        assert body["total"] == len(body["events"])
        return {e["id"]: e for e in body["events"]}

    everything = ids()
    assault = ids(type="ASSAULT")
    assert assault and set(assault) < set(everything)
    assert all(e["event_type"] == "ASSAULT" for e in assault.values())
    assert ids(type="assault") == assault  # case does not matter
    kenya = ids(country="KEN")
    assert kenya and all("KEN" in {a["country"] for a in e["actor"] + e["recipient"]} |
                         {(e["location"] or {}).get("country")} for e in kenya.values())
    assert ids(country="Kenya") == kenya  # a name works too
    spring = ids(since="2024-04-01", until="2024-05-31")
    assert spring and all("2024-04-01" <= (e["date"] or e["first_reported"]) <= "2024-05-31"
                          for e in spring.values())
    africa = ids(bbox="-20,-35,55,38")
    assert africa and all(-20 <= e["location"]["lon"] <= 55 and -35 <= e["location"]["lat"] <= 38
                          for e in africa.values())
    assert {e["location"]["country"] for e in africa.values()} >= {"KEN", "NGA"}
    pacific = ids(bbox="170,-90,-170,90")  # across the antimeridian: nothing there
    assert pacific == {}
    assert set(ids(q="tear gas")) == {e["id"] for e in everything.values() if "tear gas" in e["sentence"]}
    hypothetical = ids(status="hypothetical")
    assert hypothetical and all(e["status"] == "hypothetical" for e in hypothetical.values())
    assert set(ids(status="asserted,hypothetical")) == set(everything) | set(hypothetical)


def test_paging_is_stable_and_capped(client):
    full = client.get("/api/events", params={"limit": 1000, "status": "all"}).json()
    pages = []
    for offset in range(0, full["total"], 4):
        page = client.get("/api/events", params={"limit": 4, "offset": offset, "status": "all"}).json()
        assert page["total"] == full["total"]
        pages += [e["id"] for e in page["events"]]
    assert pages == [e["id"] for e in full["events"]]
    days = [e["date"] or e["first_reported"] for e in full["events"]]
    assert days == sorted(days)
    newest = client.get("/api/events", params={"limit": 1000, "status": "all", "order": "desc"}).json()
    assert [e["date"] or e["first_reported"] for e in newest["events"]] == sorted(days, reverse=True)
    too_many = client.get("/api/events", params={"limit": 1001})
    assert too_many.status_code == 422 and "limit" in too_many.json()["detail"]


BAD = [
    ("/api/events", {"since": "yesterday"}, "since"),
    ("/api/events", {"until": "2024-02-30"}, "until"),
    ("/api/events", {"since": "2024-05-01", "until": "2024-01-01"}, "since"),
    ("/api/events", {"country": "ZZZ"}, "country"),
    ("/api/events", {"country": "'; DROP TABLE events; --"}, "country"),
    ("/api/events", {"type": "BOMBING"}, "type"),
    ("/api/events", {"status": "rumoured"}, "status"),
    ("/api/events", {"status": ","}, "status"),
    ("/api/events", {"bbox": "1,2,3"}, "bbox"),
    ("/api/events", {"bbox": "a,b,c,d"}, "bbox"),
    ("/api/events", {"bbox": "0,10,20,5"}, "bbox"),
    ("/api/events", {"bbox": "-200,0,10,10"}, "bbox"),
    ("/api/events", {"bbox": "nan,0,10,10"}, "bbox"),
    ("/api/events", {"limit": "0"}, "limit"),
    ("/api/events", {"limit": "10000000000000000000000"}, "limit"),
    ("/api/events", {"limit": "ten"}, "limit"),
    ("/api/events", {"offset": "-1"}, "offset"),
    ("/api/events", {"offset": "99999999999"}, "offset"),
    ("/api/events", {"order": "sideways"}, "order"),
    ("/api/events", {"q": "x" * 5000}, "q"),
    ("/api/events", {"since": ""}, "since"),
    ("/api/events", {"country": ""}, "country"),
    ("/api/events", {"bbox": ""}, "bbox"),
    ("/api/series", {"actor": "KEN", "by": ""}, "by"),
    ("/api/series", {"actor": "XX"}, "actor"),
    ("/api/series", {"actor": "RUS", "by": "fortnight"}, "by"),
    ("/api/series", {"actor": "RUS", "type": "NOPE"}, "type"),
    ("/api/timeline", {"by": "year"}, "by"),
    ("/api/alerts", {"window": "0"}, "window"),
    ("/api/alerts", {"baseline": "100000"}, "baseline"),
    ("/api/alerts", {"until": "2024/06/01"}, "until"),
    ("/api/alerts", {"until": "0001-01-02"}, "until"),
    ("/api/alerts", {"threshold": "inf"}, "threshold"),
    ("/api/alerts", {"status": "everything"}, "status"),
]


@pytest.mark.parametrize(("path", "params", "named"), BAD)
def test_bad_parameters_get_a_4xx_that_names_them(client, path, params, named):
    r = client.get(path, params=params)
    assert 400 <= r.status_code < 500, (r.status_code, r.text)
    assert named in r.json()["detail"]


def test_series_counts_grouped_events_with_intensity_and_goldstein(client, corpus_db):
    rows = client.get("/api/series", params={"actor": "RUS", "recipient": "UKR", "by": "day"}).json()
    assert rows == [{"period": "2024-03-04", "events": 1, "intensity": rows[0]["intensity"],
                     "goldstein": rows[0]["goldstein"]}]  # two reports, one event
    assert rows[0]["intensity"] < 0 and rows[0]["goldstein"] < 0
    months = client.get("/api/series", params={"actor": "KEN", "by": "month"}).json()
    assert [r["period"] for r in months] == ["2024-03-01", "2024-04-01"]  # every month from first to last
    assert [r["events"] for r in months] == [1, 1]
    place = client.get("/api/series", params={"country": "NGA", "by": "month"}).json()
    assert sum(r["events"] for r in place) == 2
    gaps = client.get("/api/series", params={"country": "KEN", "by": "week"}).json()
    assert any(r["events"] == 0 and r["intensity"] is None and r["goldstein"] == 0 for r in gaps)


def test_series_and_alerts_are_the_same_on_cli_and_api(client, corpus_db):
    for params in ({"actor": "KEN"}, {"actor": "RUS", "recipient": "UKR", "by": "week"},
                   {"actor": "NGA", "by": "day", "type": "ASSAULT"}):
        args = [x for k, v in params.items() for x in (f"--{k}", v)]
        done = run_cli("series", "--db", str(corpus_db), *args)
        assert done.returncode == 0, done.stderr
        assert [json.loads(line) for line in done.stdout.splitlines()] == client.get("/api/series",
                                                                                     params=params).json()
    for params in ({"window": "30", "baseline": "60", "min_events": "1", "threshold": "0"}, {}):
        args = [x for k, v in params.items() for x in (f"--{k.replace('_', '-')}", v)]
        done = run_cli("alerts", "--db", str(corpus_db), *args)
        assert done.returncode == 0, done.stderr
        api = client.get("/api/alerts", params=params).json()
        assert [json.loads(line) for line in done.stdout.splitlines()] == api
    assert api == []  # nine scattered events: nothing escalates by default


def test_timeline_counts_by_quad_class(client):
    rows = client.get("/api/timeline", params={"by": "month"}).json()
    events = client.get("/api/events", params={"limit": 1000}).json()["events"]
    assert sum(r["events"] for r in rows) == len(events)
    march = {r["quad_class"]: r["events"] for r in rows if r["period"] == "2024-03-01"}
    assert march == {"material_conflict": 2}


def test_meta_lists_what_the_store_holds(client):
    meta = client.get("/api/meta").json()
    assert meta["events"] == 9 and meta["first_day"] == "2024-03-04"
    assert {"KEN", "UKR", "RUS", "NGA"} <= {c["code"] for c in meta["countries"]}
    assert meta["iso_numeric"]["404"] == "KEN"  # the world shapes' ids are ISO numeric


def test_dashboard_and_docs_are_served_locally_with_a_strict_csp(client):
    for path in ("/", "/docs", "/api/events", "/static/app.js", "/openapi.json"):
        r = client.get(path)
        assert r.status_code == 200, path
        csp = r.headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'self';" in csp
    page = client.get("/").text
    assert "http://" not in page and "https://" not in page
    assert "//" not in client.get("/docs").text.replace("<!doctype", "")
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/series", "/api/alerts"} <= set(spec["paths"])
    for name in ("vendor/countries-110m.json", "vendor/topojson-client.min.js", "vendor/swagger-ui-bundle.js",
                 "style.css"):
        assert client.get(f"/static/{name}").status_code == 200


def test_read_only(client, corpus_db):
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/api/events").status_code == 405
    con = client.app.state.db.cursor()
    with pytest.raises(Exception, match="read-only"):
        con.execute("DELETE FROM events")
    con.close()


def test_story_markup_stays_text_in_json(client):
    events = client.get("/api/events", params={"q": "onerror"}).json()["events"]
    assert len(events) == 1 and XSS in events[0]["sentence"]
    assert client.get("/").headers["content-type"].startswith("text/html")
    assert client.get("/api/events").headers["content-type"] == "application/json"


def test_missing_or_invalid_database_is_a_clear_error(tmp_path):
    from flashpoint.store.schema import DatabaseError
    from flashpoint.web.app import create_app

    with pytest.raises(DatabaseError, match="no database"):
        create_app(str(tmp_path / "none.duckdb"))
    bad = tmp_path / "bad.duckdb"
    bad.write_text("not a database")
    with pytest.raises(DatabaseError):
        create_app(str(bad))
    for args in (("serve", "--db", str(tmp_path / "none.duckdb")), ("serve", "--db", str(bad)),
                 ("series", "--db", str(bad), "--actor", "KEN"), ("alerts", "--db", str(tmp_path / "x.duckdb"))):
        done = run_cli(*args, timeout=60)
        assert done.returncode == 2 and done.stderr.startswith("flashpoint: ") and "Traceback" not in done.stderr


def test_cli_rejects_bad_values_with_one_line(corpus_db):
    for args, named in ((("series", "--actor", "ZZZ"), "actor"), (("series", "--actor", "KEN", "--type", "X"), "type"),
                        (("series",), "--actor"), (("alerts", "--until", "June"), "until"),
                        (("series", "--actor", "KEN", "--since", "2024-05-01", "--until", "2024-01-01"), "since")):
        done = run_cli(*args, "--db", str(corpus_db), timeout=60)
        assert done.returncode == 2 and named in done.stderr and "Traceback" not in done.stderr, done.stderr


def test_csv_formats(corpus_db):
    done = run_cli("series", "--db", str(corpus_db), "--actor", "KEN", "--format", "csv")
    assert done.stdout.splitlines()[0] == "period,events,intensity,goldstein"
    done = run_cli("alerts", "--db", str(corpus_db), "--window", "30", "--min-events", "1", "--threshold", "0",
                   "--format", "csv")
    lines = done.stdout.splitlines()
    assert lines[0].startswith("kind,key,window_events") and len(lines) > 1


def test_points_are_the_events_in_brief(client):
    for params in ({}, {"type": "ASSAULT"}, {"status": "all", "country": "KEN"}, {"bbox": "-20,-35,55,38"}):
        full = client.get("/api/events", params={**params, "limit": 1000, "order": "desc"}).json()
        brief = client.get("/api/points", params=params).json()
        assert brief["total"] == full["total"]
        assert [p["id"] for p in brief["events"]] == [e["id"] for e in full["events"]]
        for p, e in zip(brief["events"], full["events"], strict=True):
            assert p["date"] == (e["date"] or e["first_reported"]) and p["quad_class"] == e["quad_class"]
            assert [a["country"] for a in p["actor"]] == [a["country"] for a in e["actor"]]
            if e["location"]:
                assert (p["location"]["lat"], p["location"]["lon"]) == (e["location"]["lat"], e["location"]["lon"])
    assert client.get("/api/points", params={"limit": 5001}).status_code == 422


def test_totals_with_costly_filters_and_any_offset(client):
    """Text and country filters count on the page query itself; the total must not depend on the page asked."""
    for params in ({"q": "police"}, {"country": "KEN"}, {"country": "NGA", "q": "a"}):
        full = client.get("/api/events", params={**params, "limit": 1000}).json()
        assert full["total"] == len(full["events"]) > 0
        for offset in (0, 1, full["total"], full["total"] + 5):
            page = client.get("/api/events", params={**params, "limit": 1, "offset": offset}).json()
            assert page["total"] == full["total"], (params, offset)
            assert [e["id"] for e in page["events"]] == [e["id"] for e in full["events"][offset:offset + 1]]
