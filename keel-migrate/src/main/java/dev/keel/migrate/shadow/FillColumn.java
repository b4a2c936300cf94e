package dev.keel.migrate.shadow;

/**
 * A column of a table the shadow fills, as {@link ColumnValues} needs it.
 *
 * @param declared the column's type as written, e.g. {@code character varying(20)} or a domain's name
 * @param base the base type's name (a domain resolved), e.g. {@code varchar}, {@code int8}
 * @param category pg_type.typcategory of the base type (A for arrays)
 * @param kind pg_type.typtype of the base type (e for enums)
 * @param baseDeclared the base type as written, with its modifier
 * @param typmod the base type's modifier, -1 without one
 * @param filledByServer a default, identity or generated column: PostgreSQL fills it
 */
public record FillColumn(
        String name,
        String declared,
        String base,
        String category,
        String kind,
        String baseDeclared,
        int typmod,
        boolean notNull,
        boolean filledByServer) {}
