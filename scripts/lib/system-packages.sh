# shellcheck shell=bash
# Debian packages the demo and the tests need: OpenLDAP (slapd, ldap-utils), openssl (TLS test certificates),
# Chromium, and PostgreSQL and Redis for the topology tests (packages/topology-harness).
# Installed with apt-get when running as root; otherwise the exact command is printed.

SYSTEM_PACKAGES_APT_UPDATED=

missing_system_packages() {
  local missing=()
  for want in "$@"; do
    case "$want" in
      slapd) [ -x /usr/sbin/slapd ] || missing+=(slapd) ;;
      ldap-utils) command -v ldapsearch >/dev/null || missing+=(ldap-utils) ;;
      chromium) command -v chromium >/dev/null || missing+=(chromium) ;;
      openssl) command -v openssl >/dev/null || missing+=(openssl) ;;
      postgresql) compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql) ;;
      redis-server) command -v redis-server >/dev/null || missing+=(redis-server) ;;
      *) dpkg -s "$want" >/dev/null 2>&1 || missing+=("$want") ;;
    esac
  done
  echo "${missing[*]}"
}

ensure_system_packages() {
  local missing
  missing=$(missing_system_packages "$@")
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" != 0 ]; then
    toolchain_die "missing Debian packages: $missing. Install them with: sudo apt-get update && sudo apt-get install -y $missing"
  fi
  toolchain_log "installing Debian packages: $missing"
  if [ -z "$SYSTEM_PACKAGES_APT_UPDATED" ]; then
    apt-get update -qq >/dev/null || toolchain_die "apt-get update failed"
    SYSTEM_PACKAGES_APT_UPDATED=1
  fi
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null ||
    toolchain_die "apt-get install $missing failed"
  # Debian starts system-wide slapd, PostgreSQL and Redis services on install; the project runs its own on
  # loopback ports.
  for service in slapd postgresql redis-server; do
    if [[ " $missing " == *" $service "* ]]; then
      (service "$service" stop || systemctl stop "$service") >/dev/null 2>&1 || true
    fi
  done
}
