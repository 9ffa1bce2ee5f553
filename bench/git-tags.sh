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
bash bench/tag-repo.sh "$lines" "$repo"

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
