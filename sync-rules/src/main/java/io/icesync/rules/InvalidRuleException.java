package io.icesync.rules;

import io.icesync.core.InvalidSettingException;

/** A rule, forwarding or responder setting that cannot be: the field and what is wrong with it. */
public final class InvalidRuleException extends InvalidSettingException {
    public InvalidRuleException(String field, String message) {
        super(field, message, null);
    }
}
