"""The local web app: a read-only REST API over the event store and the dashboard (map, timeline, evidence).

    flashpoint serve --db events.duckdb            # http://127.0.0.1:8000/  (API under /api, OpenAPI at /docs)

Python: `create_app(db_path)` gives the FastAPI app (fastapi is imported only then). The dashboard's files are in
static/: our own index.html, app.js and style.css, and vendor/ with the npm files they use (world shapes from
world-atlas, topojson-client, swagger-ui-dist for /docs), so nothing is loaded from outside the machine.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:  # lazy: importing flashpoint.web must not import fastapi
    if name == "create_app":
        from flashpoint.web.app import create_app

        return create_app
    raise AttributeError(name)
