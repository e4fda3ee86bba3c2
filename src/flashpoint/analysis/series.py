"""Event series: grouped events per day, week or month for a dyad, an actor, a place or any filter.

    series(con, EventFilter.parse(actor="RUS", recipient="UKR"), by="week")
    -> [{"period": "2023-03-06", "events": 4, "intensity": -8.1, "goldstein": -36.0}, ...]

What is counted is grouped events (one per real event, however many reports), never mentions. `events` is their
number, `intensity` the mean PLOVER intensity of those events, `goldstein` the sum of their Goldstein weights
(GDELT's convention for a dyad's net cooperation/conflict). Periods run from the first to the last period with an
event, with no gaps: a period without events has events 0, intensity null, goldstein 0. A week starts on Monday (ISO);
`period` is the first day of the period. The same function answers `flashpoint series` and `/api/series`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flashpoint.analysis.filters import DAY, PERIODS, EventFilter, FilterError

MAX_PERIODS = 100_000  # a series longer than this (days over 270 years) is refused rather than built


def _next(day: dt.date, by: str) -> dt.date:
    if by == "day":
        return day + dt.timedelta(days=1)
    if by == "week":
        return day + dt.timedelta(days=7)
    return (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


def series(con: Any, flt: EventFilter, by: str = "month") -> list[dict[str, Any]]:
    """Counts, mean intensity and Goldstein sum of the grouped events matching `flt`, per period, oldest first."""
    if by not in PERIODS:
        raise FilterError(f"by must be one of {', '.join(PERIODS)}, got {by!r}")
    where, params = flt.where()
    sql = (f"SELECT CAST(date_trunc('{by}', {DAY}) AS DATE) AS period, count(*) AS events, avg(intensity), "
           f"sum(goldstein) FROM events WHERE {where} AND {DAY} IS NOT NULL GROUP BY period ORDER BY period")
    rows = con.execute(sql, params).fetchall()
    if not rows:
        return []
    found = {p: (n, i, g) for p, n, i, g in rows}
    first, last = rows[0][0], rows[-1][0]
    out: list[dict[str, Any]] = []
    day = first
    while day <= last:
        if len(out) >= MAX_PERIODS:
            raise FilterError(f"the series would have more than {MAX_PERIODS} periods: narrow the dates or use a "
                              f"longer period")
        n, i, g = found.get(day, (0, None, None))
        out.append({"period": day.isoformat(), "events": n, "intensity": None if i is None else round(i, 3),
                    "goldstein": round(g or 0.0, 3)})
        day = _next(day, by)
    return out


def timeline(con: Any, flt: EventFilter, by: str = "month") -> list[dict[str, Any]]:
    """Grouped events per period and QuadClass (the dashboard's stacked timeline): [{"period", "quad_class",
    "events"}], periods without events left out."""
    if by not in PERIODS:
        raise FilterError(f"by must be one of {', '.join(PERIODS)}, got {by!r}")
    where, params = flt.where()
    sql = (f"SELECT CAST(date_trunc('{by}', {DAY}) AS DATE) AS period, quad_class, count(*) FROM events "
           f"WHERE {where} AND {DAY} IS NOT NULL GROUP BY ALL ORDER BY period, quad_class")
    return [{"period": p.isoformat(), "quad_class": q, "events": n} for p, q, n in con.execute(sql, params).fetchall()]
