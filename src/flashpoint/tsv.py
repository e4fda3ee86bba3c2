"""The one reader of the knowledge files: tab-separated values with `#` comment lines, shipped inside the package.

    rows("flashpoint.store", "fips.tsv", header=True)        # [["ABW", "AA", "Aruba"], ...]
    rows("flashpoint.ontology", "modes.tsv", width=7)        # padded to 7 cells; more is an error
    words("flashpoint.text", "sentence_starters.txt")        # ["A", "About", ...]: one word or phrase a line
    lists("flashpoint.extract", "events_words.tsv")          # {"stance": ["condemned", ...], ...}: kind<TAB>word

A line starting with `#` is a comment and a blank line is nothing. Files whose header line is not commented say
so with `header=True` (the first remaining line is dropped). Cells are stripped of surrounding spaces.
"""

from __future__ import annotations

from importlib import resources


def text(package: str, name: str) -> str:
    """A data file of `package` (a dotted module name) as text."""
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


def rows(package: str, name: str, *, header: bool = False, width: int | None = None,
         extra: str = "error") -> list[list[str]]:
    """The rows of `package`'s TSV file `name`, comments and blank lines skipped.

    header: drop the first non-comment line. width: pad every row to this many cells; a row with more is an error
    (extra="error") or cut (extra="drop")."""
    out = []
    for line in text(package, name).splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        cells = [c.strip() for c in line.split("\t")]
        if width is not None:
            if len(cells) > width:
                if extra == "error":
                    raise ValueError(f"{package}/{name}: {len(cells)} columns, expected {width}: {line!r}")
                cells = cells[:width]
            cells += [""] * (width - len(cells))
        out.append(cells)
    return out


def words(package: str, name: str) -> list[str]:
    """The lines of `package`'s word list `name` (one entry a line, kept whole), comments and blank lines skipped."""
    return [line.strip() for line in text(package, name).splitlines() if line.strip() and not line.startswith("#")]


def lists(package: str, name: str) -> dict[str, list[str]]:
    """The word lists of `package`'s file `name`, rows of kind <TAB> word: kind -> its words in file order.

    The layout of the knowledge a module keeps out of its code; a row that is not two non-empty cells is an error."""
    out: dict[str, list[str]] = {}
    for row in rows(package, name):
        if len(row) != 2 or not all(row):
            raise ValueError(f"{package}/{name}: expected kind<TAB>word, got {row!r}")
        out.setdefault(row[0], []).append(row[1])
    return out
