/**
 * WebDAV client and SmartAttach downloads (F7). Not filled yet: see the WebDAV issue.
 */
package io.icesync.webdav;
