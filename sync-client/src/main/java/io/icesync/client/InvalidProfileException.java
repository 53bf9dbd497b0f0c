package io.icesync.client;

import io.icesync.core.InvalidSettingException;
import java.nio.file.Path;

/**
 * A profile ({@code profile.json}) that cannot be used: not JSON, a missing or unknown field, a value
 * of the wrong type or out of bounds. The message names the file and the field, e.g.
 * {@code /home/jean/mail/profile.json: imap.port: expected a port number 1..65535, got "143x"}.
 */
public class InvalidProfileException extends InvalidSettingException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;

    /**
     * @param file  the profile file, or null when the JSON did not come from a file
     * @param field the JSON field, dotted ({@code imap.port}, {@code settings.standardIntervalMinutes}),
     *              or {@code ""} for the document as a whole
     * @param message what is wrong with the field, without the file and field names
     * @param cause   what reading it met, or null
     */
    public InvalidProfileException(Path file, String field, String message, Throwable cause) {
        super(field, message, cause);
        this.file = file;
    }

    /**
     * The profile file.
     *
     * @return the file, or null when the JSON did not come from a file
     */
    public Path file() {
        return file;
    }

    /**
     * The JSON field at fault.
     *
     * @return the field, dotted ({@code imap.port}); {@code ""} for the whole document
     */
    public String field() {
        return setting();
    }

    @Override
    public String getMessage() {
        String m = super.getMessage();
        if (setting().isEmpty() && m.startsWith(": ")) {
            m = m.substring(2);
        }
        return (file == null ? "profile" : file.toString()) + ": " + m;
    }
}
