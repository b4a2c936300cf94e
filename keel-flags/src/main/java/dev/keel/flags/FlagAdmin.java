package dev.keel.flags;

import dev.keel.connect.ConnectionSource;
import dev.keel.error.KeelException;
import dev.keel.sql.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The verbs of keel flags: list, get, set and history, each returning the record its output is made of. */
public final class FlagAdmin {
    private final ConnectionSource source;
    private final FlagStore store;

    public FlagAdmin(ConnectionSource source, String schema) {
        this.source = source;
        this.store = new FlagStore(new FlagTables(schema));
    }

    public FlagListResult list() {
        return withConnection(
                "reading",
                c -> new FlagListResult(
                        source.describe(), List.copyOf(store.readAll(c).values())));
    }

    public FlagGetResult get(String name) {
        FlagName.check(name);
        return withConnection("reading", c -> {
            Flag flag = store.readAll(c).get(name);
            if (flag == null) {
                throw unknown(name);
            }
            return new FlagGetResult(source.describe(), flag);
        });
    }

    /** Creates the tables on first use; {@code actor} is the person or job behind the database role, or null. */
    public FlagSetResult set(FlagUpdate update, String actor) {
        if (update.changesNothing()) {
            throw new KeelException(
                    FlagError.NOTHING_TO_SET,
                    "nothing to set for flag " + update.name(),
                    "give a value (on, off, 10%) or --allow, --clear-allow, --schema-version or --no-schema-version");
        }
        return withConnection("writing", c -> {
            if (update.schemaVersion() != null && !schemaExists(c, update.schemaVersion())) {
                throw new KeelException(
                        FlagError.SCHEMA_VERSION_MISSING,
                        "schema " + Identifiers.display(update.schemaVersion()) + " does not exist in "
                                + source.describe(),
                        "start the change that creates it first (keel migrate), then link the flag to it");
            }
            store.tables().ensureExist(c);
            FlagStore.Written written = store.write(c, update, actor);
            return new FlagSetResult(source.describe(), written.before(), written.after(), written.change());
        });
    }

    public FlagHistoryResult history(String name) {
        FlagName.check(name);
        return withConnection("reading", c -> {
            List<FlagChange> changes = store.history(c, name);
            if (changes.isEmpty() && !store.readAll(c).containsKey(name)) {
                throw unknown(name);
            }
            return new FlagHistoryResult(source.describe(), name, changes);
        });
    }

    private KeelException unknown(String name) {
        return new KeelException(
                FlagError.FLAG_UNKNOWN,
                "flag " + name + " is not set in " + source.describe(),
                "see the flags with keel flags list, or create it with keel flags set " + name + " off");
    }

    private static boolean schemaExists(Connection c, String schema) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?)")) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T withConnection(String doing, Work<T> work) {
        try (Connection c = source.open()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new KeelException(
                    FlagError.STORE_FAILED,
                    doing + " the flags in " + store.tables().schema() + " of " + source.describe() + " failed: "
                            + e.getMessage(),
                    "check that the role may use keel's schema and its flags and flag_history tables; -v shows the cause",
                    e);
        }
    }
}
