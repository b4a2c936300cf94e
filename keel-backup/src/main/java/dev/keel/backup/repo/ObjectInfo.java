package dev.keel.backup.repo;

/** One stored object: its name inside the repository and its stored size in bytes. */
public record ObjectInfo(String name, long size) {}
