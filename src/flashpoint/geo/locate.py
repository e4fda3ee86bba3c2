"""Event location: where the event named by a trigger happened, not every place the sentence names.

Candidates are every place-like phrase of the sentence: phrases a locative cue introduces ("clashes in Donetsk", "in
the southern city of Basra", "Garubula village"), every recognised gazetteer name, the name right after the trigger
("captured Kisangani") and a name right before "was/were <trigger>" ("Kisangani was captured"). Names the gazetteer
lacks still count when a cue is there (villages, neighbourhoods, camps), and come back with text only.

Which candidate, if any, is the event's place is a learned decision: each candidate is described by binary cues
(`features`: the preposition before it, direction and word distance to the trigger, a reporting clause or comma in
between, its gazetteer kind, the word after it -- "'s", "forces", a place noun --, its rank among the candidates on
its side, the trigger word and its neighbours ...), a logistic regression scores them (weights and threshold in
data/locate_weights.json, fitted by training/geo_locate_train.py with a document-grouped 5-fold cross-validation
choosing the threshold), and the best candidate is returned when its probability reaches the threshold. No candidate
or none confident enough: None; a place is never guessed. A hand-written rule (`choose`, nearest candidate in the
trigger's clause) was the previous decision and is kept for callers that want it.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from flashpoint.geo.gazetteer import Gazetteer, Place, fold, load
from flashpoint.geo.parse import _NEVER, Mention, recognise, resolve
from flashpoint.records import Location

__all__ = ["Candidate", "candidates", "choose", "features", "locate_event", "remember", "scored", "to_location"]

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


def candidates(text: str, mentions: list[Mention] | None = None, g: Gazetteer | None = None,
               ws: list[re.Match] | None = None) -> list[Candidate]:
    """Place phrases `text` locates something in, with gazetteer entries where known; offsets into `text`."""
    g = g or load()
    if mentions is None:
        mentions = resolve(recognise(text, g), g)
    known = [m for m in mentions if not m.demonym]
    ws = ws if ws is not None else _words(text)
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


# ---------------------------------------------------------------------------------------------------------------------
# The learned decision: every place-like phrase of the sentence is a candidate, described by a few dozen cues; a
# logistic regression (weights in data/locate_weights.json, fitted by training/geo_locate_train.py on labelled
# sentences) scores each, and the best is the event's place when its probability clears the shipped threshold.

_FUNCTION = frozenset({"in", "at", "near", "outside", "inside", "across", "throughout", "around", "along", "off",
                       "within", "into", "over", "from", "to", "toward", "towards", "on", "of", "by", "with", "for",
                       "against", "between", "through", "via", "and", "or", "the", "a", "an", "as", "than", "says",
                       "said", "told", "that", "which", "where", "while", "after", "before", "since", "under",
                       "including", "like", "about", "during", "was", "were", "is", "are", "has", "have", "had",
                       "been", "be", "its", "their", "his", "her", "when", "if", "but", "left", "entered", "fled",
                       "visited", "reached", "captured", "attacked", "seized", "besieged", "took", "stormed",
                       "bombed", "shelled", "hit", "struck", "raided", "occupied", "invaded", "targeted"})
_ACTOR_NEXT = frozenset({"forces", "force", "troops", "troop", "army", "police", "government", "officials",
                         "official", "authorities", "military", "soldiers", "militants", "rebels", "ministry",
                         "minister", "president", "leader", "leaders", "security", "guards", "navy", "officers",
                         "spokesman", "spokeswoman", "people", "residents", "team", "media", "news", "television",
                         "radio", "agency", "embassy", "ambassador", "parliament", "council", "party", "group",
                         "prime", "foreign", "state", "national", "national's"})
_SAY = frozenset({"said", "says", "say", "told", "reported", "reports", "announced", "added", "stated", "claimed",
                  "according"})
_BE = frozenset({"was", "were", "is", "are", "has", "have", "had", "been", "being", "be"})
_WEIGHTS = "data/locate_weights.json"


def _bucket(n: int) -> str:
    return "0" if n <= 0 else "1" if n == 1 else "2" if n == 2 else "3-4" if n <= 4 else "5-8" if n <= 8 else (
        "9-16" if n <= 16 else "17+")


def _all_candidates(text: str, ws: list[re.Match], mentions: list[Mention], trigger_start: int, trigger_end: int,
                    g: Gazetteer) -> dict[tuple[int, int], tuple[Candidate, set[str]]]:
    """Cued phrases (`candidates`), every recognised place name, and the name right after the trigger, each with the
    kinds of evidence that made it a candidate."""
    out: dict[tuple[int, int], tuple[Candidate, set[str]]] = {}

    def add(c: Candidate, tag: str) -> None:
        if c.start < trigger_end and trigger_start < c.end:
            return
        for (s, e), (old, tags) in out.items():
            if s < c.end and c.start < e:
                tags.add(tag)
                if old.place is None and c.place is not None:
                    old.place = c.place
                return
        out[(c.start, c.end)] = (c, {tag})

    for c in candidates(text, mentions, g, ws):
        add(c, "cue" if c.strong else "weakcue")
    for m in mentions:
        if not m.demonym and m.place is not None:
            add(Candidate(m.start, m.end, m.text, m.place, False), "known")
    j = next((i for i, w in enumerate(ws) if w.start() >= trigger_end), None)
    if j is not None and ws[j].group() == "the":
        j += 1
    if j is not None and j < len(ws) and ws[j].group()[0].isupper():
        k = _cap_run(text, ws, j)
        if k > j:
            start, end = ws[j].start(), ws[k - 1].end()
            if not _not_place(ws[j].group(), text[start:end], g) and not any(
                    m.demonym and m.start == start for m in mentions):
                known = [m for m in mentions if m.start >= start and m.end <= end and not m.demonym]
                add(Candidate(start, end, text[start:end], known[0].place if known else None, False), "object")
    # a capitalised name just before "was/were ... <trigger>": "Kisangani was captured"
    i = next((i for i, w in enumerate(ws) if w.start() >= trigger_start), len(ws))
    b = i - 1
    while b >= 0 and ws[b].group().lower() in _BE | {"also", "later", "reportedly", "then", "not", "been"}:
        b -= 1
    if b < i - 1 and b >= 0 and ws[b].group()[0].isupper():
        a = b
        while a > 0 and (ws[a - 1].group()[0].isupper() or ws[a - 1].group() in _CONNECT) and b - a < 4:
            a -= 1
        while a < b and not ws[a].group()[0].isupper():
            a += 1
        start, end = ws[a].start(), ws[b].end()
        if not _not_place(ws[a].group(), text[start:end], g):
            known = [m for m in mentions if m.start >= start and m.end <= end and not m.demonym]
            add(Candidate(start, end, text[start:end], known[0].place if known else None, False), "passive")
    return out


def features(text: str, ws: list[re.Match], c: Candidate, tags: set[str], trigger_start: int, trigger_end: int,
             n_cands: int, rank: int, starts: list[int] | None = None) -> list[str]:
    """The cues one candidate is scored on (names of binary features)."""
    starts = starts if starts is not None else [w.start() for w in ws]
    ci, ce = bisect_left(starts, c.start), bisect_left(starts, c.end)
    ti, te = bisect_left(starts, trigger_start), bisect_left(starts, trigger_end)
    after = c.start >= trigger_end
    d = "A" if after else "B"
    gap = ci - te if after else ti - ce
    between = text[trigger_end:c.start] if after else text[c.end:trigger_start]
    f = [f"tag={t}" for t in tags] + [f"{d}|tag={t}" for t in tags]
    prev = ws[ci - 1].group().lower() if ci > 0 else "<s>"
    if ci > 0 and text[ws[ci - 1].end():c.start].strip():
        prev = "<punct>"
    f.append(f"prev={prev if prev in _FUNCTION or prev.startswith('<') else ('CAP' if prev[0].isupper() else 'w')}")
    p = ci - 1
    while p >= 0 and ws[p].group() in _BRIDGE and ci - p <= 6:
        p -= 1
    prep = ws[p].group().lower() if p >= 0 else "<s>"
    prep = prep if prep in _FUNCTION else "other"
    f += [f"prep={prep}", f"{d}|prep={prep}"]
    if p == 0 and not after:
        f.append(f"fronted|prep={prep}")  # "In Kabul, a bomb killed ...": the opening phrase sets the scene
    nxt = ws[ce].group() if ce < len(ws) else "</s>"
    tail = text[c.end:c.end + 2]
    if tail.startswith(("'s", "’s")):
        nk = "POSS"
    elif tail[:1] in ",;:.)\"":
        nk = "punct" + tail[:1]
    elif nxt.lower() in _PLACE_NOUNS:
        nk = "PLACENOUN"
    elif nxt.lower() in _ACTOR_NEXT:
        nk = "ACTOR"
    elif nxt.lower() in _SAY:
        nk = "SAY"
    elif nxt.lower() in _BE:
        nk = "BE"
    elif nxt[:1].isupper():
        nk = "CAP"
    else:
        nk = "w"
    f += [f"next={nk}", f"{d}|next={nk}"]
    pl = c.place
    kind = "none" if pl is None else pl.feature if pl.feature in ("PCLI", "ADM1", "ADM2", "CONT", "RGN", "SEA",
                                                                    "PPLC") else "PPL"
    f += [f"kind={kind}", f"{d}|kind={kind}"]
    if pl is not None and kind == "PPL":
        f.append(f"pop={min(7, max(2, len(str(pl.population))))}")
    f += [f"{d}|gap={_bucket(gap)}", f"dir={d}"]
    if _CLAUSE.search(between):
        f += [f"{d}|clause"]
    if any(w.lower() in _SAY for w in between.split()):
        f.append(f"{d}|say")
    commas = between.count(",")
    f.append(f"{d}|commas={min(commas, 3)}")
    f.append(f"rank={min(rank, 3)}")
    f.append(f"{d}|rank={min(rank, 3)}")
    f.append(f"ncands={min(n_cands, 4)}")
    if ci == 0:
        f.append("initial")
    if ce - ci > 1:
        f.append("multiword")
    if _OBJECT_VERBS.match(text[trigger_start:trigger_end]):
        f.append(f"objverb|{d}|gap={_bucket(gap)}")
    if text[c.start:c.end].isupper() or not c.text[:1].isupper():
        f.append("oddcase")
    trig = text[trigger_start:trigger_end].lower()
    f += [f"trig={trig}", f"{d}|trig={trig}"]
    tn = ws[te].group().lower() if te < len(ws) else "</s>"
    tn = tn if tn in _FUNCTION or tn == "</s>" else "CAP" if tn[0].isupper() else "w"
    tp = ws[ti - 1].group().lower() if ti > 0 else "<s>"
    tp = tp if tp in _FUNCTION or tp == "<s>" else "CAP" if tp[0].isupper() else "w"
    f += [f"tnext={tn}", f"{d}|tnext={tn}|gap={_bucket(gap)}", f"tprev={tp}", f"{d}|tprev={tp}"]
    # conjunctions a linear model cannot form itself ("in" right after the trigger is not "in" ten words before it)
    combo = "+".join(sorted(tags))
    f += [f"tags={combo}", f"{d}|tags={combo}|gap={_bucket(gap)}", f"{d}|prep={prep}|gap={_bucket(gap)}",
          f"{d}|prep={prep}|kind={kind}", f"{d}|prep={prep}|next={nk}", f"{d}|rank={min(rank, 3)}|clause="
          f"{bool(_CLAUSE.search(between))}", f"prep={prep}|tags={combo}", f"n={min(n_cands, 4)}|rank={min(rank, 3)}"]
    return f


_MENTIONS: dict[str, list[Mention]] = {}


def _mentions(text: str, g: Gazetteer) -> list[Mention]:
    """A sentence's resolved place names, kept for its next events (a sentence often has several triggers)."""
    ms = _MENTIONS.get(text)
    if ms is None:
        if len(_MENTIONS) > 256:
            _MENTIONS.clear()
        ms = _MENTIONS[text] = resolve(recognise(text, g), g)
    return ms


def remember(mentions_by_text: dict[str, list[Mention]]) -> None:
    """Let the places stage hand over a story's sentences, resolved with the story as context: their events are
    located next, without scanning the sentences again."""
    _MENTIONS.clear()
    _MENTIONS.update(mentions_by_text)


@cache
def _weights() -> tuple[dict[str, float], float, float]:
    from importlib import resources

    d = json.loads(resources.files("flashpoint.geo").joinpath(_WEIGHTS).read_text(encoding="utf-8"))
    return d["weights"], d["bias"], d["threshold"]


def scored(text: str, trigger_start: int, trigger_end: int, mentions: list[Mention] | None = None,
           weights: tuple[dict[str, float], float, float] | None = None) -> list[tuple[float, Candidate, list[str]]]:
    """Every candidate place of the sentence with its probability of being where the event happened."""
    g = load()
    if mentions is None:
        mentions = _mentions(text, g)
    ws = _words(text)
    starts = [w.start() for w in ws]
    cands = _all_candidates(text, ws, mentions, trigger_start, trigger_end, g)
    w, bias, _ = weights or _weights()
    after = sorted((c for c, _ in cands.values() if c.start >= trigger_end), key=lambda c: c.start)
    before = sorted((c for c, _ in cands.values() if c.end <= trigger_start), key=lambda c: -c.end)
    rank = {id(c): r for side in (after, before) for r, c in enumerate(side)}
    out = []
    for c, tags in cands.values():
        fs = features(text, ws, c, tags, trigger_start, trigger_end, len(cands), rank[id(c)], starts)
        z = bias + sum(w.get(x, 0.0) for x in fs)
        out.append((1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), c, fs))
    return out


def locate_event(text: str, trigger_start: int, trigger_end: int,
                 mentions: list[Mention] | None = None) -> Location | None:
    """Where the event at text[trigger_start:trigger_end] happened, or None."""
    ranked = scored(text, trigger_start, trigger_end, mentions)
    if not ranked:
        return None
    p, c, _ = max(ranked, key=lambda t: (t[0], -t[1].start))
    return to_location(c) if p >= _weights()[2] else None
