#!/usr/bin/env bash
# How long `--git` takes on a repository with 5,000 release tags: 500
# lines a month apart with 10 releases each (x.y.0 to x.y.9, a day apart),
# half of them annotated, made in one `git fast-import`; `supported` and
# `audit`, which reads every line, side by side. Run from the
# repository's root: `bash bench/git-tags.sh [LINES]`; LINES (500 by
# default) lines are closer together where a month apart would run past
# 2025: `bash bench/git-tags.sh 10000` makes 100,000 tags, a day apart.
set -euo pipefail
lines="${1:-500}"

cargo build --release --quiet
binary="$PWD/target/release/lts-policy"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
repo="$work/repo"
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

echo "tags: $(git -C "$repo" tag | wc -l)"
policy="$work/policy.json"
cat > "$policy" <<'JSON'
{"name": "bench", "releases": {"every_months": 1}, "branch_template": "b/{major}.{minor}",
 "history": [{"line": "1.0", "released": "1985-01-01"}]}
JSON
"$binary" --git "$repo" --policy "$policy" supported --on 2026-01-01
hyperfine --warmup 3 --runs 30 -N --ignore-failure \
    "$binary --git $repo --policy $policy supported --on 2026-01-01" \
    "$binary --git $repo --policy $policy audit --on 2026-01-01" \
    "git -C $repo for-each-ref --format=%(refname:strip=2) refs/tags"
