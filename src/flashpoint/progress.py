"""Progress on stderr while long work runs: a rich progress bar when stderr is a terminal, nothing otherwise (so
logs and pipes stay clean). The command's final summary line is printed by the command, always."""

from __future__ import annotations

import sys
import time
from types import TracebackType


class Progress:
    """`with Progress("stories", total) as bar: ... bar.advance()`; a count and a rate, a bar and an ETA when the
    total is known, a spinner otherwise. Disabled (every call a no-op) unless `enabled` and stderr is a terminal."""

    def __init__(self, what: str, total: int | None = None, *, enabled: bool = True, counting: bool = True) -> None:
        self.what = what
        self.total = total
        self.done = 0
        self.start = time.monotonic()
        self._bar = None
        if enabled and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as Bar

            columns = [SpinnerColumn(), MofNCompleteColumn() if total else TextColumn("{task.completed:,}"),
                       TextColumn(what), BarColumn() if total else TextColumn(""),
                       TextColumn("{task.fields[rate]}/s"), TimeElapsedColumn()]
            if not counting:
                columns = [SpinnerColumn(), TextColumn(what), TimeElapsedColumn()]
            elif total:
                columns.append(TimeRemainingColumn())
            self._bar = Bar(*columns, console=Console(stderr=True), transient=True)
            self._task = self._bar.add_task(what, total=total, rate="0")
            self._bar.start()

    def advance(self, n: int = 1) -> None:
        self.done += n
        if self._bar is not None:
            rate = self.done / max(time.monotonic() - self.start, 1e-9)
            self._bar.update(self._task, advance=n, rate=f"{rate:,.0f}" if rate >= 10 else f"{rate:.1f}")

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def status(message: str, *, enabled: bool = True) -> Progress:
    """A spinner with a message for work that has no count (grouping)."""
    return Progress(message, None, enabled=enabled, counting=False)
