"""The PLOVER ontology: event types, modes, quad classes, contexts, sectors, scores and crosswalks.

Everything here is knowledge read from the TSV files next to this module (written from the PLOVER manual,
the OEDA CAMEO->PLOVER crosswalk, the published CAMEO Goldstein weights and the ACLED codebook); the code only
indexes it. The files are read once, on first use, so importing the package costs nothing.

Lookups accept event types and modes in any case; a mode of "" counts as no mode. Unknown event types raise
ValueError (use `normalize` first for legacy labels such as FIGHT or DEMAND); unknown modes fall back to the
type's default wherever a value is still meaningful (`score`, `acled`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

__all__ = [
    "ACLED_TYPES", "AUXILIARY_MODES", "CONTEXTS", "EVENT_TYPES", "INTERNATIONAL_ACTORS", "QUAD_CLASSES",
    "SECTORS", "CameoCode", "Score", "acled", "cameo", "cameo_root", "context_description", "describe",
    "from_cameo", "goldstein", "implied_contexts", "is_valid", "modes", "normalize", "normalize_sector",
    "quad_class", "quad_code", "requires_recipient", "score", "to_plv_root",
]

QUAD_CLASSES: tuple[str, ...] = (
    "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict",
)
# The manual's auxiliary modes; flashpoint records them in the event's `status`, never in `contexts`.
AUXILIARY_MODES: tuple[str, ...] = ("historical", "future", "hypothetical", "negation")

_DEFAULT = "-"  # mode column value for a type's default row
_WHENS = ("any", "one_sided", "two_sided")

if TYPE_CHECKING:  # lazily built module attributes (see __getattr__)
    EVENT_TYPES: tuple[str, ...]
    CONTEXTS: tuple[str, ...]
    SECTORS: dict[str, str]
    INTERNATIONAL_ACTORS: dict[str, str]
    ACLED_TYPES: dict[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Score:
    """Conflict/cooperation scores of a type/mode: the manual's intensity and the nearest CAMEO code."""

    intensity: float  # PLOVER manual score, -10 (most conflictual) .. +10
    cameo: str  # nearest CAMEO event code, 2-4 digits as a string ("0874", "175")
    goldstein: float  # Goldstein weight of that CAMEO code


@dataclass(frozen=True, slots=True)
class CameoCode:
    """A CAMEO event code with its Goldstein weight and PLOVER translation (event None: dropped in PLOVER)."""

    code: str
    goldstein: float
    event_type: str | None
    mode: str | None
    description: str


@dataclass(frozen=True, slots=True)
class _Ontology:
    event_types: tuple[str, ...]
    quad: dict[str, str]
    recipient: dict[str, bool]
    type_desc: dict[str, str]
    modes: dict[str, tuple[str, ...]]
    mode_desc: dict[tuple[str, str | None], str]
    scores: dict[tuple[str, str | None], Score]
    implied: dict[tuple[str, str | None], tuple[str, ...]]
    contexts: dict[str, str]
    sectors: dict[str, str]
    international: dict[str, str]
    sector_aliases: dict[str, str]
    cameo: dict[str, CameoCode]
    acled: dict[tuple[str, str | None, str], tuple[str, str]]
    acled_types: dict[str, tuple[str, ...]]
    aliases: dict[tuple[str, str], tuple[str, str]]


def _rows(name: str, width: int) -> list[list[str]]:
    """Rows of a TSV data file, comments and blank lines skipped, padded to `width` columns."""
    from flashpoint.tsv import rows

    return rows(__package__, name, width=width)


def _mode_key(mode: str) -> str | None:
    return None if mode in ("", _DEFAULT) else mode


@cache
def _load() -> _Ontology:
    types: list[str] = []
    quad: dict[str, str] = {}
    recipient: dict[str, bool] = {}
    type_desc: dict[str, str] = {}
    for code, q, rec, desc in _rows("event_types.tsv", 4):
        if q not in QUAD_CLASSES or rec not in ("yes", "no"):
            raise ValueError(f"event_types.tsv: bad row for {code}")
        types.append(code)
        quad[code], recipient[code], type_desc[code] = q, rec == "yes", desc

    cameo: dict[str, CameoCode] = {}
    for code, gold, ev, mode, desc in _rows("cameo.tsv", 5):
        cameo[code] = CameoCode(code, float(gold), ev or None, mode or None, desc)

    modes: dict[str, list[str]] = {t: [] for t in types}
    mode_desc: dict[tuple[str, str | None], str] = {}
    scores: dict[tuple[str, str | None], Score] = {}
    implied: dict[tuple[str, str | None], tuple[str, ...]] = {}
    for ev, mode, intensity, _source, code, imp, desc in _rows("modes.tsv", 7):
        key = (ev, _mode_key(mode))
        if ev not in quad or key in scores or code not in cameo:
            raise ValueError(f"modes.tsv: bad row {ev} {mode}")
        if key[1] is not None:
            modes[ev].append(mode)
        scores[key] = Score(float(intensity), code, cameo[code].goldstein)
        mode_desc[key] = desc
        if imp:
            implied[key] = tuple(c.strip() for c in imp.split(";"))

    acled_types: dict[str, list[str]] = {}
    for ev, sub in _rows("acled_types.tsv", 2):
        acled_types.setdefault(ev, []).append(sub)
    acled_map: dict[tuple[str, str | None, str], tuple[str, str]] = {}
    for ev, mode, when, aev, asub in _rows("acled.tsv", 5):
        if when not in _WHENS or asub not in acled_types.get(aev, ()):
            raise ValueError(f"acled.tsv: bad row {ev} {mode}")
        acled_map[(ev, _mode_key(mode), when)] = (aev, asub)

    aliases = {(fe, fm): (te, tm) for fe, fm, te, tm, _why in _rows("aliases.tsv", 5)}

    return _Ontology(
        event_types=tuple(types), quad=quad, recipient=recipient, type_desc=type_desc,
        modes={t: tuple(m) for t, m in modes.items()}, mode_desc=mode_desc, scores=scores, implied=implied,
        contexts={c: d for c, d in _rows("contexts.tsv", 2)},
        sectors={c: d for c, _freq, d in _rows("sectors.tsv", 3)},
        international={c: d for c, d in _rows("international_actors.tsv", 2)},
        sector_aliases={a: s for a, s, _why in _rows("sector_aliases.tsv", 3)},
        cameo=cameo, acled=acled_map, acled_types={k: tuple(v) for k, v in acled_types.items()},
        aliases=aliases,
    )


def __getattr__(name: str) -> Any:
    """Build the data-backed module constants on first access (PEP 562)."""
    if name == "EVENT_TYPES":
        return _load().event_types
    if name == "CONTEXTS":
        return tuple(_load().contexts)
    if name == "SECTORS":
        return dict(_load().sectors)
    if name == "INTERNATIONAL_ACTORS":
        return dict(_load().international)
    if name == "ACLED_TYPES":
        return dict(_load().acled_types)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


# ----------------------------------------------------------------------------------------------------
# event types and modes


def _type(event_type: str) -> str:
    ont = _load()
    if event_type in ont.quad:
        return event_type
    t = event_type.strip().upper() if isinstance(event_type, str) else event_type
    if t not in ont.quad:
        raise ValueError(f"unknown PLOVER event type: {event_type!r}")
    return t


def _mode(mode: str | None) -> str | None:
    if mode is None:
        return None
    m = mode.strip().lower()
    return m or None


def modes(event_type: str) -> tuple[str, ...]:
    """The manual's modes for `event_type`, in manual order (empty for types without modes)."""
    return _load().modes[_type(event_type)]


def quad_class(event_type: str) -> str:
    """One of QUAD_CLASSES."""
    return _load().quad[_type(event_type)]


def quad_code(event_type: str) -> int:
    """Numeric quad code: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict."""
    return QUAD_CLASSES.index(quad_class(event_type)) + 1


def requires_recipient(event_type: str) -> bool:
    """Whether the manual requires a recipient for this type."""
    return _load().recipient[_type(event_type)]


def is_valid(event_type: str, mode: str | None = None) -> bool:
    """True when `event_type` is a PLOVER type and `mode` is None or one of its modes."""
    ont = _load()
    t = event_type.strip().upper() if isinstance(event_type, str) else None
    if t not in ont.quad:
        return False
    if mode is not None and not isinstance(mode, str):
        return False
    m = _mode(mode)
    return m is None or m in ont.modes[t]


def score(event_type: str, mode: str | None = None) -> Score:
    """Manual intensity, nearest CAMEO code and its Goldstein weight; type default for no/unknown mode."""
    scores = _load().scores
    hit = scores.get((event_type, mode))  # fast path for canonical spellings
    if hit is not None:
        return hit
    t = _type(event_type)
    return scores.get((t, _mode(mode))) or scores[(t, None)]


def implied_contexts(event_type: str, mode: str | None = None) -> tuple[str, ...]:
    """Contexts a mode adds automatically (COERCE misinformation -> misinformation, cyber -> cyber, ...)."""
    return _load().implied.get((_type(event_type), _mode(mode)), ())


def describe(event_type: str, mode: str | None = None) -> str:
    """Short description of a type, or of a type's mode when the mode is known."""
    ont = _load()
    t = _type(event_type)
    m = _mode(mode)
    if m is not None and (t, m) in ont.mode_desc:
        return ont.mode_desc[(t, m)]
    return ont.type_desc[t]


def context_description(context: str) -> str:
    """The manual's short description of a context; ValueError when unknown."""
    try:
        return _load().contexts[context]
    except KeyError:
        raise ValueError(f"unknown PLOVER context: {context!r}") from None


def to_plv_root(event_type: str) -> str:
    """PLV benchmark label: CONCEDE and RETREAT are merged into YIELD there; other types are unchanged."""
    t = _type(event_type)
    return "YIELD" if t in ("CONCEDE", "RETREAT") else t


def normalize(event_type: str, mode: str | None = None) -> tuple[str, str | None] | None:
    """Map legacy / variant labels to a valid PLOVER (type, mode); None when the type cannot be mapped.

    Handles CAMEO-era type names (FIGHT, DEMAND, DISAPPROVE, INVESTIGATE), older mode names (assassinate,
    host, strike-hun, ...) and misspellings seen in training data. A mode still unknown after that is
    dropped."""
    ont = _load()
    if not isinstance(event_type, str):
        return None
    t = event_type.strip().upper()
    m = _mode(mode) if isinstance(mode, str) else None
    target = ont.aliases.get((t, m or "")) or ont.aliases.get((t, "*"))
    if target is not None:
        t, to_mode = target
        if to_mode == _DEFAULT:
            m = None
        elif to_mode != "*":
            m = to_mode
        elif m is not None:  # kept mode may itself be a variant name (FIGHT/assassinate)
            again = ont.aliases.get((t, m))
            if again is not None:
                t, m = again[0], _mode_key(again[1])
    if t not in ont.quad:
        return None
    if m is not None and m not in ont.modes[t]:
        m = None
    return t, m


# ----------------------------------------------------------------------------------------------------
# sectors


def normalize_sector(code: str | None) -> str | None:
    """PLOVER sector from a sector or legacy agent code ("CIV" -> "CVL", "REBkur" -> "REB"); else None."""
    if not code or not isinstance(code, str):
        return None
    c = code.strip()[:3].upper()
    ont = _load()
    if c in ont.sectors:
        return c
    return ont.sector_aliases.get(c)


# ----------------------------------------------------------------------------------------------------
# CAMEO


def _cameo_entry(code: str) -> CameoCode:
    """The entry for a CAMEO code, falling back to its parent codes (e.g. an unlisted "176" -> "17")."""
    if not isinstance(code, str) or not code.isdigit() or not 2 <= len(code) <= 4:
        raise ValueError(f"not a CAMEO event code: {code!r}")
    table = _load().cameo
    for n in range(len(code), 1, -1):
        hit = table.get(code[:n])
        if hit is not None:
            return hit
    raise ValueError(f"unknown CAMEO event code: {code!r}")


def cameo_root(code: str) -> str:
    """The two-digit CAMEO root ("cue category") of a code: "0874" -> "08", "175" -> "17"."""
    if not isinstance(code, str) or not code.isdigit() or not 2 <= len(code) <= 4:
        raise ValueError(f"not a CAMEO event code: {code!r}")
    return code[:2]


def cameo(code: str) -> CameoCode:
    """The CAMEO code's Goldstein weight, description and PLOVER translation (parent's entry if unlisted)."""
    return _cameo_entry(code)


def goldstein(code: str) -> float:
    """Goldstein weight of a CAMEO code (its parent's when the code itself is not in the published scale)."""
    return _cameo_entry(code).goldstein


def from_cameo(code: str) -> tuple[str, str | None] | None:
    """PLOVER (type, mode) for a CAMEO code; None for codes PLOVER drops (01 statements, 02 appeals)."""
    entry = _cameo_entry(code)
    return None if entry.event_type is None else (entry.event_type, entry.mode)


# ----------------------------------------------------------------------------------------------------
# ACLED


def acled(
    event_type: str, mode: str | None = None, *, one_sided: bool | None = None
) -> tuple[str, str] | None:
    """ACLED (event_type, sub_event_type) for a PLOVER type/mode, or None when ACLED has no equivalent.

    `one_sided=True` says the violence targets unarmed people (victims coded as recipient), False that both
    sides fight; None gives the best single choice. Only matters where ACLED splits on it (e.g. ASSAULT
    firearms: Battles / Armed clash, or Violence against civilians / Attack when one-sided)."""
    ont = _load()
    t = _type(event_type)
    m = _mode(mode)
    if m is not None and m not in ont.modes[t]:
        m = None
    when = "any" if one_sided is None else ("one_sided" if one_sided else "two_sided")
    table = ont.acled
    return table.get((t, m, when)) or table.get((t, m, "any"))
