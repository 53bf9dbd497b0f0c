#!/usr/bin/env bash
# Install (Debian) and start the peer servers the interop tests and benchmarks use, from ../shared/peers.
#   usage: .ci/peers-up.sh        state under ${ICESYNC_PEERS:-/tmp/icesync-peers}
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${ICESYNC_SHARED:-$(dirname "$REPO")/shared}
PEERS=${ICESYNC_PEERS:-/tmp/icesync-peers}
[ -d "$SHARED/peers" ] || { echo "peers-up: no $SHARED/peers (set ICESYNC_SHARED)" >&2; exit 1; }
need=()
command -v dovecot >/dev/null || need+=(dovecot-imapd dovecot-pop3d dovecot-sieve dovecot-managesieved)
command -v mbsync >/dev/null || need+=(isync)
[ -x /usr/bin/time ] || need+=(time)
command -v openssl >/dev/null || need+=(openssl)
command -v python3 >/dev/null || need+=(python3)
command -v nginx >/dev/null || need+=(nginx-extras)
command -v htpasswd >/dev/null || need+=(apache2-utils)
command -v radicale >/dev/null || need+=(radicale)
/usr/bin/python3 -c "import aiosmtpd" 2>/dev/null || need+=(python3-aiosmtpd)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "peers-up: need root to install: ${need[*]}" >&2; exit 1; }
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
mkdir -p "$PEERS"
chmod 755 "$PEERS"
bash "$SHARED/peers/dovecot-up.sh" "$PEERS/dovecot"
bash "$SHARED/peers/webdav-up.sh" "$PEERS/webdav"
bash "$SHARED/peers/radicale-up.sh" "$PEERS/radicale"
bash "$SHARED/peers/smtp-up.sh" "$PEERS/smtp" "$PEERS/dovecot"
bash "$SHARED/peers/postgres-up.sh" "$PEERS/postgres"
