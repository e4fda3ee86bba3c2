"""Problem reporting: what went wrong with the input, said on stderr, and what the exit status says about it.

A *skip* is an item that was not coded (a binary file, a line that is not JSON, a story that failed): the command
ends with exit status 1. A *warning* is an item that was coded anyway (bad UTF-8 replaced, a bad "date" ignored, a
story cut at the size limit): it is said on stderr and the exit status stays 0. A *note* is said once at the end
("3 stories had no publication date").

Used by the command line and by the library (`flashpoint.store.ingest`), which is why it lives here and not in
`flashpoint.cli`: the library never imports the command line.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from flashpoint.records import Story
    from flashpoint.text.readers import ReadProblem


class Problems:
    """Counts and reports bad items; `exit_code` is 1 when anything was skipped, else 0."""

    def __init__(self, stream: TextIO | None = None, *, quiet: bool = False) -> None:
        self.stream = stream
        self.quiet = quiet
        self.skipped = 0
        self.warnings = 0
        self.undated = 0  # stories coded without a publication date

    def _say(self, message: str) -> None:
        if not self.quiet:
            print(f"flashpoint: {message}", file=self.stream or sys.stderr)

    def report(self, problem: ReadProblem) -> None:
        """A reader's problem: skipped, or read anyway (a warning)."""
        if problem.skipped:
            self.skip(problem.source, problem.reason)
        else:
            self.warn(problem.source, problem.reason)

    def skip(self, source: str, reason: str) -> None:
        self.skipped += 1
        self._say(f"skipped {source}: {reason}")

    def warn(self, source: str, reason: str) -> None:
        self.warnings += 1
        self._say(f"warning: {source}: {reason}")

    def note(self, message: str) -> None:
        self._say(message)

    def finish(self) -> None:
        """The notes said once at the end of a run."""
        if self.undated:
            self.note(f"{_plural(self.undated, 'story')} had no publication date (no date in the input, none in the "
                      "text, no dateline with a day and month): their events are dated only by their own text; "
                      "give one with --date YYYY-MM-DD or a \"date\" field")

    @property
    def exit_code(self) -> int:
        return 1 if self.skipped else 0


def _plural(n: int, word: str) -> str:
    if n == 1:
        return f"1 {word}"
    return f"{n:,} " + (word[:-1] + "ies" if word.endswith("y") else word + "s")


def read_stories(paths: str | Iterable[str], problems: Problems, *, date: str | None = None,
                 story_id: str | None = None, infer_dates: bool = True) -> Iterator[Story]:
    """The stories of every path ("-": stdin) in input order; bad items go to `problems`.

    A story with no publication date (none of its own and no `date` default) takes one from its text when
    `infer_dates` (`flashpoint.pubdate`): a full date in its first lines, else a dateline's day and month with the
    year of the file's modification time. Callers count the stories they code undated in `problems.undated`."""
    from flashpoint.text.readers import ReadProblem, read

    if isinstance(paths, str):
        paths = [paths]
    for path in paths:
        for item in read(path, date=date, story_id=story_id):
            if isinstance(item, ReadProblem):
                problems.report(item)
                continue
            if item.date is not None:
                item.date_source = item.date_source or "input"
            elif infer_dates:
                from flashpoint.pubdate import infer

                infer(item)
            yield item
