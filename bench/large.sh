#!/usr/bin/env bash
# Every command's wall time and peak memory on 100,000 lines: a policy
# file whose history lists them (bench/history.py: a week apart, every
# fourth LTS, each line's end recorded) and a repository of 100,000
# release tags (bench/tag-repo.sh: 10,000 lines of ten patches each) read
# with --git. Release build; the median of three runs of GNU time's
# elapsed seconds and peak resident KiB, written as a Markdown table.
# Run from the repository's root: `bash bench/large.sh`.
set -euo pipefail

[ -x /usr/bin/time ] || {
    echo "error: GNU time is missing: apt-get install time" >&2
    exit 2
}
cargo build --release --quiet
binary="$PWD/target/release/lts-policy"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 bench/history.py 100000 --lts quarter --eol >"$work/lines.json"
python3 bench/history.py 100000 --lts quarter --eol --draft >"$work/draft.json"
bash bench/tag-repo.sh 10000 "$work/repo"
cat >"$work/tags.json" <<'JSON'
{"name": "bench", "releases": {"every_months": 1}, "branch_template": "b/{major}.{minor}",
 "history": [{"line": "1.0", "released": "1985-01-01"}]}
JSON

# The median of three runs of the command: "seconds KiB".
measure() {
    for _ in 1 2 3; do
        /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -n 1
    done | sort -n | sed -n 2p
}

# The newest lines of each input, and a version of them.
lines_newest="10000.9"
tags_newest="1000.9"
on="2026-01-01"

row() {
    local label="$1" lines_args="$2" tags_args="$3"
    # shellcheck disable=SC2086 # the arguments are words on purpose
    read -r lines_s lines_kib <<<"$(measure "$binary" --policy "$work/lines.json" $lines_args)"
    # shellcheck disable=SC2086
    read -r tags_s tags_kib <<<"$(measure "$binary" --policy "$work/tags.json" --git "$work/repo" $tags_args)"
    echo "| \`$label\` | $lines_s s | $lines_kib KiB | $tags_s s | $tags_kib KiB |"
}

echo "| command | 100,000 lines: time | peak | 100,000 tags: time | peak |"
echo "|---|---|---|---|---|"
row "supported" "supported --on $on" "supported --on $on"
row "backport-targets" "backport-targets --on $on" "backport-targets --on $on"
row "status" "status $lines_newest.0 --on $on" "status $tags_newest.3 --on $on"
row "releases (the whole history)" "releases --from 0001-01-01 --to $on --on $on" \
    "releases --from 0001-01-01 --to $on --on $on"
row "releases --json" "releases --from 0001-01-01 --to $on --on $on --json" \
    "releases --from 0001-01-01 --to $on --on $on --json"
row "tag latest" "tag latest --on $on" "tag latest --on $on"
row "tags-for" "tags-for $lines_newest.1 --on $on" "tags-for $tags_newest.9 --on $on"
row "next-patch" "next-patch --on $on" "next-patch --on $on"
row "timeline" "timeline --from 0001-01-01 --to $on --on $on" \
    "timeline --from 1985-01-01 --to $on --on $on"
row "audit" "audit --on $on" "audit --on $on"
row "policy" "policy" "policy"
row "policy --check" "policy --check $work/lines.json" "policy --check $work/tags.json"
row "policy --fit" "policy --fit --policy $work/draft.json" "policy --fit"
