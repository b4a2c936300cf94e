package dev.keel.backup.stream;

/**
 * What IDENTIFY_SYSTEM answers.
 *
 * @param systemId the cluster's system identifier as text (an unsigned 64-bit number)
 * @param flushLsn how far the server has flushed WAL
 */
public record ServerIdentity(String systemId, int timeline, long flushLsn) {}
