"""Counts of people in a sentence: dead, injured, arrested, and crowd size.

Why hand-written patterns and not a library or a model: counts in news follow a small set of fixed frames ("12
people were killed", "killing 12", "at least 12 dead", "the death toll rose to 40", "a crowd of 5,000"); regular
expressions built from readable word lists (`quantities_lexicon.json`, `quantities_vague.tsv`) code them in
microseconds per sentence, with offsets, and every decision traces back to a word-list entry. No number-parsing
library we could ship offline reads "twenty-three", "a dozen" and "dozens" the way event coders do.

Speed: word lists are compiled into character tries (one regex branch per letter instead of one per word) and the
patterns are case-sensitive with capitalised variants of each word: Python's `re` is several times slower under
IGNORECASE, and case is needed anyway to recognise names ("Jane Doe, 23, was wounded").

Conventions (they change the numbers, so they are written down):
- Vague words: `quantities_vague.tsv`. By default "dozens", "hundreds", "several" are recognised and not coded (no
  made-up exact number; the record's figure stays null); `acled_vague()` gives ACLED's reading (dozens = 12, ...).
- "more than 100", "nearly 50", "some 200": the number itself. Ranges ("10 to 15", "between 10 and 15"): the lower
  bound (ACLED's "most conservative estimate").
- A person who "was shot" with nothing saying dead or hurt counts as injured (1 for "a man"); "shot dead", "shot and
  killed", "fatally shot" count as dead. "Four people were shot, one fatally" gives dead 1 and injured 3.
- Singular subjects without a number count as one: "a man was killed", "he died", "Jane Doe, 23, was wounded".
- Cumulative totals ("since the war began", "so far this year", "the conflict has killed 500,000") are not this
  event's figures: `find_quantities` leaves them out (`find_counts` keeps them, flagged).
- "No one was hurt" gives injured = 0: an explicit zero, not a missing value.

For whole incidents: `story_tally` keeps, per story, the largest figure of each kind (plus "shot" figures apart,
since those may include the dead), and `combine_tallies` merges the tallies of one or more stories into one figure
per kind (its docstring gives the rule); `story_totals` does both for a single story.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from flashpoint import tsv
from flashpoint.records import Quantity, Story, VagueQuantity

# ---------------------------------------------------------------------------------------------------------------
# Numbers

_NUMBERS = tsv.rows("flashpoint.extract", "quantities_numbers.tsv")  # number words (knowledge, kept as data)
_UNITS = {word: int(value) for kind, word, value in _NUMBERS if kind == "unit"}
_TENS = {word: int(value) for kind, word, value in _NUMBERS if kind == "ten"}
_SCALES = {word: int(value) for kind, word, value in _NUMBERS if kind == "scale"}


def words_to_int(words: str) -> int | None:
    """ "twenty-three" -> 23, "three hundred and five" -> 305, "a thousand" -> 1000; None if not a number."""
    total, current, seen = 0, 0, False
    for w in re.split(r"[\s-]+", words.lower().replace(",", " ")):
        if not w or w == "and":
            continue
        if w in ("a", "an") and not seen:
            current, seen = 1, True
        elif w in _UNITS:
            current += _UNITS[w]
            seen = True
        elif w in _TENS:
            current += _TENS[w]
            seen = True
        elif w in _SCALES:
            scale = _SCALES[w]
            current = max(current, 1) * scale
            if scale >= 1000:
                total, current = total + current, 0
            seen = True
        else:
            return None
    return total + current if seen else None


# ---------------------------------------------------------------------------------------------------------------
# Word lists (loaded once, on first use)


@lru_cache(maxsize=1)
def _lexicon() -> dict:
    return json.loads(tsv.text(__package__, "quantities_lexicon.json"))


def _vague_column(column: int) -> dict[str, int | None]:
    out: dict[str, int | None] = {}
    for row in tsv.rows(__package__, "quantities_vague.tsv"):
        value = row[column] if len(row) > column else ""
        out[row[0].lower()] = int(value) if value else None
    return out


@lru_cache(maxsize=1)
def default_vague() -> dict[str, int | None]:
    """Vague quantity word -> value (None: recognised, never coded), from `quantities_vague.tsv`: by default only
    "a couple" and "a dozen" are coded; "dozens", "hundreds", "several" stay vague (null on the records)."""
    return _vague_column(1)


@lru_cache(maxsize=1)
def acled_vague() -> dict[str, int | None]:
    """ACLED's conservative reading of vague words (dozens = 12, hundreds = 100, ...), for `vague=`."""
    return _vague_column(2)


def _plurals(noun: str, irregular: Mapping[str, list[str]]) -> list[str]:
    if noun in irregular:
        return list(irregular[noun])
    if re.search(r"[^aeiou]y$", noun):
        return [noun[:-1] + "ies"]
    if re.search(r"(s|sh|ch|x|z)$", noun):
        return [noun + "es"]
    return [noun + "s"]


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip().lower()).replace("’", "'")


def _trie(phrases: Iterable[str], cased: bool = True, lower: bool = True) -> str:
    """A regex matching any of `phrases` (lower-cased unless `lower` is false), as a character trie; with `cased`,
    also their Capitalised and Title Case forms. A space in a phrase matches any run of whitespace."""
    forms: set[str] = set()
    for p in phrases:
        p = _norm(p) if lower else re.sub(r"\s+", " ", p.strip())
        if not p:
            continue
        forms.add(p)
        if cased:
            forms.add(p[0].upper() + p[1:])
            forms.add(" ".join(w[:1].upper() + w[1:] for w in p.split(" ")))
    root: dict = {}
    for f in forms:
        node = root
        for ch in f:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if end:
            return f"(?:{body})?"
        return body

    return "(?:" + emit(root) + ")"


# ---------------------------------------------------------------------------------------------------------------
# Patterns

_W = tsv.lists("flashpoint.extract", "quantities_words.tsv")  # the word lists below (knowledge, kept as data)
_MODS = list(_W["mods"])
_STOP = list(_W["stop"])
_ADV = list(_W["adv"])
_AUX = list(_W["aux"])
_SDET = list(_W["sdet"])
_NOT_NAME = list(_W["not_name"])
_UNIT_WORDS = list(_W["unit_words"])
_BARE_AFTER = list(_W["bare_after"])


class _Patterns:
    """Every compiled pattern; built once on first use, never at import time."""

    def __init__(self) -> None:
        lex = _lexicon()
        vague_map = default_vague()
        irregular = lex["irregular_plurals"]
        sing = [_norm(n) for n in lex["person_nouns"]]
        plural = [p for n in sing for p in _plurals(n, irregular)] + [_norm(n) for n in lex["plural_only_nouns"]]
        self.sing_nouns = set(sing)
        parts = [_norm(n) for n in lex["participant_nouns"]]
        parts += [p for n in parts for p in _plurals(n, irregular)]

        units19 = "(?:[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine)"
        tens = _trie(_TENS)
        nw = rf"(?:{tens}(?:-{units19})?|{_trie([*_UNITS, *_SCALES])})"
        numwords = rf"{nw}(?:(?:\s+|-){nw}|(?:(?<=hundred)|(?<=thousand))\s+and\s+{nw})*(?![\w-])"
        digits = (
            r"(?<![$£€#\w.,:/])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+(?=\s+(?:million|thousand)))?"
            r"(?!,\d)(?!\.\d)(?!:\d)(?![\w%$£€])(?:\s+(?:hundred|thousand|million)\b)?"
        )
        vague = _trie(vague_map)
        dozen = rf"(?:(?:{nw}|\d+|[Aa])\s+dozen|[Dd]ozens)"
        number = rf"(?<![\w-])(?:{dozen}|{vague}(?![\w-])|{digits}|{numwords})"
        units = _trie(_UNIT_WORDS, cased=False)
        age = rf"(?:\d+|{nw}(?:-{nw})?)[\s-](?:years?|months?|weeks?|days?)[\s-]old"
        not_unit = rf"(?![\s-]+(?:years?|months?|weeks?|days?)[\s-]+old)(?!\s*(?:-|\s)\s*{units}\b)"
        mods = _trie(_MODS)
        self.qnum = (
            # a range ("10 to 15", "between 10 and 15") is read as its lower bound
            rf"(?:{mods}\s+)*(?:[Bb]etween\s+)?{number}(?:\s*(?:to|or|and|-|–|—)\s*{number})?{not_unit}"
        )
        self.number_re = re.compile(number)

        # Nationality plurals after a number or word ("two Palestinians", "three Chinese", "12 Iraqis") are people.
        demonym_pl = (
            r"(?!(?:Years|Months|Weeks|Days|Hours|Minutes|Times|Dollars|Points|Games|Votes|Seats|Homes|Cars|Guns|"
            r"Shots|Rounds|Miles|Blocks|Things|Ways|Reasons|Questions|Lessons|Takeaways|Tips|Facts|Shootings|"
            r"Children|Kids|Others|Bullets|Stories|Photos|Videos)\b)"
            r"(?<=[a-z0-9]\s)[A-Z][a-z]+(?:ans|ians|ese|is|ites|ots|ks|ds|bs|ns|es|ts)(?![\w'’-])"
        )
        head = rf"(?:{_trie(sing + plural)}|{age}s?|{demonym_pl})(?![\w'’-])(?!['’]s\b)"
        stop = _trie(_STOP)
        mod = rf"(?:(?!{stop}(?![\w'’-]))[a-zA-Z][\w'’.-]*|{age})"
        sdet = rf"(?:{_trie(_SDET)}|(?:[Aa]|[Aa]n|[Tt]he)\s+\w+['’]s)"
        name_word = r"(?:[A-Z][a-zA-Z'’.-]+|[A-Z]\.)"
        name = (
            rf"(?!{_trie(_NOT_NAME, cased=False, lower=False)}\b){name_word}"
            rf"(?:\s+(?:{name_word}|de|da|del|la|le|van|von|bin|al|ibn|el)){{0,3}}"
        )
        age_appos = rf"(?:\s*,\s*(?:\d{{1,3}}|{age})(?=\s*(?:[,.;:!?)]|$)))"
        self.pred_kind: dict[str, str] = {}
        for kind, phrases in lex["passive_predicates"].items():
            for ph in phrases:
                self.pred_kind[_norm(ph)] = kind
        for ph in lex["died_predicates"]:
            self.pred_kind[_norm(ph)] = "dead"
        self.size_preds = {_norm(ph) for ph in lex["size_predicates"]}
        for ph in self.size_preds:
            self.pred_kind.setdefault(ph, "size")
        # "suffered a gunshot wound", "with non-life-threatening injuries": hurt (a gunshot wound may be fatal).
        wound = (
            r"(?:[Ss]uffer(?:ed|s|ing)|[Ss]ustain(?:ed|s|ing)|[Tt]reated\s+for|[Ww]ith|[Hh]as|[Hh]ad|[Hh]ave|[Rr]eceived)\s+"
            r"(?:an?\s+|one\s+|two\s+|three\s+|several\s+|multiple\s+)?(?:[\w-]+\s+){0,2}?"
            r"(?:(?:gunshot|bullet|gun\s+shot|gun-shot)\s+wounds?|wounds?|injuries|injury)"
        )
        # "taken by ambulance to Ben Taub Hospital", "transported to an area medical center": hurt, like the
        # fixed hospital phrases of the lexicon (up to four words of a name or place between "to" and the noun)
        hospital = (r"\s+(?:(?:an?|the)\s+)?(?:[\w.'’-]+\s+){0,4}?"
                    r"(?:[Hh]ospitals?|[Mm]edical\s+[Cc]ent(?:er|re)|[Tt]rauma\s+[Cc]ent(?:er|re)|[Ee]mergency\s+[Rr]oom)")
        to_hospital = (
            r"(?:[Tt]aken|[Tt]ransported|[Rr]ushed|[Ff]lown|[Aa]irlifted|[Dd]riven|[Tt]ransferred)"
            rf"(?:\s+by(?:\s+[\w-]+){{1,3}}?)?\s+to{hospital}"
            # "three others showed up at a hospital with gunshot wounds": arriving is being hurt only with the wound
            rf"|(?:(?:[Ss]howed|[Tt]urned)\s+up\s+at|[Ww]alked\s+into|[Aa]rrived\s+at"
            rf"|(?:[Dd]rove|[Tt]ook)\s+(?:himself|herself|themselves)\s+to){hospital}"
            r"(?=[^.;]{0,30}?\b(?:with|suffering)\b[^.;]{0,40}?(?:wound|injur))"
        )
        pred = _trie(self.pred_kind) + "|" + wound + "|" + to_hospital
        # First words of predicates and auxiliaries: a bare number ("12 were killed", "Two dead") is a subject only
        # before one of these (a short trie instead of the whole predicate list keeps the patterns small).
        pred_first = _trie({ph.split(" ")[0] for ph in self.pred_kind} | set(_AUX) | {
            "others", "other", "more", "suffered", "suffers", "sustained", "treated", "remain"})

        def element(bare_lookahead: str, extra: str = "") -> str:
            """One element of a noun-phrase list, without named groups (it is embedded in the frame patterns)."""
            # One alternative carries the head noun (so the long noun list appears once): an optional quantity or
            # determiner, up to three modifiers, the head ("two Palestinian civilians", "a 23-year-old man",
            # "soldiers"). How many people that is, _elem_value reads from the words.
            prefix = (rf"(?:(?:[Bb]oth|[Aa]ll)(?:\s+of)?(?:\s+the)?"
                      rf"|{self.qnum}(?:\s+of(?:\s+(?:the|them|those|whom))?)?|{sdet})")
            return (
                rf"(?:{age}\s+{name}{age_appos}?"  # "12-year-old Joseph Reed", before the age alone takes the place
                rf"|(?:{prefix}\s+)?(?:{mod}\s+){{0,3}}{head}{age_appos}?"
                rf"|(?:{self.qnum}|[Aa]nother|[Oo]ne\s+(?:more|other))(?:\s+of\s+(?:them|whom|those|these|us)\b"
                rf"|(?={bare_lookahead}))"
                rf"|(?:[Hh]e|[Ss]he)\b{extra}"
                rf"|(?:[Bb]oth|[Aa]ll\s+{number})(?:\s+of\s+them)?\b"
                rf"|{name}{age_appos}?"
                rf")"
            )

        elem = element(rf"\s+(?:[a-z]+ly\s+)?{pred_first}(?![\w-])")
        self.elem = elem
        conj = (r"(?:\s*,\s*(?:and\s+)?then\s+|\s+and\s+then\s+|\s+then\s+|\s*,\s*and\s+|\s*,\s*|\s+and\s+|\s*&\s*|"
                r"\s+as\s+well\s+as\s+|\s+plus\s+)")
        self.conj_re = re.compile(conj)
        subj = rf"{elem}(?:{conj}{elem})*"
        gap = (
            r"(?:\s*\([^()]{0,60}\)"
            r"|\s*,\s*(?:[Ww]ho|including|among\s+them|a|an|the|both|all|one|each|ages?|aged|also|identified|whose|"
            r"\d{1,3}[\s-]years?[\s-]old|"
            r"believed|described|reportedly|named|of|said|police\s+said|officials\s+said|[A-Z][a-z]+\s+said|"
            r"authorities\s+said|according)\b[^,;()]{0,70}(?=,)"
            # "another man in the home was wounded", "a student at a school for young offenders was hurt": a place
            r"|\s+(?:aged|ages)\s+(?:between\s+)?\d{1,3}(?:\s*(?:and|to|-|–)\s*\d{1,3})?"  # "ten victims aged 20 to 37"
            r"|\s+ranging\s+(?:in\s+age\s+)?from\s+[^,;.]{1,40}?(?=\s+(?:was|were)\s)"
            # "an 18-year-old woman from Milwaukee was shot"
            r"|\s+(?:from|of)\s+(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,2}(?=\s+(?:was|were|is|are)\s)"
            r"|\s+(?:in|at|inside|outside|near|on)\s+(?:the|a|an|his|her|their)\s+(?:[a-z][\w'’-]*\s+){0,3}?"
            r"[a-z][\w'’-]*(?=\s+(?:was|were|is|are)\s)|\s+with\s+(?:him|her|them)(?=\s+(?:was|were|is|are)\s)"
            # "three troopers who entered the home were wounded": a relative clause without commas
            r"|\s+who\s+(?!was\b|were\b|is\b|are\b|had\b|has\b|have\b)"
            r"(?:(?!shot|shoot|kill|wound|injur|hit\b|struck|stab|fire|murder|die|dead|death)[\w'’-]+\s+){1,5}?"
            r"(?!shot|shoot|kill|wound|injur|hit\b|struck|stab|fire|murder|die|dead|death)[\w'’-]+"
            r"(?=\s+(?:was|were)\s)"
            r")?"
        )
        adv = _trie(_ADV, cased=False)
        aux = _trie(_AUX, cased=False)
        auxadv = rf"(?P<aux>(?:\s*,)?(?:\s+{adv})*(?:\s+(?P<auxv>{aux}))?(?:\s+{adv})*)\s+"
        start = r"(?<![\w'’-])" + "".join(
            rf"(?<!\b{w}\s)" for w in ("of", "with", "for", "by", "to", "on", "at", "between", "among", "from",
                                         "against", "like", "than", "into", "toward", "towards", "over", "behind"))
        self.passive = re.compile(rf"{start}(?P<subj>{subj})(?P<gap>{gap}){auxadv}(?P<pred>{pred})(?![\w'’-])")
        # The absolute construction after "with" that `start` keeps out: "with two persons, including a woman,
        # being killed in police firing".
        self.with_being = re.compile(
            rf"(?<=\b[Ww]ith\s)(?P<subj>{subj})(?P<gap>{gap})(?P<aux>(?:\s*,)?\s+(?P<auxv>being))\s+(?P<pred>{pred})(?![\w'’-])")
        # Cheap gates: the full patterns only run on sentences that have a predicate / an active verb, and only
        # from a little before the first one.
        self.pred_only = re.compile(rf"(?<![\w'’-])(?:{pred})(?![\w'’-])")
        self.obj_start = re.compile(
            # "shot and killed him" (a second verb), not "injured and one person dead" (the next subject)
            rf"\s+(?:and\s+(?!(?:one|two|three|four|five|six|seven|eight|nine|ten|a|an|the|another|\d+)\b)\w+\s+)?"
            rf"(?:[Hh]im|[Hh]er|[Tt]hem|[Hh]imself|[Hh]erself|[Tt]hemselves|[Ii]tself|[Hh]is|"
            rf"[Tt]heir|[Ii]ts|[Aa]n?|[Tt]he|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|"
            rf"[Tt]en|\d+|at\s+least|more\s+than|[Dd]ozens|[Ss]cores|[Hh]undreds|[Tt]housands|[Ss]everal|{name}|"
            rf"(?:{mod}\s+)?{head})\b"
        )
        self.verb_kind: dict[str, str] = {}
        for kind, phrases in lex["active_verbs"].items():
            for ph in phrases:
                self.verb_kind[_norm(ph)] = kind
        verb = _trie(self.verb_kind)
        bare_after = _trie(_BARE_AFTER)
        obj_elem = element(rf"\s*(?:[,.;:)!?\"”]|$|{bare_after}\b)",
                           r"|(?:[Hh]im|[Hh]er|[Hh]imself|[Hh]erself|[Ss]elf|[Hh]is\s+own|[Hh]er\s+own|[Oo]wn)\b")
        obj = rf"{obj_elem}(?:{conj}{obj_elem})*"
        # "killed two people and wounded three others": "wounded" with an object of its own is the next verb, not
        # how the first object ended up
        wounded_obj = (rf"\s+(?:{self.qnum}|[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Hh]im|[Tt]hem|[Aa]nother|[Oo]thers|"
                       rf"[Bb]oth)\b")
        self.active = re.compile(
            rf"(?<![\w'’-])(?P<verb>{verb})(?:\s+and\s+(?P<verb2>{verb}))?\s+(?P<obj>{obj})"
            rf"(?P<tail>\s+(?:dead|to\s+death|and\s+killed|(?:and|but)\s+(?:wounded|injured)(?!{wounded_obj})|"
            rf"to\s+(?:a\s+|the\s+)?(?:local\s+|area\s+|nearby\s+)?hospitals?)\b)?"
        )
        self.elem_re = re.compile(elem)
        self.verb_only = re.compile(rf"(?<![\w'’-])(?:{verb})\s")
        self.has_head = re.compile(
            rf"(?:{head}|^(?:[Hh]im|[Hh]er|[Hh]imself|[Hh]erself|[Ss]elf|[Hh]is\s+own|[Oo]wn)\b)")
        self.bodies = re.compile(
            rf"(?<![\w'’-])(?P<n>{self.qnum}|[Aa]|[Tt]he|[Aa]nother)\s+(?:(?:{mod})\s+)?(?:bod(?:y|ies)|corpses?)\s+"
            rf"(?:(?:was|were|has\s+been|have\s+been|had\s+been)\s+)?(?:later\s+)?(?:found|discovered|recovered|"
            rf"pulled|retrieved|located|dumped)\b"
        )
        self.obj_elem_re = re.compile(obj_elem)
        self.fatally = re.compile(
            rf"(?<=,)\s*(?P<n>{self.qnum}|[Oo]ne)(?:\s+of\s+(?:them|whom|those))?(?:\s+{mod})?\s+"
            rf"(?P<how>[Ff]atally|[Mm]ortally)\b"
        )
        self.toll = re.compile(
            rf"\b(?:[Dd]eath|[Cc]asualty|[Ff]atality)\s+[Tt]oll\b[^.;]{{0,50}}?\b(?:rose|risen|rise|rises|climbed|"
            rf"climbs|jumped|reached|reaches|hit|stood|stands|stand|is|was|of|at|to|increased|grew|now|has|"
            rf"surpassed|topped|passed)\s+(?:to\s+|at\s+|reached\s+|risen\s+to\s+)?(?P<n>{self.qnum})"
        )
        self.nouns = re.compile(
            rf"(?<![\w-])(?P<n>{self.qnum})\s+(?:of\s+(?:these|those|the)\s+)?"  # "40 of these deaths"
            rf"(?:(?:more|other|additional|confirmed|reported|civilian|new)\s+)?"
            rf"(?P<noun>deaths|fatalities|dead\s+bodies|bodies|corpses|injuries|arrests|detentions)\b"
        )
        crowd = _trie(lex["crowd_nouns"], cased=False)
        self.crowd = re.compile(
            rf"(?<![\w-]){crowd}\s+of\s+(?P<n>{self.qnum})"
            rf"|(?<![\w-])(?:attended|joined|drew|drawing|attracted|attracting)\s+(?:by\s+)?(?:a\s+crowd\s+of\s+)?"
            rf"(?P<n2>{self.qnum})(?=\s+(?:people|persons|protesters|demonstrators|supporters|participants|"
            rf"marchers|residents|students|workers|members|activists)\b|\s*[,.;])"
            rf"|(?<![\w-])(?P<n3>{self.qnum})-strong\s+{crowd}"
        )
        self.participant_np = re.compile(
            rf"(?<![\w'’-])(?P<n>{self.qnum})(?:\s+of)?(?:\s+{mod}){{0,2}}\s+{_trie(parts)}(?![\w-])"
        )
        self.zero = re.compile(
            r"(?<![\w-])(?:[Nn]o\s+one|[Nn]obody|[Nn]o-one|[Nn]one\s+of\s+(?:them|the\s+\w+)|"
            r"[Nn]o\s+other\s+(?:people|persons|one)|[Nn]o\s+(?:one|body)\s+else|[Nn]o\s+officers?|[Nn]o\s+residents?|"
            r"[Nn]o\s+students?)\s+(?:else\s+)?(?:was|were|is|are|has\s+been|have\s+been|had\s+been|got)\s+"
            r"(?:\w+ly\s+)?(?P<pred>injured|hurt|wounded|killed|arrested|shot|harmed|detained)\b"
            r"|\b[Nn]o\s+(?:other\s+|further\s+|additional\s+)?(?P<noun>injuries|casualties|deaths|fatalities|arrests)"
            r"\s+(?:were|have\s+been|had\s+been|was|has\s+been)\s+(?:reported|made)"
            r"|\b[Tt]here\s+(?:were|have\s+been|was)\s+no\s+(?:other\s+)?(?P<noun2>injuries|casualties|deaths|"
            r"fatalities|arrests)\b"
        )
        self.upgrade = re.compile(
            r"(?:(?!\band\b|\bbut\b)[^.;!?,]){0,100}?(?:(?:,\s*)?(?:\band|\bbut)|,|,?\s*\bwhere\s+(?:he|she|they|the\s+\w+))"
            r"\s+(?:later\s+|then\s+|subsequently\s+|eventually\s+|was\s+|were\s+|has\s+|have\s+|had\s+|since\s+)*"
            r"(?P<to>died|dies|succumbed|pronounced\s+dead|declared\s+dead|killed|passed\s+away)\b"
        )
        # "Man wounded in Friday's shooting dies": a reduced relative clause, then the verb.
        self.upgrade_rr = re.compile(
            r"(?:(?!\band\b)[^.;!?,]){0,50}?\s(?:later\s+|has\s+|have\s+|since\s+)*(?:died|dies|succumbed|passed\s+away)\b")
        self.cumulative = re.compile("|".join(f"(?:{m})" for m in lex["cumulative_markers"]))
        self.background = re.compile("|".join(f"(?:{m})" for m in lex["background_markers"]))
        # Video timestamps and teaser lines that introduce other stories.
        self.teaser = re.compile(r"^\W*(?:\d{1,2}:\d\d\s|related\b|►|more:|watch:|also:|read more|see also|trending)",
                                 re.I)
        self.neither = re.compile(r"\b(?:[Nn]either|[Nn]or)\b")
        self.det_before = re.compile(
            r"\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Tt]wo|[Tt]hree|[Ff]our)\s+$")
        self.years = re.compile(r"(?<![\w$.,-])(?:19[5-9]\d|20[0-4]\d)(?![\w-])")
        self.modal_before = re.compile(
            r"(?:\b(?:to|could|would|might|may|can|will|should|must|shall)\s+(?:have\s+)?|\b(?:could|would|might|"
            r"may|will)n?['’]?t?\s+(?:have\s+)?)$")
        triggers = [
            "kill", "dead", "die", "death", "fatal", "injur", "wound", "hurt", "shot", "shoot", "hospital", "arrest",
            "detain", "custody", "round", "protest", "demonstrat", "march", "rall", "crowd", "gather", "strik",
            "slain", "murder", "execut", "massacr", "gunned", "stab", "beat", "condition", "toll", "bod", "casualt",
            "struck", "hit", "grazed", "apprehend", "jail", "nabbed", "booked", "perish", "succumb", "lost", "surviv",
            "assembl", "turned out", "took", "streets", "participa", "attend", "join", "remand", "strong", "maim",
            "martyr", "lynch", "behead", "harm", "recover", "chant", "occup", "block", "vigil", "sit-in", "walked",
            "massed", "converged", "poured", "drew", "attract", "sent", "picked up", "held", "passed away",
            "grazed", "corpse", "lives", "life", "waved", "staged", "went on", "picket", "rioter", "marcher",
            "activist", "participant", "treated", "medical cent", "trauma cent", "deceased",
        ]
        self.prefilter = re.compile(_trie(triggers, cased=False))
        # "shot at" is fired upon ("he was shot at", "shot at by a gunman"), not "shot at a party", "shot at the
        # corner of ...", "shot at close range" (where a person was hit)
        self.shot_at = re.compile(r"\s+at\b(?!\s+(?:least|an?|the|his|her|their|its|about|around|approximately|"
                                  r"close|point|home|work|school|\d|[A-Z]))")
        # The predicate was a noun: "one shot was fired", "shot residue".
        self.pred_as_noun = re.compile(r"\s+(?:was|were|is|are|rang|rings|fired|residue|range|glass|wound|wounds)\b")
        # A fatal incident without a figure ("a fatal shooting", "the shooting death"): at least one dead.
        self.implied_dead = re.compile("|".join(f"(?:{m})" for m in lex["implied_dead_markers"]))


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    from flashpoint import prepared  # compiled once per install, not at every start

    return prepared.load("quantities", _Patterns)


# ---------------------------------------------------------------------------------------------------------------
# Figures


@dataclass(slots=True)
class Count:
    """One figure found in a sentence, before the sentence's figures are reconciled.

    kind: dead | injured | arrested | size | shot ("was shot", "taken to hospital": hurt, but possibly among the
    dead). subset: part of a group counted elsewhere in the sentence ("..., one fatally"). others: "four others",
    "three more", "also" (in addition to people counted before). cumulative: a running total, not this event's
    figure. A singular "injured" without a written number ("she was wounded") is kept as kind "shot": the person may
    be one who later died."""

    kind: str
    value: int
    start: int
    end: int
    subset: bool = False
    others: bool = False
    cumulative: bool = False
    numbered: bool = True  # the count is written ("two", "12", "dozens"), not read off "a man" / "he" / a name
    reflexive: bool = False  # "killed himself": the attacker, a person other than the victims named beside


def _number_value(s: str, vague: Mapping[str, int | None]) -> int | None:
    """Value of a quantity phrase: its first number (a range's lower bound), vague words per `vague`."""
    low = _norm(s)
    m = _patterns().number_re.search(low)
    if m is None:
        return None
    tok = _norm(m.group(0))
    if tok in vague:
        return vague[tok]
    dm = re.fullmatch(r"(.+?)\s+dozen", tok)
    if dm:
        g = dm.group(1)
        base = 1 if g == "a" else int(g) if g.isdigit() else words_to_int(g)
        return None if base is None else base * 12
    if tok == "dozens":
        return vague.get("dozens")
    dm = re.fullmatch(r"([\d,]+(?:\.\d+)?)(?:\s+(hundred|thousand|million))?", tok)
    if dm:
        base = float(dm.group(1).replace(",", ""))
        return int(base * (_SCALES[dm.group(2)] if dm.group(2) else 1))
    return words_to_int(tok)


_ANOTHER = re.compile(r"another|one\s+(?:more|other)")
_SINGULAR_PRON = re.compile(r"(?:he|she|him|her|himself|herself)", re.I)
_OF_THEM = re.compile(r"\bof\s+(?:them|whom|those|these|us|the)\b", re.I)
_OTHERS = re.compile(r"\b(?:others?|more|another|additional|further|second|third|fourth|other)\b", re.I)
_AGE_AFTER = re.compile(r"[\s-]+(?:years?|months?|weeks?|days?)[\s-]+old")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def _elem_value(t: str, vague: Mapping[str, int | None]) -> tuple[int | None, bool, bool, bool]:
    """(count, subset, others, numbered) of one noun-phrase element: "two soldiers" -> 2, "a man" -> 1, "the victims"
    -> None."""
    p = _patterns()
    t = t.strip().strip(",").strip()
    low = t.lower()
    others = bool(_OTHERS.search(low))
    subset = bool(_OF_THEM.search(low))
    if _SINGULAR_PRON.fullmatch(low):
        return 1, False, False, False
    if _ANOTHER.fullmatch(low):
        return 1, False, True, True  # "three were killed and another critically injured"
    if low.startswith("both"):
        return 2, False, others, True
    m = p.number_re.search(low)
    while m is not None and vague.get(_norm(m.group(0)), 0) is None:  # "as many as 98": "many" is a modifier
        following = p.number_re.search(low, m.end())
        if following is None:
            break
        m = following
    later = p.number_re.search(low, m.end()) if m else None
    if later and not _AGE_AFTER.match(low, later.end()) and re.search(r"\s[A-Z]", t[m.end():later.start()]):
        m = later  # "13 News two people": a station's name, then the count
    if m and not _AGE_AFTER.match(low, m.end()) and not re.search(r",\s*$", low[: m.start()]):
        tok = _norm(m.group(0))
        if _YEAR.fullmatch(tok) and m.end() == len(low):
            return None, False, False, False
        value = _number_value(low[m.start():], vague)
        if value is not None or tok in vague:
            return value, subset, others, True
    head = re.sub(r"\s*,.*$", "", low).split()
    if not head:
        return None, subset, others, False
    last = head[-1]
    if last in p.sing_nouns or re.search(r"(?:year|month|week|day)[\s-]old$", " ".join(head)):  # "a 17 year old"
        return 1, subset, others, False
    t = _AGE_BEFORE_NAME.sub("", t)  # "12-year-old Joseph Reed": the name tells one person
    if t[:1].isupper() and (not last.endswith("s") or re.search(r",\s*\d{1,3}$", t)):
        return 1, subset, others, False  # a name
    return None, subset, others, False


@lru_cache(maxsize=1)
def _place_heads() -> frozenset[str]:
    """Last words of place and organisation names (`quantities_place_heads.tsv`)."""
    from flashpoint.tsv import rows

    return frozenset(r[0].lower() for r in rows("flashpoint.extract", "quantities_place_heads.tsv"))


_AGE_BEFORE_NAME = re.compile(r"^\d{1,3}[\s-]years?[\s-]old\s+(?=[A-Z])")
_CONJ_AND = re.compile(r"and|&|plus|as\s+well\s+as|then")
_REFLEXIVE = re.compile(r"(?:him|her|them)sel(?:f|ves)", re.I)
_DETERMINED = re.compile(r"(?:a|an|the|his|her|their|its|our|my|this|that|another)\s", re.I)
_SINGULAR_AUX = re.compile(r"(?:who\s+|that\s+)?(?:was|is|has\s+been|'s|’s|remains|gets)(?:\s|$)")
_AGE_ONLY = re.compile(r"\d{1,3}")
_AGE_END = re.compile(r",\s*(?:\d{1,3}|[\w-]+old)\s*$")
_NEGATED = re.compile(r"\bnot\b|n't\b|\bnever\b")
def _ends_in_person_noun(low: str) -> bool:
    words = re.sub(r"\s*,.*$", "", low).split()
    return bool(words) and (words[-1] in _patterns().sing_nouns or words[-1].endswith("old"))


_SPEAKER_AFTER = re.compile(r"\s*(?:[A-Z][\w'’-]*\s+){0,4}(?:said|says|told|tells|reported|announced|added|stated)\b")
_CAP_WORD_BEFORE = re.compile(r"(?<![.!?:;\"“]\s)(?<!^)\b[A-Z][A-Za-z]*\.?\s+$")


def _group(text: str, start: int, end: int, elem_re: re.Pattern[str],
           vague: Mapping[str, int | None], keep: str = "last") -> tuple[int | None, bool, bool, int, int, bool]:
    """(sum, subset, others, first element start, element count, numbered) for a noun-phrase list in text[start:end]:
    "two soldiers and a civilian" -> 3. A list whose last link is a bare comma is an apposition ("the toddler, Jaeson
    Hill,"), not a list: only the element next to the verb counts (`keep` = "last" for a subject, "first" for an
    object). A trailing ", 20" after a name is an age, not a second element."""
    p = _patterns()
    elems: list[tuple[int, int | None, bool, bool, bool, bool]] = []
    last_conj = first_conj = ""
    pos = start
    while pos < end:
        m = elem_re.match(text, pos)
        if m is None or m.end() == pos:
            break
        piece = text[m.start():min(m.end(), end)]
        if keep == "first" and elems and last_conj.strip() == "," and _AGE_ONLY.fullmatch(piece.strip()):
            break  # "Tyshawn Lee, 9": an age
        if elems and last_conj.strip() == "," and _SPEAKER_AFTER.match(text, m.end()):
            break  # "wounding 11, regional governor Oleh Syniehubov said": the speaker, not a twelfth victim
        if piece[:1].isupper() and re.sub(r"\W+$", "", piece).split()[-1].lower() in _place_heads():
            elems, last_conj, first_conj = [], "", ""  # "went to Cedar Hill Road and found three men": a place
            c = p.conj_re.match(text, m.end())
            if c is None or c.end() >= end:
                break
            pos = c.end()
            continue
        value, sub, oth, num = _elem_value(piece, vague)
        # a bare-comma list is a real list when its members are bare nouns, numbers or "himself" ("Father,
        # daughter found dead"; "kills daughter, himself"), not a noun and its name ("the toddler, Sam Reed")
        listy = num or bool(_REFLEXIVE.fullmatch(piece.strip())) or (
            not _DETERMINED.match(piece.strip()) and _ends_in_person_noun(piece.strip().lower()))
        elems.append((m.start(), value, sub, oth, num, listy))
        c = p.conj_re.match(text, m.end())
        if c is None or c.end() >= end:
            break
        last_conj = c.group(0)
        first_conj = first_conj or last_conj
        pos = c.end()
    if not elems:
        return None, False, False, start, 0, False
    if len(elems) > 2 and first_conj.strip() == "," and elems[0][4] and (elems[0][1] or 0) >= 2 \
            and all(e[1] is not None for e in elems[1:]) and sum(e[1] for e in elems[1:]) == elems[0][1]:
        elems = elems[:1]  # "two people, a man and a woman, were hurt": the list names the two, it adds no one
    if len(elems) > 1 and (not _CONJ_AND.search(last_conj) and not all(e[5] for e in elems)
                           or any(e[2] for e in elems)):
        # apposition, not a list ("the toddler, Jaeson Hill,"; "Newark, and one of them"): the element next to the
        # verb is the one that counts
        elems = elems[-1:] if keep == "last" else elems[:1]
    if any(e[1] is None for e in elems):
        return None, False, False, start, 0, False
    # "Zone 5 officers", "March 18 died": a number right after a capitalised word is a name or a date.
    first = elems[0][0]
    if first > 0 and text[first].isdigit() and _CAP_WORD_BEFORE.search(text, max(0, first - 30), first):
        return None, False, False, start, 0, False
    total = sum(e[1] for e in elems)  # type: ignore[misc]
    if len(elems) == 2 and text[first:first + 5].lower() == "both ":
        total = 2  # "both the girl and the man": two people, not "both" and two more
    numbered = len(elems) > 1 or elems[0][4]
    # "Simpson and four other teens were shot": the list is everyone, not people in addition to someone else
    others = all(e[3] for e in elems)
    return total, any(e[2] for e in elems), others, first, len(elems), numbered


_KIND_RANK = {"shot": 0, "injured": 1, "arrested": 1, "size": 0, "dead": 2}
_NO_OBJECT_PREDS = set(_W["no_object_preds"])
_VAGUE_OR_BIG = re.compile(
    r"\d|dozen|hundred|thousand|million|score|tens|several|few|handful|couple|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety", re.I)
# Active verbs whose object must be a real noun phrase (not a bare number or a lone capitalised word):
# "shooting Thursday", "Shooting Death", "hit 2" are not counts.
_WEAK_VERBS = set(_W["weak_verbs"])
_SENDS = set(_W["sends"])


def _caps_safe(text: str) -> str:
    """ALL-CAPS headlines are matched in lower case (same length, so offsets stay valid)."""
    if text.isupper() and len(text) > 8:
        low = text.lower()
        if len(low) == len(text):
            return low
    return text


def find_counts(text: str, vague: Mapping[str, int | None] | None = None) -> list[Count]:
    """Every figure in one sentence before reconciliation: shot, subset, others and cumulative kept apart.

    Memoised: a sentence is read once for its own record and again for the story's tally."""
    return list(_counts(text, None if vague is None else tuple(vague.items())))


@lru_cache(maxsize=4096)
def _counts(text: str, vague_items: tuple[tuple[str, int | None], ...] | None) -> tuple[Count, ...]:
    return tuple(_find_counts(text, None if vague_items is None else dict(vague_items)))


def _find_counts(text: str, vague: Mapping[str, int | None] | None) -> list[Count]:
    p = _patterns()
    low = text.lower()
    if not text or not p.prefilter.search(low):
        return []
    text = _caps_safe(text)
    vague = default_vague() if vague is None else {_norm(k): v for k, v in vague.items()}
    hits: list[Count] = []

    gate = p.pred_only.search(text)
    passives = p.passive.finditer(text, max(0, gate.start() - 160)) if gate else iter(())
    if gate and " being " in low:
        passives = chain(passives, p.with_being.finditer(text))
    for m in passives:
        pred = _norm(m.group("pred"))
        kind = p.pred_kind.get(pred)
        if kind is None:
            if not re.search(r"wound|injur|hospital|cent(?:er|re)|room", pred):
                continue
            kind = "injured" if "injur" in pred and not pred.startswith(_TO_HOSPITAL_VERBS) else "shot"
        after = m.end("pred")
        if pred == "shot" and p.shot_at.match(text, after):
            continue  # "shot at" is not a hit
        if ("hospital" in pred or "cent" in pred) and _NOT_HURT_AFTER.match(text, after):
            continue  # "taken to a hospital for smoke inhalation", "as a precaution"
        auxv = _norm(m.group("auxv") or "")
        if auxv.startswith(("will ", "would ", "may ", "might ", "could ")):
            continue  # "could have been killed": not a count of anything that happened
        if _CONDITION_BEFORE.search(text, max(0, m.start("subj") - 40), m.end("subj")):
            continue  # "if the boy dies", "don't let my baby die": a death feared, not one that happened
        if auxv in ("who", "that"):
            auxv = ""  # "officers who shot and killed a man": active voice
        if not auxv:
            if "," in text[m.end("subj"):m.start("pred")] and not m.group("gap") \
                    and not _AGE_END.search(m.group("subj")):
                continue  # "killed two people, injured three" is not a subject and its predicate
            if pred not in _NO_OBJECT_PREDS and p.obj_start.match(text, after):
                continue  # "X killed Y" is active voice: Y is the victim, found by the active pattern
            if p.pred_as_noun.match(text, after):
                continue
        value, subset, others, first, n_elems, numbered = _group(text, m.start("subj"), m.end("subj"), p.elem_re,
                                                                 vague)
        if value is None:
            continue
        subj = text[first:m.end("subj")]
        if not auxv and n_elems == 1 and subj[:1].isupper() and " " not in subj.strip() and kind != "dead" \
                and not re.search(r",\s*\d", subj) and subj.strip().lower() not in p.sing_nouns \
                and words_to_int(subj.strip()) is None:  # "Five wounded": a number is no name
            continue  # a lone capitalised word before a bare participle: "Gun shot residue"
        if auxv and _SINGULAR_AUX.match(auxv) and n_elems > 1:
            # "the two men and Stover was shot": the verb agrees with the last element only
            value, subset, others, first, _, numbered = _group(
                text, _last_elem_start(text, first, m.end("subj")), m.end("subj"), p.elem_re, vague)
            if value is None:
                continue
        aux_words = _norm(m.group("aux"))
        if _NEGATED.search(aux_words) or p.neither.search(text, max(0, first - 12), first + 8) \
                or _NEITHER_BEFORE.search(text, max(0, first - 80), first):
            value = 0  # "the baby was not hurt", "neither the driver nor ..."
        others = others or "also" in aux_words.split()
        if kind == "size" and (value < 2 or not _VAGUE_OR_BIG.search(subj)):
            continue
        end = after
        if value == 1 and n_elems == 1:
            end, more = _gapped_victims(text, end)
            value, numbered = value + more, numbered or more > 0
        if kind in ("shot", "injured"):
            up = p.upgrade.match(text, end) or (None if auxv else p.upgrade_rr.match(text, end))
            if up:
                kind, end = "dead", up.end()
        if kind == "injured" and not numbered and value == 1:
            kind = "shot"
        ordinal = _ORDINAL_VICTIM.match(text, first) if kind in ("shot", "injured") and value == 1 else None
        if ordinal:  # "a fourth victim was also wounded": four people were hit (some may be among the dead)
            kind, value, others, numbered = "shot", _ORDINALS[ordinal.group(1).lower()], False, True
        if kind in ("shot", "injured") and _DEAD_MOD.search(subj):
            kind = "dead"  # "deputies found a deceased man with a gunshot wound"
        hits.append(Count(kind, value, first, end, subset, others, numbered=numbered))

    gate = p.verb_only.search(text)
    for m in p.active.finditer(text, gate.start()) if gate else ():
        verb = _norm(m.group("verb"))
        kind = p.verb_kind[verb]
        if p.modal_before.search(text, max(0, m.start() - 20), m.start()):
            continue  # "threatened to kill two", "could have killed her"
        if p.det_before.search(text, max(0, m.start() - 8), m.start()):
            continue  # "the wounded boy": an adjective
        tail = _norm(m.group("tail") or "")
        if verb in _SENDS:
            if "hospital" not in tail:
                continue
        elif "hospital" in tail:
            tail = ""
        if m.group("verb2"):
            k2 = p.verb_kind[_norm(m.group("verb2"))]
            if _KIND_RANK[k2] > _KIND_RANK[kind]:
                kind = k2
        obj = m.group("obj")
        if verb in _WEAK_VERBS and not m.group("verb2") and not p.has_head.search(obj):
            continue  # "shooting around 2", "Shooting Death": a weak verb needs a person for its object
        if "dead" in tail or "death" in tail or "killed" in tail:
            kind = "dead"
        elif ("wounded" in tail or "injured" in tail) and kind == "shot":
            kind = "injured"
        value, subset, others, first, _, numbered = _group(text, m.start("obj"), m.end("obj"), p.obj_elem_re, vague,
                                                           "first")
        if value is None:
            continue
        if kind == "injured" and not numbered and value == 1:
            kind = "shot"
        end = m.end("tail") if tail else m.end("obj")
        hits.append(Count(kind, value, m.start("verb"), end, subset, others, numbered=numbered,
                          reflexive=bool(_REFLEXIVE.fullmatch(obj.strip()))))

    if "fatally" in low or "mortally" in low:
        for m in p.fatally.finditer(text):
            value = _number_value(m.group("n"), vague)
            if value is not None:
                hits.append(Count("dead", value, m.start("n"), m.end("how"), subset=True))

    if "bod" in low or "corpse" in low:
        for m in p.bodies.finditer(text):
            n = m.group("n").lower()
            if n == "the" and re.match(r"(?:[\w'’]+\s+)?(?:bodies|corpses)\b", text[m.end("n"):].strip()):
                continue  # "the bodies were found": how many, another sentence says
            value = 1 if n in ("a", "the", "another") else _number_value(n, vague)
            if value is not None:
                hits.append(Count("dead", value, m.start(), m.end()))
    if "toll" in low:
        for m in p.toll.finditer(text):
            value = _number_value(m.group("n"), vague)
            if value is not None:
                hits.append(Count("dead", value, m.start(), m.end("n")))

    if any(w in low for w in ("deaths", "fatalities", "bodies", "corpses", "injuries", "arrests", "detentions")):
        for m in p.nouns.finditer(text):
            noun = m.group("noun").lower()
            kind = "injured" if noun == "injuries" else "arrested" if noun in ("arrests", "detentions") else "dead"
            value = _number_value(m.group("n"), vague)
            if value is not None:
                hits.append(Count(kind, value, m.start("n"), m.end("noun")))

    if "no" in low:
        for m in p.zero.finditer(text):
            word = (m.group("pred") or m.group("noun") or m.group("noun2") or "").lower()
            if word in ("killed", "deaths", "fatalities"):
                kinds = ["dead"]
            elif word in ("arrested", "detained", "arrests"):
                kinds = ["arrested"]
            elif word == "casualties":
                kinds = ["dead", "injured"]
            else:
                kinds = ["injured"]
            hits.extend(Count(k, 0, m.start(), m.end()) for k in kinds)

    if any(w in low for w in ("crowd", "rall", "march", "protest", "demonstr", "gathering", "throng", "procession",
                              "attend", "join", "drew", "drawing", "attract")):
        for m in p.crowd.finditer(text):
            g = "n" if m.group("n") else "n2" if m.group("n2") else "n3"
            if _YEAR.fullmatch(m.group(g).strip()):
                continue
            value = _number_value(m.group(g), vague)
            if value is not None and value >= 2:
                hits.append(Count("size", value, m.start(), m.end()))
    if any(w in low for w in ("protest", "demonstr", "marcher", "rioter", "striker", "picket", "participant",
                              "activist")):
        for m in p.participant_np.finditer(text):
            value = _number_value(m.group("n"), vague)
            if value is not None and value >= 2:
                hits.append(Count("size", value, m.start(), m.end()))

    hits = _dedupe(hits)
    if hits and p.cumulative.search(low):
        _mark_cumulative(low, hits)
    return hits


_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
             "tenth": 10}
_ORDINAL_VICTIM = re.compile(r"(?:[Aa]|[Tt]he)\s+(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+"
                             r"(?:victim|person|man|woman|boy|girl|teen|teenager|child|student|bystander)\b")
_INDEFINITE = re.compile(r"(?:[Aa]n?|[Aa]nother)\s")
_NOT_HURT_AFTER = re.compile(r"\s+(?:for|as)\s+(?:a\s+)?(?:smoke|evaluation|observation|precaution|precautionary|check|"
                             r"checkup|examination|treatment\s+of\s+smoke)", re.I)
_DEAD_MOD = re.compile(r"\b(?:deceased|dead|slain|lifeless)\b", re.I)
_CONDITION_BEFORE = re.compile(r"\b(?:[Ii]f|[Uu]nless|[Ll]est|[Ll]et|[Ll]etting)\s+(?:[\w'’-]+\s+){0,4}[\w'’-]+$")
_TO_HOSPITAL_VERBS = ("taken", "transported", "rushed", "flown", "airlifted", "driven", "transferred", "showed",
                      "turned", "walked", "arrived", "drove", "took")
_NEITHER_BEFORE = re.compile(r"\b[Nn]either\b[^.;:!?]*\b(?:or|nor)\s+$")
_WHERE_HIT = re.compile(r"\s+(?:in|to|on|through)\s+(?:the|his|her|their|an?)\s+[a-z]+(?:\s+[a-z]+)?"
                        r"(?=\s*[,;]|\s+and\s)")
_GAPPED = re.compile(r"(?:\s*[,;]\s*(?:and\s+)?|\s+and\s+)(?:another|the\s+other|a\s+second|a\s+third|the\s+third)"
                     r"(?:\s+(?:man|woman|person|victim|boy|girl))?"
                     r"\s+(?:in|to|on|through)\s+(?:the|his|her|their|an?)\s+[a-z]+(?:\s+[a-z]+)?(?=\s*[,;.]|\s+and|$)")


def _gapped_victims(text: str, end: int) -> tuple[int, int]:
    """(new end, victims added) for a verb left out after the first victim: "one was shot in the arm, another in
    the leg" is two people shot."""
    where = _WHERE_HIT.match(text, end)
    if where is None:
        return end, 0
    pos, more = where.end(), 0
    while (g := _GAPPED.match(text, pos)) is not None:
        pos, more = g.end(), more + 1
    return (pos, more) if more else (end, 0)


def _last_elem_start(text: str, start: int, end: int) -> int:
    """Start of the last element of a noun-phrase list in text[start:end]."""
    p = _patterns()
    pos, last = start, start
    while pos < end:
        m = p.elem_re.match(text, pos)
        if m is None or m.end() == pos:
            break
        last = m.start()
        c = p.conj_re.match(text, m.end())
        if c is None or c.end() >= end:
            break
        pos = c.end()
    return last


def _dedupe(hits: list[Count]) -> list[Count]:
    """One figure per span: same-kind overlaps keep the longer; size yields to a casualty or arrest figure; shot
    yields to dead/injured on the same words."""
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[Count] = []
    for h in hits:
        drop = False
        for k in list(kept):
            if not (h.start < k.end and k.start < h.end):
                continue
            if h.kind == k.kind or h.kind == "size":
                drop = True
            elif k.kind == "size":
                kept.remove(k)
            elif {h.kind, k.kind} <= {"shot", "dead", "injured"}:
                if _KIND_RANK[h.kind] > _KIND_RANK[k.kind]:
                    kept.remove(k)
                else:
                    drop = True
            if drop:
                break
        if not drop:
            kept.append(h)
    kept.sort(key=lambda h: h.start)
    return kept


def _mark_cumulative(low: str, hits: list[Count]) -> None:
    """A figure is a running total when a cumulative marker is close by in the same clause (no ';' between)."""
    for m in _patterns().cumulative.finditer(low):
        for h in hits:
            lo, hi = min(h.start, m.start()), max(h.end, m.end())
            if hi - lo <= (h.end - h.start) + (m.end() - m.start()) + 80 and ";" not in low[lo:hi]:
                h.cumulative = True


def _reconcile(hits: list[Count]) -> list[Count]:
    """The sentence's figures as reported: "shot" becomes injured, less the dead given as a subset of the group
    ("four people were shot, one fatally" -> injured 3, dead 1)."""
    out: list[Count] = []
    live = [h for h in hits if not h.cumulative]
    for h in live:
        if h.kind == "shot":
            dead = 0 if h.others else sum(d.value for d in live if d.kind == "dead" and d.subset and d.start > h.start)
            if h.value - dead <= 0 < h.value:
                continue
            out.append(Count("injured", h.value - dead, h.start, h.end, h.subset, h.others))
        else:
            out.append(h)
    return out


def find_quantities(text: str, vague: Mapping[str, int | None] | None = None) -> list[Quantity]:
    """Counts of dead, injured, arrested and participants in one sentence, with offsets into `text`.

    Cumulative totals are left out; "shot" counts as injured unless the sentence says some of them died."""
    return [
        Quantity(h.kind, h.value, text[h.start:h.end], h.start, h.end)  # type: ignore[arg-type]
        for h in _reconcile(find_counts(text, vague))
    ]


def this_incident(text: str, year: int | None = None) -> bool:
    """Whether a sentence's figures may be the story's own incident's: not a teaser line for another story, not a
    background sentence ("last year", "in a separate shooting"), no year other than the publication `year`."""
    p = _patterns()
    if p.teaser.match(text) or p.background.search(text.lower()):
        return False
    return year is None or all(int(y) == year for y in p.years.findall(text))


@lru_cache(maxsize=1)
def _alive() -> re.Pattern[str]:
    """Phrases saying a victim lives (`quantities_alive.tsv`), as one lower-case pattern."""
    from flashpoint.tsv import rows

    words = [r"\s+".join(map(re.escape, r[0].split())) for r in rows("flashpoint.extract", "quantities_alive.tsv")]
    return re.compile(r"\b(?:" + "|".join(words) + r")\b")


_MULTIPLE = {"double": 2, "triple": 3, "quadruple": 4}
TALLY_KEYS = ("dead", "injured", "shot", "shot_others", "arrested", "size", "dead_implied")


def story_tally(sentences: Iterable[str], vague: Mapping[str, int | None] | None = None,
                year: int | None = None) -> dict[str, int | None]:
    """The largest figure of each kind that any one sentence of a story gives.

    Left out: cumulative totals, teaser lines for other stories ("Related: ...", video timestamps), and background
    sentences about other incidents ("last year", "in a separate shooting", or, when the publication `year` is
    given, a year other than it).

    Keys: dead, injured (explicit: "wounded", "injured"), shot ("was shot", "taken to hospital": may include people
    who later died), shot_others ("four others were shot": in addition to the dead), arrested, size, dead_implied
    (1 when the story speaks of a fatal incident without a figure, 2 for a murder-suicide). Figures are not summed
    across sentences, but within one sentence an attacker who "killed himself" is added to the victims named beside
    ("shot his daughter dead before killing himself" -> 2). Combine tallies with `combine_tallies`."""
    p = _patterns()
    best: dict[str, int | None] = dict.fromkeys(TALLY_KEYS)
    for text in sentences:
        if not this_incident(text, year):
            continue
        low = text.lower()
        hits = [h for h in find_counts(text, vague) if not h.cumulative]
        figures: dict[str, int] = {}
        first_dead = min((h.end for h in hits if h.kind == "dead" and h.value > 0), default=None)
        alive = not any(h.kind == "dead" for h in hits) and _alive().search(low) is not None
        for h in hits:
            # "a boy was killed and a girl was wounded": a victim named after the dead is not one of them
            after_dead = first_dead is not None and h.start >= first_dead and bool(_INDEFINITE.match(text, h.start))
            key = "shot_others" if h.kind == "shot" and (h.others or after_dead) else h.kind
            if key == "shot" and alive:
                key = "injured"  # "his brother was critically injured but is now doing well": alive, so injured
            figures[key] = max(figures.get(key, h.value), h.value)
        # "a woman was shot in the back, another woman was shot in the face and a man was shot in the chest": each
        # clause with an indefinite subject of its own is one more person hit
        single = [h for h in hits if h.kind in ("shot", "injured") and h.value == 1 and not h.numbered
                  and _INDEFINITE.match(text, h.start)]
        if len(single) > 1:
            figures["shot"] = max(figures.get("shot", 0), len(single))
        # "shot his daughter dead before killing himself": the attacker is one more death
        if any(h.kind == "dead" and h.reflexive for h in hits) and any(
                h.kind == "dead" and not h.reflexive and h.value > 0 for h in hits):
            figures["dead"] = max(h.value for h in hits if h.kind == "dead" and not h.reflexive) + 1
        for key, value in figures.items():
            cur = best[key]
            best[key] = value if cur is None else max(cur, value)
        for implied in p.implied_dead.finditer(low):
            found = implied.group(0)
            # a double murder is two deaths, a triple murder-suicide three and the killer, a murder-suicide two at least
            first = found.split()[0]
            n = _MULTIPLE[first] + ("suicide" in found) if first in _MULTIPLE else 2 if "murder-suicide" in found else 1
            best["dead_implied"] = max(best["dead_implied"] or 0, n)
    return best


def combine_tallies(tallies: Iterable[Mapping[str, int | None]]) -> dict[str, int | None]:
    """One figure per kind from the tallies of one or more stories about the same incident.

    Rule: news repeats its figures (headline, lead, body, follow-up stories) and names the same victims again and
    again, so figures are never summed: each kind takes the largest figure given anywhere. `dead_implied` fills a
    missing death figure (a "fatal shooting" with no figure is one death) and raises a positive one (a
    "murder-suicide" is two); it does not override an explicit zero. "Shot" figures include people who later died,
    so injured = max(largest explicit injured figure, largest shot figure - dead, largest "others shot" figure).
    A kind nothing mentions is None."""
    best: dict[str, int | None] = dict.fromkeys(TALLY_KEYS)
    for t in tallies:
        for k in TALLY_KEYS:
            v = t.get(k)
            if v is not None:
                cur = best[k]
                best[k] = v if cur is None else max(cur, v)
    dead = best["dead"]
    if best["dead_implied"] and (dead is None or 0 < dead < best["dead_implied"]):
        dead = best["dead_implied"]
    injured = best["injured"]
    for key, derived in (("shot", (best["shot"] or 0) - (dead or 0)), ("shot_others", best["shot_others"] or 0)):
        if best[key] is not None:
            injured = max(derived, 0) if injured is None else max(injured, derived)
    return {"dead": dead, "injured": injured, "arrested": best["arrested"], "size": best["size"]}


def story_totals(sentences: Iterable[str], vague: Mapping[str, int | None] | None = None) -> dict[str, int | None]:
    """One figure per kind for a story about one incident (pass the headline as a sentence too); see
    `combine_tallies` for the rule."""
    return combine_tallies([story_tally(sentences, vague)])


# ---------------------------------------------------------------------------------------------------------------
# Vague counts: a range, never a figure


@lru_cache(maxsize=1)
def vague_ranges() -> dict[str, tuple[int, int | None]]:
    """Vague word -> (low, high) from `quantities_ranges.tsv` ("dozens" -> (24, 99)); high None: unbounded."""
    from flashpoint.tsv import rows

    return {_norm(r[0]): (int(r[1]), int(r[2]) if r[2] else None)
            for r in rows("flashpoint.extract", "quantities_ranges.tsv", width=3)}


_MARK = 10**7  # a vague word's stand-in value: a multiple of this no real count reaches


@lru_cache(maxsize=1)
def _vague_marks() -> tuple[dict[str, int | None], dict[int, str], re.Pattern[str]]:
    """The vague lexicon with each ranged word standing for its own marker (i+1) * _MARK, the marker -> word map, and
    a cheap gate that says whether a sentence holds any ranged word at all."""
    marks: dict[str, int | None] = dict(default_vague())
    words: dict[int, str] = {}
    for i, word in enumerate(vague_ranges()):
        marks[word] = (i + 1) * _MARK
        words[i + 1] = word
    gate = re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in vague_ranges()) + r")\b", re.I)
    return marks, words, gate


def find_vague(text: str, exact: Iterable[Quantity] = ()) -> list[VagueQuantity]:
    """Counts of one sentence given in vague words, as ranges: "Dozens of protesters were arrested" -> arrested
    24-99. The same frames as `find_counts` read them (a vague word stands for a marker number there), so "dozens"
    is a count only where "24" would be one. A kind the sentence also gives an exact figure for is left out, and so
    are running totals."""
    marks, words, gate = _vague_marks()
    if not gate.search(text):
        return []
    exact_kinds = {q.kind for q in exact}
    out: list[VagueQuantity] = []
    for h in find_counts(text, marks):
        if h.value < _MARK or h.cumulative:
            continue
        kind = "injured" if h.kind == "shot" else h.kind
        word = words.get(h.value // _MARK)
        span = text[h.start:h.end]
        if kind in exact_kinds or word is None or not re.search(re.escape(word).replace(r"\ ", r"\s+"), span, re.I):
            continue  # two vague words summed ("dozens of students and hundreds of workers"): no honest range
        low, high = vague_ranges()[word]
        rest = h.value % _MARK  # exact members of the same list ("dozens of protesters and two policemen")
        out.append(VagueQuantity(kind, span, low + rest, None if high is None else high + rest,  # type: ignore[arg-type]
                                 h.start, h.end))
    return out


class QuantityStage:
    """Pipeline stage: fills `sentence.quantities` (and `sentence.vague`, counts in vague words) for every sentence
    not marked `skip`."""

    name = "quantities"

    def __init__(self, vague: Mapping[str, int | None] | None = None) -> None:
        self.vague = vague

    def __call__(self, story: Story) -> Story:
        for sentence in story.sentences:
            if sentence.skip:
                continue
            sentence.quantities = find_quantities(sentence.text, self.vague)
            if self.vague is None:  # with a convention of the caller's (acled_vague()) the words are figures
                sentence.vague = find_vague(sentence.text, sentence.quantities)
        return story


# ---------------------------------------------------------------------------------------------------------------
# Figures on the records


_SETTLED = ("dead", "injured")


_REPORTED = ("asserted", "claimed")  # statuses of records that report a figure as fact


def settle_figures(story: Story, vague: Mapping[str, int | None] | None = None) -> None:
    """Make the dead / injured figures on a story's records agree with the story's totals (`story_totals` over its
    sentences that are not skipped). Runs after the status stage and the merge of same-type triggers (the scores
    stage), so that the record that takes the story's figures is one that reports the incident as having happened.

    A sentence alone cannot tell a victim who "was shot" from one who later died: "a man was shot" gives injured 1
    there, while the story's total is injured 0 once another sentence says he died; "five were found shot" gives 5,
    the total 3 when two were pronounced dead. So a record's figure above the story's total for its kind comes down
    to that total. The story's main incident is its first asserted (or claimed) violent record: "Police are
    investigating a shooting. ... Two men were taken to hospital" puts injured 2 on the shooting. It takes the
    story's total of a kind when no record carries that figure: when no record has a figure of that kind, only if
    the story's sentences agree on it (different figures are a round-up of several incidents: "97 died in police
    firing ... two were killed in Vatva"), nor when a record carries a figure of that kind of its own ("one person
    was stabbed to death" has its own record); when records carry smaller figures (victims told one by one, "X died
    of a gunshot wound", and the count in a sentence with no record of its own, "four bodies were found"), the total
    stands for the incident. Records in sentences about other incidents (`this_incident` false: background, teasers,
    other years) keep their own figures, and a story without any figure of a kind changes nothing of that kind.
    Vague words stay as the quantities lexicon codes them."""
    year = int(story.date[:4]) if story.date and story.date[:4].isdigit() else None
    own = [s for s in story.sentences if not s.skip and this_incident(s.text, year)]
    if not own or not any(s.events for s in own):
        return
    totals = combine_tallies([story_tally((s.text for s in own), vague, year)])
    if all(totals[k] is None for k in _SETTLED):
        return
    seen: dict[str, set[int]] = {k: set() for k in _SETTLED}
    for sentence in own:
        for q in sentence.quantities:
            if q.kind in seen and q.value:
                seen[q.kind].add(q.value)
    main = None
    carried: dict[str, int] = {}  # kind -> the largest figure some violent record carries
    for sentence in own:
        for event in sentence.events:
            if event.event_type != "ASSAULT":
                continue
            if main is None and event.status in _REPORTED:
                main = event
            for kind in _SETTLED:
                value, total = getattr(event, kind), totals[kind]
                if value is not None and total is not None and value > total:
                    setattr(event, kind, total)
                    event.notes.append(f"figures: {kind} {value} -> {total}, the story's total")
                    value = total
                if value is not None and event.status in _REPORTED:  # a hedged record's figure reaches no one
                    carried[kind] = max(carried.get(kind, value), value)
    if main is None:
        return
    for kind in _SETTLED:
        total = totals[kind]
        if total is None:
            continue
        if kind not in carried and len(seen[kind]) <= 1:
            setattr(main, kind, total)
            main.notes.append(f"figures: {kind} {total} from the story's totals (main incident)")
        elif kind in carried and carried[kind] < total:
            setattr(main, kind, total)
            main.notes.append(f"figures: {kind} {total}, the story's total, above every record's (main incident)")


def attach_vague(story: Story) -> None:
    """Each record takes its sentence's vague counts of the kinds its type carries (`link._FIGURES`), for kinds whose
    figure is null: "Police arrested dozens of protesters" gives arrested null and vague_figures [arrested 24-99]."""
    from flashpoint.extract.link import _FIGURES

    for sentence in story.sentences:
        if not sentence.vague:
            continue
        for event in sentence.events:
            kinds = _FIGURES.get(event.event_type, ())
            event.vague_figures = [v for v in sentence.vague if v.kind in kinds and getattr(event, v.kind) is None]
