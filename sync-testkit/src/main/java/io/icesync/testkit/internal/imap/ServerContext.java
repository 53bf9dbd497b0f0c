package io.icesync.testkit.internal.imap;

import io.icesync.testkit.Faults;
import io.icesync.testkit.MailServerModel;
import io.netty.handler.ssl.SslContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** What every session of one server shares. */
record ServerContext(MailServerModel model, Set<String> disabledCapabilities, SslContext tls, long maxLiteral,
                     Faults faults, Consumer<String> trace, List<String> connectorGreetings,
                     Map<String, String> serverMetadata) {

    boolean offers(String capability) {
        return !disabledCapabilities.contains(capability);
    }
}
