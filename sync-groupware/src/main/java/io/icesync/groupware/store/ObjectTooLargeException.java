package io.icesync.groupware.store;

import io.icesync.core.StoreException;
import java.util.Locale;

/**
 * A groupware object (a contact with a large photo, an event with attachments inside) is larger than
 * the vdir keeps: it is never read whole into memory. The item fails alone; the rest of the sync goes
 * on. {@link VdirLocalStore#VdirLocalStore(java.nio.file.Path, java.util.function.Function, long)} sets the limit.
 */
public final class ObjectTooLargeException extends StoreException {
    private static final long serialVersionUID = 1L;
    /** @serial the limit in bytes */
    private final long limit;

    /**
     * @param what  the object, for the message
     * @param limit the vdir store's limit in bytes
     */
    public ObjectTooLargeException(String what, long limit) {
        super(String.format(Locale.ROOT, "%s is larger than the %.1f MB a groupware object may have here (the vdir"
                + " store's maxObjectBytes)", what, limit / 1048576.0), null);
        this.limit = limit;
    }

    /** {@return the vdir store's limit in bytes} */
    public long limit() {
        return limit;
    }
}
