package dev.keel.change.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionCopyTriggerTest {
    private static final PartitionCopyTrigger EVENTS = new PartitionCopyTrigger(
            "keel", "public", "events", "events_keel_part", List.of("id", "at"), List.of("id", "at", "note"), false);

    @Test
    void anUpdateThatChangesTheKeyMovesTheRowAndOthersAreUpserted() {
        String sql = EVENTS.create().sql();
        assertThat(sql)
                .contains("SECURITY DEFINER SET search_path = pg_catalog, pg_temp")
                .contains("IF (OLD.\"id\", OLD.\"at\") IS DISTINCT FROM (NEW.\"id\", NEW.\"at\") THEN")
                .contains(
                        "DELETE FROM \"public\".\"events_keel_part\" WHERE \"id\" = OLD.\"id\" AND \"at\" = OLD.\"at\";")
                .contains("INSERT INTO \"public\".\"events_keel_part\" (\"id\", \"at\", \"note\") VALUES (NEW.\"id\","
                        + " NEW.\"at\", NEW.\"note\") ON CONFLICT (\"id\", \"at\") DO UPDATE SET \"note\" ="
                        + " EXCLUDED.\"note\";")
                .contains("AFTER INSERT OR UPDATE OR DELETE ON \"public\".\"events\" FOR EACH ROW EXECUTE FUNCTION"
                        + " \"keel\".\"_keel_part_public_events\"()");
    }

    @Test
    void aTableOfKeyColumnsOnlyHasNothingToUpdate() {
        PartitionCopyTrigger keys = new PartitionCopyTrigger(
                "keel", "public", "tags", "tags_keel_part", List.of("id", "at"), List.of("id", "at"), true);
        assertThat(keys.create().sql())
                .contains("OVERRIDING SYSTEM VALUE")
                .contains("ON CONFLICT (\"id\", \"at\") DO NOTHING");
    }

    @Test
    void dropTakesTheTriggerWithItsFunction() {
        assertThat(EVENTS.drop().sql())
                .isEqualTo("DROP FUNCTION IF EXISTS \"keel\".\"_keel_part_public_events\"() CASCADE");
    }
}
