"""The actor knowledge base: its data files are well-formed and its lookups mean what they say."""

from __future__ import annotations

import re

import pytest

from flashpoint import tsv
from flashpoint.knowledge import (
    CAPITAL,
    COUNTRY,
    DEMONYM,
    ORG,
    PERSON,
    PLACE,
    SEAT,
    key,
    load,
    tokens,
)


def _rows(name: str, width: int) -> list[list[str]]:
    """A knowledge file's rows as the knowledge base reads them (its first non-comment line is a header)."""
    return tsv.rows("flashpoint.knowledge", name, header=True, width=width, extra="drop")


# PLOVER manual sector codes, plus IGO/NGO used for international bodies and "-" for none.
SECTORS = {"COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM", "CVL",
           "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC", "IGO", "NGO"}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture(scope="module")
def kb():
    return load()


def test_tokens_keep_abbreviations_hyphens_and_possessives_together():
    assert tokens("U.S. troops") == ["U.S.", "troops"]
    assert tokens("al-Shabaab fighters") == ["al-Shabaab", "fighters"]
    assert tokens("Israel's army, N'Djamena.") == ["Israel's", "army", ",", "N'Djamena", "."]
    assert key("Côte  d'Ivoire") == "Côte d'Ivoire"


def test_country_table_covers_the_iso_list_and_folds_dependencies(kb):
    rows = _rows("countries.tsv", 8)
    iso = [r[0] for r in rows]
    assert len(iso) == len(set(iso)) >= 249
    for iso3, code, name, *_ in rows:
        assert re.fullmatch(r"[A-Z]{3}", iso3) and re.fullmatch(r"[A-Z]{3}", code), (iso3, code)
        assert code in kb.countries and kb.countries[code].code == code, f"{iso3} folds into unknown {code}"
        assert name
    assert kb.countries["PRI"].code == "USA"  # Puerto Rico folds into the United States
    assert kb.countries["GRL"].code == "DNK"
    assert kb.countries["HKG"].code == "HKG"  # one of the manual's exceptions
    assert kb.countries["ESH"].code == "MAR" and kb.countries["ESH"].sector == "PRE"


def test_names_demonyms_and_capitals_are_indexed(kb):
    assert kb.proper["Ivory Coast"].code == "CIV"
    assert kb.proper["DRC"].code == "COD"
    assert kb.proper["Burma"].code == "MMR"
    assert kb.proper[key("U.K.")].code == "GBR"
    assert kb.proper["Britain"].kind == COUNTRY
    assert kb.proper["Congolese"].kind == DEMONYM and kb.proper["Congolese"].code == "COD"
    assert kb.proper["Nigerian"].code == "NGA"
    moscow = kb.proper["Moscow"]
    assert moscow.kind == CAPITAL and moscow.code == "RUS" and moscow.sector == "GOV"
    assert kb.proper["Kremlin"].kind == SEAT and kb.proper["Pentagon"].sector == "MIL"
    assert kb.proper["Lagos"].kind == PLACE and kb.proper["Lagos"].code == "NGA"


def test_case_matters_for_proper_names(kb):
    assert kb.proper["US"].code == "USA"
    assert "us" not in kb.proper and "may" not in kb.proper and "will" not in kb.proper


def test_ambiguous_capitals_are_recorded_but_not_matched(kb):
    seychelles = next(r for r in _rows("countries.tsv", 8) if r[0] == "SYC")
    assert "~Victoria" in seychelles[5]
    assert "Victoria" not in kb.proper
    assert "Kingston" not in kb.proper


def test_international_bodies_and_armed_groups(kb):
    assert kb.proper["UN"].code == "IGO" and kb.proper["NATO"].code == "IGO"
    assert kb.proper["ICC"].sector == "JUD"
    msf = kb.proper["Doctors Without Borders"]
    assert msf.code is None and msf.sector == "NGO"
    assert kb.proper["al-Shabaab"].code == "SOM" and kb.proper["al-Shabaab"].sector == "REB"
    assert kb.proper["Houthis"].code == "YEM"
    assert kb.proper["Abkhazia"].sector == "PRE" and kb.proper["Abkhazia"].code == "GEO"


def test_organisation_sectors_change_with_the_date(kb):
    taliban = kb.proper["Taliban"]
    assert taliban.kind == ORG
    assert taliban.sector_at("2015-06-01") == "REB"
    assert taliban.sector_at("2022-06-01") == "GOV"
    assert taliban.sector_at(None) == "GOV"


def test_office_holders_resolve_by_date(kb):
    putin = kb.proper["Putin"]
    assert putin.kind == PERSON
    person = putin.persons[0]
    assert person.at("2010-01-01") == ("RUS", "GOV")  # prime minister
    assert person.at("1999-01-01") == ("RUS", "SPY")  # FSB director
    assert person.at("1990-01-01") == ("RUS", None)  # before any office
    trump = kb.proper["Trump"].persons[0]
    assert trump.at("2019-04-01") == ("USA", "GOV")
    assert trump.at("2022-04-01") == ("USA", "ELI")
    assert kb.persons["obama"].at(None) == ("USA", "ELI")  # no date: as things stand after the last term
    assert kb.holder("FRA", "president", "2020-01-01").name == "Emmanuel Macron"
    assert kb.holder("GBR", "prime minister", "2023-01-01").name == "Rishi Sunak"
    assert kb.holder("FRA", "president", "1950-01-01") is None


def test_shared_surnames_keep_every_person(kb):
    clinton = kb.proper["Clinton"]
    assert {p.id for p in clinton.persons} == {"bclinton", "hclinton"}


def test_sector_codes_and_dates_in_the_data_files_are_valid():
    for phrase, sector, role in _rows("sectors.tsv", 3):
        assert phrase == phrase.lower(), phrase
        assert sector in SECTORS | {"-"}, (phrase, sector)
        assert role in {"noun", "title", "ctitle", "weak", "filler", "former"}, (phrase, role)
    kinds = {"igo", "ngo", "armed", "party", "agency", "media", "business", "seat", "region", "block", "people"}
    for oid, name, _aliases, country, sector, kind, changes in _rows("organisations.tsv", 7):
        assert name and kind in kinds, (oid, kind)
        assert sector in SECTORS | {""}, (oid, sector)
        assert country == "" or re.fullmatch(r"[A-Z]{3}", country), (oid, country)
        for change in filter(None, changes.split(";")):
            since, new = change.split(":")
            assert DATE.match(since) and new in SECTORS, (oid, change)
    for pid, name, _aliases, country, sector, office, start, end in _rows("officeholders.tsv", 8):
        assert name and re.fullmatch(r"[A-Z]{3}", country) and sector in SECTORS, (pid, country, sector)
        assert office and office == office.lower(), (pid, office)
        assert DATE.match(start), (pid, start)
        assert end == "" or (DATE.match(end) and start < end), (pid, start, end)


def test_local_sectors_override_by_country_only():
    from flashpoint.knowledge import load

    kb = load()
    assert kb.local_sector("security forces", "IND", "MIL") == "COP"
    assert kb.local_sector("Security Forces", "IND", "MIL") == "COP"
    assert kb.local_sector("security forces", "IRQ", "MIL") == "MIL"
    assert kb.local_sector("army security forces", "IND", "MIL") == "MIL"
    assert kb.local_sector("security forces", None, "MIL") == "MIL"
