"""Tests for whole local-news shooting stories: the main shooting is found and dated (issue 17)."""

from __future__ import annotations

import flashpoint


def test_accidental_shootings_are_assaults():
    for text, trigger in (("A boy, 14, died after a hunting accident on Sunday.", "hunting accident"),
                          ("A teenager was killed in a hunting accident on Sunday.", "killed in a hunting accident"),
                          ("Deputies said the rifle went off while he was cleaning it.", "rifle went off"),
                          ("A girl was struck by a stray bullet on her porch.", "struck by a stray bullet")):
        events = [e for e in flashpoint.code(text, model="rules") if e.event_type == "ASSAULT"]
        assert [e.trigger.text for e in events] == [trigger], text
    assert not [e for e in flashpoint.code("A man was killed in a car accident.", model="rules")
                if e.event_type == "ASSAULT"]
