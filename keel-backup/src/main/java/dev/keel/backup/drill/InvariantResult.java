package dev.keel.backup.drill;

/** One of the user's invariant queries and what it returned on the restored cluster. */
public record InvariantResult(String query, boolean passed, String detail) {}
