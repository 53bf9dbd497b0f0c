/**
 * Account discovery from an e-mail address (F1). Not filled yet: see the SmartDiscover issue.
 */
package io.icesync.smartdiscover;
