#!/usr/bin/env bash
# A git repository with LINES lines of 10 release tags each (x.y.0 to
# x.y.9, a day apart), half of them annotated, from 1985 on, made in one
# `git fast-import`: the input of `bench/git-tags.sh` and
# `bench/large.sh`. LINES lines are closer together where a month apart
# would run past 2025: 10,000 makes 100,000 tags, a day apart.
# Usage: bash bench/tag-repo.sh LINES DIR
set -euo pipefail
lines="$1"
repo="$2"
git init -q "$repo"

# One commit and one tag per release; marks keep the stream to one pass.
python3 - "$lines" <<'PY' | git -C "$repo" fast-import --quiet
import sys
start = 473385600  # 1985-01-01
day = 86400
lines = int(sys.argv[1])
# 1985-01-01 to 2025-01-01: 14,610 days.
apart = max(1, min(30, 14610 // lines))
mark = 0
for n in range(lines):
    major, minor = 1 + n // 10, n % 10
    released = start + n * apart * day
    for patch in range(10):
        mark += 1
        when = released + patch * day
        message = f"{major}.{minor}.{patch}"
        print(f"commit refs/heads/main\nmark :{mark}\ncommitter t <t@example.com> {when} +0000")
        print(f"data {len(message)}\n{message}")
        if mark > 1:
            print(f"from :{mark - 1}")
        print()
        name = f"v{major}.{minor}.{patch}"
        if mark % 2:
            print(f"tag {name}\nfrom :{mark}\ntagger t <t@example.com> {when} +0000")
            print(f"data {len(name)}\n{name}")
        else:
            print(f"reset refs/tags/{name}\nfrom :{mark}\n")
PY

