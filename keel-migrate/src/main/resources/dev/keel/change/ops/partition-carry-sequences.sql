-- At the swap: a serial column's sequence, which the new table's default already draws from, becomes the new
-- table's; an identity column's new sequence goes on from the old one's value. Nothing writes the old table while
-- this transaction holds it.
DO $keel$
DECLARE
    r record;
    last bigint;
    called boolean;
BEGIN
    FOR r IN
        SELECT a.attname, a.attidentity <> '' AS identity,
               pg_get_serial_sequence(${old}, a.attname) AS old_seq,
               pg_get_serial_sequence(${new}, a.attname) AS new_seq
        FROM pg_attribute a
        WHERE a.attrelid = ${old}::regclass AND a.attnum > 0 AND NOT a.attisdropped
    LOOP
        CONTINUE WHEN r.old_seq IS NULL;
        IF r.identity THEN
            EXECUTE format('SELECT last_value, is_called FROM %s', r.old_seq) INTO last, called;
            PERFORM setval(r.new_seq, last, called);
        ELSE
            EXECUTE format('ALTER SEQUENCE %s OWNED BY %s.%I', r.old_seq, ${new}, r.attname);
        END IF;
    END LOOP;
END
$keel$
