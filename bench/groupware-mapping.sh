#!/usr/bin/env bash
# Throughput of sync-groupware's iCalendar/vCard mapping against plain ical4j/ez-vcard (PITFALL 12).
# Usage: bench/groupware-mapping.sh [objects]   (default 10000)
set -euo pipefail
cd "$(dirname "$0")/.."
read -r -a MVN_ARGS <<< "${MAVEN_ARGS:-}"
# One reactor build from this tree (nothing installed into ~/.m2; -o after a first online build is fine).
mvn -B -q -ntp "${MVN_ARGS[@]}" -pl sync-groupware -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.cp -Dmaven.javadoc.skip
CP="sync-groupware/target/test-classes:sync-groupware/target/classes:$(cat sync-groupware/target/bench.cp)"
exec java -Xms512m -Xmx512m -cp "$CP" io.icesync.groupware.MappingBench sync-groupware/src/test/resources/corpus "${1:-10000}" 2>&1 \
  | grep -v "ical4j.properties not found"
