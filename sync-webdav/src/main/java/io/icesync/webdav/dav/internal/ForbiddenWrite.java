package io.icesync.webdav.dav.internal;

import io.icesync.webdav.DavForbiddenException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A 403 on PUT or DELETE of an item, with the CalDAV or CardDAV precondition its error body names
 * (RFC 4791 5.3.2.1, RFC 6352 6.3.2.1), if any. Such a 403 is about the object (invalid data, a UID
 * used elsewhere, too large), not about rights; one without, or naming {@code DAV:need-privileges}
 * (RFC 3744 7.1.1), is a refusal of the account. The store turns it into its public error.
 */
public final class ForbiddenWrite extends DavForbiddenException {
    private static final long serialVersionUID = 1L;
    private static final Pattern PRECONDITION = Pattern.compile("<(?:[A-Za-z0-9._-]+:)?(supported-calendar-data"
            + "|valid-calendar-data|valid-calendar-object-resource|supported-calendar-component|no-uid-conflict"
            + "|calendar-collection-location-ok|max-resource-size|min-date-time|max-date-time|max-instances"
            + "|max-attendees-per-instance|supported-address-data|valid-address-data|addressbook-collection-location-ok"
            + ")[\\s/>]");

    private final String precondition;

    ForbiddenWrite(String message, String url, String errorBody) {
        super(message, 403, url);
        Matcher m = PRECONDITION.matcher(errorBody == null ? "" : errorBody);
        this.precondition = m.find() ? m.group(1) : null;
    }

    /** The precondition the object fails (such as {@code valid-calendar-data}), or null for a refusal of rights. */
    public String precondition() {
        return precondition;
    }
}
