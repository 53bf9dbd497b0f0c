package io.icesync.webdav.dav.internal;

import io.icesync.core.FolderKind;
import java.util.List;

/** The XML request bodies the store sends (RFC 4918, 4791, 6352, 5397, 6578). */
public final class XmlBodies {
    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n";
    private static final String NS = " xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\""
            + " xmlns:A=\"urn:ietf:params:xml:ns:carddav\" xmlns:CS=\"http://calendarserver.org/ns/\"";

    public static final String PRINCIPAL = HEAD + "<D:propfind" + NS + "><D:prop><D:current-user-principal/>"
            + "<C:calendar-home-set/><A:addressbook-home-set/></D:prop></D:propfind>";

    public static final String HOMES = HEAD + "<D:propfind" + NS + "><D:prop>"
            + "<C:calendar-home-set/><A:addressbook-home-set/></D:prop></D:propfind>";

    public static final String COLLECTIONS = HEAD + "<D:propfind" + NS + "><D:prop><D:resourcetype/><D:displayname/>"
            + "<C:supported-calendar-component-set/><CS:getctag/><D:sync-token/><D:current-user-privilege-set/></D:prop></D:propfind>";

    public static final String CTAG = HEAD + "<D:propfind" + NS + "><D:prop><CS:getctag/><D:sync-token/>"
            + "<D:supported-report-set/></D:prop></D:propfind>";

    public static final String MEMBERS = HEAD + "<D:propfind" + NS + "><D:prop><D:resourcetype/><D:getetag/>"
            + "<D:getcontentlength/></D:prop></D:propfind>";

    public static final String ETAG = HEAD + "<D:propfind" + NS + "><D:prop><D:getetag/><D:getcontentlength/></D:prop></D:propfind>";

    private XmlBodies() {
    }

    /** sync-collection (RFC 6578 3.2) of the direct members changed since {@code token}, with what a listing needs. */
    public static String syncCollection(String token) {
        return HEAD + "<D:sync-collection" + NS + "><D:sync-token>" + escape(token) + "</D:sync-token>"
                + "<D:sync-level>1</D:sync-level><D:prop><D:getetag/><D:getcontentlength/><D:resourcetype/></D:prop>"
                + "</D:sync-collection>";
    }

    /**
     * calendar-multiget (RFC 4791 7.9) or addressbook-multiget (RFC 6352 8.7) of these hrefs (already
     * percent-encoded): the ETag and the object of each.
     */
    public static String multiget(boolean addressBook, List<String> rawHrefs) {
        StringBuilder b = new StringBuilder(HEAD.length() + 200 + rawHrefs.size() * 80).append(HEAD);
        b.append(addressBook ? "<A:addressbook-multiget" : "<C:calendar-multiget").append(NS).append("><D:prop><D:getetag/>")
                .append(addressBook ? "<A:address-data/>" : "<C:calendar-data/>").append("</D:prop>");
        for (String h : rawHrefs) {
            b.append("<D:href>").append(escape(h)).append("</D:href>");
        }
        return b.append(addressBook ? "</A:addressbook-multiget>" : "</C:calendar-multiget>").toString();
    }

    /** MKCALENDAR for events, tasks or journal entries, named {@code name}. */
    public static String mkcalendar(String name, FolderKind kind) {
        String comp = kind == FolderKind.TASKS ? "VTODO" : kind == FolderKind.JOURNAL ? "VJOURNAL" : "VEVENT";
        return HEAD + "<C:mkcalendar" + NS + "><D:set><D:prop><D:displayname>" + escape(name) + "</D:displayname>"
                + "<C:supported-calendar-component-set><C:comp name=\"" + comp + "\"/></C:supported-calendar-component-set>"
                + "</D:prop></D:set></C:mkcalendar>";
    }

    /** Extended MKCOL (RFC 5689) of an address book named {@code name}. */
    public static String mkaddressbook(String name) {
        return HEAD + "<D:mkcol" + NS + "><D:set><D:prop><D:resourcetype><D:collection/><A:addressbook/></D:resourcetype>"
                + "<D:displayname>" + escape(name) + "</D:displayname></D:prop></D:set></D:mkcol>";
    }

    public static String rename(String name) {
        return HEAD + "<D:propertyupdate" + NS + "><D:set><D:prop><D:displayname>" + escape(name)
                + "</D:displayname></D:prop></D:set></D:propertyupdate>";
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
