package dev.keel.testing.live;

import dev.keel.testing.TestCluster;
import java.sql.SQLException;

/**
 * The expand/contract rename of orders.note to orders.comment, written by hand in plain SQL, the
 * way keel's rename should behave: start adds the new column beside the old one, a trigger keeps
 * the two in step whichever version writes, schema public_v1 presents the old shape and public_v2
 * the new; the backfill copies the existing rows in batches; complete drops the old column and
 * everything that served it, rollback everything start added.
 */
final class HandWrittenRename {
    static final String OLD_PATH = "public_v1, public";
    static final String NEW_PATH = "public_v2";

    private final PlainDdl ddl;

    HandWrittenRename(PlainDdl ddl) {
        this.ddl = ddl;
    }

    static void createTable(TestCluster cluster, String db, int rows) {
        cluster.execute(db, "create table orders (id bigint primary key, note text)");
        cluster.execute(db, "insert into orders select g, 'note ' || g from generate_series(1, " + rows + ") g");
    }

    void start() throws SQLException, InterruptedException {
        ddl.run(
                "alter table orders add column comment text",
                """
                create function orders_note_comment() returns trigger language plpgsql as $$
                begin
                    if tg_op = 'INSERT' then
                        if new.comment is null then
                            new.comment := new.note;
                        elsif new.note is null then
                            new.note := new.comment;
                        end if;
                    elsif new.note is distinct from old.note then
                        new.comment := new.note;
                    elsif new.comment is distinct from old.comment then
                        new.note := new.comment;
                    end if;
                    return new;
                end $$""",
                "create trigger orders_note_comment before insert or update on orders"
                        + " for each row execute function orders_note_comment()",
                "create schema public_v1",
                "create view public_v1.orders as select id, note from public.orders",
                "create schema public_v2",
                "create view public_v2.orders as select id, comment from public.orders");
    }

    void backfill() throws SQLException {
        ddl.inBatches("orders", "id", "comment = note", "comment is distinct from note", 500);
    }

    void complete() throws SQLException, InterruptedException {
        ddl.run(
                "drop schema public_v1 cascade",
                "drop trigger orders_note_comment on orders",
                "drop function orders_note_comment()",
                "alter table orders drop column note");
    }

    void rollback() throws SQLException, InterruptedException {
        ddl.run(
                "drop schema public_v2 cascade",
                "drop schema public_v1 cascade",
                "drop trigger orders_note_comment on orders",
                "drop function orders_note_comment()",
                "alter table orders drop column comment");
    }
}
