package io.icesync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The contract of the rights mapping: IceWarp's terms and presets to RFC 4314 letters and back. */
class AccessRightsTest {
    @ParameterizedTest
    @EnumSource(AccessPreset.class)
    void everyPresetGoesToLettersAndComesBack(AccessPreset preset) {
        AccessRights r = AccessRights.parse(preset.label());
        assertThat(r.wire()).isEqualTo(preset.letters());
        assertThat(AccessRights.parse(r.wire()).preset()).contains(preset);
        assertThat(AccessRights.of(r.rights()).rights()).isEqualTo(r.rights());
        assertThat(r.label()).isEqualTo(preset.label());
    }

    @Test
    void presetsInIceWarpsTerms() {
        assertThat(AccessRights.of(AccessPreset.READ).rights()).containsExactly(AccessRight.READ);
        assertThat(AccessRights.of(AccessPreset.READ_WRITE).rights()).containsExactlyInAnyOrder(AccessRight.READ,
                AccessRight.WRITE, AccessRight.DELETE, AccessRight.MODIFY);
        assertThat(AccessRights.of(AccessPreset.ALL).rights()).doesNotContain(AccessRight.ADMINISTER)
                .hasSize(4);
        assertThat(AccessRights.of(AccessPreset.FULL).rights()).isEqualTo(EnumSet.allOf(AccessRight.class));
        // read-write leaves sub-folders alone; all may create and delete them
        assertThat(AccessRights.of(AccessPreset.READ_WRITE).has(Right.CREATE_MAILBOX)).isFalse();
        assertThat(AccessRights.of(AccessPreset.ALL).has(Right.DELETE_MAILBOX)).isTrue();
        // read-write lets the sync send local changes; read does not
        assertThat(AccessRights.of(AccessPreset.READ_WRITE).toRights().canWriteItems()).isTrue();
        assertThat(AccessRights.of(AccessPreset.READ).toRights().canWriteItems()).isFalse();
    }

    @Test
    void eachRightOfIceWarpMapsToItsLetters() {
        assertThat(AccessRights.of(EnumSet.of(AccessRight.READ)).wire()).isEqualTo("lrs");
        assertThat(AccessRights.of(EnumSet.of(AccessRight.WRITE)).wire()).isEqualTo("ipk");
        assertThat(AccessRights.of(EnumSet.of(AccessRight.DELETE)).wire()).isEqualTo("xte");
        assertThat(AccessRights.of(EnumSet.of(AccessRight.MODIFY)).wire()).isEqualTo("w");
        assertThat(AccessRights.of(EnumSet.of(AccessRight.ADMINISTER)).wire()).isEqualTo("a");
        for (AccessRight r : AccessRight.values()) {
            assertThat(AccessRights.of(EnumSet.of(r)).rights()).containsExactly(r);
        }
    }

    @Test
    void obsoleteLettersAreReadAsRfc4314SaysAndIceWarpsFullStringIsFull() {
        assertThat(AccessRights.letters("lrswipkcdexta").preset()).contains(AccessPreset.FULL);
        assertThat(AccessRights.letters("lrsc").wire()).isEqualTo("lrskx");
        assertThat(AccessRights.letters("lrsd").wire()).isEqualTo("lrsxte");
        assertThat(AccessRights.letters("lrsd").rights()).contains(AccessRight.DELETE);
        // next to the RFC 4314 letters, c and d only sum them up: read-write as an RFC 4314 server sends it
        assertThat(AccessRights.letters("lrswipted").preset()).contains(AccessPreset.READ_WRITE);
        assertThat(AccessRights.letters("lrskc").wire()).isEqualTo("lrsk");
    }

    @Test
    void unknownLettersAreKeptAndWrittenBack() {
        AccessRights server = AccessRights.letters("lrs0X9");
        assertThat(server.known()).isEqualTo("lrs");
        assertThat(server.unknown()).isEqualTo("0X9");
        assertThat(server.wire()).isEqualTo("lrs0X9");
        AccessRights changed = AccessRights.parse("read-write").keepingUnknownOf(server);
        assertThat(changed.wire()).isEqualTo("lrswipte0X9");
        assertThat(changed.preset()).contains(AccessPreset.READ_WRITE);
        assertThat(changed.label()).isEqualTo("read-write");
    }

    @Test
    void whatAServerSendsIsReadWithoutFailing() {
        assertThat(AccessRights.fromServer("lr s\u0001\"").wire()).isEqualTo("lrs");
        assertThat(AccessRights.fromServer(null)).isEqualTo(AccessRights.NONE);
    }

    @Test
    void lettersOutOfPresetsAreShownAsLetters() {
        assertThat(AccessRights.parse("lr").label()).isEqualTo("lr");
        assertThat(AccessRights.parse("rl").wire()).isEqualTo("lr");
        assertThat(AccessRights.NONE.label()).isEqualTo("none");
    }

    @Test
    void badRightsAreRefusedNamingWhatWasWrong() {
        assertThatThrownBy(() -> AccessRights.parse("read only")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("read only").hasMessageContaining("' '");
        assertThatThrownBy(() -> AccessRights.parse("+lr")).hasMessageContaining("'+'");
    }

    @Test
    void granteesAsTypedAndAsServersSendThem() {
        assertThat(Grantee.parse("josephine@iwdemo.test")).isEqualTo(Grantee.user("josephine@iwdemo.test"));
        assertThat(Grantee.parse("Everyone")).isEqualTo(Grantee.ANYONE);
        assertThat(Grantee.parse("anonymous").identifier()).isEqualTo("anyone");
        assertThat(Grantee.parse("group:sales").identifier()).isEqualTo("$sales");
        assertThat(Grantee.parse("$sales")).isEqualTo(Grantee.group("sales"));
        assertThat(Grantee.group("sales").toString()).isEqualTo("group:sales");
        assertThatThrownBy(() -> Grantee.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
