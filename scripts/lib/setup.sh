# shellcheck shell=bash
# Common preparation for scripts/start.sh and scripts/test.sh: toolchain, system packages, dependencies.
set -euo pipefail
REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=toolchain.sh
. "$REPO_ROOT/scripts/lib/toolchain.sh"
# shellcheck source=system-packages.sh
. "$REPO_ROOT/scripts/lib/system-packages.sh"
# shellcheck source=deps.sh
. "$REPO_ROOT/scripts/lib/deps.sh"

prepare_repo() {
  ensure_node "$REPO_ROOT"
  ensure_yarn "$REPO_ROOT"
  ensure_system_packages "$@"
  ensure_dependencies "$REPO_ROOT"
}
