#!/usr/bin/env python3
"""A policy file with a long history, to see how a command's cost grows
with the lines it reads: `audit` and `policy --fit` must stay linear.

Usage: bench/history.py LINES [--lts all|none|quarter] [--eol] [--draft]
                         [--apart DAYS]

LINES lines a week (or DAYS) apart, the newest on 2025-12-30 (a
Tuesday), so that all of them are history on any day a benchmark runs
(past 105,000 lines, a week apart would start before year 1); numbered
1.0 to 1.9, 2.0 ... as minor lines. `--lts` declares every line LTS (the
default), none, or every 4th; `--eol` records each line's end of
support (two lines later, a year for an LTS line); `--draft` leaves the
rules out, for `policy --fit` to fit them all. The rules: weekly on
Tuesday, each line until the next, LTS lines a year or until the 2nd LTS
line after.
"""

import argparse
import datetime
import json
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lines", type=int)
    parser.add_argument("--lts", choices=["all", "none", "quarter"], default="all")
    parser.add_argument("--eol", action="store_true")
    parser.add_argument("--draft", action="store_true")
    parser.add_argument("--apart", type=int, default=7)
    args = parser.parse_args()

    apart = datetime.timedelta(days=args.apart)
    first = datetime.date(2025, 12, 30) - (args.lines - 1) * apart
    every = {"all": 1, "none": 0, "quarter": 4}[args.lts]
    history = []
    for n in range(args.lines):
        released = first + n * apart
        lts = every > 0 and n % every == 0
        line = {"line": f"{1 + n // 10}.{n % 10}", "released": released.isoformat(), "lts": lts}
        if args.eol:
            eol = released + (52 if lts else 2) * apart
            line["eol"] = eol.isoformat()
        history.append(line)
    policy = {
        "name": "bench",
        "lines": "minor",
        "releases": {"every_weeks": 1, "on": "Tuesday"},
        "support": {"until_next": 1},
        "branch_template": "b/{major}.{minor}",
        "history": history,
    }
    if args.draft:
        policy = {"name": "bench", "lines": "minor", "history": history}
    elif every:
        policy["lts"] = {"every": every, "support": {"months": 12, "until_next": 2}}
    # One line per history entry, as the examples are written.
    head = json.dumps({k: v for k, v in policy.items() if k != "history"})[:-1]
    sys.stdout.write(head + ', "history": [\n')
    sys.stdout.write(",\n".join(json.dumps(line) for line in history))
    sys.stdout.write("\n]}\n")


if __name__ == "__main__":
    main()
