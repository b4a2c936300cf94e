import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.keel.jdbc.routing.FallbackReason;
import dev.keel.jdbc.routing.RoutingDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/**
 * The cost of routing: the same loop of point reads through a replica's pool used directly and through
 * a RoutingDataSource that routes them to that same pool, in one JVM against one primary and its
 * streaming standby. Each read is what a read-only unit of work does: take a connection, mark it
 * read-only, prepare and run one query, give the connection back. The router does its full work per
 * read: a lazy connection, the consistency key, the positions lookup, the replica choice, the counters;
 * its poller runs meanwhile as it would in an application.
 *
 * <p>Rounds are cut into slices that alternate the two variants (the first rotating from slice to
 * slice), so drift in the machine hits both alike; warm-up rounds are thrown away. The overhead is the
 * median over the counted rounds of routing time divided by direct time in the same round, with the
 * quartiles of those ratios and a 95 % confidence interval of their median.
 *
 * <pre>java -cp CLASSPATH bench/RoutingOverhead.java PRIMARY_URL REPLICA_URL [READS_PER_ROUND] [ROUNDS] [WARMUP] [SLICES]</pre>
 *
 * Prints {@code <name> <median µs/read> <median ratio> <Q1> <Q3> <CI low> <CI high> <µs/read of each round…>}
 * for "pool" and "routing", then {@code replica-share <reads the router sent to the replica / all routed reads>}.
 */
public final class RoutingOverhead {
    private static final int ROWS = 100_000;
    private static final String QUERY = "SELECT email FROM bench_users WHERE id = ?";

    public static void main(String[] args) throws Exception {
        String primaryUrl = args[0];
        String replicaUrl = args[1];
        int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 31;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        int slices = args.length > 5 ? Math.max(1, Math.min(Integer.parseInt(args[5]), perRound)) : 10;

        try (HikariDataSource primary = pool(primaryUrl, "primary");
                HikariDataSource replica = pool(replicaUrl, "replica")) {
            prepareTable(primary);
            awaitRows(replica);
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            try (RoutingDataSource routing = RoutingDataSource.builder()
                    .primary(primary)
                    .replica("replica", replica)
                    .meterRegistry(registry)
                    .build()) {
                awaitReplicaUp(routing);
                DataSource[] variants = {replica, routing};
                String[] names = {"pool", "routing"};
                double[][] micros = run(variants, names, perRound, rounds, warmup, slices);
                report(names, micros, rounds);
                double onReplica = registry.get("keel.routing.reads").tag("target", "replica").functionCounter().count();
                double onPrimary = registry.get("keel.routing.reads").tag("target", "primary").functionCounter().count();
                System.out.printf("replica-share %.4f%n", onReplica / (onReplica + onPrimary));
                for (FallbackReason reason : FallbackReason.values()) {
                    double n = registry.get("keel.routing.fallbacks").tag("reason", reason.tag()).functionCounter().count();
                    if (n > 0) {
                        System.err.printf("fallbacks %s: %.0f%n", reason.tag(), n);
                    }
                }
            }
        }
    }

    private static double[][] run(DataSource[] variants, String[] names, int perRound, int rounds, int warmup, int slices)
            throws SQLException {
        int v = variants.length;
        double[][] micros = new double[v][rounds];
        SplittableRandom random = new SplittableRandom(42);
        for (int r = -warmup; r < rounds; r++) {
            long[] nanos = new long[v];
            for (int s = 0; s < slices; s++) {
                int reads = perRound / slices + (s < perRound % slices ? 1 : 0);
                // Both variants of a slice read the same ids, so the server's caches favour neither.
                long seed = random.nextLong();
                for (int k = 0; k < v; k++) {
                    int variant = (s + k + Math.max(r, 0)) % v;
                    long start = System.nanoTime();
                    loop(variants[variant], reads, seed);
                    nanos[variant] += System.nanoTime() - start;
                }
            }
            if (r >= 0) {
                for (int k = 0; k < v; k++) {
                    micros[k][r] = nanos[k] / 1000.0 / perRound;
                }
            }
            StringBuilder progress = new StringBuilder(r < 0 ? "warm-up round " + (r + warmup + 1) : "round " + (r + 1));
            for (int k = 0; k < v; k++) {
                progress.append(String.format(" %s %.2f", names[k], nanos[k] / 1000.0 / perRound));
            }
            System.err.println(progress.append(" µs/read"));
        }
        return micros;
    }

    private static void report(String[] names, double[][] micros, int rounds) {
        for (int k = 0; k < names.length; k++) {
            double[] ratios = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratios[r] = micros[k][r] / micros[0][r];
            }
            Arrays.sort(ratios);
            double[] sorted = micros[k].clone();
            Arrays.sort(sorted);
            double[] ci = medianInterval(ratios);
            StringBuilder line = new StringBuilder(String.format("%s %.3f %.4f %.4f %.4f %.4f %.4f", names[k],
                    quantile(sorted, 0.5), quantile(ratios, 0.5), quantile(ratios, 0.25), quantile(ratios, 0.75), ci[0], ci[1]));
            for (double d : micros[k]) {
                line.append(String.format(" %.2f", d));
            }
            System.out.println(line);
        }
    }

    /** Order statistics around the middle, 1.96 standard deviations of a Binomial(n, ½) apart: no distribution assumed. */
    private static double[] medianInterval(double[] sorted) {
        int n = sorted.length;
        double half = 1.96 * Math.sqrt(n) / 2;
        int lo = Math.max(1, (int) Math.floor(n / 2.0 - half));
        int hi = Math.min(n, (int) Math.ceil(n / 2.0 + 1 + half));
        return new double[] {sorted[lo - 1], sorted[hi - 1]};
    }

    private static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static HikariDataSource pool(String url, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName(name);
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(4);
        return new HikariDataSource(config);
    }

    private static void prepareTable(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); var s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_users");
            s.execute("CREATE TABLE bench_users (id bigint PRIMARY KEY, email text NOT NULL)");
            s.execute("INSERT INTO bench_users SELECT g, 'user' || g || '@example.com' FROM generate_series(1, " + ROWS + ") g");
            s.execute("VACUUM ANALYZE bench_users");
        }
    }

    /** The standby replays the table a moment after the primary made it. */
    private static void awaitRows(DataSource replica) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            try (Connection c = replica.getConnection(); var s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM bench_users")) {
                rs.next();
                if (rs.getLong(1) == ROWS) {
                    return;
                }
            } catch (SQLException e) {
                // The table is not there yet.
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the standby did not replay bench_users within 2 minutes");
            }
            Thread.sleep(50);
        }
    }

    private static void awaitReplicaUp(RoutingDataSource routing) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!routing.replicaStatus().get(0).up()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the router did not see the standby up within a minute");
            }
            Thread.sleep(20);
        }
    }

    private static void loop(DataSource ds, int reads, long seed) throws SQLException {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < reads; i++) {
            try (Connection c = ds.getConnection()) {
                c.setReadOnly(true);
                try (PreparedStatement ps = c.prepareStatement(QUERY)) {
                    ps.setLong(1, 1 + random.nextInt(ROWS));
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            throw new IllegalStateException("point read found no row");
                        }
                    }
                }
            }
        }
    }
}
