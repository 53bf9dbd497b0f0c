/**
 * The one reader of XML from servers ({@link io.icesync.core.xml.SafeDom}): safe against XXE and
 * entity expansion, bounded in size and depth ({@link io.icesync.core.xml.XmlLimits}), for every
 * format IceSync reads (IceWarp's API, Kolab objects, WebDAV multistatus, Autodiscover, autoconfig).
 */
package io.icesync.core.xml;
