"""Event location: where the event named by a trigger happened, not every place the sentence names.

Candidates are every place-like phrase of the text: phrases a locative cue introduces ("clashes in Donetsk", "in the
southern city of Basra", "Garubula village", "the towns of A, B and C"), every recognised gazetteer name, and every
other capitalised name that is not a person, organisation, title, unit or demonym ("the perimeter of Jabal Thardeh",
"an attack on Azaz", "Richards Bay"). Names the gazetteer lacks come back with text only.

Which candidate, if any, is the event's place is learned, in two steps (weights in data/locate_weights.json, fitted by
training/geo_locate_train.py on the Halterman 2019 sentences; word lists in data/locate_words.tsv):
1. rank: a logistic scorer over binary cues of each (trigger, candidate) pair: the preposition before the place, the
   words between it and the trigger (a reporting verb, a relative or subordinate clause, another verb, commas, a
   sentence end), direction and word distance, how many candidates stand nearer, whether the place is the trigger's
   object or passive subject, a list it belongs to, its gazetteer kind and how specific it is next to the other
   candidates (a village "in" a province, the neighbourhood "of" a city, a building in a town), the dateline, a
   demonym of its country in the text (the actors' country), whether it is named twice, the trigger word. The
   best-scoring candidate is the answer, if any.
2. accept: a second logistic model says whether that best candidate is right, from its rank score, its margin over
   the runner-up, the number of candidates and its cues. Below the shipped threshold the answer is None: a place is
   never guessed. The threshold is chosen by cross-validation inside the training data only.
Hand-written scoring code rather than scikit-learn at run time: two dict look-up sums per candidate keep an event
well under 0.1 ms. A sentence's words, candidates and their trigger-independent cues are computed once and shared by
its events.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from flashpoint.geo.gazetteer import ADM1, ADM2, CONT, PCLI, PPLC, RGN, SEA, Gazetteer, Place, fold, load
from flashpoint.geo.parse import _NEVER, Mention, recognise, resolve
from flashpoint.records import Location

__all__ = ["Candidate", "accept_features", "candidates", "decide", "event_candidates", "features",
           "locate_event", "SentencePlaces", "scored", "to_location"]


@cache
def _lexicon() -> dict[str, frozenset[str]]:
    """Word lists of data/locate_words.tsv (name TAB space-separated words; a name may span several lines)."""
    from flashpoint import tsv

    out: dict[str, set[str]] = {}
    for name, words in tsv.rows("flashpoint.geo", "data/locate_words.tsv"):
        out.setdefault(name, set()).update(words.split())
    return {k: frozenset(v) for k, v in out.items()}


_L = _lexicon()
_PREP = _L["prep"]  # words that introduce where something is
_STRONG_PREP = _L["strong_prep"]  # ... unambiguously ("into", "over" also introduce other things)
_BRIDGE = _L["bridge"]  # may stand between the preposition and the name: "in the southern city of"
_PLACE_NOUNS = _L["place_noun"]  # "Garubula village", "Tahrir Square"
_OF_NOUNS = _L["of_noun"]  # "the West Bank city of Nablus", "the towns of Khan Touman"
_TITLES = _L["title"]  # a name starting with these is a person or a body, not a place
_CONNECT = _L["connect"]  # lower-case words inside a name: "Bandar Seri Begawan", "Dar es Salaam"
_FUNCTION = _L["function"]  # words kept as themselves in cues; other words become CAP / w
_ACTOR_NEXT = _L["actor_next"]  # "Iraq's forces", "Kabul police": a place used as an actor
_SAY = _L["say"]
_BE = _L["be"]
_CAP_STOP = _L["cap_stop"]  # capitalised words that do not start a place name (openers, religions ...)
_RUN_STOP = frozenset(fold(w) for w in _L["run_stop"])  # months, days, titles: a name ends before them
_EVENT_NOUNS = _L["event_noun"]  # "the battle of X", "an attack on X": X is where that happened
_NAME_END = _L["name_end"]  # "IV Corps", "Paris Peace Accords": the name of a unit or an agreement, not a place
_FACILITY = _L["facility"]  # a building or site: the town it stands in is the place
_SITE = _L["site"]  # last words of a named site or feature: "Ho Chi Minh Trail", "Aleppo Thermal Power Plant"
_DETERMINERS = _L["determiner"]  # skipped when looking for the trigger's object
_DATE_WORDS = frozenset(w.lower() for w in _L["date"])  # "on Monday", "in March": a dated, reported event
_SUBJECT_GAP = _L["subject_gap"] | _BE
# one letter per word class, so that the words between a trigger and a place are tested with `in` on a string slice
_CLASS = {**{w: "c" for w in _L["conjunction"]}, **{w: "e" for w in _BE}, **{w: "b" for w in _L["subordinate"]},
          **{w: "r" for w in _L["relative"]}, **{w: "s" for w in _SAY}}
_ADJECTIVE = re.compile(r"-(?:held|controlled|led|backed|based|born|linked|affiliated|allied|run|dominated|"
                        r"majority|occupied|style|made|owned|funded|speaking|era)$")  # "Serb-held"
_JOIN = frozenset({" ", "-", "  ", "   "})  # what may stand between the words of one name
_DIGIT = re.compile(r"\d")
_AGE = re.compile(r",\s*\d{1,3}\s*,")  # "Oleg Smirnov, 34,": a person
_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W\d_](?:[\w'’‐-]*\w)?|\d[\w,.]*")
_ARTICLE = re.compile(r"(?:al|el|ad|ar|as|ash|at|az|an|ul|ed|es|ez|en)[-‐'’][A-Z]")  # "al-Ghazl", "el-Arish"
_SENT_END = re.compile(r"[.!?][\"'”’)]?\s+[\"“'‘(]?[A-Z]")
_OBJECT_VERBS = re.compile(r"(?i)(?:captur|enter|storm|seiz|invad|overr|shell|bomb|attack|raid|target|hit|struck|"
                           r"strik|occup|liberat|recaptur|retak|took|take|besieg|encircl|surround|pound|reach|"
                           r"swept|sweep|rock|flood|devastat|destroy|visit|tour|patrol)")
# containment between neighbouring names: "Qabasin in northern Aleppo", "Lucciana, Corsica", "Bakassi village in
# Borno" (the later holds the earlier); "the Homs neighbourhood of Baba Amr", "Pakistan's largest city, Karachi"
# (the earlier holds the later)
_IN = re.compile(r"(?:\s+(?:" + "|".join(sorted(_PLACE_NOUNS, key=len, reverse=True)) + r")){0,2}"
                 r"\s*(?:,\s*(?:in\s+)?|\s(?:in|near|outside|of)\s+)(?:the\s+)?(?:[a-z-]+\s+){0,3}")
_OF = re.compile(r"(?:'s|’s)?\s+(?:[a-z-]+\s+){0,4}(?:of\s+(?:the\s+)?)|(?:'s|’s)\s+(?:[a-z-]+\s+){0,4}[a-z-]+"
                 r"(?:,\s*|\s+)")
_SPEC = {PCLI: 3, ADM1: 2, ADM2: 1, CONT: 4, RGN: 4, SEA: 4}  # how large a place is: 0 city, 4 region
_POSS = ("'s", "’s")


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    text: str
    place: Place | None
    strong: bool  # introduced by an unambiguous locative preposition or followed by a place noun
    i: int = 0  # first word (index into the sentence's words)
    j: int = 0  # one past the last word
    tags: set[str] = field(default_factory=set)  # how it was found: cue, weakcue, known, cap
    prep: str = "<s>"  # the preposition before it (its list's, for "A, B and C")
    static: list[str] = field(default_factory=list)  # its trigger-independent cues
    paired: dict[str, list[str]] = field(default_factory=dict)  # the same, joined with a direction ("A|kind=PPL")
    memo: list = field(default_factory=list)  # the shared entry these come from, with their summed weights


@dataclass(slots=True)
class _Words:
    """A text's words with what the rules ask of each, computed once."""

    text: str
    w: list[str]
    low: Sequence[str]
    s: list[int]  # start offsets
    e: list[int]  # end offsets
    cap: Sequence[bool]  # capitalised (or "al-Ghazl")
    stop: Sequence[bool]  # a month, weekday or title: a name ends before it
    cls: str  # one letter per word: s say, r relative, b subordinate, c conjunction, e be, v another verb, . other


_WORD_INFO: dict[str, tuple[str, bool, bool, str]] = {}


def _info(x: str) -> tuple[str, bool, bool, str]:
    """(lower case, capitalised, name stop, class letter) of a word; cached, news repeats its words."""
    r = _WORD_INFO.get(x)
    if r is None:
        lw = x.lower()
        cap = x[0].isupper() or (x[0] in "aeu" and _ARTICLE.match(x) is not None)
        cls = _CLASS.get(lw) or ("v" if len(lw) > 4 and lw.endswith(("ed", "ing")) and x[0].islower()
                                 and lw not in _BRIDGE else ".")
        r = (lw, cap, cap and fold(x) in _RUN_STOP, cls)
        if len(_WORD_INFO) > 200_000:
            _WORD_INFO.clear()
        _WORD_INFO[x] = r
    return r


def _split(text: str) -> _Words:
    spans = [m.span() for m in _WORD.finditer(text)]
    w = [text[a:b] for a, b in spans]
    if not w:
        return _Words(text, [], [], [], [], [], [], "")
    low, cap, stop, cls = zip(*[_WORD_INFO.get(x) or _info(x) for x in w], strict=True)
    return _Words(text, w, low, [a for a, _ in spans], [b for _, b in spans], cap, stop, "".join(cls))


def _name_run(t: _Words, j: int, limit: int = 6) -> int:
    """End (exclusive, in words) of the capitalised name starting at word j, or j when none starts there. Geographic
    words continue a name ("Richards Bay", "Deir Ezzor Military Airport"); a month, weekday or title ends it ("Nablus
    Saturday")."""
    n, k = len(t.w), j
    if _ADJECTIVE.search(t.w[j]):
        return j  # "Serb-held": an adjective, not a name
    while k < n and k - j < limit:
        if (t.cap[k] and (k == j or not t.stop[k])) or (
                t.w[k] in _CONNECT and k > j and k + 1 < n and t.cap[k + 1]):
            k += 1
        else:
            break
        if k < n and t.text[t.e[k - 1]:t.s[k]] not in _JOIN:
            break
    while k > j and t.w[k - 1] in _CONNECT:
        k -= 1
    return k


def candidates(text: str, mentions: list[Mention] | None = None, g: Gazetteer | None = None,
               ws: _Words | None = None) -> list[Candidate]:
    """Place phrases `text` locates something in, with gazetteer entries where known; offsets into `text`."""
    g = g or load()
    if mentions is None:
        mentions = resolve(recognise(text, g), g)
    known = [m for m in mentions if not m.demonym]
    t = ws if isinstance(ws, _Words) else _split(text)
    w, low, n = t.w, t.low, len(t.w)
    out: dict[tuple[int, int], Candidate] = {}

    def place_in(start: int, end: int) -> Place | None:
        for m in known:
            if m.start >= start and m.end <= end:
                return m.place
        return None

    for i in [k for k, x in enumerate(low) if x in _PREP]:
        lw = low[i]
        j = i + 1
        while j < n and (w[j] in _BRIDGE or _ADJECTIVE.search(w[j])) and j - i <= 5:
            j += 1
        if j >= n or not t.cap[j]:
            continue
        k = _name_run(t, j)
        if k == j:
            continue
        # "in Iraq's northern Nineveh province", "in the south Baghdad neighbourhood of Al-Bayaa": the later name
        j, k = _narrow(t, j, k, g)
        start, end = t.s[j], t.e[k - 1]
        if _not_place(w[j], text[start:end], g):
            continue
        inside = [m for m in known if m.start >= start and m.end <= end]
        place = inside[0].place if inside else None
        if inside and inside[0].end - inside[0].start == end - start:
            start, end = inside[0].start, inside[0].end
        strong = lw in _STRONG_PREP or (k < n and low[k] in _PLACE_NOUNS)
        if not place and (lw not in _STRONG_PREP or (end - start <= 5 and text[start:end].isupper())):
            continue  # "to Smith", "on Capitol Hill", "at the BSF camp" -- unknown names need a clear locative
        out[(start, end)] = Candidate(start, end, text[start:end], place, strong)
    # "the towns of Khan Touman, Aleis and Alzorba": every listed name, with or without a preposition before
    for i in [k for k, x in enumerate(w[:n - 2]) if x in _OF_NOUNS]:
        if w[i + 1] != "of":
            continue
        j = i + 2
        while j < n:
            k = _name_run(t, j)
            if k == j:
                break
            start, end = t.s[j], t.e[k - 1]
            if not _not_place(w[j], text[start:end], g):
                out[(start, end)] = Candidate(start, end, text[start:end], place_in(start, end), True)
            if k < n and w[k] == "and" or text[end:end + 1] == ",":
                j = k + 1 if k < n and w[k] == "and" else k
                if j < n and w[j] == "and":
                    j += 1
                continue
            break
    # "Garubula village", "Helmand province" with no preposition before them
    for i in [k for k, x in enumerate(w) if k and x in _PLACE_NOUNS]:  # lower case: not "Islamic State"
        j = i
        while j > 0 and (w[j - 1][0].isupper() or w[j - 1] in _CONNECT) and i - j < 4:
            j -= 1
        while j < i and not w[j][0].isupper():
            j += 1
        if j == i or j == 0 and i - j == 1 and fold(w[j]) in _NEVER:
            continue
        start, end = t.s[j], t.e[i - 1]
        if _not_place(w[j], text[start:end], g):
            continue
        if any(c.start <= start < c.end or start <= c.start < end for c in out.values()):
            continue
        out[(start, end)] = Candidate(start, end, text[start:end], place_in(start, end), True)
    return sorted(out.values(), key=lambda c: c.start)


def _narrow(t: _Words, j: int, k: int, g: Gazetteer | None = None) -> tuple[int, int]:
    """Skip an owner or container before the place: "Iraq's northern Nineveh", "Pakistan's violent port city of
    Karachi", "the Iranian capital Tehran", "Baghdad neighbourhood of Al-Bayaa"."""
    w, n = t.w, len(t.w)
    for _ in range(2):
        m = k
        owner = w[k - 1].endswith(_POSS) or (g is not None and fold(t.text[t.s[j]:t.e[k - 1]]) in g.demonyms)
        if owner:
            place_word = False
            while m < n and m - k < 5 and not t.cap[m] and w[m] != "of" and t.text[t.e[m - 1]:t.s[m]] == " ":
                place_word |= w[m] in _PLACE_NOUNS or w[m] in _OF_NOUNS
                m += 1
            if not place_word and any(t.low[x] not in _BRIDGE for x in range(k, m)):
                m = k
            elif m < n and w[m] == "of":
                m += 1
        if m + 1 < n and w[m] in _OF_NOUNS and w[m + 1] == "of":
            m += 2
        if m == k or m >= n:
            break
        e = _name_run(t, m)
        if e == m:
            break
        j, k = m, e
    return j, k


_NOT_PLACE: dict[tuple[str, str], bool] = {}


def _not_place(first: str, phrase: str, g: Gazetteer) -> bool:
    """Titles, organisations, people, demonyms, dates, units and adjectives ("Serb-held") are not where something
    happened; nor is a name the gazetteer lacks that starts with a demonym ("Syrian Air Force"). Cached: news names
    the same things again and again."""
    r = _NOT_PLACE.get((first, phrase))
    if r is None:
        if len(_NOT_PLACE) > 50_000:
            _NOT_PLACE.clear()
        r = _NOT_PLACE[(first, phrase)] = _not_place_uncached(first, phrase, g)
    return r


def _not_place_uncached(first: str, phrase: str, g: Gazetteer) -> bool:
    bare = phrase.removesuffix("'s").removesuffix("’s")
    words = bare.split()
    if not words:
        return True
    f0 = fold(first.removesuffix("'s").removesuffix("’s"))
    if first in _TITLES or first in _CAP_STOP or f0 in _RUN_STOP or fold(bare) in g.demonyms or fold(bare) in _NEVER:
        return True
    from flashpoint.knowledge import ORG, PERSON, key
    from flashpoint.knowledge import load as load_kb

    e = load_kb().proper.get(key(bare))
    if e is not None and e.kind in (ORG, PERSON):
        return True
    if g.has(fold(bare)):
        return False
    return words[-1] in _NAME_END or bool(_ADJECTIVE.search(words[-1])) or (len(words) > 1 and f0 in g.demonyms)


def to_location(c: Candidate) -> Location:
    p = c.place
    if p is None:
        return Location(text=c.text, start=c.start, end=c.end)
    return Location(text=c.text, name=p.name, country=p.country, admin1=p.admin1 if p.feature != "PCLI" else None,
                    lat=p.lat, lon=p.lon, geonameid=p.geonameid, precision=p.precision, start=c.start, end=c.end)


# ---------------------------------------------------------------------------------------------------------------------
# One sentence, analysed once for all its events: words, candidates and their trigger-independent cues.


@dataclass(slots=True)
class _Sentence:
    text: str
    mentions: list[Mention]
    t: _Words
    ends: list[int]  # character offsets of sentence ends (for a paragraph given as one text)
    cands: list[Candidate]
    gist: tuple[str, ...] = ()  # cues of the whole text: a date, a number, a quotation, its length


def _bucket(n: int) -> str:
    return "0" if n <= 0 else "1" if n == 1 else "2" if n == 2 else "3-4" if n <= 4 else "5-8" if n <= 8 else (
        "9-16" if n <= 16 else "17+")


def _word_class(w: str) -> str:
    lw = w.lower()
    return lw if lw in _FUNCTION else "CAP" if w[:1].isupper() else "w"


def _analyse(text: str, mentions: list[Mention], g: Gazetteer) -> _Sentence:
    an = _Sentence(text, mentions, _split(text), [m.start() for m in _SENT_END.finditer(text)], [])
    an.gist = tuple(x for x, on in (("hasdate", not _DATE_WORDS.isdisjoint(an.t.low)),
                                    ("hasnum", _DIGIT.search(text) is not None),
                                    ("quote", '"' in text or "“" in text)) if on) + (
        f"len={_bucket(len(an.t.w) // 8)}",)
    an.cands = _sentence_candidates(an, g)
    _static(an, g)
    return an


def _sentence_candidates(an: _Sentence, g: Gazetteer) -> list[Candidate]:
    """Cued phrases (`candidates`), every recognised place name, and every other capitalised name that may be a place
    (not a person, organisation, title, demonym or acronym), merged where they overlap."""
    text, t, mentions = an.text, an.t, an.mentions
    w, low, n = t.w, t.low, len(t.w)
    out: list[Candidate] = []

    def add(c: Candidate, tag: str) -> None:
        for old in out:
            if old.start < c.end and c.start < old.end:
                old.tags.add(tag)
                if old.place is None and c.place is not None:
                    old.place = c.place
                return
        c.tags = {tag}
        out.append(c)

    for c in candidates(text, mentions, g, t):
        add(c, "cue" if c.strong else "weakcue")
    for m in mentions:
        if not m.demonym and m.place is not None:
            add(Candidate(m.start, m.end, m.text, m.place, False), "known")
    taken = [False] * n
    for c in out:
        for k in range(bisect_left(t.s, c.start), bisect_left(t.s, c.end)):
            taken[k] = True
    i = 0
    for i0 in [k for k, x in enumerate(t.cap) if x and not taken[k] and not t.stop[k] and w[k] not in _CAP_STOP]:
        if i0 < i:
            continue
        i = i0
        k = _name_run(t, i)
        if k == i:
            i += 1
            continue
        if any(taken[i:k]):
            k = i + taken[i:k].index(True)
            if k - i >= 2 and low[k - 1] == "of":  # "Straits of" + known "Malacca": one name
                nxt_c = next((c for c in out if c.start == t.s[k]), None)
                if nxt_c is not None:
                    nxt_c.start, nxt_c.text = t.s[i], text[t.s[i]:nxt_c.end]
                    i = k
                    continue
            while k > i and low[k - 1] in _CONNECT:
                k -= 1
            if k == i:
                i += 1
                continue
        if i > 0 and taken[i - 1] and text[t.e[i - 1]:t.s[i]] == " " and w[k - 1] in _SITE and (
                not w[i - 1].endswith(_POSS)):
            prev_c = next((c for c in out if c.end == t.e[i - 1]), None)
            if prev_c is not None:  # "Ho Chi Minh" + "Trail", "Aleppo" + "Thermal Power Plant": one name
                prev_c.end, prev_c.text = t.e[k - 1], text[prev_c.start:t.e[k - 1]]
                i = k
                continue
        start, end = t.s[i], t.e[k - 1]
        phrase = text[start:end]
        initial = i == 0 or text[t.e[i - 1]:start].strip()[-1:] in ('.', '"', '“', "-", "—", ":")
        nxt = low[k] if k < n else ""
        if not (_not_place(w[i], phrase, g) or (phrase.isupper() and len(phrase) <= 5) or (
                initial and nxt not in _PLACE_NOUNS)):
            bare = phrase.removesuffix("'s").removesuffix("’s")
            add(Candidate(start, start + len(bare), bare, None, False), "cap")
        i = k
    for c in out:
        c.i, c.j = bisect_left(t.s, c.start), bisect_left(t.s, c.end)
    out.sort(key=lambda c: c.start)
    return out


def _relation(between: str) -> str | None:
    """How two neighbouring place names relate: "in" (the later holds the earlier), "of" (the earlier holds the
    later), or None."""
    if _OF.fullmatch(between):
        return "of"
    if _IN.fullmatch(between):
        return "in"
    return None


def _kind(p: Place | None) -> str:
    if p is None:
        return "none"
    return p.feature if p.feature in (PCLI, ADM1, ADM2, CONT, RGN, SEA, PPLC) else "PPL"


# static cues that are also joined with the direction (before / after the trigger)
_PAIRED = ("kind=", "tags=", "next=", "spec=", "prep=")
_PAIRED_FLAGS = frozenset({"listed", "outer", "inner", "dateline", "bridged", "repeated", "actorcountry", "fronted",
                           "facility", "inrel"})


def _static(an: _Sentence, g: Gazetteer) -> None:
    """Each candidate's cues that do not depend on the trigger (`Candidate.static`, and `paired` by direction)."""
    from flashpoint.text.sentences import dateline_end

    text, t, cands = an.text, an.t, an.cands
    w, low, n = t.w, t.low, len(t.w)
    dl = dateline_end(text)
    demonym_countries = {g.place(g.demonyms[fold(m.text)]).country for m in an.mentions
                         if m.demonym and fold(m.text) in g.demonyms}
    keys = [fold(c.place.name) if c.place else fold(c.text) for c in cands]
    specs = [(_SPEC.get(c.place.feature, 0) if c.place else 0) for c in cands]
    lo_spec, hi_spec = (min(specs), max(specs)) if specs else (0, 0)
    links = [_relation(text[a.end:b.start]) if a.end <= b.start else None
             for a, b in zip(cands, cands[1:], strict=False)]
    for x, c in enumerate(cands):
        ci, ce = c.i, c.j
        prev = "<s>"
        if ci > 0:
            gap = text[t.e[ci - 1]:c.start].strip()
            if gap:
                g0 = gap[-1]
                prev = "<#>" if g0 == "#" else "<,>" if g0 == "," else "<(>" if g0 in "([" else (
                    '<">' if g0 in "\"“'‘" else "<->" if g0 in "-—–" else "<p>")
            else:
                prev = _word_class(w[ci - 1])
        p = ci - 1
        while p >= 0 and (low[p] in _BRIDGE or low[p].endswith(_POSS) or _ADJECTIVE.search(low[p])) and ci - p <= 6:
            p -= 1
        # inside a relative clause: "The army, which was founded in Cairo in 1952, arrested ..."
        q = ci - 1
        while q >= 0 and ci - q <= 8 and t.cls[q] != "r" and not text[t.e[q]:t.s[q + 1]].strip(" -'’"):
            q -= 1
        inrel = q >= 0 and t.cls[q] == "r" and ci - q <= 8
        prep = low[p] if p >= 0 else "<s>"
        if 0 <= p < n - 1 and text[t.e[p]:t.s[p + 1]].strip():
            prep = "<punct>"
        c.prep = prep if prep in _FUNCTION or prep.startswith("<") else "other"
        # a list: "in Qoryoley and Bul Marer", "the villages of A, B and C" -- members share the head's preposition
        listed = False
        if x > 0:
            between = text[cands[x - 1].end:c.start].strip()
            if between in (",", "and", "or", ", and", "&", "and the", ", and the", "/") and c.prep in (
                    "<punct>", "and", "or", "other", "the"):
                c.prep = cands[x - 1].prep
                listed = True
        ofn = None
        if c.prep == "of" and p >= 1:
            noun = low[p - 1]
            ofn = "place" if noun in _OF_NOUNS else "event" if noun in _EVENT_NOUNS else "other"
        nxt = low[ce] if ce < n else "</s>"
        tail = text[c.end:c.end + 2]
        if tail.startswith(_POSS):
            nk = "POSS-place" if ce < n and (nxt in _PLACE_NOUNS or nxt in _BRIDGE) else "POSS"
        elif tail[:1] == "," and _AGE.match(text, c.end):
            nk = "AGE"
        elif tail == ", " and x + 1 < len(cands) and cands[x + 1].start == c.end + 2:
            nk = "HIER"  # "Lucciana, Corsica"
        elif tail[:1] in ",;:.)\"(" and tail:
            nk = "punct" + tail[:1]
        elif nxt in _PLACE_NOUNS:
            nk = "PLACENOUN"
        elif nxt in _ACTOR_NEXT:
            nk = "ACTOR"
        elif nxt in _SAY:
            nk = "SAY"
        elif nxt in _BE:
            nk = "BE"
        elif nxt != "</s>" and w[ce][:1].isupper():
            nk = "CAP"
        else:
            nk = _word_class(nxt) if nxt != "</s>" else nxt
        kind = _kind(c.place)
        last = w[ce - 1] if ce > ci else ""
        # specificity: a village in a named province is where it happened, the province its container
        sp = specs[x]
        wider = lo_spec < sp
        narrower = hi_spec > sp
        rels = []
        if x > 0 and links[x - 1]:
            rels.append("outer" if links[x - 1] == "in" else "inner")
        if x + 1 < len(cands) and links[x]:
            rels.append("inner" if links[x] == "in" else "outer")
        atoms = (
            tuple(sorted(c.tags)), prev, c.prep, listed, ofn, p < ci - 1, p == 0 or ci == 0, nk, kind,
            last in _FACILITY or (nxt in _FACILITY and nk == "w"),
            min(7, max(2, len(str(c.place.population)))) if c.place is not None and kind == "PPL" else None,
            c.place is not None and ce - ci == 1 and fold(c.text) in g.common,
            "only" if len(cands) == 1 else "most" if not wider else "least" if not narrower else "mid",
            tuple(rels), c.place is not None and c.place.country in demonym_countries, keys.count(keys[x]) > 1,
            bool(dl and c.end <= dl), ci == 0, ce - ci > 1, c.text.isupper() or not c.text[:1].isupper(),
            min(len(cands), 5), inrel)
        memo = _STATIC_MEMO.get(atoms)
        if memo is None:
            if len(_STATIC_MEMO) > 100_000:
                _STATIC_MEMO.clear()
            memo = _STATIC_MEMO[atoms] = _static_cues(atoms)
        c.static, c.paired, c.memo = memo[0], memo[1], memo


# a cue list is built once per distinct combination of what it is made of, with its summed weights:
# [cues, {direction: paired cues}, model serial, {"" / "A" / "B" / "acceptA" / "acceptB": sum}] and
# [cues, model serial, rank sum, accept sum]. (The accept sums are reset with the rank sums: one model at a time.)
_STATIC_MEMO: dict[tuple, list] = {}
_PAIR_MEMO: dict[tuple, list] = {}


def _static_cues(atoms: tuple) -> list:
    (tags, prev, prep, listed, ofn, bridged, fronted, nk, kind, facility, pop, common, spec, rels, actor, repeated,
     dateline, initial, multiword, oddcase, ncands, inrel) = atoms
    combo = "+".join(tags)
    f = [f"tag={tag}" for tag in tags]
    f += [f"tags={combo}", f"prev={prev}"]
    if listed:
        f.append("listed")
    f.append(f"prep={prep}")
    if ofn:
        f.append(f"ofn={ofn}")
    if bridged:
        f.append("bridged")
    if fronted:
        f.append("fronted")  # "In Kabul, a bomb killed ...": the opening phrase sets the scene
    f += [f"next={nk}", f"kind={kind}"]
    if facility:
        f.append("facility")  # "Ershad Mosque in north Tehran": the town is the place annotators give
    if pop is not None:
        f.append(f"pop={pop}")
    if common:
        f.append("common")
    f += [f"prep={prep}|kind={kind}", f"prep={prep}|next={nk}", f"prep={prep}|tags={combo}",
          f"kind={kind}|tags={combo}", f"spec={spec}", *rels]
    if actor:
        f.append("actorcountry")  # "Iraqi police ... in Basra"
    if repeated:
        f.append("repeated")
    if dateline:
        f.append("dateline")
    if initial:
        f.append("initial")
    if multiword:
        f.append("multiword")
    if oddcase:
        f.append("oddcase")
    f.append(f"ncands={ncands}")
    if inrel:
        f.append("inrel")  # in a relative clause: about something else
    both = [s for s in f if s.startswith(_PAIRED) and "|" not in s or s in _PAIRED_FLAGS]
    return [f, {d: [f"{d}|{s}" for s in both] for d in "AB"}, 0, {}]


@dataclass(slots=True)
class SentencePlaces:
    """One sentence's resolved place names (resolved with its story as context by the places stage) and, once an
    event of it is located, its analysis: a sentence often has several triggers, and its words and candidates are
    the same for each. Travels on the story (`Story.stage_data["places"]`), never in a module cache, so that a
    sentence's places are always the ones resolved for its own story."""

    text: str
    mentions: list[Mention]
    analysis: _Sentence | None = None

    def analysed(self, g: Gazetteer) -> _Sentence:
        if self.analysis is None:
            self.analysis = _analyse(self.text, self.mentions, g)
        return self.analysis


# ---------------------------------------------------------------------------------------------------------------------
# The learned decision.


def _stem(w: str) -> str:
    w = w.lower()
    for suffix in ("ing", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            return w[: -len(suffix)]
    return w


def _trigger_cues(an: _Sentence, trigger_start: int, trigger_end: int, ti: int, te: int) -> dict[str, list[str]]:
    """The cues of the trigger alone, by direction: the same for every candidate on that side. They weigh in the
    accept step: "captured four gold medals", "shot a film" name no political event."""
    t = an.t
    obj = "</s>"
    for k in range(te, min(te + 4, len(t.w))):
        x = t.low[k]
        if x in _DETERMINERS or x[0].isdigit():
            continue
        obj = x if not t.w[k][0].isupper() else "CAP"
        break
    key = (_stem(an.text[trigger_start:trigger_end]), _word_class(t.w[te]) if te < len(t.w) else "</s>",
           _word_class(t.w[ti - 1]) if ti > 0 else "<s>", obj, an.gist)
    memo = _TRIG_MEMO.get(key)
    if memo is None:
        if len(_TRIG_MEMO) > 20_000:
            _TRIG_MEMO.clear()
            _TRIG_SUMS.clear()
        stem, tn, tp, obj, gist = key
        common = [f"trig={stem}", f"tnext={tn}", f"tprev={tp}", f"tobj={obj}", *gist]
        memo = _TRIG_MEMO[key] = {d: [*common, f"dir={d}", f"{d}|trig={stem}", f"{d}|tprev={tp}"] for d in "AB"}
    return memo


_TRIG_MEMO: dict[tuple, dict[str, list[str]]] = {}
_TRIG_SUMS: dict[tuple[int, int, str], float] = {}  # (id of a memoised cue list, model serial, "r"/"a") -> sum


def _sum(cues: list[str], w: dict[str, float], key: tuple[int, str]) -> float:
    """Summed weight of a memoised cue list (one look-up when seen before); key: (model serial, "r" or "a")."""
    k = (id(cues), *key)
    r = _TRIG_SUMS.get(k)
    if r is None:
        if len(_TRIG_SUMS) > 50_000:
            _TRIG_SUMS.clear()
        r = _TRIG_SUMS[k] = sum([w.get(x, 0.0) for x in cues])
    return r


def features(an: _Sentence, c: Candidate, trigger_start: int, trigger_end: int, ti: int, te: int, rank: int
             ) -> list[str]:
    """The cues of one (trigger, candidate) pair that depend on where the trigger is (the trigger's own cues, the
    candidate's static and direction-paired cues come apart). ti/te: the trigger's first word and one past its last;
    rank: how many candidates stand between the trigger and this one."""
    return _pair(an, c, trigger_start, trigger_end, ti, te, rank)[0]


def _pair(an: _Sentence, c: Candidate, trigger_start: int, trigger_end: int, ti: int, te: int, rank: int) -> list:
    text, t = an.text, an.t
    after = c.start >= trigger_end
    if after:
        d, lo, hi, clo, chi = "A", te, c.i, trigger_end, c.start
    else:
        d, lo, hi, clo, chi = "B", c.j, ti, c.end, trigger_start
    gap = hi - lo if hi > lo else 0
    between = text[clo:chi]
    cls = t.cls[lo:hi]
    commas = between.count(",")
    semi = ";" in between or ":" in between
    paren = "(" in between or ")" in between
    other = False
    for e in an.ends:
        if clo < e < chi:
            other = True  # a paragraph: the place is in another sentence
            break
    role = None  # the trigger's object or passive subject: "captured Kisangani", "Kisangani was captured"
    if after:
        if (gap == 0 or gap <= 3 and all(x in _BRIDGE for x in t.low[lo:hi])) and not (
                "," in between or semi or paren):
            role = _kind(c.place)
        objverb = _OBJECT_VERBS.match(text, trigger_start) is not None
        fronted = None
    else:
        if all(x in _SUBJECT_GAP for x in t.low[lo:hi]) and (not between.strip() or " " in between.strip()
                                                             or between.strip().isalpha()):
            role = "subject" if gap else "B|adjacent"
        objverb = False
        fronted = min(commas, 2) if "fronted" in c.static else None
    atoms = (d, _bucket(gap), min(rank, 3), min(commas, 3), c.prep, cls.count("v"), "s" in cls, "r" in cls,
             "b" in cls, "c" in cls, semi, paren, other, role, objverb, fronted,
             _word_class(t.w[te]) if te < len(t.w) else "</s>")
    memo = _PAIR_MEMO.get(atoms)
    if memo is None:
        if len(_PAIR_MEMO) > 100_000:
            _PAIR_MEMO.clear()
        memo = _PAIR_MEMO[atoms] = [_pair_cues(atoms), 0, 0.0, None]
    return memo


def _pair_cues(atoms: tuple) -> list[str]:
    d, gb, r, commas, prep, verbs, say, rel, sub, conj, semi, paren, other, role, objverb, fronted, tn = atoms
    clause = say or rel or sub or semi
    f = [f"{d}|gap={gb}", f"{d}|rank={r}", f"{d}|commas={commas}", f"{d}|prep={prep}|gap={gb}",
         f"{d}|prep={prep}|rank={r}", f"{d}|rank={r}|clause={clause}", f"{d}|verbs={min(verbs, 2)}",
         f"{d}|tnext={tn}|gap={gb}"]
    for flag, name in ((say, "say"), (rel, "rel"), (sub, "sub"), (conj, "conj"), (semi, "semi"), (paren, "paren")):
        if flag:
            f.append(f"{d}|{name}")
    if other:
        f.append("othersent")
    if role in ("subject", "B|adjacent"):
        f.append(role)
    elif role is not None:
        f += ["object", f"object|kind={role}"]
    if objverb:
        f.append(f"objverb|gap={gb}")
    if fronted is not None:
        f.append(f"fronted|prep={prep}|commas={fronted}")
    return f


def _event(text: str, trigger_start: int, trigger_end: int, mentions: list[Mention] | SentencePlaces | None
           ) -> tuple[dict[str, list[str]], list[tuple[Candidate, str, list]]]:
    """The trigger's cues by direction, and each candidate with its direction and pair cues (their shared memo
    entry: [cues, weights id, summed weight]), nearest first. `mentions`: the text's resolved place names, or its
    `SentencePlaces` (whose analysis is then made once for all its events); None: found here, the text alone."""
    g = load()
    if isinstance(mentions, SentencePlaces) and mentions.text == text:
        an = mentions.analysed(g)
    else:
        if mentions is None or isinstance(mentions, SentencePlaces):
            mentions = resolve(recognise(text, g), g)
        an = _analyse(text, mentions, g)
    ti, te = bisect_left(an.t.s, trigger_start), bisect_left(an.t.s, trigger_end)
    out = []
    r = 0
    for c in reversed(an.cands):
        if c.end <= trigger_start:
            out.append((c, "B", _pair(an, c, trigger_start, trigger_end, ti, te, r)))
            r += 1
    r = 0
    for c in an.cands:
        if c.start >= trigger_end:
            out.append((c, "A", _pair(an, c, trigger_start, trigger_end, ti, te, r)))
            r += 1
    return (_trigger_cues(an, trigger_start, trigger_end, ti, te) if out else {}), out


def event_candidates(text: str, trigger_start: int, trigger_end: int,
                     mentions: list[Mention] | SentencePlaces | None = None
                     ) -> list[tuple[Candidate, list[str], list[str]]]:
    """Every candidate place of the text for the event at the trigger, nearest first on each side (before the
    trigger, then after): (candidate, its trigger-independent cues, its cues for this trigger)."""
    trig, cands = _event(text, trigger_start, trigger_end, mentions)
    return [(c, c.static, c.paired[d] + trig[d] + f[0]) for c, d, f in cands]


_WEIGHTS = "data/locate_weights.json"


_SERIALS = itertools.count(1)


@dataclass(frozen=True, slots=True)
class _Model:
    rank: dict[str, float]
    rank_bias: float
    accept: dict[str, float]
    accept_bias: float
    threshold: float
    serial: int = field(default_factory=lambda: next(_SERIALS))  # names this model in the memoised weight sums


@cache
def _model() -> _Model:
    from importlib import resources

    d = json.loads(resources.files("flashpoint.geo").joinpath(_WEIGHTS).read_text(encoding="utf-8"))
    return _Model(d["rank"]["weights"], d["rank"]["bias"], d["accept"]["weights"], d["accept"]["bias"],
                  d["threshold"])


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def accept_features(best: float, second: float | None, n: int, fs: list[str]) -> list[tuple[str, float]]:
    """The accept step's cues: the best candidate's rank logit, its margin over the runner-up (capped), how many
    candidates there are, and the best candidate's own cues."""
    margin = min(best - second, 6.0) if second is not None else 6.0
    return [("score", best), ("margin", margin), (f"n={min(n, 5)}", 1.0), *((s, 1.0) for s in fs)]


def _ranked(text: str, trigger_start: int, trigger_end: int, mentions: list[Mention] | SentencePlaces | None,
            m: _Model
            ) -> tuple[dict[str, list[str]], list[tuple[float, Candidate, str, list]]]:
    """(trigger cues, [(rank logit, candidate, direction, pair memo)]), nearest first on each side. The weight sums
    are kept in the shared memo entries, so a cue list seen before costs one look-up."""
    w = m.rank
    wid = m.serial
    trig, cands = _event(text, trigger_start, trigger_end, mentions)
    if not cands:
        return trig, []
    tsum = {d: m.rank_bias + _sum(trig[d], w, (m.serial, "r")) for d in "AB"}
    out = []
    for c, d, pm in cands:
        sm = c.memo
        if sm[2] != wid:
            sm[2], sm[3] = wid, {"": sum([w.get(x, 0.0) for x in c.static])}
        b = sm[3].get(d)
        if b is None:
            b = sm[3][d] = sm[3][""] + sum([w.get(x, 0.0) for x in c.paired[d]])
        if pm[1] != wid:
            pm[1], pm[2], pm[3] = wid, sum([w.get(x, 0.0) for x in pm[0]]), None
        out.append((tsum[d] + b + pm[2], c, d, pm))
    return trig, out


def scored(text: str, trigger_start: int, trigger_end: int, mentions: list[Mention] | SentencePlaces | None = None,
           model: _Model | None = None) -> list[tuple[float, Candidate, list[str]]]:
    """Every candidate place of the text with its rank probability and its cues, nearest first on each side."""
    m = model or _model()
    trig, ranked = _ranked(text, trigger_start, trigger_end, mentions, m)
    return [(_sigmoid(z), c, c.static + c.paired[d] + trig[d] + pm[0]) for z, c, d, pm in ranked]


def _logit(p: float) -> float:
    return math.log(max(p, 1e-12) / max(1.0 - p, 1e-12))


def decide(ranked: list[tuple[float, Candidate, list[str]]], model: _Model | None = None
           ) -> tuple[float, Candidate | None]:
    """The best of `scored`'s candidates (ties: the first, i.e. the nearer) and the accept step's probability that it
    is where the event happened."""
    if not ranked:
        return 0.0, None
    m = model or _model()
    order = sorted(range(len(ranked)), key=lambda i: -ranked[i][0])
    second = _logit(ranked[order[1]][0]) if len(order) > 1 else None
    xs = accept_features(_logit(ranked[order[0]][0]), second, len(ranked), ranked[order[0]][2])
    a = m.accept
    return _sigmoid(m.accept_bias + sum(a.get(k, 0.0) * v for k, v in xs)), ranked[order[0]][1]


def _accepted(text: str, trigger_start: int, trigger_end: int, mentions: list[Mention] | SentencePlaces | None,
              m: _Model
              ) -> tuple[float, Candidate | None]:
    """`decide(scored(...))` without building the cue lists: the accept step's weight sums are memoised like the
    rank step's."""
    trig, ranked = _ranked(text, trigger_start, trigger_end, mentions, m)
    if not ranked:
        return 0.0, None
    order = sorted(range(len(ranked)), key=lambda i: -ranked[i][0])
    z, c, d, pm = ranked[order[0]]
    best = _logit(_sigmoid(z))  # as `decide` sees it
    second = _logit(_sigmoid(ranked[order[1]][0])) if len(order) > 1 else None
    a = m.accept
    sm = c.memo[3]
    key = "accept" + d
    s_static = sm.get(key)
    if s_static is None:
        s_static = sm[key] = sum([a.get(x, 0.0) for x in c.static]) + sum([a.get(x, 0.0) for x in c.paired[d]])
    if pm[3] is None:
        pm[3] = sum([a.get(x, 0.0) for x in pm[0]])
    head = accept_features(best, second, len(ranked), [])
    za = m.accept_bias + sum([a.get(k, 0.0) * v for k, v in head]) + s_static + pm[3] + _sum(
        trig[d], a, (m.serial, "a"))
    return _sigmoid(za), c


def locate_event(text: str, trigger_start: int, trigger_end: int,
                 mentions: list[Mention] | SentencePlaces | None = None) -> Location | None:
    """Where the event at text[trigger_start:trigger_end] happened, or None."""
    m = _model()
    p, c = _accepted(text, trigger_start, trigger_end, mentions, m)
    return to_location(c) if c is not None and p >= m.threshold else None
