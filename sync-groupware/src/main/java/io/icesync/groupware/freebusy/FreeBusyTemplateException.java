package io.icesync.groupware.freebusy;

/** The free/busy URL template cannot give a usable URL; the message names the template and the problem. */
public class FreeBusyTemplateException extends FreeBusyException {
    private static final long serialVersionUID = 1L;
    private final String template;

    public FreeBusyTemplateException(String template, String problem) {
        super("the free/busy URL template '" + template + "' " + problem, null, null);
        this.template = template;
    }

    public String template() {
        return template;
    }
}
