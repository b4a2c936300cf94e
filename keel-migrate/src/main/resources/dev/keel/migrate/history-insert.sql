INSERT INTO ${history} (version, description, type, script, checksum, installed_by, installed_on, execution_time_ms, success)
VALUES (?, ?, ?, ?, ?, coalesce(?, current_user), coalesce(?, now()), ?, ?)
