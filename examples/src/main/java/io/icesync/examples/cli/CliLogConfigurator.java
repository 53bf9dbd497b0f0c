package io.icesync.examples.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * logback's first configuration (found through META-INF/services): the quiet console, set in code so
 * that no XML is parsed at each start. {@code main} sets it again once it knows about -v.
 */
public final class CliLogConfigurator extends ContextAwareBase implements Configurator {
    @Override
    public ExecutionStatus configure(LoggerContext context) {
        CliLogging.console(context, false);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
