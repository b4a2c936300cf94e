package dev.keel.advise;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.error.KeelException;
import dev.keel.insight.InsightError;
import dev.keel.sql.Identifiers;
import dev.keel.stats.LiteralAlignment;
import dev.keel.stats.LiteralSamples;
import dev.keel.stats.RankBy;
import dev.keel.stats.RankedStatement;
import dev.keel.stats.Ranking;
import dev.keel.stats.Snapshot;
import dev.keel.stats.StatementSnapshots;
import dev.keel.stats.Top;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code keel advise indexes}: for the statements that take the most total time, candidate indexes
 * from their plans, kept only when the planner uses them and they cut a statement's estimated cost
 * by the asked factor; and the health of the indexes that exist.
 *
 * <p>Pass a connection in autocommit mode: planning runs in transactions it rolls back, the scratch
 * copy needs CREATE INDEX CONCURRENTLY. It writes one statistics snapshot (as keel top does) and,
 * without hypopg, a scratch schema it drops again; it never changes the product's tables.
 */
public final class IndexAdvisor {
    /** What a proposal rests on when no values were sampled. */
    public static final String GENERIC = "generic plan";
    /** The most frequent value sets planned per statement: each is planned once per candidate. */
    private static final int SAMPLE_SETS = 5;

    private IndexAdvisor() {}

    public static IndexAdvice advise(Connection c, AdviseOptions options) {
        try {
            return run(c, options);
        } catch (SQLException e) {
            throw new KeelException(
                    InsightError.QUERY_FAILED,
                    "index advice failed: " + e.getMessage().lines().findFirst().orElse(""),
                    "check that the user may read the catalog and pg_stat_statements; rerun with -v for the cause",
                    e);
        }
    }

    private static IndexAdvice run(Connection c, AdviseOptions options) throws SQLException {
        List<String> notes = new ArrayList<>();
        LiteralSamples samples = new LiteralSamples(options.keelSchema());
        if (!options.observe().isZero()) {
            LiteralSamples.Observation seen = samples.observe(c, options.observe(), LiteralSamples.DEFAULT_INTERVAL);
            notes.add(seen.describe());
            notes.addAll(seen.notes());
        }
        Ranking ranking = Top.run(c, options.keelSchema(), options.since(), RankBy.TOTAL, options.statements());
        notes.addAll(ranking.notes());
        OffsetDateTime samplesSince = ranking.end().minus(options.since());
        List<AdvisedStatement> planned = plan(c, ranking.statements(), samples, samplesSince, notes);

        Map<Candidate, List<AdvisedStatement>> candidates = candidates(c, planned, options.keelSchema());
        CandidateVerifier verifier = verifier(c, options, candidates.isEmpty(), notes);
        List<Verification> kept = new ArrayList<>();
        for (Map.Entry<Candidate, List<AdvisedStatement>> entry : candidates.entrySet()) {
            try {
                Verification v = verifier.verify(entry.getKey(), entry.getValue());
                List<StatementGain> enough = v.gains().stream()
                        .filter(g -> g.factor() >= options.minImprovement())
                        .sorted(Comparator.comparingDouble(StatementGain::factor)
                                .reversed())
                        .toList();
                if (!enough.isEmpty()) {
                    kept.add(new Verification(v.candidate(), enough, v.estimatedBytes()));
                }
            } catch (SQLException e) {
                notes.add("candidate " + entry.getKey().describe() + " could not be verified: "
                        + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        List<IndexProposal> proposals = new ArrayList<>();
        // The ranking took the newest snapshot; the one before it, if any, gives the recent write load.
        StatementSnapshots snapshots = new StatementSnapshots(options.keelSchema());
        Snapshot newest = snapshots.newest(c).orElse(null);
        Snapshot before = newest == null
                ? null
                : snapshots.newestAtOrBefore(c, newest.takenAt(), newest.id()).orElse(null);
        boolean lifetime = false;
        for (Verification v : best(kept)) {
            Candidate candidate = v.candidate();
            TableWrites writes =
                    WriteRate.of(c, options.keelSchema(), before, newest, candidate.schema(), candidate.table());
            lifetime |= !writes.recent();
            proposals.add(new IndexProposal(
                    candidate.schema(),
                    candidate.table(),
                    candidate.columns(),
                    candidate.indexName(),
                    candidate.createConcurrently() + ";",
                    v.gains(),
                    v.estimatedBytes(),
                    writes.insertsPerSecond() + writes.updatesPerSecond() + writes.deletesPerSecond(),
                    writes,
                    MigrationText.of(candidate, v.bestFactor(), v.gains().size())));
        }
        if (lifetime) {
            notes.add(
                    "write rates count " + TableWrites.LIFETIME + ", averaging quiet and busy times: with two snapshots"
                            + " (keel stats snapshot, e.g. hourly) they show the recent load instead");
        }
        IndexHealth.Result health = IndexHealth.check(c, options.keelSchema(), options.unusedAfter());
        String tooEarly = IndexHealth.tooEarlyNote(health.tooEarly(), options.unusedAfter());
        if (tooEarly != null) {
            notes.add(tooEarly);
        }
        return new IndexAdvice(
                verifier.method(),
                options.minImprovement(),
                planned.size(),
                proposals,
                health.findings(),
                options.unusedAfter().toSeconds(),
                health.tooEarly(),
                notes);
    }

    private static List<AdvisedStatement> plan(
            Connection c,
            List<RankedStatement> ranked,
            LiteralSamples samples,
            OffsetDateTime since,
            List<String> notes)
            throws SQLException {
        List<AdvisedStatement> planned = new ArrayList<>();
        int other = 0;
        int generic = 0;
        for (RankedStatement s : ranked) {
            if (!GenericPlan.explainable(s.query()) || s.query().startsWith("/* keel")) {
                other++;
                continue;
            }
            Optional<AdvisedStatement> sampled =
                    withSamples(c, s, samples.of(c, s.queryId(), since, SAMPLE_SETS), notes);
            if (sampled.isPresent()) {
                planned.add(sampled.get());
                continue;
            }
            try {
                JsonNode plan = GenericPlan.explain(c, s.query(), null);
                planned.add(new AdvisedStatement(
                        s.queryId(),
                        s.query(),
                        s.calls(),
                        s.totalMs(),
                        List.of(new AdvisedStatement.Variant(s.query(), true, 1, plan)),
                        GENERIC));
                if (GenericPlan.parameters(s.query()) > 0) {
                    generic++;
                }
            } catch (SQLException e) {
                notes.add("statement " + s.queryId() + " was skipped: it could not be planned ("
                        + e.getMessage().lines().findFirst().orElse("") + ")"
                        + (GenericPlan.parameters(s.query()) > 0
                                ? "; sampled values would let keel plan it: rerun with --observe 30s while it runs"
                                : ""));
            }
        }
        if (other > 0) {
            notes.add(other + (other == 1 ? " ranked statement is" : " ranked statements are")
                    + " not a SELECT, UPDATE or DELETE (or is keel's own) and got no index advice");
        }
        if (generic > 0) {
            notes.add(generic + (generic == 1 ? " statement was" : " statements were")
                    + " judged by the generic plan, which assumes an average value"
                    + " for each $n: no values were sampled for them (--observe samples them from pg_stat_activity)");
        }
        return planned;
    }

    /** Custom plans for the most frequent sampled values; empty when there are none or none can be planned. */
    private static Optional<AdvisedStatement> withSamples(
            Connection c, RankedStatement s, LiteralSamples.Samples samples, List<String> notes) {
        List<AdvisedStatement.Variant> variants = new ArrayList<>();
        long weights = 0;
        for (LiteralSamples.Sample sample : samples.sets()) {
            try {
                String sql = LiteralAlignment.substitute(s.query(), sample.literals());
                variants.add(new AdvisedStatement.Variant(sql, false, sample.seen(), CustomPlan.explain(c, sql, null)));
                weights += sample.seen();
            } catch (SQLException | IllegalArgumentException e) {
                // A value that no longer fits (the column's type changed, say): the other samples still count.
            }
        }
        if (variants.isEmpty()) {
            if (!samples.isEmpty()) {
                notes.add("statement " + s.queryId()
                        + ": none of its sampled values could be planned; it is judged by the generic plan");
            }
            return Optional.empty();
        }
        String evidence = "custom plans for " + variants.size()
                + (variants.size() == 1 ? " sampled value set" : " sampled value sets") + " (" + weights + " of "
                + samples.observations() + (samples.observations() == 1 ? " observation" : " observations") + ")";
        return Optional.of(new AdvisedStatement(s.queryId(), s.query(), s.calls(), s.totalMs(), variants, evidence));
    }

    /** Each candidate with the statements that suggested it, in ranking order. */
    private static Map<Candidate, List<AdvisedStatement>> candidates(
            Connection c, List<AdvisedStatement> planned, String keelSchema) throws SQLException {
        Map<Candidate, List<AdvisedStatement>> candidates = new LinkedHashMap<>();
        Map<String, TableCatalog> catalogs = new LinkedHashMap<>();
        for (AdvisedStatement statement : planned) {
            for (ScannedTable scan : statement.plans().stream()
                    .flatMap(p -> PlanScans.of(p).stream())
                    .toList()) {
                if (Set.of("pg_catalog", "information_schema", keelSchema, ScratchCopy.SCHEMA)
                        .contains(scan.schema())) {
                    continue;
                }
                String key = Identifiers.qualified(scan.schema(), scan.table());
                TableCatalog catalog = catalogs.get(key);
                if (catalog == null) {
                    catalog = TableCatalog.read(c, scan.schema(), scan.table());
                    catalogs.put(key, catalog);
                }
                for (Candidate candidate : Candidates.of(scan, catalog)) {
                    List<AdvisedStatement> by = candidates.computeIfAbsent(candidate, k -> new ArrayList<>());
                    if (!by.contains(statement)) {
                        by.add(statement);
                    }
                }
            }
        }
        return candidates;
    }

    private static CandidateVerifier verifier(
            Connection c, AdviseOptions options, boolean nothingToVerify, List<String> notes) throws SQLException {
        if (options.hypopg() && !nothingToVerify) {
            var hypopg = HypoPg.open(c, notes);
            if (hypopg.isPresent()) {
                return hypopg.get();
            }
        } else if (options.hypopg() && HypoPg.available(c)) {
            // Nothing to verify: say which method would have run without creating the extension.
            return new CandidateVerifierName("hypopg");
        }
        return new ScratchCopy(c, options.copyRows());
    }

    /**
     * The strongest candidates, one per need: a candidate whose helped statements another kept
     * candidate of the same table already helps as much is left out (e.g. (user_id) when
     * (user_id, created_at) serves the same statements better, or the other way round).
     */
    private static List<Verification> best(List<Verification> kept) {
        List<Verification> sorted = new ArrayList<>(kept);
        sorted.sort(Comparator.comparingDouble(Verification::bestFactor)
                .reversed()
                .thenComparingInt(v -> v.candidate().columns().size()));
        List<Verification> chosen = new ArrayList<>();
        for (Verification v : sorted) {
            Set<Long> helped =
                    new HashSet<>(v.gains().stream().map(StatementGain::queryId).toList());
            boolean served = chosen.stream()
                    .filter(o -> o.candidate().schema().equals(v.candidate().schema())
                            && o.candidate().table().equals(v.candidate().table()))
                    .anyMatch(o -> o.gains().stream()
                            .map(StatementGain::queryId)
                            .toList()
                            .containsAll(helped));
            if (!served) {
                chosen.add(v);
            }
        }
        return chosen;
    }

    /** Names the method when there was nothing to verify. */
    private record CandidateVerifierName(String method) implements CandidateVerifier {
        @Override
        public Verification verify(Candidate candidate, List<AdvisedStatement> statements) {
            throw new IllegalStateException("no candidates to verify");
        }
    }
}
