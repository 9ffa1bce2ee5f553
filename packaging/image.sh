#!/usr/bin/env bash
# Builds the container image lts-policy:VERSION (and :latest) from the static
# build with buildah, or podman where buildah is not installed. Prints the
# image's name.
#
#   bash packaging/image.sh && podman run --rm lts-policy supported
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v buildah >/dev/null; then
  build=(buildah build)
elif command -v podman >/dev/null; then
  build=(podman build)
else
  echo "error: neither buildah nor podman is installed (apt-get install buildah)" >&2
  exit 2
fi
binary=$(bash bench/dist.sh 2>/dev/null)
# The image needs a binary that links nothing: the musl target's (dist.sh
# falls back to glibc without it).
if [[ $binary != *-musl/* ]]; then
  echo "error: $binary is not the static musl build: rustup target add x86_64-unknown-linux-musl" >&2
  exit 2
fi
context=$(mktemp -d)
trap 'rm -rf "$context"' EXIT
cp "$binary" "$context/lts-policy"
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
"${build[@]}" --quiet --file packaging/Containerfile --tag "lts-policy:$version" --tag lts-policy:latest "$context" >/dev/null
echo "lts-policy:$version"
