"""The record types that flow through the pipeline.

One `Story` goes in; stages annotate its `Sentence`s (actor mentions, time expressions, magnitudes, attribution,
candidate events); the pipeline's output is the `Event` records of docs/RECORD.md. Every `Event` that leaves the program
validates against `event.schema.json` (see `flashpoint.schema`).

Offsets are Python `str` offsets. Annotations on a `Sentence` use offsets into `Sentence.text`; `Sentence.start` is
its offset in `Story.text`.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Status = Literal["asserted", "negated", "hypothetical", "future", "threatened", "claimed"]
STATUSES: tuple[str, ...] = ("asserted", "negated", "hypothetical", "future", "threatened", "claimed")
Precision = Literal["day", "week", "month", "year"]


@dataclass(slots=True)
class Actor:
    """A mention of an actor or recipient, resolved as far as the knowledge base allows."""

    text: str
    start: int
    end: int
    name: str | None = None  # canonical name ("Vladimir Putin", "United Nations"), when known
    id: str | None = None  # stable knowledge-base id, when known
    country: str | None = None  # ISO3, or "IGO" for international bodies
    sector: str | None = None  # PLOVER sector code (GOV, MIL, COP, REB, OPP, CVL, ...)
    # A generic mention ("police") whose country was taken from the story, not from its own words.
    inferred: bool = field(default=False, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "name": self.name, "id": self.id, "country": self.country,
            "sector": self.sector, "start": self.start, "end": self.end,
        }


@dataclass(slots=True)
class Location:
    text: str
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: str | None = None  # country | admin1 | city | ...
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "name": self.name, "country": self.country, "admin1": self.admin1,
            "lat": self.lat, "lon": self.lon, "geonameid": self.geonameid, "precision": self.precision,
        }


@dataclass(slots=True)
class Attribution:
    """Who says so: "a rights group said", "according to two diplomats"."""

    text: str
    start: int
    end: int
    country: str | None = None
    sector: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "country": self.country, "sector": self.sector}


@dataclass(slots=True)
class TimeExpr:
    """A time expression resolved against the publication date.

    `value` is ISO ("2020-09-28", "2020-W39", "2020-09", "2020") or None when it cannot be anchored; `date` is the
    first day it covers (what an event takes as its `date`)."""

    text: str
    start: int
    end: int
    value: str | None
    precision: Precision | None
    date: str | None = None


@dataclass(slots=True)
class Quantity:
    """A count of people in one role: dead, injured, arrested or size (participants)."""

    kind: Literal["dead", "injured", "arrested", "size"]
    value: int
    text: str
    start: int
    end: int


@dataclass(slots=True)
class VagueQuantity:
    """A count the text gives in words that name no number ("dozens of protesters", "hundreds marched"): a range,
    never an exact figure. `high` is None when nothing bounds it."""

    kind: Literal["dead", "injured", "arrested", "size"]
    text: str
    low: int
    high: int | None
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "text": self.text, "low": self.low, "high": self.high}


@dataclass(slots=True)
class Trigger:
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Event:
    """One event mention: the record of docs/RECORD.md."""

    story_id: str
    sentence_index: int
    sentence: str
    event_type: str
    trigger: Trigger
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    status: Status = "asserted"
    actor: list[Actor] = field(default_factory=list)
    recipient: list[Actor] = field(default_factory=list)
    publication_date: str | None = None
    date: str | None = None
    date_precision: Precision | None = None
    date_text: str | None = None
    # Where `date` came from: the event's clause or sentence ("text"), the story around it ("context"), the
    # publication date ("publication"), or a publication date read off the dateline with the file's year ("dateline").
    date_source: Literal["text", "context", "publication", "dateline"] | None = None
    location: Location | None = None
    dead: int | None = None
    injured: int | None = None
    arrested: int | None = None
    size: int | None = None
    # Counts in vague words ("dozens were arrested"), for kinds whose figure is null: written only when there are some.
    vague_figures: list[VagueQuantity] = field(default_factory=list)
    attribution: Attribution | None = None
    quad_class: str | None = None
    intensity: float | None = None
    cameo: str | None = None
    goldstein: float | None = None
    confidence: float = 0.5
    coder: str = ""
    # Why each stage decided what it did; shown by `--explain`, never serialised.
    notes: list[str] = field(default_factory=list)
    # The story's event this record is another report of ("X was charged in the shooting"): it is dated like that
    # event, not by its own sentence's day (the charge's, the death's). Never serialised.
    reports_on: Event | None = field(default=None, repr=False, compare=False)

    @property
    def id(self) -> str:
        actors = ",".join(f"{a.start}-{a.end}" for a in self.actor)
        recipients = ",".join(f"{a.start}-{a.end}" for a in self.recipient)
        key = f"{self.story_id}|{self.sentence_index}|{self.trigger.start}-{self.trigger.end}|{actors}|{recipients}"
        return hashlib.sha1(key.encode()).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        out = self._fields()
        if self.vague_figures:  # an optional field (docs/RECORD.md): records without vague counts look as before
            out["vague_figures"] = [v.to_dict() for v in self.vague_figures]
        return out

    def _fields(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "story_id": self.story_id,
            "publication_date": self.publication_date,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "event_type": self.event_type,
            "mode": self.mode,
            "contexts": list(self.contexts),
            "status": self.status,
            "actor": [a.to_dict() for a in self.actor],
            "recipient": [a.to_dict() for a in self.recipient],
            "date": self.date,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "date_source": self.date_source,
            "location": self.location.to_dict() if self.location else None,
            "dead": self.dead,
            "injured": self.injured,
            "arrested": self.arrested,
            "size": self.size,
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "quad_class": self.quad_class,
            "intensity": self.intensity,
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "trigger": asdict(self.trigger),
            "confidence": round(self.confidence, 3),
            "coder": self.coder,
        }


@dataclass(slots=True)
class Sentence:
    """A sentence of a story and what the stages found in it."""

    text: str
    index: int
    start: int  # offset of the sentence in Story.text
    paragraph: int = 0
    actors: list[Actor] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    vague: list[VagueQuantity] = field(default_factory=list)  # counts in vague words: no figure, a range
    attribution: Attribution | None = None
    places: list[Location] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    skip: str | None = None  # why this sentence is not coded (photo credit, teaser ...), or None
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Story:
    """One news story: what the readers produce and what the pipeline annotates."""

    id: str
    text: str
    date: str | None = None  # publication date, ISO
    url: str | None = None
    title: str | None = None
    source: str | None = None  # file name or "<stdin>:LINE", for messages
    paragraphs: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of each paragraph in text
    sentences: list[Sentence] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # other fields of a JSONL line ("toponyms", ...)
    # Where `date` came from: "input" (the story's own date or --date), "text" (a full date in its first lines),
    # "dateline" (the dateline's day and month, the year of the file's modification time); None: undated.
    date_source: Literal["input", "text", "dateline"] | None = None
    # What was cut or ignored while coding this story (over the size limits): said on stderr as warnings.
    warnings: list[str] = field(default_factory=list)
    # What a stage leaves for later stages of the same story (e.g. "places": each sentence's resolved place names):
    # stage state travels with its story, never in module globals. Not serialised.
    stage_data: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @staticmethod
    def make_id(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()

    @property
    def events(self) -> list[Event]:
        return [e for s in self.sentences for e in s.events]


@dataclass(slots=True)
class Relation:
    """What `classify` returns for one sentence with marked actor and recipient."""

    event_type: str | None
    mode: str | None
    status: Status
    quad_class: str | None
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_type": self.event_type, "mode": self.mode, "status": self.status,
            "quad_class": self.quad_class, "confidence": round(self.confidence, 3),
        }
