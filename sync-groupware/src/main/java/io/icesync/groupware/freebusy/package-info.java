/**
 * Free/busy lookups (F6.4): {@link io.icesync.groupware.freebusy.FreeBusyTemplate} expands the server's
 * URL template for an address, {@link io.icesync.groupware.freebusy.FreeBusyClient} fetches and reads
 * the VFREEBUSY answer into a {@link io.icesync.groupware.freebusy.FreeBusy} of non-overlapping periods.
 */
package io.icesync.groupware.freebusy;
