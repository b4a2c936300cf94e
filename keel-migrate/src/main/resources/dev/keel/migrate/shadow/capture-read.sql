-- What the event trigger captured since the given sequence number, oldest first.
SELECT seq, tag, schema_name, relation_name, mode, objects
FROM keel_shadow.captured
WHERE seq > ?
ORDER BY seq
