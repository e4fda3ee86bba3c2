"""Toponym recognition and resolution.

Recognition: at each capitalised token, the longest run of up to six tokens whose folded form the gazetteer (or its
demonym list) knows is a candidate; it is kept or dropped by its surroundings: a month or title is never a place; a
name inside a longer capitalised name ("Jordan" in "Michael Jordan", "Aurora" in "Aurora Health") counts only when it
is a country, first-level division, continent or a city of a million; a place name that is also a frequent English
word ("Police", "Mobile", "Reading") or a village of a few hundred people needs a locative preposition before it or
the admin hierarchy after it ("Paris, Texas").

Resolution: each candidate entry scores its population (log scale), its kind (countries and divisions first, capitals
before other cities), the admin hierarchy written after it ("Alexandria, Louisiana" picks the Alexandria in
Louisiana), and the story's other places (a story that names Texas and Houston reads "Paris" as Paris, Texas). The
story's places are resolved twice: first alone, then with the countries and divisions of the confident first-pass
places as context.

Hand-written rather than a trained model: the dev set is 200 articles, and these rules are the ones geoparsers have
long used (population prior, spatial minimality, hierarchy); a model would need the data we keep for testing.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from flashpoint import tsv
from flashpoint.geo.gazetteer import ADM1, ADM2, CONT, LMK, PCLI, PPLC, RGN, SEA, Gazetteer, Place, fold, load

__all__ = ["Mention", "recognise", "resolve", "parse"]

_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W\d_](?:[\w'’‐-]*\w)?")
_W = tsv.lists("flashpoint.geo", "data/parse_words.tsv")  # the word lists below (knowledge, kept as data)
_CONNECT = frozenset(_W["connect"])
_LOCATIVE = frozenset(_W["locative"])
# Capitalised words that precede a place without being part of its name.
_TITLES = frozenset(_W["titles"])  # "Mr", "Governor": a person follows, not a place
_MODIFIERS = frozenset(_W["modifiers"]) | _TITLES
_NEVER = frozenset(fold(w) for w in _W["time"] + _W["never"])


@cache
def _story_word_lists() -> dict[str, frozenset[str]]:
    """The lists of data/story_words.tsv, folded."""
    from flashpoint import tsv

    out: dict[str, set[str]] = {}
    for name, word in tsv.rows("flashpoint.geo", "data/story_words.tsv"):
        out.setdefault(name, set()).add(fold(word))
    return {k: frozenset(v) for k, v in out.items()}


@cache
def _first_names() -> frozenset[str]:
    """People's first names (knowledge/first_names.tsv), as written."""
    return frozenset(tsv.words("flashpoint.knowledge", "first_names.tsv"))


def _story_words(name: str) -> frozenset[str]:
    return _story_word_lists()[name]


# Months and weekdays end a name: "in Tulsa Thursday evening", "in Pontiac March 18" are Tulsa and Pontiac.
_TIME_WORDS = frozenset(fold(w) for w in _W["time"])
# A compass word alone is a part of the place named next ("Southwest Memphis", "North Philadelphia"), not the
# Cameroonian region of that name; and a city's own sides and ends ("the East End", "the city's West Side") are
# neighbourhoods of the story's city, not the places of those names elsewhere.
_COMPASS = _story_words("compass")
_DIRECTIONS = _story_words("direction")
_CITY_PARTS = _story_words("city_part")
# Words after a place name that make the name an organisation's ("Richmond Police", "the Duluth Police Department"):
# the place is still named, and in local news it is where the story happened.
# A name before these is a street's ("Washington Street", "East Broadway Ave"), and after "block of" one too.
_STREET_WORDS = _story_words("street")
_BLOCK_OF = re.compile(r"(?i)\bblock of (?:(?:north|south|east|west|[nsew]\.?)\s+)?$")
# "a Toledo boy", "one Cleveland mother", "the Pittsburgh police": a place name as where people live or serve.
_RESIDENTS = _story_words("resident")
_ARTICLES = _story_words("article")
# First words of place names ("Lake Chad", "Fort Worth"): the word after them is not a person's surname.
_NAME_HEADS = _story_words("name_head")
_LOCAL_ORG = _story_words("local_org")
_SITE_END = _story_words("site_end")
_KIN = _story_words("kin")
_ROAD = _story_words("road_end")
_SAINT = frozenset({"st", "saint", "ste", "sainte"})
# A place inside a longer capitalised name counts only when it is one of these (or a city of a million); a landmark
# (news_names.tsv) needs no locative cue either.
_STRONG = frozenset({PCLI, ADM1, CONT, RGN, SEA, LMK})
_FEATURE_BONUS = {PCLI: 4.0, CONT: 3.5, RGN: 3.5, SEA: 3.0, ADM1: 1.5, ADM2: 0.3, PPLC: 2.5, LMK: 3.0}
_PREFER = 5.0  # a news-usage preference outweighs about 100x the population
_ALT_PENALTY = 1.5
_ALT_YIELD = 3.0  # more, where a town of `_OWN_NAME_POP` bears the name as its own
_OWN_NAME_POP = 20_000
_COUNTRY_CONTEXT = 4.0  # times the share of the story's other confident places in the candidate's country
_ADMIN_CONTEXT = 3.0  # another confident place in the candidate's first-level division
_COVER = 2.0  # the division holding the most names of the story
_COVER_RANGE = 4.0  # ... counted over each name's candidates this close to its best
_COVER_TIE = 0.5  # divisions holding as many names: the one whose entries are larger by this much (summed priors)
_EMBED_MIN_POP = 1_000_000
_PROMINENT_POP = 200_000  # a city this large ...
_DWARF = 30  # ... and this many times larger than the namesake the story's context favours keeps the name
_SMALL_POP = 1_000
_OWNER_POP = 100_000
_FORENAME_POP = 20_000  # a town larger than this named like a first name ("Orlando", "Cheyenne") stays a town


@dataclass(slots=True)
class Mention:
    """A recognised place name, with its candidate rows (resolved: `place`)."""

    start: int
    end: int
    text: str
    rows: list[int]  # candidate rows (primary-name rows >= 0, alternative-name rows as -(row + 1))
    demonym: bool = False
    cue: bool = False  # a locative preposition stands before it
    parent: Mention | None = None  # the mention after ", " that may be its admin parent
    after: str = ""  # the next word, lower case ("New York state")
    place: Place | None = None
    score: float = 0.0
    why: str = ""  # why `recognise` set it aside ("surname", "forename": a word of a person's name), if it did


def _tokens(text: str) -> list[re.Match]:
    return list(_TOKEN.finditer(text))


def _first_words(g: Gazetteer) -> frozenset[str]:
    fw = getattr(_first_words, "cache", None)
    if fw is None:
        fw = frozenset(k.split(" ", 1)[0] for k in (*g.index, *g.extra, *g.demonyms))
        fw = fw | {a for a, full in g.abbrevs.items() if full in fw}  # "Mt. Vernon"
        _first_words.cache = fw  # type: ignore[attr-defined]
    return fw


_NEXT_WORD = re.compile(r"\s*([\w'’]+)")
_POSSESSIVE = ("'s", "’s")
_INITIAL_BEFORE = re.compile(r"\b([A-Z])\.[ ]?$")  # the "W. " of "W. Va."


def _after(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text, end)
    return m.group(1).lower().replace("’", "'") if m else ""


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘(":
        i -= 1
    return i < 0 or text[i] in ".!?\n:;—–-|"


def _best_pop(g: Gazetteer, rows: list[int]) -> tuple[int, bool]:
    """Largest population among the candidates, and whether any is a strong kind (country, division ...)."""
    pop, strong = 0, False
    for r in rows:
        p = g.place(r if r >= 0 else -r - 1)
        if r >= 0 or p.population >= 100_000:
            pop = max(pop, p.population)
        if p.feature in _STRONG and r >= 0:
            strong = True
    return pop, strong


def recognise(text: str, g: Gazetteer | None = None, dropped: list[Mention] | None = None) -> list[Mention]:
    """Place names in `text`, with candidate gazetteer rows; offsets into `text`. `dropped`, when given, collects
    the names set aside only for want of a cue (a frequent English word, a small village, a name inside a longer
    name): the story may show elsewhere that they are places ("Houston police" where the story also says "in
    Houston")."""
    g = g or load()
    first = _first_words(g)
    toks = _tokens(text)
    n = len(toks)
    out: list[Mention] = []
    i = 0
    while i < n:
        t = toks[i]
        w = t.group()
        if w in g.us_postal and out and out[-1].end == t.start() - 2 and text[out[-1].end:t.start()] == ", ":
            out.append(Mention(t.start(), t.end(), w, [g.us_postal[w]]))  # "Richmond, VA"
            i += 1
            continue
        if not w[0].isupper() or fold(w) not in first and not (w.endswith(_POSSESSIVE) and fold(w[:-2]) in first):
            i += 1
            continue
        found = None
        for j in range(min(n, i + 6), i, -1):
            last = toks[j - 1].group()
            if not last[0].isupper():
                continue
            if any(not toks[k].group()[0].isupper() and toks[k].group() not in _CONNECT for k in range(i + 1, j - 1)):
                continue
            gap_ok = all(text[toks[k].end():toks[k + 1].start()] in (" ", "-") or (
                text[toks[k].end():toks[k + 1].start()] == ". " and fold(toks[k].group()) in g.abbrevs)
                for k in range(i, j - 1))  # "St. Louis"
            if not gap_ok:
                continue
            start, end = t.start(), toks[j - 1].end()
            key = fold(text[start:end])
            if key in _NEVER or key in _CITY_PARTS:
                continue
            if key in g.demonyms:  # "Canadian" is Canada's adjective before it is a town in Texas
                found = (j, key, True, end)
                break
            if g.has(key):
                found = (j, key, False, end)
                break
            if last.endswith(_POSSESSIVE) and g.has(fold(text[start:end - 2])) and _owner(g, fold(text[start:end - 2])):
                found = (j, fold(text[start:end - 2]), False, end - 2)  # "Chicago's Park Manor": Chicago
                break
        if found is None:
            i += 1
            continue
        j, key, dem, end = found
        start = t.start()
        if j < n and fold(toks[j].group()) in _STREET_WORDS and text[end:toks[j].start()] == " " or (
                _BLOCK_OF.search(text, max(0, start - 24), start)):
            i = j  # "the 500 block of Washington Street", "the 1900 block of Dover": a street
            continue
        if " " in key and key.rsplit(" ", 1)[1] in _ROAD and not any(
                r >= 0 and g.place(r).feature == LMK for r in g.rows(key)):
            i = j  # "Second Street", "Church Street": a street, not the village of that name abroad
            continue
        if key.split(" ", 1)[0] in _SAINT and j < n and fold(toks[j].group()) in _SITE_END and (
                text[end:toks[j].start()] == " "):
            i = j  # "St. Bernard hospital", "St. Mary's Medical Center": a saint's hospital or church, no town
            continue
        if j == i + 1 and key in _DIRECTIONS and j < n and toks[j].group()[:1].isupper() and (
                text[end:toks[j].start()] == " "):
            i += 1  # "Southwest Memphis": Memphis, seen next
            continue
        if end < len(text) and text[end] == "." and (key in g.ap_keys or "." in text[start:end].replace(". ", " ")):
            end += 1  # "Va.", "D.C.", "U.S."
        elif key in g.ap_keys:
            i = j
            continue
        if key in g.ap_keys and (initial := _INITIAL_BEFORE.search(text, max(0, start - 3), start)) is not None and (
                fold(initial.group(1)) + key in g.ap_keys):
            key, start = fold(initial.group(1)) + key, initial.start()  # "W.Va.", "W. Va.": not "Va."
        rows = [g.demonyms[key]] if dem else g.rows(key)
        head, _, rest = key.partition(" ")
        if not dem and head in _COMPASS and rest and all(r < 0 for r in rows) and g.has(rest):
            rows = [r for r in g.rows(rest) if r >= 0] or rows  # "North Philadelphia": Philadelphia, not Amman
        m = Mention(start, end, text[start:end], rows, demonym=dem, after=_after(text, end))
        if not dem and _site_named(text, toks, j) and any(r >= 0 and g.place(r).feature == PCLI for r in rows):
            if dropped is not None:  # "the Bermuda Sands Motel", "Macedonia Garden Apartments": a business named
                dropped.append(m)  # after a country; a place only where the story names it so elsewhere
            i = j  # ("Palestine Regional Medical Center" in a story of Palestine, Texas)
            continue
        if _keep(text, toks, i, j, m, key, g):
            out.append(m)
        elif dropped is not None and not dem:
            dropped.append(m)
        i = j
    for a, b in zip(out, out[1:], strict=False):
        gap = text[a.end:b.start]
        if gap.strip() == "," and not b.demonym:
            a.parent = b
    return out


def _keep(text: str, toks: list[re.Match], i: int, j: int, m: Mention, key: str, g: Gazetteer) -> bool:
    prev = toks[i - 1].group() if i > 0 else ""
    adjacent_prev = i > 0 and text[toks[i - 1].end():toks[i].start()] in (" ", "-")
    adjacent_next = j < len(toks) and text[toks[j - 1].end():toks[j].start()] in (" ", "-") and (
        m.end == toks[j - 1].end())  # "Miami's Overtown": the city owns the next name, it is no part of it
    nxt = toks[j].group() if j < len(toks) else ""
    owned = prev.endswith(_POSSESSIVE)  # "Overtown" of "Miami's Overtown": a part of the city, no person's name
    initial = _sentence_initial(text, m.start)
    m.cue = prev.lower() in _LOCATIVE and not prev[0].isupper() or prev in _MODIFIERS and prev not in _TITLES
    hierarchy = text[m.end:m.end + 2] == ", " and j < len(toks) and nxt[:1].isupper()
    if m.demonym:
        pop, strong = 10**7, True
    else:
        pop, strong = _best_pop(g, m.rows)
    if m.text.isupper() and len(m.text) <= 3 and not strong:
        return False
    if j < len(toks) and m.end < toks[j - 1].end() and fold(toks[j].group()) in _KIN and not strong:
        m.why = "surname"  # "Princeton's mom", "Davis's wife": a person's
        return False
    nxt_key = fold(nxt)
    org = adjacent_next and (nxt_key in _LOCAL_ORG or nxt in _RESIDENTS and prev.lower() in _ARTICLES) and (
        not m.demonym and pop >= _SMALL_POP and any(
            g.place(r).feature.startswith("PPL") or g.place(r).feature == ADM2 for r in m.rows if r >= 0))
    embedded = (adjacent_prev and prev[:1].isupper() and prev not in _MODIFIERS and not initial) or (
        adjacent_next and nxt[:1].isupper() and nxt not in _MODIFIERS and nxt_key not in _TIME_WORDS and not org)
    if embedded and not (strong or pop >= _EMBED_MIN_POP):
        if adjacent_prev and prev[:1].isupper() and prev not in _MODIFIERS and not initial and (
                prev.lower() not in _NAME_HEADS and not (adjacent_next and nxt[:1].isupper())) and not owned:
            m.why = "surname"  # "Brenda Bassett"
        elif adjacent_next and nxt[:1].isupper() and not (adjacent_prev and prev[:1].isupper() and not initial) and (
                m.text in _first_names() and pop < _FORENAME_POP and not _capital_after(text, toks, j)):
            m.why = "forename"  # "Marcus Lewis", "Riley Spitler": "Marcus" alone is the boy too
        return False
    if adjacent_prev and prev[:1].isupper() and prev not in _MODIFIERS and not initial and not m.demonym and (
            fold(prev) not in g.demonyms and _best_pop(g, g.rows(fold(prev)))[0] < 100_000):
        m.why = "surname" if prev.lower() not in _NAME_HEADS and not strong and not owned else ""
        return False  # "Michael Jordan", "Lake Chad": a name's second word
    if m.demonym:
        return True
    if hierarchy and _in_region_after(text, m, g):
        return True  # "Hope, Ark., police ...": a town of that name in the state written after it
    common = g.common.get(key, 0.0) if " " not in key else 0.0
    if common and not strong:
        if (initial and not org) or not (m.cue or hierarchy or org):
            return False
        if common >= 4.5 and pop < 100_000:
            return False
    if initial and common >= 4.0 and not m.cue and not org:
        return strong and pop >= 1_000_000
    return strong or pop >= _SMALL_POP or m.cue or hierarchy


_REGION_AFTER = re.compile(r",[ ]([A-Z][\w.]*(?:[ ][A-Z][\w.]*){0,2})")


def _in_region_after(text: str, m: Mention, g: Gazetteer) -> bool:
    """Whether the country or first-level division written after the name (", Ark.", ", New Mexico", ", TX") holds
    one of the name's places: then a frequent word ("Hope", "Mobile") or a village is that place, wherever it stands."""
    after = _REGION_AFTER.match(text, m.end)
    if after is None:
        return False
    words = after.group(1).split()
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[:n])
        key = fold(phrase)
        if key in g.ap_keys and not phrase.endswith("."):
            continue  # "Ark" without its dot is a word
        regions = [g.place(r) for r in g.rows(key) if r >= 0 and g.place(r).feature in (ADM1, PCLI)]
        if n == 1 and phrase.rstrip(".") in g.us_postal:
            regions.append(g.place(g.us_postal[phrase.rstrip(".")]))
        if regions:
            return any(_contains(q, g.place(r)) for q in regions for r in m.rows if r >= 0)
    return False


def _site_named(text: str, toks: list[re.Match], j: int) -> bool:
    """Whether the capitalised words right after toks[j - 1] end a site's name within three words ("Sands Motel",
    "Sands motel", "Garden Apartments", "Palace Restaurant")."""
    for k in range(j, min(j + 3, len(toks))):
        if text[toks[k - 1].end():toks[k].start()] != " ":
            return False
        if fold(toks[k].group()) in _SITE_END:
            return k > j or toks[k].group()[:1].isupper()  # "the Bermuda Sands motel" too
        if not toks[k].group()[:1].isupper():
            return False
    return False


def _owner(g: Gazetteer, key: str) -> bool:
    """Whether a name before a possessive is a place's: a country, a division or a city of `_OWNER_POP` ("Chicago's
    Park Manor", "America's allies"); a smaller town's name so written is mostly a person's or a shop's ("Perry's
    Palace Liquor Store")."""
    pop, strong = _best_pop(g, g.rows(key))
    return strong or pop >= _OWNER_POP


def _capital_after(text: str, toks: list[re.Match], j: int) -> bool:
    """Whether the word after toks[j] is capitalised and next to it: "Orlando Regional Medical" names a hospital,
    "Marcus Lewis, 13" a person."""
    return j + 1 < len(toks) and toks[j + 1].group()[:1].isupper() and (
        text[toks[j].end():toks[j + 1].start()] in (" ", "-"))


def _prior(g: Gazetteer, r: int) -> tuple[float, Place]:
    alt = r < 0
    p = g.place(-r - 1 if alt else r)
    pop = p.population or (10_000_000 if p.feature in (RGN, SEA, CONT) else 0)
    s = math.log10(max(pop, 1_000)) + _FEATURE_BONUS.get(p.feature, 0.0)
    if p.feature == ADM1 and not p.population:
        s += 1.5  # a division the sources give no population: about a 300k city
    if alt:
        s -= _ALT_PENALTY
    return s, p


def _primary_first(g: Gazetteer, rows: list[int]) -> list[tuple[float, Place]]:
    """The candidates' priors; an entry known by the name only as another name yields to a town of some size that
    bears it as its own: "Philadelphia" is the American city before Amman's ancient name, "Salisbury" a town
    before Harare's colonial one, "Canton" Ohio's before Guangzhou's old European name."""
    cands = [_prior(g, r) for r in rows]
    if any(r < 0 for r in rows) and any(r >= 0 and p.population >= _OWN_NAME_POP and p.feature.startswith("PPL")
                                        for r, (_, p) in zip(rows, cands, strict=True)):
        cands = [(s - _ALT_YIELD if r < 0 else s, p) for r, (s, p) in zip(rows, cands, strict=True)]
    return cands


def _homonyms(cands: list[tuple[float, Place]]) -> list[tuple[float, Place]]:
    """A division named after its city ("Moscow", "Mexico City" state, "Paris" department) yields to the city: news
    means the city. Same for a US state named like a capital ("Washington")."""
    cities = [p for _, p in cands if p.feature.startswith("PPL") and p.population >= 100_000]
    if not cities:
        return cands
    names = {fold(p.name) for p in cities}
    capital = any(p.feature == PPLC for p in cities)
    out = []
    for s, p in cands:
        if p.feature in (ADM1, ADM2) and fold(p.name) in names and (
                capital or any(c.country == p.country for c in cities)):
            s -= 3.0
        out.append((s, p))
    return out


def _usage(g: Gazetteer, m: Mention, cands: list[tuple[float, Place]]) -> list[tuple[float, Place]]:
    """News usage (`news_names.tsv`): "New York" alone is the city, whatever the state's population."""
    rule = g.prefer.get(fold(m.text))
    if rule is None or m.after in rule[2]:
        return cands
    entry, country, _ = rule
    return [(s + _PREFER if fold(p.name) == entry and p.country == country else s, p) for s, p in cands]


def _contains(parent: Place, child: Place) -> bool:
    if parent.feature == PCLI:
        return child.country == parent.country and child.row != parent.row
    if parent.feature in (ADM1, ADM2):
        return child.country == parent.country and child.admin1 is not None and (
            fold(child.admin1) == fold(parent.admin1 or parent.name)) and child.row != parent.row
    return False


def resolve(mentions: list[Mention], g: Gazetteer | None = None,
            prior: tuple[Counter, Counter] | None = None, evidence: list[Mention] | None = None) -> list[Mention]:
    """Pick each mention's gazetteer entry using population, kind, admin hierarchy and the other mentions.
    `prior`: votes from outside the mentions (countries, (country, folded admin1) pairs), e.g. a story's dateline;
    `evidence`: names that are not resolved themselves but tell the region ("Charleston" in "Charleston Area Medical
    Center")."""
    g = g or load()
    cands: list[list[tuple[float, Place]]] = [_usage(g, m, _homonyms(_primary_first(g, m.rows)))
                                              for m in mentions]
    position = {id(m): k for k, m in enumerate(mentions)}
    placed: set[int] = set()  # mentions the admin hierarchy written after them placed ("Paris, Texas")
    # hierarchy: "Alexandria, Louisiana" -- the child takes candidates inside the parent, the parent is confirmed
    for k, m in enumerate(mentions):
        parent = m.parent
        if parent is None or id(parent) not in position:
            continue
        pcands = [p for _, p in cands[position[id(parent)]]]
        if not pcands and parent.text.rstrip(".") in g.us_postal:
            pcands = [g.place(g.us_postal[parent.text.rstrip(".")])]
        boosted = []
        for s, p in cands[k]:
            if any(_contains(pp, p) for pp in pcands):
                s += 6.0
                placed.add(id(m))
            boosted.append((s, p))
        cands[k] = boosted
    # the division that holds most of the story's names ("Princeton", "Mercer County", "Charleston": West Virginia)
    cover: dict[tuple[str, str], dict[str, float]] = {}  # division -> {name: its best candidate's prior there}
    counties: dict[tuple[str, str], bool] = {}
    extra = [(m, [_prior(g, r) for r in m.rows]) for m in evidence or ()]
    for m, c in [*zip(mentions, cands, strict=True), *extra]:
        if m.demonym or not c:
            continue
        top = max(s for s, _ in c)
        for s, p in c:
            if s >= top - _COVER_RANGE and p.country and p.feature not in (PCLI, CONT, RGN, SEA):
                a = (p.country, fold(p.admin1 or p.name))
                names = cover.setdefault(a, {})
                names[fold(m.text)] = max(names.get(fold(m.text), 0.0), s)
                counties[a] = counties.get(a, False) or p.feature == ADM2
    ranked = sorted(((len(v), sum(v.values()), k) for k, v in cover.items()), reverse=True)
    if ranked and (ranked[0][0] >= 3 or ranked[0][0] == 2 and counties[ranked[0][2]]) and (
            len(ranked) == 1 or ranked[1][0] < ranked[0][0] or ranked[1][1] < ranked[0][1] - _COVER_TIE):
        best_admin = ranked[0][2]
        cands = [[(s + _COVER if p.country == best_admin[0] and p.feature not in (PCLI, CONT, RGN, SEA)
                   and fold(p.admin1 or p.name) == best_admin[1] else s, p) for s, p in c] for c in cands]
    # first pass: context from confident mentions (each mention's own vote is left out when it is scored)
    countries: Counter = Counter()
    admins: Counter = Counter()
    votes: list[tuple[str | None, tuple[str, str] | None]] = []
    local_names: dict[tuple[str, str], set[str]] = {}  # division -> its counties and towns the story names
    for mention, c in zip(mentions, cands, strict=True):
        vote: tuple[str | None, tuple[str, str] | None] = (None, None)
        if c:
            c.sort(key=lambda sp: -sp[0])
            best = c[0]
            margin = best[0] - c[1][0] if len(c) > 1 else 9.0
            if margin >= 1.0 and best[1].country:
                adm = ((best[1].country, fold(best[1].admin1)) if best[1].admin1 and best[1].feature not in (
                    PCLI, CONT) else None)
                vote = (best[1].country, adm)
                countries[best[1].country] += 1
                if adm:
                    admins[adm] += 1
                    if best[1].feature == ADM2 or best[1].feature.startswith("PPL") and (
                            _SMALL_POP <= best[1].population < _PROMINENT_POP):
                        local_names.setdefault(adm, set()).add(fold(mention.text))
        votes.append(vote)
    if prior is not None:
        countries.update(prior[0])
        admins.update(prior[1])
    total = sum(countries.values())
    # a name's repeats are one name: "Belgrade" four times in a Montana story does not vote for Serbia three times
    same: dict[str, list[int]] = {}
    for k, m in enumerate(mentions):
        same.setdefault(fold(m.text), []).append(k)
    for k, m in enumerate(mentions):
        own_c_votes: Counter = Counter()
        own_a_votes: Counter = Counter()
        for j in same[fold(m.text)]:
            if votes[j][0] is not None:
                own_c_votes[votes[j][0]] += 1
            if votes[j][1] is not None:
                own_a_votes[votes[j][1]] += 1
        n = total - sum(own_c_votes.values())
        best_s, best_p = -1e9, None
        for s, p in cands[k]:
            if p.country and n > 0:
                s += _COUNTRY_CONTEXT * (countries[p.country] - own_c_votes[p.country]) / n
                if p.admin1 and p.feature != PCLI:
                    a = (p.country, fold(p.admin1))
                    if admins[a] - own_a_votes[a] > 0:
                        s += _ADMIN_CONTEXT
            if s > best_s:
                best_s, best_p = s, p
        if best_p is not None and id(m) not in placed and best_p.admin1:
            a = (best_p.country or "", fold(best_p.admin1))
            if not (local_names.get(a, set()) - {fold(m.text)}) and not (prior and prior[1][a] > 0):
                best_p = _prominent(g, m.rows, best_p)
        m.place, m.score = best_p, best_s
    return mentions


def _prominent(g: Gazetteer, rows: list[int], best: Place) -> Place:
    """A large city named without its state is that city unless the story shows it is about the small namesake's
    area: "San Diego" beside "Dallas" and "Texas" is not a Texan village, "Columbus" beside a surname that passes for
    a Nebraskan village not the town in Nebraska; "Dallas" beside "Paulding County" is Dallas, Georgia. `resolve`
    calls it when no hierarchy ("San Diego, Texas"), no dateline or call sign and no county or town of the small
    one's state supports it. Namesakes abroad are left to the story's country votes."""
    if not best.feature.startswith("PPL"):
        return best
    own = [g.place(r) for r in rows if r >= 0]  # by its own name: not Harare for "Salisbury"
    big = max((p for p in own if p.feature.startswith("PPL") and p.population >= _PROMINENT_POP
               and p.country == best.country),
              key=lambda p: p.population, default=None)
    if big is None or big.population < _DWARF * max(best.population, 1):
        return best
    return big


def parse(text: str, g: Gazetteer | None = None) -> list[Mention]:
    g = g or load()
    return resolve(recognise(text, g), g)


def mentions_for_spans(text: str, spans: list[tuple[int, int]], g: Gazetteer | None = None) -> list[Mention]:
    """Mentions for caller-given toponym spans: every span is resolved, known or not (unknown: no candidates).

    A span the index lacks is tried as a demonym, then without a leading "the", then by its longest known part."""
    g = g or load()
    out: list[Mention] = []
    for start, end in sorted(spans):
        surface = text[start:end]
        key = fold(surface)
        if key.startswith("the "):
            key = key[4:]
        if key in g.demonyms:  # as in `recognise`: "Canadian" is Canada's adjective before a town in Texas
            out.append(Mention(start, end, surface, [g.demonyms[key]], demonym=True, after=_after(text, end)))
            continue
        rows = g.rows(key)
        if not rows:
            words = key.split(" ")
            for n in range(len(words) - 1, 0, -1):
                for s in range(0, len(words) - n + 1):
                    sub = " ".join(words[s:s + n])
                    if sub in _NEVER:
                        continue
                    rows = g.rows(sub) or ([g.demonyms[sub]] if sub in g.demonyms else [])
                    if rows:
                        break
                if rows:
                    break
        out.append(Mention(start, end, surface, rows, after=_after(text, end)))
    for a, b in zip(out, out[1:], strict=False):
        if text[a.end:b.start].strip() == ",":
            a.parent = b
    return out
