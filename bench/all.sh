#!/usr/bin/env bash
# Every performance figure of the project in one run, as ratios against mbsync on the same machine:
#   1. the machine (CPU, cores, load at start and end, JDK, Dovecot and mbsync versions);
#   2. the CLI against mbsync on the peers' 10,000-message account (initial, no-change, 100 flags; wall
#      time and peak RSS, medians of the rounds) beside the transfer limit (raw-fetch.py), and the start floor;
#   3. flatness: the no-change resync of both tools at 5,000 and 50,000 messages (100,000 with --big) on a
#      private Dovecot of its own (other ports, Maildirs kept in WORKDIR/dovecot for the next run);
#   4. push latency (bench/push.sh) against its raw floor;
#   5. the embedded warm cycle (bench/warm.sh, when there is one), at 100,000 messages too with --big, with the
#      server's own share of the flag cycle (a raw SELECT (QRESYNC) after the same 100 changes);
#   6. memory: the CLI's peak RSS against 64 MB;
#   7. a summary: each target, the figure, PASS or FAIL.
#   usage: bench/all.sh [--rounds N] [--big] [--quick] [WORKDIR]   (needs .ci/peers-up.sh first)
#   --rounds N  rounds per figure, medians printed (default 3); --big adds 100,000 messages (a fill of
#   about 40 minutes the first time); --quick is 1 round, 10,000 messages only, 10 push changes (to try it).
#   Private Dovecot ports: BENCH_IMAP_PORT (default 11143; IMAPS, POP3, POP3S, ManageSieve on 11993, 11110,
#   11995, 11190 or BENCH_IMAPS_PORT...). A script called here may print lines
#   "summary<TAB>target<TAB>figure<TAB>goal<TAB>PASS|FAIL": they join the summary table.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
SHARED=${ICESYNC_SHARED:-$(dirname "$REPO")/shared}
ICESYNC="$REPO/icesync"
# shellcheck source=bench/lib/cli-vs-mbsync.sh
. "$REPO/bench/lib/cli-vs-mbsync.sh"

ROUNDS=3; BIG=0; QUICK=0; W=/tmp/icesync-bench-all
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) ROUNDS=${2:?--rounds needs a number}; shift 2 ;;
    --big) BIG=1; shift ;;
    --quick) QUICK=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "all.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) W=$1; shift ;;
  esac
done
[[ $ROUNDS =~ ^[1-9][0-9]*$ ]] || { echo "all.sh: --rounds takes a positive number, not '$ROUNDS'" >&2; exit 2; }
SIZES=(5000 50000); PUSH_CHANGES=50
[ "$BIG" = 1 ] && SIZES+=(100000)
if [ "$QUICK" = 1 ]; then ROUNDS=1; SIZES=(); PUSH_CHANGES=10; fi
W=$(mkdir -p "$W" && cd "$W" && pwd)
chmod 755 "$W"   # the private Dovecot's mail processes run as vmail and must reach WORKDIR/dovecot

PEER_USER=bench@iwdemo.test; PEER_PORT=${IMAP_PORT:-10143}; PEER_MESSAGES=10000
PRIV="$W/dovecot"
PRIV_IMAP=${BENCH_IMAP_PORT:-11143}; PRIV_IMAPS=${BENCH_IMAPS_PORT:-11993}; PRIV_POP3=${BENCH_POP3_PORT:-11110}
PRIV_POP3S=${BENCH_POP3S_PORT:-11995}; PRIV_SIEVE=${BENCH_SIEVE_PORT:-11190}
JDK="JDK unknown"; ROWS="$W/rows.txt"; SUMMARY="$W/summary.tsv"; : > "$ROWS"; : > "$SUMMARY"

section() { printf '\n== %s\n' "$*"; }
num() { # value: "n/a" for nan, else the value with 2 decimals
  awk -v v="$1" 'BEGIN { if (v == "nan" || v == "") print "n/a"; else printf "%.2f\n", v }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a == "nan" || b == "nan" || b == 0) print "nan"; else printf "%.3f\n", a / b }'; }
verdict() { # value goal: PASS when value <= goal
  awk -v v="$1" -v g="$2" 'BEGIN { if (v !~ /^[0-9.]+$/) print "n/a"; else print (v + 0 <= g + 0) ? "PASS" : "FAIL" }'
}
target() { # what figure goal value-to-compare: one line of the summary
  printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$(verdict "$4" "${3//[^0-9.]/}")" >> "$SUMMARY"
}
med() { median_of 3 "$ROWS" "$1" "$2"; }     # tool scenario -> median wall s
rss() { median_of 4 "$ROWS" "$1" "$2"; }     # tool scenario -> median peak RSS KB
mb() { awk -v k="$1" 'BEGIN { if (k == "nan") print "n/a"; else printf "%.0f\n", k / 1024 }'; }
# Runs a bench script that may be missing, failing or absent from this tree, without ending the run.
call_bench() { # name script args...: its output tee'd to WORKDIR/name.txt
  local name=$1 script=$2; shift 2
  if [ ! -f "$script" ]; then echo "$name: not available ($script is missing)"; return 1; fi
  if ! bash "$script" "$@" 2>&1 | tee "$W/$name.txt"; then echo "$name: $script failed (output above)"; return 1; fi
  grep -P '^summary\t' "$W/$name.txt" | cut -f2- >> "$SUMMARY" || true
}

machine() { # label
  echo "$1: $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(uptime | sed 's/.*load average: //')"
}
print_machine() {
  section "machine"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores, $(free -g | awk '/^Mem/ { print $2 }') GB"
  machine "start"
  echo "tree: $(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$REPO" diff --quiet 2>/dev/null || echo ' (with local changes)')"
  # The JDK the launcher picks, as the CLI rows run it (the launcher may prefer a newer JDK it finds).
  local props
  props=$(ICESYNC_JAVA_OPTS=-XshowSettings:properties "$ICESYNC" --version 2>&1 || true)
  JDK="JDK $(sed -n 's/^ *java.runtime.version = //p' <<<"$props" | grep . || echo unknown)"
  echo "cli jdk: $JDK in $(sed -n 's/^ *java.home = //p' <<<"$props" | grep . || echo unknown)"
  echo "jdks installed: $(find /usr/lib/jvm -maxdepth 1 -mindepth 1 -type d -printf '%f ' 2>/dev/null)"
  echo "dovecot $(dovecot --version 2>/dev/null | cut -d' ' -f1), $(mbsync --version 2>/dev/null), python $(python3 -c 'import platform; print(platform.python_version())')"
}

start_floor() { # the launcher's start: `icesync --version`, median of the rounds
  for _ in $(seq "$ROUNDS"); do timed "$W" "start" "$ICESYNC" --version | sed 's/^/icesync /' >> "$ROWS"; done
  echo "start floor (icesync --version through the launcher, $JDK): $(num "$(med icesync start)") s"
  # The same without the launcher's archive or options, on each JDK installed: what a JDK alone costs.
  local jdk name
  for jdk in /usr/lib/jvm/*/; do
    if [ ! -x "$jdk/bin/java" ] || [ -L "${jdk%/}" ]; then continue; fi
    name=$(basename "$jdk")
    for _ in $(seq "$ROUNDS"); do
      timed "$W" "start-$name" "$jdk/bin/java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
        -jar "$REPO/examples/target/icesync.jar" --version | sed 's/^/java /' >> "$ROWS"
    done
    echo "  plain java -jar icesync.jar --version on $name: $(num "$(med java "start-$name")") s"
    printf 'JVM start floor, plain java -jar on %s\t%s s\tnone\tinfo\n' "$name" "$(num "$(med java "start-$name")")" >> "$SUMMARY"
  done
  printf 'CLI start floor (icesync --version, %s)\t%s s\tnone\tinfo\n' "$JDK" "$(num "$(med icesync start)")" >> "$SUMMARY"
}

cli_rows() {
  section "CLI against mbsync, $PEER_USER on 127.0.0.1:$PEER_PORT ($PEER_MESSAGES messages), $ROUNDS round(s)"
  imap_fill "$PEER_USER" "$PEER_PORT" "$PEER_MESSAGES"
  mkdir -p "$W/cli"; : > "$W/cli/results.txt"
  local r t
  for r in $(seq "$ROUNDS"); do
    cli_vs_mbsync_round "$W/cli" "$PEER_USER" "$PEER_PORT" "$r" >> "$W/cli/results.txt"
    # The transfer limit, right after both tools read the account (the server's caches warm, as theirs were).
    t=$(python3 "$SHARED/peers/raw-fetch.py" --port "$PEER_PORT" --user "$PEER_USER" | sed -nE 's/.*, ([0-9.]+) s$/\1/p')
    echo "raw fetch ${t:-nan} 0" >> "$W/cli/results.txt"
    echo "round $r done"
  done
  cat "$W/cli/results.txt" >> "$ROWS"
  cli_vs_mbsync_table "$W/cli/results.txt"
  local fetch ini
  fetch=$(med raw fetch); ini=$(med icesync initial)
  echo "transfer limit (raw-fetch.py, one UID FETCH 1:* per folder): $(num "$fetch") s; IceSync's initial is $(num "$(ratio "$ini" "$fetch")")x it, mbsync's $(num "$(ratio "$(med mbsync initial)" "$fetch")")x"
  start_floor
  target "CLI initial sync / mbsync (10k)" "$(num "$(ratio "$ini" "$(med mbsync initial)")")x ($(num "$ini") s / $(num "$(med mbsync initial)") s)" "<= 0.3x" "$(ratio "$ini" "$(med mbsync initial)")"
  target "CLI no-change resync / mbsync (10k)" "$(num "$(ratio "$(med icesync noop)" "$(med mbsync noop)")")x ($(num "$(med icesync noop)") s / $(num "$(med mbsync noop)") s)" "<= 0.5x" "$(ratio "$(med icesync noop)" "$(med mbsync noop)")"
  printf 'CLI resync after 100 flags / mbsync (10k)\t%sx (%s s / %s s)\tnone\tinfo\n' \
    "$(num "$(ratio "$(med icesync flags100)" "$(med mbsync flags100)")")" "$(num "$(med icesync flags100)")" "$(num "$(med mbsync flags100)")" >> "$SUMMARY"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PRIV_STARTED=0
private_up() { # the private Dovecot, on its own ports, reusing the Maildirs of an earlier run
  if [ -f "$PRIV/run/master.pid" ] && kill -0 "$(cat "$PRIV/run/master.pid")" 2>/dev/null; then
    echo "private dovecot already running in $PRIV: reused, left running"; return
  fi
  local p
  for p in "$PRIV_IMAP" "$PRIV_IMAPS" "$PRIV_POP3" "$PRIV_POP3S" "$PRIV_SIEVE"; do
    case $p in 10143|10993|10110|10995|14190) echo "all.sh: port $p is the peers' Dovecot's; set BENCH_*_PORT" >&2; exit 1 ;; esac
    port_free "$p" || { echo "all.sh: port $p is taken; set BENCH_IMAP_PORT etc. to free ones" >&2; exit 1; }
  done
  PRIV_STARTED=1
  IMAP_PORT=$PRIV_IMAP IMAPS_PORT=$PRIV_IMAPS POP3_PORT=$PRIV_POP3 POP3S_PORT=$PRIV_POP3S SIEVE_PORT=$PRIV_SIEVE \
    bash "$SHARED/peers/dovecot-up.sh" "$PRIV"
}
private_down() {
  if [ "$PRIV_STARTED" = 1 ]; then bash "$SHARED/peers/dovecot-down.sh" "$PRIV" >/dev/null; PRIV_STARTED=0; fi
}
size_user() { # messages: the private Dovecot's account that holds that many (its users are fixed)
  case $1 in 5000) echo jean@iwdemo.test ;; 50000) echo josephine@iwdemo.test ;; 100000) echo bench@iwdemo.test ;;
    *) echo "all.sh: no private account for $1 messages" >&2; exit 1 ;; esac
}

flatness() {
  section "flatness: no-change resync at ${SIZES[*]} messages, private Dovecot 127.0.0.1:$PRIV_IMAP, $ROUNDS round(s)"
  private_up
  local s u r d
  for s in "${SIZES[@]}"; do
    u=$(size_user "$s")
    imap_fill "$u" "$PRIV_IMAP" "$s"
    d="$W/flat/$s"; mkdir -p "$d"
    # mbsync's baseline leaves 100 messages flagged: it runs first, so both tools start from the same account.
    mbsync_bench "$d/mbsync" "$u" "$PRIV_IMAP" | sed -n "s/^mbsync initial /mbsync initial@$s /p" >> "$ROWS"
    ice_profile "$d/ice" "$u" "$PRIV_IMAP"
    ice_sync "$d" "$d/ice" "initial@$s" >> "$ROWS"
    for r in $(seq "$ROUNDS"); do
      ice_sync "$d" "$d/ice" "noop@$s" >> "$ROWS"
      mbsync_again "$d/mbsync" "noop@$s" >> "$ROWS"
    done
    bench_set_aside "$W/flat" "$s"   # the local copies (about 2 GB at 100,000), deleted at the end; the server's Maildir stays
    printf '%7d messages: icesync initial %6s s, no-change %5s s (%s MB); mbsync initial %6s s, no-change %5s s (median of %d)\n' \
      "$s" "$(num "$(med icesync "initial@$s")")" "$(num "$(med icesync "noop@$s")")" "$(mb "$(rss icesync "noop@$s")")" \
      "$(num "$(med mbsync "initial@$s")")" "$(num "$(med mbsync "noop@$s")")" \
      "$(awk -v s="noop@$s" '$1 == "mbsync" && $2 == s' "$ROWS" | wc -l)"
  done
  [ "$BIG" = 1 ] || private_down   # with --big the warm cycle runs on its 100,000 messages too
  local small=${SIZES[0]} big
  for big in "${SIZES[@]:1}"; do
    local ri rm_
    ri=$(ratio "$(med icesync "noop@$big")" "$(med icesync "noop@$small")")
    rm_=$(ratio "$(med mbsync "noop@$big")" "$(med mbsync "noop@$small")")
    echo "no-change ${big}/${small}: icesync $(num "$ri")x, mbsync $(num "$rm_")x; icesync/mbsync at $big: $(num "$(ratio "$(med icesync "noop@$big")" "$(med mbsync "noop@$big")")")x"
    target "CLI no-change flat: time at $big / at $small" "$(num "$ri")x ($(num "$(med icesync "noop@$big")") s / $(num "$(med icesync "noop@$small")") s; mbsync $(num "$rm_")x)" "<= 1.2x" "$ri"
  done
}

push_rows() {
  section "push latency, $PUSH_CHANGES changes of each kind (bench/push.sh, josephine@ on the peers)"
  call_bench push "$REPO/bench/push.sh" "$W/push" "$PUSH_CHANGES" || return 0
  local floor ap fg lo nt
  floor=$(sed -nE 's/^raw floor.* median +([0-9.]+) ms.*/\1/p' "$W/push.txt")
  ap=$(sed -nE 's/^server APPEND.* median +([0-9.]+) ms.*/\1/p' "$W/push.txt")
  fg=$(sed -nE 's/^server flag.* median +([0-9.]+) ms.*/\1/p' "$W/push.txt")
  lo=$(sed -nE 's/^local Maildir.* p95 +([0-9.]+) ms.*/\1/p' "$W/push.txt")
  nt=$(sed -nE 's/^server notification.* median +([0-9.]+) ms.*/\1/p' "$W/push.txt")
  target "push: server append, median / raw floor" "$(num "$(ratio "$ap" "$floor")")x ($ap ms / $floor ms)" "<= 50x" "$(ratio "$ap" "$floor")"
  target "push: server flag, median / raw floor" "$(num "$(ratio "$fg" "$floor")")x ($fg ms / $floor ms)" "<= 50x" "$(ratio "$fg" "$floor")"
  # The server's own delay before it tells any client (Dovecot gathers changes for up to 0.5 s): no goal.
  printf "push: server append, median / server's own notification\t%sx (%s ms / %s ms)\tnone\tinfo\n" \
    "$(num "$(ratio "$ap" "$nt")")" "${ap:-n/a}" "${nt:-n/a}" >> "$SUMMARY"
  target "push: local change -> server, p95" "${lo:-n/a} ms" "<= 2000 ms" "${lo:-nan}"
}

warm_targets() { # label output-of-warm.sh port user: its two targets, and the server's own share of the flag cycle
  local label=$1 out=$2 noop floor flags mbf
  floor=$(sed -nE 's/^raw floor LIST-STATUS +([0-9.]+) ms.*/\1/p' "$out")
  noop=$(sed -nE 's/^no-change cycle +([0-9.]+) ms.*/\1/p' "$out")
  flags=$(sed -nE 's/^100 flag changes cycle +([0-9.]+) ms.*/\1/p' "$out")
  mbf=$(sed -nE 's/^mbsync process, 100 flag changes +([0-9.]+) ms.*/\1/p' "$out")
  target "$label: no-change cycle / raw LIST-STATUS floor" \
    "$(num "$(ratio "$noop" "$floor")")x (${noop:-n/a} ms / ${floor:-n/a} ms)" "<= 10x" "$(ratio "$noop" "$floor")"
  target "$label: 100 flag changes / mbsync's process" \
    "$(num "$(ratio "$flags" "$mbf")")x (${flags:-n/a} ms / ${mbf:-n/a} ms)" "<= 1.0x" "$(ratio "$flags" "$mbf")"
  # Dovecot's own share of that cycle: a raw client's SELECT (QRESYNC) after the same 100 changes.
  printf '%s: of which a raw SELECT (QRESYNC) after 100 flag changes\t%s ms\tnone\tinfo\n' \
    "$label" "$(python3 "$REPO/bench/lib/qresync-select.py" "$3" "$4")" >> "$SUMMARY"
}
warm_rows() {
  # At least 5 measured rounds: a warm cycle is a few milliseconds, three samples say little.
  local rounds=$(( ROUNDS < 5 ? 5 : ROUNDS ))
  section "embedded warm cycle (bench/warm.sh $rounds rounds, bench@ on the peers)"
  call_bench warm "$REPO/bench/warm.sh" "$rounds" || return 0
  warm_targets warm "$W/warm.txt" "$PEER_PORT" "$PEER_USER"
  if [ "$BIG" = 1 ]; then
    section "embedded warm cycle at 100,000 messages (bench/warm.sh $rounds rounds, bench@ on the private Dovecot)"
    private_up
    IMAP_PORT=$PRIV_IMAP BENCH_USER=bench@iwdemo.test call_bench warm100k "$REPO/bench/warm.sh" "$rounds" || return 0
    warm_targets "warm, 100k" "$W/warm100k.txt" "$PRIV_IMAP" bench@iwdemo.test
  fi
}

memory_rows() {
  section "memory: the CLI's peak RSS (median), target 64 MB"
  local s k
  for s in initial noop; do
    k=$(rss icesync "$s")
    echo "10,000 messages, $s: $(mb "$k") MB"
    target "CLI peak RSS, $s (10k)" "$(mb "$k") MB" "<= 64 MB" "$(mb "$k")"
  done
  if [ "$BIG" = 1 ]; then
    for s in initial noop; do
      k=$(rss icesync "$s@100000")
      echo "100,000 messages, $s: $(mb "$k") MB"
      target "CLI peak RSS, $s (100k)" "$(mb "$k") MB" "<= 64 MB" "$(mb "$k")"
    done
  fi
}

print_summary() {
  section "summary ($ROUNDS round(s), medians; JVM start included in the CLI rows)"
  awk -F'\t' 'BEGIN { printf "%-66s %-44s %-12s %s\n", "target", "figure", "goal", "result" }
              { printf "%-66s %-44s %-12s %s\n", $1, $2, $3, $4 }' "$SUMMARY"
  machine "end"
}

main() {
  bench_need_tools
  trap private_down EXIT
  trap 'exit 130' INT; trap 'exit 143' TERM   # so that the EXIT trap stops the private Dovecot
  print_machine
  bench_set_aside "$W" cli flat   # an earlier run's local copies: deleted at the end, never before a timed run
  bench_settle
  cli_rows
  if [ ${#SIZES[@]} -gt 0 ]; then flatness; else section "flatness: skipped (--quick)"; fi
  push_rows
  warm_rows
  memory_rows
  print_summary
  bench_cleanup "$W"; bench_cleanup "$W/cli"; bench_cleanup "$W/flat"
}
exec > >(tee "$W/all.txt") 2>&1
main
