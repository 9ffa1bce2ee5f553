#!/usr/bin/env bash
# Rebuilds the catalogue the program carries from an endoflife.date
# checkout: one policy per product file, made by the program's own
# generator (`policy --from-endoflife`), with release-data's versions where
# the release-data checkout has the product's.
#
#   bash catalogue/rebuild.sh ENDOFLIFE_PRODUCTS_DIR [RELEASE_DATA_DIR]
#
# e.g. with git clones of endoflife-date/endoflife.date and
# endoflife-date/release-data side by side:
#   bash catalogue/rebuild.sh ../endoflife.date/products ../release-data/releases
# A product file the generator cannot take stops the rebuild with its
# `error:` line; the build then checks every policy again.
set -euo pipefail
products=${1:?usage: rebuild.sh ENDOFLIFE_PRODUCTS_DIR [RELEASE_DATA_DIR]}
release_data=${2:-}
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
    "$program" policy --from-endoflife "$file" "${versions[@]}" >"$here/products/$name.json"
done
echo "catalogue: $(ls "$here"/products/*.json | wc -l) products"
