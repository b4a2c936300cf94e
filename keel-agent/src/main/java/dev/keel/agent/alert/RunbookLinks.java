package dev.keel.agent.alert;

/**
 * Where an alert's reader finds the runbook: {@code alerts.runbookUrl}/&lt;check&gt;.md when set (the project's
 * docs/runbooks on its Git host, say), else the path inside the project, which a reader with the repository opens.
 */
public record RunbookLinks(String base) {

    public static RunbookLinks none() {
        return new RunbookLinks(null);
    }

    /** A link for {@code runbook} (docs/runbooks/&lt;check&gt;.md), or the path itself without a base. */
    public String of(String runbook) {
        if (runbook == null || base == null) {
            return runbook;
        }
        String page = runbook.substring(runbook.lastIndexOf('/') + 1);
        return (base.endsWith("/") ? base : base + "/") + page;
    }

    /** Whether {@link #of} gives a URL a chat client can open. */
    public boolean linked() {
        return base != null;
    }
}
