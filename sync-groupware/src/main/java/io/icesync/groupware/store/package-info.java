/**
 * Groupware folders on disk and over IMAP: {@link io.icesync.groupware.store.VdirLocalStore} keeps one
 * file per contact, event, task or note (vdir), {@link io.icesync.groupware.store.GroupwareLocalStore}
 * puts mail in a Maildir and the other kinds in the vdir, and an {@link io.icesync.groupware.store.ItemCodec}
 * ({@link io.icesync.groupware.store.AutoItemCodec} by default, {@link io.icesync.groupware.store.MimeItemCodec},
 * {@link io.icesync.groupware.store.KolabItemCodec}) carries each object in an IMAP message, or
 * {@link io.icesync.groupware.store.RawItemCodec} as its own text for a CalDAV or CardDAV server.
 */
package io.icesync.groupware.store;
