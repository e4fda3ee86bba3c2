"""The gazetteer: ~249k places (GeoNames cities >= 500 inhabitants, ~5.7k smaller US towns from the ZIP code list with
population 0, countries, continents, first-level divisions, US counties) from `data/places.tsv.gz` (built by
training/geo_build_index.py), plus hand-written regions (`regions.tsv`), news usage and landmarks (`news_names.tsv`),
short forms and nicknames (`aliases.tsv`), US state abbreviations (`us_states.tsv`) and the actor knowledge base's
country names and demonyms.

Names are looked up in folded form (`fold`: lower case, no accents, no dots, hyphens as spaces), so "São Paulo",
"Sao Paulo" and "SAO PAULO" meet. Loaded once per process, lazily; columns are plain lists (no numpy needed): the
whole load takes about half a second.
"""

from __future__ import annotations

import gzip
import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from flashpoint import tsv

__all__ = ["Gazetteer", "Place", "fold", "load", "distance_km"]

PCLI, CONT, RGN, SEA, ADM1, ADM2, PPL, PPLC = "PCLI", "CONT", "RGN", "SEA", "ADM1", "ADM2", "PPL", "PPLC"
LMK = "LMK"  # a landmark or seat of government (news_names.tsv)
PRECISION = {PCLI: "country", CONT: "continent", RGN: "region", SEA: "region", ADM1: "admin1", ADM2: "admin2",
             PPL: "city", PPLC: "city", LMK: "landmark"}

_DASHES = re.compile(r"[-‐‑–_/]")
_DROP = re.compile(r"[.'’‘ʻʼʿʾ`]")
_FOLD_CACHE: dict[str, str] = {}


def fold(s: str) -> str:
    """Lower case, accents, dots and apostrophes dropped, hyphens and slashes as spaces: the form names are compared
    in ("N’Djamena" = "Ndjamena", "‘Afrīn" = "Afrin", "U.S." = "US")."""
    r = _FOLD_CACHE.get(s)
    if r is None:
        t = s
        if not t.isascii():
            t = unicodedata.normalize("NFKD", t)
            t = "".join(c for c in t if not unicodedata.combining(c))
        t = _DASHES.sub(" ", _DROP.sub("", t))
        r = " ".join(t.lower().split())
        if len(_FOLD_CACHE) < 200_000:
            _FOLD_CACHE[s] = r
    return r


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer row. `geonameid` is None for places the sources give no GeoNames id (regions, most provinces)."""

    row: int
    geonameid: int | None
    name: str
    feature: str
    country: str | None  # ISO3
    admin1: str | None
    lat: float
    lon: float
    population: int

    @property
    def precision(self) -> str:
        return PRECISION.get(self.feature, "city")


@dataclass(slots=True)
class Gazetteer:
    """Rows stay raw TSV lines until asked for (`place`), and the name index maps folded names to raw strings of row
    numbers, parsed on first lookup: that keeps loading to a few C-level splits."""

    lines: list[str] = field(default_factory=list)
    index: dict[str, str] = field(default_factory=dict)  # folded name -> "3,17,-42" (-(row+1): alternative name)
    extra: dict[str, list[int]] = field(default_factory=dict)  # names added at load (regions, knowledge base)
    demonyms: dict[str, int] = field(default_factory=dict)  # folded demonym -> row
    country_row: dict[str, int] = field(default_factory=dict)  # ISO3 -> its PCLI row
    admin1_row: dict[tuple[str, str], int] = field(default_factory=dict)  # (ISO3, folded admin1) -> row
    us_postal: dict[str, int] = field(default_factory=dict)  # "VA" -> Virginia's row
    prefer: dict[str, tuple[str, str, frozenset[str]]] = field(default_factory=dict)  # name -> (entry, ISO3, unless)
    ap_keys: set[str] = field(default_factory=set)  # folded AP abbreviations ("va"): a place only with their dot
    common: dict[str, float] = field(default_factory=dict)  # folded one-word names that are frequent English words
    abbrevs: dict[str, str] = field(default_factory=dict)  # folded "st" -> "saint" (name_abbrevs.tsv)
    _places: dict[int, Place] = field(default_factory=dict)
    _lookups: dict[str, list[int]] = field(default_factory=dict)

    def place(self, row: int) -> Place:
        p = self._places.get(row)
        if p is None:
            gid, name, feat, cc, a1, lat, lon, pop = self.lines[row].split("\t")
            g = int(gid)
            p = Place(row, g if 0 < g < 900_000_000 else None, name, feat, cc or None, a1 or None, float(lat),
                      float(lon), int(pop))
            self._places[row] = p
        return p

    def rows(self, key: str) -> list[int]:
        """Rows under a folded name (primary names as row, alternative names as -(row + 1)); a name with an
        abbreviated word the gazetteer lacks ("bay st louis") under the word written out ("bay saint louis")."""
        r = self._lookups.get(key)
        if r is None:
            if key not in self.index and key not in self.extra and (full := self.expand(key)) is not None:
                r = self.rows(full)
                self._lookups[key] = r
                return r
            raw = self.index.get(key)
            r = [int(x) for x in raw.split(",")] if raw else []
            ext = self.extra.get(key, ())
            if ext:  # a name added at load is a primary name of its row, even where GeoNames lists it as another
                r = [-x - 1 if x < 0 and -x - 1 in ext else x for x in r]
                r = r + [x for x in ext if x not in r]
            self._lookups[key] = r
        return r

    def has(self, key: str) -> bool:
        if key in self.index or key in self.extra:
            return True
        full = self.expand(key)
        return full is not None and (full in self.index or full in self.extra)

    def expand(self, key: str) -> str | None:
        """The folded name with its abbreviated words written out ("mt vernon" -> "mount vernon"), or None when it
        has none."""
        if not self.abbrevs or " " not in key:
            return None
        words = key.split(" ")
        if not any(w in self.abbrevs for w in words[:-1]):
            return None
        return " ".join(self.abbrevs.get(w, w) if k < len(words) - 1 else w for k, w in enumerate(words))

    def lookup(self, name: str) -> list[int]:
        return self.rows(fold(name))

    def add_row(self, gid: int, name: str, feature: str, cc: str, lat: float, lon: float) -> int:
        self.lines.append(f"{gid}\t{name}\t{feature}\t{cc}\t\t{lat}\t{lon}\t0")
        return len(self.lines) - 1

    def add_name(self, key: str, row: int) -> None:
        if key:
            rows = self.extra.setdefault(key, [])
            if row not in rows:
                rows.append(row)


@cache
def load() -> Gazetteer:
    """The gazetteer, built once per install and kept prepared on disk (`flashpoint.prepared`): loading it then takes
    half the time of building it (~0.3 s), which is most of a one-sentence `flashpoint code`."""
    from flashpoint import prepared

    return prepared.load("gazetteer", _build, also=("geo/data", "knowledge"))


def _build() -> Gazetteer:
    g = Gazetteer()
    raw = gzip.decompress(resources.files(__package__).joinpath("data/places.tsv.gz").read_bytes()).decode("utf-8")
    head, rest = raw.split("\n##keys\n", 1)
    keys, vals = rest.split("\n##rows\n", 1)
    g.lines = head.split("\n")[1:]  # first line: the header comment
    g.index = dict(zip(keys.split("\n"), vals.rstrip("\n").split("\n"), strict=True))
    for row, line in enumerate(g.lines):  # countries, divisions and continents come first in the file
        feat = line.split("\t", 3)[2]
        if feat == PCLI:
            g.country_row[g.place(row).country or ""] = row
        elif feat == ADM1:
            p = g.place(row)
            g.admin1_row.setdefault((p.country or "", fold(p.name)), row)
        elif feat != CONT:
            break

    for name, alts, feat, cc, lat, lon, dems in tsv.rows(__package__, "regions.tsv", header=True):
        existing = [r for r in g.rows(fold(name)) if r >= 0 and g.place(r).feature == feat]
        row = existing[0] if existing else g.add_row(900_000_000 + len(g.lines), name, feat, cc, float(lat),
                                                     float(lon))
        g.add_name(fold(name), row)
        for a in filter(None, alts.split("|")):
            g.add_name(fold(a), row)
        for d in filter(None, dems.split("|")):
            g.demonyms[fold(d)] = row

    for kind, name, entry, cc, lat, lon, unless, _why in tsv.rows(__package__, "news_names.tsv", header=True):
        if kind == "prefer":
            g.prefer[fold(name)] = (fold(entry), cc, frozenset(unless.split("|")) - {""})
        else:
            g.add_name(fold(name), g.add_row(900_000_000 + len(g.lines), name, LMK, cc, float(lat), float(lon)))

    for name, postal, ap in tsv.rows(__package__, "us_states.tsv", header=True):
        row = g.admin1_row.get(("USA", fold(name)))
        if row is None:
            continue
        g.us_postal[postal] = row
        if ap:
            g.add_name(fold(ap), row)
            g.ap_keys.add(fold(ap))

    for alias, name, cc, admin1, _why in tsv.rows(__package__, "aliases.tsv", header=True):
        for r in g.rows(fold(name)):
            if r >= 0 and g.place(r).country == cc and fold(g.place(r).admin1 or "") == fold(admin1):
                g.add_name(fold(alias), r)
                break

    for abbrev, full, _why in tsv.rows(__package__, "name_abbrevs.tsv", header=True):
        g.abbrevs[fold(abbrev)] = fold(full)
    _add_knowledge(g)
    for k, z in tsv.rows(__package__, "data/common_words.tsv"):
        g.common[k] = float(z)
    g._lookups.clear()
    return g


def _add_knowledge(g: Gazetteer) -> None:
    """Country names, alternative names ("UK", "DRC") and demonyms from the actor knowledge base."""
    from flashpoint.knowledge import COUNTRY, DEMONYM
    from flashpoint.knowledge import load as load_kb

    kb = load_kb()
    for phrase, entry in kb.proper.items():
        if entry.kind not in (COUNTRY, DEMONYM) or not entry.id or not entry.id.startswith("country:"):
            continue
        iso3 = entry.id.split(":", 1)[1]
        row = g.country_row.get(iso3)
        if row is None:
            continue
        if entry.kind == COUNTRY:
            if any(r >= 0 and g.place(r).feature == ADM1 for r in g.rows(fold(phrase))):
                continue  # "Wales", "Scotland": the division, not the state they belong to
            g.add_name(fold(phrase), row)
        else:
            g.demonyms.setdefault(fold(phrase), row)
