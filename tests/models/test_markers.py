from flashpoint.models.markers import mark, strip_tags


def test_strip_tags_gives_text_and_spans():
    text, actor, recipient = strip_tags("<s>The union</s> called on <t>the mayor</t> to resign.")
    assert text == "The union called on the mayor to resign."
    assert [text[s:e] for s, e in actor] == ["The union"]
    assert [text[s:e] for s, e in recipient] == ["the mayor"]


def test_mark_inserts_typed_markers_and_reports_offsets():
    text = "Rebels attacked the town."
    marked, a_at, r_at = mark(text, [(0, 6)], [(16, 24)])
    assert marked == "@ Rebels @ attacked # the town #."
    assert marked[a_at] == "@" and marked[r_at] == "#"


def test_mark_without_spans_leaves_text_alone():
    assert mark("Nothing happened.", [], []) == ("Nothing happened.", -1, -1)


def test_mark_drops_overlapping_recipient_and_bad_spans():
    text = "The army of the republic moved."
    marked, a_at, r_at = mark(text, [(0, 24)], [(12, 24), (40, 50)])
    assert marked == "@ The army of the republic @ moved."
    assert a_at == 0 and r_at == -1


def test_mark_handles_several_actor_spans():
    text = "Police and soldiers raided the camp."
    marked, a_at, _ = mark(text, [(11, 19), (0, 6)], [])
    assert marked == "@ Police @ and @ soldiers @ raided the camp."
    assert a_at == 0
