#!/usr/bin/env bash
# Builds the distribution binary and prints its path.
#
# Linked statically (against musl when its target is installed, else
# glibc) and without position-independent code: a start then skips the
# dynamic loader's relocations and symbol lookups (about 190,000
# instructions), and no shared C library is mapped.
#
# Then the code a run executes is put first. The kernel maps the code
# around every page a process touches (fault-around, 64 KiB at a time), so
# the part of the text segment that becomes resident is set by how far
# apart the executed functions lie, not by how many there are: spread over
# 1.5 MB, they make nearly all of it resident. With valgrind installed the
# script builds once, records which functions the usual questions execute
# (callgrind), and links again with those first (lld's
# --symbol-ordering-file): the functions every run executes, then those
# fewer runs do. Without valgrind the first build is the result.
#
# Usage: bench/dist.sh    (prints the binary's path on stdout; notes on stderr)
set -euo pipefail
cd "$(dirname "$0")/.."

note() { echo "dist.sh: $*" >&2; }

if [ "$(uname -sm)" != "Linux x86_64" ]; then
    note "not x86_64 Linux: the plain release build"
    cargo build --release --quiet
    echo "target/release/lts-policy"
    exit 0
fi

flags="-C relocation-model=static"
if rustup target list --installed 2>/dev/null | grep -qx x86_64-unknown-linux-musl; then
    target=x86_64-unknown-linux-musl
else
    note "no musl target (rustup target add x86_64-unknown-linux-musl): glibc, linked statically"
    target=x86_64-unknown-linux-gnu
    flags="$flags -C target-feature=+crt-static"
fi
# rust-lld, which the gnu target links with already, for both targets:
# the musl target's default linker has no symbol ordering.
gcc_ld="$(rustc --print sysroot)/lib/rustlib/x86_64-unknown-linux-gnu/bin/gcc-ld"
flags="$flags -C link-arg=-B$gcc_ld -C link-arg=-fuse-ld=lld"

build() { # TARGET_DIR EXTRA_FLAGS
    RUSTFLAGS="$flags $2" cargo build --release --quiet --target "$target" --target-dir "$1"
    echo "$1/$target/release/lts-policy"
}

first=$(build target/dist-profile "")
if ! command -v valgrind >/dev/null; then
    note "no valgrind: the functions are not ordered (apt-get install valgrind)"
    echo "$first"
    exit 0
fi

# The questions CI asks most, on fixed dates.
runs=(
    "supported --on 2026-03-01 --format plain"
    "supported --on 2026-03-01 --json"
    "status 1.3.7 --on 2026-11-25"
    "backport-targets --on 2026-11-25 --format plain"
    "tag latest-lts --on 2026-11-25"
    "next-patch --after 2026-11-25"
    "releases --from 2026-01-01 --to 2027-12-31 --json"
)
order=target/dist-profile/hot-functions.txt
defined=$(mktemp)
trap 'rm -f "$defined"' EXIT
nm --defined-only "$first" | awk '{ print $3 }' | sort -u >"$defined"
for run in "${runs[@]}"; do
    profile=$(mktemp)
    # shellcheck disable=SC2086 # each run is its words
    valgrind --tool=callgrind --demangle=no --callgrind-out-file="$profile" "$first" $run \
        >/dev/null 2>&1 || true
    # A function with a cost of its own has an `fn=` block; its name is
    # given the first time its number appears, maybe as a callee (`cfn=`).
    awk '
        match($0, /^c?fn=\([0-9]+\)/) {
            id = substr($0, RSTART, RLENGTH); sub(/^c?fn=/, "", id)
            name = substr($0, RLENGTH + 2)
            if (name != "") names[id] = name
            if ($0 ~ /^fn=/) ran[id] = 1
        }
        END { for (id in ran) print names[id] }' "$profile" |
        sed "s/'[0-9]*\$//" | sort -u
    rm -f "$profile"
done | sort | uniq -c | sort -k1,1nr -k2 | awk '{ print $2 }' |
    grep -Fxf "$defined" >"$order"
note "$(wc -l <"$order") functions first, from ${#runs[@]} runs"
build target/dist "-C link-arg=-Wl,--symbol-ordering-file=$PWD/$order"
