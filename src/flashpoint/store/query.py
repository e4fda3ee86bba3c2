"""Analysis queries over the event database (the flat `dyads` table keeps them to one columnar scan)."""

from __future__ import annotations

from typing import Any

_FREQS = {"day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year"}


def dyad_series(db: Any, actor: str, recipient: str, freq: str = "month", *,
                family: str | None = None) -> list[dict[str, Any]]:
    """Events from `actor` country to `recipient` country per period and type family, oldest first.

    `db` is a path or an open DuckDB connection; returns [{"period": "2023-03-01", "family": "ASSAULT",
    "events": 4, "dead": 7, "goldstein": -9.0}, ...] (goldstein: the mean; dead: the sum of known figures)."""
    import duckdb

    if freq not in _FREQS:
        raise ValueError(f"freq must be one of {', '.join(_FREQS)}, got {freq!r}")
    con = duckdb.connect(db, read_only=True) if isinstance(db, str) else db
    try:
        sql = (f"SELECT CAST(date_trunc('{_FREQS[freq]}', day) AS DATE) AS period, family, count(*) AS events, "
               "sum(dead) AS dead, avg(goldstein) AS goldstein FROM dyads WHERE actor = ? AND recipient = ?"
               + (" AND family = ?" if family else "") + " AND day IS NOT NULL GROUP BY ALL ORDER BY period, family")
        params = [actor.upper(), recipient.upper()] + ([family.upper()] if family else [])
        rows = con.execute(sql, params).fetchall()
    finally:
        if isinstance(db, str):
            con.close()
    return [{"period": p.isoformat(), "family": f, "events": n, "dead": d,
             "goldstein": round(g, 3) if g is not None else None} for p, f, n, d, g in rows]
