package dev.keel.ddl;

/** A session that holds a lock another session waits for, as pg_stat_activity showed it. */
public record Blocker(int pid, String application, String state, long ageSeconds, String query) {
    @Override
    public String toString() {
        return "pid " + pid + " (" + application + ", " + state + " for " + ageSeconds + "s): " + query;
    }
}
