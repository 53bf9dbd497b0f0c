package io.icesync.client.internal;

import io.icesync.client.Profile;
import io.icesync.core.settings.SyncSettings;
import io.icesync.core.spi.CertificateTrust;
import io.icesync.core.spi.LocalStore;
import io.icesync.core.spi.RemoteStore;
import io.icesync.core.store.StateStores;
import io.icesync.groupware.store.RawItemCodec;
import io.icesync.groupware.store.VdirLocalStore;
import io.icesync.webdav.WebDavClient;
import io.icesync.webdav.dav.DavRemoteStore;
import io.icesync.webdav.dav.DavServers;
import io.icesync.webdav.files.FileTreeLocalStore;
import io.icesync.webdav.files.WebDavFilesRemoteStore;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Opens the stores of one {@link ServiceStores.Plan}. Apart from {@link ServiceStores} because it links
 * sync-webdav and sync-groupware classes: loaded only for a profile that has such a service, after
 * {@link ServiceStores#plan} checked that the modules are there.
 */
final class ServiceStoresOpener {
    private ServiceStoresOpener() {
    }

    static ServiceStores.Stores open(Path dir, Profile p, ServiceStores.Plan plan, Supplier<char[]> password,
                                     CertificateTrust trust, Supplier<SyncSettings> settings,
                                     io.icesync.net.HttpClientFactory http, String stateFile) {
        if (http == null) {
            http = io.icesync.net.HttpClientFactory.standard();
        }
        RemoteStore remote;
        LocalStore local;
        AutoCloseable client = null;
        if (plan.dav().isEmpty()) {
            // The documents store uses the client without owning it: closed with the service.
            WebDavClient webdav = WebDavClient.builder(plan.server()).credentials(plan.login(), password)
                    .trust(trust).httpClients(http).build();
            client = webdav;
            remote = WebDavFilesRemoteStore.builder().client(webdav)
                    .state(dir.resolve(plan.name() + "-numbering.json")).settings(settings).build();
            local = new FileTreeLocalStore(dir.resolve(plan.local()));
        } else {
            // A profile written by hand may lack both URLs: the lookup happens at each open then.
            DavRemoteStore.Builder b = plan.server() != null ? DavRemoteStore.builder(plan.server())
                    : DavRemoteStore.builder(p.account().email(), DavServers.system());
            remote = b.services(plan.dav()).credentials(plan.login(), password).trust(trust).httpClients(http)
                    .state(dir.resolve(plan.name() + "-numbering.json")).build();
            // CalDAV/CardDAV items are the objects themselves: a local object goes up as its .ics or .vcf text.
            local = new VdirLocalStore(dir.resolve(plan.local()), f -> new RawItemCodec());
        }
        try {
            return new ServiceStores.Stores(plan.name(), remote, local,
                    StateStores.sqlite(dir.resolve(stateFile), plan.name()), client);
        } catch (RuntimeException e) {
            ServiceStores.closeAll(List.of(new ServiceStores.Stores(plan.name(), remote, local, null, client)), e);
            throw e;
        }
    }
}
