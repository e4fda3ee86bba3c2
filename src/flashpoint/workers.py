"""Coding on all cores: stories go to a pool of worker processes, each with a warm pipeline, and come back in input
order. Used by `flashpoint code` and `flashpoint ingest`; Dask (store/distributed.py) is for more than one machine.

The stages are pure Python, so threads would share one core (the GIL); processes are what scales. Where the OS
has fork, the parent builds and warms the pipeline once and the workers inherit it (they start warm and share its
read-only tables copy-on-write); elsewhere each worker builds its own. Read-ahead is bounded, so memory stays flat
on corpora of any size. The encoder (onnxruntime) is loaded by each worker on first use, with one thread: a
session's thread pool must not be forked, so if this process already holds one the workers are spawned instead.
An input of fewer than SMALL_INPUT stories is coded in this process: starting a pool would cost more than it saves.
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

from flashpoint.pipeline import Model

if TYPE_CHECKING:
    from flashpoint.records import Story

READ_AHEAD = 64  # stories in flight per worker
SMALL_INPUT = 8  # fewer stories than this are coded in this process


@dataclass(slots=True)
class Coded:
    """What coding one story gave: its event records (each id once), or the message of an internal error, and the
    warnings of the size limits. `sentences` counts the sentences coded."""

    records: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    sentences: int = 0


def code_story(story: Story, model: Model | str = Model.encoder) -> Coded:
    """Code one story in this process. An internal error is returned, not raised: a bug on one story must not lose
    the batch."""
    from flashpoint import pipeline

    try:
        pipeline.get(model)(story)
    except Exception as exc:
        return Coded(error=f"internal error while coding: {exc!r}", warnings=list(story.warnings))
    seen: set[str] = set()
    records = []
    for event in story.events:
        record = event.to_dict()
        if record["id"] not in seen:  # two readings of one trigger with the same spans: keep the first
            seen.add(record["id"])
            records.append(record)
    return Coded(records, None, list(story.warnings), len(story.sentences))


def code_stories(stories: Iterator[Story], model: Model | str = Model.encoder, workers: int | None = None,
                 chunksize: int = 4) -> Iterator[tuple[Story, Coded]]:
    """(story, what coding it gave) in input order, on `workers` processes (default: all cores; 1: this process).

    The story yielded is the caller's own object: with more than one worker it is not annotated (its copy was)."""
    from flashpoint import pipeline

    model = pipeline.to_model(model)
    workers = (os.cpu_count() or 1) if workers is None else max(1, workers)
    stories = iter(stories)
    head = list(islice(stories, SMALL_INPUT))
    if workers == 1 or len(head) < SMALL_INPUT:
        for story in chain(head, stories):
            yield story, code_story(story, model)
        return
    import multiprocessing as mp

    from flashpoint import models

    fork = "fork" in mp.get_all_start_methods() and not models.loaded()
    if fork:
        pipeline.get(model)  # built once here, inherited by the workers
    ctx = mp.get_context("fork" if fork else None)
    slots = threading.Semaphore(workers * READ_AHEAD)
    pending: deque[Story] = deque()  # in flight, in input order (imap keeps that order)

    def feed() -> Iterator[Story]:
        for story in chain(head, stories):
            slots.acquire()
            pending.append(story)
            yield story

    with ctx.Pool(workers, initializer=_worker_init, initargs=(model.value,)) as pool:
        for result in pool.imap(partial(code_story, model=model.value), feed(), chunksize=chunksize):
            slots.release()
            yield pending.popleft(), result


def _worker_init(model: str) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle (no traceback per worker)
    _die_with_parent()
    from flashpoint import models, pipeline

    models.use_threads(1)  # one per worker: the workers already fill the cores
    pipeline.get(model)


def _die_with_parent() -> None:
    """Workers must not outlive a main process killed with SIGKILL (Linux: PR_SET_PDEATHSIG)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except Exception:  # not Linux: the pool's own shutdown still applies
        pass
