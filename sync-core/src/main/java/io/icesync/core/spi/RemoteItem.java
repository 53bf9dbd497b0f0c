package io.icesync.core.spi;

import io.icesync.core.Flags;
import java.time.Instant;

/**
 * What a listing says of one server item. {@code messageId} is filled only when asked for
 * (see {@link RemoteStore#changes}); {@code size} is the RFC 822 size in bytes.
 */
public record RemoteItem(long uid, Flags flags, long size, Instant internalDate, String messageId) {
}
