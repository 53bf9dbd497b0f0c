#!/usr/bin/env python3
"""The server's own share of a cycle after 100 flag changes: a raw client's SELECT (QRESYNC) of INBOX from the
HIGHESTMODSEQ before the changes. Sets \\Flagged on the first 100 messages, times 5 such SELECTs, clears the flags
again and prints the median in milliseconds.   usage: qresync-select.py PORT USER [PASSWORD]"""
import imaplib
import re
import statistics
import sys
import time

port, user = int(sys.argv[1]), sys.argv[2]
password = sys.argv[3] if len(sys.argv) > 3 else "secret"


def login():
    m = imaplib.IMAP4("127.0.0.1", port)
    m.login(user, password)
    return m


def flags(sign, uids):
    m = login()
    m.select("INBOX")
    m.uid("STORE", b",".join(uids).decode(), sign + "FLAGS", "(\\Flagged)")
    m.logout()


m = login()
m._simple_command("ENABLE", "QRESYNC")
m.select("INBOX")
oks = b" ".join(x for x in m.untagged_responses.get("OK", []) if x)
modseq = int(re.search(rb"HIGHESTMODSEQ (\d+)", oks).group(1))
validity = int(re.search(rb"UIDVALIDITY (\d+)", oks).group(1))
uids = m.uid("SEARCH", None, "ALL")[1][0].split()[:100]
m.close()
flags("+", uids)
times = []
try:
    for _ in range(5):
        t = time.perf_counter()
        m._simple_command("SELECT", "INBOX", "(QRESYNC (%d %d))" % (validity, modseq))
        times.append((time.perf_counter() - t) * 1000)
        m.state = "SELECTED"
        m._simple_command("CLOSE")
finally:
    flags("-", uids)
    m.logout()
print("%.1f" % statistics.median(times))
