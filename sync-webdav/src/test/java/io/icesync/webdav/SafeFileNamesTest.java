package io.icesync.webdav;

import static org.assertj.core.api.Assertions.assertThat;

import io.icesync.webdav.internal.SafeFileNames;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeFileNamesTest {
    @TempDir
    Path tmp;

    @Test
    void namesFromMessagesBecomePlainFileNames() {
        assertThat(SafeFileNames.safe("Rapport été.pdf")).isEqualTo("Rapport été.pdf");
        assertThat(SafeFileNames.safe("../../.ssh/authorized_keys")).isEqualTo("authorized_keys");
        assertThat(SafeFileNames.safe("a\\b\\..\\c.txt")).isEqualTo("c.txt");
        assertThat(SafeFileNames.safe("NUL")).isEqualTo("_NUL");
        assertThat(SafeFileNames.safe("lpt1.tar.gz")).isEqualTo("_lpt1.tar.gz");
        assertThat(SafeFileNames.safe("what?<now>:\"|*.txt")).isEqualTo("what__now_____.txt");
        assertThat(SafeFileNames.safe("tab\there\u202Egpj.exe")).isEqualTo("tab_here_gpj.exe");
        assertThat(SafeFileNames.safe(".hidden")).isEqualTo("hidden");
        assertThat(SafeFileNames.safe("trailing. . ")).isEqualTo("trailing");
        assertThat(SafeFileNames.safe("")).isEqualTo("attachment");
        assertThat(SafeFileNames.safe("..")).isEqualTo("attachment");
        String longName = "x".repeat(300) + ".pdf";
        assertThat(SafeFileNames.safe(longName)).hasSizeLessThanOrEqualTo(150).endsWith(".pdf");
    }

    @Test
    void anExistingFileIsNeverReusedButAnUnfinishedOneIs() throws Exception {
        assertThat(SafeFileNames.unused(tmp, "a.pdf")).isEqualTo(tmp.resolve("a.pdf"));
        Files.writeString(tmp.resolve("a.pdf.part"), "half");
        assertThat(SafeFileNames.unused(tmp, "a.pdf")).isEqualTo(tmp.resolve("a.pdf"));
        Files.writeString(tmp.resolve("a.pdf"), "done");
        Files.writeString(tmp.resolve("a (2).pdf"), "done");
        assertThat(SafeFileNames.unused(tmp, "a.pdf")).isEqualTo(tmp.resolve("a (3).pdf"));
        Files.writeString(tmp.resolve("README"), "x");
        assertThat(SafeFileNames.unused(tmp, "README")).isEqualTo(tmp.resolve("README (2)"));
    }
}
