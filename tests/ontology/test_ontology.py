"""Tests for flashpoint.ontology. Line numbers refer to PLOVER_MANUAL.tex (openeventdata/PLOVER @ 5e0c24f)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from flashpoint import ontology as o

MANUAL = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "plover" / "PLOVER_MANUAL.tex"


def test_event_types_in_manual_order():
    assert len(o.EVENT_TYPES) == 16
    assert o.EVENT_TYPES[0] == "AGREE" and o.EVENT_TYPES[-1] == "ASSAULT"
    assert o.EVENT_TYPES[:4] == ("AGREE", "CONSULT", "SUPPORT", "CONCEDE")
    assert len(set(o.EVENT_TYPES)) == 16


def test_every_type_has_quad_score_and_cameo():
    for t in o.EVENT_TYPES:
        assert o.quad_class(t) in o.QUAD_CLASSES
        s = o.score(t)
        assert isinstance(s, o.Score)
        assert re.fullmatch(r"\d{3,4}", s.cameo)
        assert o.goldstein(s.cameo) == s.goldstein
        assert -10 <= s.intensity <= 10


def test_quad_classes_from_type_sections():
    assert o.quad_class("CONCEDE") == "verbal_cooperation"  # line 460
    assert o.quad_class("RETREAT") == "material_cooperation"  # line 566
    assert o.quad_class("THREATEN") == "verbal_conflict"  # line 736
    assert o.quad_class("SANCTION") == "material_conflict"  # line 829 (summary table at 1674 disagrees)
    assert [o.quad_code(t) for t in ("AGREE", "AID", "ACCUSE", "ASSAULT")] == [1, 2, 3, 4]


def test_requires_recipient():
    # "Requires recipient: Yes" only for COOPERATE (487), AID (512), SANCTION (798)
    assert {t for t in o.EVENT_TYPES if o.requires_recipient(t)} == {"COOPERATE", "AID", "SANCTION"}


def test_modes_match_manual_tables():
    # PROTEST modes table (lines ~768-777) and ASSAULT modes table (lines ~962-980, commented rows excluded)
    assert o.modes("PROTEST") == ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize")
    assert o.modes("ASSAULT") == (
        "abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms", "explosives",
        "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control", "unconventional",
    )
    assert o.modes("REQUEST") == o.modes("REJECT") == ("assist", "change", "yield", "meet")  # shared tables
    assert o.modes("AGREE") == () and o.modes("AID") == ()
    assert "cleansing" not in o.modes("ASSAULT")  # commented out in the manual


def test_every_mode_resolves():
    for t in o.EVENT_TYPES:
        for m in o.modes(t):
            assert o.is_valid(t, m)
            s = o.score(t, m)
            assert o.goldstein(s.cameo) == s.goldstein
            assert o.describe(t, m) != o.describe(t)


def test_unknown_or_missing_mode_falls_back_to_type_default():
    assert o.score("ASSAULT", "spaceship") == o.score("ASSAULT") == o.score("ASSAULT", None)
    assert o.score("PROTEST", "") == o.score("PROTEST")
    assert o.score("AGREE", "visit") == o.score("AGREE")
    assert not o.is_valid("ASSAULT", "spaceship")
    assert not o.is_valid("AGREE", "visit")


def test_exact_scores_from_manual_table():
    assert o.score("AGREE").intensity == 2.5  # line 308: AGREE & 2.5
    assert o.score("CONSULT", "visit").intensity == 4  # line 310: CONSULT: Visit & 4
    assert o.score("COERCE", "martial-law").intensity == -7.5  # line 313: COERCE: Martial-law & -7.5
    assert o.score("RETREAT", "disarm").intensity == 10  # line 321: RETREAT: Disarm & 10
    assert o.score("PROTEST", "riot").intensity == -7  # line 322: PROTEST: Riot & -7
    assert o.score("REQUEST", "change").intensity == -1  # line 327: REQUEST: Change & -1
    assert o.score("SANCTION", "expel").intensity == -5.5  # line 329: SANCTION: Expel & -5.5
    assert o.score("ASSAULT", "crowd-control").intensity == -7.5  # line 333: ASSAULT: Crowd-control & -7.5
    assert o.score("ASSAULT", "unconventional").intensity == -10  # line 334: ASSAULT: Unconventional & -10
    # line 330 prints "ACCUSE & 3": a lost minus sign, stored as -3 (see modes.tsv)
    assert o.score("ACCUSE").intensity == -3


def test_nearest_cameo_codes():
    # DESIGN.md example: police tear gas -> ASSAULT crowd-control, CAMEO 175, Goldstein -9.0
    assert o.score("ASSAULT", "crowd-control") == o.Score(-7.5, "175", -9.0)
    assert o.score("COERCE", "arrest").cameo == "173"
    assert o.score("PROTEST", "demo").cameo == "141"
    assert o.score("CONSULT", "phone").cameo == "041"
    assert o.score("ASSAULT", "suicide-attack").cameo == "1831"


def test_goldstein_values():
    # published CAMEO Goldstein weights
    assert o.goldstein("0874") == 10.0
    assert o.goldstein("1823") == -10.0
    assert o.goldstein("042") == 1.9
    assert o.goldstein("163") == -8.0
    assert o.goldstein("04") == 1.0
    assert o.goldstein("176") == o.goldstein("17")  # unlisted code takes its parent's weight
    with pytest.raises(ValueError):
        o.goldstein("99")
    with pytest.raises(ValueError):
        o.goldstein("abc")


def test_goldstein_range_and_signs():
    for t in o.EVENT_TYPES:
        for m in (None, *o.modes(t)):
            s = o.score(t, m)
            assert -10 <= s.goldstein <= 10
            assert -10 <= s.intensity <= 10
            if o.quad_class(t).endswith("conflict"):
                assert s.goldstein < 0, (t, m)
            else:
                assert s.goldstein > 0, (t, m)
            if o.quad_class(t) == "material_conflict":
                assert s.intensity < 0, (t, m)


def test_cameo_table_translations_are_valid_plover():
    assert o.from_cameo("010") is None  # statements are dropped in PLOVER
    assert o.from_cameo("0211") is None  # appeals are dropped
    assert o.from_cameo("0874") == ("RETREAT", "withdraw")
    assert o.from_cameo("163") == ("SANCTION", "discontinue")
    assert o.from_cameo("193") == ("ASSAULT", "firearms")
    assert o.cameo("1722").description.startswith("Ban political")
    for code, entry in o._load().cameo.items():
        assert -10 <= entry.goldstein <= 10, code
        if entry.event_type is not None:
            assert o.is_valid(entry.event_type, entry.mode), code


def test_cameo_root():
    assert o.cameo_root("0874") == "08"
    assert o.cameo_root("175") == "17"
    assert o.cameo_root("20") == "20"
    with pytest.raises(ValueError):
        o.cameo_root("7")


def test_acled_crosswalk():
    valid = {(ev, sub) for ev, subs in o.ACLED_TYPES.items() for sub in subs}
    assert set(o.ACLED_TYPES) == {
        "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
        "Strategic developments",
    }
    for t in o.EVENT_TYPES:
        for m in (None, *o.modes(t)):
            for one_sided in (None, True, False):
                got = o.acled(t, m, one_sided=one_sided)
                assert got is None or got in valid, (t, m, got)
    assert o.acled("PROTEST", "demo") == ("Protests", "Peaceful protest")
    assert o.acled("PROTEST", "riot") == ("Riots", "Violent demonstration")
    assert o.acled("ASSAULT", "explosives")[0] == "Explosions/Remote violence"
    assert o.acled("ASSAULT", "firearms") == ("Battles", "Armed clash")
    assert o.acled("ASSAULT", "firearms", one_sided=True) == ("Violence against civilians", "Attack")
    assert o.acled("COERCE", "arrest") == ("Strategic developments", "Arrests")
    assert o.acled("COERCE", "censor") is None  # valid mode, no ACLED equivalent
    for t in ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN"):
        assert all(o.acled(t, m) is None for m in (None, *o.modes(t)))


def test_to_plv_root():
    assert o.to_plv_root("CONCEDE") == "YIELD"
    assert o.to_plv_root("RETREAT") == "YIELD"
    assert o.to_plv_root("ASSAULT") == "ASSAULT"
    assert {o.to_plv_root(t) for t in o.EVENT_TYPES} >= {"YIELD", "AGREE"} and len(
        {o.to_plv_root(t) for t in o.EVENT_TYPES}) == 15


def test_case_insensitive_and_unknown_types():
    assert o.score("assault", "Firearms") == o.score("ASSAULT", "firearms")
    assert o.quad_class(" protest ") == "material_conflict"
    assert o.is_valid("coerce", "MARTIAL-LAW")
    assert not o.is_valid("FIGHT")
    assert not o.is_valid("")
    with pytest.raises(ValueError):
        o.score("FIGHT")
    with pytest.raises(ValueError):
        o.modes("YIELD")


def test_normalize_legacy_labels():
    assert o.normalize("FIGHT", "heavy-weapons") == ("ASSAULT", "heavy-weapons")
    assert o.normalize("FIGHT", "assassinate") == ("ASSAULT", "targeted")
    assert o.normalize("DEMAND") == ("REQUEST", None)
    assert o.normalize("INVESTIGATE") == ("ACCUSE", "investigate")
    assert o.normalize("PROTEST", "strike-hun") == ("PROTEST", "hunger")
    assert o.normalize("ASSAULT", "PRIMATIVE") == ("ASSAULT", "primitive")
    assert o.normalize("COERCE", "destroy") == ("ASSAULT", "destroy")
    assert o.normalize("CONSULT", "host") == ("CONSULT", "visit")
    assert o.normalize("RETREAT", "return") == ("RETREAT", None)
    assert o.normalize("ASSAULT", "nonsense") == ("ASSAULT", None)
    assert o.normalize("COOPERATE", "") == ("COOPERATE", None)
    assert o.normalize("YIELD") is None  # ambiguous: CONCEDE or RETREAT
    assert o.normalize("GIBBERISH") is None


def test_contexts():
    assert len(o.CONTEXTS) == 37
    for c in ("political_institutions", "human_rights", "pro_democracy", "cbrn", "illegal_drugs", "military"):
        assert c in o.CONTEXTS
    assert all(re.fullmatch(r"[a-z]+(_[a-z]+)*", c) for c in o.CONTEXTS)
    assert "negation" not in o.CONTEXTS and "negation" in o.AUXILIARY_MODES
    assert "nuclear" in o.context_description("cbrn")
    with pytest.raises(ValueError):
        o.context_description("weather")


def test_implied_contexts():
    assert o.implied_contexts("COERCE", "cyber") == ("cyber",)
    assert o.implied_contexts("COERCE", "misinformation") == ("misinformation",)
    assert o.implied_contexts("ASSAULT", "unconventional") == ("cbrn",)
    assert o.implied_contexts("ASSAULT", "firearms") == ()
    implied = {c for t in o.EVENT_TYPES for m in o.modes(t) for c in o.implied_contexts(t, m)}
    assert implied <= set(o.CONTEXTS)


def test_sectors():
    for code in ("GOV", "MIL", "COP", "REB", "OPP", "CVL", "BUS", "MED", "EDU", "JUD", "LEG", "REL", "SPY",
                 "PTY", "LAB", "REF", "PRM", "UAF", "UNK", "JRN", "ELI", "CRM", "AGR", "PRE", "SOC"):
        assert code in o.SECTORS, code
    assert len(o.SECTORS) == 25
    assert "health" in o.SECTORS["MED"]
    assert set(o.INTERNATIONAL_ACTORS) == {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}
    assert o.normalize_sector("CVLalb") == "CVL"
    assert o.normalize_sector("CIV") == "CVL"
    assert o.normalize_sector("INS") == "REB"
    assert o.normalize_sector("gov") == "GOV"
    assert o.normalize_sector("***") is None
    assert o.normalize_sector(None) is None


def test_lazy_constants_and_unknown_attribute():
    with pytest.raises(AttributeError):
        o.NOT_A_THING  # noqa: B018
    from flashpoint.ontology import EVENT_TYPES, SECTORS

    assert EVENT_TYPES is o.EVENT_TYPES
    SECTORS["ZZZ"] = "mutating the copy"
    assert "ZZZ" not in o.SECTORS


@pytest.mark.skipif(not MANUAL.exists(), reason="../shared/data not found")
def test_scores_match_manual_table_exactly():
    """Every "CATEGORY[: Mode] & score" cell of the manual's score table (lines 306-335) is in modes.tsv."""
    text = MANUAL.read_text(encoding="utf-8")
    # the last copy of the caption: an older, commented-out version of the table comes first
    table = text[text.rindex("\\caption{PLOVER conflict--cooperation scores}"):]
    table = table[: table.index("\\end{tabular}")].replace("\\cellcolor{gray!25}", "")
    cells = re.findall(r"([A-Z]+)(?::\s*([A-Za-z-]+))?\s*&\s*(-?\d+(?:\.\d+)?)", table)
    assert len(cells) >= 80
    for event, mode, value in cells:
        if event == "ACCUSE" and not mode:
            assert value == "3"  # the known typo, stored as -3
            continue
        mode = mode.lower() or None
        assert mode is None or mode in o.modes(event), (event, mode)
        assert o.score(event, mode).intensity == float(value), (event, mode)
