/**
 * iCalendar and vCard mapping of groupware items (F6). Not filled yet: see the groupware issue.
 */
package io.icesync.groupware;
