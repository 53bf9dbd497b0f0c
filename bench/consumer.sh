#!/usr/bin/env bash
# Fresh consumer projects against this tree's modules: installs them into a temporary local repository
# (never ~/.m2), then builds bench/consumer/ (sync-client through the BOM) and bench/consumer-mail/
# (mail only: sync-client and sync-imap-ext, no optional module, no SQLite), runs their sync tests against
# the testkit, and prints each one's runtime dependency set, its jar count and size.
#   usage: bench/consumer.sh [-o]   (-o: offline, the temporary repository seeded from ~/.m2)
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO"
LOCAL=${ICESYNC_CONSUMER_REPO:-/tmp/icesync-consumer-repo}
MVN=(mvn -B -ntp -Dmaven.repo.local="$LOCAL")
if [ "${1:-}" = "-o" ]; then
  MVN+=(-o)
  # A copy, not links: installing must not write through into ~/.m2.
  mkdir -p "$LOCAL"
  (cd "$HOME/.m2/repository" && tar --exclude=./io/icesync -cf - .) | (cd "$LOCAL" && tar -xf -)
fi
rm -rf "$LOCAL/io/icesync"
echo "installing the modules into $LOCAL"
"${MVN[@]}" -q install -DskipTests -Dmaven.javadoc.skip -pl sync-bom,sync-client,sync-testkit -am
# bench/consumer/: sync-client with every module and SQLite; bench/consumer-mail/: mail only, no SQLite.
for project in consumer consumer-mail; do
  echo "building bench/$project"
  "${MVN[@]}" -f "bench/$project/pom.xml" clean test
  "${MVN[@]}" -q -f "bench/$project/pom.xml" dependency:list -DincludeScope=runtime -DoutputFile=target/runtime.txt
  "${MVN[@]}" -q -f "bench/$project/pom.xml" dependency:build-classpath -DincludeScope=runtime \
    -Dmdep.outputFile=target/runtime.classpath
  echo "runtime dependencies of bench/$project:"
  grep -E '^ +[a-z]' "bench/$project/target/runtime.txt" | sed 's/ -- .*//' | sort
  tr ':' '\n' < "bench/$project/target/runtime.classpath" | grep -c . | sed 's/$/ jars, with the sync-* modules/'
  tr ':' '\n' < "bench/$project/target/runtime.classpath" | xargs du -cb | tail -1 \
    | awk '{printf "%.1f MB in all\n", $1 / 1000000}'
done
