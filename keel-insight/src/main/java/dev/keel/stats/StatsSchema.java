package dev.keel.stats;

import dev.keel.connect.SchemaAccess;
import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** Keel's snapshot tables (stat_snapshot, stat_statement, stat_table, stat_index) in keel's schema. */
public final class StatsSchema {
    private final String schema;

    public StatsSchema(String schema) {
        this.schema = schema;
    }

    public String schema() {
        return schema;
    }

    /** The values SQL resources of this package take: {@code ${schema}}, quoted; {@code ${schemaText}}, that as a string literal. */
    Map<String, String> names() {
        return Map.of(
                "schema", Identifiers.quote(schema), "schemaText", Identifiers.literal(Identifiers.quote(schema)));
    }

    public boolean exists(Connection c) throws SQLException {
        // stat_index is created last, so its presence means the whole set is there; sizes came later, and tables made
        // before them get the columns from the same script.
        try (PreparedStatement s = c.prepareStatement("/* keel stats */ SELECT to_regclass(?) IS NOT NULL AND EXISTS ("
                + "SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(?) AND attname = 'total_bytes')")) {
            s.setString(1, Identifiers.qualified(schema, "stat_index"));
            s.setString(2, Identifiers.qualified(schema, "stat_table"));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Creates what is missing, inside the caller's transaction (so a failed first snapshot leaves nothing behind). */
    public void ensureExists(Connection c) throws SQLException {
        String what = "keel's statistics snapshot tables";
        SchemaAccess access = SchemaAccess.read(c, schema);
        if (access.exists() && !access.usage()) {
            // Without USAGE even looking for the tables fails; snapshots need CREATE as well, so name both.
            access.requireCreate(what);
        }
        if (exists(c)) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute(SqlResources.load(StatsSchema.class, "stats-create.sql", creating(c, what)));
        }
    }

    /**
     * {@link #names()} plus {@code ${createSchema}}: CREATE SCHEMA only when the schema is missing,
     * since PostgreSQL refuses even "IF NOT EXISTS" to a role without CREATE on the database, and a
     * least-privilege role works in a schema prepared for it. A missing right is named with its GRANT.
     */
    Map<String, String> creating(Connection c, String what) throws SQLException {
        SchemaAccess access = SchemaAccess.read(c, schema);
        access.requireCreate(what);
        Map<String, String> names = new HashMap<>(names());
        names.put(
                "createSchema",
                access.exists() ? "" : "CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema) + ";");
        return names;
    }
}
