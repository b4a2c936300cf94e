package dev.keel.agent.alert;

import dev.keel.doctor.DoctorReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What one doctor report changes, against the alerts already open: conditions new to it open, open ones due a
 * reminder (or grown more severe) are sent again, open ones the report no longer shows resolve. Decided apart from the table and the
 * webhooks, so the rules read in one place.
 *
 * @param reminded the open alerts due a reminder, each with what the report says of it now
 */
public record AlertPlan(List<AlertCondition> opened, List<OpenAlert> reminded, List<OpenAlert> resolved) {

    public static AlertPlan of(
            Collection<OpenAlert> open,
            Map<String, AlertCondition> conditions,
            DoctorReport report,
            Instant now,
            Duration remind) {
        List<AlertCondition> opened = new ArrayList<>();
        List<OpenAlert> reminded = new ArrayList<>();
        List<OpenAlert> resolved = new ArrayList<>();
        Map<String, OpenAlert> byKey = open.stream().collect(Collectors.toMap(OpenAlert::key, a -> a, (a, b) -> a));
        conditions.forEach((key, condition) -> {
            OpenAlert alert = byKey.get(key);
            if (alert == null) {
                opened.add(condition);
            } else if (!now.isBefore(alert.lastSent().plus(remind)) || worse(condition, alert)) {
                reminded.add(new OpenAlert(condition, alert.opened(), alert.lastSent()));
            }
        });
        for (OpenAlert alert : open) {
            if (!conditions.containsKey(alert.key())
                    && !AlertConditions.unknown(report, alert.condition().check(), alert.key())) {
                resolved.add(alert);
            }
        }
        return new AlertPlan(List.copyOf(opened), List.copyOf(reminded), List.copyOf(resolved));
    }

    /** A condition grown more severe than the alert last said is told at once, not at the next reminder. */
    private static boolean worse(AlertCondition now, OpenAlert sent) {
        return now.severity().compareTo(sent.condition().severity()) < 0;
    }

    public boolean empty() {
        return opened.isEmpty() && reminded.isEmpty() && resolved.isEmpty();
    }
}
