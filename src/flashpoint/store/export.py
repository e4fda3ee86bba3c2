"""Reading events out: our own records (JSONL / CSV / Parquet) and the GDELT 2.0, ACLED and POLECAT layouts.

Only what happened by default: `event_query`, `layout_rows` and `export` keep asserted events unless given other
statuses. Our own records always carry `status`; the published layouts have no status column, so rows of other
statuses (threatened, hypothetical, negated ...) appear in them only when asked for.

Each layout has the published dataset's columns, in its order; a column our record cannot honestly fill stays
empty (null in Parquet, "" in CSV). Country tables are data files next to this module: `fips.tsv` (ISO3 -> FIPS
10-4), `cow.tsv` (ISO3 -> Correlates of War code), `m49.tsv` (ISO3 -> UN M49 code, sub-region and ACLED region).

- GDELT 2.0 event table (61 columns; names as in GDELT's BigQuery table gdeltv2.events, which the codebook calls
  GlobalEventID / Day / *Geo_Fullname, same order). GLOBALEVENTID is the first 15 hex digits of our event id as an
  integer (stable, not GDELT's sequence). SQLDATE is the event date, or the first report's date when the text gave
  none. Actor*CountryCode is the actor's ISO3 code (CAMEO's country codes are ISO3 for nearly every country);
  Actor*Code is country + type, Actor*Type1Code the PLOVER sector as a CAMEO type (PLOVER MED health -> CAMEO HLH,
  JRN journalists -> CAMEO MED; PRM, SOC, PRE and UNK have no CAMEO type and stay empty); international bodies get
  Actor*Code "IGO" + type and no country code, as in CAMEO. KnownGroup, Ethnic and Religion codes are empty (no
  such coding). IsRootEvent is 1 when the representative mention is in the story's first two sentences (headline or
  lead). NumSources counts distinct URL hosts. AvgTone is empty (no tone model). Actor1Geo_* / Actor2Geo_* are empty:
  we locate events, not actors.
  ActionGeo_*: CountryCode is FIPS 10-4 (Gaza Strip places GZ, other Palestinian places WE, by longitude); Type is
  1 country, 2 US state, 3 US city, 4 world city, 5 world state, from the location's precision (a district counts as
  a city; a continent or a region across borders gets no type); FullName is "City, Admin1, Country" with the FIPS
  list's country name ("Berlin, Berlin, Germany", "Texas, United States"). ADM1Code is the FIPS country code for a
  country-level place and "US" + postal code for US states and cities, as in GDELT; elsewhere it is empty, because
  we keep admin1 names, not FIPS admin1 codes. ADM2Code is empty (GDELT's are GAUL codes). FeatureID is the FIPS
  code for a country, as in GDELT, else our GeoNames id (GDELT uses GNS/GNIS ids, for which there is no offline
  crosswalk): equal ids mean the same place, but they do not join with GDELT's own.
- ACLED: only events with an ACLED equivalent (flashpoint.ontology.acled) are exported. inter1/inter2 use ACLED's
  numeric actor types mapped from PLOVER sectors (_INTER); interaction is 10 x the smaller + the larger, or 10 x
  inter1 for a one-sided event, as in ACLED's codebook. iso is the ISO 3166-1 numeric (= UN M49) code. region is
  ACLED's region name derived from the country's UN M49 sub-region (m49.tsv says how; ACLED's own country lists may
  differ for a few countries). admin2, admin3, source_scale and tags are empty (no data for them); geo_precision is 1
  for a town, 2 for a district, 3 for a province or country; fatalities is 0 when unknown, as in ACLED;
  event_id_cnty is ISO3 + a stable number from the event id.
- POLECAT: the 40 columns of the published weekly files (Dataverse TSVs; some weeks name the fifth column
  "Intensity", most "Event Intensity"). Actor/Recipient COW are numeric COW codes ("; "-joined like the other
  multi-actor columns; empty for IGOs and places with no COW code). Feature Type is the GeoNames feature code where
  our precision determines it (PCLI, ADM1, ADM2, CONT), else empty (a city may be PPL or PPLC). District is the name
  of a district-level place. Actor/Recipient Title, Wikipedia ids (our actor ids are not Wikipedia's) and Story
  People / Organizations / Locations (story-level NER we do not keep) are empty. Language is "en"; Source is the
  story's URL host or source; Version is ours.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import urlparse

from flashpoint import tsv

if TYPE_CHECKING:
    import duckdb

_BATCH = 20_000


# ---------------------------------------------------------------------------------------------- selecting events


def event_query(since: str | None = None, until: str | None = None, country: str | list[str] | None = None,
                event_type: str | None = None, status: tuple[str, ...] | None = ("asserted",)
                ) -> tuple[str, list[Any]]:
    """SQL over `events` with the `events` command's filters; the date is the event date, else the first report.

    `status`: the statuses to keep (default: asserted, what happened); None keeps every status. `country`: ISO3
    codes (see `country_codes`) of an actor, a recipient or the location."""
    where, params = [], []
    day = "coalesce(date, first_reported)"
    if since:
        where.append(f"{day} >= CAST(? AS DATE)")
        params.append(since)
    if until:
        where.append(f"{day} <= CAST(? AS DATE)")
        params.append(until)
    if country:
        codes = [country.upper()] if isinstance(country, str) else [c.upper() for c in country]
        where.append("(len(list_intersect([a.country FOR a IN actor], ?)) > 0 OR "
                     "len(list_intersect([a.country FOR a IN recipient], ?)) > 0 OR "
                     "list_contains(?, location.country))")
        params += [codes] * 3
    if event_type:
        where.append("event_type = ?")
        params.append(event_type.upper())
    if status is not None:
        where.append("list_contains(?, status)")
        params.append(list(status))
    sql = "SELECT * FROM events" + (" WHERE " + " AND ".join(where) if where else "") + f" ORDER BY {day}, id"
    return sql, params


# ---------------------------------------------------------------------------------------------- filter values


def parse_statuses(value: str) -> tuple[str, ...] | None:
    """"asserted" / "all" / a comma-separated list ("asserted,claimed") -> the statuses to keep (None: all)."""
    from flashpoint.records import STATUSES

    words = [w.strip().lower() for w in value.split(",") if w.strip()]
    if words == ["all"]:
        return None
    bad = [w for w in words if w not in STATUSES]
    if bad or not words:
        raise ValueError(f"unknown status {', '.join(map(repr, bad)) or repr(value)}: use all, or one or more of "
                         f"{', '.join(STATUSES)} (comma-separated)")
    return tuple(dict.fromkeys(words))


def event_type_code(value: str) -> str:
    """A PLOVER event type in any case -> its code; ValueError naming the known types."""
    from flashpoint import ontology

    code = value.strip().upper()
    if code not in ontology.EVENT_TYPES:
        raise ValueError(f"unknown PLOVER event type {value!r}: one of {', '.join(sorted(ontology.EVENT_TYPES))}")
    return code


@cache
def _country_index() -> dict[str, set[str]]:
    """Lower-case country name, alternative name or ISO3 code -> the codes records use for it (its ISO3 and, for a
    dependency, its state's PLOVER code)."""
    from flashpoint.knowledge import COUNTRY
    from flashpoint.knowledge import load as load_kb

    kb = load_kb()
    index: dict[str, set[str]] = {}
    for c in kb.countries.values():
        codes = {c.iso3, c.code}
        index.setdefault(c.iso3.lower(), set()).update(codes)
        index.setdefault(c.name.lower(), set()).update(codes)
    for phrase, entry in kb.proper.items():
        if entry.kind == COUNTRY and entry.id and entry.id.startswith("country:"):
            iso3 = entry.id.split(":", 1)[1]
            country = kb.countries.get(iso3)
            index.setdefault(phrase.lower(), set()).update({iso3, *((country.code,) if country else ())})
    return index


def country_codes(value: str) -> list[str]:
    """An ISO3 code or a country name ("KEN", "Kenya", "Ivory Coast", "UK") -> the codes to match; ValueError if
    it names no country."""
    from flashpoint.knowledge import key

    found = _country_index().get(key(value).lower()) or _country_index().get(value.strip().lower())
    if not found:
        raise ValueError(f"{value!r} is no country: give an ISO3 code (KEN) or a country name (Kenya)")
    return sorted(found)


def iter_events(con: duckdb.DuckDBPyConnection, sql: str = "SELECT * FROM events ORDER BY id",
                params: list[Any] | None = None) -> Iterator[dict[str, Any]]:
    from flashpoint.store.rows import batches, to_record

    for batch in batches(con, sql, params, _BATCH):
        for row in batch.to_pylist():
            yield to_record(row)


def _story_info(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str | None, str | None, Any]]:
    return {r[0]: (r[1], r[2], r[3]) for r in con.execute("SELECT id, url, source, coded_at FROM stories").fetchall()}


# ---------------------------------------------------------------------------------------------- country tables


@cache
def fips_table() -> dict[str, tuple[str, str]]:
    """ISO3 -> (FIPS 10-4 code, short name), from fips.tsv."""
    return {r[0]: (r[1], r[2]) for r in tsv.rows(__package__, "fips.tsv", header=True)}


@cache
def cow_table() -> dict[str, tuple[int, str]]:
    """ISO3 -> (COW ccode, COW stateabb), from cow.tsv."""
    return {r[0]: (int(r[1]), r[2]) for r in tsv.rows(__package__, "cow.tsv", header=True)}


@cache
def m49_table() -> dict[str, tuple[int | None, str, str]]:
    """ISO3 -> (M49 / ISO numeric code, M49 sub-region, ACLED region), from m49.tsv."""
    return {r[0]: (int(r[1]) if r[1] else None, r[2], r[3]) for r in tsv.rows(__package__, "m49.tsv", header=True)}


@cache
def _us_states() -> dict[str, str]:
    """US state name -> postal code, from the geoparser's us_states.tsv."""
    return {r[0]: r[1] for r in tsv.rows("flashpoint.geo", "us_states.tsv", header=True)}


_GAZA = ("GZ", "Gaza Strip")
_GAZA_EAST = 34.7  # the Gaza Strip lies west of 34.6 E, the West Bank east of 34.85 E


def fips_country(iso3: str | None, lon: float | None = None, place: str = "") -> tuple[str, str] | None:
    """(FIPS 10-4 code, name) of a place's country; FIPS splits the Palestinian territories into WE and GZ."""
    if not iso3:
        return None
    if iso3 == "PSE" and ((lon is not None and lon < _GAZA_EAST) or "gaza" in place.lower()):
        return _GAZA
    return fips_table().get(iso3)


# ---------------------------------------------------------------------------------------------- helpers


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urlparse(url).netloc.lower()
    return host[4:] if host.startswith("www.") else host or None


def _ymd(record: dict[str, Any]) -> dt.date | None:
    value = record.get("date") or record.get("first_reported")
    return dt.date.fromisoformat(value) if value else None


def _number(event_id: str, digits: int = 15) -> int:
    return int(event_id[:digits], 16)


@cache
def _country_names() -> dict[str, str]:
    from flashpoint.knowledge import load

    return {c.iso3: c.name for c in load().countries.values()}


def _country_name(iso3: str | None) -> str | None:
    return _country_names().get(iso3) if iso3 else None


def _actor_name(a: dict[str, Any]) -> str:
    return a.get("name") or a.get("text") or ""


def _first(actors: list[dict[str, Any]]) -> dict[str, Any]:
    return actors[0] if actors else {}


# ---------------------------------------------------------------------------------------------- GDELT 2.0

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor{i}{f}" for i in (1, 2) for f in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
    "NumSources", "NumArticles", "AvgTone",
    *[f"{p}_{f}" for p in ("Actor1Geo", "Actor2Geo", "ActionGeo") for f in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")],
    "DATEADDED", "SOURCEURL",
]
# PLOVER sector -> CAMEO actor type where they differ; None: no CAMEO type.
_CAMEO_TYPE: dict[str, str | None] = {"MED": "HLH", "JRN": "MED", "PRM": None, "SOC": None, "PRE": None, "UNK": None}


def _cameo_type(sector: str | None) -> str | None:
    return _CAMEO_TYPE.get(sector, sector) if sector else None


def gdelt_actor(a: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    """(ActorCode, ActorCountryCode, ActorType1Code) of one actor; CAMEO puts IGO where the country goes."""
    country, kind = a.get("country"), _cameo_type(a.get("sector"))
    if country == "IGO":
        return "IGO" + (kind if kind and kind != "IGO" else ""), None, kind
    return ((country or "") + (kind or "")) or None, country, kind


def gdelt_geo(loc: dict[str, Any] | None) -> dict[str, Any]:
    """GDELT's Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID of an event location."""
    out: dict[str, Any] = dict.fromkeys(("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
                                         "FeatureID"))
    if not loc:
        return out
    precision, name, admin1, iso3 = loc.get("precision"), loc.get("name"), loc.get("admin1"), loc.get("country")
    country = fips_country(iso3, loc.get("lon"), " ".join(x for x in (name, admin1) if x))
    code, country_name = country or (None, _country_name(iso3))
    us = iso3 == "USA"
    state = _us_states().get(admin1 or (name if precision == "admin1" else "") or "") if us else None
    if precision == "country":
        kind, parts = 1, [country_name or name]
    elif precision == "admin1":
        kind, parts = (2 if us else 5), [admin1 or name, country_name]
    elif precision in ("city", "admin2"):
        kind, parts = (3 if us else 4), [name, admin1 if admin1 != country_name else None, country_name]
    else:  # continent, region across borders, unknown: no GDELT type
        kind, parts = None, [name, country_name if iso3 and country_name != name else None]
    out.update(Type=kind, FullName=", ".join(p for p in parts if p) or None, CountryCode=code,
               Lat=loc.get("lat"), Long=loc.get("lon"))
    if precision == "country":
        out.update(ADM1Code=code, FeatureID=code)
    else:
        out.update(ADM1Code=f"US{state}" if state and kind in (2, 3) else None,
                   FeatureID=str(loc["geonameid"]) if loc.get("geonameid") else None)
    return out


def gdelt_row(e: dict[str, Any], stories: dict[str, tuple]) -> dict[str, Any] | None:
    from flashpoint import ontology

    day = _ymd(e)
    row: dict[str, Any] = dict.fromkeys(GDELT_COLUMNS)
    row["GLOBALEVENTID"] = _number(e["id"])
    if day:
        row.update(SQLDATE=int(day.strftime("%Y%m%d")), MonthYear=int(day.strftime("%Y%m")), Year=day.year,
                   FractionDate=round(day.year + (day.timetuple().tm_yday - 1) / 365, 4))
    for i, key in ((1, "actor"), (2, "recipient")):
        a = _first(e.get(key) or [])
        if a:
            code, country, kind = gdelt_actor(a)
            row.update({f"Actor{i}Code": code, f"Actor{i}Name": _actor_name(a).upper() or None,
                        f"Actor{i}CountryCode": country, f"Actor{i}Type1Code": kind})
    cameo = e.get("cameo")
    quad = None
    with contextlib.suppress(ValueError, KeyError):
        quad = ontology.quad_code(e["event_type"])
    sources = [stories.get(s, (None, None, None)) for s in e.get("stories") or []]
    hosts = {_host(u) or src for u, src, _ in sources if (u or src)}
    added = min((c for _, _, c in sources if c is not None), default=None)
    row.update(
        IsRootEvent=1 if (e.get("sentence_index") or 0) <= 1 else 0,
        EventCode=cameo, EventBaseCode=cameo[:3] if cameo else None, EventRootCode=cameo[:2] if cameo else None,
        QuadClass=quad, GoldsteinScale=e.get("goldstein"), NumMentions=e.get("n_mentions"),
        NumSources=len(hosts) or None, NumArticles=e.get("n_stories"), AvgTone=None,
        DATEADDED=int(added.strftime("%Y%m%d%H%M%S")) if isinstance(added, dt.datetime) else None,
        SOURCEURL=next((u for u, _, _ in sources if u), None),
    )
    row.update({f"ActionGeo_{k}": v for k, v in gdelt_geo(e.get("location")).items()})
    return row


# ---------------------------------------------------------------------------------------------- ACLED

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
# ACLED actor types: 1 state forces, 2 rebels, 3 political militias, 4 identity militias, 5 rioters, 6 protesters,
# 7 civilians, 8 external/other forces.
_INTER = {"GOV": 1, "MIL": 1, "COP": 1, "SPY": 1, "JUD": 1, "LEG": 1, "ELI": 7, "REB": 2, "INS": 2, "TER": 2,
          "PTY": 3, "OPP": 3, "ETH": 4, "REL": 4, "CRM": 3, "IGO": 8, "UAF": 3}
_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
# ACLED geo_precision: 1 the town, 2 near a town or a small part of a region, 3 only a larger region.
_GEO_PRECISION = {"city": 1, "admin2": 2, "admin1": 3, "country": 3, "region": 3}


def _inter(a: dict[str, Any], acled_type: str) -> int | None:
    if not a:
        return None
    if acled_type == "Protests":
        return 6
    if acled_type == "Riots":
        return 5
    return _INTER.get(a.get("sector") or "", 7 if a.get("sector") else None)


def _interaction(inter1: int | None, inter2: int | None, has_actor2: bool) -> int | None:
    """ACLED's interaction code: 10 x the smaller type + the larger; 10 x inter1 when there is no second actor."""
    if inter1 is None:
        return None
    if not has_actor2:
        return 10 * inter1
    if inter2 is None:
        return None
    return 10 * min(inter1, inter2) + max(inter1, inter2)


def acled_row(e: dict[str, Any], stories: dict[str, tuple]) -> dict[str, Any] | None:
    from flashpoint import ontology

    try:
        pair = ontology.acled(e["event_type"], e.get("mode"))
    except (ValueError, KeyError):
        pair = None
    if pair is None:
        return None
    acled_type, sub_type = pair
    day = _ymd(e)
    actors, recipients = e.get("actor") or [], e.get("recipient") or []
    a1, a2 = _first(actors), _first(recipients)
    inter1, inter2 = _inter(a1, acled_type), (_inter(a2, "") if a2 else None)
    disorder = {"Protests": "Demonstrations", "Riots": "Political violence; Demonstrations",
                "Strategic developments": "Strategic developments"}.get(acled_type, "Political violence")
    loc = e.get("location") or {}
    iso3 = loc.get("country") or a1.get("country") or a2.get("country")
    m49 = m49_table().get(iso3 or "", (None, None, None))
    sources = [stories.get(s, (None, None, None)) for s in e.get("stories") or []]
    names = sorted({_host(u) or src for u, src, _ in sources if (u or src)})
    coded = [c for _, _, c in sources if isinstance(c, dt.datetime)]
    return {
        "event_id_cnty": f"{iso3 or 'XXX'}{_number(e['id'], 8)}",
        "event_date": day.isoformat() if day else None, "year": day.year if day else None,
        "time_precision": _PRECISION.get(e.get("date_precision") or "", 3) if e.get("date") else 3,
        "disorder_type": disorder, "event_type": acled_type, "sub_event_type": sub_type,
        "actor1": _actor_name(a1) or None, "assoc_actor_1": "; ".join(_actor_name(a) for a in actors[1:]) or None,
        "inter1": inter1, "actor2": _actor_name(a2) or None,
        "assoc_actor_2": "; ".join(_actor_name(a) for a in recipients[1:]) or None, "inter2": inter2,
        "interaction": _interaction(inter1, inter2, bool(a2)),
        "civilian_targeting": "Civilian targeting" if acled_type == "Violence against civilians" else None,
        "iso": m49[0], "region": m49[2], "country": _country_name(iso3), "admin1": loc.get("admin1"),
        "admin2": None, "admin3": None, "location": loc.get("name"), "latitude": loc.get("lat"),
        "longitude": loc.get("lon"), "geo_precision": _GEO_PRECISION.get(loc.get("precision") or "") if loc else None,
        "source": "; ".join(names) or None, "source_scale": None, "notes": e.get("sentence"),
        "fatalities": e.get("dead") or 0, "tags": None,
        "timestamp": int(min(coded).replace(tzinfo=dt.UTC).timestamp()) if coded else None,
    }


# ---------------------------------------------------------------------------------------------- POLECAT

POLECAT_COLUMNS = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name", "Recipient Country", "Recipient COW",
    "Primary Recipient Sector", "Recipient Sectors", "Recipient Title", "Recipient Name Raw",
    "Wikipedia Recipient ID", "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude",
    "GeoNames ID", "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People",
    "Story Organizations", "Story Locations", "Language", "Version",
]
# Our location precision -> the GeoNames feature code it implies (a city may be PPL or PPLC: left empty).
_FEATURE = {"country": "PCLI", "admin1": "ADM1", "admin2": "ADM2", "continent": "CONT"}


def _cow(iso3: str | None) -> str:
    c = cow_table().get(iso3 or "")
    return str(c[0]) if c else ""


def polecat_row(e: dict[str, Any], stories: dict[str, tuple]) -> dict[str, Any] | None:
    from flashpoint import __version__, ontology

    day = _ymd(e)
    try:
        quad = ontology.quad_code(e["event_type"])
    except (ValueError, KeyError):
        quad = None
    row: dict[str, Any] = dict.fromkeys(POLECAT_COLUMNS)
    for role, key in (("Actor", "actor"), ("Recipient", "recipient")):
        people = e.get(key) or []
        if people:
            cows = [_cow(a.get("country")) for a in people]
            row.update({f"{role} Name": "; ".join(_actor_name(a) for a in people),
                        f"{role} Country": "; ".join(a.get("country") or "" for a in people),
                        f"{role} COW": "; ".join(cows) if any(cows) else None,
                        f"Primary {role} Sector": people[0].get("sector"),
                        f"{role} Sectors": "; ".join(sorted({a["sector"] for a in people if a.get("sector")})) or None,
                        f"{role} Name Raw": "; ".join(a.get("text") or "" for a in people)})
    loc = e.get("location") or {}
    precision = loc.get("precision")
    story = stories.get(e.get("story_id") or "", (None, None, None))
    row.update({
        "Event ID": e["id"], "Event Date": day.isoformat() if day else None, "Event Type": e.get("event_type"),
        "Event Mode": e.get("mode"), "Event Intensity": e.get("intensity"), "Quad Code": quad,
        "Contexts": "; ".join(e.get("contexts") or []) or None,
        "Placename": loc.get("name"), "City": loc.get("name") if precision == "city" else None,
        "District": loc.get("name") if precision == "admin2" else None, "Province": loc.get("admin1"),
        "Country": loc.get("country"), "Latitude": loc.get("lat"), "Longitude": loc.get("lon"),
        "GeoNames ID": loc.get("geonameid"), "Raw Placename": loc.get("text"),
        "Feature Type": _FEATURE.get(precision or ""),
        "Source": _host(story[0]) or story[1], "Publication Date": e.get("first_reported"), "Language": "en",
        "Version": f"flashpoint {__version__}",
    })
    return row


LAYOUTS: dict[str, tuple[list[str], Callable[[dict[str, Any], dict[str, tuple]], dict[str, Any] | None]]] = {
    "gdelt": (GDELT_COLUMNS, gdelt_row), "acled": (ACLED_COLUMNS, acled_row), "polecat": (POLECAT_COLUMNS, polecat_row),
}


def layout_rows(con: duckdb.DuckDBPyConnection, layout: str, status: tuple[str, ...] | None = ("asserted",),
                **filters: Any) -> Iterator[dict[str, Any]]:
    """Rows of `layout` for the events of the given statuses (default: asserted; None: all) that pass `filters`
    (the other arguments of `event_query`)."""
    _, convert = LAYOUTS[layout]
    stories = _story_info(con)
    sql, params = event_query(status=status, **filters)
    for e in iter_events(con, sql, params):
        row = convert(e, stories)
        if row is not None:
            yield row


# ---------------------------------------------------------------------------------------------- writers


def write_csv(rows: Iterator[dict[str, Any]], columns: list[str], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in rows:
        writer.writerow(row)
        n += 1
    return n


def write_parquet(rows: Iterator[dict[str, Any]], columns: list[str], path: str,
                  types: dict[str, Any] | None = None) -> int:
    """Rows of scalars -> Parquet, chunk by chunk; a column's type is taken from its first non-null value."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = dict(types or {})
    writer = None
    n = 0
    chunk: list[dict[str, Any]] = []

    def flush() -> None:
        nonlocal writer
        if writer is None:
            for c in columns:
                if c not in types:
                    sample = next((r[c] for r in chunk if r.get(c) is not None), None)
                    types[c] = (pa.int64() if isinstance(sample, int) and not isinstance(sample, bool)
                                else pa.float64() if isinstance(sample, float) else pa.string())
            writer = pq.ParquetWriter(path, pa.schema([(c, types[c]) for c in columns]))
        cols = {}
        for c in columns:
            values = [r.get(c) for r in chunk]
            if types[c] == pa.string():
                values = [v if v is None or isinstance(v, str) else json.dumps(v) if isinstance(v, (list, dict))
                          else str(v) for v in values]
            elif types[c] == pa.float64():
                values = [None if v is None else float(v) for v in values]
            cols[c] = pa.array(values, type=types[c])
        writer.write_table(pa.table(cols))
        chunk.clear()

    for row in rows:
        chunk.append(row)
        n += 1
        if len(chunk) >= _BATCH:
            flush()
    if chunk or writer is None:
        flush()
    writer.close()
    return n


# Types of columns that may be all-null in a small export but are numeric in the published layout.
LAYOUT_TYPES: dict[str, dict[str, str]] = {
    "gdelt": {c: "float64" for c in GDELT_COLUMNS if c.endswith(("_Lat", "_Long"))} | {
        "GoldsteinScale": "float64", "AvgTone": "float64", "FractionDate": "float64"} | {
        c: "int64" for c in ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass",
                             "NumMentions", "NumSources", "NumArticles", "DATEADDED", "Actor1Geo_Type",
                             "Actor2Geo_Type", "ActionGeo_Type")} | {
        c: "string" for c in GDELT_COLUMNS if c.endswith(("Code", "FeatureID"))},
    "acled": {"latitude": "float64", "longitude": "float64"} | {
        c: "int64" for c in ("year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision",
                             "fatalities", "timestamp")},
    "polecat": {"Latitude": "float64", "Longitude": "float64", "Event Intensity": "float64"} | {
        c: "int64" for c in ("Quad Code", "GeoNames ID")} | {"Actor COW": "string", "Recipient COW": "string"},
}


def export(con: duckdb.DuckDBPyConnection, layout: str, fmt: str, out: str,
           status: tuple[str, ...] | None = ("asserted",), **filters: Any) -> int:
    """Write the events of the given statuses (default: asserted, what happened; None: all) in `layout` to `out` as
    csv or parquet; returns the number of rows. The published layouts have no status column: rows of other
    statuses are there only when asked for. `filters`: since, until, country, event_type as in `event_query`."""
    import pyarrow as pa

    columns, _ = LAYOUTS[layout]
    rows = layout_rows(con, layout, status, **filters)
    if fmt == "parquet":
        types = {c: getattr(pa, t)() for c, t in LAYOUT_TYPES[layout].items()}
        return write_parquet(rows, columns, out, types)
    if out == "-":
        return write_csv(rows, columns, sys.stdout)
    with open(out, "w", encoding="utf-8", newline="") as f:
        return write_csv(rows, columns, f)
