"""A property run over the OpenAPI document: any values of the declared parameters never give a 5xx.

Hypothesis draws, for every GET operation of /openapi.json, a subset of its parameters with values from a mix of
well-formed ones (dates, codes, types, numbers, boxes) and hostile ones (any text, huge and negative numbers, SQL and
markup, NUL and surrogate-free unicode, very long strings). Bounded: a fixed number of examples per operation and no
shrinking past a few seconds, so the run takes seconds.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

HOSTILE = ["", " ", "'", "\"", ";", "%", "_", "\\", "NULL", "' OR 1=1 --", "<img src=x onerror=alert(1)>", "\u0000",
           "1e309", "-0", "nan", "inf", "9" * 40, "-1", "0", "2024-02-30", "2024-13-01", "0001-01-01", "9999-12-31",
           "ASSAULT", "assault", "KEN", "Kenya", "asserted", "all", "asserted,claimed", ",,,", "day", "week",
           "month", "-180,-90,180,90", "179,-1,-179,1", "1,2,3,4,5", "a" * 3000, "ÄÖÜ", "日本", "🙂"]

values = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=60),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.dates().map(str),
    st.lists(st.floats(min_value=-200, max_value=200), min_size=3, max_size=5).map(
        lambda xs: ",".join(f"{x:g}" for x in xs)),
)


def operations(client) -> list[tuple[str, list[str]]]:
    spec = client.get("/openapi.json").json()
    ops = []
    for path, item in spec["paths"].items():
        if "get" in item:
            ops.append((path, [p["name"] for p in item["get"].get("parameters", [])]))
    return ops


def test_the_spec_declares_the_contract(client):
    ops = dict(operations(client))
    assert {"since", "until", "country", "type", "status", "q", "bbox", "limit", "offset"} <= set(ops["/api/events"])
    assert {"actor", "recipient", "country", "by", "type"} <= set(ops["/api/series"])
    assert {"window", "baseline"} <= set(ops["/api/alerts"])


def test_no_5xx_for_any_parameters(client):
    ops = operations(client)
    assert len(ops) >= 5

    @settings(max_examples=250, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
    @given(data=st.data())
    def check(data):
        path, names = data.draw(st.sampled_from(ops))
        chosen = data.draw(st.lists(st.sampled_from(names), unique=True, max_size=len(names))) if names else []
        params = {n: data.draw(values) for n in chosen}
        url = path
        if "{event_id}" in path:
            url = path.replace("{event_id}", quote(data.draw(values), safe="") or "x")
            params.pop("event_id", None)
        r = client.get(url, params=params)
        assert r.status_code < 500, (url, params, r.status_code, r.text[:300])
        assert r.headers["content-type"].startswith("application/json")
        body = r.json()
        if r.status_code >= 400:
            assert body["detail"]

    check()
