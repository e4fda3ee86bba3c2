"""People stage: person names as actor mentions, and each person tracked across the story.

The actors stage knows only dictionary actors (countries, bodies, sector nouns, office-holders). Local news names its
victims and suspects by name alone ("Chris Perez, of Allentown, was pronounced dead"; "Williams was shot by his friend,
22-year-old Darell Meredith"), so this stage adds those names as mentions the events stage can give roles to.

A run of capitalised words is a person's name only with evidence, since most capitalised runs are places, bodies or
titles:
  - a known first name before another name word ("Robin Lily", "Jordan Coleman"; `knowledge/first_names.tsv`);
  - an honorific before it ("Mr Erdogan", "Mrs. Ortiz");
  - an age beside it ("Robin Lily, 49,", "22-year-old Darell Meredith", "Tom Reyes (17)");
  - an identification before it ("identified as Solomon Bonner", "named Wendy Lavarnia");
  - a surname the story has already given a full name ("Williams", "Meredith": the person, with the full name as
    the mention's resolved `name`).
Never: runs next to a place or body word ("Todd County", "Lehigh Valley Hospital", "Fort Worth"), clause openers,
titles, months and weekdays (`knowledge/people.tsv`), runs inside a dictionary actor, all-capitals words.

Common nouns that stand for a person the story names ("the victim", "the suspect", "the 17-year-old", "his friend")
keep their own text and take the person's `name` when the story ties them ("the victim, Sam Ortiz"; "identified the
victim as Sam Ortiz"; one named victim and "the victim" later).

Why rules and not a model: see bench/bench_roles.py and docs/roles.md — no English dependency parser ships on PyPI,
and the name evidence above is what a tagger would have to learn from far less data than the rules encode.
"""

from __future__ import annotations

import re
from functools import cache

from flashpoint import tsv
from flashpoint.records import Actor, Sentence, Story

__all__ = ["PeopleStage", "find_people", "word_kinds", "first_names"]


@cache
def word_kinds() -> dict[str, frozenset[str]]:
    """Word -> kinds ("honorific", "suffix", "particle", "place", "prefix", "function", "noun") from people.tsv."""
    out: dict[str, set[str]] = {}
    for word, kind, *_ in tsv.rows("flashpoint.knowledge", "people.tsv", header=True):
        out.setdefault(word, set()).add(kind)
    return {k: frozenset(v) for k, v in out.items()}


@cache
def first_names() -> frozenset[str]:
    return frozenset(tsv.words("flashpoint.knowledge", "first_names.tsv"))


def _harm_words() -> dict[str, frozenset[str]]:
    from flashpoint.extract.events import harm_words

    return harm_words()


_TOKEN = re.compile(r"[^\W\d_][\w'’]*(?:[-‐][\w'’]+)*|\d[\w-]*|\S")
_POSS = ("'s", "’s", "'", "’")
# Words before a name that make it an identification: "identified as", "named", "is survived by".
_IDENTIFIED = re.compile(r"(?:\b(?:identified|id'd|named|listed|known)\b[^.;]{0,60}?\bas|\bnamed|\bname is|"
                         r"\bnames? of|\bidentified)\s*(?:the\s+)?$", re.I)
_AGE_BEFORE = re.compile(r"\b(?:\d{1,3}|[A-Za-z]+(?:-[a-z]+)?)[- ](?:years?|months?)[- ]old\s*$|"
                         r"\b[Aa]ged?\s+\d{1,3}\s*,?\s*$")
_AGE_AFTER = re.compile(r"\s*(?:,\s*(?:age\s+|aged\s+|both\s+)?\d{1,3}\s*(?:,|\.|;|\)|$|\s+(?:and|of|who|was|is|has|"
                        r"had|from|years?|died|faces|remains|were)\b)|\(\s*\d{1,3}\s*\))")
_MAX_WORDS = 4
_W = tsv.lists("flashpoint.extract", "people_words.tsv")  # the word lists below (knowledge, kept as data)
_OBJECT_PREPS = frozenset(_W["object_preps"])
_HONORIFIC_DOT = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Rev|Prof)\.\s*$")
_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})


class _Run:
    """Capitalised name words at token indexes [i, j) of a sentence."""

    __slots__ = ("i", "j", "start", "end", "words", "poss")

    def __init__(self, i: int, j: int, start: int, end: int, words: list[str], poss: bool) -> None:
        self.i, self.j, self.start, self.end, self.words, self.poss = i, j, start, end, words, poss


def _bare(w: str) -> tuple[str, bool]:
    """The word without a possessive ending, and whether it had one."""
    for p in _POSS:
        if w.endswith(p) and len(w) > len(p) + 1:
            return w[: -len(p)], True
    return w, False


def _name_word(w: str, kinds: dict[str, frozenset[str]]) -> bool:
    if not w[:1].isupper() or not w[:1].isalpha() or _AGE_WORD.fullmatch(w):
        return False  # "Thirteen-year-old Emarje Watkins": the age is no name
    if len(w) > 1 and w.isupper():
        return False  # "HPD", "GRANT COUNTY": acronyms and shouting, not names
    k = kinds.get(w)
    return not k or not (k & {"function", "noun", "place", "prefix", "honorific"})


def _runs(text: str, toks: list[re.Match[str]], kinds: dict[str, frozenset[str]]) -> list[tuple[_Run, str, str]]:
    """Candidate name runs with (the word before, the word after) for the place-word check."""
    out: list[tuple[_Run, str, str]] = []
    n = len(toks)
    i = 0
    while i < n:
        g = toks[i].group()
        if not g[:1].isupper():
            i += 1
            continue
        w0, _ = _bare(g)
        # "April McDaniel", "June Lee": a month that is a given name, before a surname and after no date word
        given = w0.lower() in _harm_words()["month_name"] and i + 1 < n and _name_word(toks[i + 1].group(), kinds) \
            and toks[i + 1].group().lower() not in _harm_words()["month_name"] \
            and not (i and toks[i - 1].group().lower() in _harm_words()["date_word"])
        if not given and (not _name_word(w0, kinds) or "suffix" in kinds.get(w0, ())):
            i += 1
            continue
        j, words, poss = i, [], False
        end = toks[i].end()
        if given:
            words.append(w0)
            j += 1
        while j < n:
            raw = toks[j].group()
            w, p = _bare(raw)
            if len(w) == 1 and w.isupper() and j + 1 < n and toks[j + 1].group() == ".":
                words.append(w)  # an initial: "John F. Kennedy"
                end = toks[j + 1].end()
                j += 2
                continue
            if words and "particle" in kinds.get(w, ()) and j + 1 < n and _name_word(toks[j + 1].group(), kinds):
                j += 1
                continue
            if words and raw in _QUOTES and j + 3 < n and toks[j + 2].group() in _QUOTES and \
                    _name_word(toks[j + 1].group(), kinds) and _name_word(toks[j + 3].group(), kinds):
                j += 3  # a nickname: Cashaan “Dink” Williams
                continue
            if words and "suffix" in kinds.get(w, ()):
                end = toks[j].end()
                j += 1
                if j < n and toks[j].group() == ".":
                    end = toks[j].end()
                    j += 1
                break
            if not _name_word(w, kinds) or (len(w) == 1):
                break
            words.append(w)
            end = toks[j].end() - (len(raw) - len(w))
            j += 1
            if p:
                poss = True
                break
        if words:
            before = toks[i - 1].group() if i else ""
            after = _bare(toks[j].group())[0] if j < n else ""
            out.append((_Run(i, j, toks[i].start(), end, words, poss), before, after))
        i = max(j, i + 1)
    return out


_RELATIVE_HARM = re.compile(r"\s*(?:,\s*\d{1,3}\s*)?,\s*who\s+(?:was|were|had\s+been|has\s+been)\s+(?:\w+ly\s+)?"
                            r"(?:shot|killed|wounded|injured|hurt|struck|hit|grazed)\b")
_LIST_JOIN = re.compile(r"\s*(?:,|,?\s*and)\s*")


def _opens_quote(text: str, run: _Run) -> bool:
    return text[max(0, run.start - 1):run.start] in _QUOTES


def _opens(text: str, start: int) -> bool:
    """The run starts a sentence or a clause (its first word is capitalised for that reason alone)."""
    before = text[:start].rstrip()
    return not before or before[-1] in '.!?:;"“—(-'


class _Registry:
    """Full names the story gives, by surname."""

    def __init__(self) -> None:
        self.by_last: dict[str, str] = {}

    def add(self, words: list[str]) -> str:
        full = " ".join(words)
        if len(words) >= 2:
            self.by_last.setdefault(words[-1], full)
        return full

    def full(self, word: str) -> str | None:
        return self.by_last.get(word)


def _evidence(text: str, run: _Run, before: str, after: str, kinds: dict[str, frozenset[str]],
              firsts: frozenset[str]) -> str | None:
    """Why the run is a person's name, or None."""
    if after[:1].islower() and "person" in kinds.get(after, ()):
        return None  # "a 34-year-old Dayton man", "a Chicago police officer": a modifier of the noun
    if "place" in kinds.get(after, ()) or "prefix" in kinds.get(before, ()) or (
            before[:1].isupper() and "place" in kinds.get(before, ()) and "noun" not in kinds.get(before, ())):
        return None  # "Todd County", "Fort Worth", "Lehigh Valley Hospital"
    if len(run.words) > _MAX_WORDS:
        return None
    prev = text[max(0, run.start - 90):run.start]
    if "honorific" in kinds.get(before, ()) or (before == "." and _HONORIFIC_DOT.search(prev)):
        return "honorific"
    if _AGE_BEFORE.search(prev) or _AGE_AFTER.match(text, run.end):
        return "age"
    if _IDENTIFIED.search(prev):
        return "identified"
    if len(run.words) >= 2 and run.words[0] in firsts:
        return "first name"
    low = prev.lower().rstrip()
    noun = low.rstrip(",").split()[-1:] if low else []
    if len(run.words) == 1 and not _opens(text, run.start):
        two = low.split()[-2:]
        if len(two) == 2 and two[1] in _OBJECT_PREPS and "act" in kinds.get(two[0], ()):
            return "object of an act"  # "an investigation into Boztepe", "charges against Thom"
        if noun and noun[0].endswith("ed") and len(noun[0]) > 4 and not low.endswith(","):
            return "object"  # "found Barbarin guilty", "sued Thom"

    if len(run.words) >= 2 and low.endswith(" of") and low.split()[-2:-1] and \
            low.split()[-2].strip(",") in _harm_words()["harm_act"]:
        return "object of an act"  # "the shooting death of Kyre Bethea", "claimed the life of Demontris Toliver"
    written = prev.rstrip().rstrip(",").split()[-1:]
    if noun and "person" in kinds.get(noun[0], ()) and not written[0][:1].isupper():
        # "the boy, Avion Weaver", "his wife Gina Williams"; not a title-case headline ("Toddler Girl Shot in
        # Southeast", "Man Killed In Crash"), where the noun's capital says nothing and the next word is its verb
        return "apposition"
    if len(run.words) >= 2:
        nxt = after if after[:1].islower() else ""
        if nxt and ("verb" in kinds.get(nxt, ()) or (nxt.endswith("ed") and len(nxt) > 4)):
            return "subject"  # "Jayden Norton was shot", "Kenerick Taylor pleaded"
        last = noun[0] if noun else ""
        if last and ("verb" in kinds.get(last, ()) and not last.startswith(("was", "were", "is", "are", "ha"))
                     or (last.endswith("ed") and len(last) > 4)):
            return "object"  # "fatally shot Ty-Ryne Hoskins", "police arrested Demetrius McDonald"
    return None


def find_people(story: Story) -> dict[int, list[Actor]]:
    """Person mentions per sentence index (not yet merged into `Sentence.actors`)."""
    kinds, firsts = word_kinds(), first_names()
    registry = _Registry()
    found: dict[int, list[tuple[_Run, str, str, str | None]]] = {}
    for sentence in story.sentences:
        if sentence.skip:
            continue
        text = sentence.text
        toks = list(_TOKEN.finditer(text))
        taken = [(a.start, a.end) for a in sentence.actors]
        places = [(p.start, p.end) for p in sentence.places if p.start is not None]
        rows = []
        for run, before, after in _runs(text, toks, kinds):
            office = _office_surname(sentence, run, toks)
            if any(s < run.end and run.start < e for s, e in taken if office is None or s != office.start):
                continue
            why = _evidence(text, run, before, after, kinds, firsts)
            if office is not None:
                if why not in ("age", "honorific", "identified", "apposition") and run.words[0] not in firsts:
                    continue
                # "3-year-old Acen King", "Maria Judge, 40,": an office word after a given name is the surname
                sentence.actors = [a for a in sentence.actors if a is not office]
            if why in ("object", "object of an act") and any(ps < run.end and run.start < pe for ps, pe in places):
                why = None  # "attacked Kabul": a place
            if any(ps <= run.start and run.end <= pe for ps, pe in places):
                why = None  # "the Ivory Coast": a place name whole, though "Ivory" is a first name
            if why is not None:
                registry.add(run.words)
            rows.append((run, before, after, why))
        for k, (run, before, after, why) in enumerate(rows):
            if why is not None or not 2 <= len(run.words) <= 3 or any(kinds.get(w) for w in run.words) or \
                    any(ps < run.end and run.start < pe for ps, pe in places) or _opens_quote(text, run):
                continue
            if _RELATIVE_HARM.match(text, run.end):
                why = "relative"  # "Rockella Mott, who was shot in the foot"
            elif any(rows[j][3] is not None and len(rows[j][0].words) >= 2 and _LIST_JOIN.fullmatch(
                    person_asides(text[min(run.end, rows[j][0].end):max(run.start, rows[j][0].start)]))
                     for j in (k - 1, k + 1) if 0 <= j < len(rows)):
                why = "list"  # "Kelcii Flint, Willie Norman and Chris Chaney": a list of people
            if why is not None:
                registry.add(run.words)
                rows[k] = (run, before, after, why)
        found[sentence.index] = rows
    out: dict[int, list[Actor]] = {}
    for sentence in story.sentences:
        if sentence.skip:
            continue
        rows = found.get(sentence.index, [])
        people = []
        for run, before, after, why in rows:
            words = run.words
            if why is None:
                full = registry.full(words[-1])
                if full is None or (len(words) == 1 and _opens(sentence.text, run.start)
                                    and words[0].lower() in _COMMON_STARTS):
                    continue
                if "place" in kinds.get(after, ()) or "prefix" in kinds.get(before, ()):
                    continue
                name = full if len(words) == 1 else " ".join(words)
            else:
                name = " ".join(words) if len(words) > 1 else (registry.full(words[0]) or words[0])
            people.append(Actor(text=sentence.text[run.start:run.end], start=run.start, end=run.end, name=name))
        people += _generic(sentence, people, kinds)
        if people:
            out[sentence.index] = sorted(people, key=lambda a: a.start)
    return out


def _office_surname(sentence: Sentence, run: _Run, toks: list[re.Match[str]]) -> Actor | None:
    """The one-word dictionary actor (an office or body word: "King", "Judge", "Bishop") that ends a two-word name
    run after a given name ("Acen King"), when no capitalised word follows it."""
    if len(run.words) != 2 or run.poss:
        return None
    last = toks[run.j - 1]
    office = next((a for a in sentence.actors if a.start == last.start() and a.end == run.end), None)
    if office is None or not office.text[1:].islower():
        return None
    return office


_GENERIC_DET = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Aa]nother)\s+")
_GENERIC_WORD = re.compile(r"\s*([\w'’-]+)")
_AGE_WORD = re.compile(r"(?:\d{1,2}|[a-z]+(?:-[a-z]+)?)[- ](?:year|month)s?[- ]old", re.I)
# Sectors of generic person nouns that the dictionaries do not list (private people).
_GENERIC_SECTOR = "CVL"


def _generic_head(text: str, at: int, kinds: dict[str, frozenset[str]]) -> tuple[int, int] | None:
    """The span of the person noun (or the age standing for one) of the noun phrase starting at `at`, after a
    determiner: "a 10-year-old girl" -> girl, "a 34-year-old Dayton man" -> man, "a female student" -> student,
    "a 17-year-old" -> 17-year-old; None when the phrase names no person."""
    age = None
    pos = at
    for _ in range(4):
        m = _GENERIC_WORD.match(text, pos)
        if not m:
            break
        word, poss = _bare(m.group(1))
        low = word.lower()
        if word[:1].islower() and "person" in kinds.get(low, ()):
            return m.start(1), m.start(1) + len(word)
        if poss:
            break  # "the man's car", "a Dayton family's home"
        spelled = word.split("-")[0].lower() in _harm_words()["number_word"]
        if _AGE_WORD.fullmatch(word) and (word[:1].isdigit() or spelled):
            age = age or m.span(1)
        elif word[:1].isupper() and not (kinds.get(word, frozenset()) & {"function", "noun"}):
            pass  # "a 34-year-old Dayton man": a place or a name before the noun
        elif not (word[:1].islower() and word.isalpha() or "-" in word) or \
                kinds.get(low, frozenset()) & {"function", "verb"} or low in _harm_words()["phrase_stop"]:
            break
        pos = m.end()
    return age


def _generic(sentence: Sentence, people: list[Actor], kinds: dict[str, frozenset[str]]) -> list[Actor]:
    """Common nouns for private people after a determiner ("the man", "his wife", "a 10-year-old girl", "a
    17-year-old"), unless a name stands in apposition to them ("the boy, Avion Weaver", "his father Brandon Hill",
    "Sam Ortiz, a 17-year-old student,": the name is the mention)."""
    text = sentence.text
    taken = [(a.start, a.end) for a in sentence.actors] + [(a.start, a.end) for a in people]
    out: list[Actor] = []
    for d in _GENERIC_DET.finditer(text):
        span = _generic_head(text, d.end(), kinds)
        if span is None:
            continue
        start, end = span
        if any(s < end and start < e for s, e in taken) or any(a.start < end and start < a.end for a in out):
            continue
        rest = text[end:end + 60]
        if re.match(r"\s*,?\s*(?:\d{1,2}[- ]year[- ]old\s+|age\s+\d+\s*,\s*)?[A-Z]", rest) and \
                any(a.start >= end and a.start - end <= 25 for a in people):
            continue  # apposition: the name stands for it
        lead = re.search(r"(?:,\s*(?:age\s+)?\d{1,3})?\s*[,(—–]\s*$", text[:d.start()])
        if lead and d.group().strip().lower() in ("a", "an", "the") and any(a.end == lead.start() for a in people):
            continue  # "Sam Ortiz, 17, a high school student": the noun describes the name before it
        out.append(Actor(text=text[start:end], start=start, end=end, sector=_GENERIC_SECTOR))
    return out


def named(a: Actor) -> bool:
    """A mention of a person by name: a name the people stage found, or an officer's ("Officer Omar Cannon")."""
    return a.name is not None and a.id is None and a.text[:1].isupper() and (a.country is None or a.sector is not None)


_PLURAL_GENERIC = re.compile(r"(?:s|men|people|children)$")
_APPOSED = re.compile(r"\s*(?:,|—|–|--|-|:)\s*(?:\d{1,2}[- ](?:year|month)s?[- ]old\s+)?")
_GENERIC_SLOT = r"(?:also\s+)?(?:the|an?|one\s+of\s+the|two\s+of\s+the|three\s+of\s+the|both)\s+(?:[\w'’-]+\s+){0,4}?$"
_IDENTIFIED_AS_SLOT = re.compile(r"\bidentified\s+(?:\d{1,2}[- ](?:year|month)s?[- ]old\s+)?$")
_AS_SLOT = re.compile(r"^\s*(?:,\s*(?:age\s+)?\d{1,3}\s*,)?(?:\s*,[^,;()]{1,40}){0,3}\s*,?\s*(?:as|were|was|are|is)\s+"
                      + _GENERIC_SLOT, re.I)
_LIST_AFTER = re.compile(r"[^:;.!?]{0,50}?(?::|,\s*including)\s*(?:\d{1,2}[- ](?:year|month)s?[- ]old\s+)?"
                         r"(?:[A-Z][\w.]*\s+){0,4}")
_AS_NAME = re.compile(r"^\s+as\s+(?:\d{1,2}[- ](?:year|month)s?[- ]old\s+)?$")
_IDENTIFIED_AS = re.compile(r"^\s+(?:(?:has|have|had)\s+)?(?:been\s+)?(?:identified|named)\s+"
                            r"(?:by\s+[^,;]{1,40}?\s+)?as\s+(?:\d{1,2}[- ](?:year|month)s?[- ]old\s+)?$", re.I)
_IS_NAME = re.compile(r"^\s+(?:(?:who|that)\s+(?:was|were)\s+(?:[a-z]+\s+){1,4}?)?(?:was|is|were|are)\s+"
                      r"(?:\d{1,2}[- ](?:year|month)s?[- ]old\s+)?$", re.I)


def tied_names(sentence: Sentence, generic: Actor, conjoin) -> list[Actor]:
    """The named people a common noun stands for in its own sentence: an apposition after it ("three people --
    Renee Benjamin, 30; Joshua Higbee, 31; and Brian Sadowsky", "the wounded man, 22-year-old Cameron Salazar"), an
    identification ("identified X as the victim", "the officers have been identified as X and Y") or a copula ("X
    was the motorcyclist", "the victim was 18-year-old Anthony Ray"). `conjoin(mentions, k, text, step)` groups a
    list (events._with_conjuncts)."""
    text = sentence.text
    names = [a for a in sentence.actors if named(a)]
    if not names or generic.text[:1].isupper():
        return []
    plural = bool(_PLURAL_GENERIC.search(generic.text.lower()))
    after = [a for a in names if a.start >= generic.end]
    before = [a for a in names if a.end <= generic.start]
    gap = text[generic.end:after[0].start] if after else ""
    group: list[Actor] = []
    ident = _AS_NAME.match(gap) and re.search(r"\bidentified\b", text[:generic.start])
    if after and (_APPOSED.fullmatch(gap) or _IDENTIFIED_AS.match(gap) or _IS_NAME.match(gap) or ident):
        group = conjoin(after, 0, text, +1)  # "the victims, A and B", "the officers have been identified as A"
    elif after and plural and _LIST_AFTER.fullmatch(gap):
        return [generic, *conjoin(after, 0, text, +1)]  # "four people were shot and three of them died: A, B, C"
    elif before:
        lead = text[before[-1].end:generic.start]
        ident = _IDENTIFIED_AS_SLOT.search(text[:before[0].start]) if _AS_SLOT.match(lead) else None
        if _AS_SLOT.match(lead) and (ident or not lead.strip(" ,").lower().startswith("as")):
            group = conjoin(before, len(before) - 1, text, -1)  # "identified X and Y as the two women"
    if not plural:
        group = group[-1:] if group and group[-1].end <= generic.start else group[:1]
    return group


# What may stand between two people of a list besides "and" and commas: ages, home towns, "both 31".
_ASIDE = re.compile(r"\s*(?:,?\s*(?:age[sd]?\s+)?\d{1,3}(?=\s*[,;)]|\s+(?:and|of|from)\b)|\(\s*\d{1,3}\s*\)"
                    r"|,?\s*(?:of|from)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
                    r"(?:,\s*[A-Z][\w.]*(?=\s*[,;]))?"
                    r"|,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}(?=\s*;)|,?\s*both\s+\d{1,3}(?:\s+and(?=\s+of\b))?"
                    r"|,(?=\s*,))")


def person_asides(between: str) -> str:
    """The words between two people of a list without the first one's asides: "X, 40, of the Bronx, and Y" ->
    ", and"; "A, 54; B" -> ","; "A, 26, , B" -> ","."""
    while True:
        m = _ASIDE.match(between)
        if not m or not m.group().strip():
            break
        between = between[m.end():]
    return between.replace(";", ",")


# Surnames that are also ordinary sentence openers: only mid-sentence are they the person.
_COMMON_STARTS = frozenset(_W["common_starts"])


class PeopleStage:
    """Adds person-name mentions to `Sentence.actors` (after the places stage, whose toponyms it overrides where a
    name was read as a place: "Jordan Coleman")."""

    name = "people"

    def __call__(self, story: Story) -> Story:
        people = find_people(story)
        for sentence in story.sentences:
            add = people.get(sentence.index)
            if not add:
                continue
            sentence.actors = sorted([*sentence.actors, *add], key=lambda a: a.start)
            _drop_places(sentence, add)
        _story_country(story)
        name_roles(story)
        return story


def _story_country(story: Story) -> None:
    """Generic local mentions ("police", "the man") that took the story's country from the dictionaries' evidence
    take the country of the places the story names instead, when the gazetteer puts most of them in another one
    (a Toledo, Ohio story is not British for naming "St. Charles"); those with no country at all take it too, even
    when the story names a single place (its dateline). Named people keep none: a name alone does not say where a
    person is from."""
    from flashpoint.extract.places import _where

    counts: dict[str, int] = {}
    for sentence in story.sentences:
        att = sentence.attribution
        for p in sentence.places:  # where people are, not where they go or where a source sits
            if p.country and (_where(sentence.text, p) or p.start == 0) and not (
                    att and att.start <= (p.start or 0) < att.end):
                counts[p.country] = counts.get(p.country, 0) + 1
    if not counts:
        return
    best = max(counts, key=lambda c: counts[c])
    if counts[best] * 2 <= sum(counts.values()):
        return  # no majority: keep the dictionaries' reading
    for sentence in story.sentences:
        here = {p.country for p in sentence.places if p.country}
        for a in sentence.actors:
            if (a.inferred and a.country != best and a.country not in here) or (
                    a.country is None and a.id is None and a.sector not in (None, "NGO", "IGO")):
                a.country, a.inferred = best, True


# Role nouns a story ties to one named person: "the victim, Sam Ortiz", "Sam Ortiz, the suspect," "identified the
# victim as Sam Ortiz".
_ROLE_NOUNS = tuple(_W["role_nouns"])
_TIE = re.compile(r"\bthe (" + "|".join(_ROLE_NOUNS) + r")(?:'s)?(?:,| (?:was|is|has been) identified as| was| is)\s*$|"
                  r"\bidentified the (" + "|".join(_ROLE_NOUNS) + r") as\s*(?:\d{1,3}[- ]year[- ]old\s+)?$", re.I)
_TIE_AFTER = re.compile(r"\s*,\s*(?:\d{1,3}\s*,\s*)?the (" + "|".join(_ROLE_NOUNS) + r")\b", re.I)


def name_roles(story: Story) -> None:
    """Mentions of a role noun ("the victim", "the suspect") take the name the story ties to that noun, when it ties
    exactly one name to it (issue: people tracked across the story; the mention keeps its own text)."""
    tied: dict[str, set[str]] = {}
    for sentence in story.sentences:
        text = sentence.text
        for a in sentence.actors:
            if a.sector is not None or a.name is None:
                continue
            before = _TIE.search(text[max(0, a.start - 60):a.start])
            after = _TIE_AFTER.match(text, a.end)
            for m in (before, after):
                if m:
                    noun = (m.group(1) or (m.group(2) if m.re is _TIE else None) or "").lower()
                    if noun:
                        tied.setdefault(noun, set()).add(a.name)
        for a in sentence.actors:
            if a.sector == _GENERIC_SECTOR and a.name is None and not _PLURAL_GENERIC.search(a.text.lower()):
                from flashpoint.extract.events import _with_conjuncts

                same = tied_names(sentence, a, _with_conjuncts)  # "identified the girl as Sam Ortiz"
                if len(same) == 1 and same[0].name:
                    tied.setdefault(a.text.lower(), set()).add(same[0].name)
    if not tied:
        return
    for sentence in story.sentences:
        for a in sentence.actors:
            names = tied.get(a.text.lower())
            if a.name is None and names and len(names) == 1:
                a.name = next(iter(names))


def _drop_places(sentence: Sentence, people: list[Actor]) -> None:
    sentence.places = [p for p in sentence.places
                       if not any(p.start is not None and p.end is not None and a.start < p.end and p.start < a.end
                                  for a in people)]
