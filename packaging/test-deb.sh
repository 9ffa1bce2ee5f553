#!/usr/bin/env bash
# Builds the Debian package (packaging/deb.sh), unpacks it with dpkg -x and
# runs what it installs: the binary, man -l on every page, the bash
# completion; lintian must report no error. cargo-deb is installed once into
# a cache folder outside the clone and reused. Each part that cannot run on
# this machine is skipped, saying so.
set -euo pipefail
cd "$(dirname "$0")/.."

skip() {
  echo "test-deb: skipped: $*"
  exit 0
}

command -v dpkg-deb >/dev/null || skip "dpkg-deb is not installed (not a Debian system)"
tools=${XDG_CACHE_HOME:-$HOME/.cache}/lts-policy/tools
export CARGO_DEB=$tools/bin/cargo-deb
if [[ ! -x $CARGO_DEB ]]; then
  echo "test-deb: installing cargo-deb into $tools (once)"
  cargo install cargo-deb --locked --quiet --root "$tools" ||
    skip "cargo-deb could not be installed into $tools (no network?)"
fi

deb=$(DEBFULLNAME="lts-policy tests" DEBEMAIL="tests@lts-policy.invalid" bash packaging/deb.sh)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"

fail() {
  echo "test-deb: FAILED: $*" >&2
  exit 1
}

# The binary answers: on 2026-03-01 Kestra's 1.2 is the latest line, 1.0
# the LTS one (1.3 comes on 2026-03-03).
answer=$("$root/usr/bin/lts-policy" supported --on 2026-03-01 --format plain)
[[ $answer == $'1.2\n1.0' ]] || fail "supported answered: $answer"

# One man page per command, each rendered without a warning: as many as
# the installed binary writes itself.
written=$(mktemp -d)
expected=$("$root/usr/bin/lts-policy" man --dir "$written" | wc -l)
rm -r "$written"
pages=("$root"/usr/share/man/man1/*.1.gz)
(( ${#pages[@]} == expected )) || fail "${#pages[@]} man pages, not $expected: ${pages[*]}"
if command -v man >/dev/null; then
  for page in "${pages[@]}"; do
    warnings=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
    [[ -z $warnings ]] || fail "$page: $warnings"
  done
else
  echo "test-deb: man is not installed: pages not rendered"
fi

# The installed bash completion completes a command's formats.
completion=$root/usr/share/bash-completion/completions/lts-policy
offered=$(bash --norc -c 'source "$1"; COMP_WORDS=(lts-policy timeline --format ""); COMP_CWORD=3;
  _lts__policy lts-policy "" --format; printf "%s\n" "${COMPREPLY[@]}"' bash "$completion")
[[ $offered == $'text\nsvg' ]] || fail "completion offered: $offered"
[[ -f $root/usr/share/zsh/vendor-completions/_lts-policy ]] || fail "no zsh completion"
[[ -f $root/usr/share/fish/vendor_completions.d/lts-policy.fish ]] || fail "no fish completion"
[[ -f $root/usr/share/doc/lts-policy/copyright ]] || fail "no copyright file"

if command -v lintian >/dev/null; then
  errors=$(lintian "$deb" 2>/dev/null | grep '^E:' || true)
  [[ -z $errors ]] || fail "lintian: $errors"
else
  echo "test-deb: lintian is not installed: the package's policy is not checked"
fi
echo "test-deb: $deb: installs and runs"
