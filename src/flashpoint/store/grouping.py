"""Many reports, one event: group event mentions of the same real event, within and across stories.

The rule (deterministic: the groups depend only on the set of mentions, never on the order they arrived in):

1. Blocking. Mentions are only ever compared inside one *type family* (FAMILIES: the event type itself, with
   CONCEDE and RETREAT together as PLOVER's old YIELD) of one *reality* (asserted or claimed; or each other status
   on its own: a threat is never merged into the act) and a date window: the event date when the text gave one,
   else the publication date. An undated group joins nothing across stories.
2. Within a story. Mentions of one family in one story are one event unless they conflict: different known event
   dates (more than DAY_WINDOW apart at day precision), different location countries or cities, disjoint actor
   countries, or casualty figures that cannot be the same count (see `_numbers_conflict`). This is the common
   case of a headline, a lead and later paragraphs all reporting one attack.
3. Across stories. Two story-level groups of one family are candidates when their dates are within the window
   (DAY_WINDOW days for two exact text dates, PUB_WINDOW when either is only the publication date or vaguer) and
   nothing conflicts (event-date gap, location countries, actor countries, casualty figures). A later report
   (arrest, charges, funeral) may join up to FOLLOWUP_WINDOW days apart when names and place agree (`_followup`:
   shared names weighing FOLLOWUP_CITY_NAMES with the same resolved city, FOLLOWUP_NAMES without any city, never
   with two different cities). Place evidence is required: the same resolved city of the event's mentions, else
   a city resolved (with lat/lon) anywhere in both stories within NEAR_KM, or shared *names* (capitalised words
   of the story's coded sentences that are not sentence-initial or common: victims, streets, towns) weighing at
   least NAME_MIN, each name weighted by its IDF over stories (a rare name ~3.5, "Chicago" ~1.5). Score = 3 for
   the same city (-3 for two different cities: geoparsing errs; STORY_CITY for a city shared only at story level)
   + name weight (capped at NAME_CAP) + 0.5 each for a shared location country, actor or recipient
   country+sector + 1 each for equal dead / injured figures + 1 for the same exact day. Pairs scoring at least
   MERGE_SCORE are merged best first; a merge that would put two conflicting groups into one event is refused
   (no chaining through a third report), and two groups of one story never merge across stories.
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

Limits (GVA dev set, B-cubed F1 0.831 against 0.731 for one event per article: P 0.915, R 0.761; bench/
bench_grouping.py): follow-up reports more than FOLLOWUP_WINDOW days later, or sharing too few names, stay apart
(wider windows, 21-30 days, and lower name thresholds lost more precision than they gained); two exact text
dates more than DAY_WINDOW apart never merge (a wrongly resolved weekday splits an event; a wider DAY_WINDOW or
PUB_WINDOW lost precision); only about half of the GVA reports resolve a city in their coded sentences, so
nearness by lat/lon adds little, and a 25 km radius merged neighbouring shootings; two reports that share only a
common place name ("Houston") and no figures stay apart; round-up stories ("eight killed in shootings across
Chicago") can pull single incidents together; names come from the coded sentences only, so a report whose
sentences name nothing specific has no place evidence. Grouping is recomputed in full after each ingest (simple
and order-independent, ~1.2 s per 27k mentions; docs/SCALING.md has the block-wise incremental plan at scale).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import duckdb

GROUPING_VERSION = "2"
FAMILIES: dict[str, str] = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}  # type -> family; others: the type itself
DAY_WINDOW = 1  # days between two day-precision dates of one event (time zones, "overnight", late reports)
PUB_WINDOW = 5  # days when a date is only the publication date or vaguer than a day
MERGE_SCORE = 4.0
NAME_MIN = 3.0  # shared names must weigh this much when the location does not match (a rare name: ~3.5)
NAME_CAP = 6.0
FOLLOWUP_WINDOW = 14  # days: a later report (arrest, charges, funeral) may join when place and names agree
FOLLOWUP_NAMES = 10.0  # ... shared name weight without a matching city (about three rare names)
FOLLOWUP_CITY_NAMES = 5.0  # ... with the same resolved city (a victim's first and last name)
CITY_PENALTY = 3.0  # two different cities: geoparsing errs, so this weighs against a merge without forbidding it
STORY_CITY = 3.0  # place evidence from a city resolved anywhere in both stories, not in the event's own sentences
NEAR_KM = 1.0  # two story cities count as one place within this distance (the same GeoNames point; 25 km, a metro
# area, lost precision on the GVA dev set: neighbouring suburbs have their own shootings)
_PRECISION_DAYS = {"day": 0, "week": 7, "month": 31, "year": 366, None: PUB_WINDOW}
_PRECISION_RANK = {"day": 4, "week": 3, "month": 2, "year": 1}
_SOURCE_RANK = {"text": 3, "context": 2, "publication": 1}
_LOCATION_RANK = {"city": 3, "admin1": 2, "country": 1}
_NAME = re.compile(r"\b[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*\b")


def family(event_type: str | None) -> str:
    return FAMILIES.get(event_type or "", event_type or "")


def block(mention: dict[str, Any]) -> str:
    """What a mention may be grouped with: its type family, and whether it happened. A threatened, hypothetical,
    future or denied action is never merged into one that happened ("sanctions imposed" and "threatened to expel
    diplomats" stay two events); a one-sided claim may confirm an asserted report."""
    status = mention.get("status") or "asserted"
    return family(mention["event_type"]) + "|" + ("happened" if status in ("asserted", "claimed") else status)


# ---------------------------------------------------------------------------------------------- features


def _day(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return value.toordinal()


class _Group:
    """A set of mentions being grouped, with the features that decide what it may join."""

    __slots__ = ("mentions", "family", "story_ids", "day", "day_exact", "countries", "cities", "actors",
                 "recipients", "actor_countries", "dead", "injured", "names", "first", "places")

    def __init__(self, mentions: list[dict[str, Any]]) -> None:
        self.mentions = mentions
        self.family = block(mentions[0])
        self.story_ids = {m["story_id"] for m in mentions}
        self.first = min(m["id"] for m in mentions)
        self.day, self.day_exact = None, False
        self.countries: set[str] = set()
        self.cities: set[str] = set()
        self.actors: set[tuple] = set()
        self.recipients: set[tuple] = set()
        self.actor_countries: set[str] = set()
        self.dead: set[int] = set()
        self.injured: set[int] = set()
        self.names: set[str] = set()
        self.places: set[tuple[str, float, float]] = set()  # cities anywhere in the story: (name, lat, lon)
        self._collect(mentions)

    def _collect(self, mentions: list[dict[str, Any]]) -> None:
        best = None
        for m in mentions:
            exact = m.get("date") is not None and m.get("date_precision") == "day" and m.get("date_source") == "text"
            d = _day(m.get("date")) if m.get("date") else _day(m.get("publication_date"))
            key = (exact, m.get("date") is not None)
            if d is not None and (best is None or key > best[0]):
                best = (key, d)
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
            self.names.update(_names(m.get("sentence") or ""))
        if best is not None:
            self.day, self.day_exact = best[1], best[0][0]

    def absorb(self, other: _Group) -> None:
        self.mentions = self.mentions + other.mentions
        self.story_ids |= other.story_ids
        self.first = min(self.first, other.first)
        if other.day is not None and (self.day is None or (other.day_exact and not self.day_exact)):
            self.day, self.day_exact = other.day, other.day_exact
        for attr in ("countries", "cities", "actors", "recipients", "actor_countries", "dead", "injured", "names",
                     "places"):
            getattr(self, attr).update(getattr(other, attr))


_COMMON_NAMES = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "His", "Her", "Their", "This", "That", "There", "Police",
    "Officers", "Officer", "Sheriff", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Department", "According", "After", "When", "Authorities", "In", "On", "At", "But", "And", "Mr",
    "Mrs", "Ms", "Dr", "Street", "Avenue", "Road", "County", "City", "News", "Photo", "Video", "Copyright",
}


def _names(sentence: str) -> set[str]:
    """Capitalised words that are not sentence-initial or common: names of people, streets and places."""
    out = set()
    for m in _NAME.finditer(sentence):
        word = m.group()
        if word in _COMMON_NAMES or m.start() == 0:
            continue
        out.add(word)
    return out


def _numbers_conflict(a: set[int], b: set[int]) -> bool:
    """Two reports' figures cannot be one count: no pair of values within max(2, 50%) of each other."""
    if not a or not b:
        return False
    return not any(abs(x - y) <= max(2, 0.5 * max(x, y)) for x in a for y in b)


def _dates_apart(a: _Group, b: _Group) -> int | None:
    if a.day is None or b.day is None:
        return None
    return abs(a.day - b.day)


def conflict(a: _Group, b: _Group, names: float = 0.0) -> bool:
    """Fields that say these cannot be one event; `names` (shared-name weight) lets a follow-up report in."""
    if a.family != b.family:
        return True
    gap = _dates_apart(a, b)
    if gap is not None and gap > (DAY_WINDOW if a.day_exact and b.day_exact else PUB_WINDOW) and not (
            gap <= FOLLOWUP_WINDOW and _followup(a, b, names)):
        return True
    if a.countries and b.countries and not (a.countries & b.countries):
        return True
    if a.actor_countries and b.actor_countries and not (a.actor_countries & b.actor_countries):
        return True
    return _numbers_conflict(a.dead, b.dead) or _numbers_conflict(a.injured, b.injured)


def _followup(a: _Group, b: _Group, names: float) -> bool:
    """A report outside the date window may still be a later report of this event: names and place agree."""
    same_city = bool(a.cities & b.cities)
    if same_city:
        return names >= FOLLOWUP_CITY_NAMES
    if a.cities and b.cities:
        return False
    return names >= FOLLOWUP_NAMES


def _near(a: set[tuple[str, float, float]], b: set[tuple[str, float, float]]) -> bool:
    """Some city of one story is within NEAR_KM of some city of the other (a suburb, a misresolved namesake)."""
    for _, lat1, lon1 in a:
        for _, lat2, lon2 in b:
            dy = (lat1 - lat2) * 111.2
            dx = (lon1 - lon2) * 111.2 * math.cos(math.radians((lat1 + lat2) / 2))
            if dx * dx + dy * dy <= NEAR_KM * NEAR_KM:
                return True
    return False


def name_weight(a: _Group, b: _Group, idf: dict[str, float]) -> float:
    return sum(idf.get(n, 0.0) for n in a.names & b.names)


def score(a: _Group, b: _Group, idf: dict[str, float]) -> float:
    """Shared evidence that two groups report one event (see the module docstring); 0 without place evidence."""
    names = min(NAME_CAP, name_weight(a, b, idf))
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
    story_names: dict[str, set[str]] = defaultdict(set)
    for g in groups:
        story_names[next(iter(g.story_ids))].update(g.names)
    story_places: dict[str, set[tuple[str, float, float]]] = defaultdict(set)
    for m in mentions:
        loc = m.get("location") or {}
        if loc.get("precision") == "city" and loc.get("lat") is not None:
            story_places[m["story_id"]].add((loc["name"].lower(), loc["lat"], loc["lon"]))
    for g in groups:
        sid = next(iter(g.story_ids))
        g.names = set(story_names[sid])
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
    # Candidate pairs: same family, dates within the widest window (sorted sweep per family).
    by_family: dict[str, list[int]] = defaultdict(list)
    for i, g in enumerate(groups):
        by_family[g.family].append(i)
    pairs: list[tuple[float, str, str, int, int]] = []
    widest = max(DAY_WINDOW, PUB_WINDOW, FOLLOWUP_WINDOW)
    for fam in sorted(by_family):
        # an undated report joins nothing across stories: there is no window to block it in
        dated = sorted((i for i in by_family[fam] if groups[i].day is not None),
                       key=lambda i: (groups[i].day, groups[i].first))
        for pos, i in enumerate(dated):
            a = groups[i]
            for j in dated[pos + 1:]:
                b = groups[j]
                if b.day - a.day > widest:
                    break
                if a.story_ids & b.story_ids or conflict(a, b, name_weight(a, b, idf)):
                    continue
                s = score(a, b, idf)
                if s >= MERGE_SCORE:
                    pairs.append((-s, min(a.first, b.first), max(a.first, b.first), i, j))
    pairs.sort()
    sets = _Sets(len(groups))
    merged: dict[int, _Group] = {i: g for i, g in enumerate(groups)}
    for _, _, _, i, j in pairs:
        ri, rj = sets.find(i), sets.find(j)
        if ri == rj:
            continue
        a, b = merged[ri], merged[rj]
        if a.story_ids & b.story_ids or conflict(a, b, name_weight(a, b, idf)):
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


def ensure_grouped(con: duckdb.DuckDBPyConnection) -> int:
    """Regroup when the events were computed from another set of mentions; returns the number of events."""
    state = _fingerprint(con)
    rows = con.execute("SELECT value FROM meta WHERE key = 'grouping'").fetchall()
    row = rows[0] if rows else None
    if row is None or row[0] != state:
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

    state = state or _fingerprint(con)
    mentions = list(_iter_mentions(con))
    urls = dict(con.execute("SELECT id, url FROM stories").fetchall())
    events = [build_event(g, urls) for g in group_mentions(mentions)]
    con.execute("BEGIN TRANSACTION")
    try:
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
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return len(events)
