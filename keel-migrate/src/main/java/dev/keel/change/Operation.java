package dev.keel.change;

import java.util.List;

/**
 * One operation of a change file. It runs no SQL: it checks itself against the shape before it, says what start,
 * complete and rollback must do as planned actions, and turns the shape into the one after it.
 */
public interface Operation {

    /** The name in the file, such as {@code rename_column}. */
    String kind();

    /** Where the operation starts in its file. */
    YamlNode.Position at();

    /** Findings against {@code ctx.shape()}, the shape before this operation. */
    void validate(ChangeContext ctx);

    /** What start adds: columns beside the old ones, NOT VALID constraints, concurrent indexes. */
    List<Action> start(ChangeContext ctx);

    /** What complete does to make the new shape physical. */
    List<Action> complete(ChangeContext ctx);

    /** What rollback does to remove what start added. */
    List<Action> rollback(ChangeContext ctx);

    /** Turns {@code ctx.shape()} into the shape after this operation. */
    void apply(ChangeContext ctx);

    /** Runs arbitrary SQL keel cannot see into; keel check flags it. */
    default boolean opaque() {
        return false;
    }
}
