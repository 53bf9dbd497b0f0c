package io.icesync.core;

/** A setting was given a value outside its bounds, or could not be read. Names the setting, the value and the bound. */
public class InvalidSettingException extends IceSyncException {
    private static final long serialVersionUID = 1L;
    private final String setting;

    public InvalidSettingException(String setting, String message) {
        super(setting + ": " + message);
        this.setting = setting;
    }

    public InvalidSettingException(String setting, String message, Throwable cause) {
        super(setting + ": " + message, cause);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
