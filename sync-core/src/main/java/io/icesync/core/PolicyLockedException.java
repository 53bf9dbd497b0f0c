package io.icesync.core;

/** The administrator's policy fixes this setting (F10.2); the client may not change it. */
public class PolicyLockedException extends IceSyncException {
    private static final long serialVersionUID = 1L;
    private final String setting;

    public PolicyLockedException(String setting, String level) {
        super(setting + " is locked by the " + level + " policy and cannot be changed");
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
