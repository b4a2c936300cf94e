INSERT INTO ${flags} AS f (name, basis_points, allow_list, schema_version, updated_at, updated_by)
VALUES (?, ?, ?, ?, clock_timestamp(), ?)
ON CONFLICT (name) DO UPDATE
SET basis_points = excluded.basis_points,
    allow_list = excluded.allow_list,
    schema_version = excluded.schema_version,
    updated_at = excluded.updated_at,
    updated_by = excluded.updated_by
RETURNING name, basis_points, allow_list, schema_version, updated_at, updated_by
