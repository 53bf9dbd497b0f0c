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
command -v mbsync >/dev/null || { echo "mbsync not installed (apt-get install isync)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time not installed (apt-get install time)" >&2; exit 1; }

count() {
  python3 - "$USER_" "$PORT" <<'PY'
import imaplib, re, sys
m = imaplib.IMAP4("127.0.0.1", int(sys.argv[2])); m.login(sys.argv[1], "secret"); n = 0
for line in m.list()[1]:
    mo = re.match(rb'\((.*?)\) "(.)" (.*)', line)
    if b"\\Noselect" in mo.group(1): continue
    typ, d = m.select(mo.group(3).decode(), readonly=True)
    if typ == "OK": n += int(d[0])
print(n)
PY
}
flags() { # +FLAGS or -FLAGS \Flagged on the first 100 messages of INBOX
  python3 - "$USER_" "$PORT" "$1" <<'PY'
import imaplib, sys
m = imaplib.IMAP4("127.0.0.1", int(sys.argv[2])); m.login(sys.argv[1], "secret"); m.select("INBOX")
uids = m.uid("SEARCH", None, "ALL")[1][0].split()[:100]
m.uid("STORE", b",".join(uids).decode(), sys.argv[3] + "FLAGS", "(\\Flagged)"); m.logout()
PY
}
have=$(count)
if [ "$have" -lt "$MESSAGES" ]; then
  echo "filling $USER_ ($have messages now)"
  python3 "$SHARED/peers/gen-mailbox.py" --port "$PORT" --user "$USER_" --messages $((MESSAGES - have))
fi

ICESYNC="$REPO/icesync"   # as users run it: the launcher's JVM options, class data sharing included
timed() { # label command...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$W/time.txt" "$@" >"$W/out.txt" 2>&1 || { cat "$W/out.txt"; exit 1; }
  read -r wall rss < "$W/time.txt"; echo "$label $wall $rss"
}
ice() { # scenario
  if [ "$1" = initial ]; then
    rm -rf "$W/ice"
    ICESYNC_BENCH_PASSWORD=secret "$ICESYNC" profile create --dir "$W/ice" --email "$USER_" \
      --imap "127.0.0.1:$PORT" --security plain --user "$USER_" --password-env ICESYNC_BENCH_PASSWORD >/dev/null
  fi
  [ "$1" = flags100 ] && flags +
  timed "$1" "$ICESYNC" sync --dir "$W/ice" --once -q | sed 's/^/icesync /'
}

results="$W/results.txt"; : > "$results"
for r in $(seq "$ROUNDS"); do
  flags -
  "$SHARED/peers/mbsync-bench.sh" "$W/mbsync" "$USER_" "$PORT" | grep wall_s \
    | sed -E 's/^([a-z0-9]+) wall_s=([0-9.]+) peak_rss_kb=([0-9]+)/mbsync \1 \2 \3/' >> "$results"
  flags -
  for s in initial noop flags100; do ice "$s" >> "$results"; done
done
python3 - "$results" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
def med(tool, scen, col):
    v = [float(r[col]) for r in rows if r[0] == tool and r[1] == scen]
    return statistics.median(v) if v else float("nan")
print(f"{'scenario':<10} {'mbsync s':>9} {'icesync s':>9} {'ratio':>6} {'mbsync RSS MB':>14} {'icesync RSS MB':>15}")
for s in ("initial", "noop", "flags100"):
    m, i = med("mbsync", s, 2), med("icesync", s, 2)
    mr, ir = med("mbsync", s, 3) / 1024, med("icesync", s, 3) / 1024
    print(f"{s:<10} {m:>9.2f} {i:>9.2f} {i / m:>6.2f} {mr:>14.1f} {ir:>15.1f}")
PY
