package io.icesync.groupware.store;

import io.icesync.core.FolderKind;

/**
 * Reads whatever a folder holds (Kolab format 3 objects and one-object MIME messages side by side)
 * and writes new versions in the form its folder was given: {@link MimeItemCodec} by default.
 */
public final class AutoItemCodec implements ItemCodec {
    private final ItemCodec writer;
    private final KolabItemCodec kolab = new KolabItemCodec();
    private final MimeItemCodec mime = new MimeItemCodec();

    /** Reads both forms, writes MIME. */
    public AutoItemCodec() {
        this(new MimeItemCodec());
    }

    /**
     * Reads both forms, writes with {@code writer}.
     *
     * @param writer the codec that writes new messages
     */
    public AutoItemCodec(ItemCodec writer) {
        this.writer = writer;
    }

    @Override
    public String name() {
        return "auto/" + writer.name();
    }

    @Override
    public LocalObject decode(FolderKind kind, byte[] message) {
        return KolabItemCodec.isKolab(message) ? kolab.decode(kind, message) : mime.decode(kind, message);
    }

    @Override
    public byte[] encode(FolderKind kind, LocalObject object) {
        return writer.encode(kind, object);
    }
}
