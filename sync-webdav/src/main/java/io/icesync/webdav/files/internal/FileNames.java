package io.icesync.webdav.files.internal;

/** Rules for document file names shared by both stores. */
public final class FileNames {
    private FileNames() {
    }

    /** Whether a name can be a document on both sides: not empty, no '/', not '.' or '..', not IceSync's own. */
    public static boolean usable(String name) {
        return name != null && !name.isEmpty() && name.indexOf('/') < 0 && name.indexOf('\\') < 0
                && name.indexOf('\0') < 0 && !name.equals(".") && !name.equals("..") && !isOwn(name);
    }

    /** IceSync's bookkeeping files ({@code .icesync-...}) are never documents. */
    public static boolean isOwn(String name) {
        return name.startsWith(".icesync");
    }

    /** The n-th alternative to a taken name: {@code report (2).pdf} for n = 2, the extension kept. */
    public static String alternative(String name, int n) {
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return name + " (" + n + ")";
        }
        return name.substring(0, dot) + " (" + n + ")" + name.substring(dot);
    }

    /** A name for content that came without one. */
    public static String fallback(long uid) {
        return "document-" + (uid > 0 ? Long.toString(uid) : Long.toHexString(System.nanoTime()));
    }
}
