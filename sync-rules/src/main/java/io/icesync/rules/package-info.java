/**
 * Server-side tools (F9): {@link io.icesync.rules.RuleSet} holds the ordered rules with their
 * {@link io.icesync.rules.Condition}s and {@link io.icesync.rules.Action}s, forwarding and the
 * auto-responder; {@link io.icesync.rules.RulesJson} reads and writes the documented file format
 * ({@code docs/rules-format.md}); {@link io.icesync.rules.DryRun} shows what the server would do with a
 * message; {@link io.icesync.rules.SieveExport} writes them as a Sieve script. Two
 * {@link io.icesync.rules.RulesProvider}s store and read them on a server:
 * {@link io.icesync.rules.IceWarpRulesProvider} through IceWarp's {@code /icewarpapi/} XML API and
 * {@link io.icesync.rules.SieveRulesProvider} as Sieve over ManageSieve ({@link io.icesync.rules.ManageSieve}).
 */
package io.icesync.rules;
