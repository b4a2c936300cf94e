package dev.keel.migrate.shadow;

import dev.keel.sql.Identifiers;

/** A table or index by schema and name: the key that matches a shadow relation to the target's. */
public record RelationName(String schema, String name) implements Comparable<RelationName> {

    /** As a person reads it: the schema only outside public, quoted only where PostgreSQL needs it. */
    public String display() {
        return schema.equals("public")
                ? Identifiers.display(name)
                : Identifiers.display(schema) + "." + Identifiers.display(name);
    }

    public String quoted() {
        return Identifiers.qualified(schema, name);
    }

    @Override
    public int compareTo(RelationName other) {
        int bySchema = schema.compareTo(other.schema);
        return bySchema != 0 ? bySchema : name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return display();
    }
}
