#!/usr/bin/env bash
# Push latency against Dovecot, in one run: `icesync sync` in scheduled mode (every interval an hour
# away, so only push explains a change arriving), then CHANGES server-side changes of each kind by a
# raw client (an APPEND; a flag set with UID STORE) timed until the local Maildir shows them; the raw
# floor (an APPEND, then one UID FETCH of the new message by a raw client); the server's notification
# floor (an APPEND until a raw client's NOTIFY names the folder: Dovecot gathers changes for up to
# half a second before it tells, so no client can learn of a change sooner); and local changes (a
# message dropped into the Maildir) timed until the server has them (the file watcher). Prints the
# median and 95th percentile of each, and push / floor as a ratio. Works in a folder of its own,
# deleted at the end, on josephine's account.
#   usage: bench/push.sh [WORKDIR] [CHANGES]      (needs .ci/peers-up.sh first; default 50 changes)
#   MAVEN_ARGS=-o builds offline.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
W=$(mkdir -p "${1:-/tmp/icesync-push-bench}" && cd "${1:-/tmp/icesync-push-bench}" && pwd)
N=${2:-50}
USER_=${PUSH_USER:-josephine@iwdemo.test}; PORT=${IMAP_PORT:-10143}
FOLDER="PushBench-$$"
JAR="$REPO/examples/target/icesync.jar"

# Built through the reactor (package, never install), so the launcher below finds the jar fresh.
if [ ! -f "$JAR" ] || [ -n "$(find "$REPO" \( -name target -o -name .git \) -prune -o -type f \
      \( -path '*/src/main/*' -o -name 'pom.xml' \) -newer "$JAR" -print -quit)" ]; then
  echo "building $JAR"
  # shellcheck disable=SC2086 # MAVEN_ARGS holds several words on purpose
  (cd "$REPO" && mvn -B -q -ntp ${MAVEN_ARGS:-} -pl examples -am package -DskipTests -Dmaven.javadoc.skip=true \
    -Dmaven.source.skip=true)
fi
ICESYNC="$REPO/icesync"

imap() { # python code run with a logged-in imaplib connection `m`
  python3 - "$USER_" "$PORT" "$FOLDER" <<PY
import imaplib, sys
m = imaplib.IMAP4("127.0.0.1", int(sys.argv[2])); m.login(sys.argv[1], "secret"); folder = sys.argv[3]
$1
m.logout()
PY
}

SYNC_PID=
cleanup() {
  if [ -n "$SYNC_PID" ]; then kill "$SYNC_PID" 2>/dev/null || true; wait "$SYNC_PID" 2>/dev/null || true; fi
  imap 'm.delete(folder)' >/dev/null 2>&1 || true
  rm -rf "$W/ice"
}
trap cleanup EXIT

imap 'm.create(folder)'
rm -rf "$W/ice"
ICESYNC_BENCH_PASSWORD=secret "$ICESYNC" profile create --dir "$W/ice" --email "$USER_" \
  --imap "127.0.0.1:$PORT" --security plain --user "$USER_" --password-env ICESYNC_BENCH_PASSWORD >/dev/null
for kv in structureIntervalMinutes=60 standardIntervalMinutes=60 priorityIntervalMinutes=60 \
          syncAfterLocalChange=true pushChanges=true defaultSelection=UNSELECTED \
          "folderSelections={\"$FOLDER\":\"SELECTED\"}"; do
  "$ICESYNC" settings set --dir "$W/ice" "${kv%%=*}" "${kv#*=}" >/dev/null
done

python3 - "$USER_" "$PORT" "$FOLDER" "$W/ice/mail/$FOLDER" "$N" "$ICESYNC" "$W" <<'PY'
import imaplib, math, os, re, statistics, subprocess, sys, time, uuid
user, port, folder, maildir, n, icesync, work = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6], sys.argv[7]
DEADLINE = 60.0

def login():
    m = imaplib.IMAP4("127.0.0.1", port); m.login(user, "secret"); return m

def message(tag):
    mid = "<%s-%s@iwdemo.test>" % (tag, uuid.uuid4())
    return mid, ("Message-ID: %s\r\nFrom: jean@iwdemo.test\r\nTo: %s\r\nSubject: push bench\r\n"
                 "Date: Mon, 2 Mar 2026 10:00:00 +0100\r\n\r\nHello.\r\n" % (mid, user)).encode()

def names():
    out = []
    for sub in ("cur", "new"):
        try: out += os.listdir(os.path.join(maildir, sub))
        except FileNotFoundError: pass
    return out

def wait(cond, what):
    end = time.perf_counter() + DEADLINE
    while not cond():
        if time.perf_counter() > end: sys.exit("no %s within %d s: is push working?" % (what, DEADLINE))
        time.sleep(0.002)
    return time.perf_counter()

def stats(label, xs):
    xs = sorted(xs); p95 = xs[max(0, math.ceil(0.95 * len(xs)) - 1)]
    med = statistics.median(xs)
    print("%-34s median %8.1f ms   p95 %8.1f ms   (%d)" % (label, med * 1000, p95 * 1000, len(xs)))
    return med

a, f = login(), login()
f.select('"%s"' % folder)
# The raw floor first, before IceSync runs: an APPEND, then one UID FETCH of it by a raw client.
floor = []
for i in range(n):
    _, msg = message("floor")
    t0 = time.perf_counter()
    typ, data = a.append('"%s"' % folder, None, None, msg)
    uid = re.search(rb"APPENDUID \d+ (\d+)", data[0]).group(1).decode()
    f.uid("FETCH", uid, "(BODY.PEEK[])")
    floor.append(time.perf_counter() - t0)
# The server's own notification floor: an APPEND until a raw client's NOTIFY names it, spaced as the
# push changes below are. No client is told sooner than the server tells it.
import socket
raw = socket.create_connection(("127.0.0.1", port)); rf = raw.makefile("rb"); rf.readline()
def tagged(cmd, tag):
    raw.sendall(b"%s %s\r\n" % (tag, cmd))
    while not rf.readline().startswith(tag): pass
tagged(b'LOGIN "%s" "secret"' % user.encode(), b"n1")
tagged(b'NOTIFY SET (personal (MessageNew MessageExpunge FlagChange))', b"n2")
raw.settimeout(2.0)
told, untold = [], 0
for i in range(n):
    _, msg = message("told")
    t0 = time.perf_counter(); typ, data = a.append('"%s"' % folder, None, None, msg)
    uid = int(re.search(rb"APPENDUID \d+ (\d+)", data[0]).group(1))
    try:
        while True:  # an earlier change's late STATUS names a smaller UIDNEXT: read on
            line = rf.readline()
            if not line: sys.exit("the NOTIFY connection closed")
            mo = re.search(rb"UIDNEXT (\d+)", line)
            if folder.encode() in line and (b"EXISTS" in line or (mo and int(mo.group(1)) > uid)): break
        told.append(time.perf_counter() - t0)
    except (socket.timeout, OSError):
        untold += 1  # not told within 2 s: left out of the floor, counted below
        raw.close(); raw = socket.create_connection(("127.0.0.1", port)); rf = raw.makefile("rb"); rf.readline()
        tagged(b'LOGIN "%s" "secret"' % user.encode(), b"n1")
        tagged(b'NOTIFY SET (personal (MessageNew MessageExpunge FlagChange))', b"n2")
        raw.settimeout(2.0)
    time.sleep(0.3)
raw.close()
if untold:
    print("server notification: %d of %d appends not told within 2 s" % (untold, n), flush=True)

sync = subprocess.Popen([icesync, "sync", "--dir", os.path.dirname(os.path.dirname(maildir)), "-q"],
                        stdout=open(os.path.join(work, "sync.out"), "w"), stderr=subprocess.STDOUT)
try:
    wait(lambda: len(names()) >= n, "first cycle")
    time.sleep(2)  # the push connection is up well before the first cycle ends; let it settle
    appended = []
    for i in range(n):
        before = len(names()); _, msg = message("push")
        t0 = time.perf_counter(); a.append('"%s"' % folder, None, None, msg)
        appended.append(wait(lambda: len(names()) > before, "appended message") - t0)
        time.sleep(0.3)
    flagged = []
    flagged_now = lambda: sum(1 for x in names() if re.search(r":2,[A-Z]*F[A-Z]*$", x))
    uids = f.uid("SEARCH", None, "ALL")[1][0].split()
    for uid in uids[-n:]:
        before = flagged_now()
        t0 = time.perf_counter(); f.uid("STORE", uid.decode(), "+FLAGS", "(\\Flagged)")
        flagged.append(wait(lambda: flagged_now() > before, "flag") - t0)
        time.sleep(0.3)
    uploaded = []
    count = lambda: int(re.search(rb"MESSAGES (\d+)", a.status('"%s"' % folder, "(MESSAGES)")[1][0]).group(1))
    for i in range(n):
        before = count(); _, msg = message("local")
        name = "bench-%d-%s.host" % (i, uuid.uuid4().hex[:8])
        tmp = os.path.join(maildir, "tmp", name)
        with open(tmp, "wb") as out: out.write(msg)
        t0 = time.perf_counter(); os.rename(tmp, os.path.join(maildir, "new", name))
        end = t0 + DEADLINE
        while count() <= before:
            if time.perf_counter() > end: sys.exit("a local message did not reach the server within %d s" % DEADLINE)
            time.sleep(0.01)
        uploaded.append(time.perf_counter() - t0)
        time.sleep(0.3)
finally:
    sync.terminate(); sync.wait(60)

print("push latency, %d changes of each kind (IceSync in scheduled mode, intervals 60 min)" % n)
fl = stats("raw floor (APPEND + UID FETCH)", floor)
nt = stats("server notification (raw NOTIFY)", told) if told else float("nan")
ap = stats("server APPEND -> local Maildir", appended)
fg = stats("server flag -> local Maildir", flagged)
stats("local Maildir -> server (watcher)", uploaded)
print("ratio append/floor %.0fx, flag/floor %.0fx (medians)" % (ap / fl, fg / fl))
print("ratio append/server notification %.2fx (medians)" % (ap / nt))
PY
