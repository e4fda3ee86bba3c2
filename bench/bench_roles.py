"""Who did what to whom, stage by stage, on the open data in ../shared/data (the diagnostics behind
`../shared/tools/score-records`' gva whom/who/swapped and plv triple).

The score says whether a record came out right; this says which stage lost it:

  gva  per named victim / suspect whose last name the article prints (as score-records counts them):
         ceiling   a sentence holds the name and an asserted/claimed ASSAULT (the most a role rule can reach, since
                   a record's mention text comes from its own sentence)
         mention   the name is inside an actor mention of such a sentence (the recogniser's recall)
         role      the name is in the right role of an ASSAULT (= score-records whom / who)
         named     ... or a mention of the right role carries the person's name as its resolved `name` (what a user
                   gets on "the victim", "he": issue item 2)
         swapped   the name in the other role (lower is better)
       and how often a pronoun the tracking stage resolved names a listed victim (recipient) or suspect (actor).
  plv  per gold relation: the gold actor / recipient span is covered by some actor mention (recall of mentions),
       the type is found, and, where both mentions and the type are there, how often the roles come out right.

Runs the pipeline in-process with the rule model (the model stage only re-ranks confidence; roles are the same).

    PYTHONPATH=src python bench/bench_roles.py [--sets gva,plv] [--limit N] [--errors N] [--workers 2]
"""

from __future__ import annotations

import argparse
import collections
import csv
import gzip
import json
import multiprocessing
import re
import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

_pipe = None


def _code(item: tuple[str, str, str | None]) -> tuple[str, list[dict], list[list[tuple[int, int, str]]], list[str]]:
    """(id, records, per-sentence actor mentions, sentence texts) of one story."""
    global _pipe
    from flashpoint.pipeline import Pipeline
    from flashpoint.text.readers import story_from_text

    if _pipe is None:
        _pipe = Pipeline(model="rules")
    sid, text, date = item
    story = _pipe(story_from_text(text, date=date, story_id=sid))
    events = []
    for e in story.events:
        d = e.to_dict()
        for side in ("actor", "recipient"):
            for m, a in zip(d[side], getattr(e, side), strict=True):
                m["name"] = a.name
        events.append(d)
    mentions = [[(a.start, a.end, a.text) for a in s.actors] for s in story.sentences]
    return sid, events, mentions, [s.text for s in story.sentences]


def run(items: list[tuple[str, str, str | None]], workers: int) -> dict:
    if workers > 1:
        with multiprocessing.Pool(workers) as pool:
            return {r[0]: r[1:] for r in pool.imap_unordered(_code, items, chunksize=8)}
    return {r[0]: r[1:] for r in map(_code, items)}


def first_names_of(inc: dict, kind: str) -> dict[str, str]:
    """Last name -> first name of the participants of a kind (to tell one person in both roles from two namesakes)."""
    out = {}
    for p in inc.get("participants") or []:
        parts = re.sub(r"\b(jr|sr|ii|iii|iv)\b\.?", "", (p.get("Name") or "").strip(), flags=re.I).split()
        if kind in (p.get("Type") or "") and len(parts) >= 2:
            out[parts[-1].strip(".,")] = parts[0]
    return out


def names(inc: dict, kind: str) -> list[str]:
    out = []
    for p in inc.get("participants") or []:
        name = (p.get("Name") or "").strip()
        if kind in (p.get("Type") or "") and name:
            parts = re.sub(r"\b(jr|sr|ii|iii|iv)\b\.?", "", name, flags=re.I).split()
            if parts and len(parts[-1]) >= 3:
                out.append(parts[-1].strip(".,"))
    return out


def gva(args) -> None:
    with gzip.open(DATA / "gva" / "incidents.dev.jsonl.gz", "rt") as f:
        incidents = [json.loads(line) for line in f]
    incidents = incidents[: args.limit] if args.limit else incidents
    items, owner = [], {}
    for inc in incidents:
        for doc in inc["docs"]:
            sid = f'{inc["incident_id"]}/{doc["id"]}'
            if (doc.get("content") or "").strip():
                owner[sid] = inc
                items.append((sid, doc["content"], (doc.get("dct") or "")[:10] or None))
    t = time.perf_counter()
    out = run(items, args.workers)
    seconds = time.perf_counter() - t
    hit, n = collections.Counter(), collections.Counter()
    miss = collections.defaultdict(list)
    text = {i[0]: i[1] for i in items}
    for sid, inc in owner.items():
        events, mentions, sents = out[sid]
        assaults = [e for e in events if e["event_type"] == "ASSAULT" and e["status"] in ("asserted", "claimed")]
        by_sent = collections.defaultdict(list)
        for e in assaults:
            by_sent[e["sentence_index"]].append(e)
        for key, kind, role, other in (("whom", "Victim", "recipient", "actor"),
                                       ("who", "Subject-Suspect", "actor", "recipient")):
            for last in names(inc, kind):
                if not re.search(r"\b" + re.escape(last) + r"\b", text[sid]):
                    continue
                low = last.lower()
                n[key] += 1
                where = [i for i, s in enumerate(sents) if re.search(r"\b" + re.escape(last) + r"\b", s)]
                ceiling = any(by_sent.get(i) for i in where)
                mention = any(by_sent.get(i) and any(low in m[2].lower() for m in mentions[i]) for i in where)
                ok = any(low in (m.get("text") or "").lower() for e in assaults for m in e[role])
                named = ok or any(low in (m.get("name") or "").lower() for e in assaults for m in e[role])
                swapped = any(low in (m.get("text") or "").lower() for e in assaults for m in e[other])
                first = first_names_of(inc, kind).get(last, "").lower()
                # the same person in both roles of one event ("X shot himself", a murder-suicide): not a swap of two
                same = swapped and bool(first) and any(
                    low in (m.get("text") or "").lower() and first in ((m.get("name") or m.get("text") or "").lower())
                    and any(first in (r.get("name") or r.get("text") or "").lower() for r in e[role])
                    for e in assaults for m in e[other])
                for k, v in (("ceiling", ceiling), ("mention", mention), ("role", ok), ("named", named),
                             ("swapped", swapped), ("swapped, same person in both roles", same),
                             ("swapped, first name too", swapped and bool(first) and any(
                                 low in (m.get("text") or "").lower()
                                 and first in (m.get("name") or m.get("text") or "").lower()
                                 for e in assaults for m in e[other]))):
                    hit[(key, k)] += v
                if swapped:
                    e = next(e for e in assaults for m in e[other] if low in (m.get("text") or "").lower())
                    miss[(key, "swapped")].append(f"{sid} {kind} {last!r}: \"{e['sentence'][:220]}\" -> {brief(e)}")
                if not ok and (ceiling or not args.only_ceiling):
                    stage = "role" if mention else "mention" if ceiling else "ceiling"
                    shown = [i for i in where if by_sent.get(i) and any(low in m[2].lower() for m in mentions[i])]
                    for i in (shown or where)[:1]:
                        coded = " || ".join(brief(e) for e in by_sent.get(i, [])[:3]) or "no ASSAULT here"
                        miss[(key, stage)].append(f"{sid} {kind} {last!r}: \"{sents[i][:220]}\" -> {coded}")
    # resolved pronouns (extract/tracking.py): is the name a listed participant of the role?
    for sid, inc in owner.items():
        events = out[sid][0]
        want = {"recipient": set(map(str.lower, names(inc, "Victim"))),
                "actor": set(map(str.lower, names(inc, "Subject-Suspect")))}
        for e in events:
            if e["event_type"] != "ASSAULT":
                continue
            for side in ("actor", "recipient"):
                for m in e[side]:
                    if m["text"].lower() in _PRONOUN_TEXTS and m.get("name"):
                        hit[("pronoun", side)] += 1
                        hit[("pronoun right", side)] += m["name"].split()[-1].lower() in want[side]
    print(f"gva: {len(incidents)} incidents, {len(items)} articles, {seconds:.1f}s")
    for side in ("recipient", "actor"):
        print(f"  pronoun {side}s resolved to a name: {hit[('pronoun', side)]}, a listed "
              f"{'victim' if side == 'recipient' else 'suspect'}: "
              f"{hit[('pronoun right', side)] / max(hit[('pronoun', side)], 1):.2f}")
    for key in ("whom", "who"):
        print(f"  {key}: {n[key]} names")
        for k in ("ceiling", "mention", "role", "named", "swapped", "swapped, same person in both roles",
                  "swapped, first name too"):
            print(f"    {k:8} {hit[(key, k)] / max(n[key], 1):.3f}  ({hit[(key, k)]})")
        for stage in ("swapped", "role", "mention", "ceiling"):
            for m in miss[(key, stage)][: args.errors]:
                print(f"      lost at {stage}: {m}")


_PRONOUN_TEXTS = frozenset({"he", "she", "him", "her"})


def brief(e: dict) -> str:
    def roles(side: str) -> str:
        return ", ".join(m["text"] + (f'={m["name"]}' if m.get("name") and m["name"] != m["text"] else "")
                         for m in e[side])

    return f'{e["event_type"]} {e["status"]} A[{roles("actor")}] R[{roles("recipient")}] trig {e["trigger"]["text"]!r}'


def plv(args) -> None:
    with open(DATA / "plv" / "PLV_train.tsv") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    rows = rows[: args.limit] if args.limit else rows
    gold, sentences = [], {}
    for row in rows:
        spans, open_at, text = {"s": [], "t": []}, {}, ""
        for part in re.split(r"(</?[st]>)", row["marked_sentence"]):
            if part in ("<s>", "<t>"):
                open_at[part[1]] = len(text)
            elif part in ("</s>", "</t>"):
                spans[part[2]].append((open_at.pop(part[2]), len(text)))
            else:
                text += part
        sid = "plv" + row["sentence_id"]
        sentences[sid] = text
        gold.append((sid, row["gold_root"], spans["s"], spans["t"]))
    t = time.perf_counter()
    out = run([(s, x, "2020-01-15") for s, x in sentences.items()], args.workers)
    seconds = time.perf_counter() - t

    def yield_(x: str) -> str:
        return "YIELD" if x in ("CONCEDE", "RETREAT") else x

    hit = collections.Counter()
    miss = collections.defaultdict(list)

    def offset(sid: str, i: int) -> int:
        return sentences[sid].find(out[sid][2][i])

    def covered(sid: str, spans: list) -> bool:
        _, mentions, sents = out[sid]
        for i, ms in enumerate(mentions):
            at = offset(sid, i)
            if any(at + a < d and c < at + b for a, b, _ in ms for c, d in spans):
                return True
        return False

    def hits(sid: str, e: dict, role: str, spans: list) -> bool:
        at = sentences[sid].find(e["sentence"])
        return at >= 0 and any(at + m["start"] < d and c < at + m["end"] for m in e[role] for c, d in spans)

    for sid, typ, s, tg in gold:
        events = out[sid][0]
        same = [e for e in events if yield_(e["event_type"]) == typ]
        ms, mt = covered(sid, s), covered(sid, tg)
        ok = any(hits(sid, e, "actor", s) and hits(sid, e, "recipient", tg) for e in same)
        hit["actor mention"] += ms
        hit["recipient mention"] += mt
        hit["both mentions"] += ms and mt
        hit["type"] += bool(same)
        hit["ready"] += bool(ms and mt and same)
        hit["ready+triple"] += bool(ms and mt and same and ok)
        hit["triple"] += ok
        hit["actor role"] += any(hits(sid, e, "actor", s) for e in same)
        hit["recipient role"] += any(hits(sid, e, "recipient", tg) for e in same)
        hit["swapped"] += any(hits(sid, e, "actor", tg) or hits(sid, e, "recipient", s) for e in same)
        if not ok:
            stage = "role" if ms and mt and same else "type" if ms and mt else "mention"
            text = sentences[sid]
            gold_s, gold_t = "; ".join(text[a:b] for a, b in s), "; ".join(text[a:b] for a, b in tg)
            miss[stage].append(f'{typ} [{gold_s}] -> [{gold_t}]'
                               f' in "{text[:200]}"; coded: {" || ".join(brief(e) for e in same[:3]) or "-"}')
    n = len(gold)
    print(f"plv: {n} relations, {seconds:.1f}s")
    for k in ("actor mention", "recipient mention", "both mentions", "type", "actor role", "recipient role",
              "triple", "swapped"):
        print(f"    {k:18} {hit[k] / n:.3f}  ({hit[k]})")
    print(f"    triple where both mentions and the type are there: {hit['ready+triple'] / max(hit['ready'], 1):.3f}"
          f"  ({hit['ready+triple']}/{hit['ready']})")
    for stage in ("role", "mention", "type"):
        for m in miss[stage][: args.errors]:
            print(f"      lost at {stage}: {m}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="gva,plv")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--only-ceiling", action="store_true", help="gva: show only misses a role rule could fix")
    args = ap.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} not found")
        return 0
    for name in args.sets.split(","):
        {"gva": gva, "plv": plv}[name.strip()](args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
