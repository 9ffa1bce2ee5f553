#!/usr/bin/env bash
# Builds the container image (packaging/image.sh) and checks it: nothing
# but the static binary, run as nobody, answering `supported`. Where the
# machine cannot run containers (a sandbox that refuses the runtime's
# setrlimit, say), the image's own binary is taken out of it with `podman
# image save` and run instead, saying so; without buildah or podman, or
# without the musl target, the test is skipped, saying so.
set -euo pipefail
cd "$(dirname "$0")/.."

skip() {
  echo "test-image: skipped: $*"
  exit 0
}
fail() {
  echo "test-image: FAILED: $*" >&2
  exit 1
}

command -v podman >/dev/null || skip "podman is not installed (apt-get install podman buildah)"
rustup target list --installed 2>/dev/null | grep -qx x86_64-unknown-linux-musl ||
  skip "the musl target is not installed (rustup target add x86_64-unknown-linux-musl)"

image=$(bash packaging/image.sh)
[[ $(podman image inspect "$image" --format '{{.Config.User}}') == 65534:65534 ]] ||
  fail "$image does not run as nobody"
[[ $(podman image inspect "$image" --format '{{json .Config.Entrypoint}}') == '["/usr/bin/lts-policy"]' ]] ||
  fail "$image's entrypoint is not the binary"

# On 2026-03-01 Kestra's 1.2 is the latest line and 1.0 the LTS one.
expected=$'1.2\n1.0'
if answer=$(podman run --rm "$image" supported --on 2026-03-01 --format plain 2>/tmp/test-image.err); then
  [[ $answer == "$expected" ]] || fail "the container answered: $answer"
  echo "test-image: $image runs: supported answers as expected"
  exit 0
fi
echo "test-image: podman cannot run a container here ($(head -n 1 /tmp/test-image.err)): running the image's binary from podman image save instead"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
podman image save --quiet --format docker-archive --output "$work/image.tar" "$image"
mkdir "$work/archive" "$work/root"
tar -xf "$work/image.tar" -C "$work/archive"
# manifest.json lists the layers: one, holding the binary alone.
layers=$(sed -n 's/.*"Layers":\[\([^]]*\)\].*/\1/p' "$work/archive/manifest.json" | tr ',' '\n' | tr -d '"')
[[ $(wc -l <<<"$layers") == 1 ]] || fail "$image has more than one layer: $layers"
files=$(tar -tf "$work/archive/$layers" | grep -v '/$')
[[ $files == "usr/bin/lts-policy" ]] || fail "$image holds more than the binary: $files"
tar -xf "$work/archive/$layers" -C "$work/root"
answer=$("$work/root/usr/bin/lts-policy" supported --on 2026-03-01 --format plain)
[[ $answer == "$expected" ]] || fail "the image's binary answered: $answer"
echo "test-image: $image holds the static binary alone, which answers as expected"
