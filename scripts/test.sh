#!/usr/bin/env bash
# The whole verification: the same setup as scripts/start.sh, then config checks, type-check, lint,
# formatting, unit + integration tests (Jest, real slapd), topology tests (two backend replicas on a real
# PostgreSQL and Redis), build + package checks, and end-to-end tests (Chromium via playwright-core
# against the portal started with the demo profile).
# The last line is "N passed, N failed" over every layer; the exit code is non-zero on any failure.
. "$(dirname "${BASH_SOURCE[0]}")/lib/setup.sh"

prepare_repo slapd ldap-utils openssl chromium postgresql redis-server
cd "$REPO_ROOT"
RESULTS="$REPO_ROOT/test-results"
rm -rf "$RESULTS" && mkdir -p "$RESULTS/checks"
export CI=true

# check NAME COMMAND...: runs one check, keeps its output in test-results/checks/NAME.log.
check() {
  local name=$1; shift
  local log="$RESULTS/checks/$name.log" start=$SECONDS
  printf '\033[1;34m[test]\033[0m %-14s ' "$name"
  if "$@" >"$log" 2>&1; then
    echo "ok ($((SECONDS - start))s)"; echo pass >"$RESULTS/checks/$name.status"
  else
    echo "FAILED ($((SECONDS - start))s), last lines of $log:"; tail -n 25 "$log" | sed 's/^/    /'
    echo fail >"$RESULTS/checks/$name.status"
  fi
}

check config yarn config:check
check tsc yarn tsc
check lint yarn backstage-cli repo lint
check prettier yarn prettier --check .
check jest yarn backstage-cli repo test --json --outputFile "$RESULTS/jest.json"
check topology yarn jest --config topology-tests/jest.config.js --json --outputFile "$RESULTS/topology.json"
check build yarn backstage-cli repo build --all
check packages node scripts/lib/check-packages.mjs
check e2e yarn jest --config e2e-tests/jest.config.js --json --outputFile "$RESULTS/e2e.json"

node scripts/lib/summarize.mjs "$RESULTS"
