"""Draft of the country table for src/flashpoint/knowledge/countries.tsv, from pycountry's ISO 3166-1 list.

The committed TSV is the source of truth and is hand-corrected (demonyms, capitals, places, folding dependencies into
their state, Kosovo): this script only gives the first draft and checks the committed table against ISO.

    python training/build_countries.py --draft > /tmp/countries_draft.tsv   # iso3, names; the rest left empty
    python training/build_countries.py --check                             # ISO codes missing from the TSV

Needs `pip install pycountry` (a build-time helper; the package does not depend on it).
"""

from __future__ import annotations

import sys
from pathlib import Path

TSV = Path(__file__).resolve().parents[1] / "src" / "flashpoint" / "knowledge" / "countries.tsv"
COLUMNS = ["iso3", "code", "name", "alt_names", "demonyms", "capitals", "places", "sector"]


def draft_rows() -> list[list[str]]:
    import pycountry

    rows = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        name = getattr(c, "common_name", None) or c.name
        alts = [n for n in (c.name, getattr(c, "official_name", None)) if n and n != name]
        rows.append([c.alpha_3, c.alpha_3, name, "|".join(dict.fromkeys(alts)), "", "", "", ""])
    rows.append(["XKX", "XKX", "Kosovo", "Republic of Kosovo", "", "", "", ""])  # no ISO code; XKX by convention
    return rows


def committed_codes() -> set[str]:
    codes = set()
    for line in TSV.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("iso3\t"):
            codes.add(line.split("\t", 1)[0])
    return codes


def main() -> int:
    if "--check" in sys.argv:
        missing = [r[0] for r in draft_rows() if r[0] not in committed_codes()]
        print("missing from countries.tsv:", ", ".join(missing) or "none")
        return 1 if missing else 0
    print("\t".join(COLUMNS))
    for row in draft_rows():
        print("\t".join(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
