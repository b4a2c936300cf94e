-- Sent in the same round trip as the migration's statements, so its time is the server's: from the
-- transaction's start (now()) to this row.
INSERT INTO ${history} (version, description, type, script, checksum, execution_time_ms, success)
VALUES (${version}, ${description}, ${type}, ${script}, ${checksum},
        (extract(epoch FROM clock_timestamp() - now()) * 1000)::integer, true)
