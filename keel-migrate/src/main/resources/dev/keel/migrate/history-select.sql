-- phase came with change files; to_jsonb reads it from a history table that predates it too (read-only
-- commands do not upgrade the table).
SELECT installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time_ms,
       success, to_jsonb(h) ->> 'phase' AS phase
FROM ${history} h
ORDER BY installed_rank
