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
    modules = {"connect": "schema", "ingest": "ingest", "regroup": "grouping", "dyad_series": "query"}
    if name not in modules:
        raise AttributeError(name)
    from importlib import import_module

    value = getattr(import_module(f"flashpoint.store.{modules[name]}"), name)
    globals()[name] = value  # the function, not the submodule of the same name that importing bound here
    return value
