"""Mark the actor and recipient spans in a sentence, the same way for training and at run time.

Typed punctuation markers ("@ actor @", "# recipient #") work better than new vocabulary tokens when there are only
~1,000 training sentences: the encoder already has embeddings for them. The character offset of each opening marker
is returned, so the token that carries it can be found from the tokenizer's offsets.
"""

from __future__ import annotations

Span = tuple[int, int]

ACTOR_OPEN, ACTOR_CLOSE = "@ ", " @"
RECIP_OPEN, RECIP_CLOSE = "# ", " #"


def _clean(spans: list[Span], n: int) -> list[Span]:
    out = []
    for s, e in spans:
        s, e = max(0, int(s)), min(n, int(e))
        if e > s:
            out.append((s, e))
    return out


def mark(text: str, actor: list[Span], recipient: list[Span]) -> tuple[str, int, int]:
    """Marked text and the char offsets of the first actor and recipient opening markers (-1 when absent).

    Overlapping spans keep the first one inserted (actor before recipient); a recipient nested inside an actor
    span is dropped, since markers cannot interleave."""
    n = len(text)
    items = [(s, e, 0) for s, e in _clean(actor, n)] + [(s, e, 1) for s, e in _clean(recipient, n)]
    kept: list[tuple[int, int, int]] = []
    for it in items:
        if all(it[1] <= k[0] or it[0] >= k[1] for k in kept):
            kept.append(it)
    kept.sort()
    parts: list[str] = []
    pos = 0
    out_len = 0
    first = [-1, -1]
    for s, e, kind in kept:
        chunk = text[pos:s]
        parts.append(chunk)
        out_len += len(chunk)
        opener, closer = (ACTOR_OPEN, ACTOR_CLOSE) if kind == 0 else (RECIP_OPEN, RECIP_CLOSE)
        if first[kind] < 0:
            first[kind] = out_len
        seg = opener + text[s:e] + closer
        parts.append(seg)
        out_len += len(seg)
        pos = e
    parts.append(text[pos:])
    return "".join(parts), first[0], first[1]


def strip_tags(marked: str, tags: tuple[tuple[str, str], ...] = (("<s>", "</s>"), ("<t>", "</t>"))) -> tuple[
        str, list[Span], list[Span]]:
    """Text and spans from a sentence with XML-ish tags (the PLV benchmark's "<s>actor</s> ... <t>target</t>")."""
    spans: list[list[Span]] = [[] for _ in tags]
    out: list[str] = []
    i = 0
    length = 0
    open_at: list[int | None] = [None] * len(tags)
    while i < len(marked):
        for k, (o, c) in enumerate(tags):
            if marked.startswith(o, i):
                open_at[k] = length
                i += len(o)
                break
            if marked.startswith(c, i):
                if open_at[k] is not None:
                    spans[k].append((open_at[k], length))  # type: ignore[arg-type]
                    open_at[k] = None
                i += len(c)
                break
        else:
            out.append(marked[i])
            length += 1
            i += 1
    return "".join(out), spans[0], spans[1]
