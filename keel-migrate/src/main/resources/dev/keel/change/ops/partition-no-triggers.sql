-- The swap leaves the old table's triggers on the old table: one created since the change started (the change
-- refused the table's earlier ones) would stop firing without a word. keel's own copy trigger is dropped by the swap.
DO $keel$
DECLARE
    triggers text;
BEGIN
    SELECT string_agg(t.tgname, ', ' ORDER BY t.tgname)
    INTO triggers
    FROM pg_trigger t
    WHERE t.tgrelid = ${table}::regclass
      AND NOT t.tgisinternal
      AND t.tgname <> ${copyTrigger};
    IF triggers IS NOT NULL THEN
        RAISE EXCEPTION 'triggers were created on % since the change started: %; the partitioned table would not have them (drop them, complete the change, and create them again on it)', ${table}::regclass, triggers;
    END IF;
END
$keel$
