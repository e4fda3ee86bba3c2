"""Build src/flashpoint/text/lowercase_words.txt: words that normally cased news writes in lower case.

Lower-cased archives lose the capitals that tell "BJP" from "bjp" and "May" (the person) from "may". When a
sentence has no capitals, the actors stage looks knowledge-base names up in their cased form (flashpoint.text.casing),
but only for words that are not ordinary words: a word is ordinary when normally cased news (the open GVA articles and
the NGEC synthetic stories in ../shared/data) writes it in lower case at least `--min` times and in lower case at
least a tenth as often as capitalised. Only the word list is written (no text from the data).

    python training/build_lowercase_words.py [--min 2]
"""

from __future__ import annotations

import argparse
import collections
import csv
import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "src" / "flashpoint" / "text" / "lowercase_words.txt"
WORD = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Za-z][a-z'-]*[a-z]\b|\b[a-z]\b")


def texts() -> list[str]:
    out = []
    with gzip.open(DATA / "gva" / "incidents.dev.jsonl.gz", "rt") as f:
        for line in f:
            for doc in json.loads(line).get("docs") or []:
                out.append(doc.get("content") or "")
    csv.field_size_limit(sys.maxsize)
    with open(DATA / "ngec" / "synthetic_stories.csv", newline="") as f:
        for row in csv.DictReader(f):
            out.append(" ".join(v for v in row.values() if isinstance(v, str) and len(v) > 80))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--min", type=int, default=2)
    args = ap.parse_args()
    lower, upper = collections.Counter(), collections.Counter()
    for text in texts():
        for m in WORD.finditer(text):
            w = m.group()
            if w.islower():
                lower[w] += 1
            elif w[0].isupper() and w[1:].islower():
                upper[w.lower()] += 1
    words = sorted(w for w, n in lower.items() if n >= args.min and n * 10 >= upper[w])
    header = ("# Words that normally cased news writes in lower case (built by training/build_lowercase_words.py from\n"
              "# the open GVA articles and NGEC stories). In text without capitals these are read as ordinary words,\n"
              "# never as the names they can also be (flashpoint.text.casing).\n")
    OUT.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
