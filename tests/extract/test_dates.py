"""Time expressions: recognition, spans and resolution against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from flashpoint.extract import dates
from flashpoint.extract.dates import DateStage, find_times
from flashpoint.records import Sentence, Story, TimeExpr

THU = dt.date(2023, 3, 23)  # a Thursday, ISO week 2023-W12
MON = dt.date(2020, 9, 28)  # a Monday, ISO week 2020-W40


def one(text: str, pub: dt.date | None = THU) -> TimeExpr:
    found = find_times(text, pub)
    assert len(found) == 1, found
    return found[0]


def values(text: str, pub: dt.date | None = THU) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in find_times(text, pub)]


# ------------------------------------------------------------------------------------------------------ weekdays


def test_bare_weekday_is_the_most_recent_one() -> None:
    t = one("On Tuesday police fired tear gas at opposition supporters in the capital.")
    assert (t.text, t.value, t.precision, t.date) == ("Tuesday", "2023-03-21", "day", "2023-03-21")


def test_weekday_on_the_publication_day_is_that_day() -> None:
    assert one("The minister resigned on Thursday, his office said.").value == "2023-03-23"
    assert one("Rebels shelled the town Monday.", MON).value == "2020-09-28"


def test_weekday_in_future_context_goes_forward() -> None:
    assert one("The two leaders will meet on Monday in Geneva.").value == "2023-03-27"
    assert one("A vote is scheduled for Friday.").value == "2023-03-24"
    assert one("Parliament will vote on Thursday.").value == "2023-03-23"


def test_next_last_and_this_coming_weekday() -> None:
    assert one("Talks resume next Monday.").value == "2023-03-27"
    assert one("Talks resume next Thursday.").value == "2023-03-30"
    assert one("Elections are due this coming Sunday.").value == "2023-03-26"
    assert one("Protesters gathered last Thursday.").value == "2023-03-16"


def test_time_of_day_goes_with_its_day() -> None:
    t = one("Gunmen attacked a checkpoint early Tuesday morning, killing two soldiers.")
    assert (t.text, t.value) == ("early Tuesday morning", "2023-03-21")
    assert one("Troops withdrew at 10 p.m. Wednesday.").value == "2023-03-22"
    assert one("Fighting resumed Sunday night.").value == "2023-03-19"


def test_past_as_a_noun_before_a_modified_weekday_is_no_direction() -> None:
    # "the harbor's rough past early Thursday": "past" is a noun; a direction never precedes "early"/"late"
    t = one("Sailors got a taste of the harbor's rough past early Thursday when a storm hit the docks.")
    assert (t.text, t.value) == ("early Thursday", "2023-03-23")
    assert one("Protesters gathered this past Thursday.").value == "2023-03-16"


def test_weekday_names_and_sets_are_not_dates() -> None:
    assert find_times("Thousands marched to mark Good Friday.", THU) == []
    assert find_times("He wrote in the Sunday Times that the deal was dead.", THU) == []
    assert find_times("Inspectors visit the site every Monday.", THU) == []


# ------------------------------------------------------------------------------------------------- relative days


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Police arrested 40 people yesterday.", "yesterday", "2023-03-22"),
    ("The president speaks today in the capital.", "today", "2023-03-23"),
    ("Protesters plan to march tonight.", "tonight", "2023-03-23"),
    ("Shelling went on last night near the border.", "last night", "2023-03-22"),
    ("The summit opens tomorrow.", "tomorrow", "2023-03-24"),
    ("Clashes broke out this morning in the north.", "this morning", "2023-03-23"),
])
def test_day_words(text: str, span: str, value: str) -> None:
    t = one(text)
    assert (t.text, t.value, t.precision) == (span, value, "day")


def test_today_as_the_present_in_general_is_not_a_date() -> None:
    assert find_times("In today's world no country can stand alone.", THU) == []


# ----------------------------------------------------------------------------------------- weeks, months, years


def test_weeks_are_iso_weeks() -> None:
    t = one("Last week the army said it had retaken the town.")
    assert (t.text, t.value, t.precision, t.date) == ("Last week", "2023-W11", "week", "2023-03-13")
    assert one("The envoy arrives this week.").value == "2023-W12"
    assert one("The envoy arrives next week.").value == "2023-W13"
    assert one("Talks collapsed late last week.").value == "2023-W11"


def test_weekend() -> None:
    t = one("Riots broke out over the weekend in three cities.", dt.date(2023, 3, 27))
    assert (t.text, t.value, t.precision, t.date) == ("the weekend", "2023-W12-WE", "week", "2023-03-25")


def test_months_and_years_relative() -> None:
    assert values("Earlier this month the junta banned rallies.") == [("Earlier this month", "2023-03")]
    assert values("Prices rose last month.") == [("last month", "2023-02")]
    assert values("The treaty was signed last year.") == [("last year", "2022")]
    assert values("Elections are expected this year.") == [("this year", "2023")]
    t = one("Elections are expected next year.")
    assert (t.value, t.precision, t.date) == ("2024", "year", "2024-01-01")
    t = one("The ceasefire collapsed last month.", dt.date(2024, 1, 10))
    assert (t.value, t.precision, t.date) == ("2023-12", "month", "2023-12-01")


def test_month_alone_is_the_most_recent_one() -> None:
    assert values("Fighting intensified in January.") == [("January", "2023-01")]
    assert values("The strike began in March.") == [("March", "2023-03")]
    assert values("The town fell in May.") == [("May", "2022-05")]


def test_month_alone_across_the_year_boundary() -> None:
    assert values("Rebels seized the town in December.", dt.date(2024, 1, 10)) == [("December", "2023-12")]
    assert values("Rebels seized the town in January.", dt.date(2024, 1, 10)) == [("January", "2024-01")]


def test_month_alone_forward_with_future_or_next() -> None:
    assert values("The country will hold elections in May.") == [("May", "2023-05")]
    assert values("The mission ends next January.") == [("next January", "2024-01")]
    assert values("Troops must leave by August.") == [("August", "2023-08")]


def test_may_the_verb_is_not_a_month() -> None:
    assert find_times("The government may expel the ambassador.", THU) == []
    assert find_times("May God protect our soldiers, he said.", THU) == []
    assert find_times("Prime Minister Theresa May said the talks had failed.", THU) == []
    assert find_times("Thousands joined the Women's March in the capital.", THU) == []


# ---------------------------------------------------------------------------------------------- calendar dates


@pytest.mark.parametrize(("text", "span", "value"), [
    ("Fighting broke out on January 5 near the border.", "January 5", "2023-01-05"),
    ("Fighting broke out on Jan. 5 near the border.", "Jan. 5", "2023-01-05"),
    ("Fighting broke out on 5 January near the border.", "5 January", "2023-01-05"),
    ("The accord was signed Aug. 7, 2019, in Moscow.", "Aug. 7, 2019", "2019-08-07"),
    ("The accord was signed on 7 August 2019.", "7 August 2019", "2019-08-07"),
    ("The accord was signed on the 7th of August, 2019.", "the 7th of August, 2019", "2019-08-07"),
    ("Voting began on Saturday, March 18.", "Saturday, March 18", "2023-03-18"),
])
def test_month_day(text: str, span: str, value: str) -> None:
    t = one(text)
    assert (t.text, t.value, t.precision) == (span, value, "day")


def test_month_day_without_year_near_the_year_boundary() -> None:
    assert one("The bombing on Dec. 30 killed nine.", dt.date(2024, 1, 3)).value == "2023-12-30"
    assert one("Ballots will be counted on Jan. 2.", dt.date(2023, 12, 28)).value == "2024-01-02"
    # A day a few weeks ahead without a year is the coming one; a past verb right before pulls back.
    assert one("The dividend is payable Dec. 15.", dt.date(2023, 10, 26)).value == "2023-12-15"
    assert one("The fiscal year ended March 31.", dt.date(2023, 11, 1)).value == "2023-03-31"


def test_month_and_year() -> None:
    t = one("The coup took place in March 2019.")
    assert (t.text, t.value, t.precision, t.date) == ("March 2019", "2019-03", "month", "2019-03-01")
    assert values("The offensive began in July last year.") == [("July last year", "2022-07")]


@pytest.mark.parametrize(("text", "value"), [
    ("Filed on 2020-09-28 in Nairobi.", "2020-09-28"),
    ("Filed on 09/28/2020 in Nairobi.", "2020-09-28"),
    ("Filed on 28/09/2020 in Nairobi.", "2020-09-28"),
    ("Filed on 03/04/2020 in Nairobi.", "2020-03-04"),  # ambiguous: US month/day
])
def test_numeric_dates(text: str, value: str) -> None:
    t = one(text)
    assert (t.value, t.precision) == (value, "day")
    assert t.text == text[t.start:t.end] == text.split()[2]


# ------------------------------------------------------------------------------------------------------- years


def test_years() -> None:
    t = one("The party won a majority in 2019.")
    assert (t.text, t.value, t.precision, t.date) == ("2019", "2019", "year", "2019-01-01")
    assert values("Veterans of the 2003 invasion marched in Baghdad.") == [("2003", "2003")]
    assert values("Since 2011 the war has killed thousands.") == [("2011", "2011")]
    assert values("Violence has surged since early 2021.") == [("early 2021", "2021")]


@pytest.mark.parametrize("text", [
    "Police said 2019 people were detained.",
    "The fund paid $2019 to each family.",
    "He scored in the 2019-20 season.",
    "Flight 2020 landed safely.",
    "The index rose 2,019 points.",
    "Nearly 1990 troops crossed the river.",
])
def test_numbers_that_are_not_years(text: str) -> None:
    assert find_times(text, THU) == []


def test_decades_and_unanchored() -> None:
    t = one("Relations were warmer in the 1990s.")
    assert (t.text, t.value, t.precision, t.date) == ("the 1990s", "199", None, None)
    t = one("The feud has lasted decades.")
    assert (t.text, t.value, t.precision) == ("decades", None, None)
    t = one("Attacks have grown in recent years.")
    assert (t.text, t.value) == ("recent years", None)


# ---------------------------------------------------------------------------------------------- ago, durations


def test_ago() -> None:
    assert values("The convoy was attacked two days ago.") == [("two days ago", "2023-03-21")]
    t = one("The talks began three weeks ago.")
    assert (t.text, t.value, t.precision) == ("three weeks ago", "2023-W09", "week")
    assert values("The rebels took the city a year ago.") == [("a year ago", "2022")]
    assert values("He fled five months ago.") == [("five months ago", "2022-10")]
    assert values("The dam was built decades ago.") == [("decades ago", None)]


def test_durations_are_not_returned() -> None:
    assert find_times("The siege lasted for three years.", THU) == []
    assert find_times("Talks stalled for two weeks.", THU) == []
    assert find_times("Over the past year, prices doubled.", THU) == []


# --------------------------------------------------------------------------------------------- quarters, seasons


def test_quarters_and_earnings_anaphora() -> None:
    pub = dt.date(2023, 10, 20)
    story = Story(id="q", text="", date=pub.isoformat(), sentences=[
        Sentence("Profit fell 5% in the third quarter.", 0, 0),
        Sentence("A year earlier, the company earned $4 million.", 1, 40),
    ])
    DateStage()(story)
    first, second = story.sentences[0].times[0], story.sentences[1].times[0]
    assert (first.text, first.value, first.precision, first.date) == ("the third quarter", "2023-Q3", None, None)
    assert (second.text, second.value) == ("A year earlier", "2022-Q3")


def test_seasons() -> None:
    assert values("The offensive is planned for this summer.") == [("this summer", "2023-SU")]
    assert values("The dam burst last summer.") == [("last summer", "2022-SU")]


# ------------------------------------------------------------------------------------------------- robustness


def test_offsets_slice_back_to_the_text() -> None:
    text = ("On Monday, Jan. 9, 2023, two days after the vote, the envoy said that since 2019 and "
            "in the 1990s the talks, held last week and earlier this month, had failed; next Friday "
            "they resume, and by May 2024 or the 2025 election a deal could follow tomorrow night.")
    found = find_times(text, THU)
    assert [t.text for t in found] == ["Monday, Jan. 9, 2023", "2019", "the 1990s", "last week", "earlier this month",
                                       "next Friday", "May 2024", "2025", "tomorrow night"]
    for t in found:
        assert text[t.start:t.end] == t.text
    starts = [t.start for t in found]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_spans_leave_out_prepositions() -> None:
    assert [t.text for t in find_times("It happened on Monday and in January.", THU)] == ["Monday", "January"]


def test_no_publication_date() -> None:
    assert values("Police fired tear gas on Monday.", None) == [("Monday", None)]
    assert values("The accord was signed on Aug. 7, 2019.", None) == [("Aug. 7, 2019", "2019-08-07")]
    assert values("The party won in 2019.", None) == [("2019", "2019")]


def test_empty_and_dateless_text() -> None:
    assert find_times("", THU) == []
    assert find_times("The minister denied the allegations and called for calm.", THU) == []


def test_iso_string_or_datetime_publication_date_is_accepted() -> None:
    assert values("Police fired tear gas on Tuesday.", "2023-03-23") == [("Tuesday", "2023-03-21")]  # type: ignore[arg-type]
    assert values("Police fired tear gas on Tuesday.", dt.datetime(2023, 3, 23, 18, 5)) == [("Tuesday", "2023-03-21")]


def test_date_stage() -> None:
    stage = DateStage()
    assert stage.name == "dates"
    story = Story(id="s1", text="", date="2023-03-23", sentences=[
        Sentence("On Tuesday police fired tear gas in Nairobi.", 0, 0),
        Sentence("No dates here.", 1, 45),
    ])
    out = stage(story)
    assert out is story
    assert [(t.text, t.value) for t in story.sentences[0].times] == [("Tuesday", "2023-03-21")]
    assert story.sentences[1].times == []


def test_date_stage_with_a_bad_or_missing_date() -> None:
    for date in (None, "not a date"):
        story = Story(id="s2", text="", date=date, sentences=[Sentence("Police fired on Tuesday.", 0, 0)])
        DateStage()(story)
        assert [(t.text, t.value) for t in story.sentences[0].times] == [("Tuesday", None)]


def test_lexicon_file() -> None:
    lx = dates._lexicon()
    assert sorted(lx.month.values()) == list(range(1, 13))
    assert sorted(lx.weekday.values()) == list(range(7))
    for kind in ("future_cue", "past_cue", "year_context", "not_year_before", "count_after", "month_context"):
        assert lx.words[kind], kind
    assert "will" in lx.words["future_cue"] and "said" in lx.words["past_cue"]


def test_an_address_block_is_no_year():
    import datetime as _dt

    from flashpoint.extract.dates import find_times

    assert find_times("Police found him in the 1900 block of Dover.", _dt.date(2016, 4, 25)) == []
    assert [t.value for t in find_times("It was built in 1900 in Dover.", _dt.date(2016, 4, 25))] == ["1900"]


def test_update_stamps_date_their_sections():
    from flashpoint.extract.dates import DateStage
    from flashpoint.text.readers import story_from_text
    from flashpoint.text.sentences import SentenceStage

    text = ("UPDATE (11/23/16 at 4 p.m.):\n\nA boy was shot Tuesday in the Troy area.\n\n"
            "EARLIER COVERAGE, May 2:\n\nPolice said a man was shot Tuesday.")
    story = DateStage()(SentenceStage()(story_from_text(text, date="2016-11-30")))
    values = [t.value for s in story.sentences for t in s.times if t.text == "Tuesday"]
    assert values == ["2016-11-22", "2016-04-26"]
