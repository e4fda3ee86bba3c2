"""The actors stage: mentions, their country and sector, and the story-level country fallback."""

from __future__ import annotations

import pytest

from flashpoint.extract.actors import ActorStage, dominant_country, find_actors, resolve
from flashpoint.records import Sentence, Story


def coded(text: str, date: str | None = None) -> list[tuple[str, str | None, str | None]]:
    actors = find_actors(text, date)
    for a in actors:
        assert text[a.start:a.end] == a.text  # offsets slice back to the text
    assert [a.start for a in actors] == sorted(a.start for a in actors)
    assert all(a.end <= b.start for a, b in zip(actors, actors[1:], strict=False))  # no overlaps
    return [(a.text, a.country, a.sector) for a in actors]


def story(*sentences: str, date: str | None = None) -> Story:
    text = " ".join(sentences)
    sents, pos = [], 0
    for i, s in enumerate(sentences):
        sents.append(Sentence(text=s, index=i, start=pos))
        pos += len(s) + 1
    return Story(id="t", text=text, date=date, sentences=sents)


# ---------------------------------------------------------------- countries, demonyms, capitals

def test_country_names_and_aliases():
    assert coded("Britain and the Ivory Coast signed a trade pact with the DRC.") == [
        ("Britain", "GBR", None), ("Ivory Coast", "CIV", None), ("DRC", "COD", None)]
    assert coded("Burma rejected the U.S. demand.") == [("Burma", "MMR", None), ("U.S.", "USA", None)]


def test_demonym_with_sector_noun_is_one_mention():
    assert coded("Kenyan police fired tear gas.") == [("Kenyan police", "KEN", "COP")]
    assert coded("The Nigerian army said it had retaken the town.") == [("Nigerian army", "NGA", "MIL")]
    assert coded("Israeli forces withdrew.") == [("Israeli forces", "ISR", "MIL")]
    assert coded("Congolese soldiers clashed with Rwandan troops.") == [
        ("Congolese soldiers", "COD", "MIL"), ("Rwandan troops", "RWA", "MIL")]


def test_fillers_between_modifier_and_head():
    assert coded("Kenyan riot police dispersed the crowd.")[0] == ("Kenyan riot police", "KEN", "COP")
    assert coded("Senior Egyptian officials arrived.") == [("Egyptian officials", "EGY", "GOV")]


def test_possessive_country_modifier():
    assert coded("Russia's defence ministry said drones were downed.")[0] == (
        "Russia's defence ministry", "RUS", "GOV")
    # the possessive alone: the mention stops before the 's
    assert coded("Ukraine's allies met.")[0] == ("Ukraine", "UKR", None)


def test_capitals_are_governments_unless_they_are_places():
    assert coded("Moscow warned Kyiv against new strikes.") == [("Moscow", "RUS", "GOV"), ("Kyiv", "UKR", "GOV")]
    assert coded("The talks were held in Moscow.") == []
    assert coded("Talks moved to Beijing and later returned from Tehran.") == []
    assert coded("Fighting continued in northern Syria.") == []
    assert coded("Washington imposed sanctions on Caracas.") == [
        ("Washington", "USA", "GOV"), ("Caracas", "VEN", "GOV")]


def test_seats_of_government():
    assert coded("The Kremlin denied the report.") == [("Kremlin", "RUS", "GOV")]
    assert coded("The Pentagon confirmed the strike.") == [("Pentagon", "USA", "MIL")]
    assert coded("Reporters waited at the White House.") == [("Reporters", None, "JRN")]


def test_cities_modify_but_are_not_actors():
    assert coded("Shanghai police detained two men.")[0] == ("Shanghai police", "CHN", "COP")
    assert coded("Protests spread to Lagos.") == []


# ---------------------------------------------------------------- organisations and people

def test_international_bodies():
    assert coded("The UN Security Council and NATO condemned the attack.") == [
        ("UN Security Council", "IGO", "IGO"), ("NATO", "IGO", "MIL")]
    assert coded("The ICC issued a warrant.") == [("ICC", "IGO", "JUD")]
    assert coded("UN peacekeepers were deployed.") == [("UN peacekeepers", "IGO", "MIL")]


def test_ngos_have_no_country():
    assert coded("Amnesty International and Doctors Without Borders appealed for access.") == [
        ("Amnesty International", None, "NGO"), ("Doctors Without Borders", None, "NGO")]


def test_armed_groups_and_their_members():
    assert coded("Al-Shabaab claimed the attack.") == [("Al-Shabaab", "SOM", "REB")]
    assert coded("Boko Haram gunmen raided the village.")[0] == ("Boko Haram gunmen", "NGA", "REB")
    assert coded("M23 rebels advanced on Goma.") == [("M23 rebels", "COD", "REB")]
    assert coded("Hamas fighters fired at Israeli troops.") == [
        ("Hamas fighters", "PSE", "REB"), ("Israeli troops", "ISR", "MIL")]


def test_group_sector_follows_the_date():
    assert coded("The Taliban attacked a checkpoint.", "2015-03-01") == [("Taliban", "AFG", "REB")]
    assert coded("The Taliban banned the protest.", "2023-03-01") == [("Taliban", "AFG", "GOV")]


def test_titles_and_office_holders():
    assert coded("Russian President Vladimir Putin spoke.") == [("Russian President Vladimir Putin", "RUS", "GOV")]
    a = find_actors("Putin and Zelensky did not meet.")
    assert [(x.text, x.country, x.sector, x.name) for x in a] == [
        ("Putin", "RUS", "GOV", "Vladimir Putin"), ("Zelensky", "UKR", "GOV", "Volodymyr Zelensky")]
    assert coded("President Macron called Chancellor Scholz.", "2023-05-01") == [
        ("President Macron", "FRA", "GOV"), ("Chancellor Scholz", "DEU", "GOV")]
    assert coded("Trump said he would run.", "2022-06-01") == [("Trump", "USA", "ELI")]
    assert coded("Trump signed the order.", "2019-06-01") == [("Trump", "USA", "GOV")]


def test_unknown_person_after_a_title_is_one_mention():
    a = find_actors("Finance Minister Jane Kowalczyk resigned on Monday.")
    assert [(x.text, x.sector, x.name) for x in a] == [
        ("Finance Minister Jane Kowalczyk", "GOV", "Jane Kowalczyk")]


def test_former_officials_are_eli():
    assert coded("Former President Nazarbayev left the country.")[0] == (
        "Former President Nazarbayev", "KAZ", "ELI")
    assert coded("A former CIA official testified.")[0] == ("former CIA official", "USA", "ELI")
    assert coded("The ex-president was arrested.")[0][2] == "ELI"


def test_title_of_country_and_envoy_to_country():
    assert coded("The President of France arrived.") == [("President of France", "FRA", "GOV")]
    assert coded("Russia's ambassador to Poland was summoned.") == [
        ("Russia's ambassador to Poland", "RUS", "GOV")]


def test_country_title_finds_the_office_holder():
    a = find_actors("The French president spoke.", "2020-02-01")
    assert (a[0].country, a[0].sector, a[0].name) == ("FRA", "GOV", "Emmanuel Macron")


def test_named_group_in_apposition_is_one_mention():
    assert coded("Fighters of the rebel group M23 advanced.")[-1] == ("rebel group M23", "COD", "REB")
    a = find_actors("Somalia's Islamist group al-Shabaab claimed it.")
    assert [(x.text, x.country, x.sector, x.name) for x in a] == [
        ("Somalia's Islamist group al-Shabaab", "SOM", "REB", "al-Shabaab")]


def test_title_words_inside_a_name_stay_with_it():
    a = find_actors("Foreign Minister Julie Bishop said so.")
    assert [(x.text, x.sector, x.name) for x in a] == [("Foreign Minister Julie Bishop", "GOV", "Julie Bishop")]


def test_hyphenated_country_compounds():
    assert coded("The Saudi-led coalition and U.S.-led forces struck.") == [
        ("Saudi-led coalition", "SAU", "MIL"), ("U.S.-led forces", "USA", "MIL")]
    # the backer is not the actor: "U.N.-backed government" is no UN mention
    assert coded("The U.N.-backed government collapsed.") == [("government", None, "GOV")]
    assert coded("A Somalia-based paramilitary group attacked.")[0] == (
        "Somalia-based paramilitary group", "SOM", "PRM")


def test_generic_mention_borrows_the_country_named_after_it():
    assert coded("Police in Kenya arrested him.")[0] == ("Police", "KEN", "COP")
    assert coded("Refugees from Syria arrived.")[0] == ("Refugees", "SYR", "REF")
    assert coded("Troops from Iraq were withdrawn.")[0] == ("Troops", None, "MIL")  # where from, not whose


def test_capital_before_a_noun_is_a_place():
    assert coded("He lives in a Dhaka suburb.") == []
    assert coded("A Moscow court jailed him.")[0] == ("Moscow court", "RUS", "JUD")


# ---------------------------------------------------------------- sector nouns

@pytest.mark.parametrize("text,sector", [
    ("Police arrested him.", "COP"),
    ("Soldiers opened fire.", "MIL"),
    ("Protesters marched.", "CVL"),
    ("Opposition supporters gathered.", "OPP"),
    ("Rebels seized the town.", "REB"),
    ("Gunmen attacked the bus.", "UAF"),
    ("Officials said nothing.", "GOV"),
    ("The court rejected it.", "JUD"),
    ("Lawmakers voted.", "LEG"),
    ("Journalists were expelled.", "JRN"),
    ("Workers went on strike.", "LAB"),
    ("Refugees crossed the border.", "REF"),
    ("Farmers blocked roads.", "AGR"),
    ("Students occupied the campus.", "EDU"),
])
def test_sector_nouns_without_country(text, sector):
    [(_, country, got)] = coded(text)
    assert (country, got) == (None, sector)


def test_head_chains_take_the_stronger_head():
    assert coded("Army spokesman said.")[0][2] == "MIL"
    assert coded("Government troops advanced.")[0][2] == "MIL"
    assert coded("Police officers were injured.")[0][2] == "COP"


def test_attributive_nouns_and_places_are_not_mentions():
    assert coded("A military base was hit by a drone attack.") == []
    assert coded("He was held in police custody.") == []
    assert coded("He appeared in court on Monday.") == []


def test_ethnic_modifier_does_not_give_the_country():
    assert coded("Ethnic Albanians in Serbia protested.") == [("Ethnic Albanians", "SRB", "CVL")]
    assert coded("Ethnic Serbs protested.") == [("Ethnic Serbs", None, "CVL")]


# ---------------------------------------------------------------- false friends

def test_ordinary_words_are_not_actors():
    assert coded("It may rain and we will see; let us go.") == []
    assert coded("US officials said.") == [("US officials", "USA", "GOV")]
    assert coded("Thousands turned out for the general strike.") == []


def test_one_word_names_inside_longer_names_are_skipped():
    assert coded("Michael Jordan visited Amman.") == [("Amman", "JOR", "GOV")]
    assert coded("Iran Air cancelled flights; Melania Trump flew.") == []
    assert coded("Jordan closed its border.") == [("Jordan", "JOR", None)]


def test_headline_case_keeps_neighbouring_names():
    assert [a.country for a in find_actors("Russia Warns Ukraine Over Grain Deal")] == ["RUS", "UKR"]


def test_all_capitals_text():
    assert coded("TEHRAN REJECTS UN SECURITY COUNCIL DEMAND") == [
        ("TEHRAN", "IRN", "GOV"), ("UN SECURITY COUNCIL", "IGO", "IGO")]


def test_blocked_phrases_hide_country_words():
    assert coded("Leaders across Latin America met in the Indian Ocean state.") == []


# ---------------------------------------------------------------- the stage

def test_stage_fills_generic_mentions_with_the_dominant_country():
    s = story("Kenyan police fired tear gas at protesters in Nairobi.",
              "Police said 12 people were arrested.", date="2023-03-23")
    ActorStage()(s)
    assert [(a.text, a.country, a.sector) for a in s.sentences[0].actors] == [
        ("Kenyan police", "KEN", "COP"), ("protesters", "KEN", "CVL")]
    assert [(a.text, a.country) for a in s.sentences[1].actors] == [("Police", "KEN"), ("people", "KEN")]


def test_stage_leaves_country_empty_when_the_story_names_none():
    s = story("Police fired tear gas at protesters.")
    ActorStage()(s)
    assert [(a.text, a.country) for a in s.sentences[0].actors] == [("Police", None), ("protesters", None)]


def test_stage_does_not_give_ngos_or_named_groups_a_country():
    s = story("Amnesty International said Kenyan police and Islamic State fighters committed abuses.")
    ActorStage()(s)
    got = {a.text: a.country for a in s.sentences[0].actors}
    assert got == {"Amnesty International": None, "Kenyan police": "KEN", "Islamic State fighters": None}


def test_stage_skips_sentences_marked_skip():
    s = story("Photo: Reuters/Russian soldiers.", "Police said nothing.")
    s.sentences[0].skip = "photo credit"
    ActorStage()(s)
    assert s.sentences[0].actors == []
    assert s.sentences[1].actors[0].country is None  # the skipped sentence gives no evidence


def test_stage_name():
    assert ActorStage.name == "actors"


def test_dominant_country_ties_go_to_the_first_named():
    assert dominant_country(["UGA", "KEN", "KEN", "UGA"]) == "UGA"
    assert dominant_country(["UGA", "KEN", "KEN"]) == "KEN"
    assert dominant_country([]) is None


def test_resolve_reads_a_short_phrase():
    a = resolve("Militants loyal to Iraq's al-Qaeda frontman")
    assert (a.country, a.sector) == ("IRQ", "REB")
    assert resolve("a cat named Frank") is None
    b = resolve("Canadian Ambassador to the United Nations")
    assert (b.country, b.sector) == ("CAN", "GOV")


def test_a_city_police_name_takes_the_storys_country():
    """"Metropolitan Police" is London's, Tokyo's and Bangkok's: the story decides, not the dictionary."""
    import flashpoint

    for text, country in [("Protests continued in Bangkok. The Metropolitan Police arrested 12 protesters.", "THA"),
                          ("Riots broke out in London. The Metropolitan Police arrested 12 people.", "GBR")]:
        (arrest,) = [e for e in flashpoint.code(text, model="rules") if e.event_type == "COERCE"]
        assert [a.country for a in arrest.actor] == [country]


@pytest.mark.parametrize("text,mention,country,sector", [
    ("The Michigan Department of Environmental Quality ordered the firm to stop.",
     "Michigan Department of Environmental Quality", "USA", "GOV"),
    ("The National Commission for Human Rights condemned the arrests.", "National Commission for Human Rights",
     None, "GOV"),
    ("The Munich Regional Court convicted the bank.", "Munich Regional Court", "DEU", "JUD"),
    ("The Russian Investigative Committee opened a case.", "Russian Investigative Committee", "RUS", "GOV"),
])
def test_named_public_bodies_outside_the_dictionaries_are_actors(text, mention, country, sector):
    (body,) = [a for a in find_actors(text) if a.text == mention]
    assert (body.country, body.sector) == (country, sector)


def test_dictionary_names_win_over_the_institution_pattern():
    found = [(a.text, a.country) for a in find_actors("The UN Security Council met.")]
    assert found == [("UN Security Council", "IGO")]


def test_a_country_in_the_name_of_a_sea_is_a_place():
    assert [a.text for a in find_actors("Iran seized an oil tanker in the Gulf of Oman.")] == ["Iran"]
    assert [a.text for a in find_actors("Oman condemned the seizure.")] == ["Oman"]


def test_an_unknown_acronym_in_subject_position_is_an_actor_of_unknown_country():
    assert [(a.text, a.country) for a in find_actors("The NCB has ordered the actor to appear.")] == [("NCB", None)]
    assert find_actors("The GDP grew by two percent.") == []
    assert [a.text for a in find_actors("English in the EU has been questioned.")] == []
