# shellcheck shell=bash
# Shared by bench/vs-mbsync.sh and bench/all.sh (sourced, not run): IceSync's CLI and mbsync on the same
# IMAP account in the same run. Rows are printed as "tool scenario wall_s peak_rss_kb".
# Needs: python3, mbsync, /usr/bin/time, SHARED (the peers' folder) and ICESYNC (the launcher) set.

bench_need_tools() {
  command -v mbsync >/dev/null || { echo "mbsync not installed (apt-get install isync)" >&2; exit 1; }
  [ -x /usr/bin/time ] || { echo "/usr/bin/time not installed (apt-get install time)" >&2; exit 1; }
}

imap_count() { # user port: messages in every selectable folder
  python3 - "$1" "$2" <<'PY'
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

imap_flags() { # user port +|-: +FLAGS or -FLAGS \Flagged on the first 100 messages of INBOX
  python3 - "$1" "$2" "$3" <<'PY'
import imaplib, sys
m = imaplib.IMAP4("127.0.0.1", int(sys.argv[2])); m.login(sys.argv[1], "secret"); m.select("INBOX")
uids = m.uid("SEARCH", None, "ALL")[1][0].split()[:100]
m.uid("STORE", b",".join(uids).decode(), sys.argv[3] + "FLAGS", "(\\Flagged)"); m.logout()
PY
}

imap_fill() { # user port messages: fills the account up to that many messages, once
  local have
  have=$(imap_count "$1" "$2")
  if [ "$have" -lt "$3" ]; then
    echo "filling $1 ($have messages now)"
    python3 "$SHARED/peers/gen-mailbox.py" --port "$2" --user "$1" --messages $(($3 - have))
  fi
}

timed() { # workdir label command...: prints "label wall_s peak_rss_kb"; the command's output on failure
  local w=$1 label=$2 wall rss; shift 2
  /usr/bin/time -f "%e %M" -o "$w/time.txt" "$@" >"$w/out.txt" 2>&1 || { cat "$w/out.txt" >&2; return 1; }
  read -r wall rss < "$w/time.txt"; echo "$label $wall $rss"
}

ice_profile() { # profile-dir user port: a fresh profile, as a user creates it
  rm -rf "$1"
  ICESYNC_BENCH_PASSWORD=secret "$ICESYNC" profile create --dir "$1" --email "$2" \
    --imap "127.0.0.1:$3" --security plain --user "$2" --password-env ICESYNC_BENCH_PASSWORD >/dev/null
}

ice_sync() { # workdir profile-dir label: one `icesync sync --once`, timed
  timed "$1" "$3" "$ICESYNC" sync --dir "$2" --once -q | sed 's/^/icesync /'
}

mbsync_bench() { # workdir user port: the peers' mbsync baseline (initial, noop, flags100) as rows
  "$SHARED/peers/mbsync-bench.sh" "$1" "$2" "$3" | grep wall_s \
    | sed -E 's/^([a-z0-9]+) wall_s=([0-9.]+) peak_rss_kb=([0-9]+)/mbsync \1 \2 \3/'
}

mbsync_again() { # workdir label: mbsync once more on the Maildir mbsync_bench left, timed
  timed "$1" "$2" mbsync -q -c "$1/mbsyncrc" bench | sed 's/^/mbsync /'
}

# ext4 passes over the inodes freed in the last minutes each time it makes a file (fs/ext4/ialloc.c,
# recently_deleted): right after 10,000 files were deleted, every new file costs a scan, and either tool's
# initial sync then took up to twice as long, by chance of the order. So nothing is deleted before a timed
# run: each round writes into folders of its own, the folders of an earlier bench are set aside at the start
# (a rename frees no inode), and all of them are deleted when the bench ends; the next bench first waits
# until five minutes have passed since then (bench_settle).
bench_set_aside() { # workdir name...: moves WORKDIR/name (when there) into WORKDIR/old, emptied by bench_cleanup
  local w=$1 n; shift
  mkdir -p "$w/old"
  for n in "$@"; do
    if [ -e "$w/$n" ]; then mv "$w/$n" "$w/old/$n.$$.$RANDOM"; fi
  done
}
BENCH_DELETED_AT=${TMPDIR:-/tmp}/icesync-bench.deleted-at
bench_cleanup() { # workdir: deletes what was set aside, once nothing more is timed, and notes when
  if [ -d "$1/old" ]; then
    rm -rf "$1/old"
    date +%s > "$BENCH_DELETED_AT"
  fi
}
bench_settle() { # before the first timed run: waits out the 5 minutes after an earlier bench's deletion
  local at now left
  at=$(cat "$BENCH_DELETED_AT" 2>/dev/null || echo 0)
  now=$(date +%s); left=$((at + 300 - now))
  if [ "$left" -gt 0 ]; then
    echo "waiting ${left} s: a bench deleted its files $((now - at)) s ago, and ext4 makes new files slowly for a few minutes after"
    sleep "$left"
  fi
}

cli_vs_mbsync_round() { # workdir user port round: one round of both tools in WORKDIR/rROUND, 100 flags cleared before each
  local w=$1 user=$2 port=$3 r="$1/r$4" s
  mkdir -p "$r"
  imap_flags "$user" "$port" -
  mbsync_bench "$r/mbsync" "$user" "$port"
  imap_flags "$user" "$port" -
  for s in initial noop flags100; do
    [ "$s" = initial ] && ice_profile "$r/ice" "$user" "$port"
    [ "$s" = flags100 ] && imap_flags "$user" "$port" +
    ice_sync "$w" "$r/ice" "$s"
  done
  bench_set_aside "$w" "r$4"
}

cli_vs_mbsync_table() { # results-file: medians per scenario, and the IceSync/mbsync ratios
  python3 - "$1" <<'PY'
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
}

median_of() { # column file tool scenario: the median of that column over the matching rows ("nan" if none)
  awk -v c="$1" -v t="$3" -v s="$4" '$1 == t && $2 == s { print $c }' "$2" | sort -g \
    | awk '{ a[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print a[(NR + 1) / 2];
                               else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}
