#!/usr/bin/env bash
# Whole-process cost of lts-policy against ubuntu-distro-info on the same
# question ("which releases are supported on 2026-03-01?"), measured in one
# run: instructions (callgrind, repeatable), peak resident memory (GNU time,
# median of 9 runs) and wall time (hyperfine, when installed). Then the
# cost of releases over 1x, 10x and 100x as many lines.
#
# Usage: bench/compare.sh            (installs distro-info and valgrind when missing)
set -euo pipefail
cd "$(dirname "$0")/.."

install() {
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq >/dev/null
    $sudo apt-get install -y -qq "$@" >/dev/null
}
command -v ubuntu-distro-info >/dev/null || install distro-info
command -v valgrind >/dev/null || install valgrind
[ -x /usr/bin/time ] || install time

# The distribution build: linked statically against musl, without
# position-independent code. A start then skips the dynamic loader's
# relocations and symbol lookups (about 190,000 instructions), and the
# smaller C library keeps the text segment, which ends up resident, small.
# Without the musl target (rustup target add x86_64-unknown-linux-musl),
# glibc linked statically; elsewhere than x86_64 Linux, the ordinary build.
export RUSTFLAGS="-C relocation-model=static"
if [ "$(uname -sm)" = "Linux x86_64" ] &&
    { rustup target list --installed 2>/dev/null | grep -q musl ||
        rustup target add x86_64-unknown-linux-musl >/dev/null 2>&1; }; then
    target="x86_64-unknown-linux-musl"
elif [ "$(uname -sm)" = "Linux x86_64" ]; then
    target="x86_64-unknown-linux-gnu"
    RUSTFLAGS="$RUSTFLAGS -C target-feature=+crt-static"
else
    target=""
    unset RUSTFLAGS
fi
if [ -n "$target" ]; then
    cargo build --release --quiet --target "$target" --target-dir target/static
    bin="target/static/$target/release/lts-policy"
else
    cargo build --release --quiet
    bin="target/release/lts-policy"
fi
echo "binary: $bin"

ours=("$bin" supported --on 2026-03-01 --format plain)
theirs=(ubuntu-distro-info --supported --date=2026-03-01)

instructions() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
        sed -n 's/.*Collected : //p'
}

peak_rss_kib() {
    for _ in 1 2 3 4 5 6 7 8 9; do
        /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1
    done | sort -n | sed -n 5p
}

ours_ir=$(instructions "${ours[@]}")
theirs_ir=$(instructions "${theirs[@]}")
ours_rss=$(peak_rss_kib "${ours[@]}")
theirs_rss=$(peak_rss_kib "${theirs[@]}")

echo "query: which releases are supported on 2026-03-01"
printf '%-58s %12s %12s\n' "command" "instructions" "peak RSS KiB"
printf '%-58s %12s %12s\n' "${ours[*]}" "$ours_ir" "$ours_rss"
printf '%-58s %12s %12s\n' "${theirs[*]}" "$theirs_ir" "$theirs_rss"
awk -v a="$ours_ir" -v b="$theirs_ir" -v m="$ours_rss" -v n="$theirs_rss" 'BEGIN {
    printf "instructions: %.2fx distro-info (target: at most 0.80x) %s\n", a / b, (a <= 0.8 * b ? "met" : "NOT met")
    printf "peak RSS:     %.2fx distro-info (target: at most 1.00x) %s\n", m / n, (m <= n ? "met" : "NOT met")
}'

if command -v hyperfine >/dev/null; then
    echo
    hyperfine -N --warmup 20 --runs 300 --style basic "${ours[*]}" "${theirs[*]}" 2>/dev/null |
        grep -E "Benchmark|Time|±|faster|times"
fi

echo
echo "releases from 2025-01-01 to ... --json (lines, then time)"
for to in 2105-12-31 2825-12-31 9999-12-31; do
    lines=$("$bin" releases --from 2025-01-01 --to "$to" --format plain | wc -l)
    if command -v hyperfine >/dev/null; then
        mean=$(hyperfine -N --warmup 3 --runs 30 --export-json /dev/stdout --style none \
            "$bin releases --from 2025-01-01 --to $to --json" 2>/dev/null |
            sed -n 's/.*"mean": *\([0-9.e-]*\).*/\1/p' | head -n 1)
        printf '%-12s %7d lines  %8.2f ms\n' "$to" "$lines" "$(awk -v s="$mean" 'BEGIN { print s * 1000 }')"
    else
        printf '%-12s %7d lines\n' "$to" "$lines"
    fi
done
