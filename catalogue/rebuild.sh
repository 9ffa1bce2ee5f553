#!/usr/bin/env bash
# Rebuilds the catalogue the program carries from an endoflife.date
# checkout: one policy per product file, made by the program's own
# generator (`policy --from-endoflife`), with release-data's versions where
# the release-data checkout has the product's, each record complete up to
# the checkout's day (its last commit's, or AS_OF where given): what the
# files say holds on every day up to it, and the rules project after it.
#
#   bash catalogue/rebuild.sh ENDOFLIFE_PRODUCTS_DIR [RELEASE_DATA_DIR [AS_OF]]
#
# A products folder inside a git checkout takes its last commit's day: give
# AS_OF where the folder is a copy kept in some other repository.
#
# e.g. with git clones of endoflife-date/endoflife.date and
# endoflife-date/release-data side by side:
#   bash catalogue/rebuild.sh ../endoflife.date/products ../release-data/releases
# or, from copies that are no git checkout (the snapshot's day given):
#   bash catalogue/rebuild.sh ../shared/data/endoflife/products \
#       ../shared/data/endoflife/release-data 2026-08-22
# A product file the generator cannot take stops the rebuild with its
# `error:` line; the build then checks every policy again.
set -euo pipefail
products=${1:?usage: rebuild.sh ENDOFLIFE_PRODUCTS_DIR [RELEASE_DATA_DIR [AS_OF]]}
release_data=${2:-}
as_of=${3:-$(git -C "$products" log -1 --format=%cs 2>/dev/null || true)}
if [[ -z $as_of ]]; then
    echo "error: $products is no git checkout: give the day its files are complete up to" \
        "as the third argument (AS_OF, e.g. 2026-08-22)" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
cargo build --release --quiet --manifest-path "$here/../Cargo.toml"
program="$here/../target/release/lts-policy"
rm -f "$here"/products/*.json
mkdir -p "$here/products"
for file in "$products"/*.md; do
    name=$(basename "$file" .md)
    versions=()
    if [[ -n $release_data && -f $release_data/$name.json ]]; then
        versions=(--release-data "$release_data/$name.json")
    fi
    "$program" policy --from-endoflife "$file" "${versions[@]}" --as-of "$as_of" \
        >"$here/products/$name.json"
done
echo "catalogue: $(ls "$here"/products/*.json | wc -l) products"
