package dev.keel.agent.metrics;

/**
 * The {@code server} label postgres_exporter 0.11 puts on its pg_* metrics: host:port, never a user, password or
 * database URL. Keel's connection sources describe themselves as host:port/database.
 */
final class ServerLabel {
    private ServerLabel() {}

    static String of(String description) {
        if (description == null) {
            return "";
        }
        int slash = description.indexOf('/');
        String hostPort = slash < 0 ? description : description.substring(0, slash);
        // A description is meant to be free of secrets; a user@ part is cut all the same, whoever wrote it.
        int at = hostPort.lastIndexOf('@');
        return at < 0 ? hostPort : hostPort.substring(at + 1);
    }
}
