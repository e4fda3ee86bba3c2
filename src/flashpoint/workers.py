"""Coding on all cores: stories go to a pool of worker processes, each with a warm Pipeline, and come back in input
order. Used by `flashpoint code` and `flashpoint ingest`; Dask (store/distributed.py) is for more than one machine.

The stages are pure Python, so threads would share one core (the GIL); processes are what scales. Where the OS
has fork, the parent builds and warms the pipeline once and the workers inherit it (they start warm and share its
read-only tables copy-on-write); elsewhere each worker builds its own. Read-ahead is bounded, so memory stays flat
on corpora of any size. The encoder (onnxruntime) is loaded by each worker on first use, with one thread: a
session's thread pool must not be forked, so if this process already holds one the workers are spawned instead.
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flashpoint.pipeline import Pipeline
    from flashpoint.records import Story

_PIPELINES: dict[str, Pipeline] = {}
READ_AHEAD = 64  # stories in flight per worker


def pipeline(model: str = "encoder") -> Pipeline:
    """This process's pipeline for `model`, built and warmed on first use."""
    if model not in _PIPELINES:
        from flashpoint.pipeline import Pipeline
        from flashpoint.text.readers import story_from_text

        _PIPELINES[model] = Pipeline(model=model)
        _PIPELINES[model](story_from_text("Police arrested two men in Paris on Monday.", date="2020-01-01"))
    return _PIPELINES[model]


def code_story(story: Story, model: str = "encoder") -> list[dict[str, Any]] | str:
    """The story's event records, or the message of an internal error (a bug on one story must not lose the batch)."""
    try:
        pipeline(model)(story)
    except Exception as exc:
        return f"internal error while coding: {exc!r}"
    seen: set[str] = set()
    records = []
    for event in story.events:
        record = event.to_dict()
        if record["id"] not in seen:  # two readings of one trigger with the same spans: keep the first
            seen.add(record["id"])
            records.append(record)
    return records


def code_stories(stories: Iterator[Story], model: str = "encoder", workers: int | None = None,
                 chunksize: int = 4) -> Iterator[tuple[Story, list[dict[str, Any]] | str]]:
    """(story, records or error) in input order, on `workers` processes (default: all cores; 1: this process).

    The story yielded is the caller's own object: with more than one worker it is not annotated (its copy was)."""
    workers = (os.cpu_count() or 1) if workers is None else max(1, workers)
    if workers == 1:
        for story in stories:
            yield story, code_story(story, model)
        return
    import multiprocessing as mp

    from flashpoint import models

    fork = "fork" in mp.get_all_start_methods() and not models.loaded()
    if fork:
        pipeline(model)  # built once here, inherited by the workers
    ctx = mp.get_context("fork" if fork else None)
    slots = threading.Semaphore(workers * READ_AHEAD)
    pending: deque[Story] = deque()  # in flight, in input order (imap keeps that order)

    def feed() -> Iterator[Story]:
        for story in stories:
            slots.acquire()
            pending.append(story)
            yield story

    with ctx.Pool(workers, initializer=_worker_init, initargs=(model,)) as pool:
        for result in pool.imap(partial(code_story, model=model), feed(), chunksize=chunksize):
            slots.release()
            yield pending.popleft(), result


def _worker_init(model: str) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle (no traceback per worker)
    _die_with_parent()
    from flashpoint import models

    models.use_threads(1)  # one per worker: the workers already fill the cores
    pipeline(model)


def _die_with_parent() -> None:
    """Workers must not outlive a main process killed with SIGKILL (Linux: PR_SET_PDEATHSIG)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except Exception:  # not Linux: the pool's own shutdown still applies
        pass
