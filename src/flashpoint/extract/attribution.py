"""Who says so: the source a sentence attributes its report to ("a rights group said", "according to two diplomats").

Why hand-written patterns: attribution in news is a closed set of frames (SOURCE said, SOURCE told Reuters,
according to SOURCE, "...," said SOURCE) around a few dozen reporting verbs; a regex per frame plus a short walk back
over the source noun phrase finds it in microseconds with exact offsets. The source's sector comes from an actor
mention inside the span when the actors stage found one, else from `attribution_sources.tsv` (a small noun map).

The span covers the source phrase and the reporting verb and ends with the verb ("the army said", "X alleged"), so
later stages can read the verb off its last word; "told" keeps its object ("X told Reuters") and "according to" its
source ("according to two diplomats").
"""

from __future__ import annotations

import re
from functools import lru_cache

from flashpoint import tsv
from flashpoint.records import Attribution, Sentence, Story

_W = tsv.lists("flashpoint.extract", "attribution_words.tsv")  # the word lists below (knowledge, kept as data)
# Reporting verbs; the claim verbs are the one-sided ones (a party's allegation, not an observer's report).
CLAIM_VERBS = frozenset(_W["claim_verbs"])
_VERBS = sorted({*_W["reporting_verbs"], *CLAIM_VERBS}, key=len, reverse=True)
_VERB_ALT = "|".join(_VERBS)

# Words that end a source phrase when walking left from the verb.
_BOUNDARY_WORDS = frozenset(_W["boundary_words"])
# Phrase-internal words allowed in a source ("a spokesman for the army", "the head of the ministry").
_INNER = frozenset(_W["inner"])
_MAX_WORDS = 8

_WORD = re.compile(r"[\w’'.-]+|[^\w\s]")
_ACCORDING = re.compile(r"\b(?:[Aa]ccording\s+to|[Aa]s\s+reported\s+by|[Cc]iting)\s+")
# Lower case only: "The United States", "Says" in a title are not reporting verbs.
# Where the source after "according to" ends (a "." after a capital is an abbreviation: "the U.S. Embassy").
_ACCORDING_STOP = re.compile(r"[,;:!?\"”)(]|(?<![A-Z])\.(?=\s|$)|\s(?:that|which|who|and\s+(?:the|a|an|in|on))\s")
_VERB_RE = re.compile(rf"(?<![\w-])(?:{_VERB_ALT})(?![\w-])")
_TOLD_OBJ = re.compile(
    r"\s+(?:the\s+)?(?:Reuters|AFP|AP|the\s+Associated\s+Press|Agence\s+France-Presse|reporters|journalists|"
    r"the\s+BBC|BBC|CNN|Al\s+Jazeera|a\s+news\s+conference|a\s+press\s+conference|parliament|lawmakers|"
    r"[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})")
_NOT_REPORTING_AFTER = re.compile(r"\s+(?:to\s+(?:be|have)\b|it\s+was\b)")
_INVERTED_SUBJ = re.compile(r"\s+((?:[A-Z][\w’'.-]*|the|a|an|police|officials|authorities|witnesses|residents|"
                            r"spokesman|spokeswoman|spokesperson|officer|sources|[a-z]+)(?:\s+[\w’'.-]+){0,6}?)"
                            r"\s*(?=[,.;:!?]|$|\s+(?:on|in|at|late|early|last|this)\b)")
_SENTENCE_END = re.compile(r"\s*(?:(?:on|late|early|last|this)\s+\w+(?:\s+\w+)?\s*)?[.!?\"”’)]*\s*$", re.I)
_ABBREV_END = re.compile(r"(?:\b[A-Z]|Jr|Sr|St|Co|Inc|Ltd|Corp)\.$")
_PRONOUN = frozenset(_W["pronoun"])
_NAME_LIKE = re.compile(r"^[A-Z]")


@lru_cache(maxsize=1)
def _sector_map() -> dict[str, str | None]:
    """Source noun -> sector (None: a source noun with no sector), from `attribution_sources.tsv`."""
    out: dict[str, str | None] = {}
    for row in tsv.rows(__package__, "attribution_sources.tsv"):
        out[row[0].lower()] = (row[1] if len(row) > 1 else "") or None
    return out


@lru_cache(maxsize=1)
def _sector_re() -> re.Pattern[str]:
    nouns = sorted(_sector_map(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in nouns) + r")(?![\w-])",
                      re.I)


def sector_of(phrase: str) -> str | None:
    """Sector of a source phrase from the noun map: the rightmost listed noun that has a sector decides."""
    best: tuple[int, int, str] | None = None
    smap = _sector_map()
    for m in _sector_re().finditer(phrase):
        sector = smap.get(re.sub(r"\s+", " ", m.group(0).lower()))
        if sector is None:
            continue
        key = (m.end(), m.end() - m.start(), sector)
        if best is None or key[:2] > best[:2]:
            best = key
    return best[2] if best else None


def _source_left(text: str, verb_start: int) -> int | None:
    """Start of the source phrase that ends just before `verb_start`, walking back over words; None if none."""
    words = [(m.start(), m.group(0)) for m in _WORD.finditer(text, max(0, verb_start - 120), verb_start)]
    start = None
    for n, (pos, w) in enumerate(reversed(words)):
        low = w.lower()
        if not re.match(r"[\w’']", w):  # punctuation ends the phrase
            break
        if low in _BOUNDARY_WORDS and not (start is None and low in _PRONOUN):
            break
        if n >= _MAX_WORDS:
            break
        if start is None and low in _INNER:  # a phrase cannot end with "of", "the"
            break
        start = pos
    if start is None:
        return None
    # drop leading phrase-internal words ("of the army said" -> "the army said" is fine; "of" alone is not)
    while True:
        m = re.match(r"(?:of|for)\s+", text[start:verb_start], re.I)
        if not m:
            break
        start += m.end()
    return start if start < verb_start else None


def _appositive_left(text: str, verb_start: int) -> int | None:
    """Start of "Jane Doe, a police spokeswoman," or "the head of the agency, Jane Doe," before a verb: a phrase
    closed by a comma right before the verb, opened by a comma after its head noun phrase."""
    before = text[:verb_start].rstrip()
    if not before.endswith(","):
        return None
    close = len(before) - 1
    open_ = text.rfind(",", max(0, close - 80), close)
    if open_ < 0 or not text[open_ + 1:close].strip():
        return None
    head = _source_left(text, open_)
    if head is not None and _plausible_source(text[head:open_]):
        return head
    inner = len(text[:open_ + 1]) + (len(text[open_ + 1:close]) - len(text[open_ + 1:close].lstrip()))
    return inner if _plausible_source(text[inner:close]) else None


def _plausible_source(phrase: str) -> bool:
    words = phrase.split()
    if not words:
        return False
    low = phrase.lower()
    return bool(
        _sector_re().search(phrase) or _NAME_LIKE.match(words[-1]) or low in _PRONOUN
        or any(_NAME_LIKE.match(w) for w in words)
        or re.search(r"\b(?:group|agency|spokes\w+|source|sources|statement|report|officials?|chief|head|leader|"
                     r"director|office|department|council|committee|commission|ministry|authority|authorities|watchdog|"
                     r"monitor|observatory|coalition|alliance|union|court|tribunal|mission|embassy|institute|"
                     r"organi[sz]ation|association|movement|party|"
                     r"people|man|woman|mother|father|brother|sister|friend|victim|owner|manager)\b", low)
    )


def _candidates(text: str) -> list[tuple[int, int, int, str]]:
    """(priority, start, end, verb) of every attribution frame in the sentence; lower priority wins."""
    out: list[tuple[int, int, int, str]] = []
    for m in _ACCORDING.finditer(text):
        end = m.end()
        stop = _ACCORDING_STOP.search(text, end)
        src_end = stop.start() if stop else len(text)
        phrase = text[end:src_end].rstrip()
        if phrase and len(phrase.split()) <= 10:
            out.append((0, m.start(), end + len(phrase), "according to"))
    for m in _VERB_RE.finditer(text):
        verb = m.group(0)
        if _NOT_REPORTING_AFTER.match(text, m.end()):
            continue
        final = bool(_SENTENCE_END.match(text, m.end()))
        start = _source_left(text, m.start())
        if start is None:
            start = _appositive_left(text, m.start())
        end = m.end()
        if verb.lower() in ("told", "tells", "tell"):
            obj = _TOLD_OBJ.match(text, end)
            if obj:
                end = obj.end()
        if start is not None and _plausible_source(text[start:m.start()].strip()):
            clause_start = start == 0 or bool(re.search(r"(?:^|[\"“:;]\s*|,\s*)$", text[:start]))
            out.append((1 if final else 2 if clause_start else 4, start, end, verb))
            continue
        # inverted: '"...," said the minister.' / ', said police spokesman John Smith.'
        if start is None or not _plausible_source(text[start:m.start()].strip()):
            inv = _INVERTED_SUBJ.match(text, m.end())
            before = text[: m.start()].rstrip()
            if inv and verb.lower() not in ("told", "tells", "tell") and (
                    before.endswith((",", "\"", "”")) or not before) and _plausible_source(inv.group(1)):
                inv_end = inv.end(1) - (1 if inv.group(1).endswith(".") and not _ABBREV_END.search(inv.group(1)) else 0)
                out.append((3, m.start(), inv_end, verb))
    return out


def find_attribution(text: str) -> Attribution | None:
    """The source a sentence attributes its report to, or None.

    Preference: "according to X"; then a sentence-final "..., X said."; then a clause-initial "X said (that) ...";
    then an inverted "..., said X"; then any other "X said"."""
    if not text:
        return None
    cands = _candidates(text)
    if not cands:
        return None
    _, start, end, _verb = min(cands, key=lambda c: (c[0], c[1]))
    span = text[start:end]
    return Attribution(text=span, start=start, end=end, country=None, sector=sector_of(span))


def _resolve(sentence: Sentence, att: Attribution) -> Attribution:
    """Country and sector from an actor mention inside the attribution span (the rightmost, which is the head of
    "Kenyan police spokesman"), falling back to the noun map for the sector. A span that starts inside a name is
    widened to the whole name."""
    for a in sentence.actors:  # the walk left stops at "on": "the Kenya National Commission on Human Rights said"
        if a.start < att.start < a.end:
            att.text, att.start = sentence.text[a.start:att.end], a.start
            att.sector = sector_of(att.text)
    inside = [a for a in sentence.actors if att.start <= a.start and a.end <= att.end]
    with_sector = [a for a in inside if a.sector]
    with_country = [a for a in inside if a.country]
    if with_sector:
        att.sector = max(with_sector, key=lambda a: a.end).sector
    if with_country:
        att.country = max(with_country, key=lambda a: a.end).country
    return att


class AttributionStage:
    """Pipeline stage (runs after the actors stage): fills `sentence.attribution` for sentences not marked skip."""

    name = "attribution"

    def __call__(self, story: Story) -> Story:
        for sentence in story.sentences:
            if sentence.skip:
                continue
            att = find_attribution(sentence.text)
            sentence.attribution = _resolve(sentence, att) if att else None
        return story
