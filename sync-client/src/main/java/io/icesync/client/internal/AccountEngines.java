package io.icesync.client.internal;

import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.engine.FolderReport;
import io.icesync.core.engine.SyncCounters;
import io.icesync.core.engine.SyncEngine;
import io.icesync.core.engine.SyncListener;
import io.icesync.core.engine.SyncReport;
import io.icesync.core.engine.UnsyncedFolder;
import io.icesync.core.spi.IgnoredItem;
import io.icesync.core.spi.SyncStateStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The engines of one profile, one per service (mail over IMAP first, then groupware over
 * CalDAV/CardDAV and documents over WebDAV when the profile has them), each with its local store and
 * its scope of the profile's state file. A cycle runs them one after the other under the mail
 * engine's cycle lock and answers with one report; a service that fails does not keep the next ones
 * from running, and the first failure is thrown once all have run.
 */
public final class AccountEngines {
    /** One service: its name (the state scope; "" for mail), its engine and its state. */
    public record Service(String name, SyncEngine engine, SyncStateStore state) {
        public Service {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(engine, "engine");
            Objects.requireNonNull(state, "state");
        }
    }

    private final List<Service> services;
    private final Map<FolderKind, String> elsewhere;

    /**
     * @param elsewhere the kinds another service of the profile syncs, and how ("over CalDAV/CardDAV into
     *                  groupware/"): a mail-server folder of such a kind is reported with that reason
     */
    public AccountEngines(List<Service> services, Map<FolderKind, String> elsewhere) {
        if (services.isEmpty()) {
            throw new IllegalArgumentException("at least the mail engine");
        }
        this.services = List.copyOf(services);
        this.elsewhere = Map.copyOf(elsewhere);
    }

    /** The mail engine, whose cycle lock every cycle holds. */
    public SyncEngine mail() {
        return services.get(0).engine();
    }

    public List<Service> services() {
        return services;
    }

    /** {@code work} under the mail engine's cycle lock. */
    public <T> T exclusively(Supplier<T> work) {
        return mail().exclusively(work);
    }

    /** The same step on every service, as one report. */
    public SyncReport run(Function<SyncEngine, SyncReport> step) {
        return runEach(s -> step.apply(s.engine()));
    }

    /**
     * The items of these folders, each asked of every service whose state knows it (a documents folder
     * and a mail folder may share a path); a folder no service knows goes to mail, which reports it.
     */
    public SyncReport syncFolders(List<FolderPath> folders) {
        return runEach(s -> {
            List<FolderPath> mine = new ArrayList<>();
            for (FolderPath p : folders) {
                if (s.state().folderByPath(p).isPresent() || (s == services.get(0) && knownByNone(p))) {
                    mine.add(p);
                }
            }
            return mine.isEmpty() ? null : s.engine().syncFolders(mine, false);
        });
    }

    private boolean knownByNone(FolderPath p) {
        return services.stream().noneMatch(s -> s.state().folderByPath(p).isPresent());
    }

    /** The folders of this kind that any service's state knows. */
    public List<FolderPath> foldersOfKind(FolderKind kind) {
        List<FolderPath> out = new ArrayList<>();
        for (Service s : services) {
            s.state().folders().stream().filter(f -> f.kind() == kind).forEach(f -> out.add(f.path()));
        }
        return out;
    }

    private SyncReport runEach(Function<Service, SyncReport> step) {
        List<String> structure = new ArrayList<>();
        List<FolderReport> folders = new ArrayList<>();
        List<UnsyncedFolder> notSynced = new ArrayList<>();
        Duration took = Duration.ZERO;
        RuntimeException failed = null;
        for (Service s : services) {
            SyncReport r;
            try {
                r = step.apply(s);
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
                continue;
            }
            if (r == null) {
                continue;
            }
            String suffix = s.name().isEmpty() ? "" : " (" + s.name() + ")";
            r.structureChanges().forEach(c -> structure.add(c + suffix));
            folders.addAll(r.folders());
            for (UnsyncedFolder u : r.notSynced()) {
                String how = s.name().isEmpty() ? elsewhere.get(u.kind()) : null;
                notSynced.add(how == null ? u : new UnsyncedFolder(u.folder(), u.kind(), "this profile syncs "
                        + u.kind().name().toLowerCase(Locale.ROOT) + " items " + how + ", not from the mail server's"
                        + " folder", "nothing, unless the folder holds mail: then give it the kind mail"
                        + " (icesync folders kind PATH mail)"));
            }
            took = took.plus(r.took());
        }
        if (failed != null) {
            throw failed;
        }
        return new SyncReport(structure, folders, took, notSynced);
    }

    /** The counters of every service, added up. */
    public SyncCounters counters() {
        SyncCounters sum = SyncCounters.ZERO;
        for (Service s : services) {
            SyncCounters c = s.engine().counters();
            sum = new SyncCounters(sum.downloaded() + c.downloaded(), sum.toDownload() + c.toDownload(),
                    sum.uploaded() + c.uploaded(), sum.toUpload() + c.toUpload(), sum.internal() + c.internal(),
                    sum.toInternal() + c.toInternal());
        }
        return sum;
    }

    /** The failures of every service, mail's first. */
    public List<IgnoredItem> failures() {
        List<IgnoredItem> all = new ArrayList<>();
        services.forEach(s -> all.addAll(s.engine().failures()));
        return all;
    }

    public void clearIgnored(FolderPath folder) {
        services.forEach(s -> s.engine().clearIgnored(folder));
    }

    public void addListener(SyncListener l) {
        services.forEach(s -> s.engine().addListener(l));
    }

    public void removeListener(SyncListener l) {
        services.forEach(s -> s.engine().removeListener(l));
    }

    public void cancel() {
        services.forEach(s -> s.engine().cancel());
    }

    /** Closes every engine (their remote stores), the last first; the first failure is thrown after all. */
    public void close() {
        RuntimeException failed = null;
        for (int i = services.size() - 1; i >= 0; i--) {
            try {
                services.get(i).engine().close();
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }
}
