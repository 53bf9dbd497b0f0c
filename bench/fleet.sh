#!/usr/bin/env bash
# The fleet: accounts synced per minute by 1 and by 2 nodes (each a JVM of its own with 2 cycle threads,
# `icesync fleet serve`) from the PostgreSQL peer, accounts on the embedded test server; then the cost of
# the PostgreSQL state store against SQLite for one account (first sync, no-change resync), as a ratio.
# Everything runs on this machine, in one run: compare the ratios, not the absolute figures.
#   usage: bench/fleet.sh [ACCOUNTS] [MESSAGES] [SINGLE_MESSAGES] [ROUNDS]     (100 5 500 3)
#   needs .ci/peers-up.sh first (PostgreSQL on 127.0.0.1:15432, database and user icesync)
set -euo pipefail
cd "$(dirname "$0")/.."
read -r -a MVN_ARGS <<< "${MAVEN_ARGS:-}"
# One reactor build from this tree (nothing installed into ~/.m2; -o after a first online build is fine).
mvn -B -q -ntp "${MVN_ARGS[@]}" -pl examples -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmaven.javadoc.skip
CP="examples/target/test-classes:examples/target/classes:$(cat examples/target/bench.cp)"
export PGPASSWORD=${PGPASSWORD:-secret}
exec java -Xmx512m -cp "$CP" io.icesync.examples.FleetBench "${1:-100}" "${2:-5}" "${3:-500}" "${4:-3}" 2>&1 \
  | grep -v "SLF4J"
