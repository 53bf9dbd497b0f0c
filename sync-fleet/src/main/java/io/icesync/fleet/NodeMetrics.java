package io.icesync.fleet;

/**
 * What one node did since it started.
 *
 * @param nodeId             the node's name
 * @param running            cycles running now
 * @param cycles             cycles run (good or failed)
 * @param failed             cycles failed
 * @param skipped            turns not taken: the account was held back after errors, or its server host had
 *                           no free connection on this node
 * @param cyclesLastMinute   cycles ended in the last minute
 */
public record NodeMetrics(String nodeId, int running, long cycles, long failed, long skipped, int cyclesLastMinute) {
}
