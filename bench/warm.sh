#!/usr/bin/env bash
# The embedded warm cycle against Dovecot, in one JVM and one run: the facade's no-change cycle and its
# cycle after 100 flag changes (made by a raw client), the raw floor (one LIST "" "*" RETURN (STATUS ...)
# by a raw client), and mbsync's whole process with its configuration from mbsync-bench.sh, with no change
# and after the same flag change, over as many rounds; also the cycle 2 s after the flag change (the folder
# listed once more before it counts as settled). Prints medians
# and the ratios no-change / raw floor (target <= 10x) and 100 flags / mbsync (target <= 1.0x).
#   usage: bench/warm.sh [ROUNDS] [WARMUP]        (defaults 5 and 3; needs .ci/peers-up.sh first)
#   env: IMAP_PORT (10143), BENCH_USER (bench@iwdemo.test), BENCH_PASSWORD (secret), MBSYNC=0 to skip
#        mbsync, TRACE=true to print the IMAP commands of the first round's cycles, JAVA_OPTS (JVM options),
#        MAVEN_ARGS (e.g. -o). -Djfr=FILE in JAVA_OPTS writes a flight recording of the measured rounds.
# The account's messages are only read, but \Flagged on the first 100 of INBOX, cleared at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${ICESYNC_SHARED:-$(dirname "$PWD")/shared}
read -r -a MVN_ARGS <<< "${MAVEN_ARGS:-}"
mvn -B -q -ntp "${MVN_ARGS[@]}" -pl examples -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmaven.javadoc.skip
CP="examples/target/test-classes:examples/target/classes:$(cat examples/target/bench.cp)"
MB=""
[ "${MBSYNC:-1}" != 0 ] && MB="$SHARED/peers/mbsync-bench.sh"
uptime
# shellcheck disable=SC2086 # JAVA_OPTS holds several words on purpose
java -Xmx256m ${JAVA_OPTS:-} -Dport="${IMAP_PORT:-10143}" -Duser="${BENCH_USER:-bench@iwdemo.test}" \
  -Dpassword="${BENCH_PASSWORD:-secret}" -Drounds="${1:-5}" -Dwarmup="${2:-3}" -Dmbsync="$MB" -Dtrace="${TRACE:-false}" \
  -cp "$CP" io.icesync.examples.WarmCycleBench 2>&1 | grep -v "SLF4J"
