INSERT INTO ${history} (name, actor, basis_points_before, basis_points_after, allow_before, allow_after,
                        schema_version_before, schema_version_after)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
RETURNING id, name, changed_at, database_role, actor, basis_points_before, basis_points_after, allow_before,
          allow_after, schema_version_before, schema_version_after
