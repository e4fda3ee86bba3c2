"""Places stage: every place name in a sentence, resolved to the gazetteer with the whole story as context; and each
event's location (where it happened, not every place named).

Recognition and resolution live in `flashpoint.geo` (gazetteer index, population prior, admin hierarchy, the story's
other places); this stage runs them over a story's sentences: each sentence is scanned alone (offsets into the
sentence), then all the story's mentions are resolved together, so that "Paris" in a story about Texas is Paris,
Texas. Demonyms ("Russian") are place mentions for `flashpoint places` but not `sentence.places`: an adjective does not
say where something happened.
"""

from __future__ import annotations

import re

from flashpoint import tsv
from flashpoint.records import Location, Sentence, Story

__all__ = ["PlaceStage", "event_location", "find_places"]

_WORDS = tsv.lists("flashpoint.extract", "places_words.tsv")
_MODIFIER = frozenset(_WORDS["modifier"])
_EVENT_NOUN = frozenset(_WORDS["event_noun"])
_RESIDENT = _WORDS["resident"]
_RESIDENT_AFTER = re.compile(r"(?:'s|’s)?(?:\s+(?:[\w-]+-year-old|area|local|young))?\s+(?:" + "|".join(_RESIDENT)
                             + r")\b")
_RESIDENT_BEFORE = re.compile(r"(?:(?:,|\b\d+,?)\s*(?:of|from)|\bfrom|\bresidents? of|\bnative of)\s+$")


_CARE = _WORDS["care"]
_CARE_AFTER = re.compile(r"(?i)(?:'s|’s)?(?:\s+[\w'’.-]+){0,3}?\s+(?:" + "|".join(_CARE) + r")\b")
_CARE_BEFORE = re.compile(r"(?i)\b(?:" + "|".join(_CARE) + r")\s+(?:in|of|at)\s+$")


def _care(text: str, p: Location) -> bool:
    """Whether a town is named as a hospital's ("died at a Milltown hospital", "taken to Mercy Medical Center in
    Milltown"): where a victim was treated, not where he was hurt."""
    return bool(_CARE_AFTER.match(text, p.end or 0) or _CARE_BEFORE.search(text[:p.start or 0]))


_NUMBERED = re.compile(r"(?i)\bblock of\s+(?:(?:north|south|east|west|[nsew]\.?)\s+)?$")
_NEXT_WORD = re.compile(r"\.?\s+([A-Z][A-Za-z]*\.?)")


def _in_street(text: str, p: Location) -> bool:
    """Whether a town's name is a street's ("2630 Waldron Rd.", "the 5500 block of West Quincy", "Church Street"):
    a street of the story's town, not the town."""
    from flashpoint.geo.gazetteer import fold
    from flashpoint.geo.parse import _story_words

    if _NUMBERED.search(text[:p.start or 0]):
        return True
    m = _NEXT_WORD.match(text, p.end or 0)
    return m is not None and fold(m.group(1)) in _story_words("street_end")


def _residence(text: str, p: Location) -> bool:
    """Whether a town is named as where someone lives ("a Milltown man", "Sam Ortiz, 20, of Milltown", "a teenager
    from Milltown"), not as where something happened."""
    return bool(_RESIDENT_AFTER.match(text, p.end or 0) or _RESIDENT_BEFORE.search(text[:p.start or 0]))


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
        from flashpoint.geo.story import read_story

        geo = read_story([s.text for s in story.sentences], [bool(s.skip) for s in story.sentences])
        story.stage_data["places"] = geo
        for sentence, sp in zip(story.sentences, geo.sentences, strict=True):
            if sp is not None:
                sentence.places = [_location(m) for m in sp.mentions if m.place is not None and not m.demonym]
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


def event_location(sentence: Sentence, trigger_start: int, trigger_end: int, story: Story | None = None
                   ) -> Location | None:
    """Where the event at the trigger happened (`flashpoint.geo.locate`: a learned score over every candidate place
    of the sentence), or None when the sentence does not say.

    A place the stage already resolved with story context keeps that resolution; a place phrase that no recognised
    name covered is resolved with the story's context (`StoryPlaces.resolve_name`); a street, block or building
    ("the 3400 block of West Elm Street") is left with its text only, for `story_locations` to put in the story's
    city."""
    from flashpoint.geo.locate import locate_event

    named = _named_by(sentence, trigger_start, trigger_end)
    if named is not None:
        return named
    geo = story.stage_data.get("places") if story is not None else None
    sp = geo.sentences[sentence.index] if geo is not None and sentence.index < len(geo.sentences) else None
    loc = locate_event(sentence.text, trigger_start, trigger_end, sp if sp is not None else None)
    if loc is None:
        return None
    for p in sentence.places:
        if p.start is not None and p.end is not None and p.start <= (loc.start or 0) < p.end:
            return None if _residence(sentence.text, p) or _care(sentence.text, p) else p
    if loc.lat is None and geo is not None and not any(
            a.start < (loc.end or 0) and (loc.start or 0) < a.end for a in sentence.actors):  # not a person's name
        words = loc.text.split()
        # "Tulsa"; "Chicago's Brainerd": the city that owns it; for a street or a site, the town its name may begin
        # with ("Rupert Gun Range")
        owner = next((n for n in range(1, len(words)) if words[n - 1].endswith(("'s", "’s"))), None)
        for n in ([len(words)] if not _street(loc.text) else []) + list(range(len(words) - 1, 0, -1)):
            place = geo.resolve_name(" ".join(words[:n]))
            if place is not None and (n == len(words) or n == owner or _home(place, geo)):
                return _located(loc.text, place, loc.start, loc.end)
    return loc


def _named_by(sentence: Sentence, trigger_start: int, trigger_end: int) -> Location | None:
    """The town an event noun is named by ("a Milltown shooting", "Saturday's Milltown mass shooting"): the tightest
    tie a place has to an event; not a person's noun between ("a Milltown man shot" says where he lives)."""
    head = sentence.text[trigger_start:trigger_end].split()
    if not any(w.lower().endswith(("ing", "ings")) or w.lower() in _EVENT_NOUN for w in head):
        return None
    for p in sentence.places:
        if p.end is None or p.end > trigger_start or p.precision not in _FINE or p.lat is None:
            continue
        words = sentence.text[p.end:trigger_start].removeprefix("'s").removeprefix("’s").split()
        if len(words) <= 2 and (words or sentence.text[p.end:trigger_start].strip() == "") and all(
                w.lower() in _MODIFIER for w in words) and sentence.text[p.end:p.end + 1] == " ":
            return p
    return None


def _home(place, geo) -> bool:
    from flashpoint.geo.gazetteer import fold

    home = geo.home()
    return home is not None and (place.country, fold(place.admin1 or "")) == home and place.precision == "city"


def _located(text: str, p, start: int | None = None, end: int | None = None, precision: str | None = None
             ) -> Location:
    return Location(text=text, name=p.name, country=p.country, admin1=p.admin1 if p.feature != "PCLI" else None,
                    lat=p.lat, lon=p.lon, geonameid=p.geonameid, precision=precision or p.precision, start=start,
                    end=end)


_FINE = ("city", "landmark")
_SMALL_AWAY = 50_000  # a town this small in another state than the story's, named without its state, is a local name


def _inside(outer: Location, inner: Location) -> bool:
    """Whether `inner` (a city-level place) lies in `outer` (a country, first- or second-level division)."""
    from flashpoint.geo.gazetteer import distance_km, fold

    if outer.country is None or inner.country != outer.country:
        return False
    if outer.precision == "country":
        return True
    if outer.precision == "admin1":
        return fold(inner.admin1 or "") == fold(outer.admin1 or outer.name or "")
    if outer.precision == "admin2" and outer.lat is not None and inner.lat is not None:
        return fold(inner.admin1 or "") == fold(outer.admin1 or "") and distance_km(
            outer.lat, outer.lon, inner.lat, inner.lon) <= 60
    return False


def _local_name(sentence: Sentence, loc: Location, geo) -> bool:
    """A town of another state (or country) than the story's, named without its state, that nothing else in the
    story puts there ("in Madisonville" in a Cincinnati story, "in Austin" in a Chicago one, "Salisbury" read as
    Harare's old name): most likely a neighbourhood or a place of the story's own area that the gazetteer does not
    hold. Only in local news (`StoryPlaces.local`: a wire story datelined in a capital reports from all over the
    country). A small town needs only the story's state; a larger city a firmer one (its dateline, or two of its
    places); a place abroad a story firmly in its country (three votes)."""
    from flashpoint.geo.gazetteer import fold, load

    if geo is None or not geo.local or loc.precision not in ("city", "landmark"):
        return False  # a wire story datelined in a capital reports events all over the country
    if re.match(r",\s*[A-Z]", sentence.text[loc.end or 0:]) is not None:
        return False  # "Pensacola, Florida" says its state
    main, home = geo.country(), geo.home()
    if main is not None and loc.country != main:  # "Salisbury" (Harare's old name), "Birmingham" in American news
        named = sum(1 for sp in geo.sentences if sp is not None for m in sp.mentions
                    if m.place is not None and m.place.country == loc.country)
        return geo.countries[main] >= 3 and geo.countries[loc.country] <= named
    if home is None or loc.country != home[0] or fold(loc.admin1 or "") == home[1]:
        return False
    g = load()
    small = not any(g.place(r).population >= _SMALL_AWAY for r in g.lookup(loc.name or "")
                    if r >= 0 and g.place(r).geonameid == loc.geonameid)
    if small:
        return True
    firm = (geo.dateline is not None and geo.dateline.place is not None) or geo.admins[home] >= 2
    named = sum(1 for sp in geo.sentences if sp is not None for m in sp.mentions
                if m.place is not None and m.place.geonameid == loc.geonameid)
    return firm and geo.admins[(loc.country, fold(loc.admin1 or ""))] <= named


_WEAK_TOWN = 1_000  # a village smaller than this is too often a street's or a person's name to tell the state
_BIG_AWAY = 100_000  # a city this large in another state is a neighbourhood's namesake only beside a dateline


def _population(loc: Location) -> int:
    from flashpoint.geo.gazetteer import load

    g = load()
    return max((g.place(r).population for r in g.lookup(loc.name or "")
                if r >= 0 and g.place(r).geonameid == loc.geonameid), default=0)


def _area(p: Location) -> tuple[str | None, str]:
    """(country, folded admin1) of a place; a state's own."""
    from flashpoint.geo.gazetteer import fold

    return p.country, fold(p.admin1 or (p.name if p.precision == "admin1" else "") or "")


def _support(story: Story, loc: Location, abroad: bool) -> int:
    """How many names of the story other than `loc`'s own lie in its state (its country, when `abroad`): the
    evidence that the story is about that state at all, beyond the name itself and its repeats ("Dale" in "at Dale and
    Walnut streets" is no evidence: villages of a few hundred people do not count)."""
    from flashpoint.geo.gazetteer import fold

    own = {fold(loc.text), fold(loc.name or "")}
    names = set()
    for s in story.sentences:
        for p in s.places:
            if p.country != loc.country or fold(p.text) in own or fold(p.name or "") in own:
                continue
            if (abroad or _area(p) == _area(loc)) and (p.precision != "city" or _population(p) >= _WEAK_TOWN):
                names.add(fold(p.text))
    return len(names)


def _story_areas(story: Story) -> set[tuple[str | None, str]]:
    """The (country, folded admin1) pairs that two or more of the story's distinct place names lie in (villages of a
    few hundred people do not count): the states a local story is about, besides lone names that a neighbourhood,
    a street or a person may share with a town elsewhere. Repeats of one name are one name: "Madisonville" seven
    times is no evidence for Kentucky."""
    from flashpoint.geo.gazetteer import fold

    names: dict[tuple[str | None, str], set[str]] = {}
    for s in story.sentences:
        for p in s.places:
            if p.country and p.precision in ("city", "admin2", "admin1") and (
                    p.precision != "city" or _population(p) >= _WEAK_TOWN):
                names.setdefault(_area(p), set()).add(fold(p.name or p.text))
    return {k for k, v in names.items() if k[1] and len(v) >= 2}


def _anchor(story: Story, sentence: Sentence, loc: Location, geo, named: Location | None = None) -> Location | None:
    """The story's city when `loc` is most likely a neighbourhood or a local name of it that the gazetteer knows only
    as a town elsewhere ("Boston's first killing of the year happened in Roxbury", "shot in Madisonville, Cincinnati
    police said", "MEMPHIS, Tenn. -- ... shot five people in Raleigh"): a larger city named beside it (the dateline's,
    or one of the same sentence; else `named`, the story's most-named city in a state other names confirm) lies in
    another state or country, and nothing else in the story names a place of `loc`'s state (its country, abroad).
    A city of 100,000 or more yields only to the dateline's, in local news (`StoryPlaces.local`): a wire story
    datelined in a capital reports from all over the country."""
    if loc.precision != "city" or loc.lat is None:
        return None
    if re.match(r",\s*([A-Z]{2})\b", sentence.text[loc.end or 0:]) is not None:
        return None  # "Raleigh, NC": its state, by postal code
    options: list[tuple[Location, bool]] = []
    if geo is not None and geo.dateline is not None and geo.dateline.place is not None:
        dl = geo.dateline
        if dl.city is not None and dl.city.place is dl.place:
            options.append((_located(dl.city.text, dl.place), True))
    options += [(p, False) for p in sentence.places if p.precision == "city" and p.lat is not None
                and p.geonameid != loc.geonameid and p.start != loc.start and not _residence(sentence.text, p)]
    if named is not None and named.geonameid != loc.geonameid:
        options.append((named, False))
    if not options or any(_area(a) == _area(loc) for a, _ in options):
        return None  # the story's city is in the town's state: the town is most likely right
    small = _population(loc)
    for a, firm in options:
        abroad = a.country != loc.country
        if _population(a) > small and (small < _BIG_AWAY or firm and geo.local) and not _support(story, loc, abroad):
            return a
    return None


def story_locations(story: Story) -> None:
    """Put each event where the story says it happened.

    An event keeps the place its clause names, except: a street, block or building ("the 3900 block of Orchard
    Road", "Chippenham Hospital") and a name the gazetteer lacks are places in the story's city (the location keeps
    their text); a state, county or country that holds the story's city is refined to that city; a small town of
    another state named without its state is taken for a local name. An event whose clause names no place takes the
    story's: the scene a sentence tells (`_scene_place`: "It happened on Elm Drive in Gallatin", "Gallatin police
    responded to ...") when it comes before the first event of the type located in its own clause and lies in the
    dateline's state; else the dateline's place, else the place of its first event of the same type located in its own
    clause, else the first event located in its clause, else the city the story names most, else the county or state
    it names most. Towns named as where someone lives, as a hospital's or in a street's name are not such places.
    `precision` is that of the place given (`city`, `admin2`, `admin1`, `country`), and the event's notes say where it
    came from."""
    geo = story.stage_data.get("places")
    events = [(s, e) for s in story.sentences for e in s.events]
    if not events:
        return
    own: list[tuple[Sentence, object]] = []
    areas = _story_areas(story)
    named = _most_named(story, geo, areas)
    confirmed = named if named is not None and areas and _area(named) in areas else None
    local: dict[int, str] = {}  # id(event) -> why its own place is the story's
    anchors: dict[int, Location] = {}  # id(event) -> the city its clause's place is a part of (`_anchor`)
    for s, e in events:
        loc = e.location
        if loc is None:
            continue
        town = _town_after(s, loc) if _road(loc.text) or loc.lat is None and not _street(loc.text) else None
        if town is not None:  # "on Palmer Road in Fort Washington, Maryland": the town the clause puts it in
            e.location = town
            own.append((s, e))
        elif loc.lat is None:
            local[id(e)] = "a name the gazetteer lacks"
        elif loc.precision in _FINE and _in_street(s.text, loc):
            local[id(e)] = "a street's name"
        elif _street(loc.text):
            inner = [p for p in s.places if p.precision in _FINE and (loc.start or 0) <= (p.start or 0)
                     and (p.end or 0) <= (loc.end or 0) and not _road(loc.text)]
            if inner:
                e.location = inner[0]
                own.append((s, e))
            else:
                local[id(e)] = "a street or site"
        elif (anchor := _anchor(story, s, loc, geo, confirmed)) is not None:
            local[id(e)] = f"taken for a part of {anchor.name}, not {loc.name}, {loc.admin1 or loc.country}"
            anchors[id(e)] = anchor
        elif _local_name(s, loc, geo):
            local[id(e)] = f"a small town of another state ({loc.admin1})"
        elif loc.precision in _FINE:
            own.append((s, e))
    if areas and any(_area(e.location) in areas for _, e in own):  # not "Tulsa" of a suspect's past in a Denver story
        own = [(s, e) for s, e in own if _area(e.location) in areas]
    by_type: dict[str, Location] = {}
    for _, e in own:
        by_type.setdefault(e.event_type, e.location)
    first_fine = own[0][1].location if own else None
    dl_loc, dl_why = None, "the dateline"
    if geo is not None and geo.dateline is not None and geo.dateline.place is not None:
        dl = geo.dateline
        if dl.city is not None and dl.city.place is dl.place:
            text = dl.city.text
        else:  # "TYRONE, Mo. (AP) —" with no Tyrone in Missouri here: the town as written, at the state's precision
            text = dl.city_text if dl.city_text and dl.region is not None and dl.region.place is dl.place and (
                dl.place.precision in ("admin1", "admin2", "country")) else dl.region.text
        dl_loc = _located(text, dl.place)
        if dl.city is not None and dl.city.place is dl.place and dl_loc.precision in ("admin1", "admin2"):
            # "HENRICO COUNTY (WTVR) —": the county's town that the story's events or names place it in
            town = next((x for x in (by_type.get("ASSAULT"), first_fine, named)
                         if x is not None and x.precision in _FINE and _inside(dl_loc, x)), None)
            if town is not None:
                dl_loc, dl_why = town, f"the dateline's {dl.place.precision}, at the story's town in it"
    region = _most_named(story, geo, precisions=("admin2", "admin1")) if named is None else None
    first_own: dict[str, tuple[int, Location, str]] = {}
    for s, e in own:
        first_own.setdefault(e.event_type, (s.index, e.location, f"the story's first located {e.event_type}"))
    scenes: dict[str, tuple[Location | None, str]] = {}
    scene_read: dict[int, Location | None] = {}
    for _, e in events:
        loc = e.location
        if loc is not None and loc.lat is not None and id(e) not in local and loc.precision in _FINE:
            continue
        if e.event_type not in scenes:
            found = _scene(story, first_own.get(e.event_type), areas, geo.country() if geo is not None else None,
                           scene_read)
            scene, scene_why = (found[1], found[2]) if found is not None else (None, "")
            # the scene beats a dateline of its own state: the station's city or the county seat ("NASHVILLE
            # (WKRN) — A teen was shot ..." then "It happened on Elm Drive in Springfield")
            scenes[e.event_type] = (scene if scene is not None and (dl_loc is None or _area(scene) == _area(dl_loc)
                                                                    or _inside(dl_loc, scene))
                                    and not scene_why.startswith("the story's") else None, scene_why)
        options = (scenes[e.event_type], (dl_loc, dl_why),
                   (by_type.get(e.event_type), f"the story's first located {e.event_type}"),
                   (first_fine, "the story's first located event"), (named, "the place the story names most"),
                   (region, "the county or state the story names most"))
        if id(e) in anchors:
            options = ((anchors[id(e)], "the city the story names beside it"),)
        if loc is not None and id(e) not in local:  # a state, county or country: refined when it holds the story's
            options = tuple((x, w) for x, w in options if x is not None and x.precision in _FINE and _inside(loc, x))
        source, why = next(((x, w) for x, w in options if x is not None), (None, ""))
        if source is None:
            continue
        if loc is None:
            text, note = source.text, "no place in the clause"
        elif id(e) in local:
            text, note = loc.text, f"{loc.text!r} is {local[id(e)]}"
        else:
            text, note = source.text, f"{loc.text!r} ({loc.precision}) holds the story's place"
        e.location = Location(text=text, name=source.name, country=source.country, admin1=source.admin1,
                              lat=source.lat, lon=source.lon, geonameid=source.geonameid,
                              precision=source.precision, start=loc.start if loc is not None else None,
                              end=loc.end if loc is not None else None)
        e.notes.append(f"places: {note}; {source.name} from {why} (precision {source.precision})")


_SCENE = _WORDS["scene"]
_NOT_SCENE = _WORDS["not_scene"]
_SCENE_CUE = re.compile(r"(?i)\b(?:" + "|".join(re.escape(w) for w in _SCENE) + r")\b")
_NOT_SCENE_RE = re.compile(r"(?i)\b(?:" + "|".join(re.escape(w) for w in _NOT_SCENE) + r")")
_NOT_SCENE_CLAUSE = _WORDS["not_scene_clause"]
_NOT_SCENE_CLAUSE_RE = re.compile(r"(?i)\b(?:" + "|".join(re.escape(w) for w in _NOT_SCENE_CLAUSE) + r")\b")
# a town that is one of two cross streets: "near Lynn and Michigan streets", "on San Jacinto at Elgin"
_CROSS_AFTER = re.compile(r"\s*(?:and|&)\s+(?:[A-Z0-9][\w.'’]*\s+){1,3}(?:streets|avenues|roads|drives|boulevards)\b")
_CROSS_BEFORE = re.compile(r"\b(?:on|of|near)\s+(?:[A-Z0-9][\w.'’]*\s+){1,3}(?:at|and|&)\s+$")
# the words just before a town that put the scene in it: "in Milltown", "near the town of Milltown", "in the Milltown
# area"; not "of Milltown" (where someone lives) nor "to Milltown"
_AT_TOWN = re.compile(r"(?i)\b(?:in|near|outside|at)\s+(?:the\s+(?:(?:town|city|village|community|township|borough)"
                      r"\s+of\s+)?)?$")
_AGENCY = _WORDS["agency"]
_AGENCY_AFTER = re.compile(r"(?i)(?:'s|’s)?\s+(?:"
                           + "|".join(re.escape(w) for w in sorted(_AGENCY, key=len, reverse=True)) + r")\b")
_AGENCY_BEFORE = re.compile(r"(?i)\b(?:police|officers|deputies|authorities)\s+in\s+$")
_SCENE_GAP = 160  # characters from the cue to the town: farther, it is another clause's


def _scene_place(sentence: Sentence) -> Location | None:
    """The town a sentence says the incident took place in ("It happened at a home on Elm Road in Milltown",
    "Deputies were called to a house near Milltown"), or None."""
    for cue in _SCENE_CUE.finditer(sentence.text):
        for p in sentence.places:
            if p.start is None or p.start < cue.end() or p.precision not in _FINE or p.lat is None:
                continue
            between = sentence.text[cue.end():p.start]
            if len(between) > _SCENE_GAP or _NOT_SCENE_RE.search(between) or _NOT_SCENE_CLAUSE_RE.search(
                    sentence.text[:p.start]):
                break
            if _AT_TOWN.search(between) and not _cross_street(sentence.text, p):
                return p
    for cue in _SCENE_CUE.finditer(sentence.text):  # "Milltown police responded to ...", "Police in Milltown said
        for p in sentence.places:                    # it happened on Elm Road"
            if p.start is None or p.end is None or p.end > cue.start() or p.precision not in _FINE or p.lat is None:
                continue
            agency = _AGENCY_AFTER.match(sentence.text, p.end) or _AGENCY_BEFORE.search(sentence.text[:p.start])
            if agency and cue.start() - p.end <= _SCENE_GAP and not _NOT_SCENE_CLAUSE_RE.search(
                    sentence.text[:cue.start()]):
                return p
    return None


def _cross_street(text: str, p: Location) -> bool:
    """Whether a town's name is one of two cross streets ("near Lynn and Michigan streets", "on San Jacinto at
    Elgin"): a street of the story's city, not the town."""
    return bool(_CROSS_AFTER.match(text, p.end or 0) or _CROSS_BEFORE.search(text[:p.start or 0]))


def _scene(story: Story, first: tuple[int, Location, str] | None, areas: set, main: str | None = None,
           read: dict[int, Location | None] | None = None) -> tuple[int, Location, str] | None:
    """Where the story says its incident took place: `first` (its first event of a type located by its own clause at
    a town, with its sentence), or its first sentence that tells the scene (`_scene_place`), whichever comes first;
    in a state the story's other names confirm when there is one, and in its main country (`main`). `read` keeps the
    sentences' scenes across calls for the story's event types."""
    read = {} if read is None else read
    for s in story.sentences:
        if first is not None and s.index >= first[0]:
            break
        if s.skip:
            continue
        if s.index not in read:
            read[s.index] = _scene_place(s)
        p = read[s.index]
        if p is not None and (not areas or _area(p) in areas) and (main is None or p.country == main):
            return s.index, p, f"the scene sentence {s.index} tells"
    return first


_IN_TOWN = re.compile(r",?\s+(?:in|near|outside)\s+(?:the\s+(?:town|city|village|community)\s+of\s+)?$")


def _town_after(sentence: Sentence, loc: Location) -> Location | None:
    """The town a road or an unknown name is put in by the words after it ("on Palmer Road in Fort Washington",
    "the 600 block of Elm Drive in Milltown"); not a site's ("taken to Mercy Medical Center in Springfield": where a
    victim was taken, not where the shooting was)."""
    if loc.end is None:
        return None
    for p in sentence.places:
        if p.start is not None and p.start >= loc.end and p.precision in _FINE and p.lat is not None:
            return p if _IN_TOWN.fullmatch(sentence.text[loc.end:p.start]) else None
    return None


def _road(text: str) -> bool:
    """A street or road (not a site): its name says nothing of the town it is in ("East Montague Avenue",
    "Church Street"), unlike a site's ("Rupert Gun Range")."""
    from flashpoint.geo.gazetteer import fold
    from flashpoint.geo.parse import _story_words

    words = text.replace(",", " ").split()
    return bool(words) and fold(words[-1]) in _story_words("street_end") or re.search(r"\bblock of\b", text) is not None


def _street(text: str) -> bool:
    from flashpoint.geo.story import street_like

    return street_like(text)


def _most_named(story: Story, geo, areas: set[tuple[str | None, str]] | None = None,
                precisions: tuple[str, ...] = _FINE) -> Location | None:
    """The city-level place (or of `precisions`: a county or state, for a story that names no town) the story names
    most often (ties: the first named), in the story's main country, and in a state that other names of the story lie
    in too (`areas`) when there is one: "Austin" three times in a story that names Chicago and Cook County is
    Chicago's Austin, not the city in Texas."""
    counts: dict[tuple, list] = {}
    main = geo.country() if geo is not None else None
    places = [p for s in story.sentences for p in s.places if not _in_street(s.text, p)]
    if areas and not any(_area(p) in areas for p in places if p.precision in _FINE and p.lat is not None):
        areas = None
    for p in places:
        if p.precision in precisions and p.lat is not None and (main is None or p.country == main) and (
                not areas or _area(p) in areas):
            k = (p.name, p.country, p.admin1)
            if k in counts:
                counts[k][0] += 1
            else:
                counts[k] = [1, len(counts), p]
    if not counts:
        return None
    return max(counts.values(), key=lambda v: (v[0], -v[1]))[2]
