package dev.keel.flags;

/** keel flags get NAME. */
public record FlagGetResult(String database, Flag flag) {}
