package io.icesync.client.internal;

import io.icesync.client.SignatureOutcome;
import io.icesync.core.ConnectionException;
import io.icesync.core.ProtocolException;
import io.icesync.core.settings.ConflictPolicy;
import io.icesync.core.spi.Clock;
import io.icesync.core.spi.SessionEvent;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.store.AtomicFiles;
import io.icesync.rules.IceWarpSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * The user's signature (F10.6) kept the same in the profile's {@code signature.html} (with its text
 * form {@code signature.txt}) and on the server, through IceWarp's XML API. The state store keeps a
 * digest of the signature both sides last agreed on, so each run knows which side changed since: the
 * changed side wins; when both changed to different signatures, the profile's {@code conflictPolicy}
 * chooses and the loser is kept in {@code signature.conflict.html}. An edit of the text file alone is
 * taken as the new signature (made into HTML). A missing file is no change: the next run writes it again.
 *
 * <p>Crash safety: files are replaced whole ({@link AtomicFiles}), the server is written before the
 * files and the digest last, so a run cut anywhere finds the two sides equal or the same changes again,
 * and ends where the whole run would have.
 */
public final class SignatureSync {
    public static final String HTML_FILE = "signature.html";
    public static final String TEXT_FILE = "signature.txt";
    public static final String CONFLICT_FILE = "signature.conflict.html";
    static final String BASE_KEY = "signature.base";
    static final String BASE_TEXT_KEY = "signature.baseText";
    static final String UNAVAILABLE_KEY = "signature.unavailable";

    /** Two-way, or one side over the other. */
    public enum Mode { SYNC, PULL, PUSH }

    private final Path dir;
    private final SyncStateStore state;
    private final Clock clock;
    private final Supplier<IceWarpSignature> connect;

    /** @param connect logs in to the server's XML API; called once per run */
    public SignatureSync(Path dir, SyncStateStore state, Clock clock, Supplier<IceWarpSignature> connect) {
        this.dir = dir;
        this.state = state;
        this.clock = clock;
        this.connect = connect;
    }

    /**
     * Runs once. In {@link Mode#SYNC} a server without the API is reported in the session log the first
     * time only and gives {@link SignatureOutcome#NOT_AVAILABLE}; PULL and PUSH throw what failed.
     */
    public SignatureOutcome run(Mode mode, ConflictPolicy policy) {
        IceWarpSignature api;
        IceWarpSignature.Stored server;
        try {
            api = connect.get();
        } catch (ConnectionException | ProtocolException e) {
            return unavailable(mode, e);
        }
        try (api) {
            try {
                server = api.read();
            } catch (ProtocolException e) {
                return unavailable(mode, e);
            }
            if (!"0".equals(state.value(UNAVAILABLE_KEY).orElse("0"))) {
                state.putValue(UNAVAILABLE_KEY, "0");
            }
            return decide(api, server, mode, policy);
        }
    }

    private SignatureOutcome decide(IceWarpSignature api, IceWarpSignature.Stored server, Mode mode,
                                    ConflictPolicy policy) {
        String html = read(HTML_FILE);
        String text = read(TEXT_FILE);
        String base = state.value(BASE_KEY).orElse(digest(""));
        String baseText = state.value(BASE_TEXT_KEY).orElse(digest(""));
        String edited = null;
        boolean fromText = false;
        if (html != null && !digest(html).equals(base)) {
            edited = html;
        } else if (text != null && !digest(text).equals(baseText)) {
            edited = SignatureText.toHtml(text);
            fromText = true;
        }
        String current = edited != null ? edited : html != null ? html : "";
        boolean serverChanged = !digest(server.html()).equals(base);

        switch (mode) {
            case PULL:
                return settle(server.html(), false, text, current.equals(server.html())
                        ? SignatureOutcome.UNCHANGED : SignatureOutcome.PULLED);
            case PUSH:
                if (!current.equals(server.html())) {
                    api.write(current);
                    return settle(current, fromText, text, SignatureOutcome.PUSHED);
                }
                return settle(current, fromText, text, SignatureOutcome.UNCHANGED);
            default:
                break;
        }
        if (edited == null || edited.equals(server.html())) {
            return settle(server.html(), false, text, serverChanged && edited == null && !server.html().equals(html)
                    ? SignatureOutcome.PULLED : SignatureOutcome.UNCHANGED);
        }
        if (!serverChanged && server.writable()) {
            api.write(edited);
            return settle(edited, fromText, text, SignatureOutcome.PUSHED);
        }
        // Both changed, or the server's may not change: one signature is kept, the other saved beside it.
        boolean localWins = policy == ConflictPolicy.CLIENT_WINS && server.writable();
        AtomicFiles.writeString(dir.resolve(CONFLICT_FILE), localWins ? server.html() : edited);
        String why = !server.writable() ? "the server's signature is locked by the administrator"
                : "the signature changed here and in WebClient (conflict policy " + policy + ")";
        log(SessionEvent.Level.WARNING, "signature conflict", why + "; kept the " + (localWins ? "profile's" : "server's")
                + ", the other is in " + CONFLICT_FILE);
        if (localWins) {
            api.write(edited);
            return settle(edited, fromText, text, SignatureOutcome.CONFLICT_LOCAL_KEPT);
        }
        return settle(server.html(), false, text, SignatureOutcome.CONFLICT_SERVER_KEPT);
    }

    /** Writes the agreed signature into the files (where they differ), then records it as the base. */
    private SignatureOutcome settle(String html, boolean keepText, String text, SignatureOutcome outcome) {
        if (!html.equals(read(HTML_FILE))) {
            AtomicFiles.writeString(dir.resolve(HTML_FILE), html);
        }
        String newText = keepText ? text : SignatureText.toText(html);
        if (!newText.equals(text)) {
            AtomicFiles.writeString(dir.resolve(TEXT_FILE), newText);
        }
        state.putValue(BASE_KEY, digest(html));
        state.putValue(BASE_TEXT_KEY, digest(newText));
        switch (outcome) {
            case PULLED -> log(SessionEvent.Level.INFO, "signature pulled", "from WebClient into " + HTML_FILE);
            case PUSHED -> log(SessionEvent.Level.INFO, "signature pushed", "from " + (keepText ? TEXT_FILE : HTML_FILE)
                    + " to WebClient");
            default -> { }
        }
        return outcome;
    }

    private SignatureOutcome unavailable(Mode mode, RuntimeException e) {
        if (mode != Mode.SYNC) {
            throw e;
        }
        if (!"1".equals(state.value(UNAVAILABLE_KEY).orElse("0"))) {
            log(SessionEvent.Level.INFO, "signature sync not available",
                    "the server offers no signature through IceWarp's XML API: " + e.getMessage());
            state.putValue(UNAVAILABLE_KEY, "1");
        }
        return SignatureOutcome.NOT_AVAILABLE;
    }

    private void log(SessionEvent.Level level, String message, String details) {
        state.log(new SessionEvent(clock.now(), level, message, details));
    }

    private String read(String name) {
        try {
            return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(name) + ": " + e.getMessage(), e);
        }
    }

    static String digest(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
