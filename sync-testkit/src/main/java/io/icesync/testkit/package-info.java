/**
 * An embedded IceWarp-like server for tests, on real loopback ports: IMAP with IceWarp's extensions
 * ({@link io.icesync.testkit.IceWarpServer}, {@link io.icesync.testkit.IceWarpTest} for JUnit 5),
 * POP3, SMTP submission, WebDAV, SmartDiscover, the XML API, free/busy and DNS; scripted faults
 * ({@link io.icesync.testkit.Faults}, {@link io.icesync.testkit.WebDavFaults}); {@link io.icesync.testkit.CrashPoints}
 * to kill a sync at each write; and {@link io.icesync.testkit.Peers} to find the real peer servers
 * the interop tests use.
 */
package io.icesync.testkit;
