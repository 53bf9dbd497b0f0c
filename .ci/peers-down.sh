#!/usr/bin/env bash
# Stop what .ci/peers-up.sh started.
set -u
REPO=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${ICESYNC_SHARED:-$(dirname "$REPO")/shared}
PEERS=${ICESYNC_PEERS:-/tmp/icesync-peers}
bash "$SHARED/peers/dovecot-down.sh" "$PEERS/dovecot"
bash "$SHARED/peers/webdav-down.sh" "$PEERS/webdav"
bash "$SHARED/peers/radicale-down.sh" "$PEERS/radicale"
bash "$SHARED/peers/smtp-down.sh" "$PEERS/smtp"
bash "$SHARED/peers/postgres-down.sh" "$PEERS/postgres"
