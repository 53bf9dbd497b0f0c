package io.icesync.core.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The one XML reader: its refusals (typed, saying what and where) and its namespace look-ups. */
class SafeDomTest {
    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String nested(int depth) {
        return "<a>".repeat(depth) + "</a>".repeat(depth);
    }

    @Test
    void aDocumentOverTheSizeLimitIsRefusedNamingTheLimit() throws Exception {
        XmlLimits limits = XmlLimits.DEFAULT.withMaxBytes(100);
        String fits = "<r>" + "x".repeat(93) + "</r>";
        assertThat(fits).hasSize(100);

        assertThat(SafeDom.parse(bytes(fits), limits).getDocumentElement().getTextContent()).hasSize(93);
        assertThatThrownBy(() -> SafeDom.parse(bytes(fits.replace("<r>", "<r> ")), limits))
                .isInstanceOfSatisfying(XmlLimitException.class, e -> {
                    assertThat(e.limit()).isEqualTo(XmlLimitException.Limit.MAX_BYTES);
                    assertThat(e.max()).isEqualTo(100);
                    assertThat(e.getMessage()).contains("maxBytes", "100");
                });
    }

    @Test
    void aStreamIsReadNoFurtherThanOneBytePastTheLimit() throws Exception {
        int[] read = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read[0]++;
                return read[0] == 1 ? '<' : 'a';
            }
        };

        assertThatThrownBy(() -> SafeDom.parse(endless, XmlLimits.DEFAULT.withMaxBytes(1000)))
                .isInstanceOf(XmlLimitException.class).hasMessageContaining("1000");
        assertThat(read[0]).isEqualTo(1001);
    }

    @Test
    void aDocumentNestedDeeperThanTheLimitIsRefusedSayingWhere() throws Exception {
        XmlLimits limits = XmlLimits.DEFAULT.withMaxDepth(4);

        assertThat(SafeDom.parse(bytes("<r>" + nested(3) + "<b/>" + nested(3) + "</r>"), limits)).isNotNull();
        assertThatThrownBy(() -> SafeDom.parse(bytes("<r><b/>" + nested(3) + "<c>" + nested(5) + "</c></r>"), limits))
                .isInstanceOfSatisfying(XmlLimitException.class, e -> {
                    assertThat(e.limit()).isEqualTo(XmlLimitException.Limit.MAX_DEPTH);
                    assertThat(e.max()).isEqualTo(4);
                    assertThat(e.getMessage()).contains("maxDepth = 4", ".../c/a/a/a");
                });
    }

    @Test
    void theDefaultDepthLimitStopsADocumentThatWouldOverflowRecursiveLookups() {
        assertThatThrownBy(() -> SafeDom.parse(bytes(nested(100_000))))
                .isInstanceOf(XmlLimitException.class).hasMessageContaining("maxDepth = 100");
    }

    @Test
    void malformedAndEmptyDocumentsAreUnreadableSayingWhere() {
        assertThatThrownBy(() -> SafeDom.parse(bytes("<r>\n  <a></b>\n</r>")))
                .isInstanceOf(UnreadableXmlException.class).isNotInstanceOf(XmlLimitException.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> SafeDom.parse(bytes(" \r\n"))).isInstanceOf(UnreadableXmlException.class)
                .hasMessage("an empty document");
    }

    @Test
    void externalEntitiesAndEntityExpansionAreRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>";
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
                + "<l>&b;</l>";

        assertThatThrownBy(() -> SafeDom.parse(bytes(xxe))).isInstanceOf(UnreadableXmlException.class)
                .hasMessageContaining("DOCTYPE").hasMessageNotContaining("root:");
        assertThatThrownBy(() -> SafeDom.parse(bytes(laughs))).isInstanceOf(UnreadableXmlException.class);
    }

    @Test
    void namespaceLookUpsTellApartSameNamedElementsOfOtherNamespaces() throws IOException {
        Element root = SafeDom.parse(bytes("<x:r xmlns:x=\"urn:one\" xmlns:D=\"urn:other\">"
                + "<D:item>foreign</D:item><x:item> first </x:item><x:Item>case</x:Item><x:item>second</x:item>"
                + "<item>none</item></x:r>")).getDocumentElement();

        assertThat(SafeDom.children(root, "urn:one", "item")).extracting(Element::getTextContent)
                .containsExactly(" first ", "second");
        assertThat(SafeDom.text(root, "urn:one", "item")).isEqualTo(" first ");
        assertThat(SafeDom.text(root, "urn:other", "item")).isEqualTo("foreign");
        assertThat(SafeDom.text(root, "", "item")).isEqualTo("none");
        assertThat(SafeDom.children(root, SafeDom.ANY_NAMESPACE, "item")).hasSize(4);
        assertThat(SafeDom.child(root, "urn:one", "missing")).isNull();
        assertThat(SafeDom.text(root, "urn:one", "missing")).isNull();
    }

    @Test
    void aDefaultNamespaceIsTheElementsNamespace() throws IOException {
        Element root = SafeDom.parse(bytes("<r xmlns=\"urn:d\"><a>1</a></r>")).getDocumentElement();

        assertThat(SafeDom.is(root, "urn:d", "r")).isTrue();
        assertThat(SafeDom.text(root, "urn:d", "a")).isEqualTo("1");
        assertThat(SafeDom.text(root, "", "a")).isNull();
    }

    @Test
    void limitsOutsideTheirRangeAreRefusedNamingTheValue() {
        assertThatThrownBy(() -> new XmlLimits(0, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBytes").hasMessageContaining("0");
        assertThatThrownBy(() -> new XmlLimits(10, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxDepth");
    }
}
