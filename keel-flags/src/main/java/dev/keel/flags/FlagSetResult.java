package dev.keel.flags;

/**
 * keel flags set: the flag before (null when the command created it) and after, and the history row that records
 * who changed it and when. Clients see the change when the command's transaction commits.
 */
public record FlagSetResult(String database, Flag before, Flag after, FlagChange change) {}
