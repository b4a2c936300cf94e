SELECT name, basis_points, allow_list, schema_version, updated_at, updated_by
FROM ${flags}
ORDER BY name
