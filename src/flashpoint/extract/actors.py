"""Actors stage: finds actor mentions in each sentence and resolves them to a PLOVER country and sector.

How: one regex tokenises the sentence; at each token the longest phrase of the knowledge base starting there is looked
up by dict (proper names case-sensitively, sector nouns and titles in lower case); then a small grammar over the
matched items joins a modifier, fillers, head nouns and a person's name into one mention:

    [former] [MODIFIER ['s]] [filler...] HEAD... [PERSON | Capitalised Name] [of COUNTRY]
    "Kenyan riot police" -> KEN/COP      "Russian President Vladimir Putin" -> RUS/GOV
    "former CIA official" -> USA/ELI     "the President of France" -> FRA/GOV

A giant regex alternation of thousands of names would cost far more per sentence; a set lookup per token, and a dict
walk only where a phrase may start, keeps the stage at about 20-35 µs per news sentence.

Places are not actors: a capital, seat of government or city preceded by a locative preposition ("in Moscow", "at
the Kremlin") is recorded only as evidence of the story's country; elsewhere a capital is the government ("Moscow
warned Kyiv" -> RUS/GOV, UKR/GOV). Generic mentions with no country ("police", "protesters", "the president") take
the story's dominant country: the one most often named (by name, demonym, capital, seat or city) in its sentences,
ties going to the first named.

Public bodies no dictionary lists ("the Michigan Department of Environmental Quality") are found afterwards by the
shape of their names: capitalised words around an institution's head noun.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import compress

from flashpoint import tsv
from flashpoint.knowledge import (
    BLOCK,
    CAPITAL,
    COUNTRY,
    CTITLE,
    DEMONYM,
    FILLER,
    FORMER,
    NOUN,
    ORG,
    PERSON,
    PLACE,
    POSSESSIVE,
    REGION,
    SEAT,
    TITLE,
    TOKEN_RE,
    WEAK,
    Entry,
    KnowledgeBase,
    Person,
    load,
)
from flashpoint.records import Actor, Story
from flashpoint.text.casing import recased

__all__ = ["ActorStage", "dominant_country", "find_actors", "resolve"]

_GROUP = re.Match.group

_MODS = frozenset({COUNTRY, DEMONYM, CAPITAL, PLACE, ORG, SEAT, REGION, PERSON})
_HEADS = frozenset({NOUN, TITLE, CTITLE, WEAK})
_NAMED_MODS = frozenset({ORG, SEAT, REGION, PERSON})  # may follow a country modifier: "US Congress", "Russia's Putin"
_NEIGHBOURLY = frozenset({COUNTRY, CAPITAL, PLACE, PERSON, SEAT})  # one-word names checked against neighbours
_W = tsv.lists("flashpoint.extract", "actors_words.tsv")  # the word lists below (knowledge, kept as data)
# Before a country name these make it a place ("clashes in Syria"), not an actor.
_LOC_COUNTRY = frozenset(_W["loc_country"])
# Before a capital, seat or city also "from", "to" ... ("flew to Moscow", "returned from Beijing").
_LOC_CITY = _LOC_COUNTRY | frozenset(_W["loc_city_more"])
_WATERS = frozenset(_W["waters"])  # "the Gulf of Oman" is a place
_LOC_ORG = frozenset({"at", "in"})  # "speaking at the UN"
_LOC_LANGUAGE = frozenset({"in"})  # "said in Russian"
_NO_WORDS: frozenset[str] = frozenset()
# Words that may stand between a preposition and a place: "in northern Syria", "in the capital Kyiv".
_PLACE_WORDS = frozenset(_W["place_words"])
# Lone heads that are not mentions before a lower-case noun ("military base") are told from heads before a verb by
# the verb's look; these are the frequent verbs, auxiliaries and function words that do not end in -ed/-s/-ly.
_CLAUSE_WORDS = frozenset(_W["clause_words"])
# Heads that are usually places after a preposition ("prayed in a mosque", "appeared in court"), not actors.
_PLACE_HEADS = frozenset(_W["place_heads"])
_HEAD_SKIP = _PLACE_WORDS | frozenset(_W["head_skip_more"])
# Heads after which a named organisation is the same mention: "the rebel group M23", "Islamist group al-Shabaab".
_GROUP_NOUNS = frozenset(_W["group_nouns"])
_NEEDS_MOD = frozenset({"leader", "leaders"})  # "Chinese leader", "Hamas leaders"; a lone "the leader" is vague
# Kinds of a lone name that need nothing but a locative check (demonyms after "ethnic", persons and caps-mode
# capitals before a noun take the general path), and the prepositions that make each a place.
_SIMPLE = frozenset({COUNTRY, REGION, ORG})
_LOC_SIMPLE = {COUNTRY: _LOC_COUNTRY, REGION: _LOC_COUNTRY, ORG: _LOC_ORG}
# The sector an organisation gives to an office "of" it: "speaker of the Knesset" LEG, "leader of Hamas" REB.
_OF_SECTORS = frozenset({"LEG", "JUD", "REB", "PTY", "PRM", "OPP", "MIL", "COP", "SPY"})
_BORROW = frozenset({"in", "from", "of"})  # "police in Kenya": the country of a generic mention
_TO_HEADS = frozenset(_W["to_heads"])
_STATE = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})  # "former" makes these ELI
_BOUNDARY = frozenset({".", "!", "?", ":", ";", '"', "“", "”", "(", "[", "—", "–", "-", "'", "‘", "’", "…"})
_HONORIFICS = frozenset(_W["honorifics"])
_TIME_WORDS = frozenset(_W["time_words"])
# Capitalised words that start a clause rather than continue a name after a title.
_NOT_NAMES = _TIME_WORDS | frozenset(_W["not_names_more"])
# Capitalised words that open a sentence or clause without being a name.
_OPENERS = _NOT_NAMES | frozenset(_W["openers_more"])
_NAME_PARTICLES = frozenset(_W["name_particles"])
_MAX_NAME = 4


class _Item:
    """A knowledge-base phrase matched at tokens [i, j); `poss` when its last token carries a possessive 's."""

    __slots__ = ("i", "j", "e", "former", "poss")

    def __init__(self, i: int, j: int, e: Entry, former: bool = False, poss: bool = False) -> None:
        self.i, self.j, self.e, self.former, self.poss = i, j, e, former, poss


def _pick(persons: tuple[Person, ...], date: str | None) -> Person:
    """Of several people known by one phrase ("Clinton", "Sharif"), the one in office at the date, else the latest."""
    if len(persons) == 1:
        return persons[0]
    for p in persons:
        if p.in_office(date):
            return p
    usable = [p for p in persons if not date or p.terms[0].start <= date] or list(persons)
    return max(usable, key=lambda p: p.last_start())


def _longest(table: dict[str, Entry], prefixes: set[str], words: list[str], i: int, lower: bool
             ) -> tuple[Entry | None, int, bool]:
    """(entry, length in tokens, possessive) of the longest key starting at token i; a possessive 's on the last
    token is tried off ("Saudi Arabia's")."""
    n = len(words)
    k = words[i].lower() if lower else words[i]
    best: Entry | None = None
    best_len, poss, j = 0, False, i
    while k in prefixes:
        e = table.get(k)
        if e is not None:
            best, best_len, poss = e, j - i + 1, False
        elif k[-2:] in POSSESSIVE:
            e = table.get(k[:-2])
            if e is not None:
                best, best_len, poss = e, j - i + 1, True
        j += 1
        if j >= n:
            break
        k = f"{k} {words[j].lower() if lower else words[j]}"
    return best, best_len, poss


def _scan(words: list[str], kb: KnowledgeBase, caps: bool, hyphens: bool = True, caseless: bool = False
          ) -> list[_Item]:
    """Longest knowledge-base phrase at each position, left to right, non-overlapping."""
    proper, lower, starts = kb.proper, kb.lower, kb.starts
    pwords, lwords = kb.proper_words, kb.lower_words
    forms = [words]
    if caps:  # an all-capitals text: look names up in title case too ("TEHRAN" -> "Tehran")
        forms.insert(0, [w.title() if len(w) > 3 and w.isupper() else w for w in words])
        candidates: list[int] | range = range(len(words))
    elif caseless:  # a lower-cased archive: names in their usual casing ("bjp" -> "BJP"; see text/casing.py)
        forms.insert(0, recased(words, proper))
        candidates = range(len(words))
    else:  # only words that can start a key, or hyphenated ones ("ex-president", "US-led")
        candidates = list(compress(range(len(words)), map(starts.__contains__, words)))
        if hyphens:
            candidates = sorted({*candidates, *(i for i, w in enumerate(words) if "-" in w and len(w) > 4)})
    items: list[_Item] = []
    free = 0  # first token not yet inside a match
    # Proper names (case-sensitive) and sector nouns (lower-case): one-word table, phrase index, prefixes, lowered?
    indexes = ((pwords, proper, kb.proper_prefixes, False), (lwords, lower, kb.lower_prefixes, True))
    for i in candidates:
        if i < free:
            continue
        best_len, best, poss = 0, None, False
        for pw in forms:
            for one_word, index, prefixes, lowered in indexes:
                hit = one_word.get(pw[i])
                if hit is None:
                    continue
                e, longer, p = hit
                if e is not None and best_len < 1:
                    best, best_len, poss = e, 1, p
                if longer:
                    e, ln, p = _longest(index, prefixes, pw, i, lowered)
                    if ln > best_len:
                        best, best_len, poss = e, ln, p
        former = False
        if best is None:
            w = words[i]
            if len(w) > 4 and "-" in w:
                low = w.lower()
                if low.startswith("ex-"):  # "ex-president"
                    e, ln, poss = _longest(lower, kb.lower_prefixes, [low[3:]], 0, True)
                    if e is not None and e.kind in _HEADS:
                        best_len, best, former = 1, e, True
                elif low.endswith(("-led", "-based")):  # "Russian-led forces", "a Somalia-based group"
                    e = proper.get(w[:w.rindex("-")])
                    if e is not None and e.kind in (COUNTRY, DEMONYM):
                        best_len, best = 1, Entry(DEMONYM, e.code, None, e.name, e.id)
            if best is None:
                continue
        j = i + best_len
        if j + 1 < len(words) and words[j] == "-" and best.kind not in _HEADS:
            # "U.S.-led coalition": the leader's country; "U.N.-backed government": someone else's
            if words[j + 1].lower() in ("led", "based"):
                if best.code:
                    items.append(_Item(i, j + 2, Entry(DEMONYM, best.code, None, best.name, best.id)))
                free = j + 2
            else:
                free = j
            continue
        items.append(_Item(i, j, best, former, poss))
        free = j
    return items


def _headline(words: list[str]) -> bool:
    """Title-case text ("Russia Warns Ukraine Over Grain Deal"): capitalised neighbours say nothing there."""
    long = [w for w in words if len(w) > 3 and w[0].isalpha()]
    return len(long) >= 4 and sum(1 for w in long if w[0].isupper()) > 0.8 * len(long)


def _opens_clause(words: list[str], i: int) -> bool:
    """Whether the capitalised word at i is an ordinary word opening a clause ("When Russia ...") rather than part of
    a name ("Michael Jordan ...")."""
    return (i == 0 or words[i - 1] in _BOUNDARY) and words[i] in _OPENERS


def _name_word(w: str) -> bool:
    return w[0].isupper() and w.isalpha()


def _reject_neighbours(words: list[str], items: list[_Item]) -> list[_Item]:
    """Drop one-word names that sit inside a longer unknown name: "Michael Jordan", "Chad Smith", "Iran Air",
    "Melania Trump", "Washington Post"."""
    n = len(words)
    drop: list[_Item] = []
    for it in items:
        if it.j - it.i == 1 and (it.e.kind in _NEIGHBOURLY or (it.e.kind == ORG and words[it.i][1:].islower())):
            p, q = it.i - 1, it.j
            if (p >= 0 and _name_word(words[p]) and words[p] not in _HONORIFICS and not _opens_clause(words, p)) or (
                    not it.poss and q < n and _name_word(words[q]) and words[q] not in _TIME_WORDS):
                drop.append(it)
    if not drop:
        return items
    ends = {it.j for it in items}
    starts = {it.i for it in items}
    bad = []
    for it in drop:
        p, q = it.i - 1, it.j
        if (p >= 0 and p + 1 not in ends and _name_word(words[p]) and words[p] not in _HONORIFICS
                and not _opens_clause(words, p)) or (
                not it.poss and q < n and q not in starts and _name_word(words[q]) and words[q] not in _TIME_WORDS):
            bad.append(it)
    if not bad or _headline(words):
        return items
    return [it for it in items if it not in bad]


def _preceded_by(words: list[str], i: int, preps: frozenset[str], skip: frozenset[str] | None = None) -> bool:
    """Whether a locative preposition comes before token i, across "the" and place adjectives ("in northern
    Syria", "in the capital Kyiv")."""
    skip = skip or _PLACE_WORDS
    j = i - 1
    while j >= 0 and j >= i - 4 and words[j].lower() in skip:
        j -= 1
    return j >= 0 and words[j].lower() in preps


# Action nouns whose modifier is their agent: "killed in police firing", "during the police action".
ACTION_NOUNS = frozenset(_W["action_nouns"])


def _attributive(words: list[str], t: int) -> bool:
    """Whether the word at t makes the head before it an attribute: a lower-case word that does not look like a
    verb, adverb or function word ("military base", "police custody"; not "military said", "police also")."""
    w = words[t]
    if not w.isalpha() or not w.islower() or w in _CLAUSE_WORDS or w in ACTION_NOUNS:
        return False  # an action noun's modifier is its agent: "police action", "army operation"
    return not w.endswith(("ed", "s", "ly", "ing")) or w.endswith(("ss", "ling", "ding", "ning"))


def _mod_info(e: Entry, date: str | None) -> tuple[str | None, str | None, str | None, str | None]:
    """(country, sector, name, id) of a modifier."""
    if e.kind == PERSON:
        p = _pick(e.persons, date)
        country, sector = p.at(date)
        return country, sector, p.name, f"person:{p.id}"
    if e.kind == ORG or e.kind == SEAT or e.kind == REGION:
        return e.code, e.sector_at(date), e.name, e.id
    return e.code, e.sector, e.name, e.id


# A named public body the dictionaries do not list: capitalised words around an institution's head noun ("the Michigan
# Department of Environmental Quality", "the Environmental Protection Agency", "the National Commission for Human
# Rights"). Courts and tribunals are JUD, the rest GOV; the country is one named inside, else the story's.
_INSTITUTION_HEADS = tuple(_W["institution_heads"])
_INSTITUTION = re.compile(
    r"\b((?:[A-Z][\w'’.&-]*\s+){0,5})(" + "|".join(_INSTITUTION_HEADS) + r")\b"
    r"((?:\s+(?:of|for|on)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*)(?:\s+(?:and\s+|&\s+)?[A-Z][\w'’.-]*){0,4})?)")
_INSTITUTION_SECTOR = {"Court": "JUD", "Tribunal": "JUD"}
_NOT_NAME = frozenset(_W["not_name"])


def _institutions(text: str, actors: list[Actor], date: str | None, kb: KnowledgeBase) -> list[Actor]:
    """Add the named public bodies no dictionary lists; a dictionary mention inside one gives it its country."""
    for m in _INSTITUTION.finditer(text):
        left = m.group(1).split()
        start = m.start(1)
        while left and left[0] in _NOT_NAME:
            start = text.index(left.pop(0), start) + 1
        if not left and not m.group(3):
            continue  # a bare "Court" or "the Council": the dictionaries' generic nouns handle it
        end = m.end()
        start = text.index(left[0], start) if left else m.start(2)
        inside = [a for a in actors if start <= a.start and a.end <= end]
        if any(a.id is not None and (a.start, a.end) == (start, end) for a in inside):
            continue
        if any(a.start < end and a.end > start and not (start <= a.start and a.end <= end) for a in actors):
            continue  # overlaps a longer dictionary name: keep the dictionary's reading
        country = next((a.country for a in inside if a.country and a.country != "IGO"), None)
        if country is None:
            country = dominant_country(_analyse_kb(text[start:end], date, kb)[1])
        body = Actor(text[start:end], start, end, country=country, sector=_INSTITUTION_SECTOR.get(m.group(2), "GOV"))
        actors = sorted([a for a in actors if a not in inside] + [body], key=lambda a: a.start)
    return actors


def _analyse(text: str, date: str | None = None, kb: KnowledgeBase | None = None) -> tuple[list[Actor], list[str]]:
    """Actor mentions of one sentence, and the country codes it names (for the story's dominant country)."""
    kb = kb or load()
    actors, evidence = _analyse_kb(text, date, kb)
    if any(head in text for head in _INSTITUTION_HEADS):
        actors = _institutions(text, actors, date, kb)
    if "he " in text:
        actors = _acronyms(text, actors)
    return actors, evidence


# "The NCB has ordered ...": an acronym with "the" before it and a verb after it is a body we have no entry for.
_ACRONYM = re.compile(r"\b[Tt]he ([A-Z][A-Z&-]{1,6})(?= (?:has|have|had|is|was|were|are|will|would|said|says|also|"
                      r"on|[a-z]+ed|[a-z]+s)\b)")
_NOT_ACRONYMS = frozenset(_W["not_acronyms"])


def _acronyms(text: str, actors: list[Actor]) -> list[Actor]:
    """Unknown acronyms in subject position, as actors of unknown country and sector (better than no actor)."""
    for m in _ACRONYM.finditer(text):
        start, end = m.span(1)
        if m.group(1) in _NOT_ACRONYMS or any(a.start < end and start < a.end for a in actors) or \
                text[:m.start()].rstrip().lower().endswith((" in", " at", " to", " from", " into")):
            continue  # "in the EU": a known body used as a place, or an unknown place
        actors = sorted([*actors, Actor(m.group(1), start, end)], key=lambda a: a.start)
    return actors


def _analyse_kb(text: str, date: str | None, kb: KnowledgeBase) -> tuple[list[Actor], list[str]]:
    """The dictionary and grammar reading of one sentence (see the module docstring)."""
    matches = list(TOKEN_RE.finditer(text))
    words = list(map(_GROUP, matches))
    if not words:
        return [], []
    caps = text.isupper()
    caseless = not caps and text.islower()
    items = _scan(words, kb, caps, "-" in text, caseless)
    if not items:
        return [], []
    if not caps and not caseless:
        items = _reject_neighbours(words, items)
    n, m = len(words), len(items)
    actors: list[Actor] = []
    evidence: list[str] = []
    at = {it.i: it for it in items}  # item starting at each token

    def geo(it: _Item) -> None:
        g = it.e.geo
        if g is not None and (it.e.kind != DEMONYM or it.i == 0 or words[it.i - 1].lower() != "ethnic"):
            evidence.append(g)

    def emit(i: int, j: int, poss: bool, name: str | None, ident: str | None, country: str | None,
             sector: str | None) -> None:
        start, end = matches[i].start(), matches[j - 1].end() - (2 if poss else 0)
        actors.append(Actor(text=text[start:end], start=start, end=end, name=name, id=ident, country=country,
                            sector=sector))

    def alone(first: _Item, mod: _Item, mod_country: str | None) -> None:
        """A modifier standing alone: a country, capital, organisation or person named by itself."""
        e = mod.e
        kind = e.kind
        if kind == DEMONYM and mod.i > 0 and words[mod.i - 1].lower() == "ethnic":
            # "ethnic Albanians": people of that group, not of that country
            country = None
            if mod.j < n and words[mod.j].lower() in _BORROW:
                t = mod.j + 1 + (mod.j + 1 < n and words[mod.j + 1].lower() == "the")
                cand = at.get(t)
                if cand is not None and cand.e.kind in (COUNTRY, CAPITAL, PLACE, REGION):
                    country = cand.e.code
            emit(mod.i - 1, mod.j, mod.poss, None, None, country, "CVL")
            return
        if kind in (PLACE, BLOCK) or (
            mod_country is None and mod is first and (
                (kind in (COUNTRY, REGION) and _preceded_by(words, mod.i, _LOC_COUNTRY))
                or (kind in (CAPITAL, SEAT) and (_preceded_by(words, mod.i, _LOC_CITY) or (
                    not mod.poss and mod.j < n and _attributive(words, mod.j))))  # "a Dhaka suburb"
                or (kind == ORG and _preceded_by(words, mod.i, _LOC_ORG))
                or (kind == DEMONYM and _preceded_by(words, mod.i, _LOC_LANGUAGE))
            )
        ):
            return
        country, sector, name, ident = _mod_info(e, date)
        start_tok = first.i if first.e.kind in (COUNTRY, DEMONYM, CAPITAL, PLACE) else mod.i
        emit(start_tok, mod.j, mod.poss, name, ident, mod_country or country, sector)

    k = 0
    while k < m:
        first = items[k]
        fkind = first.e.kind
        if k + 1 == m or items[k + 1].i != first.j:  # nothing joined to it: the common cases first
            if fkind in _SIMPLE:
                # a name standing alone, inlined: this is most mentions
                e = first.e
                i0 = first.i
                if e.geo is not None:
                    evidence.append(e.geo)
                prev = words[i0 - 1].lower() if i0 else ""
                if prev == "the" and i0 > 1:
                    prev = words[i0 - 2].lower()
                if prev in _LOC_SIMPLE.get(fkind, _NO_WORDS) or (
                        prev in _PLACE_WORDS and _preceded_by(words, i0, _LOC_SIMPLE.get(fkind, _NO_WORDS))) or (
                        prev == "of" and i0 > 1 and words[i0 - 2].lower() in _WATERS):  # "the Gulf of Oman"
                    k += 1
                    continue
                end = matches[first.j - 1].end() - (2 if first.poss else 0)
                start = matches[i0].start()
                sector = e.sector_at(date) if e.changes else e.sector
                actors.append(Actor(text=text[start:end], start=start, end=end, name=e.name, id=e.id,
                                    country=e.code, sector=sector))
                k += 1
                continue
            if fkind in _MODS:
                geo(first)
                alone(first, first, None)
                k += 1
                continue
            if fkind in (FILLER, FORMER):
                k += 1
                continue
        pos, cur = k, first.i
        former = False
        span_from: int | None = None  # a leading "former" belongs to the mention; other adjectives do not
        # leading "former" / fillers, kept only if something follows them
        while pos < m and items[pos].i == cur and items[pos].e.kind in (FILLER, FORMER):
            if items[pos].e.kind == FORMER:
                former = True
                span_from = span_from if span_from is not None else items[pos].i
            cur = items[pos].j
            pos += 1
        mod: _Item | None = None
        mod_country: str | None = None
        ethnic = False
        if pos < m and items[pos].i == cur and items[pos].e.kind in _MODS:
            mod = items[pos]
            geo(mod)
            ethnic = mod.e.kind == DEMONYM and mod.i > 0 and words[mod.i - 1].lower() == "ethnic"
            cur, pos = mod.j, pos + 1
            # a second modifier: "Bosnian Serb forces", or a named one: "US Congress", "Russia's Putin"
            nxt = at.get(cur)
            if nxt is not None and mod.e.kind in (COUNTRY, DEMONYM, CAPITAL, PLACE):
                if nxt.e.kind in _NAMED_MODS:
                    mod_country = None if ethnic else mod.e.code
                    mod = nxt
                    cur, pos = nxt.j, pos + 1
                elif nxt.e.kind == DEMONYM and not mod.poss:
                    geo(nxt)
                    cur, pos = nxt.j, pos + 1
        if mod is None and pos == k and first.e.kind not in _HEADS:
            k += 1
            continue
        hcur, hpos = cur, pos
        former_after = False
        while hpos < m and items[hpos].i == hcur and items[hpos].e.kind in (FILLER, FORMER):
            former_after = former_after or items[hpos].e.kind == FORMER
            hcur, hpos = items[hpos].j, hpos + 1
        heads: list[_Item] = []
        while hpos < m and items[hpos].i == hcur and items[hpos].e.kind in _HEADS:
            heads.append(items[hpos])  # "the Foreign Ministry's spokesman" chains across the possessive
            hcur, hpos = items[hpos].j, hpos + 1
        # a lone singular head used as an attribute is no mention: "military base", "police custody",
        # "drone attack"; nor is a lone "leader" without a modifier
        if heads and mod is None and len(heads) == 1 and not heads[0].poss:
            h = heads[0]
            hw = words[h.j - 1].lower()
            if ((h.j - h.i == 1 and hw in _NEEDS_MOD)
                    or (hcur < n and words[hcur].islower() and not hw.endswith("s") and _attributive(words, hcur)
                        and not (caseless and h.e.kind == TITLE))  # lower-cased "dcp rahul sharma": a name follows
                    or (hw in _PLACE_HEADS and _preceded_by(words, h.i, _LOC_CITY, _HEAD_SKIP))):
                heads = []
                hpos = pos
        person: _Item | None = None
        name_span: tuple[int, int] | None = None
        name_poss = False
        if heads and not heads[-1].poss:
            last = heads[-1]
            nxt = at.get(hcur)
            if nxt is not None and (nxt.e.kind == PERSON or (nxt.e.kind == ORG and (
                    last.e.kind == WEAK or words[last.j - 1].lower() in _GROUP_NOUNS))):
                person = nxt  # "President Putin"; a named group in apposition: "the rebel group M23"
            elif hcur < n and words[hcur][0].isupper() and (
                    last.e.kind in (TITLE, CTITLE) or not words[last.j - 1].lower().endswith("s")):
                t, size = hcur, 0
                while t < n and size < _MAX_NAME and (
                        t not in at or (t > hcur and at[t].e.kind in _HEADS and words[t][0].isupper())):
                    w = words[t]  # a title word inside a name goes with it: "Foreign Minister Julie Bishop"
                    if w in _NAME_PARTICLES and t > hcur:
                        t += 1
                        continue
                    size += 1
                    if w[-2:] in POSSESSIVE and w[0].isupper() and w[:-2].isalpha():
                        t += 1
                        name_poss = True
                        break
                    if not (w[0].isupper() and w[0].isalpha()) or w in _NOT_NAMES or caps:
                        break
                    t += 1
                while t > hcur and words[t - 1] in _NAME_PARTICLES:
                    t -= 1
                if t > hcur:
                    name_span = (hcur, t)
            # a ctitle counts only capitalised and before a name ("General Burkhard", not "general strike")
            if last.e.kind == CTITLE and (person is None and name_span is None or not words[last.i][0].isupper()):
                heads.pop()
                person, name_span = None, None
                if heads:
                    hcur = heads[-1].j
                    hpos = items.index(heads[-1]) + 1
        if heads:
            if not former:
                former = former_after or heads[0].former or (len(heads) > 1 and any(h.former for h in heads))
            cur, pos = hcur, hpos
            if person is not None:
                cur, pos = person.j, pos + 1
            elif name_span is not None:
                cur = name_span[1]
        elif mod is None:
            k += 1
            continue
        else:
            former = False
            cur = mod.j
        while pos < m and items[pos].i < cur:  # items swallowed by a name
            pos += 1
        # "the President of France", "Russia's ambassador to Poland", "speaker of the Knesset"
        of_item: _Item | None = None
        if heads and person is None and name_span is None and cur < n and not heads[-1].poss:
            w = words[cur].lower()
            if w == "of" or (w == "to" and " ".join(words[heads[-1].i:heads[-1].j]).lower() in _TO_HEADS):
                t = cur + 1
                if t < n and words[t].lower() == "the":
                    t += 1
                cand = at.get(t)
                if cand is not None and cand.e.kind in (COUNTRY, REGION, ORG):
                    geo(cand)
                    if w == "of":
                        of_item = cand  # "to Poland" is absorbed but is not the ambassador's country
                    cur = cand.j
                    while pos < m and items[pos].i < cur:
                        pos += 1

        if not heads:
            assert mod is not None
            alone(first, mod, mod_country)
            k = max(pos, k + 1)
            continue

        # a head phrase
        start_tok = span_from if span_from is not None else (mod.i if mod is not None else heads[0].i)
        if mod is not None and first.e.kind in (COUNTRY, DEMONYM, CAPITAL, PLACE) and first is not mod:
            start_tok = first.i if span_from is None else span_from
        strong = [h for h in heads if h.e.kind != WEAK] if len(heads) > 1 else (
            heads if heads[0].e.kind != WEAK else [])
        country = sector = name = ident = None
        mod_sector = None
        if mod is not None and not ethnic:
            country, mod_sector, mname, mid = _mod_info(mod.e, date)
            country = mod_country or country
            if not strong and mod.e.kind in _NAMED_MODS:
                name, ident = mname, mid
        if strong:
            sector = strong[-1].e.sector
        elif mod is not None and mod.e.kind in _NAMED_MODS and mod_sector:
            sector = mod_sector
        else:
            sector = heads[0].e.sector
        if person is not None and person.e.kind == ORG:
            oc, osec, name, ident = _mod_info(person.e, date)
            country = country or oc
            if not strong:
                sector = osec or sector
        elif person is not None:
            p = _pick(person.e.persons, date)
            pc, ps = p.at(date)
            country = country or pc
            # a title in the text says what the person was then: "Libyan leader Gaddafi" is GOV, not ELI
            if not strong and not (ps == "ELI" and sector in _STATE):
                sector = ps or sector
            name, ident = p.name, f"person:{p.id}"
        elif name_span is not None:
            name = text[matches[name_span[0]].start():matches[name_span[1] - 1].end() - (2 if name_poss else 0)]
        if of_item is not None:
            oc, osec, oname, oid = _mod_info(of_item.e, date)
            country = country or oc
            if of_item.e.kind == ORG and osec in _OF_SECTORS:
                sector = osec
        if former and sector in _STATE:
            sector = "ELI"
        if (name is None and mod is not None and mod.e.kind in (COUNTRY, DEMONYM) and len(heads) == 1
                and heads[0].e.kind == TITLE and country and not former):
            holder = kb.holder(country, " ".join(words[heads[0].i:heads[0].j]).lower().removesuffix("'s"), date)
            if holder is not None:
                name, ident = holder.name, f"person:{holder.id}"
        if country is None and cur < n and words[cur].lower() in _BORROW and (
                sector not in _STATE or words[cur].lower() != "from"):  # "troops from Iraq" are not Iraqi
            t = cur + 1
            if t < n and words[t].lower() == "the":
                t += 1
            cand = at.get(t)
            if cand is not None and (cand.e.kind in (COUNTRY, CAPITAL, PLACE, REGION) or (
                    cand.e.kind in (ORG, DEMONYM) and words[cur].lower() != "in" and cand.e.code != "IGO")):
                country = cand.e.code
        if country is None and sector is None and name is None:
            k = max(pos, k + 1)
            continue
        last_poss = (person.poss if person is not None else name_poss if name_span is not None
                     else of_item.poss if of_item is not None else heads[-1].poss if cur == heads[-1].j else False)
        emit(start_tok, cur, last_poss, name, ident, country, sector)
        k = max(pos, k + 1)
    return actors, evidence


def find_actors(text: str, date: str | None = None) -> list[Actor]:
    """Actor mentions in `text`: non-overlapping, sorted by start, offsets into `text`.

    `date` (ISO) resolves office-holders and groups whose role changed ("Trump" is GOV in 2019 and ELI in 2022, the
    Taliban REB before August 2021 and GOV after); without it, things as they stand after the last recorded change.
    Generic mentions keep country None here; `ActorStage` fills them from the story."""
    return _analyse(text, (date or "")[:10] or None)[0]


def dominant_country(evidence: list[str]) -> str | None:
    """The most frequent code; ties go to the first named."""
    if not evidence:
        return None
    counts = Counter(evidence)
    first = {}
    for i, c in enumerate(evidence):
        first.setdefault(c, i)
    return max(counts, key=lambda c: (counts[c], -first[c]))


def _fillable(a: Actor) -> bool:
    """A generic mention ("police", "the president") that may take the story's country."""
    return a.country is None and a.id is None and a.sector not in (None, "NGO")


def resolve(text: str, date: str | None = None) -> Actor | None:
    """The best single reading of a short actor phrase ("Militants loyal to Iraq's al-Qaeda frontman"): its
    first mention with a sector (else its first mention), taking the phrase's own country when it has none."""
    actors, evidence = _analyse(text, (date or "")[:10] or None)
    if not actors:
        c = dominant_country(evidence)
        return Actor(text=text, start=0, end=len(text), country=c) if c else None
    head = next((a for a in actors if a.sector), actors[0])
    if head.country is None and head.id is None:
        head.country = dominant_country(evidence + [a.country for a in actors if a.country and a.country != "IGO"])
    return head


class ActorStage:
    """Fills `Sentence.actors`; generic mentions take the story's dominant country."""

    name = "actors"

    def __call__(self, story: Story) -> Story:
        date = (story.date or "")[:10] or None
        kb = load()
        evidence: list[str] = []
        for sentence in story.sentences:
            if sentence.skip:
                continue
            actors, ev = _analyse(sentence.text, date, kb)
            sentence.actors = actors
            evidence.extend(ev)
        dominant = dominant_country(evidence)
        if dominant:
            for sentence in story.sentences:
                for a in sentence.actors:
                    if _fillable(a):
                        a.country, a.inferred = dominant, True
                    if a.id is None:
                        a.sector = kb.local_sector(a.text, a.country, a.sector)
        return story
