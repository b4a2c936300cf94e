-- partition_table's swap: every foreign key of another table that references the old table is made to reference the
-- new partitioned one, under the same name, options and columns. It is added NOT VALID (no scan under the swap's
-- lock) and validated after the swap. A partitioned referencing table cannot take a NOT VALID foreign key, so it
-- refuses the swap rather than scan under the lock.
DO $keel$
DECLARE
    r record;
    printed text;
    definition text;
    at int;
BEGIN
    FOR r IN
        SELECT con.conname, con.conrelid::regclass::text AS child, pg_get_constraintdef(con.oid) AS def,
               con.confrelid::regclass::text AS referenced, rel.relkind
        FROM pg_constraint con
        JOIN pg_class rel ON rel.oid = con.conrelid
        WHERE con.confrelid = ${old}::regclass
          AND con.contype = 'f'
          AND con.conrelid <> con.confrelid
          AND con.conparentid = 0
        ORDER BY 2, 1
    LOOP
        IF r.relkind = 'p' THEN
            RAISE EXCEPTION 'the foreign key % of the partitioned table % references %, and PostgreSQL cannot move it without a scan under the swap''s lock', r.conname, r.child, ${old}
                USING HINT = 'drop it in an earlier migration and add it again after this change completes';
        END IF;
        printed := ' REFERENCES ' || r.referenced || '(';
        at := strpos(r.def, printed);
        IF at = 0 THEN
            RAISE EXCEPTION 'cannot read the foreign key % of %: %', r.conname, r.child, r.def;
        END IF;
        definition := overlay(r.def PLACING ' REFERENCES ' || ${new} || '(' FROM at FOR length(printed));
        definition := regexp_replace(definition, ' NOT VALID$', '');
        EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.child, r.conname);
        EXECUTE format('ALTER TABLE %s ADD CONSTRAINT %I %s NOT VALID', r.child, r.conname, definition);
    END LOOP;
END
$keel$
