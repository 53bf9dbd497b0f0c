/**
 * Server-side tools (F9): {@link io.icesync.rules.RuleSet} holds the ordered rules with their
 * {@link io.icesync.rules.Condition}s and {@link io.icesync.rules.Action}s, forwarding and the
 * auto-responder; {@link io.icesync.rules.RulesJson} reads and writes the documented file format
 * ({@code docs/rules-format.md}); {@link io.icesync.rules.DryRun} shows what the server would do with a
 * message; {@link io.icesync.rules.SieveRulesProvider} stores them as Sieve over ManageSieve. The
 * IceWarp API provider is to come.
 */
package io.icesync.rules;
