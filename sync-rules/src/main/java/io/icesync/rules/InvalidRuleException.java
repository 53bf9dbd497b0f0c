package io.icesync.rules;

import io.icesync.core.InvalidSettingException;

/** A rule, forwarding or responder setting that cannot be: the field and what is wrong with it. */
public final class InvalidRuleException extends InvalidSettingException {
    /**
     * A setting that cannot be.
     *
     * @param field   the field in error, e.g. {@code values} or a file name
     * @param message what is wrong with it
     */
    public InvalidRuleException(String field, String message) {
        super(field, message, null);
    }
}
