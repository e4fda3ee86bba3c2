"""A story's places as a whole: its dateline, the country and divisions it is about, names that only the whole story
shows to be places, and the place its events happen when their own clause names none.

News tells where once and then stops saying it: "HAMPTON, Va. (WAVY) — A woman died Thursday after ..." names the city
in the dateline only; "Richmond police say ..." names it as the police force's; the third sentence's "in the 3400
block of West Elm Street" needs the story's city to be found on a map. So the places stage reads the story at once:

1. Each sentence's names are recognised (`parse.recognise`); a name set aside there only for want of a cue (a
   frequent English word such as "Houston", a name inside a longer name) is taken back when the story names it as a
   place elsewhere, or in its dateline (one sense per discourse).
2. The dateline ("DAYTON, Ohio (AP) —", "BEIRUT, March 3 (Reuters) -", "TULSA --", "Felton, MN (WDAY TV) -") is read
   as a place and its region ("Ohio", "Va.", "MN"), and resolved first: its country and state weigh as votes when
   every other name of the story is resolved, so "Lancaster" in a Pennsylvania story is Lancaster, Pennsylvania.
3. All the story's names are resolved together (`parse.resolve`) with those votes.

`StoryPlaces` keeps the result for the later stages: each sentence's `SentencePlaces` (for `locate`), the dateline's
place, and `resolve_name` for a place phrase `locate` found that no gazetteer name covered ("Tulsa" in a clause the
recogniser skipped), resolved with the same story context. The incident place (what an event whose clause names no
place takes) is chosen by the link stage, which knows the events.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache

from flashpoint import tsv
from flashpoint.geo.gazetteer import ADM1, ADM2, PCLI, Gazetteer, Place, fold, load
from flashpoint.geo.locate import SentencePlaces
from flashpoint.geo.parse import (
    _CITY_PARTS,
    _COMPASS,
    _NAME_HEADS,
    _NEVER,
    Mention,
    _prior,
    _story_words,
    recognise,
    resolve,
)

__all__ = ["Dateline", "StoryPlaces", "call_sign_states", "find_dateline", "read_story", "street_like", "text_votes"]

# A dateline at the start of a sentence: CITY[, Region][ (Agency)][ —], or "(CITY[, Region]) —" as some wires print
# it. An all-capitals city needs one of the three after it; a city written in title case needs a region and an agency
# or a dash ("Felton, MN (WDAY TV) -").
_DATELINE = re.compile(
    r"""(?P<open>\()?(?P<city>[A-Z][A-Z.'’\-]+(?:[ ][A-Z][A-Z.'’\-]+){0,3}|[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2})
        (?:[ ]*,[ ]*(?P<region>[A-Z][A-Za-z.]*(?:[ ][A-Z][A-Za-z.]*){0,2})(?P<day>[ ]\d{1,2})?)?
        (?(open)\))[ ]*(?P<agency>\([^()\n]{1,40}\))?
        [ ]*(?P<dash>--?|–|—|-|:)?
        (?=\s*[A-Z"“‘'(]|\s*$)""",
    re.X,
)
_NOT_DATELINE = _story_words("not_dateline")
_MONTHS = _story_words("month")
_TOWNSHIP = re.compile(r"(?i)[ ]+(?:twp\.?|township|boro\.?|borough|village|city)$")
_POSSESSIVE = re.compile(r"['’]s?\b|['’](?=\s)")
_DATELINE_SENTENCES = 8  # a dateline stands after the headline, a photo caption or a copyright line, not later
# What mostly American local news writes: a broadcaster's call sign in a dateline ("(WTHR)"), a sheriff, an address
# block ("the 3400 block of"), a city's "Police Department", the words of its courts, its roads, its time zones. They
# make the United States a vote for the story's names ("Toledo", "Birmingham", "Panama City"), as a dateline's country
# would: one vote per kind of sign, three at most.
_US_SIGNS = (re.compile(r"\((?:[KW][A-Z]{2,3})(?:[- ]?(?:TV|FM|AM|DT|\d+))?(?:/[A-Za-z]+)?\)"),
             re.compile(r"(?i)\bsheriff(?:'s|’s)?\b"),
             re.compile(r"\b\d+ block of\b|\bunit block of\b"),
             re.compile(r"\bPolice Department\b|\bPD\b|\bpolice department\b"),
             re.compile(r"\bCounty (?:Coroner|Prosecutor|District Attorney|Sheriff|Jail|Commission)|\bcoroner\b"),
             re.compile(r"(?i)\b(?:felony|misdemeanor|grand jury|district attorney|arraign(?:ed|ment)|"
                        r"medical examiner|prosecutor's office|prosecutor’s office)\b"),
             re.compile(r"\b(?:Interstate|I-\d+|U\.S\. (?:Highway|Route)|Highway \d+|Route \d+)\b|\bmph\b"),
             re.compile(r"\bBuy Photo\b|\(Photo: |\bPosted:? |\bEDT\b|\bEST\b|\bCDT\b|\bCST\b|\bPDT\b"))
_US_VOTES = 3  # at most; one per kind of sign
# American usage that wire copy about other countries seldom shows: an emergency call to 911, a police rank with its
# dot before a name ("Lt. Sean Edwards"), state troopers and police chiefs, a clock time with dotted "p.m.", the
# American "neighborhood". Votes for the United States in resolving the story's names ("Chelsea", "Panama City",
# "Boston" beside "Dorchester"), one per kind and within `_US_VOTES` with the signs above; not signs of local news.
_US_USAGE = (re.compile(r"\b911\b"),
             re.compile(r"\b(?:Lt|Sgt|Det|Capt|Cpl|Ofc|Dep)\.[ ][A-Z]"),
             re.compile(r"(?i)\bstate troopers?\b|\bstate police\b|\bhighway patrol\b|\bpolice chief\b"),
             re.compile(r"\b\d{1,2}(?::\d\d)?[ ]?[ap]\.m\."),
             re.compile(r"\bneighborhoods?\b"))
# A broadcaster's call sign anywhere in the story ("Police told WVTM 13 News", "Copyright 2017 WBRC", "(WATE)"): the
# station's market (call_signs.tsv) is the state the story is about, a vote for its division as a dateline's state is.
_CALL_SIGN = re.compile(r"\b([KW][A-Z]{2,3})(-(?:TV|DT|HD|CD|LD|FM|AM)\d*)?\b")
_CAPS_WORD = re.compile(r"[A-Z][A-Z'’.\-]+")
_CALL_SIGN_VOTES = 2
_CALL_SIGN_HOME = 1  # what it counts for the state the story is about (`StoryPlaces.home`)
_CALL_SIGN_LINES = 60  # the copyright line closes the story

# What makes a phrase a street, a block, a building or a part of a city: it is in the story's city.
_STREET_END = _story_words("street_end")
_SITE_END = _story_words("site_end")


@dataclass(slots=True)
class Dateline:
    sentence: int  # index of the sentence it opens
    city: Mention | None  # the dateline's place name (resolved after `read_story`)
    region: Mention | None  # its state, province or country, when written ("Va.", "Ohio", "Kenya")
    end: int  # where the dateline ends in the sentence
    city_text: str = ""  # the dateline's place as written, resolved or not ("TYRONE" of "TYRONE, Mo. (AP) —")

    @property
    def place(self) -> Place | None:
        if self.city is not None and self.city.place is not None:
            return self.city.place
        return self.region.place if self.region is not None else None


@dataclass(slots=True)
class StoryPlaces:
    sentences: list[SentencePlaces | None]  # by sentence index; None for a skipped sentence
    dateline: Dateline | None = None
    surnames: set[str] = field(default_factory=set)  # folded names the story shows to be people's ("Bassett")
    local: int = 0  # how many kinds of the signs of American local news the story shows (`_US_SIGNS`)
    countries: Counter = field(default_factory=Counter)  # the story's confident places by country
    admins: Counter = field(default_factory=Counter)  # ... by (country, folded admin1)

    def country(self) -> str | None:
        """The country most of the story's confident places lie in (the dateline's counts thrice)."""
        return self.countries.most_common(1)[0][0] if self.countries else None

    def home(self) -> tuple[str, str] | None:
        """The (country, folded admin1) the story is about: its dateline's, else the one most of its confident
        places lie in (at least two, and more than any other)."""
        if self.dateline is not None and self.dateline.place is not None:
            p = self.dateline.place
            if p.country and p.feature != PCLI and (p.admin1 or p.feature == ADM1):
                return (p.country, fold(p.admin1 or p.name))
        top = self.admins.most_common(2)
        if top and (len(top) == 1 or top[1][1] < top[0][1]):
            return top[0][0]
        return None

    def resolve_name(self, text: str, g: Gazetteer | None = None) -> Place | None:
        """A place phrase no recognised name covered ("Tulsa" where the recogniser saw no cue), resolved with the
        story's places as context; None when the gazetteer does not know it."""
        g = g or load()
        key = fold(text.removesuffix("'s").removesuffix("’s"))
        if key.startswith("the "):
            key = key[4:]
        if not key or key in _NEVER or key in _CITY_PARTS or key in self.surnames:
            return None
        rows = [r for r in g.rows(key) if r >= 0]  # not by an alternative name: "Vann" is not Vannes
        head, _, rest = key.partition(" ")
        if not rows and head in _COMPASS and rest:
            rows = [r for r in g.rows(rest) if r >= 0]
        if not rows:
            return None
        m = Mention(0, len(text), text, rows)
        resolve([m], g, prior=(self.countries, self.admins))
        p = m.place
        if p is None:
            return None
        main, home = self.country(), self.home()
        if main is not None and p.country != main:
            return None  # a name no recogniser took, abroad in a story about elsewhere: a person's, a street's
        if home is not None and p.feature not in (PCLI, ADM1) and (p.country, fold(p.admin1 or "")) != home:
            return None  # "Brandon Hill", "Mickey Collins" in a Columbus story are not Hill, New Hampshire
        return p


def _page_word_first(city: str) -> bool:
    """"BREAKING NEWS", "WATCH LIVE", "NEW VIDEO" open a page; "NEW YORK", "NEW DELHI" are places whose first word
    only looks like one."""
    words = [fold(w) for w in city.split()]
    if words[0] not in _NOT_DATELINE:
        return False
    return not (words[0] in _NAME_HEADS and len(words) > 1 and not any(w in _NOT_DATELINE for w in words[1:]))


def find_dateline(texts: list[str], skip: list[bool] | None = None) -> tuple[int, re.Match] | None:
    """(sentence index, match) of the story's dateline, or None."""
    for k, text in enumerate(texts[:_DATELINE_SENTENCES]):
        if skip and skip[k]:
            continue
        m = _DATELINE.match(text)
        if m is None:
            continue
        city, region = m.group("city"), m.group("region")
        if region and fold(region) in _MONTHS:
            region = None  # "BEIRUT, March 3 (Reuters) -": a date, not a region
        caps = city.isupper()
        if fold(city) in _NOT_DATELINE or len(city) < 3 or _page_word_first(city):
            continue
        if caps and not (region or m.group("agency") or m.group("dash")):
            continue
        if not caps and not (region and (m.group("agency") or m.group("dash"))):
            continue
        if m.group("dash") == ":" and not (region or m.group("agency")):
            continue  # "WASHINGTON: ..." is rare; "SOURCE: ..." is not
        return k, m
    return None


def _dateline_mentions(text: str, m: re.Match, g: Gazetteer) -> tuple[Mention | None, Mention | None]:
    region = None
    r = m.group("region")
    if r and fold(r) not in _MONTHS:
        a, b = m.span("region")
        key = fold(r)
        if key.replace(" ", "") in g.ap_keys:
            key = key.replace(" ", "")  # "W. Va."
        rows = g.rows(key)
        if r.rstrip(".") in g.us_postal:
            rows = [g.us_postal[r.rstrip(".")]]
        rows = [x for x in rows if x >= 0 and g.place(x).feature in (PCLI, ADM1, ADM2)] or [
            x for x in rows if x < 0 and g.place(-x - 1).feature in (PCLI, ADM1)]
        if rows:
            region = Mention(a, b, text[a:b], rows)
    a, b = m.span("city")
    name = text[a:b]
    city = None
    for candidate in (name, _TOWNSHIP.sub("", name)):
        key = fold(candidate)
        if key in _NEVER or not key:
            continue
        rows = [x for x in g.rows(key) if x >= 0] or g.rows(key)
        if rows:
            city = Mention(a, a + len(candidate), text[a:a + len(candidate)], rows, cue=True)
            break
    if city is not None and region is not None:
        city.parent = region
        inside = [r for r in city.rows if _within(g.place(r if r >= 0 else -r - 1), region, g)]
        if not inside:
            city = None  # "Felton, MN": no Felton in Minnesota here; the dateline says Minnesota, not California
        else:
            city.rows = inside
    return city, region


def _within(p: Place, region: Mention, g: Gazetteer) -> bool:
    for r in region.rows:
        q = g.place(r if r >= 0 else -r - 1)
        if q.feature == PCLI and p.country == q.country:
            return True
        if q.feature in (ADM1, ADM2) and p.country == q.country and fold(p.admin1 or "") == fold(q.admin1 or q.name):
            return True
    return False


@cache
def _call_sign_states() -> dict[str, str]:
    """Call sign -> postal code of its market's state (call_signs.tsv)."""
    return {sign: state for sign, state, _market in tsv.rows("flashpoint.geo", "call_signs.tsv", header=True)}


def call_sign_states(texts: list[str]) -> list[str]:
    """The postal codes of the states whose broadcasters' call signs the story names, first named first. A call sign
    that is also a word in capitals ("WAVE", "WISH") counts in parentheses, with its suffix ("WAVE-TV") or where the
    words around it are not in capitals too (not in "HEAT WAVE HITS")."""
    return list(_call_signs_in(tuple(texts)))


@lru_cache(maxsize=4)  # a story's votes, its signs and its states each ask for them
def _call_signs_in(texts: tuple[str, ...]) -> tuple[str, ...]:
    table = _call_sign_states()
    out: list[str] = []
    for text in texts[:_CALL_SIGN_LINES] if len(texts) <= _CALL_SIGN_LINES else texts[:40] + texts[-20:]:
        for m in _CALL_SIGN.finditer(text):
            state = table.get(m.group(1))
            if state is None or state in out:
                continue
            a, b = m.start(), m.end()
            framed = m.group(2) is not None or (a > 0 and text[a - 1] == "(")
            if not framed:
                before = text[max(0, a - 20):a].split()
                after = text[b:b + 20].split()
                near = [w for w in (before[-1:] + after[:1]) if w[:1].isalpha()]
                if any(_CAPS_WORD.fullmatch(w.strip(",;:!?")) for w in near):
                    continue
            out.append(state)
    return tuple(out)


def _votes(texts: list[str], dateline: Dateline | None, g: Gazetteer,
           mentions: list[Mention] | None = None) -> tuple[Counter, Counter]:
    """Votes for resolving a story's names that come from outside them: the dateline's country (three) and
    division (two), once it is resolved; the United States for the signs of American local news; the state of a
    broadcaster whose call sign the story names (two). The dateline is resolved with the story's other names
    (`mentions`) and those signs as context: "AURORA —" in a story that names Colorado is Aurora, Colorado."""
    prior: tuple[Counter, Counter] = (Counter(), Counter())
    head = "\n".join(texts[:40])
    signs = _signs(texts) + sum(1 for sign in _US_USAGE if sign.search(head))
    if signs:
        prior[0]["USA"] += min(signs, _US_VOTES)
    prior[1].update(_call_sign_votes(texts, g))
    if dateline is not None:
        own = [x for x in (dateline.city, dateline.region) if x is not None]
        others = [x for x in mentions or () if all(x is not y for y in own) and _region_named(x, g)]
        resolve(own + others, g, prior=prior)
        p = dateline.place
        if p is not None and p.country:
            prior[0][p.country] += 3
            if p.feature != PCLI and (p.admin1 or p.feature == ADM1):
                prior[1][(p.country, fold(p.admin1 or p.name))] += 2
    return prior


def _call_sign_votes(texts: list[str], g: Gazetteer) -> Counter:
    """(country, folded admin1) votes for the states of the call signs the story names."""
    out: Counter = Counter()
    for postal in call_sign_states(texts):
        row = g.us_postal.get(postal)
        if row is not None:
            out[("USA", fold(g.place(row).name))] += _CALL_SIGN_VOTES
    return out


def _region_named(m: Mention, g: Gazetteer) -> bool:
    """A name whose likeliest sense is a country or a first-level division ("Colorado", "Fla.", "Kenya"): what a
    caps-only dateline is resolved with. Towns are left out: a story's other towns, and the surnames that pass for
    them, would pull "BALTIMORE —" to Ohio."""
    if m.demonym or not m.rows:
        return False
    best = max(m.rows, key=lambda r: _prior(g, r)[0])
    return best >= 0 and g.place(best).feature in (PCLI, ADM1)


def _signs(texts: list[str]) -> int:
    return _sign_count(tuple(texts))


@lru_cache(maxsize=4)
def _sign_count(texts: tuple[str, ...]) -> int:
    head = "\n".join(texts[:40])
    n = sum(1 for sign in _US_SIGNS if sign.search(head))
    if not _US_SIGNS[0].search(head) and call_sign_states(texts):
        n += 1  # a known call sign outside parentheses is the same kind of sign
    return n


def text_votes(text: str, g: Gazetteer | None = None) -> tuple[Counter, Counter]:
    """`_votes` for a whole text (its lines stand for sentences: a dateline opens a paragraph)."""
    g = g or load()
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    found = find_dateline(lines)
    dateline = None
    mentions: list[Mention] = []
    if found is not None:
        city, region = _dateline_mentions(lines[found[0]], found[1], g)
        if city is not None or region is not None:
            dateline = Dateline(found[0], city, region, found[1].end())
        if city is not None and region is None:  # "AURORA —": the story's other names tell which
            mentions = [x for k, ln in enumerate(lines) if k != found[0] for x in recognise(ln, g)]
    return _votes(lines, dateline, g, mentions)


def street_like(text: str) -> bool:
    """A street, a block, an address or a named site ("Orchard Road", "the 3400 block of West Elm Street",
    "Chippenham Hospital", "Richmond Place Apartments"): somewhere inside a town, not a town."""
    words = text.replace(",", " ").split()
    if not words:
        return False
    last = fold(words[-1])
    return last in _STREET_END or last in _SITE_END or any(ch.isdigit() for ch in text)


def read_story(texts: list[str], skip: list[bool] | None = None, g: Gazetteer | None = None) -> StoryPlaces:
    """Recognise and resolve the place names of a story's sentences (see the module's docstring)."""
    g = g or load()
    skip = skip or [False] * len(texts)
    per: list[list[Mention]] = []
    dropped: list[list[Mention]] = []
    for text, sk in zip(texts, skip, strict=True):
        d: list[Mention] = []
        per.append(recognise(text, g, d) if not sk else [])
        dropped.append(d)
    dateline = None
    found = find_dateline(texts, skip)
    if found is not None:
        k, m = found
        city, region = _dateline_mentions(texts[k], m, g)
        if city is not None or region is not None:
            dateline = Dateline(k, city, region, m.end(), _TOWNSHIP.sub("", m.group("city")))
            spans = [x for x in (city, region) if x is not None]
            per[k] = sorted([x for x in per[k] if not any(x.start < s.end and s.start < x.end for s in spans)]
                            + spans, key=lambda x: x.start)
    # one sense per discourse: a name the story shows to be a place elsewhere is one here too; a name it shows to be
    # a person's ("Brenda Bassett") is no place where nothing says it is ("Bassett says ...")
    surnames = {fold(x.text) for ds in dropped for x in ds if x.why in ("surname", "forename")}
    if surnames:  # "at Davis’ home" is still the man's, cue or not
        per = [[x for x in ms if fold(x.text) not in surnames or x.parent is not None
                or x.cue and not _POSSESSIVE.match(text, x.end)] for text, ms in zip(texts, per, strict=True)]
    known = {fold(x.text) for ms in per for x in ms if not x.demonym}
    if dateline is not None and dateline.city is not None:
        known.add(fold(dateline.city.text))
    for k, ds in enumerate(dropped):
        back = [x for x in ds if fold(x.text) in known and fold(x.text) not in surnames
                and not any(x.start < y.end and y.start < x.end for y in per[k])]
        if back:
            per[k] = sorted(per[k] + back, key=lambda x: x.start)
    mentions = [x for ms in per for x in ms]
    prior = _votes(texts, dateline, g, mentions)
    local = _signs(texts)
    evidence = [x for ds in dropped for x in ds if not x.why and fold(x.text) not in surnames]
    resolve(mentions, g, prior=prior, evidence=evidence)
    out = StoryPlaces([SentencePlaces(t, ms) if not sk else None for t, ms, sk in zip(texts, per, skip, strict=True)],
                      dateline, surnames, local)
    out.countries.update(prior[0])
    out.admins.update(prior[1])
    # a station's market is a weaker sign of the story's own state than a name the story writes ("Hope, Ark." in a
    # story of a Shreveport station)
    out.admins.subtract({k: v - _CALL_SIGN_HOME for k, v in _call_sign_votes(texts, g).items()})
    out.admins = +out.admins
    for x in mentions:
        p = x.place
        if p is not None and p.country and not x.demonym:
            out.countries[p.country] += 1
            if p.feature != PCLI and (p.admin1 or p.feature == ADM1):
                out.admins[(p.country, fold(p.admin1 or p.name))] += 1
    return out
