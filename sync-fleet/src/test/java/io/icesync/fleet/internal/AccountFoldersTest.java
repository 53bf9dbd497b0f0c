package io.icesync.fleet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icesync.fleet.FleetException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AccountFoldersTest {
    @Test
    void eachAccountHasItsFolderUnderTheRoot() {
        assertThat(AccountFolders.of(Path.of("/srv/fleet"), "jean@iwdemo.test")).isEqualTo(Path.of("/srv/fleet/jean@iwdemo.test"));
    }

    @Test
    void anAddressThatWouldLeaveTheRootOrNameNoFolderIsRefusedWithTheReason() {
        for (String bad : new String[] {"../etc@x", "a/b@c", "a\\b@c", "no-at-sign", "@x", "", ".hidden@x", "tab\t@x"}) {
            assertThatThrownBy(() -> AccountFolders.of(Path.of("/srv/fleet"), bad)).as(bad)
                    .isInstanceOf(FleetException.class).hasMessageContaining("cannot be a fleet account");
        }
    }
}
