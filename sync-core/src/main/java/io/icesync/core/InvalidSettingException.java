package io.icesync.core;

/** A setting was given a value outside its bounds, or could not be read. Names the setting, the value and the bound. */
public class InvalidSettingException extends IceSyncException {
    private static final long serialVersionUID = 1L;
    /** The setting's name. */
    private final String setting;

    /**
     * Creates the exception; the message is {@code setting: message}.
     *
     * @param setting the setting's name, as the user knows it
     * @param message the value and the bound it broke
     */
    public InvalidSettingException(String setting, String message) {
        super(setting + ": " + message);
        this.setting = setting;
    }

    /**
     * Creates the exception with its cause; the message is {@code setting: message}.
     *
     * @param setting the setting's name, as the user knows it
     * @param message the value and the bound it broke
     * @param cause   why the value could not be read, or null
     */
    public InvalidSettingException(String setting, String message, Throwable cause) {
        super(setting + ": " + message, cause);
        this.setting = setting;
    }

    /**
     * The setting that was refused.
     *
     * @return its name
     */
    public String setting() {

        return setting;
    }
}
