"""The whole pipeline through the public API, on wire-style sentences full of non-events."""

import pytest

import flashpoint
from flashpoint.pipeline import Pipeline
from flashpoint.schema import validate

# sentence -> the (type, status) pairs it must give; any other event it gives must not be asserted.
CASES = {
    "Iran's foreign minister warned on Sunday that Tehran would retaliate against any attack on its bases.":
        {("THREATEN", "asserted"), ("ASSAULT", "hypothetical")},
    "Officials denied reports that soldiers had fired on protesters in the capital.":
        {("REJECT", "asserted"), ("ASSAULT", "negated")},
    "The president said he was considering sanctions against the neighbouring country.":
        {("SANCTION", "hypothetical")},
    "If the ceasefire collapses, fighting could resume within days, analysts said.": {("ASSAULT", "hypothetical")},
    "The opposition claimed that security forces had killed at least 20 demonstrators.": {("ASSAULT", "claimed")},
    "Rebels have not attacked the town since the truce began, residents said.": {("ASSAULT", "negated")},
    "Washington is expected to impose new tariffs on Chinese steel next month.": {("SANCTION", "future")},
    "No one was arrested, police said.": {("COERCE", "negated")},
    "The army rejected accusations that it had bombed a hospital.": {("REJECT", "asserted"), ("ASSAULT", "negated")},
    "Police have not ruled out arresting the organisers.": {("COERCE", "hypothetical")},
    "Lawmakers voted to expel the ambassador, but the president must still approve it.": {("SANCTION", "future")},
    "Demonstrators plan to march on parliament on Friday.": {("PROTEST", "future")},
    "The UN warned of a possible famine and urged donors to send aid.":
        {("REQUEST", "asserted"), ("AID", "hypothetical")},
    "Neither side has agreed to a ceasefire.": {("AGREE", "negated")},
    "The ministers will meet in Vienna next week.": {("AGREE", "future")},  # PLOVER: future CONSULT is AGREE
    "Russia says Israel must end attacks on Syria.": {("REQUEST", "asserted"), ("ASSAULT", "hypothetical")},
    "Britain and the EU reached a trade agreement on Thursday.": {("SUPPORT", "asserted")},  # manual: finalise
    "Archbishop Tutu called for sanctions against Nigeria.": {("ACCUSE", "asserted")},  # as both gold sets code it
    "Saudi Arabia has imposed blockades on the ports of Yemen.": {("COERCE", "asserted")},  # not a protest
    "Protesters burned the national flag outside the embassy.": {("PROTEST", "asserted")},
}


@pytest.mark.parametrize("sentence", list(CASES))
def test_non_events_are_never_asserted(sentence):
    events = flashpoint.code(sentence, date="2024-05-02")
    found = {(e.event_type, e.status) for e in events}
    assert CASES[sentence] <= found, found
    invented = [(e.event_type, e.trigger.text) for e in events
                if e.status == "asserted" and (e.event_type, "asserted") not in CASES[sentence]]
    assert not invented


def test_records_validate_and_carry_their_evidence():
    text = ("KABUL, June 3 - Gunmen killed four aid workers in Kunduz on Monday, officials said.\n\n"
            "The Taliban denied involvement. Donors may suspend aid to the province.")
    events = flashpoint.code(text, date="2021-06-03", story_id="kabul-1")
    assert events
    for event in events:
        record = event.to_dict()
        validate(record)
        assert record["story_id"] == "kabul-1"
        assert record["sentence"][record["trigger"]["start"]:record["trigger"]["end"]] == record["trigger"]["text"]
    attack = next(e for e in events if e.event_type == "ASSAULT")
    assert (attack.dead, attack.date, attack.location.country) == (4, "2021-05-31", "AFG")
    assert attack.attribution.text == "officials said"


def test_ids_are_stable_across_runs():
    text = "Soldiers arrested three journalists in Minsk on Friday."
    first = [e.id for e in flashpoint.code(text, date="2022-02-07")]
    again = [e.id for e in Pipeline().events(flashpoint.text.readers.story_from_text(text, date="2022-02-07"))]
    assert first == again and len(set(first)) == len(first)


def test_each_stage_has_a_name():
    stages = ["sentences", "actors", "dates", "quantities", "attribution", "places", "people", "events", "tracking",
              "senses", "link", "status"]
    assert Pipeline(model="rules").names == [*stages, "scores"]
    assert Pipeline().names == [*stages, "model", "scores"]


@pytest.mark.parametrize("sentence,main", [
    ("Iran threatened to shell Iraqi towns in retaliation for an air raid where 100 people were killed.", "THREATEN"),
    ("Russia said Israel must end its attacks on Syria.", "REQUEST"),
])
def test_the_main_clause_event_ranks_first(sentence, main):
    """Events in a circumstance phrase ("in retaliation for an air raid") or in the demand are not the news."""
    events = flashpoint.code(sentence, date="2024-05-02", model="rules")
    best = max(events, key=lambda e: (e.status == "asserted", e.confidence))
    assert best.event_type == main, [(e.event_type, e.status, e.confidence) for e in events]
