package dev.keel.change;

import dev.keel.change.ops.RenameTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a change file into a plan against the schema as it was before start: each operation is validated and asked
 * for its actions on the shape left by the ones before it; then come the pieces every change shares — the dual-write
 * triggers, the backfills and the version schemas.
 */
public final class ChangePlanner {
    private final String stateSchema;

    public ChangePlanner(String stateSchema) {
        this.stateSchema = stateSchema;
    }

    /** Every column of the shape by its table's and its own physical name, the identity operations share. */
    private static Map<String, Shape.ColumnShape> columns(Shape shape) {
        Map<String, Shape.ColumnShape> all = new HashMap<>();
        for (Shape.TableShape t : shape.tables().values()) {
            for (Shape.ColumnShape c : t.columns().values()) {
                all.put(t.physical() + "." + c.name(), c);
            }
        }
        return all;
    }

    /** The columns an operation changed: renamed, retyped, copied, added or hidden (by the old name). */
    private static Set<String> changed(Map<String, Shape.ColumnShape> before, Map<String, Shape.ColumnShape> after) {
        Set<String> out = new LinkedHashSet<>();
        Map<String, String> physicalBefore = new HashMap<>();
        before.forEach((k, c) -> physicalBefore.put(k.substring(0, k.indexOf('.') + 1) + c.physical(), k));
        before.forEach((k, c) -> {
            if (!c.equals(after.get(k))) {
                out.add(k.substring(0, k.indexOf('.') + 1) + c.physical());
            }
        });
        after.forEach((k, c) -> {
            if (!c.equals(before.get(k))) {
                String table = k.substring(0, k.indexOf('.') + 1);
                String original =
                        physicalBefore.containsKey(table + c.physical()) ? c.physical() : k.substring(table.length());
                out.add(table + original);
            }
        });
        return out;
    }

    /**
     * @param previousVersion the newest version applied before this change, whose shape {@code <schema>_v<P>} shows;
     *     null when there is none
     * @param probe asks the server whether expressions compile; null to skip those checks
     */
    public ChangePlan plan(
            ChangeFile file, LiveSchema before, String version, String previousVersion, ExpressionProbe probe) {
        Shape oldShape = Shape.of(before);
        Shape shape = oldShape.copy();
        ChangeFindings findings = file.findings();
        ChangeContext ctx = new ChangeContext(before, shape, findings, probe, stateSchema, version);
        List<Action> opStart = new ArrayList<>();
        List<Action> opComplete = new ArrayList<>();
        List<Action> opRollback = new ArrayList<>();
        Set<String> touched = new LinkedHashSet<>();
        boolean planning = !findings.hasErrors();
        for (ChangeFile.Step step : file.steps()) {
            Operation op = step.operation();
            ChangeContext opCtx = ctx.reportingTo(step.findings());
            int before0 = findings.all().size();
            op.validate(opCtx);
            if (findings.all().size() > before0 && findings.hasErrors()) {
                planning = false;
            }
            if (!planning) {
                continue;
            }
            opStart.addAll(op.start(opCtx));
            opComplete.addAll(op.complete(opCtx));
            opRollback.addAll(0, op.rollback(opCtx));
            Map<String, Shape.ColumnShape> beforeOp = columns(shape);
            op.apply(opCtx);
            for (String column : changed(beforeOp, columns(shape))) {
                if (!touched.add(column)) {
                    step.findings()
                            .error(
                                    "change-column-twice",
                                    op.at(),
                                    "column " + column
                                            + " is changed by an earlier operation of this file, and complete"
                                            + " would address it by a name the earlier one changed",
                                    "put this operation in a change file of its own, after this one");
                    planning = false;
                }
            }
        }
        String newSchema = ShadowNames.versionSchema(file.schema(), version);
        String previousSchema =
                previousVersion == null ? null : ShadowNames.versionSchema(file.schema(), previousVersion);
        if (!planning) {
            return new ChangePlan(
                    version, file.schema(), newSchema, previousSchema, findings.all(), List.of(), List.of(), List.of());
        }

        List<Action> start = new ArrayList<>();
        // The previous version's views are the ones the running application reads through: they go before
        // anything locks a table, for the reason given at complete below.
        if (previousSchema != null) {
            start.add(VersionViews.drop(previousSchema));
        }
        start.addAll(opStart);
        List<Action> complete = new ArrayList<>();
        List<Action> rollback = new ArrayList<>();
        Set<String> triggered = new LinkedHashSet<>();
        for (Shape.Derivation d : shape.derivations()) {
            triggered.add(d.table());
        }
        for (String table : triggered) {
            start.add(DualWriteTrigger.create(
                    stateSchema,
                    newSchema,
                    oldShape.byPhysical(table),
                    shape.byPhysical(table),
                    shape.derivations(),
                    file.schema()));
        }
        start.addAll(VersionViews.create(newSchema, shape));
        if (previousSchema != null) {
            start.addAll(VersionViews.create(previousSchema, oldShape));
        }
        Set<String> filled = new LinkedHashSet<>();
        for (Shape.Derivation d : shape.derivations()) {
            if (d.backfill() && filled.add(d.table())) {
                LiveSchema.Table live = before.table(d.table());
                List<String> keyTypes =
                        live.key().stream().map(k -> live.column(k).type()).toList();
                List<Action.Fill> fills = shape.derivations().stream()
                        .filter(x -> x.table().equals(d.table()) && x.direction() == Shape.Direction.UP)
                        .map(x -> new Action.Fill(x.target(), x.expression()))
                        .toList();
                start.add(Action.backfill(new Action.Backfill(file.schema(), d.table(), live.key(), keyTypes, fills)));
            }
        }

        // The views go before anything locks a table: an application statement locks a view, then its table, so a
        // transaction that held the table while it waited for a view would wait on statements that wait on it.
        if (previousSchema != null) {
            complete.add(VersionViews.drop(previousSchema));
        }
        complete.add(VersionViews.drop(newSchema));
        for (String table : triggered) {
            complete.add(DualWriteTrigger.drop(stateSchema, file.schema(), table));
        }
        opComplete.stream().filter(a -> !RenameTable.runsLast(a)).forEach(complete::add);
        opComplete.stream().filter(RenameTable::runsLast).forEach(complete::add);
        complete.addAll(VersionViews.create(newSchema, VersionViews.physical(shape)));

        rollback.add(VersionViews.drop(newSchema));
        for (String table : triggered) {
            rollback.add(DualWriteTrigger.drop(stateSchema, file.schema(), table));
        }
        rollback.addAll(opRollback);
        return new ChangePlan(
                version, file.schema(), newSchema, previousSchema, findings.all(), start, complete, rollback);
    }
}
