#!/usr/bin/env bash
# A fresh consumer project against this tree's modules: installs them into a temporary local repository
# (never ~/.m2), then builds bench/consumer/ (it depends only on the BOM) and runs its sync test against
# the testkit, and prints the consumer's runtime dependency set.
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
echo "building bench/consumer"
"${MVN[@]}" -f bench/consumer/pom.xml clean test
"${MVN[@]}" -q -f bench/consumer/pom.xml dependency:list -DincludeScope=runtime -DoutputFile=target/runtime.txt
echo "runtime dependencies of a sync-client user:"
grep -E '^ +[a-z]' bench/consumer/target/runtime.txt | sed 's/ -- .*//' | sort
