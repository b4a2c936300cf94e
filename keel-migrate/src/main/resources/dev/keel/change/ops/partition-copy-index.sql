-- One index of the table being converted, built on the new partitioned table (empty, so at once) under a name of
-- its own: the definition as the server prints it, from USING on, carries expressions, predicate, options.
DO $keel$
DECLARE
    def text := pg_get_indexdef(${index}::regclass);
BEGIN
    EXECUTE 'CREATE ' || ${unique} || 'INDEX ' || ${copy} || ' ON ' || ${target} || substr(def, strpos(def, ' USING '));
END
$keel$
