/**
 * The model every module shares: {@link io.icesync.core.Account}, {@link io.icesync.core.Endpoint},
 * {@link io.icesync.core.Folder} with its {@link io.icesync.core.FolderPath}, {@link io.icesync.core.FolderKind}
 * and {@link io.icesync.core.Rights}, {@link io.icesync.core.Flags}; categories as keywords
 * ({@link io.icesync.core.CategoryKeywords}); how to reach a service ({@link io.icesync.core.ServiceAccess} with
 * {@link io.icesync.core.Timeouts} and {@link io.icesync.core.ProxyChoice}, filled by a client builder's
 * {@link io.icesync.core.AccessBuilder} part); and the exception hierarchy rooted at
 * {@link io.icesync.core.IceSyncException}. Everything in {@code io.icesync.core.internal} may change
 * without notice.
 */
package io.icesync.core;
