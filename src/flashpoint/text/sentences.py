"""Paragraph and sentence splitting for news text, and the `sentences` pipeline stage.

Hand-written on purpose. NLTK's punkt needs a model download (nothing may download at run time) and a heavy package.
pysbd is rule-based like this module but measured about 430 µs per sentence on news paragraphs here (some 80x this
module, far over the pipeline budget), knows nothing of datelines, captions or teasers, and splits "MEMPHIS, Tenn." and
"3 p.m. Friday". This splitter is a few precompiled regexes plus a dictionary lookup per candidate period: about 5 µs
per sentence.

How a boundary is found: a run of `.`, `!`, `?`, `…` (plus closing quotes/brackets) followed by whitespace and an
upper-case letter, a digit or an opening quote. A single period is then checked against the word before it, using
`abbreviations.tsv`: titles (Gen., Dr., St. Louis) never end a sentence; Inc., Jr., U.S., states, "Main St." and
initials ("J. Smith") end one only when the next word is a usual sentence starter (`sentence_starters.txt`: The, He,
But ...) or a newline follows; "p.m."/"a.m." end one unless a day, month or time zone follows; No./Art./Jan. never
break before a number. A quotation that belongs with its speaker (it ends in a comma, is followed by "he said" /
"Smith told", or follows "said:") stays one sentence however many sentences it quotes, so attribution is not lost.
A news dateline at the start of a paragraph ("ABUJA, March 3 (Reuters) -", "ST. LOUIS (AP) —", "WASHINGTON —") is
kept inside the first sentence. Inside a paragraph, a line without final punctuation followed by a line starting with
a capital (a headline over its story) is a sentence of its own; hard-wrapped paragraphs are recognised and left alone.

Known limits: a headline glued to the first sentence on the same line by an extractor ("Troops Enter Town Soldiers
entered ...") is not separated; sentences without a space after the period ("end.The") are not split; an ambiguous
abbreviation followed by a capitalised name ends no sentence ("... sold to Acme Inc. Smith said" stays one); straight
quotes are paired left to right, so an unclosed quote (a quote running on into the next paragraph) protects nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from flashpoint import tsv
from flashpoint.records import Sentence, Story

MAX_SENTENCE_CHARS = 2000  # longer runs without punctuation (tables, lists) are cut at a space, to bound later stages
CAPTION_MAX_CHARS = 500  # a paragraph up to this long with a photo credit in it is a caption: all of it is skipped
REPEAT_MIN_CHARS = 30  # a sentence this long, repeating an earlier one word for word: skipped

_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«([¿¡"

# A run of terminal punctuation, closers, then whitespace and the first visible character of what follows.
_CANDIDATE = re.compile(r"(?:\.(?:[ ]\.){2}|[.!?…])+[\"'”’»)\]]*(?=(\s+)([\"'“‘«(\[¿¡]*)(\S))")
_WORD = re.compile(r"[A-Za-z]+")
_LETTER = re.compile(r"[^\W\d_]")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")  # U.S, a.m, D.C, e.g
_TIMES = frozenset(("a.m", "p.m", "A.M", "P.M"))
# What may follow "3 p.m." inside a sentence: a day, a month, a time zone. Any other capital starts a new sentence.
_AFTER_TIME = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b"
    r"|(?:local|Local|Eastern|Pacific|Central|Mountain|Atlantic|GMT|UTC|[A-Z]{1,2}T|[A-Z][SD]T)\b"
)

_AFTER_TIME_ANY_CASE = re.compile(_AFTER_TIME.pattern, re.IGNORECASE)

# Quotations that belong to one sentence with their speaker: a speech verb just before the opening quote, or the
# quote ending in a comma / followed by "he said", "Smith told reporters". Splits inside them are suppressed.
_SPEECH = (
    r"(?:said|says|say|told|tells|asked|asks|added|adds|wrote|writes|explained|recalled|shouted|screamed|yelled|"
    r"stated|continued|insisted|warned|noted|replied|tweeted|posted|declared|announced|remarked|argued|claimed)"
)
_QUOTE_MARK = re.compile("[\"“”]")
_SPEAKER_AFTER = re.compile(r"\s*(?:[a-z]|(?:[A-Z][\w.'’-]*\s+){1,4}" + _SPEECH + r"\b)")
_SPEAKER_BEFORE = re.compile(_SPEECH + r"(?:\s+[\w'’-]+){0,4}?\s*[,:]?\s*$")
# Without capitals a speaker after a quote is a speech verb within a few words ("... ," he said / says noorjahan).
_SPEAKER_AFTER_CASELESS = re.compile(r"\s*(?:[\w.'’-]+\s+){0,4}?" + _SPEECH + r"\b", re.IGNORECASE)

# A sentence end without the space after it, from careless scraping: "fired.Police", and in text without capitals
# "fired.police" (not a web address or a file name: see _fused_cuts).
_FUSED = re.compile(r"(?<=[a-z]{2})[.!?][\"'”’]?(?=[A-Z][a-z])")
_FUSED_CASELESS = re.compile(r"(?<=[a-zA-Z]{3})[.!?][\"'”’]?(?=[a-zA-Z]{2,}\b)")
_QUOTE_MAX = 800

# A dateline at the start of a paragraph: ALL-CAPS place (+ ", State" / ", March 3"), optional (Agency), a dash.
# A Title-case place counts only with an agency tag ("Washington (CNN) —").
_DATELINE = re.compile(
    r"""(?:
          [A-Z][A-Z'’.\-]+(?:[ ]+[A-Z][A-Z'’.\-]*)*
          (?:,[ ]*[A-Z][A-Za-z'’.\-]*(?:[ ]+[A-Za-z0-9'’.\-]+){0,3})*
          (?:[ ]*\([A-Za-z][\w .&/'’-]{0,40}\))?
        | [A-Z][a-z]+(?:[ ]+[A-Z][a-z]+)*(?:,[ ]*[A-Z][A-Za-z.]*)?[ ]*\([A-Za-z][\w .&/'’-]{0,40}\)
        )
        [ ]*(?:--?|–|—|\ufffd)(?:\s+|$)""",
    re.X,
)
_DATELINE_MAX = 120

# Lines and blocks for paragraph splitting.
_BLOCK = re.compile(r"[^\S\n]*\S[^\n]*(?:\n[^\S\n]*\S[^\n]*)*")
_LINE = re.compile(r"[^\n]*\S[^\n]*")
_TERMINAL_END = re.compile(r"[.!?…:][\"'”’»)\]]*$|[\"”’»]$")


_W = tsv.lists("flashpoint.text", "sentences_words.tsv")  # the word lists below (knowledge, kept as data)
# Words after which a line cannot end a sentence (the line was wrapped).
_CONTINUATION_WORDS = frozenset(_W["continuation_words"])

_WEEKDAYS_MONTHS = frozenset(_W["weekdays_months"])
# After "name." these are web addresses and file names ("timesofindia.com", "story.cms"), not a new sentence.
_WEB_SUFFIX = frozenset(_W["web_suffix"])
_BYLINE_SMALL = frozenset(_W["byline_small"])
_BYLINE_TAIL = frozenset(_W["byline_tail"])


@lru_cache(maxsize=1)
def _abbreviation_rows() -> list[tuple[str, str, bool]]:
    """abbreviations.tsv: (abbreviation, kind, also an ordinary word in lower case)."""
    return [(cols[0], cols[1], len(cols) > 2 and cols[2] == "word")
            for cols in tsv.rows(__package__, "abbreviations.tsv")]


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    return {a: kind for a, kind, _ in _abbreviation_rows()}


@lru_cache(maxsize=1)
def _caseless_abbreviations() -> dict[str, str]:
    """Lower-cased abbreviations for text without capitals, leaving out those that are also ordinary words ("ill.",
    "miss.", "ft.") and would otherwise keep real sentence ends from being cut."""
    table: dict[str, str] = {}
    for a, kind, word in _abbreviation_rows():
        if not word:
            table.setdefault(a.lower(), kind)
    return table


@lru_cache(maxsize=1)
def _starters() -> frozenset[str]:
    return frozenset(tsv.words(__package__, "sentence_starters.txt"))


@lru_cache(maxsize=1)
def _caseless_starters() -> frozenset[str]:
    return frozenset(w.lower() for w in _starters())


_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")


def is_caseless(text: str) -> bool:
    """True for text whose capitals say nothing: lower-cased archives and ALL-CAPS wires (a stray capital or two
    allowed). Sentence starts then cannot be told by a capital letter."""
    if text.islower() or text.isupper():
        return True
    upper = len(_UPPER.findall(text))
    lower = len(_LOWER.findall(text))
    if upper + lower < 40:
        return False
    return upper < 0.004 * (upper + lower) or lower < 0.05 * (upper + lower)


def _is_upper_start(ch: str) -> bool:
    return ch.isupper() or ch.isdigit()


def _period_ends_sentence(
    text: str, m: re.Match[str], abbrevs: dict[str, str], starters: frozenset[str], caseless: bool = False
) -> bool:
    """Decide whether a single period (no closer after it) ends a sentence, from the word before and after.

    caseless: the text has no usable capitals; words are looked up in lower case, a single letter is an initial
    and "St." is ambiguous (a street or a saint cannot be told apart)."""
    i = m.start()
    j = max(text.rfind(" ", 0, i), text.rfind("\n", 0, i), text.rfind("\t", 0, i), text.rfind("\u00a0", 0, i)) + 1
    tok = text[j:i].lstrip(_OPENERS)
    if not tok:
        return True
    if caseless:
        tok = tok.lower()
        kind = abbrevs.get(tok)
        if kind is None and ("-" in tok or "/" in tok):
            kind = abbrevs.get(re.split(r"[-/]", tok)[-1])
        if kind is None:
            if tok in ("a.m", "p.m"):
                return _AFTER_TIME_ANY_CASE.match(text, m.start(3)) is None
            if len(tok) == 1 and tok.isalpha() or _DOTTED.fullmatch(tok):
                kind = "ambiguous"
            else:
                return not (tok.isdigit() and len(tok) <= 2 and not text[:j].strip())
        if kind == "saint":
            kind = "ambiguous"
        if kind in ("title", "inside"):
            return False
        first = m.group(3)
        if kind == "number" or (kind == "month" and first.isdigit()):
            return not first.isdigit()
        w = _WORD.match(text, m.start(3))
        if w is not None and w.end() - w.start() == 1 and text.startswith(".", w.end()):
            return False
        if "\n" in m.group(1):
            return True
        return w is not None and w.group().lower() in starters
    kind = abbrevs.get(tok)
    if kind is None and ("-" in tok or "/" in tok):  # Maj.-Gen., ex-Gov.
        kind = abbrevs.get(re.split(r"[-/]", tok)[-1])
    first = m.group(3)
    if kind is None:
        if len(tok) == 1 and tok.isupper():
            kind = "ambiguous"  # an initial
        elif tok in _TIMES:
            return _AFTER_TIME.match(text, m.start(3)) is None
        elif _DOTTED.fullmatch(tok):
            kind = "ambiguous"  # U.S., D.C.
        else:
            # a number at the very start is a list item ("1. The first point"); any other word ends the sentence
            return not (tok.isdigit() and len(tok) <= 2 and not text[:j].strip())
    if kind == "saint":  # "St. Louis", but "Main St." / "21st St." is a street and may end the sentence
        before = text[:j].rstrip().rsplit(None, 1)[-1:] if j else []
        street = bool(before) and (before[0][:1].isupper() and before[0] not in starters or before[0][:1].isdigit())
        kind = "ambiguous" if street else "title"
    if kind in ("title", "inside"):
        return False
    if kind == "number":
        return not first.isdigit()
    if kind == "month" and first.isdigit():
        return False
    # ambiguous (or a month name before a word)
    w = _WORD.match(text, m.start(3))
    if w is not None and w.end() - w.start() == 1 and text.startswith(".", w.end()):
        return False  # another initial follows: "C. A. Deckard"
    if "\n" in m.group(1):
        return True
    return w is not None and w.group() in starters


def dateline_end(text: str) -> int:
    """Offset where a leading dateline ("ABUJA, March 3 (Reuters) - ") ends, or 0."""
    if not text or not text[0].isupper():
        return 0
    m = _DATELINE.match(text)
    if m is None or m.end() > _DATELINE_MAX:
        return 0
    return m.end()


def is_dateline(text: str) -> bool:
    """True when `text` is nothing but a dateline ("WASHINGTON —", "KYIV, Ukraine (AP) —")."""
    s = text.strip()
    return bool(s) and dateline_end(s) >= len(s)


def _wrapped(lines: list[str]) -> bool:
    """True when a block looks hard-wrapped (several line breaks fall inside sentences)."""
    if len(lines) < 3:
        return False
    lower_next = sum(1 for ln in lines[1:] if ln.lstrip()[:1].islower())
    return lower_next * 3 >= len(lines) - 1


def _newline_cuts(text: str, protect: int) -> list[int]:
    """Line breaks that end a sentence although no punctuation does: headlines and other title lines."""
    cuts: list[int] = []
    lines = text.split("\n")
    wrapped = _wrapped(lines)
    if wrapped:
        longest = max(len(ln.strip()) for ln in lines)
        if len(lines[0].strip()) >= 0.6 * longest:
            return cuts
        lines = lines[:2]  # only a short first line (a headline over wrapped text) can stand alone
    pos = 0
    for k in range(len(lines) - 1):
        line = lines[k]
        end = pos + len(line)  # index of this "\n"
        pos = end + 1
        prev = line.rstrip()
        if not prev or end < protect:
            continue
        if not lines[k + 1].strip():
            cuts.append(end)  # a blank line always separates
            continue
        nxt = lines[k + 1].lstrip()
        last = prev[-1]
        if last in ".!?…" or _TERMINAL_END.search(prev):
            continue  # punctuation decides
        if last in ",;:-–—(/&+" or not (last.isalnum() or last in _CLOSERS):
            continue
        lw = prev.rsplit(None, 1)[-1].lower()
        if lw in _CONTINUATION_WORDS:
            continue
        first = nxt.lstrip(_OPENERS)[:1]
        if first and _is_upper_start(first):
            cuts.append(end)
    return cuts


def _cap(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    """Append (s, e), cut into pieces of at most MAX_SENTENCE_CHARS at spaces."""
    while e - s > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", s + 1, s + MAX_SENTENCE_CHARS)
        if cut <= s:
            cut = s + MAX_SENTENCE_CHARS
        seg_end = cut
        while seg_end > s and text[seg_end - 1].isspace():
            seg_end -= 1
        out.append((s, seg_end))
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if s < e:
        out.append((s, e))


def _attributed_quotes(text: str, caseless: bool = False) -> list[tuple[int, int]]:
    """(open, close) of quotations that stay inside one sentence with their speaker."""
    after = _SPEAKER_AFTER_CASELESS if caseless else _SPEAKER_AFTER
    spans: list[tuple[int, int]] = []
    opened = -1
    for m in _QUOTE_MARK.finditer(text):
        i, q = m.start(), m.group()
        if q == "“" or (q == '"' and opened < 0 and (i == 0 or text[i - 1] in " \n\t([—–-")):
            opened = i
            continue
        if opened < 0 or q == "“":
            continue
        o, opened = opened, -1
        if i - o > _QUOTE_MAX:
            continue
        inner_end = text[i - 1] if i > o + 1 else ""
        if (
            inner_end == ","
            or after.match(text, i + 1)
            or _SPEAKER_BEFORE.search(text, max(0, o - 60), o)
        ):
            spans.append((o, i))
    return spans


def _fused_cuts(text: str, caseless: bool, abbrevs: dict[str, str]) -> list[int]:
    """Sentence ends with no space after them ("fired.Police"); never inside web addresses, e-mails, file names,
    abbreviations or numbers."""
    cuts: list[int] = []
    for m in (_FUSED_CASELESS if caseless else _FUSED).finditer(text):
        a = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        b = m.end()
        while b < len(text) and not text[b].isspace():
            b += 1
        token = text[a:b]
        if "/" in token or "@" in token or "www" in token.lower() or "_" in token:
            continue
        after = _WORD.match(text, m.end())
        if after is None or after.group().lower() in _WEB_SUFFIX:
            continue
        left = text[a:m.start()].lstrip(_OPENERS)
        if (left.lower() if caseless else left) in abbrevs:
            continue
        cuts.append(m.end())
    return cuts


def split_sentences(text: str, caseless: bool | None = None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in one paragraph; spans exclude surrounding whitespace.

    caseless: the text has no usable capitals (lower-cased archives, ALL CAPS); None decides by `is_caseless`. Then
    any letter may start a sentence, and abbreviations and sentence starters are looked up in lower case."""
    if not text:
        return []
    if caseless is None:
        caseless = is_caseless(text)
    abbrevs = _caseless_abbreviations() if caseless else _abbreviations()
    starters = _caseless_starters() if caseless else _starters()
    speaker_after = _SPEAKER_AFTER_CASELESS if caseless else _SPEAKER_AFTER
    protect = dateline_end(text)
    quotes = _attributed_quotes(text, caseless) if ('"' in text or "“" in text) else ()
    cuts: list[int] = []
    for m in _CANDIDATE.finditer(text):
        if m.start() < protect:
            continue
        first = m.group(3)
        if not (_is_upper_start(first) or caseless and first.isalpha()):
            continue
        if quotes and any(o < m.start() and m.end() <= c for o, c in quotes):
            continue
        if m.group()[-1] in "\"”" and speaker_after.match(text, m.end()):
            continue  # '"Get out!" Smith said.'
        if m.group() == "." and not _period_ends_sentence(text, m, abbrevs, starters, caseless):
            continue
        cuts.append(m.end())
    fused = _fused_cuts(text, caseless, abbrevs) if "." in text else []
    if fused:
        fused = [c for c in fused if c >= protect and not any(o < c <= q for o, q in quotes)]
        cuts = sorted(set(cuts).union(fused))
    if "\n" in text:
        extra = _newline_cuts(text, protect)
        if extra:
            cuts = sorted(set(cuts).union(extra))
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for cut in (*cuts, n):
        s, e = start, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            if e - s > MAX_SENTENCE_CHARS:
                _cap(text, s, e, spans)
            else:
                spans.append((s, e))
        start = cut
    return spans


# ---------------------------------------------------------------------------------------------------- paragraphs


def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def looks_like_headline(line: str) -> bool:
    """A short line without final sentence punctuation that is not a dateline or byline."""
    s = line.strip()
    if not s or len(s) > 200 or not s[0].isupper() and not s[0].isdigit() and s[0] not in _OPENERS:
        return False
    if s[-1] in ".,;:-–—" or len(s.split()) > 25 or not any(c.isalpha() for c in s):
        return False
    return not (is_dateline(s) or s.startswith("By "))


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraph spans in `text`: blocks between blank lines.

    A text with no blank line at all is split on single newlines (one paragraph a line), rejoining lines that were
    hard-wrapped (the next line starts in lower case). A headline on the first line of the first block becomes its
    own paragraph. A paragraph that is only a dateline ("WASHINGTON —") is joined to the next one."""
    blocks = [_strip_span(text, m.start(), m.end()) for m in _BLOCK.finditer(text)]
    if not blocks:
        return []
    paras: list[tuple[int, int]] = []
    if len(blocks) == 1 and "\n" in text[blocks[0][0]:blocks[0][1]]:
        lines = [_strip_span(text, m.start(), m.end()) for m in _LINE.finditer(text, *blocks[0])]
        for s, e in lines:
            if paras and text[s].islower() and not _TERMINAL_END.search(text[paras[-1][0]:paras[-1][1]]):
                paras[-1] = (paras[-1][0], e)  # a wrapped line continues the previous one
            else:
                paras.append((s, e))
    else:
        s0, e0 = blocks[0]
        nl = text.find("\n", s0, e0)
        if nl >= 0 and looks_like_headline(text[s0:nl]):
            paras.append(_strip_span(text, s0, nl))
            paras.append(_strip_span(text, nl + 1, e0))
        else:
            paras.append(blocks[0])
        paras.extend(blocks[1:])
    merged: list[tuple[int, int]] = []
    pending: int | None = None
    for s, e in paras:
        if pending is not None:
            s, pending = pending, None
        elif is_dateline(text[s:e]):
            pending = s
            continue
        merged.append((s, e))
    if pending is not None:
        merged.append(_strip_span(text, pending, len(text)))
    return merged


# ---------------------------------------------------------------------------------------------------- skipping


_Rule = tuple[re.Pattern[str], int, list[str], tuple[str, ...]]  # regex, max paragraph chars, reasons, gate keys


@lru_cache(maxsize=1)
def _skip_rules() -> tuple[list[_Rule], list[_Rule], re.Pattern[str]]:
    """boilerplate.tsv compiled: ([start rules], [anywhere rules], gate regex of all anywhere keys).

    Start rules with the same max_chars are joined into one alternation (group gN = row N's reason); anywhere rules
    stay single and are tried only when one of their keys is in the lower-cased sentence."""
    starts: dict[int, list[tuple[str, str]]] = {}
    any_rules: list[_Rule] = []
    for reason, where, max_chars, pattern in tsv.rows(__package__, "boilerplate.tsv"):
        if where == "start":
            starts.setdefault(int(max_chars), []).append((reason, pattern))
        else:
            keys = tuple(k for k in where.partition(":")[2].split("|") if k)
            any_rules.append((re.compile(pattern, re.IGNORECASE), int(max_chars), [reason], keys))
    start_rules: list[_Rule] = []
    for max_chars, rows in starts.items():
        alternation = "|".join(f"(?P<g{i}>{p})" for i, (_, p) in enumerate(rows))
        start_rules.append((re.compile(alternation, re.IGNORECASE), max_chars, [r for r, _ in rows], ()))
    keys = sorted({k for rule in any_rules for k in rule[3]}, key=len, reverse=True)
    gate = re.compile("|".join(re.escape(k) for k in keys)) if keys else re.compile(r"(?!)")
    return start_rules, any_rules, gate


def _is_byline(s: str) -> bool:
    """"By John Smith", "By JANE DOE and Ali Hassan, Reuters" — but not "By Tuesday, troops had left"."""
    if len(s) > 120 or not s.startswith(("By ", "BY ", "by ")):
        return False
    words = s[3:].replace(",", " , ").replace("|", " | ").split()
    if not words or not words[0][:1].isupper() or words[0].strip(".,") in _WEEKDAYS_MONTHS:
        return False
    tail = False
    for w in words:
        if w in (",", "|", "-", "–", "—", "/"):
            tail = True
            continue
        if w[:1].isupper() or w.lower() in _BYLINE_SMALL or (tail and w.lower() in _BYLINE_TAIL):
            continue
        return False
    return True


def skip_reason(sentence: str, paragraph_chars: int) -> tuple[str, str] | None:
    """(reason, matched text) when a sentence is a credit, byline, teaser or page furniture; else None."""
    s = sentence.strip()
    start_rules, any_rules, gate = _skip_rules()
    for rx, max_chars, reasons, _ in start_rules:
        if max_chars and paragraph_chars > max_chars:
            continue
        m = rx.match(s)
        if m:
            return reasons[int(m.lastgroup[1:])], m.group()  # type: ignore[index]
    if _is_byline(s):
        return "byline", s
    if _LETTER.search(s) is None:
        return "no words", s
    low = s.lower()
    if gate.search(low) is None:
        return None
    for rx, max_chars, reasons, keys in any_rules:
        if max_chars and paragraph_chars > max_chars:
            continue
        if keys and not any(k in low for k in keys):
            continue
        m = rx.search(s)
        if m:
            return reasons[0], m.group()
    return None


# A photo gallery numbers its captions ("Image 2 of 11 Police investigate ..."): the same caption under another number
# is the same caption.
_GALLERY_COUNTER = re.compile(r"^(?:image|photo|picture|slide|video)\s+\d+\s+(?:of|/)\s+\d+\s+")
# A caption's credit in brackets before it ("(Metro Video) Two men ...") is no part of what it reports.
_BRACKET_CREDIT = re.compile(r"^\([^()]{1,40}\)\s+")


def _repeat_key(sentence: str) -> str:
    """The words a repeated sentence shares with its first copy: folded case and spaces, without a gallery counter
    ("image 2 of 11 ...") or a bracketed credit before it."""
    key = " ".join(sentence.lower().split())
    return _BRACKET_CREDIT.sub("", _GALLERY_COUNTER.sub("", key))


def _mark_repeats(text: str, paragraphs: list[tuple[int, int]],
                  parts: list[tuple[list[tuple[int, int]], list[tuple[str, str] | None]]]) -> None:
    """Mark a sentence printed again word for word as `repeated`: one report, one record. In a short paragraph (a
    caption under every photo, the headline repeated as the lead, a pull quote) any repeat; in body text only a run of
    them (a page scraped with its story twice), so a lone headline sentence printed again in the body, which may
    follow what names its people, is kept."""
    keys: list[str | None] = []
    short: list[bool] = []
    for (ps, pe), (spans, reasons) in zip(paragraphs, parts, strict=True):
        for k, (s, e) in enumerate(spans):
            ok = e - s >= REPEAT_MIN_CHARS and reasons[k] is None
            keys.append(_repeat_key(text[ps + s:ps + e]) if ok else None)
            short.append(pe - ps <= CAPTION_MAX_CHARS)
    first_at: dict[str, int] = {}
    firsts: list[int | None] = []
    for i, key in enumerate(keys):
        firsts.append(None if key is None or first_at.setdefault(key, i) == i else first_at[key])

    def same(i: int, j: int) -> bool:
        return 0 <= i < len(keys) and 0 <= j < len(keys) and keys[i] is not None and keys[i] == keys[j]

    i = 0
    for spans, reasons in parts:
        for k in range(len(spans)):
            j = firsts[i]
            if j is not None and (short[i] or same(i - 1, j - 1) or same(i + 1, j + 1)):
                reasons[k] = ("repeated", f"same as sentence {j}")
            i += 1


class SentenceStage:
    """Pipeline stage: split every paragraph into `Sentence`s and mark those that must give no events.

    Photo credits mark their whole (short) paragraph as a caption; a teaser ("Read more:") skips the rest of its
    paragraph; bylines and page furniture skip only their own sentence, so a byline glued above the body costs
    nothing."""

    name = "sentences"

    def __call__(self, story: Story) -> Story:
        text = story.text
        if not story.paragraphs:
            story.paragraphs = paragraph_spans(text)
        sentences: list[Sentence] = []
        captioned: list[Sentence] = []  # sentences skipped only because their paragraph is a caption
        caseless = is_caseless(text)
        parts = []  # (paragraph's spans, skip reasons) of each paragraph
        for ps, pe in story.paragraphs:
            ptext = text[ps:pe]
            spans = split_sentences(ptext, caseless or None)
            parts.append((spans, [skip_reason(ptext[s:e], pe - ps) for s, e in spans]))
        _mark_repeats(text, story.paragraphs, parts)
        for pi, (ps, pe) in enumerate(story.paragraphs):
            ptext = text[ps:pe]
            plen = pe - ps
            spans, reasons = parts[pi]
            caption = None
            if plen <= CAPTION_MAX_CHARS:
                caption = next((r for r in reasons if r and r[0] == "photo credit"), None)
            teaser_from = next((k for k, r in enumerate(reasons) if r and r[0] == "teaser"), len(spans))
            for k, (s, e) in enumerate(spans):
                sent = Sentence(text=ptext[s:e], index=len(sentences), start=ps + s, paragraph=pi)
                why = reasons[k]
                if caption is not None and (why is None or why[0] != "no words"):
                    if why is None:
                        captioned.append(sent)
                    why = caption
                elif why is None and k > teaser_from:
                    why = reasons[teaser_from]
                if why is not None:
                    sent.skip = why[0]
                    sent.notes.append(f"{self.name}: skipped as {why[0]} ({why[1][:60]!r})")
                sentences.append(sent)
        if captioned and all(s.skip is not None for s in sentences):
            # A photo gallery whose captions are all the story there is ("Image 1 of 11 Police investigate the
            # scene where two men died ... Photo: Jane Roe"): its captions are its text, the credits still skipped.
            for sent in captioned:
                sent.skip = None
                sent.notes.append(f"{self.name}: caption coded: the story has no other text")
        story.sentences = sentences
        return story
