"""The event database: an embedded DuckDB file of stories, event mentions and grouped events.

    flashpoint ingest corpus/ --db events.duckdb      # code on all cores, store, group; safe to rerun or kill
    flashpoint events --db events.duckdb --type ASSAULT --since 2023-01-01
    flashpoint export --layout gdelt --db events.duckdb --out events.csv

Python: `connect(path)` opens (and migrates) a database, `ingest(paths, db)` runs an ingest, `dyad_series(db, actor,
recipient)` gives a monthly event count between two countries. Modules: schema (tables, migrations), ingest (the
writer), grouping (many reports, one event), export (records and published layouts), distributed (Dask), query.
"""

from __future__ import annotations

from typing import Any

__all__ = ["connect", "dyad_series", "ingest", "regroup"]


def __getattr__(name: str) -> Any:  # lazy: importing flashpoint.store must not import duckdb
    if name == "connect":
        from flashpoint.store.schema import connect

        return connect
    if name == "ingest":
        from flashpoint.store.ingest import ingest

        return ingest
    if name == "regroup":
        from flashpoint.store.grouping import regroup

        return regroup
    if name == "dyad_series":
        from flashpoint.store.query import dyad_series

        return dyad_series
    raise AttributeError(name)
