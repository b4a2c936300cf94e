package dev.keel.migrate.shadow;

import dev.keel.check.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * What the shadow analysis found.
 *
 * @param findings shadow findings, beside the static ones
 * @param fill what filling the shadow with synthetic rows did ({@link FillReport#none()} at scale 0)
 * @param eventTrigger whether the event trigger ran; without it DDL outside a transaction shows only the locks it waited for
 */
/**
 * @param targetMajor the target server's major version
 * @param shadowMajor the shadow server's: where they differ, so can locks and rewrites
 */
public record ShadowResult(
        List<Finding> findings, FillReport fill, boolean eventTrigger, int targetMajor, int shadowMajor) {

    /** Lines worth telling the user on stderr: skipped or capped tables, a missing event trigger. */
    public List<String> warnings() {
        List<String> lines = new ArrayList<>();
        if (targetMajor != shadowMajor) {
            lines.add("shadow: the shadow ran on PostgreSQL " + shadowMajor + " but the target runs " + targetMajor
                    + ": some locks and rewrites differ between versions; for the target's own behaviour give --shadow-url a PostgreSQL "
                    + targetMajor + " server");
        }
        fill.warnings().forEach(w -> lines.add("shadow: " + w));
        if (!eventTrigger) {
            lines.add(
                    "shadow: the shadow server's user may not create event triggers (superuser only): DDL run outside a transaction"
                            + " shows only the locks it had to wait for");
        }
        return lines;
    }
}
