package dev.keel.connect;

import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The current role's rights on the schema keel keeps its state in. A least-privilege role may use a
 * schema an administrator created for it without having CREATE on the database; "CREATE SCHEMA IF
 * NOT EXISTS" would still fail for it, so keel creates the schema only when it is missing, and
 * when the role lacks a right it says which GRANT (or pre-created schema) fixes it.
 *
 * @param createSchemas the role has CREATE on the database, so it may create the schema itself
 */
public record SchemaAccess(
        String schema,
        boolean exists,
        boolean usage,
        boolean create,
        boolean createSchemas,
        String role,
        String database) {

    public static SchemaAccess read(Connection c, String schema) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SqlResources.load(SchemaAccess.class, "schema-access.sql"))) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new SchemaAccess(
                        schema,
                        rs.getBoolean("present"),
                        rs.getBoolean("usage"),
                        rs.getBoolean("can_create"),
                        rs.getBoolean("create_schemas"),
                        rs.getString("role"),
                        rs.getString("database"));
            }
        }
    }

    /** Fails in one line unless the role can reach objects in the schema (when it exists). */
    public void requireUsage(String what) {
        if (exists && !usage) {
            throw denied(
                    "role " + name(role) + " may not use schema " + name(schema) + ", which holds " + what,
                    "have the schema's owner or a superuser run: GRANT USAGE ON SCHEMA " + name(schema) + " TO "
                            + name(role));
        }
    }

    /** Fails in one line unless the role can create objects in the schema, creating the schema first if need be. */
    public void requireCreate(String what) {
        if (!exists && !createSchemas) {
            throw denied(
                    "schema " + name(schema) + " does not exist and role " + name(role)
                            + " may not create it (no CREATE on database " + name(database) + ")",
                    "have an administrator create it once: CREATE SCHEMA " + name(schema) + " AUTHORIZATION "
                            + name(role) + " (or GRANT CREATE ON DATABASE " + name(database) + " TO " + name(role)
                            + ")");
        }
        if (exists && !(usage && create)) {
            String missing = !usage && !create ? "USAGE and CREATE" : !usage ? "USAGE" : "CREATE";
            throw denied(
                    "role " + name(role) + " cannot create " + what + " in schema " + name(schema) + " (it lacks "
                            + missing + " on it)",
                    "have the schema's owner or a superuser run: GRANT USAGE, CREATE ON SCHEMA " + name(schema) + " TO "
                            + name(role));
        }
    }

    private static KeelException denied(String what, String todo) {
        return new KeelException(CoreError.PRIVILEGE_MISSING, what, todo);
    }

    private static String name(String identifier) {
        return Identifiers.display(identifier);
    }
}
