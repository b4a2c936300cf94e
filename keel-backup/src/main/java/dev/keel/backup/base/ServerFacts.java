package dev.keel.backup.base;

/** What the server says about itself before a backup starts. */
public record ServerFacts(
        String version, int versionNum, String systemIdentifier, long walSegmentSize, boolean inRecovery) {
    public int majorVersion() {
        return versionNum / 10000;
    }
}
