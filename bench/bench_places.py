"""Geoparsing accuracy on GeoWebNews (../shared/data/geo/GWN.xml, Gritta et al. 2019): 200 news articles.

Gold toponyms: every annotated toponym with a GeoNames id (2,401; the set the paper's evaluation uses: literal and
metonymic places, modifiers such as "Russian" in "Russian troops", embedded names). Two runs:
- resolution: the gold spans are given (`geoparse(story, toponyms)`); acc@161km = resolved within 161 km of the gold
  coordinates (an unresolved span counts as wrong); also mean error distance and exact GeoNames-id matches;
- end to end: our recogniser's spans vs the gold spans (exact, and overlapping) -> P/R/F1; acc@161km over matched
  spans. "lenient P" also counts as right a span overlapping any annotated place (with coordinates) that lacks an id.
"acc@161km or id" also counts a resolution with the gold GeoNames id as right: our country and continent centres come
from other sources than GeoNames' and can lie over 161 km from GeoNames' point for the same entity (the United States:
~230 km). Articles count as local US news when most of their gold places lie in the contiguous United States.

Run: PYTHONPATH=src python bench/bench_places.py [--errors N] [--speed]
"""

from __future__ import annotations

import argparse
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "geo" / "GWN.xml"

def _load() -> list[dict]:
    root = ET.parse(DATA).getroot()
    arts = []
    for a in root.iter("article"):
        gold, other = [], []
        for t in a.iter("toponym"):
            lat = t.findtext("latitude")
            start, end = int(t.findtext("start")), int(t.findtext("end"))
            if t.findtext("geonamesID"):
                gold.append((start, end, float(lat), float(t.findtext("longitude")), int(t.findtext("geonamesID"))))
            elif lat:
                other.append((start, end))
        arts.append({"id": a.get("file"), "text": a.findtext("text"), "link": a.findtext("link") or "",
                     "gold": sorted(gold), "other": other})
    return arts


def _kind(art: dict) -> str:
    """'local' when most of the article's gold places lie in the contiguous United States, else 'international'."""
    inside = sum(24 <= lat <= 50 and -125 <= lon <= -66 for _, _, lat, lon, _ in art["gold"])
    return "local" if inside * 2 > len(art["gold"]) else "international"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", type=int, default=0, help="print this many resolution errors")
    ap.add_argument("--fp", type=int, default=0, help="print this many false-positive spans")
    ap.add_argument("--fn", type=int, default=0, help="print this many missed spans")
    args = ap.parse_args()
    if not DATA.exists():
        print("skipped: ../shared/data not found")
        return 0
    from flashpoint.geo import geoparse
    from flashpoint.geo.gazetteer import distance_km, load
    from flashpoint.records import Story

    t0 = time.perf_counter()
    load()
    print(f"gazetteer load: {time.perf_counter() - t0:.2f} s")
    arts = _load()

    # resolution with gold spans
    res = {"all": [0, 0], "local": [0, 0], "international": [0, 0]}
    res_id = {"all": 0, "local": 0, "international": 0}
    ids_ok = 0
    dists: list[float] = []
    errors = []
    t0 = time.perf_counter()
    for a in arts:
        story = Story(id=a["id"], text=a["text"])
        rows = geoparse(story, [(s, e) for s, e, *_ in a["gold"]])
        by_span = {(r["start"], r["end"]): r for r in rows}
        for s, e, lat, lon, gid in a["gold"]:
            r = by_span.get((s, e))
            ok = False
            if r and r["lat"] is not None:
                d = distance_km(lat, lon, r["lat"], r["lon"])
                dists.append(d)
                ok = d <= 161
                ids_ok += r["geonameid"] == gid
            else:
                dists.append(20_000.0)
            same = bool(r and r["geonameid"] == gid)
            for k in ("all", _kind(a)):
                res[k][0] += ok
                res[k][1] += 1
                res_id[k] += ok or same
            if not ok:
                errors.append((a["text"][s:e], r and (r["name"], r["country"], r["admin1"]), (lat, lon),
                               a["text"][max(0, s - 60):e + 40].replace("\n", " ")))
    t_res = time.perf_counter() - t0
    dists.sort()
    print(f"resolution (gold spans, n={res['all'][1]}): acc@161km {res['all'][0] / res['all'][1]:.3f}  "
          f"local {res['local'][0] / max(1, res['local'][1]):.3f} (n={res['local'][1]})  "
          f"international {res['international'][0] / max(1, res['international'][1]):.3f} "
          f"(n={res['international'][1]})  exact id {ids_ok / res['all'][1]:.3f}  "
          f"median error {dists[len(dists) // 2]:.0f} km  ({t_res:.2f} s)")
    print("  acc@161km or id: " + "  ".join(f"{k} {res_id[k] / max(1, res[k][1]):.3f}" for k in res_id))

    # end to end
    tp = fp = fn = tp_ov = 0
    lenient_fp = 0
    acc_ok = acc_n = 0
    fps, fns = [], []
    t0 = time.perf_counter()
    for a in arts:
        story = Story(id=a["id"], text=a["text"])
        rows = geoparse(story)
        pred = {(r["start"], r["end"]): r for r in rows}
        gold = {(s, e): (lat, lon) for s, e, lat, lon, _ in a["gold"]}
        for span, r in pred.items():
            if span in gold:
                tp += 1
                acc_n += 1
                if r["lat"] is not None and distance_km(*gold[span], r["lat"], r["lon"]) <= 161:
                    acc_ok += 1
            else:
                fp += 1
                over_gold = any(s < span[1] and span[0] < e for s, e in gold)
                over_other = any(s < span[1] and span[0] < e for s, e in a["other"])
                tp_ov += over_gold
                if not (over_gold or over_other):
                    lenient_fp += 1
                    fps.append((r["text"], r["name"], a["text"][max(0, span[0] - 50):span[1] + 30].replace("\n", " ")))
        for span in gold:
            if span not in pred:
                fn += 1
                context = a["text"][max(0, span[0] - 50):span[1] + 30].replace("\n", " ")
                fns.append((a["text"][span[0]:span[1]], context))
    t_e2e = time.perf_counter() - t0
    p = tp / max(1, tp + fp)
    r = tp / max(1, tp + fn)
    f = 2 * p * r / max(1e-9, p + r)
    print(f"end to end: P {p:.3f} R {r:.3f} F1 {f:.3f} (exact spans; tp={tp} fp={fp} fn={fn}); "
          f"lenient P {(tp + fp - lenient_fp) / max(1, tp + fp):.3f}; acc@161km on matched {acc_ok / max(1, acc_n):.3f}"
          f"; {sum(len(a['text']) for a in arts) / t_e2e / 1e3:.0f}k chars/s")
    for e in errors[: args.errors]:
        print("ERR", e)
    for e in fps[: args.fp]:
        print("FP ", e)
    for e in fns[: args.fn]:
        print("FN ", e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
