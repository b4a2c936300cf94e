package dev.keel.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A workload for incremental backups: one large table that barely changes, and between backups the
 * kinds of change that trip block tracking up: inserts, updates, a TRUNCATE, a DROP TABLE, a new
 * table, and a VACUUM that cuts a table's tail off. {@link #fingerprint} is what a restored copy must
 * match, row for row.
 */
public final class ChangingData {
    private final TestCluster cluster;
    private final String database;

    public ChangingData(TestCluster cluster, String database) {
        this.cluster = cluster;
        this.database = database;
    }

    /** About 15 MB in table "big", plus small tables the later steps change. */
    public void create() {
        run(
                "create table big (id int primary key, pad text)",
                "insert into big select g, md5(g::text) || md5((g * 7)::text) from generate_series(1, 120000) g",
                "create table updated (id int primary key, v int)",
                "insert into updated select g, 0 from generate_series(1, 10000) g",
                "create table truncated (id int, note text)",
                "insert into truncated select g, 'before' from generate_series(1, 5000) g",
                "create table dropped (id int)",
                "insert into dropped select generate_series(1, 1000)",
                "create table shrunk (id int primary key, pad text)",
                "insert into shrunk select g, md5(g::text) from generate_series(1, 20000) g",
                // Sets hint bits and visibility now, as on a settled table; else the first reader after the full backup
                // rewrites every page without WAL, and a file compared by checksum is stored again. The checkpoint
                // first
                // flushes the (asynchronous) commits, without which no hint bit may be set.
                "checkpoint",
                "vacuum big",
                "checkpoint");
    }

    /** The changes before the first incremental backup. */
    public void firstChanges() {
        run(
                "insert into updated select g, -1 from generate_series(10001, 10200) g",
                "update updated set v = v + 1 where id % 100 = 0",
                "truncate truncated",
                "insert into truncated values (1, 'after truncate')",
                "drop table dropped",
                "create table fresh (id serial primary key, note text)",
                "insert into fresh (note) select 'fresh ' || g from generate_series(1, 3000) g",
                "checkpoint");
    }

    /**
     * The changes before the second incremental backup; the VACUUM cuts shrunk's emptied tail off. (A
     * VACUUM of big would rewrite every page of it, which WAL then reports as changed, rightly.)
     */
    public void secondChanges() {
        run(
                "update big set pad = 'changed' where id % 5000 = 0",
                "delete from shrunk where id > 5000",
                "vacuum shrunk",
                "update updated set v = v + 10 where id % 7 = 0",
                "insert into fresh (note) select 'second ' || g from generate_series(1, 500) g",
                "create table later (id int primary key)",
                "insert into later select generate_series(1, 100)",
                "checkpoint");
    }

    /** Per user table: row count and an MD5 of every row, in order. */
    public Map<String, String> fingerprint() {
        return fingerprint(cluster.connect(database));
    }

    public static Map<String, String> fingerprint(Connection connection) {
        Map<String, String> tables = new TreeMap<>();
        try (Connection c = connection;
                Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(
                    "select relname from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String name : names) {
                try (ResultSet rs = s.executeQuery(
                        "select count(*) || ':' || md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from \""
                                + name + "\" t")) {
                    rs.next();
                    tables.put(name, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot fingerprint the tables: " + e.getMessage(), e);
        }
        return tables;
    }

    private void run(String... statements) {
        for (String sql : statements) {
            cluster.execute(database, sql);
        }
    }
}
