/**
 * What every mail-protocol client of IceSync (SMTP, POP3) sets up alike, without depending on a mail
 * library: the session properties of one connection ({@link io.icesync.core.mail.MailSession}) and the
 * reading of a failed connection's causes ({@link io.icesync.core.mail.MailFailures}).
 */
package io.icesync.core.mail;
