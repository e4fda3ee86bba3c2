"""Prepared objects: build once, keep on disk, load in a fraction of the time at every later start.

Python compiles a regular expression from its source at every start, and a stage's patterns built from word lists
are large (the quantity patterns take about half a second of a one-sentence `flashpoint code`). `load(name, build)`
returns `build()`, kept in a per-user cache file with each compiled pattern stored as the regex engine's code, so
later processes skip parsing and compiling. The key of the file covers everything the object is built from that
can change: Python's version and regex engine, flashpoint's version, and the bytes of the building module, of the
data-file reader (`flashpoint.tsv`) and of the data files beside it (*.tsv, *.json, *.txt, *.gz), and of every
module and data file in the folders named in `also` (what the build reads from elsewhere). Anything unexpected (no
writable cache folder, another Python, a damaged file) falls back to `build()`.

The cache folder is $FLASHPOINT_CACHE, else $XDG_CACHE_HOME/flashpoint, else ~/.cache/flashpoint;
FLASHPOINT_CACHE=off turns it off.
"""

from __future__ import annotations

import copyreg
import hashlib
import io
import os
import pickle
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
_DATA_SUFFIXES = (".tsv", ".json", ".txt", ".gz")
KEEP = 4  # prepared files kept per object


def cache_dir() -> Path | None:
    configured = os.environ.get("FLASHPOINT_CACHE")
    if configured is not None:
        return None if configured.strip().lower() in ("", "off", "0", "no") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "flashpoint"


def _reduce_pattern(pattern: re.Pattern) -> tuple:
    """A compiled pattern as the engine's code, so that loading it does not compile it again."""
    import _sre
    from re import _compiler, _parser

    parsed = _parser.parse(pattern.pattern, pattern.flags)
    code = [int(c) for c in _compiler._code(parsed, pattern.flags)]  # opcodes are int subclasses
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for key, i in groupindex.items():
        indexgroup[i] = key
    return _sre.compile, (pattern.pattern, pattern.flags | parsed.state.flags, code, parsed.state.groups - 1,
                          groupindex, tuple(indexgroup))


def _key(name: str, build: Callable, also: tuple[str, ...] = ()) -> str:
    import _sre

    from flashpoint import __version__

    digest = hashlib.sha1(f"{sys.version}|{_sre.MAGIC}|{__version__}|{name}".encode())
    source = Path(sys.modules[build.__module__].__file__ or "")
    files = [source, Path(__file__).parent / "tsv.py"]  # the reader of the data files, too
    files += sorted(p for p in source.parent.iterdir() if p.suffix in _DATA_SUFFIXES)
    for folder in also:
        files += sorted(p for p in (Path(__file__).parent / folder).iterdir() if p.suffix in (".py", *_DATA_SUFFIXES))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def _prune(folder: Path, name: str) -> None:
    """Remove all but the newest KEEP - 1 earlier builds of `name` (several checkouts or versions may share the
    folder, so the others are kept a while)."""
    try:
        files = sorted(folder.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime)
        for old in files[:-KEEP + 1 or None]:
            old.unlink(missing_ok=True)
    except OSError:  # another process removed one first
        pass


def load(name: str, build: Callable[[], T], also: tuple[str, ...] = ()) -> T:
    """`build()`, from the cache when a file for this exact build is there; else built and stored. `also`: folders
    of the flashpoint package ("knowledge", "geo/data") whose files the build reads besides its own module's."""
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        path = folder / f"{name}-{_key(name, build, also)}.pickle"
    except (OSError, KeyError, AttributeError):
        return build()
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except FileNotFoundError:
        pass
    except Exception:  # a damaged or foreign file: rebuild it
        pass
    value = build()
    try:
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dispatch_table = copyreg.dispatch_table.copy()
        pickler.dispatch_table[re.Pattern] = _reduce_pattern
        pickler.dump(value)
        folder.mkdir(parents=True, exist_ok=True)
        _prune(folder, name)
        tmp = path.with_suffix(f".tmp-{os.getpid()}")
        tmp.write_bytes(buffer.getvalue())
        os.replace(tmp, path)
    except Exception:  # a read-only home, an object that cannot be pickled: just don't keep it
        pass
    return value
