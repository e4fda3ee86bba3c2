"""The actor knowledge base: countries, organisations, office-holders and sector nouns.

Everything is read from the TSV files beside this module (`countries.tsv`, `organisations.tsv`,
`officeholders.tsv`, `sectors.tsv`; each starts with comment lines saying what its columns mean) and indexed once,
lazily, for token-level lookup: a phrase is stored under its tokens joined by single spaces, using the same
tokeniser the actors stage uses, so "U.S.", "Côte d'Ivoire" or "Israel's" split the same way in the data and in a
sentence. Proper names are keyed case-sensitively ("US" is not "us"); sector nouns and titles are keyed in lower case.

Hand-written rather than taken from a library: no package ships demonyms, capitals-as-metonyms, office-holders with
dates and PLOVER sector codes together, and the whole table must load in milliseconds with no network.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from flashpoint import tsv

__all__ = [
    "POSSESSIVE", "TOKEN_RE", "Country", "Entry", "KnowledgeBase", "Person", "Term", "key", "load", "tokens",
]

# Abbreviations with dots ("U.S.", "U.N."), words with inner hyphens or apostrophes ("al-Shabaab", "N'Djamena",
# "Israel's": the possessive stays on its word and is split off at lookup), and any other non-space character.
TOKEN_RE = re.compile(r"[A-Za-z]\.(?:[A-Za-z]\.)++|\w++(?:[-‐‑'’]\w++)*+|\S")
POSSESSIVE = ("'s", "’s")

# Kinds of entries in the proper-name index ...
COUNTRY, DEMONYM, CAPITAL, PLACE = "country", "demonym", "capital", "place"
ORG, SEAT, REGION, BLOCK, PERSON = "org", "seat", "region", "block", "person"
# ... and in the lower-case index (the `role` column of sectors.tsv).
NOUN, TITLE, CTITLE, WEAK, FILLER, FORMER = "noun", "title", "ctitle", "weak", "filler", "former"


def tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(text)


def key(text: str) -> str:
    """The index key of a phrase: its tokens joined by single spaces."""
    return " ".join(TOKEN_RE.findall(text))


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str  # the entity's own ISO code
    code: str  # the PLOVER code its actors get (dependencies fold into their state)
    name: str
    sector: str | None  # PRE for partially recognised entities, else None


@dataclass(frozen=True, slots=True)
class Term:
    country: str
    sector: str
    office: str
    start: str  # ISO date
    end: str | None  # ISO date, None while in office


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    terms: tuple[Term, ...]  # sorted by start

    def at(self, date: str | None) -> tuple[str, str | None]:
        """(country, sector) at `date` (ISO); with no date, as things stand after the last recorded term.

        Out of office after a term: ELI (PLOVER: former officials); before the first term: no sector."""
        if not date:
            t = self.terms[-1]
            return t.country, t.sector if t.end is None else "ELI"
        for t in reversed(self.terms):
            if t.start <= date and (t.end is None or date < t.end):
                return t.country, t.sector
        past = [t for t in self.terms if t.end is not None and t.end <= date]
        if past:
            return past[-1].country, "ELI"
        return self.terms[0].country, None

    def in_office(self, date: str | None) -> bool:
        if not date:
            return self.terms[-1].end is None
        return any(t.start <= date and (t.end is None or date < t.end) for t in self.terms)

    def last_start(self) -> str:
        return self.terms[-1].start


@dataclass(frozen=True, slots=True)
class Entry:
    """What one indexed phrase means."""

    kind: str
    code: str | None = None  # PLOVER country code
    sector: str | None = None
    name: str | None = None
    id: str | None = None
    persons: tuple[Person, ...] = ()  # PERSON entries: everyone known by this phrase
    changes: tuple[tuple[str, str], ...] = ()  # (date, sector) from that date on
    geo: str | None = None  # the country this phrase is evidence of (names, demonyms, capitals, seats, cities)

    def sector_at(self, date: str | None) -> str | None:
        sector = self.sector
        for since, new in self.changes:
            if not date or since <= date:
                sector = new
        return sector


@dataclass(slots=True)
class KnowledgeBase:
    countries: dict[str, Country] = field(default_factory=dict)  # by iso3
    proper: dict[str, Entry] = field(default_factory=dict)
    lower: dict[str, Entry] = field(default_factory=dict)
    # Every token prefix of a key ("United", "United States", "United States of" ...), so that a match grows one
    # token at a time and stops at the first prefix that no key has.
    proper_prefixes: set[str] = field(default_factory=set)
    lower_prefixes: set[str] = field(default_factory=set)
    # One lookup per word: word as written -> (its one-word entry or None, whether longer keys start with it,
    # whether the word is that entry with a possessive 's). Lower-case keys are indexed under the forms a word
    # takes in text (police, Police, POLICE, police's).
    proper_words: dict[str, tuple[Entry | None, bool, bool]] = field(default_factory=dict)
    lower_words: dict[str, tuple[Entry | None, bool, bool]] = field(default_factory=dict)
    starts: set[str] = field(default_factory=set)  # every word at which some key may start
    offices: dict[tuple[str, str], list[Person]] = field(default_factory=dict)  # (country, office) -> holders
    persons: dict[str, Person] = field(default_factory=dict)
    local_sectors: dict[tuple[str, str], str] = field(default_factory=dict)  # (sector noun, country) -> sector

    def local_sector(self, text: str, country: str | None, sector: str | None) -> str | None:
        """The sector of a generic mention in its country ("security forces" in India are police: COP); else
        `sector` unchanged. The whole mention must be the phrase: "army security forces" keeps its own sector."""
        return self.local_sectors.get((" ".join(text.lower().split()), country or ""), sector)

    def holder(self, country: str, office: str, date: str | None) -> Person | None:
        """Who held `office` ("president", "foreign minister") in `country` at `date` (or holds it now)."""
        for p in self.offices.get((country, office), ()):
            for t in p.terms:
                if t.country == country and t.office == office and (
                    (not date and t.end is None) or (date and t.start <= date and (t.end is None or date < t.end))
                ):
                    return p
        return None


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


def _words(keys: dict[str, Entry], prefixes: set[str], forms) -> dict[str, tuple[Entry | None, bool, bool]]:
    out: dict[str, tuple[Entry | None, bool, bool]] = {}
    firsts = {p for p in prefixes if " " not in p}
    for w in firsts:
        entry = keys.get(w)
        poss = entry is None and w[-2:] in POSSESSIVE and w[:-2] in keys
        if poss:
            entry = keys[w[:-2]]
        for form in forms(w):
            out[form] = (entry, False, poss)
    heads = {p.split(" ", 1)[0] for p in prefixes if " " in p}
    for w in heads:
        for form in forms(w):
            e, _, poss = out.get(form, (None, False, False))
            out[form] = (e, True, poss)
    return out


def _prefixes(keys: dict[str, Entry]) -> set[str]:
    """Token prefixes of the keys, and each key with a possessive ("Saudi Arabia's")."""
    out: set[str] = set()
    for k in keys:
        words = k.split(" ")
        out.update(" ".join(words[:n]) for n in range(1, len(words) + 1))
        out.update(k + p for p in POSSESSIVE)
    return out


def _build() -> KnowledgeBase:
    kb = KnowledgeBase()
    proper: dict[str, Entry] = {}

    def put(phrase: str, entry: Entry, override: bool = False) -> None:
        k = key(phrase)
        if k and (override or k not in proper):
            proper[k] = entry

    for iso3, code, name, alts, demonyms, capitals, places, sector in tsv.rows(
            __package__, "countries.tsv", header=True, width=8, extra="drop"):
        kb.countries[iso3] = Country(iso3, code, name, sector or None)
        cid = f"country:{iso3}"
        ent = Entry(COUNTRY, code, sector or None, name, cid, geo=code)
        for n in [name, *_split(alts)]:
            put(n, ent)
        for d in _split(demonyms):
            put(d, Entry(DEMONYM, code, sector or None, name, cid, geo=code))
        for c in _split(capitals):
            if not c.startswith("~"):  # ~ marks an ambiguous capital: recorded, never matched
                put(c, Entry(CAPITAL, code, "GOV", name, cid, geo=code))
        for p in _split(places):
            put(p, Entry(PLACE, code, None, name, cid, geo=code))

    for oid, name, aliases, country, sector, kind, changes in tsv.rows(
            __package__, "organisations.tsv", header=True, width=7, extra="drop"):
        ch = tuple(sorted(tuple(c.split(":", 1)) for c in changes.split(";") if ":" in c))
        if kind == "block":
            ent = Entry(BLOCK)
        else:
            ek = {"seat": SEAT, "region": REGION, "people": DEMONYM}.get(kind, ORG)
            geo = country if ek in (SEAT, REGION, DEMONYM) and country not in ("", "IGO") else None
            ent = Entry(ek, country or None, sector or None, name, f"org:{oid}", changes=ch, geo=geo)
        for n in ([] if kind == "block" else [name]) + _split(aliases):
            put(n, ent, override=True)  # an organisation's name beats a country word inside it

    terms: dict[str, list[Term]] = {}
    names: dict[str, str] = {}
    aliases: dict[str, list[str]] = {}
    for pid, name, al, country, sector, office, start, end in tsv.rows(
            __package__, "officeholders.tsv", header=True, width=8, extra="drop"):
        terms.setdefault(pid, []).append(Term(country, sector, office, start, end or None))
        names.setdefault(pid, name)
        aliases.setdefault(pid, [name]).extend(_split(al))
    by_phrase: dict[str, list[Person]] = {}
    for pid, ts in terms.items():
        person = Person(pid, names[pid], tuple(sorted(ts, key=lambda t: t.start)))
        kb.persons[pid] = person
        for t in person.terms:
            holders = kb.offices.setdefault((t.country, t.office), [])
            if person not in holders:
                holders.append(person)
        for a in dict.fromkeys(aliases[pid]):
            by_phrase.setdefault(key(a), []).append(person)
    for k, people in by_phrase.items():
        first = people[0]
        if k not in proper or proper[k].kind in (PERSON,):
            proper[k] = Entry(PERSON, None, None, first.name, f"person:{first.id}", persons=tuple(people))

    lower: dict[str, Entry] = {}
    for phrase, sector, role in tsv.rows(__package__, "sectors.tsv", header=True, width=3, extra="drop"):
        lower[key(phrase.lower())] = Entry(role, None, None if sector in ("", "-") else sector)

    kb.local_sectors = {(phrase.lower(), country): sector for phrase, country, sector in tsv.rows(
        __package__, "sectors_local.tsv", header=True, width=3, extra="drop")}
    kb.proper, kb.lower = proper, lower
    kb.proper_prefixes = _prefixes(proper)
    kb.lower_prefixes = _prefixes(lower)
    kb.proper_words = _words(proper, kb.proper_prefixes, lambda w: (w,))
    kb.lower_words = _words(lower, kb.lower_prefixes, lambda w: (w, w[:1].upper() + w[1:], w.upper(), w.title()))
    kb.starts = set(kb.proper_words) | set(kb.lower_words)
    return kb


@cache
def load() -> KnowledgeBase:
    """The knowledge base, built once per process (about 0.1 s)."""
    return _build()
