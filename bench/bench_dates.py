"""Time-expression benchmark on TimeBank (TimeML): span and value P/R/F1 of `flashpoint.extract.dates`, and speed.

Run:  cd /work/main && PYTHONPATH=src .venv/bin/python bench/bench_dates.py [--errors 30] [--list]

Scoring (printed with the results):
* Gold: TIMEX3 of type DATE, and TIME reduced to its date ("1998-02-12T12:00" -> "1998-02-12", "1991-02-16TNI" ->
  "1991-02-16"), inside <TEXT>; the document creation time is only the publication date, never gold.
* Gold with value PRESENT_REF / PAST_REF / FUTURE_REF ("now", "recently", "the future") is EXCLUDED: it is not in the
  gold count, and a prediction overlapping it is not scored either way.
* Durations are not dates (find_times drops them; it returns unanchored expressions with value None). A prediction
  overlapping gold DURATION/SET is not scored when its value is None, and is a false positive when it has a value.
* Matching: one-to-one, a prediction matches the unmatched gold it overlaps most. Span P/R/F1 count matches.
* Value: a match is correct when the values are equal, an "X" in the gold value matching any character (gold
  "1989-WXX" = the annotator left the week open). Value precision divides by predictions that carry a value (None
  claims nothing); the strict figure divides by all scored predictions. Value recall divides by gold.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "time" / "TimeBank"
REFS = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}


@dataclass
class Gold:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Doc:
    name: str
    dct: dt.date
    text: str
    timexes: list[Gold]


_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path) -> Doc:
    """Plain <TEXT> with TIMEX3 spans as offsets into it (tags stripped, entities unescaped)."""
    raw = path.read_bytes().decode("utf-8", errors="replace")
    dct_match = re.search(r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>', raw)
    assert dct_match, path
    dct = dt.date.fromisoformat(dict(_ATTR.findall(dct_match.group()))["value"][:10])
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    parts: list[str] = []
    length = 0
    open_timex: list[tuple[int, dict[str, str]]] = []
    golds: list[Gold] = []
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1):
            start, attrs = open_timex.pop()
            golds.append(Gold(start, length, "", attrs.get("type", ""), attrs.get("value", "")))
        else:
            open_timex.append((length, dict(_ATTR.findall(m.group(3)))))
    parts.append(html.unescape(body[pos:]))
    text = "".join(parts)
    for g in golds:
        g.text = text[g.start:g.end]
    return Doc(path.stem, dct, text, sorted(golds, key=lambda g: g.start))


_ABBREV = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr", "mrs", "ms",
           "dr", "gen", "sen", "rep", "gov", "st", "co", "corp", "inc", "ltd", "no", "lt", "col", "sgt", "capt", "adm",
           "jr", "sr", "prof", "rev", "vs", "u.s", "u.n", "a.m", "p.m", "mon", "tue", "tues", "wed", "thu", "thur",
           "thurs", "fri", "sat", "sun", "ft", "mt", "gens", "reps", "sens", "messrs", "d", "r"}
_SPLIT = re.compile(r"(?<=[.!?])['\"”’]*\s+(?=['\"“‘(]*[A-Z0-9])|\n+")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: the pipeline's splitter when present, else a small rule splitter (end punctuation + space +
    capital, unless after a known abbreviation)."""
    try:
        from flashpoint.text.sentences import split_sentences
    except ImportError:
        pass
    else:
        return [(s, e) for s, e in split_sentences(text) if text[s:e].strip()]
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SPLIT.finditer(text):
        if "\n" not in m.group():
            word = re.search(r"([A-Za-z.]+)\.['\"”’]*$", text[max(0, m.start() - 12):m.start()])
            if word and word.group(1).lower().rstrip(".") in _ABBREV:
                continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def match_values(gold: str, pred: str | None) -> bool:
    if pred is None or len(gold) != len(pred):
        return False
    return all(g == p or g == "X" for g, p in zip(gold, pred, strict=True))


def gold_value(g: Gold) -> str:
    v = g.value
    if g.type == "TIME":
        v = v.split("T")[0]
    return v


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", type=int, default=25, help="how many of the most common value errors to print")
    ap.add_argument("--list", action="store_true", help="print every error with its sentence (development)")
    args = ap.parse_args()
    if not DATA.is_dir():
        print("skipped: ../shared/data not found")
        return 0
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from flashpoint.extract.dates import DateStage, find_times
    from flashpoint.records import Sentence, Story

    find_times("Monday", dt.date(2000, 1, 1))  # load the lexicon and compile the rules before timing
    try:
        import flashpoint.text.sentences  # noqa: F401
        splitter = "sentences split by flashpoint.text.sentences"
    except ImportError:
        splitter = "sentences split by the bench's own splitter"
    docs = [read_tml(p) for p in sorted(DATA.glob("*.tml")) if not p.name.startswith("._")]
    stage = DateStage()
    n_gold = n_pred = n_pred_valued = n_match = n_value = 0
    n_ref = n_ignored = 0
    errors: Counter[str] = Counter()
    listing: list[str] = []
    elapsed = 0.0
    n_sent = 0
    plain: list[str] = []  # sentences with no gold timex and no prediction, for the speed figure
    for doc in docs:
        spans = sentences(doc.text)
        story = Story(id=doc.name, text=doc.text, date=doc.dct.isoformat(),
                      sentences=[Sentence(text=doc.text[s:e], index=i, start=s) for i, (s, e) in enumerate(spans)])
        t0 = time.perf_counter()
        stage(story)
        elapsed += time.perf_counter() - t0
        n_sent += len(story.sentences)
        preds = [(s.start + t.start, s.start + t.end, t) for s in story.sentences for t in s.times]
        golds = [g for g in doc.timexes if g.type in ("DATE", "TIME") and g.value not in REFS]
        refs = [g for g in doc.timexes if g.value in REFS]
        durs = [g for g in doc.timexes if g.type in ("DURATION", "SET")]
        n_ref += len(refs)
        n_gold += len(golds)
        for s in story.sentences:
            if not s.times and not any(s.start <= g.start < s.start + len(s.text) for g in doc.timexes):
                plain.append(s.text)

        def overlaps(a0: int, a1: int, g: Gold) -> int:
            return max(0, min(a1, g.end) - max(a0, g.start))

        used: set[int] = set()
        for p0, p1, te in preds:
            cands = [(overlaps(p0, p1, g), i) for i, g in enumerate(golds) if i not in used and overlaps(p0, p1, g)]
            if not cands:
                if any(overlaps(p0, p1, g) for g in refs) or (
                        te.value is None and any(overlaps(p0, p1, g) for g in durs)):
                    n_ignored += 1
                    continue
                n_pred += 1
                n_pred_valued += te.value is not None
                if te.value is not None:
                    errors[f"false positive: {shape(te.text)}"] += 1
                    listing.append(f"FP   {doc.name} {doc.dct} pred {te.text!r}={te.value} | "
                                   f"{context(doc.text, p0, p1)}")
                continue
            n_pred += 1
            n_pred_valued += te.value is not None
            i = max(cands)[1]
            used.add(i)
            g = golds[i]
            n_match += 1
            gv = gold_value(g)
            if match_values(gv, te.value):
                n_value += 1
            else:
                errors[f"wrong value: {shape(g.text)} ({kind(gv)} vs {kind(te.value)})"] += 1
                listing.append(f"VAL  {doc.name} {doc.dct} gold {g.text!r}={gv} pred {te.text!r}={te.value} | "
                               f"{context(doc.text, g.start, g.end)}")
        for i, g in enumerate(golds):
            if i not in used:
                errors[f"missed: {shape(g.text)} ({kind(gold_value(g))})"] += 1
                listing.append(f"MISS {doc.name} {doc.dct} gold {g.text!r}={gold_value(g)} | "
                               f"{context(doc.text, g.start, g.end)}")

    def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    sp, sr, sf = prf(n_match, n_pred, n_gold)
    vp, vr, vf = prf(n_value, n_pred_valued, n_gold)
    vps, _, vfs = prf(n_value, n_pred, n_gold)
    print("TimeBank time expressions (flashpoint.extract.dates)")
    print("scoring: gold = TIMEX3 DATE + TIME (reduced to the date) in TEXT, DCT excluded; PRESENT/PAST/FUTURE_REF")
    print("         gold excluded (and predictions overlapping it ignored); predictions with value None overlapping")
    print("         DURATION/SET ignored; overlap match; gold 'X' matches any character; value P over predictions")
    print("         with a value (strict: over all scored predictions)")
    print(f"{'documents':<28}{len(docs):>8}")
    print(f"{'gold (DATE/TIME, no REF)':<28}{n_gold:>8}   (REF gold excluded: {n_ref})")
    print(f"{'predicted (scored)':<28}{n_pred:>8}   (with a value: {n_pred_valued}; ignored: {n_ignored})")
    print(f"{'':<28}{'P':>8}{'R':>8}{'F1':>8}")
    print(f"{'span (overlap)':<28}{sp:>8.3f}{sr:>8.3f}{sf:>8.3f}")
    print(f"{'value':<28}{vp:>8.3f}{vr:>8.3f}{vf:>8.3f}")
    print(f"{'value (strict P)':<28}{vps:>8.3f}{vr:>8.3f}{vfs:>8.3f}")
    print(f"\nspeed: {n_sent} sentences ({splitter}),")
    print(f"       {elapsed / n_sent * 1e6:.1f} us/sentence (DateStage, all sentences)")
    pub = dt.date(1998, 2, 6)
    reps = max(1, 20000 // max(1, len(plain)))
    t0 = time.perf_counter()
    for _ in range(reps):
        for s in plain:
            find_times(s, pub)
    per = (time.perf_counter() - t0) / (reps * max(1, len(plain)))
    print(f"       {len(plain)} sentences without dates: {per * 1e6:.1f} us/sentence")
    print(f"\nmost common value errors (top {args.errors}):")
    for key, n in errors.most_common(args.errors):
        print(f"{n:>5}  {key}")
    if args.list:
        print()
        print("\n".join(sorted(listing)))
    return 0


def shape(text: str) -> str:
    """An error key: the expression with digits folded, lower-case."""
    return re.sub(r"\d", "9", " ".join(text.lower().split()))


def kind(value: str | None) -> str:
    if value is None:
        return "None"
    return re.sub(r"\d", "9", value)


def context(text: str, start: int, end: int) -> str:
    s = text[max(0, start - 80):start] + "[[" + text[start:end] + "]]" + text[end:end + 50]
    return " ".join(s.split())


if __name__ == "__main__":
    raise SystemExit(main())
