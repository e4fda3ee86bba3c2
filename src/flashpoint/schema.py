"""The JSON Schema of the event record (docs/RECORD.md), shipped as `event.schema.json`."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def event_schema() -> dict[str, Any]:
    return json.loads(resources.files("flashpoint").joinpath("event.schema.json").read_text("utf-8"))


def validate(record: dict[str, Any]) -> None:
    """Raise `jsonschema.ValidationError` if the record breaks the contract."""
    import jsonschema

    jsonschema.validate(record, event_schema())
