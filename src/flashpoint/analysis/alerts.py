"""Escalation alerts: dyads and places whose conflict events in a recent window rise well above their own baseline.

The rule (one test per dyad and per place, on grouped events, never on mentions):

- Events counted: grouped events whose QuadClass is verbal or material conflict and whose status is asserted (the
  `status` filter changes that), dated by their resolved date, else the day they were first reported.
- Keys: a *dyad* is an (actor country, recipient country) pair of an event (an event with two actor countries
  counts once for each pair; a domestic dyad such as KEN->KEN counts too); a *place* is the event location's country.
- Windows: the *window* is the `window` days ending on `until` (default: the last day with any event in the store, so
  an old corpus is read as of its own end); the *baseline* is the `baseline` days just before the window.
- Expected count: lambda = window x (b + 0.5) / baseline, where b is the key's baseline count. The 0.5 (half an
  event over the baseline) keeps a key never seen before from having a zero rate.
- Score: p = P(X >= k) for X ~ Poisson(lambda) and k the key's window count; score = -log10 p.
- Alert when k >= `min_events` (default 3) and score >= `threshold` (default 3, i.e. p <= 0.001).

With the defaults (7-day window, 90-day baseline) a dyad with no conflict in the baseline alerts at 3 events in a
week (the minimum count decides: 2 would already pass the score); one with 10 baseline events (0.8 expected per week)
needs 6, one with 30 (2.4 a week) needs 9, one with 90 (7 a week) needs 18. Each alert carries the ids of its window
events, most recent first. Alerts are sorted by score, highest first. The same function answers `flashpoint alerts`
and `/api/alerts`.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from flashpoint.analysis.filters import CONFLICT, DAY, FilterError

PRIOR = 0.5
MAX_ALERT_EVENTS = 500  # ids listed per alert (window_events always gives the full count)


def log_poisson_tail(k: int, lam: float) -> float:
    """ln P(X >= k) for X ~ Poisson(lam), accurate far in the tail (terms summed in log space from k upward)."""
    if k <= 0:
        return 0.0
    if lam <= 0:
        return -math.inf
    if k <= lam:  # the tail is large: 1 - P(X < k) loses nothing
        term, below = math.exp(-lam), 0.0
        for i in range(k):
            below += term
            term *= lam / (i + 1)
        return math.log(min(1.0, 1.0 - below)) if below < 1.0 else -math.inf
    first = -lam + k * math.log(lam) - math.lgamma(k + 1)
    total, log_term, i = 1.0, first, k  # total = sum of exp(term - first)
    while True:
        i += 1
        log_term += math.log(lam) - math.log(i)
        ratio = math.exp(log_term - first)
        total += ratio
        if ratio < 1e-17 * total or i > k + 100_000:
            break
    return min(0.0, first + math.log(total))


def poisson_tail(k: int, lam: float) -> float:
    """P(X >= k) for X ~ Poisson(lam)."""
    return math.exp(log_poisson_tail(k, lam))


def score(k: int, baseline_events: int, window: int, baseline: int) -> tuple[float, float]:
    """(expected window count from the baseline, -log10 of the Poisson tail probability of k)."""
    lam = window * (baseline_events + PRIOR) / baseline
    return lam, -log_poisson_tail(k, lam) / math.log(10)


def check(window: int, baseline: int, min_events: int, threshold: float) -> None:
    if not 1 <= window <= 366:
        raise FilterError(f"window must be between 1 and 366 days, got {window}")
    if not 1 <= baseline <= 3660:
        raise FilterError(f"baseline must be between 1 and 3660 days, got {baseline}")
    if not 1 <= min_events <= 100_000:
        raise FilterError(f"min_events must be between 1 and 100000, got {min_events}")
    if not (math.isfinite(threshold) and 0 <= threshold <= 300):
        raise FilterError(f"threshold must be between 0 and 300, got {threshold}")


def alerts(con: Any, window: int = 7, baseline: int = 90, *, until: dt.date | None = None,
           status: tuple[str, ...] | None = ("asserted",), min_events: int = 3,
           threshold: float = 3.0) -> list[dict[str, Any]]:
    """Dyads and places whose conflict events in the window are improbable under their baseline rate (see above)."""
    check(window, baseline, min_events, threshold)
    status_sql, params = "TRUE", []
    if status is not None:
        status_sql = f"status IN ({', '.join('?' for _ in status)})"
        params = list(status)
    conflict = f"quad_class IN ({', '.join(repr(c) for c in CONFLICT)})"
    if until is None:
        until = con.execute(f"SELECT max({DAY}) FROM events WHERE {status_sql}", params).fetchall()[0][0]
        if until is None:
            return []
    try:
        window_start = until - dt.timedelta(days=window - 1)
        base_start = window_start - dt.timedelta(days=baseline)
    except OverflowError:
        raise FilterError(f"until ({until}) is too early for a {window}-day window and a {baseline}-day baseline")\
            from None
    sql = f"""
    WITH ev AS (
      SELECT id, {DAY} AS day, intensity,
             list_distinct([a.country FOR a IN actor IF a.country IS NOT NULL]) AS acs,
             list_distinct([a.country FOR a IN recipient IF a.country IS NOT NULL]) AS rcs,
             location.country AS place
      FROM events WHERE {status_sql} AND {conflict} AND {DAY} BETWEEN ? AND ?),
    a AS (SELECT id, day, intensity, unnest(acs) AS actor, rcs FROM ev),
    keyed AS (
      SELECT id, day, intensity, 'dyad' AS kind, actor AS k1, unnest(rcs) AS k2 FROM a
      UNION ALL
      SELECT id, day, intensity, 'place', place, NULL FROM ev WHERE place IS NOT NULL)
    SELECT kind, k1, k2,
           count(*) FILTER (WHERE day >= ?) AS k,
           count(*) FILTER (WHERE day < ?) AS b,
           avg(intensity) FILTER (WHERE day >= ?) AS wi,
           avg(intensity) FILTER (WHERE day < ?) AS bi,
           list(id ORDER BY day DESC, id) FILTER (WHERE day >= ?) AS ids
    FROM keyed GROUP BY kind, k1, k2 HAVING count(*) FILTER (WHERE day >= ?) >= ?
    """
    args = params + [base_start, until] + [window_start] * 6 + [min_events]
    out = []
    for kind, k1, k2, k, b, wi, bi, ids in con.execute(sql, args).fetchall():
        lam, s = score(k, b, window, baseline)
        if s < threshold:
            continue
        key: dict[str, Any] = {"dyad": [k1, k2]} if kind == "dyad" else {"place": k1}
        out.append({**key, "window_events": k, "baseline_events": b, "baseline_rate": round(lam, 4),
                    "score": round(s, 3), "window_intensity": None if wi is None else round(wi, 3),
                    "baseline_intensity": None if bi is None else round(bi, 3),
                    "window": [window_start.isoformat(), until.isoformat()],
                    "baseline": [base_start.isoformat(), (window_start - dt.timedelta(days=1)).isoformat()],
                    "events": list(ids)[:MAX_ALERT_EVENTS]})
    out.sort(key=lambda a: (-a["score"], -a["window_events"], "dyad" not in a, str(a.get("dyad") or a.get("place"))))
    return out
