/**
 * An embedded IceWarp-like server for tests. Not filled yet: see the testkit issue.
 */
package io.icesync.testkit;
