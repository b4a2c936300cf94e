package dev.keel.flags;

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

/** keel.flags and keel.flag_history, in keel's state schema, created on first use. */
public final class FlagTables {
    /** The channel every change is announced on; the payload is the schema, so clients of another schema can skip it. */
    public static final String CHANNEL = "keel_flags";

    private final String schema;

    public FlagTables(String schema) {
        this.schema = schema;
    }

    public String schema() {
        return schema;
    }

    public String flags() {
        return Identifiers.qualified(schema, "flags");
    }

    public String history() {
        return Identifiers.qualified(schema, "flag_history");
    }

    /** The values this package's SQL resources take, identifiers quoted. */
    Map<String, String> names() {
        return Map.of(
                "flags", flags(),
                "history", history(),
                "notify", Identifiers.qualified(schema, "flags_notify"),
                "schemaText", Identifiers.literal(schema));
    }

    /** Whether the tables exist; a role without USAGE on the schema is told which grant it needs. */
    public boolean exist(Connection c) throws SQLException {
        SchemaAccess.read(c, schema).requireUsage("keel's feature flags");
        try (PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, flags());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * Creates the tables when missing, and the schema only when that is missing too: a role that may create in a
     * schema prepared for it needs no CREATE on the database. Two first writers wait for each other on an advisory
     * lock and the second finds the tables made.
     */
    public void ensureExist(Connection c) throws SQLException {
        if (exist(c)) {
            return;
        }
        CallerTransaction.run(c, () -> {
            try (Statement s = c.createStatement()) {
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                    lock.setString(1, "keel flags " + schema);
                    lock.execute();
                }
                if (!exist(c)) {
                    SchemaAccess access = SchemaAccess.read(c, schema);
                    access.requireCreate("keel's feature flag tables");
                    Map<String, String> names = new HashMap<>(names());
                    names.put(
                            "createSchema",
                            access.exists() ? "" : "CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema) + ";");
                    s.execute(SqlResources.load(FlagTables.class, "flags-create.sql", names));
                }
            }
            return null;
        });
    }
}
