package dev.keel.check;

/** A target's schema model for rule tests that weigh what the catalog says, built as {@link CatalogFacts} would. */
public final class TargetWith {

    private TargetWith() {}

    /** A read catalog holding one table with this row estimate (-1: never analysed). */
    public static SchemaModel table(String name, long rows) {
        SchemaModel model = new SchemaModel(true);
        model.addRelation(name, SchemaModel.RelationKind.TABLE, false, rows);
        return model;
    }

    /** As {@link #table}, with a function of this volatility in the catalog. */
    public static SchemaModel tableAndFunction(
            String table, long rows, String function, SchemaModel.Volatility volatility) {
        SchemaModel model = table(table, rows);
        model.function(function, volatility);
        return model;
    }

    /** A read catalog holding one partitioned table. */
    public static SchemaModel partitioned(String name) {
        SchemaModel model = new SchemaModel(true);
        model.addRelation(name, SchemaModel.RelationKind.PARTITIONED_TABLE, false, -1);
        return model;
    }
}
