/**
 * The facade most apps use (F10): {@link io.icesync.client.IceSync} creates and opens a profile folder
 * ({@code profile.json}, {@code secrets.json}, {@code state.db}, {@code mail/}, {@code groupware/}), syncs
 * it once or on the schedules ({@link io.icesync.client.ScheduledSync}) and reports its state without the
 * lock ({@link io.icesync.client.ProfileStatus}, {@link io.icesync.client.LastCycle}).
 * {@link io.icesync.client.Profile} is the account, server, accepted certificates, settings and folder
 * kinds a folder keeps. Everything in {@code io.icesync.client.internal} may change without notice.
 */
package io.icesync.client;
