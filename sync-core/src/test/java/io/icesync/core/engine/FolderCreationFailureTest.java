package io.icesync.core.engine;

import static io.icesync.core.engine.EngineFixture.INBOX;
import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Flags;
import io.icesync.core.FolderKind;
import io.icesync.core.FolderPath;
import io.icesync.core.SpecialUse;
import io.icesync.core.StoreException;
import io.icesync.core.spi.LocalStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** A folder one side cannot create is that folder's failure, never the whole account's. */
class FolderCreationFailureTest {
    static final FolderPath BAD = FolderPath.of("Bad");
    static final FolderPath GOOD = FolderPath.of("Good");

    static LocalStore refusing(LocalStore real, FolderPath refused) {
        return (LocalStore) Proxy.newProxyInstance(LocalStore.class.getClassLoader(), new Class<?>[] {LocalStore.class},
                (proxy, m, args) -> {
                    if (m.getName().equals("createFolder") && refused.equals(args[0])) {
                        throw new StoreException("cannot create " + refused + ": file name too long", null);
                    }
                    try {
                        return m.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Test
    void aServerFolderTheLocalStoreRefusesIsReportedAndTheOthersSync() {
        EngineFixture fx = new EngineFixture();
        fx.local = refusing(fx.local, BAD);
        fx.remote.serverCreate(BAD, SpecialUse.NONE);
        fx.remote.serverCreate(GOOD, SpecialUse.NONE);
        fx.remote.serverAdd(GOOD, "<g@x>", Flags.NONE);
        fx.remote.serverAdd(INBOX, "<i@x>", Flags.NONE);

        SyncReport r = fx.sync();

        assertThat(r.folders()).anySatisfy(f -> {
            assertThat(f.folder()).isEqualTo(BAD);
            assertThat(f.error()).contains("cannot create the local folder", "file name too long");
        });
        assertThat(r.ok()).isFalse();
        assertThat(fx.localItem(GOOD, "<g@x>")).isNotNull();
        assertThat(fx.localItem(INBOX, "<i@x>")).isNotNull();
        assertThat(fx.state.folderByPath(BAD)).as("tried again next cycle").isEmpty();
        assertThat(fx.sync().folders()).anySatisfy(f -> assertThat(f.folder()).isEqualTo(BAD));
    }

    @Test
    void aLocalFolderTheServerRefusesIsReportedAndTheOthersSync() {
        EngineFixture fx = new EngineFixture();
        fx.sync();
        fx.local.createFolder(BAD, FolderKind.MAIL);
        fx.local.createFolder(GOOD, FolderKind.MAIL);
        fx.remote.refuseCreate = BAD;

        SyncReport r = fx.sync();

        assertThat(r.structureChanges()).contains("created on server: Good");
        assertThat(r.folders()).anySatisfy(f -> {
            assertThat(f.folder()).isEqualTo(BAD);
            assertThat(f.error()).contains("the server refused to create the folder", "Invalid mailbox name");
        });
    }
}
