package io.icesync.webdav.dav.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.core.Rights;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** current-user-privilege-set (RFC 3744) to the rights the engine decides with. */
class PrivilegesTest {

    static String letters(Set<String> collection, Set<String> home) {
        return Privileges.rights(collection, home).letters();
    }

    @Test
    void noPropertyMeansAllRightsAsBefore() {
        assertThat(Privileges.rights(null, null)).isEqualTo(Rights.ALL);
        assertThat(Privileges.rights(Set.of("all"), null)).isEqualTo(Rights.ALL);
    }

    @Test
    void readAloneIsReadOnlyForItems() {
        Rights r = Privileges.rights(Set.of("read", "read-current-user-privilege-set", "read-free-busy"), null);
        assertThat(r.letters()).isEqualTo("lrs");
        assertThat(r.canWriteItems()).isFalse();
    }

    @Test
    void eachWritePrivilegeGivesItsOwnRight() {
        assertThat(letters(Set.of("read", "bind"), null)).isEqualTo("lrsi");
        assertThat(letters(Set.of("read", "unbind"), null)).isEqualTo("lrste");
        assertThat(letters(Set.of("read", "write-content"), null)).isEqualTo("lrsw");
        assertThat(letters(Set.of("read", "write-properties"), null)).isEqualTo("lrs");
        assertThat(letters(Set.of("read", "write-acl"), null)).isEqualTo("lrsa");
    }

    @Test
    void writeIsBindUnbindAndWriteContent() {
        Rights r = Privileges.rights(Set.of("read", "write"), null);
        assertThat(r.letters()).isEqualTo("lrswite");
        assertThat(r.canWriteItems()).isTrue();
    }

    @Test
    void anEmptySetGivesNoRights() {
        assertThat(Privileges.rights(Set.of(), null)).isEqualTo(Rights.NONE);
    }

    @Test
    void deletingTheCollectionTakesUnbindOnTheHome() {
        assertThat(letters(Set.of("read"), Set.of("read", "unbind"))).isEqualTo("lrsx");
        assertThat(letters(Set.of("read", "write"), Set.of("read", "write"))).isEqualTo("lrswixte");
        assertThat(Privileges.rights(Set.of("all"), Set.of("read")).canWriteItems()).isTrue();
        assertThat(Privileges.rights(Set.of("all"), Set.of("read")).letters()).doesNotContain("x");
        assertThat(Privileges.rights(null, Set.of("read")).letters()).doesNotContain("x");
        assertThat(Privileges.rights(null, Set.of("all"))).isEqualTo(Rights.ALL);
    }
}
