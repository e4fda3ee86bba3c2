"""Event location: where the event named by a trigger happened, not every place the sentence names.

Candidates are place phrases that a sentence *locates something in*: a locative preposition before them ("clashes in
Donetsk", "a blast near the Lagos airport", "in the southern city of Basra"), or a place noun after them ("Garubula
village", "Helmand province"). A known gazetteer name with no such cue is usually an actor ("Moscow warned Kyiv") or
an origin, and is not a candidate. Names the gazetteer lacks still count when the cue is there (villages,
neighbourhoods, camps), and come back with text only. Of the candidates, the event takes the nearest one in its own
clause, preferring one after the trigger ("attacked a village in X") and never crossing a reporting clause ("..., a
spokesman in Kabul said"). No candidate: None; a place is never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flashpoint.geo.gazetteer import Gazetteer, Place, fold, load
from flashpoint.geo.parse import _NEVER, Mention, recognise, resolve
from flashpoint.records import Location

__all__ = ["Candidate", "candidates", "choose", "locate_event", "to_location"]

_PREP = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout", "around", "along", "off",
                   "within", "into", "over"})
_STRONG_PREP = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout", "around", "along", "off",
                          "within"})
# Words that may stand between the preposition and the name: "in the southern city of", "near the border town of".
_BRIDGE = frozenset({"the", "a", "an", "its", "their", "his", "her", "northern", "southern", "eastern", "western",
                     "central", "northeastern", "northwestern", "southeastern", "southwestern", "north", "south",
                     "east", "west", "restive", "capital", "city", "town", "village", "province", "district",
                     "region", "state", "county", "of", "port", "border", "coastal", "neighbouring", "neighboring",
                     "nearby", "volatile", "troubled", "oil", "rich", "oil-rich", "northern-most", "remote", "small",
                     "tribal", "rural", "largest", "second", "outskirts", "suburb", "suburbs", "heart", "centre",
                     "center", "downtown", "area", "areas", "camp", "refugee", "disputed", "occupied", "breakaway",
                     "rebel-held", "besieged", "embattled", "kurdish", "shiite", "sunni", "predominantly", "mainly",
                     "mostly", "christian", "muslim", "holy", "ancient", "old", "main", "key", "strategic",
                     "industrial", "commercial", "financial", "western-most", "eastern-most"})
_PLACE_NOUNS = frozenset({"village", "town", "city", "district", "province", "region", "neighborhood",
                          "neighbourhood", "camp", "area", "county", "state", "governorate", "prefecture",
                          "municipality", "valley", "island", "islands", "airport", "square", "street", "road",
                          "market", "mosque", "church", "hospital", "university", "prison", "base", "border",
                          "township", "suburb", "quarter", "oblast", "department", "division", "emirate",
                          "strip", "peninsula", "crossing", "checkpoint", "highway", "bridge", "port", "refinery",
                          "compound", "stadium", "hotel", "embassy", "consulate", "palace", "parliament",
                          "settlement", "enclave", "zone", "sub-district", "subdistrict", "locality", "hamlet"})
# A reporting or coordinated clause between the trigger and a place usually means the place is another event's.
_CLAUSE = re.compile(r"[;:]|\b(?:said|says|told|according to|reported|added|while|whereas|but|after|before|when|"
                     r"although|as well as)\b|,\s*(?:and|but)\b")
_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W\d_](?:[\w'’‐-]*\w)?|\d[\w,.]*")
_CONNECT = frozenset({"of", "de", "del", "al", "el", "ul", "ad", "as", "an", "ash", "bin", "ibn", "la", "le"})
# "the West Bank city of Nablus", "the towns of Khan Touman": the name after "of" is the place.
_OF_NOUNS = frozenset({"village", "villages", "town", "towns", "city", "cities", "district", "districts", "province",
                       "provinces", "region", "neighborhood", "neighbourhood", "neighborhoods", "neighbourhoods",
                       "camp", "area", "areas", "suburb", "suburbs", "county", "state", "governorate", "capital",
                       "municipality", "island", "port", "outskirts", "localities", "locality", "settlement",
                       "hamlet", "township", "enclave", "countryside", "streets", "heart", "centre", "center"})
_TITLES = frozenset({"President", "Prime", "Minister", "Mr", "Mrs", "Ms", "Dr", "Governor", "Mayor", "Senator",
                     "King", "Queen", "Prince", "Pope", "General", "Gen", "Sheikh", "Secretary", "Judge", "Chief",
                     "Colonel", "Col", "Captain", "Lieutenant", "Islamic", "Free", "Democratic", "People",
                     "Revolutionary", "National", "Army", "Armed", "Forces", "Ministry", "Council", "United",
                     "Syrian Arab", "Hezbollah", "Taliban"})
_OBJECT_VERBS = re.compile(r"(?i)^(?:captur|enter|storm|seiz|invad|overr|shell|bomb|attack|raid|target|hit|struck|"
                           r"strik|occup|liberat|recaptur|retak|took|take|besieg|encircl|surround|pound|reach|"
                           r"swept|sweep|rock|flood|devastat|destroy|visit|tour|patrol)")


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    text: str
    place: Place | None
    strong: bool  # introduced by an unambiguous locative preposition or followed by a place noun


def _words(text: str) -> list[re.Match]:
    return list(_WORD.finditer(text))


def _cap_run(text: str, ws: list[re.Match], j: int, limit: int = 5) -> int:
    """End index (exclusive, in words) of the capitalised name starting at word j, or j when none starts there."""
    k = j
    while k < len(ws) and k - j < limit:
        w = ws[k].group()
        if (w[0].isupper() and fold(w) not in _NEVER) or (
                w in _CONNECT and k > j and k + 1 < len(ws) and ws[k + 1].group()[0].isupper()):
            k += 1
        else:
            break
        if k < len(ws) and text[ws[k - 1].end():ws[k].start()] not in (" ", "-"):
            break
    while k > j and ws[k - 1].group() in _CONNECT:
        k -= 1
    return k


def candidates(text: str, mentions: list[Mention] | None = None, g: Gazetteer | None = None) -> list[Candidate]:
    """Place phrases `text` locates something in, with gazetteer entries where known; offsets into `text`."""
    g = g or load()
    if mentions is None:
        mentions = resolve(recognise(text, g), g)
    known = [m for m in mentions if not m.demonym]
    ws = _words(text)
    out: dict[tuple[int, int], Candidate] = {}
    for i, w in enumerate(ws):
        lw = w.group().lower()
        if lw not in _PREP:
            continue
        j = i + 1
        while j < len(ws) and ws[j].group() in _BRIDGE and j - i <= 5:
            j += 1
        if j >= len(ws) or not ws[j].group()[0].isupper():
            continue
        k = _cap_run(text, ws, j)
        if k == j:
            continue
        # "in Iraq's northern Nineveh province", "in the south Baghdad neighbourhood of Al-Bayaa": the later name
        j, k = _narrow(text, ws, j, k)
        if _not_place(ws[j].group(), text[ws[j].start():ws[k - 1].end()], g):
            continue
        start, end = ws[j].start(), ws[k - 1].end()
        inside = [m for m in known if m.start >= start and m.end <= end]
        place = inside[0].place if inside else None
        if inside and inside[0].end - inside[0].start == end - start:
            start, end = inside[0].start, inside[0].end
        strong = lw in _STRONG_PREP or (k < len(ws) and ws[k].group().lower() in _PLACE_NOUNS)
        if not place and lw not in _STRONG_PREP:
            continue  # "to Smith", "on Capitol Hill" -- unknown names need a clear locative
        out[(start, end)] = Candidate(start, end, text[start:end], place, strong)
    # "the towns of Khan Touman, Aleis and Alzorba": every listed name, with or without a preposition before
    for i, w in enumerate(ws[:-2]):
        if w.group() not in _OF_NOUNS or ws[i + 1].group() != "of":
            continue
        j = i + 2
        while j < len(ws):
            k = _cap_run(text, ws, j)
            if k == j:
                break
            start, end = ws[j].start(), ws[k - 1].end()
            if not _not_place(ws[j].group(), text[start:end], g):
                inside = [m for m in known if m.start >= start and m.end <= end]
                out[(start, end)] = Candidate(start, end, text[start:end], inside[0].place if inside else None, True)
            if k < len(ws) and ws[k].group() == "and" or text[ws[k - 1].end():ws[k - 1].end() + 1] == ",":
                j = k + 1 if k < len(ws) and ws[k].group() == "and" else k
                if j < len(ws) and ws[j].group() == "and":
                    j += 1
                continue
            break
    # "Garubula village", "Helmand province" with no preposition before them
    for i, w in enumerate(ws):
        if w.group() not in _PLACE_NOUNS or i == 0:  # lower case: "Makhmur district", not "Islamic State"
            continue
        j = i
        while j > 0 and (ws[j - 1].group()[0].isupper() or ws[j - 1].group() in _CONNECT) and i - j < 4:
            j -= 1
        while j < i and not ws[j].group()[0].isupper():
            j += 1
        if j == i or j == 0 and i - j == 1 and fold(ws[j].group()) in _NEVER:
            continue
        start, end = ws[j].start(), ws[i - 1].end()
        if any(c.start <= start < c.end or start <= c.start < end for c in out.values()):
            continue
        inside = [m for m in known if m.start >= start and m.end <= end]
        out[(start, end)] = Candidate(start, end, text[start:end], inside[0].place if inside else None, True)
    return sorted(out.values(), key=lambda c: c.start)


def _narrow(text: str, ws: list[re.Match], j: int, k: int) -> tuple[int, int]:
    """Skip an owner or container before the place: "Iraq's northern Nineveh", "Baghdad neighbourhood of Al-Bayaa"."""
    for _ in range(2):
        last = ws[k - 1].group()
        n = k
        if last.endswith(("'s", "’s")):
            while n < len(ws) and ws[n].group() in _BRIDGE:
                n += 1
        elif n + 1 < len(ws) and ws[n].group() in _OF_NOUNS and ws[n + 1].group() == "of":
            n += 2
        else:
            break
        m = _cap_run(text, ws, n)
        if m == n:
            break
        j, k = n, m
    return j, k


def _not_place(first: str, phrase: str, g: Gazetteer) -> bool:
    """Titles, organisations, people and demonyms are not where something happened."""
    if first in _TITLES or fold(phrase) in g.demonyms or fold(first) in _NEVER:
        return True
    from flashpoint.knowledge import ORG, PERSON, key
    from flashpoint.knowledge import load as load_kb

    e = load_kb().proper.get(key(phrase.removesuffix("'s").removesuffix("’s")))
    return e is not None and e.kind in (ORG, PERSON)


def choose(text: str, cands: list[Candidate], trigger_start: int, trigger_end: int) -> Candidate | None:
    """The candidate nearest the trigger in its clause, preferring one after it."""
    best, best_cost = None, None
    for c in cands:
        if c.start >= trigger_end:
            between = text[trigger_end:c.start]
            cost = len(between)
        elif c.end <= trigger_start:
            between = text[c.end:trigger_start]
            cost = 1.5 * len(between) + 10
        else:
            continue
        if _CLAUSE.search(between):
            cost += 150
        if not c.strong:
            cost += 40
        if c.place is None:
            cost += 15
        if best_cost is None or cost < best_cost:
            best, best_cost = c, cost
    if best is not None and best_cost is not None and best_cost >= 150 + 40:
        return None
    return best


def to_location(c: Candidate) -> Location:
    p = c.place
    if p is None:
        return Location(text=c.text, start=c.start, end=c.end)
    return Location(text=c.text, name=p.name, country=p.country, admin1=p.admin1 if p.feature != "PCLI" else None,
                    lat=p.lat, lon=p.lon, geonameid=p.geonameid, precision=p.precision, start=c.start, end=c.end)


def locate_event(text: str, trigger_start: int, trigger_end: int,
                 mentions: list[Mention] | None = None) -> Location | None:
    """Where the event at text[trigger_start:trigger_end] happened, or None."""
    g = load()
    if mentions is None:
        mentions = resolve(recognise(text, g), g)
    cands = candidates(text, mentions, g)
    ws = _words(text)
    # known places right after a verb of taking or striking, with no preposition: "captured Kisangani"
    after = [w for w in ws if w.start() >= trigger_end][:4]
    if _OBJECT_VERBS.match(text[trigger_start:trigger_end]) and after:
        for m in mentions:
            if not m.demonym and m.place and any(w.start() == m.start for w in after) and not any(
                    c.start <= m.start < c.end for c in cands):
                cands.append(Candidate(m.start, m.end, m.text, m.place, True))
        # unknown names too, when they follow the verb at once: "entered Dahiyat Al-Assad", "bombed Pooneryn"
        j = next((i for i, w in enumerate(ws) if w.start() >= trigger_end), None)
        if j is not None and ws[j].group() == "the":
            j += 1
        if j is not None and j < len(ws) and ws[j].group()[0].isupper():
            k = _cap_run(text, ws, j)
            start, end = ws[j].start(), ws[k - 1].end()
            if k > j and not _not_place(ws[j].group(), text[start:end], g) and not any(
                    c.start <= start < c.end for c in cands) and not any(
                    m.demonym and m.start == start for m in mentions):
                known = [m for m in mentions if m.start >= start and m.end <= end and not m.demonym]
                cands.append(Candidate(start, end, text[start:end], known[0].place if known else None, True))
    c = choose(text, cands, trigger_start, trigger_end)
    return to_location(c) if c else None
