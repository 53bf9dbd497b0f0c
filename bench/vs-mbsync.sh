#!/usr/bin/env bash
# IceSync against mbsync on the same 10,000-message Dovecot account, in the same run:
# initial sync, no-change resync, resync after 100 flag changes. Prints each tool's wall time and
# peak RSS (JVM start included) and the IceSync/mbsync ratios.
#   usage: bench/vs-mbsync.sh [WORKDIR] [ROUNDS]      (needs .ci/peers-up.sh first; default 1 round)
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${ICESYNC_SHARED:-$(dirname "$REPO")/shared}
W=$(mkdir -p "${1:-/tmp/icesync-bench}" && cd "${1:-/tmp/icesync-bench}" && pwd)
ROUNDS=${2:-1}
USER_=bench@iwdemo.test; PORT=${IMAP_PORT:-10143}; MESSAGES=${MESSAGES:-10000}
ICESYNC="$REPO/icesync"   # as users run it: the launcher's JVM options, class data sharing included
# shellcheck source=bench/lib/cli-vs-mbsync.sh
. "$REPO/bench/lib/cli-vs-mbsync.sh"
bench_need_tools
imap_fill "$USER_" "$PORT" "$MESSAGES"

results="$W/results.txt"; : > "$results"
bench_set_aside "$W" ice mbsync $(cd "$W" && ls -d r[0-9]* 2>/dev/null)
bench_settle
for r in $(seq "$ROUNDS"); do
  cli_vs_mbsync_round "$W" "$USER_" "$PORT" "$r" >> "$results"
done
cli_vs_mbsync_table "$results"
bench_cleanup "$W"
