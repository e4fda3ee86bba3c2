"""Analysis over the event store's grouped events: series per period and escalation alerts.

    from flashpoint.analysis import EventFilter, series, alerts
    series(con, EventFilter.parse(actor="RUS", recipient="UKR"), by="week")
    alerts(con, window=7, baseline=90)

`con` is an open DuckDB connection to a flashpoint database (`flashpoint.store.connect(path, read_only=True)`).
The CLI (`flashpoint series`, `flashpoint alerts`) and the web API (`/api/series`, `/api/alerts`) call these same
functions, so they give the same answers. Modules: filters (validated user parameters -> SQL), series, alerts.
"""

from __future__ import annotations

from flashpoint.analysis.alerts import alerts, poisson_tail
from flashpoint.analysis.filters import EventFilter, FilterError
from flashpoint.analysis.series import series, timeline

__all__ = ["EventFilter", "FilterError", "alerts", "poisson_tail", "series", "timeline"]
