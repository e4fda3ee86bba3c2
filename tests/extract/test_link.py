"""Tests for flashpoint.extract.link: which date each event takes, on stories written for these tests."""

from __future__ import annotations

import flashpoint


def _dates(text: str, published: str = "2024-03-04") -> list[tuple[str, str | None, str | None]]:
    return [(e.trigger.text, e.date, e.date_source) for e in flashpoint.code(text, date=published, model="rules")]


def test_a_date_in_the_events_clause():
    assert _dates("Gunmen killed two guards on Saturday.") == [("killed", "2024-03-02", "text")]


def test_a_coordinated_clause_shares_the_sentences_date():
    dates = dict((t, (d, s)) for t, d, s in _dates(
        "Thousands marched in the capital on Sunday, and police detained 14 demonstrators."))
    assert dates["detained"] == ("2024-03-03", "context")


def test_an_undated_sentence_takes_the_date_of_the_stories_event_of_its_type():
    dates = _dates("Gunmen shot dead two guards. The shooting happened on Saturday night outside a bank. "
                   "Police said the gunmen fled.")
    assert dates[0] == ("shot", "2024-03-02", "context")


def test_a_story_without_a_dated_event_takes_its_first_recent_day():
    dates = _dates("Police responded to a call on Friday. A man was shot dead in his car.")
    assert dates == [("shot", "2024-03-01", "context")]


def test_no_date_anywhere_is_the_publication_date_and_says_so():
    assert _dates("A man was shot dead in his car.") == [("shot", "2024-03-04", "publication")]


def test_a_time_next_to_another_events_trigger_is_that_events():
    dates = _dates("Gunmen shot two guards on Saturday. A man was charged on Tuesday with the shooting.",
                   published="2024-03-06")
    assert ("shooting", "2024-03-02", "context") in dates and ("charged on Tuesday with", "2024-03-05", "text") in dates


def test_the_day_of_the_report_is_not_the_day_of_the_event():
    dates = _dates("Gunmen shot two guards on Saturday. Gunmen also shot a driver, police said on Monday.",
                   published="2024-03-05")
    assert [d for t, d, _ in dates if t == "shot"] == ["2024-03-02", "2024-03-02"]
