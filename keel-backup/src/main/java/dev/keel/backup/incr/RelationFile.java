package dev.keel.backup.incr;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A relation segment file of the data directory, named the way PostgreSQL names them:
 * base/&lt;db&gt;/&lt;relfilenode&gt;[_fsm|_vm|_init][.&lt;segno&gt;], global/… for shared relations, and
 * pg_tblspc/&lt;oid&gt;/&lt;version dir&gt;/&lt;db&gt;/… in a tablespace. WAL summaries name blocks by
 * (tablespace, database, relfilenode, fork), which this maps files onto.
 */
public record RelationFile(long tablespace, long database, long relfilenode, int fork, int segment) {
    public static final long DEFAULT_TABLESPACE = 1663;
    public static final long GLOBAL_TABLESPACE = 1664;
    public static final int MAIN = 0;
    public static final int FSM = 1;
    public static final int VM = 2;
    public static final int INIT = 3;

    private static final Pattern NAME = Pattern.compile("([0-9]+)(_fsm|_vm|_init)?(?:\\.([0-9]+))?");
    private static final Pattern BASE = Pattern.compile("base/([0-9]+)/([^/]+)");
    private static final Pattern GLOBAL = Pattern.compile("global/([^/]+)");
    private static final Pattern TABLESPACE = Pattern.compile("pg_tblspc/([0-9]+)/[^/]+/([0-9]+)/([^/]+)");

    public static Optional<RelationFile> parse(String path) {
        Matcher m;
        if ((m = BASE.matcher(path)).matches()) {
            return name(DEFAULT_TABLESPACE, Long.parseLong(m.group(1)), m.group(2));
        }
        if ((m = GLOBAL.matcher(path)).matches()) {
            return name(GLOBAL_TABLESPACE, 0, m.group(1));
        }
        if ((m = TABLESPACE.matcher(path)).matches()) {
            return name(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), m.group(3));
        }
        return Optional.empty();
    }

    private static Optional<RelationFile> name(long tablespace, long database, String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        int fork = m.group(2) == null
                ? MAIN
                : switch (m.group(2)) {
                    case "_fsm" -> FSM;
                    case "_vm" -> VM;
                    default -> INIT;
                };
        return Optional.of(new RelationFile(
                tablespace,
                database,
                Long.parseLong(m.group(1)),
                fork,
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
    }

    /**
     * Whether WAL records every change to this fork. The free space map is updated without WAL, so
     * only the main fork and the visibility map can be copied by changed blocks.
     */
    public boolean walLogged() {
        return fork == MAIN || fork == VM;
    }

    /** The name of this relation's init fork, which exists only for unlogged relations. */
    public String initForkName() {
        return relfilenode + "_init";
    }
}
