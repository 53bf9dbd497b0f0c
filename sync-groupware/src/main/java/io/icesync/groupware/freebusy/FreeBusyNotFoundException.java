package io.icesync.groupware.freebusy;

/** The server has no free/busy for this address (HTTP 404 or 410): an unknown user, or one who shares none. */
public class FreeBusyNotFoundException extends FreeBusyException {
    private static final long serialVersionUID = 1L;
    /** @serial the participant's address */
    private final String address;

    /**
     * @param address the participant's address
     * @param url     the URL that was asked
     * @param status  404 or 410
     */
    public FreeBusyNotFoundException(String address, String url, int status) {
        super("no free/busy for " + address + " (" + url + " answered HTTP " + status + ")", url, null);
        this.address = address;
    }

    /** {@return the participant's address the server has no free/busy for} */
    public String address() {
        return address;
    }
}
