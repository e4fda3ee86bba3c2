"""Where: place names a sentence locates something in, and each event's location (country level for now).

A place counts when a locative preposition introduces it ("in Nairobi", "near the border with Chad" does not name a
place we know, "across Ukraine"); names used as actors ("Moscow warned Kyiv") are the actors stage's. Names are
resolved with the actor knowledge base (countries, capitals, major cities) to a country; coordinates come with the
gazetteer (issue on places). An event takes the nearest place of its own clause, or none: a place is never guessed.
"""

from __future__ import annotations

import re

from flashpoint.knowledge import CAPITAL, COUNTRY, PLACE, load
from flashpoint.records import Location, Sentence, Story

_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
_LOCATIVE = {"in", "at", "near", "across", "throughout", "outside", "inside", "into", "around", "within", "on"}
_GEO_KINDS = {COUNTRY: "country", CAPITAL: "city", PLACE: "city"}
_MAX_WORDS = 5


def find_places(text: str) -> list[Location]:
    """Known places introduced by a locative preposition, with offsets into `text`."""
    kb = load()
    words = list(_WORD.finditer(text))
    found: list[Location] = []
    i = 0
    while i < len(words):
        if words[i].group().lower() not in _LOCATIVE:
            i += 1
            continue
        j = i + 1
        if j < len(words) and words[j].group() == "the":
            j += 1
        for n in range(min(_MAX_WORDS, len(words) - j), 0, -1):
            start, end = words[j].start(), words[j + n - 1].end()
            phrase = text[start:end].rstrip(".,")
            entry = kb.proper.get(" ".join(phrase.split()))
            if entry is not None and entry.kind in _GEO_KINDS and entry.code:
                name = (entry.name or phrase) if entry.kind == COUNTRY else phrase  # a city's entry names its country
                found.append(Location(text=phrase, name=name, country=entry.code,
                                      precision=_GEO_KINDS[entry.kind], start=start, end=start + len(phrase)))
                i = j + n - 1
                break
        i += 1
    return found


class PlaceStage:
    name = "places"

    def __call__(self, story: Story) -> Story:
        for sentence in story.sentences:
            if not sentence.skip:
                sentence.places = find_places(sentence.text)
        return story


def event_location(sentence: Sentence, trigger_start: int, trigger_end: int) -> Location | None:
    """The place nearest the trigger in its sentence, preferring one after it ("attacked a village in X")."""
    if not sentence.places:
        return None
    return min(sentence.places, key=lambda p: (p.start or 0) - trigger_end if (p.start or 0) >= trigger_end
               else 2 * (trigger_start - (p.end or 0)))
