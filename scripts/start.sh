#!/usr/bin/env bash
# Starts the portal with the local demo profile: installs what is missing, seeds and starts a local
# OpenLDAP directory with the demo organisation and the GitHub (:5180) / GitLab (:5181) stand-ins serving
# the same people, then runs frontend (:3000) and backend (:7007) on loopback.
. "$(dirname "${BASH_SOURCE[0]}")/lib/setup.sh"
# shellcheck source=lib/demo.sh
. "$REPO_ROOT/scripts/lib/demo.sh"

prepare_repo slapd ldap-utils
prepare_demo_data
start_demo_directory
trap stop_demo_services EXIT
start_scm_standins
trap 'exit 130' INT TERM
print_demo_banner

cd "$REPO_ROOT"
# app-config.yaml + app-config.local.yaml (the demo profile) are Backstage's default config files.
yarn start
