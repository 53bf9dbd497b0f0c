package io.icesync.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icesync.client.internal.ProfileJson;
import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import io.icesync.core.engine.FirstSyncHandler;
import io.icesync.core.engine.SyncCounters;
import io.icesync.core.engine.SyncEngine;
import io.icesync.core.engine.SyncListener;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.engine.SyncScheduler;
import io.icesync.core.settings.SettingsPolicy;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.IgnoredItem;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.spi.RemoteStore;
import io.icesync.core.spi.SecretStore;
import io.icesync.core.spi.SessionEvent;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.store.LocalStores;
import io.icesync.core.store.SecretStores;
import io.icesync.core.store.StateStores;
import io.icesync.imap.ImapRemoteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * IceSync's front door: a profile folder (settings, state, local mail) synced with its server.
 *
 * <pre>{@code
 * try (IceSync sync = IceSync.open(Path.of("profiles/jean"))) {
 *     SyncReport report = sync.syncOnce();
 *     System.out.println(report.summary());
 * }
 * }</pre>
 *
 * A profile folder holds {@code profile.json} (account and settings, no password),
 * {@code state.db} (what was synced), {@code secrets.json} (the password, 0600) and
 * {@code mail/<folder path>/{cur,new,tmp}} (Maildir). Apps that bring their own storage or server
 * use {@link #builder()}.
 */
public final class IceSync implements AutoCloseable {
    public static final String PROFILE_FILE = "profile.json";
    public static final String STATE_FILE = "state.db";
    public static final String SECRETS_FILE = "secrets.json";
    public static final String MAIL_DIR = "mail";
    static final String LAST_REPORT = "lastReport";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private volatile Profile profile;
    private final SettingsPolicy policy;
    private final SyncStateStore state;
    private final LocalStore local;
    private final RemoteStore remote;
    private final SyncEngine engine;

    private IceSync(Path dir, Profile profile, SettingsPolicy policy, SyncStateStore state, LocalStore local,
                    RemoteStore remote, FirstSyncHandler firstSync) {
        this.dir = dir;
        this.profile = profile;
        this.policy = policy;
        this.state = state;
        this.local = local;
        this.remote = remote;
        this.engine = SyncEngine.builder().remote(remote).local(local).state(state)
                .settings(() -> this.profile.settings()).firstSync(firstSync).build();
    }

    /**
     * Creates a profile folder for an account and remembers its password in the folder's secret
     * store; fails if the folder already holds a profile.
     */
    public static IceSync create(Path dir, Profile profile, char[] password) {
        Path file = dir.resolve(PROFILE_FILE);
        if (Files.exists(file)) {
            throw new IceSyncException("a profile exists already in " + dir + "; open it instead");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new io.icesync.core.StoreException("cannot create the profile folder " + dir, e);
        }
        SecretStores.file(dir.resolve(SECRETS_FILE)).put(profile.account().secretKey(), password);
        ProfileJson.write(file, profile);
        return open(dir);
    }

    /** Opens a profile folder made by {@link #create}. */
    public static IceSync open(Path dir) {
        return open(dir, SecretStores.file(dir.resolve(SECRETS_FILE)), FirstSyncHandler.REFUSE);
    }

    /**
     * Opens a profile folder with the app's own secret store and its answer to the first-sync
     * question (F4.8: what to do when the local store already holds mail).
     */
    public static IceSync open(Path dir, SecretStore secrets, FirstSyncHandler firstSync) {
        Path file = dir.resolve(PROFILE_FILE);
        if (!Files.exists(file)) {
            throw new IceSyncException("no profile in " + dir + " (" + PROFILE_FILE + " is missing)");
        }
        Profile p = ProfileJson.read(file);
        char[] password = secrets.get(p.account().secretKey()).orElseThrow(() -> new IceSyncException(
                "no password is stored for " + p.account().login() + " in " + secrets));
        ImapRemoteStore.Builder rb = ImapRemoteStore.builder().endpoint(p.account().imap())
                .login(p.account().login()).password(password);
        java.util.Arrays.fill(password, '\0');
        if (p.trustedCertificatePem() != null) {
            rb.trustPem(p.trustedCertificatePem());
        }
        SyncStateStore state = StateStores.sqlite(dir.resolve(STATE_FILE));
        return new IceSync(dir, p, SettingsPolicy.NONE, state, LocalStores.maildir(dir.resolve(MAIL_DIR)), rb.build(),
                firstSync);
    }

    /** Reads what a profile folder says about its last sync, without connecting or needing the password. */
    public static ProfileStatus status(Path dir, int maxEvents) {
        if (!Files.exists(dir.resolve(STATE_FILE))) {
            if (!Files.exists(dir.resolve(PROFILE_FILE))) {
                throw new IceSyncException("no profile in " + dir + " (" + PROFILE_FILE + " is missing)");
            }
            return new ProfileStatus(null, null, null, null, 0, 0, List.of(), List.of());
        }
        try (SyncStateStore s = StateStores.sqlite(dir.resolve(STATE_FILE))) {
            Instant last = null;
            String summary = null;
            Boolean ok = null;
            String counters = null;
            var raw = s.value(LAST_REPORT);
            if (raw.isPresent()) {
                try {
                    var n = JSON.readTree(raw.get());
                    last = Instant.parse(n.get("finished").asText());
                    summary = n.get("summary").asText();
                    ok = n.get("ok").asBoolean();
                    counters = n.get("counters").asText();
                } catch (IOException | RuntimeException e) {
                    summary = "(the last report could not be read: " + e.getMessage() + ")";
                }
            }
            return new ProfileStatus(last, summary, ok, counters, s.folders().size(), s.itemCount(),
                    s.recentEvents(maxEvents), s.failures());
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A full cycle: folder tree, then the items of every selected folder. */
    public SyncReport syncOnce() {
        return record(engine.syncOnce());
    }

    /** "Synchronise all": every folder, with ignored items retried (F4.7). */
    public SyncReport syncAll() {
        return record(engine.syncAll());
    }

    /** The items of some folders only (opened by the user, or changed locally, F4.3). */
    public SyncReport syncFolders(List<FolderPath> folders) {
        return record(engine.syncFolders(folders, false));
    }

    private SyncReport record(SyncReport r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("finished", Instant.now().toString());
        n.put("summary", r.summary());
        n.put("ok", r.ok());
        n.put("counters", engine.counters().toString());
        state.putValue(LAST_REPORT, n.toString());
        return r;
    }

    /** Runs on the schedules of the settings until the returned scheduler is stopped (F3.2, F4.2). */
    public SyncScheduler startScheduled(Consumer<Exception> onError) {
        return SyncScheduler.start(engine, () -> profile.settings(), onError);
    }

    public void addListener(SyncListener l) {
        engine.addListener(l);
    }

    public void removeListener(SyncListener l) {
        engine.removeListener(l);
    }

    public SyncCounters counters() {
        return engine.counters();
    }

    public List<SessionEvent> events(int max) {
        return engine.events(max);
    }

    public List<IgnoredItem> failures() {
        return engine.failures();
    }

    public void clearIgnored(FolderPath folder) {
        engine.clearIgnored(folder);
    }

    public Profile profile() {
        return profile;
    }

    /** The effective settings (the user's, with any policy-imposed value on top, F10.2). */
    public SyncSettings settings() {
        return policy.apply(profile.settings());
    }

    /**
     * Changes settings; a change to a setting the policy locks throws {@link io.icesync.core.PolicyLockedException}.
     * Saved to profile.json at once when the profile has a folder.
     */
    public synchronized void updateSettings(UnaryOperator<SyncSettings.Builder> change) {
        SyncSettings next = policy.update(profile.settings(), change);
        profile = profile.withSettings(next);
        if (dir != null) {
            ProfileJson.write(dir.resolve(PROFILE_FILE), profile);
        }
    }

    /** The engine under the facade, for what the facade does not show. */
    public SyncEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            try {
                local.close();
            } finally {
                state.close();
            }
        }
    }

    /** Builds an {@link IceSync} over stores an app brings itself (a custom connector, its own storage). */
    public static final class Builder {
        private RemoteStore remote;
        private LocalStore local;
        private SyncStateStore state;
        private Profile profile;
        private SettingsPolicy policy = SettingsPolicy.NONE;
        private FirstSyncHandler firstSync = FirstSyncHandler.REFUSE;

        private Builder() {
        }

        public Builder remote(RemoteStore r) {
            this.remote = Objects.requireNonNull(r);
            return this;
        }

        public Builder local(LocalStore l) {
            this.local = Objects.requireNonNull(l);
            return this;
        }

        public Builder state(SyncStateStore s) {
            this.state = Objects.requireNonNull(s);
            return this;
        }

        public Builder profile(Profile p) {
            this.profile = Objects.requireNonNull(p);
            return this;
        }

        /** Values an administrator imposes (F10.2). */
        public Builder policy(SettingsPolicy p) {
            this.policy = Objects.requireNonNull(p);
            return this;
        }

        public Builder firstSync(FirstSyncHandler h) {
            this.firstSync = Objects.requireNonNull(h);
            return this;
        }

        public IceSync build() {
            Objects.requireNonNull(remote, "remote store");
            Objects.requireNonNull(profile, "profile");
            SettingsPolicy pol = policy;
            Profile effective = profile.withSettings(pol.apply(profile.settings()));
            return new IceSync(null, effective, pol, state != null ? state : StateStores.inMemory(),
                    local != null ? local : LocalStores.inMemory(), remote, firstSync);
        }
    }
}
