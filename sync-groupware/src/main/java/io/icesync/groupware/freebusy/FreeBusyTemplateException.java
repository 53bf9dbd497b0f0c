package io.icesync.groupware.freebusy;

/** The free/busy URL template cannot give a usable URL; the message names the template and the problem. */
public class FreeBusyTemplateException extends FreeBusyException {
    private static final long serialVersionUID = 1L;
    /** @serial the template as given */
    private final String template;

    /**
     * @param template the template as given
     * @param problem  what is wrong with it, completing "the template '...' "
     */
    public FreeBusyTemplateException(String template, String problem) {
        super("the free/busy URL template '" + template + "' " + problem, null, null);
        this.template = template;
    }

    /** {@return the template as given} */
    public String template() {
        return template;
    }
}
