package dev.keel.agent.dashboard;

import dev.keel.agent.alert.Delivery;
import dev.keel.agent.alert.DeliveryRecords;
import dev.keel.agent.http.AgentStatus;
import dev.keel.agent.jobs.JobName;
import dev.keel.agent.jobs.RunRecord;
import dev.keel.config.Durations;
import dev.keel.connect.ConnectionSource;
import dev.keel.error.KeelException;
import dev.keel.insight.InsightError;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code /jobs}: replication lag and slots, each job's newest runs with their outcome and figures, then the latest
 * alert deliveries, failed ones and their retries included: the leading agent's, from keel's schema, on every agent.
 */
public final class JobsPage extends DashboardPage {
    static final int RUNS_PER_JOB = 5;
    static final int DELIVERIES = 20;

    private final ConnectionSource connections;
    private final RecentRuns runs;
    private final DeliveryRecords deliveries;
    private final Supplier<AgentStatus> status;

    /** @param connections read-only ones (see {@link ReadOnlyConnections}) */
    public JobsPage(ConnectionSource connections, String schema, Supplier<AgentStatus> status, Clock clock) {
        super(clock);
        this.connections = connections;
        this.runs = new RecentRuns(schema);
        this.deliveries = new DeliveryRecords(schema);
        this.status = status;
    }

    @Override
    public String path() {
        return "/jobs";
    }

    @Override
    public String title() {
        return "Replication and jobs";
    }

    @Override
    protected String body(Map<String, String> query) {
        StringBuilder out = new StringBuilder();
        AgentStatus agent = status.get();
        out.append("<p>This agent is the <strong>")
                .append(Html.escape(agent.role()))
                .append("</strong>; the database is ")
                .append(Html.escape(agent.database()))
                .append(
                        agent.running().isEmpty()
                                ? "; no job runs now"
                                : "; running now: " + Html.escape(String.join(", ", agent.running())))
                .append(
                        agent.role().equals("standby")
                                ? ". It runs no job while it stands by: the runs below are the leading agent's.</p>\n"
                                : ".</p>\n");
        try (Connection c = connections.open()) {
            Replication replication = Replication.read(c);
            senders(out, replication.senders());
            slots(out, replication.slots());
            jobs(out, runs.read(c, RUNS_PER_JOB));
            deliveries(out, deliveries.recent(c, DELIVERIES));
        } catch (SQLException e) {
            throw new KeelException(
                    InsightError.QUERY_FAILED,
                    "closing the connection to " + connections.describe() + " failed: " + e.getMessage(),
                    "reload the page",
                    e);
        }
        return out.toString();
    }

    private static void deliveries(StringBuilder out, List<Delivery> attempts) {
        out.append("<h2>Alert deliveries</h2>\n");
        if (attempts.isEmpty()) {
            out.append("<p>No alert was sent yet: the leading agent records each delivery attempt here.</p>\n");
            return;
        }
        out.append("<table class=\"deliveries\">\n<tr><th>Time</th><th>Webhook</th><th>Event</th><th>Alert</th>"
                + "<th>Attempt</th><th>Outcome</th><th>Detail</th></tr>\n");
        for (Delivery d : attempts) {
            String outcome = d.outcome().label();
            out.append("<tr><td>")
                    .append(Html.escape(Layout.when(d.time())))
                    .append("</td><td>")
                    .append(Html.escape(d.webhook() + " (" + d.where() + ")"))
                    .append("</td><td>")
                    .append(Html.escape(d.event()))
                    .append("</td><td>")
                    .append(Html.escape(d.key()))
                    .append("</td><td>")
                    .append(d.attempt())
                    .append("</td><td><span class=\"badge ")
                    .append(d.failed() ? "failed" : "ok")
                    .append("\">")
                    .append(Html.escape(outcome))
                    .append("</span></td><td>")
                    .append(Html.escape(d.detail() == null ? "" : d.detail()))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static void senders(StringBuilder out, List<Replication.Sender> senders) {
        out.append("<h2>Replication</h2>\n");
        if (senders.isEmpty()) {
            out.append("<p>No standby or WAL receiver is connected.</p>\n");
            return;
        }
        out.append("<table class=\"replication\">\n<tr><th>Application</th><th>Client</th><th>State</th><th>Sync</th>"
                + "<th>Behind</th><th>Write lag</th><th>Flush lag</th><th>Replay lag</th></tr>\n");
        for (Replication.Sender s : senders) {
            out.append("<tr><td>")
                    .append(Html.escape(s.application()))
                    .append("</td><td>")
                    .append(Html.escape(s.client()))
                    .append("</td><td>")
                    .append(Html.escape(s.state()))
                    .append("</td><td>")
                    .append(Html.escape(s.syncState()))
                    .append("</td><td>")
                    .append(Html.escape(s.lagBytes() == null ? "-" : Bytes.human(s.lagBytes())))
                    .append("</td><td>")
                    .append(Html.escape(seconds(s.writeLagSeconds())))
                    .append("</td><td>")
                    .append(Html.escape(seconds(s.flushLagSeconds())))
                    .append("</td><td>")
                    .append(Html.escape(seconds(s.replayLagSeconds())))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static void slots(StringBuilder out, List<Replication.Slot> slots) {
        out.append("<h2>Replication slots</h2>\n");
        if (slots.isEmpty()) {
            out.append("<p>No replication slot.</p>\n");
            return;
        }
        out.append("<table class=\"slots\">\n<tr><th>Slot</th><th>Type</th><th>Database</th><th>Active</th>"
                + "<th>WAL status</th><th>WAL held back</th></tr>\n");
        for (Replication.Slot s : slots) {
            out.append("<tr><td>")
                    .append(Html.escape(s.name()))
                    .append("</td><td>")
                    .append(Html.escape(s.type()))
                    .append("</td><td>")
                    .append(Html.escape(s.database()))
                    .append("</td><td>")
                    .append(s.active() ? "yes" : "<span class=\"badge warning\">inactive</span>")
                    .append("</td><td>")
                    .append(Html.escape(s.walStatus()))
                    .append("</td><td>")
                    .append(Html.escape(s.retainedBytes() == null ? "-" : Bytes.human(s.retainedBytes())))
                    .append("</td></tr>\n");
        }
        out.append("</table>\n");
    }

    private static void jobs(StringBuilder out, Map<JobName, List<RunRecord>> byJob) {
        out.append("<h2>Jobs</h2>\n");
        if (byJob.isEmpty()) {
            out.append("<p>No job has run yet: the leading agent records each run here.</p>\n");
            return;
        }
        out.append("<table class=\"jobs\">\n<tr><th>Job</th><th>Started</th><th>Took</th><th>Outcome</th>"
                + "<th>Figures</th><th>Error</th></tr>\n");
        byJob.forEach((job, runs) -> {
            for (RunRecord r : runs) {
                String outcome = r.outcome().text();
                out.append("<tr><td>")
                        .append(Html.escape(job.key()))
                        .append("</td><td>")
                        .append(Html.escape(Layout.when(r.started())))
                        .append("</td><td>")
                        .append(Html.escape(
                                r.finished() == null
                                        ? "-"
                                        : Durations.rounded(Duration.between(r.started(), r.finished()))))
                        .append("</td><td><span class=\"badge ")
                        .append(Html.escape(outcome))
                        .append("\">")
                        .append(Html.escape(outcome))
                        .append("</span></td><td>")
                        .append(Html.escape(r.figures().entrySet().stream()
                                .map(e -> e.getKey() + "=" + e.getValue())
                                .collect(Collectors.joining(", "))))
                        .append("</td><td>")
                        .append(Html.escape(r.error() == null ? "" : r.error()))
                        .append("</td></tr>\n");
            }
        });
        out.append("</table>\n");
    }

    private static String seconds(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.1f s", value);
    }
}
