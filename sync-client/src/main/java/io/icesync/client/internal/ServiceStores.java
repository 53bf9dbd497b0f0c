package io.icesync.client.internal;

import io.icesync.client.Profile;
import io.icesync.client.Services;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.spi.RemoteStore;
import io.icesync.core.spi.SyncStateStore;
import io.icesync.webdav.dav.DavServers;
import io.icesync.webdav.dav.DavService;
import io.icesync.core.settings.SyncSettings;
import java.net.URI;
import java.nio.file.Path;
import io.icesync.core.FolderKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The stores of a profile folder's services beyond mail: groupware over CalDAV/CardDAV into
 * {@code groupware/} (a vdir), documents over WebDAV into {@code documents/} (plain files). Each
 * service keeps its engine state in its scope of {@code state.db} and the numbering of the server's
 * resources in a JSON file of its own beside it.
 */
public final class ServiceStores {
    /** What one service syncs: its name (its state scope), its three stores, and the client its remote store uses, or null. */
    public record Stores(String name, RemoteStore remote, LocalStore local, SyncStateStore state, AutoCloseable client) {
    }

    private ServiceStores() {
    }

    /**
     * The profile with its CalDAV server found from the address's domain (RFC 6764) when groupware comes
     * over DAV and neither URL is given, so that later opens need no lookup; else the profile as it is.
     * {@code dns} null is the system's DNS.
     *
     * @throws io.icesync.webdav.dav.DavUnsupportedException naming the records asked for when the domain publishes neither service
     */
    public static Profile withDavLocated(Profile p, DavServers dns) {
        Services s = p.services();
        if (!s.davGroupware() || s.caldav() != null || s.carddav() != null) {
            return p;
        }
        OptionalModules.requireWebdav("groupware over CalDAV/CardDAV");
        return p.withServices(s.withCaldav((dns != null ? dns : DavServers.system()).locate(p.account().email())));
    }

    /**
     * One service of a profile beyond mail, before anything is opened: its name (its state scope), the
     * server ({@code null} for a DAV server looked up from the domain), the DAV services it syncs (none
     * for documents), the service whose login and password it uses ({@link Services#SERVICE_NAMES}) and
     * that login, and its local folder, relative to the profile folder.
     */
    public record Plan(String name, URI server, Set<DavService> dav, String credentials, String login, String local) {
        /** What it syncs, for people. */
        public String syncs() {
            return dav.isEmpty() ? "documents over WebDAV"
                    : dav.size() == 2 ? "groupware over CalDAV/CardDAV"
                    : dav.contains(DavService.CALDAV) ? "calendars and tasks over CalDAV" : "address books over CardDAV";
        }
    }

    /**
     * The services {@code p} has beyond mail, in sync order. A CalDAV and a CardDAV URL on two servers
     * make two services, each into its own part of the groupware folder.
     */
    public static List<Plan> plan(Profile p, String groupwareDir, String documentsDir) {
        Services s = p.services();
        String login = p.account().login();
        List<Plan> out = new ArrayList<>();
        if (s.davGroupware()) {
            OptionalModules.requireWebdav("groupware over CalDAV/CardDAV");
            OptionalModules.requireGroupware("groupware over CalDAV/CardDAV");
            URI cal = s.caldav();
            URI card = s.carddav();
            if (cal != null && card != null && !sameServer(cal, card)) {
                out.add(new Plan("caldav", cal, Set.of(DavService.CALDAV), "caldav", s.login("caldav", login),
                        groupwareDir + "/calendars"));
                out.add(new Plan("carddav", card, Set.of(DavService.CARDDAV), "carddav", s.login("carddav", login),
                        groupwareDir + "/address-books"));
            } else {
                String which = cal != null || card == null ? "caldav" : "carddav";
                out.add(new Plan("dav", cal != null ? cal : card, Set.of(DavService.CALDAV, DavService.CARDDAV), which,
                        s.login(which, login), groupwareDir));
            }
        }
        if (s.documents() != null) {
            OptionalModules.requireWebdav("documents over WebDAV");
            out.add(new Plan("documents", s.documents(), Set.of(), "documents", s.login("documents", login),
                    documentsDir));
        }
        return out;
    }

    /**
     * Opens the services of {@link #plan}.
     *
     * @param passwords the password of a service ({@link Plan#credentials()}), asked at each login
     * @param http      makes the HTTP clients of the WebDAV and CalDAV/CardDAV stores
     */
    public static List<Stores> open(Path dir, Profile p, Function<String, Supplier<char[]>> passwords,
                                    CertificateTrust trust, io.icesync.net.HttpClientFactory http,
                                    Supplier<SyncSettings> settings, String groupwareDir, String documentsDir,
                                    String stateFile) {
        List<Stores> out = new ArrayList<>();
        try {
            for (Plan plan : plan(p, groupwareDir, documentsDir)) {
                out.add(ServiceStoresOpener.open(dir, p, plan, passwords.apply(plan.credentials()), trust, settings, http,
                        stateFile));
            }
            return out;
        } catch (RuntimeException e) {
            closeAll(out, e);
            throw e;
        }
    }

    private static boolean sameServer(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && a.getPort() == b.getPort();
    }

    /** The kinds these services sync in place of the mail server's folders, and how (for reports). */
    public static Map<FolderKind, String> kindsElsewhere(List<Stores> services) {
        Map<FolderKind, String> m = new EnumMap<>(FolderKind.class);
        for (Stores st : services) {
            if (st.name().equals("documents")) {
                m.put(FolderKind.DOCUMENTS, "over WebDAV into documents/");
            } else {
                for (FolderKind k : FolderKind.values()) {
                    if (k != FolderKind.MAIL && k != FolderKind.DOCUMENTS) {
                        m.put(k, "over CalDAV/CardDAV into groupware/");
                    }
                }
            }
        }
        return m;
    }

    /** Closes what was opened, adding failures to {@code cause}. */
    public static void closeAll(List<Stores> opened, Throwable cause) {
        for (Stores st : opened) {
            for (AutoCloseable c : List.<AutoCloseable>of(st.remote()::close, st.local()::close, () -> {
                if (st.state() != null) {
                    st.state().close();
                }
            }, () -> {
                if (st.client() != null) {
                    st.client().close();
                }
            })) {
                try {
                    c.close();
                } catch (Exception x) {
                    if (cause != null) {
                        cause.addSuppressed(x);
                    }
                }
            }
        }
    }
}
