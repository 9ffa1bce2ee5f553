#!/usr/bin/env bash
# The action's one query step: the backport matrix, the supported lines and
# the version a tag points to go to $GITHUB_OUTPUT, the supported lines as
# a Markdown table to $GITHUB_STEP_SUMMARY. Inputs come as INPUT_*; the
# tool is $LTS_POLICY. The tests run it with those pointing at temporary
# files (tests/cli/action.rs).
set -euo pipefail

# An input is data, never an option nor a workflow command: each is refused
# when it holds a control character (a line break would start a command of
# its own on the runner's log, `::error::...`), each is passed as
# --option=VALUE or after `--`, so that `--help` is a value, and a value
# quoted in a message has its `%` escaped as the runner reads it.
for input in policy git on since security tag scan; do
  variable=INPUT_$(printf '%s' "$input" | tr '[:lower:]' '[:upper:]')
  if [[ ${!variable:-} == *[[:cntrl:]]* ]]; then
    echo "::error::the $input input holds a control character (a line break, a tab, an escape); it is one line of text" >&2
    exit 2
  fi
done

tool=${LTS_POLICY:-lts-policy}
# Each array holds one element at least, so that "${array[@]}" is safe
# under `set -u` in every bash (3.2, macOS's, included).
common=(--color never)
[[ -n ${INPUT_POLICY:-} ]] && common+=("--policy=$INPUT_POLICY")
[[ -n ${INPUT_GIT:-} ]] && common+=("--git=$INPUT_GIT")
[[ -n ${INPUT_ON:-} ]] && common+=("--on=$INPUT_ON")

targets=(--format github-matrix)
[[ -n ${INPUT_SINCE:-} ]] && targets+=("--since=$INPUT_SINCE")
case ${INPUT_SECURITY:-false} in
  true) targets+=(--security) ;;
  false) ;;
  *)
    echo "::error::the security input is true or false, not '${INPUT_SECURITY//%/%25}'" >&2
    exit 2
    ;;
esac

# With files to scan: SARIF for code scanning, the table in the summary;
# a component out of support (exit 1) fails the step once all is written.
sarif=""
scanned=0
if [[ -n ${INPUT_SCAN:-} ]]; then
  read -r -a files <<< "$INPUT_SCAN"
  scan=(scan --color never)
  [[ -n ${INPUT_ON:-} ]] && scan+=("--on=$INPUT_ON")
  sarif=${RUNNER_TEMP:-/tmp}/lts-policy.sarif
  "$tool" "${scan[@]}" --format sarif -- "${files[@]}" > "$sarif" || scanned=$?
  if (( scanned > 1 )); then
    exit "$scanned"
  fi
fi

matrix=$("$tool" backport-targets "${common[@]}" "${targets[@]}")
supported=$("$tool" supported "${common[@]}" --format plain | paste -sd ' ' -)
# A tag that points to no recorded version yet (exit 1) is an empty output;
# an error (exit 2) fails the step.
status=0
version=$("$tool" tag "${common[@]}" --recorded -- "${INPUT_TAG:-latest-lts}") || status=$?
if (( status > 1 )); then
  exit "$status"
fi

{
  echo "matrix=$matrix"
  echo "supported=$supported"
  echo "version=$version"
  echo "sarif=$sarif"
} >> "$GITHUB_OUTPUT"
"$tool" supported "${common[@]}" --format md >> "$GITHUB_STEP_SUMMARY"
if [[ -n $sarif ]]; then
  {
    echo
    echo '### Components and their support'
    echo '```'
    "$tool" "${scan[@]}" -- "${files[@]}" || true
    echo '```'
  } >> "$GITHUB_STEP_SUMMARY"
fi
exit "$scanned"
