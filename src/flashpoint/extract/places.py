"""Places stage: every place name in a sentence, resolved to the gazetteer with the whole story as context; and each
event's location (where it happened, not every place named).

Recognition and resolution live in `flashpoint.geo` (gazetteer index, population prior, admin hierarchy, the story's
other places); this stage runs them over a story's sentences: each sentence is scanned alone (offsets into the
sentence), then all the story's mentions are resolved together, so that "Paris" in a story about Texas is Paris,
Texas. Demonyms ("Russian") are place mentions for `flashpoint places` but not `sentence.places`: an adjective does not
say where something happened.
"""

from __future__ import annotations

from flashpoint.records import Location, Sentence, Story

__all__ = ["PlaceStage", "event_location", "find_places"]


def _location(m) -> Location:
    p = m.place
    return Location(text=m.text, name=p.name, country=p.country, admin1=p.admin1 if p.feature != "PCLI" else None,
                    lat=p.lat, lon=p.lon, geonameid=p.geonameid, precision=p.precision, start=m.start, end=m.end)


def find_places(text: str) -> list[Location]:
    """Place names in `text` (demonyms excluded), resolved with the text's own places as context."""
    from flashpoint.geo.parse import parse

    return [_location(m) for m in parse(text) if m.place is not None and not m.demonym]


class PlaceStage:
    name = "places"

    def __call__(self, story: Story) -> Story:
        from flashpoint.geo.gazetteer import load
        from flashpoint.geo.locate import remember
        from flashpoint.geo.parse import recognise, resolve

        g = load()
        per_sentence = []
        for sentence in story.sentences:
            per_sentence.append(recognise(sentence.text, g) if not sentence.skip else [])
        resolve([m for ms in per_sentence for m in ms], g)
        remember({s.text: ms for s, ms in zip(story.sentences, per_sentence, strict=True) if not s.skip})
        for sentence, ms in zip(story.sentences, per_sentence, strict=True):
            if not sentence.skip:
                sentence.places = [_location(m) for m in ms if m.place is not None and not m.demonym]
                localise_actors(sentence)
        return story


# Sectors that belong to the place they are in: the civilians killed in Kharkiv are Ukrainian, the police in Tbilisi
# Georgian, whatever country the story is mostly about. Not governments or armies, which travel ("the president
# arrived in Paris", "troops in Mali").
_LOCAL_SECTORS = frozenset({"CVL", "COP", "JUD", "OPP", "REB", "MED", "EDU", "LAB"})
_WHERE = frozenset({"in", "at", "near", "outside", "inside", "across", "through", "around", "of", "from",
                    "throughout", "within"})
_WHITHER = frozenset({"to", "into", "toward", "towards"})


def _where(text: str, place: Location) -> bool:
    """A place named as where people are ("in Tel Aviv", "the city of Kharkiv"), not where they go ("back to
    Bulgaria") nor as an adjective ("Ibo elders")."""
    before = text[:place.start or 0].lower().split()[-3:]
    return bool(_WHERE.intersection(before)) and not _WHITHER.intersection(before)


def localise_actors(sentence: Sentence) -> None:
    """Generic local mentions that took the story's country take the country of the sentence's places instead, when
    those places lie in one country."""
    att = sentence.attribution  # "relief officials in Nairobi said": where the source sits, not the story
    countries = {p.country for p in sentence.places if p.country and _where(sentence.text, p)
                 and not (att and att.start <= (p.start or 0) < att.end)}
    if len(countries) != 1:
        return
    (country,) = countries
    for a in sentence.actors:
        if a.inferred and a.sector in _LOCAL_SECTORS and a.country != country:
            a.country = country


def event_location(sentence: Sentence, trigger_start: int, trigger_end: int) -> Location | None:
    """Where the event at the trigger happened (`flashpoint.geo.locate`: a learned score over every candidate place
    of the sentence), or None when the sentence does not say.

    A place the stage already resolved with story context keeps that resolution."""
    from flashpoint.geo.locate import locate_event

    loc = locate_event(sentence.text, trigger_start, trigger_end)
    if loc is None:
        return None
    for p in sentence.places:
        if p.start is not None and p.end is not None and p.start <= (loc.start or 0) < p.end:
            return p
    return loc
