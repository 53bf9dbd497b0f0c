/**
 * Account discovery from an e-mail address (F1): {@link io.icesync.smartdiscover.SmartDiscover} tries
 * IceWarp SmartDiscover (Autodiscover POX), Thunderbird autoconfig and RFC 6186 SRV records, with
 * the safety rules of F1.5, and returns the settings with the trail of every candidate tried.
 * {@link io.icesync.smartdiscover.Dns} does the MX, SRV and address lookups (dnsjava);
 * {@link io.icesync.smartdiscover.SettingsCheck} verifies an endpoint by hand (F1.4).
 */
package io.icesync.smartdiscover;
