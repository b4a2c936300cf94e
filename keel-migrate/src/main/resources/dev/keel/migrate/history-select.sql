SELECT installed_rank, version, description, type, script, checksum, installed_by, installed_on, execution_time_ms, success
FROM ${history}
ORDER BY installed_rank
