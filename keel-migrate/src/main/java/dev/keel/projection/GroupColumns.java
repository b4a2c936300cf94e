package dev.keel.projection;

import dev.keel.sql.Identifiers;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The group columns of a counter written into SQL. NULL is a group of its own, as GROUP BY has it; joins on the group
 * therefore come in two parts: {@code =} for groups without NULL (hashable, indexable) and IS NOT DISTINCT FROM for the
 * few with one.
 */
final class GroupColumns {
    private final List<String> names;

    GroupColumns(List<String> names) {
        this.names = List.copyOf(names);
    }

    /** "a", "b" */
    String list() {
        return names.stream().map(Identifiers::quote).collect(Collectors.joining(", "));
    }

    /** x."a", x."b" */
    String list(String alias) {
        return names.stream().map(n -> alias + "." + Identifiers.quote(n)).collect(Collectors.joining(", "));
    }

    /** x."a" = y."a" AND … */
    String equal(String left, String right) {
        return names.stream()
                .map(n -> left + "." + Identifiers.quote(n) + " = " + right + "." + Identifiers.quote(n))
                .collect(Collectors.joining(" AND "));
    }

    /** x."a" IS NOT DISTINCT FROM y."a" AND … */
    String same(String left, String right) {
        return names.stream()
                .map(n -> left + "." + Identifiers.quote(n) + " IS NOT DISTINCT FROM " + right + "."
                        + Identifiers.quote(n))
                .collect(Collectors.joining(" AND "));
    }

    /** (x."a" IS NULL OR x."b" IS NULL) */
    String anyNull(String alias) {
        return names.stream()
                .map(n -> alias + "." + Identifiers.quote(n) + " IS NULL")
                .collect(Collectors.joining(" OR ", "(", ")"));
    }

    List<String> names() {
        return names;
    }
}
