#!/usr/bin/env bash
# Fuzzing campaign: Jazzer fuzzes each parser that reads outside input for MINUTES (default 10), one
# target after another, one JVM at a time. Usage: bench/fuzz.sh [MINUTES] [TestClass...] (default: all).
# The targets are the @FuzzTest classes below; the default build replays their committed inputs
# (<module>/src/test/resources/<package>/<TestClass>Inputs/<method>/). A finding is written there as
# crash-<sha1>: make it a unit test next to the parser's tests, fix the parser, keep the file.
# Logs and reproducers: target/fuzz/; the generated corpus: <module>/.cifuzz-corpus/ (not committed).
set -uo pipefail
cd "$(dirname "$0")/.."
MINUTES="${1:-10}"
read -r -a MVN_ARGS <<< "${MAVEN_ARGS:-}"   # MAVEN_ARGS=-o: offline, after a first build
shift || true

# A minute on one input is a timeout finding; merely slow inputs (the first, while ical4j loads) are no finding.
# module, fuzz test class, method, extra Jazzer options. The rules format takes the user's own
# regular expressions (REGEX tests): a pattern from the input is its purpose there, not an injection.
TARGETS=(
  "sync-testkit io.icesync.testkit.internal.imap.ImapCommandFuzzTest answersEveryLine"
  "sync-groupware io.icesync.groupware.fuzz.CodecsFuzzTest readsOrRefuses"
  "sync-groupware io.icesync.groupware.fuzz.FreeBusyFuzzTest readsOrRefuses"
  "sync-webdav io.icesync.webdav.internal.MultistatusFuzzTest readsOrRefuses"
  "sync-smartdiscover io.icesync.smartdiscover.DiscoveryXmlFuzzTest readsOrRefuses"
  "sync-core io.icesync.core.settings.SettingsJsonFuzzTest readsOrRefuses"
  "sync-client io.icesync.client.ProfileFuzzTest readsOrRefuses"
  "sync-rules io.icesync.rules.fuzz.RulesJsonFuzzTest readsOrRefuses --disabled_hooks=com.code_intelligence.jazzer.sanitizers.RegexInjection"
)
# Coverage feedback from our code and from the libraries that parse for it.
INSTRUMENT='io.icesync.**:net.fortuna.ical4j.**:ezvcard.**:com.fasterxml.jackson.**:com.ctc.wstx.**'


mkdir -p target/fuzz
modules=$(for t in "${TARGETS[@]}"; do read -r m _ <<< "$t"; echo "$m"; done | sort -u | paste -sd, -)
echo "$(date +%H:%M:%S) building $modules"
# One reactor build from this tree (never install): classes, test classes and each module's class path.
mvn -B -q -ntp "${MVN_ARGS[@]}" -pl "$modules" -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/fuzz.cp -Dmdep.includeScope=test || exit 2

SUMMARY=target/fuzz/summary.txt
: > "$SUMMARY"
status=0
for t in "${TARGETS[@]}"; do
  read -r module class method extra <<< "$t"
  simple="${class##*.}"
  if [ $# -gt 0 ] && [[ " $* " != *" $simple "* ]]; then
    continue
  fi
  inputs="$module/src/test/resources/$(dirname "${class//.//}")/${simple}Inputs/$method"
  corpus="$module/.cifuzz-corpus/$simple"
  log="target/fuzz/$simple.log"
  mkdir -p "$inputs" "$corpus"
  cp="$module/target/test-classes:$module/target/classes:$(cat "$module/target/fuzz.cp")"
  echo "$(date +%H:%M:%S) fuzzing $simple for $MINUTES min, log $log"
  # New corpus entries go to the first directory; findings (artifact_prefix) to the committed inputs.
  java -Xmx1536m -cp "$cp" com.code_intelligence.jazzer.Jazzer --target_class="$class" --target_method="$method" \
    --instrumentation_includes="$INSTRUMENT" --custom_hook_includes="$INSTRUMENT" --keep_going=50 \
    --reproducer_path=target/fuzz ${extra:-} \
    -max_total_time=$((MINUTES * 60)) -timeout=60 -report_slow_units=60 -rss_limit_mb=0 -artifact_prefix="$inputs/" \
    "$corpus" "$inputs" > "$log" 2>&1
  rc=$?
  runs=$(grep -ao 'Done [0-9]* runs in [0-9]* second' "$log" | tail -1 | sed 's/Done //; s/ second/ s/')
  runs="${runs:-no run count}"
  crashes=$(grep -ac 'Test unit written to .*/\(crash\|timeout\|oom\)-' "$log")
  # With --keep_going Jazzer exits 0 after findings: they count by their files.
  if [ "$rc" -ne 0 ] || [ "$crashes" -gt 0 ]; then status=1; fi
  echo "$simple: $runs, $crashes finding(s), exit $rc" | tee -a "$SUMMARY"
  grep -a 'Test unit written to .*/\(crash\|timeout\|oom\)-' "$log" | sed 's/.*written to /  /' | tee -a "$SUMMARY"
done
echo "summary in $SUMMARY"
exit $status
