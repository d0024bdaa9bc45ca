# shellcheck shell=bash
# Installs the workspace dependencies when package.json files or yarn.lock changed since the last install.

deps_fingerprint() {
  local root=$1
  (cd "$root" && shopt -s nullglob && cat yarn.lock package.json packages/*/package.json plugins/*/package.json &&
    node -p process.version) | sha256sum | cut -d' ' -f1
}

ensure_dependencies() {
  local root=$1 stamp="$1/node_modules/.install-fingerprint" want
  want=$(deps_fingerprint "$root")
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    return 0
  fi
  toolchain_log "installing dependencies (yarn install)"
  local flags=()
  [ "${CI:-}" = "true" ] && flags+=(--immutable)
  (cd "$root" && yarn install "${flags[@]}") || toolchain_die "yarn install failed"
  deps_fingerprint "$root" >"$stamp"
}
