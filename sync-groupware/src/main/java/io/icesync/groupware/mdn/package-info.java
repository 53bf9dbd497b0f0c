/**
 * Read receipts (F6.5, RFC 8098): {@link io.icesync.groupware.mdn.ReadReceipts} decides, under a
 * {@link io.icesync.groupware.mdn.ReceiptPolicy}, whether a message read gets a receipt, asks through a
 * {@link io.icesync.groupware.mdn.ReceiptPrompt} when needed, records the answer in a
 * {@link io.icesync.groupware.mdn.ReceiptRecord} and sends the MDN with a
 * {@link io.icesync.groupware.mdn.ReceiptSender}, at most once per message.
 */
package io.icesync.groupware.mdn;
