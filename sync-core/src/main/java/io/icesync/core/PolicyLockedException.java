package io.icesync.core;

/** The administrator's policy fixes this setting (F10.2); the client may not change it. */
public class PolicyLockedException extends IceSyncException {
    private static final long serialVersionUID = 1L;
    /** The locked setting's name. */
    private final String setting;

    /**
     * Creates the exception.
     *
     * @param setting the locked setting's name
     * @param level   the policy level that fixes it, as the message says it
     */
    public PolicyLockedException(String setting, String level) {
        super(setting + " is locked by the " + level + " policy and cannot be changed");
        this.setting = setting;
    }

    /**
     * The setting the policy fixes.
     *
     * @return its name
     */
    public String setting() {

        return setting;
    }
}
