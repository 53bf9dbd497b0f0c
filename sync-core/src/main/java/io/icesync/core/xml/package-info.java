/**
 * XML parsing safe against XXE and entity expansion ({@link io.icesync.core.xml.SafeDom}), for the
 * formats servers send (IceWarp's API, Kolab objects).
 */
package io.icesync.core.xml;
