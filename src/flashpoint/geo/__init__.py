"""Geoparsing: place names in news resolved to gazetteer entries, and where an event happened.

`geoparse(story)` gives the rows of `flashpoint places` (DESIGN.md §3); `locate(text, trigger)` gives the place of the
event named by the trigger, or None. The gazetteer loads once per process, on first use.
"""

from __future__ import annotations

from typing import Any

from flashpoint.geo import locate as _locate_module  # noqa: F401  (loaded first, so `def locate` below wins)
from flashpoint.records import Story

__all__ = ["geoparse", "locate"]


def _row(story_id: str, text: str, start: int, end: int, place: Any) -> dict[str, Any]:
    return {
        "story_id": story_id, "text": text, "start": start, "end": end,
        "name": place.name if place else None, "country": place.country if place else None,
        "admin1": place.admin1 if place and place.feature != "PCLI" else None,
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "geonameid": place.geonameid if place else None, "feature": place.feature if place else None,
    }


def geoparse(story: Story, toponyms: list[tuple[int, int]] | None = None) -> list[dict[str, Any]]:
    """One row per place name in `story.text` (or per given span, when `toponyms` or story.extra["toponyms"] is
    set), resolved with the story's other places, its dateline and the signs of American local news as context."""
    from flashpoint.geo.gazetteer import load
    from flashpoint.geo.parse import mentions_for_spans, recognise, resolve
    from flashpoint.geo.story import text_votes

    g = load()
    prior = text_votes(story.text, g)  # the dateline's country and state, the signs of American local news
    spans = toponyms if toponyms is not None else story.extra.get("toponyms")
    if spans is not None:
        mentions = resolve(mentions_for_spans(story.text, [(int(a), int(b)) for a, b in spans], g), g, prior)
    else:
        mentions = resolve(recognise(story.text, g), g, prior)
    return [_row(story.id, m.text, m.start, m.end, m.place) for m in mentions]


def locate(text: str, trigger: tuple[int, int]) -> dict[str, Any] | None:
    """Where the event named by `text[trigger[0]:trigger[1]]` happened, or None when the text does not say."""
    from flashpoint.geo.locate import locate_event

    loc = locate_event(text, trigger[0], trigger[1])
    if loc is None:
        return None
    d = loc.to_dict()
    d["start"], d["end"] = loc.start, loc.end
    return d
