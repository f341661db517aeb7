#!/usr/bin/env python3
"""Builds dev.tsv, test.tsv, holdout.tsv and final.tsv from the hand-written dev.src, test.src, holdout.src and final.src (see README.md).

Each block "== INCIDENT DAY HOUR" is one incident; each line "ROLE[:platform]|author|followers|text".
Times: the block starts at 2026-11-02 00:00 +08:00 plus DAY days and HOUR hours; each next line comes
0.2-5 hours later (seeded), a follow-up (F) 12-30 hours later. Reposts (R) and comments (T) answer the
block's first line. Deterministic: python3 build.py writes the same files every time.
"""
import random
from datetime import datetime, timedelta, timezone

ROLES = {"C": ("complaint", "post"), "Y": ("copy", "post"), "R": ("repost", "repost"), "T": ("comment", "comment"),
         "K": ("kol", "post"), "M": ("media", "post"), "G": ("government", "post"), "B": ("brand", "post"),
         "F": ("followup", "post")}
ACCOUNT = {"M": "media", "G": "government", "B": "enterprise"}
PLATFORMS = {"w": "weibo", "x": "xiaohongshu", "d": "douyin"}
BASE = datetime(2026, 11, 2, tzinfo=timezone(timedelta(hours=8)))
HEADER = "id\tincident\trole\tplatform\tkind\tparent\tauthor\tfollowers\tverified\taccountType\tat\ttext"


def build(name, prefix):
    rng = random.Random(name)
    rows, incident, at, first, n = [], None, None, None, 0
    for number, line in enumerate(open(name + ".src", encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        if line.startswith("== "):
            incident, day, hour = line[3:].split()
            at = BASE + timedelta(days=int(day), hours=int(hour))
            first = None
            continue
        head, author, followers, text = line.split("|", 3)
        code, _, plat = head.partition(":")
        role, kind = ROLES[code]
        if first is not None:
            at += timedelta(hours=rng.uniform(12, 30) if code == "F" else rng.uniform(0.2, 5))
        n += 1
        ident = f"{prefix}{n:04d}"
        platform = PLATFORMS[plat or "w"]
        parent = ""
        if kind != "post":
            if first is None:
                raise SystemExit(f"{name}.src:{number}: a reply needs an original before it")
            parent = first[0]
            platform = first[1]
        verified = "true" if code in ACCOUNT else "false"
        rows.append("\t".join([ident, incident, role, platform, kind, parent, author, followers, verified,
                               ACCOUNT.get(code, ""), at.replace(microsecond=0).isoformat(), text]))
        if first is None:
            first = (ident, platform)
    with open(name + ".tsv", "w", encoding="utf-8", newline="\n") as out:
        out.write(HEADER + "\n" + "\n".join(rows) + "\n")
    return rows


if __name__ == "__main__":
    for name, prefix in (("dev", "1"), ("test", "2"), ("holdout", "3"), ("final", "4")):
        rows = build(name, prefix)
        incidents = {}
        for r in rows:
            incidents.setdefault(r.split("\t")[1], []).append(r.split("\t")[2])
        mixed = [i for i, roles in incidents.items() if len(roles) >= 4 and len(set(roles)) >= 3]
        print(f"{name}: {len(rows)} mentions, {len(incidents)} incidents, {len(mixed)} with mixed sources "
              f"(4+ mentions, 3+ roles), {len(incidents) - len(mixed)} look-alikes")
    texts = [l.split("\t")[-1] for f in ("dev.tsv", "test.tsv", "holdout.tsv", "final.tsv") for l in open(f, encoding="utf-8").read().splitlines()[1:]]
    dupes = {t for t in texts if texts.count(t) > 1}
    print("texts occurring twice:", len(dupes), sorted(dupes)[:5])
