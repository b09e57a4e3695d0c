#!/usr/bin/env python3
"""Compute the expected `standmap tally --json` of fair.csv, independently of
standmap's Go code, straight from the contract's definitions.

    python3 testdata/fair/expect.py testdata/fair/fair.csv > testdata/fair/expected_tally.json

Neighbourhoods and aliases are copied from shared/data/daugavpils.md.
"""
import csv
import json
import sys
import unicodedata
from datetime import datetime

HOODS = {  # name: aliases (shared/data/daugavpils.md)
    "Centrs": [], "Cietoksnis": [], "Dzintari": [], "Esplanāde": [],
    "Dzelzceļnieks": ["Dzelzceļnieku ciemats"],
    "Vecā Forštadte": ["Vecā Forštate"], "Jaunā Forštadte": ["Jaunā Forštate"],
    "Ķīmija": ["Ķīmiķu ciemats"], "Jaunbūve": [], "Gajoks": [], "Čerepova": [],
    "Ruģeļi": [], "Jaunie Stropi": [], "Vecie Stropi": ["Vecstropi"],
    "Mazie Stropi": [], "Križi": [], "Vidus Poguļanka": ["Viduspoguļanka"],
    "Vizbuļi": [], "Mežciems": [], "Ezermala": [], "Judovka": [], "Grīva": [],
    "Liginišķi": [], "Niderkūni": [], "Kalkūni": [],
}


def fold(s):
    """NFKD, combining marks removed, lower case."""
    d = unicodedata.normalize("NFKD", s)
    return "".join(c for c in d if unicodedata.category(c) != "Mn").lower()


def spelling(s):
    """White space runs made one space; trailing white space and .,!?; removed."""
    s = " ".join(s.split())
    while True:
        t = s.rstrip(".,!?;:").rstrip()
        if t == s:
            return s
        s = t


LOOKUP = {}
for name, aliases in HOODS.items():
    for a in [name] + aliases:
        LOOKUP[fold(a)] = name


def hood(s):
    return LOOKUP[fold(" ".join(s.split()))]


def tally(event, responses):
    hoods = {n: 0 for n in HOODS}
    groups = {}  # key -> {"responses", "mentions": [(time, order, mark, spelling)], "cats"}
    for order, r in enumerate(responses):
        seen_hoods, seen_keys = set(), set()
        for mark, (h, wish, cat) in enumerate(r["marks"]):
            if h:
                seen_hoods.add(hood(h))
            sp = spelling(wish)
            if not sp:
                continue
            g = groups.setdefault(fold(sp), {"responses": 0, "mentions": [], "cats": {}})
            g["mentions"].append((r["time"], order, mark, sp))
            if cat:
                g["cats"][cat] = g["cats"].get(cat, 0) + 1
            if fold(sp) not in seen_keys:
                seen_keys.add(fold(sp))
                g["responses"] += 1
        for h in seen_hoods:
            hoods[h] += 1
    wishes = []
    for key, g in groups.items():
        per = {}
        for t, order, mark, sp in sorted(g["mentions"]):
            per.setdefault(sp, []).append((t, order, mark))
        text = min(per, key=lambda sp: (-len(per[sp]), per[sp][0]))
        cat = min(g["cats"], key=lambda c: (-g["cats"][c], c)) if g["cats"] else ""
        wishes.append({"text": text, "key": key, "category": cat, "count": g["responses"]})
    wishes.sort(key=lambda w: (-w["count"], w["key"].encode()))
    ranked = sorted(hoods, key=lambda n: (-hoods[n], fold(n).encode()))
    return {
        "event": event,
        "responses": len(responses),
        "neighbourhoods": [{"name": n, "count": hoods[n]} for n in ranked],
        "wishes": wishes,
    }


def main(path):
    events = {}  # event -> {id -> response}, in order of first appearance
    with open(path, newline="", encoding="utf-8") as f:
        rows = csv.reader(f)
        next(rows)
        for rid, created, event, age, h, wish, cat in rows:
            rs = events.setdefault(event, {})
            r = rs.setdefault(rid, {"time": datetime.fromisoformat(created), "marks": []})
            r["marks"].append((h, wish, cat))
    out = [tally(ev, list(rs.values())) for ev, rs in events.items()]
    json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
    print()


if __name__ == "__main__":
    main(sys.argv[1])
