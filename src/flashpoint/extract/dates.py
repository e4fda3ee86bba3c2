"""Time expressions: find "on Monday", "last week", "Jan. 5, 2019", "two days ago" ... and resolve them against the
publication date.

Why hand-written rules and not dateparser / parsedatetime: those libraries normalise a string already known to be a
date; they do not find expressions in running text with TimeML-style spans, and they resolve news the wrong way
(dateparser, measured on TimeBank: value-F1 about 0.36 — it reads a bare weekday as the coming one or a week early and
"Aug. 7" as "Aug"). News has a small, regular grammar of dates and one strong convention — a bare weekday or month
names the most recent one, unless the clause speaks of the future — which a few precompiled regexes capture in
microseconds per sentence. The words the rules use (month names, cue words, year/count context) are in
`dates_lexicon.tsv`.

Speed: rules are not scanned at every character. Anchor words ("Monday", "week", "1990", "January", ...) are found
by one tokenising regex and a dict lookup; each anchor tries only the rules of its kind, anchored at the few positions
where its expression may start (the run of prefix words before it: "the end of this"). A sentence without anchors
costs a few microseconds.

Conventions (see the tests):

* Weekday: the most recent such day on or before the publication date (the same day when it is that weekday); with a
  future cue in its clause ("will", "is scheduled to", "would", ...) the first on or after it; "next"/"this coming"
  strictly after, "last"/"this past" strictly before. A time of day goes with its day ("Tuesday morning" -> the day).
* Month alone ("in January"): the most recent such month on or before the publication month; forward with a future cue,
  "next" or "by"/"until"; "last January" strictly before (and a year back when January is the month just gone: that
  would be "last month"). Month and day without a year ("Dec. 15"): forward with a future cue, back with a past verb
  right before it ("ended March 31"), else the nearer one, a day ahead winning only when under half as far as the one
  behind (news names a coming day without its year; a day nearly a year back gets its year).
* "last week" is the ISO week before the publication week; "the year", "the week" (no other modifier) the current one.
* Values are TIMEX3-style: "2020-09-28" (day), "2020-W39" (ISO week), "2020-09" (month), "2020" (year); also
  "2020-W39-WE" (a weekend, precision week), "2020-Q3" / "2020-H1" / "2020-SU" (quarter, half, season) and "199"
  (decade), "19" (century) with precision None. `date` is the first day covered when the precision is day, week, month
  or year, else None.
* Unanchored expressions ("recent years", "decades", "years ago", "two days later") are returned with value None.
* Durations ("for three years", "two weeks", "the past year") are not dates: they are matched (so their words are not
  read as something else) and dropped — `find_times` never returns them.
* Earnings-report talk: "the quarter", "the year-ago period", "a year earlier" refer to the quarter the story last
  named; `DateStage` keeps that quarter across the sentences of a story (`find_times` across its one text).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from flashpoint import tsv
from flashpoint.records import Precision, Story, TimeExpr

# ----------------------------------------------------------------------------------------------------------- lexicon


@dataclass(frozen=True, slots=True)
class _Lexicon:
    month: dict[str, int]  # full names (case as written) -> number
    month_abbr: dict[str, int]
    weekday: dict[str, int]  # lower-case full name -> weekday()
    weekday_abbr: dict[str, int]  # as written ("Tues") -> weekday()
    number: dict[str, int]
    ordinal: dict[str, int]
    decade_word: dict[str, int]
    words: dict[str, frozenset[str]]  # the plain word lists, by kind


@cache
def _lexicon() -> _Lexicon:
    maps: dict[str, dict[str, int]] = {}
    words: dict[str, set[str]] = {}
    for parts in tsv.rows("flashpoint.extract", "dates_lexicon.tsv"):
        if len(parts) == 3:
            maps.setdefault(parts[0], {})[parts[1]] = int(parts[2])
        else:
            words.setdefault(parts[0], set()).add(parts[1].lower())
    return _Lexicon(
        month=maps["month"], month_abbr=maps["month_abbr"],
        weekday={k.lower(): v for k, v in maps["weekday"].items()}, weekday_abbr=maps["weekday_abbr"],
        number=maps["number"], ordinal=maps["ordinal"], decade_word=maps["decade_word"],
        words={k: frozenset(v) for k, v in words.items()},
    )


def _alt(items: Any) -> str:
    """Regex alternation of literal phrases, longest first; a space matches any run of spaces."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(items), key=len, reverse=True))


# ----------------------------------------------------------------------------------------------------------- grammar

_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")


@dataclass(slots=True)
class _Grammar:
    by_kind: dict[str, re.Pattern[str]]  # anchor kind -> the rules that can contain such an anchor, as one regex
    anchors: dict[str, str]  # anchor word (as written) -> kind
    prefix: frozenset[str]  # lower-case words that may precede an anchor inside an expression ("the end of this")
    digits: re.Pattern[str]  # prefilter: digits that may be part of a date
    token: re.Pattern[str]
    cue_word: re.Pattern[str]
    future1: frozenset[str]  # one-word future cues ("will")
    future2: frozenset[str]  # two-word future cues ("set to"), as "set to"
    past: frozenset[str]
    not_past: frozenset[str]
    boundary: re.Pattern[str]
    word: re.Pattern[str]


# Which rules can contain an anchor of each kind (in the order tried: longer, more specific rules first).
_KIND_RULES = {
    "month": ("hol", "md", "dm", "my", "mon"),
    "weekday": ("md", "dm", "wd"),
    "dayword": ("dayw",),
    "unit": ("hol", "qtr", "half", "qana", "yago", "inthe", "rel", "wkend", "ago", "vague", "dur", "century", "yr",
             "theunit"),
    "count": ("ago", "vague", "dur"),
    "season": ("season",),
    "digit": ("iso", "num", "qtr", "half", "qana", "decade", "yr"),
    "qq": ("qq",),
    "holiday": ("hol",),
}
# Words that may come before an anchor inside one expression: where a match may start.
_PREFIX = (
    "the a an this that its their last next coming past early late earlier later mid end beginning start middle "
    "rest remainder of first second third fourth final half more than less about nearly almost roughly some just "
    "only over under barely around exactly at least few several many couple fiscal calendar year current latest "
    "most recent same comparable corresponding ago morning afternoon evening noon midnight on in m day days week weeks "
    "month months years decades centuries time while long ages st nd rd th p s new"
)

@cache
def _grammar() -> _Grammar:
    lx = _lexicon()
    mon = (rf"(?-i:(?:{_alt(lx.month)}|(?:{_alt(lx.month_abbr)})\.?)(?![A-Za-z]))")
    wd = rf"(?:{_alt(lx.weekday)})(?![A-Za-z])"
    wda = rf"(?:{_alt(lx.weekday)}|(?-i:(?:{_alt(lx.weekday_abbr)})\.))(?![A-Za-z])"
    ordw = rf"(?:(?:twenty|thirty)[\s-])?(?:{_alt(lx.ordinal)})(?![A-Za-z])"
    dayn = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d%]|[.,]\d|[A-Za-z])"
    day = rf"(?:{dayn}|{ordw})"
    year = r"(?:1\d\d\d|20\d\d|2100)(?![\d%]|[.,]\d)"
    year_sp = (rf"nineteen[\s-](?:(?:{'|'.join(_TENS)})(?:[\s-](?:{'|'.join(_UNITS)}))?|{'|'.join(_TEENS)}"
               rf"|{'|'.join(_UNITS)}|hundred)(?![\w-])"
               rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{'|'.join(_TEENS)}|{'|'.join(_UNITS)}))?(?![\w-])")
    year_any = rf"(?:{year}|{year_sp})"
    numw = rf"(?:(?:{'|'.join(_TENS)})(?:[\s-](?:{'|'.join(_UNITS)}))?|{_alt(lx.number)})(?![\w-])"
    clock = (r"(?:(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"
             r"(?:\s+(?-i:[A-Z]{2,4}T|GMT|UTC)\b)?|noon|midnight)")
    tod = r"(?:morning|afternoon|evening|night|noon|midnight)"
    dirw = r"(?:this\s+coming|this\s+past|last|next|this|coming|past)"
    mod = r"(?:early|late|earlier|later|mid)"
    span_of = (r"(?:the\s+(?:end|beginning|start|middle|rest|remainder)\s+of"
               r"|(?:the\s+)?(?:first|second|last|final)\s+(?:half|week|weeks|days)\s+of)")
    qn = r"(?:first|second|third|fourth|final|1st|2nd|3rd|4th)"
    det = r"(?:the|its|their|this|that|a|an)"
    rules = [
        ("iso", r"(?<![\d/.-])(?P<iso_y>1\d\d\d|20\d\d)-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01])"
                r"(?:T\d\d:\d\d(?::\d\d)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\d-])"),
        ("num", r"(?<![\d/.-])(?P<num_a>[0-3]?\d)(?P<num_s>[/.])(?P<num_b>[0-3]?\d)(?P=num_s)"
                r"(?P<num_y>1\d\d\d|20\d\d)(?!\d|[/.]\d)"),
        ("qtr", rf"(?:{det}\s+)?(?:(?:(?P<q_rel>this|last|next)\s+year's|(?P<q_y>{year})(?:'s)?"
                rf"|(?P<q_ago>year[\s-](?:ago|earlier))|fiscal|calendar)[\s-]+)*"
                rf"(?P<q_n>{qn})[\s-](?:fiscal[\s-])?quarter(?![-\w])"
                rf"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<q_of>{year})|(?P<q_ofrel>this|last|next)\s+year))?"),
        ("qq", rf"(?-i:Q(?P<qq_n>[1-4]))(?![\w])(?:\s+(?P<qq_y>{year}))?"),
        # US holidays that name a day: "on Christmas Eve", "early New Year's Day", "the Fourth of July", "Thanksgiving"
        ("hol", r"(?P<ho_n>christmas(?:\s+(?:eve|day|night|morning))?|new\s+year['’]?s\s+(?:eve|day)"
                r"|(?:the\s+)?fourth\s+of\s+july|halloween|thanksgiving(?:\s+day)?)(?![-\w])"
                r"(?!\s+(?:party|parties|weekend|holiday|holidays|break|parade|celebrations?|costume|dinner"
                r"|festivities|season|week|shopping|lights|tree|decorations|gathering)\b)"
                rf"(?:,?\s+(?P<ho_y>{year}))?"),
        ("half", rf"(?:the\s+)?(?P<h_n>first|second|last)\s+half\s+of\s+(?:(?P<h_y>{year})|(?P<h_rel>this|last|next)"
                 r"\s+year|(?P<h_the>the)\s+year)"),
        ("qana", r"(?:the|this|that|its)\s+(?:(?P<qa_rel>latest|most\s+recent|current|same|comparable|corresponding"
                 rf"|year[\s-](?:ago|earlier)|(?P<qa_y>{year}))\s+)?(?:fiscal\s+)?(?P<qa_u>quarter|period)(?![-\w])"
                 r"(?:\s+(?P<qa_ago>a\s+year\s+(?:ago|earlier)))?"),
        ("yago", r"year[\s-](?:ago|earlier)(?![\w])"),
        ("md", rf"(?:(?P<md_dir>{dirw})\s+)?(?:(?P<md_clk>{clock}),?\s+)?(?:(?P<md_wd>{wda}),?\s+(?:the\s+)?)?"
               rf"(?P<md_mon>{mon})\s*(?P<md_day>{day})(?:(?:,\s*|\s+)(?P<md_y>{year_any}))?"),
        ("dm", rf"(?:(?P<dm_wd>{wda}),?\s+)?(?:the\s+(?P<dm_dw>{dayn}|{ordw})\s+of"
               rf"|(?<![\w,.$£€-])(?P<dm_dn>{dayn})(?:\s+of)?)\s+(?P<dm_mon>{mon})(?:,?\s+(?P<dm_y>{year_any}))?"),
        ("my", rf"(?:(?P<my_mod>early|late|mid|{span_of})[\s-]*)?(?P<my_mon>{mon})(?:(?:,?\s+|\s+of\s+)"
               rf"(?P<my_y>{year_any})|,?\s+(?P<my_rel>this|last|next)\s+year(?![-\w]))"),
        ("inthe", r"(?:the\s+(?:end|beginning|start|middle|rest|remainder)\s+of|(?P<in_io>earlier|later)\s+in)"
                  r"\s+the\s+(?P<in_u>week|month|year)(?![-\w])"
                  r"|(?P<in_ye>year(?:['’]s)?[\s-]end)(?![-\w])"),
        ("theunit", r"the\s+(?:(?:full|fiscal|current|calendar|entire|whole)\s+)?(?P<tu_u>year|week)(?![-\w]"
                    r"|\s+(?:before|after|earlier|later|ago|following|prior|ended|ending|that|when|\d|two))"),
        ("rel", rf"(?:(?P<rel_mod>{mod}|{span_of})[\s-]+)?(?P<rel_dir>this\s+past|this\s+coming|last|this|next|past"
                r"|coming|the\s+current|the\s+previous|the\s+next|the\s+past|the\s+last|the\s+coming|the\s+following)"
                r"\s+(?:(?:fiscal|calendar)\s+)?(?P<rel_u>week|weekend|month|year|quarter|decade)(?![-\w])"),
        ("wkend", r"the\s+weekend(?![-\w])"),
        ("ago", r"(?:(?:about|nearly|almost|roughly|some|just|only|more\s+than|less\s+than|over|under|barely"
                r"|around|exactly|at\s+least)\s+)?"
                rf"(?P<ago_n>{numw}|\d{{1,3}}|an?|a\s+few|few|several|many|some|couple\s+of)\s+"
                r"(?P<ago_u>day|week|month|year|decade|century|centuries)s?\s+(?:or\s+so\s+)?"
                r"(?P<ago_w>ago|earlier|later|from\s+now|hence)(?![-\w])"),
        ("vague", r"(?:years|decades|months|weeks|ages|long|some\s+time|a\s+while)\s+ago(?![-\w])"
                  r"|recent\s+(?:days|weeks|months|years|decades)|decades(?![-\w])"),
        ("dur", rf"(?:{numw}|\d{{1,3}}(?:,\d{{3}})*|an?|a\s+few|few|several|many|couple\s+of|the\s+past|the\s+last"
                r"|the\s+next|the\s+coming|past)\s+"
                rf"(?:(?:more|full|straight|consecutive|long|short|few|several|{numw}|\d+)\s+)*"
                r"(?:day|week|month|year|decade|hour|minute|century|centuries)s?(?![-\w])"),
        # a direction never precedes a modifier ("early last Sunday", not "last early Sunday"): in "the town's gritty
        # past early Sunday", "past" is a noun and the expression is "early Sunday"
        ("wd", rf"(?:(?P<wd_dir>{dirw}|the\s+previous|the\s+following|the\s+next)\s+(?!{mod}[\s-]))?"
               rf"(?:(?P<wd_mod>{mod})[\s-]+)?"
               rf"(?:(?P<wd_clk>{clock}),?\s+(?:on\s+)?)?(?P<wd_day>{wd})(?:\s+(?P<wd_tod>{tod})(?![-\w]))?"),
        ("dayw", rf"(?:(?P<dw_mod>{mod})[\s-]+)?(?:(?P<dw_pre>(?:mid-?)?(?:morning|afternoon|evening)|{clock})\s+)?"
                 r"(?P<dw_w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tonight"
                 r"|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening))"
                 rf"(?:\s+(?P<dw_tod>{tod}))?(?![-\w])"),
        ("season", rf"(?:(?P<se_dir>{dirw}|early|late|mid|the|the\s+early|the\s+late)[\s-]+)"
                   r"(?P<se_s>spring|summer|fall|autumn|winter)(?![-\w])"
                   rf"(?:\s+of\s+(?P<se_y>{year_any}))?"
                   rf"|(?P<se_s2>spring|summer|autumn|winter)\s+(?:of\s+)?(?P<se_y2>{year_any})"),
        ("decade", r"(?:(?:the\s+)?(?:early|late|mid|middle|(?:first|last|second)\s+half\s+of\s+the)[\s-]*|the\s+)?"
                   r"(?:(?P<de_4>1[0-9]\d0|20\d0)['’]?s|(?P<de_2>['’]?\d0)['’]?s"
                   rf"|(?P<de_w>{_alt(lx.decade_word)}))(?![\w])"),
        ("century", r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?P<ce_n>\d{1,2})(?:st|nd|rd|th)[\s-]+century(?![-\w])"),
        ("mon", rf"(?:(?P<mo_mod>early|late|mid|{span_of})[\s-]*)?(?:(?P<mo_dir>{dirw})\s+)?(?P<mo_mon>{mon})"),
        ("yr", r"(?:(?P<yr_mod>early|late|mid|the\s+(?:end|beginning|start|middle|rest)\s+of"
               r"|(?:the\s+)?(?:first|second)\s+half\s+of|fiscal(?:\s+year)?|calendar(?:\s+year)?|the\s+year)[\s-]*)?"
               rf"(?P<yr_y>19\d\d|20\d\d|2100|{year_sp})(?![\w%]|[.,:/]\d|[-–]\d)"),
    ]
    patterns = dict(rules)
    by_kind = {kind: re.compile("|".join(f"(?P<{r}>{patterns[r]})" for r in names), re.IGNORECASE)
               for kind, names in _KIND_RULES.items()}

    anchors: dict[str, str] = {}

    def add(words: Any, kind: str, cased: bool = False) -> None:
        for w in words:
            for v in ((w,) if cased else (w, w.lower(), w.capitalize(), w.upper())):
                anchors[v] = kind

    add(lx.month, "month", cased=True)
    add(lx.month_abbr, "month", cased=True)
    add(lx.weekday, "weekday")
    add(lx.weekday_abbr, "weekday", cased=True)
    add(("yesterday", "today", "tonight", "tomorrow", "night", "morning", "afternoon", "evening"), "dayword")
    add(("week", "weekend", "month", "year", "quarter", "decade", "century", "period"), "unit")
    add(("day", "days", "weeks", "months", "years", "decades", "ago", "recent"), "count")
    add(("spring", "summer", "fall", "autumn", "winter"), "season")
    add(("nineteen", *lx.decade_word), "digit")
    add(("Q1", "Q2", "Q3", "Q4"), "qq", cased=True)
    add(("Christmas", "Halloween", "Thanksgiving"), "holiday")

    future = {" ".join(w.replace("’", "'").split()) for w in lx.words["future_cue"]}
    prefix = set(_PREFIX.split()) | set(lx.number) | set(_TENS) | set(lx.ordinal) | set(lx.weekday)
    prefix |= {w.lower() for w in lx.weekday_abbr}
    return _Grammar(
        by_kind=by_kind,
        anchors=anchors,
        prefix=frozenset(prefix),
        digits=re.compile(r"\d\d\d\d|\d0['’]?s\b"),
        token=re.compile(r"[A-Za-z0-9]+|['’]\d0s"),
        cue_word=re.compile(r"[A-Za-z][A-Za-z'’]*"),
        future1=frozenset(w for w in future if " " not in w),
        future2=frozenset(w for w in future if " " in w),
        past=lx.words["past_cue"],
        not_past=lx.words["not_past"],
        boundary=re.compile(r"[;!?\n]|\.\s+(?=[\"“'‘(]?[A-Z])"),
        word=re.compile(r"[A-Za-z]+[0-9]?"),
    )


# -------------------------------------------------------------------------------------------------------- resolution


@dataclass(slots=True)
class _State:
    """What a story has said so far that later expressions refer back to."""

    quarter: tuple[int, int] | None = None  # (year, quarter) last named: "the third quarter"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + delta
    return n // 12, n % 12 + 1


def _week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _quarter_of(d: dt.date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SEASON_CODE = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}


def _weekday_date(pub: dt.date, wd: int, direction: str) -> dt.date:
    back = (pub.weekday() - wd) % 7
    ahead = (wd - pub.weekday()) % 7
    if direction == "future":
        return pub + dt.timedelta(days=ahead)
    if direction == "strict_future":
        return pub + dt.timedelta(days=ahead or 7)
    if direction == "strict_past":
        return pub - dt.timedelta(days=back or 7)
    return pub - dt.timedelta(days=back)


def _month_year(pub: dt.date, month: int, direction: str) -> int:
    """Year of the named month relative to the publication month."""
    y, m = pub.year, pub.month
    if direction == "future":
        return y if month >= m else y + 1
    if direction == "strict_future":
        return y if month > m else y + 1
    if direction == "strict_past":
        return y if month < m else y - 1
    if direction == "this":
        return y
    return y if month <= m else y - 1


def _day_candidates(pub: dt.date, month: int, day: int) -> list[dt.date]:
    out = []
    for y in (pub.year - 1, pub.year, pub.year + 1):
        with contextlib.suppress(ValueError):  # February 29
            out.append(dt.date(y, month, day))
    return out


def _words_value(text: str) -> int | None:
    """Cardinal number words ("twenty-five", "a couple of") -> int."""
    lx = _lexicon()
    total = 0
    for w in re.split(r"[\s-]+", text.lower()):
        if w in ("a", "an"):
            total += 1 if total == 0 else 0
            continue
        if w in ("couple", "of"):
            total = 2
            continue
        v = lx.number.get(w)
        if v is None:
            return None
        total += v
    return total or None


def _spelled_year(text: str) -> int | None:
    """"nineteen ninety-seven" -> 1997."""
    parts = [p for p in re.split(r"[\s-]+", text.lower()) if p != "and"]
    if parts[:2] == ["two", "thousand"]:
        rest = _words_value(" ".join(parts[2:])) if parts[2:] else 0
        return 2000 + rest if rest is not None and rest < 100 else None
    if not parts or parts[0] != "nineteen":
        return None
    if parts[1:] == ["hundred"]:
        return 1900
    rest = _words_value(" ".join(parts[1:]))
    return 1900 + rest if rest is not None and rest < 100 else None


def _year_of(text: str | None) -> int | None:
    if not text:
        return None
    return int(text) if text[0].isdigit() else _spelled_year(text)


def _day_of(text: str) -> int | None:
    lx = _lexicon()
    digits = re.match(r"\d+", text)
    if digits:
        return int(digits.group())
    total = 0
    for w in re.split(r"[\s-]+", text.lower()):
        if w in ("twenty", "thirty"):
            total += 20 if w == "twenty" else 30
        elif w in lx.ordinal:
            total += lx.ordinal[w]
        else:
            return None
    return total or None


def _month_of(text: str) -> int:
    lx = _lexicon()
    t = text.rstrip(".")
    return lx.month.get(t) or lx.month_abbr[t]


# ---------------------------------------------------------------------------------------------------------- matching


class _Match:
    """One expression being resolved: the text, the regex match, the publication date, the story state."""

    __slots__ = ("text", "m", "pub", "state", "g")

    def __init__(self, text: str, m: re.Match[str], pub: dt.date | None, state: _State) -> None:
        self.text, self.m, self.pub, self.state = text, m, pub, state
        self.g = m.group

    def prev_word(self, pos: int | None = None) -> str:
        """The word just before `pos` (default: the match), lower-case; "'s" counts as a word."""
        start = self.m.start() if pos is None else pos
        before = self.text[max(0, start - 30):start].rstrip()
        if before.endswith(("'s", "’s")):
            return "'s"
        w = re.search(r"([A-Za-z]+)\W*$", before)
        return w.group(1).lower() if w and before and before[-1].isalnum() else ""

    def prev_char(self) -> str:
        s = self.m.start()
        return self.text[s - 1] if s else ""

    def next_word(self) -> str:
        w = re.match(r"\s+([\w%]+)", self.text[self.m.end():self.m.end() + 30])
        return w.group(1) if w else ""

    def tense(self) -> str | None:
        return _tense(self.text, self.m.start(), self.m.end())


_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "your", "this", "that", "these",
                          "those", "still"})
_PAST_AUX = frozenset({"was", "were", "had", "been", "previously", "originally", "initially", "once"})
_PASSIVE = frozenset({"be", "being", "to", "will", "would"})
_DEADLINE = frozenset({"by", "until", "till", "through", "before"})


def _tense(text: str, start: int, end: int) -> str | None:
    """'future' or 'past' from the verb cue nearest the expression within its clause, else None.

    A word in -ed after a determiner is an adjective ("an unspecified date"), not a past verb; a future cue after a
    past auxiliary ("was scheduled to", "had been due to") speaks of a past plan."""
    g = _grammar()
    left = max(0, start - 90)
    for b in g.boundary.finditer(text, left, start):
        left = b.end()
    right = min(len(text), end + 70)
    b = g.boundary.search(text, end, right)
    if b:
        right = b.start()
    words = [(m.start(), m.end(), m.group().lower().replace("’", "'")) for m in g.cue_word.finditer(text, left, right)]
    best: tuple[int, str] | None = None
    prev = ""
    for i, (s, e, w) in enumerate(words):
        before, prev = prev, w
        if s < end and e > start:
            continue
        kind: str | None = None
        if i + 1 < len(words) and f"{w} {words[i + 1][2]}" in g.future2:
            kind, e = "future", words[i + 1][1]
        elif w in g.future1 or w.endswith("'ll"):
            kind = "future"
        elif w in g.past or (w.endswith("ed") and len(w) > 3 and w not in g.not_past
                             and before not in _DETERMINERS):  # "an unspecified date": an adjective
            kind = "past"
        if kind is None:
            continue
        if kind == "past" and before in _PASSIVE:
            continue  # "will be paid", "to be completed": a participle, not a past tense
        if kind == "future" and before in _PAST_AUX:
            kind = "past"  # "was scheduled to", "had been due to": a past plan
        dist = start - e if e <= start else s - end
        if best is None or dist < best[0]:
            best = (dist, kind)
    return best[1] if best else None


def _make(x: _Match, value: str | None, precision: Precision | None, span: tuple[int, int] | None = None) -> TimeExpr:
    s, e = span or (x.m.start(), x.m.end())
    first: str | None = None
    if value is not None and precision is not None:
        if precision == "day":
            first = value
        elif precision == "week":
            y, w = int(value[:4]), int(value[6:8])
            first = dt.date.fromisocalendar(y, w, 6 if value.endswith("-WE") else 1).isoformat()
        elif precision == "month":
            first = value + "-01"
        else:
            first = value + "-01-01"
    return TimeExpr(text=x.text[s:e], start=s, end=e, value=value, precision=precision, date=first)


def _day(x: _Match, d: dt.date | None) -> TimeExpr:
    return _make(x, d.isoformat() if d else None, "day" if d else None)


def _unanchored(x: _Match) -> TimeExpr:
    return _make(x, None, None)


def _direction(word: str | None, x: _Match, default: str = "past") -> str:
    """Resolution direction from "last/next/this ..." or, for a bare expression, from the clause's tense."""
    w = " ".join((word or "").lower().split())
    if w in ("next", "this coming", "coming"):
        return "strict_future"
    if w in ("last", "this past", "past"):
        return "strict_past"
    t = x.tense()
    if t == "future":
        return "future"
    if t == "past":
        return "past"
    return default


# Rule handlers: each returns a TimeExpr, or None to drop the match (durations, words that are not dates here).


def _h_iso(x: _Match) -> TimeExpr | None:
    try:
        d = dt.date(int(x.g("iso_y")), int(x.g("iso_m")), int(x.g("iso_d")))
    except ValueError:
        return None
    return _day(x, d)


def _h_num(x: _Match) -> TimeExpr | None:
    a, b, y = int(x.g("num_a")), int(x.g("num_b")), int(x.g("num_y"))
    # US month/day unless that is impossible; a dotted date is European day.month.
    if x.g("num_s") == "." or a > 12:
        a, b = b, a
    try:
        return _day(x, dt.date(y, a, b))
    except ValueError:
        return None


def _quarter_value(y: int, n: int) -> str:
    return f"{y}-Q{n}"


def _remember_quarter(x: _Match, y: int, n: int) -> None:
    """Keep a quarter for "the quarter" / "a year earlier" later on, if it has ended: earnings stories report on a
    finished quarter, and a forecast for the current one ("fourth-quarter charges") is not what they refer back to."""
    if x.pub is None or (y, n) < _quarter_of(x.pub):
        x.state.quarter = (y, n)


def _h_qtr(x: _Match) -> TimeExpr | None:
    n_txt = x.g("q_n").lower()
    n = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4}[n_txt]
    pub = x.pub
    y: int | None = None
    if x.g("q_of"):
        y = int(x.g("q_of"))
    elif x.g("q_y"):
        y = int(x.g("q_y"))
    elif pub is not None:
        rel = (x.g("q_rel") or x.g("q_ofrel") or "").lower()
        y = pub.year + {"last": -1, "next": 1}.get(rel, 0)
        if x.g("q_ago"):
            y = (x.state.quarter[0] if x.state.quarter else pub.year) - 1
    if y is None:
        return _unanchored(x)
    if not x.g("q_ago"):
        _remember_quarter(x, y, n)
    return _make(x, _quarter_value(y, n), None)


def _h_qq(x: _Match) -> TimeExpr | None:
    y = int(x.g("qq_y")) if x.g("qq_y") else (x.pub.year if x.pub else None)
    if y is None:
        return _unanchored(x)
    n = int(x.g("qq_n"))
    _remember_quarter(x, y, n)
    return _make(x, _quarter_value(y, n), None)


def _h_half(x: _Match) -> TimeExpr | None:
    n = 1 if x.g("h_n").lower() == "first" else 2
    if x.g("h_y"):
        y: int | None = int(x.g("h_y"))
    elif x.pub is not None:
        y = x.pub.year + {"last": -1, "next": 1}.get((x.g("h_rel") or "").lower(), 0)
    else:
        y = None
    return _make(x, f"{y}-H{n}" if y else None, None)


def _h_qana(x: _Match) -> TimeExpr | None:
    rel = " ".join((x.g("qa_rel") or "").lower().split())
    unit = x.g("qa_u").lower()
    if rel == "current" and unit == "quarter" and x.pub is not None:
        return _make(x, _quarter_value(*_quarter_of(x.pub)), None)
    q = x.state.quarter
    if q is None or (unit == "period" and not rel):
        return None
    y, n = q
    if x.g("qa_y"):
        y = int(x.g("qa_y"))
    elif rel.startswith("year") or x.g("qa_ago"):
        y -= 1
    return _make(x, _quarter_value(y, n), None)


def _h_yago(x: _Match) -> TimeExpr | None:
    if x.state.quarter is not None:
        y, n = x.state.quarter
        return _make(x, _quarter_value(y - 1, n), None)
    return _make(x, str(x.pub.year - 1), "year") if x.pub else _unanchored(x)


def _h_md(x: _Match) -> TimeExpr | None:
    return _month_day(x, x.g("md_mon"), x.g("md_day"), x.g("md_y"), x.g("md_wd"), x.g("md_dir"))


def _h_dm(x: _Match) -> TimeExpr | None:
    return _month_day(x, x.g("dm_mon"), x.g("dm_dw") or x.g("dm_dn"), x.g("dm_y"), x.g("dm_wd"), None)


def _h_hol(x: _Match) -> TimeExpr | None:
    """A holiday's day: the most recent one on or before publication, the next with a future cue; its year if given.
    Thanksgiving is the fourth Thursday of November."""
    name = " ".join(x.g("ho_n").lower().replace("’", "'").split())
    before = x.text[max(0, x.m.start() - 12):x.m.start()]
    if re.search(r"(?i)(?:\b(?:after|before|since|until|following)\s+|-)$", before):
        return None  # "the day after Thanksgiving", "day-after-Christmas": not the holiday itself

    def day_in(year: int) -> dt.date:
        if name.startswith("thanksgiving"):
            first = dt.date(year, 11, 1)
            return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
        if name.startswith("christmas"):
            return dt.date(year, 12, 24 if name.endswith("eve") else 25)
        if name.startswith("new"):
            return dt.date(year, 12, 31) if name.endswith("eve") else dt.date(year, 1, 1)
        return dt.date(year, 10, 31) if name == "halloween" else dt.date(year, 7, 4)

    year = _year_of(x.g("ho_y"))
    if year is not None:
        return _day(x, day_in(year))
    if x.pub is None:
        return _unanchored(x)
    cands = [day_in(y) for y in (x.pub.year - 1, x.pub.year, x.pub.year + 1)]
    if _direction(None, x) in ("future", "strict_future"):
        return _day(x, next(c for c in cands if c >= x.pub))
    return _day(x, [c for c in cands if c <= x.pub][-1])


def _weekday_of(text: str | None) -> int | None:
    if not text:
        return None
    lx = _lexicon()
    return lx.weekday.get(text.lower(), lx.weekday_abbr.get(text.rstrip(".")))


def _month_day(x: _Match, mon: str, day_txt: str, year_txt: str | None, wd_txt: str | None,
               dir_word: str | None) -> TimeExpr | None:
    month, day = _month_of(mon), _day_of(day_txt)
    if day is None or not 1 <= day <= 31:
        return None
    year = _year_of(year_txt)
    if year is not None:
        try:
            return _day(x, dt.date(year, month, day))
        except ValueError:
            return None
    if x.pub is None:
        return _unanchored(x)
    cands = _day_candidates(x.pub, month, day)
    if not cands:
        return None
    wd = _weekday_of(wd_txt)
    if wd is not None:
        fitting = [c for c in cands if c.weekday() == wd]
        if fitting:
            return _day(x, min(fitting, key=lambda c: abs((c - x.pub).days)))
    # Without a year: forward when the clause speaks of the future, else the nearest such day (a past verb does
    # not pull back: "declared a dividend payable Dec. 15" in October is this December).
    direction = _direction(dir_word, x, default="nearest")
    if direction == "past" and not dir_word and not _past_verb_adjacent(x):
        direction = "nearest"
    if direction in ("future", "strict_future"):
        ahead = [c for c in cands if c > x.pub or (c == x.pub and direction == "future")]
        return _day(x, ahead[0] if ahead else None)
    if direction in ("past", "strict_past"):
        behind = [c for c in cands if c < x.pub or (c == x.pub and direction == "past")]
        return _day(x, behind[-1] if behind else None)
    # Nearest, leaning to the past: a day ahead wins only when it is under half as far as the one behind.
    behind = [c for c in cands if c <= x.pub]
    ahead = [c for c in cands if c > x.pub]
    if ahead and (not behind or 2 * (ahead[0] - x.pub).days < (x.pub - behind[-1]).days):
        return _day(x, ahead[0])
    return _day(x, behind[-1])


def _past_verb_adjacent(x: _Match) -> bool:
    """A past verb right before the expression ("ended March 31", "announced Aug. 21", "was on Nov. 5")."""
    before = x.text[max(0, x.m.start() - 25):x.m.start()]
    w = re.search(r"(?:([A-Za-z']+)\s+)?([A-Za-z']+)(?:\s+(?:on|in))?\s*$", before)
    if not w:
        return False
    word = w.group(2).lower()
    if (w.group(1) or "").lower() in _PASSIVE:
        return False
    lx = _lexicon().words
    return word in lx["past_cue"] or (word.endswith("ed") and word not in lx["not_past"]
                                      and word not in lx["future_cue"])


_CAPITAL_BEFORE = re.compile(r"(?<![A-Za-z])([A-Z][A-Za-z]*)\s+$")


def _after_name(x: _Match) -> bool:
    """The expression follows a capitalised word that does not start the sentence ("Windows 2000")."""
    start = x.m.start()
    w = _CAPITAL_BEFORE.search(x.text, max(0, start - 40), start)
    if not w:
        return False
    lead = x.text[:w.start(1)].rstrip()
    if not lead or lead[-1] in ".!?\"“'‘:(":
        return False  # sentence-initial capital ("Since 1990 ...")
    word = w.group(1)
    lx = _lexicon()
    return word not in lx.month and word.rstrip(".") not in lx.month_abbr and word.lower() not in lx.weekday


def _h_my(x: _Match) -> TimeExpr | None:
    rel = (x.g("my_rel") or "").lower()
    if rel:
        if x.pub is None:
            return _unanchored(x)
        year: int | None = x.pub.year + {"last": -1, "next": 1}.get(rel, 0)
    else:
        year = _year_of(x.g("my_y"))
    if year is None:
        return None
    return _make(x, f"{year}-{_month_of(x.g('my_mon')):02d}", "month")


def _unit_value(x: _Match, unit: str, delta: int) -> TimeExpr | None:
    pub = x.pub
    if pub is None:
        return _unanchored(x)
    if unit == "week":
        return _make(x, _week(pub + dt.timedelta(days=7 * delta)), "week")
    if unit == "month":
        y, m = _shift_month(pub.year, pub.month, delta)
        return _make(x, f"{y}-{m:02d}", "month")
    if unit == "year":
        return _make(x, str(pub.year + delta), "year")
    if unit == "quarter":
        y, q = _quarter_of(pub)
        n = y * 4 + q - 1 + delta
        return _make(x, _quarter_value(n // 4, n % 4 + 1), None)
    if unit == "decade":
        return _make(x, str(pub.year // 10 + delta), None)
    return None


def _weekend(x: _Match, direction: str) -> TimeExpr | None:
    if x.pub is None:
        return _unanchored(x)
    sat = _weekday_date(x.pub, 5, direction)
    return _make(x, _week(sat) + "-WE", "week")


def _h_inthe(x: _Match) -> TimeExpr | None:
    return _unit_value(x, "year" if x.g("in_ye") else x.g("in_u").lower(), 0)


def _h_theunit(x: _Match) -> TimeExpr | None:
    """"the year", "the fiscal year", "the week": in news, the current one ("the worst attack of the year")."""
    if x.prev_word() in ("each", "every", "per", "a"):
        return None
    return _unit_value(x, x.g("tu_u").lower(), 0)


def _h_rel(x: _Match) -> TimeExpr | None:
    d = " ".join(x.g("rel_dir").lower().split())
    unit = x.g("rel_u").lower()
    if d in ("the previous", "the following"):
        return _unanchored(x)  # relative to the story's own time line, not to the publication date
    if d in ("past", "the past", "the last", "the next"):
        return None  # "the past week", "the next year": durations
    if x.prev_word() == "the" and d in ("last", "next", "past"):
        return None
    delta = {"last": -1, "this past": -1, "next": 1, "this coming": 1, "coming": 1, "the coming": 1}.get(d, 0)
    if unit == "weekend":
        if d in ("this", "the current"):
            return _weekend(x, _direction(None, x))
        return _weekend(x, "strict_past" if delta < 0 else "strict_future")
    if unit == "decade" and delta != 0:
        return None
    return _unit_value(x, unit, delta)


def _h_wkend(x: _Match) -> TimeExpr | None:
    return _weekend(x, _direction(None, x))


def _h_ago(x: _Match) -> TimeExpr | None:
    n_txt = x.g("ago_n").lower()
    unit = x.g("ago_u").lower().rstrip("s")
    unit = "century" if unit.startswith("centur") else unit
    word = " ".join(x.g("ago_w").lower().split())
    n = int(n_txt) if n_txt.isdigit() else _words_value(n_txt)
    if word in ("earlier", "later") and not (n == 1 and unit == "year" and word == "earlier"):
        return _unanchored(x)  # "two days later": relative to the story's own time line
    if n is None or x.pub is None or unit in ("decade", "century"):
        return _unanchored(x)
    if n == 1 and unit == "year" and x.state.quarter is not None and word in ("ago", "earlier"):
        y, q = x.state.quarter
        return _make(x, _quarter_value(y - 1, q), None)
    sign = 1 if word in ("from now", "hence") else -1
    pub = x.pub
    if unit == "day":
        return _day(x, pub + dt.timedelta(days=sign * n))
    if unit == "week":
        return _make(x, _week(pub + dt.timedelta(days=sign * 7 * n)), "week")
    if unit == "month":
        y, m = _shift_month(pub.year, pub.month, sign * n)
        return _make(x, f"{y}-{m:02d}", "month")
    return _make(x, str(pub.year + sign * n), "year")


def _h_vague(x: _Match) -> TimeExpr | None:
    return _unanchored(x)


def _h_dur(x: _Match) -> TimeExpr | None:
    return None


def _h_wd(x: _Match) -> TimeExpr | None:
    lx = _lexicon().words
    day = x.g("wd_day")
    if not x.g("wd_dir") and not x.g("wd_mod") and not x.g("wd_clk"):
        before = x.text[max(0, x.m.start() - 12):x.m.start()].split()
        if before and before[-1][:1].isupper() and before[-1].lower() in lx["weekday_name_before"]:
            return None  # "Good Friday", "Bloody Sunday"
        nxt = x.next_word()
        if nxt[:1].isupper() and nxt.lower() in lx["weekday_name_after"]:
            return None  # "the Sunday Times"
    dword = " ".join((x.g("wd_dir") or "").lower().split())
    if x.pub is None or dword in ("the previous", "the following", "the next"):
        return _unanchored(x)
    if x.prev_word() in ("each", "every") or re.match(r"\s+(?:mornings|afternoons|evenings|nights)\b",
                                                      x.text[x.m.end():x.m.end() + 12]):
        return None  # a set ("every Monday", "Tuesday nights"), not a date
    wd = _lexicon().weekday[day.lower()]
    return _day(x, _weekday_date(x.pub, wd, _direction(x.g("wd_dir"), x)))


def _h_dayw(x: _Match) -> TimeExpr | None:
    w = " ".join(x.g("dw_w").lower().split())
    if w in ("today", "tomorrow") and not x.g("dw_mod") and not x.g("dw_pre"):
        if x.prev_word() == "of":
            return None  # "the people of tomorrow"
        after = re.match(r"['’]s\s+(\w+)", x.text[x.m.end():x.m.end() + 30])
        if after and after.group(1).lower() in _lexicon().words["present_ref_after"]:
            return None  # "today's world": the present, not a date
        if x.m.group()[:1].isupper() and x.prev_word() and x.text[:x.m.start()].rstrip()[-1:].isalpha():
            return None  # "VOA Today": a title
    if x.pub is None:
        return _unanchored(x)
    offset = {"yesterday": -1, "tomorrow": 1, "last night": -1, "the day before yesterday": -2,
              "the day after tomorrow": 2}.get(w, 0)
    return _day(x, x.pub + dt.timedelta(days=offset))


def _season(x: _Match, code: str, direction: str, year: int | None) -> TimeExpr | None:
    if year is not None:
        return _make(x, f"{year}-{code}", None)
    pub = x.pub
    if pub is None:
        return _unanchored(x)
    # The season under way at publication, as (year, code); winter takes the year of its December.
    cur_y = pub.year - 1 if pub.month < 3 else pub.year
    order = ["SP", "SU", "FA", "WI"]
    cur_i = 3 if pub.month in (12, 1, 2) else (pub.month - 3) // 3
    i = order.index(code)
    if direction in ("future", "strict_future"):
        y = cur_y if i > cur_i or (i == cur_i and direction == "future") else cur_y + 1
    elif direction == "this":
        y = pub.year - 1 if code == "WI" and pub.month < 3 else pub.year
    else:
        y = cur_y if i < cur_i or (i == cur_i and direction == "past") else cur_y - 1
    return _make(x, f"{y}-{code}", None)


def _h_season(x: _Match) -> TimeExpr | None:
    s = (x.g("se_s") or x.g("se_s2")).lower()
    code = _SEASON_CODE[s]
    year = _year_of(x.g("se_y") or x.g("se_y2"))
    d = " ".join((x.g("se_dir") or "").lower().split())
    if s == "fall" and year is None and d.startswith("the"):
        return None  # "the fall of the regime", "the fall in prices"
    if d == "this":
        return _season(x, code, "this", year)
    return _season(x, code, _direction(d if d in ("last", "next", "this past", "this coming", "coming", "past")
                                       else None, x), year)


def _h_decade(x: _Match) -> TimeExpr | None:
    if x.g("de_4"):
        return _make(x, x.g("de_4")[:3], None)
    had_the = x.m.group().lower().startswith(("the", "early", "late", "mid"))
    if not had_the:
        return None  # "in their 80s", "temperatures in the 90s" need the article; ages lack it
    if x.prev_word() in ("his", "her", "their", "its", "low", "high", "upper", "lower"):
        return None
    de_2 = x.g("de_2")
    dd = int(de_2.lstrip("'’")[0]) if de_2 else _lexicon().decade_word[x.g("de_w").lower()]
    ref = x.pub.year if x.pub else 2000
    century = ref // 100
    if century * 100 + dd * 10 > ref:
        century -= 1
    return _make(x, f"{century}{dd}", None)


def _h_century(x: _Match) -> TimeExpr | None:
    n = int(x.g("ce_n"))
    return _make(x, f"{n - 1:02d}", None) if 1 <= n <= 22 else None


def _h_mon(x: _Match) -> TimeExpr | None:
    mon = x.g("mo_mon")
    month = _month_of(mon)
    mod, d = x.g("mo_mod"), x.g("mo_dir")
    prev = x.prev_word()
    if prev in ("each", "every"):
        return None  # a set ("every July"), not a date
    if not mod and not d:
        nxt = x.next_word()
        weak = mon in ("May", "March") or mon.rstrip(".") in _lexicon().month_abbr or nxt[:1].isupper()
        if weak and prev not in _lexicon().words["month_context"]:
            return None  # "may expel", "Theresa May", "June Carter"
    if x.pub is None:
        return _unanchored(x)
    dword = " ".join((d or "").lower().split())
    if dword == "this":
        direction = "this"
    elif dword:
        direction = _direction(dword, x)
    elif prev in _DEADLINE and x.tense() != "past":
        direction = "future"  # "by August", "until January"
    else:
        direction = _direction(None, x)
    year = _month_year(x.pub, month, direction)
    if dword == "last" and (year, month) == _shift_month(x.pub.year, x.pub.month, -1):
        year -= 1  # "last February" said in March is a year back: last month would be "last month"
    return _make(x, f"{year}-{month:02d}", "month")


def _h_yr(x: _Match) -> TimeExpr | None:
    ytxt = x.g("yr_y")
    year = _year_of(ytxt)
    if year is None or not 1900 <= year <= 2100:
        return None
    if ytxt[0].isdigit() and (x.next_word() or "").lower() in ("block", "blocks"):
        return None  # "the 1900 block of Dover": an address
    if not x.g("yr_mod"):
        if not ytxt[0].isdigit() and ytxt.lower().startswith("two"):
            return None  # "two thousand" alone is a count; "the year two thousand" is a year
        before = x.prev_char()
        if before and (before.isalnum() or before in "$€£¥#.,/-–'’"):
            return None
        prev = x.prev_word()
        lx = _lexicon().words
        if prev in lx["not_year_before"]:
            return None
        if prev not in lx["year_context"] and _after_name(x):
            return None  # "Windows 2000", "Orion 1980": part of a name
        nxt = x.next_word()
        if prev not in lx["year_context"] and nxt and ytxt[0].isdigit():
            low = nxt.lower()
            if low in lx["count_after"] or (nxt.islower() and low.endswith("s") and not low.endswith("ss")):
                return None
    elif ytxt[0].isdigit() and x.text[x.m.start("yr_y") - 1:x.m.start("yr_y")].isdigit():
        return None
    return _make(x, str(year), "year")


_HANDLERS = {
    "iso": _h_iso, "num": _h_num, "qtr": _h_qtr, "qq": _h_qq, "half": _h_half, "qana": _h_qana, "yago": _h_yago,
    "hol": _h_hol, "md": _h_md, "dm": _h_dm, "my": _h_my, "inthe": _h_inthe, "rel": _h_rel, "wkend": _h_wkend,
    "ago": _h_ago,
    "vague": _h_vague, "dur": _h_dur, "wd": _h_wd, "dayw": _h_dayw, "season": _h_season, "decade": _h_decade,
    "century": _h_century, "mon": _h_mon, "yr": _h_yr, "theunit": _h_theunit,
}


# ---------------------------------------------------------------------------------------------------------- public


_DIGIT_START = frozenset("0123456789'’")
_DECADE_TOKEN = re.compile(r"['’]?\d*0['’]?s")


def _digit_kind(word: str) -> str | None:
    """Anchor kind of a token that starts with a digit or quote: a year ("1990") or a decade ("1990s", "'80s")."""
    if (len(word) == 4 and word.isdigit()) or _DECADE_TOKEN.fullmatch(word):
        return "digit"
    return None


def _find(text: str, pub: dt.date | None, state: _State) -> list[TimeExpr]:
    """Anchor-driven matching: each anchor word ("Monday", "week", "1990", ...) tries the rules of its kind at the
    few positions where its expression may start (the run of prefix words before it), leftmost first. This costs a
    handful of anchored regex matches per date instead of a scan of every rule at every character."""
    g = _grammar()
    if not text or (not g.digits.search(text) and g.anchors.keys().isdisjoint(g.word.findall(text))):
        return []
    toks = [(m.start(), m.group()) for m in g.token.finditer(text)]
    out: list[TimeExpr] = []
    done = 0  # text before this offset is taken
    get = g.anchors.get
    for i, (a_start, word) in enumerate(toks):
        kind = get(word)
        if kind is None:
            if word[0] not in _DIGIT_START:
                continue
            kind = _digit_kind(word)
            if kind is None:
                continue
        if a_start < done:
            continue
        first = i
        while first > 0 and i - first < 7 and toks[first - 1][0] >= done:
            raw = toks[first - 1][1]
            w = raw.lower()
            if w in g.prefix or w[0].isdigit() or (raw.isupper() and 2 <= len(raw) <= 4):
                first -= 1
            else:
                break
        rx = g.by_kind[kind]
        for j in range(first, i + 1):
            m = rx.match(text, toks[j][0])
            if m is None or m.end() <= a_start:
                continue
            done = m.end()
            rule = m.lastgroup
            te = _HANDLERS[rule](_Match(text, m, pub, state)) if rule else None
            if te is not None:
                out.append(te)
            break
    return out


def find_times(text: str, pub_date: dt.date | None) -> list[TimeExpr]:
    """Time expressions in `text`, resolved against the publication date (None: relative ones get value None).

    Offsets are into `text`. An ISO date string is accepted for `pub_date` too."""
    return _find(text, parse_pub_date(pub_date), _State())


def parse_pub_date(value: str | dt.date | None) -> dt.date | None:
    """A story's date ("2020-09-28", "2020-09-28T10:00:00Z") as a date, or None when missing or malformed."""
    if isinstance(value, dt.datetime):
        return value.date()
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


class DateStage:
    """Pipeline stage: fills `sentence.times` for every sentence, resolved against `story.date`."""

    name = "dates"

    def __call__(self, story: Story) -> Story:
        pub = parse_pub_date(story.date)
        state = _State()
        anchor = pub
        for sentence in story.sentences:
            stamp = _SECTION.match(sentence.text) is not None
            sentence.times = _find(sentence.text, pub if stamp else anchor, state)
            if stamp and pub is not None:
                # "UPDATE (11/23/16 at 4 p.m.):", "EARLIER COVERAGE, May 2:": the section that follows was written
                # that day, and its "Tuesday" is the Tuesday before it, not before the latest update
                days = [dt.date.fromisoformat(t.date) for t in sentence.times if t.precision == "day" and t.date]
                m = _SLASHED.search(sentence.text)
                if m and not days:  # "UPDATE: 8/18/16 5:25 p.m."
                    with contextlib.suppress(ValueError):
                        y = int(m.group(3))
                        days = [dt.date(y + 2000 if y < 100 else y, int(m.group(1)), int(m.group(2)))]
                days = [d for d in days if pub - dt.timedelta(days=366) <= d <= pub]
                if days:
                    anchor = days[0]
        return story


_SLASHED = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b")
# A line that opens a section of a story written on another day than the story's latest version.
_SECTION = re.compile(r"(?i)\W*(?:update[ds]?|earlier coverage|previous coverage|original story|original post|"
                      r"previously|editor'?s note)\b\W{0,4}[(\[]?\W{0,3}(?:[a-z]+day,?\s+)?(?:[a-z]{3,9}\.?\s+\d|\d)")
