"""Many reports, one event: grouping built mention records with `group_mentions`, and once through the real CLI.

Names, victims, towns and sentences are made up. Unrelated filler reports make a shared name rare (high IDF), as it
is in a real corpus.
"""

import datetime as dt
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from flashpoint.store.grouping import LONG_WINDOW, build_event, group_mentions

CLI = ["-m", "flashpoint"]  # the real command line, as a user runs it


def mention(i: str, story_id: str, *, sentence: str, date: str = "2023-03-21", pub: str | None = None,
            source: str = "text", precision: str = "day", city: str | None = None, country: str = "USA",
            dead: int | None = None, injured: int | None = None, event_type: str = "ASSAULT",
            sentence_index: int = 0) -> dict:
    """One event mention as the store keeps it (records.Event.to_dict)."""
    return {"id": i, "story_id": story_id, "publication_date": pub or date, "sentence_index": sentence_index,
            "sentence": sentence, "event_type": event_type, "mode": None, "contexts": [], "status": "asserted",
            "actor": [], "recipient": [], "date": date, "date_precision": precision, "date_text": None,
            "date_source": source,
            "location": {"text": city, "name": city, "country": country, "admin1": None, "lat": None, "lon": None,
                         "geonameid": None, "precision": "city"} if city else None,
            "dead": dead, "injured": injured, "arrested": None, "size": None, "attribution": None,
            "quad_class": "material_conflict", "intensity": -9.0, "cameo": "180", "goldstein": -9.0,
            "trigger": {"text": "shot", "start": 0, "end": 4}, "confidence": 0.6, "coder": "test"}


def filler(n: int = 2000) -> list[dict]:
    """Unrelated reports (another type family, so they never join): they make names rare (a name in two of 2,000
    stories weighs 3.45, one in two of 300 only 2.5) and show how the corpus writes common words in lower case."""
    return [mention(f"z{i}", f"filler{i}", event_type="PROTEST", date=str(dt.date(2010, 1, 1) + dt.timedelta(i)),
                    sentence="Marchers said the shooting near the mall was an accidental killing; police say "
                             "a man and a boy were wounded.") for i in range(n)]


def together(groups: list[list[dict]], *ids: str) -> bool:
    return any(set(ids) <= {m["id"] for m in g} for g in groups)


SHOT = "Gunmen shot Tavion Brackett and Ledell Okonkwo outside a bakery late on Friday, police said."
CHARGED = "Prosecutors charged a man with the killing of Tavion Brackett; Ledell Okonkwo is recovering."


def test_a_trial_months_later_joins_when_it_names_the_victims():
    first = mention("a", "s1", sentence=SHOT, date="2023-03-17", dead=1, injured=1)

    def joins(days_later: int, sentence: str = CHARGED) -> bool:
        day = (dt.date(2023, 3, 17) + dt.timedelta(days=days_later)).isoformat()
        later = mention("b", "s2", sentence=sentence, date=day, source="publication", dead=1)
        return together(group_mentions([first, later, *filler()]), "a", "b")

    assert joins(150)  # two full names in common: a report five months on is this event's
    assert not joins(LONG_WINDOW + 30)  # too late for any evidence
    assert not joins(150, "Prosecutors charged a man with a killing outside a bakery.")  # names nothing in common
    assert not joins(150, "Prosecutors charged a man with the killing of Tavion Smith.")  # one common first name


def test_the_later_the_report_the_more_it_must_name():
    first = mention("a", "s1", sentence=SHOT, date="2023-03-17", dead=1)
    one_name = "Detectives arrested a man in the killing of Tavion Brackett, police said."

    def joins(date: str, sentence: str) -> bool:
        later = mention("b", "s2", sentence=sentence, date=date, source="publication")
        return together(group_mentions([first, later, *filler()]), "a", "b")

    assert joins("2023-03-26", one_name)  # nine days on, one full name in common is enough
    assert not joins("2023-09-26", one_name)  # six months on it is not ...
    assert joins("2023-09-26", CHARGED)  # ... but two are


def test_the_same_day_needs_place_or_names_and_a_misread_figure_yields_to_named_victims():
    a = mention("a", "s1", sentence=SHOT, date="2023-03-17", dead=1, injured=1)
    elsewhere = mention("b", "s2", date="2023-03-17", dead=1,
                        sentence="A man was shot dead outside a bar on Friday, police said.")
    named = mention("c", "s3", date="2023-03-17", dead=9, country="NGA",  # a misread figure and country
                    sentence="Tavion Brackett was killed and Ledell Okonkwo wounded on Friday, relatives said.")
    groups = group_mentions([a, elsewhere, named, *filler()])
    assert together(groups, "a", "c")
    assert not together(groups, "a", "b")
    unnamed = dict(named, id="d", story_id="s4", sentence="Nine people were killed on Friday, relatives said.")
    assert not together(group_mentions([a, unnamed, *filler()]), "a", "d")


def test_institutions_titles_and_places_are_no_full_names():
    first = mention("a", "s1", date="2023-03-17",
                    sentence="Police Chief Marla Quist said the boy was taken to Saint Ogden Medical Center "
                             "from Harlow Park.")
    later = mention("b", "s2", date="2023-06-17", source="publication",
                    sentence="Police Chief Marla Quist said the woman was taken to Saint Ogden Medical Center "
                             "from Harlow Park.")
    assert not together(group_mentions([first, later, *filler()]), "a", "b")  # a spokesman, a hospital, a park
    victim = mention("c", "s3", date="2023-06-17", source="publication",
                     sentence="A jury heard that Tavion Brackett and Ledell Okonkwo were shot, Marla Quist said.")
    shot = mention("d", "s4", sentence=SHOT, date="2023-03-17")
    assert together(group_mentions([shot, victim, *filler()]), "d", "c")


def test_words_the_reports_write_in_lower_case_are_no_names():
    # Title-case headlines share "Accidental", "Shooting", "Mall" ... which the corpus writes in lower case.
    a = mention("a", "s1", date="2023-03-17", sentence="Boy Wounded In Accidental Shooting Near Mall, Police Say")
    b = mention("b", "s2", date="2023-03-17", sentence="Man Wounded In Accidental Shooting Near Mall, Police Say")
    assert not together(group_mentions([a, b, *filler()]), "a", "b")
    # the same two headlines naming a rare town do join
    c = dict(a, id="c", sentence="Boy Wounded In Accidental Shooting In Quarryville, Police Say")
    d = dict(b, id="d", sentence="Man Wounded In Quarryville Accidental Shooting, Police Say")
    assert together(group_mentions([c, d, *filler()]), "c", "d")


def test_a_dateline_in_capitals_names_the_town():
    a = mention("a", "s1", date="2023-03-17", injured=2,
                sentence="QUARRYVILLE, Ala. - Two teenagers were wounded in a shooting on Friday night.")
    b = mention("b", "s2", date="2023-03-17", injured=2,
                sentence="Two teenagers were wounded when gunfire broke out at a party in Quarryville on Friday.")
    assert together(group_mentions([a, b, *filler()]), "a", "b")


def test_a_later_reports_own_dates_do_not_move_the_event():
    shot = mention("a", "s1", sentence=SHOT, date="2023-03-17", city="Dunmore", dead=1)
    # an arrest report that gives its own day three weeks on joins through the names ...
    arrest = mention("b", "s2", date="2023-04-07", city="Dunmore",
                     sentence="Officers arrested a man on Friday in the killing of Tavion Brackett and the wounding "
                              "of Ledell Okonkwo.")
    # ... and a second report of the shooting, a day after it, still joins the event, not the arrest's day
    second = mention("c", "s3", date="2023-03-18", source="publication", city="Dunmore", dead=1,
                     sentence="A man died after a shooting outside a bakery in Dunmore, police said.")
    groups = group_mentions([shot, arrest, second, *filler()])
    assert together(groups, "a", "b", "c")
    event = build_event(next(g for g in groups if together([g], "a")))
    assert event["date"] == "2023-03-17" and event["n_stories"] == 3


def test_a_vague_date_does_not_date_the_report():
    # "since 2019" gives a year, whose first day is no event day: the report is dated by its publication
    vague = mention("a", "s1", date="2019-01-01", precision="year", pub="2023-03-18",
                    sentence="Tavion Brackett was the third man shot outside a bakery since 2019, Ledell Okonkwo said.")
    other = mention("b", "s2", sentence=SHOT, date="2023-03-17")
    assert together(group_mentions([vague, other, *filler()]), "a", "b")


def test_grouping_does_not_depend_on_the_order_of_the_mentions():
    ms = [mention("a", "s1", sentence=SHOT, date="2023-03-17", dead=1),
          mention("b", "s2", sentence=CHARGED, date="2023-08-01", source="publication"),
          mention("c", "s3", date="2023-03-17", sentence="Ledell Okonkwo was wounded on Friday, his mother said."),
          mention("d", "s4", date="2023-03-17", sentence="A man was shot in Dunmore on Friday.", city="Dunmore"),
          *filler(500)]
    want = {frozenset(m["id"] for m in g) for g in group_mentions(ms)}
    assert {"a", "b", "c"} in want
    for seed in range(3):
        shuffled = ms[:]
        random.Random(seed).shuffle(shuffled)
        assert {frozenset(m["id"] for m in g) for g in group_mentions(shuffled)} == want


# ---------------------------------------------------------------------------------------------- the real CLI


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *CLI, *args], capture_output=True, text=True, timeout=300)


def test_cli_groups_a_first_report_and_a_later_one_naming_the_victims(tmp_path: Path):
    pytest.importorskip("duckdb")
    stories = [
        {"id": "first", "date": "2023-03-18",
         "text": "Two men shot outside a bakery\n\nGunmen shot Tavion Brackett and Ledell Okonkwo outside a bakery "
                 "on Kestrel Road on Friday, police said. Brackett died at the scene."},
        {"id": "trial", "date": "2023-08-15",
         "text": "Trial opens in bakery killing\n\nA man went on trial for the shooting that killed Tavion Brackett "
                 "and wounded Ledell Okonkwo outside a bakery on Kestrel Road in March, prosecutors said."},
        {"id": "other", "date": "2023-03-18",
         "text": "Woman shot\n\nA woman was shot and wounded outside a bar on Friday, police said."},
    ]
    # other news, so that the victims' names are rare among the stories
    stories += [{"id": f"news{i}", "date": f"2023-02-{i % 28 + 1:02d}",
                 "text": f"Farmers protest\n\nHundreds of farmers marched on Monday against a tax on seed, "
                         f"organisers said in statement number {i}."} for i in range(300)]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(s) + "\n" for s in stories))
    db = tmp_path / "events.duckdb"
    result = run("ingest", str(corpus), "--db", str(db))
    assert result.returncode == 0, result.stderr
    result = run("events", "--db", str(db), "--type", "ASSAULT")
    assert result.returncode == 0, result.stderr
    stories_of = [set(json.loads(line)["stories"]) for line in result.stdout.splitlines()]
    assert any({"first", "trial"} <= s for s in stories_of)  # five months on, naming both victims
    assert not any("other" in s and len(s) > 1 for s in stories_of)  # the same day, but nothing in common


def test_word_lists_load_from_the_data_file() -> None:
    from flashpoint.store import grouping

    assert "Monday" in grouping._COMMON_NAMES
    assert {"Hospital", "Park"} <= grouping._NOT_PERSONAL
    assert "Smith" not in grouping._COMMON_NAMES | grouping._NOT_PERSONAL
