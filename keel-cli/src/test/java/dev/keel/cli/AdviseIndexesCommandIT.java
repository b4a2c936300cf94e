package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.testing.TestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/** keel advise indexes: one JSON document, the migration file --apply-to writes, and keel migrate applying it. */
class AdviseIndexesCommandIT extends ProjectOnCluster {

    AdviseIndexesCommandIT(TestCluster cluster) {
        super(cluster);
    }

    @Test
    void writesTheProposalAsTheNextMigrationWhichKeelMigrateApplies() throws Exception {
        assertThat(keel("migrate").exitCode()).isZero();
        cluster.execute(db, """
                INSERT INTO users SELECT g FROM generate_series(1, 400) g;
                INSERT INTO orders SELECT g, 1 + g % 400 FROM generate_series(1, 4000) g;
                ANALYZE users;
                ANALYZE orders;
                """);
        try (Connection c = cluster.connect(db);
                PreparedStatement s = c.prepareStatement("SELECT id FROM orders WHERE user_id = ?")) {
            for (int i = 0; i < 200; i++) {
                s.setLong(1, 1 + i % 400);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(1);
                    }
                }
            }
        }

        JsonNode out = json("advise", "indexes", "--apply-to", "db/migrations", "--json");

        JsonNode proposal = out.get("advice").get("proposals").get(0);
        assertThat(proposal.get("columns").get(0).asText()).isEqualTo("user_id");
        assertThat(out.get("advice").get("health").findValuesAsText("kind")).contains("FOREIGN_KEY_WITHOUT_INDEX");
        assertThat(out.get("written")).hasSize(1);
        Path file = project.dir().resolve(out.get("written").get(0).asText());
        assertThat(file.getFileName().toString()).isEqualTo("V3__index_orders_user_id.sql");
        assertThat(Files.readString(file)).contains("CREATE INDEX CONCURRENTLY IF NOT EXISTS \"orders_user_id_idx\"");

        Cli.Run migrate = keel("migrate");
        assertThat(migrate.exitCode()).as(migrate.stderr()).isZero();
        assertThat(cluster.queryString(db, "SELECT indexdef FROM pg_indexes WHERE indexname = 'orders_user_id_idx'"))
                .contains("(user_id)");

        Cli.Run text = keel("advise", "indexes");
        assertThat(text.exitCode()).as(text.stderr()).isZero();
        assertThat(text.stdout()).contains("Index advice for the").contains("No index to add.");
    }

    @Test
    void freshStatisticsAreTooEarlyToJudgeAndAnIndexUnderAForeignKeyIsNeverDropped() throws Exception {
        assertThat(keel("migrate").exitCode()).isZero();
        cluster.execute(
                db,
                "CREATE INDEX orders_user ON orders (user_id); CREATE INDEX orders_user_id_id ON orders (id, user_id)");

        Cli.Run text = keel("advise", "indexes");
        assertThat(text.exitCode()).as(text.stderr()).isZero();
        assertThat(text.stdout())
                .contains("note: too early to judge whether 1 index with no scan is unused (public.orders_user_id_id)")
                .contains("advise.unusedAfter asks for 7d")
                .contains("Too early to call unused")
                .doesNotContain("DROP INDEX");

        JsonNode early = json("advise", "indexes", "--json").get("advice");
        assertThat(early.get("unusedAfterSeconds").asLong()).isEqualTo(7 * 86_400L);
        assertThat(early.get("tooEarly").findValuesAsText("index")).containsExactly("orders_user_id_id");
        assertThat(early.get("tooEarly").get(0).get("judgeableAt").asText()).isNotEmpty();

        project.config("""
                advise:
                  unusedAfter: 0s
                """);
        JsonNode judged = json("advise", "indexes", "--json").get("advice");
        assertThat(judged.get("tooEarly")).isEmpty();
        assertThat(judged.get("health").findValuesAsText("index"))
                .contains("orders_user_id_id")
                .doesNotContain("orders_user", "orders_pkey");
    }
}
