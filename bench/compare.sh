#!/usr/bin/env bash
# Whole-process cost of lts-policy against ubuntu-distro-info on the same
# question ("which releases are supported on 2026-03-01?"), for two builds
# of lts-policy: the distribution build (static, musl) and the plain
# `cargo build --release` that `cargo install` gives. For each: instructions
# (callgrind, repeatable), peak resident memory (GNU time, median of 9 runs)
# and wall time (hyperfine, when installed). Then the cost of `releases`
# over 1x, 10x and 100x as many lines, in time and peak memory.
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

# The plain release build, as `cargo install` makes it.
cargo build --release --quiet
plain="target/release/lts-policy"

# The distribution build: linked statically against musl, without
# position-independent code. A start then skips the dynamic loader's
# relocations and symbol lookups (about 190,000 instructions), and the
# smaller C library keeps the text segment, which ends up resident, small.
# Without the musl target (rustup target add x86_64-unknown-linux-musl),
# glibc linked statically; elsewhere than x86_64 Linux, the plain build.
dist_flags="-C relocation-model=static"
if [ "$(uname -sm)" = "Linux x86_64" ] &&
    { rustup target list --installed 2>/dev/null | grep -q musl ||
        rustup target add x86_64-unknown-linux-musl >/dev/null 2>&1; }; then
    target="x86_64-unknown-linux-musl"
elif [ "$(uname -sm)" = "Linux x86_64" ]; then
    target="x86_64-unknown-linux-gnu"
    dist_flags="$dist_flags -C target-feature=+crt-static"
else
    target=""
fi
if [ -n "$target" ]; then
    RUSTFLAGS="$dist_flags" cargo build --release --quiet --target "$target" --target-dir target/static
    dist="target/static/$target/release/lts-policy"
else
    dist="$plain"
fi

instructions() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
        sed -n 's/.*Collected : //p'
}

peak_rss_kib() {
    for _ in 1 2 3 4 5 6 7 8 9; do
        /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1
    done | sort -n | sed -n 5p
}

theirs=(ubuntu-distro-info --supported --date=2026-03-01)
theirs_ir=$(instructions "${theirs[@]}")
theirs_rss=$(peak_rss_kib "${theirs[@]}")

echo "query: which releases are supported on 2026-03-01"
printf '%-26s %12s %12s\n' "build" "instructions" "peak RSS KiB"
printf '%-26s %12s %12s\n' "ubuntu-distro-info" "$theirs_ir" "$theirs_rss"
for build in dist plain; do
    bin=${!build}
    ours=("$bin" supported --on 2026-03-01 --format plain)
    ours_ir=$(instructions "${ours[@]}")
    ours_rss=$(peak_rss_kib "${ours[@]}")
    printf '%-26s %12s %12s\n' "lts-policy ($build)" "$ours_ir" "$ours_rss"
    awk -v a="$ours_ir" -v b="$theirs_ir" -v m="$ours_rss" -v n="$theirs_rss" -v build="$build" 'BEGIN {
        printf "  %s: %.2fx distro-info'"'"'s instructions, %.2fx its peak RSS\n", build, a / b, m / n
    }'
done
echo "distribution build: target at most 0.80x the instructions and 1.00x the peak RSS"

if command -v hyperfine >/dev/null; then
    echo
    hyperfine -N --warmup 20 --runs 300 --style basic \
        "$dist supported --on 2026-03-01 --format plain" \
        "$plain supported --on 2026-03-01 --format plain" \
        "${theirs[*]}" 2>/dev/null |
        grep -E "Benchmark|Time|±|faster|times"
fi

echo
echo "releases from 2025-01-01 to ... --json, distribution build (lines, time, peak RSS)"
for to in 2105-12-31 2825-12-31 9999-12-31; do
    lines=$("$dist" releases --from 2025-01-01 --to "$to" --format plain | wc -l)
    rss=$(peak_rss_kib "$dist" releases --from 2025-01-01 --to "$to" --json)
    if command -v hyperfine >/dev/null; then
        mean=$(hyperfine -N --warmup 3 --runs 30 --export-json /dev/stdout --style none \
            "$dist releases --from 2025-01-01 --to $to --json" 2>/dev/null |
            sed -n 's/.*"mean": *\([0-9.e-]*\).*/\1/p' | head -n 1)
        printf '%-12s %7d lines  %8.2f ms  %6d KiB\n' "$to" "$lines" \
            "$(awk -v s="$mean" 'BEGIN { print s * 1000 }')" "$rss"
    else
        printf '%-12s %7d lines  %6d KiB\n' "$to" "$lines" "$rss"
    fi
done
