"""Many reports, one event: group event mentions of the same real event, within and across stories.

The rule (deterministic: the groups depend only on the set of mentions, never on the order they arrived in):

1. Blocking. Mentions are only ever compared inside one *type family* (FAMILIES: the event type itself, with
   CONCEDE and RETREAT together as PLOVER's old YIELD) of one *reality* (asserted or claimed; or each other status
   on its own: a threat is never merged into the act) and by date: a mention's day is the day its story gave it
   (`date_source` text or context), else the publication date (a week, month or year is too vague to compare by
   days). An undated group joins nothing across stories. A group's day is its earliest day, exact when a given day
   lies within PUB_WINDOW of it: a later report's own dates (an arrest, a trial) never move an event to them.
2. Within a story. Mentions of one family in one story are one event unless they conflict: days more than the
   window apart, different location countries, disjoint actor countries, or casualty figures that cannot be the
   same count (see `_numbers_conflict`). This is the common case of a headline, a lead and later paragraphs all
   reporting one attack.
3. Across stories. What two stories *name* in common is the main evidence (`evidence`): the capitalised words of
   their coded sentences that are not sentence-initial, common (`_COMMON_NAMES`) or mostly written in lower case by
   these reports (`_common_words`: "Shooting" in a title-case headline), plus the town of a capitals dateline
   ("FORT WORTH, Texas -"), each weighted by its IDF over stories (a rare name ~3.5, "Chicago" ~1.5); and *full
   names*, two adjacent such words that are no institution, title or kind of place (`_full_names`: a victim or a
   suspect, "Jamal Okafor"), weighted FULL_WEIGHT times their IDF. Two story-level groups are candidates when their
   days are within FOLLOWUP_WINDOW, or further apart when they share a full name (up to LONG_WINDOW days). The
   window grows with the evidence (`conflict`): within DAY_WINDOW (two text days) or PUB_WINDOW (otherwise) any
   two reports may merge; a later report (an arrest, a funeral, charges, a trial) joins only when its evidence,
   plus CITY_EVIDENCE for the same resolved city, reaches FOLLOWUP_NAMES + FOLLOWUP_SLOPE per doubling of the gap
   over the window (among 3,000 stories one rare full name lets a report in three weeks on, two up to
   LONG_WINDOW), never with two different cities nor with a conflicting field. Within the window, different
   location or actor countries or casualty figures forbid a merge unless the evidence reaches FIELDS_EVIDENCE (a
   misresolved place or a figure read from a sentence about another shooting does not outweigh the same named
   victims). Place evidence is required: the same resolved city of the event's mentions, else a city resolved
   (with lat/lon) anywhere in both stories within NEAR_KM, or evidence weighing at least NAME_MIN. Score = 3 for
   the same city (-3 for two different cities: geoparsing errs; STORY_CITY for a city shared only at story level)
   + evidence (capped at NAME_CAP) + 0.5 each for a shared location country, actor or recipient country+sector
   + 1 each for equal dead / injured figures + 1 for the same exact day. Pairs scoring at least MERGE_SCORE are
   merged best first; a merge that would put two conflicting groups into one event is refused (no chaining
   through a third report), and two groups of one story never merge across stories.
4. Best estimate of each field (see `build_event`): the representative mention (asserted, then most complete:
   actor, recipient, location, a text date, then confidence) gives the sentence, trigger, actors and attribution;
   event_type is the most frequent type (ties: the representative's); mode the most frequent mode of that type;
   status asserted when any mention asserts it, else the most frequent; date the most precise date that the text
   gave (day > week > month > year; text > context > publication; then confidence); location the most precise
   (city > admin1 > country) and most frequent; dead / injured / arrested the largest figure given by the most
   recent story that gives one (later reports update earlier ones; a first report's "two hurt" becomes "one dead,
   three hurt"), size the median of the reported figures (crowd estimates differ by source, a median resists
   the extremes); contexts the union; confidence the noisy-or of the best confidence of each story, capped at
   0.99 (more independent reports, more trust).

Limits (GVA dev set, bench/bench_grouping.py; the figures are in docs/BENCHMARKS.md). Of the article pairs of one
incident still apart, about 40% are later reports (or exact days more than DAY_WINDOW apart) that name too little
for their gap, 20% name nothing in common in the window (no victim, street or town in their coded sentences, or only
a big city's name), 15% are kept apart by a conflict with a third report, 12% have no ASSAULT mention and 9%
disagree on figures. Names come from the coded sentences only; full names are two capitalised words, so a place or
an organisation outside `_NOT_PERSONAL` can pass for a person, and a well-known victim named in reports of other
shootings can pull them together; round-up stories ("eight killed in shootings across Chicago") can too. Wider
windows, state (admin1) conflicts, a shared victim's age and a town named in one story and resolved in the other
were tried and did not help. Grouping is recomputed in full after each ingest (simple and order-independent, ~2 s
per 27k mentions; docs/SCALING.md has the block-wise incremental plan at scale).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import math
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import duckdb


def _word_lists() -> tuple[frozenset[str], frozenset[str]]:
    """grouping_words.tsv: capitalised words that are no name evidence, and words that mark a non-person run."""
    from flashpoint.tsv import rows

    lists: dict[str, set[str]] = {"common": set(), "not_personal": set()}
    for kind, word in rows("flashpoint.store", "grouping_words.tsv", width=2):
        lists[kind].add(word)
    return frozenset(lists["common"]), frozenset(lists["not_personal"])


_COMMON_NAMES, _NOT_PERSONAL = _word_lists()

GROUPING_VERSION = "3"
FAMILIES: dict[str, str] = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}  # type -> family; others: the type itself
DAY_WINDOW = 1  # days between two day-precision dates of one event (time zones, "overnight", late reports)
PUB_WINDOW = 5  # days when a date is only the publication date or vaguer than a day
MERGE_SCORE = 4.0
NAME_MIN = 3.0  # shared names must weigh this much when the location does not match (a rare name: ~3.5)
NAME_CAP = 6.0
FULL_WEIGHT = 2.0  # a shared full name ("Jamal Okafor") weighs this many times its IDF, on top of its two words
FOLLOWUP_WINDOW = 14  # days: every pair this close is compared; later ones are found through shared full names
FOLLOWUP_NAMES = 10.0  # evidence a report just outside the window needs (three rare names, or one full name) ...
FOLLOWUP_SLOPE = 2.0  # ... plus this per doubling of its gap over the window (16.6 ten days after a text day)
CITY_EVIDENCE = 4.0  # ... the same resolved city counting this much
LONG_WINDOW = 800  # days: no later report joins beyond this (trials run a year or two after the act)
FULL_NAME_GROUPS = 100  # a full name in more groups than this is no one case's and finds no later report
FIELDS_EVIDENCE = 14.0  # evidence that outweighs countries or casualty figures that disagree (two full names)
CITY_PENALTY = 3.0  # two different cities: geoparsing errs, so this weighs against a merge without forbidding it
STORY_CITY = 3.0  # place evidence from a city resolved anywhere in both stories, not in the event's own sentences
NEAR_KM = 1.0  # two story cities count as one place within this distance (the same GeoNames point; 25 km, a metro
# area, lost precision on the GVA dev set: neighbouring suburbs have their own shootings)
_PRECISION_DAYS = {"day": 0, "week": 7, "month": 31, "year": 366, None: PUB_WINDOW}
_PRECISION_RANK = {"day": 4, "week": 3, "month": 2, "year": 1}
_SOURCE_RANK = {"text": 3, "context": 2, "publication": 1, "dateline": 1}
_LOCATION_RANK = {"city": 3, "admin1": 2, "country": 1}
_NAME = re.compile(r"\b[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*\b")
_RUN = re.compile(r"\b[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*(?:\.? [A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*)+\b")  # "Sgt. Ann Lee"
_LOWER = re.compile(r"\b[a-z]+\b")
_PARTS = re.compile(r"[-']")
_INNER_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*\b")  # capitalised inside a sentence
_LONG_LOWER = re.compile(r"\b[a-z][a-z'-]{3,}")  # a word in lower case beyond 3 letters: not a title-case headline
_DATELINE = re.compile(r"([A-Z][A-Z'-]+(?: [A-Z][A-Z'-]+)*)(?:,| \(| -| \u2014| \u2013)")


def family(event_type: str | None) -> str:
    return FAMILIES.get(event_type or "", event_type or "")


def block(mention: dict[str, Any]) -> str:
    """What a mention may be grouped with: its type family, and whether it happened. A threatened, hypothetical,
    future or denied action is never merged into one that happened ("sanctions imposed" and "threatened to expel
    diplomats" stay two events); a one-sided claim may confirm an asserted report."""
    status = mention.get("status") or "asserted"
    return family(mention["event_type"]) + "|" + ("happened" if status in ("asserted", "claimed") else status)


# ---------------------------------------------------------------------------------------------- features


@functools.lru_cache(maxsize=65536)
def _day(value: Any) -> int | None:
    """Day number of an ISO date or a date (cached: a corpus has few distinct days and many mentions)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return value.toordinal()


def _mention_day(m: dict[str, Any]) -> tuple[int | None, bool]:
    """The day a mention dates its event to, and whether its story gave that day (its clause, sentence or story).
    A week, month or year is too vague to compare by days, so it falls back to the publication date (a "2013" in a
    2016 report is not its event day)."""
    if m.get("date") and m.get("date_precision") == "day":
        return _day(m["date"]), m.get("date_source") in ("text", "context")
    return _day(m.get("publication_date")), False


class _Group:
    """A set of mentions being grouped, with the features that decide what it may join."""

    __slots__ = ("mentions", "family", "story_ids", "day", "day_exact", "days", "countries", "cities", "actors",
                 "recipients", "actor_countries", "dead", "injured", "names", "full_names", "first", "places")

    def __init__(self, mentions: list[dict[str, Any]]) -> None:
        self.mentions = mentions
        self.family = block(mentions[0])
        self.story_ids = {m["story_id"] for m in mentions}
        self.first = min(m["id"] for m in mentions)
        self.day: int | None = None
        self.day_exact = False
        self.days: set[tuple[int, bool]] = set()  # (day, given by the text) of each mention
        self.countries: set[str] = set()
        self.cities: set[str] = set()
        self.actors: set[tuple] = set()
        self.recipients: set[tuple] = set()
        self.actor_countries: set[str] = set()
        self.dead: set[int] = set()
        self.injured: set[int] = set()
        self.names: set[str] = set()
        self.full_names: set[str] = set()  # "First Last": victims, suspects
        self.places: set[tuple[str, float, float]] = set()  # cities anywhere in the story: (name, lat, lon)
        self._collect(mentions)

    def _collect(self, mentions: list[dict[str, Any]]) -> None:
        for m in mentions:
            d, exact = _mention_day(m)
            if d is not None:
                self.days.add((d, exact))
            loc = m.get("location") or {}
            if loc.get("country"):
                self.countries.add(loc["country"])
            if loc.get("name") and loc.get("precision") in ("city", "admin1"):
                self.cities.add(loc["name"].lower())
            for a in m.get("actor") or ():
                if a.get("country") or a.get("sector"):
                    self.actors.add((a.get("country"), a.get("sector")))
                if a.get("country"):
                    self.actor_countries.add(a["country"])
            for a in m.get("recipient") or ():
                if a.get("country") or a.get("sector"):
                    self.recipients.add((a.get("country"), a.get("sector")))
                if a.get("country"):
                    self.actor_countries.add(a["country"])
            if m.get("dead") is not None:
                self.dead.add(m["dead"])
            if m.get("injured") is not None:
                self.injured.add(m["injured"])
        self._settle()

    def _settle(self) -> None:
        """The event's day: the earliest day given, made exact by a text date near it. A later report's own dates
        (an arrest, a trial) never move an event to them."""
        if not self.days:
            return
        earliest = min(self.days)[0]
        exact = [d for d, e in self.days if e and d <= earliest + PUB_WINDOW]
        self.day, self.day_exact = (min(exact), True) if exact else (earliest, False)

    def absorb(self, other: _Group) -> None:
        self.mentions = self.mentions + other.mentions
        self.story_ids |= other.story_ids
        self.first = min(self.first, other.first)
        self.days |= other.days
        self._settle()
        for attr in ("countries", "cities", "actors", "recipients", "actor_countries", "dead", "injured", "names",
                     "full_names", "places"):
            getattr(self, attr).update(getattr(other, attr))




def _title_case(sentence: str) -> bool:
    """A headline with every word capitalised ("Man Wounded In Shooting Near Mall"): 4+ words, none in lower case
    beyond 3 letters."""
    return sentence.count(" ") >= 3 and _LONG_LOWER.search(sentence) is None


def _common_words(sentences: Iterable[str], candidates: Iterable[str]) -> set[str]:
    """Capitalised words that the reports write in lower case more often than capitalised inside a sentence
    ("Shooting" in a title-case headline, "Mall", "Accidental"; "Year-Old" when both its parts are): words, not
    names. Learnt from the mentions being grouped, so it needs no word list and follows the corpus's language."""
    texts = list(sentences)
    lower = Counter(_LOWER.findall("\n".join(texts)))
    upper = Counter(_INNER_NAME.findall("\n".join(t for t in texts if not _title_case(t))))
    return {w for w in candidates
            if all(lower.get(part, 0) > upper.get(w, 0) for part in _PARTS.split(w.lower()))}


def _names(sentence: str) -> set[str]:
    """Capitalised words that are not sentence-initial or common: names of people, streets and places."""
    words = _NAME.findall(sentence)
    if words and _NAME.match(sentence):
        words = words[1:]  # the sentence-initial word: "Police", "Gunmen" (the same word later in it counts)
    out = set(words)
    dateline = _DATELINE.match(sentence)
    if dateline:  # "FORT WORTH, Texas -": the place the story was filed from, in capitals
        out.update(w.title() for w in dateline.group(1).split() if len(w) > 2)
    return out - _COMMON_NAMES


def _full_names(sentence: str) -> set[str]:
    """Adjacent capitalised words that look like a person ("Jamal Okafor"): runs with an institution's, an
    official's or a place's word ("Chief Ann Lee", "Mercy Medical Center", "Oak Park") give none, and neither does a
    headline in title case, where every word is capitalised."""
    if _title_case(sentence):
        return set()
    out: set[str] = set()
    for run in _RUN.findall(sentence):
        words = run.replace(". ", " ").split(" ")
        if _NOT_PERSONAL.isdisjoint(words):
            out.update(f"{x} {y}" for x, y in zip(words, words[1:], strict=False)
                       if x not in _COMMON_NAMES and y not in _COMMON_NAMES)
    return out


def _numbers_conflict(a: set[int], b: set[int]) -> bool:
    """Two reports' figures cannot be one count: no pair of values within max(2, 50%) of each other."""
    if not a or not b:
        return False
    return not any(abs(x - y) <= max(2, 0.5 * max(x, y)) for x in a for y in b)


class Idf(NamedTuple):
    """Inverse document frequency over story-level groups of each name and each full name."""

    names: dict[str, float]
    full: dict[str, float]


def evidence(a: _Group, b: _Group, idf: Idf) -> float:
    """The IDF weight of the names two groups' stories share, a shared full name counting FULL_WEIGHT times more
    ("Jamal Okafor" says more than "Jamal" and "Okafor" apart)."""
    names = sum(idf.names.get(n, 0.0) for n in a.names & b.names)
    return names + FULL_WEIGHT * sum(idf.full.get(n, 0.0) for n in a.full_names & b.full_names)


def conflict(a: _Group, b: _Group, idf: Idf | None = None) -> bool:
    """Fields that say these cannot be one event. Names shared across stories (`evidence`, weighed by `idf`) let a
    later report in and outweigh a misread country or figure; without `idf` (within a story) nothing outweighs."""
    if a.family != b.family:
        return True
    gap = None if a.day is None or b.day is None else abs(a.day - b.day)
    window = DAY_WINDOW if a.day_exact and b.day_exact else PUB_WINDOW
    outside = gap is not None and gap > window
    if outside and (idf is None or gap > LONG_WINDOW or (a.cities and b.cities and a.cities.isdisjoint(b.cities))
                    or (a.names.isdisjoint(b.names) and a.full_names.isdisjoint(b.full_names))):
        return True  # (cheap tests first: most pairs of a sweep fail here)
    fields = ((a.countries and b.countries and a.countries.isdisjoint(b.countries))
              or (a.actor_countries and b.actor_countries and a.actor_countries.isdisjoint(b.actor_countries))
              or _numbers_conflict(a.dead, b.dead) or _numbers_conflict(a.injured, b.injured))
    if outside:
        # a later report (an arrest, a funeral, charges, a trial) must name more in common the later it is:
        # FOLLOWUP_NAMES plus FOLLOWUP_SLOPE for each doubling of the gap over the window
        return bool(fields) or evidence(a, b, idf) + CITY_EVIDENCE * bool(a.cities & b.cities) < (
            FOLLOWUP_NAMES + FOLLOWUP_SLOPE * math.log2(gap / window))
    if not fields:
        return False
    # a place misresolved to another country or a figure read from a sentence about another shooting does not
    # outweigh the same named victim
    return idf is None or evidence(a, b, idf) < FIELDS_EVIDENCE


def _near(a: set[tuple[str, float, float]], b: set[tuple[str, float, float]]) -> bool:
    """Some city of one story is within NEAR_KM of some city of the other (a suburb, a misresolved namesake)."""
    for _, lat1, lon1 in a:
        for _, lat2, lon2 in b:
            dy = (lat1 - lat2) * 111.2
            dx = (lon1 - lon2) * 111.2 * math.cos(math.radians((lat1 + lat2) / 2))
            if dx * dx + dy * dy <= NEAR_KM * NEAR_KM:
                return True
    return False


def score(a: _Group, b: _Group, idf: Idf) -> float:
    """Shared evidence that two groups report one event (see the module docstring); 0 without place evidence."""
    names = min(NAME_CAP, evidence(a, b, idf))
    place = 3.0 if a.cities & b.cities else (-CITY_PENALTY if a.cities and b.cities else 0.0)
    if place == 0.0 and _near(a.places, b.places):
        place = STORY_CITY
    if place <= 0 and names < NAME_MIN:
        return 0.0
    s = place + names
    if not place and a.countries & b.countries:
        s += 0.5
    if a.actors & b.actors:
        s += 0.5
    if a.recipients & b.recipients:
        s += 0.5
    if a.dead and a.dead == b.dead and a.dead != {0}:
        s += 1
    if a.injured and a.injured == b.injured and a.injured != {0}:
        s += 1
    if a.day_exact and b.day_exact and a.day == b.day:
        s += 1
    return s


# ---------------------------------------------------------------------------------------------- grouping


class _Sets:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i


def _within_story(mentions: list[dict[str, Any]]) -> list[_Group]:
    """Story-level groups: a story's mentions of one family, split where fields conflict."""
    by_key: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for m in mentions:
        by_key[(m["story_id"], block(m))].append(m)
    groups: list[_Group] = []
    for key in sorted(by_key):
        items = sorted(by_key[key], key=lambda m: (m["sentence_index"], m["id"]))
        story_groups: list[_Group] = []
        for m in items:
            g = _Group([m])
            for other in story_groups:
                if not conflict(other, g):
                    other.absorb(g)
                    break
            else:
                story_groups.append(g)
        groups.extend(story_groups)
    # Names anywhere in a story's coded sentences are evidence of where and to whom its events happened.
    sentences: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        sentences[m["story_id"]].add(m.get("sentence") or "")
    story_names = {sid: {n for t in texts for n in _names(t)} for sid, texts in sentences.items()}
    story_full = {sid: {n for t in texts for n in _full_names(t)} for sid, texts in sentences.items()}
    common = _common_words({t for texts in sentences.values() for t in texts},
                           {w for names in story_names.values() for w in names}
                           | {w for names in story_full.values() for n in names for w in n.split(" ")})
    for sid in sentences:
        story_names[sid] -= common
        story_full[sid] = {n for n in story_full[sid] if common.isdisjoint(n.split(" "))}
    story_places: dict[str, set[tuple[str, float, float]]] = defaultdict(set)
    for m in mentions:
        loc = m.get("location") or {}
        if loc.get("precision") == "city" and loc.get("lat") is not None:
            story_places[m["story_id"]].add((loc["name"].lower(), loc["lat"], loc["lon"]))
    for g in groups:
        sid = next(iter(g.story_ids))
        g.names = set(story_names[sid])
        g.full_names = set(story_full[sid])
        g.places = set(story_places.get(sid, ()))
    return groups


def group_mentions(mentions: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Partition mentions into events (lists of mentions), deterministically."""
    groups = _within_story(mentions)
    # IDF of names over story-level groups: a name in many reports (a city, "Smith") says little.
    story_names = {next(iter(g.story_ids)): g.names for g in groups}
    df = Counter(n for names in story_names.values() for n in names)
    total = max(len(story_names), 1)
    idf = {n: max(0.0, math.log(total / c) / 2) for n, c in df.items() if c > 1 or total > 1}
    df_full = Counter(n for g in groups for n in g.full_names)
    weights = Idf(idf, {n: max(0.0, math.log(total / c) / 2) for n, c in df_full.items()})
    # Candidate pairs: same family, dates within the widest window (sorted sweep per family).
    by_family: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        by_family[g.family].append(i)
    pairs: list[tuple[float, str, str, int, int]] = []
    widest = max(DAY_WINDOW, PUB_WINDOW, FOLLOWUP_WINDOW)
    seen: set[tuple[int, int]] = set()

    def consider(i: int, j: int) -> None:
        a, b = groups[i], groups[j]
        if a.story_ids & b.story_ids or conflict(a, b, weights):
            return
        s = score(a, b, weights)
        if s >= MERGE_SCORE:
            pairs.append((-s, min(a.first, b.first), max(a.first, b.first), i, j))

    for fam in sorted(by_family):
        # an undated report joins nothing across stories: there is no window to block it in
        dated = sorted((i for i in by_family[fam] if groups[i].day is not None),
                       key=lambda i: (groups[i].day, groups[i].first))
        for pos, i in enumerate(dated):
            a = groups[i]
            for j in dated[pos + 1:]:
                b = groups[j]
                gap = b.day - a.day
                if gap > widest:
                    break
                if gap <= PUB_WINDOW or not (a.names.isdisjoint(b.names) and a.full_names.isdisjoint(b.full_names)):
                    consider(i, j)  # (a later report that names nothing in common is out: `conflict`, cheaply)
        # later reports (a trial months on) are found through the rare full names they share
        by_name: dict[str, list[int]] = defaultdict(list)
        for i in dated:
            for n in groups[i].full_names:
                if df_full[n] <= FULL_NAME_GROUPS:
                    by_name[n].append(i)
        for n in sorted(by_name):
            for x, i in enumerate(by_name[n]):
                for j in by_name[n][x + 1:]:
                    if widest < abs(groups[i].day - groups[j].day) <= LONG_WINDOW and (i, j) not in seen:
                        seen.add((i, j))
                        consider(i, j)
    pairs.sort()
    sets = _Sets(len(groups))
    merged: dict[int, _Group] = {i: g for i, g in enumerate(groups)}
    for _, _, _, i, j in pairs:
        ri, rj = sets.find(i), sets.find(j)
        if ri == rj:
            continue
        a, b = merged[ri], merged[rj]
        if a.story_ids & b.story_ids or conflict(a, b, weights):
            continue
        keep, drop = (ri, rj) if a.first <= b.first else (rj, ri)
        sets.parent[drop] = keep
        merged[keep].absorb(merged.pop(drop))
    return [g.mentions for _, g in sorted(merged.items(), key=lambda kv: kv[1].first)]


# ---------------------------------------------------------------------------------------------- event records


def _order(m: dict[str, Any]) -> tuple:
    return (str(m.get("publication_date") or "9999"), m["story_id"], m["sentence_index"], m["id"])


def _completeness(m: dict[str, Any]) -> tuple:
    return (m.get("status") == "asserted", bool(m.get("actor")), bool(m.get("recipient")), bool(m.get("location")),
            m.get("date_source") == "text", m.get("confidence") or 0.0, [-ord(c) for c in m["id"][:8]])


def _latest_max(mentions: list[dict[str, Any]], key: str) -> int | None:
    known = [m for m in mentions if m.get(key) is not None]
    if not known:
        return None
    latest = max(str(m.get("publication_date") or "") for m in known)
    return max(m[key] for m in known if str(m.get("publication_date") or "") == latest)


def event_id(mentions: list[dict[str, Any]]) -> str:
    """Stable while the event's earliest report stays the earliest: sha1 of its first mention id."""
    return hashlib.sha1(f"event|{min(mentions, key=_order)['id']}".encode()).hexdigest()


def build_event(mentions: list[dict[str, Any]], urls: dict[str, str | None] | None = None) -> dict[str, Any]:
    """The event record: the best estimate of each field plus mentions, stories, first/last reported, evidence."""
    urls = urls or {}
    ordered = sorted(mentions, key=_order)
    rep = max(ordered, key=_completeness)
    types = Counter(m["event_type"] for m in ordered)
    top = max(types.values())
    event_type = rep["event_type"] if types[rep["event_type"]] == top else min(t for t, c in types.items() if c == top)
    of_type = [m for m in ordered if m["event_type"] == event_type]
    modes = Counter(m["mode"] for m in of_type if m.get("mode"))
    top_mode = max(modes.values(), default=0)
    if rep["event_type"] == event_type and rep.get("mode") and modes[rep["mode"]] == top_mode:
        mode = rep["mode"]
    else:
        mode = min((k for k, c in modes.items() if c == top_mode), default=None)
    statuses = Counter(m["status"] for m in ordered)
    status = "asserted" if statuses["asserted"] else min(statuses, key=lambda s: (-statuses[s], s))
    dated = [m for m in ordered if m.get("date")]
    when = max(dated, key=lambda m: (_PRECISION_RANK.get(m.get("date_precision"), 0),
                                     _SOURCE_RANK.get(m.get("date_source"), 0), m.get("confidence") or 0.0),
               default=None)
    located = [m for m in ordered if m.get("location")]
    where = None
    if located:
        counts = Counter((m["location"].get("name"), m["location"].get("country")) for m in located)
        where = max(located, key=lambda m: (_LOCATION_RANK.get(m["location"].get("precision"), 0),
                                            counts[(m["location"].get("name"), m["location"].get("country"))]))
    sizes = sorted(m["size"] for m in ordered if m.get("size") is not None)
    scorer = next((m for m in of_type if m.get("mode") == mode), of_type[0])
    best_by_story: dict[str, float] = {}
    for m in ordered:
        best_by_story[m["story_id"]] = max(best_by_story.get(m["story_id"], 0.0), m.get("confidence") or 0.0)
    confidence = min(0.99, 1 - math.prod(1 - c for c in best_by_story.values()))
    stories = list(dict.fromkeys(m["story_id"] for m in ordered))
    pubs = [str(m["publication_date"]) for m in ordered if m.get("publication_date")]
    record = dict(rep)
    record.pop("extra", None)
    record.update(
        id=event_id(ordered), event_type=event_type, mode=mode, status=status,
        contexts=sorted({c for m in ordered for c in (m.get("contexts") or ())}),
        date=when["date"] if when else None, date_precision=when["date_precision"] if when else None,
        date_text=when["date_text"] if when else None, date_source=when["date_source"] if when else None,
        location=where["location"] if where else None,
        dead=_latest_max(ordered, "dead"), injured=_latest_max(ordered, "injured"),
        arrested=_latest_max(ordered, "arrested"), size=int(statistics.median_low(sizes)) if sizes else None,
        quad_class=scorer.get("quad_class"), intensity=scorer.get("intensity"), cameo=scorer.get("cameo"),
        goldstein=scorer.get("goldstein"), confidence=round(max(confidence, rep.get("confidence") or 0.0), 3),
        mentions=[m["id"] for m in ordered], stories=stories,
        first_reported=min(pubs) if pubs else None, last_reported=max(pubs) if pubs else None,
        n_mentions=len(ordered), n_stories=len(stories),
        evidence=[{"mention_id": m["id"], "story_id": m["story_id"], "url": urls.get(m["story_id"]),
                   "publication_date": str(m["publication_date"]) if m.get("publication_date") else None,
                   "sentence_index": m["sentence_index"], "sentence": m["sentence"], "trigger": m["trigger"],
                   "attribution": m.get("attribution"), "confidence": m.get("confidence")} for m in ordered],
    )
    return record


# ---------------------------------------------------------------------------------------------- in the database


def dyad_rows(events: list[dict[str, Any]]) -> Any:
    """One row per event and distinct (actor country, recipient country) pair; None stands for unknown."""
    import pyarrow as pa

    cols: dict[str, list[Any]] = {k: [] for k in ("event_id", "day", "actor", "recipient", "family", "event_type",
                                                   "quad_class", "goldstein", "dead")}
    for e in events:
        actors = sorted({a.get("country") or "" for a in e["actor"]}) or [""]
        recipients = sorted({a.get("country") or "" for a in e["recipient"]}) or [""]
        for a in actors:
            for r in recipients:
                for k, v in (("event_id", e["id"]), ("day", e["date"] or e["first_reported"]), ("actor", a or None),
                             ("recipient", r or None), ("family", family(e["event_type"])),
                             ("event_type", e["event_type"]), ("quad_class", e["quad_class"]),
                             ("goldstein", e["goldstein"]), ("dead", e["dead"])):
                    cols[k].append(v)
    return pa.table(cols, schema=pa.schema([("event_id", pa.string()), ("day", pa.string()), ("actor", pa.string()),
                                            ("recipient", pa.string()), ("family", pa.string()),
                                            ("event_type", pa.string()), ("quad_class", pa.string()),
                                            ("goldstein", pa.float64()), ("dead", pa.int64())]))


def _fingerprint(con: duckdb.DuckDBPyConnection) -> str:
    n, h = con.execute("SELECT count(*), coalesce(bit_xor(hash(id)), 0) FROM mentions").fetchall()[0]
    return f"v{GROUPING_VERSION}:{n}:{h}"


def _stored_state(con: duckdb.DuckDBPyConnection) -> str | None:
    rows = con.execute("SELECT value FROM meta WHERE key = 'grouping'").fetchall()
    return rows[0][0] if rows else None


def grouping_is_current(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the events were grouped from the mentions now stored (False after an ingest killed before or while
    grouping: `flashpoint ingest --db DB` with no input finishes it). An empty database counts as current."""
    state = _fingerprint(con)
    return _stored_state(con) == state or state == f"v{GROUPING_VERSION}:0:0"


def ensure_grouped(con: duckdb.DuckDBPyConnection, *, progress: bool = False) -> int:
    """Regroup when the events were computed from another set of mentions; returns the number of events."""
    state = _fingerprint(con)
    if _stored_state(con) != state:
        from flashpoint.progress import status

        with status("grouping mentions into events", enabled=progress):
            regroup(con, state)
    return con.execute("SELECT count(*) FROM events").fetchall()[0][0]


def _iter_mentions(con: duckdb.DuckDBPyConnection) -> Iterable[dict[str, Any]]:
    from flashpoint.store.rows import batches, to_record

    for batch in batches(con, "SELECT * FROM mentions ORDER BY id", size=50_000):
        for row in batch.to_pylist():
            yield to_record(row)


def regroup(con: duckdb.DuckDBPyConnection, state: str | None = None) -> int:
    """Recompute all events from the mentions, in one transaction."""
    import pyarrow as pa

    from flashpoint.store.rows import EVENT_SCHEMA, insert
    from flashpoint.store.schema import transaction

    state = state or _fingerprint(con)
    mentions = list(_iter_mentions(con))
    urls = dict(con.execute("SELECT id, url FROM stories").fetchall())
    events = [build_event(g, urls) for g in group_mentions(mentions)]
    with transaction(con):
        con.execute("DELETE FROM events")
        con.execute("DELETE FROM event_mentions")
        con.execute("DELETE FROM dyads")
        for start in range(0, len(events), 20_000):
            chunk = events[start:start + 20_000]
            insert(con, "events", pa.Table.from_pylist(chunk, schema=EVENT_SCHEMA))
            mapping = pa.table({"mention_id": [m for e in chunk for m in e["mentions"]],
                                "event_id": [e["id"] for e in chunk for _ in e["mentions"]]})
            insert(con, "event_mentions", mapping)
            insert(con, "dyads", dyad_rows(chunk))
        con.execute("INSERT OR REPLACE INTO meta VALUES ('grouping', ?)", [state])
    return len(events)
