/**
 * Server-side rules, forwarding and auto-responder (F9). Not filled yet: see the rules issue.
 */
package io.icesync.rules;
