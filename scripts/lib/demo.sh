# shellcheck shell=bash
# The local demo: data generated from the demo-org fixture, the OpenLDAP directory that serves it, and
# the GitHub / GitLab stand-ins (packages/scm-standins) serving the same people.

DEMO_DIR="$REPO_ROOT/.demo"
DEMO_LDAP_PORT="${DEMO_LDAP_PORT:-3890}"
DEMO_LDAP_SUFFIX="dc=example,dc=com"
# Demo-only credentials for the local directory's admin and the portal's read-only service account.
DEMO_LDAP_ROOT_PASSWORD="demo-admin-password"
DEMO_LDAP_SERVICE_PASSWORD="demo-reader-password"
# Fixed ports: app-config.local.yaml points the integrations, sign-in and org sources at them.
DEMO_GITHUB_PORT=5180
DEMO_GITLAB_PORT=5181

run_ts() { node --require @backstage/cli/config/nodeTransform.cjs "$@"; }

prepare_demo_data() {
  mkdir -p "$DEMO_DIR/ldap"
  (cd "$REPO_ROOT" &&
    run_ts packages/demo-org/src/cli.ts ldif --base-dn "$DEMO_LDAP_SUFFIX" \
      --service-password "$DEMO_LDAP_SERVICE_PASSWORD" --out "$DEMO_DIR/ldap/demo-org.ldif") ||
    toolchain_die "could not generate the demo data from packages/demo-org/demo-org.yaml"
}

# Starts the demo directory in the background; sets DEMO_LDAP_PID. Waits until it answers.
start_demo_directory() {
  local log="$DEMO_DIR/ldap/slapd.log" ready=
  : >"$log"
  (cd "$REPO_ROOT" && exec node --require @backstage/cli/config/nodeTransform.cjs \
    packages/slapd-harness/src/cli.ts demo --ldif "$DEMO_DIR/ldap/demo-org.ldif" \
    --port "$DEMO_LDAP_PORT" --suffix "$DEMO_LDAP_SUFFIX" --data-dir "$DEMO_DIR/ldap/data" \
    --root-password "$DEMO_LDAP_ROOT_PASSWORD") >"$log" 2>&1 &
  DEMO_LDAP_PID=$!
  for _ in $(seq 1 120); do
    if grep -q '^ldap ready' "$log"; then ready=1; break; fi
    kill -0 "$DEMO_LDAP_PID" 2>/dev/null || break
    sleep 0.5
  done
  [ -n "$ready" ] || toolchain_die "the demo LDAP directory did not start: $(tail -n 5 "$log")"
}

stop_demo_directory() {
  [ -n "${DEMO_LDAP_PID:-}" ] && kill "$DEMO_LDAP_PID" 2>/dev/null && wait "$DEMO_LDAP_PID" 2>/dev/null
  return 0
}

# Starts the GitHub and GitLab stand-ins in the background; sets DEMO_SCM_PID. Waits until both answer.
start_scm_standins() {
  local log="$DEMO_DIR/scm-standins.log" ready=
  mkdir -p "$DEMO_DIR"
  : >"$log"
  (cd "$REPO_ROOT" && exec node --require @backstage/cli/config/nodeTransform.cjs \
    packages/scm-standins/src/cli.ts demo --github-port "$DEMO_GITHUB_PORT" \
    --gitlab-port "$DEMO_GITLAB_PORT") >"$log" 2>&1 &
  DEMO_SCM_PID=$!
  for _ in $(seq 1 120); do
    if grep -q '^github ready' "$log" && grep -q '^gitlab ready' "$log"; then ready=1; break; fi
    kill -0 "$DEMO_SCM_PID" 2>/dev/null || break
    sleep 0.5
  done
  [ -n "$ready" ] || toolchain_die "the GitHub/GitLab stand-ins did not start: $(tail -n 5 "$log")"
}

stop_scm_standins() {
  [ -n "${DEMO_SCM_PID:-}" ] && kill "$DEMO_SCM_PID" 2>/dev/null && wait "$DEMO_SCM_PID" 2>/dev/null
  return 0
}

# Stops everything the demo started in the background.
stop_demo_services() {
  stop_scm_standins
  stop_demo_directory
}

print_demo_banner() {
  cat <<BANNER

  Identity & Access Portal — local demo
  ─────────────────────────────────────
  Portal:    http://127.0.0.1:3000   (backend http://127.0.0.1:7007)
  Sign in:   a demo account below in the username / password form, or "Guest"
  Directory: ldap://127.0.0.1:${DEMO_LDAP_PORT}  base ${DEMO_LDAP_SUFFIX}
             admin cn=admin,${DEMO_LDAP_SUFFIX} / ${DEMO_LDAP_ROOT_PASSWORD}
             service cn=portal-reader,ou=services,${DEMO_LDAP_SUFFIX} / ${DEMO_LDAP_SERVICE_PASSWORD}
  GitHub:    http://127.0.0.1:${DEMO_GITHUB_PORT}  (stand-in, GitHub Enterprise-style; org example-corp)
             sign in with the GitHub button: pick a demo account on the stand-in's consent page
  GitLab:    http://127.0.0.1:${DEMO_GITLAB_PORT}  (stand-in; group example-corp)
             sign in with the GitLab button: pick a demo account on the stand-in's consent page

  Demo accounts (packages/demo-org/demo-org.yaml):
BANNER
  (cd "$REPO_ROOT" && run_ts packages/demo-org/src/cli.ts accounts | sed 's/^/  /')
  echo
}
