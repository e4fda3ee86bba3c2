"""Text repair before anything else reads a story: mojibake, broken encodings and HTML entities.

Scraped archives arrive with UTF-8 read as Windows-1252 ("bjpâ€™s", "â€œwhateverâ€�", "storiesÂ narendra") and with
entities left in plain text ("tom &amp; jerry"). ftfy (a well-kept library for exactly this) undoes both. Only the
fixes that restore what the writer typed are switched on: curly quotes, full-width letters, ligatures, line breaks
and Unicode normalisation stay as they are, so clean text is never touched and quotation marks still tell the
sentence splitter where quotes open and close.

A missing space after a full stop ("fired.Police") is not repaired here by inserting a space: the sentence splitter
cuts there (flashpoint.text.sentences), which keeps the story's offsets.

`repair(text)` returns the repaired text and the edits, so an offset in the repaired text can be mapped back to the
input (`to_source`). Plain ASCII text without "&" is returned unchanged without calling ftfy (the common case costs
one `str.isascii`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

Edit = tuple[int, int, int, int]  # (start, end) in the repaired text replaced (start, end) of the input


@dataclass(slots=True)
class Repaired:
    """The repaired text, what was done (ftfy's step names) and the edits that map offsets back to the input."""

    text: str
    steps: list[str] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.edits)

    def to_source(self, offset: int) -> int:
        """An offset in the repaired text -> the offset of the same place in the input text."""
        return to_source(self.edits, offset)


def to_source(edits: list[Edit], offset: int) -> int:
    """Map an offset in repaired text to the input, given `Repaired.edits` (sorted, non-overlapping)."""
    shift = 0
    for s, e, os_, oe in edits:
        if offset < s:
            break
        if offset < e:  # inside a replaced run: its start, or its end when at the run's end
            return os_ if offset == s else oe
        shift = oe - e
    return offset + shift


@lru_cache(maxsize=1)
def _config() -> Any:
    import ftfy

    return ftfy.TextFixerConfig(
        unescape_html="auto", remove_terminal_escapes=True, fix_encoding=True, restore_byte_a0=True,
        replace_lossy_sequences=True, decode_inconsistent_utf8=True, fix_c1_controls=True,
        fix_latin_ligatures=False, fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
        fix_surrogates=True, remove_control_chars=False, normalization=None, explain=True,
    )


def needs_repair(text: str) -> bool:
    """False for text ftfy could not change: ASCII without an entity."""
    return not text.isascii() or "&" in text


def repair(text: str) -> Repaired:
    """Fix mojibake and HTML entities in `text` (see the module docstring); other text comes back as it was."""
    if not needs_repair(text):
        return Repaired(text)
    import ftfy

    fixed, explanation = ftfy.fix_and_explain(text, config=_config())
    if fixed == text:
        return Repaired(text)
    steps = sorted({step for _, step in explanation or []})
    return Repaired(fixed, steps, _edits(text, fixed))


_SYNC = 8  # characters that must agree again after a repaired run
_MAX_RUN = 48  # longest repaired run looked for, in either text (a long entity or a mojibake cluster)


def _same_run(a: str, i: int, b: str, j: int) -> int:
    """Length of the common run of a[i:] and b[j:], found by galloping slice comparisons (fast on long texts)."""
    k, step = 0, 256
    while step:
        piece = a[i + k:i + k + step]
        if len(piece) == step and piece == b[j + k:j + k + step]:
            k += step
        else:
            step //= 2
    return k


def _edits(source: str, fixed: str) -> list[Edit]:
    """Aligned differences between input and repaired text, as (fixed start, fixed end, source start, source end).

    ftfy replaces short runs (a mojibake cluster, an entity) and leaves the rest as it was, so the texts are walked
    together: skip the common run, then find the nearest place where both agree again for `_SYNC` characters (or
    both end)."""
    edits: list[Edit] = []
    i = j = 0
    n, m = len(source), len(fixed)
    while True:
        k = _same_run(source, i, fixed, j)
        i, j = i + k, j + k
        if i >= n or j >= m:
            if i < n or j < m:
                edits.append((j, m, i, n))
            return edits
        sync = None
        for total in range(1, 2 * _MAX_RUN + 1):
            for di in range(max(0, total - _MAX_RUN), min(total, _MAX_RUN) + 1):
                a, b = i + di, j + total - di
                want = min(_SYNC, n - a, m - b)
                if (want == _SYNC or (n - a == m - b)) and source[a:a + want] == fixed[b:b + want]:
                    sync = (a, b)
                    break
            if sync:
                break
        if sync is None:  # no agreement again: the rest is one replaced run
            edits.append((j, m, i, n))
            return edits
        edits.append((j, sync[1], i, sync[0]))
        i, j = sync
