#!/usr/bin/env bash
# PITFALL 12 for a whole groupware sync: N contacts from the embedded test server into a vdir, two sizes
# in one run, and a resync after 20 edits. Usage: bench/groupware-sync.sh [small] [large] (1000 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
read -r -a MVN_ARGS <<< "${MAVEN_ARGS:-}"
# One reactor build from this tree (nothing installed into ~/.m2; -o after a first online build is fine).
mvn -B -q -ntp "${MVN_ARGS[@]}" -pl sync-groupware -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmaven.javadoc.skip
CP="sync-groupware/target/test-classes:sync-groupware/target/classes:$(cat sync-groupware/target/bench.cp)"
exec java -Xmx512m -cp "$CP" io.icesync.groupware.store.GroupwareSyncBench "${1:-1000}" "${2:-10000}" 2>&1 \
  | grep -v "ical4j.properties not found\|SLF4J"
