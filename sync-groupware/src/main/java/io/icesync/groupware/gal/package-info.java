/**
 * The Global Address List (F6.3): the contacts of the user's chosen address books and of the shared
 * and public ones, searched by prefix and shown in the guide's four display orders
 * ({@link io.icesync.groupware.gal.AddressList}, {@link io.icesync.groupware.gal.DisplayOrder}).
 */
package io.icesync.groupware.gal;
