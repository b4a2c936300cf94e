package dev.keel.testing.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Application load that runs throughout a schema change: reader and writer threads of each version
 * (side) of the application, each on its own connection with that version's search_path, while the
 * caller's steps run one after the other. Between steps it waits until every running thread has run
 * a few more statements, so the load overlaps the whole change and not just its ends.
 *
 * <pre>{@code
 * LiveLoadReport report = LiveLoad.against(url, random)
 *         .existingRows(1000)
 *         .side(Side.of("old", "public_v1, public", oldShape))
 *         .side(Side.of("new", "public_v2", newShape))
 *         .step("start", change::start)
 *         .launch("new")
 *         .compare("select * from orders order by id")
 *         .retire("old")
 *         .step("complete", change::complete)
 *         .run();
 * report.assertZeroDowntime(Duration.ofMillis(300 + 700));
 * }</pre>
 *
 * A side named in {@link #launch} starts there; every other side starts before the first step.
 */
public final class LiveLoad {
    final String url;
    final Random random;
    final Map<String, Side> sides = new LinkedHashMap<>();
    final List<PlanStep> plan = new ArrayList<>();
    long existingRows = 1;
    int settleStatements = 50;
    Duration settleLimit = Duration.ofSeconds(60);
    Duration stepLimit = Duration.ofMinutes(2);
    Duration stopLimit = Duration.ofSeconds(10);
    Duration sampleInterval = Duration.ofMillis(10);

    private LiveLoad(String url, Random random) {
        this.url = url;
        this.random = random;
    }

    /** A load on the database at this JDBC URL; every thread's choices come from seeds drawn from {@code random}. */
    public static LiveLoad against(String jdbcUrl, Random random) {
        return new LiveLoad(jdbcUrl, random);
    }

    /** Rows with keys 1..count exist before the load starts (default 1); inserts use the keys after them. */
    public LiveLoad existingRows(long count) {
        this.existingRows = count;
        return this;
    }

    public LiveLoad side(Side side) {
        if (sides.putIfAbsent(side.name(), side) != null) {
            throw new IllegalArgumentException("two sides are named " + side.name());
        }
        return this;
    }

    public LiveLoad step(String name, ChangeStep step) {
        plan.add(new PlanStep.Action(name, step));
        return this;
    }

    public LiveLoad launch(String side) {
        plan.add(new PlanStep.Launch(side));
        return this;
    }

    public LiveLoad retire(String side) {
        plan.add(new PlanStep.Retire(side));
        return this;
    }

    /** Reads {@code query} through every running side in one snapshot and compares the rows in order. */
    public LiveLoad compare(String query) {
        plan.add(new PlanStep.Compare(query, Map.of()));
        return this;
    }

    /** As {@link #compare(String)}, with a query per side where the versions' shapes need different text. */
    public LiveLoad compare(Map<String, String> queryBySide) {
        plan.add(new PlanStep.Compare(null, Map.copyOf(queryBySide)));
        return this;
    }

    /** How many statements every running thread runs after each step before the next one (default 50). */
    public LiveLoad settleStatements(int count) {
        this.settleStatements = count;
        return this;
    }

    /** How long a step may take before the run fails (default 2 minutes). */
    public LiveLoad stepLimit(Duration limit) {
        this.stepLimit = limit;
        return this;
    }

    /**
     * How long a retired side, and every side at the end, may take to finish its statements before they
     * are cancelled (default 10 s).
     */
    public LiveLoad stopLimit(Duration limit) {
        this.stopLimit = limit;
        return this;
    }

    /** Runs the plan under load and returns what it saw; fails when a step fails or the load cannot go on. */
    public LiveLoadReport run() {
        validate();
        return new LiveLoadRun(this).run();
    }

    /** Catches a plan that could only fail half-way (unknown side, comparing fewer than two) before anything runs. */
    void validate() {
        if (sides.isEmpty()) {
            throw new IllegalArgumentException("a live load needs at least one side");
        }
        Set<String> running = new HashSet<>(sides.keySet());
        for (PlanStep step : plan) {
            if (step instanceof PlanStep.Launch l) {
                known(l.side());
                running.remove(l.side());
            }
        }
        Set<String> launched = new HashSet<>();
        for (PlanStep step : plan) {
            if (step instanceof PlanStep.Launch l) {
                if (!launched.add(l.side())) {
                    throw new IllegalArgumentException("side " + l.side() + " is launched twice");
                }
                running.add(l.side());
            } else if (step instanceof PlanStep.Retire r) {
                known(r.side());
                if (!running.remove(r.side())) {
                    throw new IllegalArgumentException("side " + r.side() + " is retired while not running");
                }
            } else if (step instanceof PlanStep.Compare c) {
                if (running.size() < 2) {
                    throw new IllegalArgumentException(
                            "a comparison needs two running sides; running there: " + running);
                }
                for (String side : running) {
                    if (c.defaultQuery() == null && !c.queryBySide().containsKey(side)) {
                        throw new IllegalArgumentException("the comparison has no query for side " + side);
                    }
                }
            }
        }
    }

    private void known(String side) {
        if (!sides.containsKey(side)) {
            throw new IllegalArgumentException("no side is named " + side + "; sides: " + sides.keySet());
        }
    }
}
