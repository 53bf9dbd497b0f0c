package io.icesync.webdav.dav;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh {@link MiniCalDavServer} per test, and a {@link DavRemoteStore} on it with its state in a temporary folder. */
abstract class MiniCalDavFixture {
    @TempDir
    Path tmp;

    final MiniCalDavServer server = start();

    static MiniCalDavServer start() {
        try {
            return new MiniCalDavServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    DavRemoteStore open() {
        return DavRemoteStore.builder(server.base()).credentials("u", "pw".toCharArray()).state(tmp.resolve("dav.json")).build();
    }
}
