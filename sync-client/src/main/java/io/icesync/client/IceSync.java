package io.icesync.client;

import io.icesync.client.internal.AccountEngines;
import io.icesync.client.internal.AccountServers;
import io.icesync.client.internal.AttachmentScanner;
import io.icesync.client.internal.GalRefresh;
import io.icesync.client.internal.GroupwareLocal;
import io.icesync.client.internal.OptionalModules;
import io.icesync.client.internal.RulesAccess;
import io.icesync.client.internal.LastCycleJson;
import io.icesync.client.internal.LocalChangeWatcher;
import io.icesync.client.internal.OutboxFolder;
import io.icesync.client.internal.OutboxListing;
import io.icesync.client.internal.OutboxSender;
import io.icesync.client.internal.OutgoingMessage;
import io.icesync.client.internal.OwnWrites;
import io.icesync.client.internal.SmtpSubmission;
import io.icesync.client.internal.ProfileCertificates;
import io.icesync.client.internal.ProfileJson;
import io.icesync.client.internal.ProfileLock;
import io.icesync.client.internal.ReceiptsOnRead;
import io.icesync.client.internal.SignatureSync;
import io.icesync.client.internal.Scheduler;
import io.icesync.client.internal.ServiceStores;
import io.icesync.core.Account;
import io.icesync.core.Endpoint;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.IceSyncException;
import io.icesync.core.InvalidSettingException;
import io.icesync.core.Security;
import io.icesync.core.ServiceAccess;
import io.icesync.core.StoreException;
import io.icesync.core.engine.DeleteGuard;
import io.icesync.core.engine.FirstSyncHandler;
import io.icesync.core.engine.SyncCounters;
import io.icesync.core.engine.SyncEngine;
import io.icesync.core.engine.SyncListener;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.settings.EffectiveSettings;
import io.icesync.core.settings.FolderSelection;
import io.icesync.core.settings.SettingsPolicy;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.core.spi.Clock;
import io.icesync.core.spi.IgnoredItem;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.spi.RemoteStore;
import io.icesync.core.spi.SecretStore;
import io.icesync.core.spi.SessionEvent;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.core.store.LocalStores;
import io.icesync.core.store.SecretStores;
import io.icesync.core.store.StateStores;
import io.icesync.groupware.mdn.ReceiptOutcome;
import io.icesync.core.spi.AccessControl;
import io.icesync.imap.ImapRemoteStore;
import io.icesync.rules.RulesProvider;
import io.icesync.smartdiscover.DiscoveryResult;
import io.icesync.smartdiscover.SmartDiscover;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IceSync's front door: a profile (an account, its settings, what was synced, the local mail)
 * synced with its server.
 *
 * <pre>{@code
 * try (IceSync sync = IceSync.open(Path.of("profiles/jean"))) {
 *     SyncReport report = sync.syncOnce();
 *     System.out.println(report.summary());
 * }
 * }</pre>
 *
 * A profile folder holds {@code profile.json} (account, server, trusted certificate, settings; no
 * password), {@code secrets.json} (the password, mode 0600: the only file with a credential),
 * {@code state.db} (SQLite: what was synced, intents, session log, the last cycle's report),
 * {@code mail/<folder path>/{cur,new,tmp}} (one Maildir per folder), {@code attachments/} (the
 * attachment links fetched, see {@link #attachments()}) and {@code icesync.lock}
 * (one IceSync per folder at a time). Apps that bring their own server connector, storage or
 * password store use {@link #builder()}.
 *
 * <p>Every cycle's report is saved in the state store at the cycle's end, so another process can
 * show it with {@link #status(Path, int)}. Methods are safe to call from any thread; cycles run one
 * at a time, and the queries ({@link #status(int)}, {@link #events(int)}, {@link #failures()},
 * {@link #counters()}) answer while one runs.
 */
public final class IceSync implements AutoCloseable {
    /**
     * The profile's description, in the profile folder: {@link Profile#toJson()}'s format.
     */
    public static final String PROFILE_FILE = "profile.json";
    /**
     * The profile's state store (SQLite): what was synced, intents, session log, the last cycle's report.
     */
    public static final String STATE_FILE = "state.db";
    /**
     * The profile's password store: JSON readable by its owner only (0600).
     */
    public static final String SECRETS_FILE = "secrets.json";
    /**
     * The profile's mail, one Maildir per folder.
     */
    public static final String MAIL_DIR = "mail";
    /** The profile's groupware folders, one directory per folder, one file per object (vdir). */
    public static final String GROUPWARE_DIR = "groupware";
    /** The documents synced over WebDAV, as plain files under the server's names. */
    public static final String DOCUMENTS_DIR = "documents";
    /**
     * The administrator's policy for the profile (F10.2), optional: {@link SettingsPolicy#toJson()}'s
     * format. Its forced values win over {@code profile.json}'s and cannot be changed by the user.
     */
    public static final String POLICY_FILE = "policy.json";
    /**
     * Where the application keeps its daily log files, one {@code MM-DD-YYYY.txt} a day (F11.4; the
     * GUI's "show log folder"). The libraries write none: they log through SLF4J, and the application's
     * backend writes here ({@code icesync} does, at the profile's {@code logLevel}).
     */
    public static final String LOGS_DIR = "logs";
    /** The Message-IDs whose read receipt was sent or declined, one a line (F6.5). */
    public static final String RECEIPTS_FILE = "read-receipts.txt";
    /** The user's signature as HTML, kept the same as WebClient's with {@code syncSignature} (F10.6). */
    public static final String SIGNATURE_HTML = SignatureSync.HTML_FILE;
    /** The signature's text form, written with {@link #SIGNATURE_HTML}; an edit of it alone is taken too. */
    public static final String SIGNATURE_TEXT = SignatureSync.TEXT_FILE;
    /**
     * A GroupWare profile's record of the POP3 messages already in {@code mail/INBOX}, by UIDL (F10.3);
     * deleting it makes the next sync download the whole maildrop again.
     */
    public static final String POP3_UIDLS_FILE = "pop3-uidls.txt";
    /** The state-store value that holds the last cycle's report (JSON, see {@link LastCycle}). */
    public static final String LAST_REPORT_KEY = LastCycleJson.KEY;

    private static final Logger LOG = LoggerFactory.getLogger(IceSync.class);

    private final Path dir;
    private final ProfileLock lock;
    private volatile Profile profile;
    private final ProfileCertificates certs;
    private final java.util.function.Supplier<SecretStore> secrets;
    private final EffectiveSettings settings;
    private final SyncStateStore state;
    private final LocalStore local;
    private final SyncEngine engine;
    private final AccountEngines engines;
    private final List<ServiceStores.Stores> extra;
    private final Clock clock;
    private final List<ScheduledSync> schedules = new CopyOnWriteArrayList<>();
    private final OwnWrites ownWrites = new OwnWrites();
    private final ReceiptsOnRead receipts;
    private final GalRefresh gal;
    /** Null without a profile folder. */
    private final SignatureSync signature;
    /** The attachment links of the profile folder's items; null without a folder. */
    private final io.icesync.core.store.AttachmentLinkStore links;
    private final Attachments attachments;
    private final RemoteStore remote;
    /** A GroupWare profile's mail over POP3 (F10.3), or null. */
    private final io.icesync.client.internal.Pop3Inbox pop3;
    /** The application's access tokens for a profile with {@code "auth": "oauth"}; null otherwise. */
    private final io.icesync.core.TokenSource tokens;
    /** Makes every HTTP client of this profile (WebDAV, CalDAV/CardDAV, XML API, free/busy, SmartAttach). */
    /** The application's HTTP clients, or null for IceSync's own, made at first use by {@link #http()}. */
    private volatile io.icesync.net.HttpClientFactory http;
    private volatile boolean closed;
    /** Null when the server connection keeps no access lists (a custom remote store). */
    private Sharing sharing;

    /** The HTTP clients of this profile: the application's, else IceSync's own (sync-net), made once. */
    private io.icesync.net.HttpClientFactory http() {
        io.icesync.net.HttpClientFactory h = http;
        if (h == null) {
            h = io.icesync.net.HttpClientFactory.standard();
            http = h;
        }
        return h;
    }

    private IceSync(Path dir, ProfileLock lock, Profile profile, ProfileCertificates certs,
                    java.util.function.Supplier<SecretStore> secrets, EffectiveSettings settings, SyncStateStore state,
                    LocalStore local, RemoteStore remote, List<ServiceStores.Stores> extra,
                    SyncEngine.Builder engineOptions, Clock clock, io.icesync.client.internal.Pop3Inbox pop3,
                    io.icesync.core.TokenSource tokens, io.icesync.net.HttpClientFactory http) {
        this.dir = dir;
        this.tokens = tokens;
        this.http = http;
        this.lock = lock;
        this.profile = profile;
        this.certs = certs;
        this.secrets = secrets;
        this.settings = settings;
        this.state = state;
        this.local = local;
        this.clock = clock;
        this.remote = remote;
        this.pop3 = pop3;
        // The builder's first-sync answer, delete guard, clock and listeners are already in engineOptions.
        this.engine = engineOptions.remote(remote).local(local).state(state).settings(settings).build();
        this.extra = List.copyOf(extra);
        List<AccountEngines.Service> all = new ArrayList<>();
        all.add(new AccountEngines.Service("", engine, state));
        for (ServiceStores.Stores x : extra) {
            all.add(new AccountEngines.Service(x.name(), engineOptions.remote(x.remote()).local(x.local())
                    .state(x.state()).settings(settings).build(), x.state()));
        }
        this.engines = new AccountEngines(all, ServiceStores.kindsElsewhere(extra));
        // Read receipts, the signature and attachment links need optional modules: without them, off.
        this.receipts = !OptionalModules.hasGroupware() ? null : ReceiptsOnRead.open(settings, this::profile,
                smtp -> mailAccess(this.profile, smtp, "smtp", () -> servicePassword(secrets.get(), this.profile.account(),
                        "smtp"), tokens, certs), certs, local,
                state, dir == null ? null : dir.resolve(RECEIPTS_FILE), clock);
        if (receipts != null) {
            engine.addListener(receipts);
        } else if (settings.get().readReceipts() != io.icesync.core.settings.ReadReceiptMode.NEVER) {
            LOG.info("read receipts are not handled: add io.icesync:sync-groupware to answer them");
        }
        this.gal = new GalRefresh(dir == null ? null : dir.resolve(GROUPWARE_DIR), state, clock);
        this.signature = dir == null || !OptionalModules.hasRules() ? null
                : new SignatureSync(dir, state, clock, this::signatureApi);
        this.links = dir == null || !OptionalModules.hasWebdav() ? null
                : io.icesync.core.store.AttachmentLinkStore.open(dir.resolve(STATE_FILE));
        this.attachments = links == null ? null : new Attachments(dir, links,
                new AccountServers(profile.services(), profile.account().imap().host()), this::webdav);
    }

    /**
     * Creates a profile folder for an account: {@code profile.json}, and the password in
     * {@code secrets.json} (0600). Fails if the folder already holds a profile. Returns the opened profile.
     *
     * @param dir      the profile folder, created when missing
     * @param profile  the account and settings
     * @param password the account's password, kept in {@code secrets.json}
     * @return the profile, opened (close it when done)
     * @throws IceSyncException when {@code dir} already holds a profile
     */
    public static IceSync create(Path dir, Profile profile, char[] password) {
        return builder().create(dir, profile, password);
    }

    /**
     * Opens a profile folder made by {@link #create}: IMAP to the profile's server, Maildir, SQLite state.
     *
     * @param dir the profile folder
     * @return the profile, opened and holding the folder's lock (close it when done)
     * @throws IceSyncException when the folder holds no profile or another IceSync has it open
     * @throws InvalidProfileException when {@code profile.json} cannot be used
     */
    public static IceSync open(Path dir) {
        return builder().directory(dir).build();
    }

    /**
     * Reads a profile folder's {@code profile.json} without connecting, without the password and
     * without taking the folder's lock. A malformed file is an {@link InvalidProfileException}.
     *
     * @param dir the profile folder
     * @return the profile as the file says, the user's own settings
     * @throws IceSyncException when the folder holds no profile
     */
    public static Profile readProfile(Path dir) {
        requireProfile(dir);
        return ProfileJson.read(dir.resolve(PROFILE_FILE));
    }

    /**
     * Changes a closed profile folder's {@code profile.json}: its folder kinds and names
     * ({@link Profile#withFolderKind}, {@link Profile#withFolderNames}), its settings (as the user's
     * values; a policy applies on top when the folder is opened) or its certificate. Takes the folder's
     * lock, so it fails while an IceSync has the folder open: the change applies from the next
     * opening. The account cannot change (the password and what was synced belong to it). The file
     * is written whole or not at all; returns the saved profile.
     *
     * <pre>{@code
     * IceSync.updateProfile(dir, p -> p.withFolderKind(FolderPath.of("Adressen"), FolderKind.CONTACTS));
     * }</pre>
     *
     * @param dir    the profile folder, closed
     * @param change turns the profile read into the one to save; it must keep the account
     * @return the profile saved
     * @throws IceSyncException when the folder holds no profile or another IceSync has it open
     * @throws InvalidSettingException naming {@code account} when the change alters the account
     * @throws InvalidProfileException when {@code profile.json} cannot be used
     */
    public static Profile updateProfile(Path dir, UnaryOperator<Profile> change) {
        Objects.requireNonNull(change, "change");
        requireProfile(dir);
        ProfileLock lock = ProfileLock.acquire(dir);
        try {
            Path file = dir.resolve(PROFILE_FILE);
            Profile before = ProfileJson.read(file);
            Profile after = Objects.requireNonNull(change.apply(before), "the changed profile");
            if (!after.account().equals(before.account())) {
                throw new InvalidSettingException("account", "a profile folder's account cannot change ("
                        + before.account().email() + " on " + before.account().imap() + "); create another profile folder");
            }
            if (after.trustedCertificatePem() != null) {
                new ProfileCertificates(null, after.trustedCertificatePem()); // refuses a bad PEM now
            }
            if (!after.equals(before)) {
                ProfileJson.write(file, after);
            }
            return after;
        } finally {
            lock.close();
        }
    }

    /**
     * The kind each folder was synced as, from {@code state.db} (empty before the first sync), without
     * the lock, the password or the network. A kind the profile gives a synced folder later is taken
     * at the next sync, which moves the folder between {@code mail/} and {@code groupware/} when the
     * kind calls for it (once its local changes are on the server; never while it has sub-folders):
     * compare with {@link Profile#folderKinds()} to tell the user what is still to come.
     */
    /**
     * Every folder the profile's services have synced, mail's and the others' (a documents folder, a
     * CalDAV calendar), with its kind; a path two services share appears once. Read without the lock.
     *
     * @param dir the profile folder
     * @return each folder with its kind, by path; empty before the first sync
     */
    public static Map<FolderPath, FolderKind> syncedFolders(Path dir) {
        Map<FolderPath, FolderKind> all = new TreeMap<>(syncedKinds(dir));
        if (!Files.exists(dir.resolve(STATE_FILE))) {
            return Collections.unmodifiableMap(all);
        }
        for (ServiceStores.Plan plan : ServiceStores.plan(readProfile(dir), GROUPWARE_DIR, DOCUMENTS_DIR)) {
            try (SyncStateStore s = StateStores.sqlite(dir.resolve(STATE_FILE), plan.name())) {
                s.folders().forEach(f -> all.putIfAbsent(f.path(), f.kind()));
            }
        }
        return Collections.unmodifiableMap(all);
    }

    /**
     * Every folder the mail (IMAP) service has synced, with its kind, read from the state without the lock; see {@link #syncedFolders} for the folders of every service.
     *
     * @param dir the profile folder
     * @return each folder with its kind, by path; empty before the first sync
     * @throws IceSyncException when the folder holds no profile
     */
    public static Map<FolderPath, FolderKind> syncedKinds(Path dir) {
        requireProfile(dir);
        if (!Files.exists(dir.resolve(STATE_FILE))) {
            return Map.of();
        }
        try (SyncStateStore s = StateStores.sqlite(dir.resolve(STATE_FILE))) {
            Map<FolderPath, FolderKind> m = new TreeMap<>();
            s.folders().forEach(f -> m.put(f.path(), f.kind()));
            return Collections.unmodifiableMap(m);
        }
    }

    /**
     * The administrator's policy of a profile folder ({@value #POLICY_FILE}), or
     * {@link SettingsPolicy#NONE} when the folder has none. A malformed file is an
     * {@link InvalidProfileException} naming the file and the setting.
     *
     * @param dir the profile folder
     * @return its policy, or {@link SettingsPolicy#NONE}
     */
    public static SettingsPolicy readPolicy(Path dir) {
        Path file = dir.resolve(POLICY_FILE);
        if (!Files.exists(file)) {
            return SettingsPolicy.NONE;
        }
        try {
            return SettingsPolicy.fromJson(Files.readString(file, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidProfileException(file, "", "cannot be read: " + e.getMessage(), e);
        } catch (InvalidSettingException e) {
            String prefix = e.setting() + ": ";
            String m = e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
            throw new InvalidProfileException(file, e.setting(), m, e);
        }
    }

    private static void requireProfile(Path dir) {
        if (!Files.isRegularFile(dir.resolve(PROFILE_FILE))) {
            throw new IceSyncException("no profile in " + dir + " (" + PROFILE_FILE + " is missing)");
        }
    }

    /**
     * Reads what a profile folder says about its syncs, without connecting, without the password and
     * without taking the folder's lock (so it works while another process syncs it).
     *
     * @param dir       the profile folder
     * @param maxEvents how many of the last session-log events to read
     * @return the last cycle, counts, events, failures, services and Outbox as saved
     * @throws IceSyncException when the folder holds no profile
     */
    public static ProfileStatus status(Path dir, int maxEvents) {
        requireProfile(dir);
        Profile p = readProfile(dir);
        if (!Files.exists(dir.resolve(STATE_FILE))) {
            return new ProfileStatus(null, 0, 0, List.of(), List.of(),
                    serviceStatus(p, name -> null, new ArrayList<>()),
                    OutboxListing.read(new OutboxFolder(dir.resolve(MAIL_DIR)), null, p.account().email()));
        }
        try (SyncStateStore s = StateStores.sqlite(dir.resolve(STATE_FILE))) {
            List<IgnoredItem> failures = new ArrayList<>();
            List<ServiceStatus> services = serviceStatus(p,
                    name -> name.isEmpty() ? s : StateStores.sqlite(dir.resolve(STATE_FILE), name), failures);
            LastCycle last = s.value(LAST_REPORT_KEY).map(LastCycleJson::read).orElse(null);
            return new ProfileStatus(last, services.stream().mapToInt(ServiceStatus::folders).sum(),
                    services.stream().mapToLong(ServiceStatus::items).sum(), s.recentEvents(maxEvents), failures,
                    services, OutboxListing.read(new OutboxFolder(dir.resolve(MAIL_DIR)), s, p.account().email()));
        }
    }

    /**
     * The rights and shares the state mirrors (F8), without connecting, without the password and
     * without taking the folder's lock. Empty before the first sync.
     *
     * @param dir the profile folder
     * @return the rights of the user's folders and the shares received, as last seen
     * @throws IceSyncException when the folder holds no profile
     */
    public static SharingStatus sharingStatus(Path dir) {
        requireProfile(dir);
        if (!Files.exists(dir.resolve(STATE_FILE))) {
            return new SharingStatus(List.of(), List.of());
        }
        String login = readProfile(dir).account().login();
        try (SyncStateStore s = StateStores.sqlite(dir.resolve(STATE_FILE))) {
            List<FolderRights> folders = new ArrayList<>();
            for (io.icesync.core.spi.FolderAccess a : s.folderAccess()) {
                List<io.icesync.core.Grant> grants = new ArrayList<>();
                if (a.acl() != null) {
                    a.acl().forEach((id, r) -> {
                        if (!id.equalsIgnoreCase(login) && !id.equalsIgnoreCase("owner") && !id.isBlank()
                                && id.chars().noneMatch(c -> c < 0x20 || c == 0x7f)) {
                            grants.add(new io.icesync.core.Grant(io.icesync.core.Grantee.parse(id),
                                    io.icesync.core.AccessRights.fromServer(r)));
                        }
                    });
                }
                folders.add(new FolderRights(a.path(), io.icesync.core.AccessRights.fromServer(a.myRights()), grants,
                        a.inherits()));
            }
            return new SharingStatus(folders, s.shares().stream().map(SharedFolder::of).toList());
        }
    }

    /**
     * Each service of the profile with what its scope of the state holds ({@code state} null: nothing yet);
     * the failures of every scope are added to {@code failures}, each scope opened and read once.
     */
    private static List<ServiceStatus> serviceStatus(Profile p,
                                                     java.util.function.Function<String, SyncStateStore> state,
                                                     List<IgnoredItem> failures) {
        List<ServiceStatus> out = new ArrayList<>();
        out.add(status("mail", "", "mail over IMAP", p.account().imap().toString(), MAIL_DIR, state, failures));
        for (ServiceStores.Plan plan : ServiceStores.plan(p, GROUPWARE_DIR, DOCUMENTS_DIR)) {
            out.add(status(plan.name(), plan.name(), plan.syncs(),
                    plan.server() == null ? "found from the domain of " + p.account().email() : plan.server().toString(),
                    plan.local(), state, failures));
        }
        return out;
    }

    private static ServiceStatus status(String name, String scope, String syncs, String server, String local,
                                        java.util.function.Function<String, SyncStateStore> state,
                                        List<IgnoredItem> failures) {
        SyncStateStore s = state.apply(scope);
        if (s == null) {
            return new ServiceStatus(name, syncs, server, local + "/", 0, 0, 0);
        }
        try {
            List<IgnoredItem> own = s.failures();
            failures.addAll(own);
            return new ServiceStatus(name, syncs, server, local + "/", s.folders().size(), s.itemCount(), own.size());
        } finally {
            if (!scope.isEmpty()) {
                s.close();
            }
        }
    }

    /**
     * The attachment links recorded in a profile folder ({@link #attachments()}), without connecting,
     * without the password and without taking the folder's lock (so it works while another process
     * syncs it). Empty before the first sync.
     * @param dir the profile folder
     * @return the links with their state
     * @throws IceSyncException when the folder holds no profile
     * @throws io.icesync.core.MissingDependencyException without {@code io.icesync:sync-webdav}
     */
    public static List<Attachment> attachments(Path dir) {
        requireProfile(dir);
        OptionalModules.requireWebdav("attachment links");
        if (!Files.exists(dir.resolve(STATE_FILE))) {
            return List.of();
        }
        try (io.icesync.core.store.AttachmentLinkStore s = io.icesync.core.store.AttachmentLinkStore.open(
                dir.resolve(STATE_FILE))) {
            return new Attachments(dir, s, null, null).list();
        }
    }

    private static ProfileStatus status(SyncStateStore s, int maxEvents) {
        LastCycle last = s.value(LAST_REPORT_KEY).map(LastCycleJson::read).orElse(null);
        return new ProfileStatus(last, s.folders().size(), s.itemCount(), s.recentEvents(maxEvents), s.failures());
    }

    /**
     * Finds an address's server settings (F1) with the system's DNS and trust store; see
     * {@link SmartDiscover} for the order of candidates and the rules that keep the password safe.
     * The result says what was found and every candidate tried; make a profile with
     * {@link Profile#fromDiscovery}.
     * @param email    the address to find the servers of
     * @param password the address's password, only sent where the rules allow
     * @return what was found, with every candidate tried
     * @throws io.icesync.core.MissingDependencyException without {@code io.icesync:sync-smartdiscover}
     */
    public static DiscoveryResult discover(String email, char[] password) {
        OptionalModules.requireSmartDiscover("finding an address's servers");
        return discover(email, password, SmartDiscover.builder().build());
    }

    /**
     * The same with a discovery of the caller's (its DNS, trusted certificates, consent callback).
     *
     * @param email     the address to find the servers of
     * @param password  the address's password
     * @param discovery the discovery to run
     * @return what was found, with every candidate tried
     */
    public static DiscoveryResult discover(String email, char[] password, SmartDiscover discovery) {
        return discovery.discover(email, password);
    }

    /**
     * A builder for an IceSync with the application's own choices (server connector, stores, secret store, policy, listeners, HTTP clients, token source).
     *
     * @return a new builder with the defaults of {@link #open} and {@link #create}
     */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ syncing

    /**
     * A full cycle: folder tree, then the items of every selected and priority folder.
     *
     * @return what the cycle did: counters, folders synced and failed, folders left alone on purpose
     * @throws io.icesync.core.engine.MassDeleteException when the cycle would delete more than the delete guard
     *         lets it (a local store that vanished): nothing it refused was written
     */
    public SyncReport syncOnce() {
        return cycle("full", () -> engines.run(SyncEngine::syncOnce));
    }

    /**
     * A full cycle under another delete guard: {@link DeleteGuard#off()} confirms the deletions a cycle refused.
     *
     * @param guard the delete guard of this cycle only
     * @return what the cycle did
     * @throws io.icesync.core.engine.MassDeleteException when the cycle would delete more than {@code guard} lets it
     */
    public SyncReport syncOnce(DeleteGuard guard) {
        return cycle("full", () -> engines.run(e -> e.syncOnce(guard)));
    }

    /**
     * "Synchronise all" (F4.7): every folder, selected or not, listed in full, ignored items retried.
     *
     * @return what the cycle did
     */
    public SyncReport syncAll() {
        return cycle("all", () -> engines.run(SyncEngine::syncAll));
    }

    /**
     * "Synchronise all" under another delete guard.
     *
     * @param guard the delete guard of this cycle only
     * @return what the cycle did
     */
    public SyncReport syncAll(DeleteGuard guard) {
        return cycle("all", () -> engines.run(e -> e.syncAll(guard)));
    }

    /**
     * The items of some folders only (opened by the user, or changed locally, F4.3); no tree sync.
     *
     * @param folders the folders whose items to sync
     * @return what the cycle did
     */
    public SyncReport syncFolders(List<FolderPath> folders) {
        List<FolderPath> copy = List.copyOf(folders);
        return cycle("folders", () -> engines.syncFolders(copy));
    }

    /** A folder-tree cycle; it reads the access lists too, whatever {@code accessListInterval} says (F8). */
    private SyncReport syncStructure() {
        if (sharing != null) {
            sharing.readAccessListsNext();
        }
        return engines.run(SyncEngine::syncStructure);
    }

    /** The kind of the cycles push starts (no Outbox run: only the folders the server named). */
    private static final String SERVER_CHANGE = "server change";

    private SyncReport cycle(String kind, Supplier<SyncReport> run) {
        if (closed) {
            throw new IllegalStateException("this IceSync is closed");
        }
        // Under the engine's cycle lock: the cycle and the saving of its report are one step for every
        // other cycle (a scheduled one); status() and events() do not wait for it.
        return engines.exclusively(() -> {
            SyncReport r;
            ownWrites.begin();
            try {
                if (!kind.equals("folders") && !kind.equals(SERVER_CHANGE)) {
                    runOutbox();
                }
                r = withPop3(kind, run);
            } catch (RuntimeException e) {
                try {
                    save(LastCycleJson.failed(kind, e, engines.counters(), clock.now()));
                } catch (RuntimeException x) {
                    e.addSuppressed(x);
                }
                try {
                    scanAttachments();
                } catch (RuntimeException x) {
                    e.addSuppressed(x);
                }
                throw e;
            } finally {
                ownWrites.end();
                if (receipts != null) {
                    receipts.settle();
                }
            }
            save(LastCycleJson.of(kind, r, engines.counters(), clock.now()));
            // The full cycles and the standard schedule, not every priority minute.
            if (kind.equals("full") || kind.equals("all") || kind.equals(Scheduler.Kind.SELECTED.label)) {
                syncSignatureAfterCycle();
            }
            // After the report, still under the lock: the links of what the cycle brought, then the small files.
            if (scanAttachments()) {
                autoFetchAttachments();
            }
            return r;
        });
    }

    /**
     * The cycle {@code run}, after the POP3 mail of a GroupWare profile on a cycle that concerns every
     * selected folder (not on folder-tree, address-list or single-folder cycles). A POP3 failure does not
     * keep the other services from syncing; it is thrown once they ran, like a service's (AccountEngines).
     */
    private SyncReport withPop3(String kind, Supplier<SyncReport> run) {
        if (pop3 == null || !POP3_CYCLES.contains(kind)) {
            return run.get();
        }
        io.icesync.core.engine.FolderReport inbox = null;
        RuntimeException failed = null;
        try {
            inbox = pop3.fetch(n -> engine.announceNewMail(new io.icesync.core.engine.NewMail(
                    io.icesync.client.internal.Pop3Inbox.INBOX, n, settings.get().hideNewMailAfter())));
        } catch (RuntimeException e) {
            failed = e;
        }
        SyncReport r;
        try {
            r = run.get();
        } catch (RuntimeException e) {
            if (failed != null) {
                e.addSuppressed(failed);
            }
            throw e;
        }
        if (failed != null) {
            throw failed;
        }
        List<io.icesync.core.engine.FolderReport> folders = new ArrayList<>();
        folders.add(inbox);
        folders.addAll(r.folders());
        return new SyncReport(r.structureChanges(), folders, r.took(), r.notSynced());
    }

    private static final Set<String> POP3_CYCLES = Set.of(Scheduler.Kind.FULL.label, "all",
            Scheduler.Kind.PRIORITY.label, Scheduler.Kind.SELECTED.label);

    /**
     * Records the attachment links of the items the cycle brought (F6.2, F7.1). A failure here is logged,
     * never the cycle's: the next cycle scans again. Returns whether the scan ran.
     */
    private boolean scanAttachments() {
        if (links == null) {
            return false;
        }
        try {
            List<AttachmentScanner.Source> sources = new ArrayList<>();
            sources.add(new AttachmentScanner.Source("", local, state));
            extra.stream().filter(x -> !x.name().equals("documents"))
                    .forEach(x -> sources.add(new AttachmentScanner.Source(x.name(), x.local(), x.state())));
            Services svc = profile.services();
            new AttachmentScanner(links, svc.smartAttach() != null ? svc.smartAttach() : svc.documents()).scan(sources);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("attachment links not recorded this cycle: {}", e.toString());
            state.log(new SessionEvent(clock.now(), SessionEvent.Level.WARNING, "attachment links not recorded",
                    e.getMessage()));
            return false;
        }
    }

    /** Fetches the links under the size the settings give (F7.1); a failure is recorded, not thrown. */
    private void autoFetchAttachments() {
        int mb = settings.get().autoFetchAttachmentsMb();
        if (mb <= 0) {
            return;
        }
        try {
            for (String failure : attachments.fetchSmall(mb * 1024L * 1024)) {
                state.log(new SessionEvent(clock.now(), SessionEvent.Level.WARNING, "attachment not fetched", failure));
            }
        } catch (RuntimeException e) {
            LOG.warn("attachments not fetched this cycle: {}", e.toString());
            state.log(new SessionEvent(clock.now(), SessionEvent.Level.WARNING, "attachments not fetched",
                    e.getMessage()));
        }
    }

    // ------------------------------------------------------------------ sending (F2.1, F10.5)

    /**
     * Queues a message in the profile's Outbox ({@code mail/Outbox/new}, written whole): it is sent over
     * the profile's SMTP server at the next full cycle ({@link #syncOnce()}) or by {@link #sendOutbox()},
     * exactly once, then kept in the server's Sent folder (without its Bcc header) and removed from the
     * Outbox. A message without a Message-ID gets one here. Returns its Message-ID.
     *
     * @param message the whole message (RFC 5322 bytes), as it is to be sent
     * @return its Message-ID, the one it had or the one given here
     * @throws InvalidMessageException when its header cannot be read or it names no recipient
     */
    public String send(byte[] message) {
        if (dir == null) {
            throw new IllegalStateException("sending needs a profile folder (its Outbox is mail/Outbox)");
        }
        return queue(dir, profile.account().email(), message);
    }

    /**
     * Queues a message in a profile folder's Outbox as {@link #send(byte[])} does, without the folder's lock
     * (so while another process syncs it: that process sends it at its next full cycle). Returns its Message-ID.
     *
     * @param dir     the profile folder
     * @param message the whole message (RFC 5322 bytes), as it is to be sent
     * @return its Message-ID, the one it had or the one given here
     * @throws InvalidMessageException when its header cannot be read or it names no recipient
     */
    public static String send(Path dir, byte[] message) {
        return queue(dir, readProfile(dir).account().email(), message);
    }

    private static String queue(Path dir, String account, byte[] message) {
        Objects.requireNonNull(message, "message");
        OutgoingMessage m;
        try {
            m = OutgoingMessage.parse(message, account);
        } catch (IceSyncException e) {
            throw new InvalidMessageException("cannot send the message: " + e.getMessage(), e);
        }
        if (m.recipients().isEmpty()) {
            throw new InvalidMessageException("cannot send the message: it has no recipient in To, Cc or Bcc", null);
        }
        if (m.messageId() == null) {
            m = m.withNewMessageId(account);
        }
        new OutboxFolder(dir.resolve(MAIL_DIR)).queue(m.original());
        return m.messageId();
    }

    /**
     * Sends what waits in the Outbox now, without a sync cycle (under the cycle lock, so never beside
     * one). Returns what still waits, and why.
     *
     * @return the messages still in the Outbox, each with why; empty when all left
     */
    public List<OutboxMessage> sendOutbox() {
        if (closed) {
            throw new IllegalStateException("this IceSync is closed");
        }
        return engines.exclusively(() -> {
            ownWrites.begin();
            try {
                runOutbox();
            } finally {
                ownWrites.end();
            }
            return outbox();
        });
    }

    /**
     * The messages waiting in the Outbox, and why (empty without a profile folder).
     *
     * @return each message with why it has not left yet
     */
    public List<OutboxMessage> outbox() {
        return dir == null ? List.of()
                : OutboxListing.read(new OutboxFolder(dir.resolve(MAIL_DIR)), state, profile.account().email());
    }

    private void runOutbox() {
        if (dir == null) {
            return;
        }
        Profile p = profile;
        Endpoint smtp = p.services().smtp();
        java.util.function.Supplier<SmtpSubmission> session = smtp == null ? null
                : () -> new SmtpSubmission(smtp, mailAccess(p, smtp, "smtp",
                        () -> servicePassword(secrets.get(), p.account(), "smtp"), tokens, certs));
        new OutboxSender(new OutboxFolder(dir.resolve(MAIL_DIR)), state, remote, session, p.account().email(), clock)
                .run();
    }

    private void save(LastCycle c) {
        state.putValue(LAST_REPORT_KEY, LastCycleJson.write(c));
    }

    /**
     * Runs on the schedules of the settings until the returned handle is stopped (F3.2, F4.2): a full
     * cycle at once, then folder tree, priority and selected folders each on its interval, and with
     * {@code galSync} the address list every {@code galInterval} ({@link #addressList()}). A failed
     * cycle is logged and the schedule goes on; an {@link Error} stops it. {@link #close()} stops it too.
     *
     * @return the handle that stops the schedule; one schedule at a time
     */
    public ScheduledSync startScheduled() {
        return startScheduled(null, null);
    }

    /**
     * Like {@link #startScheduled()}, and tells the caller about each cycle.
     *
     * @param onCycle receives each cycle's report (on the scheduler thread), or null
     * @param onError receives what stopped a cycle (login refused, connection lost...), or null
     * @return the handle that stops the schedule
     */
    public ScheduledSync startScheduled(Consumer<SyncReport> onCycle, Consumer<Exception> onError) {
        return startScheduled(onCycle, onError, null);
    }

    /**
     * Like {@link #startScheduled(Consumer, Consumer)}, and tells the caller when an {@link Error} (out
     * of memory, say) ended a cycle: the schedule is then stopped, since this process can no longer be
     * trusted to sync; the caller should close and exit so that a supervisor starts it again.
     *
     * @param onCycle receives each cycle's report (on the scheduler thread), or null
     * @param onError receives what stopped a cycle, or null
     * @param onFatal receives that error (on the scheduler thread), or null (it is then logged)
     * @return the handle that stops the schedule
     */
    public ScheduledSync startScheduled(Consumer<SyncReport> onCycle, Consumer<Exception> onError,
                                        Consumer<Error> onFatal) {
        if (closed) {
            throw new IllegalStateException("this IceSync is closed");
        }
        Scheduler s = Scheduler.start(kind -> {
            SyncReport r = switch (kind) {
                case FULL -> cycle(kind.label, () -> engines.run(SyncEngine::syncOnce));
                case STRUCTURE -> cycle(kind.label, this::syncStructure);
                case PRIORITY -> cycle(kind.label, () -> engines.run(e -> e.syncFolders(FolderSelection.PRIORITY)));
                case SELECTED -> cycle(kind.label, () -> engines.run(e -> e.syncFolders(FolderSelection.SELECTED)));
                case GAL -> null;
            };
            // The GAL keeps its own interval; any scheduled run that finds it due refreshes it.
            if (gal.due(settings.get())) {
                SyncReport g = cycle(Scheduler.Kind.GAL.label, this::refreshGal);
                r = r == null ? g : r;
            }
            return r;
        }, settings, onCycle, onError, onFatal);
        schedules.add(s);
        if (dir != null && settings.get().syncAfterLocalChange()) {
            watchLocalChanges(s);
        }
        listenForPop3(s);
        // After the listener has its port: push's connections take ephemeral ports as they connect.
        if (settings.get().pushChanges()) {
            pushServerChanges(s);
        }
        return s;
    }

    /**
     * Server changes pushed (IMAP NOTIFY, else IDLE on the priority folders) for as long as the schedule
     * runs, with {@code pushChanges} on and an IMAP server; another remote store stays on the intervals.
     */
    private void pushServerChanges(Scheduler s) {
        // Through the profile's views of the server (shares, a GroupWare profile's folders) to the connection.
        if (!(io.icesync.client.internal.ForwardingRemoteStore.unwrap(remote) instanceof ImapRemoteStore imap)) {
            return;
        }
        s.alsoClose(io.icesync.client.internal.ServerPush.start(imap, s, settings, this::priorityFolders,
                new io.icesync.client.internal.ServerPush.Cycles() {
                    @Override
                    public SyncReport folders(List<FolderPath> folders) {
                        return cycle(SERVER_CHANGE, () -> engines.mail().syncFolders(folders, false));
                    }

                    @Override
                    public SyncReport tree() {
                        return cycle(SERVER_CHANGE, IceSync.this::syncStructure);
                    }

                    @Override
                    public SyncReport selected() {
                        return cycle(SERVER_CHANGE, () -> engines.mail().syncFolders(FolderSelection.SELECTED));
                    }
                }, (warning, text) -> s.runSoon("server push", () -> {
                    // On the schedule's thread, between cycles, like every other write of the session log.
                    state.log(new SessionEvent(clock.now(), warning ? SessionEvent.Level.WARNING
                            : SessionEvent.Level.INFO, text[0], text[1]));
                    return null;
                })));
    }

    /** The mail service's synced folders the settings make priority folders (IDLE watches them). */
    private List<FolderPath> priorityFolders(SyncSettings now) {
        return engines.services().get(0).state().folders().stream().map(f -> f.path())
                .filter(p -> now.selectionOf(p) == FolderSelection.PRIORITY).toList();
    }

    /**
     * The local POP3 listener (F10.4) for as long as the schedule runs. A port already taken (another
     * profile's listener, another program) is a warning in the log and the session log, not a failure:
     * the sync runs without it.
     */
    private void listenForPop3(Scheduler s) {
        int port = profile.pop3ListenerPort();
        if (port == 0) {
            return;
        }
        try {
            s.alsoClose(io.icesync.client.internal.LocalPop3Listener.start(port));
        } catch (IOException e) {
            String why = "127.0.0.1:" + port + " cannot be used (" + e.getMessage() + "); another profile or program"
                    + " may listen there. The sync goes on; a mail program's POP3 account pointed there gets no answer."
                    + " Change the port with pop3ListenerPort in " + PROFILE_FILE + ", or 0 for none";
            LOG.warn("local POP3 listener not started: {}", why);
            state.log(new SessionEvent(clock.now(), SessionEvent.Level.WARNING, "local POP3 listener not started", why));
        }
    }

    /**
     * "Sync right after a local change" (F4.3): a change under {@code mail/}, {@code groupware/} or {@code documents/} syncs
     * the selected folder it concerns, on the schedule's thread, within seconds.
     */
    private void watchLocalChanges(Scheduler s) {
        try {
            List<Path> roots = new ArrayList<>(List.of(dir.resolve(MAIL_DIR), dir.resolve(GROUPWARE_DIR)));
            if (profile.services().documents() != null) {
                roots.add(dir.resolve(DOCUMENTS_DIR));
            }
            s.alsoClose(LocalChangeWatcher.start(roots,
                    ownWrites::now, paths -> s.runSoon("local change", () -> syncLocalChanges(paths))));
        } catch (IOException | RuntimeException e) {
            LOG.warn("local changes will wait for the schedule: cannot watch {}: {}", dir, e.toString());
        }
    }

    private SyncReport syncLocalChanges(Set<Path> paths) {
        SyncSettings now = settings.get();
        if (!now.syncAfterLocalChange()) {
            return null;
        }
        List<LocalStore> stores = new ArrayList<>(List.of(local));
        extra.forEach(x -> stores.add(x.local()));
        List<FolderPath> folders = paths.stream()
                .map(p -> stores.stream().map(st -> st.folderAt(p)).flatMap(Optional::stream).findFirst())
                .flatMap(Optional::stream).distinct()
                .filter(f -> now.selectionOf(f) != FolderSelection.UNSELECTED).toList();
        LOG.info("local change in {}: syncing {}", paths.size() == 1 ? paths.iterator().next() : paths.size() + " files",
                folders);
        return folders.isEmpty() ? null : cycle("local change", () -> engines.syncFolders(folders));
    }

    // ------------------------------------------------------------------ Global Address List (F6.3)

    /**
     * The Global Address List: the contacts of the profile's own, shared and public address books in
     * {@code groupware/}, as last refreshed. A scheduled profile with the {@code galSync} setting on
     * refreshes it every {@code galInterval} (never on every cycle); before any refresh it is read from
     * what {@code groupware/} holds. Empty without a profile folder.
     *
     * @return the contacts of the address books, as last refreshed
     */
    public io.icesync.groupware.gal.AddressList addressList() {
        return gal.list();
    }

    /**
     * Refreshes the address list now ("Synchronise" on the GAL): syncs the contacts folders, then reads them.
     *
     * @return the address list as it is after the refresh
     */
    public io.icesync.groupware.gal.AddressList refreshAddressList() {
        cycle(Scheduler.Kind.GAL.label, this::refreshGal);
        return gal.list();
    }

    private SyncReport refreshGal() {
        return gal.refresh(() -> engines.syncFolders(engines.foldersOfKind(FolderKind.CONTACTS)));
    }

    // ------------------------------------------------------------------ signature (F10.6)

    /** With {@code syncSignature} on, keeps the signature the same; a failure is logged, never the cycle's. */
    private void syncSignatureAfterCycle() {
        if (signature == null || !settings.get().syncSignature()) {
            return;
        }
        try {
            signature.run(SignatureSync.Mode.SYNC, settings.get().conflictPolicy());
        } catch (RuntimeException e) {
            LOG.warn("signature not synced this cycle: {}", e.toString());
            state.log(new SessionEvent(clock.now(), SessionEvent.Level.WARNING, "signature not synced", e.getMessage()));
        }
    }

    /**
     * Keeps the signature the same in {@code DIR/signature.html} (and {@code signature.txt}) and in
     * WebClient now, whatever the {@code syncSignature} setting: the side that changed since the last run
     * wins; both changed, the {@code conflictPolicy} chooses and the other is kept in
     * {@code signature.conflict.html}. A server without IceWarp's XML API gives
     * {@link SignatureOutcome#NOT_AVAILABLE}. Waits for a cycle under way.
     * @return what happened: which side won, a conflict kept aside, or nothing to do
     * @throws io.icesync.core.MissingDependencyException without {@code io.icesync:sync-rules}
     */
    public SignatureOutcome syncSignature() {
        return engines.exclusively(() -> signatureSync().run(SignatureSync.Mode.SYNC, settings.get().conflictPolicy()));
    }

    /**
     * Writes WebClient's signature into the profile's files, over any change made here.
     *
     * @return what was written, or {@link SignatureOutcome#NOT_AVAILABLE} without the XML API
     * @throws IceSyncException when the server cannot be asked (no XML API, login refused...)
     * @throws io.icesync.core.MissingDependencyException without {@code io.icesync:sync-rules}
     */
    public SignatureOutcome pullSignature() {
        return engines.exclusively(() -> signatureSync().run(SignatureSync.Mode.PULL, settings.get().conflictPolicy()));
    }

    /**
     * Writes the profile's signature ({@code signature.html}, or {@code signature.txt} when only it was
     * edited) to the server, over WebClient's.
     *
     * @return what was written, or {@link SignatureOutcome#NOT_AVAILABLE} without the XML API
     * @throws io.icesync.core.PolicyLockedException when the administrator locked the signature
     * @throws IceSyncException when the server cannot be asked (no XML API, login refused...)
     * @throws io.icesync.core.MissingDependencyException without {@code io.icesync:sync-rules}
     */
    public SignatureOutcome pushSignature() {
        return engines.exclusively(() -> signatureSync().run(SignatureSync.Mode.PUSH, settings.get().conflictPolicy()));
    }

    private SignatureSync signatureSync() {
        if (dir == null) {
            throw new IllegalStateException("the signature is kept only in a profile folder");
        }
        OptionalModules.requireRules("the signature");
        return signature;
    }

    private io.icesync.rules.IceWarpSignature signatureApi() {
        Account a = profile.account();
        char[] password = password(a);
        try {
            return io.icesync.rules.IceWarpSignature.connect(xmlApi(null), apiAccess(a, password), http());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    // ------------------------------------------------------------------ read receipts (F6.5)

    /**
     * The read receipts waiting for the user's answer, oldest first: messages asking for one that were
     * marked read here while the {@code readReceipts} setting is ASK (or ALWAYS, when RFC 8098 wants
     * the user asked, or when the profile has no SMTP server). Kept in {@code state.db} across restarts.
     * @return the receipts waiting, oldest first; empty when none
     * @throws io.icesync.core.MissingDependencyException without {@code io.icesync:sync-groupware}
     */
    public List<PendingReceipt> pendingReceipts() {
        return receipts().pending();
    }

    /**
     * Answers a waiting read receipt: {@code send} sends it through the profile's SMTP server with the
     * account's login, accepted certificates and proxy; false declines it. Either way the message is
     * never asked about again. Waits for a cycle under way.
     *
     * @param key  the {@link PendingReceipt#key()} of the receipt
     * @param send true to send the receipt, false to decline it
     * @return whether it was sent or declined
     * @throws IllegalArgumentException when no receipt with this key waits
     * @throws IceSyncException when it must be sent and the profile has no SMTP server, or sending
     *         failed (login refused, untrusted certificate...): the receipt keeps waiting
     * @throws io.icesync.core.MissingDependencyException without {@code io.icesync:sync-groupware}
     */
    public ReceiptOutcome answerReceipt(String key, boolean send) {
        Objects.requireNonNull(key, "key");
        ReceiptsOnRead r = receipts();
        return engines.exclusively(() -> r.answer(key, send));
    }

    private ReceiptsOnRead receipts() {
        OptionalModules.requireGroupware("read receipts");
        return receipts;
    }

    // ------------------------------------------------------------------ monitoring (F11)

    /**
     * Sharing and access rights of the account (F8): grants on folders, whole-account shares, and the
     * folders other users share with this one.
     *
     * @return the sharing of this profile's account; the same object on each call
     * @throws IceSyncException when the profile's server connection keeps no access lists
     */
    public Sharing sharing() {
        if (sharing == null) {
            throw new IceSyncException("this profile's server connection keeps no access lists: nothing can be shared");
        }
        return sharing;
    }

    /**
     * Adds a listener told of each cycle's progress and items (on the thread that runs the cycle).
     *
     * @param l the listener
     */
    public void addListener(SyncListener l) {
        engines.addListener(l);
    }

    /**
     * Removes a listener added with {@link #addListener}; nothing happens if it was not added.
     *
     * @param l the listener
     */
    public void removeListener(SyncListener l) {
        engines.removeListener(l);
    }

    /**
     * The counters of the cycle under way, or of the last one: Downloaded X/Y, Uploaded X/Y, Internal X/Y.
     *
     * @return the counters, zero before the first cycle
     */
    public SyncCounters counters() {
        return engines.counters();
    }

    /**
     * The last {@code max} session-log events, oldest first (F11.2).
     *
     * @param max how many events at most
     * @return the events, oldest first
     */
    public List<SessionEvent> events(int max) {
        return engine.events(max);
    }

    /**
     * Items that failed at least once; those {@link IgnoredItem#ignored()} are skipped until retried (F4.7).
     *
     * @return the failed items, ignored ones included
     */
    public List<IgnoredItem> failures() {
        return engines.failures();
    }

    /**
     * Gives the ignored items of one folder (all folders when null) another chance at the next cycle.
     *
     * @param folder the folder, or null for all folders
     */
    public void clearIgnored(FolderPath folder) {
        engines.clearIgnored(folder);
    }

    /**
     * The last cycle's report and what the state store holds, as {@link #status(Path, int)} reads it.
     *
     * @param maxEvents how many of the last session-log events to include
     * @return the status, as {@link #status(Path, int)} gives it
     */
    public ProfileStatus status(int maxEvents) {
        if (dir != null) {
            return status(dir, maxEvents);
        }
        return status(state, maxEvents);
    }

    /**
     * Cuts the cycle under way, if any: its connection is closed, so a call hung on the server ends at
     * once, and the cycle fails with {@link io.icesync.core.engine.SyncCancelledException} (saved as the
     * last cycle's report). What it had under way is settled by the next cycle; a schedule goes on.
     */
    public void cancel() {
        engines.cancel();
    }

    // ------------------------------------------------------------------ profile and settings (F10)

    /**
     * The profile, with the user's own settings (a policy-locked setting keeps the user's value here).
     *
     * @return the profile, with the certificates accepted so far
     */
    public Profile profile() {
        return profile.withTrustedCertificatePem(certs.pem());
    }

    /**
     * The certificates the user accepted for this profile (F2.3), kept in {@code profile.json}: list
     * them, accept the one an {@link io.icesync.core.UntrustedCertificateException} showed, remove
     * one. New connections read the list, so a removed certificate is refused from the next one on.
     *
     * @return the trust list of this profile
     */
    public CertificateTrust certificates() {
        return certs;
    }

    /**
     * The account's server-side rules (F9), forwarding and auto-responder, on the store the server
     * offers: IceWarp's XML API when it answers at {@code api} (null: the profile's
     * {@code services().xmlApi()}, else {@code https://<IMAP host>/icewarpapi/}),
     * else a Sieve script over ManageSieve at {@code sieve} (null: the IMAP host, port 4190,
     * STARTTLS). A refused login or an untrusted certificate on the API is reported, not skipped:
     * the API is there. When neither answers, the exception names both attempts. Close the provider
     * when done.
     * @param api   the XML API, or null for the default
     * @param sieve the ManageSieve server, or null for the default
     * @return the rules on the first store that answers; close it when done
     * @throws IceSyncException when neither store answers, naming both attempts
     * @throws io.icesync.core.MissingDependencyException without {@code io.icesync:sync-rules}
     */
    public RulesProvider rules(java.net.URI api, Endpoint sieve) {
        try {
            return icewarpRules(api);
        } catch (io.icesync.core.AuthenticationException | io.icesync.core.UntrustedCertificateException e) {
            throw e;
        } catch (io.icesync.core.ConnectionException | io.icesync.core.ProtocolException e) {
            try {
                return sieveRules(sieve);
            } catch (io.icesync.core.ConnectionException | io.icesync.core.ProtocolException s) {
                IceSyncException both = new IceSyncException("no rule store answers: " + e.getMessage() + "; "
                        + s.getMessage(), s);
                both.addSuppressed(e);
                throw both;
            }
        }
    }

    /**
     * The rules through IceWarp's XML API at {@code api} (null: the profile's {@code services().xmlApi()},
     * else {@code https://<IMAP host>/icewarpapi/}).
     * @param api the XML API, or null for the default
     * @return the rules provider; close it when done
     * @throws io.icesync.core.MissingDependencyException without {@code io.icesync:sync-rules}
     */
    public RulesProvider icewarpRules(java.net.URI api) {
        OptionalModules.requireRules("the server's rules");
        Account a = profile.account();
        java.net.URI url = xmlApi(api);
        char[] password = password(a);
        try {
            return RulesAccess.icewarp(url, apiAccess(a, password), http());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** {@code api}, else the profile's {@code services().xmlApi()}, else {@code https://<IMAP host>/icewarpapi/}. */
    private java.net.URI xmlApi(java.net.URI api) {
        return api != null ? api : profile.services().xmlApi() != null ? profile.services().xmlApi()
                : java.net.URI.create("https://" + hostForUri(profile.account().imap().host()) + "/icewarpapi/");
    }

    /**
     * The rules as a Sieve script over ManageSieve, with the sync's login, password and accepted
     * certificates. {@code sieve} is the ManageSieve server; null means the IMAP host on port 4190
     * with STARTTLS.
     * @param sieve the ManageSieve server, or null for the IMAP host on port 4190
     * @return the rules provider; close it when done
     * @throws io.icesync.core.MissingDependencyException without {@code io.icesync:sync-rules}
     */
    public RulesProvider sieveRules(Endpoint sieve) {
        OptionalModules.requireRules("the server's rules");
        Account a = profile.account();
        Endpoint e = sieve != null ? sieve : new Endpoint(a.imap().host(), 4190, Security.STARTTLS);
        char[] password = password(a);
        try {
            return RulesAccess.sieve(e, a.login(), password, certs);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * A WebDAV client for {@code base} (attachments, SmartAttach links, documents) with the account's
     * login, stored password and accepted certificates. Close it when done.
     * @param base the WebDAV URL the client works under
     * @return the client; close it when done
     * @throws io.icesync.core.MissingDependencyException without {@code io.icesync:sync-webdav}
     */
    public io.icesync.webdav.WebDavClient webdav(java.net.URI base) {
        OptionalModules.requireWebdav("a WebDAV client");
        Account a = profile.account();
        char[] password = password(a);
        try {
            return io.icesync.webdav.WebDavClient.builder(base).credentials(a.login(), password).trust(certs)
                    .httpClients(http()).build();
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * The attachment links recorded in the profile's synced mail and events, to list and fetch into
     * {@code DIR/attachments/} (F6.2, F7.1).
     *
     * @return the attachment links of this profile
     * @throws IllegalStateException for an IceSync without a profile folder (nothing is recorded then)
     * @throws io.icesync.core.MissingDependencyException without {@code io.icesync:sync-webdav}
     */
    public Attachments attachments() {
        if (dir == null) {
            throw new IllegalStateException("attachment links are recorded only in a profile folder");
        }
        OptionalModules.requireWebdav("attachment links");
        return attachments;
    }

    /**
     * A free/busy client for the server's URL template (F6.4) with the account's login, stored password
     * (given only over HTTPS to the template's host, when asked) and accepted certificates.
     * @param template the server's free/busy URL template
     * @return the client
     * @throws io.icesync.core.MissingDependencyException without {@code io.icesync:sync-groupware}
     */
    public io.icesync.groupware.freebusy.FreeBusyClient freeBusy(io.icesync.groupware.freebusy.FreeBusyTemplate template) {
        OptionalModules.requireGroupware("free/busy");
        Account a = profile.account();
        char[] password = password(a);
        try {
            return io.icesync.groupware.freebusy.FreeBusyClient.builder(template).credentials(a.login(), password)
                    .trust(certs).httpClients(http()).build();
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The XML API's access: the account's login, the accepted certificates, 15 s per wait. */
    private ServiceAccess apiAccess(Account a, char[] password) {
        return ServiceAccess.builder().credentials(a.login(), password).trust(certs)
                .timeout(java.time.Duration.ofSeconds(15)).build();
    }

    /**
     * The access of one mail service of the profile ({@code "smtp"}, {@code "pop3"}, {@code "imap"}): its
     * login, the stored password or, with {@code "auth": "oauth"}, the application's tokens; the accepted
     * certificates, the proxy and the profile's mail properties.
     */
    static ServiceAccess mailAccess(Profile p, Endpoint server, String service, Supplier<char[]> password,
                                    io.icesync.core.TokenSource tokens, CertificateTrust certs) {
        String login = p.services().login(service, p.account().login());
        ServiceAccess.Builder b = ServiceAccess.builder().endpoint(server).trust(certs).proxy(p.proxy())
                .mailProperties(p.mail().properties());
        if (p.mail().oauth()) {
            b.token(login, requireTokens(p, tokens)).tokenMechanism(p.mail().tokenMechanism());
        } else {
            b.credentials(login, password);
        }
        return b.build();
    }

    /** The application's token source; without one, a source that says at login time that one is missing. */
    private static io.icesync.core.TokenSource requireTokens(Profile p, io.icesync.core.TokenSource tokens) {
        if (tokens != null) {
            return tokens;
        }
        return refresh -> {
            throw new InvalidSettingException("auth", "the profile of " + p.account().email() + " logs in with access"
                    + " tokens (\"auth\": \"oauth\") but no token source was given: IceSync.builder().tokens(...),"
                    + " or ICESYNC_TOKEN_COMMAND for the CLI");
        };
    }

    private char[] password(Account a) {
        SecretStore store = secrets.get();
        return store.get(a.secretKey()).orElseThrow(() -> new IceSyncException(
                "no password is stored for " + a.login() + " in " + store));
    }

    /** The password stored for {@code service} ({@link Services#SERVICE_NAMES}), else the account's. */
    private static char[] servicePassword(SecretStore store, Account a, String service) {
        return store.get(Services.secretKey(a, service)).or(() -> store.get(a.secretKey()))
                .orElseThrow(() -> new IceSyncException("no password is stored for " + a.login() + " in " + store));
    }

    /**
     * Stores the password of one service of the profile at {@code dir} in its secret store
     * ({@code secrets.json}), for a server whose password differs from the account's; with
     * {@code service} null, replaces the account's own password (after a change on the server).
     * Takes effect at the next open.
     *
     * @param dir      the profile folder
     * @param service  one of {@link Services#SERVICE_NAMES}, or null for the account's own password
     * @param password the password, not null
     * @throws IceSyncException when the folder holds no profile
     * @throws io.icesync.core.InvalidSettingException for a service not in {@link Services#SERVICE_NAMES}
     */
    public static void storePassword(Path dir, String service, char[] password) {
        Objects.requireNonNull(password, "password");
        Account a = readProfile(dir).account();
        String key = service == null ? a.secretKey() : Services.secretKey(a, service);
        SecretStores.file(dir.resolve(SECRETS_FILE)).put(key, password);
    }

    private static String hostForUri(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /**
     * The profile folder, if this IceSync has one.
     *
     * @return the folder, or empty for an IceSync built from a {@link Profile} alone
     */
    public Optional<Path> directory() {
        return Optional.ofNullable(dir);
    }

    /**
     * The effective settings: the user's, with every value the administrator's policy forces on top (F10.2).
     *
     * @return the settings the cycles use
     */
    public SyncSettings settings() {
        return settings.get();
    }

    /**
     * The administrator's policy in force ({@link SettingsPolicy#NONE} if none).
     *
     * @return the policy, never null
     */
    public SettingsPolicy policy() {
        return settings.policy();
    }

    /**
     * Changes the user's settings and saves them to {@code profile.json} (when there is a profile
     * folder); the next folder sync uses them. A change to a setting the policy locks throws
     * {@link io.icesync.core.PolicyLockedException}, an out-of-bounds value
     * {@link io.icesync.core.InvalidSettingException}; in both cases nothing changes. Returns the new
     * effective settings.
     *
     * @param change sets the values to change on a builder holding the user's current values
     * @return the new effective settings
     */
    public synchronized SyncSettings updateSettings(UnaryOperator<SyncSettings.Builder> change) {
        SyncSettings before = settings.userValues();
        SyncSettings effective = settings.update(change);
        Profile next = profile().withSettings(settings.userValues());
        if (dir != null) {
            try {
                certs.write(next);
            } catch (RuntimeException e) {
                settings.update(b -> before.toBuilder());
                throw e;
            }
        }
        profile = next;
        return effective;
    }

    /**
     * The mail engine under the facade, for what the facade does not show.
     *
     * @return the engine of the IMAP service
     */
    public SyncEngine engine() {
        return engine;
    }

    /**
     * Cuts the cycle under way (see {@link #cancel()}), stops any schedule, then closes the server
     * connection, the local store and the state store. To let a cycle end first, stop the schedule
     * ({@link ScheduledSync#stop}) before closing.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        engines.cancel();
        schedules.forEach(ScheduledSync::close);
        try {
            engines.close();
        } finally {
            try {
                ServiceStores.closeAll(extra, null);
                local.close();
                if (pop3 != null) {
                    pop3.close();
                }
            } finally {
                try {
                    try {
                        if (links != null) {
                            links.close();
                        }
                    } finally {
                        state.close();
                    }
                } finally {
                    if (lock != null) {
                        lock.close();
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return "IceSync[" + (dir != null ? dir : profile.account().email()) + "]";
    }

    /**
     * Builds an {@link IceSync}. With a {@link #directory profile folder}, every store defaults to the
     * folder's (IMAP with the password from {@code secrets.json}, Maildir, SQLite); without one, a
     * {@link #profile} is required and the local and state stores default to in-memory ones. Any store
     * can be replaced by the app's own implementation of the SPI:
     *
     * <pre>{@code
     * IceSync sync = IceSync.builder().directory(dir).secrets(myKeychain).build();
     * IceSync test = IceSync.builder().profile(p).remote(myConnector).local(myStorage).build();
     * }</pre>
     *
     * The stores given here belong to the built IceSync afterwards: {@link IceSync#close()} closes them.
     */
    public static final class Builder {
        private Path dir;
        private Profile profile;
        private SecretStore secrets;
        private RemoteStore remote;
        private LocalStore local;
        private SyncStateStore state;
        private SettingsPolicy policy;
        private final SyncEngine.Builder engine = SyncEngine.builder();
        private Clock clock = Clock.SYSTEM;
        private FirstSyncHandler firstSync = FirstSyncHandler.REFUSE;
        /** Null: the system's DNS, looked up only when needed (sync-webdav is optional). */
        private io.icesync.webdav.dav.DavServers davServers;
        private io.icesync.core.TokenSource tokens;
        /** Null: IceSync's own clients, made when a service needs one (sync-net is optional). */
        private io.icesync.net.HttpClientFactory http;

        private Builder() {
        }

        /**
         * Where the access tokens of a profile with {@code "auth": "oauth"} ({@link MailOptions}) come from:
         * its IMAP, SMTP and POP3 connections log in with SASL XOAUTH2 or OAUTHBEARER, asking the source again
         * when the server refuses a token (see {@link io.icesync.core.TokenSource}). Ignored for a password profile.
         *
         * @param source the token source, not null
         * @return this builder
         */
        public Builder tokens(io.icesync.core.TokenSource source) {
            this.tokens = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Makes every HTTP client the profile uses: WebDAV documents, CalDAV/CardDAV, the XML API (rules,
         * signature), free/busy and SmartAttach links. {@code HttpClientFactory.of(client)} lends the
         * application's own client (its proxy, timeouts and TLS; IceSync never closes it). Default
         * {@link io.icesync.net.HttpClientFactory#standard()}. Discovery takes its own:
         * {@code IceSync.discover(email, password, SmartDiscover.builder().httpClients(f).build())}.
         *
         * @param factory the factory of HTTP clients, not null
         * @return this builder
         */
        public Builder httpClients(io.icesync.net.HttpClientFactory factory) {
            this.http = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * Where {@link #create} looks up the CalDAV/CardDAV servers of a profile whose groupware comes over
         * DAV without their URLs (default: the system's DNS, RFC 6764).
         *
         * @param dns the lookup of DAV servers, not null
         * @return this builder
         */
        public Builder davServers(io.icesync.webdav.dav.DavServers dns) {
            this.davServers = Objects.requireNonNull(dns, "dns");
            return this;
        }

        /**
         * A profile folder made by {@link IceSync#create}: the profile comes from its {@code profile.json}.
         *
         * @param dir the profile folder, not null
         * @return this builder
         */
        public Builder directory(Path dir) {
            this.dir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * The profile, when there is no profile folder.
         *
         * @param p the profile, not null
         * @return this builder
         */
        public Builder profile(Profile p) {
            this.profile = Objects.requireNonNull(p, "profile");
            return this;
        }

        /**
         * Where the password is (default: {@code secrets.json} in the profile folder).
         *
         * @param s the secret store, not null
         * @return this builder
         */
        public Builder secrets(SecretStore s) {
            this.secrets = Objects.requireNonNull(s, "secrets");
            return this;
        }

        /**
         * The server side (default: IMAP to the profile's account).
         *
         * @param r the server side, not null
         * @return this builder
         */
        public Builder remote(RemoteStore r) {
            this.remote = Objects.requireNonNull(r, "remote");
            return this;
        }

        /**
         * The local side (default: Maildir in {@code DIR/mail}; in memory without a folder).
         *
         * @param l the local side, not null
         * @return this builder
         */
        public Builder local(LocalStore l) {
            this.local = Objects.requireNonNull(l, "local");
            return this;
        }

        /**
         * What was synced (default: SQLite in {@code DIR/state.db}; in memory without a folder).
         *
         * @param s the state store, not null
         * @return this builder
         */
        public Builder state(SyncStateStore s) {
            this.state = Objects.requireNonNull(s, "state");
            return this;
        }

        /**
         * Values an administrator imposes (F10.2): forced values win and cannot be changed. Default: the
         * profile folder's {@value IceSync#POLICY_FILE} when it has one, else none.
         *
         * @param p the policy, not null
         * @return this builder
         */
        public Builder policy(SettingsPolicy p) {
            this.policy = Objects.requireNonNull(p, "policy");
            return this;
        }

        /**
         * The answer to the first sync of a local store that already holds mail (F4.8; default: refuse).
         *
         * @param h what to do at such a first sync
         * @return this builder
         */
        public Builder firstSync(FirstSyncHandler h) {
            engine.firstSync(h);
            this.firstSync = h;
            return this;
        }

        /**
         * When a cycle stops instead of deleting (default {@link DeleteGuard#defaults()}).
         *
         * @param g the delete guard
         * @return this builder
         */
        public Builder deleteGuard(DeleteGuard g) {
            engine.deleteGuard(g);
            return this;
        }

        /**
         * The clock of the cycles, their reports and the schedules (default: the system's, UTC); for tests.
         *
         * @param c the clock
         * @return this builder
         */
        public Builder clock(Clock c) {
            engine.clock(c);
            this.clock = c;
            return this;
        }

        /**
         * A listener told of each cycle's progress and items from the first cycle on (more with {@link IceSync#addListener}).
         *
         * @param l the listener
         * @return this builder
         */
        public Builder listener(SyncListener l) {
            engine.listener(l);
            return this;
        }

        /**
         * Creates the profile folder {@code dir} for {@code profile} and opens it with this builder's
         * other choices. The password goes to this builder's secret store ({@code DIR/secrets.json},
         * 0600, by default); it may be null when a {@link #remote} that needs none is given.
         *
         * @param dir      the profile folder, created when missing; it must not hold a profile yet
         * @param profile  the account and settings
         * @param password the account's password, or null (see above)
         * @return the profile, opened (close it when done)
         * @throws IceSyncException when {@code dir} already holds a profile
         * @throws IllegalArgumentException when the password is null but the account's server needs one
         */
        public IceSync create(Path dir, Profile profile, char[] password) {
            Objects.requireNonNull(dir, "dir");
            Objects.requireNonNull(profile, "profile");
            if (this.profile != null) {
                throw new IllegalStateException("create(dir, profile, password) takes the profile; do not also set profile()");
            }
            Path file = dir.resolve(PROFILE_FILE);
            if (Files.exists(file)) {
                throw new IceSyncException("a profile exists already in " + dir + "; open it instead");
            }
            if (remote == null) {
                profile = ServiceStores.withDavLocated(profile, davServers);
            }
            if (profile.trustedCertificatePem() != null) {
                // Refuse a bad certificate now rather than at the first sync.
                ImapRemoteStore.builder().trustPem(profile.trustedCertificatePem());
            }
            if (password == null && remote == null && !profile.mail().oauth()) {
                throw new IllegalArgumentException("a password is needed to sign in to " + profile.account().imap());
            }
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw StoreException.of("cannot create the profile folder " + dir, e);
            }
            if (password != null) {
                secretsFor(dir).put(profile.account().secretKey(), password);
            }
            ProfileJson.write(file, profile);
            return directory(dir).build();
        }

        /**
         * Opens the profile.
         *
         * @return the IceSync, holding the folder's lock when it has a folder (close it when done)
         * @throws IllegalStateException when both a folder and a profile were given
         * @throws IceSyncException when the folder holds no profile or another IceSync has it open
         * @throws InvalidProfileException when {@code profile.json} cannot be used
         */
        public IceSync build() {
            ProfileLock lock = null;
            Profile p;
            if (dir != null) {
                if (profile != null) {
                    throw new IllegalStateException("a profile folder's profile comes from its " + PROFILE_FILE
                            + "; set directory() or profile(), not both (or use create())");
                }
                if (!Files.isRegularFile(dir.resolve(PROFILE_FILE))) {
                    throw new IceSyncException("no profile in " + dir + " (" + PROFILE_FILE
                            + " is missing); create one first");
                }
                p = ProfileJson.read(dir.resolve(PROFILE_FILE));
                lock = ProfileLock.acquire(dir);
            } else {
                p = Objects.requireNonNull(profile, "a profile, or a profile folder (directory)");
            }
            List<AutoCloseable> opened = new ArrayList<>();
            try {
                ProfileCertificates certs = new ProfileCertificates(dir == null ? null : dir.resolve(PROFILE_FILE),
                        p.trustedCertificatePem());
                RemoteStore server = remote != null ? remote : imap(p, certs);
                opened.add(server::close);
                LocalStore l = local;
                if (l == null && p.groupwareProfile()) {
                    // mail/ is the POP3 inbox's; the IMAP engine keeps only the groupware folders, if any.
                    l = dir == null || p.services().davGroupware() ? LocalStores.inMemory()
                            : GroupwareLocal.withGroupware(LocalStores.inMemory(), dir.resolve(GROUPWARE_DIR));
                    opened.add(l);
                } else if (l == null) {
                    // With groupware over CalDAV/CardDAV, groupware/ is the DAV service's: IMAP's groupware folders stay out.
                    l = dir == null ? LocalStores.inMemory()
                            : p.services().davGroupware() ? LocalStores.maildir(dir.resolve(MAIL_DIR))
                            : GroupwareLocal.withGroupware(LocalStores.maildir(dir.resolve(MAIL_DIR)),
                            dir.resolve(GROUPWARE_DIR));
                    opened.add(l);
                }
                SyncStateStore s = state;
                if (s == null) {
                    s = dir != null ? StateStores.sqlite(dir.resolve(STATE_FILE)) : StateStores.inMemory();
                    opened.add(s);
                }
                SettingsPolicy pol = policy != null ? policy : dir != null ? readPolicy(dir) : SettingsPolicy.NONE;
                EffectiveSettings settings = new EffectiveSettings(pol, p.settings());
                io.icesync.client.internal.ShareMirror shares = server instanceof AccessControl ac && s.keepsSharing()
                        ? new io.icesync.client.internal.ShareMirror(ac, s, clock,
                        () -> settings.get().accessListInterval(), p.account().login()) : null;
                RemoteStore r = shares == null ? server : new io.icesync.client.internal.SharedFoldersFilter(server, shares);
                if (p.groupwareProfile()) {
                    r = new io.icesync.client.internal.GroupwareFoldersOnly(r, p.services().davGroupware());
                }
                Path folder = dir;
                // An app that gives its own remote store syncs that store only.
                List<ServiceStores.Stores> extra = dir == null || remote != null ? List.of()
                        : ServiceStores.open(dir, p, service -> passwordOf(p, service), certs, http, settings, GROUPWARE_DIR,
                        DOCUMENTS_DIR,
                        STATE_FILE);
                opened.add(() -> ServiceStores.closeAll(extra, null));
                io.icesync.client.internal.Pop3Inbox pop3 = null;
                if (dir != null && p.groupwareProfile()) {
                    LocalStore maildir = LocalStores.maildir(dir.resolve(MAIL_DIR));
                    opened.add(maildir);
                    pop3 = pop3Inbox(p, certs, maildir);
                }
                IceSync sync = new IceSync(dir, lock, p, certs, () -> secretsFor(folder), settings, s, l, r, extra, engine,
                        clock, pop3, tokens, http);
                if (shares != null) {
                    shares.announceTo(sync.engine::announce);
                    sync.sharing = new Sharing((AccessControl) server, r, shares, s, p.account().login());
                }
                return sync;
            } catch (RuntimeException e) {
                for (AutoCloseable c : opened) {
                    try {
                        c.close();
                    } catch (Exception x) {
                        e.addSuppressed(x);
                    }
                }
                if (lock != null) {
                    lock.close();
                }
                throw e;
            }
        }

        private SecretStore secretsFor(Path folder) {
            if (secrets != null) {
                return secrets;
            }
            if (folder == null) {
                throw new IllegalStateException("no secret store: give secrets(...) or remote(...)");
            }
            Path file = folder.resolve(SECRETS_FILE);
            warnIfReadableByOthers(file);
            return SecretStores.file(file);
        }

        /** The password of a service, else the account's, asked of the secret store at each login. */
        private Supplier<char[]> passwordOf(Profile p, String service) {
            SecretStore store = secretsFor(dir);
            return () -> servicePassword(store, p.account(), service);
        }

        /** A GroupWare profile's POP3 mail into {@code maildir}'s INBOX, its UIDLs in {@value IceSync#POP3_UIDLS_FILE}. */
        private io.icesync.client.internal.Pop3Inbox pop3Inbox(Profile p, CertificateTrust certs, LocalStore maildir) {
            Pop3Mail mail = p.services().pop3();
            SecretStore store = secretsFor(dir);
            ServiceAccess access = mailAccess(p, mail.server(), "pop3", () -> servicePassword(store, p.account(), "pop3"),
                    tokens, certs);
            return new io.icesync.client.internal.Pop3Inbox(maildir,
                    new io.icesync.client.internal.FileUidlRecord(dir.resolve(POP3_UIDLS_FILE)),
                    () -> new io.icesync.client.internal.AngusPop3Mailbox(mail.server(), access), mail, firstSync, clock);
        }

        private RemoteStore imap(Profile p, CertificateTrust certs) {
            if (p.mail().oauth()) {
                ImapRemoteStore.Builder b = ImapRemoteStore.builder().endpoint(p.account().imap())
                        .login(p.account().login()).tokens(requireTokens(p, tokens))
                        .tokenMechanism(p.mail().tokenMechanism());
                return imapOptions(b, p, certs);
            }
            SecretStore store = secretsFor(dir);
            char[] password = store.get(p.account().secretKey()).orElseThrow(() -> new IceSyncException(
                    "no password is stored for " + p.account().login() + " on " + p.account().imap().host()
                            + " in " + store));
            try {
                ImapRemoteStore.Builder b = ImapRemoteStore.builder().endpoint(p.account().imap())
                        .login(p.account().login()).password(password);
                return imapOptions(b, p, certs);
            } finally {
                Arrays.fill(password, '\0');
            }
        }

        private static RemoteStore imapOptions(ImapRemoteStore.Builder b, Profile p, CertificateTrust certs) {
            p.folderKinds().forEach(b::folderKind);
            if (p.folderNames() != null) {
                b.folderNames(p.folderNames());
            }
            return b.trust(certs).proxy(p.proxy()).mailProperties(p.mail().properties()).build();
        }

        private static void warnIfReadableByOthers(Path file) {
            if (!Files.exists(file) || !FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                return;
            }
            try {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                perms.removeAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
                if (!perms.isEmpty()) {
                    LOG.warn("{} can be read by other users ({}); chmod 600 it", file, perms);
                }
            } catch (IOException | UnsupportedOperationException e) {
                // cannot tell: nothing to say
            }
        }
    }
}
