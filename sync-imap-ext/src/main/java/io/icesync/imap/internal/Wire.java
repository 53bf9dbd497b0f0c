package io.icesync.imap.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.LiteralException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;

/**
 * Raw IMAP commands whose responses are handled one at a time as they arrive, instead of
 * collected into an array first as {@code Protocol.command} does: a 100,000-message listing then
 * never holds every response at once. Also pipelining: many small commands written before their
 * answers are read, so that a per-folder command over 500 folders costs a few round trips, not 500.
 */
final class Wire {
    /** How many commands may be in flight on one connection. */
    static final int WINDOW = 64;

    private Wire() {
    }

    /** One command of a pipeline, with the caller's key. */
    record Cmd<K>(K key, String command, Argument args) {
    }

    /**
     * Sends {@code command} and reads its responses as they come: each untagged response is offered
     * to {@code mine}; those it declines (and EXISTS, EXPUNGE, VANISHED...) go to the connection's
     * handlers, so that Angus' view of the selected folder stays right. Returns the tagged completion;
     * NO and BAD throw (with the server's line), a broken connection throws Angus' ConnectionException.
     */
    static Response run(IMAPProtocol p, String command, Argument args, Predicate<Response> mine) throws ProtocolException {
        synchronized (p) {
            greet(p);
            ConnectionGuard.Watch deadline = watch(p, command);
            try {
                return send(p, command, args, mine);
            } finally {
                deadline.close();
            }
        }
    }

    private static Response send(IMAPProtocol p, String command, Argument args, Predicate<Response> mine)
            throws ProtocolException {
        String tag;
        try {
            tag = p.writeCommand(command, args);
        } catch (LiteralException e) {
            Response r = e.getResponse();
            p.handleResult(r);
            return r;
        } catch (IOException e) {
            throw broken(p, e);
        }
        while (true) {
            Response r = next(p);
            if (r == null) {
                continue;
            }
            if (r.isTagged() && tag.equals(r.getTag())) {
                p.handleResult(r);
                return r;
            }
            offer(p, r, mine);
        }
    }

    /**
     * Sends the commands {@link #WINDOW} at a time without waiting for each answer, then reads the
     * answers; {@code done} gets each command's tagged completion (OK, NO or BAD: a refusal of one
     * command does not stop the others). Arguments must not need a synchronizing literal.
     */
    static <K> void pipeline(IMAPProtocol p, List<Cmd<K>> cmds, Predicate<Response> mine,
                             java.util.function.BiConsumer<K, Response> done) throws ProtocolException {
        synchronized (p) {
            greet(p);
            for (int from = 0; from < cmds.size(); from += WINDOW) {
                List<Cmd<K>> window = cmds.subList(from, Math.min(cmds.size(), from + WINDOW));
                ConnectionGuard.Watch deadline = watch(p, window.get(0).command());
                try {
                    window(p, window, mine, done);
                } finally {
                    deadline.close();
                }
            }
        }
    }

    private static <K> void window(IMAPProtocol p, List<Cmd<K>> window, Predicate<Response> mine,
                                   java.util.function.BiConsumer<K, Response> done) throws ProtocolException {
        Map<String, K> open = new HashMap<>();
        for (Cmd<K> c : window) {
            try {
                open.put(p.writeCommand(c.command(), c.args()), c.key());
            } catch (LiteralException e) {
                throw new ProtocolException("a pipelined command needed a literal: " + c.command());
            } catch (IOException e) {
                throw broken(p, e);
            }
        }
        while (!open.isEmpty()) {
            Response r = next(p);
            if (r == null) {
                continue;
            }
            if (r.isTagged() && open.containsKey(r.getTag())) {
                done.accept(open.remove(r.getTag()), r);
                continue;
            }
            offer(p, r, mine);
        }
    }

    /** The deadline of one command (or one window of a pipeline) on this connection. */
    private static ConnectionGuard.Watch watch(IMAPProtocol p, String command) {
        return p instanceof IceImapStore.Protocol ip ? ip.watch(command) : () -> { };
    }

    private static void greet(IMAPProtocol p) {
        if (p instanceof IceImapStore.Protocol ip) {
            ip.greetOnce();
        }
    }

    /** The next response; null for one that could not be parsed (skipped, as Angus does). A BYE or EOF throws. */
    private static Response next(IMAPProtocol p) throws ProtocolException {
        Response r;
        try {
            r = p.readResponse();
        } catch (IOException e) {
            throw broken(p, e);
        } catch (ProtocolException e) {
            return null;
        }
        if (r.isBYE()) {
            p.notifyResponseHandlers(new Response[] {r});
            p.handleResult(r); // disconnects and throws ConnectionException
        }
        return r;
    }

    private static void offer(IMAPProtocol p, Response r, Predicate<Response> mine) {
        if (r.isUnTagged() && (mine == null || !mine.test(r))) {
            p.notifyResponseHandlers(new Response[] {r});
        }
    }

    private static ProtocolException broken(IMAPProtocol p, IOException e) throws ProtocolException {
        Response bye = Response.byeResponse(e);
        p.notifyResponseHandlers(new Response[] {bye});
        p.handleResult(bye);
        return new ProtocolException("connection broken", e);
    }

    /** The words of an untagged "* SEARCH 1 2 3" (or "* SEARCH 1 2 (MODSEQ 9)") response, as UIDs. */
    static List<Long> searchUids(Response r) {
        List<Long> out = new ArrayList<>();
        String line = r.toString();
        int i = line.toUpperCase(java.util.Locale.ROOT).indexOf("SEARCH");
        if (i < 0) {
            return out;
        }
        for (String t : line.substring(i + 6).trim().split("\\s+")) {
            if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
                out.add(Long.parseLong(t));
            }
        }
        return out;
    }
}
