#!/usr/bin/env bash
# Whole-process cost of lts-policy against ubuntu-distro-info on the same
# question ("which releases are supported on 2026-03-01?"), for two builds
# of lts-policy: the distribution build (bench/dist.sh) and the plain
# `cargo build --release` that `cargo install` gives. For each:
# instructions (callgrind, repeatable), peak resident memory (GNU time,
# median of 9 runs) and wall time (hyperfine, when installed); then where
# the distribution build's instructions go (callgrind's functions, by
# inclusive cost), the catalogue's products by name (Node.js's history,
# the largest of the examples, against Kestra's; Ubuntu's against
# ubuntu-distro-info's own data; the whole `products` list), and the cost
# of `releases` over 1x, 10x and 100x as many lines, in time and peak
# memory.
#
# Usage: bench/compare.sh [--install]
#   --install  install what is missing (distro-info, valgrind, time with
#              apt-get; the musl target with rustup) instead of naming it
set -euo pipefail
cd "$(dirname "$0")/.."

install=false
case "${1:-}" in
--install) install=true ;;
"") ;;
*)
    echo "usage: bench/compare.sh [--install]" >&2
    exit 2
    ;;
esac

missing=()
command -v ubuntu-distro-info >/dev/null || missing+=(distro-info)
command -v valgrind >/dev/null || missing+=(valgrind)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    if ! $install; then
        echo "error: missing ${missing[*]}: apt-get install ${missing[*]}," \
            "or run bench/compare.sh --install" >&2
        exit 2
    fi
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq >/dev/null
    $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if $install && [ "$(uname -sm)" = "Linux x86_64" ] &&
    ! rustup target list --installed | grep -qx x86_64-unknown-linux-musl; then
    rustup target add x86_64-unknown-linux-musl >/dev/null
fi

cargo build --release --quiet
plain="target/release/lts-policy"
dist=$(bash bench/dist.sh)

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
echo "targets: distribution at most 0.40x the instructions and 1.00x the peak RSS;"
echo "         plain at most 1.00x the instructions and 1.25x the peak RSS"

echo
echo "the catalogue, by name (instructions; the same question, 2026-03-01):"
printf '%-26s %12s %12s %12s\n' "build" "nodejs" "ubuntu" "products"
for build in dist plain; do
    bin=${!build}
    kestra_ir=$(instructions "$bin" supported --on 2026-03-01 --format plain)
    nodejs_ir=$(instructions "$bin" --policy nodejs supported --on 2026-03-01 --format plain)
    ubuntu_ir=$(instructions "$bin" --policy ubuntu supported --on 2026-03-01 --format plain)
    products_ir=$(instructions "$bin" products)
    printf '%-26s %12s %12s %12s\n' "lts-policy ($build)" "$nodejs_ir" "$ubuntu_ir" "$products_ir"
    awk -v n="$nodejs_ir" -v k="$kestra_ir" -v u="$ubuntu_ir" -v d="$theirs_ir" -v build="$build" 'BEGIN {
        printf "  %s: nodejs %.2fx Kestra'"'"'s, ubuntu %.2fx distro-info'"'"'s\n", build, n / k, u / d
    }'
done
echo "targets: nodejs at most 1.50x Kestra's; ubuntu at most 1.00x distro-info's"
products_s=$( { /usr/bin/time -f %e "$plain" products >/dev/null; } 2>&1 | tail -n 1)
echo "products (plain build, one run): ${products_s} s; target under 0.020 s"

if command -v hyperfine >/dev/null; then
    echo
    hyperfine -N --warmup 20 --runs 300 --style basic \
        "$dist supported --on 2026-03-01 --format plain" \
        "$plain supported --on 2026-03-01 --format plain" \
        "${theirs[*]}" 2>/dev/null |
        grep -E "Benchmark|Time|±|faster|times"
else
    echo
    echo "(no hyperfine: no wall times; apt-get install hyperfine)"
fi

echo
echo "where the distribution build's instructions go (inclusive, callgrind):"
profile=$(mktemp)
trap 'rm -f "$profile"' EXIT
valgrind --tool=callgrind --callgrind-out-file="$profile" \
    "$dist" supported --on 2026-03-01 --format plain >/dev/null 2>&1
callgrind_annotate --inclusive=yes "$profile" 2>/dev/null |
    grep -E '^ *[0-9,]+ \(' | sed 's/ \[.*//; s/???://' | sed -n '2,25p'

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
